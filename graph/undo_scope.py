"""Which nodes an undo point (`graph.undo`) holds when a change is known to stay inside some top-level regions (a
city, a province: `示例市` of `示例市/青山县`): every node placed in one of them, the Meta nodes, and what a prune
anywhere would take (orphan terms and parties, empty regions), found the same way before the change and after it,
so that nodes the change created are found too.

A node's place is read from what the loader writes on it: a region's `path`, the `region` of departments, matters,
items, documents and list versions, an office's department uid (`dept:示例市/青山县/…`) and a duty's holder uid
(`dept:…` or `office:…`). Terms are shared by every region: the undo point keeps those its nodes mention, and puts
back only what is missing (`graph.undo`)."""

from __future__ import annotations

from collections.abc import Sequence

from graph.schema import HELD_BY_DEPARTMENT, rel_alternatives
from graph.store import Store

# Per label, the property that places its nodes: a region's path, or the uid of the department (or holder) it lies
# under, which starts with that department's region (`dept:示例市/青山县/…`).
_PLACED_BY = {"Region": "path", **{label: "region" for label in (
    "Department", "Matter", "PowerItem", "SupervisionItem", "Document", "ListVersion")},
    "Office": "department", "Duty": "holder"}
# Per property, a condition that holds where the node lies in top-level region `$top` (parameters, never formatted).
_IN_TOP = {"path": "n.path = $top OR n.path STARTS WITH $under",
           "region": "n.region = $top OR n.region STARTS WITH $under",
           "department": "n.department STARTS WITH $department",
           "holder": "n.holder STARTS WITH $department OR n.holder STARTS WITH $office"}
_PLACED = {label: _IN_TOP[prop] for label, prop in _PLACED_BY.items()}
# Nodes without their placing property: a scope cannot say whether the change touches them.
_UNPLACED = {label: f"n.{prop} IS NULL" for label, prop in _PLACED_BY.items()}
# What `ingest.load.prune_orphans` takes wherever it lies: kept whole, so that a prune is undone too.
_ORPHANS = (
    "MATCH (n:Department) WHERE NOT (n)-[:FROM]->() "
    f"AND NOT (n)-[:{rel_alternatives(HELD_BY_DEPARTMENT)}]-() "
    "RETURN 'Department' AS label, n.uid AS uid",
    "MATCH (n:Region) WHERE NOT (n)-[:HAS_DEPARTMENT|CONTAINS|HOLDS]->() RETURN 'Region' AS label, n.uid AS uid",
)
ORPHAN_TERMS = "MATCH (t:Term) WHERE NOT (t)<-[:MENTIONS]-() RETURN t.uid AS uid, properties(t) AS props"


def placed_nodes(store: Store, tops: Sequence[str], *, undo_uid: str) -> dict[str, set[str]]:
    """The uids, by label, of the nodes a scope of top-level regions `tops` holds as the graph is now (no Terms:
    `graph.undo` keeps those apart); the undo point's own node is left out."""
    found: dict[str, set[str]] = {}
    for label, condition in _PLACED.items():
        for top in tops:
            for row in store.read(f"MATCH (n:{label}) WHERE {condition} RETURN n.uid AS uid",
                                  {"top": top, "under": f"{top}/", "department": f"dept:{top}/",
                                                   "office": f"office:{top}/"}):
                found.setdefault(label, set()).add(row["uid"])
    for query in _ORPHANS:
        for row in store.read(query):
            found.setdefault(row["label"], set()).add(row["uid"])
    found["Meta"] = {row["uid"] for row in store.read("MATCH (n:Meta) RETURN n.uid AS uid") if row["uid"] != undo_uid}
    return found


def has_unplaced(store: Store) -> bool:
    """Whether the graph holds a node a scope cannot place (written by another program, or a loader before these
    properties): then only the whole graph is a safe undo point."""
    return any(store.read(f"MATCH (n:{label}) WHERE {condition} RETURN n.uid AS uid LIMIT 1")
               for label, condition in _UNPLACED.items())


def top_of(path: str | None) -> str | None:
    """`示例市/青山县` → `示例市`; None for none."""
    return path.split("/")[0] if path else None


def place_of(props: dict[str, object]) -> str | None:
    """The region path a node lies in, read as `_PLACED` reads it: a region's path, a node's `region`, else the
    region in its department's or holder's uid; None for a node placed nowhere (a term, a Meta node)."""
    for key in ("region", "path"):
        if isinstance(value := props.get(key), str) and value:
            return value
    for key in ("department", "holder"):
        if isinstance(value := props.get(key), str) and value.startswith(("dept:", "office:")):
            return value.partition(":")[2]
    return None
