"""Derived data cached per graph version: indexes and models are built once, not on every request.

Every write (a document's load, a re-link) bumps the `meta:version` counter in the same write, so a cached
value is reused only while the graph it was derived from is unchanged."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from graph.store import Store

T = TypeVar("T")
MAX_ENTRIES = 64

_lock = threading.Lock()
_entries: OrderedDict[tuple[Hashable, ...], Any] = OrderedDict()
_computing: dict[tuple[Hashable, ...], threading.Lock] = {}


def graph_version(store: Store) -> tuple[str, int]:
    rows = store.read("MATCH (m:Meta {uid: 'meta:version'}) RETURN m.epoch AS epoch, m.version AS version")
    return (str(rows[0]["epoch"]), int(rows[0]["version"])) if rows else ("", 0)


def cached(store: Store, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """The cached value, computing it once: concurrent callers of a missing key wait for one computation
    (a burst of requests after a write would otherwise compute the same index many times over)."""
    full = (store.description, graph_version(store), *key)
    with _lock:
        if full in _entries:
            _entries.move_to_end(full)
            return _entries[full]  # type: ignore[no-any-return]
        single = _computing.setdefault(full, threading.Lock())
    with single:
        with _lock:
            if full in _entries:
                return _entries[full]  # type: ignore[no-any-return]
        value = compute()
        with _lock:
            _entries[full] = value
            _computing.pop(full, None)
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
    return value
