"""Properties of the front end: any text, speed, laziness, threads, no torch, doctests."""

from __future__ import annotations

import doctest
import importlib
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yuyin.frontend import BakerFrontend, FrontendError, NothingToSay

FE = BakerFrontend()
FE.warm_up()

# Characters that reach every path: hanzi, rare hanzi, numbers and their signs, marks, Latin,
# emoji with ZWJ and skin tones, control and format characters, full width, traditional.
TRICKY = st.text(
    alphabet=st.sampled_from(
        list("汉字測試嗯呣噷〇㐀𠀀一不儿了行长0123456789.,:;-+/%‰¥$~#@=<>×℃°²，。！？：；、…\n\r\t ")
        + list("abcXYZ０１２３ＡＢ[]hang2 ")
        + ["😀", "👍", "\U0001f3fd", "\u200d", "\u200b", "\ufeff", "\x00", "\x1b"]
    ),
    max_size=120,
)


# A sane bound on output length: a character reads as at most a few syllables (a spelled W
# is three; a digit in a long number becomes a digit name and a unit like 千 or 万).
MAX_SYLLABLES_PER_CHARACTER = 4


def _check_units(text: str) -> None:
    try:
        units = list(FE.analyze(text))
    except NothingToSay:
        return
    except FrontendError as error:  # only a malformed inline override may be refused
        assert "[" in text and str(error)
        return
    assert units
    for unit in units:
        assert all(0 <= i < 219 for i in unit.ids)
        assert unit.ids[0] == 1 and unit.ids[-1] == 218
        assert len(unit.pinyin) == len(unit.graphemes) == len(unit.marks) > 0
        erhua = sum(1 for p in unit.pinyin if p[-2] == "r" and p[:-1] != "er")
        assert len(unit.phones) + 1 == len(unit.ids) == 3 * len(unit.pinyin) + 2 + erhua
        assert unit.pause_after in (0.0, 0.5, 1.0)
    assert units[-1].pause_after == 1.0
    assert sum(len(u.pinyin) for u in units) <= MAX_SYLLABLES_PER_CHARACTER * len(text) + 8


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_valid_units_or_nothing_to_say(text: str) -> None:
    _check_units(text)


@settings(max_examples=300, deadline=5000)  # no example may take seconds: no hang
@given(TRICKY)
def test_tricky_text_gives_valid_units_or_nothing_to_say(text: str) -> None:
    _check_units(text)


@settings(max_examples=200, deadline=None)
@given(TRICKY)
def test_text_to_ids_is_valid_or_nothing_to_say(text: str) -> None:
    try:
        ids = FE.text_to_ids(text)
    except FrontendError:
        return
    assert ids[0] == 1 and ids[-1] == 218 and all(0 <= i < 219 for i in ids)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_normalize_leaves_no_digit_or_control_character(text: str) -> None:
    out = FE.normalize(text)
    assert not any("0" <= c <= "9" for c in out)
    assert not any(c in "\x00\x1b\u200b\u200d\ufeff" for c in out)


def test_hundred_thousand_characters_are_fast_and_lazy() -> None:
    text = ("今天天气真好，我们一起去公园散步吧！2025年6月18日，他花了102.4元，占5%。" * 3000)[:100_000]
    start = time.perf_counter()
    first = next(FE.analyze(text))
    assert time.perf_counter() - start < 0.5
    assert first.text == "今天天气真好,"
    start = time.perf_counter()
    units = sum(1 for _ in FE.analyze(text))
    elapsed = time.perf_counter() - start
    assert units > 5000
    assert elapsed < 20  # 100,000 characters at the required 5,000 characters/s


def _first_unit(text: str) -> tuple[float, object]:
    """(seconds, the first unit or None) of analysing text up to its first unit."""
    start = time.perf_counter()
    try:
        first = next(FE.analyze(text))
    except NothingToSay:
        first = None
    return time.perf_counter() - start, first


@pytest.mark.parametrize(
    "make",
    [lambda n: "我们一起去公园散步吧" * (n // 10), lambda n: "1" * n, lambda n: "a" * n, lambda n: "😀" * n,
     lambda n: "é" * n, lambda n: "ā" * n, lambda n: "α" * n, lambda n: "Python" * (n // 6),
     lambda n: "-" * (n // 2) + "1", lambda n: "-a" * (n // 2), lambda n: "a-" * (n // 2)],
)  # (a web address's host looked for after every dash took 3-8 s)
def test_hundred_thousand_without_punctuation(make) -> None:
    """The work before the first unit grows linearly with the text (~0.5-1 s for 100,000 characters
    here): ten times the text takes about ten times as long, where quadratic work would take a hundred."""
    tenth = min(_first_unit(make(10_000))[0] for _ in range(3))
    elapsed, first = _first_unit(make(100_000))
    assert elapsed < 30 * tenth + 0.5, (elapsed, tenth)
    assert first is None or len(first.pinyin) <= 60


def test_threads_share_one_instance() -> None:
    texts = [f"第{i}个句子，测试并发。漢語{i * 37}元" for i in range(64)]
    expected = [list(FE.analyze(t)) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(lambda t: list(FE.analyze(t)), texts)) == expected


def test_frontend_imports_without_torch() -> None:
    code = (
        "import sys\n"
        "class NoTorch:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'torch' or name.startswith('torch.'):\n"
        "            raise ImportError('torch is blocked in this test')\n"
        "sys.meta_path.insert(0, NoTorch())\n"
        "from yuyin.frontend import BakerFrontend\n"
        "assert BakerFrontend().text_to_ids('测试文本')[-1] == 218\n"
        "assert not [m for m in sys.modules if m == 'torch' or m.startswith('torch.')]\n"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "module",
    ["baker", "g2p", "normalize", "segment", "symbols_baker", "report", "tn", "latin"],
)
def test_docstring_examples(module: str) -> None:
    failures, _ = doctest.testmod(importlib.import_module(f"yuyin.frontend.{module}"))
    assert failures == 0
