"""清单动态调整 on the page (headless Chromium): a list's versions by date and each adjustment's changes, citing both
versions' file and row, with the same question's downloads; an empty note where no list has two versions."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.api.live_server import serve_corpus
from tests.api.test_browser import SHOTS, _wait, browser, site  # noqa: F401  (fixtures)
from tests.api.test_browser_county import _choose, _open_with, _rows
from tests.ingest.test_list_history import (
    BOUNDARY,
    BOUNDARY_MARCH,
    BOUNDARY_SEPT,
    CATALOG_APRIL,
    CATALOG_OCT,
    CHANGES,
    ITEMS_TITLE,
    MARCH,
    SEPT,
)

APRIL_TO_OCT = "2024年4月1日 jianguan_2024_04.xlsx → 2024年10月8日 jianguan_2024_10.xlsx（现行）"


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """临江市's 职责边界清单 and 监管事项目录, two versions each (tests/fixtures/list_history)."""
    paths = [BOUNDARY_SEPT, CATALOG_OCT, BOUNDARY_MARCH, CATALOG_APRIL]
    with serve_corpus(tmp_path_factory.mktemp("history-store"), paths, ("临江市",)) as address:
        yield address


def _headings(browser) -> list[str]:  # type: ignore[no-untyped-def]  # noqa: F811
    return [h.text for h in browser.find_elements("css selector", "#listchanges-lists h3, #listchanges-lists h4")]


def _cells(browser, n: int) -> list[list[str]]:  # type: ignore[no-untyped-def]  # noqa: F811
    """The rows of the n-th adjustment's table (from 1)."""
    return _rows(browser, f"listchanges-lists > div:nth-of-type({n})")


def test_each_adjustment_of_each_list_with_both_versions_cited(browser, history_site: str) -> None:  # noqa: F811
    _open_with(browser, history_site, "listchanges")
    assert _headings(browser) == [
        f"《{BOUNDARY}》（临江市）：1 次调整",
        f"{MARCH} → {SEPT}：6 项变化（新增事项 1，删除事项 1，事项名称变更 1，牵头部门变更 1，配合部门变更 2）",
        f"《{ITEMS_TITLE}》（临江市）：1 次调整",
        f"{APRIL_TO_OCT}：4 项变化（新增事项 1，删除事项 1，认领状态变更 2）"]
    assert [title.text for title in browser.find_elements("css selector", "#listchanges-lists > div:nth-of-type(1) th")] \
        == ["变化", "事项", "调整前", "调整后", "原版本出处", "新版本出处"]
    assert _cells(browser, 1) == [list(change[3:]) for change in CHANGES if change[0] == BOUNDARY]
    assert _cells(browser, 2) == [list(change[3:]) for change in CHANGES if change[0] == ITEMS_TITLE]
    assert not browser.find_element("id", "listchanges-empty").is_displayed()
    browser.save_screenshot(str(SHOTS / "list-changes.png"))
    # One list chosen: its adjustment alone, the address and the downloads the same question's.
    _choose(browser, "listchanges-list", ITEMS_TITLE, "listchanges")
    assert _headings(browser) == [f"《{ITEMS_TITLE}》（临江市）：1 次调整",
                                  f"{APRIL_TO_OCT}：4 项变化（新增事项 1，删除事项 1，认领状态变更 2）"]
    links = {a.text: parse_qs(urlsplit(a.get_attribute("href")).query)
             for a in browser.find_elements("css selector", "#listchanges-downloads a")}
    assert links == {"下载 CSV": {"list": [ITEMS_TITLE], "format": ["csv"]},
                     "下载 Excel": {"list": [ITEMS_TITLE], "format": ["xlsx"]}}
    shared = browser.execute_script("return location.hash")
    # A shared link reopens it.
    browser.get("about:blank")
    browser.get(f"{history_site}/{shared}")
    _wait(browser, "return window.dutygraph && window.dutygraph.ready.listchanges === true")
    assert browser.find_element("id", "listchanges-list").get_attribute("value") == ITEMS_TITLE
    assert len(_headings(browser)) == 2


def test_no_list_with_two_versions_says_so(browser, site: str) -> None:  # noqa: F811
    _open_with(browser, site, "listchanges", region="示例市/青山县")
    empty = browser.find_element("id", "listchanges-empty")
    assert empty.is_displayed() and empty.text == (
        "青山县没有载入两个以上版本的清单：载入同一清单调整前后的版本（标题相同、印发日期不同）后，这里逐次列出每次调整的变化。")
    assert _headings(browser) == [] and browser.find_element("id", "listchanges-downloads").text == ""
