"""The working type of g2p, sandhi and prosody: one word with its syllables."""

from __future__ import annotations

from dataclasses import dataclass, field

HAN, LATIN, EXACT = "han", "latin", "exact"


@dataclass
class Word:
    """A word as g2p reads it; the passes after the look-up change it in place.

    ``syllables`` holds TONE3 syllables and ``graphemes`` the written text each one reads
    (``""`` for the second and later syllables of a letter or an English word). ``decided``
    marks the syllables a dictionary or the user fixed; context rules leave those alone.
    ``kind`` is HAN (hanzi), LATIN (letters) or EXACT (an inline override: nothing may change
    it). ``break_after`` is the prosodic boundary after the word: 0 none, 1 prosodic word,
    2 prosodic phrase, 3 intonational phrase (Baker's #1..#3); ``spaced``: only a space made it
    2 (您有 2 个: a pause, but the clause goes on for the readings in context). ``user``: a
    user-lexicon word, whose tones context rules and neutral tones leave alone (tone sandhi
    still applies).
    """

    text: str
    syllables: list[str]
    graphemes: list[str]
    kind: str = HAN
    decided: list[bool] = field(default_factory=list)
    break_after: int = 0
    spaced: bool = False
    user: bool = False

    def __post_init__(self) -> None:
        if not self.decided:
            self.decided = [True] * len(self.syllables)

    def __len__(self) -> int:
        return len(self.syllables)


def tone(syllable: str) -> str:
    """The tone digit of a TONE3 syllable."""
    return syllable[-1]


def with_tone(syllable: str, digit: str) -> str:
    """``with_tone("ni3", "2")`` -> ``"ni2"``."""
    return syllable[:-1] + digit
