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
    this.due = [];         // [position, callback] scheduled, in position order (ties: as asked)
    this.timer = null;     // the one timer, for the first of this.due
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
    const ready = this.marks.filter(([position]) => position < this.position);
    if (ready.length === 0) return;
    this.marks = this.marks.filter(([position]) => position >= this.position);
    for (const mark of ready) {  // keep this.due in order, so callbacks run in stream order
      let at = this.due.length;
      while (at > 0 && this.due[at - 1][0] > mark[0]) at--;
      this.due.splice(at, 0, mark);
    }
    this.wake();
  }

  /** One timer for the first due mark: marks never overtake each other (one timer each could,
   *  when two are due at nearly the same time). */
  wake() {
    clearTimeout(this.timer);
    if (this.due.length === 0) return;
    const delay = Math.max(0, (this.offset + this.due[0][0] - this.context.currentTime) * 1000);
    this.timer = setTimeout(() => {
      const now = this.context.currentTime + 0.01;  // the context clock moves in render quanta
      while (this.due.length > 0 && this.offset + this.due[0][0] <= now) this.due.shift()[1]();
      this.wake();
    }, delay);
  }

  /** Seconds until everything scheduled has played. */
  remaining() {
    return this.offset === null ? 0 : Math.max(0, this.offset + this.position - this.context.currentTime);
  }

  async close() {
    clearTimeout(this.timer);
    this.due = [];
    if (this.context.state !== "closed") await this.context.close();
  }
}
