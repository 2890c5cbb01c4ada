"""The graph's write count: the `meta:version` counter every write bumps (graph.schema), read as a number."""

from __future__ import annotations

from graph.store import Store

WRITE_COUNT = "MATCH (m:Meta {uid: 'meta:version'}) RETURN m.version AS version"


def write_count(store: Store) -> int:
    """The counter's value, 0 where the graph has had no write yet."""
    rows = store.read(WRITE_COUNT)
    return int(rows[0]["version"] or 0) if rows else 0
