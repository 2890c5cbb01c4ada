"""A workbook of several lists, one sheet per department: each sheet's rows cite the title its own title row gives,
and that title's department holds the sheet's items."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from graph.store import Store
from ingest.lists import parse_list
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.sheets import read_workbook
from queries import catalog
from queries.sources import document_titles, with_readable_sources

CITY = Region(("示例市",))
HEADER = ["序号", "事项名称", "权力类型", "实施依据"]


def _save(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A workbook with a sheet per entry; a sheet whose first row is one cell gets it merged over the header's width,
    as a title row is written."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if len(rows[0]) == 1:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    workbook.save(path)
    return path


def _departments_workbook(tmp_path: Path) -> Path:
    # Sheets named 表一 … 表三: no sheet name and no column says whose items these are, only the title rows.
    return _save(tmp_path / "权责清单汇编.xlsx", {
        "表一": [["示例市城市管理和综合执法局权责清单"], HEADER,
                 [1, "户外广告设施设置审批", "行政许可", "《城市市容和环境卫生管理条例》第十一条"]],
        "表二": [["示例市交通运输局权责清单"], HEADER,
                 [1, "道路旅客运输经营许可", "行政许可", "《中华人民共和国道路运输条例》第十条"],
                 [2, "港口经营许可", "行政许可", "《中华人民共和国港口法》第二十二条"]],
        # No title row: the department comes from its column, and the workbook's titles name other departments.
        "表三": [[*HEADER, "实施部门"], [1, "建筑工程施工许可", "行政许可", "《中华人民共和国建筑法》第七条", "市住房和城乡建设局"]],
    })


def test_each_sheet_cites_its_own_title(tmp_path: Path) -> None:
    document = parse_list(read_workbook(_departments_workbook(tmp_path)))
    assert document.title == "示例市城市管理和综合执法局权责清单"
    # The first sheet cites the document's title; 表三 has no title of its own, and borrowing 表一's would name
    # another department's list: it cites the file.
    assert document.sheet_titles == {"表二": "示例市交通运输局权责清单", "表三": ""}
    assert document.default_departments == {"表一": "示例市城市管理和综合执法局", "表二": "示例市交通运输局"}


def test_an_untitled_sheet_of_a_workbook_with_one_title_cites_that_title(tmp_path: Path) -> None:
    # One department's list split by power type, titled on its first sheet only: that title is the workbook's.
    path = _save(tmp_path / "交通.xlsx", {
        "许可": [["示例市交通运输局权责清单"], HEADER, [1, "港口经营许可", "行政许可", ""]],
        "处罚": [HEADER, [1, "对未取得道路运输经营许可擅自从事道路运输经营的处罚", "行政处罚", ""]],
    })
    document = parse_list(read_workbook(path))
    assert (document.title, document.sheet_titles) == ("示例市交通运输局权责清单", {})
    # ... and its department holds the untitled sheet's items, which no column or sheet name assigns.
    assert document.default_departments == {"许可": "示例市交通运输局", "处罚": "示例市交通运输局"}


def test_a_title_in_book_brackets_names_its_department(tmp_path: Path) -> None:
    path = _save(tmp_path / "交通.xlsx", {"Sheet1": [["《示例市交通运输局权责清单》"], HEADER, [1, "港口经营许可", "行政许可", ""]]})
    document = parse_list(read_workbook(path))
    assert (document.title, document.default_departments) == ("示例市交通运输局权责清单", {"Sheet1": "示例市交通运输局"})


def test_sources_of_each_sheet_read_with_its_title(store: Store, tmp_path: Path) -> None:
    report = ingest([_departments_workbook(tmp_path)], store, region=CITY)
    assert [outcome.error for outcome in report.failed] == []
    rows = catalog.run(store, "city_power_items", {"city": "示例市"})
    readable = with_readable_sources(rows, document_titles(store))
    assert [(row["department"], row["item"], row["source"]) for row in readable] == [
        ("示例市交通运输局", "港口经营许可", "《示例市交通运输局权责清单》工作表“表二”序号2（第4行）"),
        ("示例市交通运输局", "道路旅客运输经营许可", "《示例市交通运输局权责清单》工作表“表二”序号1（第3行）"),
        ("示例市住房和城乡建设局", "建筑工程施工许可", "权责清单（权责清单汇编.xlsx）工作表“表三”序号1（第2行）"),
        ("示例市城市管理和综合执法局", "户外广告设施设置审批", "《示例市城市管理和综合执法局权责清单》工作表“表一”序号1（第3行）"),
    ]
