"""The web page at ``/`` in real headless Chromium (Selenium + chromedriver) against ``yuyin serve``.

Checks that audio streams in over the WebSocket and is scheduled with Web Audio, that pinyin,
time to first audio and real-time factor show, that every download format is decodable by the
browser itself, and that errors are shown. Needs Debian's ``chromium`` and ``chromium-driver``.
A screenshot of the page after speaking is written to ``$YUYIN_SCREENSHOT`` if set.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

import selenium.webdriver as webdriver

from yuyin.frontend import BakerFrontend  # noqa: E402
from yuyin.server.process import ServerProcess  # noqa: E402

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
CHROMEDRIVER = shutil.which("chromedriver")
# Developers without a browser may skip; CI installs chromium, so there a missing browser fails.
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER) and not os.environ.get("CI"),
                                reason="needs chromium and chromedriver (apt-get install chromium chromium-driver)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
         "--window-size=1280,1000"]  # fmt: skip
TEXT = "今天天气很好，我们一起去公园散步吧。这是第二句话！"


@pytest.fixture(scope="module")
def server(tiny_server):
    return tiny_server


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory, downloads):
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})  # fmt: skip
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, server):
    browser.get(server.url + "/")
    wait_for(browser, "return window.yuyin && window.yuyin.ready")
    return browser


def wait_for(driver, script: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for: {script}; page state: {driver.execute_script('return window.yuyin')}")


def set_text(driver, text: str) -> None:
    driver.execute_script("document.getElementById('text').value = arguments[0]", text)


def set_slider(driver, name: str, value: float) -> None:
    driver.execute_script("const s = document.getElementById(arguments[0]); s.value = arguments[1];"
                          "s.dispatchEvent(new Event('input'))", name, value)  # fmt: skip


def text_of(driver, element_id: str) -> str:
    return driver.find_element("id", element_id).text


def test_speak_streams_plays_and_shows_pinyin_and_timing(page) -> None:
    set_text(page, TEXT)
    set_slider(page, "speed", 1.5)
    page.find_element("id", "speak").click()
    state = wait_for(page, "return window.yuyin.done && window.yuyin")
    assert state["error"] is None
    assert state["frames"] > 2 and state["samples"] / 24000 == pytest.approx(state["audioSeconds"], abs=1e-3)
    assert 0 < state["ttfa"] < 10 and 0 < state["rtf"] < 5
    assert text_of(page, "ttfa").endswith("ms") and float(text_of(page, "rtf")) > 0
    units = list(BakerFrontend().analyze(TEXT))
    shown = page.execute_script("return [...document.querySelectorAll('#sentences li')].map("
                                "li => [li.querySelector('.hanzi').firstChild.textContent, "
                                "li.querySelector('.pinyin').textContent])")  # fmt: skip
    assert shown == [[unit.text, " ".join(unit.pinyin)] for unit in units]
    syllables = sum(len(unit.pinyin) for unit in units)  # each lit in turn as the audio plays it
    assert wait_for(page, f"return window.yuyin.syllablesSpoken >= {syllables} && window.yuyin.syllablesSpoken")
    # the text as typed is lit along, one character per syllable here
    assert "".join(page.execute_script("return window.yuyin.writtenLit")) == TEXT.translate({ord(mark): None for mark in "，。！"})
    assert text_of(page, "readalong") == TEXT
    if os.environ.get("YUYIN_SCREENSHOT"):
        page.save_screenshot(os.environ["YUYIN_SCREENSHOT"])


def test_sample_rate_choice_streams_at_that_rate(page) -> None:
    set_text(page, "你好，世界。")
    page.execute_script("document.getElementById('sample_rate').value = '16000'")
    page.find_element("id", "speak").click()
    state = wait_for(page, "return window.yuyin.done && window.yuyin")
    assert state["samples"] / 16000 == pytest.approx(state["audioSeconds"], abs=2e-3)


@pytest.mark.parametrize("fmt", ["mp3", "opus", "aac", "flac", "wav"])
def test_download_is_decoded_by_the_browser(page, downloads, fmt: str) -> None:
    set_text(page, TEXT)
    page.execute_script("document.getElementById('format').value = arguments[0]", fmt)
    page.find_element("id", "download").click()
    result = wait_for(page, "return window.yuyin.download || window.yuyin.error")
    assert isinstance(result, dict), result
    assert result["format"] == fmt and result["bytes"] > 1000 and 1.0 < result["seconds"] < 30
    name = "yuyin." + {"opus": "ogg"}.get(fmt, fmt)
    deadline = time.monotonic() + 10
    while not (downloads / name).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert (downloads / name).stat().st_size == result["bytes"]


def test_preview_shows_normalised_text(page) -> None:
    set_text(page, "2024年3月5日")
    page.find_element("id", "preview").click()
    wait_for(page, "return document.querySelectorAll('#sentences li').length > 0")
    [unit] = BakerFrontend().analyze("2024年3月5日")
    assert unit.text in text_of(page, "status") and " ".join(unit.pinyin) in text_of(page, "sentences")


def test_preview_of_ssml_reads_its_spoken_text_not_its_tags(page) -> None:
    page.find_element("id", "ssml").click()
    set_text(page, '<speak>银行<break time="300ms"/>行长</speak>')
    page.find_element("id", "preview").click()
    wait_for(page, "return document.querySelectorAll('#sentences li').length > 1")
    assert "yin2 hang2" in text_of(page, "sentences") and "hang2 zhang3" in text_of(page, "sentences")
    assert "speak" not in text_of(page, "status")


@pytest.mark.parametrize("width", [320, 360, 768])
def test_the_page_fits_a_phones_width_without_scrolling_sideways(browser, server, width: int) -> None:
    """At 320 CSS px it was 356 px wide: the control rows' selects and the reference fieldset kept
    their content's width."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": 700, "deviceScaleFactor": 2, "mobile": True})  # fmt: skip
    try:
        browser.get(server.url + "/")
        wait_for(browser, "return window.yuyin && window.yuyin.ready")
        scroll, client = browser.execute_script("const root = document.documentElement;"
                                                "return [root.scrollWidth, root.clientWidth]")  # fmt: skip
        assert client == width and scroll <= client
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_api_docs_render_without_internet(browser, server) -> None:
    """Swagger UI draws the API from this server's own assets (the test machine has no CDN either)."""
    browser.get(server.url + "/docs")
    title = wait_for(browser, "const t = document.querySelector('.swagger-ui .info .title'); return t && t.textContent")
    assert title.startswith("yuyin")
    paths = browser.execute_script("return [...document.querySelectorAll('.opblock-summary-path')].map(e => e.textContent)")
    assert "/v1/audio/speech" in paths and "/api/synthesize" in paths


def test_errors_are_shown(page) -> None:
    set_text(page, "🙂🙂")
    page.find_element("id", "speak").click()
    message = wait_for(page, "return window.yuyin.error")
    assert "nothing to pronounce" in message
    assert "error" in page.find_element("id", "status").get_attribute("class")


def speak_and_wait(page, text: str) -> dict:
    set_text(page, text)
    page.find_element("id", "speak").click()
    state = wait_for(page, "return window.yuyin.done && window.yuyin")
    assert state["error"] is None, state
    return state


def test_stop_is_offered_until_the_audio_has_played_and_silences_it(page) -> None:
    """Synthesis ends long before playback: Stop stays offered while the audio plays, and stops it."""
    stop = page.find_element("id", "stop")
    speak_and_wait(page, "今天天气很好，我们一起去公园散步吧。" * 6)  # the socket has closed; the audio plays on
    assert page.execute_script("return window.yuyin.playing") and stop.is_enabled()
    stop.click()
    assert text_of(page, "status") == "Stopped." and not stop.is_enabled()
    assert not page.execute_script("return window.yuyin.playing || document.querySelector('#sentences li.playing')")
    speak_and_wait(page, "你好。")  # played to its end, Stop goes, the status stays
    wait_for(page, "return !window.yuyin.playing")
    assert not stop.is_enabled() and text_of(page, "status").startswith("Done:")


SOCKETS_KEPT = """window.__sockets = []; const NativeSocket = window.WebSocket;
window.WebSocket = class extends NativeSocket { constructor(...args) { super(...args); window.__sockets.push(this); } };"""


def test_speaking_again_ends_the_run_before_it(browser, server) -> None:
    """Ctrl+Enter pressed three times during a run: the earlier runs' sockets are closed (their
    synthesis stops on the server), the last run is spoken to its end with Stop offered, and
    nothing of the earlier runs ("Stopped.") shows."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": SOCKETS_KEPT})
    try:
        browser.get(server.url + "/")
        wait_for(browser, "return window.yuyin && window.yuyin.ready")
        set_text(browser, "今天天气很好，我们一起去公园散步吧。" * 20)
        browser.find_element("id", "speak").click()
        wait_for(browser, "return window.yuyin.ttfa !== null")
        browser.find_element("id", "text").click()
        chord = ActionChains(browser).key_down(Keys.CONTROL)
        chord.send_keys(Keys.ENTER).send_keys(Keys.ENTER).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
        state = wait_for(browser, "return window.yuyin.done && window.yuyin")
        assert state["error"] is None and state["playing"]
        assert browser.find_element("id", "stop").is_enabled()
        sockets = browser.execute_script("return window.__sockets.map((socket) => socket.readyState)")
        assert len(sockets) >= 2 and all(ready >= 2 for ready in sockets[:-1]), sockets  # CLOSING or CLOSED
        statuses_seen = text_of(browser, "status")
        assert statuses_seen.startswith("Done:"), statuses_seen
        browser.find_element("id", "stop").click()
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]})


def test_style_picker_intensity_and_ssml_reach_the_audio(page) -> None:
    styles = page.execute_script("return [...document.getElementById('style').options].map(o => o.value)")
    assert styles == ["", "happy", "sad", "angry", "surprised", "fearful", "gentle", "serious"]
    neutral = speak_and_wait(page, TEXT)["audioSeconds"]
    page.execute_script("document.getElementById('style').value = 'sad'")
    set_slider(page, "style_intensity", 2.0)
    sad = speak_and_wait(page, TEXT)["audioSeconds"]
    assert sad > neutral * 1.15  # sad speaks slower, more so at intensity 2
    page.find_element("id", "reset").click()
    page.find_element("id", "ssml").click()
    plain = speak_and_wait(page, "<speak>你好，世界。</speak>")["audioSeconds"]
    paused = speak_and_wait(page, '<speak>你好，<break time="1500ms"/>世界。</speak>')["audioSeconds"]
    assert paused - plain == pytest.approx(1.5, abs=0.3)
    set_text(page, "<speak>你好<mark name=\"m\"/>世界</speak>")
    page.find_element("id", "speak").click()
    assert "unsupported tag <mark>" in wait_for(page, "return window.yuyin.error")


@pytest.fixture
def baker_page(browser, baker_dir):
    with ServerProcess(["--voice", str(baker_dir), "--device", "cpu"]) as process:
        browser.get(process.url + "/")
        wait_for(browser, "return window.yuyin && window.yuyin.ready")
        yield browser


@pytest.mark.voice
def test_reference_clip_sets_the_sliders_and_speaks(baker_page, baker_synth, tmp_path) -> None:
    from yuyin import SynthesisOptions

    text = "欢迎使用语音合成服务，祝您生活愉快，我们明天再见。"
    clip = tmp_path / "reference.wav"
    baker_synth.synthesize_to_wav(text, clip, SynthesisOptions(speed=1.4, pitch_shift=0.5))
    baker_page.find_element("id", "reference").send_keys(str(clip))
    baker_page.find_element("id", "reference_text").send_keys(text)
    baker_page.find_element("id", "analyse").click()
    result = wait_for(baker_page, "return window.yuyin.reference || window.yuyin.error")
    assert isinstance(result, dict), result
    controls = result["controls"]
    assert controls["speed"] > 1.2 and controls["pitch_shift"] > 0.2
    for name, value in controls.items():
        shown = float(baker_page.execute_script("return document.getElementById(arguments[0]).value", name))
        assert shown == pytest.approx(value, abs=0.006)  # the slider's 0.01 step
    assert "syllables/s" in text_of(baker_page, "reference_result")
    state = speak_and_wait(baker_page, "你好，世界。")
    assert state["audioSeconds"] > 0.5


@pytest.fixture
def two_voice_page(browser, tiny_pack, tiny_ttskit_pack):
    with ServerProcess(["--voice", str(tiny_pack), "--voice", str(tiny_ttskit_pack), "--device", "cpu"]) as process:
        browser.get(process.url + "/")
        wait_for(browser, "return window.yuyin && window.yuyin.ready")
        yield browser


def test_speaker_picker_offers_usable_speakers_and_the_voice_controls(two_voice_page) -> None:
    page = two_voice_page
    options = "return [...document.getElementById(arguments[0]).options].map(o => o.value)"
    disabled = "return document.getElementById(arguments[0]).disabled"
    assert page.execute_script(disabled, "speaker") and not page.execute_script(disabled, "pitch")
    page.execute_script("const v = document.getElementById('voice'); v.value = 'tiny-ttskit';"
                        "v.dispatchEvent(new Event('change'))")  # fmt: skip
    assert page.execute_script(options, "speaker") == ["", "Aiqi", "biaobei"]  # Xiaowei never stops: not offered
    for name in ("pitch", "pitch_shift", "energy", "style", "style_intensity"):
        assert page.execute_script(disabled, name), name
    assert not page.execute_script(disabled, "speed")
    page.execute_script("document.getElementById('speaker').value = 'Aiqi'")
    state = speak_and_wait(page, "你好，世界。")
    assert state["samples"] / 22050 == pytest.approx(state["audioSeconds"], abs=2e-3)
    # Tacotron2 times its syllables as it decodes them ("syllables" events): each is lit in turn
    assert wait_for(page, "return window.yuyin.syllablesSpoken >= 4 && window.yuyin.syllablesSpoken") == 4
    assert "".join(page.execute_script("return window.yuyin.writtenLit")) == "你好世界"


def test_blend_picker_sends_a_speaker_blend(two_voice_page) -> None:
    page = two_voice_page
    disabled = "return document.getElementById(arguments[0]).disabled"
    assert page.execute_script(disabled, "blend") and page.execute_script(disabled, "blend_share")  # baker: one speaker
    page.execute_script("const v = document.getElementById('voice'); v.value = 'tiny-ttskit';"
                        "v.dispatchEvent(new Event('change'))")  # fmt: skip
    assert page.execute_script("return [...document.getElementById('blend').options].map(o => o.value)") == [
        "", "Aiqi", "biaobei"]
    page.execute_script("document.getElementById('blend').value = 'Aiqi';"
                        "document.getElementById('blend_share').value = '0.3'")  # fmt: skip
    state = speak_and_wait(page, "你好，世界。")  # no speaker picked: the voice's default is blended
    assert state["speaker"] == "biaobei(0.70)+Aiqi(0.30)" and state["samples"] > 0
