"""Parties merged into their departments all in one write give the graph that merging them one at a time gave.

`reresolve_parties` merged each party by a write of its own (and a version bump), 6 ms a party at 10,000
clauses; now one write merges them all. Two parties of one department are the case to watch: two rows of one
UNWIND that SET the same department's aliases would each start from the value before the other.
"""

from __future__ import annotations

from typing import Any

from graph.store import Statement, Store
from ingest.load import redirect_parties

NODES = [
    ("Region", {"uid": "region:临江市/西河县", "path": "临江市/西河县"}),
    ("Department", {"uid": "dept:chengguan", "name": "西河县城市管理局", "aliases": ["城管局"]}),
    ("Department", {"uid": "dept:minzheng", "name": "西河县民政局", "aliases": []}),
    ("Department", {"uid": "party:1", "name": "西河县城管局", "aliases": ["县城管局"], "unresolved": True}),
    ("Department", {"uid": "party:2", "name": "西河县城市管理和综合执法局", "aliases": ["县城市管理局", "城管局"],
                    "unresolved": True}),
    ("Department", {"uid": "party:3", "name": "西河县民政部门", "aliases": ["县民政部门"], "unresolved": True}),
    ("Matter", {"uid": "matter:扬尘", "name": "扬尘防治"}),
    ("SupervisionItem", {"uid": "sup:XH1", "name": "对占道经营的监督检查"}),
]
EDGES = [
    ("region:临江市/西河县", "HAS_DEPARTMENT", "dept:chengguan", {"source": "doc:b#1"}),
    ("region:临江市/西河县", "HAS_DEPARTMENT", "party:1", {"source": "doc:c#1"}),
    ("region:临江市/西河县", "HAS_DEPARTMENT", "party:2", {"source": "doc:a#1"}),
    ("party:1", "ASSISTS", "matter:扬尘", {"source": "doc:c#2"}),
    ("party:2", "ASSISTS", "matter:扬尘", {"source": "doc:a#2"}),
    ("party:1", "CLAIMS", "sup:XH1", {"source": "doc:c#3"}),
    ("party:2", "CLAIMS", "sup:XH1", {"source": "doc:a#3"}),
    ("party:2", "TRANSFERRED_TO", "party:3", {"source": "doc:a#4"}),
]
MERGES = [("party:1", "dept:chengguan"), ("party:2", "dept:chengguan"), ("party:3", "dept:minzheng")]


def _build(store: Store) -> None:
    for label, props in NODES:
        # Labels are this test's constants.
        store.write(Statement(f"UNWIND $rows AS r CREATE (n:{label}) SET n = r", [props]))
    for start, rel, end, props in EDGES:
        store.write(Statement(f"UNWIND $rows AS r MATCH (a {{uid: r.a}}) MATCH (b {{uid: r.b}}) "
                              f"CREATE (a)-[e:{rel}]->(b) SET e = r.props", [{"a": start, "b": end, "props": props}]))


def _graph(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nodes = store.read("MATCH (n) WHERE NOT n:Meta RETURN n.uid AS uid, n.aliases AS aliases ORDER BY uid")
    edges = store.read("MATCH (a)-[e]->(b) RETURN a.uid AS a, type(e) AS type, b.uid AS b, e.source AS source "
                       "ORDER BY a, type, b, source")
    return nodes, edges


def test_one_write_merges_as_one_at_a_time_did(store: Store, other_store: Store) -> None:
    _build(store)
    _build(other_store)
    redirect_parties(store, MERGES)
    for merge in MERGES:
        redirect_parties(other_store, [merge])
    assert _graph(store) == _graph(other_store)
    nodes, edges = _graph(store)
    assert nodes == [
        {"uid": "dept:chengguan", "aliases": ["县城管局", "县城市管理局", "城管局"]},
        {"uid": "dept:minzheng", "aliases": ["县民政部门"]},
        {"uid": "matter:扬尘", "aliases": None},
        {"uid": "region:临江市/西河县", "aliases": None},
        {"uid": "sup:XH1", "aliases": None},
    ]
    # One claim (keyed by its two ends: the later party's props, as one at a time), the assists one per clause, the
    # least source of the three placings, the transfer between two parties now between their departments.
    assert edges == [
        {"a": "dept:chengguan", "type": "ASSISTS", "b": "matter:扬尘", "source": "doc:a#2"},
        {"a": "dept:chengguan", "type": "ASSISTS", "b": "matter:扬尘", "source": "doc:c#2"},
        {"a": "dept:chengguan", "type": "CLAIMS", "b": "sup:XH1", "source": "doc:a#3"},
        {"a": "dept:chengguan", "type": "TRANSFERRED_TO", "b": "dept:minzheng", "source": "doc:a#4"},
        {"a": "region:临江市/西河县", "type": "HAS_DEPARTMENT", "b": "dept:chengguan", "source": "doc:a#1"},
    ]
