"""某日职责 on the page (headless Chromium): a department and a date asked, the 三定 in force and the notice since it
above the table, the table with the Excel file's titles and cells (a duty the notice moved out read as 已划出, with the
notice's clause), the CSV and Excel files saved, the empty note before the first 三定, and a date that is none refused
in the API's words."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import openpyxl
import pytest

from tests.api.live_server import serve_loaded
from tests.api.test_browser import (  # noqa: F401  (fixtures)
    DESK,
    PHONE,
    PHONE_HEADERS_OF_SEVERAL_LINES,
    SHOTS,
    _open,
    _wait,
    browser,
    submit_form,
)
from tests.api.test_browser_dispatch import saved_by_clicking
from tests.ingest.test_revised_sanding import CITY
from tests.queries.test_duties_moved_out import FIXTURES

_2020 = "《临川市城市管理局职能配置、内设机构和人员编制规定》（2020年）"
_NOTICE = "《关于调整临川市城市管理局职责机构编制的通知》"


@pytest.fixture(scope="module")
def adjusted_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_loaded(tmp_path_factory.mktemp("in-force-store"), sorted(FIXTURES.iterdir()), CITY) as address:
        yield address


def _ask(browser, department: str, date: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    submit_form(browser, {"inforce-department": department, "inforce-date": date}, "inforce-submit", "inforce")


def _table(browser) -> list[list[str]]:  # type: ignore[no-untyped-def]  # noqa: F811
    return browser.execute_script("""return [...document.querySelectorAll('#inforce-table tr')]
        .map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.innerText));""")


def test_the_duties_in_force_on_a_date_on_the_page(browser, adjusted_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open(browser, adjusted_site, "inforce")
    _ask(browser, "城管局", "2022年7月1日")
    assert browser.find_element("id", "inforce-reading").text == "“城管局”读作：临川市城市管理局"
    assert browser.find_element("id", "inforce-counts").text == "临川市城市管理局 2022-07-01 时施行的文件（职责 10 条）："
    assert [li.text for li in browser.find_elements("css selector", "#inforce-document-list li")] == [
        f"三定规定 {_2020}，2020-01-01 起施行", f"调整职责机构编制通知 {_NOTICE}，2022-06-01 起施行"]
    header, *rows = _table(browser)
    assert header == ["部门", "内设机构", "序号", "职责类别", "职责内容", "承接的内设机构", "施行日期",
                      "出处（当时施行的文件）", "当日状态", "通知所述的职责", "划转的对方部门",
                      "变更依据（调整通知条款）", "变更施行日期"]
    assert rows[3] == ["临川市城市管理局", "", "4", rows[3][3], "负责城市照明设施的运行维护。", "照明科", "2020-01-01",
                       f"{_2020}第三条(四)", "已划出", "城市照明设施运行维护", "临川市住房和城乡建设局",
                       f"{_NOTICE}一、", "2022-06-01"]
    assert [row[8] for row in rows] == ["现行", "已取消", "已下放", "已划出", "现行", "现行", "现行", "已划出", "已取消",
                                        "已下放"]
    assert browser.execute_script("return document.querySelectorAll('#inforce-table tr.retired').length") == 6
    assert "#inforce?department=" in browser.current_url and "date=" in browser.current_url
    browser.save_screenshot(str(SHOTS / "in_force.png"))

    name, saved = saved_by_clicking(browser, "xpath", "//div[@id='inforce-downloads']/a[text()='下载 Excel']")
    assert name == "某日施行的职责.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(saved))["某日施行的职责"]
    assert [cell.value for cell in sheet[5]][8:10] == ["已划出", "城市照明设施运行维护"]
    name, saved = saved_by_clicking(browser, "xpath", "//div[@id='inforce-downloads']/a[text()='下载 CSV']")
    assert name == "某日施行的职责.csv"
    assert list(csv.reader(io.StringIO(saved.decode("utf-8-sig"))))[2][8] == "已取消"


def test_a_date_before_the_first_sanding_says_so(browser, adjusted_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open(browser, adjusted_site, "inforce")
    _ask(browser, "临川市城市管理局", "2019-12-31")
    assert browser.find_element("id", "inforce-empty").text == (
        "无 2019-12-31 时施行的三定：图中该部门最早的三定自 2020-01-01 起施行")
    assert _table(browser) == []
    assert browser.find_element("id", "inforce-downloads").text == ""


def test_rows_from_a_notice_alone_say_so(browser, adjusted_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """The 排水管理局 has no 三定 in the graph: the work a notice moved in is listed, and the note beside it says
    that is all the graph knows of it."""
    _open(browser, adjusted_site, "inforce")
    _ask(browser, "临川市排水管理局", "2023-06-30")
    assert browser.find_element("id", "inforce-note").text == (
        "无 2023-06-30 时施行的三定：图中没有该部门的三定；"
        "所列仅为其时已施行的调整职责机构编制通知所定的职责变动，不是该部门的全部职责")
    _header, *rows = _table(browser)
    assert [(row[4], row[8], row[10]) for row in rows] == [("城市排水设施运行维护", "现行", "临川市水务局")]


def test_a_date_that_is_none_is_refused_in_the_api_s_words(browser, adjusted_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open(browser, adjusted_site, "inforce")
    _ask(browser, "临川市城市管理局", "2022-02-30")
    assert browser.find_element("id", "inforce-message").text == (
        "查询失败：请求参数无效：日期 date 应写作 2021-06-30 或 2021年6月30日，而不是“2022-02-30”")
    assert _table(browser) == []


def test_a_link_reopens_the_question(browser, adjusted_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    browser.get(f"{adjusted_site}/#inforce?department=临川市住房和城乡建设局&date=2022-07-01")
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.inforce === true "
                   "&& document.querySelectorAll('#inforce-table tr').length > 0")
    _header, *rows = _table(browser)
    assert [(row[4], row[8], row[10]) for row in rows if row[2] == ""] == [
        ("城市照明设施运行维护", "现行", "临川市城市管理局")]


def test_at_phone_width_the_table_scrolls_in_its_box(browser, adjusted_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    try:
        browser.set_window_size(*PHONE)
        _open(browser, adjusted_site, "inforce")
        _ask(browser, "临川市城市管理局", "2022-07-01")
        width, page = browser.execute_script(
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]")
        assert page <= width
        assert browser.execute_script(PHONE_HEADERS_OF_SEVERAL_LINES) == []
        browser.save_screenshot(str(SHOTS / "phone-in_force.png"))
    finally:
        browser.set_window_size(*DESK)
