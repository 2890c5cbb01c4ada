"""Pages of rows as JSON, CSV or XLSX: `?format=` or the Accept header, Chinese column titles in files."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from api.problems import Problem
from queries.labels import column_label
from queries.report import flat

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_LIMIT = 1000
DEFAULT_LIMIT = 50


def wanted_format(request: Request, format: str | None) -> str:
    if format:
        if format not in {"json", "csv", "xlsx"}:
            raise Problem(400, "bad-format", "Unknown format", "不支持的格式",
                          f"format={format}: expected json, csv or xlsx", "format 应为 json、csv 或 xlsx")
        return format
    accept = request.headers.get("accept", "")
    if CSV in accept:
        return "csv"
    if XLSX in accept:
        return "xlsx"
    return "json"


def page(request: Request, rows: list[dict[str, Any]], *, limit: int, offset: int, format: str | None,
         columns: list[str] | None = None, answer: str = "dutygraph") -> Response:
    """One page of `rows` (total given), or all of them as a file when CSV or XLSX is asked for. `answer` is the
    analysis or list the rows answer: it picks their column titles (`column_label`) and names the file."""
    chosen = wanted_format(request, format)
    columns = columns or (list(rows[0]) if rows else [])
    if chosen == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([column_label(c, answer) for c in columns])
        for row in rows:
            writer.writerow([flat(row.get(c), answer) for c in columns])
        # A BOM so that Excel opens the Chinese text as UTF-8.
        return Response("\ufeff" + buffer.getvalue(), media_type=f"{CSV}; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{answer}.csv"'})
    if chosen == "xlsx":
        import openpyxl

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = answer[:31]
        sheet.append([column_label(c, answer) for c in columns])
        for row in rows:
            sheet.append([v if isinstance(v, int | float) and not isinstance(v, bool) else flat(v, answer)
                          for v in (row.get(c) for c in columns)])
        data = io.BytesIO()
        workbook.save(data)
        return Response(data.getvalue(), media_type=XLSX,
                        headers={"Content-Disposition": f'attachment; filename="{answer}.xlsx"'})
    return JSONResponse({"total": len(rows), "limit": limit, "offset": offset,
                         "items": rows[offset:offset + limit]})
