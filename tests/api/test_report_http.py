"""GET /api/report: the assessment report `dutygraph report` writes, as a Word, Excel or Markdown download from the
API (the page's 下载报告 buttons), named in Chinese for its scope; the same bytes as the command line's file."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import unquote

import docx
import openpyxl
from fastapi.testclient import TestClient

from tests.api.test_cli import loaded  # noqa: F401  (the examples, ingested by the command line)
from tests.api.test_exported_question import _cli, client  # noqa: F401  (SOURCE_DATE_EPOCH and 北京时间)

PATH = "/api/report"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _headings(content: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(content)).paragraphs if p.style.name.startswith(("Title", "Heading"))]


def _named(answer) -> str:  # type: ignore[no-untyped-def]
    return unquote(answer.headers["content-disposition"])


def test_a_county_s_report_in_word(client: TestClient, loaded: Path, tmp_path: Path) -> None:  # noqa: F811
    answer = client.get(PATH, params={"region": "青山县"})
    assert answer.status_code == 200 and answer.headers["content-type"] == DOCX
    assert _named(answer) == "attachment; filename=\"report.docx\"; filename*=UTF-8''职责图谱评估报告（青山县）.docx"
    assert _headings(answer.content) == [
        "职责图谱评估报告（青山县）", "摘要", "部门概况（三定）", "职责交叉（多头管）", "主办/协办不清的共同事项",
        "无部门认领的监管事项（三不管）", "职责划转后仍在承担", "职责分解与承接", "市县事权划分（青山县持有的事项）",
        "事权划分冲突（青山县持有的事项）", "县（区）权责清单未列的事项（青山县）", "编制与职责负荷", "机构编制核查发现",
        "部门协同网络（共同事项）", "上下对口", "依据文件"]
    # What was asked, read as the server read it, in the block under the title.
    document = docx.Document(io.BytesIO(answer.content))
    asked = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert (asked["查询"], asked["区划"], asked["依据文件"]) == (
        "职责图谱评估报告（report）", "青山县（读作：示例市/青山县）", "16 份，见“依据文件”一节")
    # The command line's file of the same question, byte for byte.
    word = tmp_path / "report.docx"
    assert _cli("report", "--region", "青山县", "--format", "docx", "-o", str(word), store=loaded).returncode == 0
    assert word.read_bytes() == answer.content


def test_a_department_s_report_and_the_other_formats(client: TestClient) -> None:  # noqa: F811
    answer = client.get(PATH, params={"department": "青山县市监局", "format": "docx"})
    assert _named(answer).endswith("filename*=UTF-8''职责图谱评估报告（青山县市场监督管理局）.docx")
    assert _headings(answer.content)[:6] == ["职责图谱评估报告（青山县市场监督管理局）", "摘要", "本部门需协调事项",
                                             "部门概况（三定）", "本部门主要职责", "本部门内设机构及其职责"]
    excel = client.get(PATH, params={"region": "示例市/河西区", "format": "xlsx"})
    assert _named(excel).endswith("filename*=UTF-8''职责图谱评估报告（河西区）.xlsx")
    sheets = openpyxl.load_workbook(io.BytesIO(excel.content)).sheetnames
    assert (sheets[0], sheets[-1]) == ("摘要", "查询条件")
    markdown = client.get(PATH, params={"region": "示例市/河西区", "format": "md"})
    assert markdown.headers["content-type"] == "text/markdown; charset=utf-8"
    assert markdown.text.splitlines()[:3] == ["# 职责图谱评估报告（河西区）", "", "## 查询条件"]


def test_a_bad_format_or_an_unknown_department_is_refused_in_chinese(client: TestClient) -> None:  # noqa: F811
    wrong = client.get(PATH, params={"format": "pdf"})
    assert (wrong.status_code, wrong.json()["detail_zh"]) == (400, "format 应为 docx、xlsx 或 md")
    unknown = client.get(PATH, params={"department": "宇宙局"})
    assert (unknown.status_code, unknown.json()["detail_zh"]) == (404, "未找到部门：宇宙局")
    outside = client.get(PATH, params={"department": "青山县市场监督管理局", "region": "示例市/河西区"})
    assert outside.status_code == 400 and outside.json()["detail_zh"] == (
        "查询有误：青山县市场监督管理局 属于 示例市/青山县，不在 示例市/河西区：部门的报告取其本区划，请只给部门或只给区划")


def test_a_format_it_cannot_give_is_one_problem_everywhere(client: TestClient) -> None:  # noqa: F811
    # The report answered a 422 invalid-request for format=pdf where the queries answer a 400 bad-format (user test).
    answers = [client.get(PATH, params={"region": "青山县", "format": "pdf"}),
               client.get("/api/queries/who_handles", params={"text": "占道经营", "format": "pdf"})]
    assert [(a.status_code, a.json()["type"].rsplit("/", 1)[-1], a.json()["detail"], a.json()["detail_zh"])
            for a in answers] == [
        (400, "bad-format", "format=pdf: expected docx, xlsx or md", "format 应为 docx、xlsx 或 md"),
        (400, "bad-format", "format=pdf: expected json, csv or xlsx", "format 应为 json、csv 或 xlsx")]
    # Any case, as the queries take it.
    assert client.get(PATH, params={"region": "青山县", "format": "MD"}).headers["content-type"].startswith("text/markdown")
