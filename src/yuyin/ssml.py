"""A safe SSML subset -> a flat list of segments the Synthesizer renders in order.

Supported (anything else raises :class:`SSMLError` naming the tag, line and column)::

    <speak>                                  root (required when the input has any tag)
    <break time="500ms|1.2s" strength="none|x-weak|weak|medium|strong|x-strong"/>
    <prosody rate= pitch= volume=>           nests: rates/volumes multiply, pitches add
    <emphasis level="strong|moderate|reduced|none">
    <say-as interpret-as="digits|cardinal|ordinal|date|time|telephone|characters">  format= orders a date (DATE_FORMATS)
    <phoneme alphabet="pinyin" ph="yin2 hang2">  -> the front end's override ``银行[yin2 hang2]``
    <sub alias="...">                        speaks the alias instead of the content
    <emotion category="happy|sad|..." intensity="0..2">   a style (yuyin.engine.styles)
    <voice name=>                            the loaded voice's name, or one of its speakers
    <p>, <s>                                 a paragraph, a sentence: each ends a sentence

Attribute values (SynthesisOptions units): ``rate`` x-slow 0.6, slow 0.8, medium 1, fast 1.25,
x-fast 1.6, ``120%`` or ``1.2`` -> speed multiplier, ``+20%`` / ``-50%`` -> a change by that
much (x1.2, x0.5). ``pitch`` x-low -1, low -0.5, medium 0,
high +0.5, x-high +1 (added to ``pitch_shift``, f0 z-score units), ``+2st`` -> +2/3 (a
semitone is about a third of baker's f0 standard deviation), ``+10%`` -> +0.5. ``volume``
silent 0, x-soft 0.4, soft 0.7, medium 1, loud 1.4, x-loud 1.8, ``+6dB`` -> x2, ``50%`` -> x0.5,
``-50%`` -> x0.5 too. Numbers must be finite; results are clamped to ``OPTION_RANGES``. The breaks
of one document may add up to MAX_TOTAL_BREAK_SECONDS.

Parsing uses ``defusedxml`` (SAX) with DTDs, entity declarations and external entities
refused, so billion-laughs and XXE payloads raise SSMLError. Input with no ``<`` at all is
plain text: one segment without overrides, rendered exactly as ``synthesize`` would.
"""
from __future__ import annotations

import datetime
import math
import re
import unicodedata
import xml.sax
from dataclasses import dataclass, field
from collections.abc import Collection
from typing import Any, Union

import defusedxml
import defusedxml.sax

from yuyin.config import OPTION_RANGES
from yuyin.frontend.erhua import fit_syllables
from yuyin.frontend.marked_pinyin import digit_tones
from yuyin.frontend.override import HANZI, READABLE
from yuyin.frontend.tn.digits import LONGEST_CARDINAL, read_digits, read_number

MAX_BREAK_SECONDS = 10.0
MAX_TOTAL_BREAK_SECONDS = 600.0  # ten minutes of silence in one document; more is an error, not audio
BREAK_STRENGTHS = {"none": 0.0, "x-weak": 0.1, "weak": 0.2, "medium": 0.4, "strong": 0.7, "x-strong": 1.0}
RATES = {"x-slow": 0.6, "slow": 0.8, "medium": 1.0, "default": 1.0, "fast": 1.25, "x-fast": 1.6}
PITCHES = {"x-low": -1.0, "low": -0.5, "medium": 0.0, "default": 0.0, "high": 0.5, "x-high": 1.0}
VOLUMES = {"silent": 0.0, "x-soft": 0.4, "soft": 0.7, "medium": 1.0, "default": 1.0, "loud": 1.4, "x-loud": 1.8}
# level -> (pitch multiplier, pitch_shift added, energy multiplier, speed multiplier)
EMPHASIS = {"strong": (1.3, 0.3, 1.3, 0.9), "moderate": (1.15, 0.15, 1.15, 0.95), "none": (1, 0, 1, 1),
            "reduced": (0.8, -0.1, 0.85, 1.05)}  # fmt: skip
DIGITS = "零一二三四五六七八九"
SAY_AS = ("digits", "cardinal", "ordinal", "date", "time", "telephone", "characters")
ATTRIBUTES = {"speak": {"version", "xmlns", "xml:lang", "xmlns:xsi", "xsi:schemaLocation"},
              "break": {"time", "strength"}, "prosody": {"rate", "pitch", "volume"}, "emphasis": {"level"},
              "say-as": {"interpret-as", "format", "detail"}, "phoneme": {"alphabet", "ph"}, "sub": {"alias"},
              "emotion": {"category", "intensity"}, "voice": {"name"}, "p": {"xml:lang"}, "s": {"xml:lang"}}  # fmt: skip
# What ends a sentence already (a <p> or <s> whose text ends so adds no full stop of its own)
_SENTENCE_END = re.compile("[。！？!?…；;][”’」』）)\"']*$")


class SSMLError(ValueError):
    """Malformed, unsafe or unsupported SSML; the message names the tag and line:column."""


@dataclass(frozen=True)
class TextSegment:
    """Text for the front end and the SynthesisOptions fields that override the request's."""

    text: str
    overrides: dict[str, Any] = field(default_factory=dict)
    voice: str | None = None


@dataclass(frozen=True)
class BreakSegment:
    seconds: float


Segment = Union[TextSegment, BreakSegment]


def is_ssml(text: str) -> bool:
    """True when text starts (after whitespace) with a ``<speak`` root."""
    return text.lstrip().startswith("<speak")


_DECLARED_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")


def parse_ssml(text: str, base: dict[str, Any] | None = None, fixed: Collection[str] = ()) -> list[Segment]:
    """SSML (or tag-free text) -> segments; base holds the request's option values to modify.
    Tag-free text is read as written, but for XML's entities (``你好&amp;世界`` says 你好&世界).

    fixed: the controls the voice lacks (ttskit: pitch, pitch_shift, energy): ``<emphasis>``
    leaves them alone, and a tag that asks for one is an error naming it."""
    if "<" not in text:
        return [TextSegment(_XML_ENTITY.sub(_entity, text))]
    handler = _Handler(dict(base or {}), frozenset(fixed))
    try:  # the text is decoded already: an XML declaration's encoding must not decode it again
        defusedxml.sax.parseString(_DECLARED_ENCODING.sub(r"\1", text).encode("utf-8"), handler, forbid_dtd=True)
    except xml.sax.SAXParseException as exc:
        root = "" if is_ssml(text) or text.lstrip().startswith("<?xml") else "; SSML is one <speak> element around the text"
        raise SSMLError(f"malformed SSML at line {exc.getLineNumber()}, column {exc.getColumnNumber() + 1}: "
                        f"{exc.getMessage()}{root}") from None  # fmt: skip
    except defusedxml.DefusedXmlException as exc:
        raise SSMLError(f"unsafe SSML refused (DTDs and entities are not allowed): {exc}") from None
    return handler.segments


_XML_ENTITY = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _entity(match: re.Match[str]) -> str:
    """The character an XML entity or character reference stands for (itself if none)."""
    name, decimal, hexadecimal = match.groups()
    if name:
        return _NAMED[name]
    code = int(decimal) if decimal else int(hexadecimal, 16)
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group()


@dataclass
class _Frame:
    tag: str
    options: dict[str, Any]
    voice: str | None
    replace: str | None = None  # say-as / phoneme / sub: text that replaces the content
    attrs: dict[str, str] = field(default_factory=dict)
    text: list[str] = field(default_factory=list)


class _Handler(xml.sax.ContentHandler):
    def __init__(self, base: dict[str, Any], fixed: frozenset[str]):
        super().__init__()
        self.stack: list[_Frame] = []
        self.segments: list[Segment] = []
        self.base, self.fixed = base, fixed
        self.locator: Any = None
        self.break_seconds = 0.0

    def setDocumentLocator(self, locator: Any) -> None:  # noqa: N802 - SAX API
        self.locator = locator

    def _where(self, tag: str) -> str:
        line, column = self.locator.getLineNumber(), self.locator.getColumnNumber() + 1
        return f"<{tag}> at line {line}, column {column}"

    def startElement(self, tag: str, attrs: Any) -> None:  # noqa: N802 - SAX API
        attrs = dict(attrs)
        where = self._where(tag)
        if not self.stack and tag != "speak":
            raise SSMLError(f"the root element must be <speak>, got {where}")
        if tag not in ATTRIBUTES:
            raise SSMLError(f"unsupported tag {where}; supported: {', '.join(sorted(ATTRIBUTES))}")
        unknown = set(attrs) - ATTRIBUTES[tag]
        if unknown:
            raise SSMLError(f"unsupported attribute {sorted(unknown)[0]!r} on {where}")
        if self.stack and self.stack[-1].replace is not None:
            raise SSMLError(f"{where}: no tags are allowed inside <{self.stack[-1].tag}>")
        parent = self.stack[-1] if self.stack else _Frame("", dict(self.base), None)
        try:
            frame = _open(tag, attrs, parent, self.fixed)
        except (ValueError, KeyError) as exc:
            raise SSMLError(f"{where}: {exc}") from None
        if tag == "break":
            seconds = frame.options.pop("_break")
            self.break_seconds += seconds
            if self.break_seconds > MAX_TOTAL_BREAK_SECONDS:
                raise SSMLError(f"{where}: the breaks add up to more than {MAX_TOTAL_BREAK_SECONDS:g} s")
            self.segments.append(BreakSegment(seconds))
            frame.replace = "break"  # empty element: no content allowed
        self.stack.append(frame)

    def endElement(self, tag: str) -> None:  # noqa: N802 - SAX API
        frame = self.stack.pop()
        if frame.replace is not None:
            try:
                text = _replacement(frame, "".join(frame.text))
            except ValueError as exc:
                raise SSMLError(f"{self._where(tag)}: {exc}") from None
            last = self.segments[-1] if self.segments else None
            if tag == "phoneme" and isinstance(last, TextSegment) and _joins_word(last.text, text):
                text = " " + text  # Model<phoneme>X</phoneme>: the override reads X, not ModelX
            self._emit(text, frame)
        elif tag in ("p", "s"):
            self._end_sentence()

    def _end_sentence(self) -> None:
        """A paragraph or sentence ends its text's sentence: a full stop where no end mark is."""
        last = self.segments[-1] if self.segments else None
        if isinstance(last, TextSegment) and last.text.strip() and not _SENTENCE_END.search(last.text.rstrip()):
            self.segments[-1] = TextSegment(last.text.rstrip() + "。", last.overrides, last.voice)

    def characters(self, content: str) -> None:
        frame = self.stack[-1]
        if frame.replace is not None:
            frame.text.append(content)
        elif content:
            self._emit(content, frame)

    def _emit(self, text: str, frame: _Frame) -> None:
        if not text:
            return
        overrides = {k: v for k, v in frame.options.items() if self.base.get(k, _MISSING) != v}
        last = self.segments[-1] if self.segments else None
        if isinstance(last, TextSegment) and last.overrides == overrides and last.voice == frame.voice:
            self.segments[-1] = TextSegment(last.text + text, overrides, frame.voice)
        else:
            self.segments.append(TextSegment(text, overrides, frame.voice))


_MISSING = object()


def _open(tag: str, attrs: dict[str, str], parent: _Frame, fixed: frozenset[str]) -> _Frame:
    """The frame of an opening tag: parent's options modified by the tag's attributes (fixed:
    see parse_ssml)."""
    options, voice = dict(parent.options), parent.voice
    frame = _Frame(tag, options, voice, attrs=attrs)
    if tag == "break":
        options["_break"] = _break_seconds(attrs)
    elif tag == "prosody":
        if "rate" in attrs:
            _scale(options, "speed", _relative(attrs["rate"], RATES, "rate"))
        if "pitch" in attrs:
            if "pitch_shift" in fixed:
                raise ValueError("pitch: this voice has no pitch control")
            _shift(options, "pitch_shift", _pitch(attrs["pitch"]))
        if "volume" in attrs:
            _scale(options, "volume", _volume(attrs["volume"]))
    elif tag == "emphasis":
        pitch, shift, energy, speed = EMPHASIS[_choice(attrs.get("level", "moderate"), EMPHASIS, "level")]
        for name, change, amount in (("pitch", _scale, pitch), ("pitch_shift", _shift, shift),
                                     ("energy", _scale, energy), ("speed", _scale, speed)):  # fmt: skip
            if name not in fixed:  # a voice without it stresses by what it has
                change(options, name, amount)
    elif tag == "emotion":
        from yuyin.engine.styles import STYLE_NAMES

        options["style"] = _choice(attrs.get("category", ""), STYLE_NAMES, "category")
        options["style_intensity"] = _clamp("style_intensity", _number(attrs.get("intensity", "1"), "intensity"))
    elif tag == "voice":
        frame.voice = attrs.get("name") or None
    elif tag in ("say-as", "phoneme", "sub"):
        frame.replace = _check_replacement(tag, attrs)
    return frame


def _check_replacement(tag: str, attrs: dict[str, str]) -> str:
    if tag == "say-as":
        kind = _choice(attrs.get("interpret-as", ""), SAY_AS, "interpret-as")
        if "format" in attrs and not (kind == "date" and attrs["format"] in DATE_FORMATS):
            raise ValueError(f"format applies to interpret-as='date': one of {', '.join(DATE_FORMATS)}, "
                             f"got {attrs['format']!r}")  # fmt: skip
        return kind
    if tag == "phoneme":
        if attrs.get("alphabet", "pinyin") != "pinyin":
            raise ValueError(f"alphabet must be 'pinyin', got {attrs.get('alphabet')!r}")
        _ph_syllables(attrs.get("ph", ""))
        return "phoneme"
    if "alias" not in attrs:
        raise ValueError("the alias attribute is required")
    return "sub"


def _replacement(frame: _Frame, content: str) -> str:
    """Text spoken for a say-as, phoneme or sub element with its content."""
    if frame.tag == "break":
        if content.strip():
            raise ValueError("<break> must be empty")
        return ""
    if frame.tag == "sub":
        return _attr_of(frame, "alias")
    if frame.tag == "phoneme":
        return _phoneme(content.strip(), _ph_syllables(_attr_of(frame, "ph")))
    return say_as(frame.replace or "", content, frame.attrs.get("format"))


def _phoneme(content: str, syllables: list[str]) -> str:
    """The front end's override for content read as syllables: one per hanzi of a run of hanzi,
    or any number for one word of letters and digits (Tesla, Wi-Fi, 3D); anything else is an
    error, not half an override."""
    if not READABLE.fullmatch(content):
        raise ValueError(f"<phoneme> must hold hanzi or one word of letters and digits, got {content!r}")
    fitted = fit_syllables(content, syllables, lambda syllable: True) if HANZI.match(content) else None
    if HANZI.match(content) and (fitted is None or sum(len(hanzi) for hanzi, _ in fitted) != len(content)):
        raise ValueError(f"ph gives {len(syllables)} syllable(s) for the {len(content)} hanzi of {content!r}")
    return f"{content}[{' '.join(syllables)}]"


def _joins_word(before: str, override: str) -> bool:
    """Whether override, put after before, would make one word with its end (ModelX[...])."""
    return bool(before) and not HANZI.match(override[0]) and READABLE.fullmatch(before[-1] + override[0]) is not None


def _ph_syllables(ph: str) -> list[str]:
    """A phoneme's ph as TONE3 syllables: digits as written (``yin2 hang2``) or tone marks read as
    them (``yín háng``, an unmarked syllable beside marked ones neutral), as inline overrides
    take them; ValueError otherwise."""
    syllables = digit_tones(ph, unmarked_neutral=True)
    if not syllables or not all(re.fullmatch("[a-zv]+[1-5]", syllable) for syllable in syllables):
        raise ValueError(f"ph must be pinyin syllables like 'yin2 hang2' or 'yín háng', got {ph!r}")
    return list(syllables)


def _attr_of(frame: _Frame, name: str) -> str:
    return frame.attrs[name]


def say_as(kind: str, content: str, date_format: str | None = None) -> str:
    """Front-end text for content read as kind (digits one by one, an ordinal with 第, ...);
    date_format: the order of a date's numbers (DATE_FORMATS: ``mdy`` reads 06/18/2025)."""
    text = content.strip()
    if kind in ("digits", "telephone", "date", "time") and not any(_digit(c) is not None for c in text):
        if kind in ("digits", "telephone") or not _NUMERALS.search(text):
            raise ValueError(f"{kind} needs {_NEEDS[kind]}, got {text!r}")
        return text  # a date or time in words (二〇二四年一月二日): the normaliser reads it
    if kind == "date" and date_format is not None:
        return _formatted_date(text, date_format)
    if kind in ("date", "time"):
        _check_date(text) if kind == "date" else _check_time(text)
        return text  # the normaliser reads them
    if kind in ("digits", "telephone"):
        one = "幺" if kind == "telephone" else "一"
        return "".join(one if _digit(c) == 1 else DIGITS[_digit(c)] if _digit(c) is not None else c for c in text)
    if kind == "characters":
        return " ".join(DIGITS[_digit(c)] if _digit(c) is not None else c for c in text if not c.isspace())
    if kind == "ordinal":
        if not re.fullmatch(r"第?(?:\d+|[零〇一二两三四五六七八九十百千万]+)", text):
            raise ValueError(f"ordinal needs a number, got {text!r}")
        return text if text.startswith("第") else f"第{text}"
    if kind == "cardinal":
        return _cardinal(text)
    return text


def _cardinal(text: str) -> str:
    """A number read as one, in words (the normaliser might read 8012 after 房号 digit by digit):
    ``"-1,024.50"`` -> ``"负一千零二十四点五零"``."""
    number = text.replace(",", "")
    if not re.fullmatch(r"[-+]?\d+(\.\d+)?", number):
        raise ValueError(f"cardinal needs a number, got {text!r}")
    sign, whole, fraction = number[0] if number[0] in "+-" else "", *number.lstrip("+-").partition(".")[::2]
    whole = whole.lstrip("0") or "0"
    if whole == "2" and not sign and not fraction:
        return whole  # 两个 or 二, as the normaliser knows from what follows (a 2 is never read otherwise)
    if len(whole) > LONGEST_CARDINAL:
        raise ValueError(f"cardinal reads at most {LONGEST_CARDINAL} digits before the point, got {len(whole)}")
    return read_number(sign + whole + ("." + fraction if fraction else ""))


_DATE = re.compile(r"(?:(?P<year>\d{4})[-/.年])?(?P<month>\d{1,2})[-/.月](?P<day>\d{1,2})日?|(?P<only_year>\d{4})[-/.年](?P<only_month>\d{1,2})月?")
_TIME = re.compile(r"(?P<hour>\d{1,2})[:：](?P<minute>\d{2})(?:[:：](?P<second>\d{2}))?")


# The orders of a date's numbers that say-as format names (the W3C say-as note's date formats)
DATE_FORMATS = ("ymd", "mdy", "dmy", "ym", "my", "md", "dm", "y")
_NUMERALS = re.compile("[〇零一二两三四五六七八九十廿卅]")  # of a date or time in words
_NEEDS = {"digits": "digits", "telephone": "digits", "date": "a date such as 2024-01-02 or 二〇二四年一月二日",
          "time": "a time such as 10:30 or 十点半"}


def _formatted_date(text: str, order: str) -> str:
    """A date whose numbers come in order (06/18/2025 as mdy) -> 二零二五年6月18日, as the normaliser
    reads it; ValueError for numbers that are not so many or not a day of the calendar."""
    numbers = re.split(r"[-/.\s]+", text)
    if len(numbers) != len(order) or not all(number.isdecimal() for number in numbers):
        raise ValueError(f"date in format {order!r} needs {len(order)} numbers, got {text!r}")
    written = dict(zip(order, numbers))
    fields = {field: int(number) for field, number in written.items()}
    year = fields.get("y", 2024)
    try:  # (a year of two digits, '25, as one of this century to check the day against)
        datetime.date(year + 2000 if len(written.get("y", "0000")) == 2 else year, fields.get("m", 1), fields.get("d", 1))
    except ValueError:
        raise ValueError(f"date {text!r} in format {order!r} is no day of the calendar") from None
    return "".join(f"{read_digits(written[field]) if field == 'y' else fields[field]}{word}"  # a year digit by digit
                   for field, word in (("y", "年"), ("m", "月"), ("d", "日")) if field in fields)  # (alone, 25年 is a span)


def _check_date(text: str) -> None:
    """ValueError unless text is a day of the calendar (2024-01-02, 2024/1/2, 1-2, 2024年1月2日) or a
    month of a year (2024-01)."""
    match = _DATE.fullmatch(text)
    if not match:
        raise ValueError(f"date needs a date such as 2024-01-02, got {text!r}")
    if match["only_year"]:
        year, month, day = int(match["only_year"]), int(match["only_month"]), 1
    else:
        year, month, day = int(match["year"] or 2024), int(match["month"]), int(match["day"])  # (2024: 2-29 is a day)
    try:
        datetime.date(year, month, day)
    except ValueError:
        raise ValueError(f"date {text!r} is no day of the calendar") from None


def _check_time(text: str) -> None:
    """ValueError unless text is a time of day (10:30, 9:05:30, 24:00)."""
    match = _TIME.fullmatch(text)
    if not match:
        raise ValueError(f"time needs a time such as 10:30, got {text!r}")
    hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"] or 0)
    if hour > 24 or minute > 59 or second > 59 or hour == 24 and (minute or second):
        raise ValueError(f"time {text!r} is no time of day")


def _digit(char: str) -> int | None:
    """A decimal digit's value in any script (٣ -> 3); None for others, superscripts (²) too."""
    return unicodedata.decimal(char, None)


def _break_seconds(attrs: dict[str, str]) -> float:
    if "time" in attrs:
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*", attrs["time"])
        if not match:
            raise ValueError(f"time must look like '500ms' or '1.5s', got {attrs['time']!r}")
        seconds = float(match[1]) / (1000.0 if match[2] == "ms" else 1.0)
    else:
        seconds = BREAK_STRENGTHS[_choice(attrs.get("strength", "medium"), BREAK_STRENGTHS, "strength")]
    if seconds > MAX_BREAK_SECONDS:
        raise ValueError(f"time must be at most {MAX_BREAK_SECONDS:g} s, got {seconds:g} s")
    return seconds


def _choice(value: str, allowed: Any, name: str) -> str:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")
    return value


def _number(value: str, name: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return number


def _relative(value: str, labels: dict[str, float], name: str) -> float:
    """A label, 'N%' (of the current value), a signed '+N%' / '-N%' (a change by that much, as
    SSML 1.0 and the cloud services write it: -50% halves) or a bare multiplier -> multiplier >= 0."""
    value = value.strip()
    if value in labels:
        return labels[value]
    if value.endswith("%"):
        percent = _number(value[:-1], name)
        factor = 1.0 + percent / 100.0 if value[:1] in "+-" else percent / 100.0
    else:
        factor = _number(value, name)
    if factor < 0:
        raise ValueError(f"{name} must not be negative, got {value!r}")
    return factor


def _pitch(value: str) -> float:
    value = value.strip()
    if value in PITCHES:
        return PITCHES[value]
    if value.endswith("st"):
        return _number(value[:-2], "pitch") / 3.0
    if value.endswith("%"):
        return _number(value[:-1], "pitch") / 20.0
    raise ValueError(f"pitch must be a label ({', '.join(PITCHES)}), '+Nst' or '+N%', got {value!r}")


def _volume(value: str) -> float:
    value = value.strip()
    if value.endswith("dB"):
        decibels = min(max(_number(value[:-2], "volume"), -100.0), 100.0)  # far past the range either way
        return 10 ** (decibels / 20.0)
    return _relative(value, VOLUMES, "volume")


def _clamp(name: str, value: float) -> float:
    low, high = OPTION_RANGES[name]
    return min(max(value, low), high)


def _scale(options: dict[str, Any], name: str, factor: float) -> None:
    options[name] = _clamp(name, options.get(name, 1.0) * factor)


def _shift(options: dict[str, Any], name: str, delta: float) -> None:
    options[name] = _clamp(name, options.get(name, 0.0) + delta)
