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
