"""管行业必须管安全: which sectors' 安全生产 a clause takes on, and when two clauses are a division of it (分工)."""

from __future__ import annotations

import pytest

from queries.sector_safety import safety_sectors, sectors_apart


@pytest.mark.parametrize(("text", "sectors"), [
    ("负责全县工贸行业安全生产监督管理，依法监督检查工贸生产经营单位。", {"工贸"}),
    ("负责文化和旅游行业安全生产监督管理，指导督促娱乐场所。", {"文化", "旅游"}),
    ("负责全市安全生产综合监督管理和工矿商贸行业安全生产监督管理。", {"工矿商贸"}),
    ("负责非煤矿山、危险化学品、烟花爆竹和工贸行业安全生产监督管理。", {"非煤矿山", "危险化学品", "烟花爆竹", "工贸"}),
    ("负责全县食品安全监督管理。", set()),
    # The department's own line, unnamed, and a sector named only after the headline: no sector.
    ("负责文化、旅游和体育领域的统计和信息化建设，指导行业安全生产工作。", set()),
    ("负责全县安全生产综合监督管理。指导交通运输行业安全生产。", set()),
    # The rule for every sector (ingest.sector_rule): 本行业 is none.
    ("按照分级、属地原则，县直有关行业主管部门负责本行业领域安全生产监督管理。", set()),
])
def test_the_sectors_a_clause_takes_the_safety_of(text: str, sectors: set[str]) -> None:
    assert safety_sectors(text) == sectors


def test_two_sectors_and_a_sector_beside_work_naming_none_are_apart() -> None:
    trade = "负责全县工贸行业安全生产监督管理。"
    assert [sectors_apart(trade, "负责文化和旅游行业安全生产监督管理。"),
            sectors_apart("负责全县食品安全监督管理。", trade),
            sectors_apart(trade, "负责工贸行业安全生产执法检查。"),
            # 综合监管 that names the sector's department divides the work with it (examples' 市交通运输局).
            sectors_apart("负责交通运输行业安全生产监督管理。", "组织开展全市安全生产大检查（市应急管理局牵头，市交通运输局参与）。"),
            sectors_apart("负责全县食品安全监督管理。", "负责药品安全监督管理。")] == [True, True, False, False, False]
