"""CPU time of processes and threads, from /proc: how graph.embedded tells a hung server from a busy one."""

from __future__ import annotations

import os
from pathlib import Path

CLOCK_TICKS_PER_S = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
# Below this share of one core, a process is idle: an idle redis-server still spends a clock tick every few seconds
# on its timers (seen here: 7 ticks in 30 s), so "no tick at all" misses a server whose graph command hangs while its
# main loop runs on, and one busy with a query uses the whole core.
IDLE_SHARE = 0.05


def stat_fields(stat_path: str) -> list[str] | None:
    """The fields of a /proc stat file after the command name (which may hold spaces): the state is [0]; None where
    /proc does not tell."""
    try:
        stat = Path(stat_path).read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[-1].split()


def cpu_ticks(stat_path: str) -> int | None:
    """The CPU time a process or thread (`/proc/PID/stat`, `/proc/self/task/TID/stat`) has used, in clock ticks."""
    fields = stat_fields(stat_path)
    return int(fields[11]) + int(fields[12]) if fields else None  # utime, stime


def process_stat(pid: int) -> str:
    return f"/proc/{pid}/stat"


def own_thread_stat(native_id: int) -> str:
    return f"/proc/self/task/{native_id}/stat"


def was_idle(ticks_before: int | None, ticks_now: int | None, seconds: float) -> bool:
    """Whether a process or thread used less than IDLE_SHARE of a core between two readings `seconds` apart; not
    where /proc did not tell (it is then never judged hung)."""
    if ticks_before is None or ticks_now is None:
        return False
    return ticks_now - ticks_before < IDLE_SHARE * seconds * CLOCK_TICKS_PER_S
