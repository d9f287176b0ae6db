"""Bulk-job input: rows from JSON Lines, TSV and text, each checked before a job starts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from yuyin.cluster.manifest import ManifestError, read_items


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_jsonl_rows_keep_their_fields_and_default_ids_are_line_numbers_of_a_fixed_width(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"第{n}句。"}) for n in range(1, 10)]
    lines[2] = json.dumps({"id": "chapter-3", "text": "你好", "speed": 1.5, "format": "flac", "voice": "baker"})
    lines.insert(4, "   ")  # blank lines are skipped but still counted
    items = read_items(write(tmp_path, "rows.jsonl", "\n".join(lines) + "\n"))
    assert [item.id for item in items] == ["000001", "000002", "chapter-3", "000004", "000006", "000007", "000008", "000009", "000010"]
    assert [item.line for item in items] == [1, 2, 3, 4, 6, 7, 8, 9, 10]
    assert items[2].fields == {"id": "chapter-3", "text": "你好", "speed": 1.5, "format": "flac", "voice": "baker"}
    row = items[2].row
    assert (row.text, row.speed, row.format, row.voice, row.pitch) == ("你好", 1.5, "flac", "baker", 1.0)


def test_json_ids_may_be_numbers_or_null_and_text_may_hold_unicode_line_separators(tmp_path: Path) -> None:
    rows = '{"id": 7, "text": "第一\u2028句"}\n{"id": null, "text": "好"}\n'
    items = read_items(write(tmp_path, "rows.jsonl", rows))
    assert [(item.id, item.fields["text"]) for item in items] == [("7", "第一\u2028句"), ("000002", "好")]


def test_tsv_rows_skip_a_header_and_text_rows_are_one_per_line(tmp_path: Path) -> None:
    tsv = read_items(write(tmp_path, "set.tsv", "id\ttext\nq1\t你好。\nq2\t 再见 \n"))
    assert [(item.id, item.fields["text"]) for item in tsv] == [("q1", "你好。"), ("q2", "再见")]
    excel = read_items(write(tmp_path, "excel.tsv", "\ufeffid\ttext\nq1\t你好。\n"))  # UTF-8 with a BOM
    assert [(item.id, item.fields["text"]) for item in excel] == [("q1", "你好。")]
    jsonl = read_items(write(tmp_path, "bom.jsonl", '\ufeff{"id": "a", "text": "好"}\n'))
    assert [item.id for item in jsonl] == ["a"]
    text = read_items(write(tmp_path, "book.txt", "第一段。\n\n第二段。\n"))
    assert [(item.id, item.fields["text"]) for item in text] == [("000001", "第一段。"), ("000003", "第二段。")]
    stdin = read_items("-", ["一", "二"], input_format="txt")
    assert [item.id for item in stdin] == ["000001", "000002"]


def test_appended_lines_leave_the_ids_of_the_rows_before_them(tmp_path: Path) -> None:
    nine = "".join(f"第{n}句。\n" for n in range(1, 10))
    before = [item.id for item in read_items(write(tmp_path, "book.txt", nine))]
    after = [item.id for item in read_items(write(tmp_path, "book.txt", nine + "第十句。\n"))]
    assert after[:9] == before and after[9] == "000010"


@pytest.mark.parametrize("name, content, problem", [
    ("r.jsonl", '{"text": "好"}\n{"text": "好",\n', "line 2: not JSON: Expecting property name enclosed in double "
                                                 "quotes at column 14"),
    ("r.jsonl", '["好"]\n', 'line 1: expected a JSON object with a "text" field'),
    ("r.jsonl", '{"text": "好", "speeed": 2}\n', "line 1: speeed: Extra inputs are not permitted"),
    ("r.jsonl", '{"text": "好", "speed": 9}\n', "line 1: speed: Input should be less than or equal to 4"),
    ("r.jsonl", '{"id": "a"}\n', "line 1: text: Field required"),
    ("r.jsonl", '{"text": "好", "format": "ogg"}\n', "line 1: format: Input should be 'mp3', 'opus', 'aac', "
                                                     "'flac', 'wav' or 'pcm'"),
    ("r.jsonl", '{"id": "a", "text": "好"}\n{"id": "a", "text": "好"}\n', "line 2: id 'a' names the same files as "
                                                                          "line 1's"),
    ("r.tsv", "Intro\t好\nintro\t好\n", "line 2: id 'intro' names the same files as line 1's (ids name the files, "
                                        "and file names may ignore case)"),
    ("r.tsv", "章" * 67 + "\t好\n",
     "line 1: id '" + "章" * 67 + "' cannot name a file: use letters, digits, '_', '-' or '.' (at most 200 bytes"),
    ("r.tsv", "../x\t好\n", "line 1: id '../x' cannot name a file"),
    ("r.tsv", ".hidden\t好\n", "line 1: id '.hidden' cannot name a file"),
    ("r.tsv", "just text\n", "line 1: expected id<TAB>text"),
    ("r.tsv", "x2\t再见\t多余\n", "line 1: expected id<TAB>text, found more columns"),
    ("r.txt", "\n  \n", "no rows (every line is blank)"),
    ("r.txt", "好" * 21, "line 1: the text is 21 characters; a row holds at most 20: split it into several rows"),
])  # fmt: skip
def test_bad_rows_are_refused_naming_the_line(tmp_path: Path, name: str, content: str, problem: str) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(ManifestError) as error:
        read_items(path, max_row_chars=20)
    separator = " " if problem.startswith("line ") else ": "
    assert str(error.value).startswith(f"{path}{separator}{problem}")


def test_an_unreadable_input_is_a_manifest_error(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="cannot read it"):
        read_items(tmp_path / "missing.jsonl")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9\n".encode("latin-1"))
    with pytest.raises(ManifestError, match="cannot read it"):
        read_items(tmp_path / "latin1.txt")
