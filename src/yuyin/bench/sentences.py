"""The benchmark's sentence set: parsing the TSV format and the built-in fallback list.

Format (the one of ``shared/eval/sentences.tsv``): one sentence per line,
``id<TAB>text[<TAB>expected reading]``; blank lines, lines starting with ``#`` and a first
``id<TAB>text`` header row are skipped.
A line without a tab is a bare sentence and gets the id ``l<line number>``. The third column is
for accuracy checks and is ignored here. ``check_sayable`` refuses a set with a sentence the
voice's front end finds nothing to say in, before a run rather than in the middle of it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from yuyin.frontend import BakerFrontend
    from yuyin.frontend.ttskit import TtskitFrontend

DEFAULT_SET = Path("../shared/eval/sentences.tsv")  # relative to the current directory
BUILTIN_LABEL = "<built-in>"


class SentenceSetError(ValueError):
    """The sentence set is empty or malformed; the message names the file and line."""


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str


BUILTIN_SENTENCES: tuple[Sentence, ...] = (
    Sentence("b01", "欢迎使用语音合成服务，祝您今天心情愉快！"),
    Sentence("b02", "明天早上八点半，我们在学校门口集合，然后一起坐车去博物馆参观。"),
    Sentence("b03", "这本书一共有三百二十页，我已经读完了一半。"),
    Sentence("b04", "窗外下着小雨，街上的行人都撑起了五颜六色的雨伞。"),
    Sentence("b05", "请注意，本次航班将于十分钟后开始登机。"),
)


def parse_sentence_set(text: str, source: str = "<string>") -> list[Sentence]:
    """Parse the TSV text of a sentence set; raises SentenceSetError on empty text or bad lines."""
    sentences: list[Sentence] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip("\r\n\ufeff")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = line.split("\t")
        if not sentences and [column.strip().lower() for column in columns[:2]] == ["id", "text"]:
            continue  # a header row, as yuyin batch reads one
        if len(columns) == 1:
            sentence_id, body = f"l{number}", columns[0]
        else:
            sentence_id, body = columns[0].strip(), columns[1]
        body = body.strip()
        if not sentence_id or not body:
            raise SentenceSetError(f"{source}:{number}: empty id or text")
        if sentence_id in seen:
            raise SentenceSetError(f"{source}:{number}: duplicate id {sentence_id!r}")
        seen.add(sentence_id)
        sentences.append(Sentence(sentence_id, body))
    if not sentences:
        raise SentenceSetError(f"{source}: no sentences")
    return sentences


def resolve_set_path(requested: str | Path | None, cwd: Path | None = None) -> Path | None:
    """The file to read: ``requested`` if given, else DEFAULT_SET if it exists, else None (built-in)."""
    if requested is not None:
        return Path(requested)
    default = Path(os.path.normpath((cwd or Path.cwd()) / DEFAULT_SET))
    return default if default.is_file() else None


def load_sentence_set(requested: str | Path | None, cwd: Path | None = None) -> tuple[list[Sentence], str]:
    """Return (sentences, label) where label is the path read or BUILTIN_LABEL."""
    path = resolve_set_path(requested, cwd)
    if path is None:
        return list(BUILTIN_SENTENCES), BUILTIN_LABEL
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SentenceSetError(f"cannot read sentence set {path}: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise SentenceSetError(f"sentence set {path} is not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    return parse_sentence_set(text, source=str(path)), str(path)


def check_sayable(sentences: Iterable[Sentence], source: str, frontend: BakerFrontend | TtskitFrontend) -> None:
    """Raise SentenceSetError naming the first sentence the front end cannot read: nothing to
    pronounce in it, or a malformed inline pinyin override. Front end only, up to each sentence's
    first unit (no synthesis), so it costs little next to the run it saves."""
    from yuyin.frontend import FrontendError

    for sentence in sentences:
        try:
            frontend.check(sentence.text)
            next(frontend.analyze(sentence.text))
        except FrontendError as error:
            raise SentenceSetError(f"{source}: sentence {sentence.id!r}: {error}") from None
