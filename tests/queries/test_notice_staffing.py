"""Posts a 调整职责机构编制 notice moves between departments (将…1名行政编制划入…, 相应划转行政编制2名): read with their
clause, and counted in staffing_load's and the profile's 编制 after the figure the department's own documents set, that
figure beside it (tests/fixtures/notice_moves: the 林业局 gives 2 posts to the 园林局 with 城市绿化, 1 to the
应急管理局, whose 三定 is not loaded, and which has a row of what the notice moved in). Cuts, posts handed down and
leader posts: tests/queries/test_staff_changes.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.amendment import parse_amendment
from ingest.pipeline import ingest
from queries.profile import department_profile
from queries.profile_tables import profile_tables
from queries.report import build_report, cell_text
from queries.sources import document_titles, with_readable_sources
from queries.staffing import staffing_load
from tests.queries.test_notice_handling import CITY, FIXTURES, FORESTRY, PARKS

_NOTICE = "《关于调整鹤川市林业局职责机构编制的通知》"
_TO_PARKS = {"direction": "moved_out", "other": PARKS, "staff": 2, "leader_posts": None, "leader_rank": None,
             "source": f"{_NOTICE}一、"}
_TO_EMERGENCY = {"direction": "moved_out", "other": "鹤川市应急管理局", "staff": 1, "leader_posts": None,
                 "leader_rank": None, "source": f"{_NOTICE}二、"}
_FROM_FORESTRY = {**_TO_PARKS, "direction": "moved_in", "other": FORESTRY}
_EMERGENCY_ROW = ("鹤川市应急管理局", None, None, [{**_TO_EMERGENCY, "direction": "moved_in", "other": FORESTRY}], None)


@pytest.fixture
def forestry(store: Store) -> Store:
    assert ingest(sorted(FIXTURES.glob("*.txt")), store, region=CITY).failed == []
    return store


def test_a_notice_s_posts_are_read_with_the_duty_they_go_with() -> None:
    """相应划转行政编制2名 after a duty moved is a move between its giver and receiver; 将…1名行政编制划入… names both."""
    path = FIXTURES / "linye_notice_2023.txt"
    parsed = parse_amendment(path, list(enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)))
    assert [(t.source, t.target, t.admin_quota, t.leader_posts, t.where.locator if t.where else None)
            for t in parsed.staff_transfers] == [(FORESTRY, PARKS, 2, 0, "一、"), (FORESTRY, "鹤川市应急管理局", 1, 0, "二、")]
    words = [(1, "关于调整甲市林业局职责机构编制的通知"),
             (2, "一、将甲市林业局的城市绿化监督管理职责划入甲市园林局，同时相应划转3名行政编制。"),
             (3, "二、将甲市林业局的森林防火监督管理职责划入甲市应急管理局，相应划转编制二名。"),
             (4, "三、将甲市林业局的林木种苗质量监督职责划入甲市市场监督管理局。")]
    assert [(t.target, t.admin_quota) for t in parse_amendment(path, words).staff_transfers] == [
        ("甲市园林局", 3), ("甲市应急管理局", 2)]


def _staffing(store: Store) -> list[tuple[Any, ...]]:
    rows = with_readable_sources(staffing_load(store, "鹤川市"), document_titles(store))
    return [(r["department"], r["staff_quota"], r["staff_quota_stated"], r["staff_moves"], r["duties_per_post"])
            for r in rows]


def test_staffing_load_counts_the_posts_a_notice_moved(forestry: Store) -> None:
    """The 林业局's 三定 sets 12 and the 园林局's 10: after the notice, 9 and 12, each move cited (the 应急管理局 has no
    三定, so no figure to add to: its row holds the move alone); duties per post read the figure after the moves, and
    the duties as they stand (the 林业局's 森林防火 clause moved out whole: 4 of its 5)."""
    assert _staffing(forestry) == [(PARKS, 12, 10, [_FROM_FORESTRY], 0.25), _EMERGENCY_ROW,
                                   (FORESTRY, 9, 12, [_TO_PARKS, _TO_EMERGENCY], 0.444)]


_PARKS_NOTICE = """关于调整鹤川市园林局职责机构编制的通知
（2024年5月1日）
一、将鹤川市林业局2名行政编制划入鹤川市园林局。
二、调整后，鹤川市园林局内设机构2个，行政编制14名。
"""
_FORESTRY_2025 = (FIXTURES / "linye_2021.txt").read_text(encoding="utf-8").replace(
    "行政编制12名", "行政编制8名").replace("2021年1月1日", "2025年1月1日")


def test_a_figure_set_after_a_move_counts_it_already(forestry: Store, tmp_path: Path) -> None:
    """A notice's 调整后 totals count its own moves, and those before it: the 园林局 reads 14, with no move beside it;
    the 林业局 gives 2 more (7). A later 三定 of the 林业局 sets its figure afresh: 8, moves before it not counted."""
    (tmp_path / "parks_notice.txt").write_text(_PARKS_NOTICE, encoding="utf-8")
    assert ingest([tmp_path / "parks_notice.txt"], forestry, region=CITY).failed == []
    to_parks = {**_TO_PARKS, "source": "《关于调整鹤川市园林局职责机构编制的通知》一、"}
    assert _staffing(forestry) == [(PARKS, 14, 14, [], 0.214), _EMERGENCY_ROW,
                                   (FORESTRY, 7, 12, [_TO_PARKS, _TO_EMERGENCY, to_parks], 0.571)]
    (tmp_path / "linye_2025.txt").write_text(_FORESTRY_2025, encoding="utf-8")
    assert ingest([tmp_path / "linye_2025.txt"], forestry, region=CITY).failed == []
    assert _staffing(forestry)[2][:4] == (FORESTRY, 8, 8, [])


def test_the_profile_s_staffing_cites_the_notice_beside_the_sanding_s_figure(forestry: Store) -> None:
    facts = with_readable_sources(department_profile(forestry, FORESTRY)["department"], document_titles(forestry))
    assert (facts["staff_quota"], facts["staff_quota_stated"], facts["staff_moves"]) == (
        9, 12, [_TO_PARKS, _TO_EMERGENCY])
    [row] = with_readable_sources(profile_tables(department_profile(forestry, FORESTRY))["facts"],
                                  document_titles(forestry))
    assert [cell_text(row, column, "department_profile.facts") for column in (
        "staff_quota", "staff_quota_stated", "staff_moves")] == [
        "9", "12", f"（变动：划出；对方部门：{PARKS}；行政编制：2；出处：{_NOTICE}一、）、"
                   f"（变动：划出；对方部门：鹤川市应急管理局；行政编制：1；出处：{_NOTICE}二、）"]


def test_the_report_shows_the_figure_set_beside_the_one_used(forestry: Store) -> None:
    section = next(s for s in build_report(forestry, region="鹤川市").sections if s.key == "staffing_load")
    assert section.columns[1:5] == ["department", "staff_quota", "staff_quota_stated", "staff_moves"]
    assert [[cell_text(row, column, section.key) for column in section.columns[2:4]] for row in section.rows] == [
        ["12", "10"], ["", ""], ["9", "12"]]
