"""How many CPU threads a runtime may be given (no torch import: the server settings and the
command line check thread counts before anything heavy loads)."""
from __future__ import annotations

import os

THREADS_PER_CORE = 8  # more only oversubscribes; libgomp failed to start 50,000 and crashed the process


def max_threads() -> int:
    """The most CPU threads a runtime may be given on this machine."""
    return THREADS_PER_CORE * (os.cpu_count() or 1)


MAX_STREAMS = 4  # side-by-side streams: each keeps its own buffers per shape (0.5-0.8 GiB for baker)


def stream_count(threads: int) -> int:
    """How many side-by-side streams a runtime of threads CPU threads runs (see
    engine.openvino_session): one per thread, at most MAX_STREAMS (then several threads each)."""
    return min(threads, MAX_STREAMS)


def thread_count_problem(threads: object) -> str | None:
    """Why threads is no usable thread count (an int from 1 to max_threads()), or None."""
    if isinstance(threads, bool) or not isinstance(threads, int) or not 1 <= threads <= max_threads():
        return (f"threads must be a whole number from 1 to {max_threads()} ({THREADS_PER_CORE} per core of this "
                f"machine), got {threads!r}")  # fmt: skip
    return None
