"""POST /api/dispatch: a batch of complaints routed as `dutygraph dispatch` routes a file (another government
system's 12345 platform sends its day's tickets in one request rather than one who_handles call each)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from api.deps import Format, StoreDep
from api.problems import problem_responses
from api.schemas import DispatchAnswer, DispatchRequest
from api.tabular import CSV, XLSX, wanted_format, whole
from queries.complaint_files import Complaint
from queries.dispatch import dispatch, needs_person
from queries.lookup import check_region

router = APIRouter(prefix="/api", tags=["queries"])

_EXAMPLE_ROW = {
    "line": 1, "id": "GD20261122001", "text_in": "小区楼下烧烤摊油烟太大，晚上窗户都不敢开", "region": "示例市",
    "department": "示例市生态环境局", "office": "大气与水生态环境科", "score": 23.462, "tie": False, "weak": False,
    "holds_no_duties": False, "no_match": False, "runner_up": "示例市住房和城乡建设局", "runner_up_score": 11.029,
    "matched": "大气污染、≈环境", "evidence": "对超标排放大气污染物的处罚", "source": "doc:5d1e0f3a9b7c2e41#市生态环境局!5",
    "note": "示例市/河西区 的部门无相应职责，按上级 示例市 分派 / no department of 示例市/河西区 holds such duties: "
            "routed to 示例市's"}


@router.post("/dispatch", response_model=DispatchAnswer, summary="诉求分派: route a batch of complaints",
             responses={200: {"content": {"application/json": {"example": {
                 "rows": [_EXAMPLE_ROW], "need_person": 1, "routed_within": "示例市", "warnings": []}},
                 CSV: {}, XLSX: {}}}, **problem_responses(400, 404, 406, 422, 503)})
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
        return JSONResponse({"rows": rows, "need_person": sum(1 for row in rows if needs_person(row)),
                             "routed_within": result.default_region, "warnings": result.warnings})
    return whole(request, rows, format=format, answer="dispatch")
