"""The inputs of a ``yuyin bench`` run, checked before anything is installed, loaded or timed.

A run takes minutes; an input that would break it part-way, or lose its report at the end, is
refused at the start instead, in one line (the runner exits 2): a ``--json`` file or ``--charts``
directory that cannot be written, a ``--device`` this machine lacks, an unknown ``--backend``,
an unknown ``--voice`` or a pack directory without a voice.json, a ``$YUYIN_HOME`` that is not
a directory, a sentence set that cannot be read or has a sentence with nothing to say. Front
end only, no synthesis; nothing is created.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from yuyin.bench.charts import LATENCY_FILE, THROUGHPUT_FILE
from yuyin.bench.sentences import Sentence, check_sayable, load_sentence_set
from yuyin.writable import directory_problem, file_problem

if TYPE_CHECKING:
    from yuyin.frontend import BakerFrontend
    from yuyin.frontend.ttskit import TtskitFrontend


class BenchInputError(ValueError):
    """An input of the run cannot work; the message names it and says why."""


def check_inputs(args: argparse.Namespace) -> tuple[list[Sentence], str]:
    """(sentences, label) of the set once every input passed; BenchInputError or
    SentenceSetError (the set, naming the file and the line or sentence) otherwise."""
    check_outputs(args.json, args.charts)
    check_runtime(args.bench_device, args.backend)
    frontend = _frontend(args.voice)
    sentences, label = load_sentence_set(args.set)
    check_sayable(sentences, label, frontend)
    return sentences, label


def check_outputs(json_path: str | None, charts_dir: str | None) -> None:
    """Refuse a report file (``-``: standard output) or a chart directory (made if missing, the
    charts in it overwritten) that cannot be written."""
    if json_path is not None and json_path != "-":
        _refuse("--json", json_path, file_problem(json_path))
    if charts_dir is not None:
        _refuse("--charts", charts_dir, directory_problem(charts_dir, created=True))
        if Path(charts_dir).is_dir():
            for chart in (Path(charts_dir, LATENCY_FILE), Path(charts_dir, THROUGHPUT_FILE)):
                _refuse("--charts", chart, file_problem(chart))


def check_runtime(device: str, backends: list[str]) -> None:
    """Refuse a --device that cannot run here (cuda without a GPU) and --backend names that do
    not exist; known backends that do not apply to a device or dtype stay rows with a note."""
    from yuyin.bench.variants import COMPILE_SUFFIX
    from yuyin.engine.device import BACKENDS, DeviceError, plan_runtime

    unknown = [name for name in backends if name.removesuffix(COMPILE_SUFFIX) not in BACKENDS]
    if unknown:
        raise BenchInputError(f"--backend {unknown[0]}: unknown; use {', '.join(BACKENDS)} (each may end in "
                              f"{COMPILE_SUFFIX})")  # fmt: skip
    try:
        plan_runtime(device)
    except DeviceError as exc:
        raise BenchInputError(f"--device {device}: {exc}") from None


def _refuse(option: str, path: str | Path, problem: str | None) -> None:
    if problem is not None:
        raise BenchInputError(f"cannot write {option} {path}: {problem}")


def _frontend(voice: str) -> BakerFrontend | TtskitFrontend:
    """A front end of the voice's family, to read the set as the voice will."""
    from yuyin.frontend import BakerFrontend
    from yuyin.frontend.ttskit import TtskitFrontend

    family = voice_family(voice)
    frontends = {"baker": BakerFrontend, "ttskit": TtskitFrontend}
    if family not in frontends:
        raise BenchInputError(f"--voice {voice}: unsupported voice family {family!r}")
    return frontends[family]()


def voice_family(voice: str) -> str:
    """The family of a voice name (the registry's) or of a pack directory (its voice.json), as the
    loader tells them apart. $YUYIN_HOME must be usable either way: besides the voices it holds
    the reference virtualenvs and the model caches."""
    from yuyin.config import VoiceConfig
    from yuyin.voices.registry import UnknownVoiceError, voice_source
    from yuyin.voices.store import YuyinHomeError, yuyin_home

    try:
        yuyin_home()
        if not Path(voice).is_dir():
            return voice_source(voice).family
    except (UnknownVoiceError, YuyinHomeError) as error:
        raise BenchInputError(str(error)) from None
    if not (Path(voice) / "voice.json").is_file():
        raise BenchInputError(f"--voice {voice}: not a voice-pack directory (no voice.json)")
    return VoiceConfig.from_json(Path(voice) / "voice.json").family
