"""The ttskit voice's 145-symbol table and pinyin/character -> ids rules (voice-ttskit.md §5).

Owns what is specific to the phkit 0.2.11 "hanzi" symbol inventory the ttskit Tacotron2 was
trained on: the id order, the spelling of a TONE3 syllable as (initial, final, tone) with the
pseudo-initials ``aa ee oo ii uu vv``, the one-symbol mapping of punctuation, letters and a few
other characters, the ``-`` after every unit, the ``~ _`` ending, and phkit's third-tone rule.
Pure Python; nothing here knows about hanzi. Feed it the syllables of :mod:`yuyin.frontend.g2p`
(TONE3, neutral tone ``5``) and the remaining characters one per token.

>>> tokens_to_ids(["ni3", "hao3", "。"])
[17, 40, 72, 2, 11, 34, 73, 2, 130, 2, 1, 0]
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

PAD, EOS, CHAIN = "_", "~", "-"
INITIALS: tuple[str, ...] = (
    "aa", "b", "c", "ch", "d", "ee", "f", "g", "h", "ii", "j", "k", "l", "m",
    "n", "oo", "p", "q", "r", "s", "sh", "t", "uu", "vv", "x", "z", "zh",
)  # fmt: skip
FINALS: tuple[str, ...] = (
    "a", "ai", "an", "ang", "ao", "e", "ei", "en", "eng", "er", "i", "ia", "ian", "iang",
    "iao", "ie", "in", "ing", "iong", "iu", "ix", "iy", "iz", "o", "ong", "ou", "u", "ua",
    "uai", "uan", "uang", "ueng", "ui", "un", "uo", "v", "van", "ve", "vn", "ng", "uong",
)  # fmt: skip
TONES: tuple[str, ...] = ("1", "2", "3", "4", "5")
LETTER_NAMES: tuple[str, ...] = tuple(ch + ch.lower() for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # Aa .. Zz
LETTERS: tuple[str, ...] = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
PUNCTUATION: tuple[str, ...] = ("!", "?", ".", ",", ";", ":", '"', "#", "(", ")")
OTHERS: tuple[str, ...] = ("w", "y", "0", "6", "7", "8", "9")

TTSKIT_SYMBOLS: tuple[str, ...] = (
    (PAD, EOS, CHAIN) + INITIALS + FINALS + TONES + LETTER_NAMES + LETTERS + PUNCTUATION + OTHERS
)
SYMBOL_TO_ID: dict[str, int] = {symbol: i for i, symbol in enumerate(TTSKIT_SYMBOLS)}

# Characters that become one symbol (section 5.1 step 4). Any other character gives only "-".
_PUNCTUATION_SOURCES = {
    "!": "!！", "?": "?？", ".": ".。", ",": ",，、", ";": ";；", ":": ":：",
    '"': "\"＂“”'＇‘’", "#": "#＃ \u3000\t", "(": "(（[［{｛【<《", ")": ")）]］}｝】>》",
}  # fmt: skip
CHAR_TO_SYMBOL: dict[str, str] = {
    **{src: symbol for symbol, sources in _PUNCTUATION_SOURCES.items() for src in sources},
    **{upper: name for upper, name in zip(LETTERS, LETTER_NAMES)},  # "A" -> letter name "Aa"
    **{upper.lower(): upper for upper in LETTERS},  # "a" -> "A" (read as part of a word)
    "%": "w", "$": "y", "0": "0", "6": "6", "7": "7", "8": "8", "9": "9",
}  # fmt: skip

# The syllables the voice can spell: initial -> written finals. This is phkit 0.2.11's 420-entry
# inventory (zero-initial syllables are in _ZERO_INITIAL); a syllable outside it is read letter by
# letter, as the original does.
_INVENTORY = {
    "b": "a ai an ang ao ei en eng i ian iao ie in ing o u",
    "p": "a ai an ang ao ei en eng i ian iao ie in ing o ou u",
    "m": "a ai an ang ao e ei en eng i ian iao ie in ing iu o ou u",
    "f": "a an ang ei en eng iao o ou u",
    "d": "a ai an ang ao e ei en eng i ia ian iao ie in ing iu ong ou u uan ui un uo",
    "t": "a ai an ang ao e ei eng i ian iao ie ing ong ou u uan ui un uo",
    "n": "a ai an ang ao e ei en eng i ia ian iang iao ie in ing iu ong ou u uan un uo v ve",
    "l": "a ai an ang ao e ei en eng i ia ian iang iao ie in ing iu o ong ou u uan un uo v ve",
    "g": "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
    "k": "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
    "h": "a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo",
    "j": "i ia ian iang iao ie in ing iong iu u uan ue un",
    "q": "i ia ian iang iao ie in ing iong iu u uan ue un",
    "x": "i ia ian iang iao ie in ing iong iu u uan ue un",
    "zh": "a ai an ang ao e ei en eng i ong ou u ua uai uan uang ui un uo",
    "ch": "a ai an ang ao e en eng i ong ou u ua uai uan uang ui un uo",
    "sh": "a ai an ang ao e ei en eng i ou u ua uai uan uang ui un uo",
    "r": "an ang ao e en eng i ong ou u ua uan ui un uo",
    "z": "a ai an ang ao e ei en eng i ong ou u uan ui un uo",
    "c": "a ai an ang ao e ei en eng i ong ou u uan ui un uo",
    "s": "a ai an ang ao e en eng i ong ou u uan ui un uo",
}  # fmt: skip
_ZERO_INITIAL = {
    **{s: ("aa", s) for s in ("a", "ai", "an", "ang", "ao")},
    **{s: ("ee", s) for s in ("e", "ei", "en", "eng", "er")},
    **{s: ("oo", s) for s in ("o", "ou")},
    "yi": ("ii", "i"), "ya": ("ii", "ia"), "yan": ("ii", "ian"), "yang": ("ii", "iang"),
    "yao": ("ii", "iao"), "ye": ("ii", "ie"), "yin": ("ii", "in"), "ying": ("ii", "ing"),
    "yong": ("ii", "iong"), "you": ("ii", "iu"), "yo": ("ii", "o"),
    "yu": ("vv", "v"), "yuan": ("vv", "van"), "yue": ("vv", "ve"), "yun": ("vv", "vn"),
    "wu": ("uu", "u"), "wa": ("uu", "ua"), "wai": ("uu", "uai"), "wan": ("uu", "uan"),
    "wang": ("uu", "uang"), "wei": ("uu", "ui"), "wen": ("uu", "un"), "weng": ("uu", "ueng"),
    "wo": ("uu", "uo"), "wong": ("uu", "uong"),
    "ng": ("ee", "ng"), "n": ("n", "ng"),
}  # fmt: skip


def _model_final(initial: str, written: str) -> str:
    """Written final after a consonant -> the inventory's final (ü is written ``u`` after j/q/x)."""
    if initial in ("j", "q", "x") and written.startswith("u"):
        return "v" + written[1:]  # ju -> v, juan -> van, jue -> ve, jun -> vn
    if written == "i" and initial in ("zh", "ch", "sh"):
        return "ix"
    if written == "i" and initial == "r":
        return "iz"
    if written == "i" and initial in ("z", "c", "s"):
        return "iy"
    return written


def _build_syllables() -> dict[str, tuple[str, str]]:
    table = dict(_ZERO_INITIAL)
    for initial, finals in _INVENTORY.items():
        for written in finals.split():
            table[initial + written] = (initial, _model_final(initial, written))
    return table


SYLLABLES: dict[str, tuple[str, str]] = _build_syllables()  # toneless syllable -> (initial, final)


def syllable_phonemes(syllable: str) -> list[str] | None:
    """``"huan1"`` -> ``["h", "uan", "1"]``; None when it is not an inventory syllable + tone 1-5."""
    if len(syllable) < 2 or syllable[-1] not in TONES or syllable[:-1] not in SYLLABLES:
        return None
    initial, final = SYLLABLES[syllable[:-1]]
    return [initial, final, syllable[-1]]


def token_phonemes(token: str) -> list[str]:
    """One unit -> its symbols followed by ``-``.

    A TONE3 syllable gives initial, final, tone. Anything else is read character by character
    through :data:`CHAR_TO_SYMBOL` (unknown characters give nothing), then one ``-``: so ``"，"``
    -> ``[",", "-"]`` and ``"好"`` (no pinyin) -> ``["-"]``. Pass other characters one per token.
    """
    phonemes = syllable_phonemes(token)
    if phonemes is None:
        phonemes = [CHAR_TO_SYMBOL[ch] for ch in token if ch in CHAR_TO_SYMBOL]
    return phonemes + [CHAIN]


def third_tone_sandhi(phonemes: Sequence[str]) -> list[str]:
    """phkit's rule, scanning from the end: a ``3`` exactly 4 symbols before the last unchanged
    ``3`` becomes ``2``, so a run of third-tone syllables reads ... 2 3 2 3 and punctuation breaks it."""
    out = list(phonemes)
    last_kept = None
    for i in range(len(out) - 1, -1, -1):
        if out[i] != "3":
            continue
        if last_kept is not None and last_kept - i == 4:
            out[i] = "2"
        else:
            last_kept = i
    return out


def tokens_to_phonemes(tokens: Iterable[str], *, sandhi: bool = True) -> list[str]:
    """Units (syllables and single characters) -> symbols, ending ``~ _``, sandhi applied."""
    phonemes = [p for token in tokens for p in token_phonemes(token)] + [EOS, PAD]
    return third_tone_sandhi(phonemes) if sandhi else phonemes


def phonemes_to_ids(phonemes: Iterable[str]) -> list[int]:
    """Symbols -> ids; symbols outside the table are dropped, as the original does."""
    return [SYMBOL_TO_ID[p] for p in phonemes if p in SYMBOL_TO_ID]


def tokens_to_ids(tokens: Iterable[str], *, sandhi: bool = True) -> list[int]:
    """Convenience: :func:`tokens_to_phonemes` then :func:`phonemes_to_ids`."""
    return phonemes_to_ids(tokens_to_phonemes(tokens, sandhi=sandhi))


def normalize_latin_case(text: str) -> str:
    """phkit's case rule: a Latin run that is not all upper case is lower-cased (read as a word);
    an all-upper run such as ``ABC`` is kept and read letter by letter."""
    out, run = [], []
    for ch in text + "\0":
        if ch.isascii() and ch.isalpha():
            run.append(ch)
            continue
        word = "".join(run)
        out.append(word if word.isupper() else word.lower())
        run = []
        out.append(ch)
    return "".join(out[:-1])
