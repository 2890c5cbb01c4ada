"""乡镇（街道）履行职责事项清单, part two (user test: a county 编办 clerk checking every township at once): a county's
one workbook for all its townships, a sheet a township or one table with a 乡镇（街道） column; a township the county
does not have refused, naming the file, the sheet and the row; and the list as a Word file of tables under its part
headings, read as the same rows as its CSV."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from graph.store import Store
from ingest.lists import parse_list
from ingest.pipeline import ingest
from ingest.sheets import read_workbook
from ingest.word_tables import word_workbook
from queries import catalog
from tests.ingest.test_township_lists import COUNTY, FIXTURES, _records
from tests.word_files import csv_rows, word_copy

ANPING = "dept:澄州市/石岭县/安平镇/人民政府"
BAISHA = "dept:澄州市/石岭县/白沙乡/人民政府"
TITLE = "石岭县乡镇（街道）履行职责事项清单"
# The county departments' 三定 (a few duties each: the scores that tell a department holds work need them all).
SANDING = sorted(FIXTURES.glob("shiling_*.txt"))
_BASIC = [("序号", "事项类别", "事项名称", "具体工作内容")]
_ASSISTING = [("序号", "事项类别", "事项名称", "县级部门职责", "乡镇（街道）配合职责", "县级牵头部门")]
_RECLAIMED = [("序号", "事项类别", "事项名称", "收回部门")]


def test_a_word_list_reads_as_the_same_rows_as_its_csv(tmp_path: Path) -> None:
    word = word_copy(csv_rows(FIXTURES / "anping_lvzhi.csv"), tmp_path / "anping_lvzhi.docx")
    assert _records(word) == _records(FIXTURES / "anping_lvzhi.csv")
    assert parse_list(word_workbook(word)).title == "石岭县安平镇履行职责事项清单"


def test_a_word_list_loads_as_its_csv_would(store: Store, tmp_path: Path) -> None:
    word = word_copy(csv_rows(FIXTURES / "anping_lvzhi.csv"), tmp_path / "anping_lvzhi.docx")
    report = ingest([*SANDING, word], store, region=COUNTY)
    assert [outcome.error for outcome in report.failed] == []
    rows = catalog.run(store, "township_duties", {"township": ANPING})
    assert [(row["part"], row["matter"], row["finding"], row["source"].split("#")[1]) for row in rows
            if row["part"] != "basic"] == [
        ("assisting", "耕地保护", "held", "第11行"), ("assisting", "地质灾害隐患排查", "held", "第12行"),
        ("assisting", "农村危房改造", "held_by_other", "第13行"),
        ("assisting", "电动自行车进楼入户整治", "not_held", "第14行"),
        ("assisting", "特困人员供养", "no_duties", "第15行"), ("assisting", "动物防疫", "held", "第16行"),
        ("reclaimed", "违法用地查处", "held", "第19行"), ("reclaimed", "城镇污水排入排水管网许可", "held_by_other", "第20行"),
        ("reclaimed", "犬只登记管理", "not_held", "第21行")]


def _county_workbook(path: Path, sheets: dict[str, list[tuple[str, ...]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    workbook.save(path)
    return path


def _sheet_a_township(path: Path, second: str = "白沙乡") -> Path:
    """The county's workbook: a sheet a township, named after it, its parts as headings inside."""
    return _county_workbook(path, {
        "说明": [("本清单由石岭县委编办汇总，各乡镇（街道）一个工作表。",)],
        "安平镇": [(TITLE,), ("一、基本履职事项清单",), *_BASIC, ("1", "党的建设", "镇党委自身建设", "加强班子建设。"),
                 ("二、配合履职事项清单",), *_ASSISTING,
                 ("1", "自然资源", "耕地保护", "县自然资源局负责耕地保护监督。", "配合开展耕地巡查。", "县自然资源局"),
                 ("三、上级部门收回事项清单",), *_RECLAIMED, ("1", "城市管理", "犬只登记管理", "县城市管理局")],
        second: [(TITLE,), ("一、基本履职事项清单",), *_BASIC, ("1", "经济发展", "特色农业产业发展", "培育茶叶产业。"),
                 ("二、配合履职事项清单",), *_ASSISTING,
                 ("1", "农业农村", "动物防疫", "县农业农村局负责动物防疫。", "配合组织强制免疫。", "县农业农村局")],
    })


def test_a_county_workbook_of_a_sheet_a_township(tmp_path: Path) -> None:
    path = _sheet_a_township(tmp_path / "shiling_lvzhi.xlsx")
    parsed = parse_list(read_workbook(path))
    assert (parsed.title, parsed.default_departments) == (TITLE, {"安平镇": "安平镇", "白沙乡": "白沙乡"})
    assert _records(path) == [
        ("basic", "党的建设", "镇党委自身建设", [], "基本履职事项序号1@安平镇!4"),
        ("assisting", "自然资源", "耕地保护", ["县自然资源局"], "配合履职事项序号1@安平镇!7"),
        ("reclaimed", "城市管理", "犬只登记管理", ["县城市管理局"], "上级部门收回事项序号1@安平镇!10"),
        ("basic", "经济发展", "特色农业产业发展", [], "基本履职事项序号1@白沙乡!4"),
        ("assisting", "农业农村", "动物防疫", ["县农业农村局"], "配合履职事项序号1@白沙乡!7"),
    ]


def test_each_sheet_s_rows_are_its_township_s(store: Store, tmp_path: Path) -> None:
    report = ingest([*SANDING, _sheet_a_township(tmp_path / "shiling_lvzhi.xlsx")], store, region=COUNTY)
    assert [outcome.error for outcome in report.failed] == []
    rows = catalog.run(store, "township_duties", {"region": "澄州市/石岭县"})
    assert [(row["township"], row["township_region"], row["part"], row["matter"], row["department"], row["finding"])
            for row in rows] == [
        ("安平镇人民政府", "澄州市/石岭县/安平镇", "basic", "镇党委自身建设", "", ""),
        ("安平镇人民政府", "澄州市/石岭县/安平镇", "assisting", "耕地保护", "石岭县自然资源局", "held"),
        ("安平镇人民政府", "澄州市/石岭县/安平镇", "reclaimed", "犬只登记管理", "石岭县城市管理局", "not_held"),
        ("白沙乡人民政府", "澄州市/石岭县/白沙乡", "basic", "特色农业产业发展", "", ""),
        ("白沙乡人民政府", "澄州市/石岭县/白沙乡", "assisting", "动物防疫", "石岭县农业农村局", "held"),
    ]
    assert [row["matter"] for row in catalog.run(store, "township_duties", {"township": BAISHA})] == [
        "特色农业产业发展", "动物防疫"]


def _one_table(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "shiling_lvzhi.csv"
    path.write_text("\n".join([TITLE, "二、配合履职事项清单", "序号,乡镇（街道）,事项类别,事项名称,乡镇（街道）配合职责,县级牵头部门",
                               *rows]) + "\n", encoding="utf-8")
    return path


def test_a_county_table_with_a_township_column(store: Store, tmp_path: Path) -> None:
    path = _one_table(tmp_path, ["1,安平镇,自然资源,耕地保护,配合巡查,县自然资源局",
                                 "2,,自然资源,地质灾害隐患排查,落实群测群防,县自然资源局",  # 安平镇's still (merged)
                                 "3,石岭县白沙乡,农业农村,动物防疫,配合免疫,县农业农村局"])
    assert [(record[2], record[4]) for record in _records(path)] == [
        ("耕地保护", "配合履职事项序号1@第4行"), ("地质灾害隐患排查", "配合履职事项序号2@第5行"),
        ("动物防疫", "配合履职事项序号3@第6行")]
    report = ingest([*SANDING, path], store, region=COUNTY)
    assert [outcome.error for outcome in report.failed] == []
    rows = catalog.run(store, "township_duties", {"region": "澄州市/石岭县"})
    assert [(row["township"], row["matter"], row["department"], row["finding"]) for row in rows] == [
        ("安平镇人民政府", "耕地保护", "石岭县自然资源局", "held"),
        ("安平镇人民政府", "地质灾害隐患排查", "石岭县自然资源局", "held"),
        ("白沙乡人民政府", "动物防疫", "石岭县农业农村局", "held"),
    ]


def test_a_row_naming_no_township_is_named(tmp_path: Path) -> None:
    from ingest.errors import RowErrors

    path = _one_table(tmp_path, [",,自然资源,耕地保护,配合巡查,县自然资源局",
                                 "2,城东社区,自然资源,地质灾害隐患排查,落实群测群防,县自然资源局"])
    with pytest.raises(RowErrors) as raised:
        parse_list(read_workbook(path))
    assert [error.message for error in raised.value.errors] == [
        f"{path}:4: expected a 乡镇（街道） (the cell is empty) (sheet shiling_lvzhi; column B 乡镇（街道）)",
        f"{path}:5: expected a 乡镇（街道） such as 安平镇 or 东湖街道 ('城东社区' names no 镇, 乡 or 街道) "
        "(sheet shiling_lvzhi; column B 乡镇（街道）)"]


def test_a_township_the_county_does_not_have_is_refused(store: Store, tmp_path: Path) -> None:
    # One of another county, named in a row; the file loads nothing (no half of a county's list).
    path = _one_table(tmp_path, ["1,安平镇,自然资源,耕地保护,配合巡查,县自然资源局",
                                 "2,青山县城关镇,自然资源,地质灾害隐患排查,落实群测群防,县自然资源局"])
    report = ingest([path], store, region=COUNTY)
    [failed] = report.failed
    assert failed.error == (f"{path}:5: expected a 乡镇（街道） of 澄州市/石岭县 "
                            "(青山县城关镇 lies in 澄州市/青山县)")
    assert failed.failure is not None and failed.failure.message_zh("石岭县清单.csv") == (
        "石岭县清单.csv第 5 行：乡镇（街道）应为澄州市/石岭县所辖，“青山县城关镇”属于澄州市/青山县")
    assert store.read("MATCH (m:Matter) RETURN count(m) AS n") == [{"n": 0}]


def test_a_sheet_misnaming_a_township_the_graph_knows_is_refused(store: Store, tmp_path: Path) -> None:
    # 安平镇 and 白沙乡 are known from the first workbook; the second misnames 白沙乡 as 白沙镇 on its sheet.
    assert ingest([_sheet_a_township(tmp_path / "first.xlsx")], store, region=COUNTY).failed == []
    path = _sheet_a_township(tmp_path / "second.xlsx", second="白沙镇")
    [failed] = ingest([path], store, region=COUNTY).failed
    assert failed.error == f"{path}:4: expected a 乡镇（街道） of 澄州市/石岭县 (sheet 白沙镇; 澄州市/石岭县 has 白沙乡, not 白沙镇)"
