"""The departments list gives each department the names it is known by, as its profile does (queries.chain_names):
its own aliases, then those of the bodies its chain of renames replaced (`chain_end`), marked as theirs. Before, the
list gave none, and a short form written for the first of two renamed bureaus (青山县城管局) was in no row of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from queries import catalog
from tests.ingest.test_alias_chain import NOTICE, OLD, SHORT_FORM_LIST, TWO_NAMES_LIST, _load
from tests.ingest.test_rename_chain import SECOND_RENAME, loaded_app

COUNTY = "示例市/青山县"


def _names(store: Store, query: str = "departments") -> list[tuple[str, list[str]]]:
    return [(row["department"], row["aliases"]) for row in catalog.run(store, query, {"region": COUNTY})]


@pytest.mark.parametrize("order", [(OLD, SHORT_FORM_LIST, NOTICE, SECOND_RENAME),
                                   (OLD, SECOND_RENAME, NOTICE, SHORT_FORM_LIST)], ids=["list_first", "list_last"])
def test_the_list_names_the_end_of_the_chain_by_its_first_body_s_short_form(store: Store,
                                                                            order: tuple[Path, ...]) -> None:
    _load(store, *order)
    assert _names(store) == [("青山县综合行政执法局", ["青山县城管局（原青山县城市管理局）"])]


@pytest.mark.parametrize("order", [(OLD, NOTICE, TWO_NAMES_LIST), (OLD, TWO_NAMES_LIST, NOTICE)],
                         ids=["list_last", "list_first"])
def test_each_name_a_list_wrote_is_in_the_successor_s_row(store: Store, order: tuple[Path, ...]) -> None:
    _load(store, *order)
    # The list's names in the order of their entries (ingest.alias_sources.rebuilt), whatever the load order.
    assert _names(store) == [
        ("青山县城市管理和综合执法局", ["县城管局（原青山县城市管理局）", "青山县城管局（原青山县城市管理局）"])]


@pytest.mark.parametrize("order", [(OLD, TWO_NAMES_LIST), (TWO_NAMES_LIST, OLD)], ids=["sanding_first", "list_first"])
def test_before_the_reform_the_bureau_s_own_names_are_its_own(store: Store, order: tuple[Path, ...]) -> None:
    _load(store, *order)
    assert _names(store) == [("青山县城市管理局", ["县城管局", "青山县城管局"])]
    # The unfinished rows are the Cypher's: the own names, and the uid the finish reads them by.
    assert [(row["uid"], row["aliases"]) for row in catalog.run(store, "departments", {"region": COUNTY},
                                                                finished=False)] == [
        ("dept:示例市/青山县/城市管理局", ["县城管局", "青山县城管局"])]


def test_the_api_and_its_csv_give_the_names(tmp_path: Path) -> None:
    with loaded_app(tmp_path) as client:
        answer = client.get("/api/departments", params={"region": COUNTY})
        csv = client.get("/api/departments", params={"region": COUNTY, "format": "csv"})
    assert [(row["department"], row["aliases"]) for row in answer.json()["items"]] == [
        ("青山县综合行政执法局", ["青山县城管局（原青山县城市管理局）"])]
    assert csv.status_code == 200
    header, row = csv.text.lstrip("\ufeff").splitlines()[:2]
    assert (header.split(",")[:3], row.split(",")[:3]) == (
        ["区划", "部门", "别名（牌子）"], ["示例市/青山县", "青山县综合行政执法局", "青山县城管局（原青山县城市管理局）"])
