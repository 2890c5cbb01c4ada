"""Duty lists (权责清单, 职责边界清单, 监管事项目录, 事权划分, 属地管理) from spreadsheets to records.

Government spreadsheets put a title row or two above the header, split the header over two rows,
write a department or a main item once for a block of rows, number their rows, and end with notes.
A cell left empty under a value in a block column means "same as above" and is carried forward; a
notes row is skipped. A row that cannot be read fails the file, but only once every row has been read: the
error names each bad row with its sheet, row and what was expected (a header that cannot be read stops at once).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ingest.devolution import township_devolution
from ingest.division import cell_partners
from ingest.errors import CellError, IngestError, RowError, RowErrors
from ingest.levels import fold_level, level_share
from ingest.model import (
    BoundaryRecord,
    Cell,
    CountyTownshipRecord,
    ListDocument,
    ListRecord,
    PowerItemRecord,
    SplitRecord,
    SupervisionRecord,
    TerritorialRecord,
    TownshipDutyRecord,
)
from ingest.names import clean_mention, is_vague_mention, township_of
from ingest.sheets import Sheet, Workbook, column_letter
from ingest.tables import (
    FIELDS,
    KIND_COLUMNS,
    KIND_LABELS,
    NAME_FIELDS,
    TEXT_FIELDS,
    Header,
    Span,
    describe_missing_header,
    find_header,
    header_candidate,
    holds_complaints,
)
from ingest.township_lists import (
    PART_TITLES,
    count_warning,
    is_township_list,
    part_of,
    township_named,
    township_parts,
    township_record,
)

POWER_TYPES = ("行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励",
               "行政裁决", "行政征用", "其他行政权力", "公共服务", "其他权力")
SHARES = {
    "市级专有": "exclusive_city", "市专有": "exclusive_city", "市级": "exclusive_city",
    "县级专有": "exclusive_county", "区级专有": "exclusive_county", "县(区)级专有": "exclusive_county",
    "县区专有": "exclusive_county", "县级": "exclusive_county",
    "市县共有": "shared", "共有": "shared", "市县共担": "shared", "市县共同": "shared", "共同": "shared",
    "委托": "delegated", "授权": "delegated", "下放": "delegated", "委托下放": "delegated", "市级委托": "delegated",
}
_NOTE_ROW = re.compile(r"^(?:注|说明|填表说明|备注|附注|附件)\s*[:：0-9一、.]")
_TITLE_SUFFIX = re.compile(r"(?:\d{4}年)?(?:权责清单|权力清单和责任清单|权力清单|责任清单|权责事项清单|监管事项目录|"
                           r"监管事项清单|职责边界清单|事权划分清单)(?:[（(][^）)]*[）)])?$")
# `对应市级部门:市委办公室(市档案局)`: a line above a system's part of a 权责清单 naming its department.
_TITLE_DEPARTMENT = re.compile(r"(?:对应|实施|责任)?(?:[市县区]级)?部门[:：]\s*(\S+)")
_DEPARTMENT_NAME = re.compile(r"[\u4e00-\u9fff]{2,}(?:局|委员会|委|办公室|办事处|办|厅|中心|大队|支队|人民政府)$")
_NAME_SEPARATORS = "、，,；;/／\n"
# Block columns: an empty cell repeats the value above (a merged or "same as above" cell).
_CARRIED = {
    "power": ("department", "main_item", "name", "power_type", "code"),
    "boundary": ("matter", "name", "basis"),
    "supervision": ("main_item", "supervision_name", "target", "basis"),
    "split": ("domain",),
    "territorial": ("matter", "name"),
    "township": ("domain", "township"),
    "county_township": ("domain",),
}


def parse_list(workbook: Workbook, forced_kind: str | None = None) -> ListDocument:
    if forced_kind == "township" or (forced_kind is None and is_township_list(workbook)):
        # Its kind is in its title, not its columns (a 配合 part names a 牵头部门 as a boundary list does).
        workbook, forced_kind = township_parts(workbook), "township"
    headers = [(sheet, find_header(sheet, forced_kind)) for sheet in workbook.sheets]
    read = [(sheet, header) for sheet, header in headers if header is not None]
    skipped = [sheet.name for sheet, header in headers if header is None]  # a 说明 sheet, or an empty one
    if not read:
        candidates = [found for found in map(header_candidate, workbook.sheets) if found is not None]
        best = max(candidates, key=lambda found: len(found.names), default=None)  # the first sheet on a tie
        # A hotline's complaints put among the documents (user test): say where they go instead.
        complaints = holds_complaints(best)
        raise IngestError(workbook.path, f"a header row naming the columns of a list, {KIND_COLUMNS}",
                          line=best.header_rows[0] if best else None,
                          detail=describe_missing_header(best) + (
                              "; this is a hotline's complaints: route them with `dutygraph dispatch FILE`, not "
                              "ingest" if complaints else ""),
                          zh="清单没有可识别的表头行（表头应有一列说明清单类别：权力类型、牵头部门或配合部门、监管事项名称、"
                             "划分方式、主体责任单位 等）" + (
                              "。这是一份热线诉求（工单）表，不是清单：请在网页“批量分派诉求”中分派（命令行：dutygraph dispatch），不要载入" if complaints else ""))
    kind = read[0][1].kind
    titles = list(dict.fromkeys(header.title for _sheet, header in read if header.title))
    document = ListDocument(kind=kind, title=titles[0] if titles else "",
                            issued=next((header.issued for _sheet, header in read if header.issued), ""),
                            doc_number=next((header.doc_number for _sheet, header in read if header.doc_number), ""),
                            header=Cell(read[0][0].name, read[0][1].header_rows[0], read[0][0].named_by_file))
    bad_rows: list[IngestError] = []
    for sheet, header in read:
        if header.kind != kind:
            raise IngestError(workbook.path, f"every sheet to be a {KIND_LABELS[kind]}",
                              detail=f"sheet {sheet.name} is a {KIND_LABELS[header.kind]}",
                              zh=f"各工作表应为同一种清单（{KIND_LABELS[kind]}），工作表“{sheet.name}”却是"
                                 f"{KIND_LABELS[header.kind]}")
        cited = _cited_title(header.title, titles)
        if cited != document.title and not sheet.named_by_file:
            document.sheet_titles[sheet.name] = cited
        default = _township(workbook, sheet, header, document.title) if header.kind == "township" else \
            _default_holder(sheet, header.title, cited if cited in titles else "")
        if default:
            document.default_departments[sheet.name] = default
        elif header.kind == "power" and "department" not in header.columns:
            _no_holder(workbook, sheet, header)
        _check_conflict(workbook, sheet, header)
        document.warnings.extend(_span_warning(sheet, field, span) for field, span in header.spans.items()
                                 if span.merged or span.repeated)
        if header.unread:  # a column dropped without a word (co_department, 责任事项, 追责情形: user test)
            where, where_zh = ("", "") if sheet.named_by_file else (f"sheet {sheet.name}: ", f"工作表“{sheet.name}”")
            document.warnings.append(f"{where}columns not read: {', '.join(header.unread)}; "
                                     f"{where_zh}未读取的列：{'、'.join(header.unread)}")
        read_before = len(document.records)
        bad_rows.extend(_read_sheet(workbook, sheet, header, document))
        if header.kind == "township" and (stated := count_warning(sheet, len(document.records) - read_before)):
            document.warnings.append(stated)
    if bad_rows:
        raise RowErrors(bad_rows)
    document.warnings.extend(f"sheet {name}: no list header; skipped; 工作表“{name}”没有清单表头，已跳过"
                             for name in skipped)
    if not document.records:
        raise IngestError(workbook.path, f"rows of items under the header of the {KIND_LABELS[document.kind]}",
                          detail="the header has no rows below it", zh=f"{KIND_LABELS[document.kind]}的表头下没有事项行")
    return document


def _cited_title(own: str, titles: list[str]) -> str:
    """The title a sheet's rows cite: its own title row's; without one, the workbook's one title (a list titled on
    its first sheet only); but where the sheets carry several titles (several departments' lists, one a sheet),
    borrowing another sheet's would cite another list, so none: '' (its rows cite the file, see queries.sources)."""
    if own:
        return own
    return titles[0] if len(titles) == 1 else ""


def _default_holder(sheet: Sheet, own_title: str, borrowed_title: str) -> str:
    """The department whose items a sheet lists when no column names one: the one its title row names, else its
    sheet name (市生态环境局), else the one the workbook's title names, which an untitled sheet cites."""
    return _department_from_title(own_title) or (sheet.name if _DEPARTMENT_NAME.search(sheet.name) else "") \
        or _department_from_title(borrowed_title)


def _department_from_title(title: str) -> str:
    named = _TITLE_DEPARTMENT.search(title)
    if named and _DEPARTMENT_NAME.search(clean_mention(named.group(1))):  # the name without its 牌子 in brackets
        return named.group(1)
    name = _TITLE_SUFFIX.sub("", title.strip())
    return name if name != title.strip() and _DEPARTMENT_NAME.search(name) else ""


def _read_sheet(workbook: Workbook, sheet: Sheet, header: Header, document: ListDocument) -> list[IngestError]:
    """Reads the sheet's rows into the document; returns the rows that could not be read, each as its error with
    every bad cell of the row, so that the file's every bad cell is named at once."""
    _check_required(workbook, sheet, header)
    reader = _township_reader(workbook, sheet, header, document.default_departments.get(sheet.name, "")) \
        if header.kind == "township" else _READERS[header.kind]
    carried: dict[str, str] = {}
    last_header_row = header.header_rows[-1]
    width = _csv_width(workbook, sheet, header)
    bad_rows: list[IngestError] = []
    for number, cells in sheet.rows:
        if number <= last_header_row:
            continue
        if is_note_row(cells):
            continue
        if width is not None and len(cells) > width:
            # A row wider than the rest is a comma inside an unquoted cell: every cell after it moved one column
            # right, and read as it is, the row would put a name where a type goes, silently.
            bad_rows.append(RowError(workbook.path, number, sheet.name, [_overflow(cells, width)]))
            continue
        values = {field: _value(cells, index, field) for field, index in header.columns.items()}
        bad_cells: list[CellError] = []  # cells that no value can be read from (columns of one field disagreeing)
        for field, span in header.spans.items():
            try:
                values[field] = _span_value(cells, field, span)
            except _BadCell as exc:
                bad_cells.append(exc.cell)
                values[field] = ""  # the cell's error is said; its field is not checked again below
        if not bad_cells and not any(value for field, value in values.items() if field not in {"seq", "notes"}):
            continue
        own_item = _names_its_own_item(header.kind, values, carried)
        main_above = _main_item(carried)
        for field in _CARRIED[header.kind]:
            if field in values:
                if values[field]:
                    carried[field] = values[field]
                elif not (field in _ITEM_NAMES and own_item
                          and (number, header.columns[field]) not in sheet.merged_down):
                    values[field] = carried.get(field, "")
        if header.kind == "power":
            _carry_stages(values, carried, main_above)
        where = _row_place(sheet, header, number, values, carried, main_above)
        if values.get("seq"):
            carried["seq"] = values["seq"]
        try:
            record = reader(values, where)
        except _BadRow as exc:
            said = {column for cell in bad_cells for column in cell.columns}
            bad_cells.extend(cell for cell in (_cell_error(header, problem) for problem in exc.problems)
                             if not said & set(cell.columns))
        if bad_cells:
            bad_cells.sort(key=lambda cell: [_column_index(letter) for letter, _title in cell.columns])
            bad_rows.append(RowError(workbook.path, number, sheet.name, bad_cells))
            continue
        if isinstance(record, SupervisionRecord):
            document.warnings.extend(record.warnings)
        previous = document.records[-1] if document.records else None
        if isinstance(record, BoundaryRecord) and isinstance(previous, BoundaryRecord) \
                and (number, header.columns.get("matter", header.columns.get("name", -1))) in sheet.merged_down \
                and previous.matter == record.matter:
            # One matter over merged rows, one department's part per row: a single record.
            previous.text = "\n".join(part for part in (previous.text, record.text) if part)
            previous.partners.extend(name for name in record.partners if name not in previous.partners)
            continue
        document.records.append(record)
    return bad_rows


def _row_place(sheet: Sheet, header: Header, number: int, values: dict[str, str], carried: dict[str, str],
               main_above: str) -> Cell:
    """Where the row stands and the number it is cited by. A 子项 row whose 序号 cell is merged down from its 主项's
    row, or left blank under it, carries the 主项's number, marked `continued`: it is cited as that 主项's 子项, not
    as the 主项 itself (FORMATS.md §7: a 主项 written once over its 子项's rows)."""
    seq = values.get("seq", "")
    column = header.columns.get("seq")
    own = bool(seq) and (number, column) not in sheet.merged_down
    continued = (not own and bool(values.get("sub_item")) and bool(carried.get("seq"))
                 and bool(main_above) and _main_item(values) == main_above)
    title = re.sub(r"\s+", "", header.labels.get("seq", "")).rpartition("/")[2] or "序号"
    return Cell(sheet.name, number, sheet.named_by_file, carried["seq"] if continued else seq, title, continued)


# A 权责清单's 责任事项 and 追责情形: written once for a 主项 over its 子项's rows.
_STAGES = ("responsibilities", "accountability")


def _carry_stages(values: dict[str, str], carried: dict[str, str], main_above: str) -> None:
    """A 子项 row's blank 责任事项 or 追责情形 under its 主项's is the 主项's (the cell merged down in the list's Excel
    copy, blank in its CSV): the 子项 answers for what its 主项 does. Only there: a blank on an item of its own is a
    cell left empty (power_item_review's no_responsibility), not "same as above" as the block columns are. An Excel
    merged cell reaches here already filled in (ingest.sheets)."""
    same_item = bool(values.get("sub_item")) and bool(main_above) and _main_item(values) == main_above
    for field in _STAGES:
        if field not in values:
            continue
        if values[field]:
            carried[field] = values[field]
        elif same_item:
            values[field] = carried.get(field, "")
        else:
            carried[field] = ""  # a new item's blank: nothing for its 子项 to take from an item above it


def _main_item(values: dict[str, str]) -> str:
    return values.get("main_item") or values.get("name") or values.get("supervision_name") or ""


def _csv_width(workbook: Workbook, sheet: Sheet, header: Header) -> int | None:
    """How many cells a CSV row may have: as many as its header's widest row, or as the data rows commonly have
    when they all end in the same empty cells (a trailing comma). None for Excel, whose cells cannot spill over."""
    if workbook.encoding == "xlsx":
        return None
    header_rows = set(header.header_rows)
    width = max(len(cells) for number, cells in sheet.rows if number in header_rows)
    padded = Counter(len(cells) for number, cells in sheet.rows
                     if number > header.header_rows[-1] and len(cells) > width and not any(cells[width:]))
    common = padded.most_common(1)
    if common and common[0][1] * 2 > sum(1 for number, _cells in sheet.rows if number > header.header_rows[-1]):
        return common[0][0]
    return width


def _overflow(cells: list[str], width: int) -> CellError:
    extra = column_letter(width) if len(cells) == width + 1 else f"{column_letter(width)}–{column_letter(len(cells) - 1)}"
    return CellError(
        ((extra, ""),), f"at most {width} cells, as the header has, found {len(cells)}",
        f"该行有 {len(cells)} 个单元格，表头只有 {width} 列：很可能某个单元格内的逗号没有加英文双引号，把该格拆成了两格，"
        "其后各格因此错位（请用英文双引号括起含逗号的单元格）",
        detail="a comma inside a cell that is not in double quotes splits the cell in two and moves every cell after "
               "it one column right: put such a cell in double quotes")


# The fields that name a row's item, which an empty cell may leave to the row above ("same as above").
_ITEM_NAMES = frozenset({"name", "matter"})


def _names_its_own_item(kind: str, values: dict[str, str], carried: dict[str, str]) -> bool:
    """The row has a code of its own, not the one above (or, in a list of matters, a 序号 of its own): an empty
    name there is a name left out (reported), not "same as above". Else an item BR-2 was named after BR-1, and a
    boundary row 2 with its lead became a second lead of row 1's matter, a dispute the list never wrote (user
    test). A name merged down over the rows is still the same name. A 权责清单's 序号 may number the 子项 of one
    主项, so there only a code counts."""
    if values.get("code") and values["code"] != carried.get("code"):
        return True
    return kind in {"boundary", "territorial"} and bool(values.get("seq")) and values["seq"] != carried.get("seq")


@dataclass(frozen=True)
class _Problem:
    """What a reader found wrong in a row: the fields whose cells are at fault (those of them the header has are
    named), what was expected, in English and in Chinese. `empty`: the one cell is blank, said in the words of the
    file's own header (`事项名称为空` under 事项名称, not the field's other name 管理事项)."""

    fields: tuple[str, ...]
    expected: str
    zh: str
    empty: bool = False


class _BadRow(ValueError):
    """A row a reader could not make a record of, with every problem it found."""

    def __init__(self, problems: list[_Problem]) -> None:
        super().__init__("; ".join(problem.expected for problem in problems))
        self.problems = problems


class _BadCell(ValueError):
    def __init__(self, cell: CellError) -> None:
        super().__init__(cell.expected)
        self.cell = cell


def _cell_error(header: Header, problem: _Problem) -> CellError:
    """The problem at the columns of its fields, each named by its letter and its title as the file writes it."""
    columns: list[tuple[str, str]] = []
    for field in problem.fields:
        if field in header.spans:
            span = header.spans[field]
            columns.extend((column_letter(index), span.label) for index in span.columns)
        elif field in header.columns:
            columns.append((column_letter(header.columns[field]), header.labels[field]))
    if problem.empty and len(columns) == 1:
        title = columns[0][1]
        return CellError(tuple(columns), f"a {title} (the cell is empty)", f"{title}为空")
    return CellError(tuple(columns), problem.expected, problem.zh)


def _column_index(letter: str) -> int:
    from openpyxl.utils import column_index_from_string

    return column_index_from_string(letter)


_REQUIRED: dict[str, list[tuple[tuple[str, ...], str, str]]] = {
    "power": [(("name", "main_item"), "a 事项名称 or 主项名称 column", "“事项名称”或“主项名称”列"),
              (("power_type",), "a 权力类型 column", "“权力类型”列")],
    # Without its lead column a boundary list would read as "nobody leads" on every row, and a catalogue without
    # its claimant column as "nobody claimed" every item: findings made of a missing column.
    "boundary": [(("matter", "name"), "a 管理事项 column", "“管理事项”列"),
                 (("lead", "related"), "a 牵头部门 (主责部门) column, or a 相关部门 column with the 职责边界",
                  "“牵头部门”（主责部门）列，或“相关部门”列及其职责边界")],
    "supervision": [(("supervision_name", "main_item", "name"), "a 监管事项 column", "“监管事项”列"),
                    (("claimant", "department"), "a 认领部门 column", "“认领部门”列")],
    "split": [(("matter", "name"), "a 事项名称 column", "“事项名称”列"),
              (("share", "level"), "a 划分方式 or 行使层级 column", "“划分方式”或“行使层级”列")],
    "territorial": [(("matter", "name"), "a 属地管理事项 column", "“属地管理事项”列"),
                    (("main_party",), "a 主体责任单位 column", "“主体责任单位”列")],
    "township": [(("matter", "name"), "a 事项名称 column", "“事项名称”列")],
    "county_township": [(("matter", "name"), "a 事项名称 column", "“事项名称”列")],
}
# The column of the county department a part of a 履行职责事项清单 names, where it must name one.
_TOWNSHIP_PARTIES = {"assisting": (("lead",), "县级牵头部门"), "reclaimed": (("reclaimer", "lead"), "收回部门")}


def _township(workbook: Workbook, sheet: Sheet, header: Header, title: str) -> str:
    """The township whose 履行职责事项清单 a sheet is: the one its own title names, else its sheet name (a county's
    workbook of a sheet a township), else the list's title; '' when a 乡镇（街道） column names each row's."""
    named = township_named(header.title) or (sheet.name if not sheet.named_by_file and township_of(sheet.name) else "")
    township = named or township_named(title)
    if not township and "township" not in header.columns:
        raise IngestError(workbook.path, "a title naming the township, such as 某县某镇履行职责事项清单, a sheet "
                                         "named after it, or a 乡镇（街道） column", line=header.header_rows[0],
                          sheet=None if sheet.named_by_file else sheet.name,
                          detail=f"the title {header.title or title or '(none)'!r} names no 镇, 乡 or 街道",
                          zh=f"履行职责事项清单的标题应写明乡镇（街道），如“某县某镇履行职责事项清单”，"
                             f"实为“{header.title or title or '（无标题）'}”：全县（区）通用的清单请每个乡镇（街道）一个工作表"
                             f"（以乡镇名称命名），或加一列“乡镇（街道）”")
    return township


def _township_reader(workbook: Workbook, sheet: Sheet, header: Header, township: str
                     ) -> Callable[[dict[str, str], Cell], ListRecord]:
    """The reader of one part's rows: a 配合 part must name its lead department, a 收回 part the one that took the
    work back (a column of it, then a name in each row); a row of a county's table names its township (乡镇（街道）
    column) where the sheet names none."""
    part = part_of(sheet, header.title, set(header.columns))
    fields, title = _TOWNSHIP_PARTIES.get(part, ((), ""))
    if fields and not any(field in header.columns for field in fields):
        raise IngestError(workbook.path, f"a {title} column in the {PART_TITLES[part]}", line=header.header_rows[0],
                          sheet=None if sheet.named_by_file else sheet.name, detail="the header has none",
                          zh=f"{PART_TITLES[part]}的表头应有“{title}”列，却没有")

    def read(values: dict[str, str], where: Cell) -> TownshipDutyRecord:
        problems: list[_Problem] = []
        _need(values, ("matter", "name"), "事项名称", problems)
        departments = split_names(next((values[field] for field in fields if values.get(field)), ""))
        if fields and not departments:
            problems.append(_Problem(fields, f"a {title} (the cell is empty)", f"{title}为空", empty=True))
        own = values.get("township", "")
        if not township and not own:
            problems.append(_Problem(("township",), "a 乡镇（街道） (the cell is empty)", "乡镇（街道）为空", empty=True))
        elif own and not township_of(own):
            problems.append(_Problem(("township",), f"a 乡镇（街道） such as 安平镇 or 东湖街道 ({own!r} names no 镇, 乡 "
                                                    "or 街道)", f"乡镇（街道）应为镇、乡或街道的名称，如“安平镇”，实为“{own}”"))
        _checked(problems)
        return township_record(values, where, part=part, departments=departments)

    return read


def _check_required(workbook: Workbook, sheet: Sheet, header: Header) -> None:
    for fields, expected, expected_zh in _REQUIRED[header.kind]:
        if not any(field in header.columns for field in fields):
            raise IngestError(workbook.path, f"{expected} in the {KIND_LABELS[header.kind]}",
                              line=header.header_rows[0], sheet=sheet.name, detail="the header has none",
                              zh=f"{KIND_LABELS[header.kind]}的表头应有{expected_zh}，却没有")


def _value(cells: list[str], index: int, field: str) -> str:
    value = cells[index].strip() if index < len(cells) else ""
    # A line break separates names in a party cell; elsewhere it only wraps the text (`商品房预售⏎许可`).
    return value if field in NAME_FIELDS else value.replace("\n", "")


def _check_conflict(workbook: Workbook, sheet: Sheet, header: Header) -> None:
    conflict = header.conflict
    if conflict is None:
        return
    first, second = conflict.cells
    name = FIELDS[conflict.field][0]
    raise IngestError(workbook.path, "each field of the header named once, or under one group", line=conflict.row,
                      sheet=sheet.name,
                      detail=f"{first} and {second} both name {name} under different groups, which one field cannot "
                             "tell apart: give each group a sheet of its own",
                      zh=f"表头的每个字段应只出现一次或只在一个分组下：{first} 和 {second} 在不同分组下都是“{name}”，"
                         "无法合为一个字段（请把各分组放在各自的工作表）")


def _span_warning(sheet: Sheet, field: str, span: Span) -> str:
    letters, letters_zh = _letters(span.columns), "、".join(column_letter(column) for column in span.columns)
    if field in NAME_FIELDS:
        done = f"the names in columns {letters} are all read as {span.label}, in column order"
        done_zh = f"{letters_zh} 列的名称都按“{span.label}”读取，按列的顺序"
    elif field in TEXT_FIELDS:
        done = f"the texts in columns {letters} are read as one {span.label}, joined in column order"
        done_zh = f"{letters_zh} 列的文字按列的顺序合为一个“{span.label}”"
    else:
        first = column_letter(span.columns[0])
        done = f"columns {letters} are read as one {span.label}: {first} holds it, the others may be empty or repeat it"
        done_zh = f"{letters_zh} 列合为一个“{span.label}”：以 {first} 列为准，其余列可为空或与之相同"
    if span.repeated:
        return (f"sheet {sheet.name}: {span.cells_named} each name {span.label}; {done}; "
                f"工作表“{sheet.name}”有 {len(span.columns)} 个表头单元格都是“{span.label}”：{done_zh}")
    return (f"sheet {sheet.name}: the header cell {span.label} spans {span.cells}; {done}; "
            f"工作表“{sheet.name}”的表头“{span.label}”跨 {span.cells}：{done_zh}")


def _span_value(cells: list[str], field: str, span: Span) -> str:
    """A field read from every column under its header cell: names and texts in column order (a value repeated
    by a merged data cell once); a single-valued field only when the other columns are empty or repeat it."""
    if span.ticks:
        return _ticked_levels(cells, span)
    found = [(index, _value(cells, index, field)) for index in span.columns]
    distinct = list(dict.fromkeys(value for _index, value in found if value))
    if field in NAME_FIELDS:  # a name written in both columns (`市水务局、市城管局` beside `市城管局`) is one party
        return "\n".join(dict.fromkeys(name for value in distinct for name in split_names(value)))
    if field in TEXT_FIELDS:
        return "；".join(distinct)
    first = found[0][1]
    if any(value and value != first for _index, value in found[1:]):
        # Which of two values is the 事项名称 (or 序号, 权力类型) no reading can tell: a 主项 and its 子项, say.
        held = _listed([f"{value!r} in {column_letter(index)}" if value else f"nothing in {column_letter(index)}"
                        for index, value in found])
        held_zh = "、".join(f"{column_letter(index)} 列为“{value}”" if value else f"{column_letter(index)} 列为空"
                            for index, value in found)
        raise _BadCell(CellError(
            tuple((column_letter(index), span.label) for index in span.columns),
            f"one {span.label} a row under {span.cells_named}",
            f"这几列同属“{span.label}”，却填了不同的值（{held_zh}），无法判断哪一个是该字段"
            "（请给每列单独的表头）",
            detail=f"found {held}: give each column a header of its own"))
    return first


TICKS = frozenset({"✓", "✔", "√", "●", "是"})
UNTICKED = frozenset({"", "否", "×", "✗", "/", "-", "—", "－", "无"})


def _ticked_levels(cells: list[str], span: Span) -> str:
    """The levels a row ticks under a 行使层级 group (`市、县(区)`), written as a 行使层级 cell writes them."""
    levels = []
    for index, level in zip(span.columns, span.ticks, strict=True):
        mark = _value(cells, index, "level")
        if mark in TICKS:
            levels.append(level)
        elif mark not in UNTICKED:
            group = span.label.rsplit("/", 1)[0]  # the label of the first column: 行使层级/市级
            raise _BadCell(CellError(
                ((column_letter(index), f"{group}/{level}"),),
                f"a tick mark (✓, √, ● or 是) or nothing under {group}/{level}",
                f"应为勾选符号（✓、√、● 或 是）或空白，实为“{mark}”", detail=f"found {mark!r}"))
    return "、".join(levels)


def _letters(columns: list[int]) -> str:
    return _listed([column_letter(index) for index in columns])


def _listed(parts: list[str]) -> str:
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)


def is_note_row(cells: list[str]) -> bool:
    """A notes row (注：…, 填表说明), an empty one, or one note written across merged columns: no row of items."""
    filled = [cell for cell in cells if cell]
    if not filled:
        return True
    if _NOTE_ROW.match(filled[0]):
        return True
    # A note written across merged columns: one long text repeated in every cell of the row.
    return len(set(filled)) == 1 and len(filled[0]) > 30


def split_names(cell: str) -> list[str]:
    """`市住建局、市交通运输局；市公安局` → three names; separators inside brackets do not split."""
    names: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in cell:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        if depth == 0 and ch in _NAME_SEPARATORS:
            names.append("".join(current))
            current = []
            continue
        current.append(ch)
    names.append("".join(current))
    return [name.strip() for name in names if name.strip() and name.strip() not in {"无", "/", "-", "—"}]


# The department that gave an item away (赋予乡镇 lists' 原实施部门, 原实施主体): not who exercises it now.
_FORMER_HOLDER = re.compile(r"^原(?:实施|行使|执法)?(?:部门|主体|单位|机关)")


def _no_holder(workbook: Workbook, sheet: Sheet, header: Header) -> None:
    """A power list naming no holder is refused; one naming only the department that gave its items away (a
    赋权清单 without its 承接主体 column, user test) is asked for the 承接主体, not for the 实施部门 it has in a way."""
    former = next((label for label in header.unread if _FORMER_HOLDER.match(label)), None)
    if former is not None:
        raise IngestError(workbook.path, "a 承接主体 column naming who exercises the items now",
                          line=header.header_rows[0], sheet=sheet.name,
                          detail=f"{former} names the department that gave them away, not their holder",
                          zh=f"清单没有“承接主体”列（“{former}”是交出事项的部门，不是现在的实施主体）")
    raise IngestError(workbook.path, "a 实施部门 column, or a title or sheet name naming the department",
                      line=header.header_rows[0], sheet=sheet.name, detail="the power items have no holder",
                      zh="清单没有“实施部门”列，标题或工作表名也未写明部门（事项没有实施主体）")


def _need(values: dict[str, str], fields: tuple[str, ...], name: str, problems: list[_Problem]) -> str:
    """The first of the fields' values; when all are empty, a problem naming the field (`事项名称`) is noted."""
    for field in fields:
        if values.get(field):
            return values[field]
    problems.append(_Problem(fields, f"a {name} (the cell is empty)", f"{name}为空", empty=True))
    return ""


def _checked(problems: list[_Problem]) -> None:
    """Every problem of the row at once, so that its user fixes its every cell in one go."""
    if problems:
        raise _BadRow(problems)


def _power(values: dict[str, str], where: Cell) -> PowerItemRecord:
    problems: list[_Problem] = []
    main = values.get("main_item") or values.get("name", "")
    sub = values.get("sub_item", "")
    if not main:
        problems.append(_Problem(("main_item", "name"), "a 事项名称 or 主项名称 (the cell is empty)",
                                 "事项名称（主项名称）为空", empty=True))
    power_type = _need(values, ("power_type",), "权力类型", problems)
    if power_type and not power_type.startswith(POWER_TYPES):
        problems.append(_Problem(("power_type",), f"a 权力类型 such as 行政许可, 行政处罚 or 其他行政权力, found {power_type!r}",
                                 f"权力类型应为 行政许可、行政处罚、其他行政权力 等，实为“{power_type}”"))
    _checked(problems)
    return PowerItemRecord(
        name=f"{main}（{sub}）" if sub and sub != main else main, main_item=main, sub_item=sub,
        type=power_type, code=values.get("code", ""), basis=values.get("basis", ""),
        departments=split_names(values.get("department", "")), offices=split_names(values.get("office", "")),
        levels=split_names(values.get("level", "")), where=where,
        responsibilities=values.get("responsibilities"), accountability=values.get("accountability"),
        devolution=township_devolution(values.get("notes", "")),
    )


def _boundary(values: dict[str, str], where: Cell) -> BoundaryRecord:
    problems: list[_Problem] = []
    matter = _need(values, ("matter", "name"), "管理事项", problems).rstrip("。")
    leads = split_names(values.get("lead", ""))
    assists = split_names(values.get("assist", ""))
    text = values.get("division_text", "")
    related = split_names(values.get("related", ""))
    partners: list[str] = []
    if related:
        # 相关部门 + 职责分工 (one department a row): the text says whether it leads or assists.
        role_assists = re.match(r"^(?:配合|协助|参与|协办)", text) is not None
        (assists if role_assists else leads).extend(related)
        if not role_assists:
            partners = [name for name in cell_partners(text) if name not in related and not is_vague_mention(name)]
    if not leads and not assists:
        problems.append(_Problem(("lead", "assist", "related"), "a 牵头部门 or 配合部门 (both cells are empty)",
                                 "牵头部门和配合部门都为空"))
    _checked(problems)
    return BoundaryRecord(matter, leads, assists, text, values.get("basis", ""), where, partners)


def _supervision(values: dict[str, str], where: Cell) -> SupervisionRecord:
    main = values.get("main_item") or values.get("supervision_name") or values.get("name", "")
    if not main:
        raise _BadRow([_Problem(("supervision_name", "main_item", "name"), "a 监管事项 (the cell is empty)",
                                "监管事项为空", empty=True)])
    sub = values.get("sub_item", "")
    claimants = split_names(values.get("claimant") or values.get("department", ""))
    status = values.get("claim_status", "")
    warnings = []
    if status in {"未认领", "否", "无"} or status.startswith("未"):
        if claimants:
            warnings.append(f"{_row_of(where)} ({main}): 认领状态 {status} but 认领部门 names {'、'.join(claimants)}; "
                            f"read as unclaimed; {_row_of_zh(where)}（{main}）认领状态为“{status}”但认领部门写有"
                            f"{'、'.join(claimants)}，按未认领载入")
        claimants = []
    elif status and not claimants:
        # Unclaimed, as a blank 认领部门 always reads, but a 目录 contradicting itself is worth the 编办's check.
        warnings.append(f"{_row_of(where)} ({main}): 认领状态 {status} but 认领部门 is empty; read as unclaimed; "
                        f"{_row_of_zh(where)}（{main}）认领状态为“{status}”但认领部门为空，按未认领载入")
    return SupervisionRecord(
        name=f"{main}（{sub}）" if sub and sub != main else main, main_item=main, sub_item=sub,
        code=values.get("code", ""), target=values.get("target", ""), basis=values.get("basis", ""),
        level=values.get("level", ""), claimants=claimants, where=where, warnings=warnings,
    )


def _row_of(where: Cell) -> str:
    """`sheet 目录, row 12`; a CSV's or a text's one sheet bears the file's name, so only its row."""
    return f"row {where.row}" if where.sheet_named_by_file else f"sheet {where.sheet}, row {where.row}"


def _row_of_zh(where: Cell) -> str:
    """`工作表“目录”第 12 行`, as `_row_of`: the Chinese is all an upload's page shows of a warning."""
    return f"第 {where.row} 行" if where.sheet_named_by_file else f"工作表“{where.sheet}”第 {where.row} 行"


def _split(values: dict[str, str], where: Cell) -> SplitRecord:
    problems: list[_Problem] = []
    matter = _need(values, ("matter", "name"), "事项名称", problems)
    share_text = fold_level(values.get("share", ""))
    level_text = values.get("level", "").strip()
    # The 行使层级 is read as a 权责清单's is (ingest/levels.py); one naming no level (省级, 乡镇) is refused below.
    share = SHARES.get(share_text) or (None if share_text else level_share(split_names(level_text)))
    if share is None or problems:
        if share is None:
            found = share_text or level_text
            allowed = "划分方式应为 市级专有、县级专有、市县共有 或 委托（或行使层级为“市”“县”或“市、县”）"
            problems.append(_Problem(("share",) if share_text else ("share", "level"),
                                     f"a 划分方式 of 市级专有, 县级专有, 市县共有 or 委托 (or a 行使层级 of 市, 县 or 市、县), "
                                     f"found {found!r}", f"{allowed}，实为“{found}”" if found else f"{allowed}，却为空"))
        raise _BadRow(problems)
    counties = [name for name in split_names(values.get("counties", "")) if name not in {"全部", "全市", "各县区", "各县(区)"}]
    city_text, county_text = values.get("city_text", ""), values.get("county_text", "")
    if not city_text and not county_text and divides_work(values.get("notes", "")):
        # A list without 市级职责/县级职责 columns states the division in its 备注 (市管公路由市级实施，县管公路由县级
        # 实施): both levels' text is that note, so the matter is not reported as shared without a division.
        city_text = county_text = values["notes"]
    return SplitRecord(matter, values.get("domain", ""), share, counties, city_text, county_text,
                       values.get("basis", ""), where)


_CITY_LEVEL_WORDS = ("市级", "市本级", "市管", "市直")
_COUNTY_LEVEL_WORDS = ("县级", "县管", "区县", "县区", "县(区)", "县（区）", "乡镇")
_DIVISION_WORDS = re.compile(r"分级|分别由|分层级")


def divides_work(note: str) -> bool:
    """Whether a 市县事权划分清单's 备注 says how the levels divide a matter: it names what the city level and
    what the county level does (二级资质由市级核定，三级及以下由县级核定), or grades it (按取水量分级审批). A note
    on something else (兽用生物制品经营许可除外, 根据…职能转变要求下放) does not."""
    names_both = any(word in note for word in _CITY_LEVEL_WORDS) and any(word in note for word in _COUNTY_LEVEL_WORDS)
    return names_both or _DIVISION_WORDS.search(note) is not None


def _territorial(values: dict[str, str], where: Cell) -> TerritorialRecord:
    problems: list[_Problem] = []
    matter = _need(values, ("matter", "name"), "属地管理事项", problems)
    leads = split_names(_need(values, ("main_party",), "主体责任单位", problems))
    _checked(problems)
    return TerritorialRecord(matter, leads, split_names(values.get("assist_party", "")),
                             values.get("main_text", ""), values.get("assist_text", ""), where)


# A 县乡事权划分清单's 划分方式 or 责任主体 cell: which level answers for the matter.
_COUNTY_TOWNSHIP_SHARES = {
    "县级": "county", "县": "county", "县级事权": "county", "县级专有": "county", "县级部门": "county", "县直部门": "county",
    "乡镇": "township", "乡镇(街道)": "township", "街道": "township", "镇街": "township", "乡镇事权": "township",
    "乡镇专有": "township", "乡镇(街道)事权": "township", "属地": "township", "属地乡镇": "township",
    "县乡共同": "shared", "县乡共有": "shared", "县乡共担": "shared", "共同": "shared", "共有": "shared",
    "县级、乡镇": "shared", "县、乡": "shared", "县乡": "shared", "县级、乡镇(街道)": "shared",
}


def _county_township(values: dict[str, str], where: Cell) -> CountyTownshipRecord:
    """A row of a 县乡事权划分清单: its level as its 划分方式 or 责任主体 cell says, else as the columns that hold text
    (县级职责 only: the county's; 乡镇职责 only: the townships'; both: shared)."""
    problems: list[_Problem] = []
    matter = _need(values, ("matter", "name"), "事项名称", problems)
    county_text, township_text = values.get("county_text", ""), values.get("township_level_text", "")
    written = fold_level(values.get("share") or values.get("holder_level", ""))
    share = _COUNTY_TOWNSHIP_SHARES.get(written) if written else \
        "shared" if county_text and township_text else "county" if county_text else "township" if township_text else None
    if share is None:
        allowed = "县级、乡镇 或 县乡共同"
        problems.append(_Problem(("share", "holder_level") if written else ("county_text", "township_level_text"),
                                 f"a level of 县级, 乡镇 or 县乡共同, found {written!r}" if written
                                 else "a 县级职责 or a 乡镇（街道）职责 (both cells are empty)",
                                 f"划分方式（责任主体）应为{allowed}，实为“{written}”" if written
                                 else "县级职责、乡镇（街道）职责均为空"))
    _checked(problems)
    return CountyTownshipRecord(matter, values.get("domain", ""), share or "", county_text, township_text,
                                values.get("basis", ""), where)


_READERS: dict[str, Callable[[dict[str, str], Cell], ListRecord]] = {
    "power": _power, "boundary": _boundary, "supervision": _supervision, "split": _split, "territorial": _territorial,
    "county_township": _county_township,
}
