"""The only module that writes to a store: one document's rows as one atomic, idempotent write.

Every write MERGEs on `uid`, so loading the same document twice changes nothing. Department facts
that a newer 三定 or amendment may revise (kind, rank, staffing) are only overwritten by a document
issued on or after the one that set them, whatever the order of ingestion.
"""

from __future__ import annotations

import uuid
from typing import Any

from graph.schema import REL_NAMES, label, rel_type
from graph.store import Statement, Store
from ingest.records import GraphRows

# Facts of a Department that belong to one version of its 三定.
VERSIONED_DEPARTMENT_PROPS = (
    "kind", "rank", "supervisor", "staff_quota", "other_staff", "leader_posts", "leader_posts_detail",
    "office_leader_posts", "office_leader_posts_detail", "offices_stated",
)
# Relationships that one document may state several times between the same two nodes, once per clause.
_KEYED_BY_SOURCE = frozenset({"LEADS", "ASSISTS", "TRANSFERRED_TO", "HOLDS"})


def _merge_nodes(node_label: str) -> str:
    label(node_label)  # labels come from the schema, never from input
    return f"UNWIND $rows AS r MERGE (n:{node_label} {{uid: r.uid}}) SET n += r.props"


_MERGE_MENTIONED_DEPARTMENTS = (
    "UNWIND $rows AS r MERGE (n:Department {uid: r.uid}) "
    "ON CREATE SET n += r.props "
    "ON MATCH SET n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN r.props.aliases] + r.props.aliases"
)

# A duty restated by several versions keeps the newest version's ordinal, status and source: an older
# document's row (last_stated earlier than the stored one) changes nothing.
_MERGE_DUTIES = (
    "UNWIND $rows AS r MERGE (n:Duty {uid: r.uid}) "
    "WITH n, r WHERE coalesce(n.last_stated, '') <= r.props.last_stated SET n += r.props"
)


def _merge_defined_departments() -> str:
    versioned = ", ".join(
        f"n.{prop} = CASE WHEN coalesce(n.sanding_issued, '') <= r.props.issued "
        f"THEN coalesce(r.props.{prop}, n.{prop}) ELSE n.{prop} END"
        for prop in VERSIONED_DEPARTMENT_PROPS
    )
    return (
        "UNWIND $rows AS r MERGE (n:Department {uid: r.uid}) "
        "SET n.name = r.props.name, n.base_name = r.props.base_name, n.region = r.props.region, "
        "n.vague = false, n.unresolved = false, n.candidates = [], n.source = r.props.source, "
        "n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN r.props.aliases] + r.props.aliases, "
        f"{versioned}, "
        "n.sanding_issued = CASE WHEN coalesce(n.sanding_issued, '') < r.props.issued "
        "THEN r.props.issued ELSE coalesce(n.sanding_issued, '') END"
    )


def _merge_relationships(rel: str, from_label: str, to_label: str) -> str:
    if rel not in REL_NAMES:
        raise KeyError(rel)
    spec = rel_type(rel)
    if from_label not in spec.sources or to_label not in spec.targets:
        raise ValueError(f"{rel} does not go from {from_label} to {to_label}")
    key = " {source: x.source}" if rel in _KEYED_BY_SOURCE else ""
    # Rows come grouped by their start node (_grouped), which is looked up once for all its edges.
    return (
        f"UNWIND $rows AS r MATCH (a:{from_label} {{uid: r.from}}) UNWIND r.edges AS x "
        f"MATCH (b:{to_label} {{uid: x.to}}) MERGE (a)-[e:{rel}{key}]->(b) SET e.source = x.source, e += x.props"
    )


def _node_rows(nodes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"uid": uid, "props": props} for uid, props in sorted(nodes.items())]


def statements_for(rows: GraphRows) -> list[Statement]:
    """Nodes before the relationships that MATCH them; the order is fixed so a write is reproducible."""
    statements = [
        Statement(_merge_nodes("Document"), [{"uid": rows.document["uid"],
                                              "props": {k: v for k, v in rows.document.items() if k != "uid"}}]),
        Statement(_merge_nodes("Region"), _node_rows(rows.regions)),
        Statement(_MERGE_MENTIONED_DEPARTMENTS, _node_rows(rows.mentioned_departments)),
        Statement(_merge_defined_departments(), _node_rows(rows.defined_departments)),
        Statement(_merge_nodes("Office"), _node_rows(rows.offices)),
        Statement(_MERGE_DUTIES, _node_rows(rows.duties)),
        Statement(_merge_nodes("Matter"), _node_rows(rows.matters)),
        Statement(_merge_nodes("PowerItem"), _node_rows(rows.power_items)),
        Statement(_merge_nodes("SupervisionItem"), _node_rows(rows.supervision_items)),
        Statement(_merge_nodes("Term"), _node_rows(rows.terms)),
    ]
    for (rel, from_label, to_label), rel_rows in sorted(rows.relationships.items()):
        statements.append(Statement(_merge_relationships(rel, from_label, to_label), _grouped(_dedupe(rel, rel_rows))))
    return statements


def _dedupe(rel: str, rel_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per relationship MERGE key: two identical rows in one UNWIND would both try to create it."""
    unique: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in rel_rows:
        key = (row["from"], row["to"], row["source"] if rel in _KEYED_BY_SOURCE else "")
        unique.setdefault(key, row)
    return list(unique.values())


def _grouped(rel_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Relationship rows as one row per start node with its edges, in first-seen order."""
    edges: dict[str, list[dict[str, Any]]] = {}
    for row in rel_rows:
        edges.setdefault(row["from"], []).append({"to": row["to"], "source": row["source"], "props": row["props"]})
    return [{"from": start, "edges": group} for start, group in edges.items()]


def bump_version() -> Statement:
    """Count a write. `epoch` is drawn when the counter is created, so a reset graph never repeats a version."""
    return Statement(
        "UNWIND $rows AS r MERGE (m:Meta {uid: r.uid}) "
        "SET m.version = coalesce(m.version, 0) + 1, m.epoch = coalesce(m.epoch, r.epoch)",
        [{"uid": "meta:version", "epoch": uuid.uuid4().hex}],
    )


def load_rows(store: Store, rows: GraphRows) -> None:
    """Write one document: all of it or, on any failure, nothing (the version bump included)."""
    store.write_atomic([*statements_for(rows), bump_version()])


def write_similar(store: Store, *, boilerplate: dict[str, bool], similar: list[tuple[str, str, float, str]],
                  replace: bool) -> None:
    """The first half of the derived links (ingest/link.py): boilerplate flags and SIMILAR edges.
    Idempotent MERGEs; `replace` drops the old SIMILAR/REFINES first."""
    if replace:
        for rel in ("SIMILAR", "REFINES"):
            store.write(Statement(f"UNWIND $rows AS r MATCH (:Duty)-[e:{rel}]->(:Duty) DELETE e", [{}]))
    store.write(Statement("UNWIND $rows AS r MATCH (u:Duty {uid: r.uid}) SET u.boilerplate = r.flag",
                          [{"uid": uid, "flag": flag} for uid, flag in sorted(boilerplate.items())]))
    store.write(Statement(
        "UNWIND $rows AS r MATCH (a:Duty {uid: r.a}) MATCH (b:Duty {uid: r.b}) "
        "MERGE (a)-[e:SIMILAR]->(b) SET e.score = r.score, e.method = r.method",
        [{"a": a, "b": b, "score": score, "method": method} for a, b, score, method in similar]))


def write_links(store: Store, *, refines: list[tuple[str, str, float]], counterparts: list[tuple[str, str]],
                linked: list[str]) -> None:
    """The second half: REFINES and COUNTERPART edges, then the `linked` flags that mark the duties done
    (last, so that an interrupted run links them again), then the version."""
    store.write(Statement(
        "UNWIND $rows AS r MATCH (a:Duty {uid: r.a}) MATCH (b:Duty {uid: r.b}) "
        "MERGE (a)-[e:REFINES]->(b) SET e.score = r.score, e.source = 'link'",
        [{"a": a, "b": b, "score": score} for a, b, score in refines]))
    store.write(Statement(
        "UNWIND $rows AS r MATCH (a:Department {uid: r.a}) MATCH (b:Department {uid: r.b}) "
        "MERGE (a)-[e:COUNTERPART]->(b) SET e.source = 'link'",
        [{"a": a, "b": b} for a, b in counterparts]))
    store.write(Statement("UNWIND $rows AS r MATCH (u:Duty {uid: r.uid}) SET u.linked = true",
                          [{"uid": uid} for uid in linked]))
    store.write(bump_version())
