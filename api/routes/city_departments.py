"""Cities' sets of departments side by side (city_departments: 各市部门设置对照, queries.department_sets)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import Format, RegionFilter, StoreDep
from api.problems import problem_responses
from api.schemas import CityDepartmentsRow, Page
from api.tabular import CSV, DEFAULT_LIMIT, XLSX, Limit, Offset, page
from queries import catalog

router = APIRouter(prefix="/api")

_EXAMPLE = {"work": "文化广电旅游体育局", "city_departments": "南屿市：体育局、文化广电和旅游局；示例市：文化广电旅游体育局",
            "finding": "merged", "finding_label": "一市合并设置、另一市分设", "lacking": "", "merged_in": "示例市"}


@router.get("/queries/city_departments", response_model=Page[CityDepartmentsRow], tags=["queries"],
            summary="各市部门设置对照: departments one city has and another lacks, or merges where another splits",
            responses={200: {"content": {"application/json": {"example": {
                "total": 1, "limit": 50, "offset": 0, "items": [_EXAMPLE]}}, CSV: {}, XLSX: {}}},
                **problem_responses(400, 404, 406, 422, 503)})
def get_city_departments(request: Request, store: StoreDep, region: RegionFilter,
                         limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Response:
    """Each city's own departments with a 三定, grouped by the line of work they mirror (上下对口's reading), and the
    lines two cities set up differently: `merged` (one city's department does what another's several do), `lacking`
    (a city the graph holds none of the line in: none set up, or its 三定 not loaded), `named_otherwise`. `region`: a
    province, or none for the whole graph; a city's own is one city, and no rows."""
    rows = catalog.run(store, "city_departments", {"region": region})
    return page(request, rows, limit=limit, offset=offset, format=format, answer="city_departments")
