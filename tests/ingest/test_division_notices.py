"""职责分工 documents in prose load as boundary lists: a notice dividing sectors among departments, a task
plan whose tasks close with a 牵头/参与 clause, and departments as headings. Our own three in tests/data/notices,
and the real copies from ../shared/real where present."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.division_notice import division_notice
from ingest.model import BoundaryRecord, ListDocument
from ingest.pipeline import ingest
from ingest.readers import read_source
from ingest.regions import Region
from queries.ambiguities import host_assist_ambiguities
from tests.conftest import real_document

NOTICES = Path(__file__).resolve().parent.parent / "data" / "notices"
SECTOR_NOTICE = NOTICES / "qingshan_fenggong_tongzhi.txt"
TASK_PLAN = NOTICES / "shi_kongqi_fangan.txt"
DEPARTMENT_HEADINGS = NOTICES / "hexi_anquan_zhize.txt"


def _notice(path: Path) -> ListDocument:
    document = division_notice(read_source(path))
    assert document is not None
    return document


def _records(document: ListDocument) -> list[tuple[int, str, list[str], list[str]]]:
    return [(r.where.row, r.matter, r.leads, r.assists) for r in document.records if isinstance(r, BoundaryRecord)]


def test_sector_headings_are_the_matters_of_the_items_below_them() -> None:
    document = _notice(SECTOR_NOTICE)
    assert (document.kind, document.title, document.warnings) == (
        "boundary", "青山县人民政府办公室关于明确部分新兴领域监管职责分工的通知", [])
    assert _records(document) == [
        (6, "露营地", ["县文旅局"], []),
        (7, "露营地", ["县自然资源局"], []),
        (8, "露营地", [], ["县消防救援大队"]),  # 配合做好…: it assists
        (10, "电动自行车停放充电", ["县住建局"], []),
        (11, "电动自行车停放充电", ["县消防救援大队"], ["县公安局"]),
    ]
    # Dated and numbered by lines of their own: the 文号 under the title, the date under the issuer at the end.
    assert (document.issued, document.doc_number) == ("2026-03-02", "青政办〔2026〕7号")


def test_a_notice_loads_with_its_date_and_number(store: Store) -> None:
    report = ingest([SECTOR_NOTICE], store, region=Region(("示例市", "青山县")))
    assert [outcome.error for outcome in report.failed] == []
    assert store.read("MATCH (v:Document) RETURN v.issued AS issued, v.doc_number AS doc_number") == [
        {"issued": "2026-03-02", "doc_number": "青政办〔2026〕7号"}]


def test_each_task_closing_clause_names_the_leads_in_order_and_the_assists() -> None:
    document = _notice(TASK_PLAN)
    assert (document.title, document.warnings) == ("示例市空气质量提升行动方案（2026—2027年）", [])
    assert _records(document) == [
        (5, "整治餐饮油烟", ["市城管局"], ["市生态环境局", "市市场监管局"]),
        (6, "管控扬尘污染", ["市住建局", "市城管局"], ["市交通运输局"]),
        (7, "淘汰老旧车辆", ["市交通运输局"], ["市公安局", "市财政局"]),
    ]
    assert document.records[0].text.startswith("整治餐饮油烟。开展城区餐饮服务单位")


def test_a_department_heading_owns_the_numbered_duties_below_it() -> None:
    assert _records(_notice(DEPARTMENT_HEADINGS)) == [
        (3, "综合监督管理全区安全生产", ["区应急局"], []),
        (4, "生产安全事故调查处理", [], ["区应急局"]),
        (5, "学校校舍安全和校园安全管理", ["区教育局"], []),
        (7, "医疗卫生机构安全生产监督管理", ["区卫健委"], []),  # `（三）区卫健委：` heads the duty below it
    ]


def test_a_sanding_is_not_a_notice_though_it_has_division_clauses() -> None:
    sanding = Path(__file__).resolve().parents[2] / "examples" / "sanding" / "shi_chengguan.txt"
    assert "牵头" in sanding.read_text(encoding="utf-8")
    assert division_notice(read_source(sanding)) is None


def test_a_task_plan_loads_its_leads_and_finds_the_two_lead_task(store: Store) -> None:
    report = ingest([TASK_PLAN], store)
    assert [outcome.error for outcome in report.failed] == []
    leads = store.read("MATCH (d:Department)-[l:LEADS]->(m:Matter) RETURN m.name AS matter, d.name AS lead, "
                       "l.order AS ord ORDER BY matter, ord")
    assert leads == [
        {"matter": "整治餐饮油烟", "lead": "示例市城管局", "ord": 1},
        {"matter": "淘汰老旧车辆", "lead": "示例市交通运输局", "ord": 1},
        {"matter": "管控扬尘污染", "lead": "示例市住建局", "ord": 1},
        {"matter": "管控扬尘污染", "lead": "示例市城管局", "ord": 2},
    ]
    findings = [(f["matter"], f["reason"], f["host"]) for f in host_assist_ambiguities(store, "示例市")]
    assert findings == [("管控扬尘污染", "multiple_leads", "示例市住建局")]


def test_a_notice_is_read_only_as_a_boundary_list(store: Store) -> None:
    report = ingest([SECTOR_NOTICE], store, kind="power")
    assert [outcome.error for outcome in report.failed] == [
        f"{SECTOR_NOTICE}: expected a list (.csv, .xlsx, a table copied into text, or for --kind boundary a 职责分工 "
        "document in prose) for --kind power"]
    report = ingest([SECTOR_NOTICE], store, kind="boundary", region=Region(("示例市", "青山县")))
    assert [outcome.error for outcome in report.failed] == []
    assert store.read("MATCH (d:Department)-[:ASSISTS]->(m:Matter) RETURN m.name AS matter, d.name AS party "
                      "ORDER BY matter, party") == [
        {"matter": "电动自行车停放充电", "party": "青山县公安局"},
        {"matter": "露营地", "party": "青山县消防救援大队"},
    ]


def test_real_sector_notice_cut_mid_item() -> None:
    document = _notice(real_document("luan_jinan_anquanshengchan_zhizefengong.txt"))
    assert document.title.startswith("六安市金安区人民政府办公室关于印发《进一步明确我区部分行业(领域)安全生产监管职责分工》")
    records = _records(document)
    assert [(row, matter, leads) for row, matter, leads, _ in records] == [
        (11, "剧本娱乐经营场所", ["区文旅局"]), (12, "剧本娱乐经营场所", ["区公安分局"]),
        (13, "剧本娱乐经营场所", ["区住建局"]), (14, "剧本娱乐经营场所", ["区消防救援大队"]),
        (16, "平台经济", ["区市场监管局"]), (17, "平台经济", ["区商务局"]), (18, "平台经济", ["区城管局"]),
        (19, "平台经济", ["区交通局"]), (20, "平台经济", ["区邮政管理局"]),
        (22, "新能源汽车", ["区经信局"]), (23, "新能源汽车", ["区发改委"]),
    ]
    # 文号 on line 4 and the date on line 8, above the attached division itself.
    assert (document.issued, document.doc_number) == ("2024-05-17", "金政办〔2024〕4号")
    assert document.warnings == ["line 23: the copy ends mid-sentence ()区发改委负责对本地区充换电基础设施规划); what followed "
                                 "the cut is not in the graph; 第 23 行文字在句中中断，其后内容未载入"]


def test_real_task_plan_whose_copy_ran_two_tasks_into_one_line(store: Store) -> None:
    path = real_document("chaozhou_lantianbaoweizhan_fangan_qiantou_canyu.txt")
    assert _records(_notice(path)) == [
        (10, "制定实施准入清单", ["市生态环境局"], ["市发展和改革局", "工业和信息化局", "自然资源局"]),
        # The bracket's `各县、区人民政府(管委会)负责落实` does not end the clause; the next task starts after it.
        (10, "县级及以上城市建成区原则上不再新建每小时35蒸吨以下燃煤锅炉", ["市生态环境局", "市场监管局"],
         ["市发展和改革局", "工业和信息化局"]),
        # Cut inside its clause: the leads are kept, the assists cut off are not guessed.
        (11, "排查整治“散乱污”工业企业(场所)", ["市生态环境局", "发展和改革局", "工业和信息化局"], []),
    ]
    report = ingest([path], store)
    assert [outcome.error for outcome in report.failed] == []
    assert store.read("MATCH (m:Matter) RETURN DISTINCT m.region AS region") == [{"region": "潮州市"}]


def test_a_rule_that_names_no_department_is_no_notice_and_fails_clearly(store: Store) -> None:
    path = real_document("guojia_bumen_zhizefengong_xietiao_banfa.txt")
    assert division_notice(read_source(path)) is None
    report = ingest([path], store)
    assert [outcome.error for outcome in report.failed] == [
        f"{path}: expected a 三定 provision (…职能配置、内设机构和人员编制规定) (found no main duties, internal offices or "
        "staffing)"]
