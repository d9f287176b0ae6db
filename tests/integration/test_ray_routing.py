"""Serve routes around a replica that sheds load: yuyin's request router on a real Ray cluster."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = Path(__file__).parent.parent / "ray_routing_probe.py"


def test_calls_go_to_the_replica_that_takes_requests_once_the_router_knows(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(PROBE), str(tmp_path / "claim")], capture_output=True,
                          text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(line for line in done.stdout.splitlines() if line.startswith("routing probe: "))
    result = json.loads(line.removeprefix("routing probe: "))
    # the default router sends about half of them to the replica that sheds, for ever
    assert len(result["last"]) == 40 and not any(answer["shedding"] for answer in result["last"])
    assert len({answer["pid"] for answer in result["last"]}) == 1 and result["calls"] < 600
