"""who_handles says when its first two departments are there on duties one overlap cluster holds (user test:
小区自来水发黄有异味 ranked 水务局 and 住建局 with no word that their 三定 clauses on 城市供水 overlap, unsettled).
tests/fixtures/settled_by_one: 临川县's 商务局 and 市场监管局 overlap on 成品油流通 (settled: the boundary list leads 商务局)
and on 预付卡 against 预付式消费 (unsettled)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store
from queries.overlaps import overlaps
from queries.who_handles import who_handles
from tests.conftest import corpus_store

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "settled_by_one"
COUNTY = "北湖市/临川县"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from corpus_store(tmp_path_factory, CORPUS)


def _said(store: Store, text: str) -> list[tuple[str, str, str]]:
    return [(row["department"], row["overlap_cluster"], row["overlap_note"])
            for row in who_handles(store, text, region=COUNTY, limit=3)]


def test_an_unsettled_cluster_is_named_on_both_rows(county: Store) -> None:
    [unsettled] = [c["cluster_id"] for c in overlaps(county, region=COUNTY) if not c["settled"]]
    note = f"两部门三定职责交叉且未明确牵头（编号{unsettled}）"
    assert _said(county, "预付式消费商家跑路，预付卡无法退款") == [
        ("临川县市场监督管理局", unsettled, note), ("临川县商务局", unsettled, note)]


def test_a_settled_cluster_names_its_lead(county: Store) -> None:
    [settled] = [c["cluster_id"] for c in overlaps(county, region=COUNTY) if c["settled"]]
    note = f"两部门三定职责交叉，已明确由临川县商务局牵头（编号{settled}）"
    assert _said(county, "加油站成品油流通中违法经营") == [
        ("临川县商务局", settled, note), ("临川县市场监督管理局", settled, note)]


def test_rows_whose_best_evidence_no_one_cluster_holds_say_nothing(county: Store) -> None:
    # 商务局 is there on the list's row, not on its 三定 clause, which the cluster holds.
    assert _said(county, "单用途商业预付卡发卡企业备案") == [("临川县商务局", "", ""), ("临川县市场监督管理局", "", "")]


def test_dispatch_carries_the_note_who_handles_gives_its_first_two(county: Store) -> None:
    from queries.complaint_files import Complaint
    from queries.dispatch import dispatch

    ids = {c["settled"]: c["cluster_id"] for c in overlaps(county, region=COUNTY)}
    texts = ["预付式消费商家跑路，预付卡无法退款", "加油站成品油流通中违法经营", "单用途商业预付卡发卡企业备案"]
    rows = dispatch(county, [Complaint(line, text, "", {}) for line, text in enumerate(texts, 1)], region=COUNTY).rows
    assert [(row["department"], row["runner_up"], row["overlap_cluster"], row["overlap_note"]) for row in rows] == [
        ("临川县市场监督管理局", "临川县商务局", ids[False], f"两部门三定职责交叉且未明确牵头（编号{ids[False]}）"),
        ("临川县商务局", "临川县市场监督管理局", ids[True],
         f"两部门三定职责交叉，已明确由临川县商务局牵头（编号{ids[True]}）"),
        ("临川县商务局", "临川县市场监督管理局", "", "")]
