"""Header forms of real lists: tick-mark level columns, one field in two header cells of its own, and headers of
three rows (a group over a group over the labels)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.lists import parse_list
from ingest.model import BoundaryRecord, ListDocument, PowerItemRecord, SplitRecord
from ingest.sheets import read_workbook
from tests.conftest import one_sheet_workbook


def _powers(document: ListDocument) -> list[tuple[int, str, list[str], list[str], list[str]]]:
    return [(r.where.row, r.name, r.departments, r.offices, r.levels) for r in document.records
            if isinstance(r, PowerItemRecord)]


def _boundaries(document: ListDocument) -> list[tuple[int, str, list[str], list[str]]]:
    return [(r.where.row, r.matter, r.leads, r.assists) for r in document.records if isinstance(r, BoundaryRecord)]


# -- tick-mark level columns ---------------------------------------------------------------------------------

LEVEL_HEADER: list[list[object]] = [
    ["序号", "事项名称", "权力类型", "实施主体", "行使层级", None, None],
    [None, None, None, None, "市级", "县（区）", "乡镇"],
]
LEVEL_MERGES = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:G1"]


def test_ticks_under_a_level_group_name_the_levels(tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path, [
        *LEVEL_HEADER,
        [1, "港口经营许可", "行政许可", "市交通运输局", "✓", None, None],
        [2, "道路货物运输经营许可", "行政许可", "市交通运输局", "√", "●", "否"],
        [3, "农村公路养护监督检查", "行政检查", "市交通运输局", None, "是", "✔"],
        [4, "出租汽车驾驶员从业资格注销", "行政确认", "市交通运输局", None, None, None],
    ], LEVEL_MERGES)
    document = parse_list(read_workbook(path))
    assert (document.kind, document.warnings) == ("power", [])
    assert _powers(document) == [
        (3, "港口经营许可", ["市交通运输局"], [], ["市"]),
        (4, "道路货物运输经营许可", ["市交通运输局"], [], ["市", "县(区)"]),
        (5, "农村公路养护监督检查", ["市交通运输局"], [], ["县(区)", "乡镇"]),
        (6, "出租汽车驾驶员从业资格注销", ["市交通运输局"], [], []),
    ]


def test_ticks_of_a_csv_give_a_split_its_shares(tmp_path: Path) -> None:
    # A CSV writes the group label once, over its first column.
    path = tmp_path / "shiquan.csv"
    path.write_text("序号,事项名称,行使层级,,市级职责\n,,市级,县级,\n1,港口经营许可,✓,,负责港口经营许可\n"
                    "2,道路普通货物运输经营许可,,√,\n3,特种设备使用登记,●,●,负责监督抽查\n", encoding="utf-8")
    document = parse_list(read_workbook(path))
    assert [(r.where.row, r.matter, r.share, r.city_text) for r in document.records if isinstance(r, SplitRecord)] == [
        (3, "港口经营许可", "exclusive_city", "负责港口经营许可"),
        (4, "道路普通货物运输经营许可", "exclusive_county", ""),
        (5, "特种设备使用登记", "shared", "负责监督抽查"),
    ]


def test_a_level_cell_that_is_no_tick_is_refused(tmp_path: Path) -> None:
    # `2` under 县（区）: a count, a footnote or a slip; no reading tells which levels exercise the item.
    path = one_sheet_workbook(tmp_path, [*LEVEL_HEADER, [1, "港口经营许可", "行政许可", "市交通运输局", "✓", 2, None]],
                     LEVEL_MERGES)
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message == (f"{path}:3: expected a tick mark (✓, √, ● or 是) or nothing under 行使层级/县(区) "
                                    "(sheet 清单; column F 行使层级/县(区); found '2')")


# -- one field in separate header cells -------------------------------------------------------------------------


def test_two_header_cells_of_one_field_read_as_a_merged_one(tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path, [
        ["序号", "边界事项", "牵头部门", "牵头部门", "配合部门"],
        [1, "河湖岸线违建整治", "市水务局", "市城管局", "市公安局"],
        [2, "夜市油烟扰民", "市城管局", None, "市生态环境局"],
        [3, "防汛物资储备", "市应急管理局、市水务局", "市水务局", None],  # a name written in both is one party
    ])
    document = parse_list(read_workbook(path))
    assert _boundaries(document) == [
        (2, "河湖岸线违建整治", ["市水务局", "市城管局"], ["市公安局"]),
        (3, "夜市油烟扰民", ["市城管局"], ["市生态环境局"]),
        (4, "防汛物资储备", ["市应急管理局", "市水务局"], []),
    ]
    assert document.warnings == ["sheet 清单: the header cells C1 and D1 each name 牵头部门; the names in columns C "
                                 "and D are all read as 牵头部门, in column order; "
                                 "工作表“清单”有 2 个表头单元格都是“牵头部门”：C、D 列的名称都按“牵头部门”读取，按列的顺序"]


def test_two_header_cells_of_a_single_valued_field_holding_two_values_are_refused(tmp_path: Path) -> None:
    rows: list[list[object]] = [["序号", "事项名称", "事项名称", "牵头部门"],
                                [1, "高危险性体育项目经营许可", None, "市体育局"],
                                [2, "游泳场所开放许可", "变更", "市体育局"]]
    path = one_sheet_workbook(tmp_path, rows)
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message == (f"{path}:3: expected one 事项名称 a row under the header cells B1 and C1 (sheet 清单; "
                                    "columns B 事项名称 and C 事项名称; found '游泳场所开放许可' in B and '变更' in C: give each column a header of its own)")


# -- three header rows ----------------------------------------------------------------------------------------------


def test_a_header_of_three_rows(tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path, [
        ["南岭市交通运输局权责清单"],
        ["序号", "事项名称", "权力类型", "实施信息", None, None, None],
        [None, None, None, "实施主体", None, "行使层级", None],
        [None, None, None, "部门", "承办机构", "市级", "县级"],
        [1, "港口经营许可", "行政许可", "市交通运输局", "港航管理科", "✓", None],
        [2, "道路货物运输经营许可", "行政许可", "市交通运输局", "运输管理科", "✓", "✓"],
    ], ["A1:G1", "A2:A4", "B2:B4", "C2:C4", "D2:G2", "D3:E3", "F3:G3"])
    document = parse_list(read_workbook(path))
    assert (document.kind, document.title, document.warnings) == ("power", "南岭市交通运输局权责清单", [])
    assert _powers(document) == [
        (5, "港口经营许可", ["市交通运输局"], ["港航管理科"], ["市"]),
        (6, "道路货物运输经营许可", ["市交通运输局"], ["运输管理科"], ["市", "县"]),
    ]


def test_a_header_of_three_rows_whose_outer_group_makes_the_roles_parties(tmp_path: Path) -> None:
    # 牵头 under 市级 names nothing; under 市级, under 责任单位, it is the lead.
    path = one_sheet_workbook(tmp_path, [
        ["序号", "边界事项", "责任单位", None, "备注"],
        [None, None, "市级", None, None],
        [None, None, "牵头", "配合", None],
        [1, "住宅小区电梯安全", "市市场监管局", "市住建局、市消防救援支队", None],
    ], ["A1:A3", "B1:B3", "C1:D1", "C2:D2", "E1:E3"])
    document = parse_list(read_workbook(path))
    assert (document.kind, document.warnings) == ("boundary", [])
    assert _boundaries(document) == [(4, "住宅小区电梯安全", ["市市场监管局"], ["市住建局", "市消防救援支队"])]


def test_one_field_under_two_groups_is_refused(tmp_path: Path) -> None:
    # 牵头 under 市级 and again under 县级: read as one 牵头部门, a city's and a county's leads would be one list.
    path = one_sheet_workbook(tmp_path, [
        ["序号", "边界事项", "责任单位", None, None, None],
        [None, None, "市级", None, "县级", None],
        [None, None, "牵头", "配合", "牵头", "配合"],
        [1, "住宅小区电梯安全", "市市场监管局", "市住建局", "县市场监管局", "县住建局"],
    ], ["A1:A3", "B1:B3", "C1:F1", "C2:D2", "E2:F2"])
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message == (
        f"{path}:3: expected each field of the header named once, or under one group (sheet 清单; C3 (责任单位/市级/牵头) "
        "and E3 (责任单位/县级/牵头) both name 牵头部门 under different groups, which one field cannot tell apart: "
        "give each group a sheet of its own)")
