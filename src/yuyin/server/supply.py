"""Whether the synthesis workers keep up with the streams being played.

Every stream in playback uses up a second of audio per second (as its listener plays it from the
first audio on); one whose consumer stopped asking for audio after its listener's had run out (a
player on pause, a client that stopped reading) uses none until it asks again. While the workers
have time to spare they make all that is asked of them; once they are busy throughout and make
less audio than the streams in playback use up, the listeners live on what they have in hand
(audio sent ahead into socket buffers, often many seconds) and all will run short when it is
gone: a server that sheds load (``limits.Admission``) takes no new requests from then on, well
before the first underrun.
"""
from __future__ import annotations

import collections
import time
from typing import Protocol

# Seconds over which audio made and work done are summed: several chunks of every stream.
WINDOW = 3.0
# Share of the workers' time they must have been busy in the window to count as busy throughout.
BUSY = 0.9


class Listener(Protocol):
    def listening(self, now: float) -> bool:
        """Whether the stream's listener is playing at now (time.perf_counter s)."""


class AudioSupply:
    """Audio made and worker time spent over the last WINDOW s, against the streams in playback.
    Used on the event loop only."""

    def __init__(self, workers: int, window: float = WINDOW):
        self.workers, self.window = workers, window
        self._streams: set[Listener] = set()  # streams between their first audio and their end
        self._made: collections.deque[tuple[float, float, float]] = collections.deque()  # (when, audio s, busy s)
        self._audio = self._busy = 0.0  # sums over _made

    def start(self, stream: Listener) -> None:
        """stream sent its first audio."""
        self._streams.add(stream)

    def end(self, stream: Listener) -> None:
        """stream ended (no-op for one that never started)."""
        self._streams.discard(stream)

    def playing(self, now: float) -> int:
        """How many streams are in playback at now."""
        return sum(stream.listening(now) for stream in self._streams)

    def record(self, audio_seconds: float, busy_seconds: float) -> None:
        """A packet was made: audio_seconds of audio for busy_seconds of a worker's time."""
        self._made.append((time.perf_counter(), audio_seconds, busy_seconds))
        self._audio += audio_seconds
        self._busy += busy_seconds

    def falls_short(self) -> bool:
        """Whether, over the last window, the workers were busy throughout and made less audio
        than the streams in playback used up."""
        now = time.perf_counter()
        while self._made and self._made[0][0] < now - self.window:
            _, audio, busy = self._made.popleft()
            self._audio -= audio
            self._busy -= busy
        if self._busy < BUSY * self.workers * self.window or self._audio >= len(self._streams) * self.window:
            return False  # (without asking each stream)
        return self._audio < self.playing(now) * self.window
