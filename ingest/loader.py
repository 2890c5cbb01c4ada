"""Loading documents in a background thread, so that the store's server writes one document while the
main thread segments the next (jieba is pure Python; the server is another process, on another core).

Each document is still one atomic write (`ingest.load.load_rows`), written in the order submitted; its
outcome (loaded, or failed with the store's message) is recorded when it is settled. The graph version
that readers cache by is bumped every few seconds while documents load, and once they all have.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import TracebackType

from graph.store import Store, StoreError
from ingest.load import bump_version, load_rows
from ingest.names import Resolution
from ingest.records import GraphRows
from ingest.timing import timed

# Documents built ahead of the one loading: bounds the rows held in memory. When the main thread has
# more to do once everything is built (linking), it runs ahead further, since the server is the slower.
MAX_PENDING = 2
MAX_PENDING_AHEAD = 4000
# The loader waits on the server with the GIL released; when the answer comes it must win the GIL back
# from the segmenting thread, which by default keeps it for up to 5 ms while the server sits idle.
SWITCH_INTERVAL = 0.0005
# A reader's cache may miss the documents of this long while they load (each bump costs a write).
VERSION_BUMP_INTERVAL_S = 2.0


@dataclass
class Loaded:
    path: Path
    warnings: list[str]
    counts: dict[str, int]
    unresolved: list[Resolution]
    error: str | None = None  # the store's message when the write failed
    # What the document's write created (not what it found there already, whoever wrote it), by label.
    created: dict[str, int] = field(default_factory=dict)


@dataclass
class DocumentLoader:
    store: Store
    run_ahead: bool = False  # hold up to MAX_PENDING_AHEAD documents instead of MAX_PENDING
    settled: list[Loaded] = field(default_factory=list)
    _pending: deque[tuple[Loaded, Future[None]]] = field(default_factory=deque)  # up to MAX_PENDING_AHEAD
    # Terms and regions this run wrote, with their properties (touched by the loader thread only).
    _written: dict[str, dict[str, object]] = field(default_factory=dict)
    _executor: ThreadPoolExecutor | None = None
    _switch_interval: float = 0.0
    # Loader thread: when the version was last bumped; never, at first (monotonic time starts at an arbitrary point,
    # the machine's boot on Linux: 0.0 read as "bumped at boot" and skipped the first bump while the machine had been
    # up for less than VERSION_BUMP_INTERVAL_S).
    _bumped_at: float = float("-inf")
    _unbumped: bool = False  # loader thread: a document was written since

    def __enter__(self) -> DocumentLoader:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="loader")
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_INTERVAL)
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        try:
            self.wait()
            assert self._executor is not None
            self._executor.submit(self._bump_version, force=True).result()
        finally:
            assert self._executor is not None
            self._executor.shutdown(wait=True)
            sys.setswitchinterval(self._switch_interval)

    def submit(self, path: Path, rows: GraphRows, warnings: list[str]) -> None:
        assert self._executor is not None, "use DocumentLoader as a context manager"
        entry = Loaded(path, warnings, rows.counts(), rows.unresolved)
        self._pending.append((entry, self._executor.submit(self._load, rows, entry)))
        while len(self._pending) > (MAX_PENDING_AHEAD if self.run_ahead else MAX_PENDING):
            self._settle(*self._pending.popleft())

    def then(self, write: Callable[[], None]) -> Future[None]:
        """Run `write` in the loader thread once every document submitted so far has loaded."""
        assert self._executor is not None, "use DocumentLoader as a context manager"
        return self._executor.submit(write)

    def wait(self) -> None:
        """Settle every document submitted so far."""
        while self._pending:
            self._settle(*self._pending.popleft())

    @property
    def failed(self) -> bool:
        return any(entry.error is not None for entry in self.settled)

    def _settle(self, entry: Loaded, loaded: Future[None]) -> None:
        try:
            loaded.result()
        except StoreError as exc:
            entry.error = f"{entry.path}: {exc}"
        self.settled.append(entry)

    def _load(self, rows: GraphRows, entry: Loaded) -> None:
        """A term or a region that an earlier document of this run wrote with the same properties is not
        written again (most documents' terms, and their region and city): the edges of the document still
        find it, and the earlier document counted it if it created it. An update of an existing node would
        also cost a write that creates nodes dearly (ingest.load)."""
        fresh_terms = self._unwritten(rows.terms)
        fresh_regions = self._unwritten(rows.regions)
        with timed("loading"):
            created = load_rows(self.store, replace(rows, terms=fresh_terms, regions=fresh_regions))
        entry.created = {node_label: len(uids) for node_label, uids in created.items()}
        self._written.update(fresh_terms)  # only once the write succeeded
        self._written.update(fresh_regions)
        self._unbumped = True
        self._bump_version()

    def _bump_version(self, *, force: bool = False) -> None:
        if self._unbumped and (force or time.monotonic() - self._bumped_at >= VERSION_BUMP_INTERVAL_S):
            self.store.write_atomic([bump_version()])
            self._bumped_at, self._unbumped = time.monotonic(), False

    def _unwritten(self, nodes: dict[str, dict[str, object]]) -> dict[str, dict[str, object]]:
        return {uid: props for uid, props in nodes.items() if self._written.get(uid) != props}
