"""The worker helpers: items batched as they are asked for."""
from __future__ import annotations

from yuyin.server.worker import batched


def test_batched_gives_lists_of_size_the_last_shorter_made_only_when_asked() -> None:
    made: list[int] = []

    def items():
        for number in range(7):
            made.append(number)
            yield number

    batches = batched(items(), 3)
    assert next(batches) == [0, 1, 2] and made == [0, 1, 2]  # nothing past the first batch yet
    assert list(batches) == [[3, 4, 5], [6]]
    assert list(batched([], 3)) == []
