"""The Synthesizer with the tiny random-weight pack: chunks, pauses, options, safety."""
from __future__ import annotations

import io
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import soundfile
import torch

from yuyin import AudioChunk, SynthesisOptions, Synthesizer
from yuyin.audio import concatenate, resample
from yuyin.engine.limiter import CEILING, limited
from yuyin.config import OptionsError
from yuyin.engine.device import DeviceError, resolve_device, resolve_dtype
from yuyin.frontend import NothingToSay
from yuyin.frontend.override import InvalidOverride


def test_one_chunk_per_unit_with_scaled_pauses_between(tiny_synth: Synthesizer) -> None:
    text = "你好。世界很大。再见！"
    units = tiny_synth.frontend(text)
    chunks = list(tiny_synth.synthesize(text, SynthesisOptions(sentence_pause=0.4)))
    assert [c.is_silence for c in chunks] == [False, True] * (len(units) - 1) + [False]
    pauses = [c for c in chunks if c.is_silence]
    for unit, pause in zip(units, pauses):
        assert len(pause.samples) == round(0.4 * unit.pause_after * 24000)
    assert len(pauses[0].samples) == round(0.4 * 24000)  # a full stop gets the full pause
    speech = [c for c in chunks if not c.is_silence]
    assert [c.sentence_index for c in speech] == list(range(len(units)))
    assert [c.pinyin for c in speech] == [u.pinyin for u in units]
    assert all(isinstance(c, AudioChunk) and c.samples.dtype == np.float32 for c in chunks)


def test_audio_length_follows_speed(tiny_synth: Synthesizer) -> None:
    normal = sum(len(c.samples) for c in tiny_synth.synthesize("语音合成"))
    fast = sum(len(c.samples) for c in tiny_synth.synthesize("语音合成", SynthesisOptions(speed=2.0)))
    assert fast < 0.7 * normal


def test_default_pauses_follow_speed_and_explicit_ones_do_not(tiny_synth: Synthesizer) -> None:
    text = "你好。再见。"

    def pause(**options) -> int:
        return next(len(c.samples) for c in tiny_synth.synthesize(text, SynthesisOptions(**options)) if c.is_silence)

    default = round(tiny_synth.voice.sentence_pause * 24000)
    assert pause() == default
    assert pause(speed=2.0) == round(default / 2)
    assert pause(speed=2.0, sentence_pause=0.3) == pause(sentence_pause=0.3) == round(0.3 * 24000)


def test_volume_scales_and_limits(tiny_synth: Synthesizer) -> None:
    """Volume is a linear gain below the limiter's ceiling (the random-weight voice is loud: at
    0.25 it is below); past it the peaks are limited, as the limiter does alone."""
    quiet = next(tiny_synth.synthesize("语音", SynthesisOptions(volume=0.25))).samples
    quieter = next(tiny_synth.synthesize("语音", SynthesisOptions(volume=0.125))).samples
    louder = next(tiny_synth.synthesize("语音", SynthesisOptions(volume=4.0))).samples
    assert np.abs(quiet).max() < CEILING < np.abs(quiet).max() * 16
    assert np.array_equal(quieter, quiet * np.float32(0.5))
    assert np.max(np.abs(louder)) <= CEILING + 1e-6
    assert np.array_equal(louder, np.concatenate(list(limited([(quiet, True)], 16.0, 24000))))


def test_every_clause_fades_in_and_out_to_meet_the_silence_without_a_step(tiny_synth: Synthesizer) -> None:
    """The random-weight voice is loud from its first sample to its last: only the fade makes a
    clause begin and end at zero next to the silence between clauses, streamed or whole."""
    from yuyin.audio import EDGE_FADE_SECONDS

    fade = round(EDGE_FADE_SECONDS * 24000)
    text = "语音合成，很好。今天天气不错"
    whole = [c.samples for c in tiny_synth.synthesize(text) if not c.is_silence]
    assert len(whole) == 3
    for samples in whole:
        peak = np.abs(samples).max()
        assert np.abs(samples[:2]).max() < 0.01 * peak and np.abs(samples[-2:]).max() < 0.01 * peak
        assert np.abs(samples[fade : 2 * fade]).max() > 0.1 * peak  # (not silence there: the fade is what quietens)
    streamed = np.concatenate([c.samples for c in tiny_synth.synthesize(text, chunk_frames=4)])
    assert np.array_equal(streamed, np.concatenate([c.samples for c in tiny_synth.synthesize(text)]))


def test_seed_changes_output_reproducibly(tiny_synth: Synthesizer) -> None:
    default = next(tiny_synth.synthesize("语音合成")).samples
    again = next(tiny_synth.synthesize("语音合成")).samples
    seeded = next(tiny_synth.synthesize("语音合成", SynthesisOptions(seed=7))).samples
    np.testing.assert_array_equal(default, again)
    assert seeded.shape != default.shape or not np.array_equal(seeded, default)


@pytest.mark.parametrize("text", ["", "   ", "😀🎉", "!!!???", "\x00\x1b"])
def test_nothing_to_say_is_a_clear_error(tiny_synth: Synthesizer, text: str) -> None:
    with pytest.raises(NothingToSay):
        list(tiny_synth.synthesize(text))


def test_a_bad_override_in_a_later_sentence_fails_before_any_audio(tiny_synth: Synthesizer, tiny_ttskit_pack) -> None:
    text = "你好。" * 20 + "你好[ni3 hao3 ma5]。"  # three syllables for two hanzi
    for synth in (tiny_synth, Synthesizer.load(tiny_ttskit_pack, device="cpu", backend="torch", warm_up=False)):
        for chunks in (synth.synthesize(text, chunk_frames=16), synth.synthesize_ssml(f"<speak>{text}</speak>")):
            with pytest.raises(InvalidOverride, match="3 syllables for 2 hanzi"):
                next(chunks)


@pytest.mark.parametrize("field,value", [("speed", 0.1), ("speed", 5), ("pitch", -1), ("volume", float("nan")),
                                         ("energy", "loud"), ("seed", -1), ("seed", True)])  # fmt: skip
def test_out_of_range_options_name_the_field(field: str, value: object) -> None:
    with pytest.raises(OptionsError, match=field):
        SynthesisOptions(**{field: value})


def test_numpy_scalars_are_options_like_python_numbers() -> None:
    options = SynthesisOptions(speed=np.float32(1.5), seed=np.int64(3), volume=2)
    assert options == SynthesisOptions(speed=1.5, seed=3, volume=2.0)
    assert (type(options.speed), type(options.seed), type(options.volume)) == (float, int, float)
    with pytest.raises(OptionsError, match="seed must be an integer"):
        SynthesisOptions(seed=np.float64(3))


def test_concurrent_callers_get_the_same_audio_as_sequential(tiny_synth: Synthesizer) -> None:
    texts = ["今天天气真好。", "我们一起去公园散步吧。", "会议在三楼举行。", "请拨打客服热线。"] * 2
    expected = [np.concatenate([c.samples for c in tiny_synth.synthesize(t)]) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda t: np.concatenate([c.samples for c in tiny_synth.synthesize(t)]), texts))
    for got, want in zip(results, expected):
        np.testing.assert_array_equal(got, want)


def test_overlong_sentence_is_split_instead_of_crashing(tiny_synth: Synthesizer) -> None:
    # ~4 frames per phone at speed 1: 60 hanzi at speed 0.25 need far more than 2048 frames.
    text = "语音合成技术可以把文字转换成自然流畅的语音" * 3
    chunks = list(tiny_synth.synthesize(text, SynthesisOptions(speed=0.25)))
    total = sum(len(c.samples) for c in chunks)
    assert total > 2048 * 300


def test_synthesize_to_wav_writes_16_bit_pcm(tiny_synth: Synthesizer) -> None:
    buffer = io.BytesIO()
    seconds = tiny_synth.synthesize_to_wav("你好。", buffer)
    buffer.seek(0)
    info = soundfile.info(buffer)
    assert (info.samplerate, info.channels, info.subtype, info.format) == (24000, 1, "PCM_16", "WAV")
    assert info.duration == pytest.approx(seconds, abs=1e-4)


def test_a_wav_streamed_into_a_pipe_says_unknown_length_and_holds_the_audio(tiny_synth: Synthesizer) -> None:
    import threading

    from yuyin.audio import UNKNOWN_SIZE

    read_end, write_end = os.pipe()
    received = bytearray()
    def read() -> None:
        with os.fdopen(read_end, "rb") as source:
            received.extend(source.read())

    reader = threading.Thread(target=read)
    reader.start()
    with os.fdopen(write_end, "wb") as pipe:  # not seekable: the header cannot be fixed afterwards
        seconds = tiny_synth.synthesize_to_wav("你好。世界。", pipe)
    reader.join(10)
    assert int.from_bytes(received[40:44], "little") == int.from_bytes(received[4:8], "little") == UNKNOWN_SIZE
    assert received.count(b"RIFF") == 1 and len(received) - 44 == round(seconds * 24000) * 2
    samples, rate = soundfile.read(io.BytesIO(bytes(received)), dtype="int16")
    assert rate == 24000 and len(samples) == round(seconds * 24000)


def test_a_wav_path_keeps_what_it_names(tiny_synth: Synthesizer, tmp_path) -> None:
    """A FIFO stays a FIFO (written through), a symlink stays a link to its updated file, an
    existing file keeps its mode and a new one gets the umask's."""
    import stat
    import threading

    fifo = tmp_path / "fifo.wav"
    os.mkfifo(fifo)
    received = bytearray()
    reader = threading.Thread(target=lambda: received.extend(fifo.read_bytes()))
    reader.start()
    tiny_synth.synthesize_to_wav("你好。", fifo)
    reader.join(10)
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and received[:4] == b"RIFF" and len(received) > 44
    target, link = tmp_path / "target.wav", tmp_path / "link.wav"
    target.write_bytes(b"old")
    target.chmod(0o640)
    link.symlink_to(target)
    tiny_synth.synthesize_to_wav("你好。", link)
    assert link.is_symlink() and target.read_bytes()[:4] == b"RIFF"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    previous = os.umask(0o027)
    try:
        tiny_synth.synthesize_to_wav("你好。", tmp_path / "new.wav")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.wav").stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo.wav", "link.wav", "new.wav", "target.wav"]


def test_a_path_that_cannot_be_written_fails_before_synthesis(tiny_synth: Synthesizer, tmp_path, monkeypatch) -> None:
    """An empty path, a directory, a loop of symlinks: an OSError naming it, and no synthesis."""
    monkeypatch.setattr(tiny_synth, "synthesize", lambda *args, **kwargs: pytest.fail("synthesized"))
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    for target, error in (("", FileNotFoundError), (tmp_path, IsADirectoryError), (tmp_path / "loop1", OSError)):
        with pytest.raises(error):
            tiny_synth.synthesize_to_wav("你好。", target)
    assert (tmp_path / "loop1").is_symlink()


def test_a_pipe_named_by_path_is_written_through(tiny_synth: Synthesizer) -> None:
    """/dev/stdout or /dev/fd/N of a pipe: a link to "pipe:[N]", no path to replace."""
    import threading

    read_end, write_end = os.pipe()
    received = bytearray()
    reader = threading.Thread(target=lambda: received.extend(os.fdopen(read_end, "rb").read()))
    reader.start()
    try:
        seconds = tiny_synth.synthesize_to_wav("你好。", f"/proc/self/fd/{write_end}")
    finally:
        os.close(write_end)
    reader.join(10)
    assert received[:4] == b"RIFF" and len(received) - 44 == round(seconds * 24000) * 2


@pytest.mark.parametrize("name, rate, container, out_rate", [
    ("a.mp3", None, "MP3", 24000), ("a.flac", 16000, "FLAC", 16000), ("a.ogg", None, "OGG", 24000),
    ("a.opus", 22050, "OGG", 48000),  # opus has no 22050 Hz: 48 kHz, as the server encodes it
    ("a.wav", 8000, "WAV", 8000), ("no-suffix", None, "WAV", 24000),
])  # fmt: skip
def test_synthesize_to_file_writes_the_format_its_name_asks_for(tiny_synth: Synthesizer, tmp_path: Path, name: str,
                                                                rate: int | None, container: str,
                                                                out_rate: int) -> None:  # fmt: skip
    seconds = tiny_synth.synthesize_to_file("你好。世界。", tmp_path / name, sample_rate=rate)
    info = soundfile.info(tmp_path / name)  # a file, not a pipe: its header gives the whole length
    assert (info.format, info.samplerate, info.channels) == (container, out_rate, 1)
    assert info.frames == pytest.approx(seconds * out_rate, abs=2)
    reference = resample(concatenate(tiny_synth.synthesize("你好。世界。"))[0], 24000, out_rate)
    decoded, _ = soundfile.read(tmp_path / name, dtype="float32")
    if container in ("WAV", "FLAC"):  # lossless: the samples themselves (resampled as audio.resample does, clipped)
        assert np.abs(np.clip(reference, -1, 1) - decoded).max() < 1e-4
    else:  # lossy, and the random voice is noise-like: only that it is loud, not silence
        assert np.sqrt(np.mean(decoded**2)) > 0.1


def _wav(synth: Synthesizer, text: str) -> bytes:
    buffer = io.BytesIO()
    synth.synthesize_to_wav(text, buffer)
    return buffer.getvalue()


def test_synthesize_to_file_streams_other_formats_into_a_pipe_and_writes_raw_pcm(tiny_synth: Synthesizer) -> None:
    import threading

    import av

    read_end, write_end = os.pipe()
    received = bytearray()
    def read() -> None:
        with os.fdopen(read_end, "rb") as source:
            received.extend(source.read())

    reader = threading.Thread(target=read)
    reader.start()
    with os.fdopen(write_end, "wb") as pipe:
        tiny_synth.synthesize_to_file("你好。", pipe, audio_format="flac")
    reader.join(10)
    assert received[:4] == b"fLaC"  # streamed: no sample count in the header, so decoded to count them
    with av.open(io.BytesIO(bytes(received))) as container:
        decoded = sum(frame.samples for frame in container.decode(audio=0))
    raw = io.BytesIO()
    seconds = tiny_synth.synthesize_to_file("你好。", raw, audio_format="pcm")
    wav = soundfile.read(io.BytesIO(_wav(tiny_synth, "你好。")), dtype="int16")[0]
    assert len(raw.getvalue()) == 2 * round(seconds * 24000) == 2 * decoded and raw.getvalue() == wav.tobytes()


def test_output_that_holds_data_first_or_appends_keeps_it_and_gets_the_streamable_form(tiny_synth: Synthesizer,
                                                                                    tmp_path: Path) -> None:  # fmt: skip
    """A header is completed only by going back to the start of an empty, non-appending output:
    `>> out.wav`, a second clip after a first in one redirected output, or a buffer with data
    before its position keep what they held (no header written over it)."""
    import av

    from yuyin.audio import UNKNOWN_SIZE, rewritable

    appended = tmp_path / "appended.wav"
    appended.write_bytes(b"")
    with open(appended, "ab") as out:  # empty, but every write lands at the end: no going back
        assert not rewritable(out)
        seconds = tiny_synth.synthesize_to_file("你好。", out, audio_format="wav")
    data = appended.read_bytes()
    assert data[:4] == b"RIFF" and int.from_bytes(data[40:44], "little") == UNKNOWN_SIZE
    assert len(data) == 44 + 2 * round(seconds * 24000)
    buffer = io.BytesIO(b"JUNKJUNK")
    buffer.seek(8)
    tiny_synth.synthesize_to_file("你好。", buffer, audio_format="flac")
    assert buffer.getvalue()[:12] == b"JUNKJUNKfLaC"
    with av.open(io.BytesIO(buffer.getvalue()[8:])) as container:
        assert sum(frame.samples for frame in container.decode(audio=0)) == round(seconds * 24000)
    fresh = io.BytesIO()
    assert rewritable(fresh)
    tiny_synth.synthesize_to_file("你好。", fresh, audio_format="wav")
    assert int.from_bytes(fresh.getvalue()[40:44], "little") == 2 * round(seconds * 24000)  # completed


def test_synthesize_to_file_takes_a_hidden_file_name_and_numpy_rates(tiny_synth: Synthesizer, tmp_path: Path) -> None:
    tiny_synth.synthesize_to_file("你好。", tmp_path / ".mp3", sample_rate=np.int64(16000))
    info = soundfile.info(tmp_path / ".mp3")
    assert (info.format, info.samplerate) == ("MP3", 16000)


@pytest.mark.parametrize("call, message", [
    (lambda s, d: s.synthesize_to_file("你好", d / "x.txt"), "cannot tell an audio format from the suffix of"),
    (lambda s, d: s.synthesize_to_file("你好", d / "x.wav", audio_format="ogg"), "unknown audio format 'ogg'"),
    (lambda s, d: s.synthesize_to_file("你好", d / "x.wav", sample_rate=11025), "sample_rate must be one of 8000"),
    (lambda s, d: s.synthesize_to_file("你好", d / "x.wav", sample_rate=8000.0), "sample_rate must be one of 8000"),
    (lambda s, d: s.synthesize_to_file("你好", d / "x.wav", sample_rate=True), "sample_rate must be one of 8000"),
    (lambda s, d: s.synthesize_to_file("你好", io.BytesIO(), sample_rate=np.float64(16000)), "must be one of 8000"),
])  # fmt: skip
def test_synthesize_to_file_refuses_a_format_or_rate_it_cannot_write(tiny_synth: Synthesizer, tmp_path: Path, call,
                                                                     message: str) -> None:  # fmt: skip
    with pytest.raises(ValueError, match=message):
        call(tiny_synth, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_frontend_preview_lists_units(tiny_synth: Synthesizer) -> None:
    (unit,) = tiny_synth.frontend("测试文本。")
    assert unit.pinyin == ("ce4", "shi4", "wen2", "ben3")
    assert unit.ids[0] == 1 and unit.ids[-2:] == (1, 218)
    assert [i for i in unit.ids if i not in (1, 2, 3, 4, 5, 218)] == [8, 56, 23, 116, 6, 184, 7, 65]


def test_a_cuda_device_is_resolved_with_its_index(monkeypatch) -> None:
    """Plain "cuda" is the current GPU, so it equals "cuda:N" for that GPU (one device, not a
    hybrid placement)."""
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 2)
    monkeypatch.setattr(torch.cuda, "current_device", lambda: 1)
    assert resolve_device("cuda") == resolve_device("auto") == resolve_device("cuda:1") == torch.device("cuda", 1)
    assert resolve_device(torch.device("cuda")) == torch.device("cuda", 1)
    assert resolve_device("cuda:0") == torch.device("cuda", 0)
    with pytest.raises(DeviceError, match="only 2 CUDA"):
        resolve_device("cuda:2")


def test_device_policy() -> None:
    assert resolve_device("cpu").type == "cpu"
    assert resolve_device("auto").type in ("cpu", "cuda")
    with pytest.raises(DeviceError):
        resolve_device("tpu")
    with pytest.raises(DeviceError):
        resolve_dtype("fp16", resolve_device("cpu"))
    with pytest.raises(DeviceError):
        resolve_dtype("int4", resolve_device("cpu"))


def test_missing_cuda_is_an_error_not_a_fallback() -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")  # the check below is about CPU-only machines
    with pytest.raises(DeviceError, match="CUDA is not available"):
        resolve_device("cuda")


def test_bf16_on_cpu_stays_close_to_fp32(tiny_pack) -> None:
    fp32 = Synthesizer.load(tiny_pack, device="cpu")
    bf16 = Synthesizer.load(tiny_pack, device="cpu", dtype="bf16")
    a = np.concatenate([c.samples for c in fp32.synthesize("语音合成", SynthesisOptions(seed=1))])
    b = np.concatenate([c.samples for c in bf16.synthesize("语音合成", SynthesisOptions(seed=1))])
    assert b.dtype == np.float32 and np.isfinite(b).all()
    assert abs(len(a) - len(b)) <= 4 * 300  # at most a few frames of duration rounding
    if a.shape == b.shape:  # a bf16 rounding may flip one duration; then only sanity is comparable
        assert np.corrcoef(a, b)[0, 1] > 0.9


def test_speaker_on_a_single_speaker_voice_is_a_clear_error(tiny_synth: Synthesizer) -> None:
    assert tiny_synth.speakers == ()
    with pytest.raises(OptionsError, match="single speaker"):
        list(tiny_synth.synthesize("你好", SynthesisOptions(speaker="Aiqi")))


def test_user_lexicon_changes_the_reading(tiny_pack, tmp_path) -> None:
    lexicon = tmp_path / "words.tsv"
    lexicon.write_text("行长\thang2 zhang3\n", encoding="utf-8")
    custom = Synthesizer.load(tiny_pack, device="cpu", warm_up=False, lexicon=lexicon)
    assert custom.frontend("行长")[0].pinyin == ("hang2", "zhang3")
    lexicon.write_text("行长\txing2 chang2\n", encoding="utf-8")
    odd = Synthesizer.load(tiny_pack, device="cpu", warm_up=False, lexicon=lexicon)
    assert odd.frontend("行长")[0].pinyin == ("xing2", "chang2")


def test_options_may_be_a_dict_of_their_fields(tiny_synth: Synthesizer) -> None:
    as_dict = np.concatenate([c.samples for c in tiny_synth.synthesize("你好。", {"speed": 1.5, "seed": 3})])
    as_options = np.concatenate([c.samples for c in tiny_synth.synthesize("你好。", SynthesisOptions(speed=1.5, seed=3))])
    assert np.array_equal(as_dict, as_options)
    with pytest.raises(OptionsError, match="unknown option 'sped'; known: "):
        list(tiny_synth.synthesize("你好。", {"sped": 1.5}))
    with pytest.raises(OptionsError, match="options must be SynthesisOptions or a dict of its fields, got float"):
        list(tiny_synth.synthesize("你好。", 1.5))


def test_a_wav_path_in_a_missing_directory_is_named_in_the_error(tiny_synth: Synthesizer, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.wav"
    with pytest.raises(FileNotFoundError, match=f"cannot write {target}: No such file or directory"):
        tiny_synth.synthesize_to_wav("你好。", target)


def test_a_pack_is_loaded_from_a_path_string_and_a_damaged_one_is_named(tiny_pack: Path, tmp_path: Path) -> None:
    from yuyin.engine.runtime import VoicePackError

    assert Synthesizer.load(str(tiny_pack), device="cpu", warm_up=False).voice.name == "tiny"
    with pytest.raises(VoicePackError, match="not a voice-pack directory \\(no voice.json\\)"):
        Synthesizer.load(tmp_path, device="cpu", warm_up=False)


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(family="nope"), "unsupported voice family 'nope' \\(baker and ttskit are\\)"),
    (lambda d: d.update(sample_rate=-5), "voice.json: sample_rate must be positive, got -5"),
    (lambda d: d.update(sample_rate="24000"), "voice.json: sample_rate must be a whole number, got '24000'"),
    (lambda d: d.update(sentence_pause=True), "voice.json: sentence_pause must be a number, got True"),
    (lambda d: d.pop("hop_size"), "voice.json: missing keys \\['hop_size'\\]"),
    (lambda d: d.update(speed=2), "voice.json: unknown keys \\['speed'\\]"),
    (lambda d: d["acoustic"].update(n_layers=99), "voice.json acoustic: unknown keys \\['n_layers'\\]"),
    (lambda d: d["acoustic"].update(hidden_size="8"), "voice.json acoustic: hidden_size must be a whole number"),
    (lambda d: d["vocoder"].update(upsample_scales=3), "voice.json vocoder: upsample_scales must be a list, got 3"),
    (lambda d: d.update(sentence_pause=-1), "voice.json: sentence_pause must be 0-5 s, got -1"),
    (lambda d: d.update(sentence_pause=1e9), "voice.json: sentence_pause must be 0-5 s, got 1000000000.0"),
    (lambda d: d.update(format_version=99), "voice.json: format_version 99 is not one this yuyin reads \\(1\\)"),
    (lambda d: d.update(hop_size=d["hop_size"] + 1), "hop_size \\d+ differs from the vocoder's \\d+ samples a frame"),
    (lambda d: d.update(default_speaker="Nobody"), "voice.json: default_speaker 'Nobody' is not one of the speakers"),
    (lambda d: d.update(speakers=["a", "a"]), "voice.json: speakers must be distinct names, got \\['a', 'a'\\]"),
])  # fmt: skip
def test_a_voice_json_with_a_value_of_the_wrong_kind_is_refused_at_load(tiny_pack: Path, tmp_path: Path, change,
                                                                        message: str) -> None:  # fmt: skip
    """They failed later with a TypeError or OverflowError (a negative rate after the whole text was spoken)."""
    import json
    import shutil

    from yuyin.engine.runtime import VoicePackError

    pack = shutil.copytree(tiny_pack, tmp_path / "pack")
    data = json.loads((pack / "voice.json").read_text())
    change(data)
    (pack / "voice.json").write_text(json.dumps(data))
    with pytest.raises(VoicePackError, match=f"not a usable voice pack: .*{message}"):
        Synthesizer.load(pack, device="cpu", warm_up=False)


class _WriteOnly:
    def write(self, data: bytes) -> int:
        return len(data)


class _TakesNothing(_WriteOnly):
    def write(self, data: bytes) -> int:
        return 0

    def flush(self) -> None:
        pass


class _Halves(io.RawIOBase):
    """An unbuffered output that takes half of each write (at least a byte)."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        taken = max(1, len(data) // 2)
        self.data += bytes(data[:taken])
        return taken


def _read_only() -> io.BufferedReader:
    return io.BufferedReader(io.BytesIO(b""))


def test_a_short_write_is_written_again_with_the_rest(tiny_synth: Synthesizer) -> None:
    whole, halves = io.BytesIO(), _Halves()
    tiny_synth.synthesize_to_wav("你好。", whole)
    tiny_synth.synthesize_to_wav("你好。", halves)
    # the same samples after the header (which says "length unknown" where the output cannot seek)
    assert len(halves.data) == len(whole.getvalue()) and bytes(halves.data[44:]) == whole.getvalue()[44:]


def test_a_timeline_times_one_request(tiny_synth: Synthesizer, tmp_path: Path) -> None:
    """A second request into the same Timeline was folded into its first sentence."""
    from yuyin.timestamps import Timeline

    timeline = Timeline()
    tiny_synth.synthesize_to_wav("你好。", tmp_path / "a.wav", timeline=timeline)
    with pytest.raises(ValueError, match="timeline already times another request's audio; give each request a new"):
        tiny_synth.synthesize_to_wav("世界。", tmp_path / "b.wav", timeline=timeline)
    assert not (tmp_path / "b.wav").exists()


def _closed() -> io.BytesIO:
    buffer = io.BytesIO()
    buffer.close()
    return buffer


@pytest.mark.parametrize("call, error, message", [
    (lambda s: list(s.synthesize(None)), TypeError, "text must be a str, got NoneType"),
    (lambda s: list(s.synthesize(b"\xe4\xbd\xa0")), TypeError, "got bytes \\(decode bytes first"),
    (lambda s: list(s.synthesize_ssml(123)), TypeError, "text must be a str, got int"),
    (lambda s: s.frontend(["你好"]), TypeError, "text must be a str, got list"),
    (lambda s: list(s.synthesize("你好", chunk_frames="16")), TypeError, "chunk_frames must be None or a whole"),
    (lambda s: list(s.synthesize("你好", chunk_frames=16.5)), TypeError, "chunk_frames must be None or a whole"),
    (lambda s: list(s.synthesize("你好", chunk_frames=0)), ValueError, "chunk_frames must be at least 1"),
    (lambda s: s.synthesize_to_wav("你好", 5), TypeError, "target must be a path or a binary file \\(write and flush\\), got int"),
    (lambda s: s.synthesize_to_wav("你好", io.StringIO()), TypeError, "a binary file \\(write and flush\\), got StringIO"),
    (lambda s: s.synthesize_to_wav("你好", _closed()), ValueError, "target is a closed file"),
    (lambda s: s.synthesize_to_wav("你好", _WriteOnly()), TypeError, "a binary file \\(write and flush\\), got _WriteOnly"),
    (lambda s: s.synthesize_to_wav("你好", _read_only()), ValueError, "target is a file not open for writing"),
    (lambda s: s.synthesize_to_wav("你好", _TakesNothing()), OSError, "the output took none of the audio"),
    (lambda s: SynthesisOptions(speed=10**400), OptionsError, "speed must be a finite number, got 1000"),
    (lambda s: SynthesisOptions(speaker=123), OptionsError, "speaker must be a speaker's name"),
    (lambda s: list(s.synthesize("你好", {"speed": None})), OptionsError, "speed must be a finite number, got None"),
    (lambda s: SynthesisOptions(style_intensity=None), OptionsError, "style_intensity must be a finite number"),
])  # fmt: skip
def test_api_misuse_is_a_clear_error(tiny_synth: Synthesizer, call, error, message: str) -> None:
    with pytest.raises(error, match=message):
        call(tiny_synth)


def test_numpy_whole_numbers_are_chunk_frames(tiny_synth: Synthesizer) -> None:
    chunks = [chunk.samples for chunk in tiny_synth.synthesize("你好。", chunk_frames=np.int64(8))]
    plain = [chunk.samples for chunk in tiny_synth.synthesize("你好。", chunk_frames=8)]
    assert len(chunks) == len(plain) > 1 and all(np.array_equal(a, b) for a, b in zip(chunks, plain))


def test_a_cut_made_for_length_alone_yields_no_empty_pause(tiny_synth: Synthesizer) -> None:
    text = "我们今天讨论的问题涉及经济社会文化教育科技医疗交通环境能源农业工业服务业等许多方面都需要认真研究" * 3
    chunks = list(tiny_synth.synthesize(text))
    assert len([c for c in chunks if not c.is_silence]) >= 2  # cut for length, without punctuation
    assert all(len(c.samples) > 0 for c in chunks)
