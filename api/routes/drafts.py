"""POST /api/drafts/check: a draft 三定 checked against the graph before it is issued, as `dutygraph check-draft`
checks a file. The draft is read for this answer only: nothing is loaded or kept, so no key is needed."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, Response, UploadFile

from api.deps import Format, StoreDep
from api.problems import Problem, problem_responses
from api.readings import say_reading
from api.schemas import DraftCheck, ReadableDraftCheck
from api.tabular import CSV, TABLE_TITLES, XLSX, readable_tables, tables, wanted_format
from api.uploads import saved_uploads, uploaded_name
from graph.store import Store
from ingest.draft import Draft, read_draft
from ingest.errors import IngestError
from queries.draft_check import check_draft, draft_of
from queries.lookup import department_reading

router = APIRouter(prefix="/api", tags=["drafts"])

DraftTable = Literal[tuple(TABLE_TITLES["check_draft"])]  # type: ignore[valid-type]

# The sample draft (tests/fixtures/drafts) checked against the sample corpus, a row of each table.
_EXAMPLE: dict[str, Any] = {
    "draft": {"file": "qingshan_shichangjianguan_draft.txt", "title": "青山县市场监督管理局职能配置、内设机构和人员编制规定",
              "department": "青山县市场监督管理局", "region": "示例市/青山县", "dated": "2027-01-01"},
    "in_force": {"department": "青山县市场监督管理局", "region": "示例市/青山县", "issued": "2019-03-22",
                 "documents": ["doc:e021ad47807d46c8"]},
    "notes": [],
    "duties": [{"change": "reworded", "old_ordinal": 8, "old_text": "负责全县计量、标准化和认证认可的监督管理工作，…",
                "new_ordinal": 8, "new_text": "负责全县计量、标准化、检验检测和认证认可工作的统一监督管理，…",
                "score": 0.984, "source": "doc:e021ad47807d46c8#第三条(八)", "draft_place": "第三条(八)"}],
    "offices": [{"change": "renamed", "old_office": "信用监管股", "new_office": "信用监督管理股", "score": 0.98,
                 "source": "doc:e021ad47807d46c8#第四条(三)", "draft_place": "第四条(三)"}],
    "office_duties": [{"office": "产品质量与计量标准股", "change": "reworded",
                       "old_text": "负责产品质量监督抽查和计量、标准化、认证认可监督管理。",
                       "new_text": "负责产品质量监督抽查和计量、标准化、检验检测、认证认可监督管理。", "score": 0.99,
                       "source": "doc:e021ad47807d46c8#第四条(七)", "draft_place": "第四条(七)"}],
    "staffing": [{"fact": "staff_quota", "old_value": 24, "new_value": 26, "change": "increased", "delta": 2}],
    "divisions": [{"change": "changed", "matter": "食用农产品从种植养殖环节到进入批发、零售市场或者生产加工企业前的质量安全监督管理",
                   "old_leads": ["青山县农业农村局"], "old_assists": ["青山县市场监督管理局"],
                   "new_leads": ["青山县农业农村局"], "new_assists": ["各乡镇人民政府", "青山县市场监督管理局"],
                   "old_text": "县农业农村局负责…，县市场监督管理局配合。",
                   "new_text": "县农业农村局负责…，县市场监督管理局、各乡镇人民政府配合。",
                   "source": "doc:e021ad47807d46c8#第六条(一)", "draft_place": "第六条(一)"}],
    "overlaps": [{"new_ordinal": 11, "new_text": "负责全县食用农产品质量安全监督管理，组织开展农产品质量安全抽检。",
                  "other_department": "青山县农业农村局", "other_ordinal": 6,
                  "other_text": "负责全县农产品质量安全和农业投入品的监督管理。", "score": 0.95, "already": False,
                  "other_source": "doc:39661a9fcf0da865#第三条(六)", "draft_place": "第三条(十一)"}],
    "undecomposed": [{"new_ordinal": 11, "new_text": "负责全县食用农产品质量安全监督管理，组织开展农产品质量安全抽检。",
                      "already": False, "draft_place": "第三条(十一)"}],
    # The sample city draft's (shi_shichangjianguan_draft.txt): the sample county draft moves no work.
    "changes": [{"kind": "cancelled", "text": "取消计量标准器具核准。", "counterpart": "", "giver": "",
                 "already": False, "draft_place": "第三条(十七)", "finding": "still_listed", "unknown_side": "",
                 "evidence": "计量标准器具核准", "evidence_place": "", "evidence_source": "doc:62324ee3be06f7b1#权责清单!22"}],
}


# The same check laid out for the page: a table as its sheet reads (the 内设机构变化 table of the sample draft).
_READABLE_EXAMPLE: dict[str, Any] = {
    "draft": _EXAMPLE["draft"], "in_force": _EXAMPLE["in_force"], "notes": [],
    "tables": [{"name": "offices", "title": "内设机构变化", "columns": ["变化", "现行名称", "草案名称", "相似度", "现行出处", "草案条款"],
                "rows": [["更名", "信用监管股", "信用监督管理股", "0.98",
                          "《青山县市场监督管理局职能配置、内设机构和人员编制规定》第四条(三)", "第四条(三)"]]}],
}


@router.post("/drafts/check", response_model=DraftCheck, summary="三定草案核对: a draft 三定 against the one in force",
             responses={200: {"content": {"application/json": {"example": _EXAMPLE}, CSV: {}, XLSX: {}}},
                        **problem_responses(400, 404, 406, 413, 422, 503)})
def post_draft_check(request: Request, store: StoreDep,
                     file: Annotated[UploadFile, File(description="a draft 三定: .txt (UTF-8 or GBK), .docx or .html")],
                     department: Annotated[str | None, Form(
                         description="部门: the department whose 三定 in force the draft revises, by its name, an alias "
                                     "or a short name (default: the one the draft's title names)")] = None,
                     format: Format = None,
                     table: Annotated[DraftTable | None, Query(
                         description="CSV and Excel: the one table to export (a CSV file holds one table, so it needs "
                                     "one; Excel holds every table, a sheet each); JSON answers every table")] = None,
                     ) -> Response:
    """The draft read by the ingest's own parser and compared, without loading it, with the department's 三定 in
    force: duties added, removed and reworded (paired by the ingest's similarity score), offices established,
    abolished and renamed, staffing, 职责分工 clauses; and against the region's other departments, the draft's duties
    that read as another's (职责交叉) and those no office of the draft carries out (未分解), each with `already` when
    the 三定 in force has it too. A department the graph holds no 三定 of gets every part as added, and a `notes`
    line. A file that is no 三定, or cannot be read, is a 422 naming the file and line; an unknown `department` a
    404. CSV or Excel (`format=` or Accept) give the tables with Chinese titles, as `dutygraph check-draft` writes
    them."""
    wanted_format(request, format)  # a format it cannot answer refused before the work
    result, draft = _checked(request, store, file, department)
    given = [("file", result["draft"]["file"]), ("department", department),
             ("checked_department", draft.department.name), ("table", table)]
    return tables(request, result, format=format, table=table, answer="check_draft", subject=draft.department.name,
                  given=given)


@router.post("/drafts/check/readable", response_model=ReadableDraftCheck,
             summary="三定草案核对, as people read it: the web page's view of a checked draft",
             responses={200: {"content": {"application/json": {"example": _READABLE_EXAMPLE}}},
                        **problem_responses(400, 404, 413, 422, 503)})
def post_draft_check_readable(request: Request, store: StoreDep,
                              file: Annotated[UploadFile, File(description="a draft 三定: .txt, .docx or .html")],
                              department: Annotated[str | None, Form(description="部门, as for /api/drafts/check")]
                              = None) -> ReadableDraftCheck:
    """The same check as POST /api/drafts/check, its tables as the Excel file shows them (Chinese titles, codes in
    Chinese, sources by their documents' titles): for a page to lay out, not for programs (they read the codes)."""
    result, _draft = _checked(request, store, file, department)
    return ReadableDraftCheck(draft=result["draft"], in_force=result["in_force"], notes=result["notes"],
                              tables=readable_tables(request, result, "check_draft"))


def _checked(request: Request, store: Store, file: UploadFile, department: str | None
             ) -> tuple[dict[str, Any], Draft]:
    """The uploaded draft checked: a 422 naming the file as uploaded for one that cannot be; a department named
    otherwise than in full is said as read (X-Dutygraph-Read-As)."""
    name = uploaded_name(file.filename, "draft.txt")
    with saved_uploads([(name, file.file)], prefix="dutygraph-draft-") as saved:
        [path] = saved
        try:
            source, parsed = read_draft(path)
            draft = draft_of(store, source, parsed, department)
        except IngestError as exc:
            raise Problem(422, "bad-draft", "The draft cannot be checked", "三定草案无法核对",
                          as_form(exc.message.replace(str(path), name)), as_form(exc.message_zh(name))) from exc
        result = check_draft(store, draft, file=name)
    result["notes"] = [as_form(note) for note in result["notes"]]
    if department:
        say_reading(request, department_reading(store, department, draft.department.uid), "department")
    return result, draft


def as_form(text: str) -> str:
    """A message of the command line's as an upload reads it: the form's field where the command has its option."""
    return text.replace("(--department)", "(the form field department)").replace("（--department）", "（表单字段 department）")
