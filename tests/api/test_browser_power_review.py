"""The 权责审查 view (合法性审查 user test): a 司法局 reviewer picks the county and reads each finding on its 权责清单,
the 依据 as written and the list row by the file's name and 序号."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.regions import Region
from tests.api.live_server import serve_loaded
from tests.api.test_browser import _table, browser  # noqa: F401  (fixtures)
from tests.api.test_browser_access import _visit
from tests.queries.test_power_review import LIST, QINGSHAN


@pytest.fixture(scope="module")
def county_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with serve_loaded(tmp_path_factory.mktemp("quanze-review-store"), [*QINGSHAN, LIST],
                      Region(("示例市", "青山县"))) as address:
        yield address


def test_the_view_lists_the_findings_on_the_list(browser, county_site: str) -> None:  # noqa: F811
    _visit(browser, county_site, "powerreview")
    headers, rows = _table(browser, "powerreview")
    assert headers == ["区划", "实施主体", "权责事项", "职权类型", "编码", "问题", "设定依据（实施依据）",
                       "说明（规范性文件、其他部门、重复的事项）", "出处"]
    assert [(row[4], row[5]) for row in rows] == [
        ("QSR-CF-002", "未写设定依据（实施依据）"), ("QSR-XK-010", "依据未写明法律、法规或规章的名称"),
        ("QSR-CF-005", "同一事项由多个部门实施（多头执法）"), ("QSR-CF-004", "依据仅为规范性文件，不能设定此类职权"),
        ("QSR-CF-003", "依据仅为规范性文件，不能设定此类职权"), ("QSR-CF-006", "同一事项由多个部门实施（多头执法）"),
        ("QSR-CF-008", "同一部门重复列项（名称仅有细微差别）"), ("QSR-CF-009", "同一部门重复列项（名称仅有细微差别）"),
        ("QSR-JC-007", "实施主体不是已知部门（图中没有其三定）")]
    assert rows[4][6] == "《青山县户外广告设置管理办法》第十二条"
    assert rows[0][8] == "权责清单（qingshan_quanze_2025.csv）序号2（第3行）"
