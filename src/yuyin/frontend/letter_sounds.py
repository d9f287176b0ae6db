"""English spelling -> ARPAbet phones, for words that no dictionary has (names, brands, new words).

Owns the guess of how an unknown word sounds from its letters, so that ``Zelensky`` or ``Tik``
can be said as a loanword (:func:`yuyin.frontend.english.transliterate`) instead of spelled
letter by letter. A word is guessed only when it looks pronounceable: every run of consonants
is one an English word can start with (at the start), end with (at the end) or the end of one
syllable and the start of the next (inside). ``abcdef``, ``wxid`` or ``tmp`` look like codes
and get None, and are then spelled.

The rules are the common correspondences of English spelling, longest match first: vowel
teams (ee, oo, ai, ou, igh, ...), a silent final e that makes the vowel before it long (Mike),
an open o long (Sora), c and g soft before e, i, y, final y as a vowel, digraphs (sh, ch, th, ph, ck, ng, qu, wh),
doubled consonants said once. The first vowel carries the stress.
"""

from __future__ import annotations

import re

_VOWEL_LETTERS = "aeiouy"
# Consonant runs English words start with ("" for a vowel start).
ONSETS = frozenset(
    "b bl br c ch chr cl cr d dr dw f fl fr g gl gn gr h j k kh kl kn kr l m n p ph phr pl pr ps q r rh s sc sch "
    "schw scr sh shr sk sl sm sn sp sph spl spr st str sv sw sz t th thr tr tw v vl w wh wr x y z zh zw".split()
) | {""}
# Consonant runs English words end with.
CODAS = frozenset(
    "b bs c ch ck cks d ds dt f ff ft g gh ght gs h k ks l lb ld lf lk ll lm ln lp ls lt lth m mb mp mps n nch nd "
    "nds ng ngs nk nks ns nt nth nts p ph ps pt r rb rc rd rf rg rk rl rm rn rp rs rst rt rth s sh sk sp ss st sz "
    "t th ts tt tz v w wn ws x z zz".split()
) | {""}
# Letter groups -> phones, longest first within each table. Vowels carry no stress mark here.
_VOWEL_TEAMS = {
    "eau": "OW", "igh": "AY", "aye": "EY", "ee": "IY", "ea": "IY", "ie": "IY", "ei": "EY", "ey": "EY",
    "ay": "EY", "ai": "EY", "oa": "OW", "oo": "UW", "ou": "AW", "ow": "OW", "oi": "OY", "oy": "OY",
    "au": "AO", "aw": "AO", "ue": "UW", "ui": "UW", "eu": "UW", "ew": "UW",
}  # fmt: skip
_SHORT = {"a": "AE", "e": "EH", "i": "IH", "o": "AA", "u": "AH", "y": "IH"}
_LONG = {"a": "EY", "e": "IY", "i": "AY", "o": "OW", "u": "UW", "y": "AY"}
_VOWEL_PHONES = frozenset(_SHORT.values()) | frozenset(_LONG.values()) | frozenset(_VOWEL_TEAMS.values())
_CONSONANT_GROUPS = {
    "tch": "CH", "sch": "SH", "sh": "SH", "ch": "CH", "th": "TH", "ph": "F", "ck": "K", "qu": "K W",
    "wh": "W", "kh": "K", "zh": "ZH", "gh": "", "x": "K S", "j": "JH", "q": "K", "c": "K", "y": "Y",
    "h": "HH",
}  # fmt: skip
_SILENT_START = {"kn": "N", "wr": "R", "ps": "S", "gn": "N"}
_TOKEN = re.compile("[aeiouy]+|[^aeiouy]+")


def guessed_pronunciation(word: str) -> tuple[str, ...] | None:
    """ARPAbet phones (first vowel stressed) for a word of ASCII letters, or None when its
    letters do not look like an English word (see the module doc)."""
    lower = word.lower()
    if not lower.isascii() or not lower.isalpha() or not _pronounceable(lower):
        return None
    phones: list[str] = []
    index = 0
    while index < len(lower):
        taken, said = _next_sound(lower, index)
        phones += said
        index += taken
    vowels = [i for i, phone in enumerate(phones) if phone in _VOWEL_PHONES]
    if not vowels:
        return None
    # the first vowel is stressed; an unstressed short a is a schwa (Zara: za1 la5, not lai5)
    return tuple(phone + "1" if i == vowels[0] else ("AH" if phone == "AE" else phone) + "0" if i in vowels
                 else phone for i, phone in enumerate(phones))  # fmt: skip


def _pronounceable(lower: str) -> bool:
    """Every consonant run can start, end or sit inside an English word; there is a vowel other
    than y (xyz is letters)."""
    runs = _runs(lower)
    if not re.search("[aeiou]", lower):
        return False
    for i, run in enumerate(runs):
        if _is_vowel_run(run, i == 0):
            continue
        if i == 0:
            if run not in ONSETS:
                return False
        elif i == len(runs) - 1:
            if run not in CODAS:
                return False
        elif not any(run[:cut] in CODAS and run[cut:] in ONSETS for cut in range(len(run) + 1)):
            return False
    return True


def _runs(lower: str) -> list[str]:
    """Alternating consonant and vowel runs; a y that starts the word is a consonant."""
    if lower.startswith("y") and len(lower) > 1:
        rest = _TOKEN.findall(lower[1:])
        if rest and rest[0][0] not in _VOWEL_LETTERS:
            return ["y" + rest[0], *rest[1:]]
        return ["y", *rest]
    return _TOKEN.findall(lower)


def _is_vowel_run(run: str, first: bool) -> bool:
    return run[0] in _VOWEL_LETTERS and not (first and run == "y")


def _next_sound(lower: str, index: int) -> tuple[int, list[str]]:
    """(letters used, phones) for the sound that starts at index."""
    rest = lower[index:]
    if index == 0:
        for letters, phone in _SILENT_START.items():
            if rest.startswith(letters):
                return len(letters), [phone]
    if rest[0] == "y" and rest[1:2] in tuple("aeiou"):
        return 1, ["Y"]  # before a vowel y is a consonant: Maya, Yelp
    if rest[0] in _VOWEL_LETTERS:
        return _vowel(lower, index)
    for letters, phones in _CONSONANT_GROUPS.items():
        if rest.startswith(letters):
            if letters == "c" and rest[1:2] in ("e", "i", "y"):
                return 1, ["S"]
            return len(letters), phones.split()
    if rest.startswith("ng") and not rest[2:3] in ("e", "i", "y"):
        return 2, ["NG"]
    if rest[0] == "g":
        return 1, ["JH"] if rest[1:] == "e" else ["G"]
    doubled = 2 if rest[1:2] == rest[0] else 1  # said once: Kelly, Bass
    if rest[0] == "s" and doubled == 1 and _between_vowels(lower, index):
        return 1, ["Z"]  # Rosa, Elisa
    return doubled, [rest[0].upper()]


def _vowel(lower: str, index: int) -> tuple[int, list[str]]:
    rest = lower[index:]
    for letters, phone in _VOWEL_TEAMS.items():
        # a team ending in w or y before a vowel is a vowel and a consonant: Ko-walski, Ma-ya
        if rest.startswith(letters) and not (letters[-1] in "wy" and rest[len(letters) : len(letters) + 1] in
                                             tuple(_VOWEL_LETTERS)):  # fmt: skip
            return len(letters), [phone]
    letter = rest[0]
    if letter == "y" and len(rest) == 1:
        return 1, ["IY"]  # Zelensky
    if re.fullmatch(f"{letter}[^aeiouy]e", rest):
        return 1, [_LONG[letter]]  # a silent final e makes the vowel long: Mike, Jane
    if letter == "o" and re.match("o[^aeiouy][aeiou]", rest):
        return 1, ["OW"]  # an open o is long: Sora, Dota
    if letter == "e" and len(rest) == 1 and index > 0:
        return 1, []  # the silent final e itself
    return 1, [_SHORT[letter]]


def _between_vowels(lower: str, index: int) -> bool:
    return 0 < index < len(lower) - 1 and lower[index - 1] in _VOWEL_LETTERS and lower[index + 1] in _VOWEL_LETTERS
