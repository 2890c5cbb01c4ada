"""The page shows offices as their 三定 writes them, each power item's 承办科室 and each claimed supervision item's 编码
and 设定依据 in a department's profile, and the power split's third table, 县（区）权责清单未列的事项, like the other two (headless Chromium, the sample corpus)."""

from __future__ import annotations

import urllib.parse

from queries.sources import readable_source
from tests.api.test_browser import SHOTS, _api, _downloads, _open, _wait, browser, site, site_titles  # noqa: F401
from tests.api.test_browser_views import _choose_county, _table
from tests.queries.test_report_department import HEXI_CLAIMED


def _profile_tables(browser) -> dict[str, list[list[str]]]:  # type: ignore[no-untyped-def]  # noqa: F811
    tables = browser.execute_script("""return [...document.querySelectorAll('#department-details h3')].map((h) =>
        [h.firstChild.textContent, [...h.nextElementSibling.querySelectorAll('tr')].map((tr) =>
          [...tr.children].map((c) => c.textContent))]);""")
    return {title.split("（")[0]: rows for title, rows in tables}


def test_the_profile_shows_offices_as_written_and_each_power_item_s_office(browser, site: str) -> None:  # noqa: F811
    browser.get("about:blank")
    browser.get(f"{site}/#department?name=" + urllib.parse.quote("青山县市场监督管理局"))
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.department === true")
    titles = site_titles(site)
    tables = _profile_tables(browser)
    items = tables["权责事项"]
    # 编码 and 设定依据 as the list gives them (责任事项 and 追责情形, paragraphs in a real list, are in its CSV only).
    assert items[0] == ["事项", "类型", "编码", "承办科室", "设定依据", "出处"]
    assert [row[:5] for row in items[1:]] == [
        ["对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚", "行政处罚", "QS01-CF-004", "综合执法股",
         "《中华人民共和国产品质量法》第四十九条"],
        ["对电梯等特种设备的安全检查", "行政检查", "QS01-JC-003", "特种设备安全监察股", "《中华人民共和国特种设备安全法》第五十七条"],
        ["消费者权益争议调解", "其他行政权力", "QS01-QT-006", "消费者权益保护与知识产权股", "《中华人民共和国消费者权益保护法》第三十九条"],
        ["特种设备使用登记", "行政许可", "QS01-XK-002", "特种设备安全监察股", "《中华人民共和国特种设备安全法》第三十三条"],
        ["食品小作坊、小餐饮登记", "其他行政权力", "QS01-QT-005", "食品安全监管股（县食品安全委员会办公室）",
         "《中华人民共和国食品安全法》第三十六条"],
        ["食品经营许可", "行政许可", "QS01-XK-001", "法规股（行政审批股）", "《中华人民共和国食品安全法》第三十五条"]]
    assert items[-1][5] == readable_source(
        _api(site, "/api/departments/" + urllib.parse.quote("青山县市场监督管理局"))["power_items"][-1]["source"],
        titles) == "权责清单（quanze_qingshan.csv）序号1（第2行）"
    assert "法规股（行政审批股）" in [row[0] for row in tables["内设机构及其职责"]]
    assert tables["部门职责"][2][3] == "信用监管股、法规股（行政审批股）"
    browser.execute_script("""const h = [...document.querySelectorAll('#department-details h3')]
        .find((x) => x.firstChild.textContent.startsWith('权责事项')); h.scrollIntoView();""")
    browser.save_screenshot(str(SHOTS / "profile_power_items.png"))


def test_the_profile_shows_each_claimed_supervision_item_s_code_and_basis(browser, site: str) -> None:  # noqa: F811
    """A claimed 监管事项's 编码 and 设定依据 as its 目录 writes them, as a power item's are shown."""
    browser.get("about:blank")
    browser.set_window_size(1280, 1000)  # the narrowest screen the page is laid out for
    try:
        browser.get(f"{site}/#department?name=" + urllib.parse.quote("示例市河西区市场监督管理局"))
        _wait(browser, "return window.dutygraph && window.dutygraph.ready.department === true")
        _supervision_items_shown(browser)
    finally:
        browser.set_window_size(1400, 1000)


def _supervision_items_shown(driver) -> None:  # type: ignore[no-untyped-def]
    items = _profile_tables(driver)["认领的监管事项"]
    assert items[0] == ["事项", "监管对象", "编码", "设定依据", "出处"]
    assert [row[:4] for row in items[1:]] == HEXI_CLAIMED
    # At 1280 px the table stays within the page: the two columns push it past no edge.
    width = driver.execute_script("""const h = [...document.querySelectorAll('#department-details h3')]
        .find((x) => x.firstChild.textContent.startsWith('认领的监管事项')); h.scrollIntoView();
        return [h.nextElementSibling.getBoundingClientRect().right, document.documentElement.clientWidth];""")
    assert width[0] <= width[1], width
    driver.save_screenshot(str(SHOTS / "profile_supervision_items.png"))


def test_the_split_lists_the_matters_no_county_list_carries(browser, site: str) -> None:  # noqa: F811
    titles = site_titles(site)
    _open(browser, site, "split")
    unlisted = _api(site, "/api/queries/power_split", city="示例市")["unlisted"]
    assert browser.find_element("id", "split-unlisted-title").text == f"县（区）权责清单未列的事项（{len(unlisted)}）"
    header, rows = _table(browser, "split-unlisted")
    assert header == ["事项", "划分方式", "区划", "部门", "其权责清单所列事项数", "出处"]
    assert len(unlisted) == 15 and rows == [
        [r["matter"], {"county_exclusive": "县级专有", "shared": "市县共有", "delegated": "委托"}[r["share"]],
         r["region"].rsplit("/", 1)[1], r["department"], str(r["listed_items"]), readable_source(r["source"], titles)]
        for r in unlisted]
    assert rows[:2] == [
        ["农村公路建设养护管理", "市县共有", "青山县", "青山县交通运输局", "4",
         "市县事权划分清单（shixian_shiquan.xlsx）工作表“市场监管和城乡建设”序号10（第11行）"],
        ["机动车维修经营备案", "县级专有", "青山县", "青山县交通运输局", "4", "市县事权划分清单（shixian_shiquan.csv）编号3（第4行）"]]
    assert _downloads(browser, "split-unlisted-downloads") == {
        "下载 CSV": ("/api/queries/power_split", {"city": ["示例市"], "table": ["unlisted"], "format": ["csv"]}),
        "下载 Excel": ("/api/queries/power_split", {"city": ["示例市"], "table": ["unlisted"], "format": ["xlsx"]})}
    # A county chosen: its rows only, and its files hold them.
    _choose_county(browser, "示例市/河西区")
    hexi = [r for r in unlisted if r["region"] == "示例市/河西区"]
    assert browser.find_element("id", "split-unlisted-title").text == f"河西区权责清单未列的事项（{len(hexi)}）"
    assert [row[0] for row in _table(browser, "split-unlisted")[1]] == [r["matter"] for r in hexi]
    assert _downloads(browser, "split-unlisted-downloads")["下载 Excel"] == (
        "/api/queries/power_split",
        {"city": ["示例市"], "region": ["示例市/河西区"], "table": ["unlisted"], "format": ["xlsx"]})
    _choose_county(browser, "")
    browser.execute_script("document.getElementById('split-unlisted-title').scrollIntoView()")
    browser.save_screenshot(str(SHOTS / "power_split_unlisted.png"))
