"""批量分派 on the page (headless Chromium, the examples' graph): a hotline's export routed row by row with its own
columns kept, the rows a person must settle marked and filtered, the answer downloaded as the server's Excel file,
and a file without a complaint column refused in Chinese naming its header."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import openpyxl

from tests.api.test_browser import SHOTS, _open, _wait, browser, site, submit_form  # noqa: F401  (fixtures)

EXPORT = ("工单编号,诉求内容,所属区县\n"
          "G1,公司拖欠工资三个月,\n"
          "G2,,青山县\n"
          "G3,派出所报警了不管,青山县\n"
          "G4,超市卖过期食品,\n")
# A blob the page saves is caught here, with the name it is saved under: headless Chromium has no download folder.
CATCH_SAVED = """
window.saved = null;
HTMLAnchorElement.prototype.click = function () {
  const name = this.download;
  fetch(this.href).then((r) => r.arrayBuffer()).then((buffer) => {
    window.saved = { name, bytes: btoa(String.fromCharCode(...new Uint8Array(buffer))) };
  });
};
"""


def saved_by_clicking(browser, by: str, target: str) -> tuple[str, bytes]:  # type: ignore[no-untyped-def]  # noqa: F811
    """The file a click on the page saves (a blob of the server's answer to a POST), and the name it is saved as."""
    browser.execute_script(CATCH_SAVED)
    browser.find_element(by, target).click()
    _wait(browser, "return window.saved !== null")
    saved = browser.execute_script("return window.saved")
    return saved["name"], base64.b64decode(saved["bytes"])


def _dispatch(browser, path: Path, column: str = "") -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    # The page stays open from test to test: the file box emptied, every row shown.
    browser.execute_script("document.getElementById('dispatch-file').value = '';"
                           "document.getElementById('dispatch-unsure').checked = false;")
    browser.find_element("id", "dispatch-file").send_keys(str(path))
    submit_form(browser, {"dispatch-column": column}, "dispatch-submit", "dispatched")


def _rows(browser) -> list[list[str]]:  # type: ignore[no-untyped-def]  # noqa: F811
    return browser.execute_script("""return [...document.querySelectorAll('#dispatch-table tr')]
        .map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.innerText));""")


def test_a_hotline_export_is_routed_on_the_page(browser, site: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    export = tmp_path / "工单.csv"
    export.write_text(EXPORT, encoding="gbk")  # as a Chinese Excel saves a CSV
    _open(browser, site, "dispatch")
    assert browser.find_element("id", "dispatch-region").get_attribute("value") == ""
    assert browser.find_element("css selector", "#dispatch-region option").text == "默认（示例市）"
    _dispatch(browser, export)
    assert browser.find_element("id", "dispatch-counts").text == (
        "工单.csv：共 4 条诉求，2 条已分派，2 条需人工确定。未写区划的诉求按 示例市 分派。")
    assert browser.find_element("css selector", "ul.warnings").text == "第 3 行“诉求内容”为空，未分派"
    header, *rows = _rows(browser)
    assert header[:6] == ["行号", "工单编号", "诉求", "分派区划", "部门", "内设机构"]
    person = header.index("需人工确定")
    assert [(row[0], row[1], row[3], row[4], row[person]) for row in rows] == [
        ("2", "G1", "示例市", "示例市人力资源和社会保障局", ""),
        ("3", "G2", "示例市/青山县", "", "诉求为空"),
        ("4", "G3", "示例市", "示例市公安局", "示例市/青山县 的部门无相应职责，按上级 示例市 分派"),
        ("5", "G4", "示例市", "示例市市场监督管理局", ""),
    ]
    browser.find_element("id", "dispatch-unsure").click()
    assert [row[1] for row in _rows(browser)[1:]] == ["G2", "G3"]
    browser.save_screenshot(str(SHOTS / "dispatch.png"))

    name, saved = saved_by_clicking(browser, "xpath", "//div[@id='dispatch-downloads']/button[text()='下载 Excel']")
    assert name == "工单-诉求分派.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(saved)).active
    table = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert table[0][:5] == ["行号", "工单编号", "诉求", "分派区划", "部门"]
    assert [(row[1], row[4]) for row in table[1:]] == [("G1", "示例市人力资源和社会保障局"), ("G2", None),
                                                      ("G3", "示例市公安局"), ("G4", "示例市市场监督管理局")]


def test_a_file_without_a_complaint_column_is_refused_naming_its_header(  # type: ignore[no-untyped-def]
        browser, site: str, tmp_path: Path) -> None:  # noqa: F811
    other = tmp_path / "other.csv"
    other.write_text("编号,内容摘要\n1,公司拖欠工资三个月\n", encoding="utf-8")
    _open(browser, site, "dispatch")
    _dispatch(browser, other)
    assert browser.find_element("id", "dispatch-message").text.startswith(
        "分派失败：other.csv第 1 行：表头应有诉求列（列名为 text、诉求内容、")
    # The page's box by its title, not the form field's name (`或用 column 指定`, user test).
    assert browser.find_element("id", "dispatch-message").text.endswith("或用“诉求列名”指定；表头为：编号, 内容摘要")
    assert _rows(browser) == []
    _dispatch(browser, other, column="内容摘要")
    assert browser.find_element("id", "dispatch-message").is_displayed() is False
    assert [row[:2] + row[4:5] for row in _rows(browser)[1:]] == [["2", "1", "示例市人力资源和社会保障局"]]
