"""GET /api/queries/power_item_review and `dutygraph query power_item_review` on 青山县's 三定 and an invented 权责清单
with planted problems (tests/fixtures/quanze_review/): the JSON a program reads, and the CSV and Excel a 司法局
reviewer opens, by Chinese titles, without the uids."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from tests.api.test_cli import run, run_bytes
from tests.api.test_http import CHECKED_ELSEWHERE, _conforms
from tests.queries.test_power_review import LIST, QINGSHAN

PATH = "/api/queries/power_item_review"
HEADER = ["区划", "实施主体", "权责事项", "职权类型", "编码", "问题", "设定依据（实施依据）",
          "说明（规范性文件、其他部门、重复的事项）", "出处"]


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("quanze-review-store")
    loaded = run("ingest", *map(str, QINGSHAN), str(LIST), "--region", "示例市/青山县", store=store)
    assert loaded.returncode == 0, loaded.stderr
    return store


@pytest.fixture(scope="module")
def client(county: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{county}"))) as test_client:
        yield test_client


def test_the_review_over_http(client: TestClient) -> None:
    answer = client.get(PATH, params={"region": "示例市/青山县", "limit": 2, "offset": 3}).json()
    spec = client.get("/openapi.json").json()
    assert PATH in CHECKED_ELSEWHERE
    assert _conforms(spec, spec["paths"][PATH]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
                     answer, PATH) == []
    assert answer["total"] == 9
    assert [(row["item_uid"], row["finding"]) for row in answer["items"]] == [
        ("power:示例市/青山县/城市管理局/QSR-CF-004", "basis_cannot_set"),
        ("power:示例市/青山县/城市管理局/QSR-CF-003", "basis_cannot_set")]


def test_the_files_a_reviewer_opens(client: TestClient, county: Path) -> None:
    over_http = client.get(PATH, params={"region": "示例市/青山县", "format": "csv"}).content
    rows = list(csv.reader(io.StringIO(over_http.decode("utf-8-sig"))))
    assert rows[0] == HEADER
    assert rows[1] == ["示例市/青山县", "青山县住房和城乡建设局", "对施工现场未设置围挡的处罚", "行政处罚", "QSR-CF-002",
                       "未写设定依据（实施依据）", "", "", "权责清单（qingshan_quanze_2025.csv）序号2（第3行）"]
    assert len(rows) == 10
    printed = run_bytes("query", "power_item_review", "--param", "region=示例市/青山县", "--format", "csv",
                        store=county)
    assert printed.returncode == 0
    assert printed.stdout == over_http
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(PATH, params={"format": "xlsx"}).content))
    cells = [[cell.value or "" for cell in row] for row in workbook.worksheets[0].iter_rows()]
    assert HEADER in cells
    assert cells[-1][:6] == ["示例市/青山县", "青山县环境保护局", "对餐饮单位油烟排放的检查", "行政检查", "QSR-JC-007",
                             "实施主体不是已知部门（图中没有其三定）"]
