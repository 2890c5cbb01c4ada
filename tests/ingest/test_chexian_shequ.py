"""撤县设区: 青山县 becomes 示例市青山区, and each department's rename names the county's body after the old region.

The before-state is the examples' 青山县 (its 农业农村局 and 住建局 三定, its 职责边界清单); the fixtures
(tests/fixtures/chexian_shequ) are the 区's new 三定 of both bureaus (住建局's 第二条 says 将青山县住房和城乡建设局更名为
示例市青山区住房和城乡建设局; 农业农村局's says nothing of it), a 调整 notice renaming 青山县农业农村局, a 职责边界清单
reissued under the 区's name, and an old 履行职责事项清单 of 桃源乡, a township since merged into 石桥镇.
Before, a rename whose two names differ only in their region read as the department naming itself: no succession,
and both counties' bureaus stood as current, every renamed department counted twice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.names import NameResolver
from ingest.pipeline import SuccessionLine, ingest
from ingest.region_succession import AmbiguousRegionSuccession, read_region_successions
from ingest.regions import Region
from ingest.succession import read_successions
from queries import catalog
from queries.ambiguities import host_assist_ambiguities
from queries.lookup import region_successors
from queries.power_split import power_split
from queries.profile import department_profile
from queries.report import build_report, region_names
from queries.staffing import staffing_load

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "chexian_shequ"
BEFORE = [REPO / "examples" / "sanding" / "qingshan_nongye.txt", REPO / "examples" / "sanding" / "qingshan_zhujian.txt",
          REPO / "examples" / "lists" / "bianjie_qingshan.csv"]
CITY = Region(("示例市",))


@pytest.mark.parametrize(("department", "text", "expected"), [
    ("示例市青山区住房和城乡建设局", "将青山县住房和城乡建设局更名为示例市青山区住房和城乡建设局。",
     [("青山县住房和城乡建设局", "renamed")]),
    ("青山区农业农村局", "将青山县农业农村局更名为青山区农业农村局。", [("青山县农业农村局", "renamed")]),
    ("示例市青山区农业农村局", "不再保留青山县农业农村局。", [("青山县农业农村局", "absorbed")]),
    # The department's own name, written with or without its region, is no predecessor.
    ("示例市青山区农业农村局", "将青山区农业农村局更名为示例市青山区农业农村局。", []),
])
def test_a_rename_to_another_region_s_name_is_a_succession(department: str, text: str,
                                                          expected: list[tuple[str, str]]) -> None:
    found = read_successions([(2, "第二条", text)], department)
    assert [(record.predecessor, record.kind) for record in found] == expected


@pytest.fixture
def reformed(store: Store) -> tuple[Store, list[SuccessionLine]]:
    report = ingest(BEFORE, store, region=CITY)
    assert report.failed == []
    report = ingest([FIXTURES], store, region=CITY)
    assert report.failed == []
    return store, report.successions


def test_the_county_s_renamed_bureaus_are_the_district_s(reformed: tuple[Store, list[SuccessionLine]]) -> None:
    store, successions = reformed
    assert successions == [
        SuccessionLine("青山县住房和城乡建设局", "青山区住房和城乡建设局", "renamed", "2022-04-01",
                       "《示例市青山区住房和城乡建设局职能配置、内设机构和人员编制规定》第二条", True),
        SuccessionLine("青山县农业农村局", "青山区农业农村局", "renamed", "2022-03-18",
                       "《关于调整示例市青山区农业农村局职责机构编制的通知》一、", True),
    ]
    # Each bureau is counted once, as the 区's: the county holds no current department of its own any more.
    assert [(row["region"], row["department"]) for row in catalog.run(store, "departments")] == [
        ("示例市/青山区", "青山区住房和城乡建设局"), ("示例市/青山区", "青山区农业农村局")]
    assert department_profile(store, "青山县农业农村局")["department"]["succession"] \
        == "已更名为青山区农业农村局（2022-03-18）"


def test_the_region_s_report_lists_its_reform(reformed: tuple[Store, list[SuccessionLine]]) -> None:
    """The region's report says what the 撤县设区 did (user test: only 'SUCCEEDED_BY 2' in its appendix said so); the
    report asked by the county's old path is the district's, its reform included (a region filter reads a district by
    either path, `queries.lookup.region_paths`); the examples' reports, of regions without a reform, are as they were."""
    store, _successions = reformed
    section = next(s for s in build_report(store, region="示例市").sections if s.key == "region_successions")
    assert [(row["region"], row["predecessor"], row["successor"], row["kind_label"], row["date"], row["source"])
            for row in section.rows] == [
        ("示例市/青山区", "青山县农业农村局", "青山区农业农村局", "更名", "2022-03-18",
         "《关于调整示例市青山区农业农村局职责机构编制的通知》一、"),
        ("示例市/青山区", "青山县住房和城乡建设局", "青山区住房和城乡建设局", "更名", "2022-04-01",
         "《示例市青山区住房和城乡建设局职能配置、内设机构和人员编制规定》第二条"),
    ]
    for region in ("示例市/青山区", "示例市/青山县"):
        [by_path] = [s for s in build_report(store, region=region).sections if s.key == "region_successions"]
        assert by_path.rows == section.rows, region


# -- the region itself: 撤县设区 renames 青山县 as 示例市青山区 (ingest.region_succession) ----------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("根据《国务院关于同意撤销青山县设立示例市青山区的批复》，制定本规定。", [("青山县", "示例市青山区")]),
    ("经国务院批准，撤销青山县，设立示例市青山区，以原青山县的行政区域为青山区的行政区域。", [("青山县", "示例市青山区")]),
    ("以原青山县的行政区域为青山区的行政区域。", [("青山县", "青山区")]),
    # A township's merger (read as kind merged: test_township_merger.py), or a 撤销 of a body, is no region renamed.
    ("撤销桃源乡，并入石桥镇。", []),
    ("撤销青山县城市管理局，设立青山县城市管理和综合执法局。", []),
])
def test_a_county_renamed_a_district_is_read(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r.old, r.new) for r in read_region_successions([(3, "第一条", text)]) if r.kind == "renamed"] == expected


@pytest.mark.parametrize(("lines", "line", "detail"), [
    ([(4, "一、", "撤销青山县、河西县，设立示例市青山区。")], 4,
     "several counties abolished for one district: “撤销青山县、河西县，设立示例市青山区”"),
    ([(4, "一、", "撤销青山县，设立示例市青山区。"), (5, "二、", "以原白河县的行政区域为青山区的行政区域。")], 5,
     "another county or district than line 4's “撤销青山县，设立示例市青山区”: “以原白河县的行政区域为青山区的行政区域”"),
])
def test_an_ambiguous_region_rename_is_refused(lines: list[tuple[int, str, str]], line: int, detail: str) -> None:
    with pytest.raises(AmbiguousRegionSuccession) as caught:
        read_region_successions(lines)
    assert (caught.value.where.line, caught.value.detail) == (line, detail)


def test_a_file_with_an_ambiguous_rename_is_refused_whole(store: Store, tmp_path: Path) -> None:
    """The 区's 三定 naming two counties for one district loads nothing: not the department, not the rename."""
    text = (FIXTURES / "sanding" / "qingshanqu_zhujian.txt").read_text(encoding="utf-8")
    bad = tmp_path / "qingshanqu_zhujian.txt"
    bad.write_text(text.replace("撤销青山县设立示例市青山区", "撤销青山县、河西县，设立示例市青山区"), encoding="utf-8")
    report = ingest([bad], store, region=CITY)
    assert [(outcome.path, outcome.failure.line if outcome.failure else None) for outcome in report.failed] \
        == [(bad, 2)]
    assert "several counties abolished for one district" in report.failed[0].error
    assert store.read("MATCH (n) WHERE n:Department OR n:Document OR n:Region RETURN count(n) AS n")[0]["n"] == 0


def test_the_district_continues_the_county(store: Store) -> None:
    """Both 区 三定 cite the 批复 (撤销青山县设立示例市青山区): the county is the district where the current state is
    counted. Before, 青山区's two bureaus were compared with each other only (too few for a robust score), and
    power_split's 全部 rows counted 示例市/青山区 as a second county beside 示例市/青山县."""
    county = [REPO / "examples" / "sanding" / name for name in ("qingshan_yingji.txt", "qingshan_shuili.txt")]
    assert ingest([*BEFORE, *county, REPO / "examples" / "lists" / "shixian_shiquan.csv"], store, region=CITY).failed == []
    assert ingest([FIXTURES], store, region=CITY).failed == []
    assert [(row["old"], row["new"], row["date"], row["text"]) for row in store.read(
        "MATCH (a:Region)-[e:REPLACED_BY]->(b:Region) RETURN DISTINCT a.path AS old, b.path AS new, e.date AS date, "
        "e.text AS text ORDER BY old")] == [("示例市/青山县", "示例市/青山区", "2022-04-01", "撤销青山县设立示例市青山区")]
    assert region_successors(store) == {"示例市/青山县": "示例市/青山区"}
    peers = [(row["region"], row["department"], row["too_few"]) for row in staffing_load(store, "示例市/青山区")]
    assert peers == [("示例市/青山区", "青山区住房和城乡建设局", False), ("示例市/青山区", "青山区农业农村局", False),
                     ("示例市/青山区", "青山县应急管理局", False), ("示例市/青山区", "青山县水利局", False)]
    cells = {(cell["domain"], cell["share"]): cell["by_region"] for cell in power_split(store, "示例市")["cells"]}
    assert cells[("城市管理", "shared")] == {"示例市": 2, "示例市/青山区": 2}
    assert cells[("应急管理", "delegated")] == {"示例市": 1, "示例市/青山区": 1}
    assert sorted({path for by_region in cells.values() for path in by_region}) == ["示例市", "示例市/青山区"]


# -- names: a district's list names the county's bureaus no 区 document renamed yet after the district -------------

MARKET = REPO / "examples" / "sanding" / "qingshan_shichangjianguan.txt"
DISTRICT_LIST = "青山区职责边界清单"


@pytest.mark.parametrize("county_first", [True, False])
def test_a_district_list_names_the_county_s_bureau(store: Store, county_first: bool) -> None:
    """The reissued 区 list's 区市场监管局 is 青山县市场监督管理局, which no 区 document renamed: nothing in the 区
    answers to the name, so the county's body does (NameResolver.renamed_region), whichever was loaded first (the
    party the 区 list made alone is merged into it once the county's 三定 loads: reresolve_parties). Before, it
    was an unresolved body of 青山区 beside the county's."""
    runs = [[*BEFORE, MARKET], [FIXTURES]]
    for paths in runs if county_first else runs[::-1]:
        assert ingest(paths, store, region=CITY).failed == []
    rows = store.read("MATCH (d:Department)-[:ASSISTS]->(m:Matter) WHERE m.uid STARTS WITH 'matter:示例市/青山区/' "
                      "RETURN m.name AS matter, d.name AS department, coalesce(d.unresolved, false) AS unresolved "
                      "ORDER BY matter, department")
    assert [(row["matter"], row["department"], row["unresolved"]) for row in rows] == [
        ("房屋建筑和市政基础设施工程施工安全监管", "青山区应急管理局", True),
        ("物业服务企业监督检查", "青山县市场监督管理局", False),
        ("电动自行车集中充电设施安全管理", "青山区住房和城乡建设局", False),
        ("电动自行车集中充电设施安全管理", "青山区应急管理局", True),
        ("电动自行车集中充电设施安全管理", "青山县市场监督管理局", False),
        ("食用农产品产地准出与市场准入衔接", "青山县市场监督管理局", False),
    ]


def test_a_district_s_own_body_comes_before_the_county_s() -> None:
    county, district = Region(("示例市", "青山县")), Region(("示例市", "青山区"))
    resolver = NameResolver(renamed_regions=[(county, district)])
    resolver.define(county, "青山县市场监督管理局", [])
    resolver.define(county, "青山县住房和城乡建设局", [])
    resolver.define(district, "青山区住房和城乡建设局", [])
    assert [(found.name, found.status) for found in resolver.resolve_list(
        ["区市场监管局", "区住建局", "区应急管理局"], district)] == [
        ("青山县市场监督管理局", "resolved"), ("青山区住房和城乡建设局", "resolved"), ("青山区应急管理局", "unresolved")]


def test_a_name_two_district_bodies_answer_to_stays_unresolved() -> None:
    """Two of the district's bodies bear the name: the county's body of that name does not settle it."""
    county, district = Region(("示例市", "青山县")), Region(("示例市", "青山区"))
    resolver = NameResolver(renamed_regions=[(county, district)])
    resolver.define(county, "青山县综合执法局", [])
    resolver.define(district, "青山区城市管理局", ["区综合执法局"])
    resolver.define(district, "青山区交通运输局", ["区综合执法局"])
    found = resolver.resolve("区综合执法局", district)
    assert (found.status, found.candidates) == ("unresolved", ["青山区交通运输局", "青山区城市管理局"])


@pytest.mark.parametrize("county_first", [True, False])
def test_the_district_s_list_reissues_the_county_s(store: Store, county_first: bool) -> None:
    """The 区's 职责边界清单 (untitled, another file name) shares 3 of its 4 matters with the 县's: it is the 县 list's
    new version, whichever was loaded first (ingest.versions.renamed_side): the 县's is kept as its history, so each
    matter is one node, and list_changes compares the two, its parties without their region (县农业农村局 is
    区农业农村局). Before, both stood as current: the no-lead 电动自行车集中充电设施安全管理 was a finding of each
    region, and list_changes paired nothing."""
    runs = [[*BEFORE, MARKET], [FIXTURES]]
    reports = [ingest(paths, store, region=CITY) for paths in (runs if county_first else runs[::-1])]
    assert [report.failed for report in reports] == [[], []]
    county_list, district_list = BEFORE[2], FIXTURES / "lists" / "bianjie_qingshanqu_2022.csv"
    if county_first:
        assert [(path, cited) for path, cited, _why in reports[1].replaced] == [(district_list, str(county_list))]
    else:
        assert [(path, cited) for path, cited, _why in reports[1].kept_current] == [(county_list, str(district_list))]
    assert store.read("MATCH (a:Matter {region: '示例市/青山县'}), (b:Matter {region: '示例市/青山区'}) "
                      "WHERE a.name = b.name RETURN a.name AS name") == []
    assert [(row["region"], row["matter"], row["reason"], row["assists"]) for row in host_assist_ambiguities(store)] \
        == [("示例市/青山区", "电动自行车集中充电设施安全管理", "no_lead",
             ["青山区住房和城乡建设局", "青山区应急管理局", "青山县市场监督管理局"])]
    changes = catalog.run(store, "list_changes", {"region": "示例市"})
    assert {(row["from_version"], row["to_version"]) for row in changes} \
        == {("bianjie_qingshan.csv", "2022年 bianjie_qingshanqu_2022.csv（现行）")}
    assert [(row["change"], row["matter"]) for row in changes if row["change"] != "deleted"] == [
        ("added", "物业服务企业监督检查")]
    assert sorted(row["matter"] for row in changes if row["change"] == "deleted") == [
        "农村危房改造", "农田水利基本建设", "县城建筑垃圾运输和消纳监管", "户外广告设施安全监管", "河道采砂监管",
        "渡口和乡镇船舶安全监管", "烟花爆竹安全监管", "电梯安全监管", "畜禽屠宰监督管理", "防汛抗旱"]


def test_the_renamed_county_is_listed_as_abolished(reformed: tuple[Store, list[SuccessionLine]]) -> None:
    """The regions view (and the page's region pickers, from /api/regions) and the report's region names mark the
    county 已撤销（现为青山区）: its old documents stay under its path, but it is no current county of the city."""
    store, _successions = reformed
    assert [(row["path"], row["departments"], row["status"]) for row in catalog.run(store, "regions")] == [
        ("示例市", 0, ""), ("示例市/青山区", 2, ""), ("示例市/青山县", 0, "已撤销（现为青山区）"),
        ("示例市/青山县/桃源乡", 0, "")]
    assert region_names(store)["示例市/青山县"] == "青山县 已撤销（现为青山区）"
    assert region_names(store)["示例市/青山区"] == "青山区"
