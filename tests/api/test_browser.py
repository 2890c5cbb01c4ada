"""The web page in headless Chromium (Debian's chromium and chromedriver, driven by selenium): every page
opens, every chart draws, a heatmap click lists its matters, the search answers. Screenshots are saved in
test-output/browser/."""

from __future__ import annotations

import csv
import io
import json
import shutil
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.ambiguities import REASON_LABELS
from queries.labels import VALUE_LABELS
from queries.report import KIND_LABELS
from queries.sources import Cited, Titles, readable_source, titles_of
from tests.api.live_server import serve

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "test-output" / "browser"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHARTS_DRAWN = """
return Object.entries(window.dutygraph.charts).filter(([id]) => document.getElementById(id).offsetParent !== null)
  .map(([id, chart]) => {
    const canvas = document.getElementById(id).querySelector('canvas');
    const context = canvas.getContext('2d');
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4 * 97) if (pixels[i] > 0) painted++;
    return [id, painted];
  });
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("browser-store")
    store = open_store(f"embedded:{data}")
    assert ingest([REPO / "examples"], store, region=Region(("示例市",))).failed == []
    store.close()
    with serve(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{data}"))) as address:
        yield address


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMEDRIVER).exists() or not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium and chromium-driver are not installed (make test installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def _open(browser, site: str, page: str) -> None:  # type: ignore[no-untyped-def]
    browser.get(f"{site}/#{page}")
    _wait(browser, f"return window.dutygraph && window.dutygraph.ready['{page}'] === true")
    time.sleep(1.2)  # ECharts animates its first frame in


def _wait(browser, script: str, timeout: float = 30) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if browser.execute_script(script):
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for: {script}")


def submit_form(browser, boxes: dict[str, str], button: str, ready: str) -> None:  # type: ignore[no-untyped-def]
    """A form's text boxes filled (emptied where the value is ''), its button clicked, and its answer waited for:
    `window.dutygraph.ready[ready]`."""
    for box, value in boxes.items():
        element = browser.find_element("id", box)
        element.clear()
        if value:
            element.send_keys(value)
    browser.find_element("id", button).click()
    _wait(browser, f"return window.dutygraph.ready.{ready} === true")


def _charts_drawn(browser) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return dict(browser.execute_script(CHARTS_DRAWN))


def test_overview(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    _open(browser, site, "overview")
    drawn = _charts_drawn(browser)
    assert set(drawn) == {"chart-findings"} and drawn["chart-findings"] > 0
    assert "37" in browser.find_element("id", "counts").text
    browser.save_screenshot(str(SHOTS / "overview.png"))


def test_overlaps_explorer(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    _open(browser, site, "overlaps")
    drawn = _charts_drawn(browser)
    assert drawn["chart-overlaps"] > 0
    rows = browser.find_elements("css selector", "#overlap-table tr")
    assert len(rows) > 5
    browser.save_screenshot(str(SHOTS / "overlaps.png"))


def test_power_split_heatmap_click_lists_matters(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.action_chains import ActionChains

    _open(browser, site, "split")
    drawn = _charts_drawn(browser)
    assert drawn["chart-heatmap"] > 0 and drawn["chart-compare"] > 0
    # Click the cell 交通运输 × 县级专有 where the chart drew it.
    x, y = browser.execute_script("""
        const chart = window.dutygraph.charts['chart-heatmap'];
        const option = chart.getOption();
        const row = option.yAxis[0].data.indexOf('交通运输');
        return chart.convertToPixel({seriesIndex: 0}, [1, row]);""")
    canvas = browser.find_element("css selector", "#chart-heatmap canvas")
    ActionChains(browser).move_to_element_with_offset(canvas, int(x - canvas.size["width"] / 2),
                                                      int(y - canvas.size["height"] / 2)).click().perform()
    _wait(browser, "return document.querySelectorAll('#split-matters tr').length > 1")
    # 全市: a row per matter and holding region (tests/api/test_browser_views.py checks the other columns).
    items = browser.execute_script("""return [...document.querySelectorAll('#split-matters tr')].slice(1)
        .map((tr) => tr.children[0].textContent + '@' + tr.children[1].textContent);""")
    assert items == ["机动车维修经营备案@河西区", "机动车维修经营备案@青山县", "道路普通货物运输经营许可@河西区",
                     "道路普通货物运输经营许可@青山县"]
    assert browser.find_element("id", "split-cell-title").text == "全市 · 交通运输 · 县级专有：2 项"
    browser.save_screenshot(str(SHOTS / "power_split.png"))
    # Downloads: the CSV holds the cells table (a CSV is one table), the Excel file a sheet per table.
    assert _downloads(browser, "split-downloads") == {
        "下载 CSV": ("/api/queries/power_split", {"city": ["示例市"], "table": ["cells"], "format": ["csv"]}),
        "下载 Excel": ("/api/queries/power_split", {"city": ["示例市"], "format": ["xlsx"]})}
    cells = _api(site, "/api/queries/power_split", city="示例市")["cells"]
    with urllib.request.urlopen(browser.find_element("link text", "下载 CSV").get_attribute("href")) as answer:
        assert answer.headers["content-type"] == "text/csv; charset=utf-8"
        assert len(list(csv.reader(io.StringIO(answer.read().decode("utf-8-sig"))))) == len(cells) + 1
    with urllib.request.urlopen(browser.find_element("link text", "下载 Excel").get_attribute("href")) as answer:
        workbook = openpyxl.load_workbook(io.BytesIO(answer.read()))
        assert workbook.sheetnames == ["事权划分", "事权划分冲突", "县级权责清单未列", "各县（区）对比", "县（区）间差异", "查询条件"]


def test_department_page(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    _open(browser, site, "department")
    drawn = _charts_drawn(browser)
    assert drawn["chart-categories"] > 0 and drawn["chart-neighbours"] > 0
    assert "内设机构及其职责" in browser.find_element("id", "department-details").text
    browser.save_screenshot(str(SHOTS / "department.png"))


PROFILE_PATH = "/api/departments/" + urllib.parse.quote("示例市文化广电旅游体育局")


def test_the_department_view_downloads_its_profile(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    """The 部门 view was the one table view without 下载 CSV / 下载 Excel."""
    from selenium.webdriver.support.select import Select

    browser.get("about:blank")
    _open(browser, site, "department")
    Select(browser.find_element("id", "department-select")).select_by_value("示例市文化广电旅游体育局")
    _wait(browser, "return window.dutygraph.ready.department === true && "
                   "document.querySelector('#department-downloads a').href.includes('%E6%96%87%E5%8C%96')")
    # One Excel file of the whole profile, a sheet per part; and the department's report (tests/api/test_browser_links.py).
    assert _downloads(browser, "department-downloads") == {
        "下载 Excel": (PROFILE_PATH, {"format": ["xlsx"]}),
        **{label: ("/api/report", {"department": ["示例市文化广电旅游体育局"], "format": [format]})
           for label, format in (("下载报告（Word）", "docx"), ("下载报告（Excel）", "xlsx"))}}
    with urllib.request.urlopen(browser.find_element("link text", "下载 Excel").get_attribute("href")) as answer:
        assert openpyxl.load_workbook(io.BytesIO(answer.read())).sheetnames == [
            "部门概况", "部门职责", "内设机构职责", "牵头事项", "配合事项", "权责事项", "认领的监管事项", "职责交叉",
            "主办协办不清", "职责分解", "协同部门", "查询条件"]
    # Each table shown has a CSV of its own beside its heading: its table of the profile's files.
    headings = browser.execute_script("""return [...document.querySelectorAll('#department-details h3')].map((h3) => {
        const link = new URL(h3.querySelector('a').href);
        return [h3.firstChild.textContent, link.pathname, link.search];});""")
    assert headings == [[title, PROFILE_PATH, f"?table={key}&format=csv"] for title, key in [
        ("部门职责（按类别）（17）", "duties"), ("内设机构及其职责（6）", "offices"), ("牵头的共同事项（1）", "leads"),
        ("配合的共同事项（0）", "assists"), ("权责事项（0）", "power_items"), ("认领的监管事项（1）", "supervision_items"),
        ("职责交叉（0）", "overlaps"), ("主办/协办不清（1）", "ambiguities"), ("职责分解（1）", "undecomposed"),
        ("协同部门（0）", "network")]]
    links = {link.get_attribute("data-table"): link.get_attribute("href")
             for link in browser.find_elements("css selector", "#department-details h3 a")}
    # The duties' CSV holds a row per duty the table shows, with the same text; the leads' the matter shown.
    shown = browser.execute_script("""return [...document.querySelectorAll('#department-details h3')][0]
        .nextElementSibling.querySelectorAll('tr').length - 1;""")
    with urllib.request.urlopen(links["duties"]) as answer:
        assert answer.headers["content-type"] == "text/csv; charset=utf-8"
        duties = list(csv.reader(io.StringIO(answer.read().decode("utf-8-sig"))))
    assert duties[0] == ["职责类别", "序号", "职责内容", "承接的内设机构", "现状", "调整通知所述的职责", "划转的对方部门",
                         "出处", "承继自（机构改革前部门）", "承继依据（调整通知条款）"] and len(duties) == 1 + 17 and shown == 17
    with urllib.request.urlopen(links["leads"]) as answer:
        assert list(csv.reader(io.StringIO(answer.read().decode("utf-8-sig"))))[1][0] == "旅游市场综合监管"
    browser.save_screenshot(str(SHOTS / "department-downloads.png"))
    browser.get("about:blank")  # the next test's #department is a fresh page, not this one's chosen department


def _find(browser, view: str, text: str, ready: str) -> None:  # type: ignore[no-untyped-def]
    """`text` typed in the view's 查找 box, then Enter (which must not reload the page); waits for its answer and for
    `ready`, the drawing it leads to (or the box's own answer, `{view}-filter`, where nothing is drawn)."""
    from selenium.webdriver.common.keys import Keys

    browser.execute_script(f"window.dutygraph.ready['{view}-filter'] = false; window.dutygraph.ready['{ready}'] = false;"
                           "window.notReloaded = true")
    box = browser.find_element("id", f"{view}-filter")
    box.clear()
    box.send_keys(text, Keys.ENTER)
    _wait(browser, f"return window.dutygraph.ready['{view}-filter'] === true && window.dutygraph.ready['{ready}'] === true")
    assert browser.execute_script("return window.notReloaded === true")


def _picker(browser, select: str) -> tuple[list[str], str, str]:  # type: ignore[no-untyped-def]
    """A department list's options (their text), the one chosen, and the reading said under its form ('' hidden)."""
    note = select.split("-")[0] + "-reading"
    options, chosen, said = browser.execute_script(f"""
        const s = document.getElementById('{select}'), n = document.getElementById('{note}');
        return [[...s.options].map((o) => o.text), s.value, n.hidden ? '' : n.textContent];""")
    return options, chosen, said


def test_a_short_name_typed_in_the_department_box_shows_its_profile(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    """A county 编办's user test: the list held hundreds of names, and 青山县市监局 read as nothing; typed in the 查找
    box it is read as the server reads it, the one department chosen and drawn, and the reading said."""
    from selenium.webdriver.support.select import Select

    browser.get("about:blank")
    _open(browser, site, "department")
    everyone = [d["department"] for d in _api(site, "/api/departments", limit=1000)["items"]]
    assert _picker(browser, "department-select")[0] == everyone and len(everyone) == 26
    _find(browser, "department", "青山县市监局", "department")
    assert _picker(browser, "department-select") == (
        ["青山县市场监督管理局"], "青山县市场监督管理局", "“青山县市监局”读作：青山县市场监督管理局")
    profile = _api(site, "/api/departments/" + urllib.parse.quote("青山县市场监督管理局"))
    facts = browser.find_element("id", "department-facts").text.split("\n")
    assert (facts[facts.index("行政编制") - 1], facts[facts.index("内设机构") - 1]) == (
        str(profile["department"]["staff_quota"]), str(len(profile["offices"]))) == ("24", "9")
    # Each fact with the clause it was read from, the 三定 by its title (条款出处).
    cited = browser.find_element("id", "department-fact-sources").text
    assert cited.startswith(f"条款出处：规格 {profile['department']['rank']}：《青山县市场监督管理局职能配置") and "》第二条" in cited
    assert urllib.parse.unquote(browser.find_element("css selector", "#department-downloads a").get_attribute("href")) \
        .endswith("/api/departments/青山县市场监督管理局?format=xlsx")
    assert urllib.parse.unquote(browser.current_url).endswith("#department?name=青山县市场监督管理局")
    browser.save_screenshot(str(SHOTS / "department-find.png"))
    # A name every region's bureau bears: the three to choose from, in the list's order, the one shown kept chosen;
    # nothing is drawn until another is chosen.
    _find(browser, "department", "市场监管局", "department-filter")
    assert _picker(browser, "department-select") == (
        ["（3 个部门，请选择）", "示例市市场监督管理局", "河西区市场监督管理局", "青山县市场监督管理局"], "青山县市场监督管理局",
        "“市场监管局”对应 3 个部门，请在“部门”列表中选择")
    browser.execute_script("window.dutygraph.ready.department = false")
    Select(browser.find_element("id", "department-select")).select_by_value("河西区市场监督管理局")
    _wait(browser, "return window.dutygraph.ready.department === true")
    assert _picker(browser, "department-select")[1:] == ("河西区市场监督管理局", "")  # the box's reading is stale
    assert urllib.parse.unquote(browser.current_url).endswith("#department?name=河西区市场监督管理局")
    # A full name's part filters as before, with nothing to say; a name of none says so and offers every one again.
    _find(browser, "department", "交通", "department-filter")
    assert _picker(browser, "department-select") == (
        ["（3 个部门，请选择）", "示例市交通运输局", "河西区交通运输局", "青山县交通运输局"], "",  # none shown yet
        "“交通”对应 3 个部门，请在“部门”列表中选择")
    _find(browser, "department", "宇宙局", "department-filter")
    assert _picker(browser, "department-select") == (everyone, "河西区市场监督管理局", "没有名称、别名或简称为“宇宙局”的部门")
    _find(browser, "department", "", "department-filter")
    assert _picker(browser, "department-select") == (everyone, "河西区市场监督管理局", "")
    browser.get("about:blank")


def test_a_short_name_typed_for_the_undecomposed_duties_filters_them(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    browser.get("about:blank")
    _open(browser, site, "undecomposed")
    _find(browser, "undecomposed", "青山县市监局", "undecomposed")
    assert _picker(browser, "undecomposed-department") == (
        ["青山县市场监督管理局"], "青山县市场监督管理局", "“青山县市监局”读作：青山县市场监督管理局")
    rows = _api(site, "/api/queries/undecomposed_duties", department="青山县市场监督管理局", limit=20)["items"]
    assert [row[1] for row in _table(browser, "undecomposed")[1]] == [row["department"] for row in rows] == [
        "青山县市场监督管理局"]
    # An empty box is every department again, 全部 first.
    _find(browser, "undecomposed", "", "undecomposed-filter")
    options, chosen, said = _picker(browser, "undecomposed-department")
    assert (options[0], len(options), chosen, said) == ("全部", 27, "青山县市场监督管理局", "")
    browser.get("about:blank")


def test_the_overlaps_box_says_how_a_short_name_was_read(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    browser.get("about:blank")
    _open(browser, site, "overlaps")
    _overlap_query(browser, "市监局")
    assert browser.find_element("id", "overlap-reading").text == "“市监局”读作：示例市市场监督管理局"
    _overlap_query(browser, "示例市市场监督管理局")
    assert not browser.find_element("id", "overlap-reading").is_displayed()
    browser.get("about:blank")


def test_search_answers(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    # The view shown, not just its pickers filled: the pickers fill before the view is shown and its form's handler is
    # set, and under load the box was typed into while hidden (element not interactable).
    _open(browser, site, "search")
    box = browser.find_element("id", "search-text")
    box.send_keys("公司拖欠工资三个月")
    browser.find_element("css selector", "#search-form button").click()
    _wait(browser, "return window.dutygraph.ready.search === true")
    first = browser.find_element("css selector", "#search-results .result h3").text
    assert first.startswith("1. ") and "人力资源和社会保障局" in first
    browser.save_screenshot(str(SHOTS / "search.png"))


def test_a_refused_search_says_why_and_leaves_no_earlier_answer(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    # A 660-character complaint was refused (over 500) in the console only, under the previous answer.
    # The view shown, not just its pickers filled: the pickers fill before the view is shown and its form's handler is
    # set, and under load the box was typed into while hidden (element not interactable).
    _open(browser, site, "search")
    box = browser.find_element("id", "search-text")
    box.clear()
    box.send_keys("公司拖欠工资三个月")
    browser.find_element("css selector", "#search-form button").click()
    _wait(browser, "return document.querySelectorAll('#search-results h3').length > 0")
    box.clear()
    browser.execute_script("document.getElementById('search-text').value = '工地晚上施工噪音扰民'.repeat(60)")
    browser.find_element("css selector", "#search-form button").click()
    _wait(browser, "return document.getElementById('search-results').textContent.startsWith('查询失败')")
    results = browser.find_element("id", "search-results")
    assert results.text == "查询失败：请求参数无效：查询参数 text：至多 500 个字符"
    assert results.find_elements("css selector", "h3") == []


# -- the findings' own views, their downloads, the phone width, the network labels ------------------------------

PHONE = (390, 844)
DESK = (1400, 1000)
EVERY_VIEW = ["overview", "overlaps", "split", "department", "ambiguities", "undecomposed", "staffing"]


def _api(site: str, path: str, **params: object) -> Any:
    with urllib.request.urlopen(f"{site}{path}?{urllib.parse.urlencode(params)}", timeout=60) as response:
        return json.load(response)


def site_titles(site: str) -> Titles:
    """Each document (and sheet) and each list row's number as the server's files cite them, from /api/documents
    and /api/documents/row_numbers: the page must agree."""
    return titles_of(_api(site, "/api/documents", limit=1000)["items"],
                     _api(site, "/api/documents/row_numbers", limit=1000)["items"])


def _number(value: float | int | None) -> str:
    """A number as the page's JavaScript writes it: 0.0 is 0, None is blank."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def _source(titles: Mapping[str, Cited], source: str) -> str:
    """A source as the page cites it, by the server's rule (queries.sources) over /api/documents' rows."""
    return readable_source(source, titles)


def _ambiguity_cells(row: dict[str, Any], titles: Mapping[str, Cited]) -> list[str]:
    # Documents naming different leads say which is the newer, or why that is unknown (`newer_note`).
    reason = REASON_LABELS[row["reason"]] + (f"（{row['newer_note']}）" if row["newer_note"] else "")
    return [row["region"], row["matter"], reason, row["host_label"], "、".join(row["leads"]),
            "、".join(row["assists"]),
            "；".join((f"{m['lead']}无此职责；" if m.get("lead") else "") + f"{m['holder']}：{m['duty']}"
                     for m in row["mandate"]),
            # A source that words the matter otherwise says how (shi_zhujian.txt: 建筑垃圾处置的监督管理).
            "\n".join(f"{_source(titles, c['source'])}"
                      + (f"（称“{c['matter']}”）" if c["matter"] != row["matter"] else "")
                      + f"：牵头 {'、'.join(c['leads']) or '（无）'}"
                      + (f"；配合 {'、'.join(c['assists'])}" if c["assists"] else "") for c in row["claims"])]


def _undecomposed_cells(row: dict[str, Any], titles: Mapping[str, Cited]) -> list[str]:
    return [row["region"], row["department"], KIND_LABELS[row["kind"]], _number(row["ordinal"]), row["office"],
            row["text"], row["evidence"], _source(titles, row["source"])]


def _staffing_cells(row: dict[str, Any], titles: Mapping[str, Cited]) -> list[str]:
    # The region by its name (its path in the cell's title).
    return [row["region"].rsplit("/", 1)[-1], row["department"], _number(row["staff_quota"]), _number(row["other_staff"]),
            _number(row["leader_posts"]), "、".join(row["leader_posts_detail"] or []), _number(row["offices"]),
            _number(row["offices_stated"]), *(_number(row[key]) for key in ("duties", "power_items", "duties_per_post")),
            "部门过少无法比较" if row["too_few"] else _number(row["robust_z"]), VALUE_LABELS.get(row["outlier"], ""),
            _number(row["counterpart_ratio"]), "\n".join(row["checks"])]


# view, its endpoint, its filter (the select's id and parameter, a value), its column titles, a row's cells
FINDING_VIEWS = [
    ("ambiguities", "/api/queries/host_assist_ambiguities", "region", "示例市/青山县",
     ["区划", "事项", "问题", "主办部门", "牵头部门", "配合部门", "有相应职责的部门（依据）", "出处及其所列部门"],
     _ambiguity_cells),
    ("undecomposed", "/api/queries/undecomposed_duties", "department", "示例市市场监督管理局",
     ["区划", "部门", "问题", "序号", "内设机构", "职责内容", "仍在承担的事项", "出处"], _undecomposed_cells),
    ("staffing", "/api/queries/staffing_load", "region", "示例市/青山县",
     ["区划", "部门", "行政编制", "其他编制", "领导职数", "领导职数明细", "内设机构数", "核定内设机构数",
      "职责数（不含共性职责）", "权责事项数", "人均职责数", "稳健z分数", "异常", "对口倍数", "核查发现"],
     _staffing_cells),
]


def _table(browser, view: str) -> tuple[list[str], list[list[str]]]:  # type: ignore[no-untyped-def]
    rows = browser.execute_script(f"""
        return [...document.querySelectorAll('#{view}-table tr')]
          .map((tr) => [...tr.children].map((cell) => cell.textContent));""")
    return rows[0], rows[1:]


def _downloads(browser, box: str) -> dict[str, tuple[str, dict[str, list[str]]]]:  # type: ignore[no-untyped-def]
    """Each download button's label, with the path and the parameters its link asks for."""
    links = {}
    for link in browser.find_elements("css selector", f"#{box} a"):
        parts = urllib.parse.urlsplit(link.get_attribute("href"))
        links[link.text] = (parts.path, urllib.parse.parse_qs(parts.query))
    return links


def test_the_overview_links_each_finding_to_its_own_view(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    _open(browser, site, "overview")
    links = {a.text: a.get_attribute("hash") for a in browser.find_elements("css selector", "#findings-links a")}
    assert links == {"职责交叉（同级部门）：11": "#overlaps?scope=departments", "职责交叉（上下级）：5": "#overlaps?scope=levels",
                     "职责交叉（内设机构）：6": "#overlaps?scope=offices", "主办/协办不清：9": "#ambiguities", "三不管事项：2": "#orphans",
                     "未分解职责：7": "#undecomposed", "无职责的内设机构：2": "#undecomposed",
                     "已取消/下放仍在承担：1": "#undecomposed", "编制异常：2": "#staffing?outliers=1", "事权冲突：4": "#split",
                     "职责划转未落实：0": "#transfers"}
    browser.find_element("link text", "编制异常：2").click()
    _wait(browser, "return window.dutygraph.ready.staffing === true")
    # The two outliers stand out (marked rows), each with its figures and which way it is off.
    outliers = browser.execute_script("""return [...document.querySelectorAll('#staffing-table tr.outlier')]
        .map((tr) => [...tr.children].map((cell) => cell.textContent));""")
    assert [row[:3] + row[4:5] + row[6:] for row in outliers] == [
        ["示例市", "示例市文化广电旅游体育局", "9", "3", "6", "", "16", "0", "1.778", "6.56", "编制偏紧", "", ""],
        ["河西区", "河西区教育局", "68", "6", "8", "", "7", "0", "0.103", "-7.35", "编制偏松", "", ""]]
    # The region by its name, its path in the cell's title.
    assert browser.execute_script("""return [...document.querySelectorAll('#staffing-table tr.outlier')]
        .map((tr) => tr.children[0].title);""") == ["示例市", "示例市/河西区"]
    browser.get("about:blank")  # 只看异常 stays ticked on this page: the next test's #staffing is a fresh one


@pytest.mark.parametrize(("view", "path", "param", "value", "titles", "cells"), FINDING_VIEWS,
                         ids=[v[0] for v in FINDING_VIEWS])
def test_a_findings_view_shows_the_api_rows_filters_them_and_downloads_them(  # type: ignore[no-untyped-def]
        browser, site: str, view: str, path: str, param: str, value: str, titles: list[str],
        cells: Callable[[dict[str, Any], Mapping[str, Cited]], list[str]]) -> None:
    from selenium.webdriver.support.select import Select

    documents = site_titles(site)
    _open(browser, site, view)
    everything = _api(site, path, limit=20, offset=0)
    header, rows = _table(browser, view)
    assert header == titles
    assert rows == [cells(row, documents) for row in everything["items"]]
    assert _downloads(browser, f"{view}-downloads") == {"下载 CSV": (path, {"format": ["csv"]}),
                                                         "下载 Excel": (path, {"format": ["xlsx"]})}
    if everything["total"] > 20:  # the next page is the API's next page
        browser.find_element("xpath", f"//div[@id='{view}-table']//button[text()='下一页']").click()
        _wait(browser, f"return window.dutygraph.ready['{view}'] === true && "
                       f"document.querySelector('#{view}-table .pager span').textContent.startsWith('第 21')")
        assert _table(browser, view)[1] == [cells(row, documents) for row in _api(site, path, limit=20, offset=20)["items"]]

    Select(browser.find_element("id", f"{view}-{param}")).select_by_value(value)
    _wait(browser, f"return window.dutygraph.ready['{view}'] === true && "
                   f"new URL(document.querySelector('#{view}-downloads a').href).searchParams.get('{param}') === '{value}'")
    filtered = _api(site, path, limit=20, offset=0, **{param: value})
    assert 0 < filtered["total"] < everything["total"]
    assert _table(browser, view)[1] == [cells(row, documents) for row in filtered["items"]]
    links = _downloads(browser, f"{view}-downloads")
    assert links == {"下载 CSV": (path, {param: [value], "format": ["csv"]}),
                     "下载 Excel": (path, {param: [value], "format": ["xlsx"]})}
    # The API answers the buttons' links with the file, every filtered row in it (the header row besides).
    with urllib.request.urlopen(browser.find_element("link text", "下载 CSV").get_attribute("href")) as answer:
        assert answer.headers["content-type"] == "text/csv; charset=utf-8"
        assert len(list(csv.reader(io.StringIO(answer.read().decode("utf-8-sig"))))) == filtered["total"] + 1
    browser.save_screenshot(str(SHOTS / f"{view}.png"))


def test_overlaps_take_a_threshold_in_hundredths_and_download_with_their_filters(  # type: ignore[no-untyped-def]
        browser, site: str) -> None:
    _open(browser, site, "overlaps")
    threshold = browser.find_element("id", "overlap-threshold")
    assert threshold.get_attribute("step") == "0.01"
    threshold.clear()
    threshold.send_keys("0.62")  # refused by the browser's own check while the step was 0.05
    browser.execute_script("window.dutygraph.ready.overlaps = false")
    browser.find_element("css selector", "#overlap-filters button").click()
    _wait(browser, "return window.dutygraph.ready.overlaps === true")
    assert browser.execute_script("return document.getElementById('overlap-threshold').checkValidity()")
    clusters = _api(site, "/api/queries/overlaps", threshold=0.62, scope="departments", limit=1000)["total"]
    assert len(browser.find_elements("css selector", "#overlap-table tr")) == 1 + min(clusters, 20)
    query = {"threshold": ["0.62"], "scope": ["departments"]}
    assert _downloads(browser, "overlap-downloads") == {
        "下载 CSV": ("/api/queries/overlaps", {**query, "format": ["csv"]}),
        "下载 Excel": ("/api/queries/overlaps", {**query, "format": ["xlsx"]})}


def test_a_threshold_out_of_range_is_said_in_the_page_s_words_and_the_view_still_draws(  # type: ignore[no-untyped-def]
        browser, site: str) -> None:
    """User test: `#overlaps?threshold=2` showed the API's 查询参数 threshold：应不大于 1.0 and nothing else. The page
    says what is wrong in its own words, puts the box back to its default and draws the view with it."""
    browser.get("about:blank")
    browser.get(f"{site}/#overlaps?threshold=2")
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.overlaps === true")
    message = browser.find_element("id", "overlap-message")
    assert message.text == "相似度阈值应在 0 到 1 之间，不能是 2：已按默认值 0.5 查询"
    assert browser.find_element("id", "overlap-threshold").get_attribute("value") == "0.5"
    assert urllib.parse.unquote(browser.current_url.split("#", 1)[1]) == "overlaps?scope=departments&threshold=0.5"
    clusters = _api(site, "/api/queries/overlaps", threshold=0.5, scope="departments", limit=1000)["total"]
    assert len(browser.find_elements("css selector", "#overlap-table tr")) == 1 + min(clusters, 20)
    assert _charts_drawn(browser)["chart-overlaps"] > 0
    assert "threshold" not in browser.find_element("id", "page-overlaps").text
    browser.save_screenshot(str(SHOTS / "overlaps-threshold-out-of-range.png"))
    # Typed, it is said the same way (the browser's own check, in its own language, stopped the form before).
    _overlap_query(browser, "1.5", box="overlap-threshold")
    assert message.text == "相似度阈值应在 0 到 1 之间，不能是 1.5：已按默认值 0.5 查询"
    # A threshold in range clears the message.
    _overlap_query(browser, "0.7", box="overlap-threshold")
    assert not message.is_displayed()
    assert browser.find_element("id", "overlap-threshold").get_attribute("value") == "0.7"
    browser.get("about:blank")  # the next test's #overlaps is a fresh page, with the default threshold


NETWORK_LABELS_SHOWN = """
const chart = window.dutygraph.charts[arguments[0]];
const names = new Set(chart.getOption().series[0].data.map((node) => node.name));
return chart.getZr().storage.getDisplayList(true)
  .filter((shape) => shape.type === 'tspan' && names.has(shape.style.text))
  .map((shape) => {
    const box = shape.getBoundingRect().clone();
    box.applyTransform(shape.getComputedTransform());
    return [shape.style.text, box.x, box.y, box.width, box.height];
  });
"""


# Boxes that meet within a fraction of a pixel (one name's bottom at 279.23, the next one's top at 279.24) are
# two lines of text one above the other, not names drawn over each other.
TOUCHING = 0.5


def _overlapping(labels: list[list[Any]]) -> list[tuple[str, str]]:
    return [(a[0], b[0]) for i, a in enumerate(labels) for b in labels[i + 1:]
            if min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]) > TOUCHING
            and min(a[2] + a[4], b[2] + b[4]) - max(a[2], b[2]) > TOUCHING]


@pytest.mark.parametrize(("view", "chart_id", "busiest"), [("overlaps", "chart-overlaps", "示例市市场监督管理局"),
                                                            ("department", "chart-neighbours", "示例市交通运输局")])
def test_network_labels_do_not_overlap(browser, site: str, view: str, chart_id: str,  # type: ignore[no-untyped-def]
                                       busiest: str) -> None:
    _open(browser, site, view)
    labels = browser.execute_script(NETWORK_LABELS_SHOWN, chart_id)
    assert _overlapping(labels) == []
    assert len(labels) >= 6 and busiest in {label[0] for label in labels}


# A bureau leading seven matters with sixty assisting parties each: its 协同网络 is a ring of sixty-one names, which
# cannot all be written, and each party shares more matters with it than any department of the sample corpus does.
_CROWDED_SANDING = """临川市水务局职能配置、内设机构和人员编制规定
第一条 根据《临川市机构改革方案》，制定本规定。
第二条 临川市水务局是市政府工作部门，为正处级。
第三条 临川市水务局负责全市水务管理。主要职责是：
（一）负责全市水务管理的监督管理。
（二）完成市委、市政府交办的其他任务。
第四条 临川市水务局设下列内设机构：
（一）办公室。负责机关日常运转。
第五条 临川市水务局机关行政编制12名。
"""
_PARTIES = (
    "发展和改革委员会、教育局、科学技术局、工业和信息化局、公安局、民政局、司法局、财政局、人力资源和社会保障局、自然资源和规划局、"
    "生态环境局、住房和城乡建设局、交通运输局、农业农村局、商务局、文化广电旅游局、卫生健康委员会、退役军人事务局、应急管理局、"
    "审计局、市场监督管理局、统计局、医疗保障局、林业局、城市管理和综合执法局、机关事务管理局、信访局、体育局、人民防空办公室、"
    "数据资源管理局、粮食和物资储备局、地方金融监督管理局、政务服务管理局、乡村振兴局、档案局、气象局、消防救援支队、供电公司、"
    "水文局、港航事业发展中心、城市排水管理处、园林绿化局、国有资产监督管理委员会、民族宗教事务局、外事办公室、台湾事务办公室、"
    "侨务办公室、残疾人联合会、红十字会、总工会、妇女联合会、团市委、科学技术协会、文学艺术界联合会、工商业联合会、供销合作社、"
    "地震局、邮政管理局、海事局、公路事业发展中心")
_SHARED = ("河道采砂管理", "城区内涝防治", "饮用水水源保护", "山塘水库巡查", "农村供水保障", "防汛抗旱", "节约用水管理")


@pytest.fixture(scope="module")
def crowded_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("crowded")
    (folder / "shuiwu.txt").write_text(_CROWDED_SANDING, encoding="utf-8")
    parties = "、".join(f"临川市{name}" for name in _PARTIES.split("、"))
    rows = [f'{n},{matter},临川市水务局,"{parties}"' for n, matter in enumerate(_SHARED, start=1)]
    (folder / "bianjie.csv").write_text("\n".join(["序号,事项名称,牵头部门,配合部门", *rows, ""]), encoding="utf-8")
    store = open_store(f"embedded:{folder / 'store'}")
    assert ingest([folder / "shuiwu.txt", folder / "bianjie.csv"], store, region=Region(("临川市",))).failed == []
    store.close()
    with serve(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{folder / 'store'}"))) as address:
        yield address


ASKED_NODE = """
const nodes = window.dutygraph.charts[arguments[0]].getOption().series[0].data.filter((node) => node.category !== 1);
const asked = nodes.find((node) => node.name === arguments[1]);
return [asked.symbolSize, Math.max(...nodes.filter((node) => node !== asked).map((node) => node.symbolSize))];
"""


# A window from 480 to 640 px wide (a phone held sideways, a small tablet) hid the bureau's name before.
@pytest.mark.parametrize("size", [PHONE, (560, 900), DESK])
def test_the_department_asked_about_keeps_its_name_in_a_crowded_network(  # type: ignore[no-untyped-def]
        browser, crowded_site: str, size: tuple[int, int]) -> None:
    """User test: names that overlap are hidden, the smaller node's giving way, and sixty parties each sharing seven
    matters were drawn larger than the bureau itself, whose own name was hidden. Its node is now the largest, so
    ECharts places its name first (a label's priority is its node's area)."""
    try:
        browser.set_window_size(*size)
        browser.get("about:blank")
        browser.get(f"{crowded_site}/#department?name=临川市水务局")
        _wait(browser, "return window.dutygraph && window.dutygraph.ready.department === true")
        time.sleep(1.2)
        labels = browser.execute_script(NETWORK_LABELS_SHOWN, "chart-neighbours")
        assert "临川市水务局" in {label[0] for label in labels} and _overlapping(labels) == []
        own, largest_other = browser.execute_script(ASKED_NODE, "chart-neighbours", "临川市水务局")
        assert own > largest_other
        browser.execute_script("document.getElementById('chart-neighbours').scrollIntoView()")
        browser.save_screenshot(str(SHOTS / f"crowded-network-{size[0]}.png"))
    finally:
        browser.set_window_size(*DESK)


def test_the_department_the_overlaps_box_asks_for_is_named_largest(  # type: ignore[no-untyped-def]
        browser, site: str) -> None:
    """The 部门 box's department, typed as an alias (市城管局), is the network's largest node and named."""
    browser.get("about:blank")
    browser.get(f"{site}/#overlaps?region=示例市&department=市城管局")
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.overlaps === true")
    time.sleep(1.2)
    labels = {label[0] for label in browser.execute_script(NETWORK_LABELS_SHOWN, "chart-overlaps")}
    assert "示例市城市管理和综合执法局" in labels
    own, largest_other = browser.execute_script(ASKED_NODE, "chart-overlaps", "示例市城市管理和综合执法局")
    assert own > largest_other
    browser.get("about:blank")


PHONE_CHARTS = """
return Object.keys(window.dutygraph.charts).filter((id) => document.getElementById(id).offsetParent).map((id) => {
  const box = document.getElementById(id).getBoundingClientRect();
  return [id, document.querySelector('#' + id + ' canvas').getBoundingClientRect().right, box.right, box.width];
});
"""
PHONE_HEADERS_OF_SEVERAL_LINES = """
return [...document.querySelectorAll('.page.active th')].filter((th) => {
  const range = document.createRange();
  range.selectNodeContents(th);
  return new Set([...range.getClientRects()].map((line) => Math.round(line.top))).size > 1;
}).map((th) => th.textContent);
"""


def test_at_phone_width_no_view_is_wider_than_the_screen(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    try:
        browser.set_window_size(*PHONE)
        for view in EVERY_VIEW:
            _open(browser, site, view)
            width, page = browser.execute_script(
                "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
            assert page <= width, f"#{view} is {page} px wide on a {width} px screen"
            # Every chart drawn fits its box, and the box the screen; charts stand one under the other, each nearly
            # as wide as the screen (two side by side were 160 px wide, their titles cut).
            for chart_id, canvas, box, box_width in browser.execute_script(PHONE_CHARTS):
                assert canvas <= box <= width and box_width >= 0.85 * width, chart_id
            # A table too wide for the screen scrolls in its box: its column titles are not squeezed to a character
            # a line (有相应职责的部门 was seven lines tall).
            assert browser.execute_script(PHONE_HEADERS_OF_SEVERAL_LINES) == [], view
            browser.save_screenshot(str(SHOTS / f"phone-{view}.png"))
    finally:
        browser.set_window_size(*DESK)


def test_charts_follow_a_window_resized_after_drawing(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    _open(browser, site, "split")
    try:
        browser.set_window_size(*PHONE)
        _wait(browser, """return ['chart-heatmap', 'chart-compare'].every((id) =>
            document.querySelector('#' + id + ' canvas').getBoundingClientRect().right
              <= document.documentElement.clientWidth)""", timeout=10)
    finally:
        browser.set_window_size(*DESK)


def _overlap_query(browser, value: str, box: str = "overlap-department") -> None:  # type: ignore[no-untyped-def]
    """The overlaps asked for with `value` typed in `box` (the 部门 box unless said)."""
    typed = browser.find_element("id", box)
    typed.clear()
    typed.send_keys(value)
    browser.execute_script("window.dutygraph.ready.overlaps = false")
    browser.find_element("css selector", "#overlap-filters button").click()
    _wait(browser, "return window.dutygraph.ready.overlaps === true")


def test_the_overlaps_department_box_asks_the_api(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    """The 部门 box filtered the page only, by part of a name, so its downloads held every department's clusters."""
    from selenium.webdriver.support.select import Select

    browser.get("about:blank")  # a fresh page: an earlier test left its threshold in the box
    _open(browser, site, "overlaps")
    options = "return [...document.querySelectorAll('#overlap-departments option')].map((o) => o.value)"
    everyone = [d["department"] for d in _api(site, "/api/departments", limit=1000)["items"]]
    assert browser.execute_script(options) == everyone
    # The box offers the departments of the region chosen.
    Select(browser.find_element("id", "overlap-region")).select_by_value("示例市/青山县")
    county = [d["department"] for d in _api(site, "/api/departments", region="示例市/青山县", limit=1000)["items"]]
    expected = json.dumps(county, ensure_ascii=False, separators=(",", ":"))  # as JSON.stringify writes it
    _wait(browser, f"return JSON.stringify({options.removeprefix('return ')}) === '{expected}'")
    assert len(county) == 7

    # A department's alias, as the API takes it: the table holds its clusters, the downloads ask for them.
    Select(browser.find_element("id", "overlap-region")).select_by_value("示例市")
    _overlap_query(browser, "市城管局")
    clusters = _api(site, "/api/queries/overlaps", region="示例市", department="市城管局", threshold=0.5,
                    scope="departments", limit=1000)["items"]
    matters = browser.execute_script("""return [...document.querySelectorAll('#overlap-table tr')].slice(1)
        .map((tr) => tr.children[4].textContent);""")  # after 编号, 相似度, 已明确牵头, 牵头部门
    assert matters == [c["matter"] for c in clusters] == ["互联网租赁自行车停放管理", "建筑垃圾处置监督管理"]
    query = {"region": ["示例市"], "department": ["市城管局"], "threshold": ["0.5"], "scope": ["departments"]}
    assert _downloads(browser, "overlap-downloads") == {
        "下载 CSV": ("/api/queries/overlaps", {**query, "format": ["csv"]}),
        "下载 Excel": ("/api/queries/overlaps", {**query, "format": ["xlsx"]})}
    with urllib.request.urlopen(browser.find_element("link text", "下载 CSV").get_attribute("href")) as answer:
        rows = list(csv.reader(io.StringIO(answer.read().decode("utf-8-sig"))))
    assert len(rows) == 1 + sum(len(c["members"]) for c in clusters)
    assert {row[4] for row in rows[1:]} == {"互联网租赁自行车停放管理", "建筑垃圾处置监督管理"}  # after 牵头部门
    browser.save_screenshot(str(SHOTS / "overlaps-department.png"))

    # A name the graph does not hold, or one several departments bear: the API's words, and nothing to download.
    _overlap_query(browser, "示例市宇宙局")
    assert browser.find_element("id", "overlap-message").text == "查询失败：未找到部门：示例市宇宙局"
    assert browser.find_elements("css selector", "#overlap-downloads a, #overlap-table tr") == []
    assert not browser.find_element("id", "chart-overlaps").is_displayed()
    # With 区划 示例市 chosen a bare name is that region's department; with 全部 it names one in each region.
    _overlap_query(browser, "市场监督管理局")
    assert not browser.find_element("id", "overlap-message").is_displayed()
    assert _downloads(browser, "overlap-downloads")["下载 CSV"][1]["department"] == ["市场监督管理局"]
    Select(browser.find_element("id", "overlap-region")).select_by_value("")
    _overlap_query(browser, "市场监管局")
    assert browser.find_element("id", "overlap-message").text == (
        "查询失败：“市场监管局”对应 3 个部门：河西区市场监督管理局、示例市市场监督管理局、青山县市场监督管理局，请写全称")
    # An analyst's short name with its region (user test 5: 青山县市场监管局 was 未找到部门).
    _overlap_query(browser, "青山县市场监管局")
    assert not browser.find_element("id", "overlap-message").is_displayed()
    Select(browser.find_element("id", "overlap-region")).select_by_value("示例市")
    # An empty box is every department again, the message gone and the network back.
    _overlap_query(browser, "")
    assert not browser.find_element("id", "overlap-message").is_displayed()
    assert _charts_drawn(browser)["chart-overlaps"] > 0
    assert _downloads(browser, "overlap-downloads")["下载 CSV"][1] == {
        "region": ["示例市"], "threshold": ["0.5"], "scope": ["departments"], "format": ["csv"]}
    browser.get("about:blank")  # the next test's #overlaps is a fresh page, with no region chosen


def test_the_view_s_choices_are_kept_in_the_url_and_a_wrong_link_says_so(  # type: ignore[no-untyped-def]
        browser, site: str) -> None:
    """User test 5: the URL stayed #department whatever was chosen, and #foo showed only the header."""
    from selenium.webdriver.support.select import Select

    browser.get("about:blank")
    _open(browser, site, "department")
    browser.execute_script("window.dutygraph.ready.department = false")
    Select(browser.find_element("id", "department-select")).select_by_value("示例市水务局")
    _wait(browser, "return window.dutygraph.ready.department === true")
    assert urllib.parse.unquote(browser.current_url.split("#", 1)[1]) == "department?name=示例市水务局"
    # The link reopens the same department, in a fresh page.
    link = browser.current_url
    browser.get("about:blank")
    browser.get(link)
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.department === true")
    assert Select(browser.find_element("id", "department-select")).first_selected_option.text == "示例市水务局"
    # A staffing filter and a search text, too.
    browser.get("about:blank")
    browser.get(f"{site}/#staffing?region=" + urllib.parse.quote("示例市/河西区"))
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.staffing === true")
    assert Select(browser.find_element("id", "staffing-region")).first_selected_option.text == "示例市/河西区"
    rows = browser.execute_script("return [...document.querySelectorAll('#staffing-table tr')].slice(1).map((tr) => tr.children[0].textContent)")
    assert set(rows) == {"河西区"}
    browser.get("about:blank")
    browser.get(f"{site}/#search?text=" + urllib.parse.quote("公司拖欠工资三个月") + "&region=" + urllib.parse.quote("示例市"))
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.search === true")
    assert browser.find_element("css selector", "#search-results .result h3").text.startswith("1. 示例市人力资源和社会保障局")
    # An unknown view says so and shows the overview.
    browser.get("about:blank")
    browser.get(f"{site}/#foo")
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.overview === true")
    assert browser.find_element("id", "route-message").text == "没有“foo”这个页面，已显示概览。"
    assert browser.find_element("id", "page-overview").is_displayed()
    assert browser.find_element("css selector", "nav a.active").text == "概览"
    # A value no picker offers (a mistyped city) is said, with what is shown instead (user test: silent).
    browser.get("about:blank")
    browser.get(f"{site}/#split?city=" + urllib.parse.quote("实例市"))
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.split === true")
    _wait(browser, "return !document.getElementById('route-message').hidden")
    assert browser.find_element("id", "route-message").text == "图中没有市“实例市”，已显示“示例市”。"
    browser.get("about:blank")
    browser.get(f"{site}/#split?city=" + urllib.parse.quote("示例市"))
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.split === true")
    assert not browser.find_element("id", "route-message").is_displayed()


def test_who_handles_groups_levels_shows_evidence_sources_and_downloads(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    """User test 5: with 区划 全部 a city and a county bureau were called a tie; evidence had no kind or 出处."""
    browser.get("about:blank")
    _open(browser, site, "search")
    box = browser.find_element("id", "search-text")
    box.clear()
    box.send_keys("小区电梯坏了没人修")
    browser.execute_script("window.dutygraph.ready.search = false")
    browser.find_element("css selector", "#search-form button").click()
    _wait(browser, "return window.dutygraph.ready.search === true")
    rows = _api(site, "/api/queries/who_handles", text="小区电梯坏了没人修", limit=5)
    regions = sorted({r["region"] for r in rows}, key=lambda r: (r.count("/"), r))
    assert browser.find_element("id", "search-level-note").text == (
        f"候选部门分属 {len(regions)} 个区划：事项由哪一级管，要看诉求发生在哪里。请在“区划”中选择诉求发生地，以下按区划分组列出。")
    assert [h.text for h in browser.find_elements("css selector", "#search-results h3.search-region")] == regions
    assert "难以区分" not in browser.find_element("id", "search-results").text
    titles = site_titles(site)
    first = rows[0]["evidence"][0]
    kinds = {"duty": "职责", "office_duty": "内设机构职责", "matter_lead": "牵头事项", "power_item": "权责事项",
             "supervision_item": "监管事项"}
    office = f"·{first['office']}" if first["office"] else ""
    assert browser.find_element("css selector", "#search-results .result li").text == (
        f"【{kinds[first['kind']]}｜{rows[0]['region']}{office}】{first['text']}（出处：{_source(titles, first['source'])}）")
    assert _downloads(browser, "search-downloads") == {
        "下载 CSV": ("/api/queries/who_handles", {"text": ["小区电梯坏了没人修"], "limit": ["5"], "format": ["csv"]}),
        "下载 Excel": ("/api/queries/who_handles", {"text": ["小区电梯坏了没人修"], "limit": ["5"], "format": ["xlsx"]})}


def test_the_overview_s_unclaimed_items_open_their_own_list(browser, site: str) -> None:  # type: ignore[no-untyped-def]
    """User test 5: the 三不管 link pointed at #overview, and an item with no suggestion read （建议：）."""
    browser.get("about:blank")
    _open(browser, site, "overview")
    assert "三不管：对城镇排水与污水处理设施的监督检查（无建议：本区划没有部门的职责或权责事项与之足够相近，需人工确定承接部门）" in [
        li.text for li in browser.find_elements("css selector", "#findings-links li")]
    browser.find_element("partial link text", "三不管事项").click()
    _wait(browser, "return window.dutygraph.ready.orphans === true")
    headers, rows = _table(browser, "orphans")
    assert headers == ["区划", "编码", "监管事项", "监管对象", "建议认领部门（依据）", "出处"]
    assert [row[:2] for row in rows] == [["示例市", "JG370000701"], ["示例市/河西区", "JG370201500"]]
    assert rows[0][4].startswith("建议：示例市交通运输局（依据：负责互联网租赁自行车行业管理。")
    assert rows[1][4] == "无建议：本区划没有部门的职责或权责事项与之足够相近，需人工确定承接部门"
    assert set(_downloads(browser, "orphans-downloads")) == {"下载 CSV", "下载 Excel"}


def test_the_profile_gives_each_matter_its_source_and_each_overlap_text_its_department(  # type: ignore[no-untyped-def]
        browser, site: str) -> None:
    """User test 5: a matter listed twice without 出处 read as a duplicate; overlap texts were joined with ／."""
    browser.get("about:blank")
    browser.get(f"{site}/#department?name=" + urllib.parse.quote("示例市交通运输局"))
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.department === true")
    titles = site_titles(site)
    profile = _api(site, "/api/departments/" + urllib.parse.quote("示例市交通运输局"))
    tables = browser.execute_script("""return [...document.querySelectorAll('#department-details h3')].map((h) =>
        [h.firstChild.textContent, [...h.nextElementSibling.querySelectorAll('tr')].map((tr) =>
          [...tr.children].map((c) => c.textContent))]);""")
    by_title = {title.split("（")[0]: rows for title, rows in tables}
    assert by_title["配合的共同事项"][0] == ["事项", "依据", "出处"]
    assert by_title["配合的共同事项"][1:3] == [[a["name"], a["detail"], _source(titles, a["source"])]
                                          for a in profile["assists"][:2]]
    # Each group says its scope: the one table holds 同级部门, 内设机构 and 上下级 groups (user test).
    cluster = profile["overlaps"][0]
    assert by_title["职责交叉"][0] == ["范围", "相似度", "交叉部门", "各部门的职责（出处）"]
    assert [row[0] for row in by_title["职责交叉"][1:]] == ["同级部门", "同级部门", "内设机构"]
    assert by_title["职责交叉"][1][3] == "\n".join(
        f"{m['department']}{'·' + m['office'] if m['office'] else ''}：{m['duty']}（{_source(titles, m['source'])}）"
        for m in cluster["members"])


def test_a_list_s_row_numbers_are_fetched_when_one_of_its_sources_is_first_shown(  # type: ignore[no-untyped-def]
        browser, site: str) -> None:
    """The page asked for every list's row numbers at start; now for the documents an answer cites, when it first
    cites them: every request names its documents, none is asked for twice, and the sources read with their 序号."""
    browser.get("about:blank")
    browser.get(f"{site}/#department?name=" + urllib.parse.quote("示例市交通运输局"))
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.department === true")
    asked = browser.execute_script("""return performance.getEntriesByType('resource').map((e) => new URL(e.name))
        .filter((u) => u.pathname.endsWith('/api/documents/row_numbers')).map((u) => (u.searchParams.get('uid') || '').split(',').filter(Boolean))""")
    assert asked and all(asked)
    uids = [uid for request in asked for uid in request]
    assert len(uids) == len(set(uids))
    profile = _api(site, "/api/departments/" + urllib.parse.quote("示例市交通运输局"))
    numbered = {row["uid"] for row in _api(site, "/api/documents/row_numbers", limit=1000)["items"]}
    cited = {source.partition("#")[0] for source in _sources(profile)} & numbered
    assert cited and cited <= set(uids)
    titles = site_titles(site)
    [leads] = browser.execute_script("""return [...document.querySelectorAll('#department-details h3')]
        .filter((h) => h.firstChild.textContent.startsWith('牵头的共同事项'))
        .map((h) => [...h.nextElementSibling.querySelectorAll('tbody tr')].map((tr) => tr.lastChild.textContent))""")
    assert leads[:2] == [_source(titles, lead["source"]) for lead in profile["leads"][:2]]
    # A list row the profile cites, read by its number on the page.
    by_number = next(text for text in (_source(titles, source) for source in _sources(profile))
                     if "序号" in text or "编号" in text)
    assert by_number in browser.execute_script("return document.getElementById('department-details').innerText")


def _sources(value: Any) -> list[str]:
    """Every `doc:…#place` string of an answer, at any depth."""
    if isinstance(value, str):
        return [value] if value.startswith("doc:") and "#" in value else []
    if isinstance(value, list):
        return [source for item in value for source in _sources(item)]
    if isinstance(value, dict):
        return [source for item in value.values() for source in _sources(item)]
    return []
