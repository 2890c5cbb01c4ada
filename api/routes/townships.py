"""A township's 乡镇（街道）履行职责事项清单, checked against the county departments it names (township_duties)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import Format, RegionFilter, StoreDep, department_uid
from api.problems import problem_responses
from api.schemas import Page, TownshipDutyRow
from api.tabular import CSV, DEFAULT_LIMIT, XLSX, Limit, Offset, page
from queries import catalog

router = APIRouter(prefix="/api")

_EXAMPLE = {"township": "安平镇人民政府", "township_region": "澄州市/石岭县/安平镇", "part": "assisting",
            "part_label": "配合履职事项", "category": "安全生产", "matter": "电动自行车进楼入户整治",
            "township_text": "配合开展入户宣传和楼道巡查。", "department": "石岭县应急管理局",
            "department_region": "澄州市/石岭县", "department_text": "县应急管理局负责电动自行车进楼入户整治。",
            "finding": "not_held",
            "finding_label": "牵头部门三定、权责清单未写有此项，本县也无部门写有：乡镇配合却无部门主责（甩锅）",
            "holder": "", "evidence": "", "evidence_source": "", "source": "doc:bc4f36bc003f015b#第14行",
            "department_uid": "dept:澄州市/石岭县/应急管理局"}


@router.get("/queries/township_duties", response_model=Page[TownshipDutyRow], tags=["queries"],
            summary="乡镇履行职责事项核对: a township's list, and whether each county department it names holds the work",
            responses={200: {"content": {"application/json": {"example": {
                "total": 1, "limit": 50, "offset": 0, "items": [_EXAMPLE]}}, CSV: {}, XLSX: {}}},
                **problem_responses(400, 404, 406, 422, 503)})
def get_township_duties(request: Request, store: StoreDep, region: RegionFilter,
                        township: Annotated[str | None, Query(
                            description="乡镇（街道）名称 (安平镇, 石岭县安平镇, 安平镇人民政府); empty means every "
                                        "township of the region", examples=["安平镇"])] = None,
                        limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Response:
    """Each row of the township's 履行职责事项清单 (基本履职, 配合履职, 上级部门收回事项), a 配合 or 收回 row with whether
    the county department it names states the work in its own 三定 or 权责清单: a 配合 matter whose lead holds no such
    duty puts the work on the township (甩锅); a 收回 matter the department's 三定 does not hold, nobody holds now."""
    uid = department_uid(request, store, township, region, "township")
    rows = catalog.run(store, "township_duties", {"township": uid, "region": region})
    return page(request, rows, limit=limit, offset=offset, format=format, answer="township_duties")
