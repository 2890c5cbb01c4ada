"""Stored terms follow the shipped dictionaries: a graph segmented otherwise is segmented again, links follow."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Statement, Store
from ingest import link as link_module
from ingest import refresh as refresh_module
from ingest.content import stored_content
from ingest.link import link, linker, links_are_current
from ingest.load import LINKS_META, SEGMENTATION_META, recorded_segmentation
from ingest.pipeline import ingest
from ingest.refresh import refresh_segmentation, segmentation
from ingest.regions import Region

REPO = Path(__file__).resolve().parents[2]
CITY = Region(("示例市",))
DOCUMENTS = [REPO / "examples" / "sanding" / "shi_chengguan.txt", REPO / "examples" / "sanding" / "shi_zhujian.txt",
             REPO / "examples" / "lists" / "jianguan_shi.csv", REPO / "examples" / "lists" / "bianjie_shi.xlsx",
             REPO / "examples" / "lists" / "quanze_shi_multi.xlsx"]
_SEGMENTED = {"Duty": "u.text", "Matter": "u.name", "PowerItem": "u.name", "SupervisionItem": "u.name"}


def _segmented_state(store: Store) -> dict[str, Any]:
    """Every stored product of segmentation: node properties, MENTIONS edges, and the SIMILAR links."""
    state: dict[str, Any] = {}
    for node_label in _SEGMENTED:
        state[node_label] = store.read(
            f"MATCH (u:{node_label}) RETURN u.uid AS uid, {_SEGMENTED[node_label]} AS text, u.content AS content, "
            "u.terms AS terms, "
            "u.verbs AS verbs, u.objects AS objects, u.category AS category ORDER BY uid")
    state["mentions"] = store.read("MATCH (u)-[m:MENTIONS]->(t:Term) RETURN u.uid AS uid, t.text AS term, "
                                   "m.weight AS weight, m.source AS source ORDER BY uid, term")
    state["similar"] = store.read("MATCH (a:Duty)-[s:SIMILAR]->(b:Duty) RETURN a.uid AS a, b.uid AS b, "
                                  "s.score AS score ORDER BY a, b")
    return state


def _pretend_other_dictionaries(store: Store, recorded: str | None) -> None:
    """What a graph segmented by an older release looks like: other terms on every node, another record."""
    for node_label in _SEGMENTED:
        store.write(Statement(f"UNWIND $rows AS r MATCH (u:{node_label}) SET u.content = r.content",
                              [{"content": "旧词"}]))
    store.write(Statement("UNWIND $rows AS r MATCH (u:Duty) SET u.terms = r.terms, u.objects = r.terms",
                          [{"terms": ["旧词"]}]))
    store.write(Statement("UNWIND $rows AS r MATCH (u:Duty)-[m:MENTIONS]->() DELETE m", [{}]))
    store.write(Statement("UNWIND $rows AS r MERGE (t:Term {uid: r.term}) SET t.text = '旧词' WITH r, t "
                          "MATCH (u:Duty) MERGE (u)-[:MENTIONS {weight: 1}]->(t)", [{"term": "term:旧词"}]))
    store.write(Statement("UNWIND $rows AS r MATCH (:Duty)-[s:SIMILAR]->(:Duty) DELETE s", [{}]))
    if recorded is None:
        store.write(Statement("UNWIND $rows AS r MATCH (m:Meta {uid: r.uid}) DELETE m", [{"uid": SEGMENTATION_META}]))
    else:
        store.write(Statement("UNWIND $rows AS r MATCH (m:Meta {uid: r.uid}) SET m.segmentation = r.segmentation",
                              [{"uid": SEGMENTATION_META, "segmentation": recorded}]))


@pytest.mark.parametrize("recorded", ["another-release#000000000000", None], ids=["other", "unrecorded"])
def test_terms_segmented_otherwise_are_derived_again_and_relinked(store: Store, recorded: str | None) -> None:
    report = ingest(DOCUMENTS, store, region=CITY)
    assert report.failed == [] and report.resegmented == 0
    assert recorded_segmentation(store) == segmentation()
    fresh = _segmented_state(store)
    duties = len(fresh["Duty"])
    assert [len(fresh[label]) for label in _SEGMENTED] == [69, 16, 32, 21]
    assert all(row["content"] == stored_content(row["text"]) for label in _SEGMENTED for row in fresh[label])
    _pretend_other_dictionaries(store, recorded)
    assert _segmented_state(store) != fresh
    relinked = link(store)
    # Every node was derived again from its text, the old terms are gone, and the links were all redone.
    assert relinked.stale and relinked.new == relinked.duties == duties
    assert _segmented_state(store) == fresh
    assert store.read("MATCH (:Duty)-[m:MENTIONS]->(t:Term {text: '旧词'}) RETURN count(m) AS n") == [{"n": 0}]
    assert recorded_segmentation(store) == segmentation()
    # Recorded: the next run rewrites nothing.
    assert refresh_segmentation(store) == 0


def test_ingest_segments_the_graph_again_before_adding_to_it(store: Store) -> None:
    ingest(DOCUMENTS[:1], store, region=CITY)
    stored = len(store.read("MATCH (u) WHERE u:Duty OR u:Matter OR u:PowerItem OR u:SupervisionItem RETURN u.uid"))
    _pretend_other_dictionaries(store, "another-release#000000000000")
    report = ingest(DOCUMENTS[1:2], store, region=CITY)
    assert report.resegmented == stored
    assert report.links is not None and report.links.stale
    contents = store.read("MATCH (u:Duty) WHERE u.content = '旧词' RETURN count(u) AS n")
    assert contents == [{"n": 0}]


def test_the_segmentation_names_the_code_that_segments_and_the_linker_includes_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    shipped, shipped_linker = segmentation(), linker()
    monkeypatch.setattr(refresh_module, "SEGMENTING_MODULES", ("terms.py",))
    refresh_module.segmentation.cache_clear()
    link_module.linker.cache_clear()
    try:
        assert segmentation() != shipped
        assert linker() != shipped_linker and linker().split("#")[0] == shipped_linker.split("#")[0]
    finally:
        monkeypatch.undo()
        refresh_module.segmentation.cache_clear()
        link_module.linker.cache_clear()
    assert (segmentation(), linker()) == (shipped, shipped_linker)


def test_a_graph_is_current_only_with_todays_terms_and_links(store: Store) -> None:
    """What `dutygraph serve` checks before its workers start (and brings up to date with `link`)."""
    assert links_are_current(store)  # an empty graph holds nothing to bring up to date
    ingest(DOCUMENTS[:1], store, region=CITY)
    assert links_are_current(store)
    _pretend_other_dictionaries(store, "another-release#000000000000")
    assert not links_are_current(store)
    link(store)
    assert links_are_current(store)
    _pretend_other_dictionaries(store, None)  # ingested before the record was kept
    assert not links_are_current(store)
    link(store)
    store.write(Statement("UNWIND $rows AS r MATCH (m:Meta {uid: r.uid}) SET m.linker = r.linker",
                          [{"uid": LINKS_META, "linker": "another-linker#000000000000"}]))
    assert not links_are_current(store)
