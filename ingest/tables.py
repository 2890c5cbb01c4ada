"""Header rows of government spreadsheets: which row is the header (one or two rows), what each column
holds, and which kind of list the columns make (权责清单, 职责边界清单, 监管事项目录, 事权划分, 属地管理)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.kinds import KIND_TITLES
from ingest.list_dates import read_title_rows
from ingest.sheets import Sheet, range_name

# Column vocabulary: field → the header texts that name it (after spaces and bracket widths are folded).
FIELDS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "事项编号", "清单编号"),
    "department": ("实施主体", "实施部门", "部门名称", "部门", "责任部门", "主管部门", "职权部门", "行使主体", "实施机关",
                   "监管部门", "法定主体", "dept_name",
                   # A 赋予乡镇（街道）县级行政执法权事项清单's townships exercise its items in their own name (赋权).
                   "承接主体"),
    "office": ("承办机构", "承办科室", "内设机构", "责任科室"),
    "basis": ("实施依据", "设定依据", "法律依据", "相关依据", "依据", "法律法规依据"),
    "notes": ("备注",),
    # A 权责清单's 责任事项 (what the holder must do at each stage: 受理, 审查, 决定 …) and 追责情形.
    "responsibilities": ("责任事项", "责任事项内容", "责任事项及依据"),
    "accountability": ("追责情形", "追责情形及依据", "问责情形", "追责情形及追责依据"),
    "code": ("事项编码", "职权编码", "项目编码", "权力编码", "编码", "监管事项编码", "事项代码", "task_code"),
    "name": ("事项名称", "职权名称", "项目名称", "权力名称", "权责事项名称", "权责事项", "规范统一事项名称", "履职事项",
             "履职事项名称"),
    "main_item": ("主项名称", "主项", "监管事项主项", "母项名称", "parentcatalogname"),
    # An item of 政务服务 exports' implementation list (TASK_NAME) already carries its sub-item in brackets
    # (`实验动物生产许可(变更)`), so subTaskName adds nothing to it.
    "sub_item": ("子项名称", "子项", "监管事项子项", "task_name"),
    "power_type": ("权力类型", "职权类型", "事项类型", "task_type_text"),
    "level": ("行使层级", "监管层级", "层级", "实施层级", "matter_level"),
    "supervision_name": ("监管事项名称", "监管事项"),
    "target": ("监管对象",),
    "claimant": ("认领部门", "认领单位"),
    "claim_status": ("认领状态", "是否认领", "认领情况"),
    "matter": ("管理事项", "边界事项", "职责事项", "属地管理事项", "事权事项"),
    "lead": ("牵头部门", "牵头单位", "主办部门", "主责部门", "责任单位", "主办单位",
             # a 履行职责事项清单's 配合履职事项: the county department that leads the work the township assists on
             "县级牵头部门", "县级责任部门", "县级主责部门", "牵头县级部门"),
    "assist": ("配合部门", "配合单位", "协办部门", "协办单位", "参与部门", "协同部门"),
    "related": ("相关部门",),
    "division_text": ("职责分工", "职责边界", "分工内容", "具体职责"),
    "domain": ("所属领域", "领域", "行业领域", "事项领域", "事项类别", "类别"),
    "share": ("划分方式", "事权类型", "事权归属", "事权划分"),
    "city_text": ("市级职责",),
    "county_text": ("县级职责", "县(区)级职责", "区县职责", "县(区)职责"),
    "counties": ("适用区县", "适用县区", "适用县(区)", "适用范围"),
    "main_party": ("主体责任单位", "主体责任部门"),
    "assist_party": ("配合责任单位", "配合责任部门"),
    "main_text": ("主体责任",),
    "assist_text": ("配合责任",),
    # A 乡镇（街道）履行职责事项清单 (ingest.township_lists): what the township does, what the county department does,
    # and the department that took work back from the townships.
    "township_text": ("乡镇(街道)配合职责", "乡镇配合职责", "街道配合职责", "镇街配合职责",
                      "具体工作内容", "履职内容", "主要工作内容"),
    # A 县乡事权划分清单 (县乡两级职责清单): what the townships do beside the county's 县级职责, and which level answers
    # (责任主体: 县级, 乡镇, 县乡共同). Alone, 乡镇(街道)职责 is a 履行职责事项清单's column, as before.
    "township_level_text": ("乡镇(街道)职责", "乡镇职责", "街道职责", "镇街职责", "乡镇级职责", "乡镇(街道)级职责"),
    "holder_level": ("责任主体", "承担层级", "责任层级", "事权主体"),
    "dept_text": ("县级部门职责", "县级部门主体职责", "县级部门履职内容", "牵头部门职责"),
    "reclaimer": ("收回部门", "收回单位", "收回的县级部门", "县级收回部门"),
    # A county's one table for all its townships: the township each row is of.
    "township": ("乡镇(街道)", "乡镇", "街道", "镇街", "乡镇(街道)名称", "乡镇名称", "街道名称", "所属乡镇(街道)",
                 "所属乡镇", "所属街道", "乡镇街道"),
}
_HEADER_TO_FIELD = {text: field for field, texts in FIELDS.items() for text in texts}

KIND_LABELS = {kind: KIND_TITLES[kind]
               for kind in ("power", "boundary", "supervision", "split", "territorial", "township", "county_township")}
HEADER_SCAN_ROWS = 12

# Fields whose cell may name several parties (split on 、，; and line breaks), or hold free text: columns under one
# header cell join their values. Any other field is one value a row (a 序号, a 事项名称, a 权力类型).
NAME_FIELDS = frozenset({"department", "lead", "assist", "related", "claimant", "main_party", "assist_party",
                         "office", "counties", "level", "reclaimer"})
TEXT_FIELDS = frozenset({"basis", "notes", "responsibilities", "accountability", "division_text", "city_text", "county_text", "main_text", "assist_text",
                         "target", "township_text", "dept_text", "township_level_text"})
# A bare role under a party group (责任部门 over 牵头 / 配合): the part of the group it names.
_LEAD_WORDS = ("牵头", "主办", "主责", "主体", "主管", "负责")
_ASSIST_WORDS = ("配合", "协办", "协同", "协助", "参与")
_PARTY_GROUPS = frozenset({"department", "lead", "assist", "related", "main_party", "assist_party"})
_TERRITORIAL = frozenset({"main_party", "assist_party", "main_text", "assist_text"})

CellRange = tuple[int, int, int, int]  # first row, first column, last row, last column (rows as shown, columns from 0)


@dataclass(frozen=True)
class Span:
    """One field read from several columns: a header cell merged across them (牵头部门 over C1:D1), header cells
    that each name it (牵头部门 in C1 and again in D1), a group label over parts that name no field of their own
    (监管对象 over 对象类型 / 对象名称), or the tick-mark columns of the levels under a 行使层级 group."""

    columns: list[int]
    cells: str  # the header cells as Excel names them: `C1:D1` for a merged cell or a group, `C1 and D1` for two
    label: str
    merged: bool  # one header cell merged over the columns, not parts under a group (牵头 / 配合 under 责任部门)
    repeated: bool = False  # separate header cells naming one field
    ticks: tuple[str, ...] = ()  # for tick-mark columns, the level each column stands for (市, 县(区), 乡镇)

    @property
    def cells_named(self) -> str:
        return f"the header cells {self.cells}" if self.repeated else f"the header cell {self.cells}"


@dataclass(frozen=True)
class Conflict:
    """One field named under two different groups of a header (牵头 under 市级 and under 县级): the groups say
    something a list's fields cannot hold, so the sheet is refused rather than read as one field."""

    field: str
    row: int  # the header row of the second cell
    cells: tuple[str, str]  # where each column's label stands, with the label: `C3 (市级/牵头)`


@dataclass
class Header:
    kind: str
    columns: dict[str, int]  # field → column index (the first, when the field spans several)
    header_rows: list[int]  # the row numbers the header spans
    title: str  # a title row above the header, if any
    labels: dict[str, str]  # field → the header text as written (`责任部门/牵头` for a two-row header)
    spans: dict[str, Span] = field(default_factory=dict)  # fields read from several columns
    conflict: Conflict | None = None
    unread: list[str] = field(default_factory=list)  # header texts that name no field: columns the list loses
    issued: str = ""  # the date a title row gives (印发/更新日期), ISO
    doc_number: str = ""  # the 文号 a title row gives


@dataclass(frozen=True)
class _Named:
    field: str
    label: str
    cell: CellRange  # the header cell that wrote the label (a merged range, or one cell)
    # What ties columns of one field together: the upper cell, or in a header of several rows the nearest group
    # label above (配合 and 协同 under one 责任单位 are both its assisting parties).
    group: CellRange
    role: str = ""  # the bare word (牵头, 配合, 主体) that named it under a party group
    tick: str = ""  # the level (市, 县) a tick-mark column under a 行使层级 group stands for


@dataclass
class Candidate:
    """The rows (one to three) likeliest to be a sheet's header, and what its columns read as."""

    sheet: str
    position: int  # index into the sheet's rows
    header_rows: list[int]
    labels: list[str]  # every filled header cell, the rows above combined (`责任部门/牵头`)
    columns: dict[str, int]
    names: dict[str, str]  # field → label
    spans: dict[str, Span]
    conflict: Conflict | None = None
    unread: list[str] = field(default_factory=list)  # the labels of the columns no field reads


HeaderRow = tuple[int, list[str]]  # (row number as shown, cells)
MAX_HEADER_ROWS = 3  # a group cell over a group over the labels


def fold_header(text: str) -> str:
    # casefold: exports of 政务服务 systems name their columns in English (TASK_TYPE_TEXT, DEPT_NAME).
    return re.sub(r"\s+", "", text).casefold().replace("（", "(").replace("）", ")").rstrip(":：*")


def field_of(text: str) -> str | None:
    folded = fold_header(text)
    if not folded:
        return None
    if folded in _HEADER_TO_FIELD:
        return _HEADER_TO_FIELD[folded]
    # `权力类型(行政许可等)`: a known header with a bracketed explanation.
    bare = re.sub(r"\(.*?\)$", "", folded)
    return _HEADER_TO_FIELD.get(bare)


def find_header(sheet: Sheet, forced_kind: str | None = None) -> Header | None:
    """The header of a sheet, or None when no row in the first rows names the columns of a list."""
    candidate = header_candidate(sheet)
    if candidate is None or len(candidate.columns) < 2:
        return None
    kind = forced_kind or kind_of(set(candidate.columns))
    if kind is None:
        return None
    # Title rows: above the header, one text (often merged across the columns). A title written in book brackets
    # (《…权责清单》) loses them: a source reads 《title》place, and the title names its department without them.
    # A row that is only a date or a 文号 dates the list (ingest.list_dates): no part of the title it cites.
    rows = read_title_rows([
        _unbracketed(cells[0]) for cells in (list(dict.fromkeys(c for c in row if c))
                                             for _n, row in sheet.rows[:candidate.position])
        if len(cells) == 1
    ])
    return Header(kind, candidate.columns, candidate.header_rows, rows.title, candidate.names, candidate.spans,
                  candidate.conflict, candidate.unread, issued=rows.issued, doc_number=rows.doc_number)


def _unbracketed(title: str) -> str:
    return title[1:-1] if title.startswith("《") and title.endswith("》") and title.count("《") == 1 else title


def header_candidate(sheet: Sheet) -> Candidate | None:
    """The likeliest header of a sheet, a list's or not: the first rows' row naming most known columns, with up to
    two rows under it while each names the parts of the cells above, or None for a sheet with no rows."""
    if not sheet.rows:
        return None
    scores = [len({field_of(cell) for cell in cells} - {None}) for _n, cells in sheet.rows[:HEADER_SCAN_ROWS]]
    position = scores.index(max(scores))  # the first row when none names a column: what the sheet opens with
    # A merged header of several rows can score higher on a lower row (the merged cells repeat there): start above.
    while position > 0 and scores[position] >= 2 and scores[position - 1] >= 2:
        position -= 1
    rows = [sheet.rows[position]]
    while len(rows) < MAX_HEADER_ROWS and position + len(rows) < len(sheet.rows) \
            and _is_sub_header(sheet, rows[-1], sheet.rows[position + len(rows)]):
        rows.append(sheet.rows[position + len(rows)])
    named = _named_columns(sheet, rows)
    columns, names, spans, conflict = _fields(named)
    labels = [label for label in dict.fromkeys(_written(sheet, rows, index) for index in range(len(named))) if label]
    read = set(columns.values()) | {index for span in spans.values() for index in span.columns}
    unread = [label for label in dict.fromkeys(_written(sheet, rows, index) for index in range(len(named))
                                               if index not in read) if label]
    return Candidate(sheet.name, position, [number for number, _cells in rows], labels, columns, names, spans,
                     conflict, unread)


def _named_columns(sheet: Sheet, rows: list[HeaderRow]) -> list[_Named | None]:
    """What names each column: its header cell, or in a header of several rows the cells read together."""
    width = max(len(cells) for _number, cells in rows)
    named = [_named_column(sheet, rows, index) for index in range(width)]
    if any(column and (column.role == "主体" or (not column.role and column.field in _TERRITORIAL))
           for column in named):
        # 主体责任单位 / 配合责任单位 are the party columns of a township's 属地管理 list.
        roles = {"lead": "main_party", "assist": "assist_party"}
        named = [_Named(roles[column.field], column.label, column.cell, column.group, column.role)
                 if column and column.role else column for column in named]
    return named


def _named_column(sheet: Sheet, rows: list[HeaderRow], index: int) -> _Named | None:
    """A column's name from its lowest own header cell (one not merged down from above), read with the groups
    above it, nearest first: `牵头` under `责任部门` is a lead; `市级` under `行使层级` a tick-mark level column."""
    *above, (number, cells) = rows
    leaf = _at(cells, index)
    if above and (not leaf or _copied_down(sheet, above[-1], (number, cells), index)):
        return _named_column(sheet, above, index)
    cell = sheet.cell_range(number, index)
    groups = _groups(sheet, above, index)
    if not groups:
        found = field_of(leaf)
        return _Named(found, leaf, cell, cell) if found else None
    label = "/".join([*(text for text, _cell in reversed(groups)), leaf])
    nearest = groups[0][1]
    for text, _group_cell in groups:
        found, role, tick = _field_under(text, leaf)
        if found:
            return _Named(found, label, cell, nearest, role, tick)
    for text, group_cell in groups:
        if field_of(text):
            # A part of the group that names no field of its own (监管对象 over 对象类型 / 对象名称).
            return _Named(field_of(text) or "", text, group_cell, group_cell)
    return None


def _groups(sheet: Sheet, above: list[HeaderRow], index: int) -> list[tuple[str, CellRange]]:
    """The group labels over a column, nearest first, each once (a cell merged down over two rows of groups is
    one group), skipping rows that leave the column empty."""
    groups: list[tuple[str, CellRange]] = []
    for number, cells in reversed(above):
        text, cell = _group(sheet, number, cells, index)
        if text and all(cell != seen for _text, seen in groups):
            groups.append((text, cell))
    return groups


def _fields(named: list[_Named | None]) -> tuple[dict[str, int], dict[str, str], dict[str, Span], Conflict | None]:
    """Field → its first column, its label, the fields several columns make (under one header cell or group, or
    header cells of their own each naming it), and the first field named under two different groups."""
    columns: dict[str, int] = {}
    names: dict[str, str] = {}
    members: dict[str, list[tuple[int, _Named]]] = {}
    conflict: Conflict | None = None
    for index, column in enumerate(named):
        if column is None:
            continue
        if column.field not in columns:
            columns[column.field], names[column.field] = index, column.label
            members[column.field] = [(index, column)]
            continue
        first_index, first = members[column.field][0]
        if first.group == column.group or (_ungrouped(first) and _ungrouped(column)):
            members[column.field].append((index, column))
        elif conflict is None:
            conflict = Conflict(column.field, column.cell[0],
                                (_where(first_index, first), _where(index, column)))
    spans = {}
    for name, parts in members.items():
        indexes = [index for index, _column in parts]
        ticks = tuple(column.tick for _index, column in parts)
        if len(parts) == 1 and not any(ticks):
            continue
        one_cell = len({column.cell for _index, column in parts}) == 1
        repeated = not one_cell and all(_ungrouped(column) for _index, column in parts)
        first_cell, last_cell = parts[0][1].cell, parts[-1][1].cell
        cells = " and ".join(range_name(column.cell[0], index, column.cell[2], index) for index, column in parts) \
            if repeated else range_name(first_cell[0], indexes[0], last_cell[2], indexes[-1])
        spans[name] = Span(indexes, cells, names[name], merged=one_cell, repeated=repeated,
                           ticks=ticks if all(ticks) else ())
    return columns, names, spans, conflict


def _ungrouped(column: _Named) -> bool:
    """Named by a header cell of its own, with no group label over it."""
    return column.group == column.cell


def _where(index: int, column: _Named) -> str:
    return f"{range_name(column.cell[0], index, column.cell[0], index)} ({column.label})"


def _at(cells: list[str], index: int) -> str:
    return cells[index] if index < len(cells) else ""


def _written(sheet: Sheet, rows: list[HeaderRow], index: int) -> str:
    """A header column as written: its cells from the top, each once (`责任部门/牵头`)."""
    texts: list[str] = []
    for position, (number, cells) in enumerate(rows):
        text = _at(cells, index)
        if text and not (position and _copied_down(sheet, rows[position - 1], (number, cells), index)):
            texts.append(text)
    return "/".join(dict.fromkeys(texts))


def _copied_down(sheet: Sheet, upper: HeaderRow, lower: HeaderRow, index: int) -> bool:
    """The lower cell only repeats the upper one (a header cell merged over both rows)."""
    return (lower[0], index) in sheet.merged_down or _at(lower[1], index) == _at(upper[1], index)


def _group(sheet: Sheet, upper_number: int, upper: list[str], index: int) -> tuple[str, CellRange]:
    """The upper cell over a column of a header of several rows, and its range. A CSV writes a merged group label
    once, over its first column: an empty upper cell belongs to the label on its left."""
    start = index
    while start > 0 and not _at(upper, start) and (upper_number, start) not in sheet.merged_down:
        start -= 1
    return _at(upper, start), sheet.cell_range(upper_number, start)


# A column of a level under a 行使层级 group, ticked on the rows of the items that level exercises.
_LEVEL_WORD = re.compile(r"^(省|市|县|区|县\(区\)|县\(市、区\)|县\(市\)|县区|区县|乡镇|乡镇\(街道\)|街道)级?$")


def _field_under(group: str, bottom: str) -> tuple[str | None, str, str]:
    """The field a lower header cell names, read with the group label above it; the bare role word (牵头, 配合)
    that named it, if one did; and the level a tick-mark column under a level group stands for."""
    folded = fold_header(bottom)
    # Before the field the word names alone: 乡镇(街道) under 行使层级 is a level ticked, not a township column.
    if group and field_of(group) == "level" and (level := _LEVEL_WORD.match(folded)):
        return "level", "", level.group(1)
    found = field_of(bottom)
    if found:
        return found, "", ""
    word = re.sub(r"(?:部门|单位)$", "", folded)
    if group and (field_of(group) in _PARTY_GROUPS or fold_header(group).endswith(("部门", "单位"))):
        if word in _LEAD_WORDS:
            return "lead", word, ""
        if word in _ASSIST_WORDS:
            return "assist", word, ""
    return field_of(group + bottom), "", ""


def _is_sub_header(sheet: Sheet, upper: HeaderRow, lower: HeaderRow) -> bool:
    """Whether the row under a header row continues the header: every filled cell repeats the cell above (merged
    down), names a field (alone or read with the group above it), or lies under a header cell merged across
    columns (a part of that group); and at least one does not need the last reason, which a data row under a
    merged header would meet too."""
    upper_number, upper_cells = upper
    named = False
    for index, bottom in enumerate(lower[1]):
        if not bottom:
            continue
        if _copied_down(sheet, upper, lower, index) or \
                _field_under(_group(sheet, upper_number, upper_cells, index)[0], bottom)[0]:
            named = True
            continue
        _first_row, first_column, last_row, last_column = sheet.cell_range(upper_number, index)
        if not (first_column < last_column and last_row == upper_number):
            return False
    return named


def describe_missing_header(candidate: Candidate | None) -> str:
    """What the likeliest header row held, for the error that no sheet has a list header."""
    if candidate is None:
        return "no rows"
    rows = "–".join(map(str, candidate.header_rows))
    where = f"sheet {candidate.sheet}, row {rows} holds" if len(candidate.header_rows) == 1 else \
        f"sheet {candidate.sheet}, rows {rows} hold"
    held = ", ".join(candidate.labels)[:120]
    if not candidate.names:
        return f"the likeliest header, {where} {held}: none of these names a known column"
    known = ", ".join(candidate.names.values())
    if len(candidate.names) == 1:
        return f"the likeliest header, {where} {held}: of these, only {known} names a known column"
    return f"the likeliest header, {where} {held}: of these, {known} name known columns, but none tells which list"


# The complaint column's titles in hotline exports (诉求分派, queries.complaint_files), in order of preference: a
# file with one is no list, and the error that finds no list header says where it goes instead.
COMPLAINT_TITLES = ("text", "诉求内容", "诉求", "工单内容", "来电内容", "反映内容", "投诉内容", "诉求描述", "问题描述",
                    "事项描述", "情况描述", "具体诉求", "内容")
# Of those, the ones no list would title a column with.
_COMPLAINT_ONLY = frozenset(COMPLAINT_TITLES) - {"text", "内容"}


def holds_complaints(candidate: Candidate | None) -> bool:
    """Whether the likeliest header names a hotline's complaint column (诉求内容, 工单内容 …)."""
    return candidate is not None and any(fold_header(label) in _COMPLAINT_ONLY for label in candidate.labels)


# The columns by which `kind_of` tells the lists apart, for the error that names none of them.
KIND_COLUMNS = ("with a column that tells which: 权力类型 (权责清单); 牵头部门 or 配合部门, or 相关部门 with 职责分工 "
                "(职责边界清单); 监管事项名称, 监管对象 or 认领部门 (监管事项目录); 划分方式, 市级职责 or 县级职责 "
                "(事权划分清单); 主体责任单位 (属地管理事项清单); 乡镇(街道)配合职责 or 收回部门 (乡镇（街道）履行职责事项清单)")


def kind_of(fields: set[str]) -> str | None:
    if fields & {"target", "claimant", "claim_status", "supervision_name"}:
        return "supervision"
    if fields & {"main_party", "main_text"}:
        return "territorial"
    if "township_level_text" in fields and fields & {"county_text", "share", "holder_level"}:
        return "county_township"
    if fields & {"township_text", "dept_text", "reclaimer", "township_level_text"}:
        return "township"
    if fields & {"lead", "assist"} or {"related", "division_text"} <= fields:
        return "boundary"
    if fields & {"share", "city_text", "county_text"}:
        return "split"
    if "power_type" in fields:
        return "power"
    return None
