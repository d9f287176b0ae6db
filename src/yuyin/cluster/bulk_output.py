"""Where a bulk job puts its results: one audio file per row and ``manifest.jsonl``.

Each file appears complete or not at all (written beside, then renamed). The manifest gets a
line per finished row (``id``, ``line``, ``file``, ``format``, ``sample_rate``, ``duration``,
``seconds``, ``error``, and ``timestamps``, the row's subtitle or JSON file, if asked for) as
soon as the row is written, so an interrupted job can be resumed: rows whose last line says
they were written, from the same row and job (``fingerprint``), with their files still there,
are skipped; the others are spoken again and their new line is appended, and files that their
earlier line named and the new one does not (another format or timestamps suffix) are removed.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from yuyin.cluster.manifest import BulkItem
from yuyin.cluster.row_speech import SpokenRow

MANIFEST = "manifest.jsonl"
LOCK = ".lock"


class OutputError(ValueError):
    """The output directory cannot take this job."""


@dataclass
class BulkTally:
    """Rows written and failed, and the seconds of audio written, so far."""

    written: int = 0
    failed: int = 0
    audio_seconds: float = 0.0


class BulkOutput:
    """The output directory of one job.

    resume: continue a job that wrote there before. job: what besides a row's own fields decides
    its audio (default format, voices, timestamps...), as text; a row is skipped on resume only if
    its fingerprint (its fields and the job) is the one written, so an edited row or a changed
    job is spoken again. timestamps: the suffix of the rows' timestamp files (srt, vtt, json).
    """

    def __init__(self, directory: Path, resume: bool = False, timestamps: str | None = None, job: str = ""):
        self.directory = Path(directory)
        self.timestamps, self.job = timestamps, job
        self.manifest = self.directory / MANIFEST
        # the directories this job makes, deepest first: removed again if it ends with no result
        self._made = [path for path in (self.directory, *self.directory.parents) if not path.exists()]
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{directory}: cannot create it: {exc}") from None
        if not os.access(self.directory, os.W_OK | os.X_OK):
            raise OutputError(f"{directory}: not writable")
        self._lock = self._take_lock()
        if self.manifest.exists() and not resume:
            self.close()
            raise OutputError(f"{directory} already holds a {MANIFEST}: pass --resume to finish that job, "
                              "or choose another directory")  # fmt: skip
        for staging in self.directory.glob(".*.partial"):  # left by an interrupted run
            staging.unlink()
        self.tally = BulkTally()
        self._latest: dict[str, dict] = {}  # id -> the row's latest manifest line before this run

    def close(self) -> None:
        """Let another job write the directory (the lock also goes with this object). A job that
        ends before any row's result (Ray not starting, no node fitting its workers) leaves the
        directory as it found it: no lock file, and not made if it made it (nor its parents)."""
        if not self.manifest.exists():
            (self.directory / LOCK).unlink(missing_ok=True)
            for made in self._made:
                try:
                    made.rmdir()
                except OSError:  # not empty: someone else's files
                    break
        self._lock.close()

    def _take_lock(self):
        """Hold DIR/.lock until closed: two jobs must not write one directory."""
        handle = (self.directory / LOCK).open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise OutputError(f"{self.directory}: another yuyin batch is writing there") from None
        return handle

    def fingerprint(self, item: BulkItem) -> str:
        """What the row's audio depends on, hashed: its fields but id, and the job."""
        fields = {key: value for key, value in item.fields.items() if key != "id"}
        text = json.dumps({"fields": fields, "job": self.job}, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def pending(self, items: list[BulkItem]) -> list[BulkItem]:
        """The items still to speak: all but those whose latest manifest line says written, with the
        same fingerprint and the files still there."""
        self._latest = self._latest_lines()
        done = {ident: str(record.get("fingerprint")) for ident, record in self._latest.items()
                if not record.get("error") and self._files_present(record)}  # fmt: skip
        return [item for item in items if done.get(item.id) != self.fingerprint(item)]

    def write(self, row: SpokenRow, fingerprint: str) -> None:
        """Write the row's files (if it has audio) and then its manifest line."""
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
        record["fingerprint"] = fingerprint
        with self.manifest.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        earlier = self._latest.pop(row.id, None)
        for name in set(_file_names(earlier or {})) - set(_file_names(record)):
            (self.directory / name).unlink(missing_ok=True)

    def _latest_lines(self) -> dict[str, dict]:
        """id -> the latest manifest line of each row written there before."""
        latest: dict[str, dict] = {}
        if not self.manifest.exists():
            return {}
        text = self.manifest.read_text(encoding="utf-8")
        if text and not text.endswith("\n"):  # a line cut short: the next one must start afresh
            with self.manifest.open("a", encoding="utf-8") as handle:
                handle.write("\n")
        for line in text.split("\n"):
            try:
                record = json.loads(line)
                latest[str(record["id"])] = record
            except (json.JSONDecodeError, KeyError, TypeError):
                continue  # a blank line, or one cut short by an interruption
        return latest

    def _files_present(self, record: dict) -> bool:
        names = [record.get("file")] + ([record["timestamps"]] if "timestamps" in record else [])
        return all(isinstance(name, str) and (self.directory / name).is_file() for name in names)

    def _put(self, name: str, data: bytes) -> str:
        """Write a file whole (beside, then renamed); returns its name."""
        staging = self.directory / f".{name}.partial"
        try:
            staging.write_bytes(data)
            os.replace(staging, self.directory / name)
        except OSError:  # a full disk: no part of a file left behind
            staging.unlink(missing_ok=True)
            raise
        return name


def _file_names(record: dict) -> list[str]:
    """The files a manifest line names (a plain name in the directory; anything else is ignored)."""
    names = (record.get("file"), record.get("timestamps"))
    return [name for name in names if isinstance(name, str) and name and Path(name).name == name]
