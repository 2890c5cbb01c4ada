"""The graph schema, declared once as data: the loader, the DDL of both backends and the docs read it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class NodeLabel:
    name: str
    meaning: str
    properties: tuple[str, ...]
    # Properties that get a plain (non-unique) index besides the unique `uid`.
    indexed: tuple[str, ...] = ()


@dataclass(frozen=True)
class RelType:
    name: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    meaning: str
    properties: tuple[str, ...] = field(default=("source",))


NODE_LABELS: tuple[NodeLabel, ...] = (
    NodeLabel("Region", "行政区划", ("uid", "name", "level", "path", "source"), ("name",)),
    NodeLabel(
        "Department",
        "部门/单位",
        (
            "uid", "name", "base_name", "aliases", "kind", "rank", "region", "supervisor", "staff_quota", "other_staff",
            "leader_posts", "leader_posts_detail", "office_leader_posts", "office_leader_posts_detail",
            "offices_stated", "sanding_issued", "vague", "unresolved", "candidates", "source",
            # the clause its 行政编制 and 领导职数 were read from (`doc:…#第五条`), as a duty's `source`; its 规格's,
            # its supervisor's, its 核定内设机构数's and the one listing its offices (fields version 22)
            "staffing_source", "rank_source", "supervisor_source", "offices_stated_source", "offices_source",
            # the date of the document that set the versioned facts: a 三定's, or a later 调整 notice's
            "facts_issued",
            # each alias with the document that gave it (`doc:…#市城管局`): a removal takes the names only it gave
            "alias_sources",
        ),
        ("name",),
    ),
    NodeLabel("Office", "内设机构 (处/科/室/股)",
              ("uid", "name", "aliases", "label", "ordinal", "department", "source"),
              ("name",)),
    NodeLabel(
        "Duty",
        "一条职责",
        ("uid", "text", "content", "ordinal", "category", "verbs", "objects", "terms", "status", "holder",
         "last_stated", "boilerplate", "linked", "source"),
        ("status",),
    ),
    NodeLabel("Matter", "共同事项 (职责分工/边界清单/事权划分)",
              ("uid", "name", "domain", "region", "content", "source",
               # a 事权 row for 全部 counties: the HOLDS every county of the city has, those loaded later too
               "all_counties_share", "all_counties_text", "all_counties_source"), ("name",)),
    NodeLabel("PowerItem", "权责清单事项",
              ("uid", "code", "name", "main_item", "sub_item", "type", "basis", "levels", "region", "department",
               "content", "source", "responsibilities", "accountability", "devolution"), ("code", "name")),
    NodeLabel("SupervisionItem", "监管事项",
              ("uid", "code", "name", "main_item", "sub_item", "basis", "target", "level", "region", "claimed",
               "content", "source"), ("code", "claimed")),
    NodeLabel("Term", "jieba 词", ("uid", "text"), ("text",)),
    # `meta:version`: a counter every write bumps, so readers can cache what they derive; `meta:links` and
    # `meta:segmentation` name what made the derived links and the stored terms; `meta:unlinked` how many duties
    # wait for their links, at which version and number of duties (ingest/unlinked.py).
    NodeLabel("Meta", "图谱版本", ("uid", "version", "epoch", "linker", "segmentation", "unlinked", "unlinked_at")),
    NodeLabel(
        "Document",
        "来源文件",
        ("uid", "title", "kind", "issuer", "issued", "effective", "doc_number", "sha256", "path", "region", "truncated",
         "notes", "sheet_names", "sheet_titles",
         # a list's rows that have a 序号 or a 编码, and those (ingest/row_numbers.py): what its sources cite
         "row_places", "row_seqs", "row_codes",
         # its text's digest, whatever the encoding: a copy in another encoding is this document (DocumentIds)
         "text_sha256",
         # the GRAPH_FIELDS_VERSION of the loader that wrote the document (ingest/fields_version.py)
         "fields_version",
         # a list's: the list it is a version of, and its rows in a compact form (ingest/list_history.py)
         "list_key", "version_rows",
         # a 三定's 管行业必须管安全 for every sector, and its clause (ingest/sector_rule.py)
         "sector_rule", "sector_rule_source",
         # when it was loaded: the graph's write count then (ingest.load.load_stamp), which orders undated versions
         "loaded"),
        ("sha256",),
    ),
    # A list's version that is no longer current (清单动态调整): its Document's properties, no edges; no analysis
    # matches it, list_changes compares it with the next (ingest/list_history.py). `uid`: its Document's.
    NodeLabel("ListVersion", "清单历史版本",
              ("uid", "title", "kind", "region", "issued", "doc_number", "path", "sha256", "sheet_names",
               "sheet_titles", "list_key", "version_rows", "loaded"), ("list_key",)),
)

_HOLDERS = ("Department", "Office")
_DOC_PARTS = ("Region", "Department", "Office", "Duty", "Matter", "PowerItem", "SupervisionItem")

REL_TYPES: tuple[RelType, ...] = (
    RelType("CONTAINS", ("Region",), ("Region",), "行政区划层级"),
    # 撤县设区: the county whose ground the district took over (ingest.region_succession), with the document's
    # `date` and the sentence (`text`); the current-state queries read the county as the district (queries.lookup).
    # `kind` merged: a township abolished into another (乡镇合并), no rename: its government's SUCCEEDED_BY moves
    # what names it.
    RelType("REPLACED_BY", ("Region",), ("Region",), "区划调整（撤县设区、乡镇合并）",
            ("source", "date", "text", "kind")),
    RelType("HAS_DEPARTMENT", ("Region",), ("Department",), "区划下的部门"),
    RelType("HAS_OFFICE", ("Department",), ("Office",), "部门的内设机构"),
    RelType("HAS_DUTY", _HOLDERS, ("Duty",), "部门或内设机构的职责", ("source", "ordinal")),
    RelType("REFINES", ("Duty",), ("Duty",), "内设机构职责落实部门职责", ("source", "score")),
    # `responsibility`: `territorial` where a 属地 list makes a township answer for the matter in its own area
    # (ingest.list_records), absent for a department's 牵头/配合 at its level.
    RelType("LEADS", ("Department",), ("Matter",), "牵头/主办",
            ("source", "basis", "basis_rank", "order", "text", "sanding_of", "stated", "superseded",
             "responsibility", "redirected_from")),
    RelType("ASSISTS", ("Department",), ("Matter",), "配合/协办",
            ("source", "basis", "basis_rank", "text", "sanding_of", "stated", "superseded", "responsibility",
             "redirected_from")),
    # `redirected_from`: a list's edge that named a body since renamed or merged (SUCCEEDED_BY), moved to its successor
    # (ingest.load.follow_successions); taking the reform's 三定 out moves it back.
    RelType("EXERCISES", _HOLDERS, ("PowerItem",), "实施主体", ("source", "redirected_from")),
    RelType("CLAIMS", ("Department",), ("SupervisionItem",), "认领", ("source", "redirected_from")),
    RelType("HOLDS", ("Region",), ("Matter",), "事权划分", ("source", "share", "role", "text")),
    RelType("COUNTERPART", ("Department",), ("Department",), "上下对口"),
    # A staff change's edge has `staff` (0 where only 领导职数 move) and `leader_posts` (with `leader_rank` as written),
    # `kind` '' (moved), cut (核减) or devolved (下放, to `devolved_to`, the lower governments as written): posts cut or
    # handed down go to no department, so their edge is the department's to itself. `former`: work a 三定 took over
    # from a body a reform abolished (将原县农业局承担的…划入): how the department came to hold it, no 职责划转.
    RelType("TRANSFERRED_TO", ("Department",), ("Department",), "职责或编制划转",
            ("source", "what", "staff", "leader_posts", "kind", "leader_rank", "devolved_to", "former")),
    # 机构改革: the body a 三定's opening articles say it replaced (更名为, 组建…不再保留…, 将…的职责划入…) → that
    # 三定's department. `kind`: renamed | merged | absorbed; `date`: the 三定's 施行 date, else its date; `text`: the
    # sentence.
    RelType("SUCCEEDED_BY", ("Department",), ("Department",), "机构改革承继（更名、合并、划入）",
            # `carries`, `carries_after`: whether the replaced body's duties are its successor's and from when, where
            # a notice alone states the reform (ingest.carried; derived after every ingest and removal).
            ("source", "kind", "date", "text", "carries", "carries_after")),
    # A 机构编制实名制统计表's row (ingest.headcount): the department's posts set (`quota`) and people in post
    # (`actual`) of a 编制类型 (`staff_type`, '' for a table without one) on `as_of`, the table's 空编数 and 超编数 as
    # written, and its 领导职数 by rank set and filled (`leader_set`, `leader_filled`: `正科级 4`; a property holds
    # no map).
    RelType("HEADCOUNT", ("Department",), ("Document",), "实名制统计",
            ("source", "staff_type", "quota", "actual", "vacant", "over", "leader_set", "leader_filled", "as_of",
             "redirected_from")),
    # A member unit's paragraph of a 安委会成员单位安全生产工作职责 (ingest.safety_committee): `text`, its safety
    # duties, which name the sectors whose safety it leads (queries.sector_safety).
    RelType("SAFETY_DUTY", ("Department",), ("Document",), "安委会成员单位职责", ("source", "text", "redirected_from")),
    RelType("MENTIONS", ("Duty", "PowerItem", "SupervisionItem", "Matter"), ("Term",), "提及的词", ("weight",)),
    RelType("SIMILAR", ("Duty",), ("Duty",), "同一项工作", ("score", "method")),
    # A department's facts, an office's names and a duty's date as that document states them (ingest.records.STATED);
    # `devolved_to`, the lower governments a 调整 notice hands a duty's work to.
    RelType("FROM", _DOC_PARTS, ("Document",), "出处",
            ("locator", "ordinal", "status", "devolved_to", "last_stated", "aliases", "label", "issued",
             "sanding_issued", "kind", "rank", "supervisor", "staff_quota", "other_staff", "leader_posts",
             "leader_posts_detail", "office_leader_posts", "office_leader_posts_detail", "offices_stated",
             "staffing_source", "rank_source", "supervisor_source", "offices_stated_source", "offices_source")),
)

LABEL_NAMES: frozenset[str] = frozenset(label.name for label in NODE_LABELS)
REL_NAMES: frozenset[str] = frozenset(rel.name for rel in REL_TYPES)


def label(name: str) -> NodeLabel:
    for node_label in NODE_LABELS:
        if node_label.name == name:
            return node_label
    raise KeyError(f"unknown node label {name!r}")


# The edges a document gives the departments it names (its parties: a list's 牵头/配合, 实施 and 认领, a notice's
# 划转 and 机构改革, a 实名制统计表's row, a 安委会 member's duties). A department that holds none of them, no
# office, no duty and no document of its own is a leftover the removal prunes (ingest.load.prune_orphans,
# graph.undo_scope), and a party's are what it takes along when it turns out to name a loaded department
# (ingest.load.redirect_parties).
PARTY_EDGES: tuple[str, ...] = ("LEADS", "ASSISTS", "EXERCISES", "CLAIMS", "TRANSFERRED_TO", "SUCCEEDED_BY",
                                "HEADCOUNT", "SAFETY_DUTY")
# What a department holds besides them: with them, what keeps a department no document defines in the graph.
HELD_BY_DEPARTMENT: tuple[str, ...] = (*PARTY_EDGES, "HAS_OFFICE", "HAS_DUTY")


def rel_alternatives(names: Iterable[str]) -> str:
    """`LEADS|ASSISTS`: a pattern's alternative types, each checked against the schema (never from input)."""
    return "|".join(rel_type(name).name for name in names)


def rel_type(name: str) -> RelType:
    for rel in REL_TYPES:
        if rel.name == name:
            return rel
    raise KeyError(f"unknown relationship type {name!r}")
