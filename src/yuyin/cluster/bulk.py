"""Bulk synthesis with Ray Data: every row of a manifest spoken by a pool of worker actors.

Each worker loads the voices once and speaks rows one at a time; the driver receives each
finished row as the workers produce them (Ray Data streams, so memory stays bounded however
long the job) and writes it through :class:`BulkOutput`. Nothing needs a shared file system:
the audio travels back to the driver.
"""
from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass
from typing import Callable

from yuyin.cluster import ClusterError, check_fits, last_line, process_settings, ray_session
from yuyin.cluster.bulk_output import BulkOutput
from yuyin.cluster.manifest import BulkItem
from yuyin.cluster.row_speech import RowSpeaker, SpokenRow
from yuyin.server.settings import ServerSettings


@dataclass(frozen=True)
class WorkerPlan:
    """The worker pool: workers (None: as many as the cluster's CPUs, or GPUs, hold) and what
    each reserves (see :func:`yuyin.cluster.process_settings` for what a worker runs with)."""

    workers: int | None = None
    cpus: float = 1.0
    gpus: float = 0.0

    def __post_init__(self) -> None:
        if self.workers is not None and self.workers < 1:
            raise ValueError(f"workers must be >= 1, got {self.workers}")
        if not 0 < self.cpus < math.inf:
            raise ValueError(f"worker_cpus must be a positive number, got {self.cpus}")
        if not 0 <= self.gpus < math.inf:
            raise ValueError(f"worker_gpus must be >= 0, got {self.gpus}")

    def pool_size(self, resources: dict[str, float]) -> int:
        """Workers to start on a cluster with these total resources."""
        if self.workers is not None:
            return self.workers
        fits = resources.get("CPU", 1) / self.cpus
        if self.gpus:
            fits = min(fits, resources.get("GPU", 0) / self.gpus)
        if fits < 1:
            raise ClusterError(f"no node can hold a worker of {self.cpus:g} CPUs and {self.gpus:g} GPUs "
                               f"(the cluster has {resources.get('CPU', 0):g} CPUs, {resources.get('GPU', 0):g} GPUs)")
        return int(fits)


class _SpeakRows:
    """The Ray Data actor: a RowSpeaker per worker process; a record in, a record out."""

    def __init__(self, settings: ServerSettings, default_format: str, timestamps: str | None):
        logging.basicConfig(level=logging.WARNING)
        self.speaker = RowSpeaker(settings, default_format, timestamps)

    def __call__(self, record: dict) -> dict:
        item = BulkItem(id=record["id"], line=record["line"], fields=json.loads(record["fields"]))
        return self.speaker.speak(item).as_record()


def run_bulk(items: list[BulkItem], output: BulkOutput, settings: ServerSettings, plan: WorkerPlan,
             default_format: str = "wav", address: str | None = None,
             progress: Callable[[SpokenRow], None] = lambda _: None) -> BulkOutput:  # fmt: skip
    """Speak items on Ray (joining address or $RAY_ADDRESS, else a cluster started here) into output."""
    with ray_session(address) as owned:
        import ray
        from ray.data import ActorPoolStrategy, DataContext

        context = DataContext.get_current()
        context.enable_progress_bars = False
        context.execution_options.preserve_order = False
        if owned:
            check_fits(plan.cpus, plan.gpus, "worker")
        workers = plan.pool_size(ray.cluster_resources())
        settings = process_settings(settings, plan.cpus, plan.gpus)
        # fields as JSON text: Arrow would unify the rows' differing fields into one schema of nulls
        records = [{"id": item.id, "line": item.line, "fields": json.dumps(item.fields)} for item in items]
        dataset = ray.data.from_items(records, override_num_blocks=min(len(records), 10_000))
        arguments = {"settings": settings, "default_format": default_format, "timestamps": output.timestamps}
        pool = ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=1)  # long rows do not queue behind one
        spoken = dataset.map(_SpeakRows, fn_constructor_kwargs=arguments, compute=pool, num_cpus=plan.cpus,
                             num_gpus=plan.gpus)  # fmt: skip
        fingerprints = {item.id: output.fingerprint(item) for item in items}
        try:
            for record in spoken.iter_rows():
                row = SpokenRow(**record)
                output.write(row, fingerprints[row.id])
                progress(row)
        except ray.exceptions.RayError as exc:  # a worker that could not start (its voices), or died
            raise ClusterError(f"the workers failed: {last_line(exc)}") from None
        except OSError as exc:  # the output directory (full disk, gone)
            raise ClusterError(f"cannot write the results: {exc}") from None
    return output


def describe(output: BulkOutput, rows: int, skipped: int, seconds: float) -> str:
    """One line summing up a finished run of a job."""
    tally = output.tally
    line = f"{tally.written + skipped} of {rows} rows spoken into {output.directory}"
    if skipped:
        line += f" ({skipped} by an earlier run)"
    if tally.failed:
        line += f"; {tally.failed} failed (see {output.manifest.name})"
    rate = tally.audio_seconds / seconds if seconds > 0 else 0.0
    return f"{line}; this run: {tally.audio_seconds:.1f} s of audio in {seconds:.1f} s ({rate:.1f} audio-s/s)"
