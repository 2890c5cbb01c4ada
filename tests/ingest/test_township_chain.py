"""A chain of township successions: 撤销桃源乡，并入石桥镇 (the city's 批复 of 2023), then 撤销石桥镇，设立石桥街道 (that
of 2024). What the lists name lands on the chain's last body, 石桥街道办事处, in whatever order the two notices and the
two townships' lists load, and removing either notice gives the graph loaded without it. Before, the edges moved one
succession a load (`ingest.load.follow_successions`), so where 桃源乡's rows ended, and which body they were marked
as naming, depended on the order.

Fixtures (tests/fixtures/xiangzhen_hebing): the two 批复, 桃源乡's list (two basic rows, one 配合 row) and 石桥镇's
(one basic row).
"""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest

from graph.store import Store
from ingest.load import forget_documents
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from queries import catalog
from tests.ingest.conftest import whole_graph_but_contains_source

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "xiangzhen_hebing"
COUNTY = Region(("示例市", "青山县"))
MERGER = FIXTURES / "hebing_pifu.txt"
STREET = FIXTURES / "shezhi_jiedao_pifu.txt"
TAOYUAN_LIST = FIXTURES / "taoyuan_lvzhi.csv"
SHIQIAO_LIST = FIXTURES / "shiqiao_lvzhi.csv"
ALL = (MERGER, STREET, TAOYUAN_LIST, SHIQIAO_LIST)
TAOYUAN = "dept:示例市/青山县/桃源乡/人民政府"
SHIQIAO = "dept:示例市/青山县/石桥镇/人民政府"
OFFICE = "dept:示例市/青山县/石桥街道/街道办事处"


def _load(store: Store, paths: tuple[Path, ...]) -> None:
    store.clear()
    store.apply_schema()
    for path in paths:  # one ingest a file: each load applies what the graph then holds
        assert ingest([path], store, region=COUNTY).failed == []


def _township_edges(store: Store) -> list[tuple[str, str, str, str | None, str | None]]:
    rows = store.read("MATCH (d:Department)-[e:LEADS|ASSISTS]->(m:Matter) WHERE e.township IS NOT NULL "
                      "RETURN d.uid AS holder, type(e) AS role, m.name AS matter, e.redirected_from AS named, "
                      "e.township_from AS township_from ORDER BY matter, role")
    return [(row["holder"], row["role"], row["matter"], row["named"], row["township_from"]) for row in rows]


def _township_duties(store: Store) -> list[tuple[str, str, str]]:
    return [(row["township"], row["part"], row["matter"])
            for row in catalog.run(store, "township_duties", {"region": "示例市/青山县"})]


def _graph(store: Store) -> object:
    """The whole graph but the Documents' notes: a list's warning that its township is none the county is known to
    have (ingest.township_lists.new_townships) says what the graph held when it loaded, as it should."""
    nodes, edges = whole_graph_but_contains_source(store)
    return [{**node, "props": {**node["props"], "notes": None}} if "Document" in node["labels"] else node
            for node in nodes], edges


def _reference(store: Store, paths: tuple[Path, ...]) -> object:
    _load(store, paths)
    return _graph(store)


# Both lists' rows on the 街道办事处, each marked with the government its list named (the edge's redirected_from, the
# row's township_from): 桃源乡's not 石桥镇's, the body they were last moved from.
CHAIN_EDGES = [
    (OFFICE, "LEADS", "农村公厕日常管护", TAOYUAN, TAOYUAN),
    (OFFICE, "LEADS", "山林权属纠纷调处", TAOYUAN, TAOYUAN),
    (OFFICE, "LEADS", "集镇农贸市场秩序维护", SHIQIAO, SHIQIAO),
    (OFFICE, "ASSISTS", "高标准农田建设", TAOYUAN, TAOYUAN),
    ("dept:示例市/青山县/农业农村局", "LEADS", "高标准农田建设", None, TAOYUAN),  # the county's lead: its row moved
]
CHAIN_DUTIES = [("石桥街道办事处", "basic", "山林权属纠纷调处"), ("石桥街道办事处", "basic", "农村公厕日常管护"),
                ("石桥街道办事处", "basic", "集镇农贸市场秩序维护"), ("石桥街道办事处", "assisting", "高标准农田建设")]


def test_the_chain_ends_on_the_street_office_in_every_load_order(store: Store, other_store: Store) -> None:
    reference = _reference(other_store, ALL)
    assert _township_edges(other_store) == CHAIN_EDGES
    assert _township_duties(other_store) == CHAIN_DUTIES
    for order in permutations(ALL):
        _load(store, order)
        assert _township_edges(store) == CHAIN_EDGES, [path.name for path in order]
        assert _graph(store) == reference, [path.name for path in order]


def test_without_the_street_notice_the_rows_are_the_town_s(store: Store) -> None:
    _load(store, (TAOYUAN_LIST, MERGER, STREET, SHIQIAO_LIST))
    remove(store, find_documents(store, [str(STREET)]))
    assert _township_edges(store) == [
        (SHIQIAO, "LEADS", "农村公厕日常管护", TAOYUAN, TAOYUAN), (SHIQIAO, "LEADS", "山林权属纠纷调处", TAOYUAN, TAOYUAN),
        (SHIQIAO, "LEADS", "集镇农贸市场秩序维护", None, None), (SHIQIAO, "ASSISTS", "高标准农田建设", TAOYUAN, TAOYUAN),
        ("dept:示例市/青山县/农业农村局", "LEADS", "高标准农田建设", None, TAOYUAN)]


# A third 批复 merging 石桥镇 into 李村镇: with the 街道 notice, 石桥镇 is split between two bodies (which took which part
# is not known), so the chain from 桃源乡 now ends at 石桥镇 and 石桥镇's own list stays its own. Before, edges already
# moved on to the 街道办事处 stayed there: the end state depended on whether the third notice loaded last.
SPLIT = FIXTURES / "licun_bingru_pifu.txt"
SHORTENED = (MERGER, STREET, SPLIT, TAOYUAN_LIST)
SHORTENED_EDGES = [
    (SHIQIAO, "LEADS", "农村公厕日常管护", TAOYUAN, TAOYUAN),
    (SHIQIAO, "LEADS", "山林权属纠纷调处", TAOYUAN, TAOYUAN),
    (SHIQIAO, "ASSISTS", "高标准农田建设", TAOYUAN, TAOYUAN),
    ("dept:示例市/青山县/农业农村局", "LEADS", "高标准农田建设", None, TAOYUAN),
]


def test_a_notice_shortening_the_chain_moves_the_edges_back_in_every_order(store: Store, other_store: Store) -> None:
    reference = _reference(other_store, SHORTENED)
    assert _township_edges(other_store) == SHORTENED_EDGES
    for order in permutations(SHORTENED):
        _load(store, order)
        assert _township_edges(store) == SHORTENED_EDGES, [path.name for path in order]
        assert _graph(store) == reference, [path.name for path in order]


@pytest.mark.parametrize(("loaded", "leaving"), [
    (ALL, MERGER), (ALL, STREET), (SHORTENED, MERGER), (SHORTENED, STREET), (SHORTENED, SPLIT),
], ids=["merger", "street", "three-merger", "three-street", "three-split"])
def test_removing_a_notice_gives_the_graph_without_it(store: Store, other_store: Store, loaded: tuple[Path, ...],
                                                      leaving: Path) -> None:
    """Of the three notices: removing the split gives the rows back to the 街道办事处; removing the 街道 notice sends
    them on to 李村镇."""
    staying = tuple(path for path in loaded if path != leaving)
    reference = _reference(other_store, staying)
    for order in permutations(loaded):
        _load(store, order)
        remove(store, find_documents(store, [str(leaving)]))
        assert _graph(store) == reference, [path.name for path in order]


# The rows' `township` and their edges follow one rule (`ingest.carried.chain_ends`). Before, the property walked
# the graph its own way: every end reachable, one alike enough. 桃源乡 merged into 石桥镇 and into 李村镇 (by two 批复),
# 石桥镇 then into 李村镇: the walk reached one end, 李村镇, and gave it the rows while their edges stayed on 桃源乡
# (split: which one took which part is not known). 石桥镇 made a 街道 and merged into 李村镇: the walk reached two
# ends and left the rows 桃源乡's while their edges had moved to 石桥镇, where the chain stops.
TAOYUAN_TO_LICUN = FIXTURES / "taoyuan_licun_pifu.txt"
LICUN = "dept:示例市/青山县/李村镇/人民政府"


@pytest.mark.parametrize(("paths", "holder"), [
    ((MERGER, TAOYUAN_TO_LICUN, SPLIT, TAOYUAN_LIST), TAOYUAN),
    ((TAOYUAN_LIST, MERGER, STREET, SPLIT), SHIQIAO),
], ids=["split-rejoined", "split-mid-chain"])
def test_the_rows_township_is_where_their_edges_are(store: Store, paths: tuple[Path, ...], holder: str) -> None:
    _load(store, paths)
    rows = store.read("MATCH (d:Department)-[e:LEADS|ASSISTS]->(m:Matter) WHERE e.township IS NOT NULL "
                      "RETURN d.uid AS holder, type(e) AS role, m.name AS matter, e.township AS township, "
                      "e.redirected_from AS named, e.township_from AS township_from ORDER BY matter, role")
    named = None if holder == TAOYUAN else TAOYUAN
    assert [tuple(row.values()) for row in rows] == [
        (holder, "LEADS", "农村公厕日常管护", holder, named, named),
        (holder, "LEADS", "山林权属纠纷调处", holder, named, named),
        (holder, "ASSISTS", "高标准农田建设", holder, named, named),
        ("dept:示例市/青山县/农业农村局", "LEADS", "高标准农田建设", holder, None, named)]
    holder_name = store.read("MATCH (d:Department {uid: $uid}) RETURN d.name AS name", {"uid": holder})[0]["name"]
    assert {row[0] for row in _township_duties(store)} == {holder_name}


def _chain_ends(store: Store) -> list[tuple[str, str]]:
    return [(row["uid"], row["end"]) for row in store.read(
        "MATCH (d:Department) WHERE d.chain_end IS NOT NULL RETURN d.uid AS uid, d.chain_end AS end ORDER BY uid")]


def test_taking_a_list_out_in_a_load_keeps_the_chain_ends(store: Store) -> None:
    """A list's new version replacing the old takes the old out in the load's write (`forget_documents`): the chain
    ends are no list's, and stay. Before, every replacement cleared them all (a scan of the departments), and
    township_duties had none until the run's end."""
    _load(store, ALL)
    assert _chain_ends(store) == [(TAOYUAN, OFFICE), (SHIQIAO, OFFICE)]
    [shiqiao_list] = [held.uid for held in find_documents(store, [str(SHIQIAO_LIST)])]
    store.write_atomic(forget_documents([shiqiao_list]))
    assert _chain_ends(store) == [(TAOYUAN, OFFICE), (SHIQIAO, OFFICE)]
    assert _township_duties(store) == CHAIN_DUTIES[:2] + CHAIN_DUTIES[3:]


def test_with_no_succession_left_the_rows_and_ends_are_the_township_s(store: Store, other_store: Store) -> None:
    """Both notices out: no succession is left, and the rows, their edges and the ends are as loading the lists
    alone gives."""
    _load(store, ALL)
    remove(store, find_documents(store, [str(MERGER), str(STREET)]))
    assert _chain_ends(store) == []
    assert _township_duties(store) == [("桃源乡人民政府", "basic", "山林权属纠纷调处"), ("桃源乡人民政府", "basic", "农村公厕日常管护"),
                                       ("桃源乡人民政府", "assisting", "高标准农田建设"), ("石桥镇人民政府", "basic", "集镇农贸市场秩序维护")]
    assert _graph(store) == _reference(other_store, (TAOYUAN_LIST, SHIQIAO_LIST))
