"""``yuyin frontend``: what the front end makes of text, as text or JSON, without torch."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from yuyin.cli import main


def test_prints_every_stage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frontend", "银行行长，2个"]) == 0
    out = capsys.readouterr().out
    assert "normalized: 银行行长,两个" in out
    assert "unit 1 (pause after 0.5): 银行行长," in out
    assert "pinyin:  yin2 hang2 hang2 zhang3\n" in out
    assert "prosody: yin2 hang2 #1 hang2 zhang3\n" in out
    assert "label:   银行#1行长\n" in out
    assert "unit 2 (pause after 1.0): 两个" in out
    assert "ids:     1 6 119 2 13 44 3" in out


def test_json_from_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("好[hao4]奇"))
    assert main(["frontend", "-", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["normalized"] == "好奇"
    assert report["units"][0]["pinyin"] == ["hao4", "qi2"]


def test_the_newline_ending_standard_input_is_no_text(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("你好，世界。\n"))  # as echo sends it
    assert main(["frontend", "-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["normalized"] == "你好,世界。"


def test_a_text_starting_with_a_dash_gets_a_hint(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["say", "-5度是零下", "-o", "x.wav"])
    assert exited.value.code == 2
    assert "goes after '--': yuyin say ... -- '-5度是零下'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["say", "你好", "--pitch-shift", "-1.5"])  # -o missing: no hint about the option's value
    assert "goes after" not in capsys.readouterr().err
    assert main(["frontend", "--", "-5度是零下"]) == 0  # as the hint says
    assert "normalized: 负五度是零下" in capsys.readouterr().out


def test_lexicon_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("朝阳\tchao2 yang2\n", encoding="utf-8")
    assert main(["frontend", "朝阳", "--json", "--lexicon", str(lexicon)]) == 0
    assert json.loads(capsys.readouterr().out)["units"][0]["pinyin"] == ["chao2", "yang2"]


@pytest.mark.parametrize(("text", "message"), [("😀", "nothing to pronounce"), ("行[zz2]", "zz2")])
def test_errors_are_one_line(text: str, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frontend", text]) == 2
    err = capsys.readouterr().err
    assert err.startswith("yuyin: error:") and message in err and err.count("\n") == 1


def test_bad_lexicon_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("朝阳 chao2\n", encoding="utf-8")
    assert main(["frontend", "朝阳", "--lexicon", str(lexicon)]) == 2
    assert ":1:" in capsys.readouterr().err


def test_runs_without_torch() -> None:
    code = (
        "import sys\n"
        "class NoTorch:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'torch' or name.startswith('torch.'):\n"
        "            raise ImportError('torch is blocked in this test')\n"
        "sys.meta_path.insert(0, NoTorch())\n"
        "from yuyin.cli import main\n"
        "sys.exit(main(['frontend', '测试', '--json']))\n"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin"})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["units"][0]["pinyin"] == ["ce4", "shi4"]


def test_the_server_checks_its_lexicon_with_each_voice_family(tmp_path: Path) -> None:
    """m2 is a syllable baker says and ttskit does not: a server with both is refused before it
    starts, naming the voice (it failed after binding its port, blaming the pinyin)."""
    from yuyin.cli import CliError, _check_lexicon

    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("呣\tm2\n", encoding="utf-8")
    _check_lexicon(lexicon, {"baker": "baker"})
    with pytest.raises(CliError) as caught:
        _check_lexicon(lexicon, {"baker": "baker", "/packs/mine": "baker", "ttskit": "ttskit"})
    assert str(caught.value) == f"--lexicon: {lexicon}:1: 'm2' is not a syllable this voice can say (voice ttskit)"


def test_a_voice_shows_its_own_front_end(capsys: pytest.CaptureFixture[str]) -> None:
    """ttskit says erhua as er5, where baker folds it: --voice shows which (no model loads)."""
    assert main(["frontend", "--voice", "ttskit", "你去哪儿玩儿？"]) == 0
    assert "pinyin:  ni3 qu4 na3 er5 wan2 er5\n" in capsys.readouterr().out
    assert main(["frontend", "你去哪儿玩儿？"]) == 0
    assert "pinyin:  ni3 qu4 nar3 wanr2\n" in capsys.readouterr().out
    assert main(["frontend", "--voice", "nope", "你好"]) == 2
    assert "unknown voice 'nope'" in capsys.readouterr().err


def test_ssml_is_read_as_say_reads_it(tiny_pack: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = '<speak>我们<emphasis>一定</emphasis>要去。银行<phoneme ph="hang2">行</phoneme>长</speak>'
    assert main(["frontend", "--voice", str(tiny_pack), "--ssml", "--json", document]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [unit["pinyin"] for unit in report["units"]] == [
        ["wo3", "men5", "yi2", "ding4", "yao4", "qu4"], ["yin2", "hang2", "hang2", "zhang3"]]  # fmt: skip
    assert main(["frontend", "<speak>你好</speak>"]) == 0
    assert "looks like SSML but is read as plain text" in capsys.readouterr().err
    assert main(["frontend", "--ssml", "<speak>你好"]) == 2
    assert "--ssml: malformed SSML at line 1" in capsys.readouterr().err
