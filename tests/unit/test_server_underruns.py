"""SpeechStream notices the workers keeping a stream's listener waiting: it counts the underruns and
lets a server that sheds load refuse new requests (limits.Admission.fell_behind). The engine is
replaced by packets timed on purpose."""
from __future__ import annotations

import asyncio
import time
from types import SimpleNamespace

import numpy as np

from yuyin.audio import AudioChunk
from yuyin.config import SynthesisOptions
from yuyin.server.limits import Admission
from yuyin.server.metrics import Metrics
from yuyin.server.speech import Packet, SpeechRequest, SpeechStream
from yuyin.server.supply import AudioSupply

RATE = 1000
CHUNK_SECONDS = 0.5


class TimedPackets:
    """A ThreadedIterator stand-in: packet i (CHUNK_SECONDS of audio) is made in delays[i] s."""

    def __init__(self, delays: list[float]):
        self.delays, self.busy_seconds = list(delays), 0.0

    async def next(self, timeout: float, deadline: float) -> Packet:
        if not self.delays:
            raise StopAsyncIteration
        await asyncio.sleep(self.delays.pop(0))
        return Packet(b"x", AudioChunk(np.zeros(int(CHUNK_SECONDS * RATE), np.float32), RATE))

    def cancel(self) -> None:
        self.delays = []


async def listen(delays: list[float], read_at: list[float],
                 supply: AudioSupply | None = None) -> tuple[Metrics, Admission]:  # fmt: skip
    """Stream packets made in delays s; the consumer asks for packet i+1 read_at[i] s into the
    playback of packet i (CHUNK_SECONDS of audio each, played from when it came, or from the end of
    the one before), and at once where read_at has no entry."""
    stream = await open_stream(delays, supply or AudioSupply(1))
    await stream.prime()
    index = 0
    async for _ in stream:
        if index < len(read_at):  # asks read_at[index] s into the playback of the packet it has
            await asyncio.sleep(max(0.0, stream.due - CHUNK_SECONDS + read_at[index] - time.perf_counter()))
        index += 1
    return stream.runtime.metrics, stream.admission


async def open_stream(delays: list[float], supply: AudioSupply) -> SpeechStream:
    """A stream of packets made in delays s, admitted by a server that sheds load (its Admission
    as .admission)."""
    admission = Admission(max_active=1, max_queue=1, queue_timeout=5, retry_after=2, shed_load=5)
    runtime = SimpleNamespace(settings=SimpleNamespace(request_timeout=10.0), metrics=Metrics(), supply=supply)
    request = SpeechRequest(text="你好", voice=None, options=SynthesisOptions(), format="pcm", sample_rate=None,
                            stream=True, api="native")  # fmt: skip
    stream = SpeechStream(runtime, request, RATE, RATE, TimedPackets(delays), await admission.enter(),  # type: ignore[arg-type]
                          time.perf_counter())  # fmt: skip
    stream.admission = admission  # type: ignore[attr-defined]
    return stream


def underruns(metrics: Metrics) -> tuple[float, float]:
    """How many underruns were counted, and their seconds in all."""
    def sample(name: str) -> float:
        return metrics.registry.get_sample_value(f"yuyin_stream_underrun_seconds_{name}", {"api": "native"}) or 0.0

    return sample("count"), sample("sum")


def test_a_chunk_made_after_its_listener_ran_dry_is_an_underrun_and_sheds_load() -> None:
    # asked 0.05 s into the first chunk (0.45 s left), made in 0.7 s: 0.25 s of silence; playback
    # goes on with it, so the next one, asked at once and made in 0.1 s, is in time
    metrics, admission = asyncio.run(listen([0.01, 0.7, 0.1, 0.01], read_at=[0.05]))
    count, seconds = underruns(metrics)
    assert count == 1 and 0.2 < seconds < 0.45 and admission.shedding


def test_a_listener_kept_waiting_chunk_after_chunk_counts_each_wait() -> None:
    # every chunk takes longer than the one before lasts: 0.2 s short each time
    metrics, admission = asyncio.run(listen([0.01, 0.7, 0.7, 0.7, 0.01], read_at=[0.0]))
    count, seconds = underruns(metrics)
    assert count == 3 and 0.5 < seconds < 0.9


def test_chunks_made_in_time_or_asked_for_late_are_not_underruns() -> None:
    # in time: made in 0.05 s with 0.45 s of audio left; asked late: the listener had paused (0.6 s
    # into a 0.5 s chunk), so its own wait, not the workers, ran it dry; after it the playback goes on
    # from the chunk that came, so chunks asked at once and made in 0.05 s are in time again
    metrics, admission = asyncio.run(listen([0.01, 0.05, 0.6, 0.05, 0.05], read_at=[0.05, 0.6]))
    assert underruns(metrics) == (0.0, 0.0) and not admission.shedding


class ShortSupply(AudioSupply):
    """Workers that, busy throughout, make less audio than is played, and what they were told."""

    def __init__(self):
        super().__init__(workers=1)
        self.records: list[tuple[float, float]] = []

    def record(self, audio_seconds: float, busy_seconds: float) -> None:
        self.records.append((audio_seconds, busy_seconds))

    def falls_short(self) -> bool:
        return True


def test_a_supply_falling_short_sheds_load_before_any_underrun() -> None:
    supply = ShortSupply()
    metrics, admission = asyncio.run(listen([0.01, 0.01], read_at=[], supply=supply))
    assert underruns(metrics) == (0.0, 0.0) and admission.shedding
    assert [audio for audio, _ in supply.records] == [CHUNK_SECONDS, CHUNK_SECONDS]
    assert supply.playing(time.perf_counter()) == 0  # it played from its first audio to its end


def test_a_stream_is_in_playback_while_its_listener_has_audio_or_waits_for_more() -> None:
    async def run() -> None:
        supply = AudioSupply(1)
        stream = await open_stream([0.01, 0.2, 0.01], supply)
        assert supply.playing(time.perf_counter()) == 0  # no audio yet
        await stream.prime()  # CHUNK_SECONDS of audio from now on
        packets = aiter(stream)
        await anext(packets)
        assert supply.playing(time.perf_counter()) == 1
        # nobody asked for more by the time the audio ran out: the consumer paused itself
        assert supply.playing(stream.due + 0.01) == 0
        asking = asyncio.ensure_future(anext(packets))
        await asyncio.sleep(0.1)  # the next packet is being made (0.2 s)
        assert supply.playing(stream.due + 0.01) == 1
        await asking
        assert supply.playing(stream.due - 0.01) == 1 and supply.playing(stream.due + 0.01) == 0
        await packets.aclose()
        assert supply.playing(time.perf_counter()) == 0  # closed

    asyncio.run(run())
