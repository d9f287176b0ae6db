"""Whether an output path can be written, found out before the long work whose result goes there.

A command checks its output paths when it starts (``yuyin say -o``, ``yuyin bench --json`` and
``--charts``), so that a missing directory, a file where a directory should be or a lack of
permission is one clear line at once, not a failure after minutes of synthesis or benchmarking.
The checks leave nothing behind (a directory's probe file is created and removed at once). Each
returns None when the path can be written, else the reason as a phrase to print after the path
(``cannot write PATH: REASON``). :func:`replacing` then writes a file whole or not at all.
"""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Iterator


def path_kind(path: str | Path) -> str:
    """What is at path, symlinks followed: "file" (a regular one), "directory", "special" (a FIFO,
    a device, the pipe behind /dev/stdout: opened and written directly) or "missing" (also when
    a directory on the way is a file). OSError where the path cannot be looked up at all (a name
    too long, a loop of symlinks, no permission to search a directory on the way)."""
    if not str(path):
        raise OSError(errno.ENOENT, "the path is empty")
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    return "file" if stat.S_ISREG(mode) else "directory" if stat.S_ISDIR(mode) else "special"


def file_problem(path: str | Path, replaced: bool = False) -> str | None:
    """Why a file cannot be written at path (symlinks followed, as the writers follow them).

    replaced: the writer writes a temporary file beside a regular file and renames it over it
    (``Synthesizer.synthesize_to_wav``), so what matters is its directory, not the file's own
    mode; otherwise an existing file is opened for writing and must be writable itself. A path
    that exists but is no regular file (a FIFO, a device) is always opened for writing."""
    try:
        kind = path_kind(path)
    except OSError as exc:
        return exc.strerror or str(exc)
    if kind == "directory":
        return "it is a directory"
    if kind == "special" or (kind == "file" and not replaced):
        return None if os.access(path, os.W_OK) else "no permission to write it"
    return directory_problem(Path(os.path.realpath(path)).parent)


def directory_problem(path: str | Path, created: bool = False) -> str | None:
    """Why files cannot be made in the directory at path.

    created: the writer makes the directory (and its parents) if missing, so for a missing one it
    is enough that its nearest existing ancestor is a directory it may write in."""
    try:
        return _directory_problem(Path(path), created)
    except OSError as exc:  # a name too long, a loop of symlinks
        return exc.strerror or str(exc)


def _directory_problem(directory: Path, created: bool) -> str | None:
    """directory_problem, its look-ups free to raise OSError."""
    while created and not directory.exists() and directory != directory.parent:
        directory = directory.parent
    if not directory.exists():
        return f"directory {directory} does not exist"
    if not directory.is_dir():
        return f"{directory} is not a directory"
    if not os.access(directory, os.W_OK | os.X_OK):
        return f"no permission to write in directory {directory}"
    try:  # what access() cannot tell: a read-only or special file system (/proc, /sys), even for root
        with tempfile.TemporaryFile(dir=directory):
            pass
    except OSError as exc:
        return f"cannot create files in directory {directory} ({exc.strerror or exc})"
    return None


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside path for the body to write; when the body ends it gets path's mode
    if path exists, else what the umask leaves of rw-rw-rw- (as a file opened for writing would),
    and replaces path in one rename. If the body fails it is removed and path is left as it was.
    A symlink is followed (its target is replaced, the link stays); a path that exists but is no
    regular file (a FIFO, a device) is an OSError, as is one that cannot be looked up (a loop of
    symlinks: see path_kind): write such a file directly."""
    kind = path_kind(path)
    path = Path(os.path.realpath(path))
    if kind not in ("file", "missing"):
        raise OSError(errno.EINVAL, f"cannot replace {path}: it is not a regular file")
    mode = stat.S_IMODE(path.stat().st_mode) if kind == "file" else 0o666 & ~current_umask()
    try:
        handle, name = tempfile.mkstemp(prefix=".yuyin-", suffix=".part", dir=path.parent)  # short: long names fit
    except OSError as exc:  # name the file asked for, not the temporary one beside it
        raise type(exc)(exc.errno, f"cannot write {path}: {exc.strerror}") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def current_umask() -> int:
    """This process's umask, read without changing it (os.umask would, for every thread)."""
    with contextlib.suppress(OSError, AttributeError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022
