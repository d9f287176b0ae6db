"""Emotion styles: per-phone controls, intensity interpolation, and engine wiring on the tiny voice."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from yuyin.config import OptionsError, SynthesisOptions
from yuyin.engine.styles import STYLE_NAMES, STYLES, style_controls, style_spec, syllable_index
from yuyin.models.fastspeech2 import ProsodyControls, _per_item

TEXT = "今天天气真好，我们去公园吧。"
# sil j in1 #0 t ian1 #1 h ao3 #3 sil eos  (ids from the baker table)
IDS = [1, 14, 118, 2, 24, 88, 3, 13, 50, 5, 1, 218]


def test_required_styles_exist() -> None:
    assert {"neutral", "happy", "sad", "angry", "surprised", "fearful", "gentle", "serious"} <= set(STYLE_NAMES)


def test_syllable_index_groups_initial_with_final() -> None:
    assert syllable_index(IDS).tolist() == [-1, 0, 0, -1, 1, 1, -1, 2, 2, -1, -1, -1]


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_controls_are_per_phone(name: str) -> None:
    controls = style_controls(name, 1.0, IDS)
    for values in (controls.duration_scale, controls.f0_scale, controls.f0_shift, controls.energy_shift):
        assert values.shape == (len(IDS),) and values.dtype == np.float32


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_intensity_zero_is_neutral_exactly(name: str) -> None:
    controls = style_controls(name, 0.0, IDS)
    assert np.all(controls.duration_scale == 1.0) and np.all(controls.f0_scale == 1.0)
    assert np.all(controls.f0_shift == 0.0) and np.all(controls.energy_shift == 0.0)


@pytest.mark.parametrize("name", STYLE_NAMES)
def test_controls_move_monotonically_with_intensity(name: str) -> None:
    base = STYLES[name]
    levels = [style_spec(name, k) for k in (0.0, 0.5, 1.0, 2.0)]
    for field, neutral in (("f0_level", 0.0), ("f0_range", 1.0), ("energy", 0.0), ("gain", 1.0), ("tempo", 1.0),
                           ("pause", 1.0)):
        values = [getattr(spec, field) for spec in levels]
        direction = np.sign(getattr(base, field) - neutral)
        assert all(direction * (b - a) >= 0 for a, b in zip(values, values[1:])), field


def test_surprised_rises_and_lengthens_at_the_end() -> None:
    controls = style_controls("surprised", 1.0, IDS)
    shift = controls.f0_shift
    assert shift[8] > shift[5] > shift[1]  # last syllable > the one before > the first
    assert controls.duration_scale[8] > controls.duration_scale[5]  # phrase-final lengthening


def test_sad_lengthens_pauses() -> None:
    controls = style_controls("sad", 1.0, IDS)
    assert controls.duration_scale[0] > controls.duration_scale[1]  # sil slower than a phone
    assert controls.duration_scale[9] > controls.duration_scale[4]  # #3 too


def test_per_item_accepts_per_phone_tensors() -> None:
    like = torch.zeros(2, 5)
    assert _per_item(1.5, like).shape == ()
    assert _per_item(torch.tensor([1.0, 2.0]), like).shape == (2, 1)
    assert _per_item(torch.ones(2, 5), like).shape == (2, 5)


def test_energy_shift_moves_predicted_energy(tiny_synth) -> None:
    model = tiny_synth._voice.acoustic
    ids = torch.tensor([IDS])
    with torch.inference_mode():
        hidden, mask = model.encode(ids)
        _, _, plain = model.predict_variance(hidden, mask, ProsodyControls())
        _, _, shifted = model.predict_variance(hidden, mask, ProsodyControls(energy_shift=torch.full((1, len(IDS)), 0.5)))
    torch.testing.assert_close(shifted, plain + 0.5 * mask)


def test_options_validate_style() -> None:
    with pytest.raises(OptionsError, match=r"style must be one of neutral, happy"):
        SynthesisOptions(style="euphoric")
    with pytest.raises(OptionsError, match="style_intensity"):
        SynthesisOptions(style="happy", style_intensity=2.5)


def _audio(synth, options: SynthesisOptions, chunk_frames: int | None = None) -> np.ndarray:
    return np.concatenate([c.samples for c in synth.synthesize(TEXT, options, chunk_frames)])


@pytest.mark.parametrize("name", ["happy", "surprised"])
def test_intensity_zero_renders_as_neutral(tiny_synth, name: str) -> None:
    neutral = _audio(tiny_synth, SynthesisOptions(speed=1.2, pitch=0.8))
    np.testing.assert_array_equal(_audio(tiny_synth, SynthesisOptions(speed=1.2, pitch=0.8, style=name,
                                                                        style_intensity=0.0)), neutral)


def test_style_changes_audio_and_streams_seam_free(tiny_synth) -> None:
    options = SynthesisOptions(style="sad")
    whole = _audio(tiny_synth, options)
    assert len(whole) != len(_audio(tiny_synth, SynthesisOptions()))
    np.testing.assert_allclose(_audio(tiny_synth, options, chunk_frames=8), whole, atol=1e-5)
