"""Spreadsheet readers: .csv (UTF-8 or GB18030) and .xlsx (every sheet) to rows of text cells.

Merged cells are filled with their value in every cell of the range, so that a department or a main
item written once for a block of rows reads on each row; row numbers are kept as Excel shows them.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import IngestError
from ingest.normalize import clean_line
from ingest.readers import decode_text, read_bytes, text_digest

SHEET_SUFFIXES = {".csv", ".xlsx"}


@dataclass
class Sheet:
    name: str
    rows: list[tuple[int, list[str]]]  # (row number as shown, cells)
    merged_down: set[tuple[int, int]] = field(default_factory=set)  # (row, column) filled from a merge above
    named_by_file: bool = False  # a CSV's or a text's one sheet, named after the file: no name of its own
    # Merged ranges as (first row, first column, last row, last column): rows as shown, columns from 0.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)

    def cell_range(self, row: int, column: int) -> tuple[int, int, int, int]:
        """The merged range the cell lies in, or the cell alone."""
        for first_row, first_column, last_row, last_column in self.merged:
            if first_row <= row <= last_row and first_column <= column <= last_column:
                return first_row, first_column, last_row, last_column
        return row, column, row, column


def column_letter(column: int) -> str:
    """Excel's name of a column counted from 0: A … Z, AA …"""
    # openpyxl's own, imported here as in read_workbook: only a warning or an error names a column, and a run of
    # CSV files need not load openpyxl at all.
    from openpyxl.utils import get_column_letter

    return get_column_letter(column + 1)


def range_name(first_row: int, first_column: int, last_row: int, last_column: int) -> str:
    """`C1:D1` as Excel writes a range (`C1` for one cell)."""
    first = f"{column_letter(first_column)}{first_row}"
    last = f"{column_letter(last_column)}{last_row}"
    return first if first == last else f"{first}:{last}"


@dataclass
class Workbook:
    path: Path
    sha256: str
    sheets: list[Sheet]
    encoding: str
    text_sha256: str = ""  # of its cells (`cells_digest`): a copy in another encoding, or saved again, has the same


def read_workbook(path: Path) -> Workbook:
    data, digest = read_bytes(path, "a spreadsheet with rows")
    if path.suffix.lower() == ".xlsx":
        sheets = _xlsx_sheets(path, data)
        return Workbook(path, digest, sheets, "xlsx", cells_digest(sheets))
    text, encoding = decode_text(path, data)
    rows = [(number, [cell_text(value) for value in row]) for number, row in enumerate(csv.reader(io.StringIO(text)), 1)]
    sheets = [Sheet(path.stem, _trimmed(rows), named_by_file=True)]
    return Workbook(path, digest, sheets, encoding, cells_digest(sheets))


def cells_digest(sheets: list[Sheet]) -> str:
    """`text_digest` of the sheets' cells, a row a line and its cells apart (a mark between them: `text_digest` drops
    spaces and tabs); a sheet's own name before its rows (a CSV's, the file's name, is not part of its content)."""
    return text_digest(line for sheet in sheets
                       for line in [*([] if sheet.named_by_file else [f"# {sheet.name}"]),
                                    *("|".join(cells) for _number, cells in sheet.rows)])


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # A line break inside a cell separates names or wraps text; keep it as a separator for lists.
    return "\n".join(clean_line(part) for part in str(value).splitlines()).strip()


def _trimmed(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    return [(number, cells) for number, cells in rows if any(cells)]


def _xlsx_sheets(path: Path, data: bytes) -> list[Sheet]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise IngestError(path, "an Excel .xlsx workbook", detail="the file is not a valid .xlsx",
                          zh="不是有效的 Excel .xlsx 工作簿") from exc
    sheets = []
    for worksheet in workbook.worksheets:
        grid = [[cell_text(value) for value in row] for row in worksheet.iter_rows(values_only=True)]
        merged_down: set[tuple[int, int]] = set()
        ranges: list[tuple[int, int, int, int]] = []
        for merged in worksheet.merged_cells.ranges:
            ranges.append((merged.min_row, merged.min_col - 1, merged.max_row, merged.max_col - 1))
            value = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row - 1 < len(grid) else ""
            for row in range(merged.min_row, merged.max_row + 1):
                for column in range(merged.min_col, merged.max_col + 1):
                    if row - 1 < len(grid) and column - 1 < len(grid[row - 1]):
                        grid[row - 1][column - 1] = value
                        if row > merged.min_row:
                            merged_down.add((row, column - 1))
        rows = _trimmed([(number, cells) for number, cells in enumerate(grid, 1)])
        sheets.append(Sheet(worksheet.title, rows, merged_down, merged=ranges))
    return sheets
