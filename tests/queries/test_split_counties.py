"""The counties of a city's 市县事权划分 side by side (power_split's `counties`) and the matters where one county
differs from the others (`differences`): the sample corpus (示例市's 河西区 and 青山县), a city of three counties
(tests/fixtures/three_counties, invented), and cities of one county (county_split) or none loaded (level_split)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.power_split import power_split

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _side_by_side(split: dict[str, Any]) -> list[tuple[object, ...]]:
    return [(row["domain"], row["share"], tuple(row["by_county"].values()), row["differs"])
            for row in split["counties"]]


def _differences(split: dict[str, Any]) -> list[tuple[object, ...]]:
    return [(row["region"], row["kind"], row["domain"], row["share"], row["matter"]) for row in split["differences"]]


def test_the_sample_city_s_counties_side_by_side(corpus: Store) -> None:
    split = power_split(corpus, "示例市")
    assert list(split["counties"][0]["by_county"]) == ["示例市/河西区", "示例市/青山县"]
    # Every cell a county holds a matter of (the city's own 市级专有 cells are not), 河西区's count then 青山县's.
    assert _side_by_side(split) == [
        ("交通运输", "county_exclusive", (2, 2), False), ("交通运输", "shared", (3, 3), False),
        ("住房城乡建设", "county_exclusive", (1, 1), False), ("住房城乡建设", "shared", (3, 5), True),
        ("农业农村", "county_exclusive", (2, 3), True), ("农业农村", "delegated", (0, 1), True),
        ("农业农村", "shared", (1, 1), False), ("卫生健康", "county_exclusive", (2, 2), False),
        ("卫生健康", "shared", (2, 2), False), ("城市管理", "county_exclusive", (1, 0), True),
        ("城市管理", "shared", (3, 4), True), ("市场监管", "county_exclusive", (3, 3), False),
        ("市场监管", "delegated", (0, 1), True), ("市场监管", "shared", (1, 1), False),
        ("应急管理", "county_exclusive", (1, 1), False), ("应急管理", "delegated", (0, 1), True),
        ("应急管理", "shared", (3, 3), False), ("教育", "county_exclusive", (3, 3), False),
        ("水利", "shared", (1, 1), False)]
    # The counts are the cells' own: one computation of the split, read twice.
    cells = {(c["domain"], c["share"]): c["by_region"] for c in split["cells"]}
    assert all(cells[(row["domain"], row["share"])].get(path, 0) == count
               for row in split["counties"] for path, count in row["by_county"].items())
    # Of two counties, a matter one of them lacks is the other's alone: said once, as the one holding it.
    assert _differences(split) == [
        ("示例市/河西区", "held_alone", "城市管理", "county_exclusive", "门店招牌设置备案"),
        ("示例市/青山县", "held_alone", "住房城乡建设", "shared", "商品房预售许可"),
        ("示例市/青山县", "held_alone", "住房城乡建设", "shared", "燃气经营许可"),
        ("示例市/青山县", "held_alone", "农业农村", "county_exclusive", "农村宅基地审批管理"),
        ("示例市/青山县", "held_alone", "农业农村", "delegated", "农药经营许可"),
        ("示例市/青山县", "held_alone", "城市管理", "shared", "城市建筑垃圾处置核准"),
        ("示例市/青山县", "held_alone", "市场监管", "delegated", "特种设备使用登记"),
        ("示例市/青山县", "held_alone", "应急管理", "delegated", "地震监测设施和观测环境保护")]
    assert [source.split("#")[1] for source in split["differences"][0]["sources"]] == ["市场监管和城乡建设!18"]


def test_a_county_asked_keeps_the_comparison_and_its_own_differences(corpus: Store) -> None:
    whole, hexi = power_split(corpus, "示例市"), power_split(corpus, "示例市", "示例市/河西区")
    assert hexi["counties"] == whole["counties"]
    assert _differences(hexi) == [("示例市/河西区", "held_alone", "城市管理", "county_exclusive", "门店招牌设置备案")]
    assert power_split(corpus, "示例市", "示例市")["differences"] == whole["differences"]


def test_a_county_lacking_what_every_other_holds(store: Store) -> None:
    assert ingest([FIXTURES / "three_counties"], store, region=Region(("南屿市",))).failed == []
    split = power_split(store, "南屿市")
    assert list(split["counties"][0]["by_county"]) == ["南屿市/东湖区", "南屿市/北岭县", "南屿市/西山县"]
    assert _side_by_side(split) == [
        ("农业农村", "county_exclusive", (1, 2, 2), True), ("农业农村", "shared", (1, 0, 1), True),
        ("城市管理", "county_exclusive", (1, 0, 0), True), ("城市管理", "shared", (1, 1, 1), False),
        ("应急管理", "delegated", (0, 1, 0), True)]
    assert _differences(split) == [
        ("南屿市/东湖区", "held_alone", "城市管理", "county_exclusive", "门店招牌设置备案"),
        ("南屿市/东湖区", "lacked_alone", "农业农村", "county_exclusive", "农村宅基地审批管理"),
        ("南屿市/北岭县", "held_alone", "应急管理", "delegated", "地震监测设施和观测环境保护"),
        ("南屿市/北岭县", "lacked_alone", "农业农村", "shared", "渔船检验")]
    # What a county lacks rests on the rows giving it to the others.
    assert [source.split("#")[1] for source in split["differences"][1]["sources"]] == ["第4行"]
    assert _differences(power_split(store, "南屿市", "南屿市/西山县")) == []


def test_a_city_of_one_county_or_none_has_nothing_to_differ(store: Store) -> None:
    assert ingest([FIXTURES / "county_split"], store, region=Region(("临海市",))).failed == []
    one = power_split(store, "临海市")
    assert _side_by_side(one) == [("市场监管", "county_exclusive", (1,), False), ("应急管理", "shared", (1,), False)]
    assert one["differences"] == []
    store.clear()
    store.apply_schema()
    assert ingest([FIXTURES / "level_split" / "qingyan_shi_dangan_quanze.csv"], store,
                  region=Region(("青岩市",))).failed == []
    assert (power_split(store, "青岩市")["counties"], power_split(store, "青岩市")["differences"]) == ([], [])
