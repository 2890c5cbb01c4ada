"""Files people open: CSV (one table), Markdown, Excel (one sheet a section) and Word, with Chinese column titles
and readable cells; the report, the API's files and the CLI's are all written here."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from queries.labels import column_label
from queries.report import Report, Section, cell_text

_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def to_markdown(report: Report) -> str:
    lines = [f"# {report.title}", ""]
    for section in report.sections:
        lines += [f"## {section.title}", ""]
        if section.note:
            lines += [section.note, ""]
        if not section.rows:
            lines += ["（无）", ""]
            continue
        lines.append("| " + " | ".join(column_label(c, section.key) for c in section.columns) + " |")
        lines.append("|" + "---|" * len(section.columns))
        for row in section.rows:
            lines.append("| " + " | ".join(cell_text(row, c, section.key).replace("|", "\\|").replace("\n", " ")
                                           for c in section.columns) + " |")
        lines.append("")
    return "\n".join(lines)


def to_csv(section: Section, *, readable: bool = True) -> bytes:
    """One table as a UTF-8 CSV file with a BOM, so that Excel opens the Chinese text as UTF-8 (without it Excel
    reads the bytes as the system's code page). `readable`: Chinese column titles and cells as people read them
    (`flat`); otherwise the columns and values as they are (`raw`), for an ad-hoc query's own column names."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_titles(section, readable))
    for row in section.rows:
        writer.writerow([inert(_text(row, c, section.key, readable)) for c in section.columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$")


def inert(text: str) -> str:
    """A CSV cell Excel will not run: text from an uploaded file may start with `=` (=HYPERLINK(…) is a
    phishing link in a 编办's spreadsheet), so such a cell gets a leading `'`, as OWASP advises for CSV
    injection. A number (a negative 稳健z分数) is left as it is."""
    return f"'{text}" if text.startswith(_FORMULA_START) and not _NUMBER.match(text) else text


def raw(value: Any) -> str:
    """A value as the query returned it: true and false as True and False, codes untranslated, a map as JSON."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "、".join(raw(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _titles(section: Section, readable: bool) -> list[str]:
    return [column_label(c, section.key) for c in section.columns] if readable else list(section.columns)


def to_xlsx(report: Report, *, readable: bool = True) -> bytes:
    """A sheet a section, an empty one saying （无） under its titles; `readable` as for `to_csv`."""
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    workbook.properties.creator = workbook.properties.lastModifiedBy = "dutygraph"  # not "openpyxl"
    workbook.properties.title = report.title
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    used: set[str] = set()
    for section in report.sections:
        name = _SHEET_NAME.sub("_", section.title)[:31]
        while name in used:
            name = name[:29] + f"_{len(used)}"
        used.add(name)
        sheet = workbook.create_sheet(name)
        titles = _titles(section, readable)
        sheet.append(titles)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in section.rows:
            sheet.append([_excel_value(row, c, section.key, readable) for c in section.columns])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.data_type == "f":
                    cell.data_type = "s"  # openpyxl reads a text starting with `=` as a formula: it is text here
        if readable and not section.rows:
            # As the Markdown and Word files say it: a sheet of titles alone reads as a failed export. A raw file
            # (a program's) keeps the titles alone, as its CSV does.
            sheet.append(["（无）"])
        for index, (column, title) in enumerate(zip(section.columns, titles, strict=True), start=1):
            width = max([len(title)] + [len(_text(r, column, section.key, readable)) for r in section.rows[:200]])
            sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = min(60, 4 + width * 1.6)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text(row: Mapping[str, Any], column: str, answer: str, readable: bool) -> str:
    return cell_text(row, column, answer) if readable else raw(row.get(column))


EXCEL_CELL_LIMIT = 32_767  # characters: Excel cuts a longer cell without a word, or refuses the file
CUT_MARK = "…（超过 Excel 单元格上限，已截断）"


def _excel_value(row: Mapping[str, Any], column: str, answer: str, readable: bool) -> object:
    # Numbers stay numbers, so that Excel sums and sorts them; a raw true or false is Excel's TRUE or FALSE.
    value = row.get(column)
    if isinstance(value, int | float) and (not readable or not isinstance(value, bool)):
        return value
    text = _text(row, column, answer, readable)
    # Said in the cell: a 7,000-character complaint is common enough, one past the limit rare, and silently short.
    return text if len(text) <= EXCEL_CELL_LIMIT else text[:EXCEL_CELL_LIMIT - len(CUT_MARK)] + CUT_MARK


def to_docx(report: Report) -> bytes:
    import docx

    document = docx.Document()
    # python-docx's template carries its own author and a 2013 date; Word shows them under 属性.
    properties = document.core_properties
    properties.author = properties.last_modified_by = "dutygraph"
    properties.title = report.title
    properties.created = properties.modified = datetime.now(UTC).replace(microsecond=0)
    properties.revision = 1
    document.add_heading(report.title, level=0)
    for section in report.sections:
        document.add_heading(section.title, level=1)
        if section.note:
            document.add_paragraph(section.note)
        if not section.rows:
            document.add_paragraph("（无）")
            continue
        table = document.add_table(rows=1, cols=len(section.columns))
        table.style = "Table Grid"
        for cell, column in zip(table.rows[0].cells, section.columns, strict=True):
            cell.text = column_label(column, section.key)
        for row in section.rows:
            cells = table.add_row().cells
            for cell, column in zip(cells, section.columns, strict=True):
                cell.text = cell_text(row, column, section.key)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
