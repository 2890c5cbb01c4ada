"""A hotline's file of complaints, as `dutygraph dispatch` reads it: a text with one complaint a line, or a table
(CSV, TSV, a CSV written with `;`, an Excel workbook) whose complaint column a hotline's export titles its own way
(诉求内容, 工单内容, 问题描述 …) and whose other columns (工单编号, 所属区县) the answer keeps, so that it joins back to
the tickets. A column of the region each complaint comes from routes it within that region.

Errors name the file, the line and what was expected, in English and in Chinese (`IngestError`); what is read
with a doubt (an empty complaint, a cell running over several lines) is a warning naming its line."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import IngestError
from ingest.readers import decode_text, read_bytes
from ingest.tables import COMPLAINT_TITLES

# The complaint column's titles in hotline exports, in order of preference; matched without case or spaces.
TEXT_TITLES = COMPLAINT_TITLES
REGION_TITLES = ("region", "所属区县", "所属区划", "区县", "所在区县", "所属区域", "所属地区", "区划", "属地")
_TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx"}
_DELIMITERS = ",;\t|"


@dataclass
class Complaint:
    line: int  # where its row starts, as an editor (or Excel) numbers it
    text: str
    region: str = ""  # as the file writes it (青山县), '' when it has no region column or the cell is empty
    fields: dict[str, str] = field(default_factory=dict)  # the row's other cells, by their column's title


@dataclass
class ComplaintFile:
    complaints: list[Complaint]
    columns: list[str]  # the titles of the columns kept beside the answer, in the file's order
    text_column: str | None  # None for a text file: one complaint a line
    region_column: str | None
    warnings: list[str]


def read_complaints(path: Path, *, column: str | None = None, region_column: str | None = None) -> ComplaintFile:
    """The complaints of `path`. `column` and `region_column` name the columns when their titles are not among
    TEXT_TITLES and REGION_TITLES."""
    suffix = path.suffix.lower()
    if suffix not in _TABLE_SUFFIXES:
        if column or region_column:
            raise IngestError(path, "a table (.csv, .tsv, .xlsx) when --column or --region-column is given",
                              detail=f"a {suffix or 'file without suffix'} is read as one complaint a line",
                              zh="指定 --column 或 --region-column 时文件应为表格（.csv、.tsv、.xlsx）；"
                                 "其他文件按每行一条诉求读取")
        return _lines(path)
    rows = _xlsx_rows(path) if suffix == ".xlsx" else _csv_rows(path, suffix)
    return _table(path, rows, column, region_column)


def _lines(path: Path) -> ComplaintFile:
    data, _digest = read_bytes(path, "complaints, one a line")
    text, _encoding = decode_text(path, data)
    complaints = [Complaint(number, line.strip()) for number, line in enumerate(text.splitlines(), start=1)
                  if line.strip()]
    return ComplaintFile(complaints, [], None, None, [])


@dataclass
class _Row:
    line: int
    cells: list[str]
    last_line: int  # a quoted cell may run over several lines


def _csv_rows(path: Path, suffix: str) -> list[_Row]:
    data, _digest = read_bytes(path, "a table of complaints with a header row")
    text, _encoding = decode_text(path, data)
    delimiter = "\t" if suffix == ".tsv" else _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, line = [], 1
    for cells in reader:
        rows.append(_Row(line, [cell.strip() for cell in cells], reader.line_num))
        line = reader.line_num + 1
    return rows


def _delimiter(text: str) -> str:
    """`,` unless the header row is written with `;`, a tab or `|` (a European Excel writes `;`)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    counts = {delimiter: header.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: (counts[delimiter], delimiter == ","))
    return best if counts[best] else ","


def _xlsx_rows(path: Path) -> list[_Row]:
    from ingest.sheets import read_workbook  # openpyxl: only for a workbook

    workbook = read_workbook(path)
    sheet = next((sheet for sheet in workbook.sheets if any(any(cells) for _number, cells in sheet.rows)), None)
    if sheet is None:
        raise IngestError(path, "a table of complaints with a header row", detail="every sheet is empty",
                          zh="工作表均为空，应有表头行和诉求")
    return [_Row(number, [cell.strip() for cell in cells], number) for number, cells in sheet.rows]


def _table(path: Path, rows: list[_Row], column: str | None, region_column: str | None) -> ComplaintFile:
    rows = [row for row in rows if any(row.cells)]
    if not rows:
        raise IngestError(path, "a table of complaints with a header row", detail="the file has no rows",
                          zh="文件没有内容，应有表头行和诉求")
    header, body = rows[0], rows[1:]
    titles = header.cells
    text_at = _column(path, header, column, TEXT_TITLES, "--column", "complaint", "诉求")
    assert text_at is not None  # not optional: _column raised
    region_at = _column(path, header, region_column, REGION_TITLES, "--region-column", "region", "区划",
                        optional=region_column is None)
    if not body:
        raise IngestError(path, "complaints after the header row", line=header.line,
                          detail="the file has a header row only", zh="表头行之后没有诉求")
    kept = [index for index in range(len(titles)) if index not in {text_at, region_at} and titles[index]]
    complaints, warnings = [], []
    for row in body:
        cells = row.cells + [""] * (len(titles) - len(row.cells))
        text = cells[text_at]
        if not text:
            warnings.append(f"line {row.line}: the {titles[text_at]} cell is empty; not routed; "
                            f"第 {row.line} 行“{titles[text_at]}”为空，未分派")
        if row.last_line > row.line:
            warnings.append(f"line {row.line}: a cell runs over lines {row.line}–{row.last_line} (a quote left "
                            f"open?); read as one complaint; 第 {row.line}–{row.last_line} 行为同一单元格"
                            "（引号未闭合？），按一条诉求读取")
        complaints.append(Complaint(row.line, text, cells[region_at] if region_at is not None else "",
                                    {titles[index]: cells[index] for index in kept}))
    return ComplaintFile(complaints, [titles[index] for index in kept], titles[text_at],
                         titles[region_at] if region_at is not None else None, warnings)


def _column(path: Path, header: _Row, wanted: str | None, known: tuple[str, ...], option: str, what: str,
            what_zh: str, *, optional: bool = False) -> int | None:
    """The index of the column titled `wanted`, or else the first of `known` the header has; when it has none,
    None if the column is `optional`, else an error listing the header's titles."""
    normalised = [_normal(title) for title in header.cells]
    choices = [wanted] if wanted else list(known)
    for choice in choices:
        if _normal(choice) in normalised:
            return normalised.index(_normal(choice))
    if optional:
        return None
    found = ", ".join(title for title in header.cells if title) or "(none)"
    asked = f"a column titled {wanted}" if wanted else f"a {what} column titled one of {', '.join(known)}"
    asked_zh = f"名为“{wanted}”的列" if wanted else f"{what_zh}列（列名为 {'、'.join(known)} 之一）"
    raise IngestError(path, f"{asked} (or name it with {option})", line=header.line,
                      detail=f"the header has: {found}", zh=f"表头应有{asked_zh}，或用 {option} 指定；表头为：{found}")


def _normal(title: str) -> str:
    return "".join(title.split()).casefold()
