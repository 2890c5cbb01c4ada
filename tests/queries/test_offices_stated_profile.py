"""部门概况 shows the number of offices a document sets (设5个内设机构) where it lists none, as 编制与职责负荷's 核定内设机构数
does, and says so: it showed 0 beside the staffing table's 19 for 卫健委's 2023 notice (user test). The fixture is
invented."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from queries.report import Section, build_report
from tests.conftest import real_document

SANDING = Path(__file__).resolve().parents[1] / "fixtures" / "offices_stated" / "beihu_dangan_sanding.txt"


def _profile(store: Store) -> Section:
    return next(section for section in build_report(store).sections if section.key == "departments")


def test_offices_set_but_not_listed(store: Store) -> None:
    assert ingest([SANDING], store).failed == []
    profile = _profile(store)
    assert [(row["department"], row["offices"]) for row in profile.rows] == [("北湖市档案局", 5)]
    assert profile.note == "北湖市档案局的内设机构未逐一列出，内设机构数为核定的数（同编制与职责负荷的核定内设机构数）。"


def test_offices_listed_are_counted(corpus: Store) -> None:
    # The examples' 三定 list their offices: the count is theirs, and nothing is said.
    profile = _profile(corpus)
    assert all(row["offices"] for row in profile.rows) and "未逐一列出" not in profile.note


def test_the_real_health_commission_notice(store: Store) -> None:
    assert ingest([real_document("guojia_weishengjiankangwei_tiaozheng_zhizejigoubianzhi_2023.txt")], store).failed == []
    assert [(row["department"], row["offices"]) for row in _profile(store).rows] == [("国家卫生健康委员会", 19)]
