"""The ttskit front end: shared normaliser/g2p, ttskit ids, one id sequence per clause.

The expected ids are what the original front end produced (ttskit 0.3.8's ``split_text`` and
``text_to_sequence(chunk, ["hanzi"])``, phkit 0.2.11, run in a throwaway venv) for each chunk.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from yuyin.frontend import NothingToSay
from yuyin.frontend.symbols_ttskit import TTSKIT_SYMBOLS
from yuyin.frontend.ttskit import TtskitFrontend, clause_sequences

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ttskit"

ORIGINAL = {
    "你好。": [[17, 40, 72, 2, 11, 34, 73, 2, 130, 2, 1, 0]],
    "今天天气真好，我们一起去公园散步吧！": [
        [13, 46, 71, 2, 24, 42, 71, 2, 24, 42, 71, 2, 20, 40, 74, 2, 29, 37, 71, 2, 11, 34, 73, 2, 131, 2, 1, 0],
        [25, 64, 73, 2, 16, 37, 75, 2, 12, 40, 74, 2, 20, 40, 73, 2, 20, 65, 74, 2, 10, 54, 71, 2, 26, 66, 72, 2,
         22, 32, 74, 2, 4, 56, 74, 2, 4, 30, 75, 2, 128, 2, 1, 0],
    ],
    "这是一个测试吗？": [[29, 35, 74, 2, 23, 50, 74, 2, 12, 40, 72, 2, 10, 35, 74, 2, 5, 35, 74, 2, 23, 50, 74, 2,
                          16, 30, 75, 2, 129, 2, 1, 0]],
    "北京是中国的首都。": [[4, 36, 73, 2, 13, 47, 71, 2, 23, 50, 74, 2, 29, 54, 71, 2, 10, 64, 72, 2, 7, 35, 75, 2,
                           23, 55, 73, 2, 7, 56, 71, 2, 130, 2, 1, 0]],
}  # fmt: skip


@pytest.fixture(scope="module")
def frontend() -> TtskitFrontend:
    return TtskitFrontend()


def clauses(frontend: TtskitFrontend, text: str) -> list[list[int]]:
    return [seq for unit in frontend.analyze(text) for seq in clause_sequences(unit.ids)]


def phonemes(ids: list[int]) -> str:
    return " ".join(TTSKIT_SYMBOLS[i] for i in ids)


def test_reference_sentence_matches_the_recorded_ids(frontend):
    expected = np.load(FIXTURES / "text_ids.npy")[0].tolist()
    assert frontend.text_to_ids("欢迎使用语音合成接口。") == expected
    assert clauses(frontend, "欢迎使用语音合成接口。") == [expected]


@pytest.mark.parametrize("text", sorted(ORIGINAL))
def test_clause_ids_match_the_original_front_end(frontend, text):
    assert clauses(frontend, text) == ORIGINAL[text]


def test_where_the_shared_g2p_reads_better_than_the_original(frontend):
    """一 before a second tone is yi4 (the original, without 一 sandhi, reads yi1)."""
    ids = clauses(frontend, "他成为了一名老师。")[0]
    assert "ii i 4 - m ing 2" in phonemes(ids)


def test_erhua_reads_its_syllable_and_a_light_er(frontend):
    """The symbols have no r-coloured finals: 哪儿 (nar3 for the baker voice) is na3 + er5, not dropped."""
    (unit,) = frontend.analyze("这儿有花儿，你在哪儿？")
    assert unit.pinyin == ("zhe4", "er5", "you3", "hua1", "er5", "ni3", "zai4", "na3", "er5")
    assert unit.graphemes == ("这", "儿", "有", "花", "儿", "你", "在", "哪", "儿")
    assert phonemes(frontend.text_to_ids("哪儿")) == "n a 3 - ee er 5 - ~ _"
    assert [u.pinyin for u in frontend.analyze("儿子")] == [("er2", "zi5")]  # 儿 as a syllable of its own


def test_a_sentence_is_one_unit_with_one_sequence_per_clause(frontend):
    units = list(frontend.analyze("今天天气真好，我们一起去公园散步吧！明天见。"))
    assert [u.text for u in units] == ["今天天气真好,我们一起去公园散步吧!", "明天见。"]
    assert [len(clause_sequences(u.ids)) for u in units] == [2, 1]
    assert [u.pause_after for u in units] == [1.0, 1.0]
    assert units[0].pinyin[:2] == ("jin1", "tian1") and len(units[0].pinyin) == len(units[0].graphemes) == 16
    assert units[0].label == "今天天气真好我们一起去公园散步吧" and units[0].phones[-2:] == ("~", "_")


def test_shared_normaliser_and_punctuation_symbols(frontend):
    """Numbers come from the shared TN; punctuation inside a clause keeps its symbol, other
    characters give only the ``-`` chain, as the original does."""
    assert phonemes(frontend.text_to_ids("3.5元")) == "s an 1 - d ian 2 - uu u 3 - vv van 2 - ~ _"
    assert phonemes(clauses(frontend, "“你好！”")[0]) == '" - n i 2 - h ao 3 - ! - " - ~ _'
    assert phonemes(clauses(frontend, "《红楼梦》很好。")[0]).startswith("( - h ong 2 - l ou 2 - m eng 4 - ) -")
    assert phonemes(frontend.text_to_ids("走了……")).endswith("l e 5 - - - ~ _")


def test_long_clauses_are_cut_at_the_clause_budget():
    frontend = TtskitFrontend(max_clause=8)
    seqs = clauses(frontend, "人工智能正在深刻地改变我们的生活方式和工作方式。")
    assert len(seqs) == 3 and all(seq[-2:] == [1, 0] for seq in seqs)
    assert all(len(seq) <= 8 * 4 + 4 for seq in seqs)


def test_nothing_to_say(frontend):
    with pytest.raises(NothingToSay):
        list(frontend.analyze("，。！"))
    with pytest.raises(NothingToSay):
        frontend.text_to_ids("🙂")


def test_clause_sequences_splits_at_the_pad_id():
    assert clause_sequences([5, 1, 0, 7, 8, 1, 0]) == [[5, 1, 0], [7, 8, 1, 0]]
    assert clause_sequences([5, 6]) == [[5, 6]]


def test_user_lexicon_sets_a_reading(tmp_path):
    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("行长\thang2 zhang3\n", encoding="utf-8")
    ids = TtskitFrontend(lexicon=lexicon).text_to_ids("行长。")
    assert phonemes(ids) == "h ang 2 - zh ang 3 - . - ~ _"
