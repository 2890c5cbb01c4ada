"""A list naming parties by names only a 三定 explains (ingest.pipeline.reresolve_parties), in both load orders, and
the 三定 taken out again.

tests/fixtures/explained_parties: the 三定 of 青禾市市场监督管理局 says it 加挂青禾市知识产权局牌子 and has the offices
知识产权保护科 and 信用监督管理科; a 职责边界清单 names 市知识产权局 (the plate) as 牵头 of two matters,
市市场监管局（信用监督管理科） (an office in brackets) as 牵头 of one, and the bare office 知识产权保护科 as 配合.
What holds: every 牵头/配合 edge is the same in either order (the plate and the bracketed office re-resolve to the
bureau once the 三定 loads); the bare office stays a party of its own in both (no mention resolves to an office's
department: a gap of the resolver, the same either way). What does not hold yet (strict xfail, see the reasons): the
bureau's `aliases` list follows load order, and removing the 三定 leaves the plate's party merged into the bureau."""

from __future__ import annotations

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
CITY = Region(("青禾市",))
_PARTIES = ("MATCH (d:Department)-[e:LEADS|ASSISTS]->(m:Matter) "
            "RETURN m.name AS matter, type(e) AS role, d.name AS party, d.unresolved AS unresolved "
            "ORDER BY matter, role, party")


def _load(store: Store, *paths: Path) -> None:
    for path in paths:
        assert ingest([path], store, region=CITY).failed == []


def _parties(store: Store) -> list[dict[str, Any]]:
    return store.read(_PARTIES)


BUREAU = "青禾市市场监督管理局"
EXPLAINED = [
    {"matter": "专利侵权纠纷调处", "role": "ASSISTS", "party": "青禾市司法局", "unresolved": True},
    {"matter": "专利侵权纠纷调处", "role": "LEADS", "party": BUREAU, "unresolved": False},
    {"matter": "商标代理机构监管", "role": "ASSISTS", "party": "青禾市知识产权保护科", "unresolved": True},
    {"matter": "商标代理机构监管", "role": "LEADS", "party": BUREAU, "unresolved": False},
    {"matter": "经营异常名录管理", "role": "ASSISTS", "party": "青禾市税务局", "unresolved": True},
    {"matter": "经营异常名录管理", "role": "LEADS", "party": BUREAU, "unresolved": False}]


def test_the_plate_and_the_bracketed_office_read_as_the_bureau_in_either_order(store: Store,
                                                                                other_store: Store) -> None:
    _load(store, SANDING, LIST)
    _load(other_store, LIST, SANDING)
    assert _parties(store) == _parties(other_store) == EXPLAINED
    assert whole_graph(store)[1] == whole_graph(other_store)[1]  # every edge, with its properties


@pytest.mark.xfail(strict=True, reason="the bureau's aliases list is in load order: the 三定's plate first when it "
                                       "loads first, the list's 市市场监管局（信用监督管理科） first when the list does")
def test_the_whole_graph_is_the_same_in_either_order(store: Store, other_store: Store) -> None:
    _load(store, SANDING, LIST)
    _load(other_store, LIST, SANDING)
    assert whole_graph(store) == whole_graph(other_store)


@pytest.mark.parametrize("order", ["sanding_first", "list_first"])
@pytest.mark.xfail(strict=True, reason="redirect_parties merged the party 青禾市知识产权局 into the bureau and deleted "
                                       "it; taking the 三定 out leaves its rows and its name 市知识产权局 on the bureau "
                                       "(now a party), where the list alone has them on a party 青禾市知识产权局, and "
                                       "names the bureau 青禾市市场监督管理局 where the list alone writes 青禾市市场监管局")
def test_taking_the_sanding_out_leaves_the_list_as_loaded_alone(store: Store, other_store: Store, order: str) -> None:
    _load(store, *((SANDING, LIST) if order == "sanding_first" else (LIST, SANDING)))
    remove(store, find_documents(store, [str(SANDING)]))
    _load(other_store, LIST)
    assert whole_graph(store) == whole_graph(other_store)
