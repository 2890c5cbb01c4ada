"""市县事权's counties side by side (headless Chromium, the sample corpus): 河西区 and 青山县 in one chart and its table
of buttons, the numbers the API's `counties` table gives, each a click away from its matters, and the matters where
one county differs (user test: the analyst chose each county in turn to see that 青山县 holds 5 住建 shared matters
where 河西区 holds 3). At 1280 px and 1920 px, with the cell list's 方式 on one line."""

from __future__ import annotations

import time

from selenium.webdriver.support.select import Select

from tests.api.test_browser import SHOTS, _open, _wait, browser, site  # noqa: F401  (fixtures)
from tests.api.test_browser_views import _choose_county, _table

DIFFERING = [["住房城乡建设 · 市县共有", "3", "5", "是"], ["农业农村 · 县级专有", "2", "3", "是"],
             ["农业农村 · 委托", "0", "1", "是"], ["城市管理 · 县级专有", "1", "0", "是"],
             ["城市管理 · 市县共有", "3", "4", "是"], ["市场监管 · 委托", "0", "1", "是"], ["应急管理 · 委托", "0", "1", "是"]]


def _show(browser, wanted: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    Select(browser.find_element("id", "split-counties-share")).select_by_value(wanted)
    time.sleep(0.5)


def _chart(browser) -> tuple[list[str], list[str], list[list[int]]]:  # type: ignore[no-untyped-def]  # noqa: F811
    option = browser.execute_script("return window.dutygraph.charts['chart-counties'].getOption()")
    values = [item["value"] if isinstance(item, dict) else item for item in option["series"][0]["data"]]
    return option["xAxis"][0]["data"], option["yAxis"][0]["data"], values


def test_the_counties_side_by_side_and_their_differences(browser, site: str) -> None:  # noqa: F811
    for width in (1280, 1920):
        browser.set_window_size(width, 1000)
        try:
            _open(browser, site, "split")
            _side_by_side_shown(browser, width)
        finally:
            browser.set_window_size(1400, 1000)


def _side_by_side_shown(browser, width: int) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert browser.find_element("id", "split-counties-title").text == "各县（区）对比（河西区、青山县）"
    # By default the cells where the counties differ, a row each, the counties by name.
    header, rows = _table(browser, "split-counties-table")
    assert header == ["领域 · 划分方式", "河西区", "青山县", "各县（区）不同"]
    assert rows == DIFFERING
    counties, labels, values = _chart(browser)
    assert counties == ["河西区", "青山县"] and labels == [row[0] for row in DIFFERING]
    assert [value for value in values if value[1] == 0] == [[0, 0, 3], [1, 0, 5]]
    _show(browser, "")
    assert len(_table(browser, "split-counties-table")[1]) == 19
    _show(browser, "delegated")
    assert _table(browser, "split-counties-table")[1] == [
        ["农业农村 · 委托", "0", "1", "是"], ["市场监管 · 委托", "0", "1", "是"], ["应急管理 · 委托", "0", "1", "是"]]
    _show(browser, "differs")
    # A number's matters: 青山县's 5 住建 shared ones, listed as the heatmap's cells list theirs.
    browser.execute_script("document.getElementById('split-counties-box').open = true")
    browser.execute_script("window.dutygraph.ready.splitCell = false")
    browser.find_element("css selector", "#split-counties-table tbody tr:first-child td:nth-child(3) button").click()
    _wait(browser, "return document.getElementById('split-cell-title').textContent.includes('：5 项')")
    assert browser.find_element("id", "split-cell-title").text == "青山县 · 住房城乡建设 · 市县共有：5 项"
    header, listed = _table(browser, "split-matters")
    assert [row[0] for row in listed] == ["商品房预售许可", "建筑工程施工许可", "建设工程消防验收", "房地产开发企业资质核定",
                                          "燃气经营许可"]
    assert {row[2] for row in listed} == {"市县共有"}
    # 方式 on one line: 县级专有 wrapped after 县级 at 1920 px.
    browser.execute_script("window.dutygraph.ready.splitCell = false")
    browser.find_element("css selector", "#split-counties-table tbody tr:nth-child(4) td:nth-child(2) button").click()
    _wait(browser, "return document.getElementById('split-cell-title').textContent.startsWith('河西区 · 城市管理 · 县级专有')")
    role = browser.execute_script("""const td = document.querySelector('#split-matters tbody td:nth-child(3)');
        return [td.textContent, td.getClientRects().length, getComputedStyle(td).whiteSpace, td.offsetHeight,
                parseFloat(getComputedStyle(td).lineHeight) || 0];""")
    assert role[:3] == ["县级专有", 1, "nowrap"]
    # The differences, every county's for the whole city.
    assert browser.find_element("id", "split-differences-title").text == "县（区）间差异（8）"
    header, rows = _table(browser, "split-differences")
    assert header == ["县（区）", "差异", "领域", "划分方式", "事项", "出处"]
    assert rows[0][:5] == ["河西区", "仅此县（区）持有", "城市管理", "县级专有", "门店招牌设置备案"]
    assert [row[4] for row in rows[1:]] == ["商品房预售许可", "燃气经营许可", "农村宅基地审批管理", "农药经营许可",
                                            "城市建筑垃圾处置核准", "特种设备使用登记", "地震监测设施和观测环境保护"]
    browser.execute_script("document.getElementById('split-counties-title').scrollIntoView()")
    browser.save_screenshot(str(SHOTS / f"split_counties_{width}.png"))
    browser.execute_script("document.getElementById('split-cell-title').scrollIntoView()")
    browser.save_screenshot(str(SHOTS / f"split_counties_cell_{width}.png"))
    # A county chosen: the comparison stays both counties', bold for the one chosen; the differences are its own.
    _choose_county(browser, "示例市/河西区")
    assert _table(browser, "split-counties-table")[1] == DIFFERING
    assert browser.find_element("id", "split-differences-title").text == "河西区与其他县（区）的差异（1）"
    assert [row[4] for row in _table(browser, "split-differences")[1]] == ["门店招牌设置备案"]
    _choose_county(browser, "")  # the page keeps the county chosen: the next width starts from the whole city
