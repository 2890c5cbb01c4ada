"""Finding what a user typed: one department by its name or alias, a region by its path."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graph.store import Row, Store
from ingest.region_succession import chained_successors, current_region
from ingest.regions import Region
from queries import catalog
from queries.cache import cached

if TYPE_CHECKING:
    from ingest.names import NameResolver


class UnknownDepartment(LookupError):
    """No one department by that name: several it may mean (`candidates`), or, with `near`, none, and the names
    spelt most like it (示例市交通局运输 → 示例市交通运输局), which it did not read as any: a suggestion, not a
    department it names (it said "names 1 departments", user test)."""

    def __init__(self, name: str, candidates: list[str] | None = None, *, near: bool = False) -> None:
        self.name, self.candidates, self.near = name, candidates or [], near
        if self.candidates and near:
            super().__init__(f"no department named {name!r}; did you mean {' or '.join(self.candidates)}?")
        elif self.candidates:
            super().__init__(f"{name!r} names {len(self.candidates)} departments: {', '.join(self.candidates)}")
        else:
            super().__init__(f"no department named {name!r}")

    @property
    def zh(self) -> str:
        if self.candidates and self.near:
            return f"未找到部门：{self.name}；是否指：{'、'.join(self.candidates)}？"
        if self.candidates:
            return f"“{self.name}”对应 {len(self.candidates)} 个部门：{'、'.join(self.candidates)}，请写全称"
        return f"未找到部门：{self.name}"


class VagueParty(UnknownDepartment):
    """A name the lists give a party that is no department (有关部门, 相关单位): it has no duties, staff or offices
    to profile, and a filter by it would keep one finding; the finding it makes is host_assist's vague_party."""

    def __init__(self, name: str) -> None:
        LookupError.__init__(self, f"{name!r} is a vague party the lists name, not a department: its matters are "
                                   "host_assist_ambiguities' vague_party findings")
        self.name, self.candidates = name, []

    @property
    def zh(self) -> str:
        return f"“{self.name}”是清单中的模糊主体，不是一个部门；它牵头或配合的事项见主办/协办不清中的“责任主体模糊”"


def find_department(store: Store, name: str, *, region: str | None = None) -> Row:
    """The department named (or aliased) `name`: uid, name, region and its 三定 facts.

    A full name or an alias of one department is taken as it is. Any other name is read as the ingest reads a
    mention (ingest.names.NameResolver: region prefix, level marker, abbreviation table, close spelling), from
    `region` when a filter names one, else from every region of the graph: 青山县市场监管局, 示例市城管局 and 市监局
    name one department each; 住建局 or 市场监管局 name one per region, and the error lists them. The CLI, the API
    and the page all come here, so a name works in all three or in none."""
    from ingest.names import is_vague_uid  # with rapidfuzz: here, for the CLI's start-up time (see _resolver)

    found = catalog.run(store, "department", {"name": name})
    if found and all(is_vague_uid(row["uid"]) for row in found):
        raise VagueParty(name)
    exact = [row for row in found if row["exact"]]
    if len({row["uid"] for row in exact}) == 1:
        return _without_exact(exact[0])
    # The closest reading wins: a base name or alias the graph holds (水务局 is the city's 水务局, not also
    # 青山县's 水利局, which the abbreviation table groups with it), then what the resolver reads exactly, then by
    # the abbreviation table or close spelling.
    by_method, near = resolved_uids(store, name, region)
    here = [row for row in found if row["region"] == region] or found  # 交通运输局 with 青山县 chosen
    tiers = [{row["uid"] for row in here}, by_method.get("exact", set()), set().union(*by_method.values())]
    uids = next((tier for tier in tiers if tier), set())
    if len(uids) == 1:
        (uid,) = uids
        rows = [row for row in catalog.run(store, "department", {"name": department_name(store, uid)})
                if row["uid"] == uid]
        if rows:
            return _without_exact(rows[0])
    raise UnknownDepartment(name, _labels(store, uids)) if uids else UnknownDepartment(name, near, near=True)


@dataclass(frozen=True)
class Reading:
    """A name typed for a department read as a department whose full name or alias it is not (市监局 →
    示例市市场监督管理局): said to the user, since the answer may not name the department, and a short name may
    be read as one not meant (市监局 is the city's; the user may have meant the county's)."""

    typed: str
    name: str

    @property
    def zh(self) -> str:
        return f"“{self.typed}”读作：{self.name}"

    def __str__(self) -> str:
        return f"{self.typed!r} read as {self.name}"


def reading(typed: str, department: Row) -> Reading | None:
    """How `typed` was read as `department` (a row with its uid, name and aliases), or None where it is the
    department's uid, full name or one of its aliases, taken as written. A bare base name that a document once
    wrote for it (交通运输局, an alias of the city's) is a reading: every region's 交通运输局 bears it too (as the
    `department` query's `exact`)."""
    typed = typed.strip()
    uid, name = department["uid"], department["name"]
    alias = typed in (department.get("aliases") or []) and not uid.endswith("/" + typed)
    return None if typed in (uid, name) or alias else Reading(typed, name)


def department_reading(store: Store, typed: str, uid: str) -> Reading | None:
    """`reading` of the department `uid`, which `typed` was resolved to (a filter `checked_filters` wrote)."""
    rows = [row for row in catalog.run(store, "department", {"name": uid}) if row["uid"] == uid]
    return reading(typed, rows[0]) if rows else None


def names_read_as(store: Store, text: str, region: str | None = None) -> tuple[set[str], Reading | None]:
    """The full names of the departments `text` is read as by `find_department`: one (市监局 read in 示例市), or
    the several a short name borne in every region names (市场监管局); none when it names none. With the one, its
    `reading` where `text` is not its full name, alias or uid."""
    try:
        found = find_department(store, text, region=region)
    except UnknownDepartment as exc:
        # A near name is a suggestion, not a reading; a name two regions' departments bear is labelled "(region)".
        return (set() if exc.near else {candidate.split(" (")[0] for candidate in exc.candidates}), None
    return {found["name"]}, reading(text, found)


def find_department_in(store: Store, name: str, region: str | None, *, covers: tuple[str, str]) -> Row:
    """`find_department`, read from `region`, which must hold it: an answer for a department outside the region
    would be empty or unfiltered, and read as filtered. `covers` says, in English and in Chinese, what the answer
    covers instead (its own region), for the error."""
    found = find_department(store, name, region=region)
    path = found["region"] or ""
    if not within_region(store, path, region):  # a 撤县设区 district holds the county's unrenamed departments
        raise catalog.QueryError(
            f"{found['name']} is a department of {path}, not of {region}: {covers[0]}; give the department or the "
            "region", f"{found['name']} 属于 {path}，不在 {region}：{covers[1]}，请只给部门或只给区划")
    return found


def _labels(store: Store, uids: set[str]) -> list[str]:
    """The departments' names, with the region of those whose name another of them bears too: two cities may each
    have a 鼓楼区 with its 城市管理局, and the region is what tells the caller which to ask for."""
    named = {uid: department_name(store, uid) for uid in uids}
    borne = Counter(named.values())
    # A department's uid is dept:<region path>/<base name> (ingest.names).
    return sorted(f"{name} ({uid.removeprefix('dept:').rpartition('/')[0]})" if borne[name] > 1 else name
                  for uid, name in named.items())


def _without_exact(row: Row) -> Row:
    return {key: value for key, value in row.items() if key != "exact"}


def _resolver(store: Store) -> tuple[NameResolver, dict[str, str], list[Region]]:
    """The ingest's resolver over the graph's departments, their names by uid, and the regions they are in."""
    # Imported here: the resolver brings rapidfuzz and the pipeline brings jieba, which a CLI command that names
    # no department (and `--help`) must not pay for (tests/api/test_cli_startup.py).
    from ingest.names import NameResolver
    from ingest.pipeline import known_departments, known_region_renames

    def build() -> tuple[NameResolver, dict[str, str], list[Region]]:
        known = known_departments(store)
        resolver = NameResolver(known, renamed_regions=known_region_renames(store))
        return resolver, {d.uid: d.name for d in known}, sorted({d.region for d in known}, key=lambda r: r.path)
    return cached(store, ("department_resolver",), build, whole_graph=True)


def department_name(store: Store, uid: str) -> str:
    """The full name of the department `uid` (a filter's uid: checked_filters)."""
    return _resolver(store)[1].get(uid, uid)


def named_in(store: Store, mention: str, region: str) -> tuple[str, str] | None:
    """The department (uid, full name) a mention names when a document of `region` writes it, read as a list's
    party is read (ingest.names.NameResolver: 市水利局 and 水利局 in a city's document are the city's 水务局, in a
    county's the county's 水利局); None when it names none the graph holds. Unlike `find_department` it never looks
    beyond `region`'s reading: a bare 水利局 a city's document writes is not the county's that bears the name."""
    resolver, names, _regions = _resolver(store)
    found = resolver.resolve(mention, Region(tuple(region.split("/"))))
    return (found.uid, names[found.uid]) if found.status == "resolved" and found.uid in names else None


def resolved_uids(store: Store, name: str, region: str | None = None) -> tuple[dict[str, set[str]], list[str]]:
    """The departments `name` resolves to by the resolver's method (exact, abbreviation, fuzzy), read as a mention
    in a document of `region` (every region's when None, or when it resolves to none from there), and the near
    names the resolver offered when it resolved to none."""
    resolver, names, regions = _resolver(store)
    homes = [Region(tuple(region.split("/")))] if region else regions
    by_method: dict[str, set[str]] = {}
    near: list[str] = []
    for home in homes:
        result = resolver.resolve(name, home)
        if result.status == "resolved" and result.uid in names:
            by_method.setdefault(result.method.split(":")[0], set()).add(result.uid)
        elif result.candidates:
            # "示例市城管局 (91)": the resolver's near names carry their score, which a reader has no use for.
            near.extend(candidate.rsplit(" (", 1)[0] for candidate in result.candidates)
        else:
            near.extend(_named_within(resolver, result.base_name, result.region))
    if not by_method and region:
        return resolved_uids(store, name)
    return by_method, sorted(set(near) & set(names.values()))


def _named_within(resolver: NameResolver, base: str, region: Region) -> list[str]:
    """The departments of `region` a name or alias of which holds `base` as written, or comes near a name the
    abbreviation table spells `base` out as: 示例市城管 is too short for any name's spelling to come near (城管 /
    市城管局), yet the alias holds it. Suggested only, never taken: 城管 is held by every 城管局's alias, and 交通 by
    交通运输局 and 交通警察支队 alike."""
    from rapidfuzz import fuzz  # with the resolver's module: see _resolver

    from ingest.names import NEAR_MIN

    if len(base) < 2:
        return []
    # An abbreviation the table knows, spelt out, near a name it does not list (揭东区工信局 beside 工业信息化和科技局,
    # a body the reform merged 科技 into): suggested as the resolver suggests a close spelling (user test: 区工信科技局
    # was suggested, 揭东区工信局 not).
    spelt = resolver.spelt_out(base)
    return sorted(d.name for d in resolver.departments_of(region)
                  if any(base in key or any(fuzz.ratio(name, key) >= NEAR_MIN for name in spelt)
                         for key in d.keys))


REGIONS_SHOWN = 10  # enough to find one's own city or county; a province's hundreds would bury the message


def regions_listed(paths: list[str]) -> tuple[str, str]:
    """Regions as a message lists them, in English and in Chinese: the first REGIONS_SHOWN, then how many there are
    (a province's graph named a hundred regions in one error); empty strings for none."""
    shown, more = paths[:REGIONS_SHOWN], len(paths) - REGIONS_SHOWN
    if more > 0:
        return f"{', '.join(shown)} and {more} more", f"{'、'.join(shown)} 等 {len(paths)} 个"
    return ", ".join(shown), "、".join(shown)


class UnknownRegion(LookupError):
    """A region (or city) filter that names none of the graph's; `known` lists those above the townships, and the
    messages the first REGIONS_SHOWN of them (`regions_listed`)."""

    def __init__(self, path: str, known: list[str], wanted: str = "区划", townships: bool = False,
                 county_of: tuple[str, str] | None = None) -> None:
        # `townships`: the list leaves out the townships the graph has, which a filter takes too: said, not hidden.
        below = ", and their townships" if townships and known else ""
        self.path, self.known, self.wanted, self.townships = path, known, wanted, townships
        # `county_of`: the county's path and its city, where a city was asked for and a county of it was named.
        self.county_of = county_of
        if county_of:
            super().__init__(f"{county_of[0]!r} is a county, not a city: ask for its city, {county_of[1]}")
        else:
            super().__init__(f"no {'city' if wanted == '市' else 'region'} {path!r} in the graph; it has: "
                             f"{regions_listed(known)[0] or 'none'}{below}")

    @property
    def zh(self) -> str:
        if self.county_of:
            return f"“{self.county_of[0]}”是县（区），不是市；请查询其所属的市：{self.county_of[1]}"
        below = "，及其下的乡镇（街道）" if self.townships and self.known else ""
        return f"图中没有{self.wanted}“{self.path}”；已有：{regions_listed(self.known)[1] or '（图中尚无区划）'}{below}"


def within(path: str | None, region: str | None) -> bool:
    """`path` is the region `region` or one below it (no region: everywhere), as the findings' filters read it."""
    return region is None or path == region or (path or "").startswith(region + "/")


def cities(store: Store) -> list[str]:
    """The graph's cities' paths, sorted."""
    return sorted(path for path, level in region_levels(store).items() if level == "city")


def cities_within(store: Store, region: str | None) -> list[str]:
    """The paths of the graph's cities that are `region` or lie in it (a province's; None: every city), sorted.
    `region` as asked: a bare name is read as `check_region` reads it (东海省 for 东海省)."""
    try:
        asked = check_region(store, region)
    except UnknownRegion:
        return []  # the query itself refuses it, naming what the graph holds
    return [city for city in cities(store) if within(city, asked)]


def region_levels(store: Store) -> dict[str, str]:
    """Each region's path and level (city, county, township …)."""
    # Kept per graph version: the regions query counts every region's departments, too much for each request.
    return cached(store, ("region_levels",),
                  lambda: {row["path"]: row["level"] for row in catalog.run(store, "regions")}, whole_graph=True)


def region_successors(store: Store) -> dict[str, str]:
    """Each renamed county's path → the path of the district it is now (`ingest.region_succession.chained_successors`),
    cached with the graph's version."""
    return cached(store, ("region_successors",), lambda: chained_successors(store), whole_graph=True)


def place_name(path: str) -> str:
    """A region's own name, the last part of its path (示例市/青山县 → 青山县)."""
    return path.rsplit("/", 1)[-1]


def region_now(store: Store, path: str) -> str:
    """The region `path` is now in this graph (`current_region` on its 撤县设区): how a finding asked of a region by
    its old path reads it."""
    return current_region(path, region_successors(store))


def region_paths(store: Store, path: str) -> list[str]:
    """Every path the region `path` is known by now: its path as it is now (`current_region`), then each path a
    撤县设区 renamed into it (示例市/青山区 → 示例市/青山区, 示例市/青山县; a township under either, the same). A
    region filter reads these, so that asked by either path a district answers with the same rows: its departments no
    notice renamed, and its townships and lists, stand under whichever path their documents named."""
    successors = region_successors(store)
    now = region_now(store, path)
    older = sorted(old + now[len(new):] for old, new in successors.items() if now == new or now.startswith(new + "/"))
    return [now, *older]


def within_region(store: Store, path: str | None, region: str | None) -> bool:
    """`path` is the region `region` or one below it, by any path the region is known by now (`region_paths`): a
    row's region read as the named queries' `$region_paths` filter reads it, so that a finding filtered in Python
    after its query keeps a 撤县设区 district's rows under the county's old path too."""
    return region is None or within_paths(path, region_paths(store, region))


def within_paths(path: str | None, paths: Iterable[str]) -> bool:
    """`path` is one of `paths` or a region below one of them."""
    return any(within(path, place) for place in paths)


def city_of(store: Store, path: str | None) -> str | None:
    """The city a region is or lies in (示例市 for 示例市/青山县/城关镇), by the graph's levels; None for none."""
    levels = region_levels(store)
    parts = (path or "").split("/")
    return next((ancestor for ancestor in ("/".join(parts[:n]) for n in range(len(parts), 0, -1))
                 if levels.get(ancestor) == "city"), None)


def check_region(store: Store, path: str | None, *, city: bool = False) -> str | None:
    """The region path as the graph holds it (None for no filter); a typo is an error naming what is there,
    not an empty answer that reads as 'nothing found'."""
    if path is None or not path.strip():
        return None
    levels = region_levels(store)
    wanted = path.strip()
    fits = [p for p, level in levels.items() if not city or level == "city"]
    if wanted in fits:
        return wanted
    # A bare name (石门县) means the one region of the graph it ends a path of (青岩市/石门县), as at ingest.
    named = [p for p in fits if p.rsplit("/", 1)[-1] == wanted]
    if len(named) == 1:
        return named[0]
    # A path written without its slash, as file titles and hotline exports write it (示例市青山县): the region whose
    # parts joined make it. Before, an upload took it for a new county beside the real one (user test).
    joined = [p for p in fits if p.replace("/", "") == wanted.replace("/", "")]
    if len(joined) == 1:
        return joined[0]
    if city:  # a county of a city (青山县): its city is what the split is asked of (user test)
        counties = [p for p, level in levels.items() if level == "county" and wanted in (p, p.rsplit("/", 1)[-1])]
        cities = [c for c in fits if len(counties) == 1 and counties[0].startswith(c + "/")]
        if cities:
            raise UnknownRegion(wanted, fits, "市", county_of=(counties[0], cities[0]))
    # Townships are many and rarely what a filter means; the message names the regions above them.
    shown = named or [p for p, level in levels.items() if (level == "city" if city else level != "township")]
    hidden = not named and not city and "township" in levels.values()
    raise UnknownRegion(wanted, shown, "市" if city else "区划", townships=hidden)


def checked_filters(store: Store, params: dict[str, Any], departments: Iterable[str] = ("department",)
                    ) -> dict[str, Any]:
    """`params` with its region and city filters checked and written as the graph writes them, and each of its
    `departments` parameters (a query's `Param.is_department`) read by `find_department` and given as the uid."""
    checked = dict(params)
    if isinstance(checked.get("region"), str):
        checked["region"] = check_region(store, checked["region"])
    if isinstance(checked.get("city"), str) and checked["city"].strip():
        checked["city"] = check_region(store, checked["city"], city=True)
    for key in departments:
        if isinstance(checked.get(key), str):
            name = checked[key].strip()
            # A short name (市场监管局) means the department of the region filtered on, when there is one. The uid,
            # not the name: a name two cities' departments bear (鼓楼区城市管理局) would match both.
            checked[key] = find_department(store, name, region=checked.get("region"))["uid"] if name else None
    return checked
