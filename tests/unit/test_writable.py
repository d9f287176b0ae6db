"""writable: what a path holds and why it cannot be written; replacing: a file written whole or
not at all, with the mode a new or old file has."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from yuyin.writable import current_umask, file_problem, path_kind, replacing


def test_a_new_file_gets_the_umask_mode_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    new = tmp_path / "new.bin"
    with replacing(new) as temporary:
        temporary.write_bytes(b"new")
    assert new.read_bytes() == b"new" and new.stat().st_mode & 0o777 == 0o666 & ~current_umask()
    old = tmp_path / "old.bin"
    old.write_bytes(b"old")
    old.chmod(0o640)
    with replacing(old) as temporary:
        temporary.write_bytes(b"replaced")
    assert old.read_bytes() == b"replaced" and old.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.bin", "old.bin"]  # no temporary left


def test_a_failed_body_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "kept.bin"
    path.write_bytes(b"kept")
    with pytest.raises(RuntimeError), replacing(path) as temporary:
        temporary.write_bytes(b"half")
        raise RuntimeError
    assert path.read_bytes() == b"kept" and [p.name for p in tmp_path.iterdir()] == ["kept.bin"]


def test_a_symlink_is_followed_and_a_fifo_is_refused(tmp_path: Path) -> None:
    target, link = tmp_path / "real.bin", tmp_path / "link.bin"
    target.write_bytes(b"old")
    link.symlink_to(target)
    with replacing(link) as temporary:
        temporary.write_bytes(b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="not a regular file"), replacing(fifo):
        pass


def test_path_kind_follows_links_and_names_what_cannot_be_looked_up(tmp_path: Path) -> None:
    (tmp_path / "file").write_bytes(b"")
    os.mkfifo(tmp_path / "fifo")
    read_end, write_end = os.pipe()
    try:  # /dev/stdout when it is a pipe: a link to "pipe:[N]", which is no path
        assert path_kind(f"/proc/self/fd/{write_end}") == "special"
        assert file_problem(f"/proc/self/fd/{write_end}", replaced=True) is None
    finally:
        os.close(read_end), os.close(write_end)
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    assert [path_kind(tmp_path / name) for name in ("file", "fifo", "missing", "file/below")] == [
        "file", "special", "missing", "missing"]
    assert path_kind(tmp_path) == "directory"
    too_long = tmp_path / ("a" * 300)
    for path, reason in ((tmp_path / "loop1", "Too many levels of symbolic links"), (too_long, "File name too long"),
                         ("", "the path is empty")):  # fmt: skip
        with pytest.raises(OSError, match=reason):
            path_kind(path)
        assert file_problem(path, replaced=True) == reason
    with pytest.raises(OSError, match="symbolic links"), replacing(tmp_path / "loop1"):
        pass
    assert (tmp_path / "loop1").is_symlink()  # not replaced by a file
