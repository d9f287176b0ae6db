"""The state one app's routes share (settings, voices, admission, worker pool, audio supply, metrics)."""
from __future__ import annotations

import asyncio
import logging
from typing import Annotated

from fastapi import Depends, Request

from yuyin.engine.device import resolve_device
from yuyin.engine.memory import resolve_tier
from yuyin.server.errors import ApiError
from yuyin.server.limits import Admission
from yuyin.server.metrics import Metrics
from yuyin.server.scheduler import DeadlineExecutor
from yuyin.server.settings import ServerSettings
from yuyin.server.supply import AudioSupply
from yuyin.server.voices import VoiceCatalog

log = logging.getLogger("yuyin.server")


class Runtime:
    """What the routes of one app share: settings, voices, admission, worker pool, audio supply, metrics."""

    def __init__(self, settings: ServerSettings, voices: VoiceCatalog | None = None):
        tier = resolve_tier(settings.memory_tier, resolve_device(settings.device))
        self.settings = settings = settings.sized_for(tier)
        log.info("memory tier %s: max_active %d, max_streams %d, max_queue %d, decoder batch %d, %d synthesis workers",
                 tier.name, settings.max_active, settings.max_streams, settings.max_queue, settings.decoder_batch_size,
                 settings.workers)  # fmt: skip
        self.metrics = Metrics()
        self.admission = Admission(settings.max_active, settings.max_queue, settings.queue_timeout,
                                   settings.retry_after, settings.max_streams, settings.shed_load)  # fmt: skip
        self.metrics.in_flight.set_function(lambda: self.admission.admitted)
        self.metrics.parked.set_function(lambda: self.admission.parked)
        self.metrics.queued.set_function(lambda: self.admission.waiting)
        self.executor = DeadlineExecutor(settings.workers)
        # Synthesis runs on at most max_active of the workers at once, so that is all the busy time
        # there can be (with 4 workers and max_active 2 the supply never counted as short).
        self.supply = AudioSupply(min(settings.workers, settings.max_active))
        self.open_websockets = 0  # (counted on the event loop: see yuyin.server.ws)
        self.metrics.websockets.set_function(lambda: self.open_websockets)
        self._voices = voices  # None until load() has loaded them
        self.stopping = False  # a stop signal came: /readyz says draining, requests are still served
        self.load_error: str | None = None
        self.settled = asyncio.Event()  # set when loading has succeeded or failed
        if voices is not None:
            self.settled.set()

    @property
    def ready(self) -> bool:
        """What /readyz reports: voices loaded and no stop signal yet."""
        return self.serving and not self.stopping

    @property
    def serving(self) -> bool:
        """Whether requests are served: voices loaded and not shutting down (a drain delay still serves)."""
        return self._voices is not None and not self.admission.draining

    @property
    def voices(self) -> VoiceCatalog:
        self.require_ready()
        assert self._voices is not None
        return self._voices

    def require_ready(self) -> None:
        """Raise 503 (with Retry-After) unless voices are loaded and the server is not draining."""
        if not self.serving:
            state = "shutting down" if self.admission.draining else "still loading its voices"
            raise ApiError(503, f"the server is {state}", headers={"Retry-After": str(self.settings.retry_after)})

    async def load(self) -> None:
        """Load and warm up every voice on the worker pool (unless given loaded); records a failure
        instead of raising."""
        if self._voices is not None:
            return
        try:
            self._voices = await asyncio.get_running_loop().run_in_executor(self.executor, VoiceCatalog.load,
                                                                            self.settings)  # fmt: skip
            log.info("ready: voices %s", ", ".join(self._voices.names))
        except Exception as exc:  # reported by /readyz and by ``yuyin serve``'s exit status
            self.load_error = f"{type(exc).__name__}: {exc}"
            log.error("loading voices failed: %s", self.load_error)
        finally:
            self.settled.set()

    async def close(self) -> None:
        self.admission.drain()
        await asyncio.to_thread(self.executor.shutdown, wait=True, cancel_futures=True)


def runtime_of(request: Request) -> Runtime:
    """The Runtime of the app serving ``request``."""
    return request.app.state.runtime


RuntimeDep = Annotated[Runtime, Depends(runtime_of)]  # a route parameter receiving the Runtime
