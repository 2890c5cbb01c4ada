"""管行业必须管安全 on the page (headless Chromium) where a county's 安委会成员单位安全生产工作职责 is loaded
(tests/fixtures/anwei_zhize over tests/fixtures/anquan_xinyetai): a 谁来管 candidate's and an unclaimed item's owner's
sector note names its basis, 安委会职责, before the member's paragraph, where a county without one reads 三定规定
(tests/api/test_browser_who_handles_notes.py): the source's title alone did not tell the two apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.live_server import serve_corpus
from tests.api.test_browser import _open, _table, _wait, browser  # noqa: F401  (fixtures)
from tests.api.test_browser_county import _open_with

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
COUNTY = "北湖市/云溪县"
WENLV = "负责文化和旅游行业安全生产监督管理，指导督促剧本娱乐经营场所、密室逃脱类场所落实安全生产主体责任"
CITED = f"（安委会职责：{WENLV}，《云溪县安全生产委员会成员单位安全生产工作职责》第三项（第7行））"


@pytest.fixture(scope="module")
def committee_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    paths = [FIXTURES / "anquan_xinyetai" / "corpus", FIXTURES / "anwei_zhize" / "yunxi_anwei_zhize.txt"]
    with serve_corpus(tmp_path_factory.mktemp("anwei-store"), paths, ("北湖市", "云溪县")) as address:
        yield address


def test_the_sector_notes_name_the_committee_as_their_basis(browser, committee_site: str) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    # 密室逃脱 no one leads: 文旅局's sectors are its 三定's and its paragraph's, which names 密室逃脱类场所.
    _open_with(browser, committee_site, "search", text="密室逃脱店里的通道太窄还很黑，应急照明都没有", region=COUNTY)
    notes = browser.execute_script("""return [...document.querySelectorAll('#search-results .result')]
        .map((r) => r.querySelector('p.sector-safety')?.textContent || '');""")
    assert notes == [f"行业主管（管行业必须管安全）：剧本娱乐、密室逃脱、文化、旅游{CITED}", "", "", "", ""]
    _open(browser, committee_site, "orphans")
    _wait(browser, "return window.dutygraph.ready.orphans === true")
    _headers, rows = _table(browser, "orphans")
    owner = next(row[4] for row in rows if row[1] == "YX2003").split("\n")[0]
    assert owner.endswith(f"；行业主管（管行业必须管安全）：文化、旅游{CITED}）")
