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


def graph_version(store: Store) -> tuple[str, int]:
    rows = store.read("MATCH (m:Meta {uid: 'meta:version'}) RETURN m.epoch AS epoch, m.version AS version")
    return (str(rows[0]["epoch"]), int(rows[0]["version"])) if rows else ("", 0)


def cached(store: Store, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    full = (store.description, graph_version(store), *key)
    with _lock:
        if full in _entries:
            _entries.move_to_end(full)
            return _entries[full]  # type: ignore[no-any-return]
    value = compute()
    with _lock:
        _entries[full] = value
        while len(_entries) > MAX_ENTRIES:
            _entries.popitem(last=False)
    return value
