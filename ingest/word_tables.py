"""A Word (.docx) list read as a sheet: its body in order, a paragraph a row of one cell, a table's row a row of its
cells, so that a 乡镇（街道）履行职责事项清单 published as Word tables under its part headings (一、基本履职事项清单,
then its table) reads as the same list copied into a spreadsheet, its parts cut at the heading rows.

The text reader (`ingest.readers`) puts a document's tables after all its paragraphs, which loses the heading each
table stands under. Rows are numbered in body order, empty paragraphs not counted: a Word file built as its CSV
(the title, each heading, each table's rows) cites its rows by the CSV's line numbers. A cell merged down (a 事项类别
written once for a block) repeats its text on each row and is marked as merged from above, as an .xlsx's is.
"""

from __future__ import annotations

from pathlib import Path

from ingest.readers import open_docx, read_bytes
from ingest.sheets import Sheet, Workbook, cell_text, cells_digest


def word_workbook(path: Path) -> Workbook:
    """The .docx as a workbook of one sheet named after the file (a Word file has no sheets)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    data, digest = read_bytes(path, "a Word document with a list")
    document = open_docx(path, data)
    rows: list[tuple[int, list[str]]] = []
    merged_down: set[tuple[int, int]] = set()
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = cell_text(Paragraph(element, document).text)
            if text:
                rows.append((len(rows) + 1, [text]))
        elif tag == "tbl":
            above: list[object] = []
            for row in Table(element, document).rows:
                cells = row.cells
                number = len(rows) + 1
                merged_down.update((number, column) for column, cell in enumerate(cells)
                                   if column < len(above) and cell._tc is above[column])
                above = [cell._tc for cell in cells]
                rows.append((number, [cell_text(cell.text) for cell in cells]))
    sheets = [Sheet(path.stem, rows, merged_down, named_by_file=True)]
    return Workbook(path, digest, sheets, "docx", cells_digest(sheets))
