"""When each sentence and syllable of a request is spoken, and subtitle files (SRT, WebVTT, JSON).

A sentence's chunks carry its syllables' times relative to the chunk that brings them (the
baker voice all on the first, the Tacotron2 voice as it decodes them;
:attr:`yuyin.audio.AudioChunk.syllables`); :class:`Timeline` follows a request's chunks in
order and puts them on the request's audio time line. Subtitle cues show the text as the user
wrote it (``2025年``, not the ``二零二五年`` that is read): one cue per written clause. Given
the request's plain text, a Timeline also says where in it each sentence and syllable is written
(``source_span``, see :mod:`yuyin.written`), and a clause cut to the length budget (a long text
without punctuation) gives each piece its part of the clause, from the place of its first
syllable on: a cue of its own, not minutes of text in one; without the text it stays one cue.

Example (a loaded :class:`yuyin.Synthesizer` ``synthesizer``)::

    timeline = Timeline(text)
    for chunk in synthesizer.synthesize(text):
        timeline.add(chunk)
    Path("out.srt").write_text(to_srt(timeline.sentences))
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from yuyin.audio import AudioChunk, SyllableTiming
from yuyin.frontend.override import without_overrides
from yuyin.written import WrittenText

FORMATS = (".srt", ".vtt", ".json")


@dataclass(frozen=True)
class SentenceTiming:
    """One sentence unit on the request's time line (seconds from the first sample).

    text: as read (normalised); source: as written, "" where it continues the written clause
    of the sentence before; start/end: its first syllable's start and last syllable's end, or,
    where the voice cannot time syllables (syllables None), its audio's; source_span: where
    source lies in the request's text (code point offsets), None where not known.
    """

    index: int
    text: str
    source: str
    start: float
    end: float
    syllables: tuple[SyllableTiming, ...] | None
    source_span: tuple[int, int] | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"index": self.index, "text": self.text, "source": self.source, "start": round(self.start, 4),
                "end": round(self.end, 4), "source_span": span_list(self.source_span),
                "syllables": syllable_dicts(self.syllables)}  # fmt: skip


class Timeline:
    """Sentence and syllable times of one request, collected from its chunks in order (``add``).
    text: the request's plain text, to find each sentence and syllable in (None, e.g. for SSML:
    no source spans)."""

    def __init__(self, text: str | None = None) -> None:
        self.position = 0.0  # seconds of audio added so far
        self._written = WrittenText(text) if text is not None else None
        self._sentences: list[SentenceTiming] = []
        self._open: SentenceTiming | None = None

    def add(self, chunk: AudioChunk) -> None:
        """Place chunk after the chunks before."""
        if chunk.is_silence:
            self._close()
        elif self._open is None or chunk.sentence_index != self._open.index:
            self._close()
            span, syllables = place_sentence(self._written, chunk.source, chunk.syllables, self.position)
            self._open = SentenceTiming(chunk.sentence_index, chunk.text, chunk.source, self.position, self.position,
                                        syllables, span)  # fmt: skip
        elif chunk.syllables:  # more of the open sentence's syllables (a voice that times them as it decodes)
            _, more = place_sentence(self._written, "", chunk.syllables, self.position)
            self._open = replace(self._open, syllables=(self._open.syllables or ()) + (more or ()))
        self.position += chunk.duration
        if self._open is not None:
            self._open = replace(self._open, end=self.position)

    @property
    def sentences(self) -> list[SentenceTiming]:
        """The sentences so far, each timed by its syllables where it has them."""
        done = self._sentences + ([self._open] if self._open is not None else [])
        return [_by_syllables(sentence) for sentence in self._pieces_written(done)]

    def _pieces_written(self, sentences: list[SentenceTiming]) -> list[SentenceTiming]:
        """sentences where each piece of a clause cut to the length budget (source "") takes its
        part of the written clause from where its first syllable is written, leaving the piece
        before it the part up to there."""
        out = list(sentences)
        for index in range(1, len(out)):
            piece, before = out[index], out[index - 1]
            start = next((s.source_span[0] for s in piece.syllables or () if s.source_span), None)
            if self._written is None or piece.source or start is None or before.source_span is None:
                continue
            begin, end = before.source_span
            if begin < start < end:
                text = self._written.text
                source, span = _stripped(text, begin, start)
                out[index - 1] = replace(before, source=source, source_span=span)
                source, span = _stripped(text, start, end)
                out[index] = replace(piece, source=source, source_span=span)
        return out

    def _close(self) -> None:
        if self._open is not None:
            self._sentences.append(self._open)
            self._open = None


def _stripped(text: str, begin: int, end: int) -> tuple[str, tuple[int, int]]:
    """text[begin:end] without the white space at its ends, and where that lies in text."""
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return text[begin:end], (begin, end)


def placed(syllables: tuple[SyllableTiming, ...] | None, offset: float) -> tuple[SyllableTiming, ...] | None:
    """Syllables timed relative to a chunk on the request's time line, the chunk starting at offset seconds."""
    if syllables is None:
        return None
    return tuple(replace(s, start=s.start + offset, end=s.end + offset) for s in syllables)


def place_sentence(text: WrittenText | None, source: str, syllables: tuple[SyllableTiming, ...] | None,
                   offset: float) -> tuple[tuple[int, int] | None, tuple[SyllableTiming, ...] | None]:  # fmt: skip
    """A chunk's syllables (times relative to it, the chunk starting at offset seconds) placed in
    time and, given the request's text, in it; and where source (the written clause a sentence
    begins, "" where the syllables continue the one before) lies in the text (None without text)."""
    syllables = placed(syllables, offset)
    if text is None:
        return None, syllables
    return text.place(source, syllables)


def syllable_dicts(syllables: tuple[SyllableTiming, ...] | None) -> list[dict[str, Any]] | None:
    """Syllables as JSON objects, times to 0.1 ms (None stays None)."""
    if syllables is None:
        return None
    return [{"text": s.text, "pinyin": s.pinyin, "start": round(s.start, 4), "end": round(s.end, 4),
             "source_span": span_list(s.source_span)} for s in syllables]  # fmt: skip


def span_list(span: tuple[int, int] | None) -> list[int] | None:
    """A source span as JSON (None stays None)."""
    return list(span) if span is not None else None


def _by_syllables(sentence: SentenceTiming) -> SentenceTiming:
    if not sentence.syllables:
        return sentence
    return replace(sentence, start=sentence.syllables[0].start, end=sentence.syllables[-1].end)


@dataclass(frozen=True)
class Cue:
    """One subtitle: the written text and when it is spoken."""

    start: float
    end: float
    text: str


def cues(sentences: list[SentenceTiming]) -> list[Cue]:
    """One cue per written clause, without the pinyin of inline overrides: a sentence without a
    source of its own extends the cue before."""
    out: list[Cue] = []
    for sentence in sentences:
        if not sentence.source and out:
            out[-1] = replace(out[-1], end=sentence.end)
        else:
            out.append(Cue(sentence.start, sentence.end, _one_line(without_overrides(sentence.source or sentence.text))))
    return out


def to_srt(sentences: list[SentenceTiming]) -> str:
    """SubRip subtitles of the sentences."""
    blocks = [f"{n}\n{_clock(c.start, ',')} --> {_clock(c.end, ',')}\n{c.text.replace('-->', '->')}\n"
              for n, c in enumerate(cues(sentences), 1)]  # fmt: skip
    return "\n".join(blocks)


def to_vtt(sentences: list[SentenceTiming]) -> str:
    """WebVTT subtitles of the sentences."""
    escape = lambda text: text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # noqa: E731
    blocks = [f"{_clock(c.start, '.')} --> {_clock(c.end, '.')}\n{escape(c.text)}\n" for c in cues(sentences)]
    return "\n".join(["WEBVTT\n", *blocks])


def to_json(sentences: list[SentenceTiming], duration: float) -> str:
    """The sentences with their syllables as JSON: {"duration", "sentences": [SentenceTiming.as_dict()]}."""
    body = {"duration": round(duration, 4), "sentences": [s.as_dict() for s in sentences]}
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def render(suffix: str, sentences: list[SentenceTiming], duration: float) -> str:
    """The file for a FORMATS suffix (ValueError for another)."""
    if suffix == ".srt":
        return to_srt(sentences)
    if suffix == ".vtt":
        return to_vtt(sentences)
    if suffix == ".json":
        return to_json(sentences, duration)
    raise ValueError(f"timestamps are written as {', '.join(FORMATS)}, not {suffix or 'a file without suffix'}")


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _clock(seconds: float, separator: str) -> str:
    """HH:MM:SS<separator>mmm."""
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}{separator}{rest % 1000:03d}"
