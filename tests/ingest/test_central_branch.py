"""A central body's branch sited in a province (垂直管理: 中华人民共和国广东海事局 in Guangdong's 政务服务 export) lies in
the province whose list names it, not in 全国 (user test); the ministry itself (…海关总署) stays national. The list,
tests/fixtures/central_branch/, is invented: an 东海海事局 in a 东海省 list."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region, split_region_prefix
from queries import catalog
from tests.conftest import real_document

LIST = Path(__file__).resolve().parents[1] / "fixtures" / "central_branch" / "donghai_sheng_quanze.csv"
EXPECTED = sorted([{"region": "全国", "name": "中华人民共和国海关总署"},
                   {"region": "东海省", "name": "东海省交通运输厅"},
                   {"region": "东海省", "name": "中华人民共和国东海海事局"}], key=lambda row: (row["region"], row["name"]))


def test_branch_names_are_no_national_prefix() -> None:
    assert split_region_prefix("中华人民共和国东海海事局") == ((), "中华人民共和国东海海事局")
    assert split_region_prefix("中华人民共和国海关总署东海分署") == ((), "中华人民共和国海关总署东海分署")
    assert split_region_prefix("中华人民共和国海关总署") == (("全国",), "中华人民共和国海关总署")
    assert split_region_prefix("中华人民共和国海事局") == (("全国",), "中华人民共和国海事局")
    # A ministry's own body is national with the prefix as without it (review).
    assert split_region_prefix("中华人民共和国公安部出入境管理局") == (("全国",), "中华人民共和国公安部出入境管理局")


@pytest.mark.parametrize("region", [None, Region(("东海省",))])
def test_a_branch_lies_in_the_province_of_its_list(store: Store, region: Region | None) -> None:
    assert ingest([LIST], store, region=region).failed == []
    rows = store.read("MATCH (d:Department) RETURN d.region AS region, d.name AS name")
    assert sorted(rows, key=lambda row: (row["region"], row["name"])) == EXPECTED
    items = store.read("MATCH (p:PowerItem) RETURN p.region AS region, p.code AS code")
    assert sorted((row["code"], row["region"]) for row in items) == [
        ("DH-CF-003", "东海省"), ("DH-XK-001", "东海省"), ("DH-XK-002", "东海省"), ("DH-XK-004", "全国")]
    # The province's review counts the branch's item as the province's: 3 items of the list, by 2 holders.
    rows = catalog.run(store, "power_item_review", {"region": "东海省"})
    assert sorted(row["detail"] for row in rows) == [
        "权责清单（donghai_sheng_quanze.csv）全部 3 项均未写设定依据（实施依据）：清单没有依据列，或该列全部为空",
        "权责清单（donghai_sheng_quanze.csv）全部 3 项的实施主体（2 个）图中均没有其三定：载入这些部门的三定后，方能核对实施主体和职权法定"]


def test_guangdong_export_keeps_its_branches_in_guangdong(store: Store) -> None:
    assert ingest([real_document("guangdong_sheng_guangzhou_zhengwufuwu_shixiang.csv")], store).failed == []
    rows = store.read("MATCH (d:Department) WHERE d.name STARTS WITH '中华人民共和国' RETURN d.region AS region, "
                      "d.name AS name ORDER BY name")
    assert rows == [{"region": "广东省", "name": name} for name in sorted(
        ["中华人民共和国广东海事局", "中华人民共和国广州海关", "中华人民共和国海关总署广东分署", "中华人民共和国黄埔海关"])]


BRANCHES = LIST.with_name("donghai_sheng_chuizhi.csv")


@pytest.mark.parametrize(("name", "names"), [
    ("国家税务总局东海省税务局", ("东海省",)),  # a province written out
    ("国家税务总局青岩市税务局", ("青岩市",)),  # a city: placed under its province as any city's name is
    ("国家金融监督管理总局广东监管局", ("广东省",)),  # a province's short name before a bureau's word
    ("交通运输部东海救助局", ()),  # a sea area: the document's region
    ("国家税务总局", ("全国",)),
    ("公安部出入境管理局", ("全国",)),  # a ministry's own body
    ("公安部上海消防研究所", ("全国",)),  # …sited in a city, but no branch
    ("国家税务总局驻青岩特派员办事处", ("全国",)),
])
def test_central_branches_named_with_their_region(name: str, names: tuple[str, ...]) -> None:
    assert split_region_prefix(name) == (names, name)


@pytest.mark.parametrize("region", [None, Region(("东海省",))])
def test_branches_named_with_a_province_or_a_sea_lie_there(store: Store, region: Region | None) -> None:
    """A branch named with its province lies in that province (one named with another province's, in that one); a sea
    area's branch lies in the province whose list names it; a ministry's own body stays national."""
    assert ingest([BRANCHES], store, region=region).failed == []
    rows = store.read("MATCH (d:Department) RETURN d.region AS region, d.name AS name ORDER BY region, name")
    assert rows == [{"region": "东海省", "name": "东海省交通运输厅"},
                    {"region": "东海省", "name": "交通运输部东海救助局"},
                    {"region": "东海省", "name": "国家税务总局东海省税务局"},
                    {"region": "全国", "name": "公安部出入境管理局"},
                    {"region": "广东省", "name": "国家统计局广东调查总队"},
                    {"region": "广东省", "name": "国家金融监督管理总局广东监管局"}]


def test_guangdong_export_keeps_the_tax_bureau_and_the_sea_branches_in_guangdong(store: Store) -> None:
    assert ingest([real_document("guangdong_sheng_guangzhou_zhengwufuwu_shixiang.csv")], store).failed == []
    rows = store.read("MATCH (d:Department) WHERE d.name IN $names RETURN d.region AS region, d.name AS name, "
                      "size([(d)-[:EXERCISES]->(p:PowerItem) | p]) AS items ORDER BY name",
                      {"names": ["国家税务总局广东省税务局", "交通运输部南海救助局", "自然资源部南海局"]})
    assert rows == [{"region": "广东省", "name": "交通运输部南海救助局", "items": 1},
                    {"region": "广东省", "name": "国家税务总局广东省税务局", "items": 53},
                    {"region": "广东省", "name": "自然资源部南海局", "items": 1}]
