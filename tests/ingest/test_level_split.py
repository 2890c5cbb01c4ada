"""A city's 权责清单 with a 行使层级 column (市 / 县 / 市、县) divides its matters between the city and its counties,
read into the 市县 split as a 市县事权划分清单's own column is (ingest/level_split.py). The list,
tests/fixtures/level_split/, is invented; the real 档案 list is read when present."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.power_split import power_split
from tests.conftest import real_document

LIST = Path(__file__).resolve().parents[1] / "fixtures" / "level_split" / "qingyan_shi_dangan_quanze.csv"


def _holds(store: Store) -> list[dict[str, object]]:
    return store.read("MATCH (r:Region)-[h:HOLDS]->(m:Matter) RETURN m.name AS matter, r.path AS region, "
                      "h.share AS share, h.text AS text, m.all_counties_share AS counties ORDER BY matter, region")


def test_a_city_lists_levels_divide_its_matters(store: Store) -> None:
    assert ingest([LIST], store, region=Region(("青岩市",))).failed == []
    assert _holds(store) == [
        # Its 子项 go to different levels: each level's text is its 子项.
        {"matter": "对机关档案工作的业务指导检查", "region": "青岩市", "share": "shared",
         "text": "对市直机关档案工作的业务指导检查", "counties": "shared"},
        {"matter": "档案捐赠单位的奖励", "region": "青岩市", "share": "exclusive", "text": "", "counties": None},
        {"matter": "档案违法行为的处罚", "region": "青岩市", "share": "shared", "text": "", "counties": "shared"},
    ]
    assert store.read("MATCH (m:Matter {name: '乡镇档案室建设指导'}) RETURN m.all_counties_share AS share") == [
        {"share": "exclusive"}]
    # 省级 is no level of the city's: the item is loaded, the split leaves it out.
    assert store.read("MATCH (m:Matter {name: '省级档案馆接收档案的审核'}) RETURN m") == []
    result = power_split(store, "青岩市")
    # The 县级专有 matter waits for the counties (all_counties_share), as a split list's 适用区县 全部 does.
    assert [(cell["share"], cell["matters"]) for cell in result["cells"]] == [("city_exclusive", 1), ("shared", 2)]
    assert [(row["matter"], row["kind"]) for row in result["conflicts"]] == [("档案违法行为的处罚", "shared_without_division")]


def test_a_countys_list_divides_no_citys_matters(store: Store, tmp_path: Path) -> None:
    county_list = tmp_path / "shimen_xian_quanze.csv"
    county_list.write_text(LIST.read_text(encoding="utf-8").replace("青岩市档案局", "石门县档案局"), encoding="utf-8")
    assert ingest([county_list], store, region=Region(("青岩市", "石门县"))).failed == []
    assert store.read("MATCH (p:PowerItem) RETURN count(p) AS items") == [{"items": 6}]
    assert _holds(store) == []


def test_the_real_archives_list_reads_its_levels(store: Store) -> None:
    path = real_document("unknowncity_dangan_quanzeqingdan_shixian_xingshicengji.txt")
    assert ingest([path], store, region=Region(("某市",))).failed == []
    result = power_split(store, "某市")
    assert [(cell["share"], cell["matters"]) for cell in result["cells"]] == [("city_exclusive", 4), ("shared", 5)]
    assert sorted(row["matter"] for row in result["conflicts"]) == [
        "对执行档案法等有关管理规定的检查",
        "携带、运输、邮寄三级档案、未定级的属于国家所有的档案和不属于国家所有但对国家和社会具有保存价值的或者应当保密的档案"
        "及其复制件出境的审批"]
