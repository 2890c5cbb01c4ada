"""Duties loaded but never linked: what an ingest stopped midway leaves.

Kept out of ingest/link.py, whose source names the linker (`link.linker`): a change here must not make every
graph's links stale."""

from __future__ import annotations

import contextlib

from graph.store import Store, StoreError
from ingest.load import UNLINKED_META, record_unlinked


def unlinked_duties(store: Store) -> int:
    """Current duties loaded but never linked: an ingest stopped between loading its files and linking them (Ctrl-C,
    a SIGTERM, a crash), so overlaps, REFINES and who_handles miss them until `dutygraph link` (user test: an
    interrupted ingest's graph answered "no overlaps" without a word).

    Every read command asks, and counting scans every duty (30 ms at 90,000), so the count is recorded in the graph
    (`meta:unlinked`) with the state it was counted in: the version counter, which every load and linking bumps,
    and the number of duties, which a load killed before its bump changed all the same. A read of an unchanged
    graph takes the record; the ingest that changed it records the new count as it ends."""
    # A label's count alone is the engine's stored count (under 1 ms); joined to another match it counts node by node.
    [duties] = store.read("MATCH (u:Duty) RETURN count(u) AS n")
    meta = {row["uid"]: row for row in store.read(
        "MATCH (m:Meta) WHERE m.uid IN ['meta:version', $uid] "
        "RETURN m.uid AS uid, m.epoch AS epoch, m.version AS version, m.unlinked AS count, m.unlinked_at AS state",
        {"uid": UNLINKED_META})}
    version = meta.get("meta:version", {})
    state = f"{version.get('epoch', '')}:{version.get('version', 0)}:{duties['n']}"
    recorded = meta.get(UNLINKED_META, {})
    if recorded.get("state") == state and recorded.get("count") is not None:
        return int(recorded["count"])
    [row] = store.read("MATCH (u:Duty) WHERE u.status = 'current' AND coalesce(u.linked, false) = false "
                       "RETURN count(u) AS n")
    with contextlib.suppress(StoreError):  # a store this user may only read counts each time
        record_unlinked(store, int(row["n"]), state)
    return int(row["n"])
