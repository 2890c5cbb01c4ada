"""A fixture's CSV written as the Word file a county sends (tests of the Word readers, ingest.word_tables): each test
checks that the Word file reads as the same rows as its CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import docx


def csv_rows(path: Path) -> list[list[str]]:
    """The CSV's rows without their empty cells (a title row's padding)."""
    with path.open(encoding="utf-8") as file:
        return [[cell for cell in row if cell] for row in csv.reader(file)]


def word_copy(rows: list[list[str]], path: Path) -> Path:
    """The list as a Word file: a row of one text a paragraph (the title, a part's heading), a run of rows of cells a
    table, as a county's Word file writes it."""
    document = docx.Document()
    table: list[list[str]] = []
    for row in [*rows, []]:
        if len(row) > 1:
            table.append(row)
            continue
        if table:
            word_table = document.add_table(rows=len(table), cols=max(map(len, table)))
            for cells, word_row in zip(table, word_table.rows, strict=True):
                for text, cell in zip(cells, word_row.cells, strict=False):
                    cell.text = text
            table = []
        if row:
            document.add_paragraph(row[0])
    document.save(str(path))
    return path
