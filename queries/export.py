"""Files people open: CSV (one table), Markdown, Excel (one sheet a section) and Word, with Chinese column titles
and readable cells; the report, the API's files and the CLI's are all written here."""

from __future__ import annotations

import csv
import io
import json
import math
import re
import zipfile
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from queries.labels import column_label
from queries.report import Report, Section, cell_text
from queries.word import text_em

# Characters Excel refuses in a sheet's name, as a Chinese title writes them: 主办/协办 and 示例市/河西区 read as
# 主办协办 and 示例市河西区 (a path's parts are written together in Chinese), not 主办_协办 (user test).
_SHEET_NAME_CHARACTERS = str.maketrans({"/": "", "\\": "", ":": "：", "?": "？", "*": "＊", "[": "【", "]": "】"})


def to_markdown(report: Report) -> str:
    """The report as Markdown; its question (`report.asked`) right under the title, as the Word report has it."""
    lines = [f"# {report.title}", ""]
    for section in ([report.asked.section()] if report.asked is not None else []) + report.sections:
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


def to_xlsx(report: Report, *, readable: bool = True, as_report: bool = False) -> bytes:
    """A sheet a section, an empty one saying （无） under its titles; `readable` as for `to_csv`. Every file wraps
    its text cells and filters its table. `as_report`: the report's workbook, read in a meeting: each sheet opens
    with the section's title and note above its titles (what 已明确 means, the staffing formula) and prints on A4,
    and a false flag reads 否 (`report_cell`). The API's and the CLI's files keep their titles in row 1, where
    the programs that read them look. The report's question (`report.asked`) is the last sheet, 查询条件: last, so
    that a program reading the first sheet reads the answer, as before."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.properties.creator = workbook.properties.lastModifiedBy = "dutygraph"  # not "openpyxl"
    workbook.properties.title = report.title
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    used: set[str] = set()
    for section in report.sections:
        _add_sheet(workbook, section, used, readable=readable, as_report=as_report)
    if report.asked is not None:
        _add_sheet(workbook, report.asked.section(), used, readable=True, as_report=False)
    at = _written_at(report)
    workbook.properties.created = workbook.properties.modified = at.astimezone(UTC).replace(tzinfo=None)
    # openpyxl's save_workbook stamps the time it runs as the file's modified time: its writer, given ours, does not.
    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return stamped(buffer.getvalue(), at)


def _add_sheet(workbook: Any, section: Section, used: set[str], *, readable: bool, as_report: bool) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    text_cell = Alignment(wrap_text=True, vertical="top")
    number_cell = Alignment(vertical="top")
    name = sheet_name(section.title)
    while name in used:
        name = name[:29] + f"_{len(used)}"
    used.add(name)
    sheet = workbook.create_sheet(name)
    titles = _titles(section, readable)
    if as_report:
        sheet.append([_heading_text(section)])
    sheet.append(titles)
    header = sheet.max_row
    for cell in sheet[header]:
        cell.font = Font(bold=True)
        cell.alignment = text_cell
        if as_report:
            cell.fill = PatternFill("solid", start_color="D9D9D9")
    for row in section.rows:
        sheet.append([_excel_value(row, c, section.key, readable, as_report) for c in section.columns])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"  # openpyxl reads a text starting with `=` as a formula: it is text here
            # A duty's text is a paragraph: wrapped within its column and read from the top, beside its
            # department's name (user test: one line as wide as the screen).
            cell.alignment = text_cell if isinstance(cell.value, str) else number_cell
    if readable and not section.rows:
        # As the Markdown and Word files say it: a sheet of titles alone reads as a failed export. A raw file
        # (a program's) keeps the titles alone, as its CSV does.
        sheet.append(["（无）"])
    widths = []
    for index, (column, title) in enumerate(zip(section.columns, titles, strict=True), start=1):
        width = max([len(title)] + [len(_text(r, column, section.key, readable)) for r in section.rows[:200]])
        widths.append(min(REPORT_COLUMN_WIDTH if as_report else 60, 4 + width * 1.6))
        sheet.column_dimensions[get_column_letter(index)].width = widths[-1]
    if not section.columns:
        return
    last = get_column_letter(len(section.columns))
    if section.rows:
        sheet.auto_filter.ref = f"A{header}:{last}{sheet.max_row}"
    sheet.freeze_panes = f"A{header + 1}"
    if as_report:
        _lay_out_report_sheet(sheet, section, last, widths)


def _written_at(report: Report) -> datetime:
    return report.asked.at if report.asked is not None else datetime.now(UTC).replace(microsecond=0)


# The earliest time a zip entry can carry (MS-DOS dates start in 1980): SOURCE_DATE_EPOCH=0 is 1970.
_ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)


def stamped(data: bytes, at: datetime) -> bytes:
    """An Office file (a zip) whose entries all carry the time `at` (UTC): zipfile stamps each entry with the time it
    is written, so two exports of one answer a second apart differed byte for byte."""
    when = max(at, _ZIP_EPOCH).astimezone(UTC).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=when)
            info.compress_type, info.external_attr = zipfile.ZIP_DEFLATED, entry.external_attr
            target.writestr(info, source.read(entry))
    return buffer.getvalue()


def sheet_name(title: str) -> str:
    """A section's title as an Excel sheet's name: without the characters Excel refuses, at most 31 long."""
    return title.translate(_SHEET_NAME_CHARACTERS)[:31]


def _heading_text(section: Section) -> str:
    # The title in full (a sheet's name is cut at 31 characters), then what the table's columns mean.
    return f"{section.title}\n{section.note}" if section.note else section.title


# Characters of a column's width in the report's workbook: its text wraps, and a sheet of columns 60 wide printed
# a page wide shrank to half size.
REPORT_COLUMN_WIDTH = 40
LINE_HEIGHT = 15.0  # points: a line of 11-point text, as Excel sets a row


def _lay_out_report_sheet(sheet: Any, section: Section, last: str, widths: list[float]) -> None:
    """The title and note row across the table, rows as tall as their wrapped text, and a printout a page wide
    with the column titles on every page."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.properties import PageSetupProperties

    heading = sheet["A1"]
    heading.font = Font(bold=True, size=12)
    heading.alignment = Alignment(wrap_text=True, vertical="top")
    if last != "A":
        sheet.merge_cells(f"A1:{last}1")
    # Excel fits no merged cell's height to its text: the row is as tall as the note's lines across the table.
    sheet.row_dimensions[1].height = 3 + LINE_HEIGHT * _wrapped_lines(_heading_text(section), sum(widths))
    # Excel fits a wrapped row's height as it opens the file, but WPS and LibreOffice show one line of each cell
    # (seen in LibreOffice): rows of several lines are given their height.
    for row in sheet.iter_rows(min_row=2):
        lines = max(_wrapped_lines(cell.value, width) if isinstance(cell.value, str) else 1
                    for cell, width in zip(row, widths, strict=True))
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = LINE_HEIGHT * lines
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0  # a page wide, as many pages long as it takes
    sheet.print_title_rows = "2:2"
    sheet.print_options.gridLines = True  # a printed table without its grid reads as loose text


def _wrapped_lines(text: str, width: float) -> int:
    """Lines a text takes in a column `width` characters wide: a Chinese character takes two of them."""
    return sum(max(1, math.ceil(2 * text_em(part) / max(width - 1, 1))) for part in text.split("\n"))


def _text(row: Mapping[str, Any], column: str, answer: str, readable: bool) -> str:
    return cell_text(row, column, answer) if readable else raw(row.get(column))


EXCEL_CELL_LIMIT = 32_767  # characters: Excel cuts a longer cell without a word, or refuses the file
CUT_MARK = "…（超过 Excel 单元格上限，已截断）"


def _excel_value(row: Mapping[str, Any], column: str, answer: str, readable: bool, as_report: bool = False) -> object:
    # Numbers stay numbers, so that Excel sums and sorts them; a raw true or false is Excel's TRUE or FALSE.
    value = row.get(column)
    if isinstance(value, int | float) and (not readable or not isinstance(value, bool)):
        return value
    text = report_cell(row, column, answer) if as_report else _text(row, column, answer, readable)
    # Said in the cell: a 7,000-character complaint is common enough, one past the limit rare, and silently short.
    return text if len(text) <= EXCEL_CELL_LIMIT else text[:EXCEL_CELL_LIMIT - len(CUT_MARK)] + CUT_MARK


# Report columns whose empty cell means "no": 已明确牵头 is 已明确 or nothing, 异常 is 编制偏紧, 编制偏松 or nothing.
# An outlier is judged only where there is a score (a region of too few departments has none): there, nothing
# stays nothing, as the staffing note explains. The value is the column that must hold a value for a judgement.
_EMPTY_MEANS_NO: dict[tuple[str, str], str | None] = {("overlaps", "settled"): None,
                                                      ("staffing_load", "outlier"): "robust_z"}


def report_cell(row: Mapping[str, Any], column: str, answer: str) -> str:
    """A cell of the report's Word and Excel files: as `cell_text` reads it, but a false flag says 否. In a
    meeting an empty 一对多 or 异常 column reads as missing data (user test). `flat` keeps its blank for false:
    the terminal's tables, the Markdown report and the API's files show it so, and it cannot tell a flag's
    empty string (已明确 or nothing) from an empty name."""
    value = row.get(column)
    if value is False:
        return "否"
    text = cell_text(row, column, answer)
    if text == "" and (answer, column) in _EMPTY_MEANS_NO:
        judged_by = _EMPTY_MEANS_NO[answer, column]
        if judged_by is None or row.get(judged_by) is not None:
            return "否"
    return text


def to_docx(report: Report) -> bytes:
    """The report as a Word document (`queries.word`), its cells as `report_cell` reads them."""
    from queries.word import write_docx

    return stamped(write_docx(report, report_cell, _written_at(report)), _written_at(report))
