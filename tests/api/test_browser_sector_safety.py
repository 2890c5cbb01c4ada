"""管行业必须管安全 on the page (headless Chromium), for an 应急管理局 investigator's county (tests/fixtures/
anquan_xinyetai): an unclaimed item's owner says whose sector's safety it is, by which 三定 clause, and which owner
the graph holds no 三定 of; a shared matter names its parties with no 三定. The API gave both, the page neither."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.api.live_server import serve_corpus
from tests.api.test_browser import _open, _table, _wait, browser  # noqa: F401  (fixtures)

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "anquan_xinyetai" / "corpus"
RULE = ("（三定规定：县直有关行业主管部门负责本行业领域的安全生产监督管理，"
        "《云溪县应急管理局职能配置、内设机构和人员编制规定》第六条(一)）")


@pytest.fixture(scope="module")
def county_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_corpus(tmp_path_factory.mktemp("anquan-store"), [CORPUS], ("北湖市", "云溪县")) as address:
        yield address


def test_an_unclaimed_items_owners_say_their_sector_and_the_ones_without_a_sanding(
        browser, county_site: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open(browser, county_site, "orphans")
    _wait(browser, "return window.dutygraph.ready.orphans === true")
    _headers, rows = _table(browser, "orphans")
    owners = next(row[4] for row in rows if row[1] == "YX2003").split("\n")
    assert [owner.partition("（")[0] for owner in owners] == ["建议：云溪县文化和旅游局", "云溪县消防救援大队", "云溪县公安局"]
    assert [(f"行业主管（管行业必须管安全）：文化、旅游{RULE}" in owner, owner.endswith("；图中无其三定）"))
            for owner in owners] == [(True, False), (False, True), (False, False)]


def test_a_shared_matter_names_its_parties_without_a_sanding(browser, county_site: str) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    _open(browser, county_site, "ambiguities")
    _wait(browser, "return window.dutygraph.ready.ambiguities === true")
    headers, rows = _table(browser, "ambiguities")
    column = headers.index("图中无其三定")
    assert sorted((row[1], row[column]) for row in rows) == [
        ("仓库厂房改变用途经营场所安全管理", "云溪县消防救援大队"), ("住宅小区电动自行车集中充电设施安全管理", "云溪县消防救援大队"),
        ("密室逃脱类场所安全管理", "云溪县消防救援大队")]
