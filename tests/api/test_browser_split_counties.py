"""市县事权 for an analyst of a city's split whose counties the graph does not hold (headless Chromium): 青岩市's
档案 lists (tests/fixtures/level_split) name no county (适用区县 全部), so the comparison with its counties has nothing
to compare, and says so instead of drawing an empty series that reads as counties holding nothing (user test)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.live_server import serve_corpus
from tests.api.test_browser import SHOTS, _open, browser  # noqa: F401  (fixtures)

LEVEL_SPLIT = Path(__file__).resolve().parents[1] / "fixtures" / "level_split"


@pytest.fixture(scope="module")
def city_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_corpus(tmp_path_factory.mktemp("split-no-county"), [LEVEL_SPLIT], ("青岩市",)) as address:
        yield address


def test_a_city_without_counties_says_there_is_nothing_to_compare(browser, city_site: str) -> None:  # noqa: F811
    _open(browser, city_site, "split")
    compare = browser.execute_script("return window.dutygraph.charts['chart-compare'].getOption()")
    assert (compare["title"][0]["text"], compare["title"][0]["subtext"]) == (
        "青岩市 与 各县（区）合计 持有事项对比", "图中没有青岩市的县（区）（未载入县级文件），无从对比")
    # The city's own bars are drawn; the counties' series is all zeros, said above it.
    assert [(series["name"], series["data"]) for series in compare["series"]] == [
        ("青岩市", [3, 14]), ("各县（区）合计", [0, 0])]
    assert compare["yAxis"][0]["data"] == ["未分类", "档案"]
    # The subtitle pushes the legend and the bars down, so it overlaps neither.
    assert (compare["legend"][0]["top"], compare["grid"][0]["top"]) == (60, 100)
    browser.save_screenshot(str(SHOTS / "split-no-county.png"))
