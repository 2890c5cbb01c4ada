"""A department's report read by its new head (user test: 新任局长), on tests/fixtures/notice_moves (鹤川市林业局's
2021 三定, 行政编制12名, and the 2023 notice that moves 城市绿化 with 2 posts to the 园林局, 森林防火 with 1 post to the
应急管理局, cancels 林木种苗生产经营许可 and hands 林业有害生物防治检疫 down): what is still the bureau's, office by
office, and how many posts it has now."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.export import to_docx
from queries.labels import column_label
from queries.report import Report, Section, build_report, cell_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "notice_moves"
FORESTRY = "鹤川市林业局"
SANDING = "《鹤川市林业局职能配置、内设机构和人员编制规定》"


@pytest.fixture
def forestry(store: Store) -> Store:
    assert ingest(sorted(FIXTURES.glob("*.txt")), store, region=Region(("鹤川市",))).failed == []
    return store


def _section(report: Report, key: str) -> Section:
    return next(section for section in report.sections if section.key == key)


def _shown(section: Section) -> list[list[str]]:
    return [[cell_text(row, column, section.key) for column in section.columns] for row in section.rows]


def _titles(section: Section) -> list[str]:
    return [column_label(column, section.key) for column in section.columns]


def test_the_offices_table_says_what_the_notice_made_of_each_office_duty_in_chinese(forestry: Store) -> None:
    """Its columns titled as the duties table's (they read 状态, 变化 and counterpart), an office duty no notice
    touched 现行 (it read current)."""
    report = build_report(forestry, department=FORESTRY)
    duties, offices = _section(report, "department_duties"), _section(report, "department_offices")
    assert _titles(offices) == ["内设机构", "序号", "职责内容", "现状", "调整通知所述的职责", "划转的对方部门", "出处"]
    assert _titles(offices)[3:6] == _titles(duties)[4:7]
    assert [row[:1] + row[3:6] + [row[6].removeprefix(SANDING)] for row in _shown(offices)] == [
        ["保护科", "部分下放", "林业有害生物防治检疫", "各县（区）", "第四条(五)"],
        ["办公室", "现行", "", "", "第四条(一)"],
        ["种苗科", "部分取消", "林木种苗生产经营许可", "", "第四条(四)"],
        ["绿化科", "部分划出", "城市绿化监督管理", "鹤川市园林局", "第四条(三)"],
        ["防火科", "已划出", "森林防火监督管理", "鹤川市应急管理局", "第四条(二)"]]
    # So in the Word file a head reads on the train.
    document = docx.Document(io.BytesIO(to_docx(report)))
    table = next(table for table in document.tables
                 if [cell.text for cell in table.rows[0].cells][:3] == ["内设机构", "序号", "职责内容"])
    assert [cell.text for cell in table.rows[0].cells] == _titles(offices)
    assert [cell.text for cell in table.rows[2].cells][:4] == ["办公室", "1", "负责机关日常运转。", "现行"]


def test_the_department_s_facts_give_its_posts_after_the_notice_as_the_staffing_table_does(forestry: Store) -> None:
    """部门概况 gave the 三定's 12 under 编制 where 编制与职责负荷 gave 9, the 3 posts the notice moved out taken
    off: both give 9 now, the 12 set beside it under its own title."""
    report = build_report(forestry, department=FORESTRY)
    facts, load = _section(report, "departments"), _section(report, "staffing_load")
    assert _titles(facts) == ["区划", "部门", "类型", "规格", "编制", "核定编制（未计通知划转）", "领导职数", "内设机构数",
                              "现行职责数"]
    # Its duties as they stand, as 编制与职责负荷 counts them: not the 6 its 三定 states, two of them moved out.
    assert _shown(facts) == [["鹤川市", FORESTRY, "政府工作部门", "正处级", "9", "12", "3", "5", "4"]]
    assert [(row["staff_quota"], row["staff_quota_stated"], row["duties"]) for row in load.rows] == [(9, 12, 4)]
    assert facts.note == ("“编制”：三定（或调整通知所列调整后总数）核定的行政编制，加减其后调整通知划入、划出、核减、下放的编制，"
                          "与“编制与职责负荷”一节相同；“核定编制（未计通知划转）”为所核定之数。")
    # The receiver's 三定 states its own 10 and nothing moved since its date but the 2 posts the notice moved in.
    parks = _section(build_report(forestry, department="鹤川市园林局"), "departments")
    assert [row[4:6] for row in _shown(parks)] == [["12", "10"]]


def test_a_department_no_notice_touched_keeps_its_facts_as_they_were(corpus: Store) -> None:
    facts = _section(build_report(corpus, department="青山县市场监督管理局"), "departments")
    assert (facts.columns, facts.note) == (
        ["region_name", "department", "kind", "rank", "staff_quota", "leader_posts", "offices", "duties_current"], "")
    assert [row[4] for row in _shown(facts)] == ["24"]


def test_work_moved_out_that_the_bureau_still_states_is_something_to_settle(forestry: Store) -> None:
    """本部门需协调事项 listed nothing while 职责划转后仍在承担 found the bureau's 三定 and offices still saying the
    work the notice moved out: a row each piece of work, with the department that took it; the receiver's report has
    the same row from its side."""
    items = _section(build_report(forestry, department=FORESTRY), "coordination_items")
    assert _shown(items) == [
        ["职责划转", "城市绿化监督管理", "划出部门现行三定仍写有此项，需修订；本部门：划出", "鹤川市园林局", "职责划转后仍在承担"],
        ["职责划转", "森林防火监督管理", "划出部门现行三定仍写有此项，需修订；本部门：划出", "鹤川市应急管理局",
         "职责划转后仍在承担"]]
    assert items.note == ("本部门与其他部门职责交叉、共同事项主办/协办不清、事权划分冲突或职责划转后仍在承担（或未承接）的事项，"
                          "及需与之协调的部门；明细见“详见”所列各节。")
    assert _shown(_section(build_report(forestry, department="鹤川市园林局"), "coordination_items")) == [
        ["职责划转", "城市绿化监督管理", "划出部门现行三定仍写有此项，需修订；本部门：接收", "鹤川市林业局", "职责划转后仍在承担"]]


def test_the_sanding_history_says_what_a_notice_s_duty_count_counts(forestry: Store) -> None:
    """The notice's 部门职责数 0 read as a bureau with no duties left: the note says it counts work moved in."""
    versions = _section(build_report(forestry, department=FORESTRY), "sanding_versions")
    assert [row[:1] + row[5:6] for row in _shown(versions)] == [["三定规定", "6"], ["调整职责机构编制通知", "0"]]
    assert versions.note.endswith("调整通知的“部门职责数”为其划入本部门的职责数（为0的并非本部门没有职责）；"
                                  "其划出、取消、下放的职责见“本部门主要职责”一节的“现状”列。")
    assert [row[5] for row in _shown(_section(build_report(forestry, department="鹤川市园林局"), "sanding_versions"))] \
        == ["3", "1"]
