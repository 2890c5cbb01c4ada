"""乡镇（街道）履行职责事项清单: the three parts read into records and into the graph's matters (user test: a
township's 党政办 could not load her list: it was refused as having no list header)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.errors import IngestError, RowErrors
from ingest.lists import parse_list
from ingest.model import TownshipDutyRecord
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.sheets import read_workbook
from ingest.word_tables import word_workbook
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "township"
COUNTY = Region(("澄州市", "石岭县"))


def _records(path: Path) -> list[tuple[str, str, str, list[str], str]]:
    parsed = parse_list(word_workbook(path) if path.suffix == ".docx" else read_workbook(path))
    assert parsed.kind == "township"
    records = [record for record in parsed.records if isinstance(record, TownshipDutyRecord)]
    return [(r.part, r.domain, r.matter, r.departments, f"{r.where.seq_title}{r.where.seq}@{r.where.locator}")
            for r in records]


def test_a_csv_stacking_the_three_parts_under_headings() -> None:
    parsed = parse_list(read_workbook(FIXTURES / "anping_lvzhi.csv"))
    assert (parsed.title, parsed.default_departments) == ("石岭县安平镇履行职责事项清单", {"anping_lvzhi": "石岭县安平镇"})
    assert _records(FIXTURES / "anping_lvzhi.csv") == [
        ("basic", "党的建设", "镇党委自身建设", [], "基本履职事项序号1@第4行"),
        ("basic", "经济发展", "村级集体经济发展", [], "基本履职事项序号2@第5行"),
        ("basic", "平安法治", "矛盾纠纷排查化解", [], "基本履职事项序号3@第6行"),
        ("basic", "乡村建设", "农村环境卫生日常保洁", [], "基本履职事项序号4@第7行"),
        ("basic", "安全生产", "辖区安全隐患日常巡查", [], "基本履职事项序号5@第8行"),
        ("assisting", "自然资源", "耕地保护", ["县自然资源局"], "配合履职事项序号1@第11行"),
        ("assisting", "自然资源", "地质灾害隐患排查", ["县自然资源局"], "配合履职事项序号2@第12行"),
        ("assisting", "住房建设", "农村危房改造", ["县农业农村局"], "配合履职事项序号3@第13行"),
        ("assisting", "安全生产", "电动自行车进楼入户整治", ["县应急管理局"], "配合履职事项序号4@第14行"),
        ("assisting", "社会事务", "特困人员供养", ["县民政局"], "配合履职事项序号5@第15行"),
        ("assisting", "农业农村", "动物防疫", ["县农业农村局"], "配合履职事项序号6@第16行"),
        ("reclaimed", "自然资源", "违法用地查处", ["县自然资源局"], "上级部门收回事项序号1@第19行"),
        ("reclaimed", "城乡建设", "城镇污水排入排水管网许可", ["县城市管理局"], "上级部门收回事项序号2@第20行"),
        ("reclaimed", "城市管理", "犬只登记管理", ["县城市管理局"], "上级部门收回事项序号3@第21行"),
    ]


def test_a_workbook_of_a_sheet_a_part_with_a_merged_category() -> None:
    assert _records(FIXTURES / "donghu_lvzhi.xlsx") == [
        ("basic", "党的建设", "社区党组织建设", [], "基本履职事项序号1@基本履职事项!3"),
        ("basic", "民生服务", "物业小区矛盾纠纷协调", [], "基本履职事项序号2@基本履职事项!4"),
        ("basic", "城市管理", "背街小巷环境卫生日常巡查", [], "基本履职事项序号3@基本履职事项!5"),
        ("assisting", "城市管理", "户外广告设置管理", ["县城市管理局"], "配合履职事项序号1@配合履职事项!3"),
        ("assisting", "城市管理", "农村危房改造", ["县住房和城乡建设局"], "配合履职事项序号2@配合履职事项!4"),
        ("assisting", "应急管理", "森林防火", ["县应急管理局"], "配合履职事项序号3@配合履职事项!5"),
        ("reclaimed", "城市管理", "户外广告设置审批", ["县城市管理局"], "上级部门收回事项序号1@上级部门收回事项!3"),
    ]


def _write(tmp_path: Path, text: str, name: str = "lvzhi.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_list_whose_title_names_no_township_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "石岭县乡镇（街道）履行职责事项清单\n一、基本履职事项清单\n序号,事项类别,事项名称\n1,党的建设,党组织建设\n")
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert (raised.value.message, raised.value.zh) == (
        f"{path}:3: expected a title naming the township, such as 某县某镇履行职责事项清单, a sheet named after it, "
        "or a 乡镇（街道） column (the title '石岭县乡镇（街道）履行职责事项清单' names no 镇, 乡 or 街道)",
        "履行职责事项清单的标题应写明乡镇（街道），如“某县某镇履行职责事项清单”，"
        "实为“石岭县乡镇（街道）履行职责事项清单”：全县（区）通用的清单请每个乡镇（街道）一个工作表（以乡镇名称命名），"
        "或加一列“乡镇（街道）”")


def test_a_part_without_its_department_column_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "石岭县安平镇履行职责事项清单\n二、配合履职事项清单\n序号,事项名称,乡镇配合职责\n1,耕地保护,巡查\n")
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert (raised.value.message, raised.value.zh) == (
        f"{path}:3: expected a 县级牵头部门 column in the 配合履职事项 (the header has none)",
        "配合履职事项的表头应有“县级牵头部门”列，却没有")


def test_a_row_naming_no_department_is_named(tmp_path: Path) -> None:
    path = _write(tmp_path, "石岭县安平镇履行职责事项清单\n三、上级部门收回事项清单\n序号,事项名称,收回部门\n"
                            "1,违法用地查处,县自然资源局\n2,犬只登记管理,\n")
    with pytest.raises(RowErrors) as raised:
        parse_list(read_workbook(path))
    assert [error.message for error in raised.value.errors] == [
        f"{path}:5: expected a 收回部门 (the cell is empty) (sheet lvzhi; column C 收回部门)"]


def test_each_part_becomes_leads_and_assists_on_the_county_s_matters(store: Store) -> None:
    report = ingest([FIXTURES], store, region=COUNTY)
    assert [outcome.error for outcome in report.failed] == []
    rows = store.read(
        "MATCH (d:Department)-[r:LEADS|ASSISTS]->(m:Matter) WHERE r.township = 'dept:澄州市/石岭县/安平镇/人民政府' "
        "RETURN r.township_part AS part, type(r) AS role, d.name AS department, m.name AS matter, m.region AS region, "
        "r.responsibility AS responsibility ORDER BY part, matter, role")
    assert [tuple(row.values()) for row in rows] == [
        ("assisting", "ASSISTS", "安平镇人民政府", "农村危房改造", "澄州市/石岭县", None),
        ("assisting", "LEADS", "石岭县农业农村局", "农村危房改造", "澄州市/石岭县", None),
        ("assisting", "ASSISTS", "安平镇人民政府", "动物防疫", "澄州市/石岭县", None),
        ("assisting", "LEADS", "石岭县农业农村局", "动物防疫", "澄州市/石岭县", None),
        ("assisting", "ASSISTS", "安平镇人民政府", "地质灾害隐患排查", "澄州市/石岭县", None),
        ("assisting", "LEADS", "石岭县自然资源局", "地质灾害隐患排查", "澄州市/石岭县", None),
        ("assisting", "ASSISTS", "安平镇人民政府", "特困人员供养", "澄州市/石岭县", None),
        ("assisting", "LEADS", "石岭县民政局", "特困人员供养", "澄州市/石岭县", None),
        ("assisting", "ASSISTS", "安平镇人民政府", "电动自行车进楼入户整治", "澄州市/石岭县", None),
        ("assisting", "LEADS", "石岭县应急管理局", "电动自行车进楼入户整治", "澄州市/石岭县", None),
        ("assisting", "ASSISTS", "安平镇人民政府", "耕地保护", "澄州市/石岭县", None),
        ("assisting", "LEADS", "石岭县自然资源局", "耕地保护", "澄州市/石岭县", None),
        ("basic", "LEADS", "安平镇人民政府", "农村环境卫生日常保洁", "澄州市/石岭县", "territorial"),
        ("basic", "LEADS", "安平镇人民政府", "村级集体经济发展", "澄州市/石岭县", "territorial"),
        ("basic", "LEADS", "安平镇人民政府", "矛盾纠纷排查化解", "澄州市/石岭县", "territorial"),
        ("basic", "LEADS", "安平镇人民政府", "辖区安全隐患日常巡查", "澄州市/石岭县", "territorial"),
        ("basic", "LEADS", "安平镇人民政府", "镇党委自身建设", "澄州市/石岭县", "territorial"),
        ("reclaimed", "LEADS", "石岭县城市管理局", "城镇污水排入排水管网许可", "澄州市/石岭县", None),
        ("reclaimed", "LEADS", "石岭县城市管理局", "犬只登记管理", "澄州市/石岭县", None),
        ("reclaimed", "LEADS", "石岭县自然资源局", "违法用地查处", "澄州市/石岭县", None),
    ]
