"""Sentence / clause splitting, clause joining and the length budget, with pause strengths."""

from __future__ import annotations

import pytest

from yuyin.frontend import BakerFrontend
from yuyin.frontend.segment import count_hanzi, count_voiced, join_clauses, split_at_marks
from yuyin.frontend.words import cut_words, cut_words_lazily, is_noun

SPLITS = [
    ("中文：语音，合成！系统\n", [("中文:", 0.5), ("语音,", 0.5), ("合成!", 1.0), ("系统", 1.0)]),
    ("你好。", [("你好。", 1.0)]),
    ("你好，", [("你好,", 1.0)]),  # the end of the text is a sentence end
    ("苹果、香蕉、梨", [("苹果、", 0.5), ("香蕉、", 0.5), ("梨", 1.0)]),
    ("他说：“你好。”然后走了", [("他说:", 0.5), ("“你好。”", 1.0), ("然后走了", 1.0)]),
    ('他说:"走!"好', [("他说:", 0.5), ('"走!"', 1.0), ("好", 1.0)]),
    ("“苹果，”他说", [("“苹果,”", 0.5), ("他说", 1.0)]),
    ("第一行\n第二行", [("第一行", 1.0), ("第二行", 1.0)]),
    ("abc，你好", [("abc,", 0.5), ("你好", 1.0)]),  # letters are spelled
    ("等等……好吧", [("等等……", 1.0), ("好吧", 1.0)]),
    ("好吧...走", [("好吧...", 1.0), ("走", 1.0)]),
    ("真的吗？！是的", [("真的吗?!", 1.0), ("是的", 1.0)]),
    ("你好；再见;", [("你好;", 1.0), ("再见;", 1.0)]),
    # a skipped unit (nothing to say) passes its pause to the unit before it
    ("你好，😀。世界", [("你好,", 1.0), ("世界", 1.0)]),
    # numbers with , : . are not cut
    ("时间是9:30，价格1,000元", [("时间是九点三十分,", 0.5), ("价格一千元", 1.0)]),
    ("电话：400-820-8820", [("电话:", 0.5), ("四零零 八二零 八八二零", 1.0)]),
    ("圆周率3.14,对吧", [("圆周率三点一四,", 0.5), ("对吧", 1.0)]),
]


@pytest.mark.parametrize(("text", "units"), SPLITS)
def test_split(text: str, units: list[tuple[str, float]]) -> None:
    fe = BakerFrontend()
    assert [(u.text, u.pause_after) for u in fe.analyze(text)] == units


JOINED = [
    ("中文：语音，合成！系统\n", [("中文:语音,合成!", 1.0), ("系统", 1.0)]),
    ("苹果、香蕉、梨", [("苹果、香蕉、梨", 1.0)]),
    ("他说：“你好。”然后走了", [("他说:“你好。”", 1.0), ("然后走了", 1.0)]),
    ("你好，😀。世界", [("你好,😀。", 1.0), ("世界", 1.0)]),
    ("时间是9:30，价格1,000元", [("时间是九点三十分,价格一千元", 1.0)]),
]


@pytest.mark.parametrize(("text", "units"), JOINED)
def test_joined_clauses_of_a_sentence_are_one_unit(text: str, units: list[tuple[str, float]]) -> None:
    fe = BakerFrontend(join_clauses=True)
    assert [(u.text, u.pause_after) for u in fe.analyze(text)] == units


def test_comma_inside_a_unit_is_a_pause_mark() -> None:
    (unit,) = BakerFrontend(join_clauses=True).analyze("今天天气真好，我们走吧")
    assert unit.marks[unit.graphemes.index("好")] == "#3"
    assert unit.phones[unit.phones.index("ao3") + 1] == "#3"


def test_long_sentence_is_cut_at_the_clause_where_the_budget_ends() -> None:
    text = "我们一起去公园散步吧，" * 8 + "好。"
    units = list(BakerFrontend(join_clauses=True, max_joined=30).analyze(text))
    assert [(len(u.pinyin), u.pause_after) for u in units] == [(30, 0.5), (30, 0.5), (21, 1.0)]


def test_join_clauses_keeps_text_and_pauses() -> None:
    pieces = list(join_clauses(split_at_marks("一，二，三。四，五"), 2))
    assert [(p.text, p.pause_after) for p in pieces] == [
        ("一，二，", 0.5), ("三。", 1.0), ("四，五", 1.0)
    ]


def test_exactly_max_hanzi_is_not_cut() -> None:
    text = "我们一起去公园散步吧" * 6
    assert [(u.text, u.pause_after) for u in BakerFrontend().analyze(text)] == [(text, 1.0)]


def test_length_budget_cuts_between_words() -> None:
    text = "我们一起去公园散步吧" * 13 + "。"
    units = list(BakerFrontend().analyze(text))
    assert [(len(u.pinyin), u.pause_after) for u in units] == [(44, 0.0), (43, 0.0), (43, 1.0)]
    assert "".join(u.text for u in units) == text
    boundaries = {0}
    for word in cut_words(text):
        boundaries.add(max(boundaries) + len(word))
    cut_at = 0
    for unit in units[:-1]:
        cut_at += len(unit.text)
        assert cut_at in boundaries


def test_budget_is_configurable() -> None:
    fe = BakerFrontend(max_hanzi=4)
    units = list(fe.analyze("语音合成技术可以把文字转换成语音，好"))
    assert [(u.text, u.pause_after) for u in units] == [
        ("语音合成", 0.0), ("技术可以", 0.0), ("把文字", 0.0), ("转换成", 0.0), ("语音,", 0.5),
        ("好", 1.0),
    ]  # fmt: skip


def test_budget_counts_hanzi_of_normalised_text() -> None:
    units = list(BakerFrontend(max_hanzi=4).analyze("13800138000"))
    assert all(len(u.pinyin) <= 4 for u in units)
    assert "".join(u.text for u in units).replace(" ", "") == "幺三八零零幺三八零零零"


def test_lazy_word_cut_keeps_every_character() -> None:
    text = "我们一起去公园散步吧，abc 123😀" * 50
    assert "".join(cut_words_lazily(text, window=37)) == text


@pytest.mark.parametrize(("word", "noun"), [("押金", True), ("钥匙", True), ("东西", True), ("中介费", True),
                                             ("恢复", False), ("装修", False), ("这个", False), ("钱", False)])
def test_nouns_are_those_jieba_tags_as_nouns(word: str, noun: bool) -> None:
    """2-4 characters tagged n, ns, nz or nt; a single character is never asked about."""
    assert is_noun(word) is noun


def test_count_hanzi() -> None:
    assert count_hanzi("汉字abc，〇㐀𠀀😀") == 5
    assert count_voiced("汉字abc，〇㐀𠀀😀") == 8


@pytest.mark.parametrize("text, parts", [
    ("我们今天讨论的问题涉及经济社会文化教育科技医疗交通环境能源农业工业服务业等许多方面都需要认真研究" * 3,
     ["我们今天讨论的问题涉及经济社会文化教育科技医疗交通环境能源农业工业服务业等", "许多方面"]),  # after 等
    ("在过去的一年里我们公司的全体员工共同努力克服了种种困难完成了年初制定的各项目标任务并且在新产品研发市场开拓"
     "以及客户服务等方面都取得了显著的成绩因此董事会决定给予全体员工年终奖励同时也希望大家在新的一年里继续努力再创佳绩",
     ["在过去的一年里我们公司的全体员工共同努力克服了种种困难完成了年初制定的各项目标任务并且在新产品研发市场开拓",
      "以及客户服务"]),  # before a conjunction, and the rest in one part (56 of 60), not 48 + 8
])  # fmt: skip
def test_long_unpunctuated_text_is_cut_where_a_reader_pauses(text: str, parts: list[str]) -> None:
    units = list(BakerFrontend().analyze(text))
    assert units[0].text == parts[0] and units[1].text.startswith(parts[1])
    assert "".join(u.text for u in units) == text and all(count_voiced(u.text) <= 60 for u in units)
    sizes = [count_voiced(u.text) for u in units]
    assert max(sizes) - min(sizes) <= 25, sizes  # still near-equal: no short tail part


def test_length_budget_counts_each_word_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands of unvoiced words (emoji) before the voiced ones of one clause: each word's voiced characters are
    counted a bounded number of times, not again for every word added (the time stays linear in the length)."""
    from yuyin.frontend import segment

    counted = 0
    real = segment.count_voiced

    def counting(text: str) -> int:
        nonlocal counted
        counted += len(text)
        return real(text)

    monkeypatch.setattr(segment, "count_voiced", counting)
    piece = segment.Piece("😀" * 5000 + "中" * 61, 1.0)
    parts = list(segment.split_long(piece, 60))
    assert "".join(part.text for part in parts) == piece.text and len(parts) == 2
    assert counted < 5 * len(piece.text)  # (once a quadratic 12,800,000)
