"""Server configuration: one frozen dataclass shared by ``yuyin serve`` and ``create_app``."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace

from yuyin.engine.threads import stream_count, thread_count_problem
from yuyin.engine.memory import TIER_NAMES, MemoryTier
from yuyin.voices.registry import DEFAULT_VOICE


# Admitted requests per synthesis slot by default: streams whose clients read at playback speed
# wait on them most of the time, holding no slot (see max_streams).
STREAMS_PER_SLOT = 4
# WebSocket connections open at once per admitted stream by default (see max_websockets)
WEBSOCKETS_PER_STREAM = 4
# An origin as a browser sends it: scheme, host and maybe a port; no path, no trailing slash.
_ORIGIN = re.compile(r"[a-z][a-z0-9+.-]*://[^/\s:]+(?::[0-9]{1,5})?")


@dataclass(frozen=True)
class ServerSettings:
    """Everything the server reads at start-up.

    voices: voice names (pulled on first use) or voice-pack directories; the first is the default.
    workers: threads that run synthesis; every stream takes turns on them chunk by chunk. None
        (the default): 2, or 2 per side-by-side stream (threads.stream_count), which need
        overlapping calls to keep every stream busy: `yuyin bench serve`, baker, 2 cores, 16 clients: 64.0 audio-s/s
        at 2 workers, 72.3 at 4, 71.2 at 8 (without the streams 63.7 at 2, 65.1 at 4).
    threads: CPU threads of each voice's runtimes (torch, OpenVINO, onnxruntime); None = every core:
        they share cores without spinning, and `yuyin bench serve` with the baker voice on 2
        cores measured a streamed request's first audio after 24 ms at 2 threads, 34 ms at 1
        (cores / workers), and the same 48 audio-s/s for 16 clients either way.
    max_active: requests synthesising at once; more wait in a queue of max_queue for at most
        queue_timeout seconds, and beyond that are refused with 503 and Retry-After. None (the
        default) takes them from the memory tier (:mod:`yuyin.engine.memory`).
    max_streams: admitted requests open at once (>= max_active, which it caps where the tier
        sets max_active), counting streams that wait for a client reading slower than they are
        made: those give their synthesis slot back meanwhile (:mod:`yuyin.server.limits`).
        None: STREAMS_PER_SLOT x max_active; a waiting stream holds next to no memory (0.01 MiB
        each, measured on baker). Streams that share the workers past what they can keep up
        with all run short of audio together (unless shed_load turns calls away first): ``yuyin bench serve --live N`` tells how many
        listeners a machine holds (64 on 2 cores with baker, none running dry; 128 ran dry 12 %
        of the time while the cores also ran other work).
    shed_load: seconds for which the waiting line and new requests are refused (503) once the
        streams admitted fall behind their listeners (a chunk asked for in time came after its
        listener ran out of audio) or are about to (the workers, busy throughout, make less audio
        than the streams in playback use up: :mod:`yuyin.server.supply`); 0, the default: never.
        Calls arriving at a full server then get a busy answer at once instead of making every
        listener run short (phone lines).
    memory_tier: "auto" (by free memory, or $YUYIN_MEMORY_TIER) or a tier name; it also sizes
        the batch of autoregressive decoders (decoder_batch_size, None until sized) and decides
        side_by_side where it is None.
    request_timeout: seconds allowed for a whole non-streamed response, and for the first audio
        and between two chunks of a streamed one (a long text may stream for hours while it
        keeps making progress).
    header_timeout: seconds a connection may take to send a whole request head, from its
        opening or its last response (then it is closed; see :mod:`yuyin.server.connections`);
        a request body must arrive within request_timeout.
    ws_idle_timeout: seconds a WebSocket connection may stay open with no synthesis running and
        no message from its client; then the server closes it (1000, saying so).
    max_websockets: WebSocket connections open at once; the handshake of one more is refused
        with 503 and Retry-After. None: 4 x max_streams (every admitted stream on a connection,
        and as many more connections between their requests).
    max_input_chars: longer texts are refused with 413.
    max_file_mib: a whole (non-streamed) response's audio file, held in memory until it is sent,
        may grow to this many MiB; past it the request gets 413 (stream it instead). None: the
        memory tier's.
    chunk_frames: mel frames of a stream's first chunk, later ones longer (see Synthesizer.synthesize;
        None = one chunk a sentence).
    cors_origins: origins allowed by CORS ("*" for any); empty = no CORS headers.
    allowed_hosts: Host names ``yuyin serve`` answers ("*" for any); empty = its default for the
        bind address (see :mod:`yuyin.server.hosts`).
    shutdown_timeout: seconds in-flight streams may take to finish on shutdown before they are
        cancelled.
    drain_delay: seconds ``yuyin serve`` keeps serving after its first stop signal with /readyz
        answering 503 ``draining``, so that load balancers stop sending it requests before it
        refuses them; then the shutdown above begins (a second signal begins it at once).
    lexicon: a user ``word<TAB>pinyin`` file for every voice's front end.
    backend, compile, vocoder_device, offload_idle, side_by_side: how every voice's models run (see
        Synthesizer.load); side_by_side None: the memory tier's choice.
    """

    voices: tuple[str, ...] = (DEFAULT_VOICE,)
    device: str = "auto"
    dtype: str | None = None
    threads: int | None = None
    workers: int | None = None
    max_active: int | None = None
    max_queue: int | None = None
    max_streams: int | None = None
    memory_tier: str = "auto"
    decoder_batch_size: int | None = None
    shed_load: float = 0.0
    queue_timeout: float = 30.0
    request_timeout: float = 120.0
    header_timeout: float = 10.0
    ws_idle_timeout: float = 300.0
    max_websockets: int | None = None
    max_input_chars: int = 100_000
    max_file_mib: int | None = None
    chunk_frames: int | None = 32
    cors_origins: tuple[str, ...] = field(default_factory=tuple)
    retry_after: int = 2
    shutdown_timeout: float = 10.0
    drain_delay: float = 0.0
    warmup: bool = True
    lexicon: str | None = None
    backend: str = "auto"
    compile: bool = False
    vocoder_device: str | None = None
    offload_idle: float | None = None
    side_by_side: bool | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    allowed_hosts: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        positive = {"workers": self.workers, "max_active": self.max_active, "max_streams": self.max_streams,
                    "max_input_chars": self.max_input_chars, "max_file_mib": self.max_file_mib,
                    "queue_timeout": self.queue_timeout, "request_timeout": self.request_timeout,
                    "retry_after": self.retry_after, "decoder_batch_size": self.decoder_batch_size,
                    "shutdown_timeout": self.shutdown_timeout, "header_timeout": self.header_timeout,
                    "ws_idle_timeout": self.ws_idle_timeout, "max_websockets": self.max_websockets}  # fmt: skip
        for name, value in positive.items():
            if value is not None and not 0 < value < float("inf"):  # NaN fails this too
                raise ValueError(f"{name} must be a positive finite number, got {value}")
        if not 0 <= self.port <= 65535:
            raise ValueError(f"port must be 0-65535, got {self.port}")
        if self.memory_tier not in TIER_NAMES:
            raise ValueError(f"memory_tier must be one of {', '.join(TIER_NAMES)}, got {self.memory_tier!r}")
        if self.max_streams is not None and self.max_active is not None and self.max_streams < self.max_active:
            raise ValueError(f"max_streams must be at least max_active ({self.max_active}), got {self.max_streams}")
        for name, seconds in {"shed_load": self.shed_load, "drain_delay": self.drain_delay}.items():
            if not 0 <= seconds < float("inf"):
                raise ValueError(f"{name} must be a finite number of seconds >= 0, got {seconds}")
        if self.max_queue is not None and self.max_queue < 0:
            raise ValueError(f"max_queue must be >= 0, got {self.max_queue}")
        if self.chunk_frames is not None and self.chunk_frames < 1:
            raise ValueError(f"chunk_frames must be >= 1, got {self.chunk_frames}")
        problem = None if self.threads is None else thread_count_problem(self.threads)
        if problem:
            raise ValueError(problem)
        if not self.voices:
            raise ValueError("at least one voice is needed")
        for name in self.allowed_hosts:
            if not name or "/" in name or " " in name or name.count(":") == 1:  # ::1 is an address, a:80 not
                raise ValueError(f"allowed_host must be a host name or address without scheme or port, got {name!r}")
        for origin in self.cors_origins:
            if origin != "*" and not _ORIGIN.fullmatch(origin):
                raise ValueError(f"cors_origin must be * or scheme://host[:port] as a browser sends it, got {origin!r}")

    def sized_for(self, tier: MemoryTier) -> "ServerSettings":
        """These settings with the limits (and side_by_side) left as None taken from tier, and
        workers left as None from side_by_side."""
        side_by_side = tier.side_by_side if self.side_by_side is None else self.side_by_side
        max_active = self.max_active or min(tier.max_active, self.max_streams or tier.max_active)
        max_streams = self.max_streams or STREAMS_PER_SLOT * max_active
        return replace(self, max_active=max_active, max_streams=max_streams,
                       max_websockets=self.max_websockets or WEBSOCKETS_PER_STREAM * max_streams,
                       max_queue=tier.max_queue if self.max_queue is None else self.max_queue,
                       decoder_batch_size=self.decoder_batch_size or tier.decoder_batch_size,
                       max_file_mib=self.max_file_mib or tier.max_file_mib,
                       side_by_side=side_by_side,
                       workers=self.workers or (2 * stream_count(self.torch_threads) if side_by_side else 2))  # fmt: skip

    @property
    def torch_threads(self) -> int:
        """CPU threads of each voice's runtimes: as given, else every core."""
        return self.threads or os.cpu_count() or 1
