"""The page's finding views after user test 5 (headless Chromium, the sample corpus): 市县事权 follows the county and
names holders and sources, every chart saves as an image, printing shows only the content, the overlap network is
the same on every load, empty answers say why, the overview counts say what they count, 职责交叉 shows 未明确 and
出处, 编制负荷 shows what the report shows, and the page has an icon."""

from __future__ import annotations

import csv
import io
import time
from typing import Any
from urllib.parse import urlencode
from urllib.request import urlopen

from queries.sources import Cited, readable_source
from tests.api.test_browser import _api, _open, _wait, browser, site, site_titles  # noqa: F401  (fixtures)


def _table(browser, box: str) -> tuple[list[str], list[list[str]]]:  # type: ignore[no-untyped-def]  # noqa: F811
    """A table's header and rows, as text, from the element with id `box` (or `box`-table)."""
    rows = browser.execute_script(f"""
        const box = document.getElementById('{box}-table') || document.getElementById('{box}');
        return [...box.querySelectorAll('tr')].map((tr) => [...tr.children].map((cell) => cell.textContent));""")
    return rows[0], rows[1:]


def _titles(site: str) -> dict[str, Cited]:  # noqa: F811
    """Each document (and sheet) as the server's files cite it: the page must agree."""
    return site_titles(site)


def _source(titles: dict[str, Cited], source: str) -> str:
    return readable_source(source, titles)


def _click_cell(browser, domain: str, share_index: int) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from selenium.webdriver.common.action_chains import ActionChains

    x, y = browser.execute_script(f"""
        const chart = window.dutygraph.charts['chart-heatmap'];
        const row = chart.getOption().yAxis[0].data.indexOf('{domain}');
        return chart.convertToPixel({{seriesIndex: 0}}, [{share_index}, row]);""")
    canvas = browser.find_element("css selector", "#chart-heatmap canvas")
    browser.execute_script("window.dutygraph.ready.splitCell = false")
    ActionChains(browser).move_to_element_with_offset(canvas, int(x - canvas.size["width"] / 2),
                                                      int(y - canvas.size["height"] / 2)).click().perform()
    _wait(browser, "return window.dutygraph.ready.splitCell === true")


def _choose_county(browser, value: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from selenium.webdriver.support.select import Select

    browser.execute_script("window.dutygraph.ready.split = false")
    Select(browser.find_element("id", "split-county")).select_by_value(value)
    _wait(browser, "return window.dutygraph.ready.split === true")
    time.sleep(0.8)


def _heatmap(browser) -> tuple[str, dict[tuple[str, str], int]]:  # type: ignore[no-untyped-def]  # noqa: F811
    option = browser.execute_script("return window.dutygraph.charts['chart-heatmap'].getOption()")
    domains, shares = option["yAxis"][0]["data"], option["xAxis"][0]["data"]
    values = [item["value"] if isinstance(item, dict) else item for item in option["series"][0]["data"]]
    return option["title"][0]["text"], {(domains[y], shares[x]): n for x, y, n in values}


def _empty_cells(browser) -> list[list[int]]:  # type: ignore[no-untyped-def]  # noqa: F811
    """The heatmap's cells drawn grey, off the colour scale: those of no matters."""
    return browser.execute_script("""
        return window.dutygraph.charts['chart-heatmap'].getOption().series[0].data
          .filter((item) => item.value && item.visualMap === false && item.itemStyle.color === '#eeeeee')
          .map((item) => item.value);""")


def _links(browser, box: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]  # noqa: F811
    """The download links in the element with id `box`: each one's text and the address it asks for (its path and
    query: the page writes them relative to itself)."""
    links = browser.execute_script(f"""
        return [...document.querySelectorAll('#{box} a')].map((a) => [a.textContent,
                                                                      decodeURIComponent(a.pathname + a.search)]);""")
    return [(text, href) for text, href in links]


def test_the_heatmap_follows_the_county_and_a_cell_names_who_holds_what(browser, site: str) -> None:  # noqa: F811
    titles = _titles(site)
    _open(browser, site, "split")
    title, cells = _heatmap(browser)
    assert title == "示例市 全市事权划分（领域 × 划分方式）" and cells[("城市管理", "县级专有")] == 1
    assert _empty_cells(browser) == []  # city-wide, every cell drawn holds a matter
    assert _links(browser, "split-downloads") == [
        ("下载 CSV", "/api/queries/power_split?city=示例市&table=cells&format=csv"),
        ("下载 Excel", "/api/queries/power_split?city=示例市&format=xlsx")]
    _choose_county(browser, "示例市/青山县")
    title, cells = _heatmap(browser)
    # 门店招牌设置备案 is 河西区's: 青山县's cell is 0, and clicking it says so instead of listing 河西区's matter.
    assert title == "青山县 持有的事项（领域 × 划分方式）"
    assert (cells[("城市管理", "县级专有")], cells[("交通运输", "县级专有")], cells[("交通运输", "市级专有")]) == (0, 2, 0)
    # The cells 青山县 holds nothing in are grey, not the scale's low end (user test), and only those.
    shares, domains = ["市级专有", "县级专有", "市县共有", "委托"], sorted({d for d, _ in cells})
    assert sorted((domains[y], shares[x]) for x, y, _n in _empty_cells(browser)) == sorted(
        cell for cell, n in cells.items() if n == 0)
    # The files hold the county's matters, as the heatmap does (user test: the city's whole split).
    assert _links(browser, "split-downloads") == [
        ("下载 CSV", "/api/queries/power_split?city=示例市&region=示例市/青山县&table=cells&format=csv"),
        ("下载 Excel", "/api/queries/power_split?city=示例市&region=示例市/青山县&format=xlsx")]
    _click_cell(browser, "城市管理", 1)
    assert browser.find_element("id", "split-cell-title").text == "青山县 · 城市管理 · 县级专有：0 项"
    assert browser.find_element("id", "split-matters").text == "青山县在“城市管理 · 县级专有”中没有事项（其他县区的见“全市”）"
    _click_cell(browser, "交通运输", 1)
    header, rows = _table(browser, "split-matters")
    assert header == ["事项", "持有区划", "方式", "实施部门", "部门依据", "本级职责", "出处"]
    holdings = _api(site, "/api/queries/power_split/matters", city="示例市", domain="交通运输",
                    share="county_exclusive", region="示例市/青山县")["holdings"]
    assert rows == [
        ["机动车维修经营备案", "青山县", "县级专有", "青山县交通运输局", "按领域推定（无对应权责事项）", "",
         _source(titles, holdings[0]["source"])],
        ["道路普通货物运输经营许可", "青山县", "县级专有", "青山县交通运输局",
         f"实施权责事项“道路普通货物运输经营许可”（{_source(titles, holdings[1]['item_source'])}）",
         "负责本行政区域内道路普通货物运输经营许可", _source(titles, holdings[1]["source"])]]
    assert rows[0][6] == "市县事权划分清单（shixian_shiquan.csv）编号3（第4行）"
    # The list as a file (user test: it had no download), the cell's and the county's.
    cell_query = "city=示例市&domain=交通运输&share=county_exclusive&region=示例市/青山县"
    assert _links(browser, "split-cell-downloads") == [
        ("下载 CSV", f"/api/queries/power_split/matters?{cell_query}&format=csv"),
        ("下载 Excel", f"/api/queries/power_split/matters?{cell_query}&format=xlsx")]
    # Back to 全市: the cell lists each holding region.
    _choose_county(browser, "")
    assert browser.find_element("id", "split-cell-title").text == "点击热力图的格子，列出其中的事项"
    _click_cell(browser, "城市管理", 1)
    assert [row[:4] for row in _table(browser, "split-matters")[1]] == [
        ["门店招牌设置备案", "河西区", "县级专有", "河西区城市管理和综合执法局"]]


def test_the_conflicts_show_their_source(browser, site: str) -> None:  # noqa: F811
    _open(browser, site, "split")
    header, rows = _table(browser, "split-conflicts")
    assert header == ["冲突类型", "事项", "市级部门", "持有区划", "涉及部门", "出处"]
    # As the files name them (queries.sources): a row of a workbook of several departments' lists cites its sheet's
    # title, or the file where the sheet has none, not the workbook's first title (it read 《…城市管理和综合执法局权责清单》).
    with urlopen(f"{site}/api/queries/power_split?{urlencode({'city': '示例市', 'format': 'csv', 'table': 'conflicts'})}",
                 timeout=30) as answer:
        in_file = list(csv.DictReader(io.StringIO(answer.read().decode("utf-8-sig"))))
    # The kind too, in the files' words (the page said 县级专有事项仍由市级部门实施 where they say …仍列入市级部门权责清单).
    assert [(row[0], row[4], row[5]) for row in rows] == [(line["冲突类型"], line["涉及部门"], line["出处"])
                                                          for line in in_file]
    assert "权责清单（quanze_shi_multi.xlsx）工作表“市交通运输局”编号1（第2行）" in in_file[0]["出处"]
    # Read by people: every conflict cites a document by title, or by file name when the list has no title.
    # The holding regions by name, as the other tables of the view give them (the paths read as a wall of 示例市/…).
    assert sorted({row[3] for row in rows}) == ["河西区、青山县", "示例市、河西区、青山县"]
    assert len(rows) == 4 and all(row[5] and not row[5].startswith("doc:") and "《》" not in row[5] for row in rows)


CHARTS = {"overview": ["chart-findings"], "overlaps": ["chart-overlaps"], "split": ["chart-heatmap", "chart-compare"],
          "department": ["chart-categories", "chart-neighbours"]}


# What 保存为图片 downloads, caught at the link's click: the file name and the kind of data it holds.
SAVED = """
const id = arguments[0];
const caught = [];
const click = HTMLAnchorElement.prototype.click;
HTMLAnchorElement.prototype.click = function () { caught.push([this.download, this.href.slice(0, 22)]); };
const button = document.querySelector(`.chart-save[data-chart-id="${id}"]`);
button.click();
HTMLAnchorElement.prototype.click = click;
return [button.getAttribute('aria-label'), caught];
"""


def test_every_chart_saves_as_an_image_named_for_its_view(browser, site: str) -> None:  # noqa: F811
    saved = {}
    for view, charts in CHARTS.items():
        _open(browser, site, view)
        for chart_id in charts:
            saved[chart_id] = browser.execute_script(SAVED, chart_id)
    png = "data:image/png;base64,"
    assert saved == {
        "chart-findings": ["保存为图片：发现的问题（按类）", [["概览-发现的问题（按类）.png", png]]],
        "chart-overlaps": ["保存为图片：职责交叉网络（11 组）", [["职责交叉-职责交叉网络（11_组）.png", png]]],
        "chart-heatmap": ["保存为图片：示例市 全市事权划分（领域 × 划分方式）",
                          [["市县事权-示例市_全市事权划分（领域_×_划分方式）.png", png]]],
        "chart-compare": ["保存为图片：示例市 与 各县（区）合计 持有事项对比",
                          [["市县事权-示例市_与_各县（区）合计_持有事项对比.png", png]]],
        "chart-categories": ["保存为图片：职责类别", [["部门-职责类别.png", png]]],
        "chart-neighbours": ["保存为图片：协同网络（共同事项）", [["部门-协同网络（共同事项）.png", png]]],
    }
    # A button of the page, not an icon on the canvas: Tab reaches it (user test: keyboard users could not save).
    _open(browser, site, "overview")
    assert browser.execute_script("const b = document.querySelector('.chart-save'); b.focus();"
                                  "return document.activeElement === b && b.tabIndex === 0")


PRINTED = """
const shown = (selector) => [...document.querySelectorAll(selector)].filter((e) => e.offsetParent !== null).length;
return { nav: shown('header'), buttons: shown('#page-split a.button') + shown('#page-split select'),
         hint: shown('#split-cell-title.hint'),
         overflow: [...document.querySelectorAll('#page-split .chart')].map((box) => {
           const canvas = box.querySelector('canvas').getBoundingClientRect();
           return Math.round(canvas.right - box.getBoundingClientRect().right);
         }) };
"""


def test_printing_shows_the_content_and_keeps_charts_inside_the_page(browser, site: str) -> None:  # noqa: F811
    _open(browser, site, "split")
    on_screen = browser.execute_script(PRINTED)
    assert on_screen["nav"] == 1 and on_screen["buttons"] > 0 and on_screen["hint"] == 1
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        # Paper is narrower than the window the charts were drawn for; printing fires no resize to redraw them.
        browser.execute_script("document.querySelector('main').style.width = '700px'")
        printed = browser.execute_script(PRINTED)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        browser.execute_script("document.querySelector('main').style.width = ''")
    # Three charts: the heatmap, the totals compared and the counties side by side.
    assert printed == {"nav": 0, "buttons": 0, "hint": 0, "overflow": [0, 0, 0]}


LAYOUT = """
const series = window.dutygraph.charts['chart-overlaps'].getModel().getSeriesByIndex(0).getData();
return Array.from({length: series.count()}, (_, i) => series.getItemLayout(i).map((v) => Math.round(v * 100) / 100));
"""


def test_the_overlap_network_is_drawn_the_same_on_every_load(browser, site: str) -> None:  # noqa: F811
    layouts = []
    for _ in range(3):
        _open(browser, site, "overlaps")
        layouts.append(browser.execute_script(LAYOUT))
        browser.get("about:blank")
    assert len(layouts[0]) > 20 and layouts[0] == layouts[1] == layouts[2]


def _overlap_query(browser, **boxes: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from selenium.webdriver.support.select import Select

    for box, value in boxes.items():
        element = browser.find_element("id", f"overlap-{box}")
        if element.tag_name == "select":
            Select(element).select_by_value(value)
        else:
            element.clear()
            element.send_keys(value)
    browser.execute_script("window.dutygraph.ready.overlaps = false")
    browser.find_element("css selector", "#overlap-filters button").click()
    _wait(browser, "return window.dutygraph.ready.overlaps === true")


def test_who_leads_is_said_on_the_page_as_the_report_says_it(browser, site: str) -> None:  # noqa: F811
    """主办部门 was blank on the page unless several led, and 职责交叉 said 已明确 without who leads (boundary-dispute
    user test): the report's wording, served by the API, and a settled cluster's lead."""
    _open(browser, site, "ambiguities")
    header, rows = _table(browser, "ambiguities")
    assert [(row[header.index("事项")], row[header.index("主办部门")]) for row in rows] == [
        ("互联网租赁自行车停放管理", "需协调确定（各文件所列牵头部门不同）"),
        ("全市安全生产大检查和专项整治", "示例市应急管理局"),
        ("农业面源污染防治", "示例市生态环境局"),
        ("城市“牛皮癣”小广告清理整治", "无（只写“有关部门”）"),
        ("建筑垃圾处置监督管理", "需协调确定（各文件所列牵头部门不同）"),
        ("拟订全市事业单位人事制度改革政策措施", "示例市人力资源和社会保障局"),
        ("旅游市场综合监管", "示例市文化广电旅游体育局"),
        ("电动自行车集中充电设施安全管理", "无"),
        ("畜禽屠宰监督管理", "青山县市场监督管理局"),
    ]
    _open(browser, site, "overlaps")
    header, rows = _table(browser, "overlap-table")
    assert [(row[0], row[2], row[3]) for row in rows] == [
        ("Cdeabcb67", "已明确", "示例市市场监督管理局"), ("C46991943", "已明确", "青山县应急管理局"),
        ("Ce11e122f", "已明确", "示例市住房和城乡建设局"), ("C7f3377ef", "已明确", "示例市卫生健康委员会"),
        ("C624f4ab2", "未明确", ""), ("C5c9e0f67", "未明确", ""), ("Ccf82f29b", "已明确", "示例市应急管理局"),
        ("Ced9022cf", "未明确", ""), ("C1e299806", "已明确", "示例市应急管理局"), ("C095709c6", "未明确", ""),
        ("C4d2ba19a", "未明确", "")]


def test_overlaps_say_why_they_are_empty_and_show_unsettled_ones_with_sources(browser, site: str) -> None:  # noqa: F811
    titles = _titles(site)
    _open(browser, site, "overlaps")
    header, rows = _table(browser, "overlap-table")
    assert header == ["编号", "相似度", "已明确牵头", "牵头部门", "对应事项", "职责甲", "职责乙（及其他）", "出处（依次）"]
    clusters = _api(site, "/api/queries/overlaps", scope="departments", limit=1000)["items"]
    assert [(r[0], r[2], r[7]) for r in rows] == [
        (c["cluster_id"], "已明确" if c["settled"] else "未明确",
         "\n".join(_source(titles, m["source"]) for m in c["members"])) for c in clusters]
    _overlap_query(browser, settled="unsettled")
    unsettled = [c["cluster_id"] for c in clusters if not c["settled"]]
    assert 0 < len(unsettled) < len(clusters)
    assert [r[0] for r in _table(browser, "overlap-table")[1]] == unsettled
    # 河西区 has no overlap at 0.5 between its departments: the page says so, with what to try.
    _overlap_query(browser, settled="", region="示例市/河西区")
    empty = browser.find_element("id", "overlap-empty")
    assert empty.is_displayed() and not browser.find_element("id", "chart-overlaps").is_displayed()
    assert empty.text == "河西区同级部门之间未发现相似度 ≥ 0.5 的职责交叉；可降低阈值或改选范围。"
    assert browser.find_element("id", "overlap-table").text == ""
    _overlap_query(browser, region="")
    assert not empty.is_displayed() and browser.find_element("id", "chart-overlaps").is_displayed()


def test_the_overview_counts_say_what_they_count(browser, site: str) -> None:  # noqa: F811
    _open(browser, site, "overview")
    links = {a.text: a.get_attribute("hash") for a in browser.find_elements("css selector", "#findings-links a")}
    assert {k: v for k, v in links.items() if k.startswith(("职责交叉", "无职责"))} == {
        "职责交叉（同级部门）：11": "#overlaps?scope=departments", "职责交叉（上下级）：5": "#overlaps?scope=levels",
        "职责交叉（内设机构）：6": "#overlaps?scope=offices",
        "无职责的内设机构：2": "#undecomposed"}
    bars = browser.execute_script("return window.dutygraph.charts['chart-findings'].getOption().yAxis[0].data")
    assert "无职责的内设机构" in bars and "职责交叉（上下级）" in bars
    region = browser.find_element("css selector", "#counts .count").text
    assert region == "3\n区划（另有 4 个镇/街道）"
    browser.find_element("link text", "职责交叉（上下级）：5").click()
    _wait(browser, "return location.hash.startsWith('#overlaps') && window.dutygraph.ready.overlaps === true")
    assert browser.find_element("id", "overlap-scope").get_attribute("value") == "levels"
    assert len(_table(browser, "overlap-table")[1]) == 5
    _open(browser, site, "overview")
    browser.find_element("link text", "编制异常：2").click()
    _wait(browser, "return location.hash === '#staffing?outliers=1' && window.dutygraph.ready.staffing === true")
    assert [row[1] for row in _table(browser, "staffing")[1]] == ["示例市文化广电旅游体育局", "河西区教育局"]


def test_staffing_shows_the_reports_columns_and_why_a_score_is_blank(browser, site: str) -> None:  # noqa: F811
    browser.get("about:blank")  # a fresh page: 只看异常 unticked
    _open(browser, site, "staffing")
    header, rows = _table(browser, "staffing")
    assert header[:6] == ["区划", "部门", "行政编制", "其他编制", "领导职数", "领导职数明细"]
    items: list[dict[str, Any]] = _api(site, "/api/queries/staffing_load", limit=20)["items"]
    assert [r[5] for r in rows] == ["、".join(i["leader_posts_detail"] or []) for i in items]
    assert any(r[5] for r in rows)
    pager = browser.find_elements("css selector", "#staffing-table .pager button")
    assert [b.text for b in pager] == ["上一页", "下一页"]
    assert [b.is_enabled() for b in pager] == [False, True]


def test_the_page_has_an_icon(browser, site: str) -> None:  # noqa: F811
    _open(browser, site, "overview")
    icon = browser.execute_script("const l = document.querySelector('link[rel=icon]'); return l && l.href")
    assert icon and icon.startswith("data:image/svg+xml,")


LABELS_DRAWN = """
const chart = window.dutygraph.charts[arguments[0]];
const names = chart.getOption().series[0].data.map((node) => node.name);
return chart.getZr().storage.getDisplayList(true)
  .filter((shape) => shape.type === 'tspan' && shape.style.text
          && names.some((name) => name.startsWith(shape.style.text.replace(/…$/, ''))))
  .map((shape) => {
    const box = shape.getBoundingRect().clone();
    box.applyTransform(shape.getComputedTransform());
    return [shape.style.text, box.x, box.x + box.width];
  });
"""


def test_at_phone_width_network_labels_stay_inside_and_the_pie_names_its_parts_below(  # type: ignore[no-untyped-def]
        browser, site: str) -> None:  # noqa: F811
    """User test 5: on a 390 px screen the overlap network's names ran off the right edge, and the department pie's
    labels were cut to "监督检查…"."""
    try:
        browser.set_window_size(390, 844)
        for view, chart_id in (("overlaps", "chart-overlaps"), ("department?name=示例市住房和城乡建设局", "chart-neighbours")):
            browser.get(f"{site}/#{view}")
            _wait(browser, f"return window.dutygraph && window.dutygraph.ready['{view.split('?')[0]}'] === true")
            time.sleep(1.2)  # ECharts animates its first frame in
            width = browser.execute_script(f"return document.getElementById('{chart_id}').clientWidth")
            labels = browser.execute_script(LABELS_DRAWN, chart_id)
            assert len(labels) >= 5, view
            assert [label for label in labels if label[1] < 0 or label[2] > width] == [], view
        pie = browser.execute_script("""const option = window.dutygraph.charts['chart-categories'].getOption();
            return [option.series[0].label.position, option.series[0].label.formatter, option.legend[0].bottom,
                    option.legend[0].data === undefined ? null : option.legend[0].data, option.tooltip[0].formatter];""")
        assert pie == ["inside", "{c}", 6, None, "{b}：{c} 项（{d}%）"]
        legend = browser.execute_script("""return window.dutygraph.charts['chart-categories'].getZr().storage
            .getDisplayList(true).filter((s) => s.type === 'tspan').map((s) => s.style.text);""")
        assert {"组织实施 8", "监督检查 5", "其他 1"} <= set(legend)
    finally:
        browser.set_window_size(1400, 1000)


LEGEND_AND_SAVE_BUTTON = """
const chart = window.dutygraph.charts[arguments[0]];
const names = chart.getOption().legend[0].data;
const legend = chart.getZr().storage.getDisplayList(true)
  .filter((shape) => shape.type === 'tspan' && names.includes(shape.style.text))
  .map((shape) => {
    const box = shape.getBoundingRect().clone();
    box.applyTransform(shape.getComputedTransform());
    return [shape.style.text, box.x, box.y, box.x + box.width, box.y + box.height];
  });
const canvas = document.getElementById(arguments[0]).getBoundingClientRect();
const button = document.querySelector(`.chart-save[data-chart-id="${arguments[0]}"]`).getBoundingClientRect();
return [legend, [button.left - canvas.left, button.top - canvas.top, button.right - canvas.left,
                 button.bottom - canvas.top]];
"""


def test_the_overlap_networks_legend_is_not_under_its_save_button(browser, site: str) -> None:  # noqa: F811
    """A boundary-dispute user test: at 1280 px the legend's 交叉的职责 was drawn under 保存为图片 (the legend stood 48
    px from the right, the button takes about 90)."""
    try:
        browser.set_window_size(1280, 1000)
        _open(browser, site, "overlaps")
        legend, (left, top, right, bottom) = browser.execute_script(LEGEND_AND_SAVE_BUTTON, "chart-overlaps")
        assert sorted(name for name, *_ in legend) == ["交叉的职责", "部门"]
        under = [name for name, x0, y0, x1, y1 in legend if x0 < right and x1 > left and y0 < bottom and y1 > top]
        assert under == []
    finally:
        browser.set_window_size(1400, 1000)


def test_an_empty_cell_of_the_whole_city_names_the_city(browser, site: str) -> None:  # noqa: F811
    """Clicked in 全市, an empty cell read 在“生态环境 · 县级专有”中没有事项, a sentence without its subject (user test)."""
    _open(browser, site, "split")
    browser.execute_script("document.getElementById('split-cells').closest('details').open = true")
    browser.execute_script("window.dutygraph.ready.splitCell = false")
    browser.find_element("css selector", "#split-cells button[aria-label^='生态环境 · 县级专有']").click()
    _wait(browser, "return window.dutygraph.ready.splitCell === true")
    assert browser.find_element("id", "split-cell-title").text == "全市 · 生态环境 · 县级专有：0 项"
    assert browser.find_element("id", "split-matters").text == "示例市全市在“生态环境 · 县级专有”中没有事项"


def test_a_conflict_cites_the_split_list_row_beside_the_power_item(browser, site: str) -> None:  # noqa: F811
    """道路普通货物运输经营许可 is a conflict because the split list gives it to the counties and the city's 权责清单
    still lists it: the page cited the power list's row alone, the report both (user test)."""
    _open(browser, site, "split")
    _header, rows = _table(browser, "split-conflicts")
    assert rows[0][1] == "道路普通货物运输经营许可" and rows[0][5] == (
        "市县事权划分清单（shixian_shiquan.xlsx）工作表“市场监管和城乡建设”序号7（第8行）、"
        "权责清单（quanze_shi_multi.xlsx）工作表“市交通运输局”编号1（第2行）")
    assert [row[5] for row in rows[1:]] == [
        "市县事权划分清单（shixian_shiquan.csv）编号1（第2行）", "市县事权划分清单（shixian_shiquan.csv）编号2（第3行）",
        "市县事权划分清单（shixian_shiquan.csv）编号8（第9行）"]
