"""年度计划审核 on the page (headless Chromium, the examples' graph): a plan uploaded with its 年度, the summary line and
the tables as the Excel file lays them out, and a file that is no plan refused in Chinese."""

from __future__ import annotations

from pathlib import Path

from tests.api.test_browser import _open, browser, site, submit_form  # noqa: F401  (fixtures)

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"


def test_a_plan_checked_on_the_page(browser, site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open(browser, site, "plan")
    browser.find_element("id", "plan-file").send_keys(str(PLANS / "shi_shuiwu_plan_2025.txt"))
    submit_form(browser, {"plan-department": "", "plan-year": "2025"}, "plan-submit", "planned")
    assert browser.find_element("id", "plan-counts").text == (
        "shi_shuiwu_plan_2025.txt：示例市水务局 2025 年度工作目标 7 项，对照2025-12-31 施行的职责审核。")
    titles = browser.execute_script(
        "return [...document.querySelectorAll('#plan-tables h3')].map((h) => h.innerText);")
    assert titles == ["审核摘要（7）", "目标对应的职责（9）", "仍在承担已划出、取消或下放的职能（1）",
                      "超出职能范围或未能对应职责的目标（2）", "未纳入年度计划的职责（7）"]
    assert browser.find_element("id", "plan-message").get_attribute("hidden") is not None


def test_a_file_that_is_no_plan_is_refused_in_chinese(browser, site: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    empty = tmp_path / "空白.txt"
    empty.write_text("\n", encoding="utf-8")
    _open(browser, site, "plan")
    browser.execute_script("document.getElementById('plan-file').value = '';")
    browser.find_element("id", "plan-file").send_keys(str(empty))
    submit_form(browser, {"plan-department": "示例市水务局", "plan-year": ""}, "plan-submit", "planned")
    assert browser.find_element("id", "plan-message").text == "审核失败：空白.txt：文件没有正文"
    assert browser.find_element("id", "plan-summary").text == ""
