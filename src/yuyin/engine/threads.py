"""How many CPU threads a runtime may be given (no torch import: the server settings and the
command line check thread counts before anything heavy loads)."""
from __future__ import annotations

import os

THREADS_PER_CORE = 8  # more only oversubscribes; libgomp failed to start 50,000 and crashed the process


def max_threads() -> int:
    """The most CPU threads a runtime may be given on this machine."""
    return THREADS_PER_CORE * (os.cpu_count() or 1)


def thread_count_problem(threads: object) -> str | None:
    """Why threads is no usable thread count (an int from 1 to max_threads()), or None."""
    if isinstance(threads, bool) or not isinstance(threads, int) or not 1 <= threads <= max_threads():
        return (f"threads must be a whole number from 1 to {max_threads()} ({THREADS_PER_CORE} per core of this "
                f"machine), got {threads!r}")  # fmt: skip
    return None
