"""Optional stage timings for the benchmark: `with timed("jieba"): …` adds to a running total when enabled."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

_totals: dict[str, float] = defaultdict(float)
_enabled = False


def enable() -> None:
    global _enabled
    _enabled = True
    _totals.clear()


def enabled() -> bool:
    return _enabled


def totals() -> dict[str, float]:
    return dict(_totals)


@contextmanager
def timed(stage: str) -> Iterator[None]:
    if not _enabled:
        yield
        return
    start = time.perf_counter()
    try:
        yield
    finally:
        _totals[stage] += time.perf_counter() - start


def add(totals_elsewhere: dict[str, float]) -> None:
    """Add the totals another process measured (a worker that did one stage of this run)."""
    if _enabled:
        for stage, seconds in totals_elsewhere.items():
            _totals[stage] += seconds
