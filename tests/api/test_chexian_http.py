"""The upload's and DELETE's answers name the lists a 撤县设区 pairs or unpairs, as `dutygraph ingest` (按撤县设区重新
载入的区清单) and `dutygraph remove` (撤县设区已移除) say them: over HTTP neither was said."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import Store, open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from tests.ingest.test_region_notice import COUNTY_LIST, DISTRICT_LIST, FIXTURES

KEY = "test-key-chexian"
AUTH = {"Authorization": f"Bearer {KEY}"}
CITY = Region(("示例市",))
DISTRICT = Region(("示例市", "青山区"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chexian-store")


@pytest.fixture
def graph(folder: Path) -> Iterator[Store]:
    store = open_store(f"embedded:{folder}")
    store.clear()
    store.apply_schema()
    yield store
    store.close()


@pytest.fixture
def client(folder: Path, graph: Store) -> Iterator[TestClient]:
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{folder}", DUTYGRAPH_API_KEYS=KEY)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _uid(graph: Store, name: str) -> str:
    rows = graph.read("MATCH (d) WHERE (d:Document OR d:ListVersion) AND d.path ENDS WITH $name RETURN d.uid AS uid",
                      {"name": name})
    assert len(rows) == 1, rows
    return str(rows[0]["uid"])


def _upload_pifu(client: TestClient) -> dict[str, object]:
    files = [("files", ("pifu.txt", (FIXTURES / "pifu.txt").read_bytes(), "text/plain"))]
    answer = client.post("/api/documents", files=files, data={"region": "示例市"}, headers=AUTH)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_the_district_list_an_uploaded_rename_pairs_is_named(client: TestClient, graph: Store) -> None:
    assert ingest(COUNTY_LIST, graph, region=CITY).failed == []
    assert ingest([DISTRICT_LIST], graph, region=DISTRICT).failed == []
    answer = _upload_pifu(client)
    district = _uid(graph, DISTRICT_LIST.name)
    # The csv's have no title: the label is the path, region and uid.
    assert (answer["relisted"], answer["not_relisted"]) == ([f"{DISTRICT_LIST} (示例市/青山区, {district})"], [])


def test_the_lists_a_removed_rename_unpairs_are_named(client: TestClient, graph: Store) -> None:
    assert ingest(COUNTY_LIST, graph, region=CITY).failed == []
    assert ingest([FIXTURES / "pifu.txt"], graph, region=CITY).failed == []
    assert ingest([DISTRICT_LIST], graph, region=DISTRICT).failed == []
    answer = client.delete(f"/api/documents/{_uid(graph, 'pifu.txt')}", headers=AUTH)
    assert answer.status_code == 200, answer.text
    county_list = COUNTY_LIST[-1]
    assert (answer.json()["unpaired"], answer.json()["not_unpaired"]) == ([
        {"uid": _uid(graph, county_list.name), "path": str(county_list), "title": "",
         "kind": "boundary", "region": "示例市/青山县"},
        {"uid": _uid(graph, DISTRICT_LIST.name), "path": str(DISTRICT_LIST), "title": "",
         "kind": "boundary", "region": "示例市/青山区"}], [])


def test_a_pair_whose_file_changed_is_named_as_still_paired(client: TestClient, graph: Store, tmp_path: Path) -> None:
    district = tmp_path / DISTRICT_LIST.name
    shutil.copy(DISTRICT_LIST, district)
    assert ingest(COUNTY_LIST, graph, region=CITY).failed == []
    assert ingest([FIXTURES / "pifu.txt"], graph, region=CITY).failed == []
    assert ingest([district], graph, region=DISTRICT).failed == []
    district.write_text(district.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    answer = client.delete(f"/api/documents/{_uid(graph, 'pifu.txt')}", headers=AUTH).json()
    assert answer["unpaired"] == []
    assert [(Path(row["path"]).name, row["region"], row["history"], row["failure"]) for row in answer["not_unpaired"]] \
        == [("bianjie_qingshan.csv", "示例市/青山县", True, ""), ("bianjie_qingshanqu_2022.csv", "示例市/青山区", False, "")]
