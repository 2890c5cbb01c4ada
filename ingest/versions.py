"""Which loaded list a list read now is a new version of: a corrected list replaces the one loaded before.

A list is a document of its content (`records.document_uid`), so a corrected copy was a second document beside the
first: the first's 牵头 stayed beside the corrected one (two leads, read as 文件间牵头部门不一致) and its deleted rows
stayed in every finding (user test). A list may be a new version of a loaded one of the same kind and region when it
has the same title (and the same sheets' titles, so that one department's list does not replace a workbook of
several), or, untitled, the same file name give or take a version mark (`清单_v2.xlsx`, `清单（修订）.xlsx`,
`清单 (1).xlsx`; not a bare number: `目录_1.csv` and `目录_2.csv` are two parts), or was loaded from the same path.

A shared title is not enough: two 街道's lists are both titled 职责边界清单, and a year's list of new boundary matters
may stand beside the last year's. So a list of the same name is a version (and replaces the other) when it was loaded
from the same path, or when its file's name marks it a version of the other's (`清单_v2.csv` beside `清单.csv`; not
across years), or when they share at least half the rows' matters (of the shorter list): a correction or a year's
adjustment (清单动态调整) changes some rows, it does not swap the list's matters. Lists that share few matters stand
side by side. Lists of different years (their title rows' 印发/更新 date, else a year in the title:
ingest.list_dates) that share most matters are a year's versions of one list: the later year's is current and the
earlier is kept as its history (ingest.list_history), where `list_changes` compares them; before, both stood as
current, and an adjusted 牵头 read as two documents disagreeing.
Of a list's versions, the newest is the first in one order (`version_keys`, `newest_first`): a county's versions
below its district's after a 撤县设区 (`DISTRICT_STAYS`), then by date, a version bearing none, or a year or month alone,
taking the date of the newest version loaded before it (of its year or month), then by load order (one run's files in the order
it reads them: the paths as given, a folder's sorted). Ingest places a list read now by it (`ranked`), as `dutygraph
remove` brings back the next newest and `list_changes` steps through the versions: a list read now that ranks below a
version the graph holds is not loaded but kept as that list's history (the current list stays): the current version
is the one removal and list_changes take for the newest. Before, ingest compared the list's own date with the current version's alone (a 2020
list loaded after an undated correction of the 2021 one became current, while the order ranks the correction newest),
and of one run's undated versions the file saved last was current while the others were placed in read order. Read
order, not file times: it is what the user typed, the same on every machine, where a copy or a git checkout gives
files new times in whatever order it writes them. 三定 are not replaced: their versions stand side by side, dated.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, TypeVar

from graph.store import Store
from ingest.list_dates import ListDate, list_date, version_date, without_file_date
from ingest.model import ListDocument

V = TypeVar("V", bound=Mapping[str, Any])

# The marks an office adds to a file's name when it saves a corrected copy beside the old one.
_VERSION_MARK = re.compile(
    r"(?:[\s_\-－—.]*(?:[vV]|ver|版本|第)\s*\d{1,3}\s*版?|[\s_\-－—]*\d{1,3}\s*版"
    r"|[\s_\-－—]*[（(][^（）()]*(?:修订|修改|更正|调整|最新|终稿|定稿|新|\d+)[^（）()]*[）)]"
    r"|[\s_\-－—]*(?:修订版?|修改版?|更正版?|调整版?|最新版?|终稿|定稿|新版|副本|- 副本))+$")

# A year's edition a title names (示例市部门权责清单（2025年版）, 2025年度…): the list's own year, not its name; lists
# whose titles differ by it alone are candidates for one list's versions, which their years and shared matters decide
# (`verdict`). Before, the 2025 and 2026 editions of a list both stood as current.
_EDITION_MARK = re.compile(r"\s*[（(]\s*(?:19|20)\d{2}\s*年?\s*(?:版本?|修订版|度)?\s*[）)]\s*|(?:19|20)\d{2}\s*年(?:度|版)?")

_HELD_LISTS = ("MATCH (d:Document) WHERE NOT d.kind IN ['sanding', 'amendment', 'region_notice'] "
               "RETURN d.uid AS uid, d.path AS path, d.title AS title, d.kind AS kind, d.region AS region, "
               "coalesce(d.sheet_titles, []) AS sheet_titles, coalesce(d.issued, '') AS issued ORDER BY uid")
# The names of the rows' items a loaded list states (its matters, power and supervision items).
_HELD_NAMES = ("MATCH (n)-[:FROM]->(d:Document {uid: $uid}) WHERE n:Matter OR n:PowerItem OR n:SupervisionItem "
               "RETURN DISTINCT n.name AS name")
# At least this share of the shorter list's matters in common makes two lists of one name versions of one list.
SHARED_MATTERS = 0.5


def file_stem(path: str, *, undated: bool = False) -> str:
    """A file's name without its version mark, with its suffix: `清单_v2.xlsx` and `清单.xlsx` are one list's.
    `undated`: without the date it carries too, an untitled list's name for its identity (`清单_2025.csv` and
    `清单_2026.csv` are candidates for one list's yearly versions, which their dates and shared matters decide)."""
    name = PurePath(path).name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    bare = _VERSION_MARK.sub("", stem) or stem
    if undated:
        bare = without_file_date(bare)
    return f"{bare}.{suffix.lower()}" if dot else bare


@dataclass(frozen=True)
class ListIdentity:
    """What makes two lists versions of one: their kind, region, and their title or else their file's name."""

    kind: str
    region: str
    title: str
    sheet_titles: tuple[str, ...]
    path: str
    dated: ListDate = field(default_factory=ListDate)  # the list's own date, '' when it has none

    def key(self) -> tuple[str, ...]:
        named = (("title", _EDITION_MARK.sub("", self.title) or self.title, *sorted(self.sheet_titles)) if self.title
                 else ("file", file_stem(self.path, undated=True)))
        return (self.kind, self.region, *named)


@dataclass(frozen=True)
class HeldList:
    uid: str
    identity: ListIdentity


def held_lists(store: Store) -> list[HeldList]:
    return [HeldList(row["uid"], ListIdentity(row["kind"] or "", row["region"] or "", row["title"] or "",
                                              tuple(title for title in row["sheet_titles"] if title),
                                              row["path"] or "",
                                              list_date(row["title"] or "", row["issued"], row["path"] or "")))
            for row in store.read(_HELD_LISTS)]


def held_names(store: Store, uid: str) -> frozenset[str]:
    return frozenset(_folded(row["name"]) for row in store.read(_HELD_NAMES, {"uid": uid}) if row["name"])


def names_reader(store: Store) -> Callable[[HeldList], frozenset[str]]:
    """`held_names`, each held list's read once: a run or a rename compares one held list with many."""
    names: dict[str, frozenset[str]] = {}

    def named(listed: HeldList) -> frozenset[str]:
        if listed.uid not in names:
            names[listed.uid] = held_names(store, listed.uid)
        return names[listed.uid]

    return named


def row_names(parsed: ListDocument) -> frozenset[str]:
    """The names of a parsed list's rows' items, as its loaded Document's nodes would bear them."""
    return frozenset(_folded(getattr(record, "matter", None) or getattr(record, "name", ""))
                     for record in parsed.records) - {""}


def _folded(name: str) -> str:
    return "".join(name.split())


def same_name(held: HeldList, uid: str, identity: ListIdentity) -> bool:
    """`held` is another document of the list's kind and region, with its title (or file name), or loaded from its
    path: a candidate for its earlier version (`verdict` decides)."""
    return held.uid != uid and (
        held.identity.key() == identity.key()
        or (held.identity.path == identity.path and held.identity.kind == identity.kind
            and held.identity.region == identity.region))


def renamed_side(held: HeldList, identity: ListIdentity, successors: Mapping[str, str]) -> str:
    """Of a list read now (`identity`) and `held`, a list of its kind, one a county's and the other the district's a
    撤县设区 made of it (`successors`: county path → district path): 'district' when `held` is the district's,
    'county' when it is the county's, '' otherwise. The 区's list reissues the 县's under another title or file name
    (no `same_name`): whether it is a version of it, shared matters alone decide (`renamed_verdict`)."""
    if held.identity.kind != identity.kind:
        return ""
    if successors.get(identity.region) == held.identity.region:
        return "district"
    return "county" if successors.get(held.identity.region) == identity.region else ""


def renamed_verdict(new: ListIdentity, new_names: frozenset[str], old: ListIdentity, old_names: frozenset[str]
                    ) -> Verdict | None:
    """Whether a county's and its district's lists of one kind (`renamed_side`) are versions of one list: at least
    half the shorter's matters in common; None when they are two lists (then they stand side by side unsaid: a county
    keeps many lists of a kind, one each department's, and each is no candidate of the district's others)."""
    shared, shorter = len(new_names & old_names), min(len(new_names), len(old_names))
    if not shorter or shared < SHARED_MATTERS * shorter:
        return None
    return Verdict(True, f"撤县设区后重新印发的清单（{shorter} 项中 {shared} 项相同）/ the list reissued by the district a "
                         f"撤县设区 made of the county ({shared} of {shorter} matters in common)")


def renamed_versions(held: list[HeldList], identity: ListIdentity, names: frozenset[str], successors: Mapping[str, str],
                     names_of: Callable[[HeldList], frozenset[str]]) -> list[tuple[HeldList, Verdict, str]]:
    """The held lists a list (`identity`, its matters `names`) reissues across a 撤县设区, or that reissue it
    (`renamed_side`): each with the verdict and which side (district, county) the held one is. `names_of` gives a held
    list's matters (`held_names`, read only for a list on the other side of a rename)."""
    found = []
    for other in held:
        side = renamed_side(other, identity, successors)
        judged = renamed_verdict(identity, names, other.identity, names_of(other)) if side else None
        if judged is not None:
            found.append((other, judged, side))
    return found


def unpaired_renamed(store: Store, successors: Mapping[str, str]) -> list[HeldList]:
    """The district's lists held as current beside the county list they reissue (`renamed_versions`): both loaded
    before the 撤县设区 that pairs them (`successors`: county path → district path) was in the graph. Loading each
    again pairs it as a list loaded after the rename is (ingest.removal.read_renamed_lists_again)."""
    if not successors:
        return []
    held, named = held_lists(store), names_reader(store)
    return [district for district in held if any(
        side == "county" for _other, _judged, side in renamed_versions(held, district.identity, named(district),
                                                                         successors, named))]


DISTRICT_STAYS = ("撤县设区：区的清单为现行清单，县的清单作为其历史版本保存 / 撤县设区: the district's list stays current, the "
                  "county's is kept as its history")


@dataclass(frozen=True)
class Verdict:
    """Whether two lists of one name are versions of one list, and why, in Chinese and English."""

    versions: bool
    why: str


def verdict(new: ListIdentity, new_names: frozenset[str], old: ListIdentity, old_names: frozenset[str]) -> Verdict:
    if new.path == old.path:
        return Verdict(True, f"载入自同一路径 / loaded from the same path ({new.path})")
    shared, shorter = len(new_names & old_names), min(len(new_names), len(old_names))
    if new.dated.year and old.dated.year and new.dated.year != old.dated.year:
        years = f"{min(old.dated.year, new.dated.year)}年、{max(old.dated.year, new.dated.year)}年"
        years_en = f"{min(old.dated.year, new.dated.year)}, {max(old.dated.year, new.dated.year)}"
        if shorter and shared >= SHARED_MATTERS * shorter:  # the year's adjustment of the list (清单动态调整)
            return Verdict(True, f"年度不同（{years}），事项大多相同（{shorter} 项中 {shared} 项相同），是同一清单的新年度版本 / "
                                 f"lists of different years ({years_en}) with {shared} of {shorter} matters in common: "
                                 "a later year's version of the list")
        return Verdict(False, f"年度不同（{years}），事项大多不同（{shorter} 项中仅 {shared} 项相同），两份清单并存 / "
                              f"lists of different years ({years_en}) with only {shared} of {shorter} matters in "
                              "common: two lists, side by side")
    new_name, old_name = PurePath(new.path).name, PurePath(old.path).name
    if new_name != old_name and file_stem(new.path) == file_stem(old.path):
        return Verdict(True, f"文件名标明是修订版本（{old_name} → {new_name}）/ its file's name marks a version of the "
                             f"other's ({old_name} → {new_name})")
    if shorter and shared < SHARED_MATTERS * shorter:
        return Verdict(False, f"同名但事项大多不同（{shorter} 项中仅 {shared} 项相同），是两份清单，并存 / "
                              f"the same name, but only {shared} of {shorter} matters in common: two lists, side by side")
    return Verdict(True, f"同一清单的新版本（{shorter} 项中 {shared} 项相同）/ "
                         f"a new version of the list ({shared} of {shorter} matters in common)")


def newest_first(versions: Iterable[V], successors: Mapping[str, str] | None = None) -> list[V]:
    """Versions of one list the graph holds (rows with their `uid`, `title`, `issued`, `path`, `region` and `loaded`,
    and `current` where one is the current Document), newest first, by `version_keys` (`successors`: its 撤县设区).
    Before, two versions were compared alone (their dates where both had one, else the one loaded last), which is no
    order across dated and undated versions (2020 loaded 3rd, undated 2nd, 2021 1st: each newer than the next, the
    last newer than the first): the newest chosen hung on the order the rows came in."""
    given = sorted(versions, key=lambda version: str(version.get("uid") or ""))
    keys = version_keys(given, successors)
    # A stable sort: of versions nothing tells apart, the one first in uid order stays first (one run's, stamped alike
    # before each file of a run had its own place).
    return [version for _key, version in sorted(zip(keys, given, strict=True), key=lambda pair: pair[0], reverse=True)]


def version_keys(versions: Sequence[Mapping[str, Any]], successors: Mapping[str, str] | None = None
                 ) -> list[tuple[bool, str, int, bool]]:
    """Each version's place among `versions` (larger is newer), one total order: whether it is no county's version
    under its district's list, then its date, then when it was loaded. A county's version kept as the history of the list its district reissues after a
    撤县设区 (`successors`: county path → district path, the district the region of another of `versions`) ranks below
    every version of the district, whatever the dates say: the county is no more, and its list, loaded after the
    district's (undated, taking the district list's date), is no newer version of it (`DISTRICT_STAYS`). Before, the
    county's undated list loaded after the district's 2022 one ranked newest: `list_changes` ran 区 → 县 and `dutygraph
    remove` of a district list's correction brought the county's back rather than the district's earlier one.
    A version's date is its own (`ingest.list_dates.version_date`) where it has a full one (2024-05-10). A version
    without one is some time after the newest of the versions loaded before it (it was read as that one's next
    version: `清单.csv` corrected after the 2021 list), and takes its date. A year or month alone (a title's 2024) is
    some time in that year or month: after every date of the years (months) before it and before every date of those
    after it, and among its own year's (month's) dates, no date telling them apart, by read order as far as one order
    allows: just after the newest of its year's versions loaded before it (it takes that one's date, 2024-05), below
    every one of its year's dates when none was loaded before it (it stays 2024, which sorts before 2024-03). Before,
    it took the date of the version loaded just before it within its year: read after 2024-05 and then 2024-03 (kept
    as 2024-05's history), a 2024 list ranked below 2024-05 though read after both, and was not loaded; an undated
    correction read after 2021's list and then 2020's ranked between them. Of one date,
    the one loaded last is newer (`loaded`: ingest.load.load_stamp, one loaded by a dutygraph that kept none counting
    as loaded before any other), then the current Document (it replaced the others)."""
    placed = sorted(range(len(versions)), key=lambda at: (_loaded(versions[at]), str(versions[at].get("uid") or "")))
    dates: dict[int, str] = {}
    for at in placed:  # in load order: `dates` holds the versions loaded before this one
        own = version_date(versions[at])
        dates[at] = max((date for date in dates.values() if date.startswith(own)), default=own)
    regions = {str(version.get("region") or "") for version in versions}
    return [(not _superseded(version, regions, successors or {}), dates[at], _loaded(version),
             bool(version.get("current"))) for at, version in enumerate(versions)]


def _superseded(version: Mapping[str, Any], regions: set[str], successors: Mapping[str, str]) -> bool:
    """The version is a county's whose district (`successors`) is the region of another version of its list."""
    district = successors.get(str(version.get("region") or ""))
    return district is not None and district in regions


def _loaded(version: Mapping[str, Any]) -> int:
    loaded = version.get("loaded")
    return -1 if loaded is None else int(loaded)


# A held list's current Document and its history versions, as `newest_first` orders them.
_HELD_CURRENT = ("MATCH (d:Document {uid: $uid}) RETURN d.uid AS uid, coalesce(d.title, '') AS title, "
                 "coalesce(d.issued, '') AS issued, d.path AS path, d.region AS region, d.loaded AS loaded, "
                 "true AS current, d.list_key AS list_key")
_HELD_HISTORY = ("MATCH (v:ListVersion) WHERE v.list_key IN $keys AND v.uid <> $uid "
                 "RETURN v.uid AS uid, coalesce(v.title, '') AS title, coalesce(v.issued, '') AS issued, "
                 "v.path AS path, v.region AS region, v.loaded AS loaded, false AS current ORDER BY uid")


def version_row(identity: ListIdentity, uid: str, loaded: int) -> dict[str, Any]:
    """A list read now as one of its list's versions `newest_first` orders: its date as its Document will bear it
    (`ingest.list_dates.version_date` reads it back), and its place in load order (`loaded`)."""
    issued = identity.dated.value if identity.dated.basis == "date row" else ""
    return {"uid": uid, "title": identity.title, "issued": issued, "path": identity.path, "region": identity.region,
            "loaded": loaded}


def held_versions(store: Store, held: HeldList, keys: Sequence[str], uid: str) -> list[dict[str, Any]]:
    """The versions of `held`'s list the graph holds: its current Document (first) and the ListVersions of its list or
    of the lists `keys` (the list read now: a run's earlier versions of it, kept as its history); not the list read
    now (`uid`), which may have been kept as history before and is placed again."""
    [current] = store.read(_HELD_CURRENT, {"uid": held.uid})
    history_keys = sorted({*keys, *([current["list_key"]] if current["list_key"] else [])})
    return [current, *store.read(_HELD_HISTORY, {"keys": history_keys, "uid": uid})]


@dataclass(frozen=True)
class Ranking:
    """Of two versions of one list, whether the second is the newer (`version_keys`), and what told them apart: their
    dates (`dates`: the newer's, the older's; `zh`, `en`: what dated them), else the order they were loaded in;
    `renamed`: a 撤县设区 told them apart (a county's list ranks below its district's, `version_keys`)."""

    later: bool
    dates: tuple[str, str] = ("", "")
    zh: str = ""
    en: str = ""
    renamed: bool = False

    def said(self) -> str:
        if self.renamed:
            return DISTRICT_STAYS
        if not self.dates[0]:
            return LOAD_ORDER
        newer, older = self.dates
        return f"按{self.zh}（{newer} 晚于 {older}）/ by {self.en} ({newer} after {older})"

    def current_stays(self) -> str:
        """Why a held version stays the current one (`later` false: the one read now is the older)."""
        if self.renamed:
            return DISTRICT_STAYS
        newer, older = self.dates
        return (f"较早版本，未替换现行清单（{dated_zh(newer)}）：按{self.zh}（{newer} 晚于 {older}）/ an earlier version: "
                f"the current list stays (by {self.en}, {newer} after {older})")


LOAD_ORDER = ("按读入顺序（各版本的日期未能区分，后读入的为较新版本）/ by the order they were read (no date tells them apart: "
              "the one read later is the newer)")
_DERIVED = ("各版本日期（未署日期的版本取在其之前载入的版本的日期）",
            "the versions' dates (a version bearing no date takes that of the version loaded before it)")


def ranked(versions: Sequence[Mapping[str, Any]], first: Mapping[str, Any], second: Mapping[str, Any],
           successors: Mapping[str, str] | None = None) -> Ranking:
    """Whether `second` ranks above `first` among `versions` (one list's, both among them), by `version_keys`
    (`successors`: the 撤县设区 the graph and the run hold): the one order ingest places a version read now by,
    `dutygraph remove` brings one back by and `list_changes` steps through. A version read now is loaded after every
    other, so a held one stays current by a 撤县设区 or its date alone."""
    keys = version_keys(versions, successors)
    one, two = (keys[next(at for at, version in enumerate(versions) if version is given)] for given in (first, second))
    later = two > one
    if one[0] != two[0]:
        return Ranking(later, renamed=True)
    if one[1] == two[1]:
        return Ranking(later)
    newer, older = (second, first) if later else (first, second)
    dates = (max(one[1], two[1]), min(one[1], two[1]))
    own = [list_date(version.get("title") or "", version.get("issued") or "", version.get("path") or "")
           for version in (newer, older)]
    zh, en = _dated_by(*own) if (own[0].value, own[1].value) == dates else _DERIVED
    return Ranking(later, dates, zh, en)


def _dated_by(first: ListDate, second: ListDate) -> tuple[str, str]:
    """What dated two versions, said: a file's name is not the list's own date (边界清单_2022.csv)."""
    named = [dated.basis == "file name" for dated in (first, second)]
    if all(named):
        return "文件名中的日期", "the dates in their files' names"
    if any(named):
        return "清单所署日期及文件名中的日期", "a list's own date and the date in the other's file name"
    return "清单所署日期", "the lists' own dates"


def dated_zh(value: str) -> str:
    """An ISO date, or a bare year or month, as Chinese writes it: 2024年, 2024年5月, 2024年5月10日."""
    parts = value.split("-")
    return "".join(f"{int(part)}{unit}" for part, unit in zip(parts, ("年", "月", "日"), strict=False))


def reason_parts(why: str) -> tuple[str, str]:
    """A reason written `中文 / English` (as every one here is) as its Chinese and its English: the Chinese holds no
    `/ `."""
    chinese, _, english = why.partition("/ ")
    return chinese.strip(), english.strip()
