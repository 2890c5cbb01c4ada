"""GET /api/queries/transferred_still_held and `dutygraph query transferred_still_held` on a city whose 三定 moved its
departments' 行政许可 to a 行政审批服务局 (tests/fixtures/shenpi/): JSON with the uids programs join on, and the CSV an
编办 opens in Excel, by Chinese titles, without them."""

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
from tests.queries.test_transfers import CORPUS


@pytest.fixture(scope="module")
def reformed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("shenpi-store")
    assert run("ingest", str(CORPUS), "--region", "鹭江市", store=store).returncode == 0
    return store


@pytest.fixture(scope="module")
def client(reformed: Path) -> Iterator[TestClient]:
    yield from serving(reformed)


def test_the_transfers_still_held_over_http(client: TestClient) -> None:
    answer = client.get("/api/queries/transferred_still_held", params={"region": "鹭江市", "limit": 2}).json()
    assert answer["total"] == 8
    # The rows as the OpenAPI document describes them, field by field (the sample corpus has none to check).
    path = "/api/queries/transferred_still_held"
    spec = client.get("/openapi.json").json()
    assert path in CHECKED_ELSEWHERE
    assert _conforms(spec, spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
                     answer, path) == []
    assert [(row["giver_uid"], row["receiver_uid"], row["work"], row["finding"]) for row in answer["items"]] == [
        ("dept:鹭江市/交通运输局", "dept:鹭江市/行政审批服务局", "道路货物运输经营许可", "receiver_not_listed"),
        ("dept:鹭江市/住房和城乡建设局", "dept:鹭江市/行政审批服务局", "建筑工程施工许可", "still_listed")]
    response = client.get("/api/queries/transferred_still_held", params={"region": "鹭江市", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["区划", "划出部门", "接收部门", "划转的工作", "问题", "仍列有或写有的事项、条文", "事项类型或内设机构",
                       "其出处", "划转依据"]
    assert rows[-1] == ["鹭江市", "鹭江市市场监督管理局", "鹭江市行政审批服务局", "食品经营许可",
                        "划出部门权责清单仍列有此项，需删除", "食品经营许可", "行政许可",
                        "权责清单（lujiang_quanze.csv）序号4（第5行）",
                        "《鹭江市行政审批服务局职能配置、内设机构和人员编制规定》第三条"]


def test_the_command_line_prints_the_same_csv(reformed: Path, client: TestClient) -> None:
    result = run_bytes("query", "transferred_still_held", "--param", "region=鹭江市", "--format", "csv", store=reformed)
    assert result.returncode == 0
    over_http = client.get("/api/queries/transferred_still_held", params={"region": "鹭江市", "format": "csv"})
    assert result.stdout == over_http.content
