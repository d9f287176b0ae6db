"""The child process of ``yuyin bench --long-text``: ``python -m yuyin.bench.long_text_child``.

Loads the voice, streams one text of ``--chars`` characters (long_text.build_text over the bench
set), discards the samples, and prints one JSON line (a long_text.LongTextResult). Kept apart
from long_text so that ``-m`` does not run a module the package has already imported.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Sequence

from yuyin.bench.long_text import build_text, measure_in_this_process
from yuyin.bench.variants import SIDE_BY_SIDE, Variant


def main(argv: Sequence[str] | None = None) -> int:
    from yuyin.bench.candidate import load_yuyin
    from yuyin.bench.sentences import load_sentence_set

    parser = argparse.ArgumentParser(prog="python -m yuyin.bench.long_text_child")
    for name in ("--voice", "--backend", "--dtype", "--device", "--set"):
        parser.add_argument(name, default=None)
    parser.add_argument("--chars", type=int, required=True)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--side-by-side", choices=list(SIDE_BY_SIDE), default="auto")
    args = parser.parse_args(argv)
    sentences, _ = load_sentence_set(args.set)
    variant = Variant(args.backend, args.dtype, args.batch_size, SIDE_BY_SIDE[args.side_by_side])
    synth, options = load_yuyin(args.voice, args.threads, variant, args.device)
    result = measure_in_this_process(synth, build_text(sentences, args.chars), options)
    print(json.dumps(asdict(result)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
