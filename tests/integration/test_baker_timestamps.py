"""Syllable timestamps of the real baker voice match its audio; ``yuyin say --timestamps`` writes them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile

from yuyin import SynthesisOptions, Synthesizer

pytestmark = pytest.mark.voice

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval" / "sentences.tsv"
FALLBACK = ["今天天气很好，我们一起去公园散步吧。", "2024年3月5日，气温零下三度。", "请拨打13812345678联系我们。",
            "银行的利率上调了0.25%。", "他说：这是一个非常重要的问题。", "ABC公司的CEO明天来北京。"]  # fmt: skip


def sentences() -> list[str]:
    if SHARED.is_file():
        return [line.split("\t")[-1].strip() for line in SHARED.read_text(encoding="utf-8").splitlines()[1:13]]
    return FALLBACK


@pytest.mark.parametrize("speed", [0.25, 0.5, 1.0, 2.0])
def test_the_speech_lies_in_the_timed_syllables(baker_synth: Synthesizer, speed: float) -> None:
    """Over a dozen sentences (measured: >= 98.1 % of each unit's energy inside its syllables,
    every syllable at RMS >= 0.028, the first starting 1-137 ms before the speech does; slowed,
    the tails lengthen with the durations: at 0.25x >= 98.2 %, where fixed tails held 69.5 %)."""
    rate = baker_synth.sample_rate
    for text in sentences():
        for chunk in baker_synth.synthesize(text, SynthesisOptions(speed=speed)):
            if chunk.is_silence:
                continue
            audio, inside = chunk.samples, np.zeros(len(chunk.samples), bool)
            for syllable in chunk.syllables:
                part = audio[round(syllable.start * rate) : round(syllable.end * rate)]
                # each syllable is timed over speech (a slowed one holds longer quiet stretches: at 0.25x, fixed
                # 8-frame tails gave three syllables of the set RMS 0.017-0.02, and 0.013 scaled)
                assert np.sqrt(np.mean(part**2)) > 0.02 * min(speed, 1.0) ** 0.5, (text, syllable)
                inside[round(syllable.start * rate) : round(syllable.end * rate)] = True
            assert (audio[inside] ** 2).sum() > 0.97 * (audio**2).sum(), text
            frames = np.sqrt((audio[: len(audio) // 300 * 300].reshape(-1, 300) ** 2).mean(axis=1))
            onset = np.nonzero(frames > 0.02)[0][0] * 300 / rate
            assert 0 <= onset - chunk.syllables[0].start < 0.2 / min(speed, 1.0), text  # a slowed onset is longer


def _yuyin(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "yuyin.cli", *args], capture_output=True, timeout=300,
                          env=dict(os.environ))  # fmt: skip


def test_say_writes_subtitles_of_the_text_as_written(baker_dir: Path, tmp_path: Path) -> None:
    text = "2025年3月5日，我们见面。好的！"
    result = _yuyin("say", text, "-o", str(tmp_path / "a.wav"), "--timestamps", str(tmp_path / "a.srt"))
    assert result.returncode == 0, result.stderr.decode()
    blocks = (tmp_path / "a.srt").read_text(encoding="utf-8").split("\n\n")
    assert [block.splitlines()[2] for block in blocks] == ["2025年3月5日，", "我们见面。", "好的！"]
    assert [block.splitlines()[0] for block in blocks] == ["1", "2", "3"]
    seconds = len(soundfile.read(tmp_path / "a.wav")[0]) / 24000
    last = blocks[-1].splitlines()[1].split(" --> ")[1]
    assert 0 < seconds - (int(last[6:8]) + int(last[9:]) / 1000) < 0.3

    result = _yuyin("say", "你好5", "-o", str(tmp_path / "b.wav"), "--timestamps", str(tmp_path / "b.json"))
    assert result.returncode == 0, result.stderr.decode()
    body = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    (sentence,) = body["sentences"]
    assert [(s["text"], s["pinyin"], s["source_span"]) for s in sentence["syllables"]] == [
        ("你", "ni2", [0, 1]), ("好", "hao2", [1, 2]), ("五", "wu3", [2, 3])]  # fmt: skip
    assert 0 < sentence["start"] < sentence["syllables"][0]["end"] <= sentence["syllables"][1]["start"]
    assert sentence["end"] <= body["duration"]
