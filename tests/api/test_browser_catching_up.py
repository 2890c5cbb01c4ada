"""The page shows what the API answers (headless Chromium): the 乡镇履职 view of township_duties, 编制负荷's columns of
what 调整 notices changed, 市县事权's 涉及部门 and the server's note where a city's split list is not loaded, 职责分解
by 区划, and 概览's bars and cards where lists are not loaded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.api.live_server import serve_corpus
from tests.api.test_browser import SHOTS, _wait, browser, site  # noqa: F401  (fixtures)
from tests.api.test_browser_county import _choose, _links, _open_with, _rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SHILING, ANPING = "澄州市/石岭县", "澄州市/石岭县/安平镇"
ANPING_LIST = "《石岭县安平镇履行职责事项清单》"
NOTICE = "《关于调整澜州市林业局职责机构编制的通知》"


@pytest.fixture(scope="module")
def township_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """石岭县's five departments' 三定 and the lists of 安平镇 and 东湖街道 (tests/fixtures/township)."""
    with serve_corpus(tmp_path_factory.mktemp("township-store"), [FIXTURES / "township"], ("澄州市", "石岭县")) as address:
        yield address


@pytest.fixture(scope="module")
def notices_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """澜州市's 林业局, 园林局 and 水务局, and the notice that moves the 林业局's work and posts (tests/fixtures/staff_changes)."""
    with serve_corpus(tmp_path_factory.mktemp("notices-store"), sorted((FIXTURES / "staff_changes").glob("*.txt")),
                      ("澜州市",)) as address:
        yield address


def _headings(browser, box: str) -> list[str]:  # type: ignore[no-untyped-def]  # noqa: F811
    return [h.text for h in browser.find_elements("css selector", f"#{box} h3")]


def _table(browser, box: str) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]  # noqa: F811
    """A table's rows as {column title: cell}."""
    titles = [th.get_attribute("textContent") for th in browser.find_elements("css selector", f"#{box} thead th")]
    return [dict(zip(titles, row, strict=True)) for row in _rows(browser, box)]


def test_a_township_s_list_by_part_with_each_finding_and_its_evidence(browser, township_site: str) -> None:  # noqa: F811
    _open_with(browser, township_site, "townships", region=SHILING, township=ANPING)
    assert browser.find_element("id", "townships-township").get_attribute("value") == ANPING
    assert _headings(browser, "townships-parts") == ["基本履职事项（5 项）", "配合履职事项（6 项）", "上级部门收回事项（3 项）"]
    [basic, assisting, reclaimed] = browser.find_elements("css selector", "#townships-parts > div")
    basic_rows = _table(browser, "townships-parts > div:nth-of-type(1)")
    assert basic_rows[0] == {"事项类别": "党的建设", "事项": "镇党委自身建设",
                             "乡镇（街道）职责": "落实全面从严治党主体责任，加强镇党委班子和干部队伍建设。",
                             "清单出处": f"{ANPING_LIST}基本履职事项序号1（第4行）"}
    rows = {row["事项"]: row for row in _table(browser, "townships-parts > div:nth-of-type(2)")}
    # 甩锅: the township assists a lead whose 三定 does not state the work, and no department of the county does.
    assert rows["电动自行车进楼入户整治"] == {
        "事项类别": "安全生产", "事项": "电动自行车进楼入户整治", "乡镇（街道）职责": "配合开展入户宣传和楼道巡查。",
        "牵头部门": "石岭县应急管理局", "县级部门职责（清单所列）": "县应急管理局负责电动自行车进楼入户整治。",
        "核对结果": "牵头部门三定、权责清单未写有此项，本县也无部门写有：乡镇配合却无部门主责（甩锅）",
        "写有此项的其他部门": "", "三定条文或权责事项": "", "其出处": "",
        "清单出处": f"{ANPING_LIST}配合履职事项序号4（第14行）"}
    assert (rows["农村危房改造"]["核对结果"], rows["农村危房改造"]["写有此项的其他部门"],
            rows["农村危房改造"]["其出处"]) == (
        "牵头部门三定、权责清单未写有此项，另一部门写有：需核定牵头部门", "石岭县住房和城乡建设局",
        "《澄州市石岭县住房和城乡建设局职能配置、内设机构和人员编制规定》第三条(二)")
    assert rows["特困人员供养"]["核对结果"] == "图中没有牵头部门的三定或权责清单，无法核对"
    assert [row["收回部门"] for row in _table(browser, "townships-parts > div:nth-of-type(3)")] == [
        "石岭县自然资源局", "石岭县城市管理局", "石岭县城市管理局"]
    assert assisting.find_elements("css selector", "tr.outlier") and not basic.find_elements("css selector", "tr.outlier")
    assert reclaimed.is_displayed()
    # The files are the same question's.
    csv = browser.find_element("css selector", "#townships-downloads a").get_attribute("href")
    assert (urlsplit(csv).path, parse_qs(urlsplit(csv).query)) == (
        "/api/queries/township_duties", {"township": ["安平镇"], "region": [SHILING], "format": ["csv"]})
    browser.save_screenshot(str(SHOTS / "townships.png"))
    # Every township of the county: a column says whose row it is.
    _choose(browser, "townships-township", "", "townships")
    assert _headings(browser, "townships-parts") == ["基本履职事项（8 项）", "配合履职事项（9 项）", "上级部门收回事项（4 项）"]
    assert _table(browser, "townships-parts > div:nth-of-type(1)")[0]["乡镇（街道）"] == "东湖街道"


def test_no_township_list_says_which_list_to_load(browser, site: str) -> None:  # noqa: F811
    _open_with(browser, site, "townships", region="示例市/青山县")
    empty = browser.find_element("id", "townships-empty")
    assert empty.is_displayed() and empty.text == (
        "青山县未载入乡镇（街道）履行职责事项清单：请载入各乡镇（街道）的履行职责事项清单（基本履职事项、配合履职事项、"
        "上级部门收回事项；每个乡镇（街道）一份，标题写明乡镇（街道）名称，如“某县某镇履行职责事项清单”）。")
    assert browser.find_element("id", "townships-downloads").text == "" and _headings(browser, "townships-parts") == []
    # Nor does the overview count what no list says.
    _open_with(browser, site, "overview", region="示例市/青山县")
    assert not [text for text in _links(browser) if text.startswith("乡镇")]


def test_the_overview_links_a_loaded_township_list_and_leaves_out_lists_not_loaded(
        browser, township_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open_with(browser, township_site, "overview", region=SHILING)
    links = _links(browser)
    scoped = "#townships?" + urlencode({"region": SHILING})
    assert {text: link for text, link in links.items() if text.startswith(("乡镇", "三不管", "事权冲突"))} == {
        "三不管事项：本区划未载入监管事项目录": "#orphans?" + urlencode({"region": SHILING}),
        "事权冲突：未载入澄州市的市县事权划分清单（该清单由市级制定，请载入澄州市的清单）":
            "#split?" + urlencode({"city": "澄州市", "county": SHILING}),
        "乡镇配合事项待核定：2": scoped, "乡镇收回事项待核定：2": scoped}
    option = browser.execute_script("return window.dutygraph.charts['chart-findings'].getOption()")
    assert option["yAxis"][0]["data"][-2:] == ["乡镇配合事项待核定", "乡镇收回事项待核定"]
    assert not {"三不管事项", "事权冲突"} & set(option["yAxis"][0]["data"])
    assert option["title"][0]["subtext"] == "未载入相应清单，不计：三不管事项、事权冲突"
    # Departments with a 三定, and the parties the lists name without one (the townships, 县民政局).
    assert browser.find_element("css selector", "#counts .count:nth-child(2)").text == "5\n部门（另有 3 个仅见于清单）"
    browser.save_screenshot(str(SHOTS / "overview-townships.png"))
    # The whole graph holds no 监管事项目录 either: said, not drawn as 0.
    _open_with(browser, township_site, "overview", region="")
    assert "三不管事项：未载入监管事项目录" in _links(browser)
    _open_with(browser, township_site, "overview", region=SHILING)
    browser.find_element("link text", "乡镇配合事项待核定：2").click()
    _wait(browser, "return location.hash.startsWith('#townships') && window.dutygraph.ready.townships === true")
    assert browser.find_element("id", "townships-region").get_attribute("value") == SHILING


def test_a_city_with_no_split_list_shows_the_server_s_note_instead_of_a_heatmap(
        browser, township_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open_with(browser, township_site, "split", city="澄州市")
    empty = browser.find_element("id", "split-empty")
    assert empty.is_displayed() and empty.text == "未载入澄州市的市县事权划分清单。"
    assert not browser.find_element("id", "split-charts").is_displayed()
    _choose(browser, "split-county", SHILING, "split")
    assert browser.find_element("id", "split-empty").text == (
        "未载入澄州市的市县事权划分清单（该清单由市级制定，请载入澄州市的清单）。")


def test_split_conflicts_name_the_departments_concerned(browser, site: str) -> None:  # noqa: F811
    _open_with(browser, site, "split", city="示例市", county="示例市/青山县")
    assert not browser.find_element("id", "split-empty").is_displayed()
    assert browser.find_element("id", "split-charts").is_displayed()
    assert [(row["事项"], row["涉及部门"]) for row in _table(browser, "split-conflicts")] == [
        ("道路普通货物运输经营许可", "示例市交通运输局、青山县交通运输局"),
        ("城市生活垃圾经营性清扫、收集、运输、处理服务审批", "示例市城市管理和综合执法局、青山县城市管理局"),
        ("城市道路占用、挖掘审批", "示例市城市管理和综合执法局、青山县城市管理局"),
        ("食品安全抽样检验", "示例市市场监督管理局、青山县市场监督管理局")]


def test_undecomposed_duties_by_region(browser, site: str) -> None:  # noqa: F811
    _open_with(browser, site, "undecomposed", region="示例市/青山县")
    rows = _table(browser, "undecomposed-table")
    assert len(rows) == 3 and {row["区划"] for row in rows} == {"示例市/青山县"}
    download = browser.find_element("css selector", "#undecomposed-downloads a").get_attribute("href")
    assert parse_qs(urlsplit(download).query)["region"] == ["示例市/青山县"]
    # The 区划 chosen, the 部门 list offers its departments.
    _choose(browser, "undecomposed-region", "示例市/河西区", "undecomposed")
    offered = [o.get_attribute("value") for o in browser.find_elements("css selector", "#undecomposed-department option")]
    assert offered[0] == "" and offered[1:] and all(name.startswith("河西区") for name in offered[1:])


def test_staffing_shows_what_notices_changed_with_their_clauses(browser, notices_site: str) -> None:  # noqa: F811
    _open_with(browser, notices_site, "staffing", region="澜州市")
    rows = {row["部门"]: row for row in _table(browser, "staffing-table")}
    assert list(rows) == ["澜州市园林局", "澜州市应急管理局", "澜州市林业局", "澜州市水务局"]
    forestry = rows["澜州市林业局"]
    assert (forestry["行政编制"], forestry["核定编制（未计通知划转）"], forestry["调整通知增减领导职数"],
            forestry["三定所列职责数（不含共性职责）"], forestry["职责数（不含共性职责）"], forestry["人均职责数"]) == (
        "8", "16", "-2", "6", "2", "0.25")
    assert forestry["调整通知划转编制"].split("\n") == [
        f"划出至澜州市园林局：行政编制2名、副处级领导职数1名（{NOTICE}一、）",
        f"划出至澜州市应急管理局：行政编制3名（{NOTICE}二、）", f"核减：行政编制1名（{NOTICE}三、）",
        f"下放至各县（区）：行政编制2名（{NOTICE}四、）", f"核减：副处级领导职数1名（{NOTICE}五、）"]
    assert forestry["调整通知所致职责变动"].split("\n") == [
        f"划出至澜州市应急管理局：负责森林防火的监督管理。（{NOTICE}二、）",
        f"划出至澜州市园林局：负责城市绿化的监督管理。（{NOTICE}一、）",
        f"取消：负责林木种苗生产经营许可。（{NOTICE}三、）", f"下放至各县（区）：负责林业有害生物防治检疫。（{NOTICE}四、）"]
    assert rows["澜州市园林局"]["调整通知增减领导职数"] == "+1"
    # Known by the notice alone: no figure of its own, and no duties per post (not a 0).
    emergency = rows["澜州市应急管理局"]
    assert (emergency["行政编制"], emergency["调整通知划转编制"], emergency["调整通知所致职责变动"], emergency["人均职责数"],
            emergency["稳健z分数"], emergency["核查发现"]) == (
        "无三定", f"自澜州市林业局划入：行政编制3名（{NOTICE}二、）",
        f"自澜州市林业局划入：森林防火监督管理（{NOTICE}二、）", "无三定，不计算", "无三定，不比较",
        "图中没有该部门的三定，本行仅据调整通知：划入职责1项、行政编制3名，不计算人均职责数")
    browser.save_screenshot(str(SHOTS / "staffing-notices.png"))


def test_staffing_without_notices_has_no_empty_notice_columns(browser, site: str) -> None:  # noqa: F811
    _open_with(browser, site, "staffing", region="示例市")
    titles = [th.get_attribute("textContent") for th in browser.find_elements("css selector", "#staffing-table thead th")]
    assert "调整通知划转编制" not in titles and "调整通知所致职责变动" not in titles and "人均职责数" in titles
