"""An SSML document's segments -> what is said in one breath: runs of text, each with its options.

A tag in the middle of a sentence (``我们<emphasis>一定</emphasis>要去。``) splits the text into
segments. Said one by one, each would be an utterance of its own: a pause at every tag, each
piece with its own intonation. Instead the segments of one sentence are joined into one run,
said as that sentence, each syllable with its own segment's options (per-phone controls: see
``BakerVoice.stream``).

Consecutive segments form a group until a ``<break>`` (one of 0 s is none), or until the options that cannot change
within a sentence change (speaker, seed, sentence pause, the tempo past the duration model's
range), or, where the voice cannot vary its controls within a sentence, any option changes. A
group whose options are the same throughout (a document without tags, a ``<sub>``) is one run,
said as plain text is. Any other group is cut at its sentence ends, and at a clause's end once
a run holds MAX_RUN_CHARS (so that a long document is analysed a sentence at a time); a run of
one segment's text is said as it is, one that spans segments with per-syllable options. Where
the joined text's syllables do not line up with the segments' (a reading that changes across
the join: an erhua, a number), its segments are said one by one. A run cut from the one before
begins with the pause the cut stands for (pause_before: 1 a sentence's, 0.5 a clause's).
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence

from yuyin.config import SynthesisOptions
from yuyin.frontend import NothingToSay, SentenceUnit
from yuyin.ssml import BreakSegment, Segment

MAX_RUN_CHARS = 120
# Where a group may be cut: after a sentence's end marks or a clause's (ASCII ones only before a
# space or the end: not 5!, ?q=1, 1,000), with the closing quotes and brackets after them
_CUT = re.compile(r"(?:(?P<sentence>[。！？]+|[!?]+(?=\s|$))|[，；、：\n]+|[,;]+(?=\s))[”’」』）)\"']*")


@dataclass(frozen=True)
class SpokenRun:
    """Text said as one: options for what holds throughout (speaker, seed: the first
    segment's), per syllable the options of the segment it is in (None: ``options`` for all),
    and the pause it begins with, as a share of the sentence pause."""

    text: str
    options: SynthesisOptions
    syllable_options: tuple[SynthesisOptions, ...] | None = None
    pause_before: float = 0.0

    @property
    def last_options(self) -> SynthesisOptions:
        """The options its last syllable is said with (the pause after it is theirs)."""
        return self.syllable_options[-1] if self.syllable_options else self.options


Analyze = Callable[[str], Iterable[SentenceUnit]]


def spoken_runs(segments: Sequence[Segment], options_of: Callable[[Segment], SynthesisOptions], analyze: Analyze,
                per_syllable: bool, tempo: Callable[[SynthesisOptions], float]) -> Iterator[SpokenRun | BreakSegment]:  # fmt: skip
    """The runs and breaks of segments, in order (module doc). options_of: a text segment's
    options; analyze: the voice's front end; per_syllable: whether the voice takes options per
    syllable; tempo: the speed a voice makes by time-scaling its mel, past its duration model's
    (one per run)."""
    group: list[tuple[str, SynthesisOptions]] = []
    for segment in segments:
        if isinstance(segment, BreakSegment):
            if segment.seconds == 0:  # strength="none", time="0ms": no break, the sentence goes on
                continue
            yield from _group_runs(group, analyze)
            group = []
            yield segment
            continue
        options = options_of(segment)
        if group and not _joins(group[0][1], options, per_syllable, tempo):
            yield from _group_runs(group, analyze)
            group = []
        group.append((segment.text, options))
    yield from _group_runs(group, analyze)


def _joins(first: SynthesisOptions, options: SynthesisOptions, per_syllable: bool,
           tempo: Callable[[SynthesisOptions], float]) -> bool:  # fmt: skip
    """Whether a segment with options may be said in one group with one whose first has first."""
    if options == first:
        return True
    return (per_syllable and options.speaker == first.speaker and options.seed == first.seed
            and options.sentence_pause == first.sentence_pause and tempo(options) == tempo(first))


def _group_runs(group: list[tuple[str, SynthesisOptions]], analyze: Analyze) -> Iterator[SpokenRun]:
    """A group's runs (module doc)."""
    if not group:
        return
    first = group[0][1]
    if all(options == first for _, options in group):
        yield SpokenRun("".join(text for text, _ in group), first)
        return
    run: list[tuple[int, str, SynthesisOptions]] = []  # (segment, piece of its text, its options)
    pause = 0.0
    for segment, (text, options) in enumerate(group):
        for piece, cut in _pieces(text):
            run.append((segment, piece, options))
            if cut == "sentence" or cut == "clause" and sum(len(piece) for _, piece, _ in run) >= MAX_RUN_CHARS:
                yield from _said(run, analyze, pause)
                run, pause = [], 1.0 if cut == "sentence" else 0.5
    yield from _said(run, analyze, pause)


def _pieces(text: str) -> Iterator[tuple[str, str | None]]:
    """text cut after each sentence's or clause's end (_CUT), with what ended it: "sentence",
    "clause" or None (the rest of the text); joined, text."""
    start = 0
    for mark in _CUT.finditer(text):
        yield text[start : mark.end()], "sentence" if mark.group("sentence") else "clause"
        start = mark.end()
    if start < len(text):
        yield text[start:], None


def _said(run: list[tuple[int, str, SynthesisOptions]], analyze: Analyze, pause: float) -> Iterator[SpokenRun]:
    """The run, as one SpokenRun where its segments' syllables line up, else segment by segment."""
    if not run:
        return
    parts = [(texts, options) for (_, options), texts in _by_segment(run)]
    text, first = "".join(texts for texts, _ in parts), parts[0][1]
    if len(parts) == 1:
        yield SpokenRun(text, first, pause_before=pause)
        return
    per_part = [(_graphemes(analyze, texts), options) for texts, options in parts]
    if _graphemes(analyze, text) != [g for graphemes, _ in per_part for g in graphemes]:
        for index, (texts, options) in enumerate(parts):
            yield SpokenRun(texts, options, pause_before=pause if index == 0 else 0.0)
        return
    syllables = tuple(options for graphemes, options in per_part for _ in graphemes)
    yield SpokenRun(text, first, syllables, pause)


def _by_segment(run: list[tuple[int, str, SynthesisOptions]]) -> Iterator[tuple[tuple[int, SynthesisOptions], str]]:
    """((segment, options), its pieces of the run joined) for each segment of run, in order."""
    for key, pieces in itertools.groupby(run, key=lambda entry: (entry[0], entry[2])):
        yield key, "".join(piece for _, piece, _ in pieces)


def _graphemes(analyze: Callable[[str], Iterable[SentenceUnit]], text: str) -> list[str]:
    """What each syllable of text reads, in order ([] for text with nothing to say)."""
    try:
        return [grapheme for unit in analyze(text) for grapheme in unit.graphemes or unit.pinyin]
    except NothingToSay:
        return []
