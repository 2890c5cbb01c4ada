"""`dutygraph tenure` and GET /api/tenure on tests/fixtures/tenure: the tables at the terminal, JSON, the Excel file
(a sheet a table, Chinese titles), the Word 任期职责情况说明, and a window that is none refused (exit 2, 422)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.api.serving import serving
from tests.api.test_cli import run
from tests.api.test_http import _conforms, _resolve
from tests.queries.test_tenure import FIXTURES

_ASKED = ("--department", "滨江市文化和旅游局", "--from", "2021-01-01", "--to", "2024-06-30")
_SHEETS = ["任期职责情况说明", "任期职责变动", "任期职责清单", "任期始末编制", "涉及本部门的清单事项", "查询条件"]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("tenure-store")
    assert run("ingest", str(FIXTURES), "--region", "滨江市", store=store).returncode == 0
    return store


@pytest.fixture(scope="module")
def client(loaded: Path) -> Iterator[TestClient]:
    yield from serving(loaded)


def test_the_tenure_at_the_terminal_and_as_files(loaded: Path, tmp_path: Path) -> None:
    shown = run("tenure", *_ASKED, store=loaded)
    assert shown.returncode == 0, shown.stderr
    assert "滨江市文化和旅游局任期职责情况说明（2021-01-01 至 2024-06-30）" in shown.stdout
    assert "新三定施行：改写" in shown.stdout and "副处级 -1" in shown.stdout
    answer = json.loads(run("tenure", *_ASKED, "--format", "json", store=loaded).stdout)
    assert [len(answer[key]) for key in ("changes", "duties", "staffing", "lists")] == [8, 8, 2, 3]
    workbook = tmp_path / "tenure.xlsx"
    assert run("tenure", *_ASKED, "--format", "xlsx", "--output", str(workbook), store=loaded).returncode == 0
    sheets = load_workbook(workbook)
    assert sheets.sheetnames == _SHEETS
    titles = [cell.value for cell in sheets["任期职责变动"][2]]
    assert titles == ["施行日期", "变动类型", "职责", "承担的内设机构", "对方部门或原条文", "行政编制（名）",
                      "领导职数增减", "依据条款"]
    document = tmp_path / "tenure.docx"
    assert run("tenure", *_ASKED, "--format", "docx", "--output", str(document), store=loaded).returncode == 0
    import docx

    text = "\n".join(paragraph.text for paragraph in docx.Document(str(document)).paragraphs)
    assert "滨江市文化和旅游局任期职责情况说明（2021-01-01 至 2024-06-30）" in text and "任期职责变动" in text


@pytest.mark.parametrize(("args", "said"), [
    (("--from", "2024-01-01", "--to", "2021-01-01"), "晚于离任日期"),
    (("--from", "2021-02-30", "--to", "2024-01-01"), "参数 from 应为日期"),
    (("--from", "2021-01-01", "--to", "2024-01-01", "--format", "docx"), "--output")])
def test_a_window_that_is_none_exits_2(loaded: Path, args: tuple[str, ...], said: str) -> None:
    refused = run("tenure", "--department", "滨江市文化和旅游局", *args, store=loaded)
    assert refused.returncode == 2 and said in refused.stderr


def test_the_tenure_over_http(client: TestClient) -> None:
    params = {"department": "文化和旅游局", "from": "2021-01-01", "to": "2024年6月30日"}
    answer = client.get("/api/tenure", params=params)
    assert answer.status_code == 200
    body = answer.json()
    spec = client.get("/openapi.json").json()
    schema = spec["paths"]["/api/tenure"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert _resolve(spec, schema)["type"] == "object" and _conforms(spec, schema, body, "/api/tenure") == []
    assert (body["department"], body["to"], [c["kind"] for c in body["changes"]][:2]) == (
        "滨江市文化和旅游局", "2024-06-30", ["划出", "下放"])
    workbook = client.get("/api/tenure", params={**params, "format": "xlsx"})
    assert load_workbook(io.BytesIO(workbook.content)).sheetnames == _SHEETS
    document = client.get("/api/tenure", params={**params, "format": "docx"})
    assert document.status_code == 200 and document.content[:2] == b"PK"
    reversed_window = client.get("/api/tenure", params={**params, "from": "2025-01-01"})
    assert reversed_window.status_code == 422 and "晚于离任日期" in reversed_window.json()["detail_zh"]
    assert client.get("/api/tenure", params={**params, "department": "不存在局"}).status_code == 404
    # A format it cannot give is the 400 bad-format every endpoint answers (a 422 invalid-request before, user test).
    wrong = client.get("/api/tenure", params={**params, "format": "pdf"})
    assert (wrong.status_code, wrong.json()["detail_zh"]) == (400, "format 应为 json、xlsx 或 docx")


def test_the_tenure_as_the_page_reads_it(client: TestClient) -> None:
    """GET /api/tenure/readable: the same tables with the Excel file's titles and cells, held to its schema."""
    params = {"department": "文化和旅游局", "from": "2021-01-01", "to": "2024-06-30"}
    answer = client.get("/api/tenure/readable", params=params)
    body = answer.json()
    spec = client.get("/openapi.json").json()
    schema = spec["paths"]["/api/tenure/readable"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert _conforms(spec, schema, body, "/api/tenure/readable") == []
    assert (body["department"], body["from"], body["to"], body["note_zh"]) == (
        "滨江市文化和旅游局", "2021-01-01", "2024-06-30", "")
    assert [(table["name"], table["title"], len(table["rows"])) for table in body["tables"]] == [
        ("summary", "任期职责情况说明", 10), ("changes", "任期职责变动", 8), ("duties", "任期职责清单", 8),
        ("staffing", "任期始末编制", 2), ("lists", "涉及本部门的清单事项", 3)]
    lists = body["tables"][4]
    assert lists["columns"][4:7] == ["清单日期", "施行至", "任期内印发"]
    assert lists["rows"][0][4:7] == ["2022-09-01", "现行", "是"]
    assert client.get("/api/tenure/readable", params={**params, "from": "2025-01-01"}).status_code == 422
