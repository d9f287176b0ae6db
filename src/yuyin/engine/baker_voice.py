"""Runtime of a baker-family pack: FastSpeech2 + Multi-band MelGAN on one device.

``render(ids, options)`` turns one front-end unit's ids into a waveform. A unit whose ids or
predicted frames would overflow the model's 2048-position table is split at the word boundary
nearest its middle and rendered in pieces, so no input length can crash the model.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterator, NamedTuple, Sequence

import numpy as np
import torch
from safetensors.torch import load_file

from yuyin.audio import EDGE_FADE_SECONDS, faded_edges
from yuyin.config import OptionsError, SynthesisOptions, VoiceConfig
from yuyin.engine.ar_batcher import DEFAULT_BATCH_SIZE
from yuyin.engine.batched_acoustic import BatchedAcoustic
from yuyin.engine.batched_vocoder import BatchedVocoder
from yuyin.engine.compiled import CompiledAcoustic, CompiledVocoder, ShapeProgress
from yuyin.engine.device import RuntimePlan, process_threads
from yuyin.engine.limiter import limited
from yuyin.engine.onnx_acoustic import OnnxAcoustic, TorchAcoustic
from yuyin.engine.openvino_session import openvino_has_bf16
from yuyin.engine.onnx_vocoder import OnnxVocoder
from yuyin.engine.streaming import ChunkPlan, StreamPace, Window
from yuyin.engine.styles import style_controls, style_spec
from yuyin.engine.tempo import faster_mel, level_gain
from yuyin.frontend import BakerFrontend, SentenceUnit
from yuyin.models.fastspeech2 import FastSpeech2, FastSpeech2Config, ProsodyControls
from yuyin.models.mb_melgan import MBMelGAN, MBMelGANConfig

SIL_ID, EOS_ID = 1, 218
BOUNDARY_IDS = frozenset({2, 3, 4, 5})  # #0..#3
MIN_SPLITTABLE_IDS = 6  # sil, initial, final, sil, eos + one more: anything shorter is one syllable
# Fastest speed FastSpeech2's durations render; faster speech also resamples its mel (see tempo).
# With durations alone carrying the speed the decoder's mels lost energy (RMS 0.11 at speed 1,
# 0.094 at 2, 0.039 at 3, 0.013 at 4: near-silent) and Whisper's syllable error on the 44-sentence
# set grew to 0.10 at 1.5, 0.34 at 2, 0.94 at 3; with this split: 0.076, 0.13, 0.64 (RMS 0.061 at 4).
MAX_MODEL_SPEED = 1.25
# How the speech level moves with speed (dB against speed 1; median active-speech level of the
# 12-sentence set): the resampled mels past MAX_MODEL_SPEED come out quieter, and so do very long
# durations. stream() undoes it (tempo.level_gain); the 34 dev sentences measured within 0.3 dB.
LEVEL_CHANGE_BY_SPEED = {0.25: -2.46, 0.375: -1.08, 0.5: -0.49, 0.75: 0.0, 1.0: 0.0, 1.25: -0.15, 1.5: -0.74,
                         2.0: -1.61, 2.5: -2.44, 3.0: -3.36, 3.5: -4.16, 4.0: -5.06}  # fmt: skip
SYLLABLE_TAIL_FRAMES = 8  # how long a syllable sounds past its phones' frames (see syllable_spans)
# Most frames of silence a unit starts with. FastSpeech2 gives the opening sil 3 frames for most
# sentences but 16-19 for others (7, 3.14159, 你好！, 明天早上八点半…): 200-240 ms of dead air
# before the first sound, heard as latency on a phone line; 4 frames (50 ms) keeps the onset soft.
LEADING_SILENCE_FRAMES = 4
# Most frames of silence a unit ends with where a cut made for length alone follows (a long
# sentence without punctuation): FastSpeech2 ends every unit as a sentence, and gave the long
# first unit of such a cut 8 frames of closing sil and 22 of the end id (quiet frames, quiet_end),
# 0.41 s of silence with the next unit's start: longer than a comma's 0.32 s. 6 frames (75 ms)
# leave a breath inside the sentence.
CUT_SILENCE_FRAMES = 6


class BakerVoice:
    """FastSpeech2 + MB-MelGAN with their voice config; stateless across calls (thread-safe)."""

    def __init__(self, config: VoiceConfig, acoustic: FastSpeech2, vocoder: MBMelGAN, device: torch.device,
                 dtype: torch.dtype, onnx: tuple[OnnxAcoustic, OnnxVocoder] | None = None,
                 lexicon: Path | None = None, max_batch_size: int = DEFAULT_BATCH_SIZE,
                 vocoder_device: torch.device | None = None, compile: bool = False,
                 vocoder_batch_size: int = 1):  # fmt: skip
        """onnx, if given, runs both models exported instead of the PyTorch modules; lexicon is a
        user ``word<TAB>pinyin`` file for the front end; max_batch_size: FastSpeech2 calls of
        concurrent requests batched together (1: no batching; see batched_acoustic);
        vocoder_device: where the vocoder runs (None: device); vocoder_batch_size: the same for
        the PyTorch vocoder's windows (see batched_vocoder); compile: torch.compile both
        PyTorch models on bucketed static shapes, one request at a time (see :mod:`.compiled`;
        warm_up_shapes compiles them ahead of requests)."""
        self.config = config
        self.device, self.dtype = device, dtype
        self.vocoder_device = vocoder_device or device
        self.acoustic = acoustic.to(device=device, dtype=dtype).eval()
        self.vocoder = vocoder.to(device=self.vocoder_device, dtype=dtype).eval()
        self.vocoder.pqmf.float()  # the synthesis filter bank and final audio stay float32
        self.frontend = BakerFrontend(lexicon=lexicon)
        self.exported_acoustic = onnx[0] if onnx else None
        self._run_vocoder: Callable[[torch.Tensor, bool], torch.Tensor]  # (mel [1, T, M], exact_end) -> [1, T * hop]
        if compile:
            self._compiled = (CompiledAcoustic(self.acoustic), CompiledVocoder(self.vocoder))
            self._stages, self._run_vocoder = self._compiled
        else:
            self._compiled = None
            stages = self.exported_acoustic or TorchAcoustic(self.acoustic)
            self._stages = BatchedAcoustic(stages, max_batch_size) if max_batch_size > 1 else stages
            context = self.vocoder.receptive_field_frames + 2
            self._run_vocoder = (BatchedVocoder(self.vocoder, self.config.hop_size, context, vocoder_batch_size)
                                 if vocoder_batch_size > 1 and onnx is None
                                 else lambda mel, exact_end: self.vocoder(mel))  # fmt: skip
        self._onnx_vocoder = onnx[1] if onnx else None
        # window lengths the vocoder runs at (padding shorter ones), for streaming plans to fill
        self._run_lengths: tuple[int, ...] = getattr(self._onnx_vocoder or self._run_vocoder, "buckets", None) or ()

    @property
    def backend(self) -> str:
        """Which runtime runs the models: "openvino", "onnx", "onnx-int8" or "torch" (see device.resolve_backend)."""
        exported = self.exported_acoustic
        if self._onnx_vocoder is None or exported is None:
            return "torch"
        if exported.runtime == "openvino":
            return "openvino"
        return "onnx-int8" if exported.int8 else "onnx"

    @property
    def side_by_side(self) -> bool:
        """Whether overlapping calls run in one-thread OpenVINO streams (see openvino_session)."""
        return self.exported_acoustic is not None and self.exported_acoustic.side_by_side

    def model_homes(self) -> list[tuple[torch.nn.Module, torch.device]]:
        """The PyTorch models with the devices they run on (what offload moves; see engine.offload)."""
        return [(self.acoustic, self.device), (self.vocoder, self.vocoder_device)]

    def analyze(self, text: str) -> Iterator[SentenceUnit]:
        return self.frontend.analyze(text)

    def warm_up_shapes(self, progress: Callable[[str], None] = lambda _: None) -> None:
        """Run every shape bucket once where the runtime prepares kernels per shape: compile a
        compiled voice's graphs (see :mod:`.compiled`; progress gets a line per graph), or run
        OpenVINO's (see onnx_acoustic)."""
        if self.exported_acoustic is not None and self._onnx_vocoder is not None:
            with torch.inference_mode():
                self.exported_acoustic.warm_up()
                self._onnx_vocoder.warm_up()
        if self._compiled is not None:
            like = torch.zeros((), device=self.vocoder_device, dtype=self.dtype)
            shapes = ShapeProgress(progress)
            with torch.inference_mode():
                self._compiled[0].warm_up(shapes)
                self._compiled[1].warm_up(self.acoustic.cfg.n_mels, like, shapes)

    @classmethod
    def from_dir(cls, path: Path, plan: RuntimePlan, lexicon: Path | None = None) -> "BakerVoice":
        """The pack at path run as plan says. Backend "onnx" runs both models with onnxruntime
        (float32, on plan.device: the CPU, or CUDA with onnxruntime-gpu; the PyTorch modules, only
        exported then, stay on the CPU; see onnx_acoustic, onnx_vocoder); "onnx-int8" also quantises the acoustic
        decoder to int8; "openvino" runs FastSpeech2 in OpenVINO and the vocoder in onnxruntime;
        with mixed precision, OpenVINO computes the mel stage (after the durations are decided)
        and the vocoder in bf16 where the CPU supports it natively. plan.side_by_side: the
        OpenVINO graphs also get one-thread streams for overlapping calls (see openvino_session)."""
        config = VoiceConfig.from_json(path / "voice.json")
        vocoder_cfg = dict(config.vocoder, upsample_scales=tuple(config.vocoder["upsample_scales"]))
        acoustic = FastSpeech2(FastSpeech2Config(**config.acoustic))
        vocoder = MBMelGAN(MBMelGANConfig(**vocoder_cfg))
        acoustic.load_state_dict(load_file(str(path / "acoustic.safetensors")))
        vocoder.load_state_dict(load_file(str(path / "vocoder.safetensors")))
        onnx, device = None, plan.device
        if plan.backend in ("onnx", "onnx-int8", "openvino"):
            from yuyin.voices.store import yuyin_home

            cache, threads = yuyin_home() / "cache" / "onnx", process_threads()
            runtime = "openvino" if plan.backend == "openvino" else "onnxruntime"
            bf16 = plan.mixed_precision and runtime == "openvino" and openvino_has_bf16()
            onnx = (OnnxAcoustic(acoustic, path / "acoustic.safetensors", cache, threads, int8=plan.backend == "onnx-int8",
                                 runtime=runtime, mel_bf16=bf16, device=plan.device, side_by_side=plan.side_by_side),
                    OnnxVocoder(vocoder, path / "vocoder.safetensors", cache, threads, device=plan.device, bf16=bf16,
                                side_by_side=plan.side_by_side and bf16))  # fmt: skip
            device = torch.device("cpu")  # the graphs' inputs and outputs; onnxruntime moves them
        return cls(config, acoustic, vocoder, device, plan.dtype, onnx, lexicon, plan.batch_size_on(plan.device),
                   device if onnx else plan.vocoder_device, plan.compile,
                   vocoder_batch_size=plan.batch_size_on(plan.vocoder_device))  # fmt: skip

    def render(self, ids: Sequence[int], options: SynthesisOptions) -> np.ndarray:
        """ids [L] (sil ... sil eos) -> waveform [N] float32 at config.sample_rate."""
        pieces = list(self.stream(ids, options))
        return np.concatenate(pieces) if pieces else np.zeros(0, np.float32)

    def chunk_plan(self, first_frames: int, pace: StreamPace | None = None) -> ChunkPlan:
        """A streaming plan whose context covers the vocoder's receptive field and whose windows
        fill the lengths the vocoder runs at (and grow as pace affords)."""
        return ChunkPlan(first_frames, self.vocoder.receptive_field_frames + 2, max_frames=8 * first_frames,
                         run_lengths=self._run_lengths, pace=pace)  # fmt: skip

    takes_syllable_options = True  # stream's syllable_options (see engine.ssml_runs)
    takes_pause_follows = True  # stream's pause_follows

    @staticmethod
    def mel_tempo(options: SynthesisOptions) -> float:
        """The part of options.speed made by time-scaling the mel, past the duration model's range."""
        return options.speed / min(options.speed, MAX_MODEL_SPEED)

    def stream(self, ids: Sequence[int], options: SynthesisOptions, plan: ChunkPlan | None = None,
               on_syllables: Callable[[np.ndarray], None] | None = None,
               syllable_options: Sequence[SynthesisOptions] | None = None,
               pause_follows: bool = True) -> Iterator[np.ndarray]:  # fmt: skip
        """Yield the waveform of ids in pieces [n_i] float32.

        Raises OptionsError for a speaker name: the baker voice has a single speaker.
        pause_follows False: the unit ends where its sentence was cut for length alone, so its
        closing silence is kept to CUT_SILENCE_FRAMES.
        syllable_options: each syllable's own options (an SSML sentence whose tags change them,
        :mod:`.ssml_runs`): its phones' durations, pitch, energy and style, and the gain of the
        frames they sound in (smoothed over GAIN_SMOOTHING_SECONDS); options then gives the
        seed, and the mel's tempo past the duration model's range (mel_tempo, one per unit).

        The mel is computed whole (the decoder attends over the sentence); the vocoder runs per
        window of ``plan`` (None: one window per mel), and the pieces join without seams; each mel's
        audio fades in and out at its ends, then takes the volume (and the style's gain) through a
        peak limiter (:mod:`yuyin.engine.limiter`), which holds each window's last 8 ms back until
        the next.
        on_syllables, if given, is called once before the first piece with where each syllable
        sounds: [S, 2] int64 sample offsets [start, stop) in the unit's audio (syllable_spans).
        """
        if options.speaker is not None:
            raise OptionsError(f"speaker: voice {self.config.name!r} has a single speaker, got {options.speaker!r}")
        masks = variance_masks(options.seed)
        model_speed = min(options.speed, MAX_MODEL_SPEED)
        controls = ProsodyControls(
            duration_scale=1.0 / model_speed,
            f0_scale=options.pitch,
            f0_shift=options.pitch_shift,
            energy_scale=options.energy,
        )
        volume = options.volume * level_gain(options.speed, LEVEL_CHANGE_BY_SPEED)
        if options.style is not None:
            controls = _styled(controls, options.style, options.style_intensity)
            volume *= style_spec(options.style, options.style_intensity).gain
        phone_gains = None
        if syllable_options:
            controls, phone_gains = _syllable_controls(list(ids), syllable_options)
        hop, tempo = self.config.hop_size, self.mel_tempo(options)
        with torch.inference_mode():
            parts = self._mels(list(ids), list(range(len(ids))), controls, masks)
            if ids[0] == SIL_ID:
                parts[0] = shorter_start(parts[0], LEADING_SILENCE_FRAMES)
            if not pause_follows and len(ids) > 2 and ids[-2] == SIL_ID:
                parts[-1] = shorter_end(parts[-1], CUT_SILENCE_FRAMES)
            mels = [faster_mel(quiet_end(part.mel, int(part.durations[-1])), tempo) for part in parts]
        if on_syllables is not None:
            spans = phone_spans(len(ids), parts, [mel.shape[1] for mel in mels], tempo, hop)
            # a slower syllable fades slower too: its tail lengthens with its durations (speeds below 1)
            slowness = np.array([1 / min(o.speed, 1.0) for o in syllable_options] if syllable_options
                                else [1 / min(options.speed, 1.0)])  # fmt: skip
            tails = np.round(SYLLABLE_TAIL_FRAMES * hop / tempo * slowness).astype(np.int64)
            on_syllables(syllable_spans(ids, spans, tails))
        for part, mel in zip(parts, mels):
            if phone_gains is None:
                yield from limited(self._vocoded(mel, plan), volume, self.config.sample_rate)
            else:
                envelope = gain_envelope(part, phone_gains, mel.shape[1], hop, self.config.sample_rate)
                yield from limited(self._vocoded(mel, plan, envelope), 1.0, self.config.sample_rate)

    def _vocoded(self, mel: torch.Tensor, plan: ChunkPlan | None,
                 envelope: np.ndarray | None = None) -> Iterator[tuple[np.ndarray, bool]]:  # fmt: skip
        """mel [1, T, M] -> its waveform in pieces [n_i] float32, one per window of plan (None:
        one), faded in and out over EDGE_FADE_SECONDS at its ends (audio.faded_edges) and times
        envelope [T * hop] where given; each with whether it is the last."""
        frames, hop = mel.shape[1], self.config.hop_size
        fade = round(EDGE_FADE_SECONDS * self.config.sample_rate)
        for window in plan.windows(frames) if plan else [Window(0, frames, 0, frames)]:
            with torch.inference_mode():
                wave = self._vocode(mel[:, window.start : window.stop], window.keep_stop == window.stop)
            lo, hi = (window.keep_start - window.start) * hop, (window.keep_stop - window.start) * hop
            last = window.keep_stop == frames
            piece = faded_edges(wave[lo:hi], fade if window.keep_start == 0 else 0, fade if last else 0)
            if envelope is not None:
                piece = piece * envelope[window.keep_start * hop : window.keep_stop * hop]
            yield piece, last

    def _mels(self, ids: list[int], where: list[int],
              controls: ProsodyControls | Callable[[list[int], list[int]], ProsodyControls],
              masks: str | torch.Generator) -> list["MelPart"]:  # fmt: skip
        """Mels of ids, split so that each piece fits the position table; where[i] is ids[i]'s
        index in the unit's ids, kept through the splits: a half's framing counts as the unit's
        own sils and eos, or as the mark cut at (-1 where the cut was at no mark).

        controls may be a function of the (piece's) ids and their where, for per-phone controls
        such as styles'.
        """
        limit = self.acoustic.cfg.max_positions
        splittable = len(ids) > MIN_SPLITTABLE_IDS
        if len(ids) <= limit:
            tensor = torch.tensor([ids], dtype=torch.long, device=self.device)
            unit_controls = controls(ids, where) if callable(controls) else controls
            durations, hidden, f0, energy = self._stages.variance(tensor, unit_controls)
            total = int(durations.sum())
            if total > limit and not splittable:  # one syllable this long: compress it to fit
                durations = torch.floor(durations * (limit / total)).long()
            if total <= limit or not splittable:
                keep = self.acoustic.variance_keep_masks(f0, masks)
                mel = self._stages.mel(hidden, f0, energy, keep, durations)
                return [MelPart(mel, durations[0].cpu().numpy(), where)]
        left, right = split_at(ids)
        cut = where[left.stop] if right.start > left.stop else -1  # the mark cut at sounds as the pause between
        return (self._mels(framed(ids[left]), [where[0], *where[left], cut, cut], controls, masks)
                + self._mels(framed(ids[right]), [cut, *where[right], where[-2], where[-1]], controls, masks))  # fmt: skip

    def _vocode(self, mel: torch.Tensor, exact_end: bool = True) -> np.ndarray:
        """mel [1, T, M] -> waveform [T * hop] float32 numpy. exact_end False: the caller
        discards the last receptive field's samples (a compiled or batched vocoder may pad there)."""
        if self._onnx_vocoder is not None:
            return self._onnx_vocoder(mel, exact_end)
        return self._run_vocoder(mel.to(self.vocoder_device), exact_end)[0].float().cpu().numpy()


def shorter_start(part: "MelPart", frames: int) -> "MelPart":
    """part with its first id (the opening sil) given at most frames frames: the surplus is cut
    from the start of its mel and its duration, so every timing after stays consistent."""
    surplus = int(part.durations[0]) - frames
    if surplus <= 0 or surplus >= part.mel.shape[1]:
        return part
    durations = part.durations.copy()
    durations[0] = frames
    return MelPart(part.mel[:, surplus:], durations, part.where)


def shorter_end(part: "MelPart", frames: int) -> "MelPart":
    """part with its closing silence, the closing sil's frames and the end id's together, at most
    frames long: the end id keeps one frame (quiet_end makes it quiet) and the sil the rest; the
    surplus is cut from the end of each one's mel frames and from their durations, so every
    timing stays consistent."""
    sil, end = int(part.durations[-2]), int(part.durations[-1])
    end_kept = min(end, 1)
    sil_kept = min(sil, frames - end_kept)
    if sil_kept + end_kept == sil + end:
        return part
    sil_stop = part.mel.shape[1] - end  # where the end id's frames begin
    mel = torch.cat([part.mel[:, : sil_stop - (sil - sil_kept)], part.mel[:, sil_stop : sil_stop + end_kept]], dim=1)
    durations = part.durations.copy()
    durations[-2:] = (sil_kept, end_kept)
    return MelPart(mel, durations, part.where)


def quiet_end(mel: torch.Tensor, eos_frames: int) -> torch.Tensor:
    """mel [1, T, M] with its last eos_frames (the end-of-sentence id's) replaced by its quieter
    edge frame (the first or the last, by mean level) -> [1, T, M].

    FastSpeech2 gives the end id a few frames whose mel rises again after the closing silence;
    short units (谢谢！, 好的。) then ended in a noise burst or mid-sound, 17-21 dB below their
    peak in the last 20 ms and on a non-zero sample (a click); with quiet frames there they
    decay to 63-77 dB below it. Long sentences, whose end frames are quiet already, stay so.
    The frame count, and so every timing, is unchanged.
    """
    frames = mel.shape[1]
    if eos_frames <= 0 or eos_frames >= frames:
        return mel
    edges = mel[:, [0, frames - 1]]
    quiet = edges[:, int(edges.mean(dim=2).argmin())]
    return torch.cat([mel[:, : frames - eos_frames], quiet[:, None].expand(-1, eos_frames, -1)], dim=1)


def _styled(base: ProsodyControls, style: str, intensity: float) -> Callable[[list[int], list[int]], ProsodyControls]:
    """(ids, their where) -> base controls combined with the style's per-phone [1, L] controls.

    Multipliers multiply (speed x tempo, pitch x range), shifts add (pitch_shift + level + contour).
    """

    def controls(ids: list[int], where: list[int]) -> ProsodyControls:
        phones = style_controls(style, intensity, ids)
        row = lambda values: torch.from_numpy(values)[None, :]  # noqa: E731 - [1, L]
        return ProsodyControls(
            duration_scale=row(phones.duration_scale) * base.duration_scale,
            f0_scale=row(phones.f0_scale) * base.f0_scale,
            f0_shift=row(phones.f0_shift) + base.f0_shift,
            energy_scale=base.energy_scale,
            energy_shift=row(phones.energy_shift),
        )

    return controls


def _syllable_controls(ids: list[int], syllable_options: Sequence[SynthesisOptions]
                       ) -> tuple[Callable[[list[int], list[int]], ProsodyControls], np.ndarray]:  # fmt: skip
    """The per-phone controls of a unit whose syllables have options of their own: (piece ids,
    their where) -> [1, L] controls, and each of the unit's ids' gain [L_unit] (volume, the
    speed's level gain, the style's). A sil or mark takes the options of the syllable before it
    (the first sil, the first syllable's); a style's controls are those of the whole unit."""
    owners = np.maximum.accumulate(syllable_numbers(ids))  # a mark or sil: the syllable before
    if owners[-1] + 1 != len(syllable_options):
        raise ValueError(f"{len(syllable_options)} syllable options for a unit of {owners[-1] + 1} syllables")
    per_id = [syllable_options[max(int(owner), 0)] for owner in owners]
    duration = np.array([1.0 / min(o.speed, MAX_MODEL_SPEED) for o in per_id])
    f0_scale = np.array([o.pitch for o in per_id])
    f0_shift = np.array([o.pitch_shift for o in per_id])
    energy_scale = np.array([o.energy for o in per_id])
    energy_shift = np.zeros(len(ids))
    gains = np.array([o.volume * level_gain(o.speed, LEVEL_CHANGE_BY_SPEED) for o in per_id])
    for style, intensity in {(o.style, o.style_intensity) for o in per_id if o.style is not None}:
        styled = np.array([(o.style, o.style_intensity) == (style, intensity) for o in per_id])
        phones = style_controls(style, intensity, ids)
        duration[styled] *= phones.duration_scale[styled]
        f0_scale[styled] *= phones.f0_scale[styled]
        f0_shift[styled] += phones.f0_shift[styled]
        energy_shift[styled] = phones.energy_shift[styled]
        gains[styled] *= style_spec(style, intensity).gain

    def controls(piece_ids: list[int], where: list[int]) -> ProsodyControls:
        rows = unit_rows(where)
        row = lambda values: torch.from_numpy(values[rows].astype(np.float32))[None, :]  # noqa: E731 - [1, L]
        return ProsodyControls(duration_scale=row(duration), f0_scale=row(f0_scale), f0_shift=row(f0_shift),
                               energy_scale=row(energy_scale), energy_shift=row(energy_shift))  # fmt: skip

    return controls, gains


def unit_rows(where: Sequence[int]) -> np.ndarray:
    """where [L] (indices in the unit's ids, -1 for a cut at no mark) -> [L] indices, each -1
    taking the index before it (the first, the one after)."""
    rows = np.asarray(where, dtype=np.int64)
    known = np.flatnonzero(rows >= 0)
    if not len(known):
        return np.zeros(len(rows), np.int64)
    nearest = np.maximum.accumulate(np.where(rows >= 0, np.arange(len(rows)), -1))
    return rows[np.where(nearest >= 0, nearest, known[0])]


GAIN_SMOOTHING_SECONDS = 0.02  # a gain that changes between syllables moves over this long


def gain_envelope(part: "MelPart", gains: np.ndarray, frames: int, hop: int, sample_rate: int) -> np.ndarray:
    """The per-sample gain [frames * hop] float32 of one mel part whose ids have gains [L_unit]:
    each id's gain over its frames (time-scaled to the mel's frames), moving smoothly between
    them (a moving mean over GAIN_SMOOTHING_SECONDS)."""
    per_frame = np.repeat(gains[unit_rows(part.where)], part.durations)
    if len(per_frame) != frames:  # a tempo past the duration model's: the mel was time-scaled
        positions = np.minimum(np.round(np.arange(frames) * len(per_frame) / frames).astype(np.int64), len(per_frame) - 1)
        per_frame = per_frame[positions]
    per_sample = np.repeat(per_frame, hop)
    width = max(1, round(GAIN_SMOOTHING_SECONDS * sample_rate))
    padded = np.pad(per_sample.astype(np.float64), (width // 2, width - 1 - width // 2), mode="edge")
    sums = np.concatenate([[0.0], np.cumsum(padded)])  # a running mean in O(N), once per mel
    return ((sums[width:] - sums[:-width]) / width).astype(np.float32)


def variance_masks(seed: int | None) -> str | torch.Generator:
    """How to treat the inference-time dropout on the f0/energy embeddings for one request.

    The original draws unseeded Bernoulli masks. Without a seed we keep every element (the
    "keep_all" masks the parity references use): deterministic, and in our asr-check runs at
    least as intelligible as random draws (public + dev sets, see the Foundation issue note).
    A seed draws reproducible random masks, a natural variation of the same sentence.
    """
    return "keep_all" if seed is None else torch.Generator().manual_seed(seed)


class MelPart(NamedTuple):
    """One model pass of a unit: mel [1, T, M], durations [L] (frames per id; T is their sum,
    at least 1) and where [L], the index in the unit's ids that each id counts as (-1: none)."""

    mel: torch.Tensor
    durations: np.ndarray
    where: list[int]


def phone_spans(count: int, parts: list[MelPart], frames: list[int], tempo: float, hop: int) -> np.ndarray:
    """Where each of a unit's count ids sounds in its audio -> [count, 2] int64 sample offsets
    [start, stop), over all the parts' ids that count as it (MelPart.where); (-1, -1) for none.
    frames: each part's mel frames after the tempo resampling (see tempo.faster_mel), which
    puts source frame f at output frame f / tempo; the parts' audio follows each other."""
    spans = np.full((count, 2), -1, dtype=np.int64)
    offset = 0
    for part, out_frames in zip(parts, frames):
        ends = np.cumsum(part.durations) / tempo
        bounds = offset + np.minimum(np.round(np.concatenate([[0.0], ends]) * hop), out_frames * hop).astype(np.int64)
        for index, unit_index in enumerate(part.where):
            if unit_index < 0:
                continue
            start, stop = spans[unit_index]
            spans[unit_index] = (bounds[index] if start < 0 else start), max(stop, bounds[index + 1])
        offset += out_frames * hop
    return spans


def syllable_spans(ids: Sequence[int], spans: np.ndarray, tail: int | np.ndarray) -> np.ndarray:
    """The syllables' spans [S, 2] from their ids' spans [L, 2] (phone_spans).

    A syllable is a run of phones between the sils and prosody marks that frame and separate
    syllables. Its sound outlasts its phones' frames: this FastSpeech2 gives the mark or sil
    after a syllable frames that still carry its final's decay (over the public sentence set,
    speech fell below RMS 0.02 a median 8 frames after the last phone's end). So a syllable
    ends tail samples (one for all, or [S] one each) after its last phone, or where the marks
    and sil after it end, if sooner.
    """
    syllables: list[list[int]] = []  # [start, end of phones, end of what follows before the next]
    previous_was_phone = False
    for symbol, (start, stop) in zip(ids, spans.tolist()):
        is_phone = _is_phone(symbol)
        if is_phone and previous_was_phone:
            syllables[-1][1:] = stop, stop
        elif is_phone:
            syllables.append([start, stop, stop])
        elif syllables and stop >= 0:
            syllables[-1][2] = max(syllables[-1][2], stop)
        previous_was_phone = is_phone
    tails = np.broadcast_to(np.asarray(tail, dtype=np.int64), (len(syllables),))
    return np.array([(start, min(stop + int(extra), limit)) for (start, stop, limit), extra in zip(syllables, tails)],
                    dtype=np.int64).reshape(-1, 2)  # fmt: skip


def _is_phone(symbol: int) -> bool:
    """Whether an id is a phone of a syllable (not a sil, a prosody mark or eos)."""
    return symbol not in BOUNDARY_IDS and symbol not in (SIL_ID, EOS_ID)


def syllable_numbers(ids: Sequence[int]) -> np.ndarray:
    """The syllable of the unit (as its pinyin counts them) that each id is a phone of [L] int64,
    -1 for sils, marks and eos: a syllable is a run of phones between them (as in
    syllable_spans), so an erhua's r belongs to its syllable."""
    numbers = np.full(len(ids), -1, dtype=np.int64)
    current, previous_was_phone = -1, False
    for index, symbol in enumerate(ids):
        is_phone = _is_phone(symbol)
        if is_phone:
            current += 0 if previous_was_phone else 1
            numbers[index] = current
        previous_was_phone = is_phone
    return numbers


def framed(body: list[int]) -> list[int]:
    """A split half's body as a model sequence: sil ... sil eos."""
    return [SIL_ID, *body, SIL_ID, EOS_ID]


def split_at(ids: list[int]) -> tuple[slice, slice]:
    """Where to split sil ... eos ids: the slices of ids that make the two halves' bodies, cut
    at the boundary mark nearest the middle (the mark itself dropped).

    With no boundary mark in the body, the split falls between two syllables' phones at the middle.
    """
    first = 1 if len(ids) >= 3 and ids[-1] == EOS_ID else 0
    body = ids[1:-2] if first else ids
    middle = len(body) // 2
    marks = [i for i, symbol in enumerate(body) if symbol in BOUNDARY_IDS]
    if marks:
        cut = min(marks, key=lambda i: abs(i - middle))
        return slice(first, first + cut), slice(first + cut + 1, first + len(body))
    cut = max(1, middle - middle % 2)
    return slice(first, first + cut), slice(first + cut, first + len(body))


def split_ids(ids: list[int]) -> tuple[list[int], list[int]]:
    """Split sil ... eos ids at the boundary mark nearest the middle (see split_at); each half is a valid sequence."""
    left, right = split_at(ids)
    return framed(ids[left]), framed(ids[right])
