"""Time the original ttskit 0.3.8 pipeline; run by the python of the ttskit virtualenv.

Standalone on purpose: it must not import yuyin (not installed in that virtualenv). ``yuyin
bench --voice ttskit`` runs it as a subprocess:

    <ttskit-venv>/bin/python -I ttskit_reference.py --threads 2 --repeat 1 < sentences.json

stdin: a JSON list of ``{"id": str, "text": str}``.
stdout: exactly one JSON line (schema ``REFERENCE_SCHEMA``); all other output goes to stderr.

What is timed: ``ttskit.sdk_api.tts_sdk(text, speaker=SPEAKER, audio="24")`` per sentence, as
shipped: its sentence split, one Tacotron2 + MelGAN run per chunk, per-chunk peak
normalisation, 300 ms silences before, between and after the chunks, and the WAV encoding.
The audio duration is that of the returned WAV (its leading and trailing silence included,
which favours the original). ``torch.set_num_threads(threads)``; the prenet dropout is seeded
per sentence (``torch.manual_seed(1234)``) so that both runs decode the same lengths; the
original never seeds, which changes nothing in its speed.

ttskit loads its pickled modules with ``torch.load``; torch >= 2.6 refuses that by default, so
the bench runs this script with ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1`` (the pinned, hash-checked
wheel from PyPI, inside the throwaway virtualenv only; yuyin itself never unpickles code).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import re
import resource
import sys
import time
import wave

REFERENCE_SCHEMA = "yuyin.bench.ttskit-reference/1"
SPEAKER = "biaobei"  # the default speaker of yuyin's ttskit voice and of ttskit's CLI
SEED = 1234


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--mode", choices=("pipeline",), default="pipeline")
    return parser.parse_args(argv)


def _wav_seconds(data: bytes) -> float:
    with wave.open(io.BytesIO(data)) as reader:
        return reader.getnframes() / reader.getframerate()


def _versions() -> dict[str, str]:
    from importlib import metadata

    found = {}
    for name in ("ttskit", "torch", "numpy", "phkit", "librosa", "pypinyin"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            found[name] = metadata.version(name)
    return found


def _synthesize(sdk_api, torch, text: str) -> bytes:
    torch.manual_seed(SEED)
    return sdk_api.tts_sdk(text, speaker=SPEAKER, audio="24")


def measure(sentences: list[dict], threads: int, repeat: int) -> dict:
    """Load, warm up on the first sentence, then time every sentence ``repeat`` times."""
    started = time.perf_counter()
    import torch

    torch.set_num_threads(threads)
    logging.disable(logging.INFO)  # ttskit logs every chunk
    from ttskit import sdk_api

    load_s = time.perf_counter() - started
    started = time.perf_counter()
    _synthesize(sdk_api, torch, sentences[0]["text"])  # also loads the models (lazily, in ttskit)
    warmup_s = time.perf_counter() - started
    timings = []
    for round_index in range(repeat):
        for sentence in sentences:
            started = time.perf_counter()
            data = _synthesize(sdk_api, torch, sentence["text"])
            wall_s = time.perf_counter() - started
            timings.append({"id": sentence["id"], "round": round_index, "wall_s": wall_s,
                            "audio_s": _wav_seconds(data)})
    peak = _peak_rss_bytes()
    return {"schema": REFERENCE_SCHEMA, "mode": "pipeline", "threads": threads, "repeat": repeat,
            "load_s": load_s, "warmup_s": warmup_s, "sentences": timings, "peak_rss_bytes": peak,
            "versions": _versions()}


def _peak_rss_bytes() -> int:
    """VmHWM (Linux), else ru_maxrss, which survives fork and exec: it would report the bench's own size."""
    try:
        return int(re.search(r"VmHWM:\s+(\d+) kB", open("/proc/self/status").read()).group(1)) * 1024
    except (OSError, AttributeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    sentences = json.load(sys.stdin)
    if not sentences:
        print("ttskit_reference: no sentences on stdin", file=sys.stderr)
        return 2
    real_stdout = sys.stdout
    with contextlib.redirect_stdout(sys.stderr):  # keep stdout for the one result line
        result = measure(sentences, args.threads, args.repeat)
    real_stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    real_stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
