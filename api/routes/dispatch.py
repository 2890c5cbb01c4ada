"""POST /api/dispatch: a batch of complaints routed as `dutygraph dispatch` routes a file (another government
system's 12345 platform sends its day's tickets in one request rather than one who_handles call each)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, BinaryIO

from fastapi import APIRouter, File, Form, Request, Response, UploadFile
from fastapi.responses import JSONResponse

from api.deps import Format, StoreDep
from api.problems import Problem, problem_responses
from api.readings import note_read_as
from api.schemas import DispatchAnswer, DispatchFileAnswer, DispatchRequest
from api.tabular import CSV, XLSX, wanted_format, whole
from api.uploads import saved_uploads, uploaded_name
from ingest.errors import IngestError
from queries.complaint_files import Complaint, ComplaintFile, read_complaints
from queries.dispatch import Dispatched, columns_with, dispatch, dispatch_given, needs_person, person_reason
from queries.lookup import check_region

router = APIRouter(prefix="/api", tags=["queries"])

_EXAMPLE_ROW = {
    "line": 1, "id": "GD20261122001", "text_in": "小区楼下烧烤摊油烟太大，晚上窗户都不敢开", "region": "示例市",
    "department": "示例市生态环境局", "office": "大气与水生态环境科", "score": 23.462, "tie": False, "weak": False,
    "holds_no_duties": False, "no_match": False, "township_unnamed": False, "place_unnamed": False,
    "runner_up": "示例市住房和城乡建设局", "runner_up_score": 11.029,
    "matched": "大气污染、≈环境", "evidence": "对超标排放大气污染物的处罚", "source": "doc:5d1e0f3a9b7c2e41#市生态环境局!5",
    "note": "示例市/河西区 的部门无相应职责，按上级 示例市 分派 / no department of 示例市/河西区 holds such duties: "
            "routed to 示例市's", "power_split": "", "devolved": "", "sector_safety": "", "sector_rule": "", "sector_rule_source": "",
    "sector_rule_kind": "", "no_sanding": False, "overlap_cluster": "", "overlap_note": ""}
# Each JSON row's reasons a person must settle it, in the words of the CLI's and the page's 需人工确定 (the page built
# the same sentence in its own code, user test); the files keep their columns.
PERSON_KEY = "need_person_zh"
_EXAMPLE_ROW[PERSON_KEY] = person_reason(_EXAMPLE_ROW)


@router.post("/dispatch", response_model=DispatchAnswer, summary="诉求分派: route a batch of complaints",
             responses={200: {"content": {"application/json": {"example": {
                 "rows": [_EXAMPLE_ROW], "need_person": 1, "routed_within": "示例市", "warnings": []}},
                 CSV: {}, XLSX: {}}}, **problem_responses(400, 404, 406, 413, 422, 503)})
def post_dispatch(request: Request, store: StoreDep, body: DispatchRequest, format: Format = None) -> Response:
    """Each complaint to the department first in who_handles, within the complaint's own region, else the
    request's, else the graph's one city. A county whose departments hold nothing like it sends it to its city's
    department (`note`). `need_person` counts the rows to settle by hand. CSV or Excel (`format=` or Accept) give
    the rows with Chinese titles, as `dutygraph dispatch --format` writes them."""
    region = check_region(store, body.region)
    complaints = [Complaint(line, item.text.strip(), item.region or "", {"id": item.id} if item.id is not None else {})
                  for line, item in enumerate(body.complaints, start=1)]
    result = dispatch(store, complaints, region=region)
    rows = [{"line": row["line"], "id": None, **row} for row in result.rows]
    if wanted_format(request, format) == "json":
        return JSONResponse(_summary(rows, result))
    return whole(request, rows, format=format, answer="dispatch",
                 given=_given_region(request, len(rows), body.region, region, result.default_region))


def _summary(rows: list[dict], result: Dispatched, read_warnings: list[str] | None = None) -> dict:  # type: ignore[type-arg]
    """The JSON answer: the rows with why a person must settle each, its counts and warnings (`read_warnings`: the
    file's, said before the routing's)."""
    return {"rows": [{**row, PERSON_KEY: person_reason(row)} for row in rows],
            "need_person": sum(1 for row in rows if needs_person(row)),
            "routed_within": result.default_region, "warnings": [*(read_warnings or []), *result.warnings]}


MAX_FILE_COMPLAINTS = 5000  # a city hotline's day; routing takes about 3 ms each (bench: dispatch)
_FILE_EXAMPLE_ROW = {key: value for key, value in _EXAMPLE_ROW.items() if key != "id"} | {"工单编号": "GD20261122001"}


@router.post("/dispatch/file", response_model=DispatchFileAnswer, summary="诉求分派（文件）: route a hotline's export",
             responses={200: {"content": {"application/json": {"example": {
                 "file": "工单导出.csv", "columns": columns_with(["工单编号"]), "rows": [_FILE_EXAMPLE_ROW],
                 "need_person": 1, "routed_within": "示例市",
                 "warnings": ["line 3: the 诉求内容 cell is empty; not routed; 第 3 行“诉求内容”为空，未分派"]}},
                 CSV: {}, XLSX: {}}}, **problem_responses(400, 404, 406, 413, 422, 503)})
def post_dispatch_file(request: Request, store: StoreDep,
                       file: Annotated[UploadFile, File(description="a hotline's export: .csv (`,` `;` `|` or tabs), "
                                                                    ".tsv, .xlsx, or a .txt of one complaint a line")],
                       region: Annotated[str | None, Form(description="the region of complaints whose row names "
                                                                      "none (default: the graph's one city)")] = None,
                       column: Annotated[str | None, Form(description="诉求列名: the complaint column's title, "
                                                                      "when not a usual one (诉求内容, 工单内容 …)")] = None,
                       region_column: Annotated[str | None, Form(description="区划列名: the title of the column of "
                                                                             "each complaint's region (所属区县 …)")] = None,
                       format: Format = None) -> Response:
    """A hotline's file routed as `dutygraph dispatch FILE` routes it (the web page's 批量分派): its complaint column
    found by its title, its other columns (工单编号 …) kept in each row, a row's 所属区县 routing it within that region.
    Up to 5,000 complaints, in a file no larger than `DUTYGRAPH_MAX_UPLOAD_MB` (20 MB; larger is a 413). A file that
    cannot be read is a 422 naming the line and what was expected."""
    chosen = wanted_format(request, format)  # a format it cannot answer refused before the work
    home = check_region(store, region.strip() if region and region.strip() else None)
    name = uploaded_name(file.filename, "complaints.txt")
    read = _read_upload(name, file.file, column, region_column)
    if len(read.complaints) > MAX_FILE_COMPLAINTS:
        raise Problem(422, "invalid-request", "Too many complaints", "诉求过多",
                      f"{name}: {len(read.complaints)} complaints; send at most {MAX_FILE_COMPLAINTS} a file",
                      f"{name}：共 {len(read.complaints)} 条诉求，每个文件至多 {MAX_FILE_COMPLAINTS} 条")
    result = dispatch(store, read.complaints, region=home)
    columns = columns_with(read.columns)
    if chosen == "json":
        return JSONResponse({"file": name, "columns": [*columns, PERSON_KEY],
                             **_summary(result.rows, result, read.warnings)})
    given = [("file", name), *_given_region(request, len(result.rows), region, home, result.default_region),
             ("column", column), ("region_column", region_column)]
    return whole(request, result.rows, format=chosen, answer="dispatch", columns=columns,
                 subject=Path(name).stem, given=given)


def _given_region(request: Request, count: int, typed: str | None, home: str | None,
                  default: str | None) -> list[tuple[str, object]]:
    """A dispatch's question (queries.dispatch.dispatch_given), its region as typed with its reading noted."""
    if home and home != typed:
        note_read_as(request, "region", home)
    return dispatch_given(count, typed, default)


def _read_upload(name: str, data: BinaryIO, column: str | None, region_column: str | None) -> ComplaintFile:
    """The uploaded file read as the CLI reads a file, under its own name (its suffix says how to read it); an
    error names it as uploaded, and the form's fields where the CLI's message names its options."""
    with saved_uploads([(name, data)], prefix="dutygraph-dispatch-") as saved:
        [path] = saved
        try:
            return read_complaints(path, column=_given(column), region_column=_given(region_column))
        except (IngestError, ValueError) as exc:
            english = _as_form(str(exc).replace(str(path), name))
            chinese = _as_form_zh(exc.message_zh(name)) if isinstance(exc, IngestError) else english
            raise Problem(422, "bad-complaint-file", "The complaint file cannot be read", "诉求文件无法读取",
                          english, chinese) from exc


def _given(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def _as_form(text: str) -> str:
    return text.replace("--region-column", "region_column").replace("--column", "column")


# The Chinese is what the page shows: the fields by their titles (the page's box 诉求列名), not the form's field names
# (`或用 column 指定` reached the page's users, user test); the fields' descriptions name the same titles.
def _as_form_zh(text: str) -> str:
    return text.replace(" --region-column ", "“区划列名”").replace("--region-column", "“区划列名”") \
        .replace(" --column ", "“诉求列名”").replace("--column", "“诉求列名”")
