"""三定草案核对 on the page (headless Chromium, the examples' graph): a draft uploaded, its tables laid out as the Excel
file lays them out, the 职能转变 findings in Chinese, and the Excel file downloaded."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from tests.api.test_browser import SHOTS, _open, browser, site, submit_form  # noqa: F401  (fixtures)
from tests.api.test_browser_dispatch import saved_by_clicking

DRAFTS = Path(__file__).resolve().parents[1] / "fixtures" / "drafts"


def _table(browser, name: str) -> list[list[str]]:  # type: ignore[no-untyped-def]  # noqa: F811
    return browser.execute_script(f"""return [...document.querySelectorAll('#draft-table-{name} tr')]
        .map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.innerText));""")


def test_a_draft_checked_on_the_page(browser, site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open(browser, site, "draft")
    browser.find_element("id", "draft-file").send_keys(str(DRAFTS / "shi_shichangjianguan_draft.txt"))
    submit_form(browser, {"draft-department": ""}, "draft-submit", "drafted")
    assert browser.find_element("id", "draft-counts").text == (
        "shi_shichangjianguan_draft.txt：按 示例市市场监督管理局 的三定核对，对照现行三定（2019-02-26）。职责变化 0 条，"
        "内设机构变化 0 条，内设机构职责变化 2 条，编制和领导职数 5 条，职责分工变化 0 条，与其他部门的职责交叉 3 条，未分解到内设机构的职责 1 条，"
        "职能转变核对 8 条")
    header, *rows = _table(browser, "changes")
    assert header == ["转变类型", "职能转变原文", "对方部门", "划出部门（其他部门间划转）", "现行三定已有", "草案条款", "核对结果",
                      "图中无现行三定的一方", "相关条文或事项", "所在草案条款", "图中出处"]
    assert rows[2] == ["取消", "取消计量标准器具核准。", "", "", "", "第三条(十七)", "权责清单仍列有此项，需同步调整", "",
                       "计量标准器具核准", "", "《示例市市场监督管理局权责清单》工作表“权责清单”序号19（第22行）"]
    assert [row[6] for row in rows] == [
        "未发现问题", "草案仍写有此项", "权责清单仍列有此项，需同步调整", "权责清单仍列有此项，需同步调整", "草案仍写有此项",
        "接收部门现行三定未写有此项，需同步修订", "划出部门现行三定仍写有此项，需同步修订", "划出部门现行三定仍写有此项，需同步修订"]
    assert browser.find_element("css selector", "#draft-table-duties p").text == "（无）"
    browser.save_screenshot(str(SHOTS / "draft.png"))

    name, saved = saved_by_clicking(browser, "css selector", "#draft-downloads button")
    assert name == "示例市市场监督管理局-三定草案核对.xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(saved))
    assert [cell.value for cell in workbook["职能转变核对"][4]][6] == "权责清单仍列有此项，需同步调整"


def test_a_file_that_is_no_draft_is_refused_in_chinese(browser, site: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    listed = tmp_path / "清单.txt"
    listed.write_text("关于做好秋季防火工作的通知\n各乡镇：\n请认真做好秋季防火工作。\n", encoding="utf-8")
    _open(browser, site, "draft")
    browser.execute_script("document.getElementById('draft-file').value = '';")
    browser.find_element("id", "draft-file").send_keys(str(listed))
    submit_form(browser, {"draft-department": ""}, "draft-submit", "drafted")
    message = browser.find_element("id", "draft-message").text
    assert message.startswith("核对失败：清单.txt") and "标题和正文都没有写明部门名称" in message
