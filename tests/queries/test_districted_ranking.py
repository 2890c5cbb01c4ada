"""A county made a district (撤县设区) whose notice renamed one of its departments: tests/fixtures/chexian_unrenamed,
a 区划调整 notice (撤销青山县，设立示例市青山区) and a 调整 notice renaming 青山县住房和城乡建设局 alone, over the examples.
The departments no notice renamed stand under 示例市/青山县 still, and answer a complaint naming the district: a
complaint routed within 青山区 reached its 住建局 alone (有人占道经营 → 青山区住房和城乡建设局, 4.4, not 青山县's 城管)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store, open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.ambiguities import Mandates, holders, host_assist_ambiguities
from queries.complaint_files import Complaint
from queries.dispatch import dispatch
from queries.lookup import region_successors
from queries.orphans import orphan_supervision_items
from queries.overlaps import overlaps
from queries.power_split import power_split
from queries.report import build_report
from queries.sources import document_titles, with_readable_sources
from queries.undecomposed import undecomposed_duties
from queries.who_handles import evidence_index, who_handles

REPO = Path(__file__).resolve().parents[2]


def _districted_store(tmp_path_factory: pytest.TempPathFactory, *fixtures: str) -> Iterator[Store]:
    """The examples, the 撤县设区 notices and the `fixtures` named (folders of tests/fixtures), loaded in that order."""
    store = open_store(f"embedded:{tmp_path_factory.mktemp('districted')}")
    load_districted(store, *fixtures)
    yield store
    store.close()


def load_districted(store: Store, *fixtures: str) -> None:
    """Load the examples, the 撤县设区 notices and the `fixtures` named into `store`, in that order."""
    for path in (REPO / "examples", *(REPO / "tests" / "fixtures" / name for name in ("chexian_unrenamed", *fixtures))):
        report = ingest([path], store, region=Region(("示例市",)))
        assert report.failed == [], [outcome.error for outcome in report.outcomes if not outcome.ok]


@pytest.fixture(scope="module")
def districted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from _districted_store(tmp_path_factory)


def test_the_departments_no_notice_renamed_answer_in_the_district(districted: Store) -> None:
    assert region_successors(districted) == {"示例市/青山县": "示例市/青山区"}
    complaints = [("有人占道经营", "青山区"), ("有人占道经营", "示例市/青山县"), ("物业服务企业乱收费", "青山区")]
    rows = dispatch(districted, [Complaint(line, text, region) for line, (text, region) in enumerate(complaints, 2)],
                    region=None).rows
    assert [(row["region"], row["department"], row["score"], row["note"]) for row in rows] == [
        ("示例市/青山县", "青山县城市管理局", 10.049, ""),
        ("示例市/青山县", "青山县城市管理局", 10.049, ""),  # the county's path is read as the district it is now
        ("示例市/青山区", "青山区住房和城乡建设局", 11.889, ""),
    ]
    # Within the district, the renamed department and those that kept the county's name are ranked together.
    assert [(row["region"], row["department"]) for row in who_handles(districted, "小区里违规搭建彩钢棚",
                                                                      region="示例市/青山区", limit=2)] == [
        ("示例市/青山县", "青山县城市管理局"), ("示例市/青山县", "青山县市场监督管理局")]


# The district's own lists (tests/fixtures/chexian_unrenamed_lists): a 监管事项目录 of 青山区 whose item on 户外广告设施
# no department claimed, and a 职责边界清单 of 青山区 naming 青山县城市管理局 (unrenamed) to lead 建筑垃圾处置管理, and
# the renamed 住建局 to lead 河道采砂监督管理, which 青山县水利局's 三定 gives the county's 水利局 (unrenamed too).
@pytest.fixture(scope="module")
def district_lists(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from _districted_store(tmp_path_factory, "chexian_unrenamed_lists")


def test_an_unclaimed_item_of_the_district_is_suggested_to_an_unrenamed_county_department(
        district_lists: Store) -> None:
    """Before, the item was ranked among the departments under 示例市/青山区 alone (the renamed 住建局): none held it."""
    rows = with_readable_sources(orphan_supervision_items(district_lists, "示例市/青山区"),
                                 document_titles(district_lists))
    assert [(row["region"], row["item"], [(owner["department"], owner["score"], owner["source"])
                                          for owner in row["suggested_owners"]]) for row in rows] == [
        ("示例市/青山区", "对户外广告设施和门店招牌设置的监督检查",
         [("青山县城市管理局", 44.156, "《青山县城市管理局职能配置、内设机构和人员编制规定》第三条(五)")])]


def test_a_district_list_s_lead_is_judged_among_the_county_s_unrenamed_departments(district_lists: Store) -> None:
    """The renamed 住建局 leads 河道采砂监督管理 without the work, which the county's 水利局 holds: before, only the
    departments under the district's path were searched, 住建局's own best was the best, and nothing was found. The
    unrenamed 城管局 that holds 建筑垃圾处置管理 is no finding, judged among the district's departments too."""
    rows = with_readable_sources(host_assist_ambiguities(district_lists, "示例市/青山区"),
                                 document_titles(district_lists))
    assert [(row["matter"], row["mandate"]) for row in rows if row["reason"] == "lead_without_mandate"] == [
        ("河道采砂监督管理", [{"lead": "青山区住房和城乡建设局", "holder": "青山县水利局",
                          "duty": "负责全县河道、水库、堤防的管理和保护，监督管理河道采砂。",
                          "source": "《青山县水利局主要职责内设机构和人员编制规定》二、(四)"}]),
        # The county's own 职责边界清单 (examples/, under 示例市/青山县) is the district's list now: asked of the
        # district, its finding is there too (before, only the lists under the district's path were read).
        ("畜禽屠宰监督管理", [{"lead": "青山县市场监督管理局", "holder": "青山县农业农村局",
                          "duty": "负责动物防疫检疫、农作物病虫害防治和畜禽屠宰行业管理。",
                          "source": "《青山县农业农村局职能配置、内设机构和人员编制规定》第三条(七)"}])]
    # Asked by the county's old path, the district's lead reads the same (the lead's region is the district).
    mandates = Mandates(evidence_index(district_lists), holders(district_lists))
    assert mandates.better_holder("建筑垃圾处置管理", "青山县城市管理局", "示例市/青山县") is None
    assert mandates.better_holder("建筑垃圾处置管理", "青山县城市管理局", "示例市/青山区") is None


def test_the_district_s_findings_read_the_same_asked_by_either_path(district_lists: Store) -> None:
    """Each region filter reads the district as it is now (`queries.lookup.region_paths`): before, asked by
    示例市/青山县 the district's unclaimed item and its split cells were nothing, and asked by 示例市/青山区 the
    county's unrenamed departments' undecomposed duties and the county's own lists' findings were nothing."""
    def findings(region: str) -> tuple[object, ...]:
        orphans = [(row["region"], row["item"]) for row in orphan_supervision_items(district_lists, region)]
        ambiguities = [(row["region"], row["matter"], row["reason"])
                       for row in host_assist_ambiguities(district_lists, region)]
        undecomposed = sorted({(row["region"], row["department"])
                               for row in undecomposed_duties(district_lists, region=region)})
        split = {part: len(rows) for part, rows in power_split(district_lists, "示例市", region).items()}
        return orphans, ambiguities, undecomposed, split
    assert findings("示例市/青山县") == findings("示例市/青山区") == (
        [("示例市/青山区", "对户外广告设施和门店招牌设置的监督检查")],
        [("示例市/青山区", "河道采砂监督管理", "lead_without_mandate"),
         ("示例市/青山县", "电动自行车集中充电设施安全管理", "no_lead"),
         ("示例市/青山县", "畜禽屠宰监督管理", "lead_without_mandate")],
        [("示例市/青山县", "青山县交通运输局"), ("示例市/青山县", "青山县农业农村局"),
         ("示例市/青山县", "青山县市场监督管理局")],
        {"cells": 18, "conflicts": 4, "unlisted": 3, "counties": 19, "differences": 7},
    )


# A township of the district (tests/fixtures/chexian_township): 城关镇's 履行职责事项清单, written after the 撤县设区,
# names its leads 区城市管理局, 区住房和城乡建设局 (the one department the notice renamed) and 区应急管理局; its township
# is read under 示例市/青山区 as the 属地 list of the county placed it under 示例市/青山县.
@pytest.fixture(scope="module")
def district_township(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from _districted_store(tmp_path_factory, "chexian_township")


def test_a_district_township_s_list_is_judged_among_the_county_s_unrenamed_departments(
        district_township: Store) -> None:
    """区城市管理局 is the unrenamed 青山县城市管理局, whose 三定 states 建筑垃圾处置; the 河道采砂 the renamed 住建局 took
    back is the unrenamed 水利局's: before the search read the district with the county's departments (93c0bc0),
    only the renamed 住建局 was searched for it, and the row said nobody holds it (not_held)."""
    rows = with_readable_sources(catalog.run(district_township, "township_duties", {"region": "示例市/青山区"}),
                                 document_titles(district_township))
    assert [(row["township_region"], row["part"], row["matter"], row["department"], row["department_region"],
             row["finding"], row["holder"], row["evidence"], row["evidence_source"]) for row in rows] == [
        ("示例市/青山区/城关镇", "basic", "矛盾纠纷排查化解", "", "", "", "", "", ""),
        ("示例市/青山区/城关镇", "assisting", "建筑垃圾处置管理", "青山县城市管理局", "示例市/青山县", "held", "",
         "负责县城建筑垃圾处置的管理。核准建筑垃圾处置申请，监督管理建筑垃圾运输和消纳，依法查处违法倾倒行为。",
         "《青山县城市管理局职能配置、内设机构和人员编制规定》第三条(四)"),
        ("示例市/青山区/城关镇", "assisting", "农村危房改造", "青山区住房和城乡建设局", "示例市/青山区", "held", "",
         "负责指导全县村镇建设和农村危房改造工作,组织实施传统村落保护。",
         "《青山县住房和城乡建设局职能配置、内设机构和人员编制规定》第三条(七)"),
        # No department of the district, renamed or not, states it: 甩锅.
        ("示例市/青山区/城关镇", "assisting", "电动自行车进楼入户整治", "青山县应急管理局", "示例市/青山县", "not_held", "",
         "", ""),
        ("示例市/青山区/城关镇", "reclaimed", "河道采砂监督管理", "青山区住房和城乡建设局", "示例市/青山区",
         "held_by_other", "青山县水利局", "负责全县河道、水库、堤防的管理和保护，监督管理河道采砂。",
         "《青山县水利局主要职责内设机构和人员编制规定》二、(四)"),
    ]


def test_a_district_township_s_list_reads_the_same_asked_by_the_county_s_old_path(district_township: Store) -> None:
    """Asked by 示例市/青山县 (the county the notice made 青山区), the district's townships answer: before, none of
    城关镇's rows came, and one merged_township row took the renamed 住建局 for a township merged away."""
    def asked(region: str) -> list[tuple[str, str, str, str, str]]:
        return [(row["township_region"], row["part"], row["matter"], row["department"], row["finding"])
                for row in catalog.run(district_township, "township_duties", {"region": region})]
    assert asked("示例市/青山县") == asked("示例市/青山区") == [
        ("示例市/青山区/城关镇", "basic", "矛盾纠纷排查化解", "", ""),
        ("示例市/青山区/城关镇", "assisting", "建筑垃圾处置管理", "青山县城市管理局", "held"),
        ("示例市/青山区/城关镇", "assisting", "农村危房改造", "青山区住房和城乡建设局", "held"),
        ("示例市/青山区/城关镇", "assisting", "电动自行车进楼入户整治", "青山县应急管理局", "not_held"),
        ("示例市/青山区/城关镇", "reclaimed", "河道采砂监督管理", "青山区住房和城乡建设局", "held_by_other"),
    ]
    # The township asked by its path under the old county is the district's township too.
    assert asked("示例市/青山县/城关镇") == asked("示例市/青山区")


# The district's own documents beside its township's list (tests/fixtures/chexian_district_moves): a 调整 notice of
# 青山区 moving 户外广告设施设置审批 and 2 行政编制 from 青山县城市管理局 (unrenamed) to the renamed 住建局, and a
# 权责清单 of 青山区, the county's list's next version, whose item held by 青山县城市管理局 cites no 设定依据.
@pytest.fixture(scope="module")
def district_documents(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from _districted_store(tmp_path_factory, "chexian_township", "chexian_district_moves")


_DISTRICT_DEPARTMENTS = [("示例市/青山区", "青山区住房和城乡建设局"), ("示例市/青山县", "青山县交通运输局"),
                         ("示例市/青山县", "青山县农业农村局"), ("示例市/青山县", "青山县城市管理局"),
                         ("示例市/青山县", "青山县市场监督管理局"), ("示例市/青山县", "青山县应急管理局"),
                         ("示例市/青山县", "青山县水利局")]
# Each named query's rows asked of the district, by the columns named: every row where `counted` is False, else how
# many rows each value of those columns has (the long listings).
_DISTRICT_ROWS: list[tuple[str, tuple[str, ...], bool, object]] = [
    ("departments", ("region", "department"), False, _DISTRICT_DEPARTMENTS),
    ("department_load", ("region", "department"), False, _DISTRICT_DEPARTMENTS),
    ("party_departments", ("region", "department"), False, [
        ("示例市/青山区/城关镇", "城关镇人民政府"), ("示例市/青山县/城关镇", "城关镇人民政府"),
        ("示例市/青山县/石桥镇", "石桥镇人民政府")]),
    ("lent_staffing", ("department_uid", "lender"), False, [
        ("dept:示例市/青山区/住房和城乡建设局", "青山县住房和城乡建设局")]),
    ("staff_moves", ("department", "direction", "other", "staff"), False, [
        ("青山区住房和城乡建设局", "in", "青山县城市管理局", 2), ("青山县城市管理局", "out", "青山区住房和城乡建设局", 2)]),
    ("region_transfers", ("region", "giver", "receiver", "what"), False, [
        ("示例市/青山县", "青山县城市管理局", "青山区住房和城乡建设局", "户外广告设施设置审批")]),
    ("power_item_review", ("region", "department", "item", "finding"), False, [
        ("示例市/青山县", "青山县城市管理局", "对擅自设置大型户外广告的处罚", "no_basis")]),
    # The district's departments' reforms, the rename its notice made among them (the successor's region).
    ("region_successions", ("region", "predecessor", "successor", "kind"), False, [
        ("示例市/青山区", "青山县住房和城乡建设局", "青山区住房和城乡建设局", "renamed")]),
    ("unresolved_departments", ("region", "department"), False, [("示例市/青山县", "青山县农业局")]),
    # The district's departments beside their city counterparts, the renamed 住建局 with the county's.
    ("counterparts", ("county", "county_department", "city_department"), False, [
        ("示例市/青山区", "青山区住房和城乡建设局", "示例市住房和城乡建设局"), ("示例市/青山县", "青山县交通运输局", "示例市交通运输局"),
        ("示例市/青山县", "青山县农业农村局", "示例市农业农村局"),
        ("示例市/青山县", "青山县城市管理局", "示例市城市管理和综合执法局"),
        ("示例市/青山县", "青山县市场监督管理局", "示例市市场监督管理局"), ("示例市/青山县", "青山县应急管理局", "示例市应急管理局"),
        ("示例市/青山县", "青山县水利局", "示例市水务局")]),
    ("region_counts", ("label", "count"), False, [
        ("Region", 5), ("Department", 12), ("Office", 43), ("Duty", 163), ("Matter", 31), ("PowerItem", 2),
        ("Document", 13)]),
    ("matters", ("region",), True, [(("示例市/青山区",), 5), (("示例市/青山县",), 26)]),
    ("shared_matter_pairs", ("region",), True, [(("示例市/青山区",), 3), (("示例市/青山县",), 53)]),
    ("refining_office_duties", ("department",), True, [
        (("青山县交通运输局",), 12), (("青山县住房和城乡建设局",), 10), (("青山县农业农村局",), 12),
        (("青山县城市管理局",), 11), (("青山县市场监督管理局",), 14), (("青山县应急管理局",), 11), (("青山县水利局",), 8)]),
    ("region_duties", ("department",), True, [
        (("青山区住房和城乡建设局",), 1), (("青山县交通运输局",), 23), (("青山县农业农村局",), 26),
        (("青山县城市管理局",), 21), (("青山县市场监督管理局",), 26), (("青山县应急管理局",), 21), (("青山县水利局",), 19)]),
    # The district's 权责清单 is the county's list's next version: what it added and deleted.
    ("list_changes", ("region", "change"), True, [
        (("示例市/青山区", "added"), 1), (("示例市/青山区", "deleted"), 25), (("示例市/青山区", "department_changed"), 1)]),
]


@pytest.mark.parametrize(("name", "columns", "counted", "expected"), _DISTRICT_ROWS,
                         ids=[row[0] for row in _DISTRICT_ROWS])
def test_a_district_s_listing_reads_the_same_asked_by_either_path(
        district_documents: Store, name: str, columns: tuple[str, ...], counted: bool, expected: object) -> None:
    """Before, asked by 示例市/青山区 these gave the renamed 住建局's rows alone (departments: 1 of 7; region_transfers
    and power_item_review, whose rows stand under the county's path: none), and asked by 示例市/青山县 the county's
    without the district's (list_changes: none, the list's current version being the district's)."""
    def asked(region: str) -> object:
        rows = [tuple(row[column] for column in columns) for row in catalog.run(district_documents, name,
                                                                                  {"region": region})]
        return sorted(Counter(rows).items()) if counted else rows
    assert asked("示例市/青山县") == asked("示例市/青山区") == expected


def test_a_district_s_overlaps_and_report_read_the_same_asked_by_either_path(district_documents: Store) -> None:
    """The findings filtered after their query (overlaps' pairs, the report's undecomposed duties) read the district
    by both paths too: before, asked by 示例市/青山区 the county's 应急管理局 overlap and its departments' undecomposed
    duties were none, and across levels the unrenamed departments' pairs with the city were left out."""
    def read(region: str) -> tuple[object, ...]:
        clusters = {scope: sorted(sorted(member["department"] for member in cluster["members"])
                                  for cluster in overlaps(district_documents, scope=scope, region=region))
                    for scope in ("departments", "levels")}
        sections = {section.key: len(section.rows) for section in build_report(district_documents, region=region).sections}
        return clusters, sections["overlaps"], sections["undecomposed_duties"]
    clusters, overlap_rows, undecomposed = read("示例市/青山区")
    assert read("示例市/青山县") == (clusters, overlap_rows, undecomposed)
    # The renamed 住建局 and the unrenamed 城管局 are one district's, their duties compared (ingest.link): the 户外广告
    # 审批 the notice moved into 住建局 is still written in 城管局's 三定, which overlaps read as written.
    assert clusters["departments"] == [["青山区住房和城乡建设局", "青山县城市管理局"], ["青山县应急管理局", "青山县水利局"]]
    assert len(clusters["levels"]) == 5 and (overlap_rows, undecomposed) == (16, 3)  # the new cluster's two rows
