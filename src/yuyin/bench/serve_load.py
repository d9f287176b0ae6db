"""``yuyin bench serve``: time to first audio and behaviour under load of the HTTP server.

Targets loopback only: it starts ``yuyin serve`` on 127.0.0.1 itself, or measures ``--url``,
which must be a loopback address. Everything is bounded (a fixed count, a fixed duration).

1. TTFA: ``--requests`` sequential streaming requests (``POST /api/synthesize``, pcm) of a
   50-character sentence; time from sending to the first body byte; p50 / p95.
2. Load: ``--clients`` concurrent clients stream the same sentence back to back for
   ``--duration`` seconds. A stream fails on a non-200 status, a transport error, or audio that
   differs in length from the same request made once, unstreamed, beforehand.
3. Optionally (``--long-text``) one 100,000-character text streamed to its end, with the
   server's peak memory growth when the bench started the server.
4. Optionally (``--live N``) N listeners, as phone lines: each streams a long text through a
   small receive buffer, read no faster than it plays (after a PLAYOUT_DELAY jitter buffer), for
   ``--duration`` seconds, then hangs up; a listener whose audio runs out stalls (an underrun).
   They call at once, or one after another over ``--live-ramp`` seconds (calls that keep
   coming in); a call the server refuses (503: it is full) is counted apart, not as a failure.
   Meanwhile one caller times sequential streams of the sentence.
"""
from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import ipaddress
import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from yuyin.arguments import file_name, non_negative_float, non_negative_int, positive_float, positive_int
from yuyin.bench.report import format_utilisation, utilisation_to_dict
from yuyin.bench.stats import percentile
from yuyin.bench.utilisation import Utilisation, UtilisationSampler

SENTENCE = "今天天气很好，我们一起去公园散步吧。这是一个测试语音合成服务首包延迟的句子，大约五十个字，听来自然。"
PARAGRAPH = ("今天天气很好，我们一起去公园散步吧。2024年3月5日，气温-3.5°C，风力三级。"
             "银行的利率上调了0.25%，很多人开始关注理财产品！你觉得怎么样？")  # fmt: skip
LONG_CHARS = 100_000
PLAYOUT_DELAY = 0.2  # s of audio a live listener buffers before it starts to play
LIVE_LEAD = 1.0  # s of audio a live listener reads ahead of what it plays, at most
LIVE_RECEIVE_BUFFER = 16384  # bytes: a phone gateway's socket, not a desktop's megabytes


@dataclass(frozen=True)
class StreamResult:
    ok: bool
    ttfa_s: float | None
    wall_s: float
    audio_bytes: int
    error: str | None = None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``yuyin bench serve``."""
    parser.add_argument("--url", default=None, help="measure this running server (loopback only) instead "
                        "of starting one")  # fmt: skip
    parser.add_argument("--voice", dest="serve_voice", metavar="NAME|DIR", default="baker",
                        help="voice name or pack directory for the server the bench starts (default: baker)")
    parser.add_argument("--device", default="auto", help="device of the server the bench starts")
    parser.add_argument("--server-arg", action="append", default=[], metavar="ARG",
                        help="extra argument for yuyin serve, e.g. --server-arg=--workers=2 (repeatable)")
    parser.add_argument("--text", default=SENTENCE, help="the sentence to speak (default: 50 characters)")
    parser.add_argument("--requests", type=positive_int, default=30, help="sequential requests for TTFA (default: 30)")
    parser.add_argument("--clients", type=positive_int, default=16,
                        help="concurrent clients in the load phase (default: 16)")
    parser.add_argument("--duration", type=positive_float, default=60.0, help="seconds of the load phase (default: 60)")
    parser.add_argument("--long-text", action="store_true", help="also stream a 100,000-character text")
    parser.add_argument("--live", type=non_negative_int, default=0, metavar="N",
                        help="also hold N live listeners (phone lines reading at playback speed) for --duration "
                             "seconds, counting their underruns, while one caller times streams")  # fmt: skip
    parser.add_argument("--live-ramp", type=non_negative_float, default=0.0, metavar="SECONDS",
                        help="place the live listeners' calls evenly over this many seconds (default: 0, at once)")
    parser.add_argument("--json", dest="serve_json", type=file_name, metavar="PATH", default=None,
                        help="also write the results as JSON")


def run(args: argparse.Namespace) -> int:
    """Run the benchmark; returns the process exit code (1 if any stream failed)."""
    from yuyin.bench.preflight import BenchInputError, check_outputs
    from yuyin.server.process import ServerProcess

    try:
        check_outputs(args.serve_json, None)
    except BenchInputError as error:
        print(f"yuyin: error: {error}", file=sys.stderr)
        return 2
    if args.url:
        if not is_loopback(args.url):
            print(f"yuyin: error: --url must be a loopback address (127.0.0.1, ::1, localhost), got {args.url}",
                  file=sys.stderr)  # fmt: skip
            return 2
        import httpx

        try:
            results = asyncio.run(measure(args.url.rstrip("/"), args, server_pid=None))
        except httpx.TransportError as error:  # nothing listening there, or it went away
            print(f"yuyin: error: cannot measure {args.url}: {type(error).__name__}: {error}", file=sys.stderr)
            return 2
    else:
        with ServerProcess(["--voice", args.serve_voice, "--device", args.device, *args.server_arg]) as server:
            results = asyncio.run(measure(server.url, args, server_pid=server.pid))
    print(format_report(results))
    if args.serve_json:
        Path(args.serve_json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    failures = results["load"]["failures"] + results["ttfa"]["failures"]  # refused live calls are not failures
    if "live" in results:
        failures += results["live"]["failures"] + results["live"]["caller"]["failures"]
    return 0 if failures == 0 else 1


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def measure(url: str, args: argparse.Namespace, server_pid: int | None) -> dict[str, Any]:
    import httpx

    body = {"text": args.text, "format": "pcm"}
    limits = httpx.Limits(max_connections=args.clients + 4)
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=limits) as client:
        reference = await client.post("/api/synthesize", json={**body, "stream": False})
        reference.raise_for_status()
        expected, rate = len(reference.content), int(reference.headers["x-sample-rate"])
        sequential = [await stream_once(client, body, expected) for _ in range(args.requests)]
        sampler = None if server_pid is None else UtilisationSampler(pid=server_pid, device=_server_device(args.device))
        with sampler or contextlib.nullcontext():
            loaded = await load(client, body, expected, args.clients, args.duration)
        results = {"url": url, "text_chars": len(args.text), "audio_s": expected / 2 / rate,
                   "ttfa": summarize(sequential, rate, 0.0), "load": summarize(loaded, rate, args.duration),
                   "clients": args.clients,
                   "server_utilisation_under_load": utilisation_to_dict(sampler.result if sampler else None)}
        if args.long_text:
            results["long_text"] = await long_text(client, server_pid)
    if args.live:
        results["live"] = await live(url, args, expected, rate, server_pid)
    return results


async def stream_once(client, body: dict[str, Any], expected_bytes: int | None) -> StreamResult:
    started, ttfa, received = time.perf_counter(), None, 0
    try:
        async with client.stream("POST", "/api/synthesize", json=body) as response:
            if response.status_code != 200:
                return StreamResult(False, None, time.perf_counter() - started, 0, f"HTTP {response.status_code}")
            async for piece in response.aiter_raw():
                if ttfa is None:
                    ttfa = time.perf_counter() - started
                received += len(piece)
    except Exception as exc:  # any transport failure counts as a failed stream
        return StreamResult(False, ttfa, time.perf_counter() - started, received, f"{type(exc).__name__}: {exc}")
    wall = time.perf_counter() - started
    if expected_bytes is not None and received != expected_bytes:
        return StreamResult(False, ttfa, wall, received, f"got {received} bytes, expected {expected_bytes}")
    return StreamResult(True, ttfa, wall, received)


async def load(client, body: dict[str, Any], expected: int, clients: int, duration: float) -> list[StreamResult]:
    deadline = time.perf_counter() + duration
    results: list[StreamResult] = []

    async def one_client() -> None:
        while time.perf_counter() < deadline:
            results.append(await stream_once(client, body, expected))

    await asyncio.gather(*(one_client() for _ in range(clients)))
    return results


async def long_text(client, server_pid: int | None) -> dict[str, Any]:
    text = (PARAGRAPH * (LONG_CHARS // len(PARAGRAPH) + 1))[:LONG_CHARS]
    before = _memory_kb(server_pid, "VmRSS")
    result = await stream_once(client, {"text": text, "format": "pcm", "sample_rate": 8000}, None)
    peak = _memory_kb(server_pid, "VmHWM")
    growth = (peak - before) / 1024 if peak is not None and before is not None else None
    return {"chars": LONG_CHARS, **asdict(result), "audio_s": result.audio_bytes / 2 / 8000, "rss_growth_mib": growth}


@dataclass(frozen=True)
class Listening:
    """One live listener's stream: when its audio came, how long playback stalled for it."""

    ok: bool
    ttfa_s: float | None
    audio_s: float
    underruns: int
    stalled_s: float
    error: str | None = None
    refused: bool = False  # 503: the server was full


async def listen(client, body: dict[str, Any], rate: int, seconds: float, delay: float = 0.0) -> Listening:
    """After delay s, stream body and play it: start PLAYOUT_DELAY s after the first audio, read at
    most LIVE_LEAD s ahead of playback, hang up after seconds; playback pauses (an underrun) while no
    audio is left."""
    await asyncio.sleep(delay)
    started, ttfa, audio, underruns, stalled = time.perf_counter(), None, 0.0, 0, 0.0
    try:
        async with client.stream("POST", "/api/synthesize", json=body) as response:
            if response.status_code != 200:
                return Listening(False, None, 0.0, 0, 0.0, f"HTTP {response.status_code}",
                                 refused=response.status_code == 503)  # fmt: skip
            async for piece in response.aiter_raw():
                now = time.perf_counter()
                if ttfa is None:
                    ttfa = now - started
                played = now - (started + ttfa + PLAYOUT_DELAY + stalled)  # seconds of audio played by now
                if played > audio:
                    underruns, stalled = underruns + 1, stalled + played - audio
                audio += len(piece) / 2 / rate
                if now - started > seconds:
                    break  # hangs up
                await asyncio.sleep(max(0.0, audio - LIVE_LEAD - played))
    except Exception as exc:  # any transport failure counts as a failed stream
        return Listening(False, ttfa, audio, underruns, stalled, f"{type(exc).__name__}: {exc}")
    return Listening(True, ttfa, audio, underruns, stalled)


async def live(url: str, args: argparse.Namespace, sentence_bytes: int, rate: int,
               server_pid: int | None) -> dict[str, Any]:  # fmt: skip
    """args.live listeners of a text longer than args.duration calling over args.live_ramp s, one
    caller timing streams meanwhile."""
    import socket

    import httpx

    text = PARAGRAPH * max(1, int(args.duration // 10) + 1)  # a paragraph says about 15 s
    transport = httpx.AsyncHTTPTransport(socket_options=[(socket.SOL_SOCKET, socket.SO_RCVBUF, LIVE_RECEIVE_BUFFER)],
                                         limits=httpx.Limits(max_connections=args.live + 4))  # fmt: skip
    async with httpx.AsyncClient(base_url=url, timeout=300, transport=transport) as client:
        deadline = time.perf_counter() + args.live_ramp + args.duration
        sampler = None if server_pid is None else UtilisationSampler(pid=server_pid, device=_server_device(args.device))
        with sampler or contextlib.nullcontext():
            listeners = asyncio.gather(*(listen(client, {"text": text, "format": "pcm"}, rate, args.duration,
                                                delay=args.live_ramp * index / args.live)
                                         for index in range(args.live)))  # fmt: skip
            calls = []
            while time.perf_counter() < deadline:
                calls.append(await stream_once(client, {"text": args.text, "format": "pcm"}, sentence_bytes))
            heard = await listeners
    ttfas = [h.ttfa_s for h in heard if h.ttfa_s is not None]
    return {"listeners": args.live, "ramp_s": args.live_ramp, "refused": sum(h.refused for h in heard),
            "failures": sum(not (h.ok or h.refused) for h in heard), "errors": error_counts(heard),
            "ttfa_p50_s": percentile(ttfas, 50) if ttfas else None, "ttfa_p95_s": percentile(ttfas, 95) if ttfas else None,
            "stalled_listeners": sum(h.underruns > 0 for h in heard), "underruns": sum(h.underruns for h in heard),
            "stalled_s": sum(h.stalled_s for h in heard), "audio_s": sum(h.audio_s for h in heard),
            "caller": summarize(calls, rate, 0.0),
            "server_utilisation": utilisation_to_dict(sampler.result if sampler else None)}  # fmt: skip


def error_counts(results: list[StreamResult] | list[Listening]) -> dict[str, int]:
    """How many of the failed streams failed with each error."""
    return dict(collections.Counter(r.error or "?" for r in results if not r.ok))


def summarize(results: list[StreamResult], rate: int, duration: float) -> dict[str, Any]:
    """Counts, errors, TTFA percentiles and (over ``duration`` s) audio seconds per second."""
    ttfas = [r.ttfa_s for r in results if r.ok and r.ttfa_s is not None]
    summary: dict[str, Any] = {"streams": len(results), "failures": sum(not r.ok for r in results),
                               "errors": error_counts(results)}  # fmt: skip
    if ttfas:
        summary.update(ttfa_p50_s=percentile(ttfas, 50), ttfa_p95_s=percentile(ttfas, 95), ttfa_max_s=max(ttfas))
        summary["wall_p50_s"] = percentile([r.wall_s for r in results if r.ok], 50)
    if duration:
        summary["audio_s_per_s"] = sum(r.audio_bytes for r in results if r.ok) / 2 / rate / duration
    return summary


def format_report(results: dict[str, Any]) -> str:
    ttfa, loaded = results["ttfa"], results["load"]
    lines = [
        f"server {results['url']}: {results['text_chars']}-character sentence, {results['audio_s']:.2f} s of audio",
        f"TTFA over {ttfa['streams']} sequential streams: p50 {_ms(ttfa.get('ttfa_p50_s'))}, "
        f"p95 {_ms(ttfa.get('ttfa_p95_s'))}, failures {ttfa['failures']}",
        f"load, {results['clients']} clients: {loaded['streams']} streams, {loaded['failures']} failures, "
        f"TTFA p50 {_ms(loaded.get('ttfa_p50_s'))} p95 {_ms(loaded.get('ttfa_p95_s'))}, "
        f"stream time p50 {_ms(loaded.get('wall_p50_s'))}, {loaded.get('audio_s_per_s', 0):.1f} s of audio per s",
    ]
    if results.get("server_utilisation_under_load"):
        use = Utilisation.from_dict(results["server_utilisation_under_load"])
        lines.append(f"server process under that load: {format_utilisation(use)}")
    if loaded["errors"]:
        lines.append(f"errors: {loaded['errors']}")
    if "live" in results:
        listening, caller = results["live"], results["live"]["caller"]
        placed = f" calling over {listening['ramp_s']:g} s" if listening["ramp_s"] else ""
        lines.append(f"live, {listening['listeners']} listeners at playback speed{placed}: {listening['refused']} "
                     f"refused (server full), {listening['failures']} failures, "
                     f"TTFA p50 {_ms(listening['ttfa_p50_s'])} p95 {_ms(listening['ttfa_p95_s'])}, "
                     f"{listening['stalled_listeners']} ran dry ({listening['underruns']} underruns, "
                     f"{listening['stalled_s']:.2f} s in all); meanwhile one caller: {caller['streams']} streams, "
                     f"{caller['failures']} failures, TTFA p50 {_ms(caller.get('ttfa_p50_s'))} "
                     f"p95 {_ms(caller.get('ttfa_p95_s'))}")  # fmt: skip
        if listening["errors"]:
            lines.append(f"live errors: {listening['errors']}")
        if listening["server_utilisation"]:
            lines.append(f"server process with the live listeners: "
                         f"{format_utilisation(Utilisation.from_dict(listening['server_utilisation']))}")
    if "long_text" in results:
        long = results["long_text"]
        growth = "n/a" if long["rss_growth_mib"] is None else f"{long['rss_growth_mib']:.1f} MiB"
        lines.append(f"long text ({long['chars']} chars): ok={long['ok']}, TTFA {_ms(long['ttfa_s'])}, "
                     f"{long['audio_s']:.0f} s of audio in {long['wall_s']:.1f} s, server peak RSS growth {growth}")
    return "\n".join(lines)


def _server_device(device: str) -> str:
    """The device a server started with --device runs on, "auto" resolved as the server resolves it
    but without starting CUDA in this process (resolve_device would, to learn the current index)."""
    if device != "auto":
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def _ms(seconds: float | None) -> str:
    return "n/a" if seconds is None else f"{seconds * 1000:.0f} ms"


def _memory_kb(pid: int | None, field: str) -> int | None:
    status = Path(f"/proc/{pid}/status")
    if pid is None or not status.exists():
        return None
    for line in status.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return None
