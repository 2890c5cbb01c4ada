"""A 权责清单's items reviewed as a 司法局 does before the list is published (power_item_review: 合法性审查)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.deps import Format, RegionFilter, StoreDep
from api.problems import problem_responses
from api.schemas import Page, PowerItemFinding
from api.tabular import CSV, DEFAULT_LIMIT, XLSX, Limit, Offset, page
from queries import catalog

router = APIRouter(prefix="/api")

_EXAMPLE = {"region": "示例市/青山县", "department": "青山县城市管理局", "item": "对擅自设置户外广告牌的处罚",
            "type": "行政处罚", "code": "QSR-CF-003", "finding_label": "依据仅为规范性文件，不能设定此类职权",
            "basis": "《青山县户外广告设置管理办法》第十二条",
            "detail": "规范性文件：《青山县户外广告设置管理办法》；依据《中华人民共和国行政处罚法》第十六条，"
                      "规范性文件不得设定行政处罚",
            "source": "doc:457b1f708061e723#第4行", "finding": "basis_cannot_set",
            "department_uid": "dept:示例市/青山县/城市管理局",
            "item_uid": "power:示例市/青山县/城市管理局/QSR-CF-003"}


@router.get("/queries/power_item_review", response_model=Page[PowerItemFinding], tags=["queries"],
            summary="权责清单合法性审查: items with no 依据, a 依据 that cannot set them, an unknown 实施主体, a holder "
                    "whose 三定 has no such duty, no 责任事项 or 追责情形, 多头执法, items repeated",
            responses={200: {"content": {"application/json": {"example": {
                "total": 1, "limit": 50, "offset": 0, "items": [_EXAMPLE]}}, CSV: {}, XLSX: {}}},
                **problem_responses(400, 404, 406, 422, 503)})
def get_power_item_review(request: Request, store: StoreDep, region: RegionFilter, limit: Limit = DEFAULT_LIMIT,
                          offset: Offset = 0, format: Format = None) -> Response:
    """A row per finding on a power item of the region's 权责清单, with its 依据 as written and its list row."""
    rows = catalog.run(store, "power_item_review", {"region": region})
    return page(request, rows, limit=limit, offset=offset, format=format, answer="power_item_review")
