"""The edges a document gives the departments it names (graph.schema.PARTY_EDGES) are listed once: the removal's prune
of leftover parties (ingest.load.prune_orphans), the undo point's copy of what a prune takes (graph.undo_scope) and a
party's redirect to the department it turns out to name (ingest.load.redirect_parties) are built from the list. An
edge the loader gives a party that the list lacks would have a removal prune a party still named, and a redirect leave
the edge on a deleted party.

Fixtures (tests/fixtures/party_edges, invented): 北川县's 职责边界清单, 权责清单, 监管事项目录, 实名制统计表 and a 调整
notice, all naming bodies no 三定 of the graph defines; and tests/fixtures/anwei_zhize's 安委会 duties."""

from __future__ import annotations

from pathlib import Path

from graph.schema import HELD_BY_DEPARTMENT, PARTY_EDGES, REL_TYPES
from graph.store import Store
from ingest.pipeline import ingest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PARTIES = FIXTURES / "party_edges"
COMMITTEE = FIXTURES / "anwei_zhize" / "yunxi_anwei_zhize.txt"


def _party_edges(store: Store) -> dict[str, list[str]]:
    """By the name of each department no document of its own defines, the types of its edges."""
    rows = store.read("MATCH (n:Department) WHERE NOT (n)-[:FROM]->() MATCH (n)-[e]-() "
                      "RETURN n.name AS name, collect(DISTINCT type(e)) AS types ORDER BY name")
    return {row["name"]: sorted(row["types"]) for row in rows}


def test_the_list_is_every_department_edge_but_its_place_offices_duties_and_counterparts() -> None:
    touching = {rel.name for rel in REL_TYPES if "Department" in (*rel.sources, *rel.targets)}
    assert touching - {"HAS_DEPARTMENT", "HAS_OFFICE", "HAS_DUTY", "COUNTERPART", "FROM"} == set(PARTY_EDGES)


def test_every_edge_the_loader_gives_a_party_is_listed(store: Store) -> None:
    assert ingest([PARTIES], store).failed == []
    assert ingest([COMMITTEE], store).failed == []
    edges = _party_edges(store)
    assert {name: types for name, types in edges.items() if name.startswith("北川县")} == {
        "北川县体育局": ["HAS_DEPARTMENT", "SUCCEEDED_BY"],
        "北川县林业局": ["ASSISTS", "CLAIMS", "EXERCISES", "HAS_DEPARTMENT", "HAS_DUTY", "HEADCOUNT", "TRANSFERRED_TO"],
        "北川县自然资源局": ["HAS_DEPARTMENT", "LEADS"],
    }
    found = {rel for types in edges.values() for rel in types}
    # Every party edge type is exercised; a party holds nothing else but its place (and the clause a notice moved out).
    assert set(PARTY_EDGES) <= found <= {*HELD_BY_DEPARTMENT, "HAS_DEPARTMENT"}

