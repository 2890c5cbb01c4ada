"""A drafter's tools over HTTP on the sample corpus: POST /api/drafts/check (its answer as JSON and as files, its
refusals in English and Chinese, a graph left as it was) and GET /api/queries/counterpart_duties."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import unquote

import openpyxl
from fastapi.testclient import TestClient

from api.tabular import TABLE_TITLES
from tests.api.test_http import _conforms, client  # noqa: F401  (the examples, ingested under 示例市)

DRAFT = Path(__file__).resolve().parents[1] / "fixtures" / "drafts" / "qingshan_shichangjianguan_draft.txt"


def _check(client: TestClient, name: str, data: bytes, **params: str) -> object:  # noqa: F811
    form = {"department": params.pop("department")} if "department" in params else {}
    return client.post("/api/drafts/check", params=params, data=form, files={"file": (name, data, "text/plain")})


def test_a_draft_checked_over_http_as_the_command_checks_it(client: TestClient) -> None:  # noqa: F811
    stats = client.get("/api/stats").json()
    answer = _check(client, "草案.txt", DRAFT.read_bytes())
    assert answer.status_code == 200, answer.text
    body = answer.json()
    spec = client.get("/openapi.json").json()
    schema = spec["paths"]["/api/drafts/check"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert _conforms(spec, schema, body, "drafts/check") == []
    assert (body["draft"]["file"], body["draft"]["department"], body["in_force"]["issued"]) == (
        "草案.txt", "青山县市场监督管理局", "2019-03-22")
    assert [(section, [row.get("change") for row in body[section]]) for section in TABLE_TITLES["check_draft"]] == [
        ("duties", ["removed", "reworded", "added"]), ("offices", ["renamed"]), ("office_duties", ["reworded", "removed"]),
        ("staffing", ["increased", "unchanged", "unchanged", "unchanged", "unchanged"]), ("divisions", ["changed"]),
        ("overlaps", [None, None]), ("undecomposed", [None, None]), ("changes", [])]
    # Nothing of the draft was loaded.
    assert client.get("/api/stats").json() == stats


def test_a_checked_draft_as_files(client: TestClient) -> None:  # noqa: F811
    workbook = _check(client, "草案.txt", DRAFT.read_bytes(), format="xlsx")
    assert unquote(workbook.headers["content-disposition"]).endswith("青山县市场监督管理局-三定草案核对.xlsx")
    sheets = openpyxl.load_workbook(io.BytesIO(workbook.content))
    assert sheets.sheetnames == ["职责变化", "内设机构变化", "内设机构职责变化", "编制和领导职数", "职责分工变化",
                                 "与其他部门的职责交叉", "未分解到内设机构的职责", "职能转变核对", "查询条件"]
    assert [cell.value for cell in sheets["职责变化"][1]] == [
        "变化", "现行序号", "现行条文", "草案序号", "草案条文", "相似度", "现行出处", "草案条款"]
    assert [cell.value for cell in sheets["职责变化"][3]][:2] == ["改写", 8]
    refused = _check(client, "草案.txt", DRAFT.read_bytes(), format="csv")
    assert (refused.status_code, refused.json()["type"].rsplit("/", 1)[-1]) == (406, "one-table-per-csv")
    table = _check(client, "草案.txt", DRAFT.read_bytes(), format="csv", table="staffing")
    rows = list(csv.reader(io.StringIO(table.text.lstrip("\ufeff"))))
    assert rows[:2] == [["项目", "现行", "草案", "变化", "增减"], ["行政编制", "24", "26", "增加", "2"]]
    # The in-force side by its document's title; the draft's by its own article.
    overlaps = list(csv.reader(io.StringIO(_check(client, "草案.txt", DRAFT.read_bytes(), format="csv",
                                                  table="overlaps").text.lstrip("\ufeff"))))
    assert overlaps[1][2:] == ["青山县农业农村局", "6", "负责全县农产品质量安全和农业投入品的监督管理。", "0.95", "",
                               "《青山县农业农村局职能配置、内设机构和人员编制规定》第三条(六)", "第三条(十一)"]


def test_what_cannot_be_checked_is_refused_in_both_languages(client: TestClient) -> None:  # noqa: F811
    a_list = _check(client, "清单.csv", "事项,牵头部门\n占道经营,县城市管理局\n".encode()).json()
    assert (a_list["status"], a_list["type"].rsplit("/", 1)[-1], a_list["detail_zh"]) == (
        422, "bad-draft", "清单.csv：三定草案应为 .txt、.html 或 .docx 文件；.csv、.xlsx 是清单，不是三定")
    no_region = DRAFT.read_text(encoding="utf-8").replace("青山县市场监督管理局职能", "市场监督管理局职能").replace(
        "《示例市青山县机构改革方案》", "有关方案")
    unplaced = _check(client, "草案.txt", no_region.encode()).json()
    assert unplaced["detail"].startswith("草案.txt:1: expected a department name with its region, or a 第一条 citing "
                                         "the region's 机构改革方案; or name its department (the form field department)")
    assert unplaced["detail_zh"].endswith("请指定部门（表单字段 department）")
    assert _check(client, "草案.txt", no_region.encode(), department="青山县市场监管局").status_code == 200
    unknown = _check(client, "草案.txt", DRAFT.read_bytes(), department="青山县宇宙局")
    assert (unknown.status_code, unknown.json()["detail_zh"]) == (404, "未找到部门：青山县宇宙局")


def test_counterpart_duties_over_http(client: TestClient) -> None:  # noqa: F811
    page = client.get("/api/queries/counterpart_duties", params={"department": "青山县市场监管局", "limit": 2}).json()
    assert (page["total"], [(r["relation"], r["county_ordinal"], r["city_ordinal"], r["score"])
                            for r in page["items"]]) == (17, [("mirrored", 1, 4, 0.569), ("mirrored", 2, 2, 0.991)])
    table = client.get("/api/queries/counterpart_duties", params={"department": "青山县市场监督管理局",
                                                                  "format": "csv"})
    rows = list(csv.reader(io.StringIO(table.text.lstrip("\ufeff"))))
    assert rows[0] == ["县（区）部门", "县（区）", "市级对口部门", "对照结果", "县（区）职责序号", "县（区）职责",
                       "市级职责序号", "市级职责", "相似度", "县（区）职责出处", "市级职责出处"]
    assert [row[3] for row in rows[1:]].count("县级未列") == 6 and rows[3][3] == "县级独有"
    missing = client.get("/api/queries/counterpart_duties")
    assert (missing.status_code, missing.json()["detail_zh"]) == (422, "请求参数无效：查询参数 department：缺少此项")


def test_a_drafts_changes_of_work_read_in_chinese_in_a_file(client: TestClient) -> None:  # noqa: F811
    city_draft = DRAFT.parent / "shi_shichangjianguan_draft.txt"
    table = _check(client, "草案.txt", city_draft.read_bytes(), format="csv", table="changes")
    rows = list(csv.reader(io.StringIO(table.text.lstrip("\ufeff"))))
    assert rows[0] == ["转变类型", "职能转变原文", "对方部门", "划出部门（其他部门间划转）", "现行三定已有", "草案条款",
                       "核对结果", "图中无现行三定的一方", "相关条文或事项", "所在草案条款", "图中出处"]
    assert rows[3] == ["取消", "取消计量标准器具核准。", "", "", "", "第三条(十七)", "权责清单仍列有此项，需同步调整", "",
                       "计量标准器具核准", "", "《示例市市场监督管理局权责清单》工作表“权责清单”序号19（第22行）"]
    assert [row[6] for row in rows[1:]] == [
        "未发现问题", "草案仍写有此项", "权责清单仍列有此项，需同步调整", "权责清单仍列有此项，需同步调整", "草案仍写有此项",
        "接收部门现行三定未写有此项，需同步修订", "划出部门现行三定仍写有此项，需同步修订", "划出部门现行三定仍写有此项，需同步修订"]


def test_a_checked_draft_as_the_page_reads_it(client: TestClient) -> None:  # noqa: F811
    answer = client.post("/api/drafts/check/readable",
                         files={"file": ("草案.txt", DRAFT.read_bytes(), "text/plain")})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    spec = client.get("/openapi.json").json()
    schema = spec["paths"]["/api/drafts/check/readable"]["post"]["responses"]["200"]["content"]["application/json"][
        "schema"]
    assert _conforms(spec, schema, body, "drafts/check/readable") == []
    assert [(table["name"], table["title"], len(table["rows"])) for table in body["tables"]] == [
        ("duties", "职责变化", 3), ("offices", "内设机构变化", 1), ("office_duties", "内设机构职责变化", 2),
        ("staffing", "编制和领导职数", 5),
        ("divisions", "职责分工变化", 1), ("overlaps", "与其他部门的职责交叉", 2),
        ("undecomposed", "未分解到内设机构的职责", 2), ("changes", "职能转变核对", 0)]
    # The cells of the Excel file's sheet: codes in Chinese, the in-force side by its document's title.
    offices = body["tables"][1]
    assert (offices["columns"], offices["rows"]) == (
        ["变化", "现行名称", "草案名称", "相似度", "现行出处", "草案条款"],
        [["更名", "信用监管股", "信用监督管理股", "0.98", "《青山县市场监督管理局职能配置、内设机构和人员编制规定》第四条(三)",
          "第四条(三)"]])
    office_duties = body["tables"][2]
    assert (office_duties["columns"], office_duties["rows"][1]) == (
        ["内设机构", "变化", "现行条文", "草案条文", "相似度", "现行出处", "草案条款"],
        ["消费者权益保护与知识产权股", "删除", "指导乡镇市场监督管理所的业务工作。", "", "",
         "《青山县市场监督管理局职能配置、内设机构和人员编制规定》第四条(九)", ""])
    refused = client.post("/api/drafts/check/readable", files={"file": ("清单.csv", b"a,b\n", "text/csv")})
    assert (refused.status_code, refused.json()["type"].rsplit("/", 1)[-1]) == (422, "bad-draft")
