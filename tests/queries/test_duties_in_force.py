"""duties_in_force: what a department's duties were on a date, under the 三定 then in force, after a revision replaced
it (an 问责调查 asks who was responsible on the day of an incident). Loaded in either order, the graph answers alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from queries import catalog
from queries.catalog import QueryError
from queries.empty import empty_hint
from queries.labels import column_label
from queries.lookup import find_department
from queries.registry import run_analysis
from queries.report import build_report, cell_text
from queries.sources import document_titles, with_readable_sources
from tests.ingest.test_revised_sanding import _ADJUSTMENT, _2019, _load

# The 2019 三定 revised: 河道采砂 dropped, 河道保洁 added first, 堤防科 renamed 堤防管理科, a 河道保洁科 set up. Issued
# (signed) on 2024-01-15, in force from 2024-03-01: between the two the 2019 三定 still governs.
_2024 = """临川市河道管理局职能配置、内设机构和人员编制规定
第一条 根据《临川市机构改革方案》，制定本规定。
第二条 临川市河道管理局是市政府工作部门，为正处级。
第三条 临川市河道管理局负责全市河道管理工作。主要职责是：
（一）负责河道保洁的监督管理。
（二）负责河道堤防的日常管理和维护。
（三）完成市委、市政府交办的其他任务。
第四条 临川市河道管理局设下列内设机构：
（一）办公室。负责机关日常运转。
（二）河道保洁科。负责河道保洁的监督管理。
（三）堤防管理科。负责河道堤防的日常管理和维护。
第五条 临川市河道管理局机关行政编制14名。设局长1名，副局长2名。
第六条 本规定自2024年3月1日起施行。
2024年1月15日
"""
DEPARTMENT = "临川市河道管理局"
_TITLE = "《临川市河道管理局职能配置、内设机构和人员编制规定》"
_OLD, _NEW, _NOTICE = f"{_TITLE}（2019年）", f"{_TITLE}（2024年）", "《关于调整临川市河道管理局职责机构编制的通知》"
_DOCUMENTS = [("2019.txt", _2019), ("adjustment.txt", _ADJUSTMENT), ("2024.txt", _2024)]

# (office, ordinal, text, carried_by, in force from, source) as the 2019 三定 states them: 河道采砂 still the bureau's,
# 堤防 carried out by 堤防科.
_UNDER_2019 = [
    ("", 1, "负责河道堤防的日常管理和维护。", ["堤防科"], "2019-03-01", f"{_OLD}第三条(一)"),
    ("", 2, "负责河道采砂的监督管理。", [], "2019-03-01", f"{_OLD}第三条(二)"),
    ("", 3, "完成市委、市政府交办的其他任务。", [], "2019-03-01", f"{_OLD}第三条(三)"),
    ("办公室", 1, "负责机关日常运转。", [], "2019-03-01", f"{_OLD}第四条(一)"),
    ("堤防科", 1, "负责河道堤防的日常管理和维护。", [], "2019-03-01", f"{_OLD}第四条(二)"),
]
# The 2023 notice's duty, moved in from the 水利局: in force beside the 2019 三定 until the revision.
_MOVED_IN = ("", None, "河道防洪调度", [], "2023-05-10", f"{_NOTICE}一、")
_UNDER_2024 = [
    ("", 1, "负责河道保洁的监督管理。", ["河道保洁科"], "2024-03-01", f"{_NEW}第三条(一)"),
    ("", 2, "负责河道堤防的日常管理和维护。", ["堤防管理科"], "2024-03-01", f"{_NEW}第三条(二)"),
    ("", 3, "完成市委、市政府交办的其他任务。", [], "2024-03-01", f"{_NEW}第三条(三)"),
    ("办公室", 1, "负责机关日常运转。", [], "2024-03-01", f"{_NEW}第四条(一)"),
    ("河道保洁科", 1, "负责河道保洁的监督管理。", [], "2024-03-01", f"{_NEW}第四条(二)"),
    ("堤防管理科", 1, "负责河道堤防的日常管理和维护。", [], "2024-03-01", f"{_NEW}第四条(三)"),
]


def _in_force(store: Store, date: str) -> list[tuple[Any, ...]]:
    rows = with_readable_sources(run_analysis(store, "duties_in_force", {"department": DEPARTMENT, "date": date}),
                                 document_titles(store))
    assert {row["department"] for row in rows} <= {DEPARTMENT}
    return [(r["office"], r["ordinal"], r["text"], r["carried_by"], r["in_force_from"], r["source"]) for r in rows]


@pytest.mark.parametrize("newer_first", [False, True])
def test_the_duties_of_the_sanding_in_force_on_a_date(store: Store, tmp_path: Path, newer_first: bool) -> None:
    """After the 2024 revision, the graph answered only for it: 河道采砂 and 堤防科, the 2019 三定's, were gone."""
    _load(store, tmp_path, _DOCUMENTS[::-1] if newer_first else _DOCUMENTS)
    assert _in_force(store, "2021-06-30") == _UNDER_2019
    assert _in_force(store, "2019-03-01") == _UNDER_2019  # in force from its 施行日期 on
    assert _in_force(store, "2023-06-30") == [*_UNDER_2019[:3], _MOVED_IN, *_UNDER_2019[3:]]
    # Issued on 2024-01-15, the revision is in force from 2024-03-01 only.
    assert _in_force(store, "2024-02-29") == [*_UNDER_2019[:3], _MOVED_IN, *_UNDER_2019[3:]]
    assert _in_force(store, "2024-03-01") == _UNDER_2024
    # Today's answer is department_duties', the current duties.
    current = catalog.run(store, "department_duties", {"department": DEPARTMENT})
    assert sorted((r["office"], r["text"]) for r in current) == sorted((r[0], r[2]) for r in _UNDER_2024)


@pytest.mark.parametrize("newer_first", [False, True])
def test_the_sanding_versions_of_a_department(store: Store, tmp_path: Path, newer_first: bool) -> None:
    _load(store, tmp_path, _DOCUMENTS[::-1] if newer_first else _DOCUMENTS)
    uid = find_department(store, DEPARTMENT)["uid"]
    rows = catalog.run(store, "sanding_versions", {"department": uid})
    assert [(r["kind"], r["issued"], r["effective"], r["in_force_from"], r["duties"], r["offices"]) for r in rows] == [
        ("sanding", "", "2019-03-01", "2019-03-01", 3, ["办公室", "堤防科"]),
        ("amendment", "2023-05-10", "", "2023-05-10", 1, []),
        ("sanding", "2024-01-15", "2024-03-01", "2024-03-01", 3, ["办公室", "河道保洁科", "堤防管理科"])]


def test_a_date_before_the_first_sanding_answers_empty_and_says_why(store: Store, tmp_path: Path) -> None:
    _load(store, tmp_path, _DOCUMENTS)
    params = {"department": DEPARTMENT, "date": "2018-12-31"}
    assert run_analysis(store, "duties_in_force", params) == []
    assert empty_hint(store, "duties_in_force", params) == (
        "无 2018-12-31 时施行的三定：图中该部门最早的三定自 2019-03-01 起施行 / "
        "no 三定 of the department was in force on 2018-12-31")


def test_a_department_without_a_sanding_answers_empty_and_says_why(store: Store, tmp_path: Path) -> None:
    """The 公安局 is only a party the 2019 三定's 职责分工 clause names."""
    _load(store, tmp_path, _DOCUMENTS[:1])
    params = {"department": "临川市公安局", "date": "2021-06-30"}
    assert run_analysis(store, "duties_in_force", params) == []
    assert empty_hint(store, "duties_in_force", params).startswith("无 2021-06-30 时施行的三定：图中没有该部门的三定 / ")


def test_loading_a_document_again_changes_nothing(store: Store, tmp_path: Path) -> None:
    _load(store, tmp_path, _DOCUMENTS)
    counts = store.read("MATCH ()-[e:FROM]->() RETURN count(e) AS edges")
    _load(store, tmp_path, _DOCUMENTS[:1])
    assert store.read("MATCH ()-[e:FROM]->() RETURN count(e) AS edges") == counts
    assert _in_force(store, "2021-06-30") == _UNDER_2019
    assert _in_force(store, "2024-06-30") == _UNDER_2024


@pytest.mark.parametrize("written", ["2021-06-30", "2021/6/30", "2021年6月30日", " 2021-6-30 "])
def test_a_date_is_read_as_people_write_it(store: Store, tmp_path: Path, written: str) -> None:
    _load(store, tmp_path, [_DOCUMENTS[0], _DOCUMENTS[2]])
    assert _in_force(store, written) == _UNDER_2019


@pytest.mark.parametrize("written", ["2021-02-30", "昨天", "2021-06-30 以后", "20210630", ""])
def test_a_date_that_is_none_is_refused(store: Store, written: str) -> None:
    with pytest.raises(QueryError) as refused:
        run_analysis(store, "duties_in_force", {"department": DEPARTMENT, "date": written})
    assert refused.value.zh == f"参数 date 应为日期（如 2021-06-30 或 2021年6月30日），而不是 {written!r}"


def test_the_department_s_report_lists_its_sanding_versions(store: Store, tmp_path: Path) -> None:
    _load(store, tmp_path, _DOCUMENTS[::-1])
    report = build_report(store, department=DEPARTMENT)
    [section] = [section for section in report.sections if section.key == "sanding_versions"]
    assert (section.title, [column_label(column, section.key) for column in section.columns]) == (
        "三定沿革", ["文件类型", "标题", "文号", "印发日期", "施行日期", "部门职责数", "内设机构"])
    assert [[cell_text(row, column, section.key) for column in section.columns] for row in section.rows] == [
        ["三定规定", "临川市河道管理局职能配置、内设机构和人员编制规定", "", "", "2019-03-01", "3", "办公室、堤防科"],
        ["调整职责机构编制通知", "关于调整临川市河道管理局职责机构编制的通知", "", "2023-05-10", "2023-05-10", "1", ""],
        ["三定规定", "临川市河道管理局职能配置、内设机构和人员编制规定", "", "2024-01-15", "2024-03-01", "3",
         "办公室、河道保洁科、堤防管理科"]]
    assert report.sections[-1].key == "documents"  # before 依据文件, which lists only what the findings cite
