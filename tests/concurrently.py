"""Run one function on several items from threads that start together (tests of batching)."""
from __future__ import annotations

import threading
from typing import Callable, Sequence


def run_concurrently(function: Callable, items: Sequence) -> list:
    """function(item) for each item, all released at once from a barrier; a raised exception
    is returned in its item's place."""
    results: dict[int, object] = {}
    barrier = threading.Barrier(len(items))

    def work(i: int) -> None:
        barrier.wait()
        try:
            results[i] = function(items[i])
        except Exception as exc:  # noqa: BLE001 - the test inspects it
            results[i] = exc

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(items))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return [results[i] for i in range(len(items))]
