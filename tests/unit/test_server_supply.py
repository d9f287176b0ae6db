"""AudioSupply: whether the workers, busy throughout, make less audio than the streams in playback use up."""
from __future__ import annotations

import time

from yuyin.server.supply import AudioSupply


def test_busy_workers_making_less_audio_than_is_played_fall_short() -> None:
    supply = AudioSupply(workers=2, window=1.0)
    supply.playing = 10  # 10 s of audio used up in the window
    for _ in range(4):
        supply.record(audio_seconds=2.0, busy_seconds=0.5)  # 8 s made, the 2 workers busy 2 s
    assert supply.falls_short()
    supply.record(audio_seconds=2.0, busy_seconds=0.5)  # 10 s made: enough
    assert not supply.falls_short()


def test_workers_with_time_to_spare_do_not_fall_short() -> None:
    supply = AudioSupply(workers=2, window=1.0)
    supply.playing = 10
    supply.record(audio_seconds=1.0, busy_seconds=1.7)  # busy 85 % of the time: they made what was asked
    assert not supply.falls_short()
    supply.record(audio_seconds=0.0, busy_seconds=0.1)  # 90 %
    assert supply.falls_short()
    supply.playing = 0  # nothing in playback: nothing to fall short of
    assert not supply.falls_short()


def test_what_was_made_before_the_window_no_longer_counts() -> None:
    supply = AudioSupply(workers=1, window=0.2)
    supply.playing = 1
    supply.record(audio_seconds=0.0, busy_seconds=0.2)
    assert supply.falls_short()
    time.sleep(0.25)
    assert not supply.falls_short()  # the busy time has left the window
