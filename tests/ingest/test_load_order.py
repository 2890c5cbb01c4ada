"""Where a 三定 lands and whom its clauses name must not depend on what was loaded before it.

Two regressions of a user test: a county document naming `县城市管理局` before that bureau's own 三定 was loaded
left an unresolved party beside the real bureau for good (and the clause's edge on it); and a 三定 whose title
names only its county (西河县…) landed at the top of the graph although its 第一条 cites 《临江市西河县机构改革方案》.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.sanding import basis_title_region
from queries import catalog
from tests.ingest.conftest import whole_graph

# The housing bureau's 三定 names the city-management bureau by a short form (县城市管理局) that the abbreviation
# table folds into 城市管理和综合执法局; the bureau's own 三定 calls it 西河县城市管理局. 县民政局 is never loaded.
ZHUJIAN = """西河县住房和城乡建设局职能配置、内设机构和人员编制规定
第一条 根据《中共中央关于深化党和国家机构改革的决定》和《临江市西河县机构改革方案》，制定本规定。
第二条 县住房和城乡建设局是县政府工作部门，为正科级。
第三条 县住房和城乡建设局贯彻落实党中央关于住房和城乡建设工作的方针政策。主要职责是：
（一）负责全县保障性住房建设和分配管理。
（二）负责全县建筑施工现场扬尘防治的监督管理。
（三）负责全县住房租赁市场秩序的监督管理。
（四）完成县委、县政府交办的其他任务。
第四条 县住房和城乡建设局设下列内设机构：
（一）办公室。负责机关日常运转和财务、人事工作。
（二）建筑管理股。负责建筑施工现场扬尘防治监督管理。
第五条 县住房和城乡建设局机关行政编制10名。设局长1名，副局长2名。
第六条 有关职责分工。
（一）与县城市管理局的有关职责分工。县住房和城乡建设局负责建筑施工现场扬尘防治的监督管理，县城市管理局配合。
（二）与县民政局的有关职责分工。县住房和城乡建设局牵头负责困难家庭住房救助，县民政局配合。
第七条 本规定自2021年5月1日起施行。
"""

# Its document uid (doc:e002…, from the file's digest) sorts after the two documents that mention it: the edge
# that places it in its county then keeps the mentioning document's source, whichever was loaded first.
CHENGGUAN = """西河县城市管理局职能配置、内设机构和人员编制规定
第一条 根据《中共临江市委 临江市人民政府关于西河县机构改革方案的批复》，制定本规定。
第二条 县城市管理局是县政府工作部门，为正科级。
第三条 县城市管理局贯彻落实党中央关于城市管理工作的方针政策。主要职责是：
（一）负责全县道路清扫保洁和公共厕所管理。
（二）负责全县占道经营的查处。
（三）完成县委、县政府交办的其他任务。
第四条 县城市管理局设下列内设机构：
（一）办公室。负责机关日常运转和财务、人事工作。
（二）执法股。负责占道经营的查处。
第五条 县城市管理局机关行政编制8名。设局长1名，副局长1名。
第六条 本规定自2021年6月2日起施行。
"""


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _parties(store: Store) -> list[dict[str, Any]]:
    return store.read("MATCH (d:Department)-[e:LEADS|ASSISTS]->(m:Matter) RETURN d.name AS department, "
                      "d.unresolved AS unresolved, type(e) AS role, m.name AS matter ORDER BY matter, role, department")


def test_the_graph_is_the_same_whatever_the_load_order(store: Store, other_store: Store, tmp_path: Path) -> None:
    zhujian = _write(tmp_path / "a", "xihe_zhujian.txt", ZHUJIAN)
    chengguan = _write(tmp_path / "b", "xihe_chengguan.txt", CHENGGUAN)
    first = ingest([zhujian], store)
    assert first.failed == [] and first.reresolved == []
    # Before the bureau is loaded, the mention is an unresolved party, named as written (its uid is its group's).
    assert [(r.mention, r.name) for r in first.unresolved] == [
        ("县城市管理局", "西河县城市管理局"), ("县民政局", "西河县民政局")]
    second = ingest([chengguan], store)
    assert second.failed == []
    assert second.reresolved == [("西河县城市管理局", "西河县城市管理局")]
    for path in (chengguan, zhujian):
        assert ingest([path], other_store).failed == []

    assert whole_graph(store) == whole_graph(other_store)
    expected = [
        {"department": "西河县民政局", "unresolved": True, "role": "ASSISTS", "matter": "困难家庭住房救助"},
        {"department": "西河县住房和城乡建设局", "unresolved": False, "role": "LEADS", "matter": "困难家庭住房救助"},
        {"department": "西河县城市管理局", "unresolved": False, "role": "ASSISTS",
         "matter": "建筑施工现场扬尘防治的监督管理"},
        {"department": "西河县住房和城乡建设局", "unresolved": False, "role": "LEADS",
         "matter": "建筑施工现场扬尘防治的监督管理"},
    ]
    assert _parties(store) == expected
    departments = store.read("MATCH (r:Region)-[:HAS_DEPARTMENT]->(d:Department) RETURN r.path AS region, "
                             "d.name AS name, d.aliases AS aliases ORDER BY name")
    assert departments == [
        {"region": "临江市/西河县", "name": "西河县住房和城乡建设局", "aliases": []},
        {"region": "临江市/西河县", "name": "西河县城市管理局", "aliases": ["县城市管理局"]},
        {"region": "临江市/西河县", "name": "西河县民政局", "aliases": ["县民政局"]},
    ]
    # The party nobody defines is still listed for a person to settle.
    assert [(r["department"], r["ties"]) for r in catalog.run(store, "unresolved_departments", {"region": None})] == [
        ("西河县民政局", 1)]


# A 监管事项目录 of the county whose 认领部门 is the same short form.
CATALOGUE = """监管事项编码,监管事项主项,监管事项子项,监管对象,设定依据,监管层级,认领部门,认领状态
XH0001,对占道经营的监督检查,,占道经营者,《城市市容和环境卫生管理条例》,县级,县城市管理局,已认领
XH0002,对公共厕所运营单位的监督检查,,公共厕所运营单位,《城市公厕管理办法》,县级,县民政局,已认领
"""


def test_a_claim_made_before_the_claimant_loaded_follows_it(store: Store, other_store: Store, tmp_path: Path) -> None:
    catalogue = _write(tmp_path / "a", "xihe_jianguan.csv", CATALOGUE)
    chengguan = _write(tmp_path / "b", "xihe_chengguan.txt", CHENGGUAN)
    county = Region(("临江市", "西河县"))
    assert ingest([catalogue], store, region=county).failed == []
    assert ingest([chengguan], store).reresolved == [("西河县城市管理局", "西河县城市管理局")]
    assert ingest([chengguan], other_store).failed == []
    assert ingest([catalogue], other_store, region=county).failed == []
    assert whole_graph(store) == whole_graph(other_store)
    claims = store.read("MATCH (d:Department)-[e:CLAIMS]->(s:SupervisionItem) RETURN d.name AS department, "
                        "d.unresolved AS unresolved, s.name AS item ORDER BY item")
    assert claims == [
        {"department": "西河县民政局", "unresolved": True, "item": "对公共厕所运营单位的监督检查"},
        {"department": "西河县城市管理局", "unresolved": False, "item": "对占道经营的监督检查"},
    ]


@pytest.mark.parametrize(("title", "region"), [
    ("临江市西河县机构改革方案", ("临江市", "西河县")),
    ("中共临江市委 临江市人民政府关于西河县机构改革方案的批复", ("临江市", "西河县")),
    ("中共临江市委 临江市人民政府关于临江市西河县机构改革方案", ("临江市", "西河县")),
    ("临江市人民政府关于印发西河县机构改革实施意见的通知", ("临江市", "西河县")),
    ("临江市机构改革方案", ("临江市",)),
    ("南岭省人民政府关于市县机构改革的总体意见", ()),  # a province's guidance names no city or county
    ("中共中央关于深化党和国家机构改革的决定", ()),
    ("深化党和国家机构改革方案", ()),
    ("国务院机构改革方案", ()),
    ("临江市西河县国民经济和社会发展第十四个五年规划纲要", ()),  # no 机构改革: says nothing of the document
])
def test_the_region_a_reform_title_names(title: str, region: tuple[str, ...]) -> None:
    assert basis_title_region(title) == region


def test_the_region_comes_from_the_first_article(store: Store, tmp_path: Path) -> None:
    report = ingest([_write(tmp_path, "xihe_chengguan.txt", CHENGGUAN)], store)
    assert report.failed == []
    assert [o.warnings for o in report.outcomes] == [[]]
    rows = store.read("MATCH (p:Region)-[:CONTAINS]->(c:Region)-[:HAS_DEPARTMENT]->(d:Department) "
                      "RETURN p.path AS parent, c.path AS region, c.level AS level, d.uid AS uid")
    assert rows == [{"parent": "临江市", "region": "临江市/西河县", "level": "county", "uid": "dept:临江市/西河县/城市管理局"}]


def test_region_option_wins_over_the_first_article_and_the_conflict_is_warned(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "xihe_chengguan.txt", CHENGGUAN)
    report = ingest([path], store, region=Region(("南湖市",)))
    assert report.failed == []
    assert report.outcomes[0].warnings == [
        f"{path}:2: 第一条 cites the 机构改革 of 临江市/西河县, but the document is placed in 南湖市/西河县 "
        "(--region wins); 第一条所据方案的区划 临江市/西河县 与载入区划 南湖市/西河县 不一致"]
    assert store.read("MATCH (d:Department) RETURN d.uid AS uid") == [{"uid": "dept:南湖市/西河县/城市管理局"}]


def test_a_title_naming_another_region_than_the_first_article_is_warned(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "dongling.txt", CHENGGUAN.replace("西河县城市管理局职能配置", "东岭县城市管理局职能配置", 1))
    report = ingest([path], store)
    assert report.failed == []
    assert report.outcomes[0].warnings == [
        f"{path}:2: 第一条 cites the 机构改革 of 临江市/西河县, but the document is placed in 东岭县 "
        "(the department's own name wins); 第一条所据方案的区划 临江市/西河县 与载入区划 东岭县 不一致"]
    assert store.read("MATCH (d:Department) RETURN d.uid AS uid") == [{"uid": "dept:东岭县/城市管理局"}]


# A 市县事权划分 list of 临江市: its first row applies to every county (全部), its second names one.
SPLIT = """编号,事项名称,领域,划分方式,行使层级,适用区县,备注
1,城市道路占用、挖掘许可,城市管理,市县共有,市、县,全部,
2,占道经营许可,城市管理,县级专有,县,东岭县,
"""


def _holdings(store: Store) -> list[tuple[str, str, str, str, str]]:
    rows = store.read("MATCH (r:Region)-[h:HOLDS]->(m:Matter) RETURN r.path AS region, m.name AS matter, "
                      "h.share AS share, h.role AS role, h.source AS source ORDER BY matter, region")
    return [(row["matter"], row["region"], row["share"], row["role"], row["source"].rpartition("#")[2])
            for row in rows]


def test_a_split_row_for_every_county_covers_counties_loaded_after_it(
        store: Store, other_store: Store, tmp_path: Path) -> None:
    split = _write(tmp_path / "a", "linjiang_shiquan.csv", SPLIT)
    chengguan = _write(tmp_path / "b", "xihe_chengguan.txt", CHENGGUAN)
    city = Region(("临江市",))
    first = ingest([split], store, region=city)
    # 东岭县 is known only from the list's own second row: the 全部 row covers it all the same.
    assert first.extended_holdings == [("临江市/东岭县", "城市道路占用、挖掘许可")]
    assert _holdings(store) == [
        ("占道经营许可", "临江市/东岭县", "exclusive", "holder", "第3行"),
        ("城市道路占用、挖掘许可", "临江市", "shared", "holder", "第2行"),
        ("城市道路占用、挖掘许可", "临江市/东岭县", "shared", "holder", "第2行"),
    ]
    # 西河县, loaded after the list, gets the 全部 row's HOLDS too; in the other order it had it from the start.
    assert ingest([chengguan], store).extended_holdings == [("临江市/西河县", "城市道路占用、挖掘许可")]
    assert ingest([chengguan], other_store).failed == []
    assert ingest([split], other_store, region=city).failed == []
    assert whole_graph(store) == whole_graph(other_store)
    assert ("城市道路占用、挖掘许可", "临江市/西河县", "shared", "holder", "第2行") in _holdings(other_store)


# A county's 监管事项目录 whose title names the county alone, and whose rows name one department in full.
COUNTY_CATALOGUE = """西河县监管事项目录清单
监管事项编码,监管事项主项,监管事项子项,监管对象,设定依据,监管层级,认领部门,认领状态
XH0101,对建筑施工扬尘的监督检查,,施工单位,《大气污染防治法》,县级,临江市西河县住房和城乡建设局,已认领
XH0102,对占道经营的监督检查,,占道经营者,《城市市容和环境卫生管理条例》,县级,县城市管理局,已认领
"""


def test_a_county_list_is_placed_where_its_own_full_names_place_it(store: Store, tmp_path: Path) -> None:
    catalogue = _write(tmp_path, "西河县监管事项目录.csv", COUNTY_CATALOGUE)
    report = ingest([catalogue], store)
    assert report.failed == [] and [outcome.warnings for outcome in report.outcomes] == [[]]
    regions = store.read("MATCH (r:Region) RETURN r.path AS path ORDER BY path")
    assert [row["path"] for row in regions] == ["临江市", "临江市/西河县"]
    departments = store.read("MATCH (d:Department) RETURN d.uid AS uid ORDER BY uid")
    assert [row["uid"] for row in departments] == ["dept:临江市/西河县/住房和城乡建设局",
                                                   "dept:临江市/西河县/城市管理和综合执法局"]


def test_a_county_list_nothing_places_is_loaded_at_the_top_with_a_warning(store: Store, tmp_path: Path) -> None:
    catalogue = _write(tmp_path, "西河县监管事项目录.csv", COUNTY_CATALOGUE.replace("临江市西河县住房", "西河县住房"))
    report = ingest([catalogue], store)
    assert report.failed == []
    assert [outcome.warnings for outcome in report.outcomes] == [[
        "placed at the top as 西河县: nothing loaded places this county under its city (give such a list --region "
        "CITY/西河县, or load it with or after the county's 三定); 尚无文件说明西河县属于哪个市，已作为顶层区划载入（载入时可在"
        "区划中写明所属的市，如 某市/西河县）"]]
    assert [row["path"] for row in store.read("MATCH (r:Region) RETURN r.path AS path")] == ["西河县"]
