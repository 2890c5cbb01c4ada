"""乡镇（街道）履行职责事项清单 (基层减负): a township's list of its duties in three parts, read into records.

A county issues each township (or all of them at once) a list of what it does: 基本履职事项 (the township's own
work), 配合履职事项 (work a county department leads and answers for, the township assisting: the department named in
a 县级牵头部门 / 县级责任部门 column) and 上级部门收回事项 (work the county departments took back: the township no longer
does it, the department named in a 收回部门 column does). The parts are sheets of a workbook, or sections of one sheet
under a heading row each (`二、配合履职事项清单（共6项）`), as a table copied out of the Word file reads.

Neither the headers nor the columns tell such a list from a 职责边界清单 (both name a 牵头部门), so the kind is read
from its title, sheet names or part headings; and which part a sheet holds, from its heading, then its sheet name,
then the title, then its columns (a 收回部门 column: 收回; a 牵头部门: 配合; neither: 基本).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from ingest.errors import IngestError
from ingest.model import Cell, TownshipDutyRecord
from ingest.names import NameResolver
from ingest.readers import SourceText
from ingest.region_succession import township_stem
from ingest.regions import Region
from ingest.sheets import Sheet, Workbook, cell_text
from ingest.township_paragraphs import is_paragraph_list, tabled_rows

# What each part is called in the lists, and its Chinese title, which readers see.
PART_TITLES = {"basic": "基本履职事项", "assisting": "配合履职事项", "reclaimed": "上级部门收回事项"}
_PART_WORDS = (("reclaimed", re.compile(r"收回")), ("assisting", re.compile(r"配合履职|配合事项")),
               ("basic", re.compile(r"基本履职|基本事项")))
# A list of this kind names itself so in its title, or in the headings of its parts.
_LIST_TITLE = re.compile(r"履行职责事项清单|履职事项清单|(?:基本|配合)履职事项|上级部门收回事项|收回事项清单")
# A heading row that opens a part of a sheet: `一、基本履职事项清单（共5项）`, `（二）配合履职事项`, `三、收回事项`.
_HEADING = re.compile(r"^[（(]?[一二三四1-4][)）、.．]?\s*.*(?:履职事项|收回事项)")
# The township the title names: 石岭县安平镇履行职责事项清单, 东湖街道2024年履职事项清单, 安平镇人民政府履行职责事项清单.
_TITLE_TOWNSHIP = re.compile(r"^(?P<name>\S*?(?:镇|乡|街道)(?:人民政府|政府|办事处)?)(?:\d{4}年(?:度)?)?"
                             r"(?:履行职责事项清单|履职事项清单|基本履职|配合履职|上级部门收回)")
_SCAN_ROWS = 12  # a title or heading above the header stands in a sheet's first rows
_NOT_TITLE = re.compile(r"^关于|[，。,]")  # a notice's own title and sentences name the list too
_STATED = re.compile(r"[（(]共\s*(\d+)\s*项[)）]")  # the count a part's heading states


@dataclass
class PartSheet(Sheet):
    """A sheet, or a section of one, holding one part of the list; `part` '' when nothing above its header says;
    `stated` the count its heading states (`（共6项）`), on the heading's line `heading_line`."""

    part: str = field(default="")
    stated: int | None = None
    heading_line: int = 0


def is_township_list(workbook: Workbook) -> bool:
    """Whether a workbook is a 履行职责事项清单: its title rows, part headings or sheet names say so."""
    return any(_LIST_TITLE.search(sheet.name) or any(_LIST_TITLE.search(text) for text in _lone_texts(sheet))
               for sheet in workbook.sheets)


def may_title_township_list(path: Path, lines: list[str]) -> bool:
    """Whether a document's file name or any line of its text names a 履行职责事项清单 as `is_township_list` reads its
    workbook: what that needs (its sheet, named after the file, or a title or heading row) lies among these."""
    return bool(_LIST_TITLE.search(path.stem)) or any(_LIST_TITLE.search(cell_text(line)) for line in lines)


def paragraph_workbook(source: SourceText) -> Workbook | None:
    """A text's lines as a workbook of one sheet (a line a row, numbered as the file numbers it, empty lines kept
    out), when they are a 履行职责事项清单 of numbered paragraphs under its part headings; None otherwise (a table
    copied into text, a 三定)."""
    rows = [(number, [cell_text(line)]) for number, line in enumerate(source.lines, 1) if cell_text(line)]
    headings = {number: _part_named(text) for number, cells in rows if (text := _heading(cells))}
    if not is_paragraph_list(rows, headings):
        return None
    sheets = [Sheet(source.path.stem, rows, named_by_file=True)]
    workbook = Workbook(source.path, source.sha256, sheets, source.encoding, source.text_sha256)
    return workbook if is_township_list(workbook) else None


def township_parts(workbook: Workbook) -> Workbook:
    """The workbook with each part a sheet of its own: a sheet stacking several parts under heading rows is cut at
    each heading (the rows keep their numbers, so rows are cited as the file shows them; each part keeps the title
    rows above the first heading, which title the whole list)."""
    sheets: list[Sheet] = []
    for sheet in workbook.sheets:
        headings = {number: _part_named(text) for number, cells in sheet.rows if (text := _heading(cells))}
        if is_paragraph_list(sheet.rows, headings):  # numbered paragraphs, no table: read as the table they stand for
            sheet = replace(sheet, rows=tabled_rows(workbook.path, _titled(sheet.rows, min(headings)), headings))
        starts = [index for index, (_number, cells) in enumerate(sheet.rows) if _heading(cells)]
        if not starts:
            sheets.append(_part_sheet(sheet, sheet.rows, _part_named(sheet.name)))
            continue
        title_rows = sheet.rows[:starts[0]]
        for start, end in zip(starts, [*starts[1:], len(sheet.rows)], strict=True):
            number, cells = sheet.rows[start]
            heading = _heading(cells)
            stated = _STATED.search(heading)
            sheets.append(_part_sheet(sheet, [*title_rows, *sheet.rows[start + 1:end]], _part_named(heading),
                                      int(stated.group(1)) if stated else None, number))
    return Workbook(workbook.path, workbook.sha256, sheets, workbook.encoding, workbook.text_sha256)


def _titled(rows: list[tuple[int, list[str]]], first_heading: int) -> list[tuple[int, list[str]]]:
    """A text's rows from its first heading, under the line before it that titles the list (石岭县白沙乡履行职责事项
    清单): a notice's preamble (关于印发…的通知, 现将《…》印发给你们) is no part of the list, and would push the header
    past the rows a header is looked for in."""
    titles = [(number, cells) for number, cells in rows if number < first_heading
              and any(_LIST_TITLE.search(cell) and not _NOT_TITLE.search(cell) for cell in cells)]
    return [*titles[-1:], *((number, cells) for number, cells in rows if number >= first_heading)]


def count_warning(sheet: Sheet, read: int) -> str:
    """A warning when a part's heading states a count (`（共6项）`) other than the rows read under it, '' otherwise:
    a row lost (a line the reader did not take for an item) or one too many, which only the clerk can tell."""
    if not isinstance(sheet, PartSheet) or sheet.stated is None or sheet.stated == read:
        return ""
    title = PART_TITLES[sheet.part] if sheet.part else "part"
    where, where_zh = row_place(sheet.name, sheet.named_by_file, sheet.heading_line)
    return (f"{where}: the heading of the {title} states {sheet.stated} items, {read} were read; "
            f"{where_zh}：{title}标题写明共{sheet.stated}项，实际读到{read}项，请核对是否漏项或多项")


def _part_sheet(sheet: Sheet, rows: list[tuple[int, list[str]]], part: str, stated: int | None = None,
                heading_line: int = 0) -> PartSheet:
    return PartSheet(sheet.name, rows, sheet.merged_down, sheet.named_by_file, sheet.merged, part=part,
                     stated=stated, heading_line=heading_line)


def part_of(sheet: Sheet, title: str, fields: set[str]) -> str:
    """Which part a sheet holds: its heading's or sheet name's, else its title's, else its columns'."""
    own = sheet.part if isinstance(sheet, PartSheet) else ""
    if own:
        return own
    named = _part_named(title)
    if named:
        return named
    if "reclaimer" in fields:
        return "reclaimed"
    return "assisting" if "lead" in fields else "basic"


def township_named(title: str) -> str:
    """The township a list's title names (石岭县安平镇), '' when it names none (a county's list for all of them)."""
    found = _TITLE_TOWNSHIP.match(re.sub(r"\s+", "", title))
    return found.group("name") if found else ""


def township_record(values: dict[str, str], where: Cell, *, part: str, departments: list[str]) -> TownshipDutyRecord:
    """A row of a part, its matter already checked; `departments` the county departments its cells name. Each part
    numbers its rows from 1, so a row is cited by its part too (配合履职事项序号3)."""
    where = replace(where, seq_title=f"{PART_TITLES[part]}{where.seq_title}")
    return TownshipDutyRecord(
        part=part, matter=(values.get("matter") or values.get("name", "")).rstrip("。"),
        domain=values.get("domain", ""), departments=departments, township_text=values.get("township_text") or values.get("township_level_text", ""),
        department_text=values.get("dept_text", ""), notes=values.get("notes", ""), where=where,
        township=values.get("township", ""))


def _part_named(text: str) -> str:
    return next((part for part, words in _PART_WORDS if words.search(text)), "")


def _heading(cells: list[str]) -> str:
    """The text of a row that opens a part (one text, however many merged cells repeat it), or ''."""
    texts = list(dict.fromkeys(cell.strip() for cell in cells if cell.strip()))
    return texts[0] if len(texts) == 1 and _HEADING.match(texts[0]) and _part_named(texts[0]) else ""


def _lone_texts(sheet: Sheet) -> list[str]:
    """The rows of one text among a sheet's first rows: its title and part headings."""
    texts = (list(dict.fromkeys(cell.strip() for cell in cells if cell.strip())) for _n, cells in sheet.rows[:_SCAN_ROWS])
    return [found[0] for found in texts if len(found) == 1]


def foreign_townships(path: Path, records: list[TownshipDutyRecord], defaults: dict[str, str], home: Region,
                      resolver: NameResolver) -> list[IngestError]:
    """The rows naming a township the list's county does not have (one error a township and sheet, at its first
    row): one written after another county (青山县城关镇 in 石岭县's list), or, where the graph knows the county's
    townships, one it does not know that differs from a known one in its 镇/乡/街道 only (安平乡 for 安平镇). A county's
    table for all its townships would otherwise make each such row a township of its own, silently."""
    errors: list[IngestError] = []
    for record, name, region, county, known in _named_townships(records, defaults, home, resolver):
        near = sorted(other for other in known if township_stem(other) == township_stem(region.name) != "") \
            if region.name not in known else []
        if region.parent == county and not near:
            continue
        outside = region.parent != county
        found = f"{name} lies in {region.parent.path if region.parent else region.path}" if outside \
            else f"{county.path} has {'、'.join(near)}, not {region.name}"
        found_zh = f"“{name}”属于{region.parent.path if region.parent else region.path}" if outside \
            else f"{county.path}有{'、'.join(near)}，没有{region.name}"
        errors.append(IngestError(path, f"a 乡镇（街道） of {county.path}", line=record.where.row,
                                  sheet=None if record.where.sheet_named_by_file else record.where.sheet,
                                  detail=found, zh=f"乡镇（街道）应为{county.path}所辖，{found_zh}"))
    return errors


def new_townships(records: list[TownshipDutyRecord], defaults: dict[str, str], home: Region,
                  resolver: NameResolver) -> list[str]:
    """A warning for each township a list names (at its first row) that its county, whose townships the graph knows,
    does not have yet: it is loaded as a new one, as any list naming a township is, whatever the order the county's
    documents load in; `township_duties` says which townships have a list but no place the county's other documents
    give them (a misspelt or merged township). Where the graph knows none of the county's townships, there is
    nothing to tell it from. One differing from a known one in its 镇/乡/街道 only is refused (`foreign_townships`)."""
    warnings: list[str] = []
    for record, _name, region, county, known in _named_townships(records, defaults, home, resolver):
        if not known or region.name in known or region.parent != county \
                or any(township_stem(other) == township_stem(region.name) for other in known):
            continue
        where, where_zh = row_place(record.where.sheet, record.where.sheet_named_by_file, record.where.row)
        listed = "、".join(sorted(known))
        warnings.append(f"{where}: {region.name} is none of the 乡镇（街道） of {county.path} known ({listed}); loaded "
                        f"as a new one: check its name; {where_zh}：{county.path}已知的乡镇（街道）（{listed}）中没有"
                        f"“{region.name}”，已作为新的乡镇（街道）载入，请核对名称")
    return warnings


def _named_townships(records: list[TownshipDutyRecord], defaults: dict[str, str], home: Region,
                     resolver: NameResolver) -> Iterator[tuple[TownshipDutyRecord, str, Region, Region, set[str]]]:
    """Each township a list names, once a sheet, at its first row: the record, the name as written, its region as
    read, the list's county and the names of the county's townships the graph (and this run) knows."""
    county = home if home.level == "county" else home.parent if home.level == "township" else None
    if county is None:
        return
    known = {department.region.name for department in resolver.departments()
             if department.region.level == "township" and department.region.parent == county}
    seen: set[tuple[str, str]] = set()
    for record in records:
        name = record.township or defaults.get(record.where.sheet, "")
        if (record.where.sheet, name) in seen:
            continue
        seen.add((record.where.sheet, name))
        yield record, name, resolver.resolve(name, home).region, county, known


def row_place(sheet: str, named_by_file: bool, row: int) -> tuple[str, str]:
    """Where a row stands, in English and Chinese: `line 12` in a CSV's or a text's one sheet, named after the file,
    else `sheet 安平镇, row 12`."""
    if named_by_file:
        return f"line {row}", f"第 {row} 行"
    return f"sheet {sheet}, row {row}", f"工作表“{sheet}”第 {row} 行"
