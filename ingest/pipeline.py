"""Ingest a set of files: find them, parse each, resolve departments across all of them, load each atomically.

Parsing happens for every file before anything is written, so that a name in one document can resolve
to a department that another document in the same run defines. A file that fails is reported with
its reason and the others still load.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from graph.store import Store, StoreError
from ingest.alias_sources import rebuild_aliases
from ingest.county_cities import (
    administered,
    administered_regions,
    county_city_of,
    held_as_cities,
    placed_as_county,
)
from ingest.county_scope import extend_to_all_counties
from ingest.division_notice import division_notice
from ingest.errors import IngestError, RowErrors
from ingest.flat_tables import flattened_table
from ingest.headcount import is_headcount_table, parse_headcount
from ingest.kinds import KINDS
from ingest.link import (
    LinkPlan,
    LinkReport,
    current_duties,
    duty_rows,
    link,
    plan_is_current,
    plan_links,
    write_plan,
    write_plan_similar,
)
from ingest.list_dates import list_date
from ingest.list_history import history_row, history_statements, list_key
from ingest.list_records import ListContext, OfficeDirectory, city_of_counties, list_rows
from ingest.lists import parse_list
from ingest.load import bump_version, follow_successions, load_stamp, prune_orphans, redirect_parties
from ingest.loader import MAX_PENDING_AHEAD, DocumentLoader, Loaded
from ingest.model import (
    BoundaryRecord,
    Cell,
    HeadcountRecord,
    ListDocument,
    ListRecord,
    PowerItemRecord,
    RegionSuccession,
    SafetyDutyRecord,
    SandingDocument,
    SupervisionRecord,
    TerritorialRecord,
    TownshipDutyRecord,
)
from ingest.names import KnownDepartment, NameResolver, Resolution, plate_bases, read_groups, township_placed
from ingest.plan_worker import PlanWorker, PlanWorkerError, Similar
from ingest.readers import DOCX_SUFFIXES, SUPPORTED_SUFFIXES, SourceText, decode_text, read_bytes, read_source
from ingest.records import (
    DocumentContext,
    GraphRows,
    document_uid,
    office_uid,
    region_notice_rows,
    replaced_body,
    sanding_rows,
)
from ingest.refresh import refresh_segmentation
from ingest.region_notice import KIND as REGION_NOTICE
from ingest.region_succession import (
    REGION_RENAMES,
    TOWNSHIP_KINDS,
    placed_pair,
    placed_regions,
    township_county,
    written_city,
)
from ingest.regions import (
    NATIONAL,
    Region,
    RegionOptionError,
    level_marker,
    level_of,
    near_miss,
    prefecture_cities,
    resolve_level,
    split_region_prefix,
)
from ingest.renamed_notices import Reform, graph_reforms, read_as_successor
from ingest.safety_committee import committee_paragraphs, is_committee_table, is_committee_title, parse_committee_table
from ingest.sanding import parse_sanding
from ingest.sheets import SHEET_SUFFIXES, Workbook, read_workbook
from ingest.timing import timed
from ingest.township_lists import (
    foreign_townships,
    is_township_list,
    may_title_township_list,
    new_townships,
    paragraph_workbook,
)
from ingest.unlinked import unlinked_duties
from ingest.vague_parties import note_vague_parties
from ingest.versions import (
    HeldList,
    ListIdentity,
    Ranking,
    held_lists,
    held_versions,
    names_reader,
    ranked,
    renamed_versions,
    row_names,
    same_name,
    verdict,
    version_row,
)
from ingest.word_tables import word_workbook

# Duties from which ingest plans the links in a worker process (ingest.plan_worker) rather than in the
# loading one.
PLAN_WORKER_FROM = 5_000


@dataclass
class FileOutcome:
    path: Path
    ok: bool
    counts: dict[str, int] = field(default_factory=dict)  # what the file states, by kind (departments, duties…)
    error: str = ""
    # The error itself when ingest refused the file (not when the store failed): the upload renders its Chinese.
    failure: IngestError | None = None
    warnings: list[str] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=dict)  # nodes its write created, by label (Duty, Office…)

    def message_zh(self, name: str) -> str:
        """Why the file did not load, in Chinese, the file called `name`: the refusal's own words, else that the
        store did not take it (no IngestError: the English `error` has the detail)."""
        return self.failure.message_zh(name) if self.failure else f"{name}：图数据库未能载入此文件"


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    unresolved: list[Resolution] = field(default_factory=list)
    links: LinkReport | None = None
    resegmented: int = 0  # stored nodes whose terms were derived again (ingest.refresh)
    # Unresolved parties of earlier runs that a department loaded now turned out to be: (party, department).
    reresolved: list[tuple[str, str]] = field(default_factory=list)
    # A list loaded now in place of its earlier version (ingest.versions): (its path, the earlier one's title and path,
    # why it is a version of that one).
    replaced: list[tuple[Path, str, str]] = field(default_factory=list)
    # A list not loaded because a newer version of it came in the same run: (its path, the newer one's path, what
    # told which is newer: their dates, or else the order the run read them: ingest.versions.Ranking.said).
    older_skipped: list[tuple[Path, Path, str]] = field(default_factory=list)
    # A list not loaded because the graph holds a version of it that ranks newer (ingest.versions.ranked), or the
    # district's after a 撤县设区: (its path, that version's title and path, why, in Chinese and English).
    kept_current: list[tuple[Path, str, str]] = field(default_factory=list)
    # A list of the same name as another, loaded or in this run, that stands beside it: (its path, the other's title
    # and path, why they are two lists: few matters in common, in different years or not).
    beside: list[tuple[Path, str, str]] = field(default_factory=list)
    # The 机构改革 the loaded 三定 state (ingest.succession), as the graph holds them once loaded.
    successions: list[SuccessionLine] = field(default_factory=list)
    # (county, matter) HOLDS of a city's 全部 事权 rows given to counties loaded after the row's list.
    extended_holdings: list[tuple[str, str]] = field(default_factory=list)
    # Nodes this ingest added to the graph, by label: what its own writes created, so that nodes another writer
    # adds meanwhile (or added first) are never counted. A department created now counts even when an earlier
    # run's party is merged into it (`reresolved`), though the graph's number of departments then stays the same.
    created: dict[str, int] = field(default_factory=dict)
    # 调整 notices held, titled with a body's old name, that a reform loaded now makes its successor's: loaded again
    # from their files (ingest.removal.read_notices_again), and those whose file is gone or changed.
    reread: list[str] = field(default_factory=list)
    not_reread: list[str] = field(default_factory=list)
    # District lists held beside the county lists they reissue, loaded before the 撤县设区 loaded now: loaded again
    # from their files to be paired (ingest.removal.read_renamed_lists_again), and those whose file is gone or changed.
    relisted: list[str] = field(default_factory=list)
    not_relisted: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.ok]

    def totals(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for outcome in self.outcomes:
            for key, value in outcome.counts.items():
                totals[key] = totals.get(key, 0) + value
        return totals


Progress = Callable[[str, Path], None]


@dataclass(frozen=True)
class SuccessionLine:
    """A body a loaded 三定 says it replaced: `loaded` is False for one the graph holds no 三定 of (kept by its name)."""

    predecessor: str
    successor: str
    kind: str
    date: str
    source: str  # 《title》第二条
    loaded: bool


def loaded_successions(store: Store, documents: list[str]) -> list[SuccessionLine]:
    """The successions the documents `documents` (uids) state, each cited by its document's title and clause."""
    rows = store.read("MATCH (p:Department)-[s:SUCCEEDED_BY]->(d:Department) WHERE split(s.source, '#')[0] IN $uids "
                      "MATCH (doc:Document {uid: split(s.source, '#')[0]}) "
                      "RETURN p.name AS predecessor, d.name AS successor, s.kind AS kind, s.date AS date, "
                      "'《' + doc.title + '》' + split(s.source, '#')[1] AS source, "
                      "p.sanding_issued IS NOT NULL AS loaded ORDER BY successor, predecessor",
                      {"uids": documents})
    return [SuccessionLine(**row) for row in rows]


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the supported files under folders named (sorted, hidden ones skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file()
                       and p.suffix.lower() in SUPPORTED_SUFFIXES | SHEET_SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
            )
        else:
            found.append(path)
    return found


def known_departments(store: Store) -> list[KnownDepartment]:
    rows = store.read(
        "MATCH (d:Department) WHERE NOT coalesce(d.vague, false) AND NOT coalesce(d.unresolved, false) "
        "RETURN d.uid AS uid, d.name AS name, d.base_name AS base_name, d.region AS region, d.aliases AS aliases, "
        "[(d)-[:SUCCEEDED_BY]->(s) | s.uid] AS successors ORDER BY uid"
    )
    known = []
    for row in rows:
        if not row["region"] or not row["base_name"]:
            continue
        region = Region(tuple(row["region"].split("/")))
        aliases = row["aliases"] or []
        known.append(KnownDepartment(row["uid"], row["name"], row["base_name"], region,
                                     {row["base_name"], row["name"], *aliases, *plate_bases(row["base_name"], aliases)},
                                     successors=tuple(sorted(set(row["successors"])))))
    return known


def reresolve_parties(store: Store, aliases: list[tuple[str, ...]] | None = None) -> list[tuple[str, str]]:
    """Resolve the graph's unresolved parties again against the departments it holds now; a party whose every
    mention resolves to one department is merged into it (`redirect_parties`: all of them by one write). Returns
    (party, department) names. A party holding duties (an amendment's counterpart) keeps them: their uids follow the holder."""
    parties = store.read(
        # A body a 三定 says it replaced, never loaded itself, is no mention of its successor: the abbreviation table reads
        # 城市管理局 as 城市管理和综合执法局, and the two would merge.
        "MATCH (p:Department) WHERE coalesce(p.unresolved, false) AND NOT (p)-[:HAS_DUTY|HAS_OFFICE|SUCCEEDED_BY]->() "
        "RETURN p.uid AS uid, p.name AS name, p.region AS region, p.aliases AS aliases, "
        "[(p)-[:TRANSFERRED_TO]-(moved) | moved.uid] AS moved_with ORDER BY uid"
    )
    if not parties:
        return []
    resolver = NameResolver(known_departments(store), aliases, known_region_renames(store))
    merged: list[tuple[str, str]] = []
    redirects: list[tuple[str, str]] = []  # (party uid, department uid), merged by one write
    for party in parties:
        if not party["region"]:
            continue
        # The party's region is where its mention was placed (县城市管理局 in a 东岸县 document → 北湖市/东岸县),
        # so the mention resolves from there as it did from its document.
        home = Region(tuple(party["region"].split("/")))
        results = [resolver.resolve(mention, home) for mention in party["aliases"] or [party["name"]]]
        targets = {result.uid for result in results}
        # A party posts were moved from or to is never merged into the other side of the move (resolve_apart).
        if len(targets) == 1 and all(result.status == "resolved" for result in results) \
                and party["uid"] not in targets and not targets & set(party["moved_with"]):
            redirects.append((party["uid"], results[0].uid))
            merged.append((party["name"], results[0].name))
    redirect_parties(store, redirects)
    return merged


def known_region_renames(store: Store) -> list[tuple[Region, Region]]:
    """撤县设区 the graph holds (Region REPLACED_BY, ingest.region_succession): (county, district)."""
    rows = store.read(REGION_RENAMES)
    return [(Region(tuple(row["old"].split("/"))), Region(tuple(row["new"].split("/")))) for row in rows]


def _notice_home(renamed: RegionSuccession, option: Region | None, known: set[Region]) -> Region:
    """Where a 区划调整 notice's rename lies: the city its district's name writes (示例市青山区), else `--region`,
    else the one county of that name the graph holds; a ValueError naming the district where none tells."""
    city = written_city(renamed)
    home = Region((city,)) if city else option or placed_region(renamed.old, known)
    if home is None:
        raise ValueError(f"{renamed.new}: no city written, no --region and no county {renamed.old} in the graph")
    return home


def _merger_home(renamed: RegionSuccession, option: Region | None, known: set[Region]) -> Region:
    """Where a 区划调整 notice's township merger lies: `--region`'s county, else the county of the one township of
    either name the graph holds; a ValueError naming the townships where none tells."""
    if option is not None and option.level in {"county", "township"}:
        return township_county(option)
    placed = placed_region(renamed.old, known) or placed_region(renamed.new, known)
    if placed is None or placed.level != "township":
        raise ValueError(f"{renamed.old} → {renamed.new}: no county --region and neither township in the graph")
    return township_county(placed)


def known_regions(store: Store) -> list[Region]:
    rows = store.read("MATCH (r:Region) RETURN r.path AS path ORDER BY path")
    return [Region(tuple(row["path"].split("/"))) for row in rows if row["path"]]


def placed_region(name: str, known: set[Region]) -> Region | None:
    """The one region below the top named `name` (青山县 → 示例市/青山县), or None when none or several are."""
    placed = [region for region in known if region.names[-1] == name and len(region.names) > 1]
    return placed[0] if len(placed) == 1 else None


def written_regions(sandings: Iterable[tuple[object, SandingDocument]],
                    lists: Iterable[tuple[object, ListDocument]]) -> set[Region]:
    """The regions below the top that documents write out in full: a 三定's department name and its 第一条's
    方案, a list's title and its parties' names (示例市青山县交通运输局 → 示例市/青山县)."""
    written = [parsed.basis_region for _source, parsed in sandings]
    names = [parsed.department for _source, parsed in sandings]
    names += [name for _book, parsed_list in lists
              for name in [parsed_list.title, *parsed_list.default_departments.values(),
                           *(name for record in parsed_list.records for name in _names_in(record))]]
    written += [split_region_prefix(name.strip())[0] for name in names if name]
    return {Region(tuple(region_names)) for region_names in written if len(region_names) > 1}


def fit_region_option(option: Region | None, known: set[Region]) -> Region | None:
    """`--region 青山县` when the graph holds 示例市/青山县 means that county, not a second one at the top."""
    if option is None or option in known or len(option.names) != 1:
        return option
    return placed_region(option.name, known) or option


def document_region(department_name: str, option: Region | None, known: set[Region] | None = None) -> Region:
    """The region of a document's department: its name's prefix, fitted under --region or a known region."""
    names, _rest = split_region_prefix(department_name)
    if names == (NATIONAL,):
        return Region(names)  # a national body is national whatever --region says
    if names and option is not None:
        for ancestor in option.lineage():
            if ancestor.name == names[0]:
                return Region(ancestor.names + names[1:])
        if Region(names[:1]) in (known or set()) or not _fits_under(names, option):
            # `示例市河西区教育局` under `--region 某市`: the name starts from a region at the graph's top already;
            # `广东省交通运输厅` or `六安市金安区…` under `--region 某市`: a province or a city with districts is no
            # part of a city; `青山县…` under `--region 火星市/火星县`: a county is no part of a county, and the
            # graph's one 青山县 is meant.
            return _as_known(names, known)
        return Region((*option.names, *names))
    if names:
        return _as_known(names, known)
    if option is not None:
        # `市政府办公室` under --region 安庆市/大观区 is the city's; `区政府办公室` under --region 常州市 is some district's,
        # which --region does not say (user test: 大观区市政府办公室, and a city's 常州市政府办公室).
        marker = level_marker(_rest)
        placed = resolve_level(marker, option) if marker else option
        if placed is None:  # said in Chinese too: the page's user saw only 请填写区划, not that the 区 is missing
            raise RegionOptionError(f"the department name {department_name} is a {marker}'s, and --region "
                                    f"{option.path} is no single {marker}: give the {marker} (--region "
                                    f"{option.path}/…{marker})",
                                    f"部门名称“{department_name}”是{marker}级部门，而所填区划 {option.path} 不是一个"
                                    f"{marker}：请填写所在的{marker}（如 {option.path}/…{marker}）后重新载入")
        return placed
    raise ValueError(f"the department name {department_name} names no region")


def basis_region(parsed: SandingDocument, known: set[Region]) -> Region | None:
    """The region the document's 第一条 cites (《北湖市东岸县机构改革方案》), fitted to a known one (东岸县 → the graph's
    北湖市/东岸县): what `--region` would say when it is not given."""
    if not parsed.basis_region:
        return None
    return fit_region_option(Region(parsed.basis_region), known)


def _basis_conflict(path: Path, parsed: SandingDocument, placed: Region, by_option: bool) -> str:
    cited = "/".join(parsed.basis_region)
    why = "--region wins" if by_option else "the department's own name wins"
    return (f"{path}:{parsed.basis_region_line}: 第一条 cites the 机构改革 of {cited}, but the document is placed in "
            f"{placed.path} ({why}); 第一条所据方案的区划 {cited} 与载入区划 {placed.path} 不一致")


def _option_overridden(path: Path, parsed: SandingDocument, option: Region, placed: Region) -> str:
    """--region naming a region apart from the one the department's own name gives: the name wins, said (a 揭阳市
    三定 loaded with --region 潮州市 went to 揭阳市 without a word, user test)."""
    return (f"{path}:{parsed.department_line or 1}: --region {option.path} is not where {parsed.department} is: "
            f"its name places it in {placed.path}, where it is loaded; 部门名称“{parsed.department}”所写的区划为 "
            f"{placed.path}，与指定的区划 {option.path} 不符：已按部门名称载入")


class NearMissWarning(str):
    """The warning that --region made a new region `new`, one character from the graph's `known`: the text is the
    command line's, whose user can take the file out (`dutygraph remove`); the regions let an upload word the remedy for a page's user, who
    cannot (api.routes.documents_upload)."""

    new: str
    known: str

    def __new__(cls, path: Path, new: str, known: str) -> NearMissWarning:
        warning = super().__new__(cls, f"{path}: --region {new} is new to the graph, which has {known}: loaded into a "
                                       f"new region {new}; if {known} was meant, take it out (dutygraph remove {path}) "
                                       f"and load it again with that; {near_miss_zh(new, known)}若应为 {known}，请移除该"
                                       f"文件（dutygraph remove {path}）后按正确区划重新载入")
        warning.new, warning.known = new, known
        return warning


def near_miss_zh(new: str, known: str) -> str:
    """What a near-miss warning says in Chinese before its remedy."""
    return f"区划 {new} 在图中不存在，与已有的 {known} 只差一个字：已作为新区划载入；"


def _with_near_miss(warnings: list[str], path: Path, placed: Region, missed: tuple[Region, Region] | None) -> list[str]:
    """A document's warnings, and a word when --region made it a new region one character from a known one."""
    if missed is None or missed[0] not in placed.lineage():
        return warnings
    new, known = missed
    return [*warnings, NearMissWarning(path, new.path, known.path)]


def _as_known(names: tuple[str, ...], known: set[Region] | None) -> Region:
    """`青山县城市管理局` when 示例市/青山县 is known: the county is the one already in the graph."""
    placed = placed_region(names[0], known or set())
    return Region(placed.names + names[1:]) if placed else Region(names)


_LEVEL_RANK = {"national": 0, "province": 1, "city": 2, "county": 3, "township": 4}


def _fits_under(names: tuple[str, ...], option: Region) -> bool:
    """Whether a region named from the top down can lie inside `option`: a province cannot lie in a city, nor
    a prefecture-level city (潮州市, by the gazetteer; 六安市金安区, as only such a city has 区) in a city or a
    county. Any other `…市` (明光市) may be a county-level city, so it may lie in a city."""
    own = level_of(names[:1])
    if own == "city" and names[0].endswith("市"):
        prefecture = names[0] in prefecture_cities() or (len(names) > 1 and names[1].endswith("区"))
        own = "city" if prefecture else "county"
    return _LEVEL_RANK[own] > _LEVEL_RANK[option.level]


def known_offices(store: Store) -> OfficeDirectory:
    directory = OfficeDirectory()
    rows = store.read("MATCH (d:Department)-[:HAS_OFFICE]->(o:Office) RETURN d.uid AS department, o.uid AS office, "
                      "o.name AS name, o.aliases AS aliases ORDER BY office")
    for row in rows:
        directory.add(row["department"], row["office"], [row["name"], *(row["aliases"] or [])])
    return directory


def _cell_lines(workbook: Workbook) -> Iterator[tuple[int, str]]:
    """A workbook's rows as text, each with its line (a sheet's row number as shown), read as asked for."""
    return ((number, "".join(cells)) for sheet in workbook.sheets for number, cells in sheet.rows)


def list_region(parsed: ListDocument, option: Region | None, known: set[Region]) -> Region:
    """A list's home region: the region most of its department names (and its title) carry."""
    votes: Counter[Region] = Counter()
    names = [parsed.title, *parsed.default_departments.values(), *(name for record in parsed.records
                                                                   for name in _names_in(record))]
    for name in names:
        if name and split_region_prefix(name.strip())[0]:
            with suppress(ValueError):
                votes[document_region(name.strip(), option, known)] += 1
    # A county the title names alone (河西区…) is the one its full names place (示例市河西区住建局 → 示例市/河西区), not a
    # second 河西区 at the top, even before any document has placed it.
    named_here = known | set(votes)
    for region in [region for region in votes if len(region.names) == 1 and region not in known]:
        placed = placed_region(region.name, named_here)
        if placed is not None:
            votes[placed] += votes.pop(region)
    if votes:
        # Prefer the outermost region named (a city list mentions county departments too).
        best = max(votes.values())
        home = min((region for region, count in votes.items() if count * 2 >= best),
                   key=lambda region: (len(region.names), -votes[region], region.path))
        if home not in known and len(home.names) == 1 and _COUNTY_LEVEL.search(home.name):
            parsed.warnings.append(
                f"placed at the top as {home.path}: nothing loaded places this county under its city (give such a "
                f"list --region CITY/{home.path}, or load it with or after the county's 三定); "
                f"尚无文件说明{home.path}属于哪个市，已作为顶层区划载入（载入时可在区划中写明所属的市，如 某市/{home.path}）")
        return home
    if option is not None:
        return option
    if parsed.kind == "split":
        # A 事权划分清单 names the city's counties (适用区县) rather than departments.
        city = city_of_counties(parsed, known)
        parsed.warnings.append(f"placed in {city.path}: the counties its 适用区县 names lie there (no --region, and "
                               f"no region in its title or names); 按适用区县所属的市载入：{city.path}")
        return city
    raise ValueError("neither the title nor any department name in the list names a region")


# A county-level name (青山县, 河西区, 某某旗), not a province-level 自治区.
_COUNTY_LEVEL = re.compile(r"(?<!自治)[县区旗]$")


def _first_named_row(parsed: ListDocument) -> Cell | None:
    """Where the first row naming a department stands, for a refusal's line; the header row, where no row names one
    (the list has no column of departments)."""
    return next((record.where for record in parsed.records if _names_in(record)), parsed.header)


def _names_in(record: ListRecord) -> list[str]:
    if isinstance(record, PowerItemRecord):
        return record.departments
    if isinstance(record, SupervisionRecord):
        return record.claimants
    if isinstance(record, BoundaryRecord | TerritorialRecord):
        return [*record.leads, *record.assists]
    if isinstance(record, TownshipDutyRecord):
        return record.departments
    if isinstance(record, HeadcountRecord | SafetyDutyRecord):
        return [record.department]
    return []


def _parse_all(paths: Iterable[Path], kind: str, report: IngestReport, progress: Progress | None
               ) -> tuple[list[tuple[SourceText, SandingDocument]], list[tuple[Workbook, ListDocument]]]:
    sandings: list[tuple[SourceText, SandingDocument]] = []
    lists: list[tuple[Workbook, ListDocument]] = []
    for path in discover(paths):
        if progress:
            progress("parse", path)
        try:
            with timed("read and parse"):
                _parse_one(path, kind, sandings, lists)
        except IngestError as exc:
            report.outcomes.append(FileOutcome(path, ok=False, error=exc.message, failure=exc))
    return sandings, lists


def _parse_one(path: Path, kind: str, sandings: list[tuple[SourceText, SandingDocument]],
               lists: list[tuple[Workbook, ListDocument]]) -> None:
    if path.suffix.lower() in SHEET_SUFFIXES:
        if kind == "sanding":
            raise IngestError(path, "a 三定 document (.txt, .html, .docx) for --kind sanding",
                              zh="按三定规定（--kind sanding）载入时应为 .txt、.html 或 .docx 文件")
        workbook = read_workbook(path)
        # A 实名制统计表 counts people in post, no items: its own reader (ingest.headcount).
        if kind == "headcount" or (kind == "auto" and is_headcount_table(workbook)):
            lists.append((workbook, parse_headcount(workbook)))
            return
        # A 安委会成员单位安全生产工作职责 names its members and their duties, no items (ingest.safety_committee).
        if kind == "safety_committee" or (kind == "auto" and is_committee_table(workbook)):
            lists.append((workbook, parse_committee_table(workbook)))
            return
        lists.append((workbook, parse_list(workbook, None if kind == "auto" else kind)))
        return
    is_docx = path.suffix.lower() in DOCX_SUFFIXES
    if is_docx and kind == "township":
        # A 履行职责事项清单 in Word: its tables read in body order, each under its part's heading.
        workbook = word_workbook(path)
        lists.append((workbook, parse_list(workbook, kind)))
        return
    source = read_source(path)
    # A Word file is read again as tables only where its text may title a 履行职责事项清单: a 三定 is read once.
    if is_docx and kind == "auto" and may_title_township_list(path, source.lines):
        workbook = word_workbook(path)
        if is_township_list(workbook):
            lists.append((workbook, parse_list(workbook, None)))
            return
    # A 安委会职责 in Word whose members are a table (成员单位 | 安全生产工作职责) reads as its .xlsx would; read as
    # tables only under the title (or asked for), as a 履行职责事项清单's Word file is above.
    if is_docx and (kind == "safety_committee" or (kind == "auto" and is_committee_title(source.lines))):
        workbook = word_workbook(path)
        if is_committee_table(workbook):
            lists.append((workbook, parse_committee_table(workbook)))
            return
    # A 安委会职责 as numbered paragraphs is told by its title, which no 三定 or other list bears.
    committee = committee_paragraphs(source) if kind in {"auto", "safety_committee"} else None
    if committee is not None:
        lists.append((Workbook(source.path, source.sha256, [], source.encoding, source.text_sha256), committee))
        return
    if kind == "safety_committee":
        raise IngestError(path, "a 安委会成员单位安全生产工作职责: its title in the first lines, or a table of 成员单位 and "
                                "安全生产工作职责", zh="按安委会成员单位安全生产工作职责载入时，文件开头应有其标题，或为“成员单位”“安全生产工作职责”两列的表格")
    paragraphs = paragraph_workbook(source) if kind in {"auto", "township"} and not is_docx \
        and may_title_township_list(path, source.lines) else None
    if paragraphs is not None:  # a 履行职责事项清单 as numbered paragraphs (ingest.township_paragraphs)
        lists.append((paragraphs, parse_list(paragraphs, "township")))
        return
    table = flattened_table(source) if kind != "sanding" else None
    if table is not None:
        parsed = parse_list(table.workbook, None if kind == "auto" else kind)
        parsed.warnings.extend(table.warnings)
        lists.append((table.workbook, parsed))
        return
    notice = division_notice(source) if kind in {"auto", "boundary"} else None
    if notice is not None:
        lists.append((Workbook(source.path, source.sha256, [], source.encoding, source.text_sha256), notice))
        return
    if kind not in {"auto", "sanding"}:
        raise IngestError(path, f"a list (.csv, .xlsx, a table copied into text, or for --kind boundary a "
                                f"职责分工 document in prose) for --kind {kind}",
                          zh=f"按清单（--kind {kind}）载入时应为 .csv、.xlsx 或复制为文本的表格（职责边界清单也可为职责分工文件）")
    sandings.append((source, parse_sanding(source)))


# What files read as: their 三定 texts and their lists (`ingest(parsed=…)` loads them as read).
ParsedFiles = tuple[list[tuple[SourceText, SandingDocument]], list[tuple[Workbook, ListDocument]]]


def parse_file(path: Path, kind: str) -> ParsedFiles:
    """Read and parse one file as `ingest` does, writing nothing: an IngestError (naming the file and line) where it
    does not parse (`dutygraph remove` parses the files it will load again before it writes, and loads them as
    parsed)."""
    sandings: list[tuple[SourceText, SandingDocument]] = []
    lists: list[tuple[Workbook, ListDocument]] = []
    _parse_one(path, kind, sandings, lists)
    return sandings, lists


def read_aliases(path: Path) -> list[tuple[str, ...]]:
    """A user's aliases file: tab-separated lines, a department's full name (or a base name) then other names."""
    data, _digest = read_bytes(path, "an aliases file with lines of tab-separated names")
    text, _encoding = decode_text(path, data)
    groups = read_groups(text)
    if not groups:
        raise IngestError(path, "lines of tab-separated names: a department's name, then its other names",
                          zh="别名文件应为以制表符分隔的名称行：先写部门名称，再写其他名称")
    return groups


def ingest(paths: Iterable[Path], store: Store, *, region: Region | None = None, kind: str = "auto",
           progress: Progress | None = None, aliases: list[tuple[str, ...]] | None = None,
           shown_paths: Mapping[Path, str] | None = None, read_notices_again: bool = True,
           link_duties: bool = True, parsed: ParsedFiles | None = None) -> IngestReport:
    """Load the documents at `paths`. `shown_paths` gives the path a Document records for a file read from
    elsewhere (an upload's temporary copy records the name it was uploaded as, unless its Document was loaded before:
    then it keeps the path it has). `read_notices_again`: afterwards, load again the 调整 notices held that a reform
    loaded now makes another body's (ingest.renamed_notices), and the district lists a 撤县设区 loaded now pairs
    with the county's (ingest.removal.read_renamed_lists_again); False for that loading itself. `link_duties`: False
    where the caller links the graph itself afterwards (`dutygraph remove`, loading documents again). `parsed`: the
    files at `paths` as `parse_file` read them, loaded as they are (not read a second time)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    with _cyclic_collection_deferred():
        report = _ingest(paths, store, region, kind, progress, aliases, shown_paths or {}, link_duties, parsed)
        if read_notices_again and any(outcome.ok for outcome in report.outcomes):
            # removal loads documents with this module
            from ingest.removal import read_notices_again as read_again
            from ingest.removal import read_renamed_lists_again

            again, stranded = read_again(store)
            report.reread, report.not_reread = [held.label() for held in again], [held.said() for held in stranded]
            again, stranded = read_renamed_lists_again(store)
            report.relisted, report.not_relisted = [held.label() for held in again], [held.said() for held in stranded]
    unlinked_duties(store)  # counted once, here, and recorded for the read commands that follow
    return report


@contextmanager
def _cyclic_collection_deferred() -> Iterator[None]:
    """The rows of a large ingest are millions of small dicts and lists that live until they load; the cyclic
    garbage collector would walk all of them again at every full collection (a tenth of a 100k-clause
    ingest). They form no cycles, so reference counting frees them: collection resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class DocumentIds:
    """Each document's uid. Its content's hash (`document_uid`) names it in the region it is first read for; the
    same bytes read for another region (a county copying another's template list, 县水利局 and all) are a document
    of their own there, with a uid of the content and that region. Before, the second load took the first's uid:
    it replaced the first document's 牵头/配合 edges with its own, leaving the first region's matters without
    parties (user test). A Document stored without a region (loaded before they recorded one) is taken to be
    that region's: loading it again replaces it, as it always did. Other bytes of the same text (`text_sha256`: a
    GBK copy of a UTF-8 file, a workbook saved again) are the document of that text in that region."""

    def __init__(self, store: Store, hashes: list[tuple[str, str]]) -> None:
        rows = store.read("MATCH (d:Document) WHERE d.uid IN $uids RETURN d.uid AS uid, d.region AS region",
                          {"uids": sorted({document_uid(sha256) for sha256, _text in hashes})})
        self.held: dict[str, str | None] = {row["uid"]: row["region"] for row in rows}
        # A copy of a held document in another encoding (or saved again) is that document: FORMATS.md §8.
        twins = store.read("MATCH (d:Document) WHERE d.text_sha256 IN $texts "
                           "RETURN d.text_sha256 AS text, d.region AS region, d.uid AS uid ORDER BY uid",
                           {"texts": sorted({text for _sha256, text in hashes if text})})
        self.by_text: dict[tuple[str, str], str] = {}
        for row in twins:
            self.by_text.setdefault((row["text"], row["region"]), row["uid"])

    def of(self, sha256: str, text_sha256: str, region: Region) -> str:
        plain = document_uid(sha256)
        twin = self.by_text.get((text_sha256, region.path)) if text_sha256 else None
        if twin is not None and self.held.get(plain, "") not in {region.path, None}:
            return twin  # these bytes are new here (or another region's), their text is not
        holder = self.held.setdefault(plain, region.path)
        uid = plain if holder in {region.path, None} else document_uid(sha256, region.path)
        if text_sha256:
            self.by_text.setdefault((text_sha256, region.path), uid)
        return uid


def _ingest(paths: Iterable[Path], store: Store, region: Region | None, kind: str, progress: Progress | None,
            aliases: list[tuple[str, ...]] | None, shown_paths: Mapping[Path, str], link_duties: bool = True,
            parsed: ParsedFiles | None = None) -> IngestReport:
    report = IngestReport()
    store.apply_schema()
    # The graph's stored terms are made current before documents segmented with today's dictionaries join them.
    report.resegmented = refresh_segmentation(store)
    graph_departments = known_departments(store)
    renames = known_region_renames(store)  # 撤县设区: (county, district), the graph's and then this run's
    resolver = NameResolver(graph_departments, aliases, renames)
    offices = known_offices(store)
    sandings, lists = parsed if parsed is not None else _parse_all(paths, kind, report, progress)
    # Regions written in full in one document (示例市青山县…) place the bare ones of another (青山县…).
    known = set(known_regions(store))
    # `--region 青山县` into a graph that has no 青山县 yet means the county this run's documents write under its city
    # (示例市青山县交通运输局, 第一条's 《示例市青山县机构改革方案》), not a second 青山县 at the top (user test: a
    # county's own documents loaded with its bare name split it in two, 6 departments in 青山县, 1 in 示例市/青山县).
    region = fit_region_option(region, known)
    if region is not None and region not in known and len(region.names) == 1:
        region = fit_region_option(region, written_regions(sandings, lists))
    missed = near_miss(region, known) if region is not None else None
    regions = set(known)
    for _source, parsed in sandings:
        names, _rest = split_region_prefix(parsed.department)
        option = region or basis_region(parsed, known)
        if len(names) > 1 or (option is not None and names and names[0] != option.names[0]):
            regions.add(document_region(parsed.department, option, known))
    builders: list[tuple[Path, Callable[[], GraphRows], list[str]]] = []
    sanding_documents: list[str] = []
    ids = DocumentIds(store, [(source.sha256, source.text_sha256) for source, _parsed in sandings]
                      + [(book.sha256, book.text_sha256) for book, _list in lists])
    reforms: list[tuple[str, Region, KnownDepartment, str]] = []  # (predecessor, its region, successor, date)
    # A 调整 notice titled with a body's old name waits for every reform of the run (ingest.renamed_notices).
    notices: list[tuple[SourceText, SandingDocument, Region]] = []

    def place(source: SourceText, parsed: SandingDocument, doc_region: Region, department: KnownDepartment) -> None:
        context = DocumentContext(source, parsed, doc_region, department,
                                  ids.of(source.sha256, source.text_sha256, doc_region))
        for office in parsed.offices:
            offices.add(department.uid, office_uid(department.uid, office.name), [office.name, *office.aliases])
        sanding_documents.append(context.uid)
        builders.append((source.path, partial(sanding_rows, context, resolver),
                         _with_near_miss(parsed.warnings, source.path, doc_region, missed)))

    # A 县级市 a notice or a 三定 of the run puts under a city (青松市由北湖市代管) places its bare name, whichever file
    # comes first.
    regions.update(county for _source, parsed in sandings if parsed.kind_of_document == REGION_NOTICE
                   for county in administered_regions(parsed.administered, known))
    if region is None:
        regions.update(administered(county, Region((county.name,)), regions) for source, parsed in sandings
                       if parsed.kind_of_document != REGION_NOTICE
                       and (names := split_region_prefix(parsed.department)[0])
                       and (county := county_city_of(names[0], enumerate(source.lines, 1))) and county.city)
    for source, parsed in sandings:
        if parsed.kind_of_document == REGION_NOTICE:  # no department: the renames and 代管 alone, in their city
            if held := held_as_cities(parsed.administered, known):
                _fail(report, source.path, "the notice loaded before the 县级市's documents (or those loaded with "
                      f"--region 某市/{held[0]})", ValueError(f"the graph holds {held[0]} at its top, as a city"),
                      line=parsed.administered[0].line,
                      zh=f"图中已将{held[0]}作为市载入：请先移除{held[0]}的文件，载入本通知后再重新载入（或载入时区划填写"
                         f"所属的市，如 某市/{held[0]}）")
                continue
            try:  # a township merged or made a 街道 lies in its county; a 撤县设区's district in its city
                placed = [placed_pair(renamed, _merger_home(renamed, region, regions) if renamed.kind in TOWNSHIP_KINDS
                                      else _notice_home(renamed, region, regions))
                          for renamed in parsed.region_successions]
            except ValueError as exc:
                _fail(report, source.path, "a district written with its city (设立示例市青山区), a county the graph "
                      "holds, or --region (e.g. --region 示例市; a township merger's county: 示例市/青山县)", exc,
                      line=parsed.region_successions[0].where.line,
                      zh="区划调整通知所设的区没有写明所属的市，图中也没有所撤销的县（或所并的乡镇）：请填写区划（如 示例市，"
                         "乡镇合并填所在的县 示例市/青山县）后重新载入")
                continue
            for renamed, (old, new) in zip(parsed.region_successions, placed, strict=True):
                if renamed.kind not in TOWNSHIP_KINDS:  # a township's names follow its government's succession
                    renames.append((old, new))
                    resolver.renamed_region(old, new)
            counties = administered_regions(parsed.administered, known)
            city = placed[0][1].parent or placed[0][1] if placed else counties[0].parent or counties[0]
            builders.append((source.path, partial(region_notice_rows, source, parsed, city,
                                                  ids.of(source.sha256, source.text_sha256, city), placed, counties),
                             list(parsed.warnings)))
            continue
        basis = basis_region(parsed, regions)
        try:
            doc_region = document_region(parsed.department, region or basis, regions)
        except ValueError as exc:
            _fail(report, source.path, "a department name with its region, a 第一条 that cites the region's "
                  "机构改革方案, or --region (e.g. --region 示例市/青山县)", exc, line=parsed.department_line,
                  zh=exc.zh if isinstance(exc, RegionOptionError) else
                  "部门名称没有写明区划，第一条也未引用本区划的机构改革方案：请填写区划（如 示例市/青山县）后重新载入")
            continue
        if region is None:  # a 县级市 its 三定 says it is (青松市由北湖市代管) lies in its city, as a list's does
            doc_region, unplaced = placed_as_county(doc_region, enumerate(source.lines, 1), regions)
            parsed.warnings.extend([f"{source.path}:{unplaced}"] if unplaced else [])
        if basis is not None and not set(parsed.basis_region) <= set(doc_region.names):
            parsed.warnings.append(_basis_conflict(source.path, parsed, doc_region, region is not None))
        if region is not None and region not in doc_region.lineage() and doc_region not in region.lineage():
            parsed.warnings.append(_option_overridden(source.path, parsed, region, doc_region))
        regions.add(doc_region)
        for renamed in parsed.region_successions:  # before any list of the run resolves its parties
            if renamed.kind not in TOWNSHIP_KINDS:
                renames.append(placed_regions(renamed, doc_region))
                resolver.renamed_region(*renames[-1])
        if parsed.kind_of_document == "amendment" and not parsed.successions:
            notices.append((source, parsed, doc_region))
            continue
        doc_region = township_placed(parsed.department, doc_region)
        department = resolver.define(doc_region, parsed.department, parsed.plates)
        reforms += [(succession.predecessor, doc_region, department, parsed.effective or parsed.dated)
                    for succession in parsed.successions]
        place(source, parsed, doc_region, department)
    for predecessor, home, successor, _date in reforms:  # once every 三定 of the run is defined: the replaced one may be
        resolver.replaced(predecessor, home, successor)
    known_reforms = graph_reforms(store, {department.uid: department for department in graph_departments}) + [
        Reform(replaced_body(resolver, predecessor, home, successor.uid)[0], successor, date)
        for predecessor, home, successor, date in reforms]
    for source, parsed, doc_region in notices:
        successor = read_as_successor(parsed, doc_region, known_reforms)
        place(source, parsed, doc_region, successor or resolver.define(doc_region, parsed.department, parsed.plates))
    homes: list[tuple[Workbook, ListDocument, Region, ListIdentity]] = []
    for workbook, parsed_list in lists:
        try:
            home = list_region(parsed_list, region, regions)
            if region is None:  # a 县级市 the list says it is lies in its city (--region says where, if given)
                home, unplaced = placed_as_county(home, _cell_lines(workbook), regions)
                parsed_list.warnings.extend([f"{workbook.path}:{unplaced}"] if unplaced else [])
        except ValueError as exc:
            first = _first_named_row(parsed_list)  # the row whose department name lacks a region, else the first row
            _fail(report, workbook.path, "a list whose title or department names carry a region (a 事权划分清单: "
                  "whose 适用区县 lie in one city of the graph), or --region", exc,
                  zh="清单的标题和部门名称都没有写明区划（市县事权划分清单的适用区县也未指向图中唯一的市）："
                     "请填写区划（如 示例市/青山县）后重新载入",
                  line=first.row if first else None,
                  sheet=first.sheet if first and not first.sheet_named_by_file else None)
            continue
        township_rows = [record for record in parsed_list.records if isinstance(record, TownshipDutyRecord)]
        foreign = foreign_townships(workbook.path, township_rows, parsed_list.default_departments, home, resolver)
        if foreign:  # refused before any row is written: the rest of the list would load without these rows
            failure = RowErrors(foreign)
            report.outcomes.append(FileOutcome(workbook.path, ok=False, error=failure.message, failure=failure))
            continue
        parsed_list.warnings.extend(new_townships(township_rows, parsed_list.default_departments, home, resolver))
        homes.append((workbook, parsed_list, home, _identity(workbook, parsed_list, home, shown_paths)))
    held = held_lists(store) if homes else []
    stamp = load_stamp(store)  # every document of this run: loaded after those the graph holds
    # Each list its own place in load order, the order the run reads them: of one run's undated versions, the later
    # read is the newer (ingest.versions.newest_first). Before, they shared one stamp and uid order decided.
    places = {workbook.path: stamp + at for at, (workbook, _parsed, _home, _identity) in enumerate(homes)}

    def list_builder(workbook: Workbook, parsed_list: ListDocument, home: Region) -> Callable[[], GraphRows]:
        city = home.city or home
        counties = sorted((r for r in regions if r.parent == city and r.level == "county"), key=lambda r: r.path)
        uid = ids.of(workbook.sha256, workbook.text_sha256, home)
        return partial(list_rows, ListContext(workbook, parsed_list, home, counties, offices, uid), resolver)

    successors = {old.path: new.path for old, new in renames}
    named = names_reader(store)
    # The versions the graph holds of a held list, as `held_versions` reads them for a list read now: read once while
    # the graph holds the same versions (each pair of a run's versions, and each held version, asked for them again);
    # forgotten when this run keeps a version as history, which adds one.
    read_versions: dict[tuple[str, str, str], list[dict[str, Any]]] = {}

    def versions_held(other: HeldList, entry: _Home) -> list[dict[str, Any]]:
        asked = (other.uid, list_key(entry[3]), uid_of(entry))
        if asked not in read_versions:
            read_versions[asked] = held_versions(store, other, [asked[1]], asked[2])
        return read_versions[asked]

    def uid_of(entry: _Home) -> str:
        return ids.of(entry[0].sha256, entry[0].text_sha256, entry[2])

    def same_list(entry: _Home) -> tuple[list[tuple[HeldList, str]], list[tuple[HeldList, str]]]:
        """The held lists of `entry`'s name that are versions of it, and those that are other lists, each with why."""
        _workbook, parsed_list, _home, identity = entry
        judged = [(other, verdict(identity, row_names(parsed_list), other.identity, named(other)))
                  for other in held if same_name(other, uid_of(entry), identity)]
        return ([(other, why.why) for other, why in judged if why.versions],
                [(other, why.why) for other, why in judged if not why.versions])

    def version_of(entry: _Home) -> dict[str, Any]:
        return version_row(entry[3], uid_of(entry), places[entry[0].path])

    def held_of(entry: _Home) -> list[dict[str, Any]]:
        """The versions the graph holds of the lists `entry` is a version of (`held_versions`)."""
        return [row for other, _why in same_list(entry)[0] for row in versions_held(other, entry)]

    def held_ranking(entry: _Home, other: HeldList) -> Ranking:
        """Whether `entry` ranks above `other`, a held version of it, among the versions of its list."""
        rows, row = versions_held(other, entry), version_of(entry)
        return ranked([*rows, row], rows[0], row, successors)

    newest, superseded = _newest_versions(homes, report, version_of, held_of, successors)
    for (workbook, parsed_list, home, _older), newer in superseded:  # kept as the history of the newer one
        _keep_history(store, list_builder(workbook, parsed_list, home), shown_paths, places[workbook.path],
                      list_key(newer))
        read_versions.clear()
    for workbook, parsed_list, home, identity in newest:
        build_list = list_builder(workbook, parsed_list, home)
        entry = (workbook, parsed_list, home, identity)
        renamed = renamed_versions(held, identity, row_names(parsed_list), successors, named)
        same, others = same_list(entry)
        versions = [(other, judged.why) for other, judged, _side in renamed] + same
        beside = [(workbook.path, _cited(other), why) for other, why in others]
        # A version the graph holds that ranks newer stays current (ingest.versions.ranked): this one is not loaded.
        # After 撤县设区 the district's list ranks newer whatever the two lists' dates say: the county is no more.
        current = next(((other, ranking.current_stays()) for other, _why in versions
                        if not (ranking := held_ranking(entry, other)).later), None)
        if current is not None:  # kept as that one's history (ingest.list_history), not loaded
            _keep_history(store, build_list, shown_paths, places[workbook.path], list_key(current[0].identity),
                          [list_key(identity)])
            read_versions.clear()
            report.kept_current.append((workbook.path, _cited(current[0]), current[1]))
            continue
        report.beside += beside
        report.replaced += [(workbook.path, _cited(other), why) for other, why in versions]
        earlier = [other for other, _why in versions]
        builders.append((workbook.path, partial(_replacing, [other.uid for other in earlier],
                                                [list_key(other.identity) for other in earlier], list_key(identity),
                                                build_list),
                         _with_near_miss(parsed_list.warnings, workbook.path, home, missed)))
    # Into a graph without duties, the links follow from the built rows alone: they are computed while the
    # documents load (the main thread would otherwise wait), then written once all have loaded.
    empty = not store.read("MATCH (u:Duty) RETURN u.uid AS uid LIMIT 1")
    plan: LinkPlan | None = None
    similar_written: list[Future[None]] = []
    # More documents than the loader may hold built ahead: planning would otherwise start only as the last
    # ones load, minutes after the first.
    plan_ahead = empty and len(builders) > MAX_PENDING_AHEAD
    with DocumentLoader(store, run_ahead=empty and not plan_ahead) as loader, \
            ThreadPoolExecutor(1, "planner") as planner:
        planned: list[tuple[dict[str, bool], Similar]] = []
        planning: Future[LinkPlan | None] | None = None
        if plan_ahead:
            # A first pass builds every document's rows (keeping only what planning reads) so that a worker
            # process plans the links while the second pass loads: planning takes minutes at a million
            # clauses, and the server, not this process, is what loading waits on.
            if progress:
                progress("link", Path("."))
            with timed("graph rows"):
                duties = current_duties(duty_rows(build()) for _path, build, _warnings in builders)
            # One scoring process: the server and the loading take the other core, and forked scorers would
            # each hold a copy of the duties. This process keeps none of them once the worker has them.
            worker = PlanWorker(duties, parallel=False)
            del duties
            planning = planner.submit(_worker_plan, worker, lambda *similar: planned.append(similar))
        written: list[GraphRows] = []
        for path, build, warnings in builders:
            if progress:
                progress("load", path)
            with timed("graph rows"):
                rows = build()
            rows.document["loaded"] = places.get(path, stamp)
            if path in shown_paths:
                rows.document["path"] = shown_paths[path]
                rows.path_is_upload_name = True
            loader.submit(path, rows, [*warnings, *note_vague_parties(rows)])
            if empty and planning is None:
                written.append(duty_rows(rows))

        def write_similar(flags: dict[str, bool], similar: Similar) -> None:
            # SIMILAR edges join duties of any document: written once every document has loaded.
            similar_written.append(loader.then(partial(write_plan_similar, store, flags, similar)))

        if planning is not None:
            plan = planning.result()  # None if the worker failed: then linked from the graph, once loaded
        elif written:
            if progress:
                progress("link", Path("."))
            duties = current_duties(written)
            if len(duties) >= PLAN_WORKER_FROM:  # below, a worker costs more than it lets the loader gain
                plan = _worker_plan(PlanWorker(duties), write_similar)
            if plan is None:  # a small corpus, or the worker failed: plan here, the same plan, only slower
                plan = plan_links(duties, parallel=False, on_similar=write_similar)
        for flags, similar in planned:
            write_similar(flags, similar)
    for entry in loader.settled:
        if entry.error is not None:
            report.outcomes.append(FileOutcome(entry.path, ok=False, error=entry.error))
        else:
            report.unresolved.extend(entry.unresolved)
            report.outcomes.append(FileOutcome(entry.path, ok=True, counts=entry.counts, warnings=entry.warnings,
                                               created=entry.created))
    report.outcomes.sort(key=lambda outcome: str(outcome.path))
    loaded = {outcome.path for outcome in report.outcomes if outcome.ok}
    report.replaced = [entry for entry in report.replaced if entry[0] in loaded]
    if report.replaced:  # terms, parties and regions only the earlier versions had
        prune_orphans(store)
    if any(outcome.ok for outcome in report.outcomes):
        # Before linking, which reads the departments: a party left unresolved by an earlier run may name a
        # department loaded now (the graph must not depend on which was loaded first).
        with timed("party re-resolution"):
            report.reresolved = reresolve_parties(store, aliases)
            follow_successions(store)
            rebuild_aliases(store)  # a merged party's names joined in load order: their one order
        report.successions = loaded_successions(store, sanding_documents)
        report.extended_holdings = extend_to_all_counties(store)
        report.created = _created(loader.settled)
        if not link_duties:  # the caller links once it has loaded all it loads again
            return report
        if progress and plan is None:
            progress("link", Path("."))
        with timed("similarity linking"):
            # A failed document's duties are not in the graph: then link what the graph holds.
            # A 撤县设区 among the documents joins regions the rows' plan compared apart: then linked from the graph.
            if plan is not None and not loader.failed and _succeeded(similar_written) and plan_is_current(store, plan):
                report.links = write_plan(store, plan, similar_written=True)
            else:
                report.links = link(store, relink_all=plan is not None)  # drops what the plan may have written
    return report


def _identity(workbook: Workbook, parsed: ListDocument, home: Region, shown_paths: Mapping[Path, str]
              ) -> ListIdentity:
    path = shown_paths.get(workbook.path, str(workbook.path))
    return ListIdentity(parsed.kind, home.path, parsed.title,
                        tuple(title for title in parsed.sheet_titles.values() if title), path,
                        list_date(parsed.title, parsed.issued, path))


_Home = tuple[Workbook, ListDocument, Region, ListIdentity]


def _newest_versions(homes: list[_Home], report: IngestReport, version_of: Callable[[_Home], dict[str, Any]],
                     held_of: Callable[[_Home], list[dict[str, Any]]], successors: Mapping[str, str]
                     ) -> tuple[list[_Home], list[tuple[_Home, ListIdentity]]]:
    """Of several versions of one list in this run (a folder holding 清单.xlsx and 清单_v2.xlsx), the newest by the
    order the graph keeps (ingest.versions.ranked, among the versions the graph holds of it, `held_of`: an undated
    one read first takes their date), each in its place in the run's read order (`version_of`); the others are not
    loaded, and the report says so and what told them apart. Loaded in turn, each would replace the other. Lists of
    one name that are two lists (different years, few matters in common: ingest.versions) both load. Also returns
    each older one with the identity of the version it is history of."""
    kept: list[_Home] = []
    older_of: list[tuple[_Home, _Home]] = []
    group: dict[int, list[_Home]] = {}  # each kept entry's run versions it is newer than
    for entry in homes:  # in read order, each loaded after the one before
        for other in [other for other in kept if other[3].key() == entry[3].key()]:
            judged = verdict(entry[3], row_names(entry[1]), other[3], row_names(other[1]))
            if not judged.versions:
                report.beside.append((entry[0].path, _cited_identity(other[3]), judged.why))
                continue
            run = [version_of(version) for version in [*group.get(id(other), []), other, entry]]
            # A run's file the graph holds already (loaded again) is placed as read now.
            held = {row["uid"]: row for row in [*held_of(other), *held_of(entry)]
                    if row["uid"] not in {version["uid"] for version in run}}
            ranking = ranked([*held.values(), *run], run[-2], run[-1], successors)
            older, newer = (other, entry) if ranking.later else (entry, other)
            report.older_skipped.append((older[0].path, newer[0].path, ranking.said()))
            older_of.append((older, newer))
            group.setdefault(id(newer), []).extend([*group.pop(id(older), []), older])
            if not ranking.later:
                break
            kept.remove(other)
        else:
            kept.append(entry)
    newest = [entry for entry in homes if entry in kept]
    # An older one's history follows the version that stays of the run (of three, the newest).
    final = {id(older): newer for older, newer in older_of}
    superseded = []
    for older, newer in older_of:
        while id(newer) in final:
            newer = final[id(newer)]
        superseded.append((older, newer[3]))
    return newest, superseded


def _cited(held: HeldList) -> str:
    return _cited_identity(held.identity)


def _cited_identity(identity: ListIdentity) -> str:
    title = f"《{identity.title}》 " if identity.title else ""
    return f"{title}{identity.path}"


def _replacing(uids: list[str], keys: list[str], key: str, build: Callable[[], GraphRows]) -> GraphRows:
    rows = build()
    rows.replaces, rows.replaced_keys = uids, keys
    rows.document["list_key"] = key
    return rows


def _keep_history(store: Store, build: Callable[[], GraphRows], shown_paths: Mapping[Path, str], stamp: int, key: str,
                  old_keys: Sequence[str] = ()) -> None:
    """Write a version not loaded as the history of the list `key`: its Document's row as its load would write it,
    stamped as loaded now (`stamp`). A write like any other: it bumps the version readers cache by."""
    document = build().document
    document["path"] = shown_paths.get(Path(document["path"]), document["path"])
    document["loaded"] = stamp
    store.write_atomic([*history_statements([history_row(document, key)], key, old_keys), bump_version()])


def _created(settled: list[Loaded]) -> dict[str, int]:
    """Nodes the loaded documents' own writes created, by label."""
    created: Counter[str] = Counter()
    for entry in settled:
        if entry.error is None:
            created.update(entry.created)
    return dict(sorted(created.items()))


def _worker_plan(worker: PlanWorker, on_similar: Callable[[dict[str, bool], Similar], None]) -> LinkPlan | None:
    """The worker's plan, or None when it failed."""
    try:
        return worker.result(on_similar)
    except PlanWorkerError:
        return None


def _succeeded(writes: list[Future[None]]) -> bool:
    for write in writes:
        try:
            write.result()
        except StoreError:
            return False
    return bool(writes)


def _fail(report: IngestReport, path: Path, expected: str, exc: Exception, *, zh: str, line: int | None = None,
          sheet: str | None = None) -> None:
    """A file refused for want of a region. Only an upload shows the Chinese (the command line prints the English),
    and the page shows it: it asks for 区划, as the page's box is titled, where the English names --region (it named
    `--region` and `region 字段`, words for programmers, user test)."""
    error = IngestError(path, expected, line=line, detail=str(exc), zh=zh, sheet=sheet)
    report.outcomes.append(FileOutcome(path, ok=False, error=error.message, failure=error))
