"""Ends a graph query that the embedded FalkorDB server will never answer.

FalkorDB 4.16.3 has hung on a graph command: no answer, no work done, every thread of the server waiting. The start
of a server is checked for it (graph.embedded asks a new server a graph query), but a later command (a graph made
again after a `clear()`, say) could hang the same way, and a graph command has no client timeout: a legitimate write
can take minutes. So while queries are out, a thread looks at the CPU time of the server and of each thread waiting
for an answer. A query is hung when for `hung_after` seconds neither the server nor its own thread worked: a busy
server works, and so does a client reading a large answer the server has finished sending. Then `on_hung` kills the
server; the query's connection fails, and the store starts the server again (graph.falkor_store: a read is tried
again; a write fails, unapplied, since the server never ran it to the end).
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from graph.proc_stat import cpu_ticks, own_thread_stat, process_stat, was_idle

LOOK_EVERY_S = 0.5


@dataclass
class _Window:
    """The readings at the start of the span a query is being judged over."""

    started: float
    server_ticks: int | None
    thread_ticks: int | None


class QueryWatch:
    def __init__(self, server_pid: Callable[[], int | None], on_hung: Callable[[int], None],
                 hung_after: Callable[[], float]) -> None:
        self._server_pid = server_pid
        self._on_hung = on_hung
        self._hung_after = hung_after
        self._lock = threading.Lock()
        self._out: dict[int, int] = {}  # query number → the native id of the thread waiting for it
        self._numbers = itertools.count()
        self._looking = False

    @contextlib.contextmanager
    def watching(self) -> Iterator[None]:
        """Held around one query."""
        with self._lock:
            number = next(self._numbers)
            self._out[number] = threading.get_native_id()
            if not self._looking:
                self._looking = True
                threading.Thread(target=self._look, name="dutygraph-query-watch", daemon=True).start()
        try:
            yield
        finally:
            with self._lock:
                del self._out[number]

    def _look(self) -> None:
        """Runs while queries are out; leaves when none is."""
        windows: dict[int, _Window] = {}
        while True:
            time.sleep(LOOK_EVERY_S)
            with self._lock:
                out = dict(self._out)
                if not out:
                    self._looking = False
                    return
            pid = self._server_pid()
            if pid is None:
                continue  # no server of ours: the query fails on its own
            now, server_ticks = time.monotonic(), cpu_ticks(process_stat(pid))
            windows = {number: window for number, window in windows.items() if number in out}
            for number, native_id in out.items():
                thread_ticks = cpu_ticks(own_thread_stat(native_id))
                window = windows.get(number)
                if window is None:
                    windows[number] = _Window(now, server_ticks, thread_ticks)
                    continue
                span = now - window.started
                if span < self._hung_after():
                    continue
                if (was_idle(window.server_ticks, server_ticks, span)
                        and was_idle(window.thread_ticks, thread_ticks, span)):
                    self._on_hung(pid)
                    windows.clear()
                    break
                windows[number] = _Window(now, server_ticks, thread_ticks)
