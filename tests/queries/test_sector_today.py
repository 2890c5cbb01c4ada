"""管行业必须管安全 on today's duties: a department's own sectors are read from the clauses it holds today, so a
调整 notice moving a sector's 安全生产 away (tests/fixtures/sector_today, over tests/fixtures/anquan_xinyetai's corpus)
leaves the giver no 行业主管 of it, and the receiver takes it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store, open_store
from ingest.pipeline import ingest
from queries.orphans import orphan_supervision_items
from queries.who_handles import given_sectors, sanding_sectors, who_handles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
COUNTY = "北湖市/云溪县"


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    tmp = tmp_path_factory.mktemp("sector-today")
    corpus = tmp / "corpus"
    shutil.copytree(FIXTURES / "anquan_xinyetai" / "corpus", corpus)
    shutil.copy(FIXTURES / "sector_today" / "yunxi_wenlv_tiaozheng_2024.txt", corpus)
    store = open_store(f"embedded:{tmp / 'store'}")
    assert [outcome.error for outcome in ingest([corpus], store).failed] == []
    yield store
    store.close()


def test_a_clause_moved_away_gives_its_giver_no_sector_and_its_receiver_takes_it(moved: Store) -> None:
    # The notice took 文化和旅游行业安全生产监督管理 out of 文旅局's 第三条(五), which keeps its 指导督促…落实 part (a
    # clause partly moved: the rest names no sector by the 三定's reading); the 应急管理局 holds it beside its 工贸.
    held = sanding_sectors(moved)
    assert [(name, sorted(held[(name, COUNTY)])) for name in ("云溪县文化和旅游局", "云溪县应急管理局")] == [
        ("云溪县文化和旅游局", []), ("云溪县应急管理局", ["工贸", "文化", "旅游"])]


def test_a_no_lead_complaint_names_no_sector_of_the_department_that_gave_it_away(moved: Store) -> None:
    # 密室逃脱 no one leads: 文旅局, a party met on the list's row, was named the 行业主管 of 文化、旅游 by the clause
    # its 三定 wrote and the notice moved out (tests/queries/test_xinyetai.py has the answer without the notice).
    rows = who_handles(moved, "密室逃脱店里的通道太窄还很黑，应急照明都没有", region=COUNTY)
    assert [(row["department"], row["sector_safety"], row["sector_rule_kind"]) for row in rows
            if row["department"] == "云溪县文化和旅游局"] == [("云溪县文化和旅游局", "", "")]
    owners = {row["code"]: row["suggested_owners"] for row in orphan_supervision_items(moved, region=COUNTY)}
    assert [(owner["department"], owner["sector_safety"]) for owner in owners["YX2003"]] == [
        ("云溪县文化和旅游局", ""), ("云溪县消防救援大队", ""), ("云溪县公安局", "")]


def test_a_clause_partly_moved_away_among_the_evidence_names_no_sector_it_gave(moved: Store) -> None:
    # A 剧本杀 complaint meets 文旅局's 第三条(五) still (its 指导督促 part is ground), whose words name 文化 and 旅游:
    # the notice took their 安全生产, so the row is no 行业主管 of them (it read 文化、旅游 before).
    assert given_sectors(moved) == {("云溪县文化和旅游局", COUNTY): frozenset({"文化", "旅游"})}
    row = who_handles(moved, "我家楼下新开了一家剧本杀店，是在旧仓库改的，只有一个出口，担心着火跑不出去", region=COUNTY)[0]
    assert (row["department"], row["evidence"][1]["text"][:15], row["sector_safety"], row["sector_rule"]) == (
        "云溪县文化和旅游局", "负责文化和旅游行业安全生产监督", "", "")
