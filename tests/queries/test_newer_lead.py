"""Documents naming different leads of a matter: which is the newer, and what it leaves to amend (user test: the
city's boundary list names 城管 the lead of 互联网租赁自行车停放管理, 交通's older 三定 clause claims it, and the
finding could not say which document is newer). tests/fixtures/newer_lead: 交通's 三定 of 2019-02-26, the boundary
list of 2024-05-01, 城管's 三定 of 2025-01-10 and an undated 职责分工 list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from queries.ambiguities import host_assist_ambiguities
from queries.complaint_files import Complaint
from queries.dispatch import dispatch
from queries.lead_claims import disputes, precedence
from queries.sources import source_place
from queries.who_handles import who_handles
from tests.conftest import corpus_store

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "newer_lead"
COUNTY = "北湖市/临川县"
JIAOTONG = "《临川县交通运输局职能配置、内设机构和人员编制规定》"
CHENGGUAN = "《临川县城市管理局职能配置、内设机构和人员编制规定》"
LIST = "《临川县部门职责边界清单》"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from corpus_store(tmp_path_factory, CORPUS)


def _newer(row: dict[str, Any]) -> tuple[str, str, list[str]] | None:
    lead = row["newer_lead"]
    return None if lead is None else (source_place(lead["source"]), lead["date"], lead["leads"])


def test_the_newer_document_is_named_with_the_older_clauses_to_amend(county: Store) -> None:
    # A newer list against an older 三定 clause, a newer 三定 against an older list and 三定 (both named to amend),
    # and an undated list, where nothing is guessed.
    assert [(row["matter"], _newer(row), row["newer_note"]) for row in host_assist_ambiguities(county)
            if row["reason"] == "conflicting_leads"] == [
        ("互联网租赁自行车停放管理", ("第4行", "2024-05-01", ["临川县城市管理局"]),
         f"较新的{LIST}序号1（第4行）（2024-05-01）定由临川县城市管理局牵头，早于它的{JIAOTONG}第五条(一)待修订"),
        ("公交站亭维护管理", None,
         "文件日期不全（《临川县城市公共设施管理职责分工清单》未署印发日期），无法判断先后"),
        ("城市道路货运车辆通行管理", ("第五条(一)", "2025-01-10", ["临川县城市管理局"]),
         f"较新的{CHENGGUAN}第五条(一)（2025-01-10）定由临川县城市管理局牵头，"
         f"早于它的{JIAOTONG}第五条(二)、{LIST}序号2（第5行）待修订")]
    # The other findings of the matter say nothing of it: it is the conflict's.
    assert {(row["reason"], row["newer_lead"], row["newer_note"]) for row in host_assist_ambiguities(county)
            if row["reason"] != "conflicting_leads"} == {("lead_without_mandate", None, "")}


def test_who_handles_dispute_carries_the_same_sentence(county: Store) -> None:
    rows = who_handles(county, "互联网租赁自行车乱停放", region=COUNTY, limit=2)
    assert [(row["department"], row["tie"], row["lead_dispute"]["reason"], _newer(row["lead_dispute"]))
            for row in rows] == [
        ("临川县交通运输局", True, "conflicting_leads", ("第4行", "2024-05-01", ["临川县城市管理局"])),
        ("临川县城市管理局", True, "conflicting_leads", ("第4行", "2024-05-01", ["临川县城市管理局"]))]
    findings = {row["matter"]: row for row in host_assist_ambiguities(county) if row["reason"] == "conflicting_leads"}
    said = {dispute.matter: dispute.as_row() for dispute in disputes(county).values()}
    assert sorted(said) == sorted(findings)
    for matter, dispute in said.items():
        assert (dispute["newer_lead"], dispute["newer_note"]) == (findings[matter]["newer_lead"],
                                                                  findings[matter]["newer_note"])


def test_dispatch_note_says_which_document_is_the_newer(county: Store) -> None:
    # The dispatcher reads, as who_handles' lead_dispute and the findings say, which document is the newer.
    [row] = dispatch(county, [Complaint(2, "互联网租赁自行车乱停放")], region=COUNTY).rows
    assert (row["department"], row["tie"], row["note"]) == ("临川县交通运输局", True, (
        f"文件间牵头部门不一致（较新的{LIST}序号1（第4行）（2024-05-01）定由临川县城市管理局牵头，早于它的{JIAOTONG}"
        "第五条(一)待修订）：互联网租赁自行车停放管理（文件所列牵头：临川县交通运输局、临川县城市管理局） / "
        "conflicting_leads: 互联网租赁自行车停放管理 (leads: 临川县交通运输局、临川县城市管理局)"))


def _party(source: str, department: str) -> dict[str, Any]:
    return {"role": "LEADS", "territorial": False, "source": source, "department": department, "order": 1}


@pytest.mark.parametrize(("dates", "note"), [
    ({"doc:a": "2024-05-01", "doc:b": "2024-05-01"}, "文件日期无法分出先后（2024-05-01），无法判断先后"),
    ({"doc:a": "2024", "doc:b": "2024-05-01"}, "文件日期无法分出先后（2024、2024-05-01），无法判断先后")])
def test_dates_that_do_not_tell_the_documents_apart_guess_nothing(dates: dict[str, str], note: str) -> None:
    # One day, or a year against a day of that year: either may be the newer.
    said = precedence([_party("doc:a#第4行", "甲局"), _party("doc:b#第五条(一)", "乙局")], dates, {})
    assert (said.newer_lead, said.note) == (None, note)
