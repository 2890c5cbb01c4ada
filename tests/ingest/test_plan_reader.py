"""ingest.plan: a yearly work plan read into its goals (numbered text, one goal a line, a table), and the files it
refuses, naming the file and the line."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.plan import Goal, read_plan
from tests.fixtures.plans.make_word_plans import write_word_plans

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"


def test_numbered_goals_under_their_headings() -> None:
    plan = read_plan(PLANS / "shi_shuiwu_plan_2025.txt")
    assert (plan.title, plan.department, plan.year, plan.title_line) == (
        "示例市水务局2025年度工作目标", "示例市水务局", 2025, 1)
    # 一、水资源管理 and the other parts' headings are no goals; each goal's 责任处室 and 完成时限 are taken out of it.
    assert [(goal.line, goal.number, goal.office, goal.deadline) for goal in plan.goals] == [
        (3, "（一）", "水资源管理科", ""), (4, "（二）", "办公室", ""), (6, "（一）", "建设与管理科", ""),
        (7, "（二）", "建设与管理科", ""), (9, "（一）", "防汛抗旱办公室", ""), (11, "（一）", "", ""),
        (12, "（二）", "", "2025年4月")]
    assert plan.goals[6].text == "组织全市干部职工参加春季运动会。"


def test_one_goal_a_line_and_continuation_lines(tmp_path: Path) -> None:
    plain = tmp_path / "plan.txt"
    plain.write_text("2026年示例市水务局工作要点\n\n推进节水型社会建设\n做好河道采砂监督管理\n", encoding="utf-8")
    plan = read_plan(plain)
    assert (plan.department, plan.year) == ("示例市水务局", 2026)
    assert plan.goals == [Goal(3, "", "推进节水型社会建设"), Goal(4, "", "做好河道采砂监督管理")]
    wrapped = tmp_path / "wrapped.txt"
    wrapped.write_text("年度工作目标\n1. 推进节水型社会建设，\n开展计划用水管理。\n2. 做好河道采砂监督管理。\n",
                       encoding="utf-8")
    plan = read_plan(wrapped)
    assert plan.department == ""
    assert plan.goals == [Goal(2, "1.", "推进节水型社会建设，开展计划用水管理。"), Goal(4, "2.", "做好河道采砂监督管理。")]


def test_a_table_with_an_office_column() -> None:
    plan = read_plan(PLANS / "shi_zhujian_plan_2025.xlsx")
    assert (plan.title, plan.department, plan.title_line) == ("示例市住房和城乡建设局2025年度工作目标", "示例市住房和城乡建设局", 1)
    assert plan.goals[0] == Goal(3, "", "推进城镇老旧小区改造，完成年度老旧小区改造计划。", "城市更新科", "2025年12月", "年度目标")
    assert [goal.office for goal in plan.goals] == ["城市更新科", "住房保障科", "物业管理科", "城建与村镇建设科", "办公室"]


def test_what_is_no_plan_is_refused_naming_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "空.txt"
    empty.write_text("示例市水务局2025年度工作目标\n一、\n", encoding="utf-8")
    with pytest.raises(IngestError) as no_goals:
        read_plan(empty)
    assert no_goals.value.message_zh("空.txt").startswith("空.txt：没有读到工作目标")
    table = tmp_path / "表.csv"
    table.write_text("序号,事项\n1,河道采砂\n", encoding="utf-8")
    with pytest.raises(IngestError) as no_column:
        read_plan(table)
    assert no_column.value.message_zh("表.csv") == "表.csv：表格中没有“工作目标”或“目标任务”列"
    headed = tmp_path / "只有表头.csv"
    headed.write_text("工作目标,责任处室\n,\n", encoding="utf-8")
    with pytest.raises(IngestError) as header_only:
        read_plan(headed)
    assert "第 1 行" in header_only.value.message_zh("只有表头.csv")
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(IngestError) as unreadable:
        read_plan(broken)
    assert unreadable.value.message_zh("坏.docx") == "坏.docx：不是有效的 Word .docx 文件"
    with pytest.raises(IngestError) as other_type:
        read_plan(tmp_path / "plan.pdf")
    assert other_type.value.message_zh("plan.pdf") == "plan.pdf：年度工作目标应为 .txt、.docx、.csv 或 .xlsx 文件"


@pytest.mark.parametrize("folder", ["fixtures", "built"])
def test_word_plans_read_as_their_text_and_excel_equivalents(folder: str, tmp_path: Path) -> None:
    """The Word plans (make_word_plans.py): the numbered one as the .txt, the table (责任处室 for 责任科室) as the
    .xlsx but for the sheet's name (a Word file has none); both as committed and as the script builds them now."""
    numbered, tabled = (PLANS / "shi_shuiwu_plan_2025.docx", PLANS / "shi_zhujian_plan_2025.docx") \
        if folder == "fixtures" else write_word_plans(tmp_path)
    text, word = read_plan(PLANS / "shi_shuiwu_plan_2025.txt"), read_plan(numbered)
    assert (word.title, word.title_line, word.goals) == (text.title, text.title_line, text.goals)
    assert [(goal.line, goal.number, goal.office) for goal in word.goals][:2] == [
        (3, "（一）", "水资源管理科"), (4, "（二）", "办公室")]
    excel, word = read_plan(PLANS / "shi_zhujian_plan_2025.xlsx"), read_plan(tabled)
    assert (word.title, word.title_line, word.department) == (excel.title, excel.title_line, "示例市住房和城乡建设局")
    assert word.goals == [dataclasses.replace(goal, sheet="") for goal in excel.goals]
    assert word.goals[0] == Goal(3, "", "推进城镇老旧小区改造，完成年度老旧小区改造计划。", "城市更新科", "2025年12月")
