"""Command-line options of the Ray scale-out: ``yuyin serve --ray`` and ``yuyin batch``
(importing this module imports neither Ray nor torch)."""
from __future__ import annotations

import argparse
from pathlib import Path

from yuyin.arguments import output_path, positive_int, thread_count
from yuyin.cluster import DEFAULT_MAX_ROW_CHARS

RAY_SERVE_FLAGS = ("ray_address", "replicas", "max_replicas", "replica_cpus", "replica_gpus")


def add_ray_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``yuyin serve`` that deploy it on Ray Serve."""
    group = parser.add_argument_group("Ray Serve (pip install 'yuyin[ray]')")
    group.add_argument("--ray", action="store_true",
                       help="serve through Ray Serve: replicas of this server behind Serve's HTTP proxy on "
                            "--host/--port, on the cluster at --ray-address (else one started here)")  # fmt: skip
    _add_address(group)
    group.add_argument("--replicas", type=int, default=None, help="replicas at start (default: 1)")
    group.add_argument("--max-replicas", type=int, default=None,
                       help="autoscale up to this many replicas on in-flight requests (default: a fixed count)")
    group.add_argument("--replica-cpus", type=float, default=None,
                       help="CPUs each replica reserves; its threads follow unless --threads (default: 1)")
    group.add_argument("--replica-gpus", type=float, default=None,
                       help="GPUs each replica reserves, e.g. 0.5 for two replicas per GPU (default: 0)")


def ray_serve_flags_without_ray(args: argparse.Namespace) -> list[str]:
    """The Ray Serve options given without --ray (an error: they would do nothing)."""
    if args.ray:
        return []
    return ["--" + name.replace("_", "-") for name in RAY_SERVE_FLAGS if getattr(args, name) is not None]


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``yuyin batch`` (the voice runtime options are added by the CLI)."""
    parser.add_argument("input", help="rows to speak: .jsonl (text + id, format and any control of /api/synthesize), "
                                      ".tsv (id<TAB>text) or text (one per line); - = stdin")  # fmt: skip
    parser.add_argument("-o", "--output-dir", type=output_path, required=True,
                        help="where the files (ID.FORMAT) and manifest.jsonl go")
    parser.add_argument("--input-format", default="auto", choices=["auto", "jsonl", "tsv", "txt"],
                        help="how to read input (default: by its suffix; stdin is txt)")
    parser.add_argument("--format", default="wav", choices=["wav", "flac", "mp3", "opus", "aac", "pcm"],
                        help="audio format of rows that name none (default: wav)")
    parser.add_argument("--voice", action="append", default=None, metavar="NAME|DIR",
                        help="voice name or voice-pack directory; repeat for several, rows pick one with "
                             "\"voice\", the first is the default (default: baker)")  # fmt: skip
    parser.add_argument("--device", default="auto", help="auto, cpu, cuda or cuda:N")
    parser.add_argument("--dtype", default=None, help="fp32, bf16 or fp16 (GPU); default as for yuyin say")
    parser.add_argument("--threads", type=thread_count, default=None,
                        help="CPU threads of each worker's runtimes (default: its --worker-cpus)")
    parser.add_argument("--lexicon", type=Path, default=None, help="user lexicon file: word<TAB>pinyin per line")
    parser.add_argument("--max-row-chars", type=positive_int, default=DEFAULT_MAX_ROW_CHARS,
                        help=f"longest row text; longer rows refuse the input (default: {DEFAULT_MAX_ROW_CHARS})")
    parser.add_argument("--timestamps", default=None, choices=["srt", "vtt", "json"],
                        help="also write when each part of a row is spoken: ID.srt or ID.vtt subtitles (the text as "
                             "written), or ID.json with every sentence and syllable")  # fmt: skip
    parser.add_argument("--resume", action="store_true",
                        help="continue a job in --output-dir: rows its manifest lists as written are skipped")
    group = parser.add_argument_group("Ray Data (pip install 'yuyin[ray]')")
    _add_address(group)
    group.add_argument("--workers", type=int, default=None,
                       help="worker processes, each with its own voices (default: as many as the cluster's "
                            "CPUs, or GPUs, hold)")  # fmt: skip
    group.add_argument("--worker-cpus", type=float, default=1.0, help="CPUs each worker reserves (default: 1)")
    group.add_argument("--worker-gpus", type=float, default=0.0, help="GPUs each worker reserves (default: 0)")


def _add_address(group: argparse._ArgumentGroup) -> None:
    group.add_argument("--ray-address", default=None, metavar="ADDRESS",
                       help="the Ray cluster to join (e.g. auto, or ray://head:10001; default: $RAY_ADDRESS, "
                            "else a cluster started on this machine for the job)")  # fmt: skip
