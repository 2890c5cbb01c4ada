"""Read endpoints: departments, regions, matters, documents, stats, and every analysis of the catalog."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from api.deps import CityFilter, DepartmentFilter, Format, RegionFilter, StoreDep
from api.problems import Problem, problem_responses
from api.readings import EMPTY_NOTE_HEADER, REGION_NOTE_HEADER, say_reading
from api.schemas import (
    Ambiguity,
    Candidate,
    CounterpartDuty,
    DepartmentRow,
    DocumentRow,
    DocumentRowNumbers,
    DutiesInForcePage,
    MatterRow,
    Network,
    OrphanItem,
    OverlapCluster,
    Page,
    PowerSplit,
    PowerSplitCellMatters,
    Profile,
    ReadableDutiesInForce,
    RegionCounts,
    RegionRow,
    Share,
    StaffingRow,
    Stats,
    TransferFinding,
    UndecomposedRow,
)
from api.tabular import (
    CSV,
    DEFAULT_LIMIT,
    TABLE_TITLES,
    XLSX,
    Limit,
    Offset,
    page,
    readable_list,
    tables,
    wanted_format,
    whole,
)
from ingest.similarity import DEFAULT_THRESHOLD
from queries import catalog
from queries.ambiguities import host_assist_ambiguities
from queries.catalog import iso_date
from queries.counterpart_duties import counterpart_duties
from queries.empty import levels_not_loaded, region_needed, split_not_loaded
from queries.in_force import InForce, in_force, readable_documents
from queries.labels import SHARE_LABELS
from queries.lookup import find_department, names_read_as, reading
from queries.network import coordination_network
from queries.orphans import orphan_supervision_items
from queries.overlaps import overlaps
from queries.power_split import cell_holdings, power_split
from queries.profile import department_profile
from queries.report import stats
from queries.sources import document_titles, row_numbers
from queries.staffing import staffing_load
from queries.transfers import transferred_still_held
from queries.undecomposed import undecomposed_duties
from queries.who_handles import MAX_CANDIDATES, who_handles

# Each route answers a Response of its own (JSON, CSV or Excel), so its response_model documents the JSON rows in
# /openapi.json without FastAPI filtering the answer through it (tests/api/test_http.py holds the two together).
router = APIRouter(prefix="/api")
# The labels a region's counts give (the page's 概览 cards): the graph's own bookkeeping (Term, Meta) is no region's.
COUNTED_LABELS = ("Region", "Department", "Office", "Duty", "Matter", "PowerItem", "SupervisionItem", "Document")

TABLE = ("CSV and Excel: the one table to export (a CSV file holds one table, so it needs one; Excel holds every "
         "table, a sheet each, unless one is named); JSON answers every table")


def _files(example: Any, errors: tuple[int, ...] = (400, 404, 406, 422, 503)) -> dict[int | str, dict[str, Any]]:
    """An answer as JSON (`example`), CSV or Excel, and the problems it may answer instead (406: an Accept header
    that admits none of the three, or a CSV asked of an answer of several tables without naming one)."""
    return {200: {"content": {"application/json": {"example": example}, CSV: {}, XLSX: {}}},
            **problem_responses(*errors)}


def _paged(example: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    return _files({"total": 1, "limit": 50, "offset": 0, "items": [example]})


@router.get("/stats", response_model=Stats, tags=["graph"], summary="Nodes by label and relationships by type",
            responses=_files({"labels": {"Department": 35, "Duty": 748, "Region": 7},
                               "relationships": {"HAS_DUTY": 748, "LEADS": 81}}))
def get_stats(request: Request, store: StoreDep, format: Format = None,
              table: Annotated[Literal["labels", "relationships"] | None, Query(description=TABLE)] = None) -> Response:
    labels, relationships = stats(store)
    if wanted_format(request, format) == "json":
        return JSONResponse({"labels": {r["label"]: r["count"] for r in labels},
                             "relationships": {r["type"]: r["count"] for r in relationships}})
    # As files, the CLI's two tables: each label or type with its Chinese meaning and count.
    return tables(request, {"labels": labels, "relationships": relationships}, format=format, table=table,
                  answer="stats")


@router.get("/departments", response_model=Page[DepartmentRow], tags=["departments"], summary="Departments with a 三定, filtered and searched",
            responses=_paged({"region": "示例市", "department": "示例市交通运输局", "aliases": ["示例市交通局"],
                              "kind": "政府工作部门",
                              "rank": "正处级", "staff_quota": 33, "leader_posts": 5, "office_leader_posts": 10,
                              "offices": 7, "duties": 14, "issued": "2019-02-26"}))
def list_departments(request: Request, store: StoreDep, region: RegionFilter,
                     q: Annotated[str | None, Query(max_length=100, description=(
                         "text in the name, or a name the department is known by (an alias such as a 牌子, an "
                         "abbreviation such as 市监局)"), examples=["交通"])] = None,
                     parties: Annotated[bool, Query(description=(
                         "also the departments known only as a party of a list or 职责分工 clause, with no 三定 "
                         "loaded (issued null, no offices or duties): who_handles may name them (holds_no_duties)"))]
                     = False,
                     limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Response:
    rows = catalog.run(store, "departments", {"region": region})
    if parties:
        rows = sorted(rows + catalog.run(store, "party_departments", {"region": region}),
                      key=lambda row: (row["region"], row["department"]))
    if q and q.strip():
        # An alias or abbreviation found nothing (q=市监局: 0), where /api/departments/市监局 answers (user test).
        read_as, said = names_read_as(store, q.strip(), region)
        say_reading(request, said, "q")
        rows = [row for row in rows if q.strip() in row["department"] or row["department"] in read_as]
    return page(request, rows, limit=limit, offset=offset, format=format, answer="departments")


# The `table` parameter's values (a Literal, so that /openapi.json lists them).
ProfileTable = Literal[tuple(TABLE_TITLES["department_profile"])]  # type: ignore[valid-type]


@router.get("/departments/{name}", response_model=Profile, tags=["departments"], summary="Everything about one department",
            responses=_files({
                # A county's department: /openapi.json drops an example's nulls (FastAPI writes it without None), so
                # the example is one whose fields have values; offices_stated, unstated in its 三定, is its 6 offices.
                "department": {"uid": "dept:示例市/青山县/交通运输局", "name": "青山县交通运输局", "region": "示例市/青山县",
                               "kind": "政府工作部门", "rank": "正科级", "staff_quota": 16, "other_staff": 2,
                               "leader_posts": 3, "leader_posts_detail": ["局长 1", "副局长 2"], "office_leader_posts": 6,
                               "offices_stated": 6, "aliases": ["示例市青山县交通运输局", "县交通运输局"],
                               "issued": "2019-04-01"},
                "duties_by_category": {"监督检查": [{"ordinal": 2, "text": "负责全县道路运输市场监督管理。…",
                                                   "source": "doc:f47ee7ac415a4b90#第三条(二)",
                                                   "carried_by": ["综合规划股"]}]},
                "offices": [{"office": "运政股", "duties": [], "source": "doc:f47ee7ac415a4b90#第四条(五)"}],
                "leads": [{"relation": "LEADS", "name": "渡口和乡镇船舶安全监管", "detail": "“三定”规定", "offices": [],
                           "source": "doc:5aef366b760ee6cc#第6行"}],
                "assists": [{"relation": "ASSISTS", "name": "防汛抗旱", "detail": "《中华人民共和国防洪法》", "offices": [],
                             "source": "doc:5aef366b760ee6cc#第9行"}],
                "power_items": [{"relation": "EXERCISES", "name": "道路普通货物运输经营许可", "detail": "行政许可",
                                 "offices": ["综合规划股"], "code": "QS04-XK-017",
                                 "basis": "《中华人民共和国道路运输条例》第二十四条", "source": "doc:e562eeefb5d9879b#第18行"}],
                "supervision_items": [], "overlaps": [], "ambiguities": [], "undecomposed": [],
                "network": [{"department": "青山县应急管理局",
                             "matters": ["河道采砂监管", "渡口和乡镇船舶安全监管", "烟花爆竹安全监管", "防汛抗旱"]}],
                "read_as_zh": "“青山县交通局”读作：青山县交通运输局"}))
def get_department(request: Request, store: StoreDep, name: str, format: Format = None,
                   table: Annotated[ProfileTable | None, Query(description=TABLE)] = None) -> Response:
    """`name`: a full name, an alias, a short name (市监局, 青山县市监局) or a uid. A name that is not the department's
    full name, alias or uid is said as it was read, in `read_as_zh` (null otherwise) and, in every format, in the
    header X-Dutygraph-Read-As (percent-encoded UTF-8)."""
    profile = department_profile(store, name)
    said = reading(name, profile["department"])
    say_reading(request, said, "name")
    if wanted_format(request, format) == "json":
        return JSONResponse({**profile, "read_as_zh": said.zh if said else None})
    return tables(request, profile, format=format, table=table, answer="department_profile",
                  subject=profile["department"]["name"])


@router.get("/regions", response_model=Page[RegionRow], tags=["regions"], summary="Regions with level, parent and departments",
            responses=_paged({"path": "示例市/青山县", "name": "青山县", "level": "county", "parent": "示例市",
                              "departments": 7}))
def list_regions(request: Request, store: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                 format: Format = None) -> Response:
    return page(request, catalog.run(store, "regions"), limit=limit, offset=offset, format=format, answer="regions")


@router.get("/regions/counts", response_model=RegionCounts, tags=["regions"],
            summary="Nodes by label within a region (the page's 概览 for one 区划)",
            description="How many departments, offices, duties, shared matters, power items, supervision items and "
                        "documents a region holds, with the regions below it: the page's 概览 counted the whole graph "
                        "for a county's reader. Without `region`, the whole graph's. JSON only.",
            responses={200: {"content": {"application/json": {"example": {
                "region": "示例市/青山县", "labels": {"Region": 3, "Department": 9, "Office": 43, "Duty": 161,
                                                    "Matter": 26, "PowerItem": 26, "SupervisionItem": 0,
                                                    "Document": 10}}}}},
                       **problem_responses(404, 422, 503)})
def count_region(store: StoreDep, region: RegionFilter) -> Response:
    if region is None:
        counted = {row["label"]: row["count"] for row in stats(store)[0]}
    else:
        counted = {row["label"]: row["count"] for row in catalog.run(store, "region_counts", {"region": region})}
    # A label the region holds none of is 0, not left out (FalkorDB answers no row for an empty count in a UNION).
    return JSONResponse({"region": region, "labels": {label: counted.get(label, 0) for label in COUNTED_LABELS}})


@router.get("/matters", response_model=Page[MatterRow], tags=["matters"], summary="Shared matters with leads, assists and holders",
            responses=_paged({"matter": "建筑垃圾处置监督管理", "region": "示例市", "domain": "",
                              "leads": ["示例市住房和城乡建设局", "示例市城市管理和综合执法局"],
                              "assists": ["示例市住房和城乡建设局", "示例市城市管理和综合执法局"], "holders": []}))
def list_matters(request: Request, store: StoreDep, region: RegionFilter, limit: Limit = DEFAULT_LIMIT,
                 offset: Offset = 0, format: Format = None) -> Response:
    # Leads in listing order, the host first (the query orders each list), as the CLI answers them.
    rows = catalog.run(store, "matters", {"region": region})
    return page(request, rows, limit=limit, offset=offset, format=format, answer="matters")


@router.get("/documents", response_model=Page[DocumentRow], tags=["documents"], summary="Documents in the graph",
            responses=_paged({"uid": "doc:ff5c4d30630773cc", "title": "示例市交通运输局职能配置、内设机构和人员编制规定",
                              "kind": "sanding", "region": "示例市", "issued": "2019-02-26", "effective": "2019-03-01",
                              "doc_number": "示委办发〔2019〕11号", "path": "examples/sanding/shi_jiaotong.txt",
                              "truncated": False, "notes": 2, "sheets": [], "sheet_titles": []}))
def list_documents(request: Request, store: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                   format: Format = None) -> Response:
    return page(request, catalog.run(store, "documents"), limit=limit, offset=offset, format=format,
                answer="documents")


@router.get("/documents/row_numbers", response_model=Page[DocumentRowNumbers], tags=["documents"],
            summary="The 序号 or 编码 by which each list's rows are cited",
            description="Per list document, the place of each row that has a 序号 or a 编码 (a `source` after its "
                        "`#`: `职责边界清单!6`, `第3行`) and what people cite it by (`序号3`, or a 监管事项's "
                        "`编码JG370000101`): a page reads `doc:…#职责边界清单!6` as "
                        "`《…清单》工作表“职责边界清单”序号3（第6行）`, as the files and reports do. `uid` (uids "
                        "separated by commas) answers those documents only: the page asks for a document's numbers when it first shows one "
                        "of its sources. JSON only.",
            responses={200: {"content": {"application/json": {"example": {
                "total": 1, "limit": 50, "offset": 0, "items": [
                    {"uid": "doc:8769a39d27a21cde", "places": ["职责边界清单!3", "职责边界清单!5"],
                     "numbers": ["序号1", "序号2"]}]}}}}, **problem_responses(422, 503)})
def list_row_numbers(store: StoreDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0,
                     uid: Annotated[str | None, Query(max_length=20_000, description=(
                         "only these documents, their uids separated by commas; every list when absent"),
                         examples=["doc:8769a39d27a21cde,doc:4db917bb9908f3f6"])] = None) -> Response:
    rows = row_numbers(store)
    if uid is not None:
        wanted = set(uid.split(","))
        rows = [row for row in rows if row["uid"] in wanted]
    return JSONResponse({"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]})


# -- the analyses --------------------------------------------------------------------------------

@router.get("/queries/overlaps", response_model=Page[OverlapCluster], tags=["queries"], summary="职责交叉: clusters of duties describing the same work",
            responses=_paged({"cluster_id": "Cdeabcb67", "score": 0.92, "settled": True, "lead": "示例市市场监督管理局",
                              "matter": "食用农产品进入批发、零售市场后的质量安全监管",
                              "members": [{"department": "示例市农业农村局", "office": "", "duty": "负责农产品质量安全监督管理。…",
                                           "source": "doc:47e97616eab9d39f#第三条(五)", "carried_from": ""},
                                          {"department": "示例市市场监督管理局", "office": "",
                                           "duty": "负责食用农产品市场销售质量安全监督管理。…",
                                           "source": "doc:73750cd52af6d8bd#第三条(十二)", "carried_from": ""}]}))
def get_overlaps(request: Request, store: StoreDep, region: RegionFilter, department: DepartmentFilter,
                 threshold: Annotated[float, Query(ge=0, le=1, title="相似度阈值",
                                                   description="least similarity of two duties linked",
                                                   examples=[DEFAULT_THRESHOLD])] = DEFAULT_THRESHOLD,
                 scope: Annotated[Literal["departments", "offices", "levels"], Query(
                     description="departments: duties of two departments of one region; offices: of two offices of "
                                 "one department; levels: of a city's and its counties' departments",
                     examples=["departments"])] = "departments",
                 settled: Annotated[bool | None, Query(
                     description="true: only clusters a boundary list or a 职责分工 clause settles; false: only the "
                                 "others; none: all (the page's 已明确牵头, so that its downloads hold what it shows)",
                     examples=[False])] = None,
                 limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Response:
    # A file has a row per member, under its cluster's columns (api.tabular.list_section).
    clusters = overlaps(store, threshold=threshold, scope=scope, region=region, department=department)
    if settled is not None:
        clusters = [cluster for cluster in clusters if bool(cluster["settled"]) == settled]
    answer = page(request, clusters, limit=limit, offset=offset, format=format, answer="overlaps")
    # No clash across levels for a county whose city's 三定 are not loaded: the page says why, as the CLI does
    # (user test: it said to lower the threshold).
    if not clusters and scope == "levels" and (unloaded := levels_not_loaded(store, region, department)):
        answer.headers[EMPTY_NOTE_HEADER] = quote(unloaded.split(" / ")[0])
    return answer


@router.get("/queries/orphan_supervision_items", response_model=Page[OrphanItem], tags=["queries"], summary="三不管: unclaimed supervision items",
            responses=_paged({"region": "示例市", "code": "JG370000701",
                              "item": "对互联网租赁自行车运营企业的监督检查（对车辆投放和停放秩序的检查）",
                              "target": "互联网租赁自行车运营企业", "basis": "《关于鼓励和规范互联网租赁自行车发展的指导意见》",
                              "source": "doc:9d51ac753d3103e1#第14行",
                              "suggested_owners": [{"department": "示例市交通运输局", "score": 79.627,
                                                    "evidence": "负责互联网租赁自行车行业管理。…",
                                                    "source": "doc:5e0c1f3a9b2d4c67#第三条(六)", "duty": "",
                                                    "duty_source": "", "sector_safety": "", "sector_rule": "",
                                                    "sector_rule_source": "", "sector_rule_kind": "",
                                                    "no_sanding": False},
                                                   {"department": "示例市城市管理和综合执法局", "score": 70.781,
                                                    "evidence": "互联网租赁自行车停放管理",
                                                    "source": "doc:0b7d2e4f6a8c1e35#第2行",
                                                    "duty": "负责互联网租赁自行车停放秩序管理。",
                                                    "duty_source": "doc:3c9a1f5e7b2d8046#第三条(九)",
                                                    "sector_safety": "", "sector_rule": "",
                                                    "sector_rule_source": "", "sector_rule_kind": "",
                                                    "no_sanding": False}]}))
def get_orphans(request: Request, store: StoreDep, region: RegionFilter, limit: Limit = DEFAULT_LIMIT,
                offset: Offset = 0, format: Format = None) -> Response:
    return page(request, orphan_supervision_items(store, region), limit=limit, offset=offset, format=format,
                answer="orphan_supervision_items")


@router.get("/queries/host_assist_ambiguities", response_model=Page[Ambiguity], tags=["queries"], summary="主办/协办不清的共同事项",
            responses=_paged({
                "matter": "农业面源污染防治", "region": "示例市", "leads": ["示例市生态环境局", "示例市农业农村局"],
                "assists": ["示例市水务局", "示例市自然资源和规划局"], "host": "示例市生态环境局",
                "host_label": "示例市生态环境局",
                "sources": ["doc:47e97616eab9d39f#第六条(二)", "doc:8769a39d27a21cde#职责边界清单!5"], "mandate": [],
                "claims": [{"source": "doc:47e97616eab9d39f#第六条(二)", "matter": "农业面源污染防治",
                            "leads": ["示例市生态环境局", "示例市农业农村局"], "territorial_leads": [],
                            "assists": ["示例市水务局", "示例市自然资源和规划局"]},
                           {"source": "doc:8769a39d27a21cde#职责边界清单!5", "matter": "农业面源污染防治工作",
                            "leads": ["示例市生态环境局", "示例市农业农村局"], "territorial_leads": [],
                            "assists": ["示例市水务局", "示例市自然资源和规划局"]}],
                "formerly": [], "no_sanding": [], "newer_lead": None, "newer_note": "", "reason": "multiple_leads"}))
def get_ambiguities(request: Request, store: StoreDep, region: RegionFilter, limit: Limit = DEFAULT_LIMIT,
                    offset: Offset = 0, format: Format = None) -> Response:
    return page(request, host_assist_ambiguities(store, region), limit=limit, offset=offset, format=format,
                answer="host_assist_ambiguities")


@router.get("/queries/transferred_still_held", response_model=Page[TransferFinding], tags=["queries"],
            summary="职责划转后仍在承担: work moved between departments still listed or stated by the giver",
            responses=_paged({"region": "鹭江市", "giver": "鹭江市住房和城乡建设局",
                              "giver_uid": "dept:鹭江市/住房和城乡建设局", "receiver": "鹭江市行政审批服务局",
                              "receiver_uid": "dept:鹭江市/行政审批服务局", "work": "建筑工程施工许可",
                              "finding": "still_listed", "finding_label": "划出部门权责清单仍列有此项，需删除",
                              "evidence": "建筑工程施工许可", "evidence_detail": "行政许可",
                              "evidence_source": "doc:3f1c0a9e5b7d2c41#第2行",
                              "sources": ["doc:5e92905f7afc6351#第三条"]}))
def get_transferred_still_held(request: Request, store: StoreDep, region: RegionFilter, limit: Limit = DEFAULT_LIMIT,
                               offset: Offset = 0, format: Format = None) -> Response:
    """Each piece of work a 三定 or a 调整 notice moved from one department to another (a 相对集中行政许可权改革's
    行政许可 moved to a 行政审批服务局) that the giver's 权责清单 still lists or its 三定 in force still states, or that
    the receiver's 权责清单 (where loaded) does not list or its 三定 does not state."""
    return page(request, transferred_still_held(store, region), limit=limit, offset=offset, format=format,
                answer="transferred_still_held")


@router.get("/queries/undecomposed_duties", response_model=Page[UndecomposedRow], tags=["queries"], summary="职责分解：未承接的职责、无职责的内设机构",
            responses=_paged({"department": "示例市市场监督管理局", "region": "示例市", "kind": "duty_without_office",
                              "office": "", "text": "负责全市广告监督管理。…", "ordinal": 5,
                              "source": "doc:73750cd52af6d8bd#第三条(五)", "evidence": ""}))
def get_undecomposed(request: Request, store: StoreDep,
                     department: DepartmentFilter, region: RegionFilter,
                     threshold: Annotated[float, Query(ge=0, le=1, title="相似度阈值",
                                                       description="least similarity of a carried duty to one of the "
                                                                   "successor's own for the two to be one duty",
                                                       examples=[DEFAULT_THRESHOLD])] = DEFAULT_THRESHOLD,
                     limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Response:
    return page(request, undecomposed_duties(store, department, region, threshold), limit=limit, offset=offset,
                format=format, answer="undecomposed_duties")


@router.get("/queries/staffing_load", response_model=Page[StaffingRow], tags=["queries"], summary="编制与职责负荷",
            responses=_paged({"region": "示例市", "department": "示例市住房和城乡建设局", "staff_quota": 40, "other_staff": 5,
                              "leader_posts": 5, "leader_posts_detail": ["局长 1", "副局长 3", "总工程师 1"],
                              "offices": 11, "offices_stated": None, "office_leader_posts": 15,
                              "office_leader_posts_detail": ["科级 15"], "duties": 13, "power_items": 8,
                              "duties_per_post": 0.325, "robust_z": 0.18, "outlier": "", "too_few": False,
                              "counterpart": "", "counterpart_duties_per_post": None, "counterpart_ratio": None,
                              "checks": []}))
def get_staffing(request: Request, store: StoreDep, region: RegionFilter, limit: Limit = DEFAULT_LIMIT,
                 offset: Offset = 0, format: Format = None) -> Response:
    return page(request, staffing_load(store, region), limit=limit, offset=offset, format=format,
                answer="staffing_load")


@router.get("/queries/who_handles", response_model=list[Candidate], tags=["queries"], summary="谁来管: free text to ranked departments",
            # A complaint about a matter two 三定 give to different leads (null fields are dropped from the document,
            # so the example shows a row that has a lead_dispute).
            responses=_files([{"rank": 1, "department": "示例市城市管理和综合执法局", "region": "示例市",
                               "office": "建筑垃圾管理科", "score": 32.829, "tie": True, "weak": False,
                               "holds_no_duties": False, "assisting": False, "sector_safety": "", "sector_rule": "",
                               "sector_rule_source": "", "sector_rule_kind": "", "devolved": "", "power_split": "", "township_unnamed": False,
                               "no_sanding": False, "place_unnamed": False, "overlap_cluster": "", "overlap_note": "",
                               "lead_dispute": {"matter": "建筑垃圾处置监督管理", "reason": "conflicting_leads", "claims": [
                                   {"source": "doc:4510b97969202574#第六条(一)", "matter": "建筑垃圾处置的监督管理",
                                    "leads": ["示例市住房和城乡建设局"], "territorial_leads": [],
                                    "assists": ["示例市城市管理和综合执法局"]},
                                   {"source": "doc:8769a39d27a21cde#职责边界清单!3", "matter": "建筑垃圾处置监督管理",
                                    "leads": ["示例市城市管理和综合执法局"], "territorial_leads": [],
                                    "assists": ["示例市住房和城乡建设局"]}], "newer_lead": None,
                                   "newer_note": "文件日期不全（《示例市住房和城乡建设局职能配置、内设机构和人员编制规定》、"
                                                 "《示例市城市管理和综合执法局职能配置、内设机构和人员编制规定》、"
                                                 "《示例市部门职责边界清单》未署印发日期），无法判断先后"},
                               "evidence": [{"kind": "office_duty", "text": "负责建筑垃圾运输车辆和消纳场所的监督管理。",
                                             "office": "建筑垃圾管理科", "source": "doc:4db917bb9908f3f6#第四条(五)",
                                             "score": 21.348},
                                            {"kind": "matter_lead", "text": "建筑垃圾处置监督管理", "office": "",
                                             "source": "doc:8769a39d27a21cde#职责边界清单!3", "score": 15.137}]}]))
def get_who_handles(request: Request, store: StoreDep,
                    text: Annotated[str, Query(min_length=1, max_length=500, pattern=r"\S",
                                               description="a complaint or a matter name, up to 500 characters",
                                               examples=["公司拖欠工资三个月"])],
                    region: RegionFilter,
                    limit: Annotated[int, Query(ge=1, le=MAX_CANDIDATES, description="candidates to rank", examples=[5])] = 5,
                    format: Format = None) -> Response:
    """The departments most likely to handle `text`, best first, each with the duties that justify it.

    - `region` here means the departments of that region itself, not of the regions below it (a city's hotline
      sends to the city's departments; ask with a county's path for the county's own). Without it, candidates come
      from every region, and the first two may be the same kind of department in two regions (`tie` across
      regions): each row's `region` says where; pass the region where the complaint arose. In a graph of several cities the
      answer says so in `X-Dutygraph-Region-Note` (percent-encoded Chinese): a note, not a 400, since the ranking
      across cities is still an answer, each row naming its region. Asked of a province, a text naming a place below
      it (a city, county, township or street) is ranked within that place (a township's county); one naming none
      is the province department's only where it holds the work alone (no department below within 10% of it),
      else the departments below are ranked together, each row `place_unnamed` (需确定事发地), and the note is said
      only then.
    - `tie`: the runner-up scores within 10% of this one. `weak`: too little to go on (a score under 8, evidence
      reached only through word neighbours, under a quarter of what evidence saying the whole text would score,
      or the text's decisive matter word said by no evidence of the region asked): so the same department, at
      the same score, may be weak when its region is asked and not when every region is.
    - `holds_no_duties`: a party named by a list or clause only (no 三定 loaded): a person must check the route.
    - `lead_dispute`: the text is about a matter whose lead the documents leave unsettled (`no_lead`: a list names
      only assisting departments, each then a candidate with the matter as evidence; `conflicting_leads`: documents
      name different leads), this department is a party to it, and the row is a `tie`; `claims` says which source
      names whom.
    - `sector_safety`: when the text is about safety, the sectors whose 安全生产 the department's 三定 gives it
      (管行业必须管安全: a clause among its evidence, or for a party to a matter no one leads its 三定's and its
      安委会 paragraph's), with `sector_rule` and `sector_rule_kind`: the department's 安委会 paragraph that names them
      (`safety_committee`, 安委会职责), else the region's 三定 clause that makes every 行业主管部门 answer for its
      sector's safety (`sanding`, 三定规定).
    - A township (街道, 镇) that a 属地 list makes 主体责任 for a matter is a candidate of its county, with that row as
      evidence (kind `territorial_lead`), after the county's first department.
    - An empty list: no word of the text reaches any department's duties (你好, or punctuation)."""
    rows = who_handles(store, text, limit=limit, region=region)
    answer = whole(request, rows, format=format, answer="who_handles")
    if needed := region_needed(store, region, rows):
        answer.headers[REGION_NOTE_HEADER] = quote(needed.split(" / ")[0])
    return answer


@router.get("/queries/power_split", response_model=PowerSplit, tags=["queries"], summary="市县事权划分: cells, conflicts, unlisted, the counties side by side and where one differs",
            responses=_files({"cells": [{"domain": "交通运输", "share": "county_exclusive", "matters": 2,
                                          "by_region": {"示例市/河西区": 2, "示例市/青山县": 2},
                                          "names": ["机动车维修经营备案", "道路普通货物运输经营许可"]}],
                               "conflicts": [{"matter": "道路普通货物运输经营许可",
                                              "kind": "county_exclusive_exercised_by_city", "department": "示例市交通运输局",
                                              "source": "doc:66c490c8b417614b#市交通运输局!2",
                                              "holders": ["示例市/河西区", "示例市/青山县"],
                                              "concerned": ["河西区交通运输局", "示例市交通运输局", "青山县交通运输局"],
                                              "sources": ["doc:6eef938127953b0d#市场监管和城乡建设!8",
                                                          "doc:66c490c8b417614b#市交通运输局!2"]}],
                               "unlisted": [{"matter": "物业服务企业监督检查", "share": "county_exclusive",
                                             "region": "示例市/青山县", "department": "青山县住房和城乡建设局",
                                             "listed_items": 5, "source": "doc:e08a110f7f9105b7#第8行"}],
                               "counties": [{"domain": "住房城乡建设", "share": "shared",
                                             "by_county": {"示例市/河西区": 3, "示例市/青山县": 5}, "differs": True}],
                               "differences": [{"region": "示例市/河西区", "kind": "held_alone", "domain": "城市管理",
                                                "share": "county_exclusive", "matter": "门店招牌设置备案",
                                                "sources": ["doc:6eef938127953b0d#市场监管和城乡建设!18"]}]}))
def get_power_split(request: Request, store: StoreDep, city: CityFilter, region: RegionFilter, format: Format = None,
                    table: Annotated[Literal["cells", "conflicts", "unlisted", "counties", "differences"] | None,
                                     Query(description=TABLE)] = None) -> Response:
    # `region`, a county of the city: the matters it holds, as the page's heatmap shows them for a county chosen;
    # the counties side by side stay every county's (a comparison of one is none), the differences are its own.
    answer = tables(request, power_split(store, city, region), format=format, table=table, answer="power_split",
                    subject=(region or city).rsplit("/", 1)[-1])
    # Its list not loaded (the city's to load), or giving the county nothing: the CLI's note, which the page shows
    # instead of an empty heatmap and of a 事权冲突 0 (it kept a copy of the note's words of its own).
    if unloaded := split_not_loaded(store, region or city):
        answer.headers[EMPTY_NOTE_HEADER] = quote(unloaded.split(" / ")[0])
    return answer


@router.get("/queries/coordination_network", response_model=Network, tags=["queries"], summary="部门协同网络与上下对口",
            responses=_files({"nodes": [{"department": "示例市水务局", "degree": 9, "betweenness": 0.0798, "matters": 6}],
                               "edges": [{"a": "青山县交通运输局", "b": "青山县应急管理局", "weight": 4,
                                          "matters": ["河道采砂监管", "渡口和乡镇船舶安全监管", "烟花爆竹安全监管", "防汛抗旱"]}],
                               "counterparts": [{"county_department": "青山县交通运输局", "county": "示例市/青山县",
                                                 "city_department": "示例市交通运输局", "one_to_many": False}]}))
def get_network(request: Request, store: StoreDep, region: RegionFilter, format: Format = None,
                table: Annotated[Literal["nodes", "edges", "counterparts"] | None,
                                     Query(description=TABLE)] = None) -> Response:
    return tables(request, coordination_network(store, region), format=format, table=table,
                  answer="coordination_network")


@router.get("/queries/counterpart_duties", response_model=Page[CounterpartDuty], tags=["queries"],
            summary="上下对口职责对照: a county department's duties beside its city counterpart's",
            responses=_paged({"county_department": "青山县市场监督管理局", "county": "示例市/青山县",
                              "city_department": "示例市市场监督管理局", "relation": "mirrored", "county_ordinal": 4,
                              "county_duty": "负责本县特种设备安全监察。…", "city_ordinal": 8,
                              "city_duty": "负责全市特种设备安全监督管理。…", "score": 0.975,
                              "county_source": "doc:e021ad47807d46c8#第三条(四)",
                              "city_source": "doc:73750cd52af6d8bd#第三条(八)"}))
def get_counterpart_duties(request: Request, store: StoreDep,
                           department: Annotated[str, Query(
                               min_length=1, max_length=100, pattern=r"\S",
                               description="部门名称、别名或简称: a county department, or a city department (then each "
                                           "county department that mirrors it)", examples=["青山县市场监督管理局"])],
                           threshold: Annotated[float, Query(ge=0, le=1, title="相似度阈值",
                                                             description="least score of a mirrored pair",
                                                             examples=[DEFAULT_THRESHOLD])] = DEFAULT_THRESHOLD,
                           limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Response:
    """Each duty of the county department with the city counterpart's duty most like it and their score
    (`mirrored` from the threshold on, else `county_only`), then the city duties no county duty comes near
    (`city_only`). Boilerplate duties (机关党建, 交办的其他任务) are left out. No rows: no counterpart ties it."""
    rows = counterpart_duties(store, department.strip(), threshold=threshold)
    return page(request, rows, limit=limit, offset=offset, format=format, answer="counterpart_duties")


@router.get("/queries/duties_in_force", response_model=DutiesInForcePage, tags=["queries"],
            summary="某日施行的三定所定的职责: a department's duties on a date, under the 三定 then in force",
            responses=_files({
                "total": 1, "limit": 50, "offset": 0, "date": "2021-06-30",
                "items": [{"department": "示例市交通运输局", "office": "", "ordinal": 6, "category": "监督检查",
                           "text": "负责城市道路红线范围内设施的养护管理。", "carried_by": ["道路养护科"],
                           "in_force_from": "2019-02-26", "source": "doc:0c3f5a1e9b7d2c48#第三条(六)",
                           "status": "current", "change": "", "counterpart": "", "change_source": "",
                           "changed_on": ""}],
                "documents": [{"document": "doc:0c3f5a1e9b7d2c48", "kind": "sanding",
                               "title": "示例市交通运输局职能配置、内设机构和人员编制规定", "doc_number": "示编〔2019〕6号",
                               "issued": "2019-02-26", "effective": "2019-02-26", "in_force_from": "2019-02-26",
                               "duties": 14, "offices": ["办公室", "道路养护科"],
                               "text_sha256": "9f2c6b1d0e4a7c3f5b8d2e6a1c4f7b0d3e6a9c2f5b8e1d4a7c0f3b6e9d2a5c8f"}],
                "note_zh": None, "warning_zh": None}))
def get_duties_in_force(request: Request, store: StoreDep,
                        department: Annotated[str, Query(min_length=1, max_length=100, pattern=r"\S",
                                                         description="部门名称、别名或简称",
                                                         examples=["示例市交通运输局"])],
                        date: Annotated[str, Query(min_length=1, max_length=30, description=(
                            "the date asked about: 2021-06-30, 2021/6/30 or 2021年6月30日 (a 422 otherwise)"),
                            examples=["2021-06-30"])],
                        limit: Limit = DEFAULT_LIMIT, offset: Offset = 0, format: Format = None) -> Response:
    """The duties of the department and of its offices as the 三定 in force on `date` states them (the latest whose
    施行日期, else 印发日期, is on or before it), with the 调整 notices in force after it by then, each row citing the
    clause that states it, a department duty with the offices that carried it out then. Work a notice moved out,
    cancelled or devolved keeps its row with that `status`, the notice's words for it and its clause. A date before
    the department's first 三定: no rows, and `note_zh` says so (无 D 时施行的三定)."""
    answer = _in_force_on(request, store, department, date)
    if wanted_format(request, format) != "json":
        return page(request, answer.duties, limit=limit, offset=offset, format=format, answer="duties_in_force")
    return JSONResponse({"total": len(answer.duties), "limit": limit, "offset": offset,
                         "items": answer.duties[offset:offset + limit], "date": answer.date,
                         "documents": answer.sandings + answer.carried + answer.amendments,
                         "note_zh": answer.note_zh or None, "warning_zh": answer.warning_zh or None})


@router.get("/queries/duties_in_force/readable", response_model=ReadableDutiesInForce, tags=["queries"],
            summary="某日施行的职责, as the web page shows it: the documents, then the Excel file's columns and cells",
            responses={200: {"content": {"application/json": {"example": {
                "department": "示例市交通运输局", "date": "2021-06-30",
                "documents": [{"kind": "三定规定", "title": "《示例市交通运输局职能配置、内设机构和人员编制规定》",
                               "doc_number": "示编〔2019〕6号", "issued": "2019-02-26",
                               "in_force_from": "2019-02-26"}],
                "note_zh": None, "warning_zh": None,
                "table": {"name": "duties_in_force", "title": "某日施行的职责",
                          "columns": ["部门", "内设机构", "序号", "职责类别", "职责内容", "承接的内设机构", "施行日期",
                                      "出处（当时施行的文件）", "当日状态", "通知所述的职责", "划转的对方部门",
                                      "变更依据（调整通知条款）", "变更施行日期"],
                          "rows": [["示例市交通运输局", "", "6", "监督检查", "负责城市道路红线范围内设施的养护管理。",
                                    "道路养护科", "2019-02-26",
                                    "《示例市交通运输局职能配置、内设机构和人员编制规定》第三条(六)", "现行", "", "", "",
                                    ""]]},
                "statuses": ["current"]}}}},
                       **problem_responses(404, 422, 503)})
def get_readable_duties_in_force(request: Request, store: StoreDep,
                                 department: Annotated[str, Query(min_length=1, max_length=100, pattern=r"\S",
                                                                  description="部门名称、别名或简称")],
                                 date: Annotated[str, Query(min_length=1, max_length=30, description=(
                                     "2021-06-30, 2021/6/30 or 2021年6月30日 (a 422 otherwise)"))]) -> JSONResponse:
    """The same answer for the web page: the documents in force cited by their titles, and every row with the
    Excel file's column titles and cells (statuses in Chinese, sources by their documents' titles); programs read
    `/api/queries/duties_in_force` instead. Refusals as there."""
    answer = _in_force_on(request, store, department, date)
    return JSONResponse({"department": answer.department, "date": answer.date,
                         "documents": readable_documents(answer, document_titles(store)),
                         "note_zh": answer.note_zh or None, "warning_zh": answer.warning_zh or None,
                         "table": readable_list(request, answer.duties, "duties_in_force"),
                         "statuses": [row["status"] for row in answer.duties]})


def _in_force_on(request: Request, store: StoreDep, department: str, date: str) -> InForce:
    """`in_force` for a department as typed and a date as written; a date that is none is a 422."""
    try:
        day = iso_date(date)
    except ValueError:
        raise Problem(422, "invalid-request", "Invalid request", "请求参数无效",
                      f"date: expected a date such as 2021-06-30 or 2021年6月30日, got {date!r}",
                      f"请求参数无效：日期 date 应写作 2021-06-30 或 2021年6月30日，而不是“{date}”") from None
    found = find_department(store, department.strip())
    say_reading(request, reading(department, found), "department")
    return in_force(store, found["uid"], day)


@router.get("/queries/power_split/matters", response_model=PowerSplitCellMatters, tags=["queries"], summary="The matters of one power-split cell",
            responses=_files({
                "domain": "交通运输", "share": "county_exclusive", "region": "示例市/青山县",
                "matters": ["机动车维修经营备案", "道路普通货物运输经营许可"],
                "holdings": [{"matter": "道路普通货物运输经营许可", "region": "示例市/青山县", "level": "county",
                              "share": "exclusive", "role": "holder", "text": "负责本行政区域内道路普通货物运输经营许可",
                              "source": "doc:6eef938127953b0d#市场监管和城乡建设!8", "department": "青山县交通运输局",
                              "department_basis": "power_item", "item": "道路普通货物运输经营许可",
                              "item_source": "doc:e562eeefb5d9879b#第18行"}]}))
def get_power_split_cell(request: Request, store: StoreDep, city: CityFilter,
                         domain: Annotated[str, Query(min_length=1, pattern=r"\S", description="领域, as the cells name it",
                                                        examples=["交通运输"])],
                         share: Annotated[Share, Query(description="how the matters are held",
                                                       examples=["county_exclusive"])],
                         region: RegionFilter, format: Format = None) -> Response:
    # `region` keeps the matters that region holds: the page's heatmap follows its chosen county.
    holdings = cell_holdings(store, city, domain, share, region or "")
    if wanted_format(request, format) != "json":  # a file of the holdings, the table an analyst downloads
        where = (region or city).rsplit("/", 1)[-1]
        return whole(request, holdings, format=format, answer="power_split_matters",
                     subject=f"{where}-{domain}-{SHARE_LABELS[share]}")
    return JSONResponse({"domain": domain, "share": share, "region": region,
                         "matters": list(dict.fromkeys(h["matter"] for h in holdings)), "holdings": holdings})
