"""township_duties: a township's 履行职责事项清单 checked against the county departments' 三定 (user test: a township's
党政办 clerk asked which 配合 matters' lead department holds no such duty, 甩锅, and which 收回 matters nobody holds).

The fixture (tests/fixtures/township) is a county of its own, 澄州市/石岭县, with five departments' 三定 and the lists
of 安平镇 (a CSV stacking the three parts) and 东湖街道 (a workbook of a sheet a part).
"""

from __future__ import annotations

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from queries import catalog
from tests.ingest.test_township_lists import COUNTY, FIXTURES


@pytest.fixture
def county(store: Store) -> Store:
    report = ingest([FIXTURES], store, region=COUNTY)
    assert [outcome.error for outcome in report.failed] == []
    return store


def _checked(rows: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(r["part"], r["matter"], r["department"], r["finding"], r["holder"]) for r in rows]


def test_each_row_of_the_township_s_list_with_what_the_department_s_3ding_says(county: Store) -> None:
    rows = catalog.run(county, "township_duties", {"township": "dept:澄州市/石岭县/安平镇/人民政府"})
    assert _checked(rows) == [
        ("basic", "镇党委自身建设", "", "", ""),
        ("basic", "村级集体经济发展", "", "", ""),
        ("basic", "矛盾纠纷排查化解", "", "", ""),
        ("basic", "农村环境卫生日常保洁", "", "", ""),
        ("basic", "辖区安全隐患日常巡查", "", "", ""),
        ("assisting", "耕地保护", "石岭县自然资源局", "held", ""),
        ("assisting", "地质灾害隐患排查", "石岭县自然资源局", "held", ""),
        # The lead the list names does not state it; 住建局's 三定 does (农业农村局's 宅基地 duty is no ground).
        ("assisting", "农村危房改造", "石岭县农业农村局", "held_by_other", "石岭县住房和城乡建设局"),
        # No department of the county states it: the township assists a lead that does not hold the work (甩锅).
        ("assisting", "电动自行车进楼入户整治", "石岭县应急管理局", "not_held", ""),
        # No 三定 of 民政局 loaded: not judged.
        ("assisting", "特困人员供养", "石岭县民政局", "no_duties", ""),
        ("assisting", "动物防疫", "石岭县农业农村局", "held", ""),
        ("reclaimed", "违法用地查处", "石岭县自然资源局", "held", ""),
        ("reclaimed", "城镇污水排入排水管网许可", "石岭县城市管理局", "held_by_other", "石岭县住房和城乡建设局"),
        # Taken back by a department whose 三定 does not hold it, nor anyone's: nobody holds it now.
        ("reclaimed", "犬只登记管理", "石岭县城市管理局", "not_held", ""),
    ]
    [shuaiguo] = [row for row in rows if row["finding"] == "not_held" and row["part"] == "assisting"]
    assert (shuaiguo["township"], shuaiguo["part_label"], shuaiguo["category"], shuaiguo["township_text"],
            shuaiguo["department_text"], shuaiguo["finding_label"]) == (
        "安平镇人民政府", "配合履职事项", "安全生产", "配合开展入户宣传和楼道巡查。", "县应急管理局负责电动自行车进楼入户整治。",
        "牵头部门三定、权责清单未写有此项，本县也无部门写有：乡镇配合却无部门主责（甩锅）")
    [other] = [row for row in rows if row["matter"] == "城镇污水排入排水管网许可"]
    assert (other["evidence"], other["evidence_source"].split("#")[1]) == (
        "负责全县城镇排水与污水处理设施的运行监管，核发城镇污水排入排水管网许可。", "第三条(三)")


def test_a_county_s_townships_each_in_their_list_s_order(county: Store) -> None:
    rows = catalog.run(county, "township_duties", {"region": "澄州市/石岭县"})
    assert [(r["township"], r["matter"], r["finding"]) for r in rows if r["township"] == "东湖街道办事处"] == [
        ("东湖街道办事处", "社区党组织建设", ""),
        ("东湖街道办事处", "物业小区矛盾纠纷协调", ""),
        ("东湖街道办事处", "背街小巷环境卫生日常巡查", ""),
        ("东湖街道办事处", "户外广告设置管理", "held"),
        ("东湖街道办事处", "农村危房改造", "held"),
        ("东湖街道办事处", "森林防火", "held"),
        ("东湖街道办事处", "户外广告设置审批", "held"),
    ]
    assert len(rows) == 21
    assert catalog.run(county, "township_duties", {"region": "澄州市/石岭县/东湖街道"}) == rows[:7]


def test_the_two_lists_naming_different_leads_are_a_conflict(county: Store) -> None:
    from queries.ambiguities import host_assist_ambiguities

    assert [(f["reason"], f["matter"], f["leads"]) for f in host_assist_ambiguities(county, "澄州市/石岭县")
            if f["matter"] == "农村危房改造"] == [
        ("conflicting_leads", "农村危房改造", ["石岭县住房和城乡建设局", "石岭县农业农村局"])]


def test_the_report_she_gives_her_party_committee(county: Store) -> None:
    from queries.report import build_report

    report = build_report(county, department="安平镇")
    [section] = [s for s in report.sections if s.key == "township_duties"]
    assert (section.title, len(section.rows)) == ("乡镇（街道）履行职责事项核对", 14)
    summary = {row["finding"]: row["count"] for row in report.sections[0].rows}
    assert summary["配合履职事项：牵头部门三定、权责清单未写有此项（其中无部门写有的为甩锅）"] == 2
    assert summary["上级部门收回事项：收回部门三定、权责清单未写有此项"] == 2
    # A county department's report holds the rows that name it: 城管局 took back two matters, one it does not hold.
    chengguan = build_report(county, department="石岭县城市管理局")
    [rows] = [s.rows for s in chengguan.sections if s.key == "township_duties"]
    assert [(row["matter"], row["finding"]) for row in rows] == [
        ("户外广告设置管理", "held"), ("户外广告设置审批", "held"), ("城镇污水排入排水管网许可", "held_by_other"),
        ("犬只登记管理", "not_held")]


NOTICE = FIXTURES.parent / "township_notice"


def test_judged_on_the_duties_a_notice_left_citing_it(store: Store) -> None:
    # 《关于调整石岭县城市管理局职责机构编制的通知》 (2023) moves 户外广告设置审批 out to 住建局 and 犬只登记管理 in from
    # 公安局: the 三定 as written would say 城管局 holds the first and not the second.
    report = ingest([FIXTURES, NOTICE], store, region=COUNTY)
    assert [outcome.error for outcome in report.failed] == []
    rows = catalog.run(store, "township_duties", {"region": "澄州市/石岭县"})
    assert [(r["township"], r["part"], r["matter"], r["finding"], r["holder"], r["evidence"],
             r["evidence_source"].split("#")[1]) for r in rows if r["department"] == "石岭县城市管理局"] == [
        # Its clause 负责户外广告设置审批和监督管理 was moved out whole (department_duties reads it 已划出).
        ("东湖街道办事处", "assisting", "户外广告设置管理", "moved_away", "石岭县住房和城乡建设局", "户外广告设置审批", "一、"),
        ("东湖街道办事处", "reclaimed", "户外广告设置审批", "moved_away", "石岭县住房和城乡建设局", "户外广告设置审批", "一、"),
        ("安平镇人民政府", "reclaimed", "城镇污水排入排水管网许可", "held_by_other", "石岭县住房和城乡建设局",
         "负责全县城镇排水与污水处理设施的运行监管，核发城镇污水排入排水管网许可。", "第三条(三)"),
        # Gained by the notice: held, the notice's clause its 出处 (before: not_held).
        ("安平镇人民政府", "reclaimed", "犬只登记管理", "held", "", "犬只登记管理", "二、"),
    ]
    [moved] = [r for r in rows if r["matter"] == "户外广告设置审批"]
    assert moved["finding_label"] == "收回部门三定写有此项，但已由调整通知划出、取消或下放：需核定现由谁承接"
    from queries.report import build_report

    summary = {row["finding"]: row["count"] for row in build_report(store, region="澄州市/石岭县").sections[0].rows}
    assert summary["配合、收回事项：县级部门三定写有但已由调整通知划出、取消或下放"] == 2


def test_a_reclaimed_matter_the_township_s_own_list_still_holds(store: Store) -> None:
    # 安平镇's own 权责清单 still lists 对违法用地行为的查处 and 犬只登记管理, which its 履职清单 says the county took back;
    # its 农村环境卫生日常保洁 is a 基本 matter (its own work), and 宅基地 checks no 收回 row names.
    report = ingest([FIXTURES, NOTICE, FIXTURES.parent / "township_power"], store, region=COUNTY)
    assert [outcome.error for outcome in report.failed] == []
    rows = catalog.run(store, "township_duties", {"township": "dept:澄州市/石岭县/安平镇/人民政府"})
    assert [(r["matter"], r["department"], r["finding"], r["holder"], r["evidence"], r["evidence_source"].split("#")[1],
             r["source"].split("#")[1]) for r in rows if r["part"] == "reclaimed"] == [
        ("违法用地查处", "石岭县自然资源局", "held", "", "负责全县违法用地和违法采矿行为的查处，组织开展土地执法巡查。",
         "第三条(四)", "第19行"),
        ("违法用地查处", "石岭县自然资源局", "reclaimed_still_listed", "安平镇人民政府", "对违法用地行为的查处", "第3行",
         "第19行"),
        ("城镇污水排入排水管网许可", "石岭县城市管理局", "held_by_other", "石岭县住房和城乡建设局",
         "负责全县城镇排水与污水处理设施的运行监管，核发城镇污水排入排水管网许可。", "第三条(三)", "第20行"),
        ("犬只登记管理", "石岭县城市管理局", "held", "", "犬只登记管理", "二、", "第21行"),
        ("犬只登记管理", "石岭县城市管理局", "reclaimed_still_listed", "安平镇人民政府", "犬只登记管理", "第5行", "第21行"),
    ]
    [listed, *_rest] = [r for r in rows if r["finding"] == "reclaimed_still_listed"]
    assert listed["finding_label"] == "已收回仍在乡镇清单：乡镇权责清单仍列有此项，应删除"
    from queries.report import build_report

    summary = {row["finding"]: row["count"] for row in build_report(store, department="安平镇").sections[0].rows}
    assert summary["上级部门收回事项：已收回仍在乡镇权责清单"] == 2
