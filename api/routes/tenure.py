"""GET /api/tenure: a department's duties over a leader's tenure (经济责任审计), as `dutygraph tenure` gives them."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from api.deps import StoreDep
from api.problems import Problem, problem_responses
from api.readings import say_reading
from api.schemas import ReadableTenure, Tenure
from api.tabular import XLSX, asked_of, disposition, known_format, readable_tables
from api.tenure_files import tenure_file, tenure_report, tenure_title
from graph.store import Store
from queries.catalog import QueryError
from queries.lookup import department_reading
from queries.sources import document_titles
from queries.tenure import tenure_duties

router = APIRouter(prefix="/api", tags=["tenure"])

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TENURE_FORMATS = ("json", "xlsx", "docx")
_EXAMPLE: dict[str, Any] = {
    "department": "滨江市文化和旅游局", "department_uid": "dept:滨江市/文化和旅游局", "from": "2021-01-01",
    "to": "2024-06-30", "note_zh": "",
    "summary": [{"item": "任期内职责变动", "value": "5 项"}],
    "changes": [{"date": "2022-04-01", "kind": "编制划出", "duty": "", "office": "", "other": "滨江市文物局",
                 "staff": 2, "leader_posts": "", "source": "doc:020ed06dd6c8111f#一、"}],
    "duties": [{"duty": "负责文物保护的监督管理。", "held_from": "2021-01-01", "held_to": "2022-03-31",
                "status_at_end": "transferred", "status_label": "已划出", "offices": ["文物科"],
                "sources": ["doc:020ed06dd6c8111f#一、", "doc:814e21f70c186791#第三条(三)"]}],
    "staffing": [{"point": "任期开始", "date": "2021-01-01", "staff_quota": 20, "staff_quota_stated": 20,
                  "leader_posts": 3, "leader_posts_stated": 3, "source": "doc:814e21f70c186791#第五条",
                  "leader_posts_source": "doc:814e21f70c186791#第五条"}],
    "lists": [{"list_kind": "权责清单", "relation": "实施", "item": "营业性演出审批", "detail": "行政许可",
               "issued": "2022-09-01", "in_force_to": "现行", "issued_in_window": True, "source": "doc:07b0286916c17111#第4行"}],
}

_READABLE_EXAMPLE: dict[str, Any] = {
    "department": "滨江市文化和旅游局", "from": "2021-01-01", "to": "2024-06-30", "note_zh": "",
    "tables": [{"name": "summary", "title": "任期职责情况说明", "columns": ["项目", "内容"],
                "rows": [["任期内职责变动", "5 项"]]}]}

# The question's parameters, as both answers take them.
Department = Annotated[str, Query(min_length=1, description="部门名称、别名或简称", examples=["滨江市文化和旅游局"])]
Start = Annotated[str, Query(alias="from", description="任职日期, e.g. 2021-01-01 or 2021年1月1日",
                             examples=["2021-01-01"])]
End = Annotated[str, Query(alias="to", description="离任日期", examples=["2024-06-30"])]


@router.get("/tenure", response_model=Tenure, summary="任期职责情况: a department's duties, their changes and its staffing over a tenure",
            responses={200: {"content": {"application/json": {"example": _EXAMPLE}, XLSX: {}, DOCX: {}}},
                       **problem_responses(400, 404, 422, 503)})
def get_tenure(request: Request, store: StoreDep, department: Department, start: Start, end: End,
               format: Annotated[str, Query(description="json (default), xlsx (a sheet a table) or docx (任期职责情况说明); "
                                                         "any other is a 400 bad-format",
                                             json_schema_extra={"enum": list(TENURE_FORMATS)})] = "json") -> Response:
    """For a 领导干部经济责任审计: each change of the department's duties and posts from `from` to `to` (a new 三定's
    duties against those held the day before; a notice's 划入, 划出, 取消, 下放; posts moved or cut, 领导职数 changed),
    every period a duty was held (from when to when, its status then, the offices, the clauses), the 编制 and
    领导职数 at both ends, and the items of every list version in force then naming it. A malformed date, or `from`
    after `to`, is a 422; an unknown department a 404."""
    format = known_format(format, TENURE_FORMATS)
    result = _tenure(request, store, department, start, end)
    if format == "json":
        return JSONResponse(result)
    report = tenure_report(result, document_titles(store), asked_of(request, "tenure", title=tenure_title(result)))
    return Response(tenure_file(report, format), media_type=XLSX if format == "xlsx" else DOCX,
                    headers={"Content-Disposition": disposition(f"tenure.{format}", f"{report.title}.{format}")})


@router.get("/tenure/readable", response_model=ReadableTenure,
            summary="任期职责情况, its tables as people read them (the page's 任期审计)",
            responses={200: {"content": {"application/json": {"example": _READABLE_EXAMPLE}}},
                       **problem_responses(404, 422, 503)})
def get_tenure_readable(request: Request, store: StoreDep, department: Department, start: Start,
                        end: End) -> ReadableTenure:
    """The same answer as GET /api/tenure, its tables as the Excel file shows them (Chinese titles, codes in Chinese,
    sources by their documents' titles): for a page to lay out, not for programs (they read the codes)."""
    result = _tenure(request, store, department, start, end)
    return ReadableTenure.model_validate({**{key: result[key] for key in ("department", "from", "to", "note_zh")},
                                         "tables": readable_tables(request, result, "tenure")})


def _tenure(request: Request, store: Store, department: str, start: str, end: str) -> dict[str, Any]:
    """`tenure_duties`, a window that is none a 422, and how the department was read said in the answer's header."""
    try:
        result = tenure_duties(store, department, start, end)
    except QueryError as exc:
        raise Problem(422, "bad-window", "The tenure cannot be read", "任职期间有误", str(exc), exc.zh) from exc
    say_reading(request, department_reading(store, department, result["department_uid"]), "department")
    return result
