"""The input of a bulk job: one request per row, read from JSON Lines, TSV or plain text.

- ``.jsonl``: an object per line with ``text`` and optionally ``id``, ``format`` and any control
  of ``POST /api/synthesize`` (``voice``, ``speaker``, ``speed``, ``ssml``, ``reference_audio``...);
- ``.tsv``: ``id<TAB>text`` per line (a first line ``id<TAB>text`` is a header);
- anything else: one text per line, whose id is its line number.

A row without an id is named by its line number in LINE_ID_DIGITS digits (``000007``): a fixed width, so
that lines appended to a file never rename the rows before them (``--resume`` skips those).

Blank lines are skipped. Every row is checked before a job starts: a bad one is a
:class:`ManifestError` naming its line. Ids name the output files, so they are file-name safe
and unique even where file names ignore case (JSON numbers are taken as their digits).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Literal, Optional, Sequence

from pydantic import Field, ValidationError

from yuyin.cluster import DEFAULT_MAX_ROW_CHARS
from yuyin.server.schemas import AudioFormat, SynthesisControls

ID_PATTERN = re.compile(r"[^\W][\w.-]*")  # a letter, digit or _ first; no separators or dots in front
LINE_ID_DIGITS = 6  # sorts in line order up to 999,999 lines
MAX_ID_BYTES = 200  # ID.FORMAT and its staging name stay under the usual 255-byte file-name limit
InputFormat = Literal["auto", "jsonl", "tsv", "txt"]


class ManifestError(ValueError):
    """A bulk input that cannot be run as it is; the message names the line."""


class BulkRow(SynthesisControls):
    """One row: the controls of ``POST /api/synthesize`` plus its id, text and file format."""

    id: Optional[str] = Field(None, description="names the output file; default: the line number")
    text: str
    format: Optional[AudioFormat] = Field(None, description="default: the job's format")


@dataclass(frozen=True)
class BulkItem:
    """A checked row: ``fields`` are the row's JSON fields (what :class:`BulkRow` accepts)."""

    id: str
    line: int
    fields: dict[str, Any]

    @property
    def row(self) -> BulkRow:
        return BulkRow.model_validate(self.fields)


def read_items(path: Path | str, lines: Iterable[str] | None = None, input_format: InputFormat = "auto",
               max_row_chars: int = DEFAULT_MAX_ROW_CHARS) -> list[BulkItem]:  # fmt: skip
    """Every row of the input at path (or of ``lines``, named path in messages), checked."""
    kind = _kind(Path(path), input_format)
    if lines is None:
        try:
            lines = Path(path).read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028 may be in JSON
        except (OSError, UnicodeDecodeError) as exc:
            raise ManifestError(f"{path}: cannot read it: {exc}") from None
    lines = list(lines)
    if lines and lines[0].startswith("\ufeff"):  # a byte-order mark, as Excel and Notepad write UTF-8
        lines[0] = lines[0][1:]
    numbered = [(number, line) for number, line in enumerate(lines, 1) if line.strip()]
    if kind == "tsv" and numbered and numbered[0][1].rstrip("\r\n").lower().split("\t")[:2] == ["id", "text"]:
        numbered = numbered[1:]
    items, seen = [], {}
    for number, line in numbered:
        where = f"{path} line {number}"
        fields = _fields(kind, line, where)
        if fields.get("id") is None:
            fields["id"] = f"{number:0{LINE_ID_DIGITS}d}"
        elif isinstance(fields["id"], int) and not isinstance(fields["id"], bool):
            fields["id"] = str(fields["id"])
        item = _checked(fields, number, where, max_row_chars)
        key = unicodedata.normalize("NFC", item.id).casefold()
        if key in seen:
            raise ManifestError(f"{where}: id {item.id!r} names the same files as line {seen[key]}'s "
                                "(ids name the files, and file names may ignore case)")  # fmt: skip
        seen[key] = number
        items.append(item)
    if not items:
        raise ManifestError(f"{path}: no rows (every line is blank)")
    return items


def _kind(path: Path, input_format: InputFormat) -> str:
    if input_format != "auto":
        return input_format
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".tsv": "tsv"}.get(path.suffix.lower(), "txt")


def _fields(kind: str, line: str, where: str) -> dict[str, Any]:
    line = line.rstrip("\r\n")
    if kind == "txt":
        return {"text": line.strip()}
    if kind == "tsv":
        ident, tab, text = line.partition("\t")
        if not tab:
            raise ManifestError(f"{where}: expected id<TAB>text")
        if "\t" in text:  # a third column (a speaker, a note) would be read aloud
            raise ManifestError(f"{where}: expected id<TAB>text, found more columns")
        return {"id": ident.strip(), "text": text.strip()}
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{where}: not JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(fields, dict):
        raise ManifestError(f"{where}: expected a JSON object with a \"text\" field")
    return fields


def _checked(fields: dict[str, Any], number: int, where: str, max_row_chars: int) -> BulkItem:
    try:
        row = BulkRow.model_validate(fields)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"]) or "row"
        raise ManifestError(f"{where}: {field}: {error['msg']}") from None
    if not ID_PATTERN.fullmatch(row.id or "") or len(row.id.encode()) > MAX_ID_BYTES:
        raise ManifestError(f"{where}: id {row.id!r} cannot name a file: use letters, digits, '_', '-' or '.' "
                            f"(at most {MAX_ID_BYTES} bytes in UTF-8), not starting with '.' or '-'")  # fmt: skip
    if len(row.text) > max_row_chars:
        raise ManifestError(f"{where}: the text is {len(row.text)} characters; a row holds at most "
                            f"{max_row_chars}: split it into several rows")  # fmt: skip
    return BulkItem(id=row.id, line=number, fields=fields)


def check_rows_against(items: list[BulkItem], voices: Sequence[str], source: str) -> None:
    """ManifestError naming the first row of source that cannot work in a job that loads voices
    (their names): a voice the job does not load, or SSML that does not parse. Rows that only
    fail once spoken (nothing to pronounce) still fail alone, in the manifest."""
    from yuyin.ssml import SSMLError, parse_ssml

    for item in items:
        row = item.row
        if row.voice is not None and row.voice not in voices:
            raise ManifestError(f"{source} line {item.line}: voice: unknown voice {row.voice!r}; this job loads "
                                f"{', '.join(voices)} (--voice)")  # fmt: skip
        if row.ssml:
            try:
                parse_ssml(row.text)
            except SSMLError as exc:
                raise ManifestError(f"{source} line {item.line}: text: {exc}") from None
