"""The page's frame and the 编制负荷 view in headless Chromium: the views' links on one line at 1280 px and all in
sight at 390 px, and 编制负荷's 实有人数 with its 统计时点 where a 实名制统计表 is loaded, with the checks it leads to."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.live_server import serve_corpus
from tests.api.test_browser import DESK, PHONE, SHOTS, _api, _open, browser, site  # noqa: F401  (fixtures)
from tests.api.test_browser_catching_up import _table
from tests.api.test_browser_county import _open_with

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# Each link of the navigation: its top, its left and right edges, and its height; and the nav's own widths.
_NAV = """const nav = document.querySelector('header nav');
return [[...nav.querySelectorAll('a')].map((a) => { const box = a.getBoundingClientRect();
          return [Math.round(box.top), Math.round(box.left), Math.round(box.right), Math.round(box.height)]; }),
        nav.scrollWidth, nav.clientWidth, document.documentElement.clientWidth];"""


@pytest.fixture(scope="module")
def headcount_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """澜州市's departments, the notice that moves the 林业局's posts, and its 实名制统计表 (tests/fixtures/headcount)."""
    paths = [*sorted((FIXTURES / "staff_changes").glob("*.txt")), FIXTURES / "headcount" / "lanzhou_shimingzhi_2024.csv"]
    with serve_corpus(tmp_path_factory.mktemp("headcount-store"), paths, ("澜州市",)) as address:
        yield address


def test_the_views_links_stand_on_one_line_at_1280_px_and_all_in_sight_on_a_phone(browser, site: str) -> None:  # noqa: F811
    try:
        browser.set_window_size(1280, 1000)
        _open(browser, site, "staffing")
        links, wide, shown, _screen = browser.execute_script(_NAV)
        assert len({top for top, _left, _right, _height in links}) == 1, links
        assert wide <= shown  # nothing scrolled out of sight at 1280 px
        browser.save_screenshot(str(SHOTS / "nav-1280.png"))
        browser.set_window_size(*PHONE)
        _open(browser, site, "staffing")
        links, wide, shown, screen = browser.execute_script(_NAV)
        # Wrapped on a phone: every link on the screen, none scrolled away, each tall enough to tap.
        assert all(left >= 0 and right <= screen and height >= 40 for _top, left, right, height in links), links
        assert wide <= shown
        browser.save_screenshot(str(SHOTS / "nav-390.png"))
    finally:
        browser.set_window_size(*DESK)


def test_staffing_shows_the_people_in_post_when_they_were_counted_and_the_checks(
        browser, headcount_site: str) -> None:  # noqa: F811
    _open_with(browser, headcount_site, "staffing", region="澜州市")
    rows = {row["部门"]: row for row in _table(browser, "staffing-table")}
    answered = {row["department"]: row for row in _api(headcount_site, "/api/queries/staffing_load", region="澜州市",
                                                        limit=1000)["items"]}
    assert {name: (row["实有人数"], row["实有人数统计时点"], row["核查发现"].split("\n")) for name, row in rows.items()} == {
        name: ("" if row["staff_actual"] is None else str(row["staff_actual"]), row["staff_actual_as_of"] or "",
               row["checks"] or [""]) for name, row in answered.items()}
    forestry = rows["澜州市林业局"]
    assert (forestry["实有人数"], forestry["实有人数统计时点"], forestry["核查发现"].split("\n")[0]) == (
        "10", "2024-06-30", "超编2名：实有人数10名（《澜州市市直机关机构编制实名制统计表》，统计时点2024-06-30），"
        "核定行政编制8名（2021-01-01核定16名，经2023-04-01调整通知后）")
    browser.save_screenshot(str(SHOTS / "staffing-headcount.png"))
