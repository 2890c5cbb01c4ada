"""What each adjustment of a list changed, version by version (list_changes: 清单动态调整)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import Format, RegionFilter, StoreDep
from api.problems import problem_responses
from api.schemas import ListChangeRow, Page
from api.tabular import CSV, DEFAULT_LIMIT, XLSX, Limit, Offset, page
from queries import catalog

router = APIRouter(prefix="/api")

_EXAMPLE = {"list_title": "临江市部门职责边界清单", "region": "临江市", "from_version": "2024年3月1日 bianjie_2024_03.csv",
            "to_version": "2024年9月15日 bianjie_2024_09.xlsx（现行）", "change": "lead_changed",
            "change_label": "牵头部门变更", "matter": "校外培训机构监管", "before": "市教育局", "after": "市市场监督管理局",
            "from_source": "lists/bianjie_2024_03.csv 序号1（第4行）",
            "to_source": "lists/bianjie_2024_09.xlsx 工作表“职责边界清单”序号1（第4行）",
            "list_key": "boundary|临江市|title|临江市部门职责边界清单", "from_uid": "doc:4b1f0e2a9c3d5e6f",
            "to_uid": "doc:8a7c6b5d4e3f2a1b"}


@router.get("/queries/list_changes", response_model=Page[ListChangeRow], tags=["queries"],
            summary="清单动态调整: what each version of a list changed (新增、删除事项，牵头、配合、实施部门变更，认领状态变更，名称变更)",
            responses={200: {"content": {"application/json": {"example": {
                "total": 1, "limit": 50, "offset": 0, "items": [_EXAMPLE]}}, CSV: {}, XLSX: {}}},
                **problem_responses(400, 404, 406, 422, 503)})
def get_list_changes(request: Request, store: StoreDep, region: RegionFilter,
                     list: Annotated[str | None, Query(
                         description="a list's title, file name, path or uid (of any of its versions); empty means "
                                     "every list of the region", examples=["临江市部门职责边界清单"])] = None,
                     limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Response:
    """Each change between a list's versions, version by version, citing both versions' files and rows: its
    replaced and older versions are kept as history, which no other answer reads."""
    rows = catalog.run(store, "list_changes", {"list": list, "region": region})
    return page(request, rows, limit=limit, offset=offset, format=format, answer="list_changes")
