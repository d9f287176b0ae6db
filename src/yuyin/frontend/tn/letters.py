"""Letters of other alphabets: Latin with diacritics -> plain letters, Greek letters -> their names.

``café`` -> ``cafe`` (then read as an English word), ``Müller`` -> ``Muller``, ``straße`` ->
``strasse``; ``β受体`` -> ``贝塔受体``, ``Δt`` -> ``德尔塔t``, ``2θ`` -> ``2西塔``. Tone-marked
pinyin never reaches these rules (:mod:`yuyin.frontend.marked_pinyin` sets it aside first).
A run of more than three Greek letters is a Greek word, not symbols, and is left alone.
"""

from __future__ import annotations

import unicodedata

from .rule import Rule, rule

# Letters whose decomposition has no ASCII base letter.
_UNDECOMPOSED = {
    "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
    "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i", "ħ": "h", "Ħ": "H",
}  # fmt: skip


def _plain(char: str) -> str:
    """A Latin letter without its diacritics (é -> e), or "" for a character that is no such letter."""
    if char in _UNDECOMPOSED:
        return _UNDECOMPOSED[char]
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return base if base.isascii() and base.isalpha() else ""


_ACCENTED = "".join(
    chr(code) for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)] if _plain(chr(code))
)
_WORD_LETTER = f"A-Za-z{_ACCENTED}\u0300-\u036f"  # combining marks too (decomposed text)
# A word with at least one such letter; it starts where a word starts, so that a long run of
# plain letters is scanned once, not once per position.
ACCENTED_LATIN = rule(
    "accented_latin",
    f"(?<![{_WORD_LETTER}])[{_WORD_LETTER}]*[{_ACCENTED}\u0300-\u036f][{_WORD_LETTER}]*",
    lambda m: "".join(c if c.isascii() else _plain(c) for c in m.group()),
)

# Greek letters by the names Mandarin speakers use for them (classroom readings).
_GREEK_NAMES = (
    ("Αα", "阿尔法"), ("Ββ", "贝塔"), ("Γγ", "伽马"), ("Δδ", "德尔塔"), ("Εε", "艾普西龙"),
    ("Ζζ", "泽塔"), ("Ηη", "伊塔"), ("Θθ", "西塔"), ("Ιι", "约塔"), ("Κκ", "卡帕"),
    ("Λλ", "兰姆达"), ("Μμ", "谬"), ("Νν", "纽"), ("Ξξ", "克西"), ("Οο", "奥密克戎"), ("Ππ", "派"),
    ("Ρρ", "柔"), ("Σσς", "西格玛"), ("Ττ", "陶"), ("Υυ", "宇普西龙"), ("Φφ", "斐"), ("Χχ", "凯"),
    ("Ψψ", "普西"), ("Ωω", "欧米伽"),
)  # fmt: skip
GREEK_NAME = {letter: name for letters, name in _GREEK_NAMES for letter in letters}
_GREEK = "\u0370-\u03ff\u1f00-\u1fff"
GREEK_LETTERS = rule(
    "greek_letters",
    f"(?<![{_GREEK}])[{''.join(GREEK_NAME)}]{{1,3}}(?![{_GREEK}])",
    lambda m: "".join(GREEK_NAME[c] for c in m.group()),
)

RULES: tuple[Rule, ...] = (ACCENTED_LATIN,)
