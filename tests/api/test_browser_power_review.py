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
    assert headers == ["区划", "实施主体", "权责事项", "职权类型", "编码", "问题", "设定依据（实施依据）", "说明", "出处"]
    mandate, stages = "实施主体的三定没有对应职责（职权法定）", "未写责任事项或追责情形"
    assert [(row[4], row[5]) for row in rows] == [
        ("QSR-JC-014", stages), ("QSR-CF-002", "未写设定依据（实施依据）"), ("QSR-CF-015", mandate),
        ("QSR-XK-010", "依据未写明法律、法规或规章的名称"),
        ("QSR-CF-005", "同一事项由多个部门实施（多头执法）"), ("QSR-CF-004", "依据仅为规范性文件，不能设定此类职权"),
        ("QSR-CF-003", "依据仅为规范性文件，不能设定此类职权"), ("QSR-CF-006", mandate),
        ("QSR-CF-006", "同一事项由多个部门实施（多头执法）"),
        ("QSR-CF-008", "同一部门重复列项（名称仅有细微差别）"), ("QSR-CF-009", "同一部门重复列项（名称仅有细微差别）"),
        ("QSR-QZ-012", stages), ("QSR-JC-007", "实施主体不是已知部门（图中没有其三定）")]
    # 说明 says what each finding rests on: here the cell left empty.
    assert rows[0][7] == "未写追责情形"
    assert rows[6][6] == "《青山县户外广告设置管理办法》第十二条"
    assert rows[1][8] == "权责清单（qingshan_quanze_2025.csv）序号2（第3行）"
