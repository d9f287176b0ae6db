"""The front end's exact-output table: TN, polyphones, sandhi and erhua, prosody.

One parametrised test over the TSV fixtures in tests/fixtures/frontend/; each row names its
file and line. Escapes in the fixtures: \\t \\n \\r \\xNN \\uNNNN.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from yuyin.frontend import BakerFrontend, SentenceUnit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "frontend"
KINDS = {"normalize.tsv": "normalize", "polyphones.tsv": "polyphone", "pinyin.tsv": "pinyin",
         "prosody.tsv": "prosody"}  # fmt: skip
_ESCAPE = re.compile(r"\\(x[0-9a-f]{2}|u[0-9a-f]{4}|[tnr\\])")
_SIMPLE_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}
_HANZI = re.compile(r"[\u3400-\u9fff]")


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _SIMPLE_ESCAPES.get(m.group(1)) or chr(int(m.group(1)[1:], 16)), text)


def _cases() -> list:
    cases = []
    for name, kind in KINDS.items():
        for number, line in enumerate((FIXTURES / name).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            text, expected = line.split("\t")
            cases.append(pytest.param(kind, _unescape(text), _unescape(expected), id=f"{name}:{number}"))
    return cases


CASES = _cases()


@pytest.fixture(scope="module")
def fe() -> BakerFrontend:
    return BakerFrontend()


def _char_syllables(units: list[SentenceUnit]) -> list[str]:
    """One entry per hanzi of the units: its syllable, or "" for the 儿 of an erhua syllable."""
    out: list[str] = []
    for unit in units:
        for grapheme, syllable in zip(unit.graphemes, unit.pinyin):
            hanzi = _HANZI.findall(grapheme)
            out += [syllable] + [""] * (len(hanzi) - 1) if hanzi else []
    return out


def _polyphone(fe: BakerFrontend, text: str, expected: str) -> tuple[str, str]:
    target, want = expected.split("=")
    hanzi = "".join(_HANZI.findall(text))
    start = hanzi.index(target)
    got = _char_syllables(list(fe.analyze(text)))[start : start + len(target)]
    return " ".join(s for s in got if s), want


def test_table_is_big_enough() -> None:
    assert len(CASES) >= 300


@pytest.mark.parametrize(("kind", "text", "expected"), CASES)
def test_case(fe: BakerFrontend, kind: str, text: str, expected: str) -> None:
    if kind == "normalize":
        got, want = fe.normalize(text), expected
    elif kind == "polyphone":
        got, want = _polyphone(fe, text, expected)
    elif kind == "pinyin":
        got, want = " ".join(s for u in fe.analyze(text) for s in u.pinyin), expected
    else:
        got, want = " | ".join(u.label for u in fe.analyze(text)), expected
    assert got == want


def test_no_character_has_two_rule_entries() -> None:
    """A second entry for a character in a rules table would silently replace the first (a dict
    literal keeps the last value of a repeated key)."""
    import ast

    from yuyin.frontend import polyphones

    tree = ast.parse(Path(polyphones.__file__).read_text(encoding="utf-8"))
    tables = [node.value for node in tree.body if isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Dict)]
    assert len(tables) >= 2  # RULES and WORD_RULES
    for table in tables:
        keys = [key.value for key in table.keys if isinstance(key, ast.Constant)]
        assert len(keys) == len(set(keys)), sorted({key for key in keys if keys.count(key) > 1})


def test_hand_kept_words_are_listed_once() -> None:
    """A word listed twice in the hand-kept table would silently take its last reading."""
    from yuyin.frontend.lexicon import common

    words = [line.partition("\t")[0] for line in common.TABLE.splitlines() if "\t" in line]
    assert len(words) == len(set(words)), sorted({word for word in words if words.count(word) > 1})
