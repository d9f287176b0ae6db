/**
 * Gapless playback of streamed mono s16le PCM with Web Audio.
 *
 * Each received frame becomes an AudioBuffer scheduled right after the previous one, so audio
 * starts with the first frame and later frames join without gaps. `at(position, callback)`
 * runs callback when the stream position (seconds of audio) starts playing.
 */
export class PcmPlayer {
  constructor(sampleRate) {
    this.context = new AudioContext({ sampleRate });
    this.sampleRate = sampleRate;
    this.position = 0;     // seconds of audio scheduled so far
    this.offset = null;    // context time minus stream position of the scheduled audio
    this.marks = [];       // [position, callback] waiting for their audio to be scheduled
    this.timers = new Set();
  }

  async resume() {
    if (this.context.state === "suspended") await this.context.resume();
  }

  /** Schedule one frame of PCM bytes; returns the number of samples. */
  push(bytes) {
    const pcm = new Int16Array(bytes);
    if (pcm.length === 0) return 0;
    const buffer = this.context.createBuffer(1, pcm.length, this.sampleRate);
    const channel = buffer.getChannelData(0);
    for (let i = 0; i < pcm.length; i++) channel[i] = pcm[i] / 32768;
    const lead = this.context.currentTime + 0.05;
    if (this.offset === null || this.offset + this.position < lead) this.offset = lead - this.position;  // (re)start
    const source = this.context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.context.destination);
    source.start(this.offset + this.position);
    this.position += buffer.duration;
    this.flushMarks();
    return pcm.length;
  }

  at(position, callback) {
    this.marks.push([position, callback]);
    this.flushMarks();
  }

  flushMarks() {
    if (this.offset === null) return;
    this.marks = this.marks.filter(([position, callback]) => {
      if (position >= this.position) return true;
      const delay = Math.max(0, (this.offset + position - this.context.currentTime) * 1000);
      const timer = setTimeout(() => { this.timers.delete(timer); callback(); }, delay);
      this.timers.add(timer);
      return false;
    });
  }

  /** Seconds until everything scheduled has played. */
  remaining() {
    return this.offset === null ? 0 : Math.max(0, this.offset + this.position - this.context.currentTime);
  }

  async close() {
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    if (this.context.state !== "closed") await this.context.close();
  }
}
