"""Who handles work a 调整职责机构编制 notice moved, and the notice's partial coverage of a clause for work it
cancels or hands down, on tests/fixtures/notice_moves (鹤川市: the 林业局's 2021 三定, the 园林局's, and the 2023
notice that moves 城市绿化 to the 园林局 and 森林防火 to the 应急管理局, whose 三定 is not loaded, cancels
林木种苗生产经营许可 and hands 林业有害生物防治检疫 down to the counties, each part of a clause that says more) and
tests/fixtures/in_force."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.complaint_files import Complaint
from queries.dispatch import dispatch
from queries.notice_evidence import handling_index
from queries.profile import department_profile
from queries.profile_tables import profile_tables
from queries.report import cell_text
from queries.sources import document_titles, with_readable_sources
from queries.who_handles import evidence_index, who_handles
from tests.queries.test_duties_moved_out import FIXTURES as IN_FORCE
from tests.queries.test_duties_moved_out import _in_force

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "notice_moves"
CITY = Region(("鹤川市",))
FORESTRY, PARKS, EMERGENCY = "鹤川市林业局", "鹤川市园林局", "鹤川市应急管理局"
_SANDING = "《鹤川市林业局职能配置、内设机构和人员编制规定》"
_NOTICE = "《关于调整鹤川市林业局职责机构编制的通知》"


@pytest.fixture
def forestry(store: Store) -> Store:
    assert ingest(sorted(FIXTURES.glob("*.txt")), store, region=CITY).failed == []
    return store


def _ranked(store: Store, text: str, region: str) -> list[tuple[Any, ...]]:
    """Each candidate: its department, whether it is weak, and its first evidence with the evidence's source."""
    rows = with_readable_sources(who_handles(store, text, region=region), document_titles(store))
    return [(row["department"], row["weak"], row["evidence"][0]["text"], row["evidence"][0]["source"])
            for row in rows]


def test_work_moved_to_a_department_without_a_sanding_goes_to_it(forestry: Store) -> None:
    """森林防火 moved whole to the 应急管理局, known by the notice alone: the complaint goes to it, the notice its
    出处; the 林业局, whose 三定 still says 负责森林防火的监督管理, ranks only on other words, weak."""
    assert _ranked(forestry, "森林防火检查不到位", "鹤川市") == [
        (EMERGENCY, True, "森林防火监督管理", f"{_NOTICE}二、"),
        (FORESTRY, True, "负责国有林场的建设和管理。", f"{_SANDING}第三条(五)")]


def test_work_moved_to_a_department_with_a_sanding_is_no_longer_the_giver_s(forestry: Store) -> None:
    """城市绿化 moved to the 园林局 (it has a 三定): the 林业局's clause that said it with 古树名木 is ground for
    古树名木 alone, and scores next to nothing for 城市绿化."""
    ranked = with_readable_sources(who_handles(forestry, "城市绿化带被人破坏", region="鹤川市"),
                                   document_titles(forestry))
    assert [(row["department"], row["weak"]) for row in ranked] == [(PARKS, False), (FORESTRY, True)]
    assert (ranked[0]["evidence"][0]["text"], ranked[0]["evidence"][0]["source"]) == ("城市绿化监督管理",
                                                                                      f"{_NOTICE}一、")
    assert ranked[1]["score"] < 1
    assert _ranked(forestry, "古树名木被砍", "鹤川市")[0] == (
        FORESTRY, False, "负责古树名木的保护管理和城市绿化的监督管理。", f"{_SANDING}第三条(二)")


def test_the_index_reads_the_sanding_where_no_notice_moved_work(store: Store) -> None:
    """No notice: who_handles ranks on the evidence index itself (the labelled complaints' figures stand)."""
    assert ingest([FIXTURES / "linye_2021.txt", FIXTURES / "yuanlin_2021.txt"], store, region=CITY).failed == []
    assert handling_index(store) is evidence_index(store)
    assert _ranked(store, "森林防火检查不到位", "鹤川市")[0] == (
        FORESTRY, True, "负责森林防火的监督管理。", f"{_SANDING}第三条(一)")


def test_a_complaint_about_moved_work_is_dispatched_to_the_receiver(store: Store) -> None:
    """The 水务局's 2023 notice moved 城市排水 to the 排水管理局 and 河道采砂 to the 自然资源局, neither with a 三定."""
    assert ingest([IN_FORCE / "shuiwu_2020.txt", IN_FORCE / "shuiwu_notice_2023.txt"], store,
                  region=Region(("临川市",))).failed == []
    routed = dispatch(store, [Complaint(2, "城市排水设施堵塞污水外溢"), Complaint(3, "有人在河道非法采砂")],
                      region="临川市")
    rows = with_readable_sources(routed.rows, document_titles(store))
    notice = "《关于调整临川市水务局职责机构编制的通知》"
    assert [(row["department"], row["runner_up"], row["evidence"], row["source"]) for row in rows] == [
        ("临川市排水管理局", "临川市水务局", "城市排水设施运行维护", f"{notice}一、"),
        ("临川市自然资源局", "", "河道采砂监督管理", f"{notice}二、")]


def _today(store: Store, department: str) -> list[tuple[Any, ...]]:
    return [(r["office"], r["ordinal"], r["status"], r["change"], r["counterpart"])
            for r in catalog.run(store, "department_duties", {"department": department})]


_GREEN = ("城市绿化监督管理", PARKS)
_FIRE = ("森林防火监督管理", EMERGENCY)
_SEEDS = ("林木种苗生产经营许可", "")
_PESTS = ("林业有害生物防治检疫", "各县（区）")


def test_part_of_a_clause_cancelled_or_handed_down_reads_as_partly(forestry: Store) -> None:
    """The notice cancels 林木种苗生产经营许可 of (三) 负责林木种苗生产经营许可和林木种苗质量监督 and hands down
    林业有害生物防治检疫 of (四), which says 陆生野生动物保护 besides: 部分取消 and 部分下放, as a transfer of part of a
    clause is 部分划出; the rest stays the department's."""
    assert _today(forestry, FORESTRY) == [
        ("", 1, "transferred", *_FIRE), ("", 2, "partly_transferred", *_GREEN),
        ("", 3, "partly_cancelled", *_SEEDS), ("", 4, "partly_devolved", *_PESTS),
        ("", 5, "current", "", ""), ("", 6, "current", "", ""),
        ("保护科", 1, "partly_devolved", *_PESTS), ("办公室", 1, "current", "", ""),
        ("种苗科", 1, "partly_cancelled", *_SEEDS), ("绿化科", 1, "partly_transferred", *_GREEN),
        ("防火科", 1, "transferred", *_FIRE)]
    assert [row[3:5] for row in _in_force(forestry, FORESTRY, "2023-04-01") if row[0] == ""] == [
        ("transferred", "森林防火监督管理"), ("partly_transferred", "城市绿化监督管理"),
        ("partly_cancelled", "林木种苗生产经营许可"), ("partly_devolved", "林业有害生物防治检疫"),
        ("current", ""), ("current", "")]
    assert {row[3] for row in _in_force(forestry, FORESTRY, "2023-03-31")} == {"current"}


def test_work_cancelled_or_devolved_whole_still_reads_whole(store: Store) -> None:
    """A clause that says the work and no more is cancelled (handed down) whole, as before."""
    assert ingest([IN_FORCE / "chengguan_2020.txt", IN_FORCE / "chengguan_notice_2022.txt"], store,
                  region=Region(("临川市",))).failed == []
    assert [(row[1], row[2]) for row in _today(store, "临川市城市管理局") if row[0] == ""] == [
        (1, "current"), (2, "cancelled"), (3, "devolved"), (4, "transferred"), (5, "current")]


def test_the_profile_s_files_carry_the_status_columns(forestry: Store) -> None:
    """The profile's duty and office tables (its CSV and Excel files) say what the notice made of each clause, under
    department_duties' titles, in Chinese."""
    tables = profile_tables(department_profile(forestry, FORESTRY))
    columns = ("ordinal", "status", "change", "counterpart")
    assert [[cell_text(row, column, "department_profile.duties") for column in columns]
            for row in sorted(tables["duties"], key=lambda row: row["ordinal"])] == [
        ["1", "已划出", *_FIRE], ["2", "部分划出", *_GREEN], ["3", "部分取消", *_SEEDS], ["4", "部分下放", *_PESTS],
        ["5", "现行", "", ""], ["6", "现行", "", ""]]
    assert [[cell_text(row, column, "department_profile.offices") for column in ("office", "status")]
            for row in tables["offices"]] == [["保护科", "部分下放"], ["办公室", "现行"], ["种苗科", "部分取消"],
                                              ["绿化科", "部分划出"], ["防火科", "已划出"]]
