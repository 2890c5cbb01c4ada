"""A group of overlapping duties is settled (已明确) by a lead matter only where the matter is the work its members
share, and the report tells a non-lead member to strike its duty only where the matter speaks of that duty (user
test: 临川县's boundary list row 单用途商业预付卡发卡企业备案, led by 商务局, settled 商务局's 预付卡 duty against
市场监管局's 预付式消费 duty, covered by 商务局's words alone, and told 市场监管局 to strike its own work;
tests/fixtures/settled_by_one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store
from queries.overlaps import names_the_duty, overlaps
from queries.report import build_report
from tests.conftest import corpus_store

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "settled_by_one"
COUNTY = "北湖市/临川县"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from corpus_store(tmp_path_factory, CORPUS)


def test_a_matter_one_members_duty_alone_covers_does_not_settle_the_group(county: Store) -> None:
    # 成品油流通市场监督管理: both duties say it, the row leading 商务局 settles it. 单用途商业预付卡发卡企业备案: only
    # 商务局's duty says it, 市场监管局's 预付式消费 duty none of it: the group stays open, with no matter.
    assert [(c["matter"], c["settled"], [m["department"] for m in c["members"]])
            for c in overlaps(county, region=COUNTY)] == [
        ("成品油流通市场监督管理", True, ["临川县商务局", "临川县市场监督管理局"]),
        (None, False, ["临川县商务局", "临川县市场监督管理局"])]


def test_only_a_member_whose_duty_the_matter_names_is_told_to_strike_it(county: Store) -> None:
    rows = next(s for s in build_report(county, region=COUNTY).sections if s.key == "overlaps").rows
    division = "县商务局负责成品油流通市场监督管理和违法经营行为查处。"
    # The open group first, as the report lists them.
    assert [(row["group"], row["settled"], row["department"], row["remark"]) for row in rows] == [
        (1, "", "临川县商务局", ""), (1, "", "临川县市场监督管理局", ""),
        (2, "已明确", "临川县商务局", f"牵头：本部门为“成品油流通市场监督管理”的牵头部门（职责分工：{division}）"),
        (2, "已明确", "临川县市场监督管理局",
         f"非牵头：本部门三定仍写有此项工作，而边界清单或职责分工条款明确由临川县商务局牵头（职责分工：{division}）；"
         "修订三定时核对：删除或改为配合")]


def test_a_sectors_safety_is_not_struck_for_a_check_its_department_takes_part_in(corpus: Store) -> None:
    # examples/: 示例市's clause gives 全市安全生产大检查和专项整治 to 应急管理局, 交通运输局 taking part, and settles
    # 应急管理局's 综合监督管理 against 交通运输局's 交通运输行业安全生产监督管理. That duty is its sector's safety
    # (管行业必须管安全), which the check does not take away: 交通运输局 was told to strike it or make it assisting.
    rows = next(s for s in build_report(corpus).sections if s.key == "overlaps").rows
    assert [(row["department"], row["remark"]) for row in rows if row["matter"] == "全市安全生产大检查和专项整治"
            and row["department"] == "示例市交通运输局"] == [
        ("示例市交通运输局", "非牵头：边界清单或职责分工条款明确由示例市应急管理局牵头“全市安全生产大检查和专项整治”，列本部门为配合"
         "（职责分工：（市应急管理局牵头，市住建局、市交通运输局、市应急管理局参与）），该事项未涉及本部门此项职责"
         "（本部门此项为交通运输行业安全生产，管行业必须管安全），三定此项不因此删除")]


@pytest.mark.parametrize(("matter", "duty", "named"), [
    # A head word names the work: 建设工程施工 is work on 房屋建筑 (…建筑施工企业) too.
    ("房屋建筑和市政基础设施工程施工安全监督管理", "负责建设工程施工安全生产的监督检查。依法查处建筑施工企业违法行为。", True),
    ("制定、实施全市食品安全风险监测计划", "组织开展食品安全风险监测和风险评估。", True),
    ("成品油流通市场监督管理", "负责成品油流通市场的质量监督管理。", True),
    # 食品 is what 食品安全风险 is about, not what it is: 监督抽检 and 综合协调 are other work.
    ("制定、实施全市食品安全风险监测计划", "负责食品安全抽样检验工作。制定全市食品安全监督抽检计划并组织实施。", False),
    ("制定、实施全市食品安全风险监测计划", "负责食品安全监督管理综合协调。承担市食品安全委员会日常工作。", False),
])
def test_a_matter_names_a_duty_by_an_object_whole_or_by_its_head(matter: str, duty: str, named: bool) -> None:
    assert names_the_duty(matter, duty) is named


def test_a_food_market_duty_is_not_struck_for_the_risk_monitoring_plan_it_is_a_partner_in(corpus: Store) -> None:
    # examples/: 卫健委 leads 制定、实施全市食品安全风险监测计划 (会同市市场监督管理局); 市场监管局's 食品安全抽样检验 and
    # 综合协调 share its words (食品安全, 计划, 组织实施), not its work, and were told to strike them. 应急管理局's 建设工程
    # 施工安全生产监督检查 is the 房屋建筑 work 住建局 leads, 应急管理局 assisting: it is still told.
    rows = next(s for s in build_report(corpus).sections if s.key == "overlaps").rows
    division = ("（职责分工：市卫生健康委员会会同市市场监督管理局制定、实施全市食品安全风险监测计划。；组织开展食品安全风险评估，"
                "依法制定食品安全地方标准，负责食品安全企业标准备案，会同市市场监督管理局制定、实施全市食品安全风险监测计划。）")
    kept = (f"非牵头：边界清单或职责分工条款明确由示例市卫生健康委员会牵头“制定、实施全市食品安全风险监测计划”，列本部门为配合"
            f"{division}，该事项未涉及本部门此项职责，三定此项不因此删除")
    assert [(row["department"], row["source"].rpartition("》")[2], row["remark"]) for row in rows
            if row["scope"] == "同级部门" and row["remark"].startswith("非牵头")
            and row["matter"] in ("制定、实施全市食品安全风险监测计划", "房屋建筑和市政基础设施工程施工安全监督管理")] == [
        ("示例市应急管理局", "第三条(十)",
         "非牵头：本部门三定仍写有此项工作，而边界清单或职责分工条款明确由示例市住房和城乡建设局牵头，列本部门为配合（职责分工："
         "市住房和城乡建设局负责房屋建筑和市政基础设施工程施工安全监督管理，市应急管理局配合。）；修订三定时核对：删除或改为配合"),
        ("示例市市场监督管理局", "第三条(十一)", kept), ("示例市市场监督管理局", "第三条(九)", kept)]
