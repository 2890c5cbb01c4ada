"""The report's Word and Excel files read in a meeting (user test by a 编办 deputy director): A4 pages numbered
第 X 页 in Chinese fonts, a contents list, columns as wide as their text, titles repeated on every page, notes
and filters in Excel, and 否 where a flag is false."""

from __future__ import annotations

import io

import docx
import openpyxl
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from queries.export import report_cell, sheet_name, to_docx, to_xlsx
from queries.report import Report, Section

DUTY = "负责全市水资源的统一管理和保护，组织实施取水许可、水资源论证和防洪论证制度，指导饮用水水源保护工作。" * 2
WIDE = ["department", "office", "matter", "host", "leads", "assists", "lead", "holder"]


def _report() -> Report:
    duties = Section("duties", "部门职责", ["department", "duties", "text"],
                     [{"department": "示例市水务局", "duties": 14, "text": DUTY}], note="职责数不含共性职责。")
    # Eight columns of names, 8 characters each: at least 6 characters wide each, they do not fit across A4.
    wide = Section("wide", "八列的表", WIDE, [dict.fromkeys(WIDE, "示例市交通运输局")])
    short = Section("short", "两列的短表", ["region", "one_to_many"], [{"region": "示例市", "one_to_many": False}])
    long = Section("long", "两列的长表", ["region", "department"],
                   [{"region": "示例市", "department": f"部门{n}"} for n in range(60)])
    empty = Section("empty", "主办/协办不清的共同事项", ["matter"], [])
    return Report("职责图谱评估报告", [duties, wide, short, long, empty])


def _document() -> docx.document.Document:
    return docx.Document(io.BytesIO(to_docx(_report())))


def test_word_pages_are_a4_numbered_and_turn_for_wide_tables() -> None:
    document = _document()
    pages = [(round(s.page_width.mm), round(s.page_height.mm), s.orientation) for s in document.sections]
    # Portrait for the title, contents and the three-column table; landscape from the eight columns on, the short
    # table staying with it (no page of its own); portrait again for the long narrow one.
    assert pages == [(210, 297, WD_ORIENT.PORTRAIT), (297, 210, WD_ORIENT.LANDSCAPE), (210, 297, WD_ORIENT.PORTRAIT)]
    first = document.sections[0]
    assert [round(m.mm) for m in (first.top_margin, first.bottom_margin, first.left_margin, first.right_margin)] == \
        [25, 25, 20, 20]
    footer = first.footer.paragraphs[0]
    assert "".join(footer._p.xpath(".//w:t/text()")) == "第 1 页，共 1 页"  # 1 until Word lays out the pages
    assert [f.get(qn("w:instr")) for f in footer._p.iter(qn("w:fldSimple"))] == [" PAGE ", " NUMPAGES "]
    assert [s.footer.is_linked_to_previous for s in document.sections] == [False, True, True]


def test_word_sets_chinese_fonts_and_language() -> None:
    document = _document()
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    assert (fonts.get(qn("w:eastAsia")), fonts.get(qn("w:ascii")), fonts.get(qn("w:eastAsiaTheme"))) == \
        ("宋体", "Times New Roman", None)
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    assert document.settings.element.find(qn("w:themeFontLang")).get(qn("w:eastAsia")) == "zh-CN"
    for name, font in (("Normal", "宋体"), ("Heading 1", "黑体"), ("Title", "黑体")):
        rfonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert (rfonts.get(qn("w:eastAsia")), rfonts.get(qn("w:eastAsiaTheme"))) == (font, None)
    # No theme font is left anywhere: in Word a theme font outranks a named one.
    assert not [f for f in styles.iter(qn("w:rFonts")) if f.get(qn("w:eastAsiaTheme"))]


def test_word_lists_the_sections_with_links_to_them_and_their_pages() -> None:
    document = _document()
    texts = [p.text for p in document.paragraphs[:7]]
    assert texts == ["职责图谱评估报告", "目录", "部门职责（1 条）\t", "八列的表（1 条）\t", "两列的短表（1 条）\t",
                     "两列的长表（60 条）\t", "主办/协办不清的共同事项（无）\t"]
    anchors = [link.get(qn("w:anchor")) for p in document.paragraphs[2:7] for link in p._p.iter(qn("w:hyperlink"))]
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    marks = [mark.get(qn("w:name")) for p in headings for mark in p._p.iter(qn("w:bookmarkStart"))]
    assert anchors == marks == ["_section1", "_section2", "_section3", "_section4", "_section5"]
    # Each page is a field to its heading, which Word updates as the file opens (updateFields) and LibreOffice as it
    # lays the pages out; until then it shows the layout's guess: the wide table turns the page, the short one stays
    # with it, the long one starts a portrait page and runs on to a fourth (LibreOffice numbers them so).
    fields = [field for p in document.paragraphs[2:7] for field in p._p.iter(qn("w:fldSimple"))]
    assert [field.get(qn("w:instr")) for field in fields] == [f" PAGEREF {mark} \\h " for mark in marks]
    assert ["".join(t.text for t in field.iter(qn("w:t"))) for field in fields] == ["1", "2", "2", "3", "4"]
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_word_tables_take_widths_by_content_and_repeat_their_titles() -> None:
    document = _document()
    duties, wide, short, long = document.tables
    # The duty text takes what the name and the number leave of the 170 mm line; the number's column is as wide as
    # its title on one line, and never wraps.
    assert [c.width.twips for c in duties.columns] == [1440, 900, 7298]  # 170 mm: 9638 twips
    assert [c.width.twips for c in wide.columns] == [1821] * 8  # 257 mm across, shared alike
    assert [c.text for c in duties.rows[1].cells] == ["示例市水务局", "14", DUTY]
    number = duties.rows[1].cells[1]._tc.tcPr
    assert number.find(qn("w:noWrap")) is not None and duties.rows[1].cells[2]._tc.tcPr.find(qn("w:noWrap")) is None
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])
    assert [c.text for c in short.rows[1].cells] == ["示例市", "否"]
    assert len(long.rows) == 61
    assert document.paragraphs[-1].text == "（无）"


def test_report_cells_say_no_for_false_flags() -> None:
    assert report_cell({"one_to_many": False}, "one_to_many", "counterparts") == "否"
    assert report_cell({"one_to_many": True}, "one_to_many", "counterparts") == "是"
    assert report_cell({"settled": ""}, "settled", "overlaps") == "否"
    assert report_cell({"settled": "已明确"}, "settled", "overlaps") == "已明确"
    # 异常 is judged only where there is a score: a region of too few departments has none, and no answer.
    assert report_cell({"outlier": "", "robust_z": 0.4}, "outlier", "staffing_load") == "否"
    assert report_cell({"outlier": "", "robust_z": None}, "outlier", "staffing_load") == ""
    assert report_cell({"outlier": "understaffed", "robust_z": 4.1}, "outlier", "staffing_load") == "编制偏紧"
    assert report_cell({"office": ""}, "office", "overlaps") == ""


def _flags() -> Report:
    section = Section("counterparts", "主办/协办：对口", ["county_department", "one_to_many", "robust_z"],
                      [{"county_department": "河西区交通运输局", "one_to_many": False, "robust_z": 0.5},
                       {"county_department": "河西区教育局", "one_to_many": True, "robust_z": None}],
                      note="一对多：一个县级部门对应多个市级部门。")
    return Report("报告", [section, Section("empty", "空表", ["matter"], [])])


def test_the_report_workbook_shows_notes_filters_and_no() -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(to_xlsx(_flags(), as_report=True)))
    assert workbook.sheetnames == ["主办协办：对口", "空表"]
    sheet = workbook["主办协办：对口"]
    assert sheet["A1"].value == "主办/协办：对口\n一对多：一个县级部门对应多个市级部门。"
    assert (sheet["A1"].alignment.wrap_text, sheet["A1"].font.bold) == (True, True)
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A1:C1"]
    assert sheet.row_dimensions[1].height == 48  # the title, and the note on two lines
    assert [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        ["县（区）部门", "一对多", "稳健z分数"], ["河西区交通运输局", "否", 0.5], ["河西区教育局", "是", None]]
    assert (sheet.freeze_panes, sheet.auto_filter.ref, sheet.print_title_rows) == ("A3", "A2:C4", "$2:$2")
    assert (sheet.page_setup.paperSize, sheet.page_setup.orientation, sheet.page_setup.fitToWidth) == (9, "landscape", 1)
    assert [(c.alignment.wrap_text, c.alignment.vertical) for c in sheet[3]] == \
        [(True, "top"), (True, "top"), (None, "top")]
    empty = workbook["空表"]
    assert [list(row) for row in empty.iter_rows(values_only=True)] == [["空表"], ["事项"], ["（无）"]]
    assert (empty.freeze_panes, empty.auto_filter.ref) == ("A3", None)


def test_an_api_workbook_keeps_its_titles_in_row_1() -> None:
    """The API's and the CLI's files: the titles a program reads in row 1, false as the other files show it."""
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(_flags()))).worksheets[0]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["县（区）部门", "一对多", "稳健z分数"], ["河西区交通运输局", None, 0.5], ["河西区教育局", "是", None]]
    assert (sheet.freeze_panes, sheet.auto_filter.ref, sheet.merged_cells.ranges) == ("A2", "A1:C3", set())
    assert sheet["A2"].alignment.wrap_text is True


def test_sheet_names_read_as_chinese() -> None:
    assert sheet_name("主办/协办不清的共同事项") == "主办协办不清的共同事项"
    assert sheet_name("市县事权划分（示例市/河西区持有的事项）") == "市县事权划分（示例市河西区持有的事项）"
    assert sheet_name("问题?[甲]:乙*") == "问题？【甲】：乙＊"
