"""机构编制实名制统计表 / 编制使用情况表: the people in post (实有) beside the posts set (核定), a row a department.

An 编办 compares the posts a department's 三定 and the notices since set with the people in post, as the 实名制
system counts them on a date (统计时点): 超编, 空编, 领导职数 filled over those set (超职数配备). Such a table is one
row per department (sometimes one per 编制类型: 行政, 事业, 工勤), its columns 单位名称, 编制类型, 核定编制数, 实有人数,
空编数, 超编数 and the 领导职数 核定 and 实配 by rank, under a header of one to three rows (领导职数 over 正科级 over
核定 / 实配). It is told from the other lists by its columns (核定编制 and 实有人数 side by side); its date is a
统计时点 or 截至日期 column, else the 截至… its title rows give.

A row that cannot be read fails the file once every row has been read, each bad cell named with its sheet, row and
column (ingest.errors): a count that is no whole number, no department, 空编数 or 超编数 that do not follow from
核定编制数 and 实有人数. Nothing of the file is written then (the pipeline loads a file in one write or not at all).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from ingest.errors import CellError, IngestError, RowError, RowErrors
from ingest.list_dates import read_title_rows
from ingest.lists import is_note_row
from ingest.model import Cell, HeadcountRecord, ListDocument
from ingest.numerals import find_date
from ingest.sheets import Sheet, Workbook, column_letter

KIND = "headcount"
HEADER_SCAN_ROWS = 12
MAX_HEADER_ROWS = 3
# 领导职数 by rank as the tables write it (正科, 副处级, 正职); `_rank` adds the 级 a rank is written without.
_RANK = re.compile(r"司局级|(?:正|副)(?:职|厅局|厅|局|县处|县|处|乡科|乡|科|股)级?|处级|科级|股级")
_SET_WORDS = ("核定",)
_FILLED_WORDS = ("实配", "实有", "已配", "现配", "在职", "实际配备")
_DEPARTMENT = ("单位名称", "单位", "部门名称", "部门", "机构名称", "单位(部门)名称", "预算单位名称")
_STAFF_TYPE = ("编制类型", "编制性质", "编制类别", "人员类别")
_AS_OF = ("统计时点", "截至日期", "截止日期", "统计日期", "统计时间")
_SEQ = ("序号", "编号")
_SKIPPED = ("备注",)
# Rows that total the others: no department of their own.
_TOTAL_ROWS = frozenset({"合计", "总计", "小计", "全市合计", "全县合计", "全区合计"})
_STAFF_TYPES = {"行政": "行政", "行政编制": "行政", "事业": "事业", "事业编制": "事业", "工勤": "工勤",
                "工勤编制": "工勤", "机关工勤": "工勤", "机关工勤编制": "工勤", "工勤人员": "工勤",
                "政法专项": "政法专项", "政法专项编制": "政法专项"}
# The date the title rows give the counts at: `（截至2024年6月30日）`, `统计时点：2024年6月30日`.
_TITLE_AS_OF = re.compile(r"(?:截至|截止|统计时点|统计日期)[:：]?\s*([^）)\s]+)")
_AS_OF_LINE = re.compile(r"^[（(]?\s*(?:截至|截止|统计时点|统计日期)[^（）()]*[)）]?$")
_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")
_COUNT_FIELDS = {"quota": "核定编制数", "actual": "实有人数", "vacant": "空编数", "over": "超编数"}


@dataclass
class _Header:
    rows: list[int]  # row numbers as shown
    title_lines: list[str]
    columns: dict[str, int] = field(default_factory=dict)  # field → column
    leaders: dict[int, tuple[str, str]] = field(default_factory=dict)  # column → (rank, set | filled)
    labels: dict[int, str] = field(default_factory=dict)  # column → its header as written
    unread: list[str] = field(default_factory=list)


def is_headcount_table(workbook: Workbook) -> bool:
    """Whether a sheet of the workbook has a header of a 实名制统计表: 单位名称, 核定编制数 and 实有人数."""
    return any(_find_header(sheet) is not None for sheet in workbook.sheets)


def parse_headcount(workbook: Workbook) -> ListDocument:
    headers = [(sheet, _find_header(sheet)) for sheet in workbook.sheets]
    read = [(sheet, header) for sheet, header in headers if header is not None]
    if not read:
        raise IngestError(workbook.path, "a header row of a 机构编制实名制统计表: 单位名称, 核定编制数 and 实有人数",
                          zh="实名制统计表没有可识别的表头行（应有“单位名称”“核定编制数”“实有人数”等列）")
    # A line that only dates the counts (（截至2024年6月30日）) is no part of the title.
    titles = [read_title_rows([line for line in header.title_lines if not _AS_OF_LINE.match(line)])
              for _sheet, header in read]
    title = next((found.title for found in titles if found.title), "")
    document = ListDocument(kind=KIND, title=title, doc_number=next((t.doc_number for t in titles if t.doc_number), ""))
    bad_rows: list[IngestError] = []
    for (sheet, header), title_rows in zip(read, titles, strict=True):
        as_of = _title_as_of(header.title_lines) or title_rows.issued
        if "as_of" not in header.columns and not as_of:
            raise IngestError(workbook.path, "a 统计时点 (a 统计时点 or 截至日期 column, or 截至YYYY年M月D日 above the header)",
                              line=header.rows[0], sheet=sheet.name, detail="the counts have no date",
                              zh="实名制统计表没有统计时点（应有“统计时点”“截至日期”列，或在表头上方写明“截至X年X月X日”）")
        if header.unread:
            document.warnings.append(f"columns not read: {', '.join(header.unread)}; "
                                     f"未读取的列：{'、'.join(header.unread)}")
        bad_rows += _read_rows(workbook, sheet, header, as_of, document)
    if bad_rows:
        raise RowErrors(bad_rows)
    if not document.records:
        raise IngestError(workbook.path, "rows of departments under the header of the 机构编制实名制统计表",
                          detail="the header has no rows below it", zh="实名制统计表的表头下没有部门行")
    # The table is dated by its counts: versions of it are ordered so (ingest.versions).
    document.issued = max(record.as_of for record in document.records)
    return document


def _find_header(sheet: Sheet) -> _Header | None:
    """The header's rows (the first of them with up to two below, as long as those hold no count) and what each
    column holds; None where no rows name a department, 核定编制数 and 实有人数."""
    scanned = sheet.rows[:HEADER_SCAN_ROWS]
    for index, (_number, first) in enumerate(scanned):
        if len({cell for cell in first if cell}) < 3:  # a title, or a date, written across the table: no header
            continue
        depth = 1
        while depth < MAX_HEADER_ROWS and index + depth < len(scanned) and _header_like(scanned[index + depth][1]):
            depth += 1
        header = _Header([row for row, _ in scanned[index:index + depth]],
                         [" ".join(cell for cell in cells if cell) for _, cells in scanned[:index]])
        _classify(header, [cells for _, cells in scanned[index:index + depth]])
        if {"department", "quota", "actual"} <= set(header.columns):
            return header
    return None


def _header_like(cells: list[str]) -> bool:
    """A row under a header's first that continues it (核定 / 实配 under 正科级): text, no count."""
    filled = [cell for cell in cells if cell]
    return bool(filled) and not any(re.fullmatch(r"-?\d+", cell) for cell in filled)


def _classify(header: _Header, rows: list[list[str]]) -> None:
    width = max(len(cells) for cells in rows)
    grid = [[*cells, *[""] * (width - len(cells))] for cells in rows]
    # A group written once over its parts (领导职数 over 正科级 and 副科级, a CSV's cells not merged): it heads the
    # empty cells to its right that have parts below them.
    # From the bottom up: 正科级 written once over 核定 and 实配 first, then 领导职数 over the ranks.
    for upper, lower in reversed(list(pairwise(grid))):
        for column in range(1, width):
            if not upper[column] and lower[column] and upper[column - 1] and lower[column - 1]:
                upper[column] = upper[column - 1]
    for column in range(width):
        parts = list(dict.fromkeys(_folded(row[column]) for row in grid if row[column]))
        if not parts:
            continue
        label = "/".join(parts)
        header.labels[column] = label
        field_name, leader = _field_of(label)
        if leader is not None:
            header.leaders[column] = leader
        elif field_name and field_name not in header.columns:
            header.columns[field_name] = column
        elif not field_name:
            header.unread.append(f"{column_letter(column)} {label}")


def _folded(text: str) -> str:
    """A header as compared: no spaces, ASCII brackets, no unit (核定编制数（名）)."""
    text = re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")")
    return re.sub(r"\((?:名|人|个|职数)\)$", "", text)


def _field_of(label: str) -> tuple[str, tuple[str, str] | None]:
    """What a column's header (its rows joined by /) names: a field, or a rank's 领导职数 set or filled."""
    last = label.rsplit("/", 1)[-1]
    ranked = _RANK.search(label)
    side = "set" if any(word in label for word in _SET_WORDS) else \
        "filled" if any(word in label for word in _FILLED_WORDS) else ""
    if side and ("职数" in label or ranked) and "编制" not in label.replace("编制类型", ""):
        return "", (_rank(ranked.group()) if ranked else "领导职数", side)
    if "空编" in label:
        return "vacant", None
    if "超编" in label:
        return "over", None
    if any(word in label for word in _STAFF_TYPE):
        return "staff_type", None
    if any(word in label for word in _AS_OF):
        return "as_of", None
    if "编制" in label and ("核定" in label or last in ("编制数", "编制")):
        return "quota", None
    if any(word in label for word in ("实有", "在编人数", "实际人数")):
        return "actual", None
    if last in _DEPARTMENT:
        return "department", None
    if last in _SEQ:
        return "seq", None
    if last in _SKIPPED:
        return "skipped", None
    return "", None


def _rank(written: str) -> str:
    return written if written.endswith(("级", "职")) else written + "级"


def _title_as_of(lines: list[str]) -> str:
    for line in lines:
        if (found := _TITLE_AS_OF.search(line)) is not None:
            return _date_of(found.group(1))
    return ""


def _date_of(text: str) -> str:
    """A date as ISO: 2024年6月30日, 2024-06-30, or a month alone (2024年6月 → 2024-06); '' for none."""
    if (day := find_date(text)) is not None:
        return day
    month = _MONTH.search(text)
    return f"{month.group(1)}-{int(month.group(2)):02d}" if month else ""


def _read_rows(workbook: Workbook, sheet: Sheet, header: _Header, as_of: str, document: ListDocument
               ) -> list[IngestError]:
    bad_rows: list[IngestError] = []
    for number, cells in sheet.rows:
        if number <= header.rows[-1] or is_note_row(cells):
            continue
        department = _cell(cells, header.columns["department"])
        if department in _TOTAL_ROWS:
            continue
        bad: list[CellError] = []
        if not department:
            bad.append(_bad(header, header.columns["department"], "the department the row counts (单位名称)",
                            "应填写单位名称"))
        counts = {name: _count(cells, header, header.columns.get(name), bad) for name in _COUNT_FIELDS}
        leader_set: dict[str, int] = {}
        leader_filled: dict[str, int] = {}
        for column, (rank, side) in sorted(header.leaders.items()):
            value = _count(cells, header, column, bad)
            if value is not None:
                (leader_set if side == "set" else leader_filled)[rank] = value
        row_as_of = as_of
        if "as_of" in header.columns and (written := _cell(cells, header.columns["as_of"])):
            row_as_of = _date_of(written)
            if not row_as_of:
                bad.append(_bad(header, header.columns["as_of"], "a date (2024年6月30日, 2024-06-30)",
                                "应为日期（如2024年6月30日）", written))
        if not row_as_of:
            bad.append(_bad(header, header.columns["as_of"], "the 统计时点 of the row", "应填写统计时点"))
        bad += _disagreeing(header, counts)
        if bad:
            bad_rows.append(RowError(workbook.path, number, sheet.name, bad))
            continue
        written_type = _cell(cells, header.columns["staff_type"]) if "staff_type" in header.columns else ""
        document.records.append(HeadcountRecord(
            department=department, staff_type=_STAFF_TYPES.get(written_type, written_type.removesuffix("编制")),
            quota=counts["quota"], actual=counts["actual"], vacant=counts["vacant"], over=counts["over"],
            leader_set=leader_set, leader_filled=leader_filled, as_of=row_as_of,
            where=Cell(sheet.name, number, sheet.named_by_file,
                       seq=_cell(cells, header.columns["seq"]) if "seq" in header.columns else "")))
    return bad_rows


def _cell(cells: list[str], column: int) -> str:
    return cells[column].strip() if column < len(cells) else ""


def _count(cells: list[str], header: _Header, column: int | None, bad: list[CellError]) -> int | None:
    """A cell's whole number; None where the column is absent or the cell empty (or 无, －)."""
    if column is None:
        return None
    text = _cell(cells, column)
    if text in ("", "-", "－", "—", "/", "无"):
        return None
    if re.fullmatch(r"\d+", text):
        return int(text)
    bad.append(_bad(header, column, "a whole number of posts or people", "应为整数（人数、编制数）", text))
    return None


def _disagreeing(header: _Header, counts: dict[str, int | None]) -> list[CellError]:
    """空编数 and 超编数 as written against 核定编制数 less 实有人数: a table whose figures disagree is refused, since
    which of them is wrong cannot be told."""
    quota, actual = counts["quota"], counts["actual"]
    if quota is None or actual is None:
        return []
    found = []
    for name, expected in (("vacant", max(quota - actual, 0)), ("over", max(actual - quota, 0))):
        written = counts[name]
        if written is not None and written != expected:
            found.append(CellError(
                ((column_letter(header.columns[name]), header.labels[header.columns[name]]),),
                f"{_COUNT_FIELDS[name]} {expected} (核定编制数 {quota}, 实有人数 {actual})",
                f"应为{expected}（核定编制数{quota}、实有人数{actual}）", f"it says {written}"))
    return found


def _bad(header: _Header, column: int, expected: str, zh: str, written: str = "") -> CellError:
    return CellError(((column_letter(column), header.labels.get(column, "")),), expected, zh,
                     f"it says “{written}”" if written else "")
