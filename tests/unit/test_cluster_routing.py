"""yuyin's Serve request router ranks the replicas that take requests before those that shed
load, and a replica reports which it is."""
from __future__ import annotations

import asyncio
from types import SimpleNamespace

from yuyin.cluster.routing import SHEDDING, ranked
from yuyin.cluster.serve import ReplicaPlan, YuyinReplica, deployment_options
from yuyin.server.app import create_app
from yuyin.server.settings import ServerSettings


def replica(name: str, shedding: bool | None) -> SimpleNamespace:
    return SimpleNamespace(name=name, routing_stats={} if shedding is None else {SHEDDING: shedding})


def names(ranks: list[list[SimpleNamespace]]) -> list[set[str]]:
    return [{replica.name for replica in rank} for rank in ranks]


def test_replicas_that_take_requests_come_first_two_at_a_time() -> None:
    candidates = [replica("a", True), replica("b", False), replica("c", None), replica("d", False),
                  replica("e", True)]  # fmt: skip
    seen = set()
    for _ in range(50):
        first, then = names(ranked(candidates))
        assert len(first) == 2 and first <= {"b", "c", "d"}  # not yet polled: taken to take requests
        assert then == {"a", "e"}
        seen |= first
    assert seen == {"b", "c", "d"}  # chosen at random


def test_nearer_replicas_that_take_requests_come_before_farther_ones() -> None:
    def by_node(replicas: list[SimpleNamespace]) -> list[list[SimpleNamespace]]:  # as Serve ranks them: here, then away
        return [[r for r in replicas if r.name.startswith("near")], [r for r in replicas if not r.name.startswith("near")]]

    candidates = [replica("near-a", False), replica("near-b", True), replica("far-c", None), replica("far-d", False),
                  replica("far-e", True)]  # fmt: skip
    assert names(ranked(candidates, by_node)) == [{"near-a"}, {"far-c", "far-d"}, {"near-b", "far-e"}]


def test_with_every_replica_shedding_those_are_tried_so_the_caller_hears_busy() -> None:
    assert names(ranked([replica("a", True), replica("b", True)])) == [{"a", "b"}]
    assert names(ranked([replica("a", False), replica("b", True)])) == [{"a"}, {"b"}]
    assert ranked([]) == []


def test_a_replica_reports_whether_it_sheds_load() -> None:
    app = create_app(ServerSettings(shed_load=5.0))
    this = SimpleNamespace(app=app)
    assert asyncio.run(YuyinReplica.record_routing_stats(this)) == {SHEDDING: False}
    app.state.runtime.admission.fell_behind()
    assert asyncio.run(YuyinReplica.record_routing_stats(this)) == {SHEDDING: True}


def test_the_deployment_routes_with_it_and_polls_replicas_every_second() -> None:
    config = deployment_options(ServerSettings(), ReplicaPlan())["request_router_config"]
    assert config["request_router_class"].__name__ == "ShedAwareRouter"
    assert config["request_routing_stats_period_s"] == 1.0
