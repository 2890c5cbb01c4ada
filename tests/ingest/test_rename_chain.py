"""A body renamed twice (青山县城市管理局 → 青山县城市管理和综合执法局 by one 调整 notice, → 青山县综合行政执法局 by
another): a name it was written by, other than its full name, reaches the body there now, the chain's end
(`chain_end`), in every place that finds a department by a name (queries.lookup.find_department and the `department`
query behind it). Before, the lookup followed one SUCCEEDED_BY step and stopped at the middle body, which no longer
answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.store import Store, open_store
from queries.lookup import checked_filters
from queries.profile import department_profile
from queries.report import build_report
from tests.ingest.conftest import whole_graph
from tests.ingest.test_alias_chain import FIXTURES, NOTICE, OLD, SHORT_FORM_LIST, _load

FIRST_RENAME = NOTICE  # 青山县城市管理局 → 青山县城市管理和综合执法局
SECOND_RENAME = FIXTURES / "alias_chain" / "qingshan_zonghe_notice_2025.txt"
NOW = "青山县综合行政执法局"


@pytest.mark.parametrize("order", [(OLD, SHORT_FORM_LIST, FIRST_RENAME, SECOND_RENAME),
                                   (OLD, SECOND_RENAME, FIRST_RENAME, SHORT_FORM_LIST)], ids=["list_first", "list_last"])
def test_a_name_of_the_first_body_reaches_the_end_of_the_chain(store: Store, order: tuple[Path, ...]) -> None:
    _load(store, *order)
    # 青山县城管局 is the first bureau's alias (the list wrote it for that bureau: ingest.records.note_party).
    for name in ("青山县城管局", "县城管局", "dept:示例市/青山县/综合行政执法局"):
        assert department_profile(store, name)["department"]["name"] == NOW, name
    assert checked_filters(store, {"department": "青山县城管局"}) == {"department": "dept:示例市/青山县/综合行政执法局"}
    assert build_report(store, department="青山县城管局").title == f"职责图谱评估报告（{NOW}）"
    # A full name opens its own body, whose profile says what became of it.
    first = department_profile(store, "青山县城市管理局")["department"]
    assert (first["name"], first["succession"]) == ("青山县城市管理局", "已更名为青山县城市管理和综合执法局（2024-03-18）")
    middle = department_profile(store, "青山县城市管理和综合执法局")["department"]
    assert (middle["name"], middle["succession"]) == (
        "青山县城市管理和综合执法局", "划入青山县园林局的职责（2024-03-18）；由青山县城市管理局更名而来（2024-03-18）；"
        "已更名为青山县综合行政执法局（2025-06-09）")
    # The profile of the body there now names the chain's first body by the name the list wrote for it.
    assert department_profile(store, NOW)["department"]["aliases"] == ["青山县城管局（原青山县城市管理局）"]


def loaded_app(tmp_path: Path) -> TestClient:
    """The API over a store of its own holding the chain of two renames, the list loaded first."""
    uri = f"embedded:{tmp_path}"
    loading = open_store(uri)
    try:
        loading.apply_schema()
        _load(loading, OLD, SHORT_FORM_LIST, FIRST_RENAME, SECOND_RENAME)
    finally:
        loading.close()
    return TestClient(create_app(store_uri=uri))


def test_the_api_opens_the_end_of_the_chain(tmp_path: Path) -> None:
    with loaded_app(tmp_path) as client:
        answer = client.get("/api/departments/青山县城管局")
    assert answer.status_code == 200
    assert (answer.json()["department"]["name"], answer.json()["department"]["aliases"]) == (
        NOW, ["青山县城管局（原青山县城市管理局）"])


def test_the_list_s_short_form_is_the_first_body_s_alias_in_any_order(store: Store, other_store: Store) -> None:
    # Read after both renames, 青山县城管局 reads as all three bureaus and resolves to the last; before, its alias went
    # on the middle one (the body the last replaced), where read before them it is the first's.
    _load(store, OLD, SHORT_FORM_LIST, FIRST_RENAME, SECOND_RENAME)
    _load(other_store, OLD, FIRST_RENAME, SECOND_RENAME, SHORT_FORM_LIST)
    given = "MATCH (d:Department) WHERE d.name STARTS WITH '青山县城市管理' RETURN d.name AS name, d.aliases AS aliases ORDER BY d.uid"
    assert store.read(given) == other_store.read(given) == [
        {"name": "青山县城市管理和综合执法局", "aliases": []}, {"name": "青山县城市管理局", "aliases": ["青山县城管局"]}]
    assert whole_graph(store) == whole_graph(other_store)
