"""Scale-out on Ray: Serve replicas of the HTTP app (:mod:`.serve`) and bulk synthesis with Ray
Data (:mod:`.bulk`). Needs the ``ray`` extra: ``pip install 'yuyin[ray]'``."""
from __future__ import annotations

import contextlib
import math
import os
from dataclasses import replace
from typing import Iterator

from yuyin.signals import interrupt_on_signals, terminated_like_interrupted

DEFAULT_MAX_ROW_CHARS = 20_000  # longest text of a bulk row: about an hour of speech, one object in Ray


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
    """Ray for the block: the cluster at address (or $RAY_ADDRESS), else a new one started on this
    machine (never one found running here) and shut down after the block. Yields whether this
    process started it. Inside it SIGTERM and SIGHUP raise KeyboardInterrupt as SIGINT does (main
    thread), so that the block cleans up: the handler ray.init installs would abort the process.
    """
    ray = import_ray()
    joining = joins_cluster(address)
    with terminated_like_interrupted():
        try:
            if joining:
                check_reachable(address)
                ray.init(address=address)
            else:
                ray.init(address="local", include_dashboard=False)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            if "Could not find any running Ray instance" in str(exc):  # Ray's advice names its own flag
                asked = f"--ray-address {address}" if address else f"RAY_ADDRESS={os.environ.get('RAY_ADDRESS')}"
                raise ClusterError(f"no running Ray cluster found for {asked}: "
                                   "start one with 'ray start --head', or leave out --ray-address and "
                                   "RAY_ADDRESS to run on one started for this job") from None  # fmt: skip
            raise ClusterError(f"could not {'join' if joining else 'start'} a Ray cluster: {exc}") from None
        interrupt_on_signals()  # again, over ray.init's handler; the block's end restores the original
        try:
            yield not joining
        finally:
            ray.shutdown()


def check_reachable(address: str | None, timeout: float = 5.0) -> None:
    """ClusterError unless the cluster at address (or $RAY_ADDRESS) answers on its port within
    timeout seconds: ray.init would retry an address nobody listens on without end. "auto" and
    addresses without a port are left to Ray."""
    import socket

    target = (address or os.environ.get("RAY_ADDRESS") or "").removeprefix("ray://")
    host, _, port = target.rpartition(":")
    if not host or not port.isdigit():
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as exc:
        raise ClusterError(f"cannot reach the Ray cluster at {target}: {exc.strerror or exc}") from None


def joins_cluster(address: str | None) -> bool:
    """Whether ray_session(address) joins a running cluster (else it starts one)."""
    return bool(address or os.environ.get("RAY_ADDRESS"))


def check_fits(cpus: float, gpus: float, what: str) -> None:
    """ClusterError unless a live node of the cluster can hold a process reserving cpus and gpus
    (Ray would wait for one forever)."""
    import ray

    nodes = [node["Resources"] for node in ray.nodes() if node.get("Alive")]
    if not any(node.get("CPU", 0) >= cpus and node.get("GPU", 0) >= gpus for node in nodes):
        largest = max(nodes, key=lambda node: (node.get("GPU", 0), node.get("CPU", 0)), default={})
        raise ClusterError(f"no node can hold a {what} of {cpus:g} CPUs and {gpus:g} GPUs (the largest has "
                           f"{largest.get('CPU', 0):g} CPUs and {largest.get('GPU', 0):g} GPUs)")  # fmt: skip


def process_settings(settings, cpus: float, gpus: float):
    """The ServerSettings for a worker or replica that reserves cpus and gpus: threads fitted to
    its CPUs unless named, and ``device auto`` meaning the CPU when it reserves no GPU (Ray leaves
    every GPU of the node visible to such a process)."""
    device = "cpu" if gpus == 0 and settings.device == "auto" else settings.device
    return replace(settings, threads=settings.threads or max(1, math.ceil(cpus)), device=device)


def last_line(error: BaseException | str) -> str:
    """The root cause of a Ray error: the last line of its message (which holds the remote traceback)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__
