"""The query catalog on the sample corpus: the planted findings, with exact rows where the corpus fixes them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from graph.store import Statement, Store
from ingest.load import bump_version
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.similarity import DEFAULT_THRESHOLD
from queries import catalog
from queries.ambiguities import host_assist_ambiguities
from queries.catalog import QueryError
from queries.labels import column_label
from queries.lookup import UnknownDepartment
from queries.network import coordination_network
from queries.orphans import orphan_supervision_items
from queries.overlaps import multi_lead_matters, overlaps
from queries.power_split import RegionOutsideCity, power_split
from queries.profile import department_profile
from queries.registry import ANALYSES, run_analysis
from queries.report import build_report, cell_text, flat
from queries.staffing import staffing_load
from queries.undecomposed import undecomposed_duties
from tests.conftest import real_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "sanding"


def _pairs(clusters: list[dict]) -> set[frozenset[tuple[str, str]]]:  # type: ignore[type-arg]
    """Each cluster as the set of (department, duty headline) of its members."""
    return {frozenset((m["department"], m["duty"].split("。")[0]) for m in c["members"]) for c in clusters}


def _has(clusters: list[dict], *members: tuple[str, str]) -> dict:  # type: ignore[type-arg]
    for cluster in clusters:
        found = {(m["department"], m["duty"].split("。")[0]) for m in cluster["members"]}
        if set(members) <= found:
            return cluster
    raise AssertionError(f"no cluster holds {members}")


def test_planted_overlaps_between_city_departments(corpus: Store) -> None:
    clusters = overlaps(corpus, scope="departments")
    o1 = _has(clusters, ("示例市城市管理和综合执法局", "负责市区建筑垃圾处置的监督管理"),
              ("示例市住房和城乡建设局", "负责建设工程施工现场渣土排放、运输和消纳的监督管理"))
    o2 = _has(clusters, ("示例市市场监督管理局", "负责食用农产品市场销售质量安全监督管理"),
              ("示例市农业农村局", "负责农产品质量安全监督管理"))
    o3 = _has(clusters, ("示例市城市管理和综合执法局", "负责互联网租赁自行车停放秩序的管理"),
              ("示例市交通运输局", "负责互联网租赁自行车行业管理"))
    o4 = _has(clusters, ("示例市生态环境局", "负责农村生态环境保护的监督指导"),
              ("示例市农业农村局", "负责农业资源和农业生态环境保护，指导农业面源污染防治"))
    o5 = _has(clusters, ("示例市应急管理局", "负责建设工程施工安全生产的监督检查"),
              ("示例市住房和城乡建设局", "负责房屋建筑和市政基础设施工程施工安全的监督管理"))
    # A single lead in a boundary list or clause settles the matter; contradictory or double leads do not.
    assert [(c["matter"], c["settled"]) for c in (o1, o2, o3, o4, o5)] == [
        ("建筑垃圾处置监督管理", False), ("食用农产品进入批发、零售市场后的质量安全监管", True),
        ("互联网租赁自行车停放管理", False), ("农业面源污染防治", False),
        ("房屋建筑和市政基础设施工程施工安全监督管理", True),
    ]
    for cluster in clusters:
        assert set(cluster) == {"cluster_id", "score", "settled", "lead", "matter", "members"}
        assert cluster["members"] == sorted(cluster["members"], key=lambda m: (m["department"], m["office"], m["duty"]))
    # A cluster keeps its id when the threshold changes and members join or leave (named after its strongest pair):
    # at 0.4 two of these clusters gain a member, and the 生态环境 督察/执法 one joins the 生态保护修复 one, whose
    # strongest pair names the merged cluster.
    looser = {c["cluster_id"]: c for c in overlaps(corpus, threshold=0.4)}

    def duties(cluster: dict[str, Any]) -> set[tuple[str, str]]:
        return {(m["department"], m["duty"]) for m in cluster["members"]}

    merged = [(c["cluster_id"], [i for i, wider in looser.items() if duties(c) <= duties(wider)])
              for c in clusters if c["cluster_id"] not in looser]
    assert merged == [("Ced9022cf", ["C5c9e0f67"])]
    kept = [c for c in clusters if c["cluster_id"] in looser]
    assert all(duties(c) <= duties(looser[c["cluster_id"]]) for c in kept)
    grown = [c for c in kept if len(looser[c["cluster_id"]]["members"]) > len(c["members"])]
    assert len(grown) == 2 and all(looser[c["cluster_id"]]["score"] == c["score"] for c in grown)


def test_planted_overlaps_across_levels(corpus: Store) -> None:
    clusters = overlaps(corpus, scope="levels")
    o6 = _has(clusters, ("示例市市场监督管理局", "负责全市特种设备安全监督管理"),
              ("青山县市场监督管理局", "负责本县特种设备安全监察"))
    o7 = _has(clusters, ("示例市城市管理和综合执法局", "负责市区户外广告设施和招牌设置的管理"),
              ("河西区城市管理和综合执法局", "负责辖区户外广告设施设置的审批和日常监管"))
    # 青山县's boundary list gives 电梯安全监管 to its 市场监管局 against its 住建局: it says nothing of which level
    # holds 特种设备 (user test: O6 read as settled by it). Nothing settles a cluster across levels here; the city's
    # 事权划分 list names the matters where it divides them (特种设备使用登记 委托 to 青山县: user test, the overlap
    # was not tied to it), and the one of each level registering its own 市场主体 has none.
    assert [(c["matter"], c["settled"]) for c in (o6, o7)] == [("特种设备使用登记", False), ("户外广告设施设置审批", False)]
    assert [(c["matter"], c["settled"]) for c in clusters] == [
        (None, False), ("特种设备使用登记", False), ("取水许可", False), ("户外广告设施设置审批", False),
        ("燃气经营许可", False)]


def _holders(clusters: list[dict]) -> list[list[str]]:  # type: ignore[type-arg]
    """Each cluster, in the query's order, as its members' departments (with the office where there is one)."""
    return [sorted({m["department"] + (f"/{m['office']}" if m["office"] else "") for m in c["members"]})
            for c in clusters]


# Everything the finder returns on examples/ at the default threshold, in order. Besides the planted overlaps
# (O1–O7) it returns clusters that the corpus text does support (real), related work that a clause already
# settles, and false positives that the lexical model cannot tell apart (examples/README.md §2.2 says which).
def test_every_department_overlap_on_the_corpus(corpus: Store) -> None:
    assert _holders(overlaps(corpus, scope="departments")) == [
        ["示例市农业农村局", "示例市市场监督管理局"],  # O2
        ["青山县应急管理局", "青山县水利局"],  # real across eras: 防汛抗旱指挥部 (2010 vs 2019)
        ["示例市住房和城乡建设局", "示例市应急管理局"],  # O5
        ["示例市卫生健康委员会", "示例市市场监督管理局"],  # settled: 食品安全风险监测
        ["示例市交通运输局", "示例市城市管理和综合执法局"],  # O3
        ["示例市生态环境局", "示例市自然资源和规划局"],  # real: both supervise 自然保护地
        ["示例市应急管理局", "示例市水务局"],  # real across eras, settled: 水旱灾害 / 防汛抗旱指挥部
        ["示例市农业农村局", "示例市生态环境局"],  # O4
        ["示例市交通运输局", "示例市应急管理局"],  # settled: 行业安全生产 vs 综合监管
        ["示例市住房和城乡建设局", "示例市水务局"],  # real: 城市供水 industry supervised twice
        ["示例市住房和城乡建设局", "示例市城市管理和综合执法局"],  # O1
    ]


def test_every_office_overlap_on_the_corpus(corpus: Store) -> None:
    assert _holders(overlaps(corpus, scope="offices")) == [
        ["示例市农业农村局/农产品质量安全监管科", "示例市市场监督管理局/食品生产经营监督管理科"],  # O2
        ["示例市应急管理局/火灾防治和防汛抗旱科", "示例市水务局/防汛抗旱办公室"],  # real across eras
        ["示例市住房和城乡建设局/质量安全监管科", "示例市应急管理局/安全生产综合协调科"],  # O5
        ["青山县应急管理局/应急指挥股（县防汛抗旱指挥部办公室）", "青山县水利局/县防汛抗旱指挥部办公室"],  # real across eras
        ["示例市卫生健康委员会/食品安全标准与监测评估科", "示例市市场监督管理局/食品安全抽检监测科"],  # settled
        ["示例市交通运输局/城市客运管理科", "示例市城市管理和综合执法局/市政设施管理科"],  # O3
    ]


def test_every_level_overlap_on_the_corpus(corpus: Store) -> None:
    assert _holders(overlaps(corpus, scope="levels")) == [
        ["河西区市场监督管理局", "示例市市场监督管理局", "青山县市场监督管理局"],  # real: 市场主体登记 at each level
        ["示例市市场监督管理局", "青山县市场监督管理局"],  # O6
        ["示例市水务局", "青山县水利局"],  # real: 取水许可 at both levels
        ["河西区城市管理和综合执法局", "示例市城市管理和综合执法局"],  # O7
        ["示例市住房和城乡建设局", "青山县住房和城乡建设局"],  # real: 燃气经营许可 at both levels
    ]


def test_a_county_s_overlaps_across_levels_are_its_departments_beside_the_city_s(corpus: Store) -> None:
    # A county's 编办 asks for her county's clashes with the city (user test: none, as both sides had to lie in the
    # county): each pair of her department and its city counterpart, without another county's pairs with the city.
    county = overlaps(corpus, scope="levels", region="示例市/青山县")
    assert [(c["cluster_id"], c["matter"]) for c in county] == [
        ("C9b15be78", None), ("C536b79a3", "特种设备使用登记"), ("Cf2cfcd3e", "取水许可"), ("C6e3081ed", "燃气经营许可")]
    assert _holders(county) == [
        ["示例市市场监督管理局", "青山县市场监督管理局"],
        ["示例市市场监督管理局", "青山县市场监督管理局"],
        ["示例市水务局", "青山县水利局"],
        ["示例市住房和城乡建设局", "青山县住房和城乡建设局"],
    ]
    assert _holders(overlaps(corpus, scope="levels", region="示例市/河西区")) == [
        ["河西区市场监督管理局", "示例市市场监督管理局"],
        ["河西区城市管理和综合执法局", "示例市城市管理和综合执法局"],
    ]


def _departments(store: Store) -> list[dict]:  # type: ignore[type-arg]
    return store.read("MATCH (d:Department) WHERE d.sanding_issued IS NOT NULL "
                      "RETURN d.name AS name, d.region AS region ORDER BY name")


@pytest.mark.parametrize(("scope", "departments_in_clusters"), [("departments", 12), ("offices", 10), ("levels", 9)])
def test_a_departments_overlaps_are_its_clusters_of_the_region(corpus: Store, scope: str,
                                                               departments_in_clusters: int) -> None:
    """Walking out from one department's duties along SIMILAR finds exactly the clusters of its region (of its
    city across levels) that hold one of them: the profile's and the API's answer, without the whole region."""
    found = 0
    for department in _departments(corpus):
        region = department["region"].split("/")[0] if scope == "levels" else department["region"]
        expected = [cluster for cluster in overlaps(corpus, scope=scope, region=region)
                    if any(member["department"] == department["name"] for member in cluster["members"])]
        assert overlaps(corpus, scope=scope, department=department["name"]) == expected, department["name"]
        found += bool(expected)
    assert found == departments_in_clusters
    with pytest.raises(UnknownDepartment):
        overlaps(corpus, scope=scope, department="示例市宇宙管理局")
    # A region that holds the department changes nothing; one that does not is an error, not an unfiltered answer.
    assert overlaps(corpus, scope=scope, department="示例市水务局", region="示例市") == overlaps(
        corpus, scope=scope, department="示例市水务局")
    with pytest.raises(QueryError, match="示例市水务局 is a department of 示例市, not of 示例市/青山县"):
        overlaps(corpus, scope=scope, department="示例市水务局", region="示例市/青山县")


def test_similar_duties_of_a_region_are_the_pairs_inside_it(corpus: Store) -> None:
    everywhere = catalog.run(corpus, "similar_duties")
    # One of 青山县's three pairs is a false link that no overlap cluster shows (test_every_department_overlap_on_the_corpus):
    # 应急 宣传教育培训 with 交通 安全生产、应急管理 (0.615). 水利's and 交通's 拟订…发展规划和年度计划 are no longer linked:
    # one clause for two lines of work (`ingest.similarity.one_phrase_apart`).
    for region, count in (("示例市", len(everywhere)), ("示例市/青山县", 3), ("示例市/河西区", 1)):
        inside = [pair for pair in everywhere
                  if all(pair[f"{side}_region"] == region or pair[f"{side}_region"].startswith(region + "/")
                         for side in "ab")]
        assert len(inside) == count
        assert catalog.run(corpus, "similar_duties", {"region": region}) == inside


def test_similar_duties_of_a_scope_are_its_share_of_the_pairs(corpus: Store) -> None:
    everywhere = catalog.run(corpus, "similar_duties")
    belongs = {
        "departments": lambda pair: not pair["a_office"] and not pair["b_office"] and pair["a_region"] == pair["b_region"],
        "offices": lambda pair: bool(pair["a_office"]) and bool(pair["b_office"]) and pair["a_region"] == pair["b_region"],
        "levels": lambda pair: not pair["a_office"] and not pair["b_office"] and pair["a_region"] != pair["b_region"],
    }
    counts = {}
    for scope, test in belongs.items():
        rows = catalog.run(corpus, "similar_duties", {"scope": scope})
        assert rows == [pair for pair in everywhere if test(pair)]
        counts[scope] = len(rows)
    assert sum(counts.values()) == len(everywhere) and min(counts.values()) > 0


def test_list_parameters_come_as_one_comma_separated_string(corpus: Store) -> None:
    pairs = catalog.run(corpus, "similar_duties")
    first = pairs[0]
    around = catalog.run(corpus, "similar_duties_around", {"duties": f" {first['a']}, ,{first['b']}"})
    assert first in around
    assert {pair["a"] for pair in around} | {pair["b"] for pair in around} >= {first["a"], first["b"]}
    assert catalog.run(corpus, "similar_duties_around", {"duties": ""}) == []


def test_every_named_query_s_table_reads_in_chinese_without_uids() -> None:
    """The columns people read (a table, CSV or Excel) have Chinese titles, and the uids programs join on stay in
    JSON: similar_duties_around showed a, a_text … and duty:07d8d39438d9c15645c7 (user test). Two office duties given
    by uid, with no text beside them, keep theirs (carried_duty_pairs)."""
    chinese = re.compile(r"[\u4e00-\u9fff]")
    for query in catalog.catalog().values():
        assert [c for c in query.shown if not chinese.search(column_label(c, query.name))] == [], query.name
        assert set(query.json_only) <= set(query.columns), query.name
        uids = [c for c in query.shown if c in ("uid", "key") or c.endswith("_uid")]
        assert uids == [], query.name
    pair = catalog.named("similar_duties_around")
    assert (pair.json_only, [column_label(c, pair.name) for c in pair.shown]) == (
        ("a", "b"), ["区划甲", "部门甲", "内设机构甲", "职责甲", "出处甲", "承继自甲", "区划乙", "部门乙", "内设机构乙", "职责乙",
                     "出处乙", "承继自乙", "相似度"])
    assert [column_label(c, "carried_duty_pairs") for c in catalog.named("carried_duty_pairs").shown] == [
        "内设机构职责甲（标识）", "内设机构职责乙（标识）", "所承接部门职责的相似度"]


def test_boilerplate_is_never_an_overlap(corpus: Store) -> None:
    for scope in ("departments", "offices", "levels"):
        for cluster in overlaps(corpus, scope=scope, threshold=0.3):
            for member in cluster["members"]:
                assert "交办的其他" not in member["duty"]
                assert not member["duty"].startswith("负责机关日常运转")


def test_overlaps_are_deterministic_and_json_ready(corpus: Store) -> None:
    first = overlaps(corpus)
    assert json.dumps(first, ensure_ascii=False) == json.dumps(overlaps(corpus), ensure_ascii=False)
    with pytest.raises(ValueError, match="scope"):
        overlaps(corpus, scope="galaxies")


def test_multi_lead_matters(corpus: Store) -> None:
    # Leads in listing order, the host first (生态环境局 is listed before 农业农村局), then by name.
    assert [(row["matter"], row["leads"]) for row in multi_lead_matters(corpus)] == [
        ("互联网租赁自行车停放管理", ["示例市交通运输局", "示例市城市管理和综合执法局"]),
        ("农业面源污染防治", ["示例市生态环境局", "示例市农业农村局"]),
        ("建筑垃圾处置监督管理", ["示例市住房和城乡建设局", "示例市城市管理和综合执法局"]),
        # Not 防汛抗旱: 城关镇's 属地 主体责任 stands beside 青山县应急管理局's 牵头, it is no second lead.
    ]


CITY_MANAGEMENT = ["示例市城市管理和综合执法局", "青山县城市管理局"]


@pytest.mark.parametrize(("department", "conflicts"), [
    # A county department sees the city's conflicts on the matters it does, though no conflict names it: the
    # department of the domain in its county and in the city is concerned, not 河西区's (its own division with the
    # city, user test).
    ("青山县城市管理局", [("城市生活垃圾经营性清扫、收集、运输、处理服务审批", CITY_MANAGEMENT),
                          ("城市道路占用、挖掘审批", CITY_MANAGEMENT)]),
    ("青山县市场监督管理局", [("食品安全抽样检验", ["示例市市场监督管理局", "青山县市场监督管理局"])]),
    # A city department's conflicts lie between the city and each county that holds the matter.
    ("示例市交通运输局", [("道路普通货物运输经营许可", ["河西区交通运输局", "示例市交通运输局", "青山县交通运输局"])]),
    ("青山县水利局", []),  # 取水许可's 备注 divides it (planted case F)
])
def test_a_departments_report_shows_the_split_conflicts_on_its_matters(
        corpus: Store, department: str, conflicts: list[tuple[str, list[str]]]) -> None:
    section = next(s for s in build_report(corpus, department=department).sections
                   if s.key == "power_split_conflicts:示例市")
    assert section.columns == ["conflict_label", "matter", "department", "concerned", "sources"]
    assert [(row["matter"], row["concerned"]) for row in section.rows] == conflicts


def test_a_departments_report_shows_the_split_of_its_own_matters_only(corpus: Store) -> None:
    """Not the whole city's counts per domain (user test): the matters it does in a holding region, and why it is
    taken for the one doing them."""
    section = next(s for s in build_report(corpus, department="青山县交通运输局").sections
                   if s.key == "power_split:示例市")
    assert section.title == "市县事权划分中本部门承担的事项（示例市）"
    assert [(r["share_label"], r["matter"], r["region"], r["department_basis"]) for r in section.rows] == [
        ("市县共有", "农村公路建设养护管理", "示例市/青山县", "按领域推定（无对应权责事项）"),
        ("县级专有", "机动车维修经营备案", "示例市/青山县", "按领域推定（无对应权责事项）"),
        ("市县共有", "超限运输车辆行驶公路许可", "示例市/青山县", "实施同名权责事项"),
        ("市县共有", "道路旅客运输经营许可", "示例市/青山县", "实施同名权责事项"),
        ("县级专有", "道路普通货物运输经营许可", "示例市/青山县", "实施同名权责事项"),
    ]
    assert {r["domain"] for r in section.rows} == {"交通运输"}


def test_only_the_whole_graph_s_report_gives_the_graph_s_size(corpus: Store) -> None:
    # A county's report opened with the whole graph's counts under the schema's names (user test); the whole graph's
    # gives them last, as an appendix, after the findings and the documents they rest on (a second user test).
    def keys(**scope: str) -> list[str]:
        return [section.key for section in build_report(corpus, **scope).sections]

    assert keys()[:2] == ["summary", "departments"] and keys()[-3:] == ["documents", "labels", "relationships"]
    assert keys(region="示例市/青山县")[-1] == "documents" and keys(department="青山县水利局")[-1] == "documents"


def test_the_report_opens_with_a_summary_of_its_findings(corpus: Store) -> None:
    """How many of each finding and what to do about it, first (user test: tables with no word on what they add up
    to). The counts are the sections' own: 22 overlap groups of which 10 settled (6 of departments, 4 of offices),
    the 6 office groups that repeat a department group (同第N组) not counted again: 10 and 6."""
    report = build_report(corpus)
    summary = report.sections[0]
    assert (summary.key, summary.title, summary.columns) == ("summary", "摘要", ["finding", "count", "action"])
    assert [(row["finding"], row["count"]) for row in summary.rows] == [
        ("职责交叉：未明确牵头的组", 10), ("职责交叉：已明确牵头的组", 6), ("无部门认领的监管事项（三不管）", 2),
        ("主办/协办不清的共同事项", 9), ("其中：多个牵头部门的共同事项（多头管）", 3),
        # The sample city's one move (城市供水, 2009) was restated by the giver's later 三定: nothing left undone.
        ("职责划转后划出部门仍列有或写有的工作", 0), ("职责划转后接收部门未列或未写有的工作", 0), ("未分解到内设机构的职责", 7),
        ("无职责的内设机构", 2),
        ("已取消或已下放仍在承担的职责", 1), ("市县事权划分冲突", 4), ("县（区）权责清单未列的划归县级事项", 15),
            ("编制与职责负荷异常的部门", 2), ("机构编制核查发现问题的部门", 0)]
    overlap_rows = next(s for s in report.sections if s.key == "overlaps").rows
    # Groups no list or clause settles come first, numbered in that order.
    settled = [row["settled"] for row in overlap_rows]
    assert settled == sorted(settled) and overlap_rows[-1]["group"] == 22
    assert all(row["action"] for row in summary.rows if row["count"])  # every finding found here says what to do
    county = build_report(corpus, department="青山县水利局")
    assert [(row["finding"], row["count"]) for row in county.sections[0].rows if row["count"]] == [
        # 水资源 across levels; 防汛抗旱 (its offices' group repeats it), which the county's boundary list settles
        # (应急管理局 leads, 水利局 assists: 城关镇's 属地 主体责任 is no second lead, so no finding either).
        # 青山县 has no 监管事项目录 loaded: said, not counted 0.
        ("职责交叉：未明确牵头的组", 1), ("职责交叉：已明确牵头的组", 1),
        ("无部门认领的监管事项（三不管）", "本区划未载入监管事项目录")]
    assert next(row for row in county.sections[0].rows if not row["count"])["action"] == ""


def test_a_department_s_report_lists_the_documents_it_rests_on(corpus: Store) -> None:
    # Those its findings cite, by date, undated last (a 2010 三定 reads as old): its own and the city counterpart's 三定, the lists
    # naming it (its 权责清单, whose items its report lists), and the 应急管理局's 三定 its 防汛抗旱 overlap cites. Titles,
    # or a file's name for a list without one.
    documents = build_report(corpus, department="青山县水利局").sections[-1]
    assert [(row["title"], row["kind"], row["issued"]) for row in documents.rows] == [
        ("青山县水利局主要职责内设机构和人员编制规定", "sanding", "2010-03-16"),
        ("示例市水务局主要职责内设机构和人员编制规定", "sanding", "2009-10-12"),
        ("bianjie_qingshan.csv", "boundary", ""), ("quanze_qingshan.csv", "power", ""),
        ("shixian_shiquan.csv", "split", ""), ("青山县乡镇属地管理事项主体责任和配合责任清单", "territorial", ""),
        ("青山县应急管理局职能配置、内设机构和人员编制规定", "sanding", ""),  # it gives no date
    ]
    # With the date it came into force, where it says one (the question of what was in force when, user test).
    assert documents.columns == ["title", "kind", "region_name", "issued", "effective", "doc_number"]
    assert [row["effective"] for row in documents.rows] == ["", "", "", "", "", "", "2019-04-01"]


def test_undecomposed_duties(corpus: Store) -> None:
    rows = undecomposed_duties(corpus)
    planted = {(r["department"], r["ordinal"]) for r in rows if r["kind"] == "duty_without_office"}
    assert {("示例市市场监督管理局", 5), ("示例市交通运输局", 11), ("示例市城市管理和综合执法局", 7),
            ("青山县农业农村局", 4)} <= planted
    assert [(r["department"], r["office"]) for r in rows if r["kind"] == "office_without_duty"] == [
        ("示例市城市管理和综合执法局", "执法监督科"), ("青山县交通运输局", "运政股")]
    # Work a 职能转变 hands down that the city's own power list still carries (县（区）境内 says where, not what).
    # 一般工业产品生产许可证后置现场审查 is one step of 工业产品生产许可, which the city keeps (市级专有 in the split list):
    # not the licence handed down (user test).
    assert [(r["department"], r["evidence"]) for r in rows if r["kind"] == "devolved_still_carried"] == [
        ("示例市交通运输局", "道路普通货物运输经营许可")]
    one = undecomposed_duties(corpus, "示例市城市管理和综合执法局")
    assert {r["department"] for r in one} == {"示例市城市管理和综合执法局"}
    # A county's rows, filtered in each query: the whole graph's rows of that county and below it, and no other.
    county = undecomposed_duties(corpus, region="示例市/青山县")
    assert county == [r for r in rows if r["region"] == "示例市/青山县"]
    assert {(r["department"], r["kind"]) for r in county} == {
        ("青山县农业农村局", "duty_without_office"), ("青山县市场监督管理局", "duty_without_office"),
        ("青山县交通运输局", "office_without_duty")}
    assert {r["region"] for r in undecomposed_duties(corpus, region="示例市")} == {r["region"] for r in rows}


def test_orphan_supervision_items_with_likely_owners(corpus: Store) -> None:
    rows = orphan_supervision_items(corpus)
    assert [(r["code"], r["region"]) for r in rows] == [("JG370000701", "示例市"), ("JG370201500", "示例市/河西区")]
    bikes = rows[0]["suggested_owners"]
    # The third department (文旅体, on 体育赛事 read loosely into 自行车) covers too little of the item to suggest.
    assert [o["department"] for o in bikes] == ["示例市交通运输局", "示例市城市管理和综合执法局"]
    assert bikes[1]["evidence"] == "互联网租赁自行车停放管理"
    # Read by people, a suggestion's score is titled as what it is: who_handles' relevance, not a similarity.
    # Where it is written, and beside a list's row the department's 三定 clause.
    assert flat(bikes[1], "orphan_supervision_items") == (
        f"（部门：示例市城市管理和综合执法局；相关度：{bikes[1]['score']}；依据：互联网租赁自行车停放管理；"
        f"出处：{bikes[1]['source']}；三定职责：负责互联网租赁自行车停放秩序的管理。划定城市道路非机动车停放区域，"
        f"督促运营企业规范车辆停放，组织清理违规停放和废弃车辆；三定出处：{bikes[1]['duty_source']}）")
    assert (bikes[1]["source"].partition("#")[2], bikes[1]["duty_source"].partition("#")[2]) == (
        "职责边界清单!6", "第三条(九)")
    # No department of 河西区 holds 排水 (the corpus has no 河西区 water authority): none is suggested, rather than
    # 城管 on 户外广告设施的监督检查.
    assert rows[1]["suggested_owners"] == []


def test_host_assist_ambiguities_reasons(corpus: Store) -> None:
    reasons = sorted((f["reason"], f["matter"]) for f in host_assist_ambiguities(corpus))
    assert reasons == [
        ("conflicting_leads", "互联网租赁自行车停放管理"), ("conflicting_leads", "建筑垃圾处置监督管理"),
        ("lead_and_assist", "全市安全生产大检查和专项整治"),
        ("lead_without_mandate", "畜禽屠宰监督管理"),
        ("multiple_leads", "农业面源污染防治"), ("no_lead", "电动自行车集中充电设施安全管理"),
        ("vague_party", "城市“牛皮癣”小广告清理整治"), ("vague_party", "拟订全市事业单位人事制度改革政策措施"),
        ("vague_party", "旅游市场综合监管"),
    ]


def test_a_conflict_between_documents_says_which_names_which_lead(corpus: Store) -> None:
    """城管's 三定 and the city's boundary list give 互联网租赁自行车停放管理 to 城管, 交通's 三定 to 交通: each source's
    own leads and assisting parties, so that a reader sees the disagreement without opening the documents."""
    bikes = next(f for f in host_assist_ambiguities(corpus, "示例市") if f["matter"] == "互联网租赁自行车停放管理")
    assert bikes["reason"] == "conflicting_leads" and bikes["host"] is None
    assert [(c["source"].split("#")[1], c["leads"], c["territorial_leads"], c["assists"]) for c in bikes["claims"]] == [
        ("第六条(二)", ["示例市城市管理和综合执法局"], [], ["示例市交通运输局", "示例市公安局"]),
        ("职责边界清单!6", ["示例市城市管理和综合执法局"], [], ["示例市交通运输局", "示例市公安局"]),
        ("第六条(一)", ["示例市交通运输局"], [], ["示例市公安局", "示例市城市管理和综合执法局"]),
    ]
    assert [c["source"] for c in bikes["claims"]] == bikes["sources"]
    # A finding on some of the matter's sources cites what those say only: the first clause naming several leads.
    farming = next(f for f in host_assist_ambiguities(corpus, "示例市") if f["reason"] == "multiple_leads")
    assert [c["source"] for c in farming["claims"]] == farming["sources"] and len(farming["sources"]) == 2


def test_power_split(corpus: Store) -> None:
    split = power_split(corpus, "示例市")
    cells = {(c["domain"], c["share"]): c for c in split["cells"]}
    assert cells[("交通运输", "county_exclusive")]["names"] == ["机动车维修经营备案", "道路普通货物运输经营许可"]
    assert cells[("市场监管", "delegated")]["by_region"] == {"示例市": 1, "示例市/青山县": 1}
    assert sum(c["matters"] for c in split["cells"]) == 48
    # A source is the document's id and the row (`doc:…#第9行`); the row is what tells the list's rows apart.
    assert [(c["kind"], c["matter"], c["department"], c["source"].split("#")[1]) for c in split["conflicts"]] == [
        ("county_exclusive_exercised_by_city", "道路普通货物运输经营许可", "示例市交通运输局", "市交通运输局!2"),
        # Planted case F: the three shared rows whose 备注 states the division are not here.
        ("shared_without_division", "城市生活垃圾经营性清扫、收集、运输、处理服务审批", "", "第2行"),
        ("shared_without_division", "城市道路占用、挖掘审批", "", "第3行"),
        ("shared_without_division", "食品安全抽样检验", "", "第9行"),
    ]


def test_the_matters_a_county_holds_that_its_power_list_leaves_out(corpus: Store) -> None:
    """Planted case G: the matters the split gives 青山县 whose county department of the domain has a loaded 权责清单
    without them (the drafter's user test: a 县级专有 matter with no county 权责事项 went unflagged)."""
    unlisted = power_split(corpus, "示例市")["unlisted"]
    assert [(r["department"], r["matter"], r["share"], r["listed_items"]) for r in unlisted] == [
        ("青山县交通运输局", "农村公路建设养护管理", "shared", 4),
        ("青山县交通运输局", "机动车维修经营备案", "county_exclusive", 4),
        ("青山县住房和城乡建设局", "建设工程消防验收", "shared", 5),
        ("青山县住房和城乡建设局", "房地产开发企业资质核定", "shared", 5),
        ("青山县住房和城乡建设局", "物业服务企业监督检查", "county_exclusive", 5),
        ("青山县农业农村局", "兽药经营许可", "county_exclusive", 3),
        ("青山县农业农村局", "农村宅基地审批管理", "county_exclusive", 3),
        ("青山县农业农村局", "农药经营许可", "delegated", 3),
        ("青山县城市管理局", "城市生活垃圾经营性清扫、收集、运输、处理服务审批", "shared", 3),
        ("青山县城市管理局", "城市道路占用、挖掘审批", "shared", 3),
        ("青山县市场监督管理局", "消费者投诉举报处理", "county_exclusive", 6),
        ("青山县市场监督管理局", "食品安全抽样检验", "shared", 6),
        ("青山县应急管理局", "危险化学品经营许可", "shared", 4),
        ("青山县应急管理局", "地震监测设施和观测环境保护", "delegated", 4),
        ("青山县应急管理局", "生产安全事故调查处理", "shared", 4),
    ]
    assert {r["region"] for r in unlisted} == {"示例市/青山县"}
    assert next(r["source"] for r in unlisted if r["matter"] == "物业服务企业监督检查").endswith("#第8行")
    # A county's part holds its own rows; 河西区 has no 权责清单, so nothing can be missing from one.
    assert power_split(corpus, "示例市", "示例市/青山县")["unlisted"] == unlisted
    assert power_split(corpus, "示例市", "示例市/河西区")["unlisted"] == []
    section = next(s for s in build_report(corpus, department="青山县住房和城乡建设局").sections
                   if s.key == "power_split_unlisted:示例市")
    assert section.title == "县（区）权责清单未列的事项（示例市）"
    assert [(r["matter"], r["share_label"], r["region_name"]) for r in section.rows] == [
        ("建设工程消防验收", "市县共有", "青山县"), ("房地产开发企业资质核定", "市县共有", "青山县"),
        ("物业服务企业监督检查", "县级专有", "青山县")]


def test_a_county_s_power_split_holds_its_own_matters(corpus: Store) -> None:
    """A county's part of its city's split (the page's download with a county chosen, the county's report): the
    matters that county holds, each in the city's cell, and the conflicts over them (user test: the whole city's)."""
    city, county = power_split(corpus, "示例市"), power_split(corpus, "示例市", "示例市/青山县")
    held = {(c["domain"], c["share"]): c["by_region"]["示例市/青山县"] for c in city["cells"]
            if "示例市/青山县" in c["by_region"]}
    assert {(c["domain"], c["share"]): c["matters"] for c in county["cells"]} == held
    assert {path for c in county["cells"] for path in c["by_region"]} == {"示例市/青山县"}
    assert sum(held.values()) == 38 and len(held) == 18
    traffic = next(c for c in county["cells"] if (c["domain"], c["share"]) == ("交通运输", "county_exclusive"))
    assert traffic["names"] == ["机动车维修经营备案", "道路普通货物运输经营许可"]
    # 青山县 holds each matter the city's conflicts are over; each lies between the city and 青山县 alone.
    assert [(c["matter"], c["holders"]) for c in county["conflicts"]] == [
        ("道路普通货物运输经营许可", ["示例市/青山县"]),
        ("城市生活垃圾经营性清扫、收集、运输、处理服务审批", ["示例市", "示例市/青山县"]),
        ("城市道路占用、挖掘审批", ["示例市", "示例市/青山县"]), ("食品安全抽样检验", ["示例市", "示例市/青山县"])]
    assert [{**c, "holders": [], "concerned": []} for c in county["conflicts"]] == [
        {**c, "holders": [], "concerned": []} for c in city["conflicts"]]
    # Who settles each (涉及部门): the city's and 青山县's departments of the matter, not 河西区's.
    assert [(c["matter"], c["concerned"]) for c in county["conflicts"]] == [
        ("道路普通货物运输经营许可", ["示例市交通运输局", "青山县交通运输局"]),
        ("城市生活垃圾经营性清扫、收集、运输、处理服务审批", ["示例市城市管理和综合执法局", "青山县城市管理局"]),
        ("城市道路占用、挖掘审批", ["示例市城市管理和综合执法局", "青山县城市管理局"]),
        ("食品安全抽样检验", ["示例市市场监督管理局", "青山县市场监督管理局"])]
    # The city as `region`: the matters it holds itself, as a cell's holdings read it.
    own = power_split(corpus, "示例市", "示例市")
    assert {path for c in own["cells"] for path in c["by_region"]} == {"示例市"}
    assert sum(c["matters"] for c in own["cells"]) == sum(c["by_region"].get("示例市", 0) for c in city["cells"])
    with pytest.raises(RegionOutsideCity) as outside:
        power_split(corpus, "示例市", "临江市")
    assert outside.value.zh == "“临江市”不在示例市；其事权划分涉及：示例市、示例市/河西区、示例市/青山县"
    # The city's counts by region: the city first, then its counties.
    assert next(list(c["by_region"]) for c in city["cells"] if len(c["by_region"]) == 3) == [
        "示例市", "示例市/河西区", "示例市/青山县"]


def test_a_county_s_report_shows_its_part_of_the_split(corpus: Store) -> None:
    sections = {s.key: s for s in build_report(corpus, region="示例市/青山县").sections}
    cells, conflicts = sections["power_split:示例市"], sections["power_split_conflicts:示例市"]
    assert (cells.title, conflicts.title) == ("市县事权划分（青山县持有的事项）", "事权划分冲突（青山县持有的事项）")
    assert sum(row["matters"] for row in cells.rows) == 38
    assert cell_text(cells.rows[0], "by_region", cells.key) == "示例市/青山县 2"
    assert conflicts.columns[0] == "conflict_label" and column_label("conflict_label") == "冲突类型"
    # Its departments and the city's, never 河西区's (user test), and the split list's rows of the two.
    assert [(row["matter"], row["department"], row["concerned"], len(row["sources"])) for row in conflicts.rows] == [
        ("道路普通货物运输经营许可", "示例市交通运输局", ["示例市交通运输局", "青山县交通运输局"], 2),
        ("城市生活垃圾经营性清扫、收集、运输、处理服务审批", "", ["示例市城市管理和综合执法局", "青山县城市管理局"], 1),
        ("城市道路占用、挖掘审批", "", ["示例市城市管理和综合执法局", "青山县城市管理局"], 1),
        ("食品安全抽样检验", "", ["示例市市场监督管理局", "青山县市场监督管理局"], 1)]


def test_staffing_outliers(corpus: Store) -> None:
    rows = staffing_load(corpus)
    assert [(r["department"], r["outlier"]) for r in rows if r["outlier"]] == [
        ("示例市文化广电旅游体育局", "understaffed"), ("河西区教育局", "overstaffed")]
    culture = next(r for r in rows if r["department"] == "示例市文化广电旅游体育局")
    assert (culture["staff_quota"], culture["duties"], culture["duties_per_post"]) == (9, 16, 1.778)


def test_coordination_network(corpus: Store) -> None:
    network = coordination_network(corpus, "示例市")
    assert len(network["counterparts"]) == 12
    assert all(not c["one_to_many"] for c in network["counterparts"])
    # A county's path gives that county's share of its city's counterparts (not none: the city department's
    # region is the city's).
    county = coordination_network(corpus, "示例市/青山县")["counterparts"]
    assert county == [c for c in network["counterparts"] if c["county"] == "示例市/青山县"]
    assert [(c["county_department"], c["city_department"]) for c in county] == [
        ("青山县交通运输局", "示例市交通运输局"), ("青山县住房和城乡建设局", "示例市住房和城乡建设局"),
        ("青山县农业农村局", "示例市农业农村局"), ("青山县城市管理局", "示例市城市管理和综合执法局"),
        ("青山县市场监督管理局", "示例市市场监督管理局"), ("青山县应急管理局", "示例市应急管理局"),
        ("青山县水利局", "示例市水务局")]
    top = network["nodes"][0]
    assert set(top) == {"department", "degree", "betweenness", "matters"}
    assert network["nodes"] == sorted(network["nodes"], key=lambda n: (-n["degree"], -n["betweenness"], n["department"]))


def test_department_profile(corpus: Store) -> None:
    profile = department_profile(corpus, "市城管局")
    assert profile["department"]["name"] == "示例市城市管理和综合执法局"
    # Every office of the 三定, 执法监督科 without duties too, as the departments table counts them (12).
    assert len(profile["offices"]) == 12
    empty = next(o for o in profile["offices"] if o["office"] == "执法监督科")
    assert (empty["duties"], empty["source"].split("#")[1]) == ([], "第四条(七)")
    assert all(o["source"] is None for o in profile["offices"] if o["duties"])
    assert [r["name"] for r in profile["leads"]][:2] == ["互联网租赁自行车停放管理", "互联网租赁自行车停放管理"]
    assert len(profile["power_items"]) == 8
    with pytest.raises(UnknownDepartment):
        department_profile(corpus, "示例市宇宙管理局")
    # A city list once wrote the bare 交通运输局 for the city's bureau, so the name is among its aliases; but the
    # county's and the district's bear it too, and a user who types it has not said which one.
    with pytest.raises(UnknownDepartment) as bare:
        department_profile(corpus, "交通运输局")
    assert bare.value.candidates == ["河西区交通运输局", "示例市交通运输局", "青山县交通运输局"]
    # An alias that only one department bears still finds it.
    assert department_profile(corpus, "水务局")["department"]["name"] == "示例市水务局"


def test_registry_binds_parameters(corpus: Store) -> None:
    assert set(ANALYSES) == {"overlaps", "orphan_supervision_items", "host_assist_ambiguities", "undecomposed_duties",
                             "power_split", "staffing_load", "who_handles", "department_profile",
                             "coordination_network", "counterpart_duties", "duties_in_force",
                             "transferred_still_held"}
    rows = run_analysis(corpus, "who_handles", {"text": "公司拖欠工资", "limit": "1", "region": "示例市"})
    assert [r["department"] for r in rows] == ["示例市人力资源和社会保障局"]
    with pytest.raises(QueryError, match="needs text"):
        run_analysis(corpus, "who_handles", {})
    with pytest.raises(QueryError, match="needs the parameter department"):
        run_analysis(corpus, "counterpart_duties", {})
    with pytest.raises(QueryError, match="takes no parameter"):
        run_analysis(corpus, "overlaps", {"colour": "red"})
    # A county's 编办 names her county alone: the split is its city's (user test: told the query needs a city).
    assert run_analysis(corpus, "power_split", {"region": "示例市/青山县"}) == power_split(
        corpus, "示例市", "示例市/青山县")
    with pytest.raises(QueryError, match=r"^query power_split needs city \(示例市\), or a region that lies in a city$"):
        run_analysis(corpus, "power_split", {})
    with pytest.raises(QueryError, match=r"^query holdings needs the parameter city$") as raised:
        catalog.run(corpus, "holdings")
    assert raised.value.zh == "查询 holdings 需要参数 city"


def test_offices_hold_the_same_work_only_under_the_same_mandate(store: Store) -> None:
    # 环境卫生 is in the 卫健 inspectors' duty and in 城管's street-cleaning office's: alike as text (a SIMILAR
    # edge above the threshold), but the department duties they carry out are not.
    ingest(sorted(EXAMPLES.glob("shi_*")), store, region=Region(("示例市",)))
    offices = {"示例市卫生健康委员会/药物政策与综合监督科", "示例市城市管理和综合执法局/市容环境卫生管理科"}
    pair = [row for row in catalog.run(store, "similar_duties", {"threshold": DEFAULT_THRESHOLD, "region": None})
            if {f"{row['a_department']}/{row['a_office']}", f"{row['b_department']}/{row['b_office']}"} == offices]
    assert len(pair) == 1
    assert [row["score"] for row in catalog.run(store, "carried_duty_pairs",
                                                {"a": [pair[0]["a"]], "b": [pair[0]["b"]]})] == [0.0]
    assert offices not in [set(holders) for holders in _holders(overlaps(store, scope="offices"))]
    # An office duty that carries out none of its department's duties is judged by its own text alone.
    store.write(Statement("UNWIND $rows AS r MATCH (:Duty {uid: r.uid})-[e:REFINES]->() DELETE e",
                          [{"uid": pair[0]["a"]}]))
    store.write(bump_version())  # a write, so that the cached clusters are derived again
    assert catalog.run(store, "carried_duty_pairs", {"a": [pair[0]["a"]], "b": [pair[0]["b"]]}) == []
    assert offices in [set(holders) for holders in _holders(overlaps(store, scope="offices"))]


def test_a_copy_without_its_offices_has_no_undecomposed_duties(store: Store) -> None:
    """A 三定 copy cut before its 内设机构 section says nothing of which duties offices carry: every duty was listed
    as 未分解到内设机构 (user test, the national mine safety bureau's copy)."""
    path = real_document("guojia_kuangshananquanjianchaju_sanding.txt")
    assert ingest([path], store).failed == []
    assert store.read("MATCH (d:Department)-[:HAS_DUTY]->(u:Duty) WHERE d.sanding_issued IS NOT NULL "
                      "RETURN count(u) AS n")[0]["n"] > 0
    assert undecomposed_duties(store) == []


def test_a_sanding_s_participation_clause_is_no_matter_without_a_lead(store: Store) -> None:
    """参与… in a 三定 says its department assists; that it names no lead is no finding (user test: the mine safety
    bureau's 参与 clauses read as 无牵头部门). A list that leaves the lead out still is (the sample corpus's)."""
    path = real_document("guojia_kuangshananquanjianchaju_sanding.txt")
    assert ingest([path], store).failed == []
    assists = store.read("MATCH (:Department)-[:ASSISTS]->(m:Matter) RETURN count(m) AS n")[0]["n"]
    assert assists >= 2
    assert [f["reason"] for f in host_assist_ambiguities(store) if f["reason"] == "no_lead"] == []
