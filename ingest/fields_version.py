"""Which version of the loaded properties a graph's documents were written with.

A graph keeps the node and relationship properties of the dutygraph that loaded each document: properties a
later version adds (Document `effective`, Matter `all_counties_*` …) are missing until the documents are
ingested again, and queries would silently miss them. Each Document records the `GRAPH_FIELDS_VERSION` of the
loader that wrote it, in the document's own atomic write (`ingest.load`), so a failed load records nothing
and a document loaded again is current again. The stamp is per document, not one graph-wide Meta value: after
loading one document again, the graph's other documents still lack the new properties.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.store import Store

# Bump whenever a load writes other (label, property) or (type, property) pairs than before, and update the list
# in tests/ingest/test_fields_version.py, which fails until both are done. Documents written before this record
# existed count as version 0. Version 2: Document.region (the region a document was read for, pipeline.DocumentIds).
# Version 3: Document.text_sha256 (its text's digest: a copy in another encoding is the same document).
# Version 4: a 三定's 职责分工 clauses (LEADS/ASSISTS) record whose 三定 states them and its date (`sanding_of`,
# `stated`) and whether a later 三定 of that department supersedes them (`superseded`); Department.facts_issued dates
# its versioned facts apart from its 三定日期 (a 调整 notice changes the one, not the other); text_sha256 digests a
# document's words (`ingest.readers.text_digest`: a traditional mirror is the same document); an untitled 三定 has
# no title.
# Version 5: the FROM edge of an office or a duty keeps the ordinal (and a duty's status) its document states, so that
# a 三定 in force before its revision can be read back (queries.in_force).
# Version 6: a 属地 list's township 主体责任 and those who 配合 it carry `responsibility: territorial` on their LEADS
# and ASSISTS (ingest.list_records), which host_assist_ambiguities and who_handles' disputes read apart.
# Version 7: a list's Document keeps its rows' 序号 and 编码 (`row_places`, `row_seqs`, `row_codes`,
# ingest.row_numbers), by which readable sources cite the rows (queries.sources).
# Version 8: the FROM edge of work a 调整 notice devolves keeps the lower governments it goes to (`devolved_to`,
# 各县（区）人民政府), which duties_in_force names as its counterpart; a 三定's unranked 领导职数N名 is the
# department's `leader_posts` (it was the sum of the posts listed after 其中), a rank's 其中 split kept in
# `office_leader_posts_detail` (staffing_load's checks compare the two); a FROM edge keeps what its document states
# of a department (its facts and dates), an office (its other names) and a duty (its date), so that one 三定 of
# several can be taken out (ingest.restate); a list's `row_seqs` are its rows' numbers as cited, with their header
# (`序号3`, `编号3`, `序号12之子项3`), and a list's Document its title rows' date and 文号 (`issued`, `doc_number`).
# Also in version 8: a 三定 that renames or merges departments (机构改革) writes SUCCEEDED_BY from each predecessor to
# its department (ingest.succession), which every current-state query reads.
# Version 9: an Office keeps the name people read (`label`: 综合科（政策法规科）, its other names after it), and its
# FROM edge the label its document states, in place of one Cypher expression repeated in every query naming offices.
# Also in version 9: a 三定 clause's leads that each answer for their own line of work (`A、B分别负责M`; the
# 事中事后监管 of a 审管分离 clause) carry `responsibility: sectoral` on their LEADS, which is no multiple_leads.
# Also in version 9: a Department keeps each alias with the document that gave it (`alias_sources`, `doc:…#市城管局`), so that
# taking a document out takes the names only it gave (ingest.alias_sources); a graph's older documents recorded none,
# and the names they gave stay.
# Version 10: a 调整 notice's staff changes beyond posts moved: posts cut (核减) or handed down with work (下放), each
# the department's TRANSFERRED_TO edge to itself with `kind` cut or devolved (`devolved_to` as written), and 领导职数
# moved or cut with their `leader_rank` (ingest.staff_moves); a notice loaded before records none of them, and
# staffing_load counts its figure without them.
# Version 11: a list's Document keeps its rows in a compact form and the key of the list it is a version of
# (`version_rows`, `list_key`), and a version no longer current is a ListVersion node (ingest.list_history); a list
# loaded before keeps no rows, and list_changes does not compare it.
# Version 12: a move a 三定 states from a body the reform abolished (`将原县农业局承担的…职责划入…`) is marked `former`
# on its TRANSFERRED_TO edge (ingest.records): listed for the receiver, not a 职责划转 between standing departments; a
# 三定 loaded before reads 原X as a standing department and its move as a 职责划转.
# Version 13: a PowerItem keeps its list's 责任事项 and 追责情形 (`responsibilities`, `accountability`), where the list
# has those columns (power_item_review flags an empty one); a list loaded before kept neither, and the review says
# it must be loaded again (stages_not_loaded).
# Version 14: a 三定 or 调整 notice stating a 撤县设区 (撤销青山县，设立示例市青山区) gives a Region REPLACED_BY edge
# (ingest.region_succession); one loaded before gives none, and the county stays a county beside the district.
# Version 15: a PowerItem keeps what its 备注 says of the townships exercising it (`devolution`: entrusted, devolved;
# ingest.devolution); power_item_review reads a list loaded before as if its 备注 said neither.
# Version 16: a 三定's Document keeps its clause of 管行业必须管安全 for every sector (`sector_rule`,
# `sector_rule_source`: 县直有关行业主管部门负责本行业领域的安全生产监督管理, ingest.sector_rule), which orphans cite for
# a new kind of business's 行业主管; a 三定 loaded before keeps none, and is not cited.
# Version 17: a township merged into another (撤销桃源乡，并入石桥镇: a 区划调整 notice or a 三定) gives a Region
# REPLACED_BY edge with `kind` merged and its government's SUCCEEDED_BY the other's (ingest.region_succession); a
# document loaded before gives neither, and the township's government keeps what names it.
# Version 18: a township list's rows whose township was merged into another follow it (`township` the surviving
# township's government, `township_from` the one the list wrote; ingest.load.follow_successions); a graph loaded
# before groups them under the merged township in township_duties until the next ingest of any file, whose
# follow_successions runs over the whole graph; a 镇改街道 (撤销石桥镇，设立石桥街道) is read from this version on.
# Version 19: a Document and a ListVersion keep when they were loaded (`loaded`: the graph's write count then,
# ingest.load.load_stamp), by which `dutygraph remove` brings back the version of an undated list loaded last
# (ingest.versions.newest_first); a version loaded before keeps none and counts as loaded before any other.
# Version 20: each body of a succession keeps the end of its chain (`chain_end`, ingest.load.follow_successions),
# which township_duties reads for a township asked for; a followed edge and a row's `township` are recomputed from what
# is loaded, so a chain made shorter moves them back. A graph loaded before has none until the next ingest of any file.
# Version 21: a department's 行政编制 and 领导职数 cite the clause they were read from (`staffing_source`:
# `doc:…#第五条`, on the Department and its document's FROM edge), which staff_figures and tenure cite; a document
# loaded before keeps none, and is cited by its title.
# Version 22: the department's other facts an 编办 checks cite their clause too (on the Department and its document's
# FROM edge): its 规格 (`rank_source`: `doc:…#第二条`), its supervisor (`supervisor_source`), its 核定内设机构数
# (`offices_stated_source`: a 三定's `#第四条`, a 调整 notice's own item `#二、`) and the clause listing its internal
# offices (`offices_source`), which the profile and staffing_load cite; a document loaded before keeps none, and the
# profile cites nothing for them.
GRAPH_FIELDS_VERSION = 22

# Documents loaded before the stamp existed have no `fields_version`: they count as 0.
_VERSIONS = (
    "MATCH (d:Document) WITH coalesce(d.fields_version, 0) AS v "
    "RETURN count(v) AS documents, min(v) AS oldest, max(v) AS newest, "
    "sum(CASE WHEN v < $current THEN 1 ELSE 0 END) AS older"
)


@dataclass(frozen=True)
class FieldsVersions:
    documents: int
    oldest: int
    newest: int
    older: int  # documents loaded with fewer fields than this dutygraph writes

    @property
    def state(self) -> str:
        """current, older, newer or mixed (some documents older, some newer than this dutygraph)."""
        behind, ahead = self.oldest < GRAPH_FIELDS_VERSION, self.newest > GRAPH_FIELDS_VERSION
        return "mixed" if behind and ahead else "older" if behind else "newer" if ahead else "current"


def recorded_fields_versions(store: Store) -> FieldsVersions | None:
    """The fields versions of the graph's documents; None for a graph without documents (nothing to be stale)."""
    [row] = store.read(_VERSIONS, {"current": GRAPH_FIELDS_VERSION})
    if not row["documents"]:
        return None
    return FieldsVersions(int(row["documents"]), int(row["oldest"]), int(row["newest"]), int(row["older"]))


@dataclass(frozen=True)
class FieldsNotice:
    state: str
    en: str
    zh: str


def fields_notice(store: Store, store_uri: str | None = None) -> FieldsNotice | None:
    """What to tell a reader of a graph whose documents another version loaded, or None when it is current.
    `store_uri` is named in the command to run (as the user gave it: absent means the default store)."""
    return notice_of(recorded_fields_versions(store), store_uri)


def notice_of(versions: FieldsVersions | None, store_uri: str | None = None) -> FieldsNotice | None:
    """`fields_notice` of versions already read (the service's readiness reads them once for its count too)."""
    if versions is None or versions.state == "current":
        return None
    en: list[str] = []
    zh: list[str] = []
    if versions.oldest < GRAPH_FIELDS_VERSION:
        where = f" --store {store_uri}" if store_uri else ""
        en.append(
            f"{versions.older} of the graph's {versions.documents} documents were loaded by an earlier dutygraph "
            f"(fields version {versions.oldest}; this one writes {GRAPH_FIELDS_VERSION}), so their nodes lack "
            "properties this version reads and answers may miss them. A graph cannot be upgraded in place, since "
            f"the properties come from the documents: ingest the documents again, `dutygraph ingest <their files or "
            f"folders>{where}` (`dutygraph query documents` lists their paths)")
        zh.append(
            f"图中 {versions.documents} 个文件有 {versions.older} 个由较早版本的 dutygraph 载入"
            f"（字段版本 {versions.oldest}，本版本为 {GRAPH_FIELDS_VERSION}），缺少本版本写入的属性，结果可能不全。"
            "这些属性来自文件本身，图谱无法原地升级：请重新导入这些文件："
            f"dutygraph ingest <文件或目录>{where}（dutygraph query documents 列出文件路径）")
    if versions.newest > GRAPH_FIELDS_VERSION:
        en.append(
            f"the graph was written by a newer dutygraph (fields version {versions.newest}; this one knows "
            f"{GRAPH_FIELDS_VERSION}): properties it added are not read; use that version or a later one")
        zh.append(
            f"图谱由较新版本的 dutygraph 写入（字段版本 {versions.newest}，本版本为 {GRAPH_FIELDS_VERSION}），"
            "其新增的属性不会被读取：请使用该版本或更新的版本")
    return FieldsNotice(versions.state, "; ".join(en), "；".join(zh))
