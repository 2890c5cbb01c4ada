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
