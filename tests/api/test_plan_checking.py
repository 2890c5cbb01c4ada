"""`dutygraph check-plan` and POST /api/plans/check on the sample corpus: the tables, the files, the refusals (exit
2; a 422 or 404 over HTTP) and a graph left as it was."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import unquote

import openpyxl
from fastapi.testclient import TestClient

from tests.api.test_cli import loaded, run, run_bytes  # noqa: F401  (the examples, ingested by the command line)
from tests.api.test_http import _conforms, client  # noqa: F401  (the examples, ingested under 示例市)

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"
WATER_PLAN, HOUSING_PLAN = PLANS / "shi_shuiwu_plan_2025.txt", PLANS / "shi_zhujian_plan_2025.xlsx"
TITLES = ["审核摘要", "目标对应的职责", "仍在承担已划出、取消或下放的职能", "超出职能范围或未能对应职责的目标", "未纳入年度计划的职责"]


def test_a_plan_checked_at_the_terminal_and_as_files(loaded: Path, tmp_path: Path) -> None:  # noqa: F811
    before = run_bytes("stats", "--format", "json", store=loaded).stdout
    checked = run("check-plan", str(WATER_PLAN), store=loaded)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines()[0] == "年度工作目标审核：shi_shuiwu_plan_2025.txt（示例市水务局），对照2025-12-31 施行的职责"
    assert all(word in checked.stdout for word in ("仍在承担已划出、取消或下放职能的目标", "已取消", "可能属于他部门职责",
                                                   "示例市住房和城乡建设局", "阶段性职责"))
    answer = json.loads(run("check-plan", str(WATER_PLAN), "--format", "json", store=loaded).stdout)
    assert [len(answer[key]) for key in ("summary", "served", "retired", "outside", "unplanned")] == [7, 9, 1, 2, 7]
    outside = run_bytes("check-plan", str(WATER_PLAN), "--format", "csv", "--table", "outside", store=loaded).stdout
    rows = list(csv.reader(io.StringIO(outside.decode("utf-8-sig"))))
    assert rows[0] == ["目标所在行", "工作目标", "责任处室", "核对结果", "其他部门", "其职责内容", "相符程度", "其职责出处"]
    assert rows[1][3:5] == ["超出职能范围，可能属于他部门职责", "示例市住房和城乡建设局"]
    assert rows[1][7].startswith("《示例市住房和城乡建设局") and rows[1][7].endswith("第三条(九)")
    assert rows[2][:4] == ["12", "组织全市干部职工参加春季运动会。", "", "未能对应职责，需人工判断"]
    workbook = tmp_path / "目标审核.xlsx"
    assert run("check-plan", str(HOUSING_PLAN), "--format", "xlsx", "-o", str(workbook), store=loaded).returncode == 0
    sheets = openpyxl.load_workbook(workbook)
    assert sheets.sheetnames == [*TITLES, "查询条件"]
    assert [cell.value for cell in sheets["审核摘要"]["B"]] == ["数量", 5, 3, 0, 1, 1, 9, 1]
    markdown = run("check-plan", str(WATER_PLAN), "--year", "2024", "--format", "md", store=loaded).stdout
    assert markdown.startswith("# 年度工作目标审核：shi_shuiwu_plan_2025.txt（示例市水务局），对照2024-12-31 施行的职责")
    assert "| 仍在承担已划出、取消或下放职能的目标 | 1 |" in markdown
    assert run_bytes("stats", "--format", "json", store=loaded).stdout == before


def test_what_cannot_be_checked_exits_2_saying_why(loaded: Path, tmp_path: Path) -> None:  # noqa: F811
    empty = tmp_path / "空.txt"
    empty.write_text("示例市水务局2025年度工作目标\n", encoding="utf-8")
    refused = run("check-plan", str(empty), store=loaded)
    assert refused.returncode == 2 and f"{empty}：没有读到工作目标" in refused.stderr
    unknown = run("check-plan", str(WATER_PLAN), "--department", "示例市无此局", store=loaded)
    assert unknown.returncode == 2 and "示例市无此局" in unknown.stderr
    broken = tmp_path / "目标.docx"
    broken.write_bytes(b"not a zip")
    unreadable = run("check-plan", str(broken), store=loaded)
    assert unreadable.returncode == 2 and "不是有效的 Word .docx 文件" in unreadable.stderr
    assert run("check-plan", str(tmp_path / "无此文件.txt"), store=loaded).returncode == 2


def _check(client: TestClient, name: str, data: bytes, **params: str) -> object:  # noqa: F811
    form = {key: params.pop(key) for key in ("department", "year") if key in params}
    return client.post("/api/plans/check", params=params, data=form, files={"file": (name, data, "text/plain")})


def test_a_plan_checked_over_http(client: TestClient) -> None:  # noqa: F811
    stats = client.get("/api/stats").json()
    answer = _check(client, "目标.txt", WATER_PLAN.read_bytes())
    assert answer.status_code == 200, answer.text
    body = answer.json()
    spec = client.get("/openapi.json").json()
    schema = spec["paths"]["/api/plans/check"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert _conforms(spec, schema, body, "plans/check") == []
    assert (body["plan"]["file"], body["plan"]["department"], [r["line"] for r in body["retired"]]) == (
        "目标.txt", "示例市水务局", [7])
    workbook = _check(client, "目标.xlsx", HOUSING_PLAN.read_bytes(), format="xlsx", department="示例市住建局")
    assert workbook.status_code == 200, workbook.text
    assert unquote(workbook.headers["content-disposition"]).endswith("示例市住房和城乡建设局-年度工作目标审核.xlsx")
    assert openpyxl.load_workbook(io.BytesIO(workbook.content)).sheetnames == [*TITLES, "查询条件"]
    refused = _check(client, "目标.txt", WATER_PLAN.read_bytes(), format="csv")
    assert refused.status_code == 406
    empty = _check(client, "空.txt", "示例市水务局2025年度工作目标\n".encode())
    assert (empty.status_code, empty.json()["type"].rsplit("/", 1)[-1]) == (422, "bad-plan")
    assert empty.json()["detail_zh"].startswith("空.txt：没有读到工作目标")
    unknown = _check(client, "目标.txt", WATER_PLAN.read_bytes(), department="示例市无此局")
    assert unknown.status_code == 404
    assert client.get("/api/stats").json() == stats


def test_a_word_plan_checked_as_the_page_asks(client: TestClient) -> None:  # noqa: F811
    """The page's 年度计划审核: the file with the department and year it was given, its tables as the Excel file lays
    them out (Chinese titles and headers), then the same form again for the Excel file."""
    word = PLANS / "shi_shuiwu_plan_2025.docx"
    form = {"department": "市水务局", "year": "2025"}
    files = {"file": (word.name, word.read_bytes(), "application/octet-stream")}
    answer = client.post("/api/plans/check/readable", data=form, files=files)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["plan"] == {"file": word.name, "title": "示例市水务局2025年度工作目标", "department": "示例市水务局",
                            "region": "示例市", "year": 2025, "in_force_on": "2025-12-31", "goals": 7}
    assert [(t["title"], len(t["rows"])) for t in body["tables"]] == [
        ("审核摘要", 7), ("目标对应的职责", 9), ("仍在承担已划出、取消或下放的职能", 1), ("超出职能范围或未能对应职责的目标", 2),
        ("未纳入年度计划的职责", 7)]
    served = body["tables"][1]
    assert served["columns"][:7] == ["目标所在行", "工作目标", "责任处室", "职责所属", "职责序号", "对应的职责", "相符程度"]
    assert served["rows"][0][:5] == ["3", "落实最严格水资源管理制度，做好取水许可审批和水资源费征收工作。", "水资源管理科", "本部门", "2"]
    workbook = client.post("/api/plans/check", params={"format": "xlsx"}, data=form, files=files)
    assert workbook.status_code == 200, workbook.text
    assert openpyxl.load_workbook(io.BytesIO(workbook.content)).sheetnames == [*TITLES, "查询条件"]
    refused = client.post("/api/plans/check/readable", files={"file": ("空.txt", "年度工作目标\n".encode(), "text/plain")})
    assert (refused.status_code, refused.json()["type"].rsplit("/", 1)[-1]) == (422, "bad-plan")
