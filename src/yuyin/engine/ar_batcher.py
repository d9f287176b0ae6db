"""Decode scheduler for autoregressive (Tacotron2) voices: one worker thread, many callers.

Callers :meth:`ARBatcher.submit` id sequences and get one :class:`DecodeItem` each: a handle
they read decoder frames from *while* the item is still decoding (streaming), and may
:meth:`~DecodeItem.cancel`. The worker runs **continuous batching**: between any two decoder
steps it admits pending items (FIFO, up to ``max_batch_size`` rows), encodes the newcomers
together and merges their state into the running batch (memory zero-padded to the longest
text and masked, see :meth:`DecoderState.concat`); an item that stops, hits its limit or is
cancelled leaves at once, and the memory is cut back to the longest remaining text. So items
never wait for a whole batch to finish, and rows of different lengths cost only attention
padding (the length buckets a static batcher needs are unnecessary). When the worker is
idle, it waits up to ``max_wait_ms`` after the first arrival so that requests arriving
together are encoded as one batch.

Every item draws its prenet-dropout masks from its own generator (seeded per item), so what
an item decodes does not depend on what it is batched with, up to float rounding (tested:
<= 1e-5 per step on tiny random weights). The decoder carries that rounding on from step to
step: on the real ttskit voice a seeded sentence decoded beside another drifts in phase (20-30
dB SNR against its lone run for some seeds) and may end a frame later, while its speech stays
the same (log-spectral distance <= 0.3 dB; two seeds differ by 12-14 dB). Where an item stops
is decided by :class:`StopRule`.

Thread safety: the only state shared between requests is the pending queue (bounded by
``max_pending``; a full queue raises :class:`SchedulerBusy`) and each item's frame list, both
behind locks; model tensors are only touched by the worker thread.
"""
from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import torch

from yuyin.engine.batching import IDLE_EXIT_S, start_worker, stop_at_exit
from yuyin.models.tacotron2 import DecoderState, Tacotron2, max_steps_guard

log = logging.getLogger(__name__)
DEFAULT_BATCH_SIZE = 16  # rows decoded together; servers size it by memory (yuyin.engine.memory)


class SchedulerBusy(RuntimeError):
    """The decode queue is full; try again later."""


class DecodeFailed(RuntimeError):
    """The worker failed while decoding this item (the cause is chained)."""


@dataclass(frozen=True)
class StopRule:
    """Where an item's decoding ends and which of its frames are kept.

    - ``max_jump``: the attention may not peak more than this many ids past the farthest
      position it has peaked at so far (a row that would is re-attended with those positions
      masked, see ``Decoder.step``). Healthy runs never jump more than 4 ids (24 speakers x 12
      sentences x 5 seeds); Xiaogang attends to the end of a short text at step 0 and stops after
      3-4 frames, Yina jumps to the end mid-sentence and back. Rows that respect it are untouched.
    - The original's gate rule (stop when sigmoid(gate) > ``gate_threshold``, drop the stop
      frame) counts only once the attention has reached the last ``end_region`` ids (the
      ``- punct - ~ _`` tail); a gate firing earlier is ignored.
    - ``dwell_frames``: once the attention is in the end region, an item whose gate still has
      not fired after this many frames ends at its highest gate frame since (Yina's gate often
      peaks at 0.7 there and never reaches 0.8).
    - The decode-length guard (``Tacotron2.max_steps_for``) ends the rest: frames kept
      are all frames if the attention never reached the end, else as for ``dwell_frames``.

    Frames before the attention reached the end region are always kept, so a streaming
    consumer can use them at once (:attr:`DecodeItem.settled`).
    """

    gate_threshold: float = 0.8
    end_region: int = 5
    dwell_frames: int = 40
    max_jump: int = 4


class DecodeItem:
    """One id sequence's decoding: frames appear as the worker produces them.

    Read with :meth:`wait` and :meth:`frames`; :attr:`end` (frames to keep) is set when done.
    """

    def __init__(self, ids: Sequence[int], speaker: torch.Tensor, seed: int, max_steps: int) -> None:
        self.ids = list(ids)
        self.speaker = speaker  # [32] speaker input vector
        self.seed = seed
        self.max_steps = max_steps
        self.submitted = time.perf_counter()
        self._cond = threading.Condition()
        self._frames: list[torch.Tensor] = []  # [M] decoder frames (before the postnet)
        self._peaks: list[int] = []  # per frame: the id position its attention peaked on
        self._want = 1
        self._settled = 0
        self._done = False
        self._cancelled = False
        self._error: BaseException | None = None
        self.end: int | None = None  # frames to keep, once done
        self.reason = ""  # "gate", "dwell", "limit", "cancelled" or "error"

    # -- consumer side ------------------------------------------------------------------
    def wait(self, count: int, timeout: float | None = None) -> int:
        """Block until ``count`` frames are settled or decoding is done; returns settled frames
        (all frames once done). Raises :class:`DecodeFailed` if the worker failed."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            self._want = count
            while not self._done and self._settled < count:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    raise TimeoutError(f"decoding did not reach frame {count} in {timeout} s")
                self._cond.wait(remaining)
            if self._error is not None:
                raise DecodeFailed(str(self._error)) from self._error
            return len(self._frames) if self._done else self._settled

    def frames(self, start: int, stop: int) -> torch.Tensor:
        """Decoder frames [M, stop - start] (must already be available)."""
        with self._cond:
            chunk = self._frames[start:stop]
        if len(chunk) != stop - start:
            raise IndexError(f"frames {start}:{stop} not available ({len(self._frames)} decoded)")
        return torch.stack(chunk, dim=1)

    def peaks(self) -> list[int]:
        """Per decoded frame, the position in ``ids`` its attention weighed most."""
        with self._cond:
            return list(self._peaks)

    @property
    def done(self) -> bool:
        return self._done

    @property
    def decoded(self) -> int:
        return len(self._frames)

    @property
    def settled(self) -> int:
        """Frames certainly kept whatever the stop decision (all frames once done)."""
        return len(self._frames) if self._done else self._settled

    def cancel(self) -> None:
        """Stop decoding this item; the worker drops it before its next step."""
        with self._cond:
            if not self._done:
                self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    # -- worker side --------------------------------------------------------------------
    def _push(self, frame: torch.Tensor, settled: int, peak: int) -> None:
        with self._cond:
            self._frames.append(frame)
            self._peaks.append(peak)
            self._settled = settled
            if settled >= self._want:
                self._cond.notify_all()

    def _finish(self, end: int | None, reason: str, error: BaseException | None = None) -> None:
        with self._cond:
            self.end = len(self._frames) if end is None else end
            self.reason, self._error, self._done = reason, error, True
            self._cond.notify_all()


class StopTracker:
    """:class:`StopRule` applied to one item, frame by frame (pure bookkeeping, no tensors)."""

    def __init__(self, rule: StopRule, length: int, max_steps: int) -> None:
        self.rule, self.length, self.max_steps = rule, length, max_steps
        self.frames = 0
        self.entered = -1  # frame at which the attention reached the end region
        self.best_gate, self.best_frame = -1.0, -1

    @property
    def settled(self) -> int:
        """Frames kept whatever is decided later."""
        return self.frames if self.entered < 0 else self.entered

    def observe(self, gate: float, place: int) -> tuple[int, str] | None:
        """Take one frame's gate probability and attention peak; returns (frames to keep,
        reason) when the item ends with this frame, else None."""
        rule, t = self.rule, self.frames
        self.frames += 1
        in_end = place >= self.length - rule.end_region
        if in_end and self.entered < 0:
            self.entered = t
        if self.entered >= 0 and gate > self.best_gate:
            self.best_gate, self.best_frame = gate, t
        if in_end and gate > rule.gate_threshold:
            return t, "gate"  # the stop frame is dropped, as the original does
        if self.entered >= 0 and t - self.entered >= rule.dwell_frames:
            return self.best_frame, "dwell"
        if t + 1 >= self.max_steps:
            return (self.best_frame if self.entered >= 0 else t + 1), "limit"
        return None


MASK_BLOCK = 32  # prenet-dropout steps drawn at once per item


@dataclass
class _Row:
    """Worker-side bookkeeping of one item in the running batch."""

    item: DecodeItem
    generator: torch.Generator
    tracker: StopTracker
    masks: torch.Tensor | None = None  # [MASK_BLOCK, layers, P] drawn ahead
    used: int = MASK_BLOCK

    def next_masks(self, layers: int, dim: int, keep: float) -> torch.Tensor:
        """This item's [layers, P] prenet masks for its next step.

        Drawn MASK_BLOCK steps at a time: one ``bernoulli_`` over [MASK_BLOCK * layers, P]
        consumes the generator exactly as MASK_BLOCK * layers draws of [1, P] in step order do,
        i.e. as ``F.dropout`` in the original (``PrenetDropout``); tested against it.
        """
        if self.used == MASK_BLOCK:
            block = torch.empty(MASK_BLOCK * layers, dim).bernoulli_(keep, generator=self.generator).div_(keep)
            self.masks, self.used = block.view(MASK_BLOCK, layers, dim), 0
        self.used += 1
        return self.masks[self.used - 1]


class ARBatcher:
    """Continuous-batching decode loop for one Tacotron2 on one device (see module doc)."""

    def __init__(
        self, model: Tacotron2, *, max_batch_size: int = DEFAULT_BATCH_SIZE, max_wait_ms: float = 2.0,
        max_pending: int = 256, stop_rule: StopRule | None = None, threads: int | None = 1,
        idle_exit_s: float = IDLE_EXIT_S,
    ) -> None:  # fmt: skip
        """threads: CPU threads of the decoder's own ops (None: the process setting). One is the
        default: a decoder step is a chain of small matrix-vector products that gain little
        from a second thread, and the callers' vocoders run meanwhile on the other cores.
        idle_exit_s: the worker thread ends after this long without work (the next submit starts
        another), so an unused scheduler does not keep its model alive."""
        if max_batch_size < 1 or max_pending < 1:
            raise ValueError("max_batch_size and max_pending must be at least 1")
        self.model = model
        self.threads = threads
        self.max_batch_size, self.max_wait_s, self.max_pending = max_batch_size, max_wait_ms / 1000, max_pending
        self.idle_exit_s = idle_exit_s
        self.rule = stop_rule or StopRule()
        self._lock = threading.Condition()
        self._pending: deque[DecodeItem] = deque()
        self._closed = False
        self._thread: threading.Thread | None = None
        self._rows: list[_Row] = []
        self._state: DecoderState | None = None
        self.steps = 0  # decoder steps run (all rows at once), for tests and metrics
        self.max_rows_seen = 0
        stop_at_exit(self)

    @property
    def active(self) -> int:
        """Items decoding or waiting (a snapshot)."""
        with self._lock:
            return len(self._rows) + len(self._pending)

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device

    def submit(self, sequences: Sequence[Sequence[int]], speaker: torch.Tensor, seed: int) -> list[DecodeItem]:
        """Queue id sequences (one item each, all for one speaker [32] and seed); returns their
        handles in order. Raises :class:`SchedulerBusy` when the queue cannot take them all."""
        c = self.model.config
        for ids in sequences:
            if not ids or min(ids) < 0 or max(ids) >= c.n_symbols:
                raise ValueError(f"ids must be a non-empty sequence of 0..{c.n_symbols - 1}")
        items = [DecodeItem(ids, speaker, seed, max_steps_guard(len(ids), c)) for ids in sequences]
        with self._lock:
            if self._closed:
                raise RuntimeError("the decode scheduler is closed")
            if len(self._pending) + len(items) > self.max_pending:
                raise SchedulerBusy(f"decode queue full ({self.max_pending} items waiting)")
            self._pending.extend(items)
            self._ensure_worker()
            self._lock.notify_all()
        return items

    def close(self, timeout: float = 5.0) -> None:
        """Stop the worker; pending and running items end with an error."""
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _ensure_worker(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        process_threads = torch.get_num_threads()
        configured = threading.Event()
        self._thread = start_worker(self._run, "yuyin-ar-decoder", configured)
        configured.wait()
        if self.threads is not None:
            # torch.set_num_threads in the worker also changed the process default that threads
            # started later inherit; put that back (the worker's own OpenMP/MKL setting stays).
            torch.set_num_threads(process_threads)

    # -- the worker ---------------------------------------------------------------------
    def _run(self, configured: threading.Event) -> None:
        if self.threads is not None:
            torch.set_num_threads(self.threads)
        configured.set()
        try:
            self._loop()
        except BaseException as error:  # the worker must never leave callers waiting
            log.exception("decode worker stopped")
            with self._lock:
                self._closed = True
                waiting = list(itertools.chain(self._pending, (row.item for row in self._rows)))
                self._pending.clear()
            for item in waiting:
                if not item.done:
                    item._finish(None, "error", error)
            raise

    def _loop(self) -> None:
        with torch.inference_mode():
            while True:
                admitted = self._collect()
                if admitted is None:
                    return
                try:
                    if admitted:
                        self._admit(admitted)
                    if self._rows:
                        self._step()
                except Exception as error:  # fail the items, keep serving
                    log.exception("decoder step failed")
                    for item in itertools.chain((row.item for row in self._rows), admitted or ()):
                        if not item.done:
                            item._finish(None, "error", error)
                    with self._lock:
                        self._rows, self._state = [], None

    def _collect(self) -> list[DecodeItem] | None:
        """Pending items to admit now (maybe none); None when closed, or idle for idle_exit_s (the
        worker then ends). Blocks while idle."""
        with self._lock:
            if not self._rows:
                while not self._pending and not self._closed:
                    if not self._lock.wait(self.idle_exit_s) and not self._pending and not self._closed:
                        self._thread = None  # under the lock: a submit from now on starts a new worker
                        return None
                if not self._closed:
                    deadline = time.monotonic() + self.max_wait_s
                    while len(self._pending) < self.max_batch_size and not self._closed:
                        remaining = deadline - time.monotonic()
                        if remaining <= 0:
                            break
                        self._lock.wait(remaining)
            if self._closed:
                error = RuntimeError("the decode scheduler was closed")
                for item in itertools.chain(self._pending, (row.item for row in self._rows)):
                    item._finish(None, "error", error)
                self._pending.clear()
                return None
            free = self.max_batch_size - len(self._rows)
            taken = []
            while self._pending and len(taken) < free:
                item = self._pending.popleft()
                if item.cancelled:
                    item._finish(0, "cancelled")
                else:
                    taken.append(item)
            return taken

    def _admit(self, items: list[DecodeItem]) -> None:
        """Encode newcomers as one batch and merge them into the running state."""
        device = self.device
        lengths = torch.tensor([len(item.ids) for item in items], device=device)
        ids = torch.zeros(len(items), int(lengths.max()), dtype=torch.long, device=device)
        for b, item in enumerate(items):
            ids[b, : len(item.ids)] = torch.tensor(item.ids, device=device)
        speakers = torch.stack([item.speaker for item in items]).to(device)
        state = self.model.start(ids, lengths, speakers)
        state.max_position = torch.full((len(items),), float(self.rule.max_jump), device=device)
        self._state = state if self._state is None else DecoderState.concat([self._state, state])
        rows = [
            _Row(item, torch.Generator().manual_seed(item.seed), StopTracker(self.rule, len(item.ids), item.max_steps))
            for item in items
        ]
        with self._lock:
            self._rows = self._rows + rows
        self.max_rows_seen = max(self.max_rows_seen, len(self._rows))

    def _step(self) -> None:
        state, rows, c = self._state, self._rows, self.model.config
        masks = None
        if c.prenet_dropout_at_inference:
            keep = 1.0 - c.prenet_dropout
            drawn = torch.stack([row.next_masks(c.prenet_n_layers, c.prenet_dim, keep) for row in rows])
            drawn = drawn.to(state.memory)  # [A, layers, P]
            masks = [drawn[:, layer] for layer in range(c.prenet_n_layers)]
        mel, gate, weights = self.model.decoder.step(state, masks)
        peaks = weights.argmax(dim=1)
        state.max_position = torch.maximum(state.max_position, peaks + float(self.rule.max_jump))
        self.steps += 1
        probs = torch.sigmoid(gate).tolist()
        places = peaks.tolist()
        keep = [self._advance(row, frame, prob, place) for row, frame, prob, place in zip(rows, mel, probs, places)]
        if not all(keep):
            mask = torch.tensor(keep, device=state.memory.device)
            remaining = [row for row, kept in zip(rows, keep) if kept]
            self._state = state.select(mask).compact() if remaining else None
            with self._lock:
                self._rows = remaining

    def _advance(self, row: _Row, frame: torch.Tensor, prob: float, place: int) -> bool:
        """Record one frame of ``row`` and apply the stop rule; False when the row leaves."""
        if row.item.cancelled:
            row.item._finish(row.tracker.frames, "cancelled")
            return False
        decision = row.tracker.observe(prob, place)
        row.item._push(frame, row.tracker.settled, place)
        if decision is None:
            return True
        row.item._finish(*decision)
        if decision[1] != "gate":
            log.info("decoding ended by the %s rule after %d frames (%d ids)", decision[1], row.tracker.frames,
                     row.tracker.length)  # fmt: skip
        return False
