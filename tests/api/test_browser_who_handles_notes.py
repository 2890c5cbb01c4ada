"""谁来管 and 批量分派 on the page (headless Chromium) for an 应急管理局 investigator's county (tests/fixtures/
anquan_xinyetai): under a candidate, whose sector's safety the complaint falls in (管行业必须管安全, with the clause that
says so) and a department the graph holds no 三定 of; in a routed file's rows, the same, beside 乡镇赋权说明. The API
gave them, the page showed neither."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.live_server import serve_corpus
from tests.api.test_browser import _open, browser, submit_form  # noqa: F401  (fixtures)
from tests.api.test_browser_county import _open_with

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "anquan_xinyetai"
COUNTY = "北湖市/云溪县"
RULE = ("（三定规定：县直有关行业主管部门负责本行业领域的安全生产监督管理，"
        "《云溪县应急管理局职能配置、内设机构和人员编制规定》第六条(一)）")
SECTOR = f"行业主管（管行业必须管安全）：文化、旅游{RULE}"
NO_SANDING = "图中无其三定：仅见于清单或条款，请人工核对其职责"


@pytest.fixture(scope="module")
def county_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_corpus(tmp_path_factory.mktemp("notes-store"), [FIXTURE / "corpus"], ("北湖市", "云溪县")) as address:
        yield address


def _results(browser) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]  # noqa: F811
    """Each candidate's heading, the sector note under it and the no-三定 note ('' where none)."""
    return [tuple(row) for row in browser.execute_script("""
        return [...document.querySelectorAll('#search-results .result')].map((r) => [
          r.querySelector('h3').firstChild.textContent, r.querySelector('p.sector-safety')?.textContent || '',
          r.querySelector('p.no-sanding')?.textContent || '']);""")]


def test_a_safety_complaint_says_whose_sector_it_is_and_who_has_no_sanding(browser, county_site: str) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    # 密室逃脱 no one leads: 文旅局 is 文化's and 旅游's 行业主管 by its 三定; 消防救援大队 is a party of the list alone.
    _open_with(browser, county_site, "search", text="密室逃脱店里的通道太窄还很黑，应急照明都没有", region=COUNTY)
    assert _results(browser) == [
        ("1. 云溪县文化和旅游局（文化市场和安全股）", SECTOR, ""), ("2. 云溪县公安局（治安管理大队）", "", ""),
        ("3. 云溪县消防救援大队", "", NO_SANDING), ("4. 云溪县应急管理局（应急指挥和防灾减灾股）", "", ""),
        ("5. 云溪县住房和城乡建设局（建筑管理和安全股）", "", "")]
    # A complaint about no one's safety names no sector.
    _open_with(browser, county_site, "search", text="健身房办了预付卡，现在老板跑路了，钱退不回来", region=COUNTY)
    assert {sector for _heading, sector, _unknown in _results(browser)} == {""}


def test_a_routed_files_rows_carry_the_notes(browser, county_site: str) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    _open(browser, county_site, "dispatch")
    browser.execute_script(f"document.getElementById('dispatch-region').value = '{COUNTY}';")
    browser.find_element("id", "dispatch-file").send_keys(str(FIXTURE / "12345_gongdan.csv"))
    submit_form(browser, {}, "dispatch-submit", "dispatched")
    table = browser.execute_script("""return [...document.querySelectorAll('#dispatch-table tr')]
        .map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.innerText));""")
    headers = table[0]
    assert headers[-3:] == ["乡镇赋权说明", "行业主管（管行业必须管安全）", "图中无其三定"]
    department = headers.index("部门")
    assert [(row[1], row[department], *row[-3:]) for row in table[1:]] == [
        ("GD001", "云溪县文化和旅游局", "", SECTOR, ""), ("GD002", "云溪县住房和城乡建设局", "", "", ""),
        ("GD003", "云溪县文化和旅游局", "", SECTOR, ""), ("GD004", "云溪县市场监督管理局", "", "", ""),
        ("GD005", "云溪县公安局", "", "", ""), ("GD006", "云溪县文化和旅游局", "", "", ""),
        ("GD007", "云溪县公安局", "", "", ""), ("GD008", "云溪县市场监督管理局", "", "", "")]
