"""The bundled corpus, 三定 and lists together, in a real store: items, claims, holdings, planted cases."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from graph.store import Statement, Store
from ingest.names import township_of
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.ambiguities import host_assist_ambiguities
from tests.conftest import one_sheet_workbook

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CITY = Region(("示例市",))


@pytest.fixture
def loaded(store: Store) -> Store:
    report = ingest([EXAMPLES], store, region=CITY)
    assert [outcome.error for outcome in report.failed] == []
    return store


def _one(store: Store, cypher: str, **params: object) -> object:
    rows = store.read(cypher, params)
    assert len(rows) == 1
    return next(iter(rows[0].values()))


def test_items_and_their_holders(loaded: Store) -> None:
    labels = catalog.label_counts(loaded)
    assert (labels["PowerItem"], labels["SupervisionItem"], labels["Document"]) == (79, 41, 37)
    assert _one(loaded, "MATCH (:Department)-[e:EXERCISES]->(:PowerItem) RETURN count(e) AS c") == 79
    # Every filled 承办机构 cell names an office of the department's 三定 (76 cells).
    assert _one(loaded, "MATCH (:Office)-[e:EXERCISES]->(:PowerItem) RETURN count(e) AS c") == 76
    assert _one(loaded, "MATCH (d:Document) WHERE any(n IN d.notes WHERE n CONTAINS '承办机构') "
                        "RETURN count(d) AS c") == 0
    ecology = loaded.read("MATCH (d:Department)-[:EXERCISES]->(p:PowerItem) WHERE d.name = $name "
                          "RETURN count(p) AS c", {"name": "示例市生态环境局"})
    assert ecology == [{"c": 8}]  # the sheet named 市生态环境局 has no department column


def test_claims_and_unclaimed_items(loaded: Store) -> None:
    assert _one(loaded, "MATCH (:Department)-[c:CLAIMS]->(:SupervisionItem) RETURN count(c) AS c") == 39
    unclaimed = loaded.read("MATCH (s:SupervisionItem) WHERE NOT (s)<-[:CLAIMS]-() "
                            "RETURN s.code AS code, s.region AS region ORDER BY code")
    assert unclaimed == [{"code": "JG370000701", "region": "示例市"}, {"code": "JG370201500", "region": "示例市/河西区"}]
    assert _one(loaded, "MATCH (s:SupervisionItem) WHERE s.claimed = false RETURN count(s) AS c") == 2


def test_city_county_holdings(loaded: Store) -> None:
    freight = loaded.read(
        "MATCH (r:Region)-[h:HOLDS]->(m:Matter {name: $name}) RETURN r.path AS region, h.share AS share ORDER BY region",
        {"name": "道路普通货物运输经营许可"})
    assert freight == [{"region": "示例市/河西区", "share": "exclusive"}, {"region": "示例市/青山县", "share": "exclusive"}]
    # ... and yet the city's transport bureau lists it as its own licence (a planted conflict).
    city_item = loaded.read("MATCH (d:Department)-[:EXERCISES]->(p:PowerItem {name: $name}) RETURN d.name AS d ORDER BY d",
                            {"name": "道路普通货物运输经营许可"})
    assert city_item == [{"d": "示例市交通运输局"}, {"d": "青山县交通运输局"}]
    delegated = loaded.read("MATCH (r:Region)-[h:HOLDS {share: 'delegated'}]->(m:Matter) "
                            "RETURN m.name AS matter, r.path AS region, h.role AS role ORDER BY matter, region")
    assert [(row["matter"], row["region"], row["role"]) for row in delegated] == [
        ("农药经营许可", "示例市", "principal"), ("农药经营许可", "示例市/青山县", "agent"),
        ("地震监测设施和观测环境保护", "示例市", "principal"), ("地震监测设施和观测环境保护", "示例市/青山县", "agent"),
        ("特种设备使用登记", "示例市", "principal"), ("特种设备使用登记", "示例市/青山县", "agent"),
    ]
    shares = loaded.read("MATCH (:Region)-[h:HOLDS]->(m:Matter) RETURN count(DISTINCT m) AS matters")
    assert shares == [{"matters": 48}]


def test_townships_are_their_own_bodies(loaded: Store) -> None:
    rows = loaded.read("MATCH (r:Region {level: 'township'})-[:HAS_DEPARTMENT]->(d:Department) "
                       "RETURN r.path AS region, d.name AS name ORDER BY region")
    assert rows == [
        {"region": "示例市/河西区/河西街道", "name": "河西街道办事处"},
        {"region": "示例市/河西区/滨江街道", "name": "滨江街道办事处"},
        {"region": "示例市/青山县/城关镇", "name": "城关镇人民政府"},
        {"region": "示例市/青山县/石桥镇", "name": "石桥镇人民政府"},
    ]


@pytest.mark.parametrize(("party", "township"), [
    ("城关镇", "城关镇"), ("城关镇人民政府", "城关镇"), ("青山县城关镇", "城关镇"), ("明光市明南街道办事处", "明南街道"),
    ("示例市河西区河西街道", "河西街道"),  # every region name goes, not the first alone
    ("市桥街道", "市桥街道"), ("青山县新市镇", "新市镇"),  # 市 inside a township's name is no region
    ("各乡镇人民政府", ""), ("城关镇财政所", ""), ("青山县交通运输局", ""),
])
def test_the_township_a_party_names(party: str, township: str) -> None:
    assert township_of(party) == township


def test_planted_boundary_cases(loaded: Store) -> None:
    findings = {(f["reason"], f["matter"]): f for f in host_assist_ambiguities(loaded)}
    assert findings[("multiple_leads", "农业面源污染防治")]["host"] == "示例市生态环境局"
    assert findings[("no_lead", "电动自行车集中充电设施安全管理")]["assists"] == [
        "青山县住房和城乡建设局", "青山县市场监督管理局", "青山县应急管理局"]
    assert findings[("vague_party", "城市“牛皮癣”小广告清理整治")]["leads"] == ["有关部门"]
    # The county list names 县市场监管局 as the lead of 畜禽屠宰; its 三定 holds nothing like it, 县农业农村局's does.
    slaughter = findings[("lead_without_mandate", "畜禽屠宰监督管理")]
    assert (slaughter["leads"], slaughter["assists"]) == (["青山县市场监督管理局"], ["青山县农业农村局"])
    assert [source.split("#")[1] for source in slaughter["sources"]] == ["第14行"]
    assert slaughter["mandate"] == [{"lead": "青山县市场监督管理局", "holder": "青山县农业农村局",
                                     "duty": "负责动物防疫检疫、农作物病虫害防治和畜禽屠宰行业管理。",
                                     "source": slaughter["mandate"][0]["source"]}]
    assert slaughter["mandate"][0]["source"].endswith("#第三条(七)")
    # Leads whose duties are not in the graph (towns, 市数据资源局) are not judged, and every other lead holds its work.
    assert [f["matter"] for f in findings.values() if f["reason"] == "lead_without_mandate"] == ["畜禽屠宰监督管理"]
    data = loaded.read("MATCH (d:Department)-[:LEADS]->(m:Matter {name: '政务数据共享交换'}) "
                       "RETURN d.name AS name, d.unresolved AS unresolved")
    assert data == [{"name": "示例市数据资源局", "unresolved": True}]
    # A list restating a 三定 clause meets it on the same matter node; the housing bureau's 三定 words it its own way
    # (建筑垃圾处置的监督管理工作): a node of its own, which the queries read as the same matter (queries.matter_names).
    sources = loaded.read("MATCH (:Department)-[l:LEADS]->(m:Matter) WHERE m.name STARTS WITH '建筑垃圾处置' "
                          "RETURN m.name AS matter, count(DISTINCT l.source) AS c ORDER BY matter")
    assert sources == [{"matter": "建筑垃圾处置的监督管理", "c": 1}, {"matter": "建筑垃圾处置监督管理", "c": 2}]


def test_a_township_s_territorial_responsibility_is_kept_on_its_edges(loaded: Store) -> None:
    """A 属地 list's township 主体责任 is its own area's (属地管理), not a department's 牵头: its LEADS, and the ASSISTS
    of those who 配合 it, say `responsibility: territorial`. A department bearing the 主体责任 (with the township
    配合) answers county-wide: its row's edges are a department's, as the boundary list's and the 三定's are."""
    rows = loaded.read(
        "MATCH (d:Department)-[e:LEADS|ASSISTS]->(m:Matter) WHERE m.region = $county "
        "AND m.name IN ['防汛抗旱', '食品小作坊、小餐饮日常巡查', '烟花爆竹非法经营巡查'] "
        "RETURN m.name AS matter, type(e) AS role, d.name AS department, e.source AS source, "
        "e.responsibility AS responsibility ORDER BY matter, role, department, source",
        {"county": "示例市/青山县"})
    assert [(r["matter"], r["role"], r["department"], r["source"].split("#")[1], r["responsibility"]) for r in rows] \
        == [
        ("烟花爆竹非法经营巡查", "ASSISTS", "石桥镇人民政府", "属地管理事项!10", None),
        ("烟花爆竹非法经营巡查", "ASSISTS", "青山县市场监督管理局", "属地管理事项!10", None),
        ("烟花爆竹非法经营巡查", "LEADS", "青山县应急管理局", "属地管理事项!10", None),
        ("防汛抗旱", "ASSISTS", "青山县交通运输局", "第9行", None),
        ("防汛抗旱", "ASSISTS", "青山县住房和城乡建设局", "第9行", None),
        ("防汛抗旱", "ASSISTS", "青山县应急管理局", "属地管理事项!12", "territorial"),
        ("防汛抗旱", "ASSISTS", "青山县水利局", "第9行", None),
        ("防汛抗旱", "ASSISTS", "青山县水利局", "属地管理事项!12", "territorial"),
        ("防汛抗旱", "LEADS", "城关镇人民政府", "属地管理事项!12", "territorial"),
        ("防汛抗旱", "LEADS", "青山县应急管理局", "第9行", None),
        ("食品小作坊、小餐饮日常巡查", "ASSISTS", "城关镇人民政府", "属地管理事项!8", None),
        ("食品小作坊、小餐饮日常巡查", "LEADS", "青山县市场监督管理局", "属地管理事项!8", None),
    ]
    # Every township's LEADS in the two 属地 lists is territorial, and no other LEADS is.
    leads = loaded.read("MATCH (d:Department)-[e:LEADS]->(:Matter) WHERE e.responsibility = 'territorial' "
                        "RETURN d.kind AS kind, count(e) AS edges ORDER BY kind")
    assert leads == [{"kind": "乡镇（街道）", "edges": 14}]


def test_a_city_s_counties_named_as_a_whole_bear_it_in_their_own_areas(store: Store, tmp_path: Path) -> None:
    """A city's 属地 list making 各县（区）人民政府 bear the 主体责任 gives each county's government the matter in its own
    area, as a township's is in its own: its LEADS, and the ASSISTS of the city department that 配合s it, are
    territorial, and the party is the 属地 party, neither vague nor a department of the city."""
    path = one_sheet_workbook(tmp_path, [
        ["序号", "属地管理事项", "主体责任单位", "配合责任单位", "主体责任", "配合责任"],
        [1, "违法占用耕地巡查", "各县(区)人民政府", "市自然资源和规划局", "组织辖区耕地巡查。", "负责业务指导。"]],
        name="属地.xlsx")
    assert ingest([path], store, region=CITY).failed == []
    rows = store.read(
        "MATCH (d:Department)-[e:LEADS|ASSISTS]->(m:Matter) RETURN m.name AS matter, type(e) AS role, "
        "d.uid AS uid, d.kind AS kind, d.vague AS vague, e.responsibility AS responsibility ORDER BY role")
    assert rows == [
        {"matter": "违法占用耕地巡查", "role": "ASSISTS", "uid": "dept:示例市/自然资源和规划局", "kind": None,
         "vague": False, "responsibility": "territorial"},
        {"matter": "违法占用耕地巡查", "role": "LEADS", "uid": "dept:示例市/@各县（区）人民政府", "kind": "属地",
         "vague": False, "responsibility": "territorial"},
    ]
    assert host_assist_ambiguities(store) == []


def test_a_bad_list_writes_nothing_and_the_others_load(store: Store, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "清单"
    for row in (["序号", "事项名称", "权力类型", "实施主体"], [1, "枪支持有许可", "行政许可", "市公安局"],
                [2, "户口迁移", "户籍类", "市公安局"]):
        sheet.append(row)
    workbook.save(tmp_path / "bad.xlsx")
    (tmp_path / "unknown.csv").write_text("会议名称,时间\n安全生产会议,周一\n", encoding="utf-8")
    (tmp_path / "good.csv").write_bytes((EXAMPLES / "lists" / "jianguan_shi.csv").read_bytes())
    report = ingest([tmp_path], store, region=CITY)
    errors = {Path(o.path).name: o.error for o in report.failed}
    assert sorted(errors) == ["bad.xlsx", "unknown.csv"]
    assert errors["bad.xlsx"] == (f"{tmp_path / 'bad.xlsx'}:3: expected a 权力类型 such as 行政许可, 行政处罚 or "
                                  "其他行政权力, found '户籍类' (sheet 清单; column C 权力类型)")
    assert "unknown.csv:1: expected a header row naming the columns of a list" in errors["unknown.csv"]
    assert store.read("MATCH (p:PowerItem) RETURN count(p) AS c") == [{"c": 0}]
    assert store.read("MATCH (s:SupervisionItem) RETURN count(s) AS c") == [{"c": 21}]


def _keyed_edges(store: Store) -> list[dict[str, object]]:
    return store.read("MATCH (d:Department)-[e]->(m:Matter) RETURN type(e) AS type, d.uid AS department, "
                      "m.uid AS matter, e.source AS source ORDER BY type, department, matter, source")


def test_a_copy_of_a_list_under_another_name_adds_no_second_lead(loaded: Store, tmp_path: Path) -> None:
    before = _keyed_edges(loaded)
    copy = tmp_path / "边界清单副本.csv"
    copy.write_bytes((EXAMPLES / "lists" / "bianjie_qingshan.csv").read_bytes())
    assert ingest([copy], loaded, region=CITY).failed == []
    assert _keyed_edges(loaded) == before


def test_a_document_loaded_again_drops_the_clauses_its_earlier_load_located_otherwise(loaded: Store) -> None:
    # As a graph loaded by a version that named a CSV's rows after the file (bianjie_qingshan!9) holds them.
    path = EXAMPLES / "lists" / "bianjie_qingshan.csv"
    document = _one(loaded, "MATCH (d:Document) WHERE d.path ENDS WITH $name RETURN d.uid AS uid", name=path.name)
    edges = [edge for edge in _keyed_edges(loaded) if edge["source"] == f"{document}#第9行"]
    assert edges and all(edge["type"] in {"LEADS", "ASSISTS"} for edge in edges)
    loaded.write_atomic([Statement(
        "UNWIND $rows AS r MATCH (d:Department {uid: r.department}), (m:Matter {uid: r.matter}) "
        "CREATE (d)-[:LEADS {source: r.source, order: 1}]->(m)",
        [{**edge, "source": edge["source"].replace("#第9行", "#bianjie_qingshan!9")} for edge in edges
         if edge["type"] == "LEADS"])])
    assert len(_keyed_edges(loaded)) > len(edges)
    before = [edge for edge in _keyed_edges(loaded) if not edge["source"].endswith("#bianjie_qingshan!9")]
    assert ingest([path], loaded, region=CITY).failed == []
    assert _keyed_edges(loaded) == before


def test_a_header_merged_over_two_lead_columns_loads_both_leads_in_order(store: Store, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "边界"
    for row in (["序号", "边界事项", "牵头部门", None, "配合部门"], [1, "河湖岸线违建整治", "市水务局", "市城管局", "市公安局"]):
        sheet.append(row)
    sheet.merge_cells("C1:D1")
    path = tmp_path / "span.xlsx"
    workbook.save(path)
    report = ingest([path], store, region=CITY)
    assert [(outcome.ok, outcome.warnings) for outcome in report.outcomes] == [(True, [
        "sheet 边界: the header cell 牵头部门 spans C1:D1; the names in columns C and D are all read as 牵头部门, "
        "in column order; 工作表“边界”的表头“牵头部门”跨 C1:D1：C、D 列的名称都按“牵头部门”读取，按列的顺序"])]
    parties = store.read("MATCH (d:Department)-[e:LEADS|ASSISTS]->(m:Matter) RETURN m.name AS matter, type(e) AS role, "
                         "e.order AS order, d.name AS department ORDER BY role, order, department")
    assert parties == [
        {"matter": "河湖岸线违建整治", "role": "ASSISTS", "order": None, "department": "示例市公安局"},
        {"matter": "河湖岸线违建整治", "role": "LEADS", "order": 1, "department": "示例市水务局"},
        {"matter": "河湖岸线违建整治", "role": "LEADS", "order": 2, "department": "示例市城管局"},
    ]


def test_lower_governments_named_as_a_whole_are_a_territorial_party(store: Store, tmp_path: Path) -> None:
    # FORMATS §5: lists name the county or township governments as a whole as the party that carries a matter
    # out (`各县、区人民政府负责落实`). Such a party is a well-defined 属地 party: never 有关部门-style vague, its
    # name kept whole (各县（区）, not 各县), and not a township called 各乡镇.
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "边界"
    for row in (["序号", "边界事项", "牵头部门", "配合部门"],
                [1, "背街小巷占道堆物整治", "市城管局", "各县（区）人民政府"],
                [2, "农村集贸市场秩序维护", "各乡镇人民政府", "市城管局、属地政府"]):
        sheet.append(row)
    path = tmp_path / "属地.xlsx"
    workbook.save(path)
    assert ingest([path], store, region=CITY).failed == []
    parties = store.read(
        "MATCH (d:Department)-[e:LEADS|ASSISTS]->(m:Matter) WHERE coalesce(d.kind, '') = '属地' "
        "RETURN m.name AS matter, type(e) AS role, d.name AS name, d.uid AS uid, d.vague AS vague, "
        "d.unresolved AS unresolved ORDER BY matter, role")
    assert parties == [
        {"matter": "农村集贸市场秩序维护", "role": "ASSISTS", "name": "属地政府", "uid": "dept:示例市/@属地政府",
         "vague": False, "unresolved": False},
        {"matter": "农村集贸市场秩序维护", "role": "LEADS", "name": "各乡镇人民政府", "uid": "dept:示例市/@各乡镇人民政府",
         "vague": False, "unresolved": False},
        {"matter": "背街小巷占道堆物整治", "role": "ASSISTS", "name": "各县（区）人民政府",
         "uid": "dept:示例市/@各县（区）人民政府", "vague": False, "unresolved": False},
    ]
    assert store.read("MATCH (r:Region) RETURN r.path AS path") == [{"path": "示例市"}]
    assert store.read("MATCH (:Region)-[:HAS_DEPARTMENT]->(d:Department) WHERE d.kind = '属地' RETURN d.name") == []
    # Neither matter is unclear: one lead each, and a 属地 party is not 责任主体模糊.
    assert host_assist_ambiguities(store) == []
