"""A department's profile as a 三定 drafter reads it (user test on 青山县市场监督管理局): which offices carry each
duty out, and which scope each overlap group was found in, in the JSON and in the tables people read."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from queries.profile import department_profile
from queries.profile_tables import NO_OFFICES, profile_tables

SCJG = "青山县市场监督管理局"


def test_each_duty_names_the_offices_that_carry_it_out(corpus: Store) -> None:
    profile = department_profile(corpus, SCJG)
    assert [(duty["ordinal"], duty["carried_by"]) for duties in profile["duties_by_category"].values()
            for duty in duties] == [
        (1, []), (2, ["信用监管股", "法规股（行政审批股）"]), (3, ["综合执法股"]), (4, ["特种设备安全监察股"]),
        (9, ["消费者权益保护与知识产权股"]), (10, ["消费者权益保护与知识产权股"]), (11, ["消费者权益保护与知识产权股"]),
        (5, ["法规股（行政审批股）", "食品安全监管股（县食品安全委员会办公室）"]), (6, ["产品质量与计量标准股", "综合执法股"]), (7, ["药械化妆品监管股"]),
        (8, ["产品质量与计量标准股"]), (12, [])]
    # In the table, a duty no office carries out says so: the one the undecomposed finding names, and the 交办的
    # 其他任务 that every department has (which that finding leaves out).
    table = profile_tables(profile)["duties"]
    assert [(row["category"], row["ordinal"], row["carried_by"]) for row in table if row["carried_by"] == "未分解"] == [
        ("组织实施", 1, "未分解"), ("其他", 12, "未分解")]
    assert [row["ordinal"] for row in profile["undecomposed"] if row["kind"] == "duty_without_office"] == [1]
    assert table[1] == {"category": "组织实施", "ordinal": 2,
                        "text": "负责全县市场主体登记注册工作。办理企业、农民专业合作社和个体工商户登记注册，归集公示市场主体信用信息。",
                        "source": table[1]["source"], "carried_by": "信用监管股、法规股（行政审批股）",
                        "status": "current", "change": "", "counterpart": "", "carried_from": "", "ground_source": ""}
    assert table[1]["source"].endswith("#第三条(二)")


# A copy cut before its 内设机构 section (written for this test).
_NO_OFFICES = """临川县档案馆职能配置、内设机构和人员编制规定
第一条 根据《临川县机构改革方案》，制定本规定。
第二条 县档案馆是县政府直属事业单位，为正科级。
第三条 主要职责是：
(一)负责全县档案资料的收集、整理和保管，组织开展档案数字化工作。
(二)负责全县机关档案工作的业务指导和监督检查。
"""


def test_without_its_offices_a_duty_is_not_called_undecomposed(store: Store, tmp_path: Path) -> None:
    """A copy of a 三定 without its 内设机构 section tells nothing of how its duties are handed down."""
    path = tmp_path / "dangan.txt"
    path.write_text(_NO_OFFICES, encoding="utf-8")
    assert ingest([path], store).failed == []
    profile = department_profile(store, "临川县档案馆")
    assert profile["offices"] == []
    assert [(row["ordinal"], row["carried_by"]) for row in profile_tables(profile)["duties"]] == [
        (1, NO_OFFICES), (2, NO_OFFICES)]


def test_each_overlap_group_says_its_scope(corpus: Store) -> None:
    profile = department_profile(corpus, SCJG)
    assert [(cluster["scope"], cluster["matter"], [m["department"] for m in cluster["members"]])
            for cluster in profile["overlaps"]] == [
        ("levels", None, ["示例市市场监督管理局", "河西区市场监督管理局", SCJG]),
        ("levels", "特种设备使用登记", ["示例市市场监督管理局", SCJG])]
    # The table: a row per member, under its group's scope (in Chinese) and number; no cluster id.
    assert [(row["scope"], row["group"], row["score"], row["matter"], row["department"])
            for row in profile_tables(profile)["overlaps"]] == [
        ("上下级", 1, 0.991, None, "示例市市场监督管理局"), ("上下级", 1, 0.991, None, "河西区市场监督管理局"),
        ("上下级", 1, 0.991, None, SCJG), ("上下级", 2, 0.975, "特种设备使用登记", "示例市市场监督管理局"),
        ("上下级", 2, 0.975, "特种设备使用登记", SCJG)]
    assert "cluster_id" not in profile_tables(profile)["overlaps"][0]
