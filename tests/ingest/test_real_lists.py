"""Duty lists as they really come: a 政务服务 export with English column names, and tables copied from web
pages into text (one cell a line, closed by ` |`); the real copies from ../shared/real where present, and a
page of our own that runs everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.flat_tables import flattened_table
from ingest.lists import parse_list
from ingest.model import BoundaryRecord, ListDocument, PowerItemRecord
from ingest.pipeline import ingest
from ingest.readers import read_source
from ingest.regions import Region
from ingest.sheets import read_workbook
from tests.conftest import real_document

SERVICE_EXPORT = "guangdong_sheng_guangzhou_zhengwufuwu_shixiang.csv"
ARCHIVES_POWERS = "unknowncity_dangan_quanzeqingdan_shixian_xingshicengji.txt"
FOOD_BOUNDARY = "huaian_zhizebianjie_shipinanquan.txt"
TOWNSHIP_POWERS = "mingguang_mingnanjiedao_quanlizerenqingdan.txt"


def _flat(path: Path) -> ListDocument:
    table = flattened_table(read_source(path))
    assert table is not None
    document = parse_list(table.workbook)
    document.warnings.extend(table.warnings)
    return document


def _power(record: object) -> tuple[str, str, str, list[str]]:
    assert isinstance(record, PowerItemRecord)
    return record.main_item, record.sub_item, record.type, record.levels


def test_service_export_with_english_columns() -> None:
    document = parse_list(read_workbook(real_document(SERVICE_EXPORT)))
    assert (document.kind, len(document.records)) == ("power", 2262)
    first = document.records[0]
    assert isinstance(first, PowerItemRecord)
    assert (first.code, first.name, first.type, first.departments, first.levels) == (
        "11440000006939756B2440101007000", "临时价格干预范围事项提价申报", "行政许可", ["广东省发展和改革委员会"], ["省级"])
    # TASK_NAME carries the implementation item's qualifier; it becomes the sub-item of the catalogue item.
    animals = [r for r in document.records if isinstance(r, PowerItemRecord) and r.main_item == "实验动物生产和使用许可核准"]
    assert "实验动物生产和使用许可核准（实验动物生产许可(变更)）" in {r.name for r in animals}


def test_service_export_places_city_departments_under_the_province(store: Store) -> None:
    report = ingest([real_document(SERVICE_EXPORT)], store)
    assert [outcome.error for outcome in report.failed] == []
    by_region = store.read("MATCH (d:Department) RETURN d.region AS region, count(d) AS n ORDER BY region")
    assert by_region == [{"region": "全国", "n": 1}, {"region": "广东省", "n": 166}, {"region": "广东省/广州市", "n": 10}]
    assert store.read("MATCH (r:Region) RETURN r.path AS path, r.level AS level ORDER BY path") == [
        {"path": "全国", "level": "national"}, {"path": "广东省", "level": "province"},
        {"path": "广东省/广州市", "level": "city"}]
    assert store.read("MATCH (p:PowerItem) RETURN count(p) AS n") == [{"n": 2262}]
    police = store.read("MATCH (d:Department)-[:EXERCISES]->(p:PowerItem) WHERE d.name = $name "
                        "RETURN count(p) AS n", {"name": "广州市公安局"})
    assert police == [{"n": 106}]


def test_copied_power_list_realigns_rows_whose_main_item_a_rowspan_carried() -> None:
    document = _flat(real_document(ARCHIVES_POWERS))
    assert (document.kind, document.default_departments) == ("power", {Path(ARCHIVES_POWERS).stem: "市委办公室(市档案局)"})
    records = [_power(record) for record in document.records]
    assert len(records) == 12  # item 13 is cut off after its number
    assert records[:3] == [
        ("对国有企业文件材料归档范围和保管期限表的审查", "对市属国有企业文件材料归档范围和保管期限表的审查", "其他行政权力-其他", ["市"]),
        # Row 2 starts with its sub-item: the main item is the one above.
        ("对国有企业文件材料归档范围和保管期限表的审查", "对县(区、市)属国有企业文件材料归档范围和保管期限表的审查", "其他行政权力-其他",
         ["县"]),
        ("对执行档案法等有关管理规定的检查", "", "行政强制", ["市", "县"]),
    ]
    assert records[8] == ("对重点建设项目(工程)档案的验收", "对县(区、市)重点建设项目(工程)档案的验收", "其他行政权力-其他", ["县"])
    assert records[10][:2] == ("对拟销毁的国有企业资产与产权变动的档案造具清册备案",
                               "对拟销毁的县(区、市)属国有企业资产与产权变动的档案造具清册备案")
    assert records[11] == ("利用档案馆未开放档案审查", "利用市档案馆未开放档案审查", "其他行政权力-其他", ["市"])


def test_copied_boundary_list_reads_each_department_part_and_leaves_out_a_cut_cell(store: Store) -> None:
    path = real_document(FOOD_BOUNDARY)
    document = _flat(path)
    assert document.kind == "boundary"
    assert [(r.matter, r.leads, r.assists, r.partners, r.text[:12])
            for r in document.records if isinstance(r, BoundaryRecord)] == [
        # `与市农委建立…机制`, `会同市卫计委建立…`, `与商务局建立…`, `与市公安局建立…`; `通报质监部门` names no party.
        ("食品安全监管", ["市食药监局"], [], ["市农委", "市卫计委", "商务局", "市公安局"], "对进入批发、零售市场或生"),
        ("食品安全监管", ["市农委"], [], [], "负责食用农产品(水产品)"),
    ]
    assert [w[:30] for w in document.warnings] == ["line 18: the copy ends inside "]
    report = ingest([path], store, region=Region(("某市",)))
    assert [outcome.error for outcome in report.failed] == []
    # The second department's row continues the listing order of the first.
    leads = store.read("MATCH (d:Department)-[l:LEADS]->(m:Matter) RETURN m.name AS matter, d.name AS lead, "
                       "l.order AS ord ORDER BY ord")
    assert leads == [{"matter": "食品安全监管", "lead": "某市食药监局", "ord": 1},
                     {"matter": "食品安全监管", "lead": "某市农委", "ord": 2}]
    # The partners assist, but 市农委 leads its own row: it is no assisting department as well.
    assists = store.read("MATCH (d:Department)-[:ASSISTS]->(m:Matter) RETURN m.name AS matter, d.name AS assist "
                         "ORDER BY assist")
    assert assists == [{"matter": "食品安全监管", "assist": "某市公安局"}, {"matter": "食品安全监管", "assist": "某市卫计委"},
                       {"matter": "食品安全监管", "assist": "某市商务局"}]


def test_copied_township_list_with_spaces_between_cells(store: Store) -> None:
    path = real_document(TOWNSHIP_POWERS)
    document = _flat(path)
    assert (document.kind, document.title) == ("power", "明光市明南街道办事处权力清单和责任清单")
    [item] = document.records
    assert isinstance(item, PowerItemRecord)
    assert (item.name, item.type, item.code, item.where.row) == ("独生子女父母光荣证核发与注销", "行政确认", "", 12)
    # The wrapped 实施依据 is joined across its line breaks (`向户⏎籍所在地`) and stops at the 责任事项.
    assert item.basis.startswith("《安徽省人口与计划生育条例》第三十九条在国家提倡一对夫妻生育一个子女期间,自愿终身只生育一个"
                                 "子女的夫妻,可以向户籍所在地")
    assert item.basis.endswith("停止其享受本条例规定的相关奖励优待。")
    # The 责任事项 run from the first numbered stage to the 追责情形, which runs to the end of the (cut) copy.
    assert item.responsibilities is not None and item.accountability is not None
    assert item.responsibilities.startswith("1、受理阶段责任:公示依法应当提交的材料;")
    assert item.responsibilities.endswith("5、其他法律法规政策规定应履行的责任。")
    assert item.accountability.startswith("因不履行或不正确履行行政职责,有下列情形的,")
    assert item.accountability.endswith("5、其他违反法律法规规章文件规定的行为。")
    assert not any("columns not read" in warning for warning in document.warnings)
    report = ingest([path], store)
    assert [outcome.error for outcome in report.failed] == []
    assert store.read("MATCH (d:Department)-[:EXERCISES]->(p:PowerItem) RETURN d.name AS d, d.region AS region, "
                      "p.name AS item") == [{"d": "明南街道办事处", "region": "明光市/明南街道", "item": "独生子女父母光荣证核发与注销"}]
    # The 街道办事处 is the government body of its own township region, as a boundary list's township party is.
    assert store.read("MATCH (r:Region)-[:HAS_DEPARTMENT]->(d:Department) RETURN r.path AS region, r.level AS level, "
                      "d.kind AS kind") == [{"region": "明光市/明南街道", "level": "township", "kind": "乡镇（街道）"}]


OWN_PAGE = """<html><head><title>样例县职责边界清单</title></head><body>
<p>样例县部门职责边界清单</p>
<table>
<tr><th>序号</th><th>边界事项</th><th>牵头部门</th><th>配合部门</th><th>职责分工</th></tr>
<tr><td>1</td><td>校园周边食品安全</td><td>县市场监督管理局</td><td>县教育局、县公安局</td><td>市场监管局负责检查，教育局负责校内。</td></tr>
<tr><td>2</td><td>河道采砂管理</td><td>县水利局</td><td>县自然资源局</td><td>水利局负责许可和巡查。</td></tr>
<tr><td>3</td><td>户外广告设置</td><td>县城市管理局</td><td></td><td></td></tr>
</table></body></html>
"""


def test_a_list_on_a_web_page_loads_like_a_spreadsheet(store: Store, tmp_path: Path) -> None:
    page = tmp_path / "bianjie.html"
    page.write_text(OWN_PAGE, encoding="utf-8")
    document = _flat(page)
    assert [(r.matter, r.leads, r.assists) for r in document.records if isinstance(r, BoundaryRecord)] == [
        ("校园周边食品安全", ["县市场监督管理局"], ["县教育局", "县公安局"]),
        ("河道采砂管理", ["县水利局"], ["县自然资源局"]),
        ("户外广告设置", ["县城市管理局"], []),
    ]
    report = ingest([page], store)
    assert [outcome.error for outcome in report.failed] == []
    assists = store.read("MATCH (d:Department)-[:ASSISTS]->(m:Matter) RETURN m.name AS matter, d.name AS party "
                         "ORDER BY matter, party")
    assert assists == [{"matter": "校园周边食品安全", "party": "样例县公安局"},
                       {"matter": "校园周边食品安全", "party": "样例县教育局"},
                       {"matter": "河道采砂管理", "party": "样例县自然资源局"}]  # as written, not the abbreviation table's name


def test_a_sanding_with_a_table_is_still_a_sanding() -> None:
    source = read_source(Path(__file__).resolve().parents[2] / "examples" / "sanding" / "shi_renshe.html")
    assert flattened_table(source) is None


@pytest.mark.parametrize("kind", ["sanding"])
def test_forced_sanding_kind_never_reads_a_table(kind: str, tmp_path: Path, store: Store) -> None:
    page = tmp_path / "bianjie.html"
    page.write_text(OWN_PAGE, encoding="utf-8")
    report = ingest([page], store, kind=kind)
    assert len(report.failed) == 1 and "expected a 三定 provision" in report.failed[0].error
