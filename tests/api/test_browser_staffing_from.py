"""编制数据来源 on the page: a department a rename by notice alone made (no 三定 of its own) shows the old body's
figures, and its 部门 view and the 编制负荷 table say which body and document they are from, as the profile and the
report do; a department stating its own figures says nothing of it, and a region where no figure is borrowed has no
such column."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from tests.api.live_server import serve
from tests.api.test_browser import _table, browser, site  # noqa: F401  (fixtures)
from tests.api.test_browser_access import _visit
from tests.queries.test_carried_moved_out import CHENGGUAN, OLD, RECEIVER, RENAME, RENAMED, ZHUJIAN

SANDING = f"《{OLD}职能配置、内设机构和人员编制规定》"
BORROWED = f"编制、领导职数承继自{OLD}{SANDING}第五条；规格、内设机构承继自{OLD}{SANDING}"


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("staffing-from-store")
    store = open_store(f"embedded:{data}")
    for path in (CHENGGUAN, ZHUJIAN, RENAME):
        assert ingest([path], store, region=Region(("示例市",))).failed == []
    store.close()
    with serve(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{data}"))) as address:
        yield address


def _staffing_from_line(browser, site: str, name: str) -> list[object]:  # type: ignore[no-untyped-def]  # noqa: F811
    _visit(browser, site, f"department?name={name}")
    return browser.execute_script("const p = document.getElementById('department-staffing-from');"
                                  "return [document.getElementById('department-select').value, p.hidden, p.textContent]")


def test_the_department_view_says_where_borrowed_figures_come_from(browser, renamed_site: str) -> None:  # noqa: F811
    assert _staffing_from_line(browser, renamed_site, RENAMED) == [RENAMED, False, f"编制数据来源：{BORROWED}"]
    assert _staffing_from_line(browser, renamed_site, RECEIVER) == [RECEIVER, True, ""]


def test_the_staffing_view_has_a_column_of_where_figures_come_from(browser, renamed_site: str) -> None:  # noqa: F811
    _visit(browser, renamed_site, "staffing?region=示例市/白河县")
    titles, rows = _table(browser, "staffing")
    assert titles[-1] == "编制数据来源"
    assert [(row[1], row[2], row[-1]) for row in rows] == [(RECEIVER, "15", ""), (RENAMED, "10", BORROWED)]


def test_no_column_where_no_figure_is_borrowed(browser, site: str) -> None:  # noqa: F811
    _visit(browser, site, "staffing?region=示例市/青山县")
    assert "编制数据来源" not in _table(browser, "staffing")[0]
