"""管行业必须管安全 for every sector, as a 三定's 职责分工 or 主要职责 states it (ingest.sector_rule)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.readers import read_source
from ingest.sanding import parse_sanding
from ingest.sector_rule import sector_rule

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(("text", "rule"), [
    ("按照管行业必须管安全、管业务必须管安全、管生产经营必须管安全的要求，县应急管理局负责安全生产综合监督管理和工贸行业安全生产"
     "监督管理，县直有关行业主管部门负责本行业领域的安全生产监督管理。", "县直有关行业主管部门负责本行业领域的安全生产监督管理"),
    ("市有关行业主管部门按照职责分工负责本行业安全生产监督管理工作。", "市有关行业主管部门按照职责分工负责本行业安全生产监督管理工作"),
    ("负有安全生产监督管理职责的部门负责各自领域安全生产监督管理；市应急管理局负责综合监督管理。",
     "负有安全生产监督管理职责的部门负责各自领域安全生产监督管理"),
    # An 应急管理局's 主要职责: the rule after its own work, in the sentence's last piece.
    ("依法依规指导协调、监督检查县直有关部门和乡镇安全生产工作；按照分级、属地原则，县直有关行业主管部门负责本行业领域"
     "安全生产监督管理。", "县直有关行业主管部门负责本行业领域安全生产监督管理"),
    # The departments and their work apart, an adverbial between them.
    ("县直各有关部门按照管行业必须管安全、管业务必须管安全、管生产经营必须管安全的要求，负责本行业领域的安全生产监督管理工作。",
     "县直各有关部门按照管行业必须管安全、管业务必须管安全、管生产经营必须管安全的要求，负责本行业领域的安全生产监督管理工作"),
    # A sector named, or a department named: a clause of its own, not the rule for every sector.
    ("县应急管理局负责全县工贸行业安全生产监督管理。", ""),
    ("县交通运输局负责交通运输行业安全生产监督管理，县应急管理局配合。", ""),
    # The piece before is the 应急管理局's own work, not the departments': no rule.
    ("指导协调县直有关部门和乡镇安全生产工作，负责本行业安全生产。", ""),
])
def test_the_rule_is_the_piece_that_states_it(text: str, rule: str) -> None:
    assert sector_rule(text) == rule


@pytest.mark.parametrize(("path", "rule", "locator"), [
    ("anquan_xinyetai/corpus/yunxi_yingji.txt", "县直有关行业主管部门负责本行业领域的安全生产监督管理", "第六条(一)"),
    # The same 三定 with the rule in its 主要职责 and no 职责分工 article: it was not read.
    ("sector_rule/yunxi_yingji_zhuyaozhize.txt", "县直有关行业主管部门负责本行业领域安全生产监督管理", "第三条(二)"),
])
def test_a_sanding_states_the_rule_in_its_division_or_its_duties(path: str, rule: str, locator: str) -> None:
    document = parse_sanding(read_source(FIXTURES / path))
    assert (document.sector_rule, document.sector_rule_locator, document.divisions) == (rule, locator, [])
