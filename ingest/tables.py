"""Header rows of government spreadsheets: which row is the header (one or two rows), what each column
holds, and which kind of list the columns make (权责清单, 职责边界清单, 监管事项目录, 事权划分, 属地管理)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.sheets import Sheet

# Column vocabulary: field → the header texts that name it (after spaces and bracket widths are folded).
FIELDS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号"),
    "department": ("实施主体", "实施部门", "部门名称", "部门", "责任部门", "主管部门", "职权部门", "行使主体", "实施机关",
                   "监管部门", "法定主体", "dept_name"),
    "office": ("承办机构", "承办科室", "内设机构", "责任科室"),
    "basis": ("实施依据", "设定依据", "法律依据", "相关依据", "依据", "法律法规依据"),
    "notes": ("备注",),
    "code": ("事项编码", "职权编码", "项目编码", "权力编码", "编码", "监管事项编码", "事项代码", "task_code"),
    "name": ("事项名称", "职权名称", "项目名称", "权力名称", "权责事项名称", "权责事项", "规范统一事项名称"),
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
    "lead": ("牵头部门", "牵头单位", "主办部门", "主责部门", "责任单位", "主办单位"),
    "assist": ("配合部门", "配合单位", "协办部门", "协办单位", "参与部门", "协同部门"),
    "related": ("相关部门",),
    "division_text": ("职责分工", "职责边界", "分工内容", "具体职责"),
    "domain": ("所属领域", "领域", "行业领域", "事项领域"),
    "share": ("划分方式", "事权类型", "事权归属", "事权划分"),
    "city_text": ("市级职责",),
    "county_text": ("县级职责", "县(区)级职责", "区县职责", "县(区)职责"),
    "counties": ("适用区县", "适用县区", "适用县(区)", "适用范围"),
    "main_party": ("主体责任单位", "主体责任部门"),
    "assist_party": ("配合责任单位", "配合责任部门"),
    "main_text": ("主体责任",),
    "assist_text": ("配合责任",),
}
_HEADER_TO_FIELD = {text: field for field, texts in FIELDS.items() for text in texts}

KIND_LABELS = {
    "power": "权责清单",
    "boundary": "职责边界清单",
    "supervision": "监管事项目录",
    "split": "市县事权划分清单",
    "territorial": "乡镇（街道）属地管理事项责任清单",
}
HEADER_SCAN_ROWS = 12


@dataclass
class Header:
    kind: str
    columns: dict[str, int]  # field → column index
    header_rows: list[int]  # the row numbers the header spans
    title: str  # a title row above the header, if any
    labels: dict[str, str]  # field → the header text as written


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
    best: tuple[int, int] | None = None  # (position in rows, recognised fields)
    for position, (_number, cells) in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        recognised = len({field_of(cell) for cell in cells if field_of(cell)})
        if recognised >= 2 and (best is None or recognised > best[1]):
            best = (position, recognised)
    if best is None:
        return None
    position = best[0]
    # A merged two-row header can score higher on its second row (the merged cells repeat there): start above.
    if position > 0 and len({field_of(c) for c in sheet.rows[position - 1][1] if field_of(c)}) >= 2:
        position -= 1
    number, cells = sheet.rows[position]
    columns, labels = _columns(cells)
    header_rows = [number]
    if position + 1 < len(sheet.rows):
        next_number, next_cells = sheet.rows[position + 1]
        if _is_sub_header(cells, next_cells):
            sub_columns, sub_labels = _columns(next_cells)
            for field, column in sub_columns.items():
                # A group label (`规范统一事项名称` over 主项/子项) gives way to the columns under it.
                for other, index in list(columns.items()):
                    if index == column:
                        del columns[other]
                columns[field] = column
                labels[field] = sub_labels[field]
            header_rows.append(next_number)
    kind = forced_kind or kind_of(set(columns))
    if kind is None:
        return None
    # Title rows: above the header, one text (often merged across the columns).
    title = " ".join(
        cells[0] for cells in (list(dict.fromkeys(c for c in row if c)) for _n, row in sheet.rows[:position])
        if len(cells) == 1
    )
    return Header(kind, columns, header_rows, title, labels)


def _columns(cells: list[str]) -> tuple[dict[str, int], dict[str, str]]:
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    for index, cell in enumerate(cells):
        field = field_of(cell)
        if field and field not in columns:
            columns[field] = index
            labels[field] = cell
    return columns, labels


def _is_sub_header(cells: list[str], next_cells: list[str]) -> bool:
    recognised = [field_of(cell) for cell in next_cells if cell]
    if not any(recognised):
        return False
    # Every filled cell of the second row is a header too, or the first row's text merged down.
    for index, cell in enumerate(next_cells):
        if cell and not field_of(cell) and not (index < len(cells) and cells[index] == cell):
            return False
    return True


def kind_of(fields: set[str]) -> str | None:
    if fields & {"target", "claimant", "claim_status", "supervision_name"}:
        return "supervision"
    if fields & {"main_party", "main_text"}:
        return "territorial"
    if fields & {"lead", "assist"} or {"related", "division_text"} <= fields:
        return "boundary"
    if fields & {"share", "city_text", "county_text"}:
        return "split"
    if "power_type" in fields:
        return "power"
    return None
