"""A shared link reopens what its sender saw (headless Chromium): a township, a region or a department named in the
link as people write them (安平镇, 石岭县, 青山县市监局) opens its view on it; one the graph does not hold is said, named."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.live_server import serve_corpus
from tests.api.test_browser import SHOTS, _wait, browser, site  # noqa: F401  (fixtures)
from tests.api.test_browser_catching_up import ANPING, SHILING, _headings
from tests.api.test_browser_county import _open_with

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def township_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """石岭县's five departments' 三定 and the lists of 安平镇 and 东湖街道 (tests/fixtures/township)."""
    with serve_corpus(tmp_path_factory.mktemp("links-store"), [FIXTURES / "township"], ("澄州市", "石岭县")) as address:
        yield address


def _said(browser) -> str:  # type: ignore[no-untyped-def]  # noqa: F811
    """The route's message ('' when hidden): what a link asked for that the view could not show."""
    return str(browser.execute_script(
        "const m = document.getElementById('route-message'); return m.hidden ? '' : m.textContent"))


def _opened(browser, site: str, view: str, *, said: bool = False, **params: str) -> str:  # type: ignore[no-untyped-def]  # noqa: F811
    """The view opened afresh by a link; the route's message (`said`: waited for, as it follows the drawing)."""
    browser.get("about:blank")
    _open_with(browser, site, view, **params)
    if said:
        _wait(browser, "return !document.getElementById('route-message').hidden")
    return _said(browser)


def _chosen(browser, *boxes: str) -> list[str]:  # type: ignore[no-untyped-def]  # noqa: F811
    return [browser.find_element("id", box).get_attribute("value") for box in boxes]


ANPING_PARTS = ["基本履职事项（5 项）", "配合履职事项（6 项）", "上级部门收回事项（3 项）"]


@pytest.mark.parametrize("params", [{"township": "安平镇"}, {"township": "安平镇", "region": SHILING},
                                    {"township": "安平镇人民政府", "region": "石岭县"},
                                    {"township": "石岭县安平镇"}, {"township": ANPING}])
def test_a_township_named_in_a_link_opens_its_list(browser, township_site: str,  # noqa: F811
                                                   params: dict[str, str]) -> None:
    browser.get("about:blank")
    _open_with(browser, township_site, "townships", **params)
    assert _chosen(browser, "townships-township") == [ANPING]
    assert _headings(browser, "townships-parts") == ANPING_PARTS
    assert _said(browser) == ""
    # The address now holds the township as its list does, so that it is shared as it is shown.
    assert browser.execute_script("return decodeURIComponent(location.hash)").endswith(f"township={ANPING}")


def test_a_township_not_in_the_graph_is_named(browser, township_site: str) -> None:  # noqa: F811
    assert _opened(browser, township_site, "townships", said=True, region=SHILING, township="安平乡") == "石岭县没有乡镇（街道）“安平乡”，已显示“全部”。"
    assert _chosen(browser, "townships-region", "townships-township") == [SHILING, ""]
    assert _headings(browser, "townships-parts") == ["基本履职事项（8 项）", "配合履职事项（9 项）", "上级部门收回事项（4 项）"]
    assert _opened(browser, township_site, "townships", said=True, township="西山镇") == "图中没有乡镇（街道）“西山镇”，已显示“全部”。"


def test_a_region_by_its_bare_name_and_a_department_by_its_short_name(browser, site: str) -> None:  # noqa: F811
    browser.get("about:blank")
    _open_with(browser, site, "staffing", region="河西区")
    assert _chosen(browser, "staffing-region") == ["示例市/河西区"] and _said(browser) == ""
    rows = browser.execute_script(
        "return [...document.querySelectorAll('#staffing-table tr')].slice(1).map((tr) => tr.children[0].title)")
    assert set(rows) == {"示例市/河西区"}  # the region cell's title: its path (the cell reads 河西区)
    assert _opened(browser, site, "split", city="示例市", county="青山县") == ""
    assert _chosen(browser, "split-city", "split-county") == ["示例市", "示例市/青山县"]
    browser.get("about:blank")
    _open_with(browser, site, "department", name="青山县市监局")
    assert _chosen(browser, "department-select") == ["青山县市场监督管理局"] and _said(browser) == ""
    assert browser.find_element("id", "department-reading").text == "“青山县市监局”读作：青山县市场监督管理局"
    assert browser.find_element("css selector", "#department-details h3").text.startswith("部门职责（按类别）")
    # A name of none: the server's refusal says so, once (not the route's message too).
    assert _opened(browser, site, "department", name="宇宙局") == ""
    assert browser.find_element("css selector", "#page-department .page-error").text == "出错：未找到部门：宇宙局"
    # A region of none, by the box's own name.
    assert _opened(browser, site, "staffing", said=True, region="东山区") == "图中没有区划“东山区”，已显示“全部”。"


def test_a_bar_of_the_overview_opens_its_view(browser, township_site: str) -> None:  # noqa: F811
    browser.get("about:blank")
    _open_with(browser, township_site, "overview", region=SHILING)
    # The bars are drawn on a canvas: the bar's middle clicked where ECharts puts it.
    from selenium.webdriver.common.action_chains import ActionChains

    x, y, width, height = browser.execute_script("""
        const chart = window.dutygraph.charts['chart-findings'], option = chart.getOption();
        const index = option.yAxis[0].data.indexOf('乡镇配合事项待核定');
        const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [option.series[0].data[index] / 2, index]);
        window.dutygraph.ready.townships = false;
        return [x, y, chart.getWidth(), chart.getHeight()];""")
    box = browser.find_element("id", "chart-findings")
    ActionChains(browser).move_to_element_with_offset(box, int(x - width / 2), int(y - height / 2)).click().perform()
    _wait(browser, "return location.hash.startsWith('#townships') && window.dutygraph.ready.townships === true")
    assert _chosen(browser, "townships-region") == [SHILING]


def test_the_report_downloads_from_the_overview_and_a_profile(browser, site: str) -> None:  # noqa: F811
    """The report `dutygraph report --format docx` writes, from the page: 概览 for its 区划, a profile for its department."""
    import io
    import urllib.request
    from urllib.parse import parse_qs, unquote, urlsplit

    import docx

    def links(box: str) -> dict[str, tuple[str, dict[str, list[str]]]]:
        return {a.text: (urlsplit(a.get_attribute("href")).path, parse_qs(urlsplit(a.get_attribute("href")).query))
                for a in browser.find_elements("css selector", f"#{box} a[data-report]")}

    _opened(browser, site, "overview", region="示例市/青山县")
    assert links("overview-downloads") == {
        "下载报告（Word）": ("/api/report", {"region": ["示例市/青山县"], "format": ["docx"]}),
        "下载报告（Excel）": ("/api/report", {"region": ["示例市/青山县"], "format": ["xlsx"]})}
    word = browser.find_element("css selector", "#overview-downloads a[data-report=docx]")
    assert word.get_attribute("aria-label") == "下载报告（Word）：青山县的职责图谱评估报告"
    with urllib.request.urlopen(word.get_attribute("href")) as answer:
        assert unquote(answer.headers["content-disposition"]).endswith("''职责图谱评估报告（青山县）.docx")
        document = docx.Document(io.BytesIO(answer.read()))
    assert [p.text for p in document.paragraphs if p.style.name.startswith(("Title", "Heading"))][:3] == [
        "职责图谱评估报告（青山县）", "摘要", "部门概况（三定）"]
    browser.save_screenshot(str(SHOTS / "overview-report.png"))
    # The whole graph's, with no 区划 chosen.
    _opened(browser, site, "overview")
    assert links("overview-downloads")["下载报告（Word）"] == ("/api/report", {"format": ["docx"]})
    _opened(browser, site, "department", name="青山县市场监督管理局")
    assert links("department-downloads")["下载报告（Word）"] == (
        "/api/report", {"department": ["青山县市场监督管理局"], "format": ["docx"]})


@pytest.fixture(scope="module")
def crowded_township(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A township list of 1,205 基本履职事项, written here: more than the API's 1,000 rows a request."""
    folder = tmp_path_factory.mktemp("crowded-list")
    rows = ["石岭县安平镇履行职责事项清单,,,,", f"一、基本履职事项清单（共{CROWDED}项）,,,,", "序号,事项类别,事项名称,具体工作内容,备注",
            *(f"{n},党的建设,基本事项{n:04d},做好第{n}项工作。," for n in range(1, CROWDED + 1))]
    (folder / "anping.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    with serve_corpus(tmp_path_factory.mktemp("crowded-store"), [folder / "anping.csv"], ("澄州市", "石岭县")) as address:
        yield address


CROWDED = 1205


def test_a_view_shows_every_row_past_the_api_s_thousand(browser, crowded_township: str) -> None:  # noqa: F811
    """乡镇履职 showed the first 1,000 rows of a list as if they were all: it pages through the API."""
    _opened(browser, crowded_township, "townships", township="安平镇")
    assert _headings(browser, "townships-parts") == [f"基本履职事项（{CROWDED} 项）"]
    assert browser.find_element("css selector", "#townships-parts .pager span").text == f"第 1–20 条，共 {CROWDED} 条"
    # The last page holds the list's last rows, 1,201 to 1,205.
    browser.execute_script("""
        for (let n = 0; n < 60; n++) document.querySelector('#townships-parts .pager button[data-page=next]').click();""")
    last = browser.execute_script(
        "return [...document.querySelectorAll('#townships-parts tbody tr')].map((tr) => tr.children[1].textContent)")
    assert last == [f"基本事项{n}" for n in range(1201, CROWDED + 1)]
    assert browser.find_element("css selector", "#townships-parts .pager span").text == f"第 1201–{CROWDED} 条，共 {CROWDED} 条"


def test_a_profile_links_the_townships_whose_lists_name_the_department(browser, township_site: str) -> None:  # noqa: F811
    assert _opened(browser, township_site, "department", name="石岭县城市管理局") == ""
    note = browser.find_element("id", "department-townships")
    links = {a.text: a.get_attribute("hash") for a in note.find_elements("css selector", "a")}
    assert note.text.startswith("乡镇（街道）履行职责事项清单中涉及本部门的事项：")
    assert set(links) == {"东湖街道 2 项", "安平镇 2 项"}  # 东湖: a 配合 and a 收回; 安平镇: two 收回
    browser.find_element("link text", "安平镇 2 项").click()
    _wait(browser, "return location.hash.startsWith('#townships') && window.dutygraph.ready.townships === true")
    assert _chosen(browser, "townships-region", "townships-township") == [SHILING, ANPING]
    assert _headings(browser, "townships-parts") == ANPING_PARTS and _said(browser) == ""
