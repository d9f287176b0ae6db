"""OpenAI-style speaking instructions -> an emotion style and its intensity."""

from __future__ import annotations

import pytest

from yuyin.engine.styles import STYLE_NAMES
from yuyin.instructions import _STYLE_WORDS, style_of_instructions


@pytest.mark.parametrize(
    ("instructions", "expected"),
    [
        ("Speak in a cheerful, upbeat tone", ("happy", 1.0)),
        ("very excited!", ("happy", 1.5)),
        ("Read it slightly sad", ("sad", 0.5)),
        ("a bit nervous", ("fearful", 0.5)),
        ("Be very serious and formal", ("serious", 1.5)),
        ("also sad", ("sad", 1.0)),  # "so" inside "also" is no degree word
        ("Don't sound angry, stay calm", ("gentle", 1.0)),  # a negated style word is skipped
        ("I am not happy", None),
        ("She was made to read", None),  # "mad" only as a whole word
        ("Speak like a pirate", None),
        ("语气非常悲伤", ("sad", 1.5)),
        ("请用温柔的语气", ("gentle", 1.0)),
        ("有点生气", ("angry", 0.5)),
        ("不要太生气，平静一点", ("gentle", 1.0)),
        ("非常不开心", None),
        ("CHEERFUL", ("happy", 1.0)),
        ("Read this cheerfully", ("happy", 1.0)),  # adverbs as well as adjectives
        ("say it very solemnly", ("serious", 1.5)),
        ("mournfully", ("sad", 1.0)),
    ],
)
def test_style_of_instructions(instructions: str, expected: tuple[str, float] | None) -> None:
    assert style_of_instructions(instructions) == expected


def test_every_listed_style_exists_and_long_instructions_are_cut() -> None:
    assert set(_STYLE_WORDS) <= set(STYLE_NAMES)
    assert style_of_instructions("x" * 5000 + " sad") is None  # past the first 4000 characters
