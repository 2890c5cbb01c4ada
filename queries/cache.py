"""Derived data cached per graph version: indexes and models are built once, not on every request.

Every write (a document's load, a re-link) bumps the `meta:version` counter once it is written, so a cached
value is reused only while the graph it was derived from is unchanged (a value derived between a write and
its bump is derived from the new graph, and retired by the bump)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from graph.store import Store

T = TypeVar("T")
# Answers for one parameter (a department's profile, a region's clusters) beyond this many are dropped,
# least recently used first; the whole-graph indexes they are derived from (`whole_graph=True`) never are,
# or a run over many departments would rebuild them again and again. Values of an older graph version
# are dropped when a newer one is seen.
MAX_ENTRIES = 2048

_lock = threading.Lock()
_entries: OrderedDict[tuple[Hashable, ...], Any] = OrderedDict()
_whole_graph: dict[tuple[Hashable, ...], Any] = {}
_versions: dict[str, tuple[str, int]] = {}
_computing: dict[tuple[Hashable, ...], threading.Lock] = {}


def graph_version(store: Store) -> tuple[str, int]:
    rows = store.read("MATCH (m:Meta {uid: 'meta:version'}) RETURN m.epoch AS epoch, m.version AS version")
    return (str(rows[0]["epoch"]), int(rows[0]["version"])) if rows else ("", 0)


def cached(store: Store, key: tuple[Hashable, ...], compute: Callable[[], T], *, whole_graph: bool = False) -> T:
    """The cached value, computing it once: concurrent callers of a missing key wait for one computation
    (a burst of requests after a write would otherwise compute the same index many times over)."""
    version = graph_version(store)
    full = (store.description, version, *key)
    with _lock:
        _forget_older_versions(store.description, version)
        found = _lookup(full)
        if found is not _MISSING:
            return found  # type: ignore[no-any-return]
        single = _computing.setdefault(full, threading.Lock())
    with single:
        with _lock:
            found = _lookup(full)
            if found is not _MISSING:
                return found  # type: ignore[no-any-return]
        value = compute()
        with _lock:
            if whole_graph:
                _whole_graph[full] = value
            else:
                _entries[full] = value
                while len(_entries) > MAX_ENTRIES:
                    _entries.popitem(last=False)
            _computing.pop(full, None)
    return value


_MISSING = object()


def _lookup(full: tuple[Hashable, ...]) -> Any:
    if full in _whole_graph:
        return _whole_graph[full]
    if full in _entries:
        _entries.move_to_end(full)
        return _entries[full]
    return _MISSING


def _forget_older_versions(description: str, version: tuple[str, int]) -> None:
    if _versions.get(description) == version:
        return
    _versions[description] = version
    for table in (_entries, _whole_graph):
        for stale in [key for key in table if key[0] == description and key[1] != version]:
            del table[stale]
