"""The 部门 view of a department a 机构改革 renamed says so above its figures, as the profile does (机构沿革), and a
department no reform touched says nothing of it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from ingest.pipeline import ingest
from tests.api.live_server import serve
from tests.api.test_browser import browser, site  # noqa: F401  (fixtures)
from tests.api.test_browser_access import _visit
from tests.ingest.test_succession import CITY, FIXTURES, NEW_NAME, OLD_NAME


@pytest.fixture(scope="module")
def reformed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("succession-store")
    store = open_store(f"embedded:{data}")
    for name in ("qingshan_chengguan_2019.txt", "qingshan_chengguan_zhifa_2024.txt"):
        assert ingest([FIXTURES / name], store, region=CITY).failed == []
    store.close()
    with serve(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{data}"))) as address:
        yield address


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
