"""Ray Serve: the yuyin HTTP app as a deployment of replicas behind Serve's HTTP proxy.

Each replica is a process running the whole app of :func:`yuyin.server.app.create_app` (its
voices, admission queue, worker pool and metrics) and takes traffic only once its voices are
loaded. Serve's proxy spreads requests over the replicas (streams, WebSockets and the web page
included) and never hands a replica more than its admission can hold; replicas can autoscale
on in-flight requests. Every route answers as it does from ``yuyin serve``.
"""
from __future__ import annotations

import logging
import math
import socket
import sys
import time
from dataclasses import dataclass, fields
from typing import Any, Optional, get_args, get_origin, get_type_hints

from pydantic import TypeAdapter, ValidationError

from yuyin.cluster import (ClusterError, check_fits, import_ray, joins_cluster, last_line, process_settings,
                           ray_session)
from yuyin.engine.device import resolve_device
from yuyin.engine.memory import resolve_tier
from yuyin.server.hosts import allowed_hosts
from yuyin.server.settings import ServerSettings

APP_NAME = "yuyin"
PLAN_ARGS = {"replicas": ("replicas", int), "max_replicas": ("max_replicas", Optional[int]),
             "replica_cpus": ("cpus", float), "replica_gpus": ("gpus", float)}  # builder arg: (plan field, type)
CONSTRUCTOR_RETRIES = 2  # a replica whose voices fail to load is retried this often, then the deploy fails


@dataclass(frozen=True)
class ReplicaPlan:
    """How many replicas run and what each reserves of the cluster.

    replicas: replicas at start, and the minimum when autoscaling.
    max_replicas: autoscale between replicas and this many on in-flight requests (None: fixed).
    cpus, gpus: Ray resources each replica reserves. A replica's runtimes use ceil(cpus) threads
        unless the server settings name a thread count; with gpus > 0 ``device auto`` is its GPU.
    """

    replicas: int = 1
    max_replicas: int | None = None
    cpus: float = 1.0
    gpus: float = 0.0

    def __post_init__(self) -> None:
        if self.replicas < 1:
            raise ValueError(f"replicas must be >= 1, got {self.replicas}")
        if self.max_replicas is not None and self.max_replicas < self.replicas:
            raise ValueError(f"max_replicas must be >= replicas ({self.replicas}), got {self.max_replicas}")
        if not 0 < self.cpus < math.inf:
            raise ValueError(f"replica_cpus must be a positive number, got {self.cpus}")
        if not 0 <= self.gpus < math.inf:
            raise ValueError(f"replica_gpus must be >= 0, got {self.gpus}")


def sized(settings: ServerSettings) -> ServerSettings:
    """The settings with the limits left to the memory tier sized on this machine (its free RAM),
    so that Serve's limits and each replica's admission agree."""
    return settings.sized_for(resolve_tier(settings.memory_tier, resolve_device("cpu")))


def replica_settings(settings: ServerSettings, plan: ReplicaPlan) -> ServerSettings:
    """The settings each replica runs with: sized here, fitted to what it reserves."""
    return process_settings(sized(settings), plan.cpus, plan.gpus)


def deployment_options(settings: ServerSettings, plan: ReplicaPlan) -> dict[str, Any]:
    """Keyword arguments of ``serve.deployment`` for the plan.

    A replica is sent at most max_streams + max_queue requests (what its admission holds) and
    each Serve proxy queues at most max_queue per replica more before answering 503; replicas
    shedding load are passed over while others take requests (:mod:`yuyin.cluster.routing`).
    Autoscaling aims at max_active requests a replica, as if none were a stream waiting for its
    client.
    """
    from yuyin.cluster.routing import STATS_PERIOD, ShedAwareRouter

    limits = sized(settings)
    options: dict[str, Any] = {
        "name": APP_NAME,
        "ray_actor_options": {"num_cpus": plan.cpus, "num_gpus": plan.gpus},
        "max_ongoing_requests": limits.max_streams + limits.max_queue,
        "max_queued_requests": max(1, limits.max_queue) * (plan.max_replicas or plan.replicas),
        "graceful_shutdown_timeout_s": settings.shutdown_timeout,
        "max_constructor_retry_count": CONSTRUCTOR_RETRIES,
        "request_router_config": {"request_router_class": ShedAwareRouter,
                                  "request_routing_stats_period_s": STATS_PERIOD},
    }
    if plan.max_replicas is None:
        options["num_replicas"] = plan.replicas
    else:
        options["autoscaling_config"] = {"min_replicas": plan.replicas, "max_replicas": plan.max_replicas,
                                         "target_ongoing_requests": limits.max_active}  # fmt: skip
    return options


class YuyinReplica:
    """A Serve replica: the deployment class whose ASGI app (``self.app``) is one yuyin app (see
    application)."""

    async def record_routing_stats(self) -> dict[str, Any]:
        """What the router weighs (:mod:`yuyin.cluster.routing`): whether the replica sheds load."""
        from yuyin.cluster.routing import SHEDDING

        return {SHEDDING: self.app.state.runtime.admission.shedding}


class DisconnectsUnlogged(logging.Filter):
    """Drops Serve's "Request failed." traceback (90 lines) for a request cancelled because its
    client disconnected (ray.exceptions.TaskCancelledError in the replica): the proxy logs the
    disconnect in one line, and ``yuyin serve`` logs none. Other failures stay."""

    def filter(self, record: logging.LogRecord) -> bool:
        from ray.exceptions import TaskCancelledError

        return not (record.exc_info and isinstance(record.exc_info[1], TaskCancelledError))


def application(settings: ServerSettings, plan: ReplicaPlan, hosts: tuple[str, ...] | None):
    """The bound Serve application: ``serve.run(application(...))`` deploys it. hosts: the Host
    names each replica answers, as :class:`yuyin.server.hosts.HostCheck` takes them (None: any;
    Serve's proxy passes the client's Host header on)."""
    import_ray()
    from ray import serve

    replica = replica_settings(settings, plan)

    def build_app():  # runs in each replica process; a voice that cannot load fails the replica with its cause
        from yuyin.server.app import create_app
        from yuyin.server.voices import VoiceCatalog

        logging.getLogger("ray.serve").addFilter(DisconnectsUnlogged())
        return create_app(replica, VoiceCatalog.load(replica), hosts)

    ingress = serve.ingress(build_app)(YuyinReplica)
    return serve.deployment(ingress, **deployment_options(settings, plan)).bind()


def build(args: dict[str, Any]):
    """Serve's application builder, for Ray's own tools: ``serve run yuyin.cluster.serve:build
    voices=baker replicas=2``, or ``import_path: yuyin.cluster.serve:build`` with ``args`` in a
    Serve config file (``serve deploy``, KubeRay's RayService). See :func:`build_arguments`."""
    settings, plan = build_arguments(args)
    return application(settings, plan, allowed_hosts("0.0.0.0", settings.allowed_hosts))


def build_arguments(args: dict[str, Any]) -> tuple[ServerSettings, ReplicaPlan]:
    """Settings and plan from builder args: any ServerSettings field but host, port and
    header_timeout (Serve's http_options place the proxy, which keeps its own connections; with
    no allowed_hosts every Host is answered), plus replicas, max_replicas, replica_cpus, replica_gpus.
    Values may be strings as ``serve run`` passes them ("2", "true", "baker,ttskit"; "auto" for a
    yes/no left to the memory tier, as side_by_side)."""
    hints = get_type_hints(ServerSettings)
    settable = {field.name for field in fields(ServerSettings)} - {"host", "port", "header_timeout"}
    unknown = sorted(set(args) - settable - set(PLAN_ARGS))
    if unknown:
        raise ValueError(f"unknown argument{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
                         f"known: {', '.join(sorted(settable | set(PLAN_ARGS)))}")  # fmt: skip
    settings, plan = {}, {}
    for name, value in args.items():
        kind = hints[name] if name in settable else PLAN_ARGS[name][1]
        if isinstance(value, str) and get_origin(kind) is tuple:
            value = [part.strip() for part in value.split(",") if part.strip()]
        elif isinstance(value, str) and value.strip().lower() == "auto" and set(get_args(kind)) == {bool, type(None)}:
            value = None  # e.g. side_by_side=auto: the memory tier decides
        try:
            converted = TypeAdapter(kind).validate_python(value)
        except ValidationError as exc:
            raise ValueError(f"{name}: {exc.errors()[0]['msg']}") from None
        if name in settable:
            settings[name] = converted
        else:
            plan[PLAN_ARGS[name][0]] = converted
    return ServerSettings(**settings), ReplicaPlan(**plan)


def serve_on_ray(settings: ServerSettings, plan: ReplicaPlan, address: str | None = None) -> int:
    """Deploy on Ray and serve until SIGINT, SIGTERM or SIGHUP (main thread), which end it as a
    KeyboardInterrupt, in start-up too; 1 if the replicas cannot start.

    Joins the cluster at address (or $RAY_ADDRESS), else starts one here. Prints ``yuyin: ready
    on http://HOST:PORT`` on stderr once every replica has loaded its voices. Either way the
    application, and a cluster started here, are shut down before it returns or raises. Raises
    ClusterError for what keeps it from starting: port 0 or a port in use, no node that can hold
    a replica, an application of the same name on a joined cluster, Serve failing.
    """
    if settings.port == 0:
        raise ClusterError("port 0 is not available on Ray Serve: its proxy needs a fixed port")
    if not joins_cluster(address):
        _check_port_free(settings.host, settings.port)
    with ray_session(address) as owned:
        from ray import serve
        from ray.exceptions import RayError
        from ray.serve.exceptions import RayServeException

        if owned:
            check_fits(plan.cpus, plan.gpus, "replica")
        elif APP_NAME in _applications():
            raise ClusterError(f"an application named {APP_NAME!r} already runs on that cluster")
        try:
            serve.start(http_options={"host": settings.host, "port": settings.port})
            return _serve_until_signal(settings, plan)
        except (RayError, RayServeException) as exc:
            raise ClusterError(f"Ray Serve failed: {last_line(exc)}") from None
        finally:
            if owned:
                serve.shutdown()
            else:
                serve.delete(APP_NAME)


def _check_port_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a listener, not TIME_WAIT, is in the way
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ClusterError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _applications() -> dict:
    """The Serve applications running on the joined cluster (none if Serve is not running)."""
    from ray import serve

    return dict(serve.status().applications)


def _deploy_failure(exc: RuntimeError) -> str:
    """Why the deployment failed: the root cause Serve recorded for it, else serve.run's message."""
    from ray import serve

    try:
        message = serve.status().applications[APP_NAME].deployments[APP_NAME].message
    except (KeyError, AttributeError):
        message = ""
    return last_line(message) if message.strip() else str(exc)


def _serve_until_signal(settings: ServerSettings, plan: ReplicaPlan) -> int:
    from ray import serve

    try:
        hosts = allowed_hosts(settings.host, settings.allowed_hosts)
        serve.run(application(settings, plan, hosts), name=APP_NAME, route_prefix="/", blocking=False)
    except RuntimeError as exc:
        print(f"yuyin: error: the replicas did not start: {_deploy_failure(exc)}", file=sys.stderr, flush=True)
        return 1
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    count = f"{plan.replicas}" if plan.max_replicas in (None, plan.replicas) else f"{plan.replicas}-{plan.max_replicas}"
    print(f"yuyin: ready on http://{host}:{settings.port} (Ray Serve, {count} replica"
          f"{'' if count == '1' else 's'})", file=sys.stderr, flush=True)  # fmt: skip
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("yuyin: shutting down", file=sys.stderr, flush=True)
        raise  # after the shut-down, exit as an interrupted plain `yuyin serve` does (130)
