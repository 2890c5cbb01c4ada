"""Duty lists whose table was flattened into text: a web page copied as one cell per line, each cell closed
by ` |` (`1 |`, `食品安全监管。 |`, an empty cell a bare `|`), as the HTML reader also renders a page's cells.

Such a copy has no row breaks. Rows are found by their 序号 (1, 2, 3 … in order). A row that a rowspan
shortened lost its leading block cells (the 主项 written once for a block) and reads shifted left, which
its 权力类型 shows; cells left after a full row belong to sub-rows of the same item, one department's part
each (a boundary list's 相关部门 and 职责分工). Runs of bars (`||||`) are what the rowspans left behind and
hold no cell. A township list copied with spaces between its cells is read too (`_spaced_table`). The
result is a `Sheet` for `ingest.lists.parse_list`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.lists import POWER_TYPES
from ingest.readers import SourceText
from ingest.sheets import Sheet, Workbook
from ingest.tables import field_of, kind_of

MIN_CELLS = 8  # fewer closed cells than this is prose with a stray bar, not a table
_RESIDUE = re.compile(r"^\|{2,}$")
_SEQ = re.compile(r"^\d{1,5}$")
# Columns that change from one sub-row to the next under one item: a party, and what it does.
_PARTY = ("department", "lead", "assist", "related", "claimant", "main_party", "assist_party")
_PARTY_PART = (*_PARTY, "office", "division_text", "main_text", "assist_text")


@dataclass(frozen=True)
class _Cell:
    line: int
    text: str


@dataclass
class FlatTable:
    workbook: Workbook
    warnings: list[str]


def flattened_table(source: SourceText) -> FlatTable | None:
    """The list a flattened table holds, or None when the text is not one (a 三定, say)."""
    spaced = _spaced_table(source.lines)
    if spaced is not None:
        return _table(source, *spaced, [])
    title, cells, cut = _cells(source.lines)
    if len(cells) < MIN_CELLS:
        return None
    header, body = _split_header(cells)
    labels = _labels(header)
    if not _is_list_header(labels):
        return None
    warnings = [f"line {cut.line}: the copy ends inside a cell ({cut.text[:20]}…); that cell is left out; "
                f"第 {cut.line} 行文字在单元格中中断（{cut.text[:20]}…），该单元格未载入"] if cut else []
    return _table(source, title, [(header[0].line, labels), *_rows(body, labels)], warnings)


def _table(source: SourceText, title: list[tuple[int, str]], rows: list[tuple[int, list[str]]],
           warnings: list[str]) -> FlatTable:
    # Only the line right above the table names it (`XX街道办事处权力清单和责任清单`, `对应市级部门:…`); the
    # lines above that are the page's own (发布时间, 字体, a preface).
    title_rows = [(number, [text]) for number, text in title[-1:]]
    sheet = Sheet(source.path.stem, title_rows + rows, named_by_file=True)
    return FlatTable(Workbook(source.path, source.sha256, [sheet], source.encoding, source.text_sha256), warnings)


def _is_list_header(labels: list[str]) -> bool:
    fields = {field for field in map(field_of, labels) if field}
    return len(fields) >= 2 and kind_of(fields) is not None


def _spaced_table(lines: list[str]) -> tuple[list[tuple[int, str]], list[tuple[int, list[str]]]] | None:
    """A table copied as text with spaces between cells (`序号 权力类型 项目编码 项目名称 子项 实施依据 …`), each
    item a line `1 行政确认 独生子女父母光荣证核发与注销` and its long cells wrapped on the lines below. Empty cells
    leave no trace, so an item line is read by what its words are: 序号, 权力类型, a code, the name. The wrapped
    text up to the numbered 责任事项 (`1、受理阶段责任:…`) is the 实施依据, the 责任事项 run up to the 追责情形
    (`因不履行或不正确履行行政职责,…`), and the rest is the 追责情形."""
    index = next((number for number, line in enumerate(lines) if _is_spaced_header(line.split())), None)
    if index is None:
        return None
    labels = lines[index].split()
    title = [(number, line.strip()) for number, line in enumerate(lines[:index], 1) if line.strip()]
    # line, values, and the wrapped lines of each of its long cells
    items: list[tuple[int, dict[str, str], dict[str, list[str]]]] = []
    cell = "basis"  # the cell the wrapped lines are of: the 实施依据, then the 责任事项, then the 追责情形
    for number, raw in enumerate(lines[index + 1:], index + 2):
        words = raw.split()
        if len(words) >= 3 and words[0] == str(len(items) + 1) and words[1].startswith(POWER_TYPES):
            items.append((number, _spaced_item(words), {"basis": [], "responsibilities": [], "accountability": []}))
            cell = "basis"
        elif items and words:
            if _ACCOUNTABILITY.match(words[0]):
                cell = "accountability"
            elif cell == "basis" and _DUTY_STAGE.match(words[0]):
                cell = "responsibilities"
            items[-1][2][cell].append("".join(words))
    if not items:
        return None
    fields = [field_of(label) for label in labels]
    rows = [(index + 1, labels)]
    for number, values, wrapped in items:
        values = {**values, **{field: "".join(text) for field, text in wrapped.items()}}
        rows.append((number, [values.get(field or "", "") for field in fields]))
    return title, rows


def _is_spaced_header(labels: list[str]) -> bool:
    return len(labels) >= 3 and "power_type" in map(field_of, labels) and _is_list_header(labels)


_DUTY_STAGE = re.compile(r"^\d+[、.．]\S*?责任")
_ACCOUNTABILITY = re.compile(r"^因不履行|^追责情形")
_CODE = re.compile(r"^[0-9A-Za-z-]{4,}$")


def _spaced_item(words: list[str]) -> dict[str, str]:
    """`1 行政确认 [code] 名称 [子项]`: what each word is, told by its form."""
    values = {"seq": words[0], "power_type": words[1]}
    rest = words[2:]
    if _CODE.match(rest[0]):
        values["code"] = rest.pop(0)
    if rest:
        values["name"] = rest[0]
    if len(rest) > 1:
        values["sub_item"] = " ".join(rest[1:])
    return values


def _cells(lines: list[str]) -> tuple[list[tuple[int, str]], list[_Cell], _Cell | None]:
    """Title lines above the table, the table's cells with the line each began on, and the text of a last
    cell that no bar closed (a copy cut off mid-cell: its text is incomplete, so it is not a cell)."""
    title: list[tuple[int, str]] = []
    cells: list[_Cell] = []
    pending: list[tuple[int, str]] = []  # lines of the cell being read, before its bar
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or _RESIDUE.match(line):
            continue
        if "|" not in line:
            pending.append((number, line))  # a cell's text wrapped over lines, or (a page's) text before its bar
            continue
        *closed, rest = line.split("|")
        if not cells:
            # Above the first cell stand the title lines; the first cell is one line, with its bar or before it.
            keep = 0 if closed[0].strip() else 1
            title += pending[:len(pending) - keep]
            pending = pending[len(pending) - keep:]
        for part in closed:
            if part.strip():
                pending.append((number, part.strip()))
            cells.append(_Cell(pending[0][0] if pending else number, "\n".join(text for _n, text in pending)))
            pending = []
        if rest.strip():
            pending = [(number, rest.strip())]
    cut = _Cell(pending[0][0], "\n".join(text for _n, text in pending)) if pending else None
    return title, cells, cut


def _split_header(cells: list[_Cell]) -> tuple[list[_Cell], list[_Cell]]:
    """The header is every cell before the first row's 序号 `1`: names of columns, or empty."""
    for index, cell in enumerate(cells):
        if cell.text == "1":
            return cells[:index], cells[index:]
        if cell.text and field_of(cell.text) is None:
            break
    return [], cells


def _labels(header: list[_Cell]) -> list[str]:
    """Column names in order. A two-row header names a group's parts on its second row
    (`规范统一事项名称` over `主项名称`, `子项名称`): they take the group's place."""
    labels = [cell.text for cell in header if cell.text]
    fields = [field_of(label) for label in labels]
    parts = [index for index, field in enumerate(fields) if field in {"main_item", "sub_item"}]
    if "name" in fields and parts and parts[0] > fields.index("name") + 1:
        group = fields.index("name")
        sub_labels = [labels[index] for index in parts]
        rest = [label for index, label in enumerate(labels) if index not in parts and index != group]
        labels = [*rest[:group], *sub_labels, *rest[group:]]
    return labels


def _rows(body: list[_Cell], labels: list[str]) -> list[tuple[int, list[str]]]:
    width = len(labels)
    fields = [field_of(label) for label in labels]
    party = next((index for index, field in enumerate(fields) if field in _PARTY), None)
    step = 0
    while party is not None and party + step < width and fields[party + step] in _PARTY_PART:
        step += 1
    rows: list[tuple[int, list[str]]] = []
    for item in _items(body):
        cells = [cell.text for cell in item]
        head, rest = cells[:width], cells[width:]
        rows.append((item[0].line, _aligned(head, fields)))
        # Sub-rows: a department and its part, under the item above (its other cells carried).
        if party is not None:
            for offset in range(0, len(rest), step):
                chunk = rest[offset:offset + step]
                if any(chunk):
                    rows.append((item[width + offset].line, [""] * party + chunk))
    return rows


def _items(body: list[_Cell]) -> list[list[_Cell]]:
    """The body cut at each 序号 in order (1, 2, 3 …): a number out of order is a cell's text."""
    items: list[list[_Cell]] = []
    expected = 1
    for cell in body:
        if _SEQ.match(cell.text) and int(cell.text) == expected:
            items.append([cell])
            expected += 1
        elif items:
            items[-1].append(cell)
    return items


def _aligned(cells: list[str], fields: list[str | None]) -> list[str]:
    """A row that lost its leading block cells to a rowspan reads shifted left: the cell found where a
    known kind of value belongs (a 权力类型) tells by how much, and empty cells take the carried places."""
    if "power_type" not in fields or len(cells) < 2:
        return cells
    expected = fields.index("power_type")
    found = next((index for index, text in enumerate(cells) if text.startswith(POWER_TYPES)), None)
    if found is None or found >= expected:
        return cells
    shift = expected - found
    return [cells[0], *[""] * shift, *cells[1:]][: len(fields)]
