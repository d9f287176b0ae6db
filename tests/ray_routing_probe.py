"""Run by test_ray_routing (a process of its own, as Ray wants): two Serve replicas behind
yuyin's request router, the first of which to start reports that it sheds load. Prints, as
JSON on a line of its own after RESULT, the answers to the last 40 calls: once the router knew,
no more calls are made (or after 30 s)."""
from __future__ import annotations

import json
import os
import sys
import time

import ray
from ray import serve

from yuyin.cluster.routing import SHEDDING, STATS_PERIOD, ShedAwareRouter

CLAIM = sys.argv[1]  # a path: the replica that creates it sheds
RESULT = "routing probe: "


@serve.deployment(num_replicas=2, ray_actor_options={"num_cpus": 0.5},
                  request_router_config={"request_router_class": ShedAwareRouter,
                                         "request_routing_stats_period_s": STATS_PERIOD})  # fmt: skip
class Replica:
    def __init__(self) -> None:
        try:
            with open(CLAIM, "x"):
                self.shedding = True
        except FileExistsError:
            self.shedding = False

    async def record_routing_stats(self) -> dict:
        return {SHEDDING: self.shedding}

    async def __call__(self) -> dict:
        return {"pid": os.getpid(), "shedding": self.shedding}


def main() -> None:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        serve.start(http_options={"location": "NoServer"})
        handle = serve.run(Replica.bind(), name="probe", route_prefix=None)
        answers, deadline = [], time.monotonic() + 30
        while time.monotonic() < deadline and not (len(answers) >= 40 and not any(a["shedding"] for a in answers[-40:])):
            answers.append(handle.remote().result())
            time.sleep(0.05)
        print(RESULT + json.dumps({"last": answers[-40:], "calls": len(answers)}), flush=True)
    finally:
        serve.shutdown()
        ray.shutdown()


if __name__ == "__main__":
    main()
