"""The page's script read whole (headless Chromium): an answer that comes after a newer question is not drawn over
the newer one's, text with markup shows as text in the charts' tooltips, the filters of 职责交叉 and 编制负荷 are kept
in the URL and carried by the downloads, and a server that cannot be reached is said in Chinese on the page."""

from __future__ import annotations

import csv
import io
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from tests.api.live_server import serve
from tests.api.test_browser import _api, _downloads, _open, _wait, browser, site  # noqa: F401  (fixtures)

# A duty quoting markup, written word for word by two departments (one overlap cluster): it must read as text.
MARKUP = '负责<img src=x onerror="window.pwned=1">河道采砂&amp;堤防<b>监督</b>管理工作，组织实施河道巡查。'
# A 市县事权 list whose 领域 is markup: the heatmap's tooltip names it.
DOMAIN = "<i>水务</i>&amp;河道"
_SANDING = """临川市{name}职能配置、内设机构和人员编制规定
第一条 根据《临川市机构改革方案》，制定本规定。
第二条 临川市{name}是市政府工作部门，为正处级。
第三条 临川市{name}负责全市河道管理。主要职责是：
（一）{duty}
（二）完成市委、市政府交办的其他任务。
第四条 临川市{name}设下列内设机构：
（一）办公室。负责机关日常运转。
第五条 临川市{name}机关行政编制{staff}名。
"""

# The answers of requests whose URL holds `arguments[0]` come `arguments[1]` ms late: the page's own fetch, slowed
# as a busy server or a slow network would slow it, so that a newer request is answered first.
SLOW_ANSWERS = """
const [marker, delay] = arguments;
const fetchNow = window.fetch;
window.fetch = (resource, options) => fetchNow(resource, options).then((answer) =>
  decodeURIComponent(String(resource)).includes(marker) ? new Promise((done) => setTimeout(() => done(answer), delay))
                                                        : answer);
window.slowAnswers = (window.slowAnswers || 0) + 1;
"""


def _markup_store(folder: Path) -> str:
    for file, name, staff in (("hedao.txt", "河道管理局", 12), ("shuiwu.txt", "水务局", 20)):
        (folder / file).write_text(_SANDING.format(name=name, duty=MARKUP, staff=staff), encoding="utf-8")
    (folder / "shixian.csv").write_text(f"编号,事项名称,领域,划分方式,适用区县\n1,河道采砂许可,{DOMAIN},市级专有,全部\n",
                                        encoding="utf-8")
    data = folder / "store"
    store = open_store(f"embedded:{data}")
    files = [folder / name for name in ("hedao.txt", "shuiwu.txt", "shixian.csv")]
    assert ingest(files, store, region=Region(("临川市",))).failed == []
    store.close()
    return f"embedded:{data}"


@pytest.fixture(scope="module")
def markup_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve(create_app(Settings(DUTYGRAPH_STORE=_markup_store(tmp_path_factory.mktemp("markup"))))) as address:
        yield address


def _slow(browser, marker: str, delay: int = 2500) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    browser.execute_script(SLOW_ANSWERS, marker, delay)


def _choose_while_loading(browser, site: str, view: str, box: str, first: str, then: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """`first` chosen in the view's select `box`, its answer slowed, then `then` chosen before it came; returns once
    the slow answer has come too."""
    from selenium.webdriver.support.select import Select

    browser.get("about:blank")
    _open(browser, site, view)
    _slow(browser, first)
    select = Select(browser.find_element("id", box))
    select.select_by_value(first)
    select.select_by_value(then)
    _wait(browser, f"return window.dutygraph.ready['{view}'] === true")
    time.sleep(3.5)


def test_a_department_chosen_while_the_last_one_loads_is_the_one_shown(browser, site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The flaky upload test's cause: the profile asked first, answered last, replaced the one chosen after it."""
    _choose_while_loading(browser, site, "department", "department-select", "示例市水务局", "示例市交通运输局")
    staff = _api(site, "/api/departments/" + urllib.parse.quote("示例市交通运输局"))["department"]["staff_quota"]
    facts = browser.find_element("id", "department-facts").text.split("\n")
    assert facts[facts.index("行政编制") - 1] == str(staff)
    assert urllib.parse.unquote(browser.find_element("css selector", "#department-downloads a").get_attribute("href")) \
        .endswith("/api/departments/示例市交通运输局?format=xlsx")
    assert urllib.parse.unquote(browser.current_url).endswith("#department?name=示例市交通运输局")
    browser.get("about:blank")


def test_a_question_asked_while_the_last_one_is_answered_gets_its_own_answer(browser, site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    browser.get("about:blank")
    _open(browser, site, "search")
    _slow(browser, "小区电梯坏了没人修")
    box = browser.find_element("id", "search-text")
    for question in ("小区电梯坏了没人修", "公司拖欠工资三个月"):
        box.clear()
        box.send_keys(question)
        browser.find_element("css selector", "#search-form button").click()
    _wait(browser, "return window.dutygraph.ready.search === true")
    time.sleep(3.5)  # the slow answer has come
    answer = _api(site, "/api/queries/who_handles", text="公司拖欠工资三个月", limit=5)
    shown = [h3.text for h3 in browser.find_elements("css selector", "#search-results .result h3")]
    # Grouped by 区划 on the page: each candidate of this answer, and no other.
    assert len(shown) == len(answer) > 1
    assert all(any(title.startswith(f"{row['rank']}. {row['department']}") for title in shown) for row in answer)
    assert _downloads(browser, "search-downloads")["下载 CSV"][1]["text"] == ["公司拖欠工资三个月"]
    browser.get("about:blank")


def test_a_filter_changed_while_the_last_one_loads_keeps_its_own_rows(browser, site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _choose_while_loading(browser, site, "staffing", "staffing-region", "示例市/河西区", "示例市/青山县")
    regions = browser.execute_script(
        "return [...document.querySelectorAll('#staffing-table tr')].slice(1).map((tr) => tr.children[0].title)")
    assert set(regions) == {"示例市/青山县"}  # the region cell's title: its path (the cell reads 青山县)
    browser.get("about:blank")


# A chart's tooltip shown on the first item whose data has `arguments[1]`: its text, and the elements the markup made.
TOOLTIP = """
const [id, key, words] = arguments;
const chart = window.dutygraph.charts[id];
const items = chart.getOption().series[0].data;
chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: items.findIndex((item) => item[key] !== undefined)});
const box = [...document.querySelectorAll('#' + id + ' div')].find((div) => div.textContent.includes(words));
return box && [box.textContent, box.querySelectorAll('img, b, i').length];
"""


def test_markup_in_a_duty_or_a_domain_shows_as_text_in_the_tooltips(browser, markup_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    browser.get("about:blank")
    _open(browser, markup_site, "overlaps")
    # The table writes text nodes; the network's tooltip is HTML, on the duty's node.
    assert MARKUP in browser.find_element("id", "overlap-table").text
    assert browser.execute_script(TOOLTIP, "chart-overlaps", "value", "河道采砂") == [MARKUP, 0]
    _open(browser, markup_site, "split")
    assert browser.execute_script(TOOLTIP, "chart-heatmap", "length", "河道") == [f"{DOMAIN} · 市级专有：1 项", 0]
    assert browser.execute_script("return window.pwned === undefined")


def test_the_overlaps_settled_filter_is_kept_in_the_url_and_downloaded(browser, site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from selenium.webdriver.support.select import Select

    browser.get("about:blank")
    browser.get(f"{site}/#overlaps?settled=unsettled")
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.overlaps === true")
    assert Select(browser.find_element("id", "overlap-settled")).first_selected_option.text == "未明确"
    clusters = _api(site, "/api/queries/overlaps", scope="departments", limit=1000)["items"]
    unsettled = [c for c in clusters if not c["settled"]]
    shown = browser.execute_script(
        "return [...document.querySelectorAll('#overlap-table tr')].slice(1).map((tr) => tr.children[0].textContent)")
    assert shown == [c["cluster_id"] for c in unsettled][:20] and 0 < len(unsettled) < len(clusters)
    query = {"threshold": ["0.5"], "scope": ["departments"], "settled": ["false"]}
    assert _downloads(browser, "overlap-downloads") == {
        "下载 CSV": ("/api/queries/overlaps", {**query, "format": ["csv"]}),
        "下载 Excel": ("/api/queries/overlaps", {**query, "format": ["xlsx"]})}
    with urllib.request.urlopen(browser.find_element("link text", "下载 CSV").get_attribute("href")) as answer:
        rows = list(csv.reader(io.StringIO(answer.read().decode("utf-8-sig"))))
    assert len(rows) == 1 + sum(len(c["members"]) for c in unsettled)
    # Choosing 已明确 writes it in the URL.
    browser.execute_script("window.dutygraph.ready.overlaps = false")
    Select(browser.find_element("id", "overlap-settled")).select_by_value("settled")
    _wait(browser, "return window.dutygraph.ready.overlaps === true")
    assert browser.current_url.endswith("#overlaps?scope=departments&threshold=0.5&settled=settled")
    browser.get("about:blank")


def test_only_outliers_is_kept_in_the_url(browser, site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    browser.get("about:blank")
    browser.get(f"{site}/#staffing?outliers=1")
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.staffing === true")
    assert browser.find_element("id", "staffing-outliers").is_selected()
    departments = browser.execute_script(
        "return [...document.querySelectorAll('#staffing-table tr')].slice(1).map((tr) => tr.children[1].textContent)")
    assert departments == ["示例市文化广电旅游体育局", "河西区教育局"]
    browser.execute_script("window.dutygraph.ready.staffing = false")
    browser.find_element("id", "staffing-outliers").click()
    _wait(browser, "return window.dutygraph.ready.staffing === true")
    assert browser.current_url.endswith("#staffing")
    browser.get("about:blank")


def test_a_server_that_cannot_be_reached_is_said_in_chinese(  # type: ignore[no-untyped-def]
        browser, tmp_path: Path) -> None:  # noqa: F811
    """A filter changed after the server stopped failed in the console only; a link's failure, or an upload's, read
    "Failed to fetch"."""
    from selenium.webdriver.support.select import Select

    browser.get("about:blank")
    with serve(create_app(Settings(DUTYGRAPH_STORE=_markup_store(tmp_path)))) as address:
        _open(browser, address, "department")
    select = Select(browser.find_element("id", "department-select"))
    for name in ("临川市河道管理局", "临川市水务局"):  # a second failure replaces the first message
        browser.execute_script("window.dutygraph.ready.department = false")
        select.select_by_value(name)
        _wait(browser, "return window.dutygraph.ready.department === true")
    assert [p.text for p in browser.find_elements("css selector", "#page-department .page-error")] == [
        "出错：无法连接服务器，请检查网络或服务是否仍在运行"]
    # An upload read "上传失败：Failed to fetch".
    browser.find_element("css selector", "nav a[data-page='upload']").click()
    sanding = tmp_path / "yuanlin.txt"
    sanding.write_text(_SANDING.format(name="园林局", duty="负责全市园林绿化。", staff=9), encoding="utf-8")
    browser.find_element("id", "upload-files").send_keys(str(sanding))
    browser.find_element("id", "upload-submit").click()
    _wait(browser, "return window.dutygraph.ready.uploaded === true")
    assert browser.find_element("id", "upload-message").text == "上传失败：无法连接服务器，请检查网络或服务是否仍在运行"
    browser.get("about:blank")
