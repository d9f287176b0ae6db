/**
 * The yuyin web page: speak over the WebSocket while audio streams in (Web Audio), download
 * any format over HTTP, show normalised text, pinyin, time to first audio and real-time factor.
 * Control ranges and choices come from the server's OpenAPI schema, so they always match it.
 */
import { getJSON, post, postFile, synthesizeOverWebSocket } from "./api.js";
import { PcmPlayer } from "./player.js";

const $ = (id) => document.getElementById(id);
const SLIDERS = [["speed", "Speed 语速"], ["pitch", "Pitch 音调"], ["pitch_shift", "Pitch shift"],
  ["energy", "Energy 能量"], ["volume", "Volume 音量"], ["sentence_pause", "Pause 停顿 (s)"],
  ["style_intensity", "Intensity 强度"]];
const EXTENSIONS = { mp3: "mp3", opus: "ogg", aac: "aac", flac: "flac", wav: "wav", pcm: "pcm" };

// What happened, for the stats panel and for end-to-end tests (window.yuyin).
const state = (window.yuyin = { ready: false, frames: 0, samples: 0, bytes: 0, ttfa: null, rtf: null,
  audioSeconds: 0, done: false, error: null, download: null, reference: null, syllablesSpoken: 0, writtenLit: [],
  playing: false });
let voices = [];
let run = null;  // the speaking run: { player, session, ended, timer }; its audio may play on after its socket closes
let readAlong = null;  // the request's text in #readalong: { node, offsets } (code point -> UTF-16 offset)

function setStatus(message, isError = false) {
  $("status").textContent = message;
  $("status").classList.toggle("error", isError);
  if (isError) state.error = message;
}

function numericRange(property) {
  const numeric = property.anyOf ? property.anyOf.find((p) => p.type !== "null") : property;
  return { min: numeric.minimum, max: numeric.maximum, value: property.default };
}

function choices(property) {
  const options = property.anyOf ? property.anyOf.find((p) => p.enum) : property;
  return options.enum;
}

function buildSliders(properties) {
  const container = $("sliders");
  container.replaceChildren();
  for (const [name, label] of SLIDERS) {
    const { min, max, value } = numericRange(properties[name]);
    const row = document.createElement("div");
    row.className = "slider";
    row.innerHTML = `<label for="${name}">${bilingual(label)}</label>
      <input type="range" id="${name}" min="${min}" max="${max}" step="0.01">
      <output for="${name}"></output>`;
    container.append(row);
    const input = row.querySelector("input");
    const output = row.querySelector("output");
    input.dataset.default = value ?? "";
    input.value = value ?? min;  // a null default (voice default) shows as "auto" until moved
    input.dataset.touched = value == null ? "" : "yes";
    const show = () => {  // and what a screen reader says of it: "auto" too, not the number under it
      output.textContent = input.dataset.touched ? Number(input.value).toFixed(2) : "auto";
      input.setAttribute("aria-valuetext", output.textContent);
    };
    input.addEventListener("input", () => { input.dataset.touched = "yes"; show(); });
    input.reset = () => { input.value = value ?? min; input.dataset.touched = value == null ? "" : "yes"; show(); };
    show();
  }
}

/** "Speed 语速" -> the label's HTML, its Chinese words marked as Chinese (for screen readers). */
function bilingual(label) {
  return label.replace(/[\u4e00-\u9fff]+/g, (words) => `<span lang="zh-CN">${words}</span>`);
}

function fillSelect(select, items, selected) {
  select.replaceChildren(...items.map(([value, label]) => new Option(label, value, false, value === selected)));
}

function currentVoice() {
  return voices.find((v) => v.name === $("voice").value);
}

/** Speakers, styles and sliders of the chosen voice: what it does not support is disabled. */
function fillVoiceControls() {
  const voice = currentVoice();
  const speakers = voice ? voice.speakers : [];
  fillSelect($("speaker"), [["", speakers.length ? "default" : "single speaker"], ...speakers.map((s) => [s, s])], "");
  $("speaker").disabled = speakers.length === 0;
  fillSelect($("blend"), [["", speakers.length ? "none" : "single speaker"], ...speakers.map((s) => [s, s])], "");
  $("blend").disabled = $("blend_share").disabled = speakers.length === 0;
  const styles = voice ? voice.styles : [];
  fillSelect($("style"), [["", styles.length ? "neutral (default)" : "not for this voice"],
    ...styles.filter((s) => s !== "neutral").map((s) => [s, s])], "");
  $("style").disabled = styles.length === 0;
  for (const [name] of SLIDERS) {
    const supported = name === "style_intensity" ? styles.length > 0 : (voice?.controls ?? []).includes(name);
    $(name).disabled = !supported;
    $(name).closest(".slider").classList.toggle("unsupported", !supported);
    if (!supported) $(name).reset();
  }
}

/** Set a slider as if the user had moved it. */
function setSlider(name, value) {
  const input = $(name);
  input.value = value;
  input.dispatchEvent(new Event("input"));
}

/** The request controls as the API names them (untouched optional sliders are left out). */
function controls() {
  const request = { voice: $("voice").value || null };
  const speaker = $("speaker").value || currentVoice()?.default_speaker;
  if ($("blend").value && speaker) {  // a blend of two speakers, shares as the API reads them: A(0.5)+B(0.5)
    const share = Number($("blend_share").value);
    request.speaker = `${speaker}(${(1 - share).toFixed(2)})+${$("blend").value}(${share.toFixed(2)})`;
  } else if ($("speaker").value) request.speaker = $("speaker").value;
  state.speaker = request.speaker ?? null;
  if ($("sample_rate").value) request.sample_rate = Number($("sample_rate").value);
  if ($("style").value) request.style = $("style").value;
  if ($("ssml").checked) request.ssml = true;
  for (const [name] of SLIDERS) {
    const input = $(name);
    const scalesNoStyle = name === "style_intensity" && !request.style;  // the API refuses an intensity alone
    if (input.dataset.touched && !input.disabled && !scalesNoStyle) request[name] = Number(input.value);
  }
  return request;
}

function outputRate() {
  const voice = currentVoice();
  return Number($("sample_rate").value) || (voice ? voice.sample_rate : 24000);
}

function resetStats() {
  Object.assign(state, { frames: 0, samples: 0, bytes: 0, ttfa: null, rtf: null, audioSeconds: 0, done: false,
    error: null, syllablesSpoken: 0, writtenLit: [] });
  for (const id of ["ttfa", "rtf", "duration", "received"]) $(id).textContent = "–";
}

function showSentence({ index, text, pinyin, start }) {
  const item = document.createElement("li");
  item.id = `sentence-${index}`;
  item.innerHTML = `<div class="hanzi"></div><div class="pinyin"></div>`;
  item.querySelector(".hanzi").textContent = text;
  pinyin.forEach((syllable, position) => {  // one span per syllable, lit while it is spoken
    const span = document.createElement("span");
    span.id = `syllable-${index}-${position}`;
    span.textContent = syllable;
    item.querySelector(".pinyin").append(...(position ? [" ", span] : [span]));
  });
  if (start !== undefined) {
    const time = document.createElement("span");
    time.className = "time";
    time.textContent = `${start.toFixed(2)} s`;
    item.querySelector(".hanzi").append(time);
  }
  $("sentences").append(item);
}

// Light each syllable (its pinyin and the text it reads) when the player reaches it.
function scheduleSyllables(player, index, first, syllables) {
  syllables.forEach(({ start, source_span }, k) => player.at(start, () => {
    speakSyllable(index, first + k);
    lightWritten(source_span);
  }));
}

function speakSyllable(index, position) {
  document.querySelectorAll("#sentences .pinyin span.speaking").forEach((span) => span.classList.remove("speaking"));
  const span = $(`syllable-${index}-${position}`);
  if (span) { span.classList.add("speaking"); state.syllablesSpoken += 1; }
}

function showReadAlong(text, ssml) {
  const box = $("readalong");
  box.textContent = ssml ? "" : text;  // SSML: the server gives no offsets into markup
  readAlong = null;
  if (ssml || !box.firstChild) return;
  const offsets = [0];
  for (const char of text) offsets.push(offsets[offsets.length - 1] + char.length);
  readAlong = { node: box.firstChild, offsets };
}

// Light [start, end) of the written text (code points), where the page can (CSS Custom Highlight API).
function lightWritten(span) {
  if (!readAlong || !span || !(window.CSS && CSS.highlights)) return;
  const range = new Range();
  range.setStart(readAlong.node, readAlong.offsets[span[0]]);
  range.setEnd(readAlong.node, readAlong.offsets[span[1]]);
  CSS.highlights.set("written-speaking", new Highlight(range));
  state.writtenLit.push(range.toString());
  keepInView($("readalong"), range.getBoundingClientRect());
}

/** Scroll box, a scrolling container, so that rect (of its content) is in view; the page stays put. */
function keepInView(box, rect) {
  const view = box.getBoundingClientRect();
  if (rect.top < view.top || rect.bottom > view.bottom) box.scrollTop += rect.top - view.top - view.height / 3;
}

function clearWritten() {
  if (window.CSS && CSS.highlights) CSS.highlights.delete("written-speaking");
}

function highlight(index) {
  if (index === null) clearWritten();
  document.querySelectorAll("#sentences li.playing").forEach((li) => li.classList.remove("playing"));
  const item = index === null ? null : $(`sentence-${index}`);
  if (item) { item.classList.add("playing"); keepInView($("sentences"), item.getBoundingClientRect()); }
}

function clearHighlights() {
  highlight(null);
  document.querySelectorAll("#sentences .pinyin span.speaking").forEach((span) => span.classList.remove("speaking"));
}

/** Stop is offered while a run is synthesising or its audio is playing; Speak always (it replaces the run). */
function setBusy(busy) {
  if (!busy && document.activeElement === $("stop")) $("speak").focus();  // keep keyboard focus on the page
  $("stop").disabled = !busy;
}

/** End a run at once: its socket cancelled (or closed, if it has not opened yet), its audio silenced, its
 *  events and callbacks ignored from now on. */
function endRun(ended) {
  if (!ended || ended.ended) return;
  ended.ended = true;
  clearTimeout(ended.timer);
  if (ended.session) ended.session.cancel();
  ended.player.close();
  if (run === ended) { state.playing = false; clearHighlights(); setBusy(false); }
}

function stopPlayback() {
  if (!run || run.ended) return;
  endRun(run);
  setStatus("Stopped.");
}

/** After the socket of a run closes: the run ends when its audio has played. */
function endWhenPlayed(mine) {
  const left = mine.player.remaining();
  if (left > 0) mine.timer = setTimeout(() => endWhenPlayed(mine), left * 1000 + 50);
  else endRun(mine);
}

async function speak() {
  endRun(run);
  // The player is made in the click or key press itself, so that the browser lets it play.
  const mine = (run = { player: new PcmPlayer(outputRate()), session: null, ended: false, timer: null });
  resetStats();
  $("sentences").replaceChildren();
  clearWritten();
  showReadAlong($("text").value, $("ssml").checked);
  state.playing = true;
  setBusy(true);
  setStatus("Synthesising…");
  await mine.player.resume();
  if (mine.ended) return;  // replaced or stopped meanwhile
  const started = performance.now();
  mine.session = synthesizeOverWebSocket({ text: $("text").value, ...controls() }, {
    onAudio(bytes) {
      if (mine.ended) return;  // a replaced or stopped run's last frames
      if (state.ttfa === null) {
        state.ttfa = (performance.now() - started) / 1000;
        $("ttfa").textContent = `${Math.round(state.ttfa * 1000)} ms`;
        setStatus("Playing while streaming…");
      }
      state.frames += 1;
      state.bytes += bytes.byteLength;
      state.samples += mine.player.push(bytes);
      $("received").textContent = `${(state.bytes / 1024).toFixed(0)} KB`;
      $("duration").textContent = `${(state.samples / mine.player.sampleRate).toFixed(2)} s`;
    },
    onEvent(event) {
      if (mine.ended) return;
      const player = mine.player;
      if (event.type === "start" && event.sample_rate !== player.sampleRate) setStatus("Unexpected sample rate", true);
      if (event.type === "sentence") {
        showSentence(event);
        player.at(event.start, () => highlight(event.index));
        if (!event.syllables) player.at(event.start, () => lightWritten(event.source_span));  // untimed syllables
        scheduleSyllables(player, event.index, 0, event.syllables || []);
      }
      if (event.type === "syllables") scheduleSyllables(player, event.index, event.first, event.syllables);
      if (event.type === "done") {
        Object.assign(state, { done: true, rtf: event.rtf, audioSeconds: event.audio_seconds });
        $("rtf").textContent = event.rtf.toFixed(3);
        setStatus(`Done: ${event.audio_seconds.toFixed(2)} s of audio in ${event.elapsed.toFixed(2)} s ` +
          `(server time to first audio ${Math.round(event.ttfa * 1000)} ms)`);
      }
      if (event.type === "error") setStatus(event.message, true);
    },
    onClose(finished) {
      if (mine.ended) return;
      if (!finished) setStatus("The connection to the server was lost.", true);
      endWhenPlayed(mine);  // what arrived plays on, and Stop stays offered until it has
    },
  });
}

async function preview() {
  try {
    const body = { text: $("text").value, voice: $("voice").value || null, ssml: $("ssml").checked };
    const result = await (await post("/api/frontend", body)).json();
    $("sentences").replaceChildren();
    result.sentences.forEach((sentence, index) => showSentence({ index, ...sentence }));
    setStatus(`Normalised: ${result.normalized}`);
  } catch (error) {
    setStatus(error.message, true);
  }
}

async function download() {
  const format = $("format").value;
  setStatus(`Preparing ${format}…`);
  try {
    const response = await post("/api/synthesize", { text: $("text").value, ...controls(), format, stream: false });
    const blob = await response.blob();
    let seconds = Number(response.headers.get("X-Audio-Duration"));
    if (format !== "pcm") {  // check that the browser can decode what it downloads
      const decoder = new OfflineAudioContext(1, 1, outputRate());
      seconds = (await decoder.decodeAudioData(await blob.arrayBuffer())).duration;
    }
    state.download = { format, bytes: blob.size, seconds };
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `yuyin.${EXTENSIONS[format]}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    setStatus(`Downloaded ${link.download}: ${seconds.toFixed(2)} s, ${(blob.size / 1024).toFixed(0)} KB`);
  } catch (error) {
    setStatus(error.message, true);
  }
}

/** Measure the chosen clip on the server and move the sliders to the controls it implies. */
async function analyseReference() {
  const file = $("reference").files[0];
  if (!file) return setStatus("Choose an audio clip first.", true);
  $("reference_result").textContent = "Measuring…";
  const query = new URLSearchParams({ voice: $("voice").value });
  if ($("speaker").value) query.set("speaker", $("speaker").value);
  if ($("reference_text").value.trim()) query.set("transcript", $("reference_text").value.trim());
  try {
    const result = await postFile(`/api/reference?${query}`, file);
    for (const [name, value] of Object.entries(result.controls)) setSlider(name, value);
    const m = result.measured;
    const f0 = 100 * 2 ** (m.f0_level / 12);
    $("reference_result").textContent = `Clip: f0 ${f0.toFixed(0)} Hz, range ${m.f0_range.toFixed(1)} st, ` +
      `${m.rate.toFixed(1)} syllables/s${m.syllables_estimated ? " (estimated)" : ""}, energy range ` +
      `${m.energy_range.toFixed(1)} dB → ` +
      Object.entries(result.controls).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ");
    state.reference = result;
    setStatus("Controls set from the clip; press Speak.");
  } catch (error) {
    $("reference_result").textContent = error.message;  // beside the clip, and in the status line
    setStatus(error.message, true);
  }
}

async function waitForVoices() {
  for (;;) {
    try {
      return await getJSON("/api/voices");
    } catch (error) {
      setStatus(`Waiting for the server: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function init() {
  const [openapi, voiceList] = await Promise.all([getJSON("/openapi.json"), waitForVoices()]);
  voices = voiceList;
  const properties = openapi.components.schemas.SynthesizeRequest.properties;
  buildSliders(properties);
  fillSelect($("voice"), voices.map((v) => [v.name, `${v.name} · ${v.sample_rate / 1000} kHz`]),
    voices.find((v) => v.default)?.name);
  fillVoiceControls();
  fillSelect($("sample_rate"), [["", "voice default"], ...choices(properties.sample_rate).map((r) => [String(r), `${r} Hz`])], "");
  fillSelect($("format"), choices(properties.format).map((f) => [f, f]), "mp3");
  $("voice").addEventListener("change", fillVoiceControls);
  $("analyse").addEventListener("click", analyseReference);
  $("speak").addEventListener("click", speak);
  $("stop").addEventListener("click", stopPlayback);
  $("preview").addEventListener("click", preview);
  $("download").addEventListener("click", download);
  $("reset").addEventListener("click", () => { SLIDERS.forEach(([name]) => $(name).reset()); $("style").value = ""; });
  $("text").addEventListener("keydown", (event) => { if (event.key === "Enter" && event.ctrlKey) speak(); });
  state.ready = true;
  setStatus("Ready. Ctrl+Enter speaks.");
}

init().catch((error) => setStatus(error.message, true));
