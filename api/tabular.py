"""Answers as JSON, CSV or XLSX: `?format=` or the Accept header, Chinese column titles in files. A page of rows, a
whole list (who_handles), or an answer of several tables (power_split, coordination_network): one sheet each."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from api.deps import get_store
from api.problems import Problem
from queries.export import to_xlsx
from queries.labels import column_label
from queries.report import Report, Section, flat
from queries.sources import document_titles, with_readable_sources

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_LIMIT = 1000
DEFAULT_LIMIT = 50
Rows = list[dict[str, Any]]


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


def page(request: Request, rows: Rows, *, limit: int, offset: int, format: str | None,
         columns: Sequence[str] | None = None, answer: str = "dutygraph") -> Response:
    """One page of `rows` (total given), or all of them as a file when CSV or XLSX is asked for. `answer` is the
    analysis or list the rows answer: it picks their column titles (`column_label`) and names the file."""
    chosen = wanted_format(request, format)
    if chosen == "json":
        return JSONResponse({"total": len(rows), "limit": limit, "offset": offset,
                             "items": rows[offset:offset + limit]})
    return _file(request, chosen, [Section(answer, answer, _columns(rows, columns), rows)], answer)


def whole(request: Request, rows: Rows, *, format: str | None, answer: str,
          columns: Sequence[str] | None = None) -> Response:
    """Every row, unpaged: JSON as a list (who_handles' ranking, a handful of rows), or a file."""
    chosen = wanted_format(request, format)
    if chosen == "json":
        return JSONResponse(rows)
    return _file(request, chosen, [Section(answer, answer, _columns(rows, columns), rows)], answer)


def tables(request: Request, result: Mapping[str, Rows], *, format: str | None, table: str | None, answer: str,
           titles: Mapping[str, str], columns: Mapping[str, Sequence[str]] | None = None) -> Response:
    """An answer of several tables (a key each in JSON, always all of them). Excel holds each on a sheet of its own
    (`titles`: the sheets' Chinese names), or only `table`; a CSV file holds one table, so it needs `table` (406
    without it, naming the tables and the two ways to get them)."""
    chosen = wanted_format(request, format)
    if chosen == "json":
        return JSONResponse(dict(result))
    names = [table] if table else list(result)
    if chosen == "csv" and len(names) > 1:
        raise _one_table_per_csv(answer, names)
    # A table's key among its answer's (power_split.conflicts) picks its column titles: one key may mean two
    # things in two tables of an answer (coordination_network's matters: a count of nodes, the names of edges).
    sections = [Section(f"{answer}.{name}", titles[name], _columns(result[name], (columns or {}).get(name)),
                        result[name]) for name in names]
    return _file(request, chosen, sections, f"{answer}-{table}" if table else answer)


def _columns(rows: Rows, columns: Sequence[str] | None) -> list[str]:
    return list(columns) if columns else list(rows[0]) if rows else []


def _file(request: Request, chosen: str, sections: list[Section], filename: str) -> Response:
    # People read files: a source names its document's title, not its uid (JSON keeps the uid, for programs).
    titles = document_titles(get_store(request))
    sections = [replace(section, rows=with_readable_sources(section.rows, titles)) for section in sections]
    if chosen == "csv":
        (section,) = sections
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([column_label(c, section.key) for c in section.columns])
        for row in section.rows:
            writer.writerow([flat(row.get(c), section.key) for c in section.columns])
        # A BOM so that Excel opens the Chinese text as UTF-8.
        return Response("\ufeff" + buffer.getvalue(), media_type=f"{CSV}; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'})
    # The report's Excel writer (queries.export): the same cells, titles, widths and frozen header as `report`.
    return Response(to_xlsx(Report(filename, sections)), media_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{filename}.xlsx"'})


def _one_table_per_csv(answer: str, names: list[str]) -> Problem:
    choices = " or ".join(f"table={name}" for name in names)
    choices_zh = "或 ".join(f"table={name} " for name in names)
    return Problem(406, "one-table-per-csv", "A CSV file holds one table", "CSV 文件只能容纳一张表",
                   f"{answer} answers {len(names)} tables ({', '.join(names)}): ask for one of them with {choices}, "
                   "or for format=xlsx (a sheet each)",
                   f"{answer} 的结果有 {len(names)} 张表（{'、'.join(names)}）：请用 {choices_zh}选择其中一张，"
                   "或改用 format=xlsx（每张表一个工作表）")
