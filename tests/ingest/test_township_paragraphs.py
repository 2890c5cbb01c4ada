"""乡镇（街道）履行职责事项清单, part three (user test: a county published its townships' lists as the text of a notice,
numbered paragraphs under the part headings, no table): read into the rows a table gives, cited by their lines, the
count a heading states checked, and an item naming no department refused at its line."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from graph.store import Store
from ingest.errors import RowErrors
from ingest.lists import parse_list
from ingest.model import ListDocument
from ingest.pipeline import ingest
from ingest.readers import read_source
from ingest.township_lists import paragraph_workbook
from queries import catalog
from tests.conftest import REPO
from tests.ingest.test_township_county import SANDING
from tests.ingest.test_township_lists import COUNTY, _records

BAISHA_TXT = REPO / "tests" / "fixtures" / "township_paragraphs" / "baisha_lvzhi.txt"
BAISHA = "dept:澄州市/石岭县/白沙乡/人民政府"
EXPECTED = [
    ("basic", "", "村级集体经济发展", [], "基本履职事项序号1@第9行"),
    ("basic", "", "矛盾纠纷排查化解", [], "基本履职事项序号2@第10行"),  # its line 11 continues it
    ("basic", "", "辖区安全隐患日常巡查", [], "基本履职事项序号3@第12行"),
    ("assisting", "", "耕地保护巡查", ["县自然资源局"], "配合履职事项序号1@第15行"),  # （牵头部门：…）
    ("assisting", "", "地质灾害隐患排查", ["县自然资源局"], "配合履职事项序号2@第16行"),  # 协助县自然资源局开展…
    ("assisting", "", "农村危房改造", ["县农业农村局"], "配合履职事项序号3@第17行"),  # 牵头部门： on line 18
    ("assisting", "", "电动自行车进楼入户整治", ["县应急管理局"], "配合履职事项序号4@第19行"),
    ("reclaimed", "", "违法用地查处", ["县自然资源局"], "上级部门收回事项序号1@第22行"),  # …，由县自然资源局收回
    ("reclaimed", "", "犬只登记管理", ["县城市管理局"], "上级部门收回事项序号2@第23行"),  # （收回部门：…）
]


def _parsed(path: Path) -> ListDocument:
    workbook = paragraph_workbook(read_source(path))
    assert workbook is not None
    return parse_list(workbook, "township")


def _text_records(path: Path) -> list[tuple[str, str, str, list[str], str]]:
    parsed = _parsed(path)
    return [(r.part, r.domain, r.matter, r.departments, f"{r.where.seq_title}{r.where.seq}@{r.where.locator}")
            for r in parsed.records]


def test_numbered_paragraphs_read_as_the_rows_of_a_table() -> None:
    parsed = _parsed(BAISHA_TXT)
    # The notice's preamble is no title: the list's own title line is.
    assert (parsed.title, parsed.default_departments, parsed.warnings) == (
        "石岭县白沙乡履行职责事项清单", {"baisha_lvzhi": "石岭县白沙乡"}, [])
    assert _text_records(BAISHA_TXT) == EXPECTED
    assert [record.township_text for record in parsed.records][1:4] == [
        "负责矛盾纠纷排查化解，调处一般民间纠纷。", "辖区安全隐患日常巡查。", "配合开展耕地保护巡查。"]


def test_a_word_file_of_paragraphs_reads_as_its_text(tmp_path: Path) -> None:
    document = docx.Document()
    for line in BAISHA_TXT.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)  # empty paragraphs too: a Word file's rows do not count them
    path = tmp_path / "baisha_lvzhi.docx"
    document.save(str(path))
    # A Word file's rows do not count its empty paragraphs (ingest.word_tables): the lines shift up.
    lines = [6, 7, 9, 11, 12, 13, 15, 17, 18]
    assert _records(path) == [(*row[:4], f"{row[4].split('@')[0]}@第{line}行")
                              for row, line in zip(EXPECTED, lines, strict=True)]


def test_a_heading_s_count_other_than_the_items_read_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "anping_lvzhi.txt"
    path.write_text("石岭县安平镇履行职责事项清单\n一、基本履职事项（共3项）\n1.村级集体经济发展。\n2.矛盾纠纷排查化解。\n"
                    "二、配合履职事项（共1项）\n1.配合开展耕地保护巡查（牵头部门：县自然资源局）。\n", encoding="utf-8")
    assert _parsed(path).warnings == [
        "line 2: the heading of the 基本履职事项 states 3 items, 2 were read; "
        "第 2 行：基本履职事项标题写明共3项，实际读到2项，请核对是否漏项或多项"]


def test_an_item_naming_no_department_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "anping_lvzhi.txt"
    path.write_text("石岭县安平镇履行职责事项清单\n二、配合履职事项\n1.配合开展耕地保护巡查。\n三、上级部门收回事项\n"
                    "1.违法用地查处。\n2.犬只登记管理，由县城市管理局收回。\n", encoding="utf-8")
    with pytest.raises(RowErrors) as raised:
        _parsed(path)
    assert [(error.message, error.zh) for error in raised.value.errors] == [
        (f"{path}:3: expected the county department that leads it in item 1 of the 二、配合履职事项: （牵头部门：县某某局） "
         "after it, or a line 牵头部门：… below it ('配合开展耕地保护巡查。' names none)",
         "“二、配合履职事项”第1项应写明牵头部门，如在句末写“（牵头部门：县某某局）”或下一行写“牵头部门：县某某局”，"
         "实为“配合开展耕地保护巡查。”"),
        (f"{path}:5: expected the county department that takes it back in item 1 of the 三、上级部门收回事项: "
         "（收回部门：县某某局） after it, or a line 收回部门：… below it ('违法用地查处。' names none)",
         "“三、上级部门收回事项”第1项应写明收回部门，如在句末写“（收回部门：县某某局）”或下一行写“收回部门：县某某局”，"
         "实为“违法用地查处。”")]


def test_a_text_list_loads_and_is_checked(store: Store) -> None:
    report = ingest([*SANDING, BAISHA_TXT], store, region=COUNTY)
    assert [outcome.error for outcome in report.failed] == []
    rows = catalog.run(store, "township_duties", {"township": BAISHA})
    assert [(row["part"], row["matter"], row["department"], row["finding"], row["source"].split("#")[1])
            for row in rows] == [
        ("basic", "村级集体经济发展", "", "", "第9行"), ("basic", "矛盾纠纷排查化解", "", "", "第10行"),
        ("basic", "辖区安全隐患日常巡查", "", "", "第12行"),
        ("assisting", "耕地保护巡查", "石岭县自然资源局", "held", "第15行"),
        ("assisting", "地质灾害隐患排查", "石岭县自然资源局", "held", "第16行"),
        ("assisting", "农村危房改造", "石岭县农业农村局", "held_by_other", "第17行"),
        ("assisting", "电动自行车进楼入户整治", "石岭县应急管理局", "not_held", "第19行"),
        ("reclaimed", "违法用地查处", "石岭县自然资源局", "held", "第22行"),
        ("reclaimed", "犬只登记管理", "石岭县城市管理局", "not_held", "第23行")]


def _territorial(tmp_path: Path) -> Path:
    """A 属地 list placing 安平镇 and 白沙乡 in 石岭县 (the county's other documents)."""
    path = tmp_path / "shiling_shudi.csv"
    path.write_text("石岭县乡镇（街道）属地管理事项责任清单\n序号,属地管理事项,主体责任单位,配合责任单位\n"
                    "1,防汛抗旱,安平镇,县应急管理局\n2,森林防火,白沙乡,县应急管理局\n", encoding="utf-8")
    return path


def _xincun(tmp_path: Path) -> Path:
    path = tmp_path / "xincun_lvzhi.txt"
    path.write_text("石岭县新村镇履行职责事项清单\n一、基本履职事项（共1项）\n1.村级集体经济发展。\n", encoding="utf-8")
    return path


def test_a_township_the_county_does_not_have_loads_with_a_warning(store: Store, tmp_path: Path) -> None:
    assert ingest([_territorial(tmp_path)], store, region=COUNTY).failed == []
    [outcome] = ingest([_xincun(tmp_path)], store, region=COUNTY).outcomes
    assert (outcome.ok, outcome.warnings) == (True, [
        "line 3: 新村镇 is none of the 乡镇（街道） of 澄州市/石岭县 known (安平镇、白沙乡); loaded as a new one: check its "
        "name; 第 3 行：澄州市/石岭县已知的乡镇（街道）（安平镇、白沙乡）中没有“新村镇”，已作为新的乡镇（街道）载入，请核对名称"])


@pytest.mark.parametrize("order", ["territorial_first", "list_first"])
def test_township_duties_names_a_township_with_no_known_place(store: Store, tmp_path: Path, order: str) -> None:
    files = [_territorial(tmp_path), _xincun(tmp_path), BAISHA_TXT]
    for path in files if order == "territorial_first" else files[::-1]:
        assert ingest([path], store, region=COUNTY).failed == []
    rows = catalog.run(store, "township_duties", {"region": "澄州市/石岭县"})
    assert [(row["township"], row["part"], row["matter"], row["finding"], row["finding_label"], row["evidence"],
             row["source"].partition("#")[2]) for row in rows if row["part"] != "assisting"] == [
        # First for its township: 白沙乡 the 属地 list places, 新村镇 nothing but its own list does.
        ("新村镇人民政府", "", "", "unknown_township", "本县其他文件中没有此乡镇（街道）：请核对名称或是否已撤并（依据为本县已知的乡镇）",
         "安平镇、白沙乡", ""),
        ("新村镇人民政府", "basic", "村级集体经济发展", "", "", "", "第3行"),
        ("白沙乡人民政府", "basic", "村级集体经济发展", "", "", "", "第9行"),
        ("白沙乡人民政府", "basic", "矛盾纠纷排查化解", "", "", "", "第10行"),
        ("白沙乡人民政府", "basic", "辖区安全隐患日常巡查", "", "", "", "第12行"),
        ("白沙乡人民政府", "reclaimed", "违法用地查处", "no_duties", "图中没有收回部门的三定或权责清单，无法核对", "", "第22行"),
        ("白沙乡人民政府", "reclaimed", "犬只登记管理", "no_duties", "图中没有收回部门的三定或权责清单，无法核对", "", "第23行")]
