"""A 县司法局 reviewing 青山县's 权责清单 before the 编办 publishes it (合法性审查, user test): which items have no 依据,
no law named, a 处罚 set by a 规范性文件 only, a 实施主体 the county does not have, one power under two departments
(多头执法), one department listing a power twice, a 处罚 its department's 三定 gives it no work like, a 强制 or 检查 with
no 责任事项 or 追责情形 written. The list, tests/fixtures/quanze_review/, is invented, with those
problems planted; the county's 三定 are the bundled examples'."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Statement, Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.legal_basis import cited_titles, rank_of
from queries.power_review import power_key
from queries.report import build_report
from queries.sources import source_document
from tests.conftest import real_document

ROOT = Path(__file__).resolve().parents[2]
LIST = ROOT / "tests" / "fixtures" / "quanze_review" / "qingshan_quanze_2025.csv"
QINGSHAN = sorted((ROOT / "examples" / "sanding").glob("qingshan_*.txt"))
ZHUJIAN, CHENGGUAN, SHICHANG = "青山县住房和城乡建设局", "青山县城市管理局", "青山县市场监督管理局"
NONGYE, JIAOTONG = "青山县农业农村局", "青山县交通运输局"
NOBODY = "本区划也没有部门的三定职责与之足够相近"
NONGYE_NEAREST = "负责农村社会事业、乡村治理和农村人居环境整治工作。"
SHICHANG_NEAREST = "负责药品、医疗器械和化妆品经营使用环节的日常监督检查。"
CHENGGUAN_ROADS = "负责县城道路、桥梁、排水等市政设施的养护管理。制定市政设施年度养护计划，依法查处占用、挖掘城市道路和损坏市政设施的行为。"
CANNOT_SET = "依据《中华人民共和国行政处罚法》第十六条，规范性文件不得设定行政处罚"


@pytest.fixture
def reviewed(store: Store) -> Store:
    report = ingest([*QINGSHAN, LIST], store, region=Region(("示例市", "青山县")))
    assert report.failed == []
    return store


def test_the_reviewer_s_findings_on_the_county_list(reviewed: Store) -> None:
    rows = catalog.run(reviewed, "power_item_review", {"region": "示例市/青山县"})
    assert [(row["department"], row["code"], row["finding"], row["detail"]) for row in rows] == [
        # A 检查 and a 强制 must say what the holder answers for; an 其他行政权力 (QSR-QT-011) is not judged.
        (JIAOTONG, "QSR-JC-014", "no_responsibility", "未写追责情形"),
        (ZHUJIAN, "QSR-CF-002", "no_basis", ""),
        # A 处罚 no department of the county has a duty like: the holder's none is nearer than nobody's.
        # Read by meaning (吸烟 is no 三定's word), its nearest duty is one on 人居环境, far from near enough.
        (NONGYE, "QSR-CF-015", "no_mandate", f"本部门最相近的职责：“{NONGYE_NEAREST}”（相近度1.0）；{NOBODY}"),
        # A meeting's 纪要 names no law, 法规 or 规章.
        (CHENGGUAN, "QSR-XK-010", "no_law_named", ""),
        (CHENGGUAN, "QSR-CF-005", "several_departments", SHICHANG),
        # The county government's 通知 and the county's own 办法 are 规范性文件: they cannot set a 处罚.
        (CHENGGUAN, "QSR-CF-004", "basis_cannot_set",
         f"规范性文件：《青山县人民政府关于加强城区市容秩序管理的通知》；{CANNOT_SET}"),
        (CHENGGUAN, "QSR-CF-003", "basis_cannot_set", f"规范性文件：《青山县户外广告设置管理办法》；{CANNOT_SET}"),
        # Its own item is no mandate: what counts is its 三定's duties, and 城管's fits the item better.
        (SHICHANG, "QSR-CF-006", "no_mandate", f"本部门最相近的职责：“{SHICHANG_NEAREST}”（相近度2.8）；"
                                               f"{CHENGGUAN}的职责更相近：“{CHENGGUAN_ROADS}”（相近度11.4）"),
        (SHICHANG, "QSR-CF-006", "several_departments", CHENGGUAN),
        (SHICHANG, "QSR-CF-008", "repeated", "对生产销售不合格产品的处罚（QSR-CF-009）"),
        (SHICHANG, "QSR-CF-009", "repeated", "对生产、销售不合格产品的处罚（QSR-CF-008）"),
        (SHICHANG, "QSR-QZ-012", "no_responsibility", "未写责任事项"),
        # 环境保护局 is no body of 青山县's: its list names a department the county has no 三定 of.
        ("青山县环境保护局", "QSR-JC-007", "holder_unknown", ""),
    ]
    # Not findings: a 强制 whose law stands beside a county 方案 (QSR-QZ-012), a 处罚 set by the city's 办法, which a
    # 设区的市 may make as a 规章 (QSR-CF-013), an 其他行政权力 the county's 办法 sets (QSR-QT-011). Every other 处罚,
    # 许可, 强制 and 检查 has a duty like it in its holder's 三定 (QSR-QZ-012's 查封 by 市场监管 is as near as any).
    first = rows[1]
    assert (first["item"], first["type"], first["finding_label"], first["basis"]) == (
        "对施工现场未设置围挡的处罚", "行政处罚", "未写设定依据（实施依据）", "")
    assert first["source"].startswith("doc:") and first["source"].endswith("#第3行")
    assert catalog.run(reviewed, "power_item_review", {"region": "示例市/河西区"}) == []


def test_the_stages_each_item_answers_for(reviewed: Store, corpus: Store) -> None:
    # The 责任事项 and 追责情形 as the list writes them; an empty cell is kept empty, a list without the column none.
    query = ("MATCH (p:PowerItem) WHERE p.code IN $codes RETURN p.code AS code, p.responsibilities AS stages, "
             "p.accountability AS accountable ORDER BY code")
    assert reviewed.read(query, {"codes": ["QSR-CF-013", "QSR-QZ-012"]}) == [
        {"code": "QSR-CF-013", "stages": "1.立案责任。2.调查取证责任。", "accountable": "因不履行或不正确履行行政职责的，依法追究责任。"},
        {"code": "QSR-QZ-012", "stages": "", "accountable": "因不履行或不正确履行行政职责的，依法追究责任。"}]
    assert corpus.read("MATCH (p:PowerItem) WHERE p.responsibilities IS NOT NULL OR p.accountability IS NOT NULL "
                       "RETURN count(p) AS n") == [{"n": 0}]


def test_a_list_loaded_before_its_stages_were_read(reviewed: Store) -> None:
    # A list loaded before GRAPH_FIELDS_VERSION 13 kept no 责任事项 nor 追责情形: the review says it must be loaded
    # again, once, on its first item the check applies to (its 14 处罚, 许可, 强制, 检查), in place of no_responsibility.
    reviewed.write(Statement("UNWIND $rows AS r MATCH (d:Document) WHERE d.uid = r.uid SET d.fields_version = 12",
                             [{"uid": source_document(row["source"])} for row in
                              catalog.run(reviewed, "power_item_review", {"region": "示例市/青山县"})[:1]]))
    reviewed.write(Statement("UNWIND $rows AS r MATCH (p:PowerItem) REMOVE p.responsibilities, p.accountability",
                             [{}]))
    rows = catalog.run(reviewed, "power_item_review", {"region": "示例市/青山县"})
    assert [(row["department"], row["code"], row["finding_label"], row["detail"]) for row in rows
            if row["finding"] in ("stages_not_loaded", "no_responsibility")] == [
        (JIAOTONG, "QSR-JC-014", "清单由较早版本载入，未读入责任事项和追责情形（需重新导入）",
         "本清单由较早版本载入（字段版本 12），未读入责任事项和追责情形，其中 14 项行政处罚、许可、强制、征收、检查无法核对："
         "请重新导入该清单")]
    assert _list_lines(reviewed) == [
        ("权责清单：全部事项未写设定依据（没有依据列）", 0), ("权责清单：实施主体均不是已知部门", 0),
        ("权责清单：由较早版本载入，未读入责任事项和追责情形", 1)]


def _list_lines(store: Store) -> list[tuple[str, int]]:
    """The county report's 摘要 lines on whole lists, with their counts."""
    summary = next(section for section in build_report(store, region="示例市/青山县").sections
                   if section.key == "summary")
    return [(row["finding"], row["count"]) for row in summary.rows if row["finding"].startswith("权责清单")]


def test_the_examples_lists_are_lawful(corpus: Store) -> None:
    # The bundled 权责清单 cite a law, 法规 or 规章 on every row, and list no power twice within a region.
    assert catalog.run(corpus, "power_item_review", {}) == []


@pytest.mark.parametrize(("basis", "titles"), [
    ("《中华人民共和国食品安全法》第一百一十条；《青山县食品安全监管工作方案》",
     ["中华人民共和国食品安全法", "青山县食品安全监管工作方案"]),
    ("中华人民共和国建筑法第八条、城市道路管理条例（国务院令第198号）", ["中华人民共和国建筑法", "城市道路管理条例"]),
    ("县政府2024年第3次常务会议纪要", []),
    ("依据有关法律法规规定", []),
])
def test_the_documents_a_basis_names(basis: str, titles: list[str]) -> None:
    assert cited_titles(basis) == titles


@pytest.mark.parametrize(("title", "rank"), [
    ("中华人民共和国行政处罚法", "law"),
    ("城市市容和环境卫生管理条例", "regulation"),
    ("无证无照经营查处办法", "rule"),
    ("示例市河道管理办法", "rule"),
    ("青山县户外广告设置管理办法", "normative"),
    ("东岸区人民政府关于规范摊点经营的规定", "normative"),
    ("示例市人民政府关于加强扬尘治理的意见", "normative"),
])
def test_the_rank_of_a_cited_document(title: str, rank: str) -> None:
    assert rank_of(title, ["青山县"]) == rank


def test_one_power_in_other_words() -> None:
    assert power_key("对生产、销售不合格产品的处罚") == power_key("对生产和销售不合格产品的处罚")
    assert power_key("食品生产许可") != power_key("食品经营许可")


def test_the_report_counts_them(reviewed: Store) -> None:
    report = build_report(reviewed, region="示例市/青山县")
    section = next(section for section in report.sections if section.key == "power_item_review")
    assert section.title == "权责清单合法性审查"
    assert [(row["region_name"], row["code"], row["finding_label"]) for row in section.rows][:4] == [
        ("青山县", "QSR-JC-014", "未写责任事项或追责情形"), ("青山县", "QSR-CF-002", "未写设定依据（实施依据）"), ("青山县", "QSR-CF-015", "实施主体的三定没有对应职责（职权法定）"),
        ("青山县", "QSR-XK-010", "依据未写明法律、法规或规章的名称")]
    summary = next(section for section in report.sections if section.key == "summary")
    # 多头执法 counts the one power two departments list; a repeated item, the one power listed twice.
    assert [(row["finding"], row["count"]) for row in summary.rows if row["finding"].startswith("权责事项")] == [
        ("权责事项：未写依据或依据未写明法律、法规、规章", 2), ("权责事项：行政处罚、许可、强制的依据仅为规范性文件", 2),
        ("权责事项：实施主体不是已知部门", 1), ("权责事项：实施主体的三定没有对应职责", 2),
        ("权责事项：行政处罚、许可、强制、征收、检查未写责任事项或追责情形", 2), ("权责事项：同一事项由多个部门实施（多头执法）", 1),
        ("权责事项：已赋予乡镇（街道），部门仍列为本部门职权", 0),
        ("权责事项：已赋予乡镇（街道），乡镇（街道）没有承接机构", 0), ("权责事项：同一部门重复列项", 1)]
    # A department's report has its own items' findings only.
    mine = build_report(reviewed, department="县市场监管局")
    assert [row["code"] for section in mine.sections if section.key == "power_item_review"
            for row in section.rows] == ["QSR-CF-006", "QSR-CF-006", "QSR-CF-008", "QSR-CF-009",
                                                  "QSR-QZ-012"]


def test_a_lawful_list_leaves_the_report_as_it_was(corpus: Store) -> None:
    report = build_report(corpus)
    assert all(section.key != "power_item_review" for section in report.sections)
    summary = next(section for section in report.sections if section.key == "summary")
    assert not any(row["finding"].startswith("权责事项") for row in summary.rows)


def test_a_list_without_a_basis_column_nor_known_holders_is_said_once(store: Store) -> None:
    # A list with no 设定依据 column whose 实施主体 the graph holds no 三定 of: two findings on the list, each naming it
    # and counting its items, not two on each item (the Guangdong export gave 4524); the county's own list, where
    # only some items lack them, keeps its findings on each item.
    unloaded = LIST.with_name("qingshan_quanze_buzhu_2025.csv")
    assert ingest([*QINGSHAN, LIST, unloaded], store, region=Region(("示例市", "青山县"))).failed == []
    rows = catalog.run(store, "power_item_review", {"region": "示例市/青山县"})
    named = f"权责清单（{unloaded.name}）全部 3 项"
    assert [(row["department"], row["code"], row["finding"], row["detail"]) for row in rows
            if row["code"].startswith("QSB") or row["finding"] in ("no_basis", "holder_unknown")] == [
        (ZHUJIAN, "QSR-CF-002", "no_basis", ""),
        ("青山县气象局", "QSB-CF-002", "list_no_basis", f"{named}均未写设定依据（实施依据）：清单没有依据列，或该列全部为空"),
        ("青山县气象局", "QSB-CF-002", "list_holders_unknown",
         f"{named}的实施主体（2 个）图中均没有其三定：载入这些部门的三定后，方能核对实施主体和职权法定"),
        ("青山县环境保护局", "QSR-JC-007", "holder_unknown", "")]
    assert _list_lines(store) == [
        ("权责清单：全部事项未写设定依据（没有依据列）", 1), ("权责清单：实施主体均不是已知部门", 1),
        ("权责清单：由较早版本载入，未读入责任事项和追责情形", 0)]


def test_the_guangdong_export_is_said_once_for_the_list(store: Store) -> None:
    # The real export has no 依据 column and names 177 provincial bodies the graph holds no 三定 of: two findings on
    # the list, not 2262 of each; what the items share (多头执法, 重复列项) is still said item by item.
    path = real_document("guangdong_sheng_guangzhou_zhengwufuwu_shixiang.csv")
    assert ingest([path], store).failed == []
    rows = catalog.run(store, "power_item_review", {})
    named = f"权责清单（{path.name}）全部 2262 项"
    assert sorted((row["finding"], row["detail"]) for row in rows if row["finding"].startswith("list_")) == [
        ("list_holders_unknown", f"{named}的实施主体（177 个）图中均没有其三定：载入这些部门的三定后，方能核对实施主体和职权法定"),
        ("list_no_basis", f"{named}均未写设定依据（实施依据）：清单没有依据列，或该列全部为空")]
    assert sorted(row["finding"] for row in rows if not row["finding"].startswith("list_")) == \
        ["repeated"] * 2 + ["several_departments"] * 8
