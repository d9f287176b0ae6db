"""An SSML document's segments -> what is said in one breath: runs of text, each with its options.

A tag in the middle of a sentence (``我们<emphasis>一定</emphasis>要去。``) splits the text into
segments. Said one by one, each would be an utterance of its own: a pause at every tag, each
piece with its own intonation. Instead the segments of one sentence are joined into one run,
said as that sentence, each syllable with its own segment's options (per-phone controls: see
``BakerVoice.stream``). A run ends at a sentence end (so a long document is still analysed a
sentence at a time), at a ``<break>``, and where the options that cannot change within a
sentence change (speaker, seed, sentence pause, the tempo past the duration model's range), or
where the voice cannot vary its controls within a sentence and the segments' options differ.
Where the joined text's syllables do not line up with the segments' (a reading that changes
across the join: an erhua, a number), the segments are said one by one as before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence

from yuyin.config import SynthesisOptions
from yuyin.frontend import NothingToSay, SentenceUnit
from yuyin.ssml import BreakSegment, Segment

# A sentence and its end marks, closing quotes and brackets after them; or the text after the last one
_SENTENCES = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)\"']*|[^。！？!?]+")
_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)\"']*\s*$")


@dataclass(frozen=True)
class SpokenRun:
    """Text said as one: options for what holds throughout (speaker, seed, pauses: the first
    segment's), and per syllable the options of the segment it is in (None: ``options`` for all)."""

    text: str
    options: SynthesisOptions
    syllable_options: tuple[SynthesisOptions, ...] | None = None
    after_sentence: bool = False  # it follows a sentence of the document without a break: a pause first

    @property
    def last_options(self) -> SynthesisOptions:
        """The options its last syllable is said with (the pause after it is theirs)."""
        return self.syllable_options[-1] if self.syllable_options else self.options


def spoken_runs(segments: Sequence[Segment], options_of: Callable[[Segment], SynthesisOptions],
                analyze: Callable[[str], Iterable[SentenceUnit]], per_syllable: bool,
                tempo: Callable[[SynthesisOptions], float]) -> Iterator[SpokenRun | BreakSegment]:  # fmt: skip
    """The runs and breaks of segments, in order (module doc). options_of: a text segment's
    options; analyze: the voice's front end; per_syllable: whether the voice takes options per
    syllable; tempo: the speed a voice makes by time-scaling its mel, past its duration model's
    (one per run)."""
    run: list[tuple[str, SynthesisOptions]] = []
    after_sentence = False  # the next run follows a sentence's end
    for segment in segments:
        if isinstance(segment, BreakSegment):
            yield from _said(run, analyze, after_sentence)
            run, after_sentence = [], False
            yield segment
            continue
        options = options_of(segment)
        for piece in _sentence_pieces(segment.text):
            if run and not _joins(run, options, per_syllable, tempo):
                yield from _said(run, analyze, after_sentence)
                run, after_sentence = [], False
            run.append((piece, options))
            if _SENTENCE_END.search(piece):
                yield from _said(run, analyze, after_sentence)
                run, after_sentence = [], True
    yield from _said(run, analyze, after_sentence)


def _sentence_pieces(text: str) -> list[str]:
    """text cut after each sentence's end marks (its closing quotes with them); joined, text."""
    pieces = _SENTENCES.findall(text)
    return pieces if "".join(pieces) == text else [text]


def _joins(run: list[tuple[str, SynthesisOptions]], options: SynthesisOptions, per_syllable: bool,
           tempo: Callable[[SynthesisOptions], float]) -> bool:  # fmt: skip
    """Whether a piece with options may be said in one run with run (which has not ended a sentence)."""
    first = run[0][1]
    if options == first:
        return True
    return (per_syllable and options.speaker == first.speaker and options.seed == first.seed
            and options.sentence_pause == first.sentence_pause and tempo(options) == tempo(first))


def _said(run: list[tuple[str, SynthesisOptions]], analyze: Callable[[str], Iterable[SentenceUnit]],
          after_sentence: bool) -> Iterator[SpokenRun]:  # fmt: skip
    """The run, as one SpokenRun where its pieces' syllables line up, else piece by piece."""
    if not run:
        return
    text, first = "".join(piece for piece, _ in run), run[0][1]
    if all(options == first for _, options in run):
        yield SpokenRun(text, first, after_sentence=after_sentence)
        return
    per_piece = [(_graphemes(analyze, piece), options) for piece, options in run]
    if _graphemes(analyze, text) != [g for graphemes, _ in per_piece for g in graphemes]:
        for index, (piece, options) in enumerate(run):
            yield SpokenRun(piece, options, after_sentence=after_sentence and index == 0)
        return
    syllables = tuple(options for graphemes, options in per_piece for _ in graphemes)
    yield SpokenRun(text, first, syllables, after_sentence)


def _graphemes(analyze: Callable[[str], Iterable[SentenceUnit]], text: str) -> list[str]:
    """What each syllable of text reads, in order ([] for text with nothing to say)."""
    try:
        return [grapheme for unit in analyze(text) for grapheme in unit.graphemes or unit.pinyin]
    except NothingToSay:
        return []
