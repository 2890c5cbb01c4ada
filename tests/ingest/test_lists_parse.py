"""Duty lists parsed from the bundled spreadsheets, as examples/README.md §8 describes them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pytest

from ingest.errors import IngestError
from ingest.lists import parse_list
from ingest.model import BoundaryRecord, PowerItemRecord, SplitRecord, SupervisionRecord, TerritorialRecord
from ingest.readers import decode_text
from ingest.sheets import read_workbook

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
    assert document.warnings == ["sheet 说明: no list header; skipped"]
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


def test_territorial_lists_name_townships_and_departments() -> None:
    document = parse("shudi_qingshan.xlsx")
    rows = {r.where.row: r for r in document.records if isinstance(r, TerritorialRecord)}
    assert rows[3].leads[0] in {"青山县城关镇", "青山县石桥镇"}
    assert rows[10].leads == ["青山县应急管理局"]
    assert rows[10].assists == ["青山县石桥镇", "县市场监管局"]


def _workbook(tmp_path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "清单"
    for row in rows:
        sheet.append(row)
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    return path


def test_a_missing_required_column_is_named(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [["序号", "事项名称", "实施主体", "实施依据", "监管对象"], [1, "x", "市公安局", "", "企业"]])
    document = parse_list(read_workbook(path))  # a supervision list: 事项名称 serves as the item
    assert len(document.records) == 1
    power = _workbook(tmp_path, [["序号", "权力类型", "实施主体"], [1, "行政许可", "市公安局"]])
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(power))
    assert raised.value.message == (f"{power}:1: expected a 事项名称 or 主项名称 column in the 权责清单 "
                                    "(sheet 清单; the header has none)")


def test_an_unknown_kind_is_named(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [["会议名称", "时间", "地点"], ["全市安全生产工作会议", "周一", "三楼"]])
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert "expected a header row naming the columns of a 权责清单, 职责边界清单, 监管事项目录" in raised.value.message
    assert "first row: 会议名称 时间 地点" in raised.value.message


def test_a_row_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [["示例市公安局权责清单"], ["序号", "事项名称", "权力类型", "实施主体"],
                                [1, "枪支持有许可", "行政许可", "市公安局"], [2, "户口迁移", "户籍类", "市公安局"]])
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message == (f"{path}:4: expected a 权力类型 such as 行政许可, 行政处罚 or 其他行政权力, "
                                    "found '户籍类' (sheet 清单)")


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
