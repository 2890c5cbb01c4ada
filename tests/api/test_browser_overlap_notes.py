"""What the API said and the page did not (headless Chromium): 谁来管 and 批量分派 say when the department and the
runner-up are there on duties one overlaps cluster holds (职责交叉说明: the examples' 小区自来水发黄有异味, 水务局 and
住建局, unsettled), and the department boxes offer a department under the names it was known by (别名（牌子）, former
names marked 原…: tests/fixtures/alias_chain), so that a former name typed finds it."""

from __future__ import annotations

import csv
import io
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from tests.api.live_server import serve
from tests.api.test_browser import _open, browser, site, submit_form  # noqa: F401  (fixtures)
from tests.api.test_browser_county import _open_with
from tests.ingest.test_alias_chain import OLD, SHORT_FORM_LIST, _load
from tests.ingest.test_rename_chain import FIRST_RENAME, SECOND_RENAME

TICKETS = Path(__file__).resolve().parents[1] / "fixtures" / "overlap_12345.csv"
NOTE = "两部门三定职责交叉且未明确牵头（编号C095709c6）"
PICKERS = ["overlap-departments", "draft-departments", "plan-departments", "inforce-departments", "tenure-departments"]


def test_who_handles_says_the_overlap_under_the_first_two_rows(browser, site: str) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    _open_with(browser, site, "search", text="小区自来水发黄有异味", region="示例市")
    shown = browser.execute_script("""
        return [...document.querySelectorAll('#search-results .result')].map((r) => [
          r.querySelector('h3').firstChild.textContent, r.querySelector('p.overlap-note')?.textContent || '']);""")
    assert shown == [["1. 示例市水务局（供水排水科）", f"职责交叉说明：{NOTE}"],
                     ["2. 示例市住房和城乡建设局（城建与村镇建设科）", f"职责交叉说明：{NOTE}"],
                     ["3. 示例市生态环境局（大气与水生态环境科）", ""], ["4. 示例市农业农村局（农田建设与资源环境科）", ""],
                     ["5. 示例市市场监督管理局（信用监督管理科）", ""]]
    # The answer's 下载 CSV carries both, under the titles queries/labels.py gives them.
    link = browser.execute_script("return document.querySelector('#search-downloads a').href")
    with urllib.request.urlopen(link) as answer:
        rows = list(csv.DictReader(io.StringIO(answer.read().decode("utf-8-sig"))))
    assert [(row["部门"], row["职责交叉编号"], row["职责交叉说明"]) for row in rows[:3]] == [
        ("示例市水务局", "C095709c6", NOTE), ("示例市住房和城乡建设局", "C095709c6", NOTE), ("示例市生态环境局", "", "")]


def test_a_routed_file_shows_the_overlap_beside_the_runner_up(browser, site: str) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    _open(browser, site, "dispatch")
    browser.find_element("id", "dispatch-file").send_keys(str(TICKETS))
    submit_form(browser, {}, "dispatch-submit", "dispatched")
    table = browser.execute_script("""return [...document.querySelectorAll('#dispatch-table tr')]
        .map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.innerText));""")
    headers = table[0]
    runner_up = headers.index("次选部门")
    assert headers[runner_up + 1] == "职责交叉说明"
    department = headers.index("部门")
    assert [(row[1], row[department], row[runner_up], row[runner_up + 1]) for row in table[1:]] == [
        ("WS001", "示例市水务局", "示例市住房和城乡建设局", NOTE), ("WS002", "示例市生态环境局", "示例市住房和城乡建设局", "")]


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """青山县城市管理局 renamed twice, to 青山县综合行政执法局, a list naming it 青山县城管局 loaded first."""
    data = tmp_path_factory.mktemp("renamed-store")
    store = open_store(f"embedded:{data}")
    _load(store, OLD, SHORT_FORM_LIST, FIRST_RENAME, SECOND_RENAME)
    store.close()
    with serve(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{data}"))) as address:
        yield address


def test_the_department_boxes_offer_a_department_under_its_former_names(browser, renamed_site: str) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    _open(browser, renamed_site, "overview")
    offered = browser.execute_script("""return Object.fromEntries(arguments[0].map((id) => [id,
        [...document.querySelectorAll(`#${id} option`)].map((o) => [o.value, o.getAttribute('label') || ''])]));""",
                                     PICKERS)
    # The value is the name the API takes; the label, which the browser matches what is typed against as well, holds
    # the names it was known by: typing 青山县城市管理局 or 原青山县 finds it.
    assert offered == {picker: [["青山县综合行政执法局", "别名（牌子）：青山县城管局（原青山县城市管理局）"]]
                       for picker in PICKERS}
