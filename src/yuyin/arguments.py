"""Command-line argument types shared by the commands: argparse turns their ArgumentTypeError
into one ``yuyin CMD: error: argument --x: ...`` line and exit status 2."""
from __future__ import annotations

import argparse
import os
from pathlib import Path


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def thread_count(text: str) -> int:
    """A CPU thread count, as yuyin.engine.threads allows."""
    from yuyin.engine.threads import thread_count_problem

    value = int(text)
    problem = thread_count_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(problem.removeprefix("threads "))
    return value


def non_negative_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be at least 0, got {value}")
    return value


def positive_float(text: str) -> float:
    """A finite number above 0 (a duration, a price)."""
    value = float(text)
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a finite number above 0, got {text}")
    return value


def non_negative_float(text: str) -> float:
    """A finite number, 0 or more."""
    value = float(text)
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a finite number of at least 0, got {text}")
    return value


def non_empty(text: str) -> str:
    """Text that is not blank (an empty ``-o ''`` would name the current directory unasked)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return text


def file_name(text: str) -> str:
    """A file to write: not empty, and not ending in / as a directory's name does (a path made
    of it would drop the / and write a file of that name)."""
    if non_empty(text).endswith(("/", os.sep)):
        raise argparse.ArgumentTypeError(f"{text!r} ends in / as a directory does; give a file's name")
    return text


def file_path(text: str) -> Path:
    """A file to write (see file_name), as a Path."""
    return Path(file_name(text))


def output_path(text: str) -> Path:
    """A path to write to (not empty: see non_empty)."""
    return Path(non_empty(text))
