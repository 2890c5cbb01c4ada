"""check_plan: yearly work plans (tests/fixtures/plans) against their departments' duties in force, on the sample
corpus: each finding kind planted once (a goal serving duties, one whose 责任处室 carries none of them or is no office
of the 三定, one doing work the 三定's 职能转变 cancelled, one that is another department's work, one no one's, the
duties no goal serves with the 阶段性 one marked); and work a 调整 notice moved out by the plan's year."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.errors import IngestError
from ingest.pipeline import ingest
from ingest.plan import read_plan
from queries.cache import graph_version
from queries.lookup import UnknownDepartment
from queries.plan_check import SECTIONS, check_plan, plan_department
from tests.ingest.test_revised_sanding import CITY
from tests.queries.test_duties_moved_out import FIXTURES as IN_FORCE

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"
WATER_PLAN, HOUSING_PLAN = PLANS / "shi_shuiwu_plan_2025.txt", PLANS / "shi_zhujian_plan_2025.xlsx"


def _checked(store: Store, path: Path, department: str | None = None, year: int | None = None) -> dict[str, Any]:
    plan = read_plan(path)
    return check_plan(store, plan, plan_department(store, plan, department), file=path.name, year=year)


def _place(source: str) -> str:
    return source.partition("#")[2]


def test_a_plan_against_its_department_s_duties(corpus: Store) -> None:
    version = graph_version(corpus)
    answer = _checked(corpus, WATER_PLAN)
    assert answer["plan"] == {"file": WATER_PLAN.name, "title": "示例市水务局2025年度工作目标", "department": "示例市水务局",
                              "region": "示例市", "year": 2025, "in_force_on": "2025-12-31", "goals": 7}
    assert answer["notes"] == []
    assert [(row["kind"], row["count"]) for row in answer["summary"]] == [
        ("goals", 7), ("served", 4), ("retired", 1), ("other_department", 1), ("unmatched", 1), ("not_planned", 6),
        ("periodic", 1)]
    # Each goal with the duties it serves: the department's and its offices' clauses, each cited, squarest first.
    assert [(r["line"], r["duty_holder"], r["ordinal"], r["score"], r["carried_by"], _place(r["source"]))
            for r in answer["served"]] == [
        (3, "本部门", 2, 0.761, ["水资源管理科"], "二、(二)"), (3, "水资源管理科", 1, 0.747, ["水资源管理科"], "三、(三)"),
        (4, "本部门", 4, 0.839, ["农村水利与水土保持科", "水资源管理科"], "二、(四)"),
        (4, "水资源管理科", 3, 0.764, ["水资源管理科"], "三、(三)"),
        (6, "本部门", 7, 1.0, ["建设与管理科"], "二、(七)"), (6, "建设与管理科", 1, 0.989, ["建设与管理科"], "三、(五)"),
        (9, "本部门", 9, 0.929, ["防汛抗旱办公室"], "二、(九)"), (9, "防汛抗旱办公室", 2, 0.804, ["防汛抗旱办公室"], "三、(八)"),
        (9, "防汛抗旱办公室", 1, 0.773, ["防汛抗旱办公室"], "三、(八)")]
    # Goals 3 and 4 each join two tasks (取水许可审批和水资源费征收, 计划用水管理和节水载体创建): each task is read
    # on its own too, so 水资源费征收工作 says more of 二、(二) (0.761) than the whole goal did (0.734), and 计划用水管理
    # more of 三、(三)3 (0.764, was 0.685).
    # 落实最严格水资源管理制度 sits inside 地下水资源管理 (三、(三)2) and 水资源保护 (二、(六)) too, but says their field,
    # not their work (相符程度 0.41 and 0.44), while the goal squarely serves 取水许可 and 水资源费: those two are dropped.
    # 办公室 is named for the 节水 goal, whose duties two other offices carry.
    assert sorted({(r["line"], r["office_note"]) for r in answer["served"] if r["office_note"]}) == [
        (4, "责任处室“办公室”未承担所对应的职责（三定由农村水利与水土保持科、水资源管理科承担）")]
    # The 三定's 职能转变 cancelled it: the goal serves no duty (what it shares with 二、(七) is the field).
    [retired] = answer["retired"]
    assert {**retired, "source": _place(retired["source"])} == {
        "line": 7, "goal": "组织开展水利工程建设监理单位资质初审。", "office": "建设与管理科", "status": "cancelled",
        "work": "取消水利工程建设监理单位资质初审。", "counterpart": "", "source": "一、(二)"}
    assert [(r["line"], r["finding"], r["other_department"], r["score"], _place(r["other_source"]))
            for r in answer["outside"]] == [(11, "other_department", "示例市住房和城乡建设局", 0.367, "第三条(九)"),
                                            (12, "unmatched", "", None, "")]
    assert answer["outside"][0]["other_text"].startswith("负责城市供水、燃气、供热行业的监督管理。")
    # The duties no goal serves; 交办的其他事项 left out, the drafting duty marked 阶段性.
    assert [(r["ordinal"], r["finding"], r["carried_by"], _place(r["source"])) for r in answer["unplanned"]] == [
        (1, "periodic", ["政策法规科"], "二、(一)"), (3, "not_planned", ["供水排水科"], "二、(三)"),
        (5, "not_planned", ["供水排水科"], "二、(五)"), (6, "not_planned", ["水资源管理科"], "二、(六)"), (8, "not_planned", ["河道管理科"], "二、(八)"),
        (10, "not_planned", ["农村水利与水土保持科"], "二、(十)"), (12, "not_planned", ["政策法规科"], "二、(十二)")]
    assert list(answer) == ["plan", "notes", *SECTIONS]
    assert graph_version(corpus) == version  # nothing was written


def test_a_table_plan_with_its_offices(corpus: Store) -> None:
    answer = _checked(corpus, HOUSING_PLAN)
    assert answer["plan"]["department"] == "示例市住房和城乡建设局"
    assert [(r["line"], r["duty_holder"], r["ordinal"], r["score"]) for r in answer["served"]] == [
        (3, "本部门", 4, 0.684), (3, "城市更新科", 1, 0.627), (4, "政策法规科", 2, 0.593), (4, "本部门", 9, 0.544),
        (5, "房地产市场监管科", 3, 0.955), (5, "本部门", 11, 0.945)]
    # 城建与村镇建设科's 城市供水、燃气、供热行业监督管理 shares the 燃气 goal's field (0.307): dropped beside the two
    # duties naming 燃气经营许可; its office still carries 本部门 (九), so the 责任处室 note names it.
    assert sorted({(r["line"], r["office_note"]) for r in answer["served"] if r["office_note"]}) == [
        (4, "责任处室“住房保障科”未承担所对应的职责（三定由城建与村镇建设科、政策法规科承担）"),
        (5, "责任处室“物业管理科”不是本部门三定所设的内设机构")]
    assert answer["retired"] == []
    # 河道管理科's 河道采砂管理 (三、(六), 0.691) says more of the goal than the 局's 河道管理 duty (二、(八), 0.671).
    assert [(r["line"], r["office"], r["finding"], r["other_department"], _place(r["other_source"]))
            for r in answer["outside"]] == [(6, "城建与村镇建设科", "other_department", "示例市水务局", "三、(六)"),
                                            (7, "办公室", "unmatched", "", "")]
    assert [(r["ordinal"], r["finding"]) for r in answer["unplanned"]] == [
        (1, "periodic"), (2, "not_planned"), (3, "not_planned"), (5, "not_planned"), (6, "not_planned"),
        (7, "not_planned"), (8, "not_planned"), (10, "not_planned"), (12, "not_planned"), (13, "not_planned")]


@pytest.mark.parametrize(("word", "equivalent"), [(WATER_PLAN.with_suffix(".docx"), WATER_PLAN),
                                                  (HOUSING_PLAN.with_suffix(".docx"), HOUSING_PLAN)])
def test_a_word_plan_checks_as_its_equivalent(corpus: Store, word: Path, equivalent: Path) -> None:
    """A plan in Word (tests/fixtures/plans/make_word_plans.py) answers every table row for row as the same plan as
    text or Excel: the rows cite the same lines."""
    checked, expected = _checked(corpus, word), _checked(corpus, equivalent)
    assert checked["plan"] == {**expected["plan"], "file": word.name}
    assert {key: checked[key] for key in SECTIONS} == {key: expected[key] for key in SECTIONS}


def test_a_department_named_or_unknown(corpus: Store, tmp_path: Path) -> None:
    untitled = tmp_path / "目标.txt"
    untitled.write_text("年度工作目标\n1. 做好河道采砂监督管理。\n", encoding="utf-8")
    with pytest.raises(IngestError) as no_department:
        _checked(corpus, untitled)
    assert no_department.value.message_zh("目标.txt") == (
        "目标.txt第 1 行：标题“年度工作目标”没有写明部门：请指定部门（--department）")
    answer = _checked(corpus, untitled, department="示例市水务局")
    assert [(r["line"], r["duty_holder"], r["ordinal"]) for r in answer["served"]] == [
        (2, "河道管理科", 1), (2, "本部门", 8)]
    assert answer["plan"]["year"] is None and answer["plan"]["in_force_on"] == ""
    with pytest.raises(UnknownDepartment):
        _checked(corpus, untitled, department="示例市无此局")


@pytest.fixture
def water(store: Store) -> Store:
    """临川市水务局's 2020 三定 and the 2023 notice moving 河道采砂 to the 自然资源局."""
    assert ingest([IN_FORCE / "shuiwu_2020.txt", IN_FORCE / "shuiwu_notice_2023.txt"], store, region=CITY).failed == []
    return store


def test_work_a_notice_moved_out_by_the_plan_s_year(water: Store, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("临川市水务局年度工作目标\n一、做好全市河道采砂的监督管理工作。\n", encoding="utf-8")
    before = _checked(water, plan, year=2022)
    assert ([(r["line"], r["ordinal"]) for r in before["served"] if r["duty_holder"] == "本部门"], before["retired"]) \
        == ([(2, 2)], [])
    after = _checked(water, plan, year=2024)
    assert after["served"] == []
    assert [(r["status"], r["work"], r["counterpart"], _place(r["source"])) for r in after["retired"]] == [
        ("transferred", "河道采砂监督管理", "临川市自然资源局", "二、")]


def test_departments_a_plan_names_by_short_names_read_in_its_region(corpus: Store, tmp_path: Path) -> None:
    city = tmp_path / "city.txt"
    city.write_text("示例市水务局2025年度工作目标\n一、做好河道采砂监督管理。（责任单位：市水利局）\n"
                    "二、承担市防汛抗旱指挥部日常工作。（责任单位：应急局）\n三、会同市交通局做好航道疏浚工作。\n",
                    encoding="utf-8")
    answer = _checked(corpus, city)
    # 市水利局 is the department itself (not 青山县水利局, which bears the name); 应急局 the city's 应急管理局.
    assert sorted({(r["line"], r["office_note"]) for r in answer["served"]}) == [
        (2, ""), (3, "责任处室“应急局”是示例市应急管理局，不是本部门的内设机构")]
    # The goal's words share too little with any duty to be matched; the department it names is its nearest duty's
    # (read on 航道疏浚 alone: its name, 交通, is who, not what).
    assert [(r["line"], r["finding"], r["other_department"], r["score"], _place(r["other_source"]))
            for r in answer["outside"]] == [(4, "other_department", "示例市交通运输局", 0.339, "第三条(九)")]
    county = tmp_path / "county.txt"
    county.write_text("青山县水利局2025年度工作目标\n一、配合交通局做好春运保障。\n", encoding="utf-8")
    # In a county's plan 交通局 is the county's. Its words, 春运保障, name no duty of it, so none is cited (the name
    # alone used to cite 第三条(六), by its word 交通).
    assert [(r["line"], r["other_department"], _place(r["other_source"])) for r in _checked(corpus, county)["outside"]] \
        == [(2, "青山县交通运输局", "")]


def test_a_goal_s_department_names_say_who_and_its_joined_tasks_are_read_apart(corpus: Store, tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("示例市水务局2025年度工作目标\n一、做好水务局机关干部培训。\n二、完成河道清淤和防汛物资储备。\n"
                    "三、做好水资源保护和利用。\n", encoding="utf-8")
    answer = _checked(corpus, plan)
    # 水务 of 水务局 names the department, not its work: the training goal serves no water duty (it was served by
    # 二、(一) at 0.108 on the name alone), and no other department's duty reads like it.
    assert [(r["line"], r["finding"], r["other_department"]) for r in answer["outside"]] == [(2, "unmatched", "")]
    # 河道清淤 is read apart from 防汛物资储备, which no duty names: 0.494 where the goal whole read 0.343. 水资源保护和利用
    # is one task (利用 alone names one term), matched whole.
    assert [(r["line"], r["duty_holder"], r["ordinal"], r["score"], _place(r["source"])) for r in answer["served"]] == [
        (3, "本部门", 8, 0.494, "二、(八)"), (4, "本部门", 2, 0.605, "二、(二)"), (4, "本部门", 6, 0.518, "二、(六)")]
