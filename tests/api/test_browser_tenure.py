"""任期审计 on the page (headless Chromium, tests/fixtures/tenure with the notice moving 文物保护 back and the 权责清单's
version of 2023): a department and two dates asked, the five tables as the Excel file lays them out (a duty's two
periods on two rows, the replaced list version's items with its dates), the Excel and Word files saved, a link that
asks again, and a window that is none refused in the API's words."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
import openpyxl
import pytest

from ingest.regions import Region
from tests.api.live_server import serve_loaded
from tests.api.test_browser import SHOTS, _open, _wait, browser, submit_form  # noqa: F401  (fixtures)
from tests.api.test_browser_dispatch import saved_by_clicking
from tests.queries.test_tenure import FIXTURES, MOVED_BACK, NEW_VERSION

_NOTICE = "《关于调整滨江市文化和旅游局职责机构编制的通知》（2022年）"
_BACK = "《关于调整滨江市文物局职责机构编制的通知》"
_S2019 = "《滨江市文化和旅游局职能配置、内设机构和人员编制规定》（2019年）"


@pytest.fixture(scope="module")
def tenure_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    files = [*sorted(FIXTURES.iterdir()), MOVED_BACK, NEW_VERSION]
    with serve_loaded(tmp_path_factory.mktemp("tenure-store"), files, Region(("滨江市",))) as address:
        yield address


def _ask(browser, department: str, start: str, end: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    submit_form(browser, {"tenure-department": department, "tenure-from": start, "tenure-to": end}, "tenure-submit",
                "tenure")


def _table(browser, name: str) -> list[list[str]]:  # type: ignore[no-untyped-def]  # noqa: F811
    return browser.execute_script(f"""return [...document.querySelectorAll('#tenure-table-{name} tr')]
        .map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.innerText));""")


def test_a_tenure_on_the_page(browser, tenure_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open(browser, tenure_site, "tenure")
    _ask(browser, "文化和旅游局", "2021-01-01", "2022年12月31日")
    assert browser.find_element("id", "tenure-reading").text == "“文化和旅游局”读作：滨江市文化和旅游局"
    assert browser.find_element("id", "tenure-counts").text == "滨江市文化和旅游局 2021-01-01 至 2022-12-31"
    titles = browser.execute_script("return [...document.querySelectorAll('#tenure-tables h3')].map((h) => h.innerText);")
    assert titles == ["任期职责情况说明（10）", "任期职责变动（8）", "任期职责清单（7）", "任期始末编制（2）",
                      "涉及本部门的清单事项（3）"]
    header, *rows = _table(browser, "duties")
    assert header == ["职责", "承担起始", "承担截止", "承担截止时状态", "承担的内设机构", "出处"]
    assert [row[:4] for row in rows[:2]] == [["负责文物保护的监督管理。", "2021-01-01", "2022-03-31", "已划出"],
                                             ["负责文物保护的监督管理。", "2022-12-01", "2022-12-31", "现行"]]
    assert rows[1][5] == f"{_BACK}一、"
    header, *rows = _table(browser, "lists")
    assert header == ["清单类型", "本部门角色", "事项", "类型或依据", "清单日期", "施行至", "任期内印发", "出处"]
    assert [row[2] + " " + row[4] + " " + row[5] for row in rows] == [
        "旅游市场违法行为的处罚 2022-09-01 2023-04-30", "营业性演出审批 2022-09-01 2023-04-30",
        "旅游景区安全管理 2018-06-01 现行"]
    assert "#tenure?department=" in browser.current_url and "from=" in browser.current_url
    browser.save_screenshot(str(SHOTS / "tenure.png"))

    name, saved = saved_by_clicking(browser, "xpath", "//div[@id='tenure-downloads']/a[text()='下载 Excel']")
    assert name == "滨江市文化和旅游局任期职责情况说明（2021-01-01 至 2022-12-31）.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(saved))["任期职责清单"]
    assert [cell.value for cell in sheet[3]][:4] == ["负责文物保护的监督管理。", "2021-01-01", "2022-03-31", "已划出"]
    name, saved = saved_by_clicking(browser, "xpath", "//div[@id='tenure-downloads']/a[text()='下载 Word']")
    assert name == "滨江市文化和旅游局任期职责情况说明（2021-01-01 至 2022-12-31）.docx"
    assert docx.Document(io.BytesIO(saved)).paragraphs[0].text == (
        "滨江市文化和旅游局任期职责情况说明（2021-01-01 至 2022-12-31）")


def test_a_link_asks_again(browser, tenure_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    browser.get(f"{tenure_site}/#tenure?department=滨江市文化和旅游局&from=2023-09-01&to=2024-12-31")
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.tenure === true "
                   "&& document.querySelectorAll('#tenure-table-duties tr').length > 0")
    assert _table(browser, "changes") == []
    assert browser.find_element("id", "tenure-table-changes").text == "（无）"
    _header, *rows = _table(browser, "duties")
    assert {(row[1], row[2], row[3]) for row in rows} == {("2023-09-01", "2024-12-31", "现行")}


def test_a_window_that_is_none_is_refused_in_the_api_s_words(browser, tenure_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open(browser, tenure_site, "tenure")
    _ask(browser, "滨江市文化和旅游局", "2024-01-01", "2021-01-01")
    assert browser.find_element("id", "tenure-message").text == (
        "查询失败：任职日期（2024-01-01）晚于离任日期（2021-01-01）：请按 任职日期、离任日期 的顺序填写")
    assert browser.find_element("id", "tenure-tables").text == ""
    _ask(browser, "滨江市文化和旅游局", "", "2021-01-01")
    assert browser.find_element("id", "tenure-message").text == "请填写任职日期和离任日期，如 2021-03-01 或 2021年3月1日"
