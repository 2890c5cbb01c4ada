"""A list naming parties by names only a 三定 explains (ingest.pipeline.reresolve_parties), in both load orders, and
the 三定 taken out again.

tests/fixtures/explained_parties: the 三定 of 青禾市市场监督管理局 says it 加挂青禾市知识产权局牌子 and has the offices
知识产权保护科 and 信用监督管理科; a 职责边界清单 names 市知识产权局 (the plate) as 牵头 of two matters,
市市场监管局（信用监督管理科） (an office in brackets) as 牵头 of one, and the bare office 知识产权保护科 as 配合.
What holds: every 牵头/配合 edge is the same in either order (the plate and the bracketed office re-resolve to the
bureau once the 三定 loads); the bare office stays a party of its own in both (no mention resolves to an office's
department: a gap of the resolver, the same either way); the bureau's `aliases` are in one order whatever the load
order (ingest.alias_sources.rebuilt); and taking the 三定 out reads the lists that named the bureau again from their
files (ingest.removal._EXPLAINED), leaving the graph of the lists alone, in every load order. A second list
(qinghe_zhijian.csv) names the bureau 市市场监管局 and the plate 市知识产权局 as 配合."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from tests.ingest.conftest import whole_graph

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "explained_parties"
SANDING = FIXTURES / "qinghe_shichangjianguan.txt"
LIST = FIXTURES / "qinghe_bianjie.csv"
OTHER = FIXTURES / "qinghe_zhijian.csv"
CITY = Region(("青禾市",))
_PARTIES = ("MATCH (d:Department)-[e:LEADS|ASSISTS]->(m:Matter) "
            "RETURN m.name AS matter, type(e) AS role, d.name AS party, d.unresolved AS unresolved "
            "ORDER BY matter, role, party")


def _load(store: Store, *paths: Path) -> None:
    for path in paths:
        assert ingest([path], store, region=CITY).failed == []


def _parties(store: Store) -> list[dict[str, Any]]:
    return store.read(_PARTIES)


def _aliases(store: Store) -> list[str]:
    [row] = store.read("MATCH (d:Department {name: $name}) RETURN d.aliases AS aliases", {"name": BUREAU})
    return row["aliases"]


BUREAU = "青禾市市场监督管理局"
EXPLAINED = [
    {"matter": "专利侵权纠纷调处", "role": "ASSISTS", "party": "青禾市司法局", "unresolved": True},
    {"matter": "专利侵权纠纷调处", "role": "LEADS", "party": BUREAU, "unresolved": False},
    {"matter": "商标代理机构监管", "role": "ASSISTS", "party": "青禾市知识产权保护科", "unresolved": True},
    {"matter": "商标代理机构监管", "role": "LEADS", "party": BUREAU, "unresolved": False},
    {"matter": "经营异常名录管理", "role": "ASSISTS", "party": "青禾市税务局", "unresolved": True},
    {"matter": "经营异常名录管理", "role": "LEADS", "party": BUREAU, "unresolved": False}]
# The list alone: the plate is a party of its own, the bureau named as the list writes it.
ALONE = [
    {"matter": "专利侵权纠纷调处", "role": "ASSISTS", "party": "青禾市司法局", "unresolved": True},
    {"matter": "专利侵权纠纷调处", "role": "LEADS", "party": "青禾市知识产权局", "unresolved": True},
    {"matter": "商标代理机构监管", "role": "ASSISTS", "party": "青禾市知识产权保护科", "unresolved": True},
    {"matter": "商标代理机构监管", "role": "LEADS", "party": "青禾市知识产权局", "unresolved": True},
    {"matter": "经营异常名录管理", "role": "ASSISTS", "party": "青禾市税务局", "unresolved": True},
    {"matter": "经营异常名录管理", "role": "LEADS", "party": "青禾市市场监管局", "unresolved": True}]


def test_the_plate_and_the_bracketed_office_read_as_the_bureau_in_either_order(store: Store,
                                                                                other_store: Store) -> None:
    _load(store, SANDING, LIST)
    _load(other_store, LIST, SANDING)
    assert _parties(store) == _parties(other_store) == EXPLAINED
    assert whole_graph(store)[1] == whole_graph(other_store)[1]  # every edge, with its properties


def test_the_whole_graph_is_the_same_in_either_order(store: Store, other_store: Store) -> None:
    _load(store, SANDING, LIST)
    _load(other_store, LIST, SANDING)
    assert whole_graph(store) == whole_graph(other_store)
    # The 三定's plate first, then the list's names in order of their source (ingest.alias_sources.rebuilt): before,
    # the list's 市市场监管局（信用监督管理科） came first where the list loaded first.
    assert _aliases(store) == _aliases(other_store) == ["青禾市知识产权局", "市市场监管局（信用监督管理科）", "市知识产权局"]


@pytest.mark.parametrize("order", ["sanding_first", "list_first"])
def test_taking_the_sanding_out_leaves_the_list_as_loaded_alone(store: Store, other_store: Store, order: str) -> None:
    """The list is read again from its file (ingest.removal._EXPLAINED): before, its rows stayed on the bureau, now a
    party named 青禾市市场监督管理局 with the name 市知识产权局, where the list alone has a party 青禾市知识产权局."""
    _load(store, *((SANDING, LIST) if order == "sanding_first" else (LIST, SANDING)))
    removal = remove(store, find_documents(store, [str(SANDING)]))
    assert [held.path for held in removal.parties_reread] == [str(LIST)]
    assert removal.parties_not_reread == []
    _load(other_store, LIST)
    assert whole_graph(store) == whole_graph(other_store)
    assert _parties(store) == ALONE


@pytest.mark.parametrize("order", list(permutations((SANDING, LIST, OTHER))), ids=lambda order: "-".join(
    path.stem for path in order))
def test_the_sanding_taken_out_after_any_load_order_leaves_the_same_graph(store: Store, other_store: Store,
                                                                          order: tuple[Path, ...]) -> None:
    """With a second list that names the bureau only by a name the list alone gives too (市市场监管局), in every
    order the three load in: the graph of the two lists alone."""
    _load(store, *order)
    remove(store, find_documents(store, [str(SANDING)]))
    _load(other_store, LIST, OTHER)
    assert whole_graph(store) == whole_graph(other_store)


def test_a_list_whose_file_changed_is_said_and_stays_as_loaded(store: Store, tmp_path: Path) -> None:
    copied = tmp_path / LIST.name
    copied.write_bytes(LIST.read_bytes())
    _load(store, SANDING, copied)
    copied.write_bytes(LIST.read_bytes() + "4,广告监测,市知识产权局,,新增的一行。\n".encode())
    removal = remove(store, find_documents(store, [str(SANDING)]))
    assert removal.parties_reread == []
    assert [held.path for held in removal.parties_not_reread] == [str(copied)]
    # Left as loaded: its rows on the bureau, a party now, as before this removal read lists again.
    assert [row["party"] for row in _parties(store) if row["role"] == "LEADS"] == [BUREAU] * 3
