"""Reading speaker blends ("Aiyu(2)+Siyue(1)") and refusing the malformed ones."""
from __future__ import annotations

import pytest

from yuyin.engine.speaker_blend import MAX_SPEAKERS, BlendError, parse_blend

USABLE = ("Aiyu", "Siyue", "biaobei")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Aiyu", (("Aiyu", 1.0),)),  # a plain name is a blend of one
        ("Aiyu+Siyue", (("Aiyu", 0.5), ("Siyue", 0.5))),
        ("Aiyu(3)+Siyue(1)", (("Aiyu", 0.75), ("Siyue", 0.25))),
        (" Aiyu ( 0.2 ) + Siyue(0.6) ", (("Aiyu", 0.25), ("Siyue", 0.75))),  # spaces and fractions
        ("Siyue+Aiyu(2)+Siyue", (("Siyue", 0.5), ("Aiyu", 0.5))),  # a name given twice adds up
    ],
)
def test_blends_are_read_and_normalised(text: str, expected: tuple) -> None:
    got = parse_blend(text, USABLE)
    assert [name for name, _ in got] == [name for name, _ in expected]
    assert [share for _, share in got] == pytest.approx([share for _, share in expected])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Aiyu+", "cannot read speaker blend 'Aiyu+'"),
        ("Aiyu(2", "cannot read speaker blend"),
        ("", "cannot read speaker blend"),
        ("Aiyu(0)+Siyue", "weight of 'Aiyu' in 'Aiyu(0)+Siyue' must be a number above 0"),
        ("Aiyu(-1)", "must be a number above 0"),
        ("Aiyu(nan)", "must be a number above 0"),
        ("Aiyu(1e9)", "at most 1e+06"),
        ("Aiyu(two)", "must be a number above 0"),
        ("Aiyu+Nobody", "unknown speaker 'Nobody'; choose from Aiyu, Siyue, biaobei"),
        ("Xiaowei+Aiyu", "'Xiaowei' is unusable: never stops; choose from"),
    ],
)
def test_malformed_blends_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(BlendError) as error:
        parse_blend(text, USABLE, {"Xiaowei": "never stops"})
    assert message in str(error.value)


def test_a_blend_has_at_most_so_many_speakers() -> None:
    names = [f"s{i}" for i in range(MAX_SPEAKERS + 1)]
    assert len(parse_blend("+".join(names[:MAX_SPEAKERS]), names)) == MAX_SPEAKERS
    with pytest.raises(BlendError, match=f"at most {MAX_SPEAKERS} speakers"):
        parse_blend("+".join(names), names)
