"""Staff changes of a 调整职责机构编制 notice beyond posts moved: 核减 (a cut with no receiver), posts handed down with
work (相应编制2名下放至各县（区）), 领导职数 moved or cut; duties counted as they stand after the notice; a department
that only receives work and posts by notice; and a staff sentence that cannot be read (tests/fixtures/staff_changes:
澜州市's 林业局 16 posts and 6 duties, 园林局 10 and 3, 水务局 10 and 4; the 2023 notice of the 林业局 moves
城市绿化 with 2 posts and a 副处级 post to the 园林局, 森林防火 with 3 posts to the 应急管理局, whose 三定 is not loaded,
cancels 林木种苗生产经营许可 and cuts 1 post, hands 林业有害生物防治检疫 down with 2 posts, and cuts a 副处级 post)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.amendment import parse_amendment
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.lookup import find_department
from queries.profile import department_profile
from queries.profile_tables import profile_tables
from queries.report import build_report, cell_text
from queries.sources import document_titles, with_readable_sources
from queries.staffing import staffing_load
from tests.conftest import real_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "staff_changes"
CITY = Region(("澜州市",))
FORESTRY, PARKS, EMERGENCY, WATER = "澜州市林业局", "澜州市园林局", "澜州市应急管理局", "澜州市水务局"
_NOTICE = "《关于调整澜州市林业局职责机构编制的通知》"


def _move(direction: str, other: str | None, staff: int | None, item: str, leader_posts: int | None = None,
          leader_rank: str | None = None) -> dict[str, Any]:
    return {"direction": direction, "other": other, "staff": staff, "leader_posts": leader_posts,
            "leader_rank": leader_rank, "source": f"{_NOTICE}{item}"}


_FORESTRY_MOVES = [_move("moved_out", PARKS, 2, "一、", 1, "副处级"), _move("moved_out", EMERGENCY, 3, "二、"),
                   _move("cut", None, 1, "三、"), _move("devolved", "各县（区）", 2, "四、"),
                   _move("cut", None, None, "五、", 1, "副处级")]


@pytest.fixture
def forestry(store: Store) -> Store:
    assert ingest(sorted(FIXTURES.glob("*.txt")), store, region=CITY).failed == []
    return store


def _parsed_moves(path: Path, lines: list[tuple[int, str]] | None = None) -> list[tuple[Any, ...]]:
    numbered = lines or list(enumerate(path.read_text(encoding="utf-8").splitlines(), start=1))
    return [(t.source, t.target, t.admin_quota, t.leader_posts, t.leader_rank, t.kind, t.where.locator if t.where else "")
            for t in parse_amendment(path, numbered).staff_transfers]


def test_cuts_posts_handed_down_and_leader_posts_are_read_with_their_clause() -> None:
    assert _parsed_moves(FIXTURES / "linye_notice_2023.txt") == [
        (FORESTRY, PARKS, 2, 1, "副处级", "", "一、"), (FORESTRY, EMERGENCY, 3, 0, "", "", "二、"),
        (FORESTRY, FORESTRY, 1, 0, "", "cut", "三、"), (FORESTRY, "各县（区）", 2, 0, "", "devolved", "四、"),
        (FORESTRY, FORESTRY, 0, 1, "副处级", "cut", "五、")]


def test_the_work_of_a_sentence_is_read_without_its_posts() -> None:
    """取消…职责，核减行政编制1名: the work cancelled is 林木种苗生产经营许可, not the posts with it."""
    path = FIXTURES / "linye_notice_2023.txt"
    changes = parse_amendment(path, list(enumerate(path.read_text(encoding="utf-8").splitlines(), start=1))).changes
    assert [(c.kind, c.subject, c.text) for c in changes if c.kind in ("cancelled", "devolved")] == [
        ("cancelled", "林木种苗生产经营许可", "取消澜州市林业局的林木种苗生产经营许可职责。"),
        ("devolved", "林业有害生物防治检疫", "将澜州市林业局的林业有害生物防治检疫职责下放至各县（区）。")]


def test_other_wordings_of_staff_changes() -> None:
    """Leader posts moved alone, a cut naming its department, the counts in Chinese numerals, posts handed down by a
    sentence of their own."""
    words = [(1, "关于调整乙市林业局职责机构编制的通知"),
             (2, "一、将乙市林业局1名副处级领导职数划入乙市园林局。"),
             (3, "二、核减乙市园林局行政编制三名、科级领导职数一名。"),
             (4, "三、将乙市林业局2名行政编制下放至各县（市、区）。")]
    assert _parsed_moves(FIXTURES / "words.txt", words) == [
        ("乙市林业局", "乙市园林局", 0, 1, "副处级", "", "一、"), ("乙市园林局", "乙市园林局", 3, 1, "科级", "cut", "二、"),
        ("乙市林业局", "各县（市、区）", 2, 0, "", "devolved", "三、")]


def test_the_real_notice_s_leader_posts_moved_are_read() -> None:
    """将科学技术部4名行政编制、1名司局级领导职数划入国家卫生健康委员会 (FORMATS.md §1(c))."""
    path = real_document("guojia_weishengjiankangwei_tiaozheng_zhizejigoubianzhi_2023.txt")
    assert [move[:5] for move in _parsed_moves(path)] == [("科学技术部", "国家卫生健康委员会", 4, 1, "司局级"),
                                                          ("国家卫生健康委员会", "民政部", 3, 0, "")]


def test_a_staff_sentence_that_cannot_be_read_is_a_warning_naming_its_line(forestry: Store, tmp_path: Path) -> None:
    """相应划转行政编制若干名 and 编制作相应调整 say no number: warned of, with the line and what was expected; the cut
    beside them is read."""
    path = tmp_path / "shuiwu_notice.txt"
    path.write_text("关于调整澜州市水务局职责机构编制的通知\n（2024年3月1日）\n"
                    "一、将澜州市水务局的河道采砂监督管理职责划入澜州市园林局，相应划转行政编制若干名。\n"
                    "二、澜州市水务局机关行政编制作相应调整。\n三、核减澜州市水务局行政编制1名。\n", encoding="utf-8")
    [outcome] = ingest([path], forestry, region=CITY).outcomes
    expected = ("expected 将…N名行政编制（、N名…领导职数）划入…, 相应划转行政编制N名, 核减（…）行政编制N名, 核减…领导职数N名, "
                "相应编制N名下放至…, 调整后，…行政编制N名; 第{line}行的编制表述未能读取，未计入编制：应写作将…N名行政编制（、N名…"
                "领导职数）划入…、相应划转行政编制N名、核减行政编制N名、核减…领导职数N名、相应编制N名下放至…或“调整后，…行政编制N名”")
    assert outcome.ok and [w for w in outcome.warnings if "staff sentence" in w] == [
        "line 3: staff sentence not read, no posts counted: “将澜州市水务局的河道采砂监督管理职责划入澜州市园林局，"
        "相应划转行政编制若干名。”; " + expected.format(line=3),
        "line 4: staff sentence not read, no posts counted: “澜州市水务局机关行政编制作相应调整。”; "
        + expected.format(line=4)]
    water = next(row for row in staffing_load(forestry, "澜州市") if row["department"] == WATER)
    assert (water["staff_quota"], water["staff_quota_stated"]) == (9, 10)


def test_the_departments_list_gives_the_posts_staffing_load_gives(forestry: Store) -> None:
    """The list of departments (the API's, the ingest's total, the page's cards) gave the 三定's 16 where the profile
    and staffing_load gave 8 (user test: a new department head): it gives 8, with the 16 set beside it."""
    assert [(row["department"], row["staff_quota"], row["staff_quota_stated"])
            for row in catalog.run(forestry, "departments", {"region": "澜州市"})] == [
        (PARKS, 12, 10), (FORESTRY, 8, 16), (WATER, 10, 10)]
    # Unfinished (a caller that wants the names alone), the rows are the Cypher's: the figure as set, no moves read.
    assert [(row["department"], row["staff_quota"], "staff_quota_stated" in row)
            for row in catalog.run(forestry, "departments", {"region": "澜州市"}, finished=False)] == [
        (PARKS, 10, False), (FORESTRY, 16, False), (WATER, 10, False)]


def _readable(store: Store) -> list[dict[str, Any]]:
    return with_readable_sources(staffing_load(store, "澜州市"), document_titles(store))


def test_staffing_load_counts_posts_and_duties_as_they_stand(forestry: Store) -> None:
    """The 林业局: 16 posts less 2 and 3 moved, 1 cut and 2 handed down, 8; 领导职数 2 fewer (one moved, one cut);
    of its 三定's 6 duties 4 went (two moved out, one cancelled, one handed down), 2 per 8 posts. The 园林局: 12 posts,
    one more 领导职数, 城市绿化 moved in (4 duties). The 应急管理局 has no 三定: a row of what the notice moved in, no
    duties per post. Each change cites the notice's clause."""
    rows = _readable(forestry)
    assert [(r["department"], r["staff_quota"], r["staff_quota_stated"], r["leader_posts"], r["leader_posts_moved"],
             r["duties_stated"], r["duties"], r["duties_per_post"], r["robust_z"], r["notices_only"], r["checks"])
            for r in rows] == [
        (PARKS, 12, 10, 3, 1, 3, 4, 0.333, 0.0, False, []),
        (EMERGENCY, None, None, None, None, None, 1, None, None, True,
         ["图中没有该部门的三定，本行仅据调整通知：划入职责1项、行政编制3名，不计算人均职责数"]),
        (FORESTRY, 8, 16, 4, -2, 6, 2, 0.25, -1.06, False, []),
        (WATER, 10, 10, 3, None, 4, 4, 0.4, 0.67, False, [])]
    by_name = {row["department"]: row for row in rows}
    assert by_name[FORESTRY]["staff_moves"] == _FORESTRY_MOVES
    assert by_name[FORESTRY]["duty_changes"] == [
        {"status": "transferred", "duty": "负责森林防火的监督管理。", "other": EMERGENCY, "source": f"{_NOTICE}二、"},
        {"status": "transferred", "duty": "负责城市绿化的监督管理。", "other": PARKS, "source": f"{_NOTICE}一、"},
        {"status": "cancelled", "duty": "负责林木种苗生产经营许可。", "other": None, "source": f"{_NOTICE}三、"},
        {"status": "devolved", "duty": "负责林业有害生物防治检疫。", "other": "各县（区）", "source": f"{_NOTICE}四、"}]
    moved_in = {"status": "moved_in", "other": FORESTRY}
    assert by_name[PARKS]["duty_changes"] == [{**moved_in, "duty": "城市绿化监督管理", "source": f"{_NOTICE}一、"}]
    assert by_name[EMERGENCY]["duty_changes"] == [{**moved_in, "duty": "森林防火监督管理", "source": f"{_NOTICE}二、"}]
    assert by_name[EMERGENCY]["staff_moves"] == [_move("moved_in", FORESTRY, 3, "二、")]


def test_the_named_query_lists_cuts_and_posts_handed_down_once(forestry: Store) -> None:
    """A cut and posts handed down are the department's edge to itself: one row each, not a move out and in. (The
    query sorts by clause as text: 三、 before 二、.)"""
    rows = with_readable_sources(catalog.run(forestry, "staff_moves", {"region": "澜州市"}), document_titles(forestry))
    assert [(r["department"], r["direction"], r["other"], r["staff"], r["leader_posts"], r["leader_rank"], r["source"])
            for r in rows if r["department"] == FORESTRY] == [
        (FORESTRY, "out", PARKS, 2, 1, "副处级", f"{_NOTICE}一、"), (FORESTRY, "cut", None, 1, 0, "", f"{_NOTICE}三、"),
        (FORESTRY, "out", EMERGENCY, 3, 0, "", f"{_NOTICE}二、"), (FORESTRY, "cut", None, 0, 1, "副处级", f"{_NOTICE}五、"),
        (FORESTRY, "devolved", "各县（区）", 2, 0, "", f"{_NOTICE}四、")]


def test_posts_are_no_work_moved(forestry: Store) -> None:
    """department_transfers lists the work a notice moved, not the posts with it."""
    uid = find_department(forestry, FORESTRY)["uid"]
    assert [(r["direction"], r["other"], r["what"]) for r in catalog.run(
        forestry, "department_transfers", {"department": uid})] == [
        ("out", PARKS, "城市绿化监督管理"), ("out", EMERGENCY, "森林防火监督管理")]


def test_the_profile_s_staffing_counts_cuts_and_leader_posts(forestry: Store) -> None:
    facts = with_readable_sources(department_profile(forestry, FORESTRY)["department"], document_titles(forestry))
    assert (facts["staff_quota"], facts["staff_quota_stated"], facts["leader_posts"], facts["leader_posts_moved"],
            facts["staff_moves"]) == (8, 16, 4, -2, _FORESTRY_MOVES)
    [row] = with_readable_sources(profile_tables(department_profile(forestry, FORESTRY))["facts"],
                                  document_titles(forestry))
    assert [cell_text(row, column, "department_profile.facts") for column in (
        "staff_quota", "leader_posts_moved")] == ["8", "-2"]
    assert cell_text(row, "staff_moves", "department_profile.facts").split("、（")[2:4] == [
        f"变动：核减；行政编制：1；出处：{_NOTICE}三、）",
        f"变动：下放；对方部门：各县（区）；行政编制：2；出处：{_NOTICE}四、）"]


def test_the_report_shows_both_duty_figures_and_the_changes(forestry: Store) -> None:
    section = next(s for s in build_report(forestry, region="澜州市").sections if s.key == "staffing_load")
    shown = ["department", "leader_posts_moved", "duties_stated", "duty_changes", "duties"]
    assert all(column in section.columns for column in shown)
    rows = with_readable_sources(section.rows, document_titles(forestry))
    assert [[cell_text(row, column, section.key) for column in shown] for row in rows][:2] == [
        [PARKS, "1", "3", f"（变动：划入；职责：城市绿化监督管理；对方部门：{FORESTRY}；出处：{_NOTICE}一、）", "4"],
        [EMERGENCY, "", "", f"（变动：划入；职责：森林防火监督管理；对方部门：{FORESTRY}；出处：{_NOTICE}二、）", "1"]]
