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
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from yuyin.bench.report import format_utilisation, utilisation_to_dict
from yuyin.bench.stats import percentile
from yuyin.bench.utilisation import Utilisation, UtilisationSampler

SENTENCE = "今天天气很好，我们一起去公园散步吧。这是一个测试语音合成服务首包延迟的句子，大约五十个字，听来自然。"
PARAGRAPH = ("今天天气很好，我们一起去公园散步吧。2024年3月5日，气温-3.5°C，风力三级。"
             "银行的利率上调了0.25%，很多人开始关注理财产品！你觉得怎么样？")  # fmt: skip
LONG_CHARS = 100_000


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
    parser.add_argument("--requests", type=int, default=30, help="sequential requests for TTFA (default: 30)")
    parser.add_argument("--clients", type=int, default=16,
                        help="concurrent clients in the load phase (default: 16)")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of the load phase (default: 60)")
    parser.add_argument("--long-text", action="store_true", help="also stream a 100,000-character text")
    parser.add_argument("--json", dest="serve_json", metavar="PATH", default=None,
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
        results = asyncio.run(measure(args.url.rstrip("/"), args, server_pid=None))
    else:
        with ServerProcess(["--voice", args.serve_voice, "--device", args.device, *args.server_arg]) as server:
            results = asyncio.run(measure(server.url, args, server_pid=server.pid))
    print(format_report(results))
    if args.serve_json:
        Path(args.serve_json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0 if results["load"]["failures"] == 0 and results["ttfa"]["failures"] == 0 else 1


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


def summarize(results: list[StreamResult], rate: int, duration: float) -> dict[str, Any]:
    """Counts, errors, TTFA percentiles and (over ``duration`` s) audio seconds per second."""
    ttfas = [r.ttfa_s for r in results if r.ok and r.ttfa_s is not None]
    errors: dict[str, int] = {}
    for r in results:
        if not r.ok:
            errors[r.error or "?"] = errors.get(r.error or "?", 0) + 1
    summary: dict[str, Any] = {"streams": len(results), "failures": sum(not r.ok for r in results), "errors": errors}
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
