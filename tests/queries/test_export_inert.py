"""Files people open in Excel never run what an uploaded list wrote: a cell starting with `=` (=HYPERLINK(…), a
phishing link in a 编办's spreadsheet) is text in the Excel file and is defused in the CSV (user test)."""

from __future__ import annotations

import io

import openpyxl
import pytest

from queries.export import inert, to_csv, to_xlsx
from queries.report import Report, Section

LINK = '=HYPERLINK("http://evil.example/x","点此查看分工")'


def _section() -> Section:
    return Section("matters", "共同事项", ["matter", "robust_z"], [{"matter": LINK, "robust_z": -1.5},
                                                                  {"matter": "城区犬只管理", "robust_z": 0.25}])


def test_an_excel_file_holds_a_formula_like_cell_as_text() -> None:
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(Report("共同事项", [_section()])))).active
    assert [(cell.value, cell.data_type) for cell in sheet[2]] == [(LINK, "s"), (-1.5, "n")]


def test_an_excel_cell_past_the_limit_says_it_was_cut() -> None:
    # User test: a 40,000-character complaint came back 32,767 characters long, without a word.
    long = "楼上漏水" * 10_000
    section = Section("dispatch", "诉求分派", ["text_in"], [{"text_in": long}, {"text_in": "楼上漏水"}])
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(Report("诉求分派", [section])))).active
    cut = sheet["A2"].value
    assert (len(cut), cut.endswith("…（超过 Excel 单元格上限，已截断）"), sheet["A3"].value) == (32_767, True, "楼上漏水")
    assert long.startswith(cut.removesuffix("…（超过 Excel 单元格上限，已截断）"))


def test_a_csv_file_defuses_a_formula_like_cell_and_keeps_negative_numbers() -> None:
    text = to_csv(_section()).decode("utf-8-sig")
    assert text.splitlines() == ["事项,稳健z分数", "\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"点此查看分工\"\")\",-1.5",
                                 "城区犬只管理,0.25"]


@pytest.mark.parametrize(("text", "written"), [
    ("=1+1", "'=1+1"), ("+86 12345", "'+86 12345"), ("-cmd", "'-cmd"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("-1.5", "-1.5"), ("+3", "+3"), ("1e-3", "1e-3"), ("农村饮用水安全巡查", "农村饮用水安全巡查"), ("", ""),
])
def test_which_cells_are_defused(text: str, written: str) -> None:
    assert inert(text) == written
