"""AudioSupply: whether the workers, busy throughout, make less audio than the streams in playback use up."""
from __future__ import annotations

import time

from yuyin.server.supply import AudioSupply


class Stream:
    """A stream whose listener plays or has paused."""

    def __init__(self, playing: bool = True):
        self.playing = playing

    def listening(self, now: float) -> bool:
        return self.playing


def supply_playing(streams: int, workers: int = 2, window: float = 1.0) -> tuple[AudioSupply, list[Stream]]:
    supply = AudioSupply(workers, window)
    playing = [Stream() for _ in range(streams)]
    for stream in playing:
        supply.start(stream)
    return supply, playing


def test_busy_workers_making_less_audio_than_is_played_fall_short() -> None:
    supply, _ = supply_playing(10)  # 10 s of audio used up in the window
    for _ in range(4):
        supply.record(audio_seconds=2.0, busy_seconds=0.5)  # 8 s made, the 2 workers busy 2 s
    assert supply.falls_short()
    supply.record(audio_seconds=2.0, busy_seconds=0.5)  # 10 s made: enough
    assert not supply.falls_short()


def test_workers_with_time_to_spare_do_not_fall_short() -> None:
    supply, streams = supply_playing(10)
    supply.record(audio_seconds=1.0, busy_seconds=1.7)  # busy 85 % of the time: they made what was asked
    assert not supply.falls_short()
    supply.record(audio_seconds=0.0, busy_seconds=0.1)  # 90 %
    assert supply.falls_short()
    for stream in streams:
        supply.end(stream)  # nothing in playback: nothing to fall short of
    assert not supply.falls_short()


def test_streams_paused_by_their_listeners_use_no_audio() -> None:
    supply, streams = supply_playing(10)
    for _ in range(4):
        supply.record(audio_seconds=2.0, busy_seconds=0.5)  # 8 s made, the 2 workers busy 2 s
    assert supply.falls_short()
    for stream in streams[:4]:
        stream.playing = False  # 6 s used up
    assert supply.playing(time.perf_counter()) == 6 and not supply.falls_short()
    for stream in streams[:3]:
        stream.playing = True  # 9 s
    assert supply.falls_short()


def test_what_was_made_before_the_window_no_longer_counts() -> None:
    supply, _ = supply_playing(1, workers=1, window=0.2)
    supply.record(audio_seconds=0.0, busy_seconds=0.2)
    assert supply.falls_short()
    time.sleep(0.25)
    assert not supply.falls_short()  # the busy time has left the window


def test_the_supply_counts_only_the_workers_that_may_synthesise_at_once() -> None:
    """With fewer admitted requests than workers, the workers can never all be busy: the supply
    must not wait for that before it counts as short (--shed-load warned only after underruns)."""
    from yuyin.server.runtime import Runtime
    from yuyin.server.settings import ServerSettings

    for workers, max_active, counted in ((4, 2, 2), (2, 16, 2)):
        runtime = Runtime(ServerSettings(workers=workers, max_active=max_active, memory_tier="large"))
        try:
            assert runtime.supply.workers == counted
        finally:
            runtime.executor.shutdown()
