"""Duties loaded but never linked: what an ingest stopped midway leaves.

Kept out of ingest/link.py, whose source names the linker (`link.linker`): a change here must not make every
graph's links stale."""

from __future__ import annotations

from graph.store import Store


def unlinked_duties(store: Store) -> int:
    """Current duties loaded but never linked: an ingest stopped between loading its files and linking them (Ctrl-C,
    a SIGTERM, a crash), so overlaps, REFINES and who_handles miss them until `dutygraph link` (user test: an
    interrupted ingest's graph answered "no overlaps" without a word)."""
    [row] = store.read("MATCH (u:Duty) WHERE u.status = 'current' AND coalesce(u.linked, false) = false "
                       "RETURN count(u) AS n")
    return int(row["n"])
