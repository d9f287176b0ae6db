"""Memory tiers: thresholds, the environment override, and how server settings take them."""
from __future__ import annotations

import pytest
import torch

from yuyin.engine.memory import GIB, TIERS, free_memory, resolve_tier, tier_for
from yuyin.server.settings import ServerSettings

CPU = torch.device("cpu")


@pytest.mark.parametrize("free_gib, name", [
    (0.5, "small"), (1.99, "small"), (2.0, "medium"), (7.9, "medium"), (8.0, "large"), (31.9, "large"),
    (32.0, "xlarge"), (139.0, "xlarge"),
])  # fmt: skip
def test_tier_thresholds(free_gib: float, name: str) -> None:
    assert tier_for(int(free_gib * GIB)).name == name


def test_tiers_grow_with_memory() -> None:
    for smaller, larger in zip(TIERS, TIERS[1:]):
        assert smaller.min_free_bytes < larger.min_free_bytes
        assert smaller.max_active < larger.max_active and smaller.max_queue < larger.max_queue
        assert smaller.decoder_batch_size < larger.decoder_batch_size
        assert smaller.side_by_side <= larger.side_by_side
        assert smaller.max_file_mib < larger.max_file_mib
        # whole files held at once take at most half the memory free from this tier on
        assert larger.max_active * larger.max_file_mib * 1024**2 <= larger.min_free_bytes // 2
    assert [tier.side_by_side for tier in TIERS] == [False, False, True, True]  # ~450 MiB more: from 8 GiB free


def test_auto_uses_the_environment_then_free_memory(monkeypatch) -> None:
    monkeypatch.setenv("YUYIN_MEMORY_TIER", "large")
    assert resolve_tier("auto", CPU).name == "large"
    assert resolve_tier("small", CPU).name == "small"  # an explicit name wins over the environment
    monkeypatch.setenv("YUYIN_MEMORY_TIER", "huge")
    with pytest.raises(ValueError, match="YUYIN_MEMORY_TIER must be one of auto, small, medium, large, xlarge"):
        resolve_tier(None, CPU)
    monkeypatch.delenv("YUYIN_MEMORY_TIER")
    assert resolve_tier("auto", CPU) == tier_for(free_memory(CPU))


def test_free_memory_reads_available_ram() -> None:
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        available = next(int(line.split()[1]) * 1024 for line in meminfo if line.startswith("MemAvailable:"))
    assert abs(free_memory(CPU) - available) < 512 * 1024**2  # other processes move it a little


def test_settings_take_unset_limits_from_the_tier() -> None:
    small = next(tier for tier in TIERS if tier.name == "small")
    sized = ServerSettings(max_active=3).sized_for(small)
    assert (sized.max_active, sized.max_queue, sized.decoder_batch_size, sized.side_by_side) == (3, 16, 4, False)
    assert ServerSettings(max_queue=0).sized_for(small).max_queue == 0
    assert sized.max_file_mib == 32 and ServerSettings(max_file_mib=5).sized_for(small).max_file_mib == 5
    assert (sized.max_streams, sized.max_websockets) == (12, 48)  # 4 per slot, 4 connections per stream
    assert ServerSettings(max_websockets=2).sized_for(small).max_websockets == 2
    large = next(tier for tier in TIERS if tier.name == "large")
    assert ServerSettings().sized_for(large).side_by_side is True
    assert ServerSettings(side_by_side=False).sized_for(large).side_by_side is False  # an explicit choice wins
    assert ServerSettings(side_by_side=True).sized_for(small).side_by_side is True
    # side-by-side streams need overlapping calls: two synthesis workers per thread then, else two
    assert [ServerSettings(threads=2).sized_for(tier).workers for tier in (small, large)] == [2, 4]
    assert ServerSettings(threads=2, side_by_side=False).sized_for(large).workers == 2
    assert ServerSettings(threads=16).sized_for(large).workers == 8  # at most 4 streams (threads.MAX_STREAMS)
    assert ServerSettings(threads=2, workers=3).sized_for(large).workers == 3
    with pytest.raises(ValueError, match="workers must be a positive finite number, got 0"):
        ServerSettings(workers=0)
    with pytest.raises(ValueError, match="max_file_mib must be a positive finite number, got 0"):
        ServerSettings(max_file_mib=0)
    with pytest.raises(ValueError, match="memory_tier must be one of"):
        ServerSettings(memory_tier="huge")


def test_each_voice_runs_on_every_core_unless_threads_are_given(monkeypatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert ServerSettings(workers=4).torch_threads == 8
    assert ServerSettings(workers=4, threads=3).torch_threads == 3
    with pytest.raises(ValueError, match="threads must be a whole number from 1 to"):
        ServerSettings(threads=100_000)
    monkeypatch.setattr("os.cpu_count", lambda: None)
    assert ServerSettings().torch_threads == 1


@pytest.mark.parametrize("flags, expected", [([], None), (["--side-by-side"], True), (["--no-side-by-side"], False)])
def test_serve_takes_the_side_by_side_choice_or_leaves_it_to_the_tier(flags, expected, monkeypatch) -> None:
    from yuyin.cli import main

    seen = []
    monkeypatch.setattr("yuyin.server.run.serve", lambda settings, **kwargs: seen.append(settings) or 0)
    assert main(["serve", "--port", "0", *flags]) == 0
    assert seen[0].side_by_side is expected and seen[0].workers is None  # sized when the server starts
