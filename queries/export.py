"""Report files people open: Markdown, Excel (one sheet a section) and Word, with Chinese column titles."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

from queries.labels import column_label
from queries.report import Report, flat

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
            lines.append("| " + " | ".join(flat(row.get(c), section.key).replace("|", "\\|").replace("\n", " ")
                                           for c in section.columns) + " |")
        lines.append("")
    return "\n".join(lines)


def to_xlsx(report: Report) -> bytes:
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
        sheet.append([column_label(c, section.key) for c in section.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in section.rows:
            sheet.append([_excel_value(row.get(c), section.key) for c in section.columns])
        for index, column in enumerate(section.columns, start=1):
            title = column_label(column, section.key)
            width = max([len(title)] + [len(flat(r.get(column), section.key)) for r in section.rows[:200]])
            sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = min(60, 4 + width * 1.6)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _excel_value(value: object, answer: str) -> object:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else flat(value, answer)


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
                cell.text = flat(row.get(column), section.key)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
