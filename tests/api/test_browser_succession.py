"""The 部门 view of a department a 机构改革 renamed says so above its figures, as the profile does (机构沿革), and a
department no reform touched says nothing of it. The 主办/协办 view names a party by its old name too (X（原为Y）), as
the API and the report do, in a column shown where any row has one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from ingest.pipeline import ingest
from tests.api.live_server import serve
from tests.api.test_browser import _table, browser, site  # noqa: F401  (fixtures)
from tests.api.test_browser_access import _visit
from tests.ingest.test_succession import BOUNDARY, CITY, COUNTY, NEW_NAME, OLD, OLD_NAME, REFORM, ZHUJIAN
from tests.ingest.test_succession import ZHUJIAN_NAME as ZHUJIAN_BUREAU


def _reformed(tmp_path_factory: pytest.TempPathFactory, *paths: Path) -> Iterator[str]:
    data = tmp_path_factory.mktemp("succession-store")
    store = open_store(f"embedded:{data}")
    for path in paths:
        assert ingest([path], store, region=CITY).failed == []
    store.close()
    with serve(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{data}"))) as address:
        yield address


@pytest.fixture(scope="module")
def reformed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _reformed(tmp_path_factory, OLD, REFORM)


@pytest.fixture(scope="module")
def clauses_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """住建局's 三定 and a boundary list name the old bureau: after the reform, their clauses are its successor's."""
    yield from _reformed(tmp_path_factory, OLD, ZHUJIAN, BOUNDARY, REFORM)


def _succession_line(browser, site: str, name: str) -> list[object]:  # type: ignore[no-untyped-def]  # noqa: F811
    _visit(browser, site, f"department?name={name}")
    return browser.execute_script("const p = document.getElementById('department-succession');"
                                  "const r = document.getElementById('department-reading');"
                                  "return [document.getElementById('department-select').value, r.hidden ? '' : r.textContent,"
                                  " p.hidden, p.textContent]")


def test_a_renamed_department_says_what_it_became(browser, reformed_site: str) -> None:  # noqa: F811
    # The old name opens its successor (the resolver reads it so), whose 机构沿革 names the old one.
    assert _succession_line(browser, reformed_site, OLD_NAME) == [
        NEW_NAME, "", False, f"机构沿革：由{OLD_NAME}更名而来（2024-04-01）"]


def test_a_department_no_reform_touched_says_nothing_of_it(browser, site: str) -> None:  # noqa: F811
    assert _succession_line(browser, site, "示例市水务局") == ["示例市水务局", "", True, ""]


AMBIGUITY_COLUMNS = ["区划", "事项", "问题", "主办部门", "牵头部门", "配合部门", "有相应职责的部门（依据）", "出处及其所列部门"]


def test_the_host_assist_view_names_a_party_by_its_old_name(browser, clauses_site: str) -> None:  # noqa: F811
    _visit(browser, clauses_site, f"ambiguities?region={COUNTY}")
    titles, rows = _table(browser, "ambiguities")
    assert titles == [*AMBIGUITY_COLUMNS, "机构改革前名称"]
    assert [(row[1], row[2], row[-1]) for row in rows] == [
        ("城市道路挖掘管理", "文件间牵头部门不一致（文件日期不全（职责边界清单（qingshan_bianjie.csv）未署印发日期），无法判断先后）",
         f"{NEW_NAME}（原为{OLD_NAME}）")]
    assert ZHUJIAN_BUREAU in rows[0][4]


def test_the_host_assist_view_has_no_old_name_column_without_a_reform(browser, site: str) -> None:  # noqa: F811
    _visit(browser, site, "ambiguities?region=示例市/青山县")
    assert _table(browser, "ambiguities")[0] == AMBIGUITY_COLUMNS
