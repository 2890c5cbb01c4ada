"""Taking a document out of the graph (`dutygraph remove`): which Documents a user's words name, and whether they may go.

A document loaded by mistake is named as a steward has it to hand: the file itself (its content is the document,
whatever its name or folder now), the path it was loaded from (`dutygraph query documents` lists them), its file
name, its title or its uid. The writes are `ingest.load.forget_documents`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from graph.schema import PARTY_EDGES, rel_alternatives
from graph.store import Statement, Store
from graph.undo import all_or_nothing
from ingest.errors import IngestError
from ingest.kinds import KINDS
from ingest.link import LinkReport, link
from ingest.load import remove_documents
from ingest.region_succession import successor_paths
from ingest.regions import Region
from ingest.removal_scope import removal_tops
from ingest.renamed_notices import misread_notices
from ingest.unlinked import unlinked_duties
from ingest.versions import newest_first, unpaired_renamed

if TYPE_CHECKING:  # the pipeline imports this module once its documents have loaded
    from ingest.pipeline import ParsedFiles

# What names a document, a Document's or a list's version kept as history (ingest.list_history), as `v`.
_NAMING = ("v.uid AS uid, v.path AS path, v.title AS title, v.kind AS kind, v.region AS region, "
           "v.sha256 AS sha256")
_DOCUMENTS = f"MATCH (v:Document) RETURN {_NAMING}, v.issued AS issued, false AS history ORDER BY uid"
# A list's versions kept as history are named as its current one is.
_HISTORY = f"MATCH (v:ListVersion) RETURN {_NAMING}, v.issued AS issued, true AS history ORDER BY uid"
# The lists the removed Documents and history versions are versions of (their `list_key`), and each one's versions:
# its current Document and its history. The newest that stays (ingest.versions.newest_first) is the list's current
# one: a history version loaded again in place of a removed current version, or of a current version that stays but
# no longer ranks newest (below).
_LIST_KEYS = ("MATCH (v:Document) WHERE v.uid IN $uids AND v.list_key IS NOT NULL RETURN v.list_key AS list_key "
              "UNION MATCH (v:ListVersion) WHERE v.uid IN $uids AND v.list_key IS NOT NULL RETURN v.list_key AS list_key")
_VERSIONS_OF = tuple(f"MATCH (v:{label} {{list_key: key}}) RETURN {_NAMING}, v.list_key AS list_key, "
                     f"coalesce(v.issued, '') AS issued, v.loaded AS loaded, {current} AS current ORDER BY list_key, uid"
                     for label, current in (("Document", "true"), ("ListVersion", "false")))
# A list's history versions of another region than its current version: only a 撤县设区 pairs across regions (the
# county's list kept as the history of the district's that reissues it: ingest.versions.renamed_side).
_ACROSS_REGIONS = ("MATCH (d:Document) WHERE d.list_key IS NOT NULL "
                   "MATCH (v:ListVersion {list_key: d.list_key}) WHERE v.region <> d.region "
                   f"RETURN {_NAMING}, coalesce(v.issued, '') AS issued, v.loaded AS loaded, d.uid AS d_uid, "
                   "d.path AS d_path, d.title AS d_title, d.kind AS d_kind, d.region AS d_region, "
                   "d.sha256 AS d_sha256 ORDER BY d_uid, region, uid")
# The departments a 三定 or 调整 notice defines that another 三定 or notice of theirs, loaded by a dutygraph before
# fields version 8, also defines: that version's FROM edge keeps none of what it states (staffing, dates), so the
# department cannot be restated from it (ingest.restate) until it is loaded again.
_UNRESTATABLE = ("MATCH (d:Document)<-[:FROM]-(n:Department)-[f:FROM]->(o:Document) "
                 "WHERE d.uid IN $uids AND NOT o.uid IN $uids AND f.issued IS NULL "
                 "RETURN DISTINCT n.name AS department, o.path AS path, o.title AS title ORDER BY department, path")


# The documents whose parties a removed document explained: those that define no department (a list, a 实名制统计表, an
# 安委会 table) and name one that a removed 三定 or 调整 notice defines, by its title, a plate or an office in brackets
# (ingest.pipeline.reresolve_parties merged the list's party into it, or the list loaded after and read the name so).
# Without that document the name may read otherwise (the plate a party of its own): read again from their files.
_EXPLAINED = ("MATCH (n:Department)-[:FROM]->(gone:Document) WHERE gone.uid IN $uids "
              f"MATCH (n)-[e:{rel_alternatives(PARTY_EDGES)}]-() WITH DISTINCT split(e.source, '#')[0] AS uid "
              "WHERE NOT uid IN $uids MATCH (v:Document {uid: uid}) WHERE NOT (v)<-[:FROM]-(:Department) "
              f"RETURN {_NAMING} ORDER BY uid")


@dataclass
class RemovalError(Exception):
    """A name that matches no document or several, or a document that cannot go alone; `zh` says it in Chinese."""

    message: str
    zh: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class HeldDocument:
    uid: str
    path: str
    title: str
    kind: str
    region: str
    history: bool = False  # a list's version kept as history (ingest.list_history), not a Document
    # Why it was not loaded again though its file is unchanged (the load's error, naming the file and line), and the
    # same in Chinese: the API and the page say it to people who do not read the English (an exception's text).
    failure: str = ""
    failure_zh: str = ""

    def label(self) -> str:
        title = f"《{self.title}》 " if self.title else ""
        kept = "，历史版本 history" if self.history else ""
        return f"{title}{self.path} ({self.region}, {self.uid}{kept})"

    def said(self) -> str:
        """Its label, and why it did not load again where its file is unchanged."""
        return f"{self.label()}：未能载入 did not load: {self.failure}" if self.failure else self.label()


class ReloadFailed(Exception):
    """A document whose file is unchanged did not load again (a parser that has changed since, the store failing):
    what it was and the load's error, in English and in Chinese (each naming the file and line)."""

    def __init__(self, held: HeldDocument, error: str, error_zh: str) -> None:
        super().__init__(error)
        self.held = held
        self.error = error
        self.error_zh = error_zh

    def noted(self) -> HeldDocument:
        """The document with why it did not load again."""
        return replace(self.held, failure=self.error, failure_zh=self.error_zh)


@dataclass(frozen=True)
class Removal:
    removed: list[HeldDocument]
    links: LinkReport
    # History versions loaded again as current in place of a removed current version (its file unchanged), and those
    # whose file is gone or changed: they stay history, and the list has no current version.
    restored: list[HeldDocument] = field(default_factory=list)
    stranded: list[HeldDocument] = field(default_factory=list)
    # 调整 notices titled with a body's old name, read again now that the reform that made them its successor's is
    # gone (`read_notices_again`), and those whose file is gone or changed.
    reread: list[HeldDocument] = field(default_factory=list)
    not_reread: list[HeldDocument] = field(default_factory=list)
    # The county's and the district's lists a removed 撤县设区 paired, both loaded again unpaired from their files
    # (`_unpairing`), and those left paired because a file of the pair is gone or changed.
    unpaired: list[HeldDocument] = field(default_factory=list)
    not_unpaired: list[HeldDocument] = field(default_factory=list)
    # The lists (and tables) that named a department a removed 三定 defines by a name it explained (`_EXPLAINED`),
    # read again from their files, and those whose file is gone, changed or does not load: they stay as loaded.
    parties_reread: list[HeldDocument] = field(default_factory=list)
    parties_not_reread: list[HeldDocument] = field(default_factory=list)


def find_documents(store: Store, names: Sequence[str]) -> list[HeldDocument]:
    """The Documents `names` name, each exactly one, in the order given; a RemovalError when one names none or
    several."""
    rows = [*store.read(_DOCUMENTS), *store.read(_HISTORY)]
    found: dict[str, HeldDocument] = {}
    for name in names:
        matches = _matching(rows, name)
        if not matches:
            raise RemovalError(
                f"{name}: no document of the graph is this file, path, file name, title or uid "
                "(dutygraph query documents lists them)",
                f"{name}：图中没有这个文件（按文件内容、载入路径、文件名、标题或 uid 均未找到；"
                "已载入的文件见 dutygraph query documents）")
        if len(matches) > 1:
            listed = "; ".join(match.label() for match in matches)
            raise RemovalError(f"{name} names {len(matches)} documents: {listed}; give the uid of the one to remove",
                               f"{name} 对应 {len(matches)} 个文件：{listed}；请写明要移除的文件的 uid")
        found.setdefault(matches[0].uid, matches[0])
    return list(found.values())


def _matching(rows: list[dict[str, str]], name: str) -> list[HeldDocument]:
    """The file's content first (a copy elsewhere, or renamed, is the same document), then the recorded path, the
    file name, the title, the uid: the first way that matches anything decides."""
    digest = _file_digest(Path(name))
    tests = [lambda row: row["uid"] == name, lambda row: digest is not None and row["sha256"] == digest,
             lambda row: row["path"] == name, lambda row: Path(row["path"] or "").name == name,
             lambda row: bool(row["title"]) and row["title"] == name.strip("《》")]
    for test in tests:
        matches = [HeldDocument(row["uid"], row["path"] or "", row["title"] or "", row["kind"] or "",
                                row["region"] or "", bool(row["history"])) for row in rows if test(row)]
        if matches:
            return matches
    return []


def _file_digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    except OSError:
        return None  # then named by its recorded path, file name or title


def check_removable(store: Store, documents: Sequence[HeldDocument]) -> None:
    """Refuse a 三定 (or 调整 notice) whose department has another version loaded by a dutygraph before fields
    version 8: that version's FROM edge does not say what it states, so the department would keep the removed one's
    staffing and dates. A version loaded since is restated from (ingest.restate)."""
    rows = store.read(_UNRESTATABLE, {"uids": [document.uid for document in documents]})
    if rows:
        versions = "; ".join(f"{row['department']}: {('《' + row['title'] + '》 ') if row['title'] else ''}"
                             f"{row['path']}" for row in rows)
        raise RemovalError(
            f"the department these documents define has other 三定 or 调整 notices loaded by an earlier dutygraph "
            f"({versions}), which do not record what they state: one version cannot be taken out alone until those "
            "are loaded again (dutygraph ingest PATH), or remove them too, or reset the graph and load again",
            f"该部门还载入了由较早版本 dutygraph 载入的其他三定或调整通知（{versions}），其中未记录各版本所定的编制和日期："
            "请先重新载入这些文件（dutygraph ingest 路径）再移除，或一并移除，或清空图谱后重新载入")


def remove(store: Store, documents: Sequence[HeldDocument]) -> Removal:
    """Take the documents out, load again what they stood in front of (a list's newest history version, the notices a
    reform removed now reads otherwise), then bring the links up to date, once, and count what waits for its links.
    A history version whose file is unchanged but does not parse (a parser changed since, `--kind` read otherwise)
    refuses the removal before anything is written: a RemovalError names the file and line, the graph is as it
    was. One whose file is gone or changed stays history, said; a notice that cannot be read again stays as loaded.
    All or nothing (`graph.undo`): a failure midway (the store, a load, Ctrl-C) puts the graph back as it was before
    the first write, and a process killed midway is put back by the next command to open the store."""
    current = [document.uid for document in documents if not document.history]
    check_removable(store, documents)
    removed = {document.uid for document in documents}
    # The 撤县设区 that stay, read once: both the next newest versions and the pairs to undo are judged by them.
    successors = successor_paths(store, removed)
    following: list[tuple[HeldDocument, ParsedFiles | None]] = []
    for version, digest in _next_newest(store, removed, successors):
        try:
            following.append((version, _read_again(version, digest)))
        except ReloadFailed as failed:
            raise _nothing_removed(failed, ("; mend or restore that file, or name it in the removal too",
                                            "；请修复或恢复该文件，或将其一并移除")) from failed
    try:
        unpairing = _unpairing(store, removed, successors)
    except ReloadFailed as failed:
        raise _nothing_removed(failed, ("; mend or restore that file, or name it in the removal too",
                                        "；请修复或恢复该文件，或将其一并移除")) from failed
    paired = [held for pair in unpairing for held, _parsed in (pair.county, pair.district)]
    explained = _explained(store, removed, {held.uid for held in paired})
    regions = [held.region for held in (*documents, *(version for version, _parsed in following),
                                        *paired, *(held for held, _digest in explained))]
    try:
        # The explained documents are taken out and loaded again: what they cite is written too.
        rewritten = [*(document.uid for document in documents), *(held.uid for held, _digest in explained)]
        with all_or_nothing(store, removal_tops(store, rewritten, regions)):
            return _removed(store, documents, current, following, unpairing, explained)
    except ReloadFailed as failed:  # parsed, but its load failed (the store): the graph is as it was
        raise _nothing_removed(failed, ("", "")) from failed


def _nothing_removed(failed: ReloadFailed, advice: tuple[str, str]) -> RemovalError:
    return RemovalError(
        f"nothing was removed, the graph is as it was: taking these documents out loads {failed.held.label()} again "
        f"from its file, which does not load: {failed.error}{advice[0]}",
        f"未移除任何文件，图谱保持原样：移除这些文件需要从原文件重新载入 {failed.held.label()}，但该文件无法载入："
        f"{failed.error_zh}{advice[1]}")


def _removed(store: Store, documents: Sequence[HeldDocument], current: list[str],
             following: list[tuple[HeldDocument, ParsedFiles | None]], unpairing: list[_Pair],
             explained: list[tuple[HeldDocument, str]]) -> Removal:
    """The removal's writes (`current`: the uids of the documents that are no history version); ReloadFailed where a
    document loaded again does not load (the store failing)."""
    if history := [document.uid for document in documents if document.history]:
        store.write_atomic([Statement("UNWIND $rows AS r MATCH (v:ListVersion) WHERE v.uid IN r.uids DELETE v",
                                      [{"uids": sorted(history)}])])
    if current:
        remove_documents(store, current)
    # A list's newest history version, current again; a load that fails undoes the removal (the caller).
    restored, stranded = _reloaded(store, following, must_load=True)
    reread, not_reread = read_notices_again(store, link_duties=False, must_load=True)
    unpaired, not_unpaired = _unpaired(store, unpairing)
    # Last: a list reads its parties by the departments the documents that stay define, notices read again included.
    parties_reread, parties_not_reread = _replaced_from_files(store, explained, link_duties=False, must_load=True)
    links = link(store)
    unlinked_duties(store)
    return Removal(list(documents), links, restored, stranded, reread, not_reread, unpaired, not_unpaired,
                   parties_reread, parties_not_reread)


def _explained(store: Store, removed: set[str], reloaded: set[str]) -> list[tuple[HeldDocument, str]]:
    """The documents whose parties the `removed` documents explained (`_EXPLAINED`), but those `reloaded` otherwise
    (a pair a removed 撤县设区 made), each with its file's digest. Read before any write: the removed documents'
    departments say which they are."""
    rows = store.read(_EXPLAINED, {"uids": sorted(removed)}) if removed else []
    return [(HeldDocument(row["uid"], row["path"] or "", row["title"] or "", row["kind"] or "", row["region"] or ""),
             row["sha256"] or "") for row in rows if row["uid"] not in reloaded]


class _Pair(NamedTuple):
    """A county's list kept as the history of its district's, and that district's current list, which a removed
    撤县设区 paired: each with its file as read again (None: gone or changed)."""

    county: tuple[HeldDocument, ParsedFiles | None]  # the county's newest version
    district: tuple[HeldDocument, ParsedFiles | None]
    county_older: list[str]  # the uids of the county's older versions, history of the district's list too


# The county's older versions, history of its own list again once its newest is current (its list_key).
_REKEYED = ("UNWIND $rows AS r MATCH (d:Document {uid: r.uid}) MATCH (v:ListVersion) WHERE v.uid IN r.older "
            "SET v.list_key = d.list_key")


def _unpairing(store: Store, removed: set[str], successors: dict[str, str]) -> list[_Pair]:
    """The pairs of lists a 撤县设区 stated only by the `removed` documents made (ingest.versions.renamed_side;
    `successors`, the 撤县设区 that stay): the county's newest version kept as the district list's history, and that
    district list, each read again from its file, as `read_renamed_lists_again` read the district's, in reverse. Read before any write: ReloadFailed where a file,
    unchanged, no longer parses."""
    versions: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in store.read(_ACROSS_REGIONS):
        if row["d_uid"] not in removed and row["uid"] not in removed and successors.get(row["region"]) != row["d_region"]:
            versions.setdefault((row["d_uid"], row["region"]), []).append(row)
    pairs: list[_Pair] = []
    for row, *older in map(newest_first, versions.values()):
        county = HeldDocument(row["uid"], row["path"] or "", row["title"] or "", row["kind"] or "",
                              row["region"] or "", True)
        district = HeldDocument(row["d_uid"], row["d_path"] or "", row["d_title"] or "", row["d_kind"] or "",
                                row["d_region"] or "")
        pairs.append(_Pair((county, _read_again(county, row["sha256"] or "")),
                           (district, _read_again(district, row["d_sha256"] or "")), [other["uid"] for other in older]))
    return pairs


def _unpaired(store: Store, pairs: list[_Pair]) -> tuple[list[HeldDocument], list[HeldDocument]]:
    """Each pair loaded again unpaired: the county's version current again, then the district's list taken out and
    loaded again, no rename now pairing it (a load that fails undoes the removal). A pair with a file gone or changed
    stays as it was, said."""
    unpaired: list[HeldDocument] = []
    stranded: list[HeldDocument] = []
    for pair in pairs:
        (county, county_file), (district, district_file) = pair.county, pair.district
        if county_file is None or district_file is None:
            stranded += [county, district]
            continue
        _reloaded(store, [pair.county], must_load=True)
        if pair.county_older:  # the county's older versions were the district list's history too: its own list's again
            store.write_atomic([Statement(_REKEYED, [{"uid": county.uid, "older": sorted(pair.county_older)}])])
        _reloaded(store, [pair.district], replacing=True, must_load=True)
        unpaired += [replace(county, history=False), district]  # the county's is current again
    return unpaired, stranded


def _next_newest(store: Store, removed: set[str], successors: dict[str, str]) -> list[tuple[HeldDocument, str]]:
    """Of each list a `removed` document is a version of, its newest version that stays (`newest_first`, by the
    撤县设区 that stay: a district list's own earlier version before the county's it reissued), with its file's digest,
    where that is a history version: the list's current version goes, or stays but ranks newest no more. A version
    without a full date takes the date of the newest loaded before it (ingest.versions.version_keys): an undated
    correction loaded after a 2023-09 list took its date and stayed current above a 2023-06-01 list loaded after it;
    once the 2023-09 list is removed, it is some time after the versions loaded before it alone, and loading the
    others alone makes the 2023-06-01 list current. Before, the removal of a history version left the current one."""
    keys = sorted({row["list_key"] for row in store.read(_LIST_KEYS, {"uids": sorted(removed)})}) if removed else []
    staying: dict[str, list[dict[str, Any]]] = {}
    for query in _VERSIONS_OF if keys else ():
        for row in store.read(f"UNWIND $keys AS key {query}", {"keys": keys}):
            if row["uid"] not in removed:
                staying.setdefault(row["list_key"], []).append(row)
    chosen = [newest_first(versions, successors)[0] for _key, versions in sorted(staying.items())]
    return [(HeldDocument(row["uid"], row["path"] or "", row["title"] or "", row["kind"] or "", row["region"] or "",
                          True), row["sha256"] or "") for row in chosen if not row["current"]]


def _reloaded(store: Store, held: list[tuple[HeldDocument, ParsedFiles | None]], *, replacing: bool = False,
              must_load: bool = False) -> tuple[list[HeldDocument], list[HeldDocument]]:
    """`_loaded_again` for each document its file read again as (`_read_again`; None: not read, said by its
    `failure` where its file is unchanged): those loaded again, and those not. `replacing`: the held Documents of
    those read are taken out first, all of them by one removal, so that a document that cannot be read again stays
    as it was, and the nodes only they hold (a party they all name) are made again as loading them makes them, not
    kept as another document left them. `must_load`: one that parsed but does not load (the store failing) raises
    ReloadFailed rather than stay out."""
    again: list[HeldDocument] = []
    stranded = [document for document, parsed in held if parsed is None]
    read = [(document, parsed) for document, parsed in held if parsed is not None]
    if replacing and read:
        remove_documents(store, [document.uid for document, _parsed in read])
    for document, parsed in read:
        try:
            (again if _loaded_again(store, document, parsed) else stranded).append(document)
        except ReloadFailed as failed:
            if must_load:
                raise
            stranded.append(failed.noted())
    return again, stranded


def _read_again(held: HeldDocument, digest: str) -> ParsedFiles | None:
    """The file a document was loaded from, parsed as the kind it was read as, where it still holds it (the same
    digest); None where it is gone or changed, ReloadFailed where it no longer parses. Read once: the load takes it
    as parsed."""
    from ingest.pipeline import parse_file  # here: the pipeline calls this module once its documents have loaded

    if _file_digest(Path(held.path)) != digest:
        return None
    try:
        return parse_file(Path(held.path), _reload_kind(held.kind))
    except IngestError as exc:
        raise ReloadFailed(held, exc.message, exc.message_zh(held.path)) from exc


def _loaded_again(store: Store, held: HeldDocument, parsed: ParsedFiles) -> bool:
    """Load a document again, as its file was read again (`_read_again`, in the region it was loaded for);
    ReloadFailed where it does not load. The caller links."""
    from ingest.pipeline import ingest

    # The caller reads notices again itself, afterwards (a notice read again is read as the reforms now say).
    report = ingest([Path(held.path)], store, region=Region(tuple(held.region.split("/"))),
                    kind=_reload_kind(held.kind), read_notices_again=False, link_duties=False, parsed=parsed)
    if failed := [outcome for outcome in report.outcomes if not outcome.ok]:
        raise ReloadFailed(held, "; ".join(outcome.error or str(outcome.path) for outcome in failed),
                           "；".join(outcome.message_zh(held.path) for outcome in failed))
    return bool(report.outcomes)


def _reload_kind(kind: str) -> str:
    """The `ingest --kind` a document is read again as: the kind it was read as (a list loaded with `--kind` may
    read as another kind by its headers alone), a 调整 notice as the 三定 text it is."""
    if kind == "amendment":
        return "sanding"
    return kind if kind in KINDS else "auto"


def read_notices_again(store: Store, *, link_duties: bool = True, must_load: bool = False
                       ) -> tuple[list[HeldDocument], list[HeldDocument]]:
    """Load again, from their files, the 调整 notices the graph's reforms now read as another body's than they were
    loaded as (`ingest.renamed_notices.misread_notices`): so the graph is the one loading every document in any order
    gives. Returns those read again and those whose file is gone or changed, or does not load (left as they were:
    load them again). `link_duties`: link the graph afterwards (False: the caller does). `must_load`: a notice that
    parses but does not load raises ReloadFailed (`remove` then undoes itself)."""
    documents = [(HeldDocument(notice.uid, notice.path, notice.title, "amendment", notice.region), notice.sha256)
                 for notice in misread_notices(store)]
    return _replaced_from_files(store, documents, link_duties=link_duties, must_load=must_load)


def read_renamed_lists_again(store: Store) -> tuple[list[HeldDocument], list[HeldDocument]]:
    """Load again, from their files, the district's lists held beside the county's lists they reissue: both loaded
    before the 撤县设区 (a 区划调整 notice loaded last). Loaded again, each is paired as it would have been loaded after
    the rename (the county's kept as its history, `ingest.versions.unpaired_renamed`), so the graph does not depend on
    the order. Returns those loaded again and those whose file is gone or changed, or does not load. Links."""
    documents = []
    for listed in unpaired_renamed(store, successor_paths(store)):
        [row] = store.read("MATCH (d:Document {uid: $uid}) RETURN d.sha256 AS sha256", {"uid": listed.uid})
        identity = listed.identity
        documents.append((HeldDocument(listed.uid, identity.path, identity.title, identity.kind, identity.region),
                          row["sha256"]))
    return _replaced_from_files(store, documents)


def _replaced_from_files(store: Store, documents: list[tuple[HeldDocument, str]], *, link_duties: bool = True,
                         must_load: bool = False) -> tuple[list[HeldDocument], list[HeldDocument]]:
    """Each document (with the digest it was loaded with) taken out and loaded again from its file (`_reloaded`)."""
    held: list[tuple[HeldDocument, ParsedFiles | None]] = []
    for document, digest in documents:
        try:
            held.append((document, _read_again(document, digest)))
        except ReloadFailed as failed:
            held.append((failed.noted(), None))
    again, stranded = _reloaded(store, held, replacing=True, must_load=must_load)
    if again and link_duties:
        link(store)
    return again, stranded
