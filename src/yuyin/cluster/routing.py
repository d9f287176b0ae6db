"""Serve's request routing for yuyin replicas: a replica that sheds load is passed over while
another takes requests.

A replica that sheds load (``--shed-load``) answers new requests 503 for a while, and Serve's
proxy does not retry such an answer on another replica. So each replica reports whether it
sheds (``routing_stats``, polled by Serve's controller every STATS_PERIOD s) and the router
picks two replicas at random among those that take requests, nearest first as Serve's own
router does (on the proxy's node, then in its zone, then any), the less busy of which Serve
sends the request to (power of two choices), and only when none of them accepts (all full),
or none takes requests, two of those that shed: the caller hears busy at once.
"""
from __future__ import annotations

import random
from typing import Any, Callable, Optional, Sequence

from ray.serve.request_router import FIFOMixin, LocalityMixin, PendingRequest, RequestRouter, RunningReplica

SHEDDING = "shedding"  # routing_stats key: the replica refuses new requests now
STATS_PERIOD = 1.0  # s between polls of each replica's routing_stats


def ranked(candidates: Sequence[Any], by_place: Callable[[list[Any]], list[list[Any]]] = lambda replicas: [replicas],
           choose: int = 2) -> list[list[Any]]:  # fmt: skip
    """Serve's ranks of replicas to try, best first: up to `choose` random candidates that take
    requests from each group of by_place (nearest first), then up to `choose` of those that
    shed load. candidates: objects with ``routing_stats`` (RunningReplica)."""
    taking = [replica for replica in candidates if not replica.routing_stats.get(SHEDDING)]
    shedding = [replica for replica in candidates if replica.routing_stats.get(SHEDDING)]
    groups = [*(by_place(taking) if taking else []), shedding]
    return [random.sample(group, min(choose, len(group))) for group in groups if group]


class ShedAwareRouter(FIFOMixin, LocalityMixin, RequestRouter):
    """Requests in the order they came, each to the less busy of two replicas chosen by
    :func:`ranked`, nearest first."""

    async def choose_replicas(self, candidate_replicas: list[RunningReplica],
                              pending_request: Optional[PendingRequest] = None) -> list[list[RunningReplica]]:  # fmt: skip
        return ranked(candidate_replicas, self.rank_replicas_via_locality)
