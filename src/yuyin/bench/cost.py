"""Cost of 1,000 requests from a price per hour and the best measured throughput.

Assumption (stated in every report): the machine is rented by the hour and kept fully busy at the
concurrency that gave the best throughput, so its time is shared by all requests in flight.
A request of ``request_chars`` characters is taken to make as much audio per character as the
sweep's requests did (audio seconds / characters of the texts spoken, punctuation included).

    audio per request   = request_chars * audio_s_per_char
    machine s per 1,000 = 1000 * audio per request / throughput (audio s per wall s)
    cost per 1,000      = machine s per 1,000 / 3600 * price per hour
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from yuyin.bench.stats import LevelResult

REQUESTS = 1000
ASSUMPTION = ("the machine fully used at the best measured concurrency, billed per second; "
              "audio per character as measured on the bench set")


@dataclass(frozen=True)
class CostEstimate:
    price_per_hour: float
    request_chars: int
    audio_s_per_char: float
    throughput: float  # audio seconds per wall second at the best level
    label: str  # which combination gave it, e.g. "onnx fp32"
    concurrency: int

    @property
    def audio_s_per_request(self) -> float:
        return self.request_chars * self.audio_s_per_char

    @property
    def machine_s_per_thousand(self) -> float:
        return REQUESTS * self.audio_s_per_request / self.throughput

    @property
    def cost_per_thousand(self) -> float:
        return self.machine_s_per_thousand / 3600 * self.price_per_hour


def audio_s_per_char(levels: Iterable[LevelResult], chars_by_id: Mapping[str, int]) -> float | None:
    """Audio seconds per input character over every request of the given levels."""
    audio = chars = 0.0
    for level in levels:
        for timing in level.timings:
            audio += timing.audio_s
            chars += chars_by_id[timing.id]
    return audio / chars if chars and audio else None


def estimate_cost(price_per_hour: float, request_chars: int, per_char: float | None,
                  candidates: Iterable[tuple[str, LevelResult]]) -> CostEstimate | None:
    """The estimate at the highest-throughput (label, level) candidate; None without numbers."""
    measured = [(label, level) for label, level in candidates if level.throughput]
    if per_char is None or not measured:
        return None
    label, best = max(measured, key=lambda item: item[1].throughput or 0.0)
    return CostEstimate(price_per_hour, request_chars, per_char, best.throughput or 0.0, label,
                        best.concurrency)


def cost_to_dict(estimate: CostEstimate) -> dict[str, object]:
    return {
        "price_per_hour_usd": estimate.price_per_hour,
        "request_chars": estimate.request_chars,
        "requests": REQUESTS,
        "audio_s_per_char": estimate.audio_s_per_char,
        "audio_s_per_request": estimate.audio_s_per_request,
        "best": {"variant": estimate.label, "concurrency": estimate.concurrency,
                 "throughput_audio_s_per_s": estimate.throughput},
        "machine_s_per_1000": estimate.machine_s_per_thousand,
        "cost_per_1000_usd": estimate.cost_per_thousand,
        "assumption": ASSUMPTION,
    }


def format_cost(estimate: CostEstimate) -> str:
    return (f"cost of {REQUESTS:,} requests of {estimate.request_chars} characters at "
            f"${estimate.price_per_hour:g}/hour: ${estimate.cost_per_thousand:.4f} "
            f"({estimate.machine_s_per_thousand:.0f} machine-seconds; best throughput "
            f"{estimate.throughput:.1f} audio s/s, {estimate.label} at concurrency {estimate.concurrency}; "
            f"{estimate.audio_s_per_request:.1f} s of audio per request at {estimate.audio_s_per_char:.3f} s/char)\n"
            f"  assumes {ASSUMPTION}")
