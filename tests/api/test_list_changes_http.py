"""GET /api/queries/list_changes, `dutygraph query list_changes` and the ingest's word on a version kept as history, on
the list history fixtures (tests/fixtures/list_history): a data steward loads a list's versions in any order."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api.serving import serving
from tests.api.test_cli import run, run_bytes
from tests.api.test_http import CHECKED_ELSEWHERE, _conforms
from tests.ingest.test_list_history import BOUNDARY_MARCH, BOUNDARY_SEPT, CATALOG_APRIL, CATALOG_OCT, CHANGES

PATH = "/api/queries/list_changes"
HEADER = ["清单", "区划", "原版本", "新版本", "变化", "事项", "调整前", "调整后", "原版本出处", "新版本出处"]


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("history-store")
    assert run("ingest", str(BOUNDARY_SEPT), str(CATALOG_OCT), "--region", "临江市", store=store).returncode == 0
    return store


@pytest.fixture(scope="module")
def client(city: Path) -> Iterator[TestClient]:
    # The older versions loaded after the current ones: kept as history, said so.
    older = run("ingest", str(BOUNDARY_MARCH), str(CATALOG_APRIL), "--region", "临江市", store=city)
    assert older.returncode == 0, older.stderr
    said = older.stdout.splitlines()
    start = said.index("已作为历史版本保存 earlier versions kept as history (2)：图中已有同一清单较晚的版本，现行清单不变"
                       "（各版本的变化见 dutygraph query list_changes）/ the graph holds a later version of the same "
                       "list, which stays current")
    assert said[start + 1].startswith(f"  {BOUNDARY_MARCH}：已作为历史版本保存，现行清单 《临江市部门职责边界清单》 "
                                      f"{BOUNDARY_SEPT}（较早版本，未替换现行清单（2024年9月15日）")
    yield from serving(city)


def test_a_list_s_changes_over_http(client: TestClient) -> None:
    answer = client.get(PATH, params={"limit": 100}).json()
    spec = client.get("/openapi.json").json()
    assert PATH in CHECKED_ELSEWHERE
    assert _conforms(spec, spec["paths"][PATH]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
                     answer, PATH) == []
    assert [(row["change"], row["matter"]) for row in answer["items"]] == [
        (change, matter) for change, matter in zip(
            ("added", "deleted", "renamed", "lead_changed", "assist_changed", "assist_changed", "added", "deleted",
             "claim_changed", "claim_changed"), (row[4] for row in CHANGES), strict=True)]
    assert client.get(PATH, params={"list": "bianjie_2024_09.xlsx"}).json()["total"] == 6


def test_the_file_and_the_command_line(client: TestClient, city: Path) -> None:
    rows = list(csv.reader(io.StringIO(client.get(PATH, params={"format": "csv"}).content.decode("utf-8-sig"))))
    assert rows == [HEADER, *[[change[0], "临江市", *change[1:]] for change in CHANGES]]
    result = run_bytes("query", "list_changes", "--param", "list=临江市监管事项目录", "--format", "csv", store=city)
    assert result.returncode == 0, result.stderr
    assert list(csv.reader(io.StringIO(result.stdout.decode("utf-8-sig")))) == [
        HEADER, *[[change[0], "临江市", *change[1:]] for change in CHANGES[6:]]]
