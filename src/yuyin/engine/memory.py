"""Memory-aware defaults (importable without torch): how many requests synthesise at once, how many may wait, how many
rows an autoregressive decoder batches, and whether overlapping CPU calls run side by side, chosen from the memory free
on the device.

The memory is the device's: free VRAM on CUDA (``torch.cuda.mem_get_info``), available RAM on
the CPU (``MemAvailable`` of /proc/meminfo, else physical pages). Tiers, by free memory:

======  ==========  ==========  =========  ==================  ============  =============
tier    free        max_active  max_queue  decoder_batch_size  side_by_side  max_file_mib
======  ==========  ==========  =========  ==================  ============  =============
small   < 2 GiB     4           16         4                   no            32
medium  2-8 GiB     16          64         16                  no            64
large   8-32 GiB    32          128        32                  yes           128
xlarge  >= 32 GiB   64          256        64                  yes           256
======  ==========  ==========  =========  ==================  ============  =============

A streamed baker request peaked at about 17 MiB above the loaded voice on the CPU (16
concurrent streams of a 120-character text: 593 -> 870 MiB), because the vocoder runs per
bounded window whatever the text length; the tiers leave room for several times that per
active request. A whole (non-streamed) response is held in memory until it is sent, so its
file may grow to max_file_mib (128 MiB: 46 minutes of 24 kHz WAV); max_active of them take half
the least free memory of their tier (128 MiB in all for small). side_by_side compiles the OpenVINO graphs a second time, as one-thread streams
for overlapping calls (see engine.openvino_session): 0.5-0.8 GiB more per stream for the baker
voice (one per thread, at most 4: 1-1.6 GiB on 2 cores, 2-3.2 GiB from 4), so only
from the large tier up. ``YUYIN_MEMORY_TIER`` or ``yuyin serve --memory-tier`` picks a tier by
name; explicit ``--max-active``/``--max-queue``/``--side-by-side`` always win.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

if TYPE_CHECKING:
    import torch

GIB = 1024**3
ENV_VAR = "YUYIN_MEMORY_TIER"


@dataclass(frozen=True)
class MemoryTier:
    name: str
    min_free_bytes: int
    max_active: int
    max_queue: int
    decoder_batch_size: int
    side_by_side: bool
    max_file_mib: int


TIERS = (
    MemoryTier("small", 0, max_active=4, max_queue=16, decoder_batch_size=4, side_by_side=False, max_file_mib=32),
    MemoryTier("medium", 2 * GIB, max_active=16, max_queue=64, decoder_batch_size=16, side_by_side=False, max_file_mib=64),
    MemoryTier("large", 8 * GIB, max_active=32, max_queue=128, decoder_batch_size=32, side_by_side=True,
               max_file_mib=128),
    MemoryTier("xlarge", 32 * GIB, max_active=64, max_queue=256, decoder_batch_size=64, side_by_side=True,
               max_file_mib=256),
)
TIER_NAMES = ("auto",) + tuple(tier.name for tier in TIERS)


def free_memory(device: "torch.device") -> int:
    """Bytes free for new allocations on device (VRAM on CUDA, available RAM on the CPU)."""
    if device.type == "cuda":
        import torch

        return int(torch.cuda.mem_get_info(device)[0])
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")


def tier_for(free_bytes: int) -> MemoryTier:
    """The largest tier whose threshold free_bytes reaches."""
    return [tier for tier in TIERS if free_bytes >= tier.min_free_bytes][-1]


def resolve_tier(name: str | None, device: "torch.device") -> MemoryTier:
    """The tier called name; "auto" or None: ``$YUYIN_MEMORY_TIER`` if set, else by free memory.

    Raises ValueError for an unknown name (naming the choices).
    """
    if name in (None, "auto"):
        name = os.environ.get(ENV_VAR) or "auto"
        source = ENV_VAR
    else:
        source = "memory tier"
    if name == "auto":
        return tier_for(free_memory(device))
    for tier in TIERS:
        if tier.name == name:
            return tier
    raise ValueError(f"{source} must be one of {', '.join(TIER_NAMES)}, got {name!r}")


def check_env_tier(env: Mapping[str, str] = os.environ) -> None:
    """ValueError, as resolve_tier would raise later, if ``$YUYIN_MEMORY_TIER`` names no tier."""
    name = env.get(ENV_VAR)
    if name and name not in TIER_NAMES:
        raise ValueError(f"{ENV_VAR} must be one of {', '.join(TIER_NAMES)}, got {name!r}")
