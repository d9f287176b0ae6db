"""Runtime of a ttskit-family pack: Tacotron2 (24 speakers) + MelGAN, streamed while decoding.

A unit's ids hold one id sequence per clause (:func:`yuyin.frontend.ttskit.clause_sequences`).
``stream`` submits all of them to the voice's :class:`~yuyin.engine.ar_batcher.ARBatcher`
(one decode worker shared by every caller, continuous batching) and turns each clause's
decoder frames into audio *while it is still decoding*: the postnet and MelGAN run per window
of frames on the caller's thread, each window widened by their receptive fields, so the
streamed pieces equal the whole-clause audio up to float rounding (tested <= 1e-3).

Per-request controls for this voice:

- ``speaker``: one of ``config.speakers`` (default ``config.default_speaker``); the speakers in
  ``extra.broken_speakers`` and those measured unusable (:mod:`.ttskit_speakers`) are refused.
  A blend (``"Aiyu(2)+Siyue(1)"``, :mod:`.speaker_blend`) mixes the speakers' input vectors in
  its proportions (the model is conditioned linearly on them): a voice between theirs, brought
  to the same level by a gain measured on its first use.
- ``speed``: tempo. Tacotron2 has no duration input, so the mel's time axis is resampled
  (:mod:`.tempo`) before the vocoder: the same spectra, played faster or slower, the pitch kept;
  a measured gain keeps the speech level (:data:`LEVEL_CHANGE_BY_SPEED`).
- ``pitch``, ``pitch_shift``, ``energy``: not available (no f0 or energy input); a value other
  than the default raises :class:`OptionsError` naming the field.
- ``volume``: linear gain after a fixed per-speaker output gain (the original scales every chunk
  to full scale, which cannot stream; :func:`.ttskit_speakers.speaker_gain` brings every
  speaker's speech to the same level, the baker voice's); peaks it drives past -1.5 dBFS are
  limited (:mod:`.limiter`, per clause).
- ``seed``: the prenet-dropout seed of every clause (default ``extra.default_seed``, 1234:
  the reference run's seed, so a one-clause text decodes as the original's first chunk).
- ``sentence_pause``: as for every voice; clauses of one unit are joined by half of it.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import torch
from safetensors.torch import load_file

from yuyin.audio import speech_level_db
from yuyin.config import OptionsError, SynthesisOptions, VoiceConfig
from yuyin.engine.ar_batcher import DEFAULT_BATCH_SIZE, ARBatcher, DecodeItem, StopRule
from yuyin.engine.attention_timing import AttentionClock
from yuyin.engine.batched_vocoder import BatchedVocoder
from yuyin.engine.device import RuntimePlan, pack_fp16_weights, process_threads
from yuyin.engine.limiter import limited
from yuyin.engine.runtime import family_runtime
from yuyin.engine.streaming import ChunkPlan, StreamPace, Window
from yuyin.engine.speaker_blend import BlendError, parse_blend
from yuyin.engine.tempo import interpolate_frames, level_gain, resampled_frames, source_stop
from yuyin.engine.ttskit_speakers import broken_speakers, output_gain, speaker_gain, usable_speakers
from yuyin.frontend import SentenceUnit
from yuyin.frontend.segment import CLAUSE_PAUSE
from yuyin.frontend.symbols_ttskit import PUNCTUATION, SYMBOL_TO_ID
from yuyin.frontend.ttskit import TtskitFrontend, clause_sequences
from yuyin.models.melgan import MelGAN, MelGANConfig
from yuyin.models.tacotron2 import Tacotron2, Tacotron2Config, speaker_vectors

DEFAULT_SEED = 1234
UNSUPPORTED = {"pitch": 1.0, "pitch_shift": 0.0, "energy": 1.0}  # option -> the only accepted value
PUNCTUATION_IDS = frozenset(SYMBOL_TO_ID[p] for p in PUNCTUATION)
WHOLE_PLAN_FRAMES = (128, 512)  # first / later windows without chunking (fastest of 24, 64, 128, 1024 first)
UNBOUNDED = 1 << 40
# Sentences a speaker blend's level is measured on (see TtskitVoice.gain), and how many measured
# blends are kept.
BLEND_CALIBRATION = ("欢迎使用语音合成服务，祝您今天心情愉快。", "明天早上八点半，我们在学校门口集合。")
MAX_MEASURED_BLENDS = 64
# How the speech level moves with speed (dB against speed 1): the mean over four speakers (Aibao,
# biaobei, Siyue, Aiyu) of their median active-speech level on the 12-sentence set. Resampled mels
# come out quieter; stream() undoes it (tempo.level_gain). The speakers differ by up to 1 dB from
# the mean at 4x (Aibao -3.2, Aiyu -5.3).
LEVEL_CHANGE_BY_SPEED = {0.25: -1.31, 0.5: -0.39, 0.75: -0.17, 1.0: 0.0, 1.25: -0.3, 1.5: -0.52, 2.0: -0.91,
                         2.5: -1.65, 3.0: -2.34, 3.5: -3.37, 4.0: -4.24}  # fmt: skip


class TtskitVoice:
    """Tacotron2 + MelGAN with their voice config and one decode scheduler (thread-safe)."""

    unsupported_controls = UNSUPPORTED

    def __init__(self, config: VoiceConfig, acoustic: Tacotron2, vocoder: MelGAN, device: torch.device,
                 dtype: torch.dtype, *, max_batch_size: int = DEFAULT_BATCH_SIZE, stop_rule: StopRule | None = None,
                 onnx_vocoder: Callable[[torch.Tensor], np.ndarray] | None = None,
                 lexicon: Path | None = None, decoder_weights: torch.dtype = torch.float32,
                 vocoder_batch_size: int = 1):  # fmt: skip
        """onnx_vocoder, if given, runs MelGAN's forward instead of the PyTorch module (:mod:`.melgan_onnx`);
        decoder_weights float16 stores the decoder's matrices in fp16 (CPU, see device.pack_fp16_weights);
        max_batch_size: decoder rows batched across requests; vocoder_batch_size: PyTorch
        vocoder windows batched across requests (1: none; see batched_vocoder)."""
        self.config = config
        # The autoregressive loop and its stop gate compute in float32; the vocoder takes ``dtype``.
        self.acoustic = acoustic.to(device=device, dtype=torch.float32).eval()
        if decoder_weights == torch.float16 and device.type == "cpu":
            self.acoustic.decoder = pack_fp16_weights(self.acoustic.decoder)
        self.vocoder = vocoder.to(device=device, dtype=dtype).eval()
        self.device, self.dtype = device, dtype
        self.frontend = TtskitFrontend(lexicon=lexicon)
        self.batcher = ARBatcher(self.acoustic, max_batch_size=max_batch_size, stop_rule=stop_rule)
        self.broken_speakers = broken_speakers(config)  # name -> why it is refused
        self.default_seed = int(config.extra.get("default_seed", DEFAULT_SEED))
        self._blend_gains: dict[tuple[tuple[str, float], ...], float] = {}  # measured, oldest first
        self._blend_lock = threading.Lock()
        self.context = self.vocoder.receptive_field_frames
        self._onnx_vocoder = onnx_vocoder
        self._run_vocoder: Callable[[torch.Tensor, bool], torch.Tensor] = (
            BatchedVocoder(self._waveform, self.vocoder.config.hop_size, self.context, vocoder_batch_size)
            if vocoder_batch_size > 1 else lambda mel, exact_end: self._waveform(mel))  # fmt: skip

    @classmethod
    def from_dir(cls, path: Path, plan: RuntimePlan, lexicon: Path | None = None) -> TtskitVoice:
        """The pack at path run as plan says. Backend "onnx" or "openvino" runs the vocoder with
        onnxruntime (CPU, float32; see :mod:`.melgan_onnx`; OpenVINO ran this MelGAN faster
        alone but 8 % slower end to end next to the decode worker, with 300 MiB more memory);
        lexicon: a user ``word<TAB>pinyin`` file for the front end. Raises DeviceError for what
        this family does not do (runtime.family_runtime: int8, torch.compile, hybrid placement)."""
        config = VoiceConfig.from_json(path / "voice.json")
        acoustic = Tacotron2(Tacotron2Config.from_dict(config.acoustic))
        vocoder = MelGAN(MelGANConfig.from_dict(config.vocoder))
        acoustic.load_state_dict(load_file(str(path / "acoustic.safetensors")))
        vocoder.load_state_dict(load_file(str(path / "vocoder.safetensors")))
        device, backend = plan.device, family_runtime("ttskit", plan, config.name)
        threads = process_threads()
        if device.type == "cpu":
            # The decode worker keeps one core for itself (ar_batcher, one thread): everything
            # else (encoder, postnet, vocoder) gets the rest. With --threads 2 that is one core
            # each; letting this side take both made the decoder, the critical path, 1.5x slower
            # (RTF 0.16-0.17 vs 0.108 on 12 sentences).
            threads = max(1, threads - 1)
            torch.set_num_threads(threads)
        onnx_vocoder = None
        if backend == "onnx":
            from yuyin.engine.melgan_onnx import OnnxMelGAN
            from yuyin.voices.store import yuyin_home

            onnx_vocoder = OnnxMelGAN(vocoder, path / "vocoder.safetensors", yuyin_home() / "cache" / "onnx",
                                      threads=threads, device=device)  # fmt: skip
        return cls(config, acoustic, vocoder, device, plan.dtype, onnx_vocoder=onnx_vocoder, lexicon=lexicon,
                   decoder_weights=plan.decoder_weights, max_batch_size=plan.batch_size,
                   vocoder_batch_size=plan.batch_size_on(device))  # fmt: skip

    def model_homes(self) -> list[tuple[torch.nn.Module, torch.device]]:
        """The PyTorch models with the devices they run on (what offload moves; see engine.offload)."""
        return [(self.acoustic, self.device), (self.vocoder, self.device)]

    @property
    def backend(self) -> str:
        """Which runtime runs the vocoder: "onnx" or "torch"."""
        return "torch" if self._onnx_vocoder is None else "onnx"

    def vocode(self, mel: torch.Tensor, exact_end: bool = True) -> np.ndarray:
        """``MelGAN.forward`` of mel [M, n] -> audio [n * hop] float32 numpy (no tail handling).

        exact_end False: the caller discards the last receptive field's samples (a streaming
        window's right context), so a batched vocoder may pad there."""
        if self._onnx_vocoder is not None:
            return self._onnx_vocoder(mel[None])
        frames_first = mel.T[None].to(self.vocoder.generator[1].weight.dtype)  # [1, n, M]
        return self._run_vocoder(frames_first, exact_end)[0].float().cpu().numpy()

    def _waveform(self, mel: torch.Tensor) -> torch.Tensor:
        """mel [B, n, M] -> ``MelGAN.forward`` audio [B, n * hop]."""
        return self.vocoder(mel.transpose(1, 2))[:, 0]

    @property
    def usable_speakers(self) -> tuple[str, ...]:
        """The speakers ``stream`` accepts (all but :attr:`broken_speakers`)."""
        return usable_speakers(self.config)

    def gain(self, blend: Sequence[tuple[str, float]]) -> float:
        """The fixed output gain of a speaker blend, before ``volume``. One speaker: its measured
        gain (:func:`.ttskit_speakers.speaker_gain`). A blend of several is measured on its first
        use (two sentences, about a second) and kept: its level cannot be told from its speakers'
        (Aiyu + Siyue spoke 2.5 dB above either at the mean of their gains)."""
        if len(blend) == 1:
            return speaker_gain(blend[0][0])
        key = tuple(blend)
        with self._blend_lock:
            known = self._blend_gains.get(key)
        if known is None:
            known = self._measured_gain(key)
            with self._blend_lock:
                while len(self._blend_gains) >= MAX_MEASURED_BLENDS:
                    self._blend_gains.pop(next(iter(self._blend_gains)))  # the oldest
                self._blend_gains[key] = known
        return known

    def _measured_gain(self, blend: tuple[tuple[str, float], ...]) -> float:
        """output_gain of the blend's median speech level and loudest peak over BLEND_CALIBRATION."""
        vector, levels, peaks = blended_vector(blend), [], []
        for text in BLEND_CALIBRATION:
            for unit in self.analyze(text):
                items = self.batcher.submit(clause_sequences(unit.ids), vector, self.default_seed)
                wave = np.concatenate(list(self._pieces(items, SynthesisOptions(), None, 1.0, None)))
                levels.append(speech_level_db(wave, self.config.sample_rate))
                peaks.append(float(np.abs(wave).max(initial=0.0)))
        return output_gain(float(np.median(levels)), max(max(peaks), 1e-3))

    def analyze(self, text: str) -> Iterator[SentenceUnit]:
        return self.frontend.analyze(text)

    def chunk_plan(self, first_frames: int, pace: StreamPace | None = None) -> ChunkPlan:
        """A streaming plan whose context covers the vocoder's receptive field (windows grow as pace affords)."""
        return ChunkPlan(first_frames, self.context, max_frames=8 * first_frames, pace=pace)

    def speaker_blend(self, options: SynthesisOptions) -> tuple[tuple[str, float], ...]:
        """The speakers options ask for with their shares (:mod:`.speaker_blend`; a plain name is
        itself, share 1); raises OptionsError for a malformed blend or an unknown or unusable speaker."""
        text = options.speaker if options.speaker is not None else self.config.default_speaker
        try:
            return parse_blend(text, self.usable_speakers, self.broken_speakers)
        except BlendError as error:
            raise OptionsError(f"speaker: {error} (voice {self.config.name!r})") from None

    def check_options(self, options: SynthesisOptions) -> tuple[tuple[str, float], ...]:
        """Validate the controls this voice supports (see the module doc); returns the speaker blend."""
        for field, accepted in UNSUPPORTED.items():
            if getattr(options, field) != accepted:
                raise OptionsError(f"{field}: voice {self.config.name!r} (Tacotron2) has no {field} control; "
                                   f"leave it at {accepted}")  # fmt: skip
        return self.speaker_blend(options)

    def stream(
        self, ids: Sequence[int], options: SynthesisOptions, plan: ChunkPlan | None = None,
        on_syllables: Callable[[np.ndarray], None] | None = None,
    ) -> Iterator[np.ndarray]:
        """Yield the waveform of one unit in pieces [n_i] float32 (see the module doc).

        plan None: one piece per unit (vocoded in windows while decoding, then joined).
        Closing the generator cancels the decoding of the unit's remaining clauses.
        on_syllables gets the syllables' sample spans [S_i, 2] in the unit's audio, in order, as
        the attention decides them (see :mod:`yuyin.engine.attention_timing`), each batch before
        the piece it was decided for; all of them by the last piece.
        """
        blend = self.check_options(options)
        clauses = clause_sequences(ids)
        seed = self.default_seed if options.seed is None else options.seed
        items = self.batcher.submit(clauses, blended_vector(blend), seed)
        gain = self.gain(blend) * options.volume * level_gain(options.speed, LEVEL_CHANGE_BY_SPEED)
        pieces = self._pieces(items, options, plan, gain, on_syllables)
        try:
            if plan is not None:
                yield from pieces
            else:
                joined = [piece for piece in pieces]
                yield np.concatenate(joined) if joined else np.zeros(0, np.float32)
        finally:
            pieces.close()
            for item in items:
                item.cancel()

    def _pieces(self, items: list[DecodeItem], options: SynthesisOptions, plan: ChunkPlan | None,
                gain: float, on_syllables: Callable[[np.ndarray], None] | None) -> Iterator[np.ndarray]:  # fmt: skip
        pause = options.pause_seconds(self.config.sentence_pause)
        window_plan = plan or FastStartPlan(*WHOLE_PLAN_FRAMES, self.context)
        offset = 0  # samples of the unit so far
        for index, item in enumerate(items):
            if index:
                seconds = pause * CLAUSE_PAUSE if _ends_with_punctuation(items[index - 1].ids) else 0.0
                silence = np.zeros(round(seconds * self.config.sample_rate), np.float32)
                offset += len(silence)
                yield silence
            renderer = ClauseRenderer(self, item, options.speed)
            clock = AttentionClock(item, partial(renderer.sample_at, offset), on_syllables) if on_syllables else None
            for wave in limited(renderer.pieces(window_plan), gain, self.config.sample_rate):
                if clock is not None:
                    clock()
                offset += len(wave)
                yield wave


@dataclass(frozen=True)
class FastStartPlan:
    """Windows for a request without chunking: a short first window, so that the vocoder starts
    while the decoder is still early in the clause, then long ones (each cut costs 2 x context
    frames of extra vocoding). Same interface as :class:`ChunkPlan`."""

    first_frames: int
    next_frames: int
    context_frames: int

    def windows(self, total_frames: int) -> Iterator[Window]:
        keep_start, size = 0, self.first_frames
        while keep_start < total_frames:
            keep_stop = min(keep_start + size, total_frames)
            yield Window(max(0, keep_start - self.context_frames), min(total_frames, keep_stop + self.context_frames),
                         keep_start, keep_stop)  # fmt: skip
            keep_start, size = keep_stop, self.next_frames


class ClauseRenderer:
    """Decoder frames of one item -> audio windows, as soon as the frames they need are settled.

    The whole-clause audio is ``MelGAN.infer(resample(postnet(frames[:T])[:, :end]))`` with T the
    decoded frames and ``end`` the kept ones; each window here computes exactly its part of it.
    """

    def __init__(self, voice: TtskitVoice, item: DecodeItem, speed: float) -> None:
        self.voice, self.item, self.speed = voice, item, float(speed)
        self.postnet_context = voice.acoustic.postnet_context
        self.hop = voice.vocoder.config.hop_size

    def pieces(self, plan: ChunkPlan | FastStartPlan) -> Iterator[tuple[np.ndarray, bool]]:
        """The clause's audio window by window [n_i] float32, each with whether it is the last."""
        for window in plan.windows(UNBOUNDED):
            need = source_stop(window.stop, self.speed) + self.postnet_context
            self.item.wait(need)
            if self.item.cancelled:
                return
            if self.item.done:
                window = self._clip(window, self.out_frames(self.item.end))
                if window is None:
                    return
            with torch.inference_mode():
                wave = self._vocode(window)
            last = self.item.done and window.keep_stop >= self.out_frames(self.item.end)
            yield wave, last
            if last:
                return

    def out_frames(self, kept: int) -> int:
        """Output frames for ``kept`` mel frames at this speed."""
        return resampled_frames(kept, self.speed)

    def sample_at(self, offset: int, frame: int) -> int:
        """Where decoder frame ``frame``'s audio starts, for a clause that starts ``offset`` samples into its unit."""
        return offset + self.out_frames(frame) * self.hop

    @staticmethod
    def _clip(window: Window, total: int) -> Window | None:
        if window.keep_start >= total:
            return None
        return Window(window.start, min(window.stop, total), window.keep_start, min(window.keep_stop, total))

    def _vocode(self, window: Window) -> np.ndarray:
        mel = self._output_mel(window.start, window.stop)  # [M, n]
        c = self.voice.vocoder.config
        total = self.out_frames(self.item.end) if self.item.done else None
        clause_end = total is not None and window.stop >= total
        if clause_end:  # the original's tail frames
            mel = torch.cat([mel, mel.new_full((mel.size(0), c.tail_frames), c.tail_value)], dim=1)
        audio = self.voice.vocode(mel, exact_end=clause_end)
        lo, hi = (window.keep_start - window.start) * self.hop, (window.keep_stop - window.start) * self.hop
        return audio[lo:hi]

    def _output_mel(self, start: int, stop: int) -> torch.Tensor:
        """Output frames [start, stop) of the (time-resampled) postnet mel -> [M, n]."""
        kept = self.item.end if self.item.done else UNBOUNDED
        return interpolate_frames(self._postnet, start, stop, self.speed, kept)

    def _postnet(self, start: int, stop: int) -> torch.Tensor:
        """Postnet mel frames [start, stop) -> [M, n], from decoder frames with context."""
        context, item = self.postnet_context, self.item
        decoded = item.decoded if item.done else UNBOUNDED
        lo, hi = max(0, start - context), min(decoded, stop + context)
        frames = item.frames(lo, hi)[None]  # [1, M, n]
        length = torch.tensor([hi - lo])
        mel = self.voice.acoustic.apply_postnet(frames, length)[0]
        return mel[:, start - lo : stop - lo]


def _ends_with_punctuation(ids: Sequence[int]) -> bool:
    """A clause sequence ``... punct - ~ _`` (a cut made only by the length budget has none)."""
    return len(ids) >= 4 and ids[-4] in PUNCTUATION_IDS



def blended_vector(blend: Sequence[tuple[str, float]]) -> torch.Tensor:
    """[32] speaker input vector of a blend: the speakers' vectors weighted by their shares."""
    vectors = speaker_vectors([name for name, _ in blend])  # [S, 32]
    shares = torch.tensor([share for _, share in blend], dtype=torch.float64)
    return (shares[:, None] * vectors.double()).sum(dim=0).float()
