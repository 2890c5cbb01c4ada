"""撤县设区: the sentence that says a county was abolished and a district set up on its ground, as the 区's 三定 or
a 调整 notice cites or states it: `撤销青山县，设立示例市青山区` (also inside the 批复's title a 第一条 cites,
《国务院关于同意撤销青山县设立示例市青山区的批复》) or `以原青山县的行政区域为青山区的行政区域`.

The region is renamed, not a second county beside the first: `current_regions` (queries.lookup) reads the county's
departments, matters and lists as the district's where a query counts the current state. Pure: lines in, records
out; the regions are placed where the document is (ingest.records).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from graph.store import Store
from ingest.model import Located, RegionSuccession
from ingest.regions import Region

_REGION = r"[\u4e00-\u9fff]{2,12}?"
_ABOLISHED = re.compile(rf"撤销(?P<old>{_REGION}(?:县|市|旗)(?:[、和及]{_REGION}(?:县|市|旗|区))*)[，,]?"
                        rf"(?:设立|设置)(?P<new>{_REGION}区)")
_GROUND = re.compile(rf"以原(?P<old>{_REGION}(?:县|市|旗))的行政区域为(?P<new>{_REGION}区)的行政区域")
# A rename that changes the level marker alone (将青山县更名为青山区): the same ground, the stem kept. Not a body's
# rename (将青山县农业局更名为…): the name before 更名为 must end in the county's own marker.
_RENAMED = re.compile(rf"将(?P<old>{_REGION}(?:县|市|旗))(?:整体)?(?:更名|改名|改设)为(?P<new>{_REGION}区)")
_SEVERAL = re.compile(r"[、和及]")
# 乡镇合并: 撤销桃源乡，将其所辖区域并入石桥镇 / 撤销桃源乡、李村乡，并入石桥镇 (several townships into one is a merger
# too, each its own record). Not 撤销石桥镇，设立石桥街道: no township is abolished into another there.
_TOWNSHIP = r"[\u4e00-\u9fff]{1,12}?(?:乡|镇|街道)"
_MERGED = re.compile(rf"撤销(?P<old>{_TOWNSHIP}(?:[、和及]{_TOWNSHIP})*)[，,]?(?:将[^，,。；;]{{0,16}}?区域)?(?:整体)?"
                     rf"(?:并入|(?<=区域)(?:划入|划归))(?P<new>{_TOWNSHIP})")
# 镇改街道: 撤销石桥镇（建制），设立石桥街道: the same ground, a 街道 now, its 办事处 doing the government's work.
_STREET = re.compile(rf"撤销(?P<old>{_TOWNSHIP}(?:[、和及]{_TOWNSHIP})*?)(?:建制)?[，,]?(?:设立|设置|改设|成立)"
                     rf"(?P<new>[\u4e00-\u9fff]{{1,12}}?街道)")
# The township-level kinds (a RegionSuccession's, the REPLACED_BY edge's): no county's rename.
TOWNSHIP_KINDS = {"merged": _MERGED, "street": _STREET}
# A 批复 repeating the request it answers (你县关于撤销桃源乡并入石桥镇的请示收悉): its title is no operative sentence.
# A rename said there is read only where no other sentence of the document says it (the 同意… clause is the source).
_CITED_REQUEST = re.compile(r"关于[^，,。；;《》]{2,80}?的(?:请示|报告)")
_DISTRICT = re.compile(r"^(?:(?P<city>[\u4e00-\u9fff]+?[市州盟]))?(?P<district>[\u4e00-\u9fff]+区)$")


# Every 撤县设区 the graph holds (the county's path, the district's), as the ingest's name resolution and the queries'
# current regions read them.
# A township merged into another or made a 街道 (a `kind`) is no rename: its government's SUCCEEDED_BY moves what
# named it.
_RENAME_EDGES = "MATCH (a:Region)-[e:REPLACED_BY]->(b:Region) WHERE e.kind IS NULL "
_OLD_NEW = "RETURN DISTINCT a.path AS old, b.path AS new ORDER BY old, new"
REGION_RENAMES = _RENAME_EDGES + _OLD_NEW
# Those that stay once the documents `$uids` are out (`dutygraph remove`): each edge is one document's (its source).
RENAMES_STAYING = _RENAME_EDGES + "AND NOT split(e.source, '#')[0] IN $uids " + _OLD_NEW


def successor_paths(store: Store, leaving: Iterable[str] = ()) -> dict[str, str]:
    """County path → district path of every 撤县设区 the graph holds, less those of the documents `leaving`."""
    return {row["old"]: row["new"] for row in store.read(RENAMES_STAYING, {"uids": sorted(leaving)})}


def chained_successors(store: Store) -> dict[str, str]:
    """Each renamed county's path → the path of the district it is now, along a chain (a county renamed twice ends
    at the last). A county said to become two districts is left as it is: no one district continues it. Uncached:
    linking reads it (`queries.lookup.region_successors` caches it for the queries)."""
    targets: dict[str, set[str]] = {}
    for row in store.read(REGION_RENAMES):
        targets.setdefault(row["old"], set()).add(row["new"])
    step = {old: next(iter(new)) for old, new in targets.items() if len(new) == 1}
    found = {}
    for old in step:
        seen, path = {old}, step[old]
        while path in step and path not in seen:  # a cycle stops where it closes
            seen.add(path)
            path = step[path]
        found[old] = path
    return found


def current_region(path: str, successors: dict[str, str]) -> str:
    """The region `path` is now: a renamed county's, or a township's in it, path under the district
    (示例市/青山县/城关镇 → 示例市/青山区/城关镇); any other path as it is."""
    for old, new in successors.items():
        if path == old or path.startswith(old + "/"):
            return new + path[len(old):]
    return path


EXPECTED = "one county renamed as one district (撤销某县，设立某市某区)"
EXPECTED_ZH = "应为一个县撤销、设立一个区（撤销某县，设立某市某区）"


class AmbiguousRegionSuccession(ValueError):
    """A sentence abolishing several counties for one district (a merger, not a rename), or two sentences naming
    different counties or districts: no one county the district continues. `detail` and `zh` say which."""

    def __init__(self, where: Located, text: str, detail: str, zh: str) -> None:
        super().__init__(f"{detail}: “{text}”")
        # `zh`: what was found and what was expected, as the file's refusal says it (IngestError's zh).
        self.where, self.detail, self.zh = where, f"{detail}: “{text}”", f"{zh}：“{text}”；{EXPECTED_ZH}"


def read_region_successions(lines: Iterable[tuple[int, str, str]], *, several: bool = False
                            ) -> list[RegionSuccession]:
    """`lines`: (line number, locator, text). One record a county and its district, however often said. A 三定 or
    调整 notice is its own region's: one at most. `several`: a 区划调整 notice of its own (ingest.region_notice)
    may rename several counties, each as one district; a county or district two sentences pair differently is
    refused still. Township mergers (kind "merged") are another level's: any number beside the renames, one record
    a township, refused where two sentences merge one township into different ones."""
    numbered = list(lines)
    cited = [(number, locator, match.group(0)) for number, locator, text in numbered
             for match in _CITED_REQUEST.finditer(text)]
    # The request a 批复 repeats is read only where no other sentence of it states a change: read after them, it
    # clashed with the 同意… sentence approving something else (同意撤销桃源乡，设立桃源街道).
    stated = _read_lines(((n, loc, _CITED_REQUEST.sub("", text)) for n, loc, text in numbered), several)
    return stated or _read_lines(cited, several)


def _read_lines(lines: Iterable[tuple[int, str, str]], several: bool) -> list[RegionSuccession]:
    found: list[RegionSuccession] = []
    for number, locator, text in lines:
        for pattern in (_ABOLISHED, _GROUND, _RENAMED):
            for match in pattern.finditer(text):
                where = Located(number, locator)
                if _SEVERAL.search(match.group("old")):
                    raise AmbiguousRegionSuccession(where, match.group(0), "several counties abolished for one "
                                                    "district", "撤销多个县设立一个区，不是一个县的更名")
                record = RegionSuccession(match.group("old"), match.group("new"), match.group(0), where)
                if any(_same(earlier, record) for earlier in found):
                    continue
                # A township merger beside it is another level's (a 三定 may state a 撤县设区 and one).
                clash = next((earlier for earlier in found if earlier.kind == record.kind
                              and (not several or _shares_one(earlier, record))), None)
                if clash is not None:
                    raise AmbiguousRegionSuccession(where, match.group(0), f"another county or district than line "
                                                    f"{clash.where.line}'s “{clash.text}”",
                                                    f"与第{clash.where.line}行“{clash.text}”所称县或区不同")
                found.append(record)
        for kind, township_pattern in TOWNSHIP_KINDS.items():
            for match in township_pattern.finditer(text):
                olds = _SEVERAL.split(match.group("old"))
                for old in olds:
                    record = RegionSuccession(old, match.group("new"), match.group(0), Located(number, locator),
                                              _street_or_merged(kind, old, olds, match.group("new")))
                    _township_once(found, record)
    return found


def with_townships(found: list[RegionSuccession], lines: Iterable[tuple[int, str, str]]) -> list[RegionSuccession]:
    """`found` and the township mergers and 街道 of `lines` (a 三定's articles after its duties, a 调整 notice's items:
    no 撤县设区 is read there), each township once; refused (AmbiguousRegionSuccession) where one is made another's."""
    merged = list(found)
    for record in read_region_successions(lines, several=True):
        if record.kind in TOWNSHIP_KINDS:
            _township_once(merged, record)
    return merged


def first_township_sentence(lines: Iterable[tuple[int, str]]) -> tuple[int, str] | None:
    """The first line stating a township merger or 街道 (its number and the sentence), None where none does."""
    for number, text in lines:
        for pattern in TOWNSHIP_KINDS.values():
            if match := pattern.search(text):
                return number, match.group(0)
    return None


def township_stem(township: str) -> str:
    """A township's name without its 镇/乡/街道: 石桥镇 and 石桥街道 are the one place's."""
    return re.sub(r"(?:镇|乡|街道)$", "", township)


def _street_or_merged(kind: str, old: str, olds: list[str], new: str) -> str:
    """撤销桃源乡、石桥镇，设立石桥街道: 石桥镇, whose name the 街道 takes, became it (street); 桃源乡 was merged into it
    (merged). Where none of several gives the 街道 its name, each was merged into it; one town alone became it."""
    if kind != "street" or len(olds) == 1 or township_stem(old) == township_stem(new):
        return kind
    return "merged"


def _township_once(found: list[RegionSuccession], record: RegionSuccession) -> None:
    """Add a township's merger or 街道 to `found` unless said before; refused where an earlier sentence makes the
    township another's (merged into 石桥镇 and into 李村镇, or merged and made a 街道)."""
    earlier = [other for other in found if other.kind in TOWNSHIP_KINDS and other.old == record.old]
    clash = next((other for other in earlier if (other.kind, other.new) != (record.kind, record.new)), None)
    if clash is not None:
        raise AmbiguousRegionSuccession(record.where, record.text, f"a township merged into or made a 街道 other "
                                        f"than line {clash.where.line}'s “{clash.text}”",
                                        f"与第{clash.where.line}行“{clash.text}”所称并入或改设的乡镇（街道）不同")
    if not earlier:
        found.append(record)


def _shares_one(a: RegionSuccession, b: RegionSuccession) -> bool:
    """One county set up as two districts, or two counties as one: no rename of one county."""
    return a.old == b.old or _same_district(a.new, b.new)


def _same(a: RegionSuccession, b: RegionSuccession) -> bool:
    """`示例市青山区` and `青山区` are one district: the later sentence may leave out the city."""
    return a.old == b.old and _same_district(a.new, b.new)


def _same_district(a: str, b: str) -> bool:
    return a.endswith(b) or b.endswith(a)


def written_city(record: RegionSuccession) -> str | None:
    """The city the district's name writes (示例市青山区 → 示例市), None for a bare 青山区."""
    match = _DISTRICT.match(record.new)
    return match.group("city") if match else None


def township_county(home: Region) -> Region:
    """The county a township merger lies in, seen from the document's region (a township's 三定: its county)."""
    return (home.parent or home) if home.level == "township" else home


def placed_pair(record: RegionSuccession, home: Region) -> tuple[Region, Region]:
    """A record's two regions: a merger's townships in the county of `home` (a name written after it, 青山县桃源乡,
    is its township), a rename's county and district (`placed_regions`)."""
    if record.kind not in TOWNSHIP_KINDS:
        return placed_regions(record, home)
    county = township_county(home)
    return (Region((*county.names, record.old.removeprefix(county.name))),
            Region((*county.names, record.new.removeprefix(county.name))))


def placed_regions(record: RegionSuccession, home: Region) -> tuple[Region, Region]:
    """The county and the district as regions, in the city the district's name writes (示例市青山区), else in the
    city of the document's region `home` (a 区's 三定 citing 撤销青山县设立青山区)."""
    match = _DISTRICT.match(record.new)
    city = home.city or home
    written = written_city(record)
    if written and written != city.name:
        city = Region((written,))
    district = match.group("district") if match else record.new
    # 将示例市青山县更名为…: the county written after its city is the city's county, not one named 示例市青山县.
    county = record.old.removeprefix(city.name) if record.old != city.name else record.old
    return Region((*city.names, county)), Region((*city.names, district))
