"""The API's region filter over a 撤县设区 district (tests/fixtures/chexian_unrenamed): asked by the county's old
path, 示例市/青山县, or by the district's, 示例市/青山区, the answer is the same, and neither is an unknown region."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graph.store import open_store
from tests.api.serving import serving
from tests.queries.test_districted_ranking import load_districted


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("districted-http")
    store = open_store(f"embedded:{path}")
    load_districted(store)
    store.close()
    yield from serving(path)


@pytest.mark.parametrize("region", ["示例市/青山县", "示例市/青山区", "青山县", "青山区"])
def test_the_district_s_departments_and_counts_by_either_path(client: TestClient, region: str) -> None:
    departments = client.get("/api/departments", params={"region": region, "limit": 100}).json()
    assert [(row["region"], row["department"]) for row in departments["items"]][:2] == [
        ("示例市/青山区", "青山区住房和城乡建设局"), ("示例市/青山县", "青山县交通运输局")]
    assert departments["total"] == 7
    counts = client.get("/api/regions/counts", params={"region": region}).json()["labels"]
    assert (counts["Region"], counts["Department"]) == (4, 11)


def test_an_unknown_region_is_still_a_404(client: TestClient) -> None:
    assert client.get("/api/departments", params={"region": "示例市/青山市"}).status_code == 404
