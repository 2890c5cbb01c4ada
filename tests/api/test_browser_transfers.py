"""The 职责划转 view (审管分离 user test): work a 三定 moved to a 行政审批服务局 that the givers still list or state, or
the receiver lacks, a row each with the finding in words and its sources by document title; the overview links to
it with its count."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from tests.api.live_server import serve
from tests.api.test_browser import _table, browser  # noqa: F401  (fixtures)
from tests.api.test_browser_access import _visit
from tests.queries.test_transfers import CORPUS

SHENPI = "《鹭江市行政审批服务局职能配置、内设机构和人员编制规定》第三条"


@pytest.fixture(scope="module")
def shenpi_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("shenpi-store")
    store = open_store(f"embedded:{data}")
    assert ingest([CORPUS], store, region=Region(("鹭江市",))).failed == []
    store.close()
    with serve(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{data}"))) as address:
        yield address


def test_the_view_lists_what_the_transfers_left_undone(browser, shenpi_site: str) -> None:  # noqa: F811
    _visit(browser, shenpi_site, "transfers")
    headers, rows = _table(browser, "transfers")
    assert headers == ["区划", "划出部门", "接收部门", "划转的工作", "问题", "仍列有或写有的事项、条款", "事项类型或内设机构",
                       "所在位置", "划转依据"]
    assert [(row[1], row[3], row[4], row[6]) for row in rows] == [
        ("鹭江市交通运输局", "道路货物运输经营许可", "接收部门权责清单未列此项，需补列", ""),
        ("鹭江市住房和城乡建设局", "建筑工程施工许可", "划出部门权责清单仍列有此项，需删除", "行政许可"),
        ("鹭江市住房和城乡建设局", "建筑工程施工许可", "划出部门现行三定仍写有此项，需修订", ""),
        ("鹭江市住房和城乡建设局", "建筑工程施工许可", "划出部门现行三定仍写有此项，需修订", "建筑市场监管科"),
        ("鹭江市住房和城乡建设局", "商品房预售许可", "划出部门现行三定仍写有此项，需修订", ""),
        ("鹭江市住房和城乡建设局", "商品房预售许可", "划出部门现行三定仍写有此项，需修订", "房地产市场监管科"),
        ("鹭江市住房和城乡建设局", "商品房预售许可", "接收部门权责清单未列此项，需补列", ""),
        ("鹭江市市场监督管理局", "食品经营许可", "划出部门权责清单仍列有此项，需删除", "行政许可"),
    ]
    # Sources by document title, the list's row by its 序号; the transfer's clause named in 划转依据.
    assert rows[1][7] == "权责清单（lujiang_quanze.csv）序号1（第2行）"
    assert rows[1][8] == SHENPI


def test_the_overview_counts_them_and_links_the_view(browser, shenpi_site: str) -> None:  # noqa: F811
    _visit(browser, shenpi_site, "overview")
    links = {a.text: a.get_attribute("hash") for a in browser.find_elements("css selector", "#findings-links a")}
    assert links["职责划转未落实：8"] == "#transfers"
