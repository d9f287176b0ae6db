"""Where a bulk job puts its results: one audio file per row and ``manifest.jsonl``.

Each file appears complete or not at all (written beside, then renamed). The manifest gets a
line per finished row (``id``, ``line``, ``file``, ``format``, ``sample_rate``, ``duration``,
``seconds``, ``error``, and ``timestamps``, the row's subtitle or JSON file, if asked for) as
soon as the row is written, so an interrupted job can be resumed: rows whose last line says
they were written (and whose file is there) are skipped, the others are spoken again and their
new line is appended.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from yuyin.cluster.row_speech import SpokenRow

MANIFEST = "manifest.jsonl"


class OutputError(ValueError):
    """The output directory cannot take this job."""


@dataclass
class BulkTally:
    """Rows written and failed, and the seconds of audio written, so far."""

    written: int = 0
    failed: int = 0
    audio_seconds: float = 0.0


class BulkOutput:
    """The output directory of one job; ``resume`` continues a job that wrote there before;
    ``timestamps`` is the suffix of the rows' timestamp files (srt, vtt or json), if any."""

    def __init__(self, directory: Path, resume: bool = False, timestamps: str | None = None):
        self.directory = Path(directory)
        self.timestamps = timestamps
        self.manifest = self.directory / MANIFEST
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{directory}: cannot create it: {exc}") from None
        if not os.access(self.directory, os.W_OK | os.X_OK):
            raise OutputError(f"{directory}: not writable")
        if self.manifest.exists() and not resume:
            raise OutputError(f"{directory} already holds a {MANIFEST}: pass --resume to finish that job, "
                              "or choose another directory")  # fmt: skip
        self.tally = BulkTally()

    def finished_ids(self) -> set[str]:
        """Ids whose latest manifest line says written, with the file still there (for resuming)."""
        latest: dict[str, dict] = {}
        if self.manifest.exists():
            for line in self.manifest.read_text(encoding="utf-8").splitlines():
                try:
                    record = json.loads(line)
                    latest[record["id"]] = record
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue  # a line cut short by an interruption
        return {ident for ident, record in latest.items()
                if not record.get("error") and (self.directory / str(record.get("file"))).is_file()}  # fmt: skip

    def write(self, row: SpokenRow) -> None:
        """Write the row's file (if it has audio) and then its manifest line."""
        record = {"id": row.id, "line": row.line, "file": None, "format": row.format, "sample_rate": row.sample_rate,
                  "duration": round(row.duration, 6), "seconds": round(row.seconds, 6), "error": row.error}  # fmt: skip
        if self.timestamps is not None:
            record["timestamps"] = None
        if row.audio is not None:
            if row.timestamps is not None:
                record["timestamps"] = self._put(f"{row.id}.{self.timestamps}", row.timestamps.encode())
            record["file"] = self._put(f"{row.id}.{row.format}", row.audio)
            self.tally.written += 1
            self.tally.audio_seconds += row.duration
        else:
            self.tally.failed += 1
        with self.manifest.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def _put(self, name: str, data: bytes) -> str:
        """Write a file whole (beside, then renamed); returns its name."""
        staging = self.directory / f".{name}.partial"
        staging.write_bytes(data)
        os.replace(staging, self.directory / name)
        return name
