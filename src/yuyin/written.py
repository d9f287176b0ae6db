"""Where each spoken syllable is written in the request's text (read-along on the text as typed).

The front end reads a normalised text (``2025年`` is read ``二零二五年``, ``說`` is read ``说``,
``行[hang2]`` is read ``行``), but a reader follows the text as written. Each sentence names the
written clause it begins (``source``, a verbatim substring of the request; ``""`` for a sentence
that continues the clause before) and each syllable names what it reads as normalised
(``SyllableTiming.text``). :class:`WrittenText` finds each clause in the request, in order, and
aligns the syllables' text with it by least cost (:func:`align`), over written *tokens*:

* a hanzi is a token: read as itself (cost 0), as its simplified form (0.1), as another
  character (0.9), or not read (0.5: 𠮷 has no reading);
* a run of digits, Latin letters and signs (``2025``, ``3.5%``, ``$100``, ``Tesla``) is one
  token that reads as one or more characters, 0.05 each for what it spells or says (its
  letters, numerals for its digits, 百分之 for %), else 0.7 for the first and 0.5 for each
  further one (5km -> 五公里), or nothing
  (0.4): its syllables share the run, one digit each where a run of digits is read digit by
  digit (``2025`` -> ``二零二五``, but ``100`` -> ``一百`` both ``100``);
* punctuation, spaces, emoji and inline overrides' brackets (``[hang2]``) are never read;
* a character read from nothing (inserted by normalisation) costs 1 and points at an empty
  span where it was read.

So ``1/2分之`` reads ``二分之一分之`` with ``二分之一`` from ``1/2`` and the written ``分之`` last,
not the other way round. Syllables of a clause may come in several batches (a clause cut to the
length budget, a voice that times syllables as it decodes): each batch is aligned with the ones
since the last hanzi that matched, so a number cut in two is not mistaken for the rest of the
clause. Offsets are Unicode code points (Python ``str`` indices), ``[start, end)``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from yuyin.audio import SyllableTiming
from yuyin.frontend.g2p import HANZI
from yuyin.frontend.normalize import to_simplified
from yuyin.frontend.override import BRACKET

Span = tuple[int, int]

# Runs are made of letters, numbers (Ⅳ, ①, ２), combining marks, currency and maths signs,
# ASCII and full-width signs and the other few signs the normaliser reads; emoji and other
# symbols are not read. The pause marks among them are not read either.
_RUN_CATEGORIES = ("L", "N", "M", "Sc", "Sm")
_RUN_SIGNS = frozenset("°℃℉‰")
_PAUSE_MARKS = frozenset("，,。！？!?；;：:、…—～~“”‘’\"'《》〈〉()（）[]【】「」『』")
_MAX_PENDING = 256  # read characters re-aligned at most (a long clause with no hanzi to anchor on)

MATCH, SIMPLIFIED, OTHER_HANZI, UNREAD_HANZI = 0.0, 0.1, 0.9, 0.5
RUN_FIRST, RUN_MORE, SPELLED, UNREAD_RUN, INSERTED = 0.7, 0.5, 0.05, 0.4, 1.0
LATER = 0.1  # each token left for later: a run may not swallow what the text reads next


@dataclass(frozen=True)
class Token:
    """A written hanzi (``run`` False) or run of digits, letters and signs, at [start, end) of its text."""

    start: int
    end: int
    text: str
    run: bool


def tokens(written: str, offset: int = 0) -> list[Token]:
    """The tokens of written (offsets + offset); what is never read makes none."""
    unread = [False] * len(written)
    for bracket in BRACKET.finditer(written):
        unread[bracket.start() : bracket.end()] = [True] * (bracket.end() - bracket.start())
    out: list[Token] = []
    for index, char in enumerate(written):
        if unread[index] or (char in _PAUSE_MARKS and not _between_digits(written, index)):
            continue
        if HANZI.match(char):
            out.append(Token(offset + index, offset + index + 1, char, False))
        elif _is_run_char(char):
            if out and out[-1].run and out[-1].end == offset + index:
                last = out[-1]
                out[-1] = Token(last.start, last.end + 1, last.text + char, True)
            else:
                out.append(Token(offset + index, offset + index + 1, char, True))
    return out


def _between_digits(written: str, index: int) -> bool:
    """1,234 and 12:30 are one run each."""
    return written[index] in ",:" and 0 < index < len(written) - 1 and (
        written[index - 1].isdigit() and written[index + 1].isdigit())


def _is_run_char(char: str) -> bool:
    return char.isascii() and char.isprintable() and not char.isspace() or (
        unicodedata.category(char).startswith(_RUN_CATEGORIES) or char in _RUN_SIGNS or "\uff01" <= char <= "\uff5e")


@lru_cache(maxsize=4096)
def _simplified(char: str) -> str:
    return to_simplified(char)


def _run_costs(token: Token, char: str) -> tuple[float, float]:
    """What a run costs to read char first and after others: little for what it spells or
    says (a letter of it, a numeral of its digits, a word of its signs)."""
    if char in _expected(token.text):
        return SPELLED, SPELLED
    return RUN_FIRST, RUN_MORE


# What digits and signs are read as (yuyin.frontend.tn): a run containing them reads these.
_DIGITS_SAY = "零〇一二两三四五六七八九十百千万亿幺点负"
_SIGNS_SAY = {"%": "百分之", "‰": "千分之", ".": "点", "/": "斜杠分之每", "@": "艾特", "$": "美元", "¥": "元",
              "€": "欧元", "£": "英镑", "₩": "韩元", "×": "乘", "*": "乘", "÷": "除以", "+": "加", "-": "杠减到负",
              "=": "等于", ":": "比点分", "~": "到", "°": "度", "℃": "摄氏度零下", "℉": "华氏度", "²": "平方",
              "³": "立方", "&": "和", "#": "井号"}  # fmt: skip


@lru_cache(maxsize=4096)
def _expected(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    said = [unicodedata.normalize("NFKD", folded).casefold(), folded.upper()]
    if any(char.isdigit() for char in folded):
        said.append(_DIGITS_SAY)
    said += [_SIGNS_SAY[char] for char in folded if char in _SIGNS_SAY]
    return "".join(said)


def _read_as(token: Token, char: str) -> float:
    if token.text == char:
        return MATCH
    if _simplified(token.text) == char:
        return SIMPLIFIED
    return OTHER_HANZI


def align(written: list[Token], read: str) -> list[int | None]:
    """For each character of read, the index of the written token it reads (None: inserted).

    Least total cost (module docstring); the read text must be used up, the written may stop
    early (more of it may be read later) at a small cost per token left, and the cheapest
    alignment using the fewest tokens wins.
    """
    n, m = len(written), len(read)
    if n >= m and all(not token.run and token.text == char for token, char in zip(written, read)):
        return list(range(m))  # hanzi read as written, the common case
    inf = float("inf")
    # cost[i][j]: tokens[:i] aligned with read[:j]; running[i][j]: the same with token i-1 a run still reading
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    running = [[inf] * (m + 1) for _ in range(n + 1)]
    step: list[list[str]] = [[""] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for j in range(1, m + 1):
        cost[0][j], step[0][j] = cost[0][j - 1] + INSERTED, "insert"
    for i in range(1, n + 1):
        token = written[i - 1]
        row, above = cost[i], cost[i - 1]
        row[0], step[i][0] = above[0] + (UNREAD_RUN if token.run else UNREAD_HANZI), "unread"
        for j in range(1, m + 1):
            if token.run:
                first, more = _run_costs(token, read[j - 1])
                running[i][j] = min(above[j - 1] + first, running[i][j - 1] + more)
                options = ((running[i][j], "run"), (above[j] + UNREAD_RUN, "unread"), (row[j - 1] + INSERTED, "insert"))
            else:
                options = ((above[j - 1] + _read_as(token, read[j - 1]), "hanzi"), (above[j] + UNREAD_HANZI, "unread"),
                           (row[j - 1] + INSERTED, "insert"))  # fmt: skip
            row[j], step[i][j] = min(options, key=lambda option: option[0])
    end = min(range(n + 1), key=lambda i: (cost[i][m] + LATER * (n - i), i))
    return _backtrace(written, read, cost, running, step, end)


def _backtrace(written: list[Token], read: str, cost: list[list[float]], running: list[list[float]],
               step: list[list[str]], i: int) -> list[int | None]:  # fmt: skip
    out: list[int | None] = [None] * len(read)
    j = len(read)
    while j > 0:
        kind = step[i][j]
        if kind == "insert":
            j -= 1
        elif kind == "unread":
            i -= 1
        elif kind == "hanzi":
            out[j - 1] = i - 1
            i, j = i - 1, j - 1
        else:  # a run reads read[k:j] for the k where it started
            while True:
                out[j - 1] = i - 1
                started = running[i][j] == cost[i - 1][j - 1] + _run_costs(written[i - 1], read[j - 1])[0]
                j -= 1
                if started:
                    break
            i -= 1
    return out


def char_spans(written: list[Token], read: str, reader: list[int | None], at: int) -> list[Span]:
    """The written span of each character of read, given who reads it (:func:`align`); an
    inserted character gets an empty span at the end of what precedes it (``at`` at first)."""
    by_run: dict[int, list[int]] = {}
    for j, index in enumerate(reader):
        if index is not None and written[index].run:
            by_run.setdefault(index, []).append(j)
    spans: list[Span] = []
    for j, index in enumerate(reader):
        if index is None:
            spans.append((at, at))
            continue
        token = written[index]
        readers = by_run.get(index)
        if readers is not None and token.text.isdigit() and _one_digit_each(read, readers, token):
            k = readers.index(j)
            spans.append((token.start + k, token.start + k + 1))
        else:
            spans.append((token.start, token.end))
        at = token.end
    return spans


_DIGIT_READINGS = frozenset("零〇一二三四五六七八九幺两")


def _one_digit_each(read: str, readers: list[int], token: Token) -> bool:
    """Whether a run of digits is read digit by digit (2025 -> 二零二五, a phone number, also
    when only its first digits have been read so far), not as a number (100 -> 一百)."""
    return len(readers) <= len(token.text) and all(read[j] in _DIGIT_READINGS for j in readers)


class WrittenText:
    """One request's text and how far its sentences have been placed in it (place them in order)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._searched = 0  # where the next clause is looked for
        self._clause_end: int | None = None  # end of the clause being read (None: not found)
        self._anchor = 0  # where the text after the last matched hanzi of the clause begins
        self._pending = ""  # what was read since that hanzi (aligned again with the next syllables)
        self._last_start = 0  # where the last syllable placed begins
        self._reached = 0  # where the syllables placed so far end

    def place(self, source: str, syllables: tuple[SyllableTiming, ...] | None
              ) -> tuple[Span | None, tuple[SyllableTiming, ...] | None]:  # fmt: skip
        """The span of a sentence's written clause (None for a continuing sentence or a clause
        not found) and its syllables with ``source_span`` set where the clause is known."""
        span = None
        if source:
            start = self.text.find(source, self._searched)
            if start < 0:  # not verbatim in the text (e.g. SSML markup around it)
                self._clause_end = None
                return None, syllables
            span = (start, start + len(source))
            if self._clause_end is None or not tokens(self.text[self._reached : start]):
                self._anchor, self._pending = start, ""  # else it may begin with the rest of the last clause
            self._clause_end = self._searched = span[1]
        if not syllables or self._clause_end is None:
            return span, syllables
        return span, self._aligned(syllables, self._clause_end)

    def _aligned(self, syllables: tuple[SyllableTiming, ...], clause_end: int) -> tuple[SyllableTiming, ...]:
        new = "".join(s.text for s in syllables)
        read = self._pending + new
        stop = min(clause_end, self._anchor + 2 * len(read) + 64)
        written = tokens(self.text[self._anchor : stop], self._anchor)
        reader = align(written, read)
        spans = char_spans(written, read, reader, self._anchor)
        previous = (self._anchor, self._anchor)
        self._advance(written, read, reader, spans)
        spans = spans[len(read) - len(new) :]
        out: list[SyllableTiming] = []
        at = 0
        for syllable in syllables:
            if syllable.text:  # a later syllable of a spelled word shares the word's span
                start, end = spans[at][0], spans[at + len(syllable.text) - 1][1]
                start = max(start, self._last_start)  # realigned, a batch may not step back
                previous = (start, max(start, end))
                at += len(syllable.text)
            self._last_start, self._reached = previous[0], max(self._reached, previous[1])
            out.append(replace(syllable, source_span=previous))
        return tuple(out)

    def _advance(self, written: list[Token], read: str, reader: list[int | None], spans: list[Span]) -> None:
        """Anchor after the last hanzi read as itself (or simplified); keep what was read after it pending."""
        for j in range(len(read) - 1, -1, -1):
            index = reader[j]
            if index is not None and not written[index].run and _read_as(written[index], read[j]) <= SIMPLIFIED:
                self._anchor, self._pending = written[index].end, read[j + 1 :]
                break
        else:
            self._pending = read
        if len(self._pending) > _MAX_PENDING:
            self._anchor, self._pending = max(self._anchor, spans[-1][1]), ""
