"""The page for a county's 编办 (headless Chromium): 概览 for one 区划, counted and linked for it; 市县事权's conflicts
of a county between the city and that county alone; and, for a county loaded without its city, why 上下级 finds
nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.api.live_server import serve_corpus
from tests.api.test_browser import SHOTS, _open, _wait, browser, site  # noqa: F401  (fixtures)

COUNTY = Path(__file__).resolve().parents[1] / "fixtures" / "county"
QINGSHAN = "示例市/青山县"


def _open_with(browser, site: str, view: str, **params: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """A view opened by a link that carries its choices (`#overlaps?region=…`)."""
    browser.get(f"{site}/#{view}?{urlencode(params)}")
    _wait(browser, f"return window.dutygraph && window.dutygraph.ready['{view}'] === true")


def _rows(browser, box: str) -> list[list[str]]:  # type: ignore[no-untyped-def]  # noqa: F811
    return list(browser.execute_script(f"""
        return [...document.querySelectorAll('#{box} tr')].slice(1)
          .map((tr) => [...tr.children].map((cell) => cell.textContent));"""))


def _choose(browser, box: str, value: str, view: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from selenium.webdriver.support.select import Select

    browser.execute_script(f"window.dutygraph.ready.{view} = false")
    Select(browser.find_element("id", box)).select_by_value(value)
    _wait(browser, f"return window.dutygraph.ready.{view} === true")


def _links(browser) -> dict[str, str]:  # type: ignore[no-untyped-def]  # noqa: F811
    return {a.text: a.get_attribute("hash") for a in browser.find_elements("css selector", "#findings-links a")}


def test_the_overview_counts_and_links_the_region_chosen(browser, site: str) -> None:  # noqa: F811
    """陈主任 saw the whole city's counts (user test): 青山县 chosen, every card and finding is its own, and each link
    opens its view with 青山县 chosen."""
    _open(browser, site, "overview")
    # Departments with a 三定; the parties lists name without one (城关镇, 青山县公安局 …) said beside them.
    assert browser.find_element("css selector", "#counts .count:nth-child(2)").text == "26\n部门（另有 8 个仅见于清单）"
    _choose(browser, "overview-region", QINGSHAN, "overview")
    assert browser.execute_script("return location.hash") == "#overview?" + urlencode({"region": QINGSHAN})
    assert [card.text for card in browser.find_elements("css selector", "#counts .count")] == [
        "1\n区划（另有 2 个镇/街道）", "7\n部门（另有 2 个仅见于清单）", "43\n内设机构", "161\n职责", "26\n共同事项", "26\n权责事项", "0\n监管事项",
        "10\n文件"]

    def scoped(view: str, **params: str) -> str:
        return f"#{view}?{urlencode({**params, 'region': QINGSHAN})}"

    assert _links(browser) == {
        "职责交叉（同级部门）：1": scoped("overlaps", scope="departments"), "职责交叉（上下级）：4": scoped("overlaps", scope="levels"),
        "职责交叉（内设机构）：1": scoped("overlaps", scope="offices"), "主办/协办不清：2": scoped("ambiguities"),
        "三不管事项：本区划未载入监管事项目录": scoped("orphans"), "未分解职责：2": scoped("undecomposed"),
        "无职责的内设机构：1": scoped("undecomposed"), "已取消/下放仍在承担：0": scoped("undecomposed"), "编制异常：0": scoped("staffing", outliers="1"),
        "事权冲突：4": "#split?" + urlencode({"city": "示例市", "county": QINGSHAN}),
        "职责划转未落实：0": scoped("transfers")}
    assert browser.execute_script("return window.dutygraph.charts['chart-findings'].getOption().title[0].text") == \
        "发现的问题（按类，青山县）"
    # 三不管 has no bar where no 目录 is loaded (a 0 beside the link's 未载入 read as none found): the subtitle names it.
    findings = browser.execute_script("return window.dutygraph.charts['chart-findings'].getOption()")
    assert "三不管事项" not in findings["yAxis"][0]["data"] and len(findings["yAxis"][0]["data"]) == 10
    assert findings["title"][0]["subtext"] == "未载入相应清单，不计：三不管事项"
    browser.save_screenshot(str(SHOTS / "overview-county.png"))
    # A link opens its view for 青山县: the four clashes of its departments with the city's they mirror.
    browser.find_element("link text", "职责交叉（上下级）：4").click()
    _wait(browser, "return location.hash.startsWith('#overlaps') && window.dutygraph.ready.overlaps === true")
    assert [browser.find_element("id", f"overlap-{box}").get_attribute("value") for box in ("region", "scope")] == [
        QINGSHAN, "levels"]
    assert len(_rows(browser, "overlap-table")) == 4
    # Back to 全部: the whole graph's counts again, and the address without a region.
    _open_with(browser, site, "overview", region=QINGSHAN)
    _choose(browser, "overview-region", "", "overview")
    assert browser.execute_script("return location.hash") == "#overview"
    assert _links(browser)["事权冲突：4"] == "#split"
    assert browser.find_element("css selector", "#counts .count").text == "3\n区划（另有 4 个镇/街道）"


def test_a_county_s_split_conflicts_lie_between_the_city_and_it(browser, site: str) -> None:  # noqa: F811
    """Its conflicts table named 河西区 beside 青山县 (user test): chosen from the overview's link, 青山县's table holds
    its part only, under its name."""
    _open_with(browser, site, "overview", region=QINGSHAN)
    browser.find_element("link text", "事权冲突：4").click()
    _wait(browser, "return location.hash.startsWith('#split') && window.dutygraph.ready.split === true")
    assert browser.find_element("id", "split-county").get_attribute("value") == QINGSHAN
    assert browser.find_element("id", "split-conflicts-title").text == "事权划分冲突（青山县）"
    assert [row[1:4] for row in _rows(browser, "split-conflicts")] == [
        ["道路普通货物运输经营许可", "示例市交通运输局", "青山县"],
        ["城市生活垃圾经营性清扫、收集、运输、处理服务审批", "", "示例市、青山县"],
        ["城市道路占用、挖掘审批", "", "示例市、青山县"], ["食品安全抽样检验", "", "示例市、青山县"]]
    _choose(browser, "split-county", "", "split")
    assert browser.find_element("id", "split-conflicts-title").text == "事权划分冲突"
    # The holding regions by name, their paths in the cell's title.
    assert _rows(browser, "split-conflicts")[0][3] == "河西区、青山县"
    assert browser.execute_script("return document.querySelector('#split-conflicts tbody tr').children[3].title") \
        == "示例市/河西区、示例市/青山县"


@pytest.fixture(scope="module")
def county_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """松山县's own documents, loaded without any of 临海市's (tests/fixtures/county)."""
    with serve_corpus(tmp_path_factory.mktemp("county-store"), [COUNTY], ("松山县",)) as address:
        yield address


def test_overlaps_across_levels_say_the_city_is_not_loaded(browser, county_site: str) -> None:  # noqa: F811
    """The page said to lower the threshold, where no threshold finds a clash with a city none of whose 三定 is loaded:
    it says so, as the CLI and the report do."""
    _open_with(browser, county_site, "overlaps", region="临海市/松山县", scope="levels")
    empty = browser.find_element("id", "overlap-empty")
    assert empty.is_displayed() and empty.text == (
        "松山县上下级对口部门之间未发现职责交叉：图中没有临海市的部门三定（未载入市级文件），上下对口、上下级职责交叉和"
        "与市级对口部门的比较均无从得出。")
    # Among its own departments there is nothing to find either, and nothing is said of the city.
    _open_with(browser, county_site, "overlaps", region="临海市/松山县", scope="departments")
    assert browser.find_element("id", "overlap-empty").text == "松山县同级部门之间未发现相似度 ≥ 0.5 的职责交叉；可降低阈值或改选范围。"


def test_the_overview_of_a_county_loaded_alone_says_what_is_not_loaded(browser, county_site: str) -> None:  # noqa: F811
    """三不管 0 and 事权冲突 0 read as none found where no 目录 and no split list was loaded: said instead, the split
    list as its city's to load."""
    _open_with(browser, county_site, "overview", region="临海市/松山县")
    links = _links(browser)
    assert [text for text in links if text.startswith(("三不管", "事权冲突"))] == [
        "三不管事项：本区划未载入监管事项目录", "事权冲突：未载入临海市的市县事权划分清单（该清单由市级制定，请载入临海市的清单）"]
    assert links["事权冲突：未载入临海市的市县事权划分清单（该清单由市级制定，请载入临海市的清单）"] == "#split?" + urlencode(
        {"city": "临海市", "county": "临海市/松山县"})
