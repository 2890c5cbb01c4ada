"""Ingesting into a real store: what lands in the graph, idempotency, versions, failures that write nothing."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from graph.store import Statement, Store
from ingest import link as link_module
from ingest import pipeline, plan_worker
from ingest.link import link, linker
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from queries import catalog
from queries.ambiguities import host_assist_ambiguities

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "sanding"
CITY = Region(("示例市",))
REAL = REPO.parent / "shared" / "real"


def _counts(store: Store) -> tuple[dict[str, int], dict[str, int]]:
    labels = catalog.label_counts(store)
    relationships = {row["type"]: row["count"] for row in catalog.run(store, "relationship_counts")}
    return labels, relationships


def test_examples_load_completely_and_idempotently(store: Store) -> None:
    report = ingest([EXAMPLES], store, region=CITY)
    assert [outcome.error for outcome in report.failed] == []
    assert len(report.outcomes) == 26
    first = _counts(store)
    labels, relationships = first
    # 26 departments with a 三定, plus the six that are only mentioned (有关部门 kept vague; 原市建设委员会 and
    # 原县农业局, bodies a reform abolished, by their own names).
    assert (labels["Region"], labels["Department"], labels["Document"], labels["Office"]) == (3, 32, 26, 206)
    assert relationships["CONTAINS"] == 2 and relationships["HAS_OFFICE"] == 206
    again = ingest([EXAMPLES], store, region=CITY)
    assert again.failed == []
    assert _counts(store) == first


def test_regions_and_departments(store: Store) -> None:
    ingest([EXAMPLES], store, region=CITY)
    rows = store.read("MATCH (p:Region)-[:CONTAINS]->(c:Region) RETURN p.path AS parent, c.path AS child, "
                      "c.level AS level ORDER BY child")
    assert rows == [{"parent": "示例市", "child": "示例市/河西区", "level": "county"},
                    {"parent": "示例市", "child": "示例市/青山县", "level": "county"}]
    county = catalog.run(store, "departments", {"region": "示例市/青山县"})
    assert [(row["department"], row["duties"], row["offices"], row["staff_quota"]) for row in county] == [
        ("青山县交通运输局", 11, 6, 16), ("青山县住房和城乡建设局", 11, 6, 20), ("青山县农业农村局", 12, 7, 22),
        ("青山县城市管理局", 10, 5, 18), ("青山县市场监督管理局", 12, 9, 24), ("青山县应急管理局", 10, 5, 15),
        ("青山县水利局", 9, 5, 14),
    ]
    mentioned = store.read("MATCH (d:Department) WHERE d.sanding_issued IS NULL RETURN d.name AS name, "
                           "d.vague AS vague, d.unresolved AS unresolved ORDER BY name")
    assert mentioned == [
        {"name": "有关部门", "vague": True, "unresolved": False},
        {"name": "河西区人力资源和社会保障局", "vague": False, "unresolved": True},
        {"name": "河西区委编办", "vague": False, "unresolved": True},
        {"name": "示例市建设委员会", "vague": False, "unresolved": True},
        {"name": "示例市民政局", "vague": False, "unresolved": True},
        {"name": "青山县农业局", "vague": False, "unresolved": True},
    ]


def test_lead_and_assist_with_aliases_resolved(store: Store) -> None:
    ingest([EXAMPLES], store, region=CITY)
    rows = catalog.run(store, "matter_parties", {"region": "示例市"})
    wages = [(r["role"], r["department"], r["order"]) for r in rows if r["matter"] == "根治拖欠农民工工资"]
    # 市人社局 / 市住建局 / 交通运输局 / 水务局: abbreviations and a 市 written once for the list.
    assert wages == [("ASSISTS", "示例市交通运输局", None), ("ASSISTS", "示例市住房和城乡建设局", None),
                     ("ASSISTS", "示例市水务局", None), ("LEADS", "示例市人力资源和社会保障局", 1)]
    sources = {r["source"].split("#", 1)[1] for r in rows if r["matter"] == "互联网租赁自行车停放管理"}
    assert sources == {"第六条(二)", "第六条(一)"}


def test_planted_host_assist_ambiguities_and_nothing_else(store: Store) -> None:
    ingest([EXAMPLES], store, region=CITY)
    findings = [(f["reason"], f["matter"], f["host"], f["leads"]) for f in host_assist_ambiguities(store)]
    assert findings == [
        ("conflicting_leads", "互联网租赁自行车停放管理", None, ["示例市城市管理和综合执法局", "示例市交通运输局"]),
        ("lead_and_assist", "全市安全生产大检查和专项整治", None, ["示例市应急管理局"]),
        ("multiple_leads", "农业面源污染防治", "示例市生态环境局", ["示例市生态环境局", "示例市农业农村局"]),
        # shi_zhujian.txt words it 建筑垃圾处置的监督管理工作: one matter with the others' 建筑垃圾处置监督管理.
        ("conflicting_leads", "建筑垃圾处置监督管理", None, ["示例市住房和城乡建设局", "示例市城市管理和综合执法局"]),
        ("vague_party", "拟订全市事业单位人事制度改革政策措施", None, ["示例市人力资源和社会保障局"]),
        ("vague_party", "旅游市场综合监管", None, ["示例市文化广电旅游体育局"]),
    ]


def test_every_node_of_a_document_carries_its_provenance(store: Store) -> None:
    ingest([EXAMPLES / "shi_jiaotong.txt"], store)
    missing = store.read("MATCH (n) WHERE (n:Department OR n:Office OR n:Duty OR n:Matter) AND n.source IS NULL "
                         "RETURN count(n) AS c")
    assert missing == [{"c": 0}]
    rows = store.read("MATCH (u:Duty)-[f:FROM]->(d:Document) WHERE u.ordinal = 5 AND u.holder = $holder "
                      "RETURN f.locator AS locator, d.title AS title",
                      {"holder": "dept:示例市/交通运输局"})
    assert rows == [{"locator": "第三条(五)", "title": "示例市交通运输局职能配置、内设机构和人员编制规定"}]


def test_bad_files_are_reported_and_write_nothing(store: Store, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "notice.txt").write_text("关于召开全市安全生产工作会议的通知\n各单位：定于下周召开会议。\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Café au lait, déjà vu".encode("latin-1"))
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    good = tmp_path / "good.txt"
    good.write_bytes((EXAMPLES / "qingshan_yingji.txt").read_bytes())
    # The same provision with a title that names no region, and a 第一条 that cites no region's 机构改革方案 either:
    # the line of the name is the one to look at.
    text = good.read_text(encoding="utf-8").replace("《示例市青山县机构改革方案》", "《机构改革方案》", 1)
    (tmp_path / "noregion.txt").write_text("\n" + text.replace("青山县应急管理局职能配置", "县应急管理局职能配置", 1),
                                           encoding="utf-8")
    report = ingest([tmp_path], store)
    errors = {Path(outcome.path).name: outcome.error for outcome in report.failed}
    assert sorted(errors) == ["binary.txt", "broken.docx", "empty.txt", "latin1.txt", "noregion.txt", "notice.txt"]
    assert errors["noregion.txt"].endswith(
        "noregion.txt:2: expected a department name with its region, a 第一条 that cites the region's 机构改革方案, "
        "or --region (e.g. --region 示例市/青山县) (the department name 县应急管理局 names no region)")
    assert errors["empty.txt"].endswith("empty.txt: expected a document with text (the file is empty)")
    assert errors["binary.txt"].endswith("binary.txt: expected a text document in UTF-8 or GB18030 (the file is binary)")
    assert "expected a 三定 provision" in errors["notice.txt"]
    assert "latin1.txt:1: expected text in UTF-8 or GB18030 (undecodable bytes at offset 3)" in errors["latin1.txt"]
    assert "broken.docx: expected a Word .docx document" in errors["broken.docx"]
    assert [Path(o.path).name for o in report.outcomes if o.ok] == ["good.txt"]
    assert store.read("MATCH (d:Document) RETURN count(d) AS c") == [{"c": 1}]


def test_a_later_version_stands_beside_the_earlier_one(store: Store, tmp_path: Path) -> None:
    original = (EXAMPLES / "qingshan_yingji.txt").read_text(encoding="utf-8")
    assert "县应急管理局机关行政编制为15名" in original and "2019年4月1日" in original
    revised = original.replace("县应急管理局机关行政编制为15名", "县应急管理局机关行政编制为17名").replace(
        "2019年4月1日", "2021年1月1日").replace("(九)", "(九)负责全县森林防灭火工作。\n(十)", 1)
    assert revised.count("(十)") == 2  # the inserted duty shifted the old (九)
    (tmp_path / "v2.txt").write_text(revised, encoding="utf-8")
    # The newer version first, then the older one: the newer facts must still win.
    city = Region(("示例市",))
    ingest([tmp_path / "v2.txt"], store, region=city)
    ingest([EXAMPLES / "qingshan_yingji.txt"], store, region=city)
    row = catalog.run(store, "departments", {"region": "示例市/青山县"})[0]
    assert (row["department"], row["staff_quota"], row["issued"], row["duties"]) == (
        "青山县应急管理局", 17, "2021-01-01", 11)
    duties = catalog.run(store, "department_duties", {"department": "青山县应急管理局"})
    main = [(d["ordinal"], d["text"][:10]) for d in duties if d["office"] == ""]
    assert main[8] == (9, "负责全县森林防灭火工")


def test_region_option_places_a_bare_department(store: Store) -> None:
    fragment = REAL / "changzhou_zhonglou_quzhengfubangongshi_neishejigou.txt"
    if not fragment.exists():
        import pytest

        pytest.skip("real fragments are not present")
    report = ingest([fragment], store, region=Region(("常州市", "钟楼区")))
    assert report.failed == []
    rows = store.read("MATCH (r:Region)-[:HAS_DEPARTMENT]->(d:Department)-[:HAS_OFFICE]->(o:Office) "
                      "RETURN r.path AS region, d.name AS department, count(o) AS offices")
    assert rows == [{"region": "常州市/钟楼区", "department": "钟楼区政府办公室", "offices": 6}]
    document = store.read("MATCH (d:Document) RETURN d.truncated AS truncated")
    assert document == [{"truncated": True}]


def test_amendment_moves_duties_and_posts(store: Store) -> None:
    notice = REAL / "guojia_weishengjiankangwei_tiaozheng_zhizejigoubianzhi_2023.txt"
    if not notice.exists():
        import pytest

        pytest.skip("real fragments are not present")
    assert ingest([notice], store).failed == []
    moves = store.read("MATCH (a:Department)-[t:TRANSFERRED_TO]->(b:Department) RETURN a.name AS source, "
                       "b.name AS target, t.what AS what, t.staff AS staff, t.leader_posts AS posts "
                       "ORDER BY source, target, what")
    assert moves == [
        {"source": "国家卫生健康委员会", "target": "民政部", "what": "组织拟订并协调落实应对人口老龄化政策措施、承担全国老龄工作委员会的具体工作", "staff": None, "posts": None},
        {"source": "国家卫生健康委员会", "target": "民政部", "what": "行政编制", "staff": 3, "posts": 0},
        {"source": "科学技术部", "target": "国家卫生健康委员会", "what": "组织拟订科技促进卫生健康发展规划和政策", "staff": None, "posts": None},
        {"source": "科学技术部", "target": "国家卫生健康委员会", "what": "行政编制", "staff": 4, "posts": 1},
    ]
    duties = store.read("MATCH (d:Department)-[:HAS_DUTY]->(u:Duty) RETURN d.name AS department, u.status AS status "
                        "ORDER BY department, status")
    assert duties == [{"department": "国家卫生健康委员会", "status": "current"},
                      {"department": "国家卫生健康委员会", "status": "transferred"},
                      {"department": "民政部", "status": "current"},
                      {"department": "科学技术部", "status": "transferred"}]
    health = store.read("MATCH (d:Department {name: '国家卫生健康委员会'}) RETURN d.staff_quota AS staff, "
                        "d.offices_stated AS offices, d.office_leader_posts AS posts")
    assert health == [{"staff": 444, "offices": 19, "posts": 81}]


def _links(store: Store) -> tuple[list[tuple[str, str, float]], list[tuple[str, str, float]], list[str], list[str]]:
    similar = store.read("MATCH (a:Duty)-[e:SIMILAR]->(b:Duty) RETURN a.uid AS a, b.uid AS b, e.score AS score "
                         "ORDER BY a, b")
    refines = store.read("MATCH (a:Duty)-[e:REFINES]->(b:Duty) RETURN a.uid AS a, b.uid AS b, e.score AS score "
                         "ORDER BY a, b")
    boilerplate = store.read("MATCH (u:Duty) WHERE u.boilerplate = true RETURN u.uid AS uid ORDER BY uid")
    unlinked = store.read("MATCH (u:Duty) WHERE u.status = 'current' AND NOT coalesce(u.linked, false) "
                          "RETURN u.uid AS uid ORDER BY uid")
    return ([(r["a"], r["b"], r["score"]) for r in similar], [(r["a"], r["b"], r["score"]) for r in refines],
            [r["uid"] for r in boilerplate], [r["uid"] for r in unlinked])


@pytest.mark.parametrize("planner", ["in the loading process", "in a worker process", "after the worker failed",
                                     "in a worker while loading", "while loading, after the worker failed"])
def test_links_planned_from_the_rows_equal_links_read_back_from_the_graph(
        store: Store, tmp_path: Path, planner: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Into an empty graph the links are computed from the built rows while documents load; relinking from
    # the graph must find exactly the same. A revised 三定 in the same run restates duties under new
    # ordinals, so the newest-statement rule is exercised too. Large runs plan in a worker process (the
    # largest from a first pass, while loading); when it fails, ingest plans in its own or from the graph.
    if planner != "in the loading process":
        monkeypatch.setattr(pipeline, "PLAN_WORKER_FROM", 0)
    if "while loading" in planner:
        monkeypatch.setattr(pipeline, "MAX_PENDING_AHEAD", 0)
    if "failed" in planner:
        monkeypatch.setattr(plan_worker, "WORKER_COMMAND", (sys.executable, "-c", "import sys; sys.exit(3)"))
    original = (EXAMPLES / "qingshan_yingji.txt").read_text(encoding="utf-8")
    revised = original.replace("2019年4月1日", "2021年1月1日").replace("(九)", "(九)负责全县森林防灭火工作。\n(十)", 1)
    (tmp_path / "v2.txt").write_text(revised, encoding="utf-8")
    report = ingest([tmp_path / "v2.txt", EXAMPLES], store, region=CITY)
    assert report.failed == [] and report.links is not None and report.links.similar > 0
    from_rows = _links(store)
    assert from_rows[3] == []  # every current duty marked linked
    link(store, relink_all=True)
    assert _links(store) == from_rows


def test_a_failing_plan_worker_says_how_it_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_worker, "WORKER_COMMAND",
                        (sys.executable, "-c", "import sys; sys.stderr.write('no memory left\\n'); sys.exit(3)"))
    with pytest.raises(plan_worker.PlanWorkerError, match=r"failed \(exit 3\): no memory left"):
        plan_worker.PlanWorker([]).result(lambda flags, similar: None)


def _recorded_linker(store: Store) -> str | None:
    rows = store.read("MATCH (m:Meta {uid: 'meta:links'}) RETURN m.linker AS linker")
    return rows[0]["linker"] if rows else None


def _forget_similar_links(store: Store) -> None:
    store.write(Statement("UNWIND $rows AS r MATCH (:Duty)-[e:SIMILAR]->(:Duty) DELETE e", [{}]))


def test_links_made_by_another_linker_are_redone(store: Store) -> None:
    # Links that another version of the scorer made (other weights after retraining) must not stand beside new
    # ones: the next linking redoes every duty, and says so.
    city = sorted(path for path in EXAMPLES.glob("shi_*") if path.name != "shi_jiaotong.txt")
    report = ingest(city, store, region=CITY)
    assert report.links is not None and not report.links.stale
    assert _recorded_linker(store) == linker()
    first = {row["uid"] for row in store.read("MATCH (u:Duty) RETURN u.uid AS uid")}

    def among_first(pairs: list[tuple[str, str, float]]) -> int:
        return sum(1 for a, b, _score in pairs if a in first and b in first)

    assert among_first(_links(store)[0]) > 0
    # With the same linker, a new document is compared only with what is there: lost pairs stay lost.
    _forget_similar_links(store)
    report = ingest([EXAMPLES / "shi_jiaotong.txt"], store, region=CITY)
    assert report.links is not None and not report.links.stale and report.links.new < report.links.duties
    assert among_first(_links(store)[0]) == 0
    # Under another linker's name, every duty is linked again.
    _forget_similar_links(store)
    store.write(Statement("UNWIND $rows AS r MATCH (m:Meta {uid: 'meta:links'}) SET m.linker = r.linker",
                          [{"linker": "an-older-scorer#000000000000"}]))
    relinked = link(store)
    assert relinked.stale and relinked.new == relinked.duties
    after = _links(store)
    assert among_first(after[0]) > 0 and after[3] == []
    assert _recorded_linker(store) == linker()
    assert link(store, relink_all=True).stale is False and _links(store) == after


def test_the_linker_changes_with_the_code_that_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    # A feature computed differently scores differently even with the same weights: the source is recorded.
    shipped = linker()
    monkeypatch.setattr(link_module, "SCORING_MODULES", ("similarity.py",))
    link_module.linker.cache_clear()
    try:
        assert linker() != shipped and linker().split("#")[0] == shipped.split("#")[0]
    finally:
        monkeypatch.undo()
        link_module.linker.cache_clear()
    assert linker() == shipped


def test_a_graph_linked_before_linkers_were_recorded_is_relinked(store: Store) -> None:
    ingest([EXAMPLES / "shi_chengguan.txt", EXAMPLES / "shi_zhujian.txt"], store, region=CITY)
    store.write(Statement("UNWIND $rows AS r MATCH (m:Meta {uid: 'meta:links'}) DELETE m", [{}]))
    assert link(store).stale
    assert not link(store).stale


def test_a_region_option_fits_the_regions_already_in_the_graph(store: Store) -> None:
    ingest([EXAMPLES / "shi_jiaotong.txt", EXAMPLES / "qingshan_yingji.txt"], store, region=CITY)
    # A bare county name means the county already there; a name that starts from a top region keeps it.
    ingest([EXAMPLES / "qingshan_shuili.txt"], store, region=Region(("青山县",)))
    ingest([EXAMPLES / "hexi_jiaoyu.txt"], store, region=Region(("火星市",)))
    rows = store.read("MATCH (r:Region)-[:HAS_DEPARTMENT]->(d:Department) WHERE d.base_name IN $names "
                      "RETURN r.path AS region, d.name AS department ORDER BY department",
                      {"names": ["水利局", "教育局"]})
    assert rows == [{"region": "示例市/河西区", "department": "河西区教育局"},
                    {"region": "示例市/青山县", "department": "青山县水利局"}]
    assert [row["path"] for row in store.read("MATCH (r:Region) RETURN r.path AS path ORDER BY path")] == [
        "示例市", "示例市/河西区", "示例市/青山县"]


def test_a_bare_region_option_into_a_new_graph_is_the_county_its_documents_write_under_their_city(
        store: Store) -> None:
    # A county's 编办 loads its own 三定 alone with --region 青山县: 示例市青山县交通运输局 places the county under 示例市,
    # so 青山县水利局 (whose 第一条 cites 示例市's 方案 only) goes there too, not to a second 青山县 at the top.
    report = ingest([EXAMPLES / "qingshan_jiaotong.txt", EXAMPLES / "qingshan_shuili.txt"], store,
                    region=Region(("青山县",)))
    assert report.failed == []
    rows = store.read("MATCH (r:Region)-[:HAS_DEPARTMENT]->(d:Department) "
                      "RETURN r.path AS region, d.name AS department ORDER BY department")
    # 水利局's 三定 took 农田水利 over from the 原县农业局: a body by that name, not today's 农业农村局.
    assert rows == [{"region": "示例市/青山县", "department": "青山县交通运输局"},
                    {"region": "示例市/青山县", "department": "青山县农业局"},
                    {"region": "示例市/青山县", "department": "青山县水利局"}]
    assert [row["path"] for row in store.read("MATCH (r:Region) RETURN r.path AS path ORDER BY path")] == [
        "示例市", "示例市/青山县"]
    assert [warning for outcome in report.outcomes for warning in outcome.warnings if "--region" in warning] == []


@pytest.mark.parametrize(("text", "message"), [
    ("火星市/x", "region '火星市/x': expected names such as 示例市/青山县 ('x' is not the name of a region: "
                "省, 市, 州, 盟, 地区, 县, 区, 旗, 乡, 镇 or 街道)"),
    ("广东省/广州市/天河区/石牌街道/一村", "region '广东省/广州市/天河区/石牌街道/一村': expected names such as 示例市/青山县 "
                                  "('一村' is not the name of a region: 省, 市, 州, 盟, 地区, 县, 区, 旗, 乡, 镇 or 街道)"),
    ("广东省/广州市/天河区/石牌街道/五山街道", "region '广东省/广州市/天河区/石牌街道/五山街道': expected at most four levels "
                                     "(province, city, county, township)"),
])
def test_a_region_option_must_name_regions(text: str, message: str) -> None:
    from ingest.regions import parse_region_option

    with pytest.raises(ValueError) as caught:
        parse_region_option(text)
    assert str(caught.value) == message
    assert parse_region_option("广东省／广州市 / 天河区").path == "广东省/广州市/天河区"


def test_the_catch_all_is_boilerplate_even_in_a_corpus_of_one_department(store: Store) -> None:
    # One department has no peers to show which duties every department holds; its closing catch-all is
    # still no work of its own (a small corpus listed it under undecomposed duties and counted it as load).
    ingest([EXAMPLES / "qingshan_yingji.txt"], store, region=CITY)
    rows = store.read("MATCH (:Department)-[:HAS_DUTY]->(u:Duty) WHERE u.boilerplate = true RETURN u.text AS text")
    assert rows == [{"text": "完成县委、县政府交办的其他任务。"}]


def test_a_region_one_character_off_a_known_one_is_said_with_the_command_line_s_remedy(store: Store,
                                                                                       tmp_path: Path) -> None:
    """--region 临州市 beside the graph's 临川市 makes a new city, said with what its user can do: reset the graph
    (dutygraph remove; an upload words it for the page's user: tests/api/test_documents_http.py)."""
    known, near = tmp_path / "hedao.csv", tmp_path / "shantang.csv"
    known.write_text("序号,事项名称,牵头部门,配合部门\n1,河道采砂管理,市水利局,市公安局\n", encoding="utf-8")
    near.write_text("序号,事项名称,牵头部门,配合部门\n1,山塘巡查,市水利局,市应急管理局\n", encoding="utf-8")
    assert ingest([known], store, region=Region(("临川市",))).failed == []
    (outcome,) = ingest([near], store, region=Region(("临州市",))).outcomes
    assert outcome.ok and outcome.warnings == [
        f"{near}: --region 临州市 is new to the graph, which has 临川市: loaded into a new region 临州市; if 临川市 was "
        f"meant, take it out (dutygraph remove {near}) and load it again with that; 区划 临州市 在图中不存在，与已有的 "
        f"临川市 只差一个字：已作为新区划载入；若应为 临川市，请移除该文件（dutygraph remove {near}）后按正确区划重新载入"]
    # Taken out, the file takes the misspelt region with it.
    remove(store, find_documents(store, [str(near)]))
    assert [row["path"] for row in store.read("MATCH (r:Region) RETURN r.path AS path ORDER BY path")] == ["临川市"]
