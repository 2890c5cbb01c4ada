"""POST /api/plans/check: a department's 年度工作目标 checked against its duties, as `dutygraph check-plan` checks a
file. The plan is read for this answer only: nothing is loaded or kept, so no key is needed."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, Response, UploadFile

from api.deps import Format, StoreDep
from api.problems import Problem, problem_responses
from api.readings import say_reading
from api.routes.drafts import as_form
from api.schemas import PlanCheck, ReadablePlanCheck
from api.tabular import CSV, TABLE_TITLES, XLSX, readable_tables, tables, wanted_format
from api.uploads import saved_uploads, uploaded_name
from graph.store import Row, Store
from ingest.errors import IngestError
from ingest.plan import read_plan
from queries.lookup import department_reading
from queries.plan_check import check_plan, plan_department

router = APIRouter(prefix="/api", tags=["plans"])

PlanTable = Literal[tuple(TABLE_TITLES["check_plan"])]  # type: ignore[valid-type]

# The sample plan (tests/fixtures/plans) checked against the sample corpus: a row of each table.
_EXAMPLE: dict[str, Any] = {
    "plan": {"file": "shi_shuiwu_plan_2025.txt", "title": "示例市水务局2025年度工作目标", "department": "示例市水务局",
             "region": "示例市", "year": 2025, "in_force_on": "2025-12-31", "goals": 7},
    "notes": [],
    "summary": [{"kind": "retired", "meaning": "仍在承担已划出、取消或下放职能的目标", "count": 1, "table": "retired"}],
    "served": [{"line": 4, "goal": "推进节水型社会建设，开展计划用水管理和节水载体创建。", "office": "办公室",
                "duty_holder": "本部门", "ordinal": 4,
                "duty": "负责全市节约用水工作。拟订节约用水政策和计划用水制度，组织指导节水型社会建设。", "score": 0.839,
                "carried_by": ["农村水利与水土保持科", "水资源管理科"],
                "office_note": "责任处室“办公室”未承担所对应的职责（三定由农村水利与水土保持科、水资源管理科承担）",
                "source": "doc:4499f8cd2807c634#二、(四)"}],
    "retired": [{"line": 7, "goal": "组织开展水利工程建设监理单位资质初审。", "office": "建设与管理科",
                 "status": "cancelled", "work": "取消水利工程建设监理单位资质初审。", "counterpart": "",
                 "source": "doc:4499f8cd2807c634#一、(二)"}],
    "outside": [{"line": 11, "goal": "开展城镇燃气安全专项整治，组织实施燃气经营许可。", "office": "",
                 "finding": "other_department", "other_department": "示例市住房和城乡建设局",
                 "other_text": "负责城市供水、燃气、供热行业的监督管理。组织实施燃气经营许可，指导供水、供热企业安全运行和服务质量管理。",
                 "score": 0.367, "other_source": "doc:4510b97969202574#第三条(九)"}],
    "unplanned": [{"ordinal": 1, "duty": "贯彻执行国家和省有关水务工作的法律法规和方针政策，起草有关地方性法规、规章草案，"
                                         "拟订全市水务发展规划和年度计划并组织实施。",
                   "carried_by": ["政策法规科"], "finding": "periodic", "source": "doc:4499f8cd2807c634#二、(一)"}],
}


_READABLE_EXAMPLE: dict[str, Any] = {
    "plan": _EXAMPLE["plan"], "notes": [],
    "tables": [{"name": "retired", "title": "仍在承担已划出、取消或下放的职能",
                "columns": ["目标所在行", "工作目标", "责任处室", "职能状态", "已划出、取消或下放的职能", "承接方",
                            "划转、取消或下放的出处"],
                "rows": [["7", "组织开展水利工程建设监理单位资质初审。", "建设与管理科", "已取消", "取消水利工程建设监理单位资质初审。",
                          "", "《示例市水务局主要职责内设机构和人员编制规定》一、(二)"]]}],
}

PlanFile = Annotated[UploadFile, File(description="a yearly work plan: numbered goals as .txt or .docx, or a table "
                                                 "with a 工作目标 column as .csv, .xlsx or .docx")]
PlanDepartment = Annotated[str | None, Form(description="部门: whose plan it is, by its name, an alias or a short name "
                                                      "(default: the one the plan's title names)")]
PlanYear = Annotated[int | None, Form(ge=1949, le=2100, description="年度: its duties are those in force on 12-31 "
                                                                   "(default: the title's year, else today's)")]


@router.post("/plans/check", response_model=PlanCheck,
             summary="年度工作目标审核: a department's yearly work plan against its duties",
             responses={200: {"content": {"application/json": {"example": _EXAMPLE}, CSV: {}, XLSX: {}}},
                        **problem_responses(400, 404, 406, 413, 422, 503)})
def post_plan_check(request: Request, store: StoreDep, file: PlanFile, department: PlanDepartment = None,
                    year: PlanYear = None, format: Format = None,
                    table: Annotated[PlanTable | None, Query(
                        description="CSV and Excel: the one table to export (a CSV file holds one table, so it needs "
                                    "one); JSON answers every table")] = None,
                    ) -> Response:
    """The plan read (its numbered goals, or its table's 工作目标, 责任处室 and 完成时限 columns) and set against the
    department's duties in force, without loading it: the duties each goal serves (with a note where its 责任处室
    carries none of them), goals still doing work moved out, cancelled or devolved, goals that read as another
    department's work or as no one's, and duties no goal serves (阶段性 ones marked). A file that holds no goal or
    cannot be read is a 422 naming the file as uploaded and the line; an unknown `department` a 404."""
    wanted_format(request, format)  # a format it cannot answer refused before the work
    result, found, name = _checked(request, store, file, department, year)
    given = [("file", name), ("department", department), ("checked_department", found["name"]), ("year", year),
             ("table", table)]
    return tables(request, result, format=format, table=table, answer="check_plan", subject=found["name"],
                  given=given)


@router.post("/plans/check/readable", response_model=ReadablePlanCheck,
             summary="年度工作目标审核, its tables as people read them (the page's 年度计划审核)",
             responses={200: {"content": {"application/json": {"example": _READABLE_EXAMPLE}}},
                        **problem_responses(400, 404, 413, 422, 503)})
def post_plan_check_readable(request: Request, store: StoreDep, file: PlanFile, department: PlanDepartment = None,
                             year: PlanYear = None) -> ReadablePlanCheck:
    """The same check as POST /api/plans/check, its tables as the Excel file shows them (Chinese titles, codes in
    Chinese, sources by their documents' titles): for a page to lay out, not for programs (they read the codes)."""
    result, _found, _name = _checked(request, store, file, department, year)
    return ReadablePlanCheck(plan=result["plan"], notes=result["notes"],
                             tables=readable_tables(request, result, "check_plan"))


def _checked(request: Request, store: Store, file: UploadFile, department: str | None, year: int | None
             ) -> tuple[dict[str, Any], Row, str]:
    """The uploaded plan checked, with its department and the file's name as uploaded: a 422 naming it for a plan
    that cannot be checked; a department named otherwise than in full is said as read (X-Dutygraph-Read-As)."""
    name = uploaded_name(file.filename, "plan.txt")
    with saved_uploads([(name, file.file)], prefix="dutygraph-plan-") as saved:
        [path] = saved
        try:
            plan = read_plan(path)
            found = plan_department(store, plan, department)
        except IngestError as exc:
            raise Problem(422, "bad-plan", "The plan cannot be checked", "年度工作目标无法审核",
                          as_form(exc.message.replace(str(path), name)), as_form(exc.message_zh(name))) from exc
        result = check_plan(store, plan, found, file=name, year=year)
    result["notes"] = [as_form(note) for note in result["notes"]]
    if department:
        say_reading(request, department_reading(store, department, found["uid"]), "department")
    return result, found, name
