"""What a load writes is versioned: the properties on the examples' nodes and edges are those of the recorded
GRAPH_FIELDS_VERSION, each Document records the version that loaded it, and a graph says when it is behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Statement, Store
from ingest.fields_version import GRAPH_FIELDS_VERSION, FieldsVersions, fields_notice, recorded_fields_versions
from ingest.pipeline import ingest
from ingest.regions import Region

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
CITY = Region(("示例市",))

# What loading examples/ writes, and the GRAPH_FIELDS_VERSION it belongs to. Change one, change both.
LOADED_FIELDS_VERSION = 22
LOADED_NODE_FIELDS = {
    "Department": {"aliases", "base_name", "candidates", "kind", "leader_posts", "leader_posts_detail", "name",
                   "office_leader_posts", "office_leader_posts_detail", "offices_stated", "other_staff", "rank",
                   "region", "sanding_issued", "source", "staff_quota", "uid", "unresolved", "vague", "facts_issued",
                   "alias_sources", "staffing_source", "rank_source", "offices_stated_source", "offices_source"},
    "Document": {"doc_number", "effective", "fields_version", "issued", "issuer", "kind", "notes", "path", "region",
                 "sha256", "sheet_names", "sheet_titles", "text_sha256", "title", "truncated", "uid", "row_places",
                 "row_seqs", "row_codes", "list_key", "version_rows", "sector_rule", "sector_rule_source", "loaded"},
    "Duty": {"boilerplate", "category", "content", "holder", "last_stated", "linked", "objects", "ordinal", "source",
             "status", "terms", "text", "uid", "verbs"},
    "Matter": {"all_counties_share", "all_counties_source", "all_counties_text", "content", "domain", "name", "region",
               "source", "uid"},
    "Office": {"aliases", "department", "label", "name", "ordinal", "source", "uid"},
    "PowerItem": {"basis", "code", "content", "department", "levels", "main_item", "name", "region", "source",
                  "sub_item", "type", "uid"},
    "Region": {"level", "name", "path", "uid"},
    "SupervisionItem": {"basis", "claimed", "code", "content", "level", "main_item", "name", "region", "source",
                        "sub_item", "target", "uid"},
    "Term": {"text", "uid"},
}
LOADED_EDGE_FIELDS = {
    "ASSISTS": {"basis", "basis_rank", "source", "text", "sanding_of", "stated", "superseded", "responsibility"},
    "CLAIMS": {"source"},
    "CONTAINS": {"source"},
    "COUNTERPART": {"source"},
    "EXERCISES": {"source"},
    "FROM": {"locator", "ordinal", "source", "status", "last_stated", "aliases", "label", "issued", "sanding_issued", "kind",
             "rank", "staff_quota", "other_staff", "leader_posts", "leader_posts_detail",
             "office_leader_posts", "office_leader_posts_detail", "offices_stated", "staffing_source",
             "rank_source", "offices_stated_source", "offices_source"},
    "HAS_DEPARTMENT": {"source"},
    "HAS_DUTY": {"ordinal", "source"},
    "HAS_OFFICE": {"source"},
    "HOLDS": {"role", "share", "source", "text"},
    "LEADS": {"basis", "basis_rank", "order", "source", "text", "sanding_of", "stated", "superseded",
              "responsibility"},
    "MENTIONS": {"source", "weight"},
    "REFINES": {"score", "source"},
    "SIMILAR": {"method", "score"},
    "TRANSFERRED_TO": {"former", "source", "what"},
}


def _pairs(fields: dict[str, set[str]]) -> set[tuple[str, str]]:
    return {(name, key) for name, keys in fields.items() for key in keys}


@pytest.fixture
def examples(embedded_store: Store) -> Store:
    embedded_store.clear()
    embedded_store.apply_schema()
    assert [outcome.error for outcome in ingest([EXAMPLES], embedded_store, region=CITY).failed] == []
    return embedded_store


def _make_older(store: Store, version: int | None, paths_ending: str = "") -> None:
    """As a dutygraph of fields version `version` (None: before the record existed) would have left the documents
    whose path ends with `paths_ending`."""
    store.write(Statement("UNWIND $rows AS r MATCH (d:Document) WHERE d.path ENDS WITH r.end "
                          "SET d.fields_version = r.version", [{"end": paths_ending, "version": version}]))


def test_loaded_fields_are_those_of_the_recorded_version(examples: Store) -> None:
    # Meta holds what made the graph's links and terms, which have their own records (ingest/link.py, refresh.py).
    nodes = {(row["label"], row["key"]) for row in examples.read(
        "MATCH (n) WHERE NOT n:Meta UNWIND labels(n) AS label UNWIND keys(n) AS key RETURN DISTINCT label, key")}
    edges = {(row["type"], row["key"]) for row in examples.read(
        "MATCH ()-[e]->() UNWIND keys(e) AS key RETURN DISTINCT type(e) AS type, key")}
    recorded_nodes, recorded_edges = _pairs(LOADED_NODE_FIELDS), _pairs(LOADED_EDGE_FIELDS)
    if (nodes, edges) != (recorded_nodes, recorded_edges):
        pytest.fail(
            "loading examples/ writes other properties than those recorded for fields version "
            f"{LOADED_FIELDS_VERSION}: graphs loaded before would silently lack them. Bump GRAPH_FIELDS_VERSION in "
            "ingest/fields_version.py and update LOADED_FIELDS_VERSION and the lists in this test. "
            f"Now written, not recorded: {sorted((nodes - recorded_nodes) | (edges - recorded_edges))}; "
            f"recorded, no longer written: {sorted((recorded_nodes - nodes) | (recorded_edges - edges))}")
    assert GRAPH_FIELDS_VERSION == LOADED_FIELDS_VERSION, (
        f"GRAPH_FIELDS_VERSION is {GRAPH_FIELDS_VERSION} but the lists in this test are those of version "
        f"{LOADED_FIELDS_VERSION}: set LOADED_FIELDS_VERSION to the new version once the lists say what it loads")


def test_every_loaded_document_records_the_version_that_loaded_it(examples: Store) -> None:
    assert recorded_fields_versions(examples) == FieldsVersions(37, GRAPH_FIELDS_VERSION, GRAPH_FIELDS_VERSION, 0)
    assert fields_notice(examples) is None


def test_an_empty_graph_has_nothing_to_be_behind(store: Store) -> None:
    assert recorded_fields_versions(store) is None
    assert fields_notice(store) is None


def test_documents_loaded_before_the_record_count_as_version_0_until_loaded_again(examples: Store) -> None:
    _make_older(examples, None)
    assert recorded_fields_versions(examples) == FieldsVersions(37, 0, 0, 37)
    notice = fields_notice(examples, "embedded:/srv/graph")
    assert notice is not None and notice.state == "older"
    assert notice.en == (
        f"37 of the graph's 37 documents were loaded by an earlier dutygraph (fields version 0; this one writes "
        f"{GRAPH_FIELDS_VERSION}), so their nodes lack properties this version reads and answers may miss them. A graph "
        "cannot be upgraded in place, since the properties come from the documents: ingest the documents again, "
        "`dutygraph ingest <their files or folders> --store embedded:/srv/graph` (`dutygraph query documents` lists "
        "their paths)")
    assert notice.zh == (
        f"图中 37 个文件有 37 个由较早版本的 dutygraph 载入（字段版本 0，本版本为 {GRAPH_FIELDS_VERSION}），缺少本版本写入的属性，"
        "结果可能不全。这些属性来自文件本身，图谱无法原地升级：请重新导入这些文件：dutygraph ingest <文件或目录> "
        "--store embedded:/srv/graph（dutygraph query documents 列出文件路径）")
    # One document loaded again is current; the graph is not, while the other 36 lack what it gained.
    assert ingest([EXAMPLES / "sanding" / "shi_jiaotong.txt"], examples, region=CITY).failed == []
    assert recorded_fields_versions(examples) == FieldsVersions(37, 0, GRAPH_FIELDS_VERSION, 36)
    assert ingest([EXAMPLES], examples, region=CITY).failed == []
    assert fields_notice(examples) is None


def test_a_failed_load_records_no_version(examples: Store, tmp_path: Path) -> None:
    _make_older(examples, None)
    bad = tmp_path / "shixian_bad.csv"  # a list whose second row has no 事项名称: refused whole
    bad.write_text("编号,事项名称,领域,划分方式,适用区县\n1,户外广告设置审批,城市管理,市县分担,全部\n"
                   "2,,城市管理,县级专有,全部\n", encoding="utf-8-sig")
    assert len(ingest([bad], examples, region=CITY).failed) == 1
    assert recorded_fields_versions(examples) == FieldsVersions(37, 0, 0, 37)


def test_a_graph_a_newer_dutygraph_loaded_says_so(examples: Store) -> None:
    newer = GRAPH_FIELDS_VERSION + 1
    _make_older(examples, newer, "shi_jiaotong.txt")
    notice = fields_notice(examples)
    assert notice is not None and notice.state == "newer"
    assert notice.en == (f"the graph was written by a newer dutygraph (fields version {newer}; this one knows "
                         f"{GRAPH_FIELDS_VERSION}): properties it added are not read; use that version or a later one")
    assert notice.zh == (f"图谱由较新版本的 dutygraph 写入（字段版本 {newer}，本版本为 {GRAPH_FIELDS_VERSION}），"
                         "其新增的属性不会被读取：请使用该版本或更新的版本")
    _make_older(examples, None, "shi_shichangjianguan.txt")  # and one an older one loaded: both are said
    both = fields_notice(examples)
    assert both is not None and both.state == "mixed"
    assert both.en.startswith("1 of the graph's 37 documents were loaded by an earlier dutygraph")
    assert both.en.endswith("; " + notice.en) and both.zh.endswith("；" + notice.zh)
