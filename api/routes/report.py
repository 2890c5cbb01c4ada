"""The assessment report (`dutygraph report`) as a file: Word, Excel or Markdown, for a region or a department."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import DepartmentFilter, RegionFilter, StoreDep
from api.problems import problem_responses
from api.tabular import XLSX, asked_of, disposition, known_format
from queries.export import to_docx, to_markdown, to_xlsx
from queries.report import REPORT_TITLE, build_report, report_notes

router = APIRouter(prefix="/api")

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MARKDOWN = "text/markdown; charset=utf-8"
REPORT_FORMATS = ("docx", "xlsx", "md")
# The Markdown report's opening (the Word and Excel files hold the same sections).
_EXAMPLE = ("# 职责图谱评估报告（青山县）\n\n## 查询条件\n\n| 项目 | 内容 |\n|---|---|\n"
            "| 查询 | 职责图谱评估报告（report） |\n| 区划 | 青山县（读作：示例市/青山县） |\n\n## 摘要\n")


@router.get("/report", tags=["report"], summary="职责图谱评估报告: every finding in one document (Word, Excel or Markdown)",
            responses={200: {"content": {DOCX: {}, XLSX: {}, "text/markdown": {"example": _EXAMPLE}}},
                       **problem_responses(400, 404, 422, 503)})
def get_report(request: Request, store: StoreDep, region: RegionFilter, department: DepartmentFilter,
               format: Annotated[str, Query(description=(
                   "docx (Word, the default), xlsx (a sheet a section) or md; any other is a 400 bad-format"),
                   examples=["docx"], json_schema_extra={"enum": list(REPORT_FORMATS)})] = "docx") -> Response:
    """The report `dutygraph report --format docx|xlsx|md` writes, for a region (its departments and those below it),
    a department (its own findings; its city unless `region` narrows it) or the whole graph, with its 查询条件 (what
    was asked, what the graph held). Named in Chinese for its scope (`filename*`: 职责图谱评估报告（青山县）.docx)."""
    format = known_format(format, REPORT_FORMATS)
    report = build_report(store, region=region, department=department)
    report.asked = asked_of(request, "report", title=REPORT_TITLE, notes=report_notes(report))
    if format == "docx":
        data, media = to_docx(report), DOCX
    elif format == "xlsx":
        data, media = to_xlsx(report, as_report=True), XLSX
    else:
        data, media = to_markdown(report).encode(), MARKDOWN
    return Response(data, media_type=media,
                    headers={"Content-Disposition": disposition(f"report.{format}", f"{report.title}.{format}")})
