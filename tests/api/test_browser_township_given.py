"""谁来管 on the page (headless Chromium) says what a 赋予乡镇（街道）县级行政执法权事项清单 settles, under the row the API
puts it on (乡镇赋权说明): the named township handles the given work, or the townships where it happened do."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.live_server import serve_corpus
from tests.api.test_browser import SHOTS, browser, site  # noqa: F401  (fixtures)
from tests.api.test_browser_county import _open_with

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "xiangzhen_fuquan"
TOWNSHIPS = "各乡镇人民政府（综合行政执法办公室）"
GIVEN = "乡镇赋权说明：已赋予乡镇（街道）：对露天焚烧垃圾的处罚，"


@pytest.fixture(scope="module")
def county_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """云岭县's 赋权清单, its departments' 三定 and lists, and 青石镇's and 白水乡's (tests/fixtures/xiangzhen_fuquan)."""
    with serve_corpus(tmp_path_factory.mktemp("given-store"), [CORPUS], ("澄州市", "云岭县")) as address:
        yield address


def _results(browser) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]  # noqa: F811
    """Each candidate's heading and the 乡镇赋权说明 under it ('' where none)."""
    return [(row[0], row[1]) for row in browser.execute_script("""
        return [...document.querySelectorAll('#search-results .result')].map((r) => [
          r.querySelector('h3').firstChild.textContent, r.querySelector('p.devolved')?.textContent || '']);""")]


def test_the_answer_says_who_exercises_given_work(browser, county_site: str) -> None:  # noqa: F811
    _open_with(browser, county_site, "search", text="青石镇有人露天焚烧垃圾", region="澄州市/云岭县")
    assert _results(browser) == [
        ("1. 青石镇人民政府（综合行政执法办公室）",
         f"{GIVEN}由青石镇人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）"),
        ("2. 云岭县综合行政执法局（市容执法股）", ""), ("3. 白水乡人民政府", "")]
    browser.save_screenshot(str(SHOTS / "search-township-given.png"))
    # No township named: the first row and the townships' say the power lies with the one where it happened.
    _open_with(browser, county_site, "search", text="有人露天焚烧垃圾", region="澄州市/云岭县")
    anywhere = f"{GIVEN}由事发地乡镇（街道）人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）"
    assert _results(browser) == [
        ("1. 云岭县综合行政执法局（市容执法股）", anywhere), (f"2. {TOWNSHIPS}", anywhere), ("3. 青石镇人民政府", ""),
        ("4. 白水乡人民政府", "")]
