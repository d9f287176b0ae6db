"""``yuyin export onnx``: write a baker-family voice's models as ONNX files with dynamic axes.

The files are the graphs the onnxruntime backend runs (:mod:`.onnx_acoustic`, :mod:`.onnx_vocoder`):

- ``fastspeech2_variance.onnx``: ids [B, L] int64 and the controls duration_scale, f0_scale,
  f0_shift, energy_scale, energy_shift (each float32 broadcasting to [B, L]; pass [1, 1] for one
  value) -> durations [B, L] int64, hidden [B, L, 256], f0 [B, L], energy [B, L];
- ``fastspeech2_mel.onnx``: hidden, f0, energy, energy_keep and f0_keep ([B, L, 256] dropout
  keep-masks; ones = keep all, as yuyin's default), durations, frame_count [1] int64 (T: the
  longest item's total duration, or more to pad) -> mel [B, T, 80];
- ``mb_melgan.onnx``: mel [1, T, 80] -> wave [1, T * 300] at 24 kHz (T >= 10 frames, the
  vocoder's reflection padding; yuyin pads shorter mels);
- with ``int8``, also ``fastspeech2_mel-int8.onnx``: the mel graph dynamically quantised to int8
  (the ``onnx-int8`` backend's; same inputs and outputs).
"""
from __future__ import annotations

from pathlib import Path

from yuyin.engine.device import plan_runtime
from yuyin.engine.onnx_acoustic import acoustic_graphs
from yuyin.engine.onnx_session import export_graph, quantized_graph
from yuyin.engine.onnx_vocoder import mb_melgan_graph
from yuyin.engine.runtime import check_pack


def export_voice_onnx(voice_dir: Path, target_dir: Path, int8: bool = False) -> list[Path]:
    """Write the voice pack at voice_dir as ONNX files into target_dir (int8: also the quantised
    mel graph); returns their paths. Raises VoicePackError for a pack that cannot be read,
    ValueError for one of another family or a file name taken by something no file can replace
    (a directory), before anything is written; OSError where writing fails."""
    from yuyin.engine.baker_voice import BakerVoice

    family = check_pack(voice_dir).family
    if family != "baker":
        raise ValueError(f"{voice_dir}: ONNX export supports baker-family voices, not {family!r}")
    voice = BakerVoice.from_dir(voice_dir, plan_runtime("cpu", "fp32", "torch"))
    graphs = [(module, spec, target_dir / f"{spec.name}.onnx")
              for module, spec in (*acoustic_graphs(voice.acoustic), mb_melgan_graph(voice.vocoder))]
    mel = target_dir / "fastspeech2_mel.onnx"
    quantised = mel.with_name(f"{mel.stem}-int8.onnx")
    targets = [target for *_, target in graphs] + ([quantised] if int8 else [])
    taken = [str(target) for target in targets if target.exists() and not target.is_file()]
    if taken:
        raise ValueError(f"cannot write {', '.join(taken)}: not a file")
    written = [export_graph(module, spec, target) for module, spec, target in graphs]
    if int8:
        quantised.unlink(missing_ok=True)  # quantized_graph keeps an existing copy; this one is of the new graph
        written.append(quantized_graph(mel))
    return written
