"""``yuyin export onnx``: the written graphs run in onnxruntime with new shapes and match PyTorch."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
import onnxruntime
import torch

from yuyin.cli import main
from yuyin.engine.baker_voice import BakerVoice
from yuyin.engine.device import plan_runtime
from yuyin.engine.onnx_acoustic import TorchAcoustic
from yuyin.models.fastspeech2 import ProsodyControls
from yuyin.writable import current_umask


def test_export_onnx_writes_three_graphs_with_dynamic_axes(tiny_pack: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "onnx"
    assert main(["export", "onnx", "--voice", str(tiny_pack), "-o", str(out)]) == 0
    names = {"fastspeech2_variance.onnx", "fastspeech2_mel.onnx", "mb_melgan.onnx"}
    assert {p.name for p in out.iterdir()} == names
    assert set(capsys.readouterr().out.split()) == {str(out / name) for name in names}
    new_file_mode = 0o666 & ~current_umask()  # as any file the user creates (not the temporary file's 0600)
    assert {(out / name).stat().st_mode & 0o777 for name in names} == {new_file_mode}
    session = {name: onnxruntime.InferenceSession(str(out / f"{name}.onnx")) for name in ("fastspeech2_variance", "fastspeech2_mel", "mb_melgan")}

    voice = BakerVoice.from_dir(tiny_pack, plan_runtime("cpu", "fp32", "torch"))
    ids = torch.tensor([[1, 8, 56, 2, 23, 116, 2, 6, 184, 2, 7, 65, 1, 218]] * 2)  # batch and length unlike the export's
    ids[1, 10:] = 0
    controls = {name: np.full((1, 1), value, np.float32) for name, value in
                (("duration_scale", 1.2), ("f0_scale", 1.0), ("f0_shift", 0.3), ("energy_scale", 1.0), ("energy_shift", 0.0))}
    durations, hidden, f0, energy = session["fastspeech2_variance"].run(None, {"ids": ids.numpy(), **controls})
    ones = np.ones(hidden.shape, np.float32)
    frames = durations.sum(axis=1).max()
    mel = session["fastspeech2_mel"].run(None, {"hidden": hidden, "f0": f0, "energy": energy, "energy_keep": ones,
                                                "f0_keep": ones, "durations": durations,
                                                "frame_count": np.array([frames])})[0]
    with torch.inference_mode():
        eager = TorchAcoustic(voice.acoustic)
        expected_durations, *rest = eager.variance(ids, ProsodyControls(duration_scale=1.2, f0_shift=0.3))
        expected_mel = eager.mel(*rest, None, expected_durations)
        wave = session["mb_melgan"].run(None, {"mel": expected_mel[:1].numpy()})[0]
        expected_wave = voice.vocoder(expected_mel[:1])
    np.testing.assert_array_equal(durations, expected_durations.numpy())
    assert mel.shape == expected_mel.shape and mel.shape[0] == 2
    np.testing.assert_allclose(mel, expected_mel.numpy(), atol=1e-4)
    np.testing.assert_allclose(wave, expected_wave.numpy(), atol=1e-4)


def test_export_onnx_refuses_a_file_as_output(tiny_pack: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    assert main(["export", "onnx", "--voice", str(tiny_pack), "-o", str(target)]) == 2
    assert "not a directory" in capsys.readouterr().err


def test_export_onnx_refuses_a_directory_where_a_graph_goes_before_writing_any(tiny_pack: Path, tmp_path: Path,
                                                                               capsys) -> None:  # fmt: skip
    (tmp_path / "out" / "mb_melgan.onnx").mkdir(parents=True)
    assert main(["export", "onnx", "--voice", str(tiny_pack), "-o", str(tmp_path / "out")]) == 2
    assert f"cannot write {tmp_path / 'out' / 'mb_melgan.onnx'}: not a file" in capsys.readouterr().err
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["mb_melgan.onnx"]  # no half export


def test_export_onnx_reports_a_failed_write_in_one_line(tiny_pack: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    import yuyin.engine.onnx_export as onnx_export

    def full_disk(module, spec, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(onnx_export, "export_graph", full_disk)
    assert main(["export", "onnx", "--voice", str(tiny_pack), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip().endswith(f"cannot write the ONNX files into {tmp_path / 'out'}: "
                                                    "No space left on device")  # fmt: skip


def test_export_onnx_int8_adds_the_quantised_mel_graph_with_the_same_interface(tiny_pack: Path, tmp_path: Path,
                                                                               capsys) -> None:  # fmt: skip
    out = tmp_path / "onnx"
    out.mkdir()
    (out / "fastspeech2_mel-int8.onnx").write_bytes(b"an older export")  # replaced, not kept
    assert main(["export", "onnx", "--voice", str(tiny_pack), "-o", str(out), "--int8"]) == 0
    assert capsys.readouterr().out.split()[-1] == str(out / "fastspeech2_mel-int8.onnx")
    plain, quantised = (onnxruntime.InferenceSession(str(out / name))
                        for name in ("fastspeech2_mel.onnx", "fastspeech2_mel-int8.onnx"))  # fmt: skip
    assert [i.name for i in quantised.get_inputs()] == [i.name for i in plain.get_inputs()]
    assert [o.name for o in quantised.get_outputs()] == ["mel"]
    assert any(node.op_type.startswith(("ConvInteger", "MatMulInteger", "DynamicQuantize"))
               for node in onnx.load(str(out / "fastspeech2_mel-int8.onnx")).graph.node)
