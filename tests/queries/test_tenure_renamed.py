"""tenure_duties' staffing for a department renamed by a notice alone (关于将A更名为B的通知, no 三定 of its own): the
old body's 行政编制 and 领导职数 are its figures from the rename's date, as a 三定 stating the rename sets its own from
its date. On tests/fixtures/succession_notice: 白河县文化和旅游局's 三定 of 2019 (11 posts, 3 leader posts), renamed
文化广电和旅游局 on 2024-05-10 and 文化体育广电和旅游局 on 2024-10-08, each by a notice alone; a notice titled with the
first name (2024-08-01: a post moved in, 调整后 13 posts, no 领导职数) that is the middle body's. With
tests/fixtures/tenure_renamed, the last body's own 三定 of 2025 (15 posts, 4 leader posts), and the middle body's (14, 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from queries.sources import document_titles, with_readable_sources
from queries.tenure import tenure_duties
from tests.ingest.test_succession_notice import _load

NOTICES = Path(__file__).resolve().parents[1] / "fixtures" / "succession_notice"
FIRST = [NOTICES / "baihe_wenlv_2019.txt", NOTICES / "baihe_rename_notice_2024.txt",
         NOTICES / "baihe_wenti_rename_2024.txt"]
OLD_NAME_NOTICE = NOTICES / "baihe_old_name_notice_2024.txt"
OWN_SANDING = NOTICES.parent / "tenure_renamed" / "baihe_wenti_2025.txt"
MIDDLE, LAST = "白河县文化广电和旅游局", "白河县文化体育广电和旅游局"
WENLV = "《白河县文化和旅游局职能配置、内设机构和人员编制规定》"
NOTICE = "《关于调整白河县文化和旅游局职责的通知》"
WENTI = "《白河县文化体育广电和旅游局职能配置、内设机构和人员编制规定》"
# Where each document's figures were read: the 三定's 第五条, the notice's item 二、 (its 调整后 totals).
WENLV_STAFF, NOTICE_STAFF, WENTI_STAFF = f"{WENLV}第五条", f"{NOTICE}二、", f"{WENTI}第五条"


def _read(store: Store, department: str, start: str, end: str) -> dict[str, Any]:
    result: dict[str, Any] = with_readable_sources(tenure_duties(store, department, start, end),
                                                   document_titles(store))
    return result


def _staffing(result: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(row["point"], row["staff_quota"], row["leader_posts"], row["source"]) for row in result["staffing"]]


def _staff_changes(result: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(row["date"], row["kind"], row["other"], row["staff"], row["source"])
            for row in result["changes"] if row["staff"] is not None]


def test_a_body_renamed_by_notice_has_the_old_body_s_figures_from_the_rename(store: Store) -> None:
    # Before, both ends read 未载明: the figures are the 2019 三定's, whose department is the first body.
    _load(store, *FIRST)
    result = _read(store, LAST, "2024-01-01", "2024-12-31")
    assert _staffing(result) == [("任期开始", None, None, ""), ("任期结束", 11, 3, WENLV_STAFF)]
    assert [row["value"] for row in result["summary"] if row["item"] in ("行政编制", "领导职数")] == [
        "任期开始 未载明，任期结束 11 名", "任期开始 未载明，任期结束 3 名"]
    # The last body did not exist before its rename: a window from its date has the figures at both ends.
    assert _staffing(_read(store, LAST, "2024-10-08", "2024-12-31")) == [
        ("任期开始", 11, 3, WENLV_STAFF), ("任期结束", 11, 3, WENLV_STAFF)]
    # The middle body, renamed again since, had them from its own rename.
    assert _staffing(_read(store, MIDDLE, "2024-05-09", "2024-05-10")) == [
        ("任期开始", None, None, ""), ("任期结束", 11, 3, WENLV_STAFF)]


def test_a_nearer_body_s_figure_and_the_successor_s_own_sanding(store: Store) -> None:
    _load(store, *FIRST, OLD_NAME_NOTICE)
    # The middle body's notice sets 13 posts and no 领导职数: those stay the 三定's 3 (before, 未载明 for an own
    # figure too). The 11 lent before it is the figure its totals are read against (11 and the post moved in, 12).
    middle = _read(store, MIDDLE, "2024-06-01", "2024-09-30")
    assert _staffing(middle) == [("任期开始", 11, 3, WENLV_STAFF), ("任期结束", 13, 3, NOTICE_STAFF)]
    # The 3 at the end are the 三定's, named as such (before, only the notice setting the 13 was named).
    assert [row["leader_posts_source"] for row in middle["staffing"]] == [WENLV_STAFF, WENLV_STAFF]
    assert _staff_changes(middle) == [("2024-08-01", "编制划入", "白河县教育局", 1, f"{NOTICE}一、"),
                                      ("2024-08-01", "核定编制调整", "", 1, NOTICE_STAFF)]
    # The nearer body's figure is the last body's, not the first body's older one.
    assert _staffing(_read(store, LAST, "2024-10-08", "2024-12-31")) == [
        ("任期开始", 13, 3, NOTICE_STAFF), ("任期结束", 13, 3, NOTICE_STAFF)]
    # Its own 三定 re-sets the staffing against the figure lent before it, as after a 三定's rename.
    _load(store, OWN_SANDING)
    last = _read(store, LAST, "2024-10-08", "2025-12-31")
    assert _staffing(last) == [("任期开始", 13, 3, NOTICE_STAFF), ("任期结束", 15, 4, WENTI_STAFF)]
    assert [row["leader_posts_source"] for row in last["staffing"]] == [WENLV_STAFF, WENTI_STAFF]
    assert _staff_changes(last) == [("2025-03-01", "新三定施行：核定编制调整", "", 2, WENTI_STAFF)]


RENAME_NOTICE = NOTICES / "baihe_rename_notice_2024.txt"
# The middle body's own 三定 of 2025 (14 posts, 4 leader posts), whose 第二条 states the rename the 2024 notice made.
MIDDLE_SANDING = NOTICES.parent / "tenure_renamed" / "baihe_wenguang_2025.txt"
WENGUANG = "《白河县文化广电和旅游局职能配置、内设机构和人员编制规定》"
WENGUANG_STAFF = f"{WENGUANG}第五条"
RENAMED = "《关于将白河县文化和旅游局更名为白河县文化广电和旅游局的通知》line 4"


# The orders the documents may come in: the rename notice before the successor's own 三定, after it, and both before
# the old body's 三定.
RESTATED_ORDERS = [
    pytest.param([NOTICES / "baihe_wenlv_2019.txt", RENAME_NOTICE, MIDDLE_SANDING], id="notice-first"),
    pytest.param([NOTICES / "baihe_wenlv_2019.txt", MIDDLE_SANDING, RENAME_NOTICE], id="notice-last"),
    pytest.param([MIDDLE_SANDING, RENAME_NOTICE, NOTICES / "baihe_wenlv_2019.txt"], id="old-sanding-last")]


@pytest.mark.parametrize("order", RESTATED_ORDERS)
def test_a_rename_a_notice_made_and_the_successor_s_later_sanding_restates(store: Store, order: list[Path]) -> None:
    """The rename is the notice's, on its date: from it the old body's duties and figures are the new name's, the
    old 三定 what its duties rest on, until its own 三定 re-sets them from 2025-03-01; the 三定's restating the rename
    moves neither date (its SUCCEEDED_BY edge is the one carrying today, the notice's on the dates before it). In
    whichever order the documents are loaded."""
    _load(store, *order)
    result = _read(store, MIDDLE, "2024-06-01", "2025-06-30")
    assert _staffing(result) == [("任期开始", 11, 3, WENLV_STAFF), ("任期结束", 14, 4, WENGUANG_STAFF)]
    assert _staff_changes(result) == [("2025-03-01", "新三定施行：核定编制调整", "", 3, WENGUANG_STAFF)]
    # Before, 任期开始时施行的三定 read （无）: the department held its duties by the old body's 三定.
    assert [row["value"] for row in result["summary"] if row["item"].endswith("施行的三定")] == [
        "白河县文化和旅游局职能配置、内设机构和人员编制规定（2019-03-01 起施行，机构改革承继）",
        "白河县文化广电和旅游局职能配置、内设机构和人员编制规定（2025-03-01 起施行）"]
    assert [(row["date"], row["kind"], row["duty"], row["source"]) for row in result["changes"]
            if row["staff"] is None] == [
        ("2025-03-01", "新三定施行：新增", "负责全县广播电视公共服务和应急广播体系建设。", f"{WENGUANG}第三条(三)"),
        ("2025-03-01", "新三定施行：删除", "负责全县营业性演出和娱乐场所的审批和监督管理。", f"{WENLV}第三条(三)")]
    # A window from before the rename: the carrying starts on the notice's date, cited by the notice, not the 三定.
    whole = _read(store, MIDDLE, "2024-01-01", "2025-12-31")
    # The duties before are in the graph, the old body's: the note says where (before, 此前的职责图中未载).
    assert whole["note_zh"] == ("任期开始时无 2024-01-01 时施行的三定：图中该部门最早的三定自 2025-03-01 起施行；"
                                f"此前的职责在前身白河县文化和旅游局名下，本部门自 2024-05-10 起承继，见{WENLV}")
    assert _staffing(whole) == [("任期开始", None, None, ""), ("任期结束", 14, 4, WENGUANG_STAFF)]
    assert sorted({(row["date"], row["other"], row["source"]) for row in whole["changes"]
                   if row["kind"] == "机构改革承继"}) == [("2024-05-10", "白河县文化和旅游局", RENAMED)]
    assert [(row["duty"][:8], row["held_from"], row["held_to"], row["status_label"]) for row in whole["duties"]] == [
        ("负责全县文物保护", "2024-05-10", "2025-12-31", "现行"),
        ("负责全县旅游景区", "2024-05-10", "2025-12-31", "现行"),
        ("完成县委、县政府", "2024-05-10", "2025-12-31", "现行"),
        ("负责全县营业性演", "2024-05-10", "2025-02-28", "后续三定未载明"),
        ("负责全县广播电视", "2025-03-01", "2025-12-31", "现行")]


def test_staffing_load_s_borrowed_figures_cite_the_clause_tenure_cites(store: Store) -> None:
    """编制数据来源 names the clause each borrowed figure was read from, the one tenure's staffing cites (before, the
    document alone): the notice's item 二、 for the 13 posts, the 三定's 第五条 for the 领导职数; 规格 and the offices,
    which the graph keeps no clause of, their documents."""
    from queries.profile import department_profile
    from queries.staffing import staffing_load

    _load(store, *FIRST, OLD_NAME_NOTICE)
    expected = (f"编制承继自{MIDDLE}{NOTICE_STAFF}；核定内设机构数承继自{MIDDLE}{NOTICE}；"
                f"领导职数、内设机构领导职数承继自白河县文化和旅游局{WENLV_STAFF}；规格、内设机构承继自白河县文化和旅游局{WENLV}")
    assert [(row["department"], row["staff_quota"], row["staffing_from"])
            for row in staffing_load(store, "示例市/白河县")] == [(LAST, 13, expected)]
    assert department_profile(store, LAST)["department"]["staffing_from"] == expected
    # The same clauses as tenure's staffing reads the figures from.
    assert [(row["source"], row["leader_posts_source"]) for row in _read(store, LAST, "2024-12-31", "2024-12-31")[
        "staffing"]] == [(NOTICE_STAFF, WENLV_STAFF)] * 2


@pytest.mark.parametrize("order", [
    pytest.param([*FIRST, OLD_NAME_NOTICE, OWN_SANDING], id="notices-first"),
    pytest.param([FIRST[0], OWN_SANDING, *FIRST[1:], OLD_NAME_NOTICE], id="sanding-before-the-renames"),
    pytest.param([OWN_SANDING, OLD_NAME_NOTICE, *reversed(FIRST)], id="reversed")])
def test_the_chain_s_renames_loaded_after_the_last_body_s_own_sanding(store: Store, order: list[Path]) -> None:
    """文化和旅游局 → 文化广电和旅游局 → 文化体育广电和旅游局 by notices, the last body's own 三定 of 2025: the same
    figures, sources and staffing rows whether the notices came before it or after."""
    from queries.profile import department_profile
    from queries.staffing import staffing_load

    _load(store, *order)
    last = _read(store, LAST, "2024-10-08", "2025-12-31")
    assert _staffing(last) == [("任期开始", 13, 3, NOTICE_STAFF), ("任期结束", 15, 4, WENTI_STAFF)]
    assert _staff_changes(last) == [("2025-03-01", "新三定施行：核定编制调整", "", 2, WENTI_STAFF)]
    assert [row["value"] for row in last["summary"] if row["item"].endswith("施行的三定")] == [
        f"{WENLV[1:-1]}（2019-03-01 起施行，机构改革承继）；{NOTICE[1:-1]}（2024-08-01 起施行，机构改革承继）",
        f"{WENTI[1:-1]}（2025-03-01 起施行）"]
    assert [(row["department"], row["staff_quota"], row["leader_posts"], row["staffing_from"])
            for row in staffing_load(store, "示例市/白河县")] == [(LAST, 15, 4, "")]
    profile = department_profile(store, LAST)["department"]
    assert (profile["staff_quota"], profile["staffing_from"]) == (15, "")


def test_a_tenure_before_a_chain_s_rename_says_whose_documents_the_duties_were_under(store: Store) -> None:
    """The last body, renamed from the middle one on 2024-10-08: a window from before that holds nothing at its start,
    and the note names the middle body and the documents its duties rest on (the first body's 三定, the middle body's
    notice), where it said the duties before were not in the graph; and says that where they are not."""
    _load(store, *FIRST, OLD_NAME_NOTICE)
    result = _read(store, LAST, "2024-06-01", "2024-12-31")
    assert result["note_zh"] == ("任期开始时无 2024-06-01 时施行的三定：图中没有该部门的三定；此前的职责在前身"
                                 f"{MIDDLE}名下，本部门自 2024-10-08 起承继，见{WENLV}、{NOTICE}")
    assert [row["value"] for row in result["summary"] if row["item"] == "说明"] == [result["note_zh"]]
    # A department of no predecessor, whose first 三定 is in force after the window's start: nothing carried.
    _load(store, NOTICES / "baihe_jiaoyu_2019.txt")
    assert _read(store, "白河县教育局", "2018-01-01", "2019-12-31")["note_zh"] == (
        "任期开始时无 2018-01-01 时施行的三定：图中该部门最早的三定自 2019-06-01 起施行，此前的职责图中未载")


def test_a_tenure_ending_before_the_department_s_rename_says_whose_the_duties_were(store: Store) -> None:
    """A window the department's own rename by notice comes after holds nothing at all (it did not exist yet): the
    note names the body the duties were under and the day the department carries them from, past the window's end,
    where it said they were not in the graph. So where a chain's earlier rename falls before the window (the first
    body renamed 文化广电和旅游局 on 2024-05-10, a window from 2024-06-01 of the last body, renamed on 2024-10-08)."""
    _load(store, *FIRST, OLD_NAME_NOTICE)
    last = _read(store, LAST, "2024-06-01", "2024-09-30")
    assert last["note_zh"] == ("任期开始时无 2024-06-01 时施行的三定：图中没有该部门的三定；此前的职责在前身"
                               f"{MIDDLE}名下，本部门自 2024-10-08 起承继，见{WENLV}、{NOTICE}")
    assert (last["duties"], last["changes"]) == ([], [])
    # The middle body before its own rename: the first body's duties, by its 三定 alone (the notice is of 2024-08-01).
    assert _read(store, MIDDLE, "2024-01-01", "2024-03-31")["note_zh"] == (
        "任期开始时无 2024-01-01 时施行的三定：图中没有该部门的三定；此前的职责在前身白河县文化和旅游局名下，"
        f"本部门自 2024-05-10 起承继，见{WENLV}")
    # A window from after the rename holds the carried duties from its first day: no note, and the 三定 its start
    # reads is the old body's, carried (the summary's 任期开始时施行的三定 says so).
    after = _read(store, LAST, "2024-11-01", "2024-12-31")
    assert after["note_zh"] == ""
    assert [row["value"] for row in after["summary"] if row["item"] == "任期开始时施行的三定"] == [
        f"{WENLV[1:-1]}（2019-03-01 起施行，机构改革承继）；{NOTICE[1:-1]}（2024-08-01 起施行，机构改革承继）"]


OLD = "白河县文化和旅游局"
RENAMED_FIRST = "《关于将白河县文化和旅游局更名为白河县文化广电和旅游局的通知》line 4"


def test_the_first_body_of_a_chain_holds_none_of_its_duties_after_its_rename(store: Store) -> None:
    """白河县文化和旅游局, renamed by notice on 2024-05-10: its duties were carried to its successor that day, so they
    end there, 已划出 to 白河县文化广电和旅游局 by the notice, as a notice's move out reads. Before, a window after the
    rename listed its four duties 现行, as did duties_in_force and its profile on such a date."""
    from queries.in_force import duties_in_force
    from queries.profile import department_profile

    _load(store, *FIRST)
    after = _read(store, OLD, "2024-06-01", "2024-12-31")
    assert after["duties"] == []
    # The window begins after the rename: the note says why it holds nothing (it said nothing).
    assert after["note_zh"] == f"本部门已于 2024-05-10 更名为{MIDDLE}（{RENAMED_FIRST}），此后的职责由其承继"
    assert [row["value"] for row in after["summary"] if row["item"] == "任期内承担过的职责"] == [
        "0 项，其中任期结束时仍承担 0 项"]
    whole = _read(store, OLD, "2024-01-01", "2024-12-31")
    assert [(row["duty"][:8], row["held_from"], row["held_to"], row["status_label"]) for row in whole["duties"]] == [
        ("负责全县文物保护", "2024-01-01", "2024-05-09", "已划出"),
        ("负责全县营业性演", "2024-01-01", "2024-05-09", "已划出"),
        ("负责全县旅游景区", "2024-01-01", "2024-05-09", "已划出"),
        ("完成县委、县政府", "2024-01-01", "2024-05-09", "已划出")]
    assert sorted((row["date"], row["kind"], row["duty"][:8], row["other"], row["source"])
                  for row in whole["changes"]) == [
        ("2024-05-10", "划出", duty, MIDDLE, RENAMED_FIRST)
        for duty in ("完成县委、县政府", "负责全县文物保护", "负责全县旅游景区", "负责全县营业性演")]
    # duties_in_force and the profile read the same body on the same footing.
    for day, status, counterpart in (("2024-05-09", "current", ""), ("2024-06-01", "transferred", MIDDLE)):
        rows = [row for row in duties_in_force(store, OLD, day) if not row["office"]]
        assert {(row["status"], row["counterpart"]) for row in rows} == {(status, counterpart)}, day
        assert len(rows) == 4
    profile = department_profile(store, OLD)["duties_by_category"]
    assert {(duty["status"], duty["counterpart"]) for duties in profile.values() for duty in duties} == {
        ("transferred", MIDDLE)}
