"""What a 调整职责机构编制 notice does to a department's duties, beyond a clause moved out whole: work moved into a
department whose 三定 is not loaded, work handed to the lower governments (交由各县（区）人民政府负责), a clause that
says more than the work moved (partly moved out), and today's state (department_duties) after the notice."""

from __future__ import annotations

from typing import Any

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from queries import catalog
from queries.in_force import in_force
from queries.profile import department_profile
from queries.report import build_report, cell_text
from queries.sources import document_titles, with_readable_sources
from tests.ingest.test_revised_sanding import CITY
from tests.queries.test_duties_moved_out import FIXTURES, _in_force

WATER, DRAINAGE, LAND = "临川市水务局", "临川市排水管理局", "临川市自然资源局"
_NOTICE = "《关于调整临川市水务局职责机构编制的通知》"
_CURRENT = ("current", "", "", "", "")
_SUPPLY_AND_DRAINAGE = "负责城市供水设施和城市排水设施的运行维护。"
_DRAINAGE = ("城市排水设施运行维护", DRAINAGE, f"{_NOTICE}一、", "2023-03-01")
_SAND = ("transferred", "河道采砂监督管理", LAND, f"{_NOTICE}二、", "2023-03-01")
_RURAL = ("devolved", "农村饮水工程建设管理", "各县（区）人民政府", f"{_NOTICE}三、", "2023-03-01")
_SOIL = ("devolved", "生产建设项目水土保持监督检查", "属地乡镇（街道）", f"{_NOTICE}四、", "2023-03-01")


@pytest.fixture
def water(store: Store) -> Store:
    """The 水务局's 2020 三定 and the 2023 notice that moves its work out; neither receiving department's 三定."""
    assert ingest([FIXTURES / "shuiwu_2020.txt", FIXTURES / "shuiwu_notice_2023.txt"], store, region=CITY).failed == []
    return store


def test_a_department_without_a_sanding_answers_the_work_moved_in(water: Store) -> None:
    """The 排水管理局 has no 三定 in the graph: on the notice's day it holds the work the notice moved in, said to be
    only that; before it, nothing."""
    moved_in = ("", None, "城市排水设施运行维护", "current", "", WATER, f"{_NOTICE}一、", "2023-03-01")
    assert _in_force(water, DRAINAGE, "2023-03-01") == [moved_in]
    note = ("无 2023-03-01 时施行的三定：图中没有该部门的三定；"
            "所列仅为其时已施行的调整职责机构编制通知所定的职责变动，不是该部门的全部职责")
    answer = in_force(water, DRAINAGE, "2023-03-01")
    assert (answer.note_zh, [v["kind"] for v in answer.sandings + answer.amendments]) == (note, ["amendment"])
    assert _in_force(water, DRAINAGE, "2023-02-28") == []
    assert in_force(water, DRAINAGE, "2023-02-28").note_zh == "无 2023-02-28 时施行的三定：图中没有该部门的三定"


def test_a_clause_that_says_more_than_the_work_moved_is_partly_moved_out(water: Store) -> None:
    """(一) says 供水 as well as the 排水 the notice moves: 部分划出, with the part moved. 排水科's clause says the
    work and nothing more, and (二) says more words (全市, 工作) but no more work: moved out whole. Work handed to
    各县（区）人民政府 and to 属地乡镇（街道） is devolved, to them."""
    assert _in_force(water, WATER, "2023-02-28") == [
        ("", 1, _SUPPLY_AND_DRAINAGE, *_CURRENT), ("", 2, "负责全市河道采砂的监督管理工作。", *_CURRENT),
        ("", 3, "负责农村饮水工程的建设管理。", *_CURRENT), ("", 4, "负责生产建设项目水土保持的监督检查。", *_CURRENT),
        ("", 5, "完成市委、市政府交办的其他任务。", *_CURRENT), ("办公室", 1, "负责机关日常运转。", *_CURRENT),
        ("供水科", 1, "负责城市供水设施的运行维护。", *_CURRENT), ("排水科", 1, "负责城市排水设施的运行维护。", *_CURRENT),
        ("河道科", 1, "负责河道采砂的监督管理。", *_CURRENT)]
    assert _in_force(water, WATER, "2023-03-01") == [
        ("", 1, _SUPPLY_AND_DRAINAGE, "partly_transferred", *_DRAINAGE),
        ("", 2, "负责全市河道采砂的监督管理工作。", *_SAND), ("", 3, "负责农村饮水工程的建设管理。", *_RURAL),
        ("", 4, "负责生产建设项目水土保持的监督检查。", *_SOIL), ("", 5, "完成市委、市政府交办的其他任务。", *_CURRENT),
        ("办公室", 1, "负责机关日常运转。", *_CURRENT), ("供水科", 1, "负责城市供水设施的运行维护。", *_CURRENT),
        ("排水科", 1, "负责城市排水设施的运行维护。", "transferred", *_DRAINAGE),
        ("河道科", 1, "负责河道采砂的监督管理。", *_SAND)]


def _today(store: Store, department: str) -> list[tuple[Any, ...]]:
    return [(r["office"], r["ordinal"], r["text"], r["status"], r["change"], r["counterpart"])
            for r in catalog.run(store, "department_duties", {"department": department})]


def test_today_s_duties_say_what_the_notice_moved_out(water: Store) -> None:
    """department_duties keeps every clause of the 三定 (an investigator must see it) and says what the notice since
    made of it (offices in their names' order, as the query sorts them); the profile and the department's report
    say it too."""
    current = ("current", "", "")
    assert _today(water, WATER) == [
        ("", 1, _SUPPLY_AND_DRAINAGE, "partly_transferred", "城市排水设施运行维护", DRAINAGE),
        ("", 2, "负责全市河道采砂的监督管理工作。", "transferred", "河道采砂监督管理", LAND),
        ("", 3, "负责农村饮水工程的建设管理。", "devolved", "农村饮水工程建设管理", "各县（区）人民政府"),
        ("", 4, "负责生产建设项目水土保持的监督检查。", "devolved", "生产建设项目水土保持监督检查", "属地乡镇（街道）"),
        ("", 5, "完成市委、市政府交办的其他任务。", *current), ("供水科", 1, "负责城市供水设施的运行维护。", *current),
        ("办公室", 1, "负责机关日常运转。", *current),
        ("排水科", 1, "负责城市排水设施的运行维护。", "transferred", "城市排水设施运行维护", DRAINAGE),
        ("河道科", 1, "负责河道采砂的监督管理。", "transferred", "河道采砂监督管理", LAND)]
    profile = department_profile(water, WATER)
    assert sorted((d["ordinal"], d["status"], d["counterpart"]) for duties in profile["duties_by_category"].values()
                  for d in duties if d["status"] != "current") == [
        (1, "partly_transferred", DRAINAGE), (2, "transferred", LAND), (3, "devolved", "各县（区）人民政府"),
        (4, "devolved", "属地乡镇（街道）")]
    report = build_report(water, department=WATER)
    duties = next(section for section in report.sections if section.key == "department_duties")
    assert duties.columns == ["ordinal", "category", "text", "carried_by", "status", "change", "counterpart", "source"]
    assert [[cell_text(row, column, duties.key) for column in ("ordinal", "status", "counterpart")]
            for row in duties.rows] == [["1", "部分划出", DRAINAGE], ["2", "已划出", LAND],
                                        ["3", "已下放", "各县（区）人民政府"], ["4", "已下放", "属地乡镇（街道）"],
                                        ["5", "现行", ""]]
    # The department that received the work has no 三定 of its own: no current duties to list.
    assert _today(water, DRAINAGE) == []


def test_a_later_sanding_restates_today_s_duties(store: Store) -> None:
    """Before the 城市管理局's 2024 三定 is loaded, its 2020 clauses the 2022 notice took read so today; with it, the
    2024 三定's clauses are today's, all current; the 住建局's work moved in names the giver."""
    notice = [FIXTURES / "chengguan_2020.txt", FIXTURES / "chengguan_notice_2022.txt", FIXTURES / "zhujian_2020.txt"]
    assert ingest(notice, store, region=CITY).failed == []
    assert [(r[2], r[3], r[5]) for r in _today(store, "临川市城市管理局") if r[3] != "current"] == [
        ("负责户外广告设置的审批。", "cancelled", ""), ("负责建筑垃圾运输处置的监督管理。", "devolved", "各县（区）"),
        ("负责城市照明设施的运行维护。", "transferred", "临川市住房和城乡建设局"),
        ("负责户外广告设置的审批。", "cancelled", ""), ("负责建筑垃圾运输处置的监督管理。", "devolved", "各县（区）"),
        ("负责城市照明设施的运行维护。", "transferred", "临川市住房和城乡建设局")]
    assert [r for r in _today(store, "临川市住房和城乡建设局") if r[1] is None] == [
        ("", None, "城市照明设施运行维护", "current", "", "临川市城市管理局")]
    assert ingest([FIXTURES / "chengguan_2024.txt"], store, region=CITY).failed == []
    assert {r[3] for r in _today(store, "临川市城市管理局")} == {"current"}


def test_the_readable_sources_of_today_s_duties(water: Store) -> None:
    """The clause a notice moved out still cites the 三定 that states it."""
    rows = with_readable_sources(catalog.run(water, "department_duties", {"department": WATER}),
                                 document_titles(water))
    assert rows[0]["source"] == "《临川市水务局职能配置、内设机构和人员编制规定》第三条(一)"
