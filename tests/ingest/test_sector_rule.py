"""管行业必须管安全 for every sector, as a 三定's 职责分工 states it (ingest.sector_rule)."""

from __future__ import annotations

import pytest

from ingest.sector_rule import sector_rule


@pytest.mark.parametrize(("text", "rule"), [
    ("按照管行业必须管安全、管业务必须管安全、管生产经营必须管安全的要求，县应急管理局负责安全生产综合监督管理和工贸行业安全生产"
     "监督管理，县直有关行业主管部门负责本行业领域的安全生产监督管理。", "县直有关行业主管部门负责本行业领域的安全生产监督管理"),
    ("市有关行业主管部门按照职责分工负责本行业安全生产监督管理工作。", "市有关行业主管部门按照职责分工负责本行业安全生产监督管理工作"),
    ("负有安全生产监督管理职责的部门负责各自领域安全生产监督管理；市应急管理局负责综合监督管理。",
     "负有安全生产监督管理职责的部门负责各自领域安全生产监督管理"),
    # A sector named, or a department named: a clause of its own, not the rule for every sector.
    ("县应急管理局负责全县工贸行业安全生产监督管理。", ""),
    ("县交通运输局负责交通运输行业安全生产监督管理，县应急管理局配合。", ""),
])
def test_the_rule_is_the_piece_that_states_it(text: str, rule: str) -> None:
    assert sector_rule(text) == rule
