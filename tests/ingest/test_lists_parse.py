"""Duty lists parsed from the bundled spreadsheets, as examples/README.md §8 describes them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.lists import divides_work, parse_list
from ingest.model import (
    BoundaryRecord,
    ListDocument,
    PowerItemRecord,
    SplitRecord,
    SupervisionRecord,
    TerritorialRecord,
)
from ingest.readers import decode_text
from ingest.sheets import read_workbook
from tests.conftest import one_sheet_workbook

LISTS = Path(__file__).resolve().parents[2] / "examples" / "lists"


def parse(name: str):  # type: ignore[no-untyped-def]
    return parse_list(read_workbook(LISTS / name))


@pytest.mark.parametrize(("name", "kind", "records"), [
    ("quanze_shi_shichangjianguan.xlsx", "power", 21), ("quanze_qingshan.csv", "power", 26),
    ("quanze_shi_multi.xlsx", "power", 32), ("bianjie_shi.xlsx", "boundary", 14), ("bianjie_qingshan.csv", "boundary", 13),
    ("jianguan_shi.csv", "supervision", 21), ("jianguan_hexi.xlsx", "supervision", 20), ("shixian_shiquan.xlsx", "split", 33),
    ("shixian_shiquan.csv", "split", 15), ("shudi_qingshan.xlsx", "territorial", 12), ("shudi_hexi.csv", "territorial", 12),
])
def test_kind_and_number_of_items(name: str, kind: str, records: int) -> None:
    document = parse(name)
    assert (document.kind, len(document.records)) == (kind, records)


def test_power_list_with_title_two_row_header_and_merged_blocks() -> None:
    document = parse("quanze_shi_shichangjianguan.xlsx")
    assert document.title == "示例市市场监督管理局权责清单"
    first = document.records[0]
    assert isinstance(first, PowerItemRecord)
    assert (first.main_item, first.type, first.departments, first.where.row) == (
        document.records[3].main_item, "行政许可", ["示例市市场监督管理局"], 4)
    last = document.records[-1]
    assert isinstance(last, PowerItemRecord)
    assert (last.type, last.sub_item, last.departments, last.offices) == (
        "其他行政权力-备案", "企业董事、监事、经理变更备案", ["示例市市场监督管理局"], ["登记注册科（行政审批科）"])
    # The notes row under the list is not an item.
    assert all(not record.name.startswith("注") for record in document.records)


def test_power_list_department_written_once_per_block() -> None:
    document = parse("quanze_qingshan.csv")
    departments = [record.departments[0] for record in document.records if isinstance(record, PowerItemRecord)]
    assert departments[:7] == ["青山县市场监督管理局"] * 6 + ["县住建局"]
    assert departments[-1] == "县水利局"
    water = document.records[-1]
    assert isinstance(water, PowerItemRecord) and water.name == "取水许可"  # spaces around the name are gone


def test_workbook_of_several_sheets() -> None:
    document = parse("quanze_shi_multi.xlsx")
    assert document.warnings == ["sheet 说明: no list header; skipped; 工作表“说明”没有清单表头，已跳过"]
    assert document.default_departments == {"市城管局": "示例市城市管理和综合执法局", "市交通运输局": "市交通运输局",
                                            "市住建局": "示例市住房和城乡建设局", "市生态环境局": "市生态环境局"}
    wrapped = [r.name for r in document.records if isinstance(r, PowerItemRecord) and r.main_item.startswith("商品房预售")]
    assert wrapped == ["商品房预售许可"]


def test_boundary_lists() -> None:
    city = parse("bianjie_shi.xlsx")
    rows = {record.where.row: record for record in city.records if isinstance(record, BoundaryRecord)}
    assert (rows[3].matter, rows[3].leads, rows[3].assists) == ("建筑垃圾处置监督管理", ["市城管局"], ["市住建局"])
    assert rows[3].text.count("\n") == 1  # the two departments' parts, from the two merged rows
    assert (rows[5].leads, rows[5].assists) == (["市生态环境局", "市农业农村局"], ["市水务局", "市自然资源和规划局"])
    assert rows[6].assists == ["市交通运输局", "市公安局"]  # a line break between two names
    assert (rows[12].leads, rows[12].assists) == (["有关部门"], [])
    assert rows[15].assists == ["市住建局", "交通运输局", "水务局"]
    assert rows[17].leads == ["市数据资源局"]
    county = parse("bianjie_qingshan.csv")  # GB18030
    by_row = {record.where.row: record for record in county.records if isinstance(record, BoundaryRecord)}
    assert (by_row[7].matter, by_row[7].leads, by_row[7].assists) == (
        "电动自行车集中充电设施安全管理", [], ["县应急管理局", "县住建局", "县市场监管局"])
    assert by_row[5].matter == "河道采砂监管"


def test_supervision_catalogues_and_unclaimed_items() -> None:
    city = parse("jianguan_shi.csv")
    unclaimed = [(r.where.row, r.code, r.main_item, r.sub_item) for r in city.records
                 if isinstance(r, SupervisionRecord) and not r.claimed]
    assert unclaimed == [(14, "JG370000701", "对互联网租赁自行车运营企业的监督检查", "对车辆投放和停放秩序的检查")]
    district = parse("jianguan_hexi.xlsx")
    unclaimed = [(r.where.row, r.code, r.main_item) for r in district.records
                 if isinstance(r, SupervisionRecord) and not r.claimed]
    assert unclaimed == [(22, "JG370201500", "对城镇排水与污水处理设施的监督检查")]
    assert all(len(r.claimants) == 1 for r in [*city.records, *district.records]
               if isinstance(r, SupervisionRecord) and r.claimed)


def test_city_county_split() -> None:
    document = parse("shixian_shiquan.xlsx")
    shares = [r.share for r in document.records if isinstance(r, SplitRecord)]
    assert (shares.count("shared"), shares.count("exclusive_city"), shares.count("exclusive_county"),
            shares.count("delegated")) == (14, 7, 10, 2)
    freight = next(r for r in document.records if isinstance(r, SplitRecord) and r.matter == "道路普通货物运输经营许可")
    assert (freight.share, freight.domain, freight.counties) == ("exclusive_county", "交通运输", [])
    signboards = next(r for r in document.records if isinstance(r, SplitRecord) and r.matter == "门店招牌设置备案")
    assert signboards.counties == ["河西区"]


def test_a_note_that_divides_a_shared_matter_is_its_division_text() -> None:
    # shixian_shiquan.csv has no 市级职责/县级职责 columns: three rows state the division in 备注, and only a note on the
    # levels' division counts (row 4's 下放 and row 13's 除外 are about something else).
    document = parse("shixian_shiquan.csv")
    texts = [(r.where.row, r.share, r.city_text, r.county_text) for r in document.records
             if isinstance(r, SplitRecord) and (r.city_text or r.share == "shared")]
    assert texts == [
        (2, "shared", "", ""), (3, "shared", "", ""),
        (5, "shared", "市管公路由市级实施，县管公路由县级实施", "市管公路由市级实施，县管公路由县级实施"),
        (7, "shared", "二级资质由市级核定，三级及以下由县级核定", "二级资质由市级核定，三级及以下由县级核定"),
        (9, "shared", "", ""),
        (12, "shared", "按取水量分级审批", "按取水量分级审批"),
    ]


@pytest.mark.parametrize(("note", "divides"), [
    ("市管公路由市级实施，县管公路由县级实施", True), ("按取水量分级审批", True),
    ("重大项目由市本级审批，其余由县（区）审批", True), ("分别由市、县两级负责", True),
    ("根据市交通运输局职能转变要求下放", False), ("兽用生物制品经营许可除外", False), ("县级实施", False), ("", False),
])
def test_which_notes_divide_the_work(note: str, divides: bool) -> None:
    assert divides_work(note) is divides


def test_territorial_lists_name_townships_and_departments() -> None:
    document = parse("shudi_qingshan.xlsx")
    rows = {r.where.row: r for r in document.records if isinstance(r, TerritorialRecord)}
    assert rows[3].leads[0] in {"青山县城关镇", "青山县石桥镇"}
    assert rows[10].leads == ["青山县应急管理局"]
    assert rows[10].assists == ["青山县石桥镇", "县市场监管局"]


def test_a_missing_required_column_is_named(tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path, [["序号", "事项名称", "实施主体", "实施依据", "监管对象"], [1, "x", "市公安局", "", "企业"]])
    document = parse_list(read_workbook(path))  # a supervision list: 事项名称 serves as the item
    assert len(document.records) == 1
    power = one_sheet_workbook(tmp_path, [["序号", "权力类型", "实施主体"], [1, "行政许可", "市公安局"]])
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(power))
    assert raised.value.message == (f"{power}:1: expected a 事项名称 or 主项名称 column in the 权责清单 "
                                    "(sheet 清单; the header has none)")


NO_HEADER = ("expected a header row naming the columns of a list, with a column that tells which: 权力类型 (权责清单); "
             "牵头部门 or 配合部门, or 相关部门 with 职责分工 (职责边界清单); 监管事项名称, 监管对象 or 认领部门 (监管事项目录); "
             "划分方式, 市级职责 or 县级职责 (事权划分清单); 主体责任单位 (属地管理事项清单); "
             "乡镇(街道)配合职责 or 收回部门 (乡镇（街道）履行职责事项清单)")


def test_an_unknown_kind_is_named(tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path, [["会议名称", "时间", "地点"], ["全市安全生产工作会议", "周一", "三楼"]])
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message == (f"{path}:1: {NO_HEADER} (the likeliest header, sheet 清单, row 1 holds 会议名称, "
                                    "时间, 地点: none of these names a known column)")


def test_a_hotline_s_complaints_are_sent_to_dispatch(tmp_path: Path) -> None:
    """A 12345 export put among the documents (user test) is no list: the error says where it goes."""
    path = one_sheet_workbook(tmp_path, [["工单编号", "诉求内容", "所属区县"], ["GD001", "小区门口占道经营", "河西区"]])
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message == (f"{path}:1: {NO_HEADER} (the likeliest header, sheet 清单, row 1 holds 工单编号, "
                                    "诉求内容, 所属区县: none of these names a known column; this is a hotline's "
                                    "complaints: route them with `dutygraph dispatch FILE`, not ingest)")
    assert raised.value.zh.endswith("。这是一份热线诉求（工单）表，不是清单：请在网页“批量分派诉求”中分派（命令行：dutygraph "
                                    "dispatch），不要载入")


def test_a_row_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path, [["示例市公安局权责清单"], ["序号", "事项名称", "权力类型", "实施主体"],
                                [1, "枪支持有许可", "行政许可", "市公安局"], [2, "户口迁移", "户籍类", "市公安局"]])
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message == (f"{path}:4: expected a 权力类型 such as 行政许可, 行政处罚 or 其他行政权力, "
                                    "found '户籍类' (sheet 清单; column C 权力类型)")


def test_an_empty_name_under_another_code_is_not_the_name_above(tmp_path: Path) -> None:
    """An empty 项目名称 repeats the one above only in a row of the same item (the same code, or none)."""
    header = ["序号", "实施部门", "项目编码", "项目名称", "权力类型"]
    path = one_sheet_workbook(tmp_path, [header, [1, "青山县应急管理局", "BR-1", "新事项一", "行政许可"],
                                         [2, "青山县应急管理局", "BR-1", "", "行政许可"],
                                         [3, "青山县应急管理局", "", "", "行政许可"],
                                         [4, "青山县应急管理局", "BR-2", "", "行政许可"]])
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message == (f"{path}:5: expected a 项目名称 (the cell is empty) "
                                    "(sheet 清单; column D 项目名称)")


@pytest.mark.parametrize(("name", "column", "expected"), [
    ("bianjie_qingshan.csv", "主责部门", "a 牵头部门 (主责部门) column, or a 相关部门 column with the 职责边界 in the 职责边界清单"),
    ("jianguan_shi.csv", "认领部门", "a 认领部门 column in the 监管事项目录"),
    ("quanze_qingshan.csv", "实施部门", "a 实施部门 column, or a title or sheet name naming the department"),
])
def test_a_list_without_the_column_its_findings_rest_on_is_refused(tmp_path: Path, name: str, column: str,
                                                                    expected: str) -> None:
    # Loaded without it, every row would read as "nobody leads", "nobody claimed", or items with no holder.
    text, _encoding = decode_text(LISTS / name, (LISTS / name).read_bytes())  # GB18030 or UTF-8, as ingest reads it
    rows = list(csv.reader(io.StringIO(text)))
    header = next(number for number, row in enumerate(rows) if column in row)
    dropped = rows[header].index(column)
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(row if number < header else row[:dropped] + row[dropped + 1:]
                                  for number, row in enumerate(rows))
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message.startswith(f"{path}:{header + 1}: expected {expected}")


# -- merged and two-row headers --------------------------------------------------------------------------


def _boundaries(document: ListDocument) -> list[tuple[int, str, list[str], list[str]]]:
    return [(r.where.row, r.matter, r.leads, r.assists) for r in document.records if isinstance(r, BoundaryRecord)]


def test_a_header_cell_merged_over_two_columns_reads_both(tmp_path: Path) -> None:
    # 牵头部门 over C1:D1: a second lead in D was dropped without a word.
    path = one_sheet_workbook(tmp_path, [
        ["序号", "边界事项", "牵头部门", None, "配合部门"],
        [1, "湖泊蓝藻打捞", "市水务局", "市生态环境局", "市农业农村局"],
        [2, "夜市油烟扰民", "市城管局", None, "市生态环境局"],
        [3, "景区游船安全", "市文旅局", None, "市交通运输局"],  # the data cell merged as its header is: one lead
        [4, "防汛物资储备", "市应急管理局、市水务局", "市水务局", None],  # a name written in both is one party
    ], ["C1:D1", "C4:D4"])
    document = parse_list(read_workbook(path))
    assert _boundaries(document) == [
        (2, "湖泊蓝藻打捞", ["市水务局", "市生态环境局"], ["市农业农村局"]),
        (3, "夜市油烟扰民", ["市城管局"], ["市生态环境局"]),
        (4, "景区游船安全", ["市文旅局"], ["市交通运输局"]),
        (5, "防汛物资储备", ["市应急管理局", "市水务局"], []),
    ]
    assert document.warnings == ["sheet 清单: the header cell 牵头部门 spans C1:D1; the names in columns C and D are "
                                 "all read as 牵头部门, in column order; "
                                 "工作表“清单”的表头“牵头部门”跨 C1:D1：C、D 列的名称都按“牵头部门”读取，按列的顺序"]


def test_a_text_header_merged_over_columns_joins_them(tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path, [
        ["序号", "监管事项名称", "监管对象", None, "认领部门"],
        [1, "对游泳场所的监督检查", "经营单位", "室内游泳馆", "市体育局"],
    ], ["C1:D1"])
    document = parse_list(read_workbook(path))
    item = document.records[0]
    assert isinstance(item, SupervisionRecord)
    assert (item.name, item.target, item.claimants) == ("对游泳场所的监督检查", "经营单位；室内游泳馆", ["市体育局"])
    assert document.warnings == ["sheet 清单: the header cell 监管对象 spans C1:D1; the texts in columns C and D are "
                                 "read as one 监管对象, joined in column order; "
                                 "工作表“清单”的表头“监管对象”跨 C1:D1：C、D 列的文字按列的顺序合为一个“监管对象”"]


def test_a_single_valued_header_over_two_filled_columns_is_refused(tmp_path: Path) -> None:
    # Which of 游泳场所开放许可 and 变更 is the 事项名称? No reading can tell, so nothing of the file is read.
    rows: list[list[object]] = [["序号", "事项名称", None, "牵头部门"], [1, "高危险性体育项目经营许可", None, "市体育局"],
                                [2, "游泳场所开放许可", "变更", "市体育局"]]
    path = one_sheet_workbook(tmp_path, rows, ["B1:C1"])
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message == (f"{path}:3: expected one 事项名称 a row under the header cell B1:C1 (sheet 清单; columns B "
                                    "事项名称 and C 事项名称; found '游泳场所开放许可' in B and '变更' in C: give each column a header of its own)")
    alone = one_sheet_workbook(tmp_path, [*rows[:2], [2, None, "延续", "市体育局"]], ["B1:C1"], "alone.xlsx")
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(alone))
    assert raised.value.message == (f"{alone}:3: expected one 事项名称 a row under the header cell B1:C1 (sheet 清单; "
                                    "columns B 事项名称 and C 事项名称; found nothing in B and '延续' in C: give each column a header of its own)")
    # Empty beside it, or the same value (a data cell merged as its header is), it is one 事项名称.
    merged = one_sheet_workbook(tmp_path, [*rows[:2], [2, "游泳场所开放许可", None, "市体育局"]], ["B1:C1", "B3:C3"], "merged.xlsx")
    document = parse_list(read_workbook(merged))
    assert _boundaries(document) == [(2, "高危险性体育项目经营许可", ["市体育局"], []),
                                     (3, "游泳场所开放许可", ["市体育局"], [])]
    assert document.warnings == ["sheet 清单: the header cell 事项名称 spans B1:C1; columns B and C are read as one "
                                 "事项名称: B holds it, the others may be empty or repeat it; "
                                 "工作表“清单”的表头“事项名称”跨 B1:C1：B、C 列合为一个“事项名称”：以 B 列为准，其余列可为空或与之相同"]


def test_a_two_row_header_names_the_roles_under_a_party_group(tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path, [
        ["南岭市部门职责边界清单（第三批）"],
        ["序号", "边界事项", "责任单位", None, None, "职责边界", "备注"],
        [None, None, "牵头", "配合", "协同", None, None],
        [1, "住宅小区电梯安全", "市市场监管局", "市住建局", "市消防救援支队", "市市场监管局负责电梯安全监察。", None],
        [2, "城区积水点排涝", "市水务局", "市城管局", None, "市水务局负责排涝调度。", "汛期"],
    ], ["A1:G1", "A2:A3", "B2:B3", "C2:E2", "F2:F3", "G2:G3"])
    document = parse_list(read_workbook(path))
    assert (document.kind, document.title, document.warnings) == ("boundary", "南岭市部门职责边界清单（第三批）", [])
    assert _boundaries(document) == [
        (4, "住宅小区电梯安全", ["市市场监管局"], ["市住建局", "市消防救援支队"]),
        (5, "城区积水点排涝", ["市水务局"], ["市城管局"]),
    ]


def test_a_two_row_header_of_a_township_list_and_of_a_csv(tmp_path: Path) -> None:
    township = one_sheet_workbook(tmp_path, [
        ["序号", "属地管理事项", "责任单位", None],
        [None, None, "主体", "配合"],
        [1, "农村自建房安全巡查", "松溪镇", "县住建局"],
    ], ["A1:A2", "B1:B2", "C1:D1"])
    record = parse_list(read_workbook(township)).records[0]
    assert isinstance(record, TerritorialRecord)
    assert (record.matter, record.leads, record.assists) == ("农村自建房安全巡查", ["松溪镇"], ["县住建局"])
    # A CSV writes a merged group label once, over its first column.
    csv_path = tmp_path / "bianjie.csv"
    csv_path.write_text("序号,边界事项,责任部门,,职责边界\n,,牵头,协办,\n1,古树名木保护,县林业局,县住建局,县林业局负责养护\n",
                        encoding="utf-8")
    assert _boundaries(parse_list(read_workbook(csv_path))) == [(3, "古树名木保护", ["县林业局"], ["县住建局"])]


def test_a_two_row_header_naming_no_kind_says_what_it_held(tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path, [
        ["南岭市部门职责边界清单"],
        ["序号", "边界事项", "责任部门", None, "职责边界"],
        [None, None, "甲方", "乙方", None],
        [1, "住宅小区电梯安全", "市市场监管局", "市住建局", "市市场监管局负责电梯安全监察。"],
    ], ["A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3"])
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message == (
        f"{path}:2: {NO_HEADER} (the likeliest header, sheet 清单, rows 2–3 hold 序号, 边界事项, 责任部门/甲方, "
        "责任部门/乙方, 职责边界: of these, 序号, 边界事项, 责任部门, 职责边界 name known columns, but none tells which list)")


def test_a_claim_status_that_contradicts_its_department_column_is_warned(tmp_path: Path) -> None:
    # Read as the 认领部门 column says where it is empty (unclaimed), and as the status says where it is 未认领; either
    # way the 目录 contradicts itself, which the 编办 must hear of: the warning names the sheet, the row and the item.
    path = one_sheet_workbook(tmp_path, [
        ["序号", "监管事项名称", "监管对象", "认领部门", "认领状态"],
        [1, "对户外招牌设置的监督检查", "设置单位", "", "已认领"],
        [2, "对渣土运输车辆的监督检查", "运输企业", "市城管局", "未认领"],
        [3, "对农贸市场的监督检查", "市场开办者", "市市场监管局", "已认领"],
        [4, "对散装燃料销售的监督检查", "经营者", "", "未认领"],
    ])
    document = parse_list(read_workbook(path))
    assert [(r.name, r.claimants) for r in document.records if isinstance(r, SupervisionRecord)] == [
        ("对户外招牌设置的监督检查", []), ("对渣土运输车辆的监督检查", []),
        ("对农贸市场的监督检查", ["市市场监管局"]), ("对散装燃料销售的监督检查", [])]
    assert document.warnings == [
        "sheet 清单, row 2 (对户外招牌设置的监督检查): 认领状态 已认领 but 认领部门 is empty; read as unclaimed; "
        "工作表“清单”第 2 行（对户外招牌设置的监督检查）认领状态为“已认领”但认领部门为空，按未认领载入",
        "sheet 清单, row 3 (对渣土运输车辆的监督检查): 认领状态 未认领 but 认领部门 names 市城管局; read as unclaimed; "
        "工作表“清单”第 3 行（对渣土运输车辆的监督检查）认领状态为“未认领”但认领部门写有市城管局，按未认领载入",
    ]


def test_every_bad_row_of_a_list_is_named_at_once(tmp_path: Path) -> None:
    """User test 5: a list with two bad rows named only the first; fixing a 300-row file wants them all."""
    path = one_sheet_workbook(tmp_path, [["序号", "事项名称", "领域", "划分方式", "适用区县"],
                                         [1, "户外广告设置审批", "城市管理", "市县分担", "全部"],
                                         [2, "门店招牌设置备案", "城市管理", "县级专有", "全部"],
                                         [3, None, "城市管理", "县级专有", "全部"]])
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message.splitlines() == [
        f"{path}: expected every row of the list to be readable (2 rows are not)",
        f"{path}:2: expected a 划分方式 of 市级专有, 县级专有, 市县共有 or 委托 (or a 行使层级 of 市, 县 or 市、县), "
        "found '市县分担' (sheet 清单; column D 划分方式)",
        f"{path}:4: expected a 事项名称 (the cell is empty) (sheet 清单; column B 事项名称)",
    ]


def test_a_list_s_bad_rows_are_named_up_to_fifty(tmp_path: Path) -> None:
    rows: list[list[object]] = [["序号", "事项名称", "权力类型", "实施主体"]]
    rows += [[n, f"事项{n}", "其他类", "市公安局"] for n in range(1, 56)]
    path = one_sheet_workbook(tmp_path, rows)
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    lines = raised.value.message.splitlines()
    assert (len(lines), lines[0], lines[50], lines[51]) == (
        52, f"{path}: expected every row of the list to be readable (55 rows are not)",
        f"{path}:51: expected a 权力类型 such as 行政许可, 行政处罚 or 其他行政权力, found '其他类' (sheet 清单; column C 权力类型)",
        "… and 5 more rows")


def test_boundary_list_row_names_its_partners(tmp_path: Path) -> None:
    """A 职责分工 cell's `会同B` and `与B建立…机制` name B a partner of the row's department (FORMATS.md §5); a
    generic party (有关部门) and an information flow (`通报质监部门`) name none, and an assisting row has none."""
    path = one_sheet_workbook(tmp_path, [
        ["序号", "管理事项", "相关部门", "职责分工"],
        [1, "渣土运输管理", "市城管局", "负责渣土处置核准，会同市公安局、市交通运输局查处违规运输；与市生态环境局建立扬尘联防机制；"
                                   "会同有关部门开展整治，发现问题及时通报质监部门。"],
        [2, "渣土运输管理", "市公安局", "配合市城管局查处渣土车交通违法，与市城管局建立信息共享机制。"],
    ])
    records = [record for record in parse_list(read_workbook(path)).records if isinstance(record, BoundaryRecord)]
    assert [(r.leads, r.assists, r.partners) for r in records] == [
        (["市城管局"], [], ["市公安局", "市交通运输局", "市生态环境局"]),
        ([], ["市公安局"], []),
    ]
