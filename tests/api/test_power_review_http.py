"""GET /api/queries/power_item_review and `dutygraph query power_item_review` on 青山县's 三定 and an invented 权责清单
with planted problems (tests/fixtures/quanze_review/): the JSON a program reads, and the CSV and Excel a 司法局
reviewer opens, by Chinese titles, without the uids."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import openpyxl
import pytest
from fastapi.testclient import TestClient

from tests.api.serving import ingested, serving
from tests.api.test_cli import run_bytes
from tests.api.test_http import CHECKED_ELSEWHERE, _conforms
from tests.queries.test_power_review import LIST, QINGSHAN

PATH = "/api/queries/power_item_review"
HEADER = ["区划", "实施主体", "权责事项", "职权类型", "编码", "问题", "设定依据（实施依据）", "说明", "出处"]


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingested(tmp_path_factory, "quanze-review-store", *map(str, QINGSHAN), str(LIST), "--region", "示例市/青山县")


@pytest.fixture(scope="module")
def client(county: Path) -> Iterator[TestClient]:
    yield from serving(county)


def test_the_review_over_http(client: TestClient) -> None:
    answer = client.get(PATH, params={"region": "示例市/青山县", "limit": 2, "offset": 5}).json()
    spec = client.get("/openapi.json").json()
    assert PATH in CHECKED_ELSEWHERE
    assert _conforms(spec, spec["paths"][PATH]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
                     answer, PATH) == []
    assert answer["total"] == 13
    assert [(row["item_uid"], row["finding"]) for row in answer["items"]] == [
        ("power:示例市/青山县/城市管理局/QSR-CF-004", "basis_cannot_set"),
        ("power:示例市/青山县/城市管理局/QSR-CF-003", "basis_cannot_set")]


def test_the_files_a_reviewer_opens(client: TestClient, county: Path) -> None:
    over_http = client.get(PATH, params={"region": "示例市/青山县", "format": "csv"}).content
    rows = list(csv.reader(io.StringIO(over_http.decode("utf-8-sig"))))
    assert rows[0] == HEADER
    # 说明 says which cell is empty, as it says the 规范性文件, the other departments or the nearest duties.
    assert rows[1] == ["示例市/青山县", "青山县交通运输局", "对道路运输经营者的监督检查", "行政检查", "QSR-JC-014",
                       "未写责任事项或追责情形", "《中华人民共和国道路运输条例》第六十条", "未写追责情形",
                       "权责清单（qingshan_quanze_2025.csv）序号14（第15行）"]
    assert rows[2] == ["示例市/青山县", "青山县住房和城乡建设局", "对施工现场未设置围挡的处罚", "行政处罚", "QSR-CF-002",
                       "未写设定依据（实施依据）", "", "", "权责清单（qingshan_quanze_2025.csv）序号2（第3行）"]
    assert len(rows) == 14
    printed = run_bytes("query", "power_item_review", "--param", "region=示例市/青山县", "--format", "csv",
                        store=county)
    assert printed.returncode == 0
    assert printed.stdout == over_http
    xlsx = client.get(PATH, params={"format": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    # Named in Chinese as every other download (user test: its file and sheet read power_item_review).
    assert xlsx.headers["content-disposition"] == (
        "attachment; filename=\"power_item_review.xlsx\"; filename*=UTF-8''" + quote("权责清单合法性审查.xlsx", safe=""))
    assert workbook.sheetnames == ["权责清单合法性审查", "查询条件"]
    cells = [[cell.value or "" for cell in row] for row in workbook.worksheets[0].iter_rows()]
    assert HEADER in cells
    assert cells[-1][:6] == ["示例市/青山县", "青山县环境保护局", "对餐饮单位油烟排放的检查", "行政检查", "QSR-JC-007",
                             "实施主体不是已知部门（图中没有其三定）"]


def test_a_department_s_profile_gives_each_power_item_s_code_basis_and_stages(client: TestClient) -> None:
    """The 编办 clerk reading one department's 权责事项 sees each item's 编码 and 设定依据 beside the review's findings
    on them, and its 责任事项 and 追责情形 as the list writes them: an empty cell stays empty (QSR-QZ-012's 责任事项)."""
    items = client.get("/api/departments/青山县市场监督管理局").json()["power_items"]
    stages = "1.立案责任。2.调查取证责任。"
    accountable = "因不履行或不正确履行行政职责的，依法追究责任。"
    assert [(r["name"], r["code"], r["basis"], r["responsibilities"], r["accountability"], r["offices"])
            for r in items] == [
        ("对占用城市道路从事经营活动的处罚", "QSR-CF-006", "《无证无照经营查处办法》第十三条", stages, accountable, ["综合执法股"]),
        ("对生产、销售不合格产品的处罚", "QSR-CF-008", "《中华人民共和国产品质量法》第四十九条", stages, accountable,
         ["综合执法股"]),
        ("对生产销售不合格产品的处罚", "QSR-CF-009", "《中华人民共和国产品质量法》第四十九条", stages, accountable,
         ["综合执法股"]),
        ("查封违法生产经营的场所", "QSR-QZ-012", "《中华人民共和国食品安全法》第一百一十条；《青山县食品安全监管工作方案》", "",
         accountable, ["综合执法股"])]
    # The profile's file: its 权责事项 table in the list's own column titles, an empty 追责情形 empty.
    csv_file = client.get("/api/departments/青山县交通运输局", params={"table": "power_items", "format": "csv"})
    assert list(csv.reader(io.StringIO(csv_file.content.decode("utf-8-sig")))) == [
        ["事项", "类型", "编码", "承办科室", "设定依据（实施依据）", "责任事项", "追责情形", "出处"],
        ["对道路运输经营者的监督检查", "行政检查", "QSR-JC-014", "", "《中华人民共和国道路运输条例》第六十条", "1.检查责任。", "",
         "权责清单（qingshan_quanze_2025.csv）序号14（第15行）"]]
    workbook = openpyxl.load_workbook(io.BytesIO(client.get("/api/departments/青山县住房和城乡建设局",
                                                            params={"format": "xlsx"}).content))
    cells = [[cell.value or "" for cell in row] for row in workbook["权责事项"].iter_rows()]
    assert cells[-2:] == [
        ["对施工现场未设置围挡的处罚", "行政处罚", "QSR-CF-002", "建筑业管理股", "", "1.立案责任。2.调查取证责任。", accountable,
         "权责清单（qingshan_quanze_2025.csv）序号2（第3行）"],
        ["建筑工程施工许可", "行政许可", "QSR-XK-001", "建筑业管理股", "《中华人民共和国建筑法》第八条",
         "1.受理责任：公示申请条件。2.审查责任：审查申请材料。", accountable, "权责清单（qingshan_quanze_2025.csv）序号1（第2行）"]]
