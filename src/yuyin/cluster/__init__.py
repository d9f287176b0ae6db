"""Scale-out on Ray: Serve replicas of the HTTP app (:mod:`.serve`) and bulk synthesis with Ray
Data (:mod:`.bulk`). Needs the ``ray`` extra: ``pip install 'yuyin[ray]'``."""
from __future__ import annotations

import contextlib
import os
import signal
import threading
from typing import Iterator


class ClusterError(Exception):
    """A scale-out job that cannot start or run: Ray missing, no cluster to join, a bad plan."""


def import_ray():
    """The ``ray`` module; ClusterError naming the extra when it is not installed."""
    try:
        import ray
        import ray.data  # noqa: F401  (both parts of the extra)
        import ray.serve  # noqa: F401
    except ImportError as exc:
        raise ClusterError(f"{exc}; install the ray extra: pip install 'yuyin[ray]'") from None
    return ray


@contextlib.contextmanager
def ray_session(address: str | None) -> Iterator[bool]:
    """Ray for the block: the cluster at address (or $RAY_ADDRESS), else one started here and shut
    down after it. Yields whether this process started it. Inside it, SIGTERM and SIGHUP raise
    KeyboardInterrupt as SIGINT does (in the main thread), so that the block cleans up: the
    handler ray.init installs would abort the process instead.
    """
    ray = import_ray()
    joining = bool(address or os.environ.get("RAY_ADDRESS"))
    previous = _interrupt_on_signals()
    try:
        try:
            if joining:
                ray.init(address=address)
            else:
                ray.init(include_dashboard=False)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise ClusterError(f"could not {'join' if joining else 'start'} a Ray cluster: {exc}") from None
        _interrupt_on_signals()
        try:
            yield not joining
        finally:
            ray.shutdown()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _interrupt_on_signals() -> dict:
    """Make SIGTERM and SIGHUP raise KeyboardInterrupt; the handlers replaced (none off the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {signum: signal.signal(signum, _interrupt) for signum in (signal.SIGTERM, signal.SIGHUP)}


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def last_line(error: BaseException | str) -> str:
    """The root cause of a Ray error: the last line of its message (which holds the remote traceback)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__
