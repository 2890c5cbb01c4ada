"""power_split: how a city and its counties hold matters (市县事权划分), per domain and share; the conflicts: a
county-exclusive matter that a city department still exercises as its own power item, and a shared matter whose
list says nothing of how the work is divided; and the county-held matters that the county department doing the work
leaves out of its 权责清单 (`unlisted`)."""

from __future__ import annotations

from collections import defaultdict

from graph.store import Row, Store
from ingest.content import content_terms
from queries import catalog
from queries.cache import cached
from queries.catalog import QueryError
from queries.lookup import (
    UnknownRegion,
    city_of,
    current_region,
    region_now,
    region_successors,
    regions_listed,
    within,
)


def power_split(store: Store, city: str, region: str | None = None) -> dict[str, list[Row]]:
    """The city's cells, conflicts and unlisted holdings (`unlisted_holdings`); with `region` (one of its counties,
    or the city), the matters that region holds and the conflicts over them, between the city and that county
    (`parties`; a county's download held the whole city's, user test), as `cell_holdings` reads its `region`. A
    matter's share is the city's all the same: a county's 县级专有 matters are those its city leaves to the counties.
    Then the counties side by side (`counties_side_by_side`, every county's whatever `region`) and the matters where
    one differs from the others (`county_differences`, the county asked's only)."""
    by_matter = holdings_by_matter(store, city)
    # The holdings are read as the regions are now (a 撤县设区's county under its district): so is the region asked.
    region = region_now(store, region) if region is not None else None
    if region is not None and not within(region, city):
        raise RegionOutsideCity(region, city, sorted({row["region"] for rows in by_matter.values() for row in rows}))
    conflicts: list[Row] = []
    items = power_items(store, city)
    for matter, all_rows in sorted(by_matter.items()):
        if not held_rows(all_rows, region):
            continue
        share = share_of(all_rows, city)
        if share == "county_exclusive":
            for item in items:
                if same_matter(matter, item["item"], item.get("main_item") or ""):
                    conflicts.append({"matter": matter, "kind": "county_exclusive_exercised_by_city",
                                      "department": item["department"], "source": item["source"],
                                      "holders": parties(all_rows, city, region)})
        if share == "shared" and not any(row["text"] for row in all_rows):
            conflicts.append({"matter": matter, "kind": "shared_without_division", "department": "",
                              "source": all_rows[0]["source"], "holders": parties(all_rows, city, region)})
    cells = split_cells(by_matter, city, region)
    # The counties side by side compare every county whichever is asked: a comparison of one is none.
    whole = cells if region is None else split_cells(by_matter, city)
    counties = split_counties(by_matter, city)
    # Who must settle each conflict (涉及部门), as the report names them: the page showed the conflict without them.
    concerned = concerned_departments(store, city, conflicts)
    # What each rests on (出处), as the report cites it: the page and the files cited only the city's power item of
    # a county-only matter, not the split list's row that makes it the county's (user test).
    return {"cells": cells,
            "conflicts": sorted(({**c, "concerned": concerned[c["matter"]], "sources": conflict_sources(store, city, c)}
                                 for c in conflicts),
                                key=lambda c: (c["kind"], c["matter"], c["department"])),
            "unlisted": unlisted_holdings(store, city, region),
            "counties": counties_side_by_side(whole, by_matter, counties),
            "differences": county_differences(whole, by_matter, counties, None if region == city else region)}


def held_rows(rows: list[Row], region: str | None) -> list[Row]:
    """A matter's rows for `region` alone, or all of them."""
    return [row for row in rows if region is None or row["region"] == region]


def split_cells(by_matter: dict[str, list[Row]], city: str, region: str | None = None) -> list[Row]:
    """The cells (domain × share) of a city's split: the matters each holds, and how many each region holds; with
    `region`, the matters that region holds only. A matter's share is the city's whatever `region`."""
    cells: dict[tuple[str, str], Row] = {}
    for matter, all_rows in sorted(by_matter.items()):
        rows = held_rows(all_rows, region)
        if not rows:
            continue
        domain = domain_of(rows)
        share = share_of(all_rows, city)
        cell = cells.setdefault((domain, share), {"domain": domain, "share": share, "matters": 0, "by_region": {},
                                                  "names": []})
        cell["matters"] += 1
        cell["names"].append(matter)
        for row in rows:
            cell["by_region"][row["region"]] = cell["by_region"].get(row["region"], 0) + 1
    for cell in cells.values():  # the city first, then its counties, as every table of the split lists them
        cell["by_region"] = dict(sorted(cell["by_region"].items()))
    return sorted(cells.values(), key=lambda c: (c["domain"], c["share"]))


def split_counties(by_matter: dict[str, list[Row]], city: str) -> list[str]:
    """The counties (districts too) that hold a matter of the city's split, by path."""
    return sorted({row["region"] for rows in by_matter.values() for row in rows} - {city})


def county_holders(rows: list[Row], counties: list[str]) -> set[str]:
    return {row["region"] for row in rows} & set(counties)


def counties_side_by_side(cells: list[Row], by_matter: dict[str, list[Row]], counties: list[str]) -> list[Row]:
    """The city's cells a county holds a matter of, each with every county's count (0 for none): the page showed
    one county at a time, and 河西区's 3 住建 shared matters beside 青山县's 5 were seen only by choosing each in turn
    (user test). `differs`: the counties do not all hold the same matters there; alike counts may hide two
    different matters."""
    side_by_side: list[Row] = []
    for cell in cells:
        by_county = {county: cell["by_region"].get(county, 0) for county in counties}
        if any(by_county.values()):
            side_by_side.append({"domain": cell["domain"], "share": cell["share"], "by_county": by_county,
                                 "differs": any(county_holders(by_matter[matter], counties) != set(counties)
                                                for matter in cell["names"])})
    return side_by_side


def county_differences(cells: list[Row], by_matter: dict[str, list[Row]], counties: list[str],
                       region: str | None) -> list[Row]:
    """The matters one county holds and no other does (`held_alone`), and those every other county holds and one
    lacks (`lacked_alone`), each with the split list's rows it rests on: the differences a leader asks about. Two
    counties differ in a matter once, as the one that holds it. With `region`, that county's only. No rows for a
    city of one county: there is nothing to differ from."""
    if len(counties) < 2:
        return []
    found: list[Row] = []
    for cell in cells:
        for matter in cell["names"]:
            rows = by_matter[matter]
            holders = county_holders(rows, counties)
            if len(holders) == 1:
                (county,), kind, cited = holders, "held_alone", holders
            elif len(holders) == len(counties) - 1:
                (county,), kind, cited = set(counties) - holders, "lacked_alone", holders
            else:
                continue
            if region is None or county == region:
                found.append({"region": county, "kind": kind, "domain": cell["domain"], "share": cell["share"],
                              "matter": matter,
                              "sources": sorted({row["source"] for row in rows if row["region"] in cited})})
    return sorted(found, key=lambda row: (row["region"], row["kind"], row["domain"], row["matter"]))


def parties(rows: list[Row], city: str, region: str | None) -> list[str]:
    """The regions a conflict over a matter held by `rows` lies between: every holder, or, for one county's part of
    the split, the city and that county. Its division with the city is the county's alone to settle: its table named
    河西区's departments beside its own (user test)."""
    holders = sorted(row["region"] for row in rows)
    return holders if region in (None, city) else [path for path in holders if path in (city, region)]


def split_city(store: Store, region: str | None) -> str:
    """The city whose split a county asks of when it names itself alone (`--param region=青山县`: user test, a
    county's 编办 was told the query needs a city)."""
    city = city_of(store, region)
    if city is None:
        raise QueryError("query power_split needs city (示例市), or a region that lies in a city",
                         "查询 power_split 缺少参数 city（如 示例市），或给出所在市的区划 region（如 青山县）")
    return city


def unlisted_holdings(store: Store, city: str, region: str | None = None) -> list[Row]:
    """The matters a county holds (alone, shared with the city, or as the city's agent) that the county department
    doing the work lists no power item for, though its 权责清单 is loaded: the split gives the county the power and
    no one's list says who exercises it there (user test: a 县级专有 matter with no county 权责事项 went unflagged).
    A department whose list is not loaded lists nothing, which says nothing: it is left out, as is a matter whose
    region has no department of its domain. With `region`, that region's rows only."""
    by_matter = holdings_by_matter(store, city)
    holders: dict[str, Holders] = {}
    found: list[Row] = []
    for matter, rows in sorted(by_matter.items()):
        domain = domain_of(rows)
        of_domain = holders.setdefault(domain, Holders(store, domain))
        for row in rows:
            if row["region"] == city or (region is not None and row["region"] != region):
                continue
            holder = of_domain.of(matter, row["region"])
            listed = of_domain.listed(holder["department"], row["region"])
            if holder["department_basis"] == "domain" and listed:
                found.append({"matter": matter, "share": share_of(rows, city), "region": row["region"],
                              "department": holder["department"], "listed_items": listed, "source": row["source"]})
    return sorted(found, key=lambda r: (r["region"], r["department"], r["matter"]))


def holdings_by_matter(store: Store, city: str) -> dict[str, list[Row]]:
    """The city's HOLDS rows (the `holdings` query), a list per matter: read once per graph version, as the report
    asks for them twice (the split, then the departments its conflicts concern) and the page once per cell clicked.
    Callers only read it."""
    def read() -> dict[str, list[Row]]:
        by_matter: dict[str, list[Row]] = defaultdict(list)
        successors = region_successors(store)
        held: set[tuple[str, str]] = set()
        # A county renamed a district (撤县设区) holds as the district, once: a 全部 row reached both, counting the
        # district a second county (user test). The district's own row comes first, where both have one.
        rows = catalog.run(store, "holdings", {"city": city})
        for row in sorted(rows, key=lambda row: current_region(row["region"], successors) != row["region"]):
            current = {**row, "region": current_region(row["region"], successors)}
            if (row["matter"], current["region"]) not in held:
                held.add((row["matter"], current["region"]))
                by_matter[row["matter"]].append(current)
        return dict(by_matter)

    return cached(store, ("holdings_by_matter", city), read)


def conflict_sources(store: Store, city: str, conflict: Row) -> list[str]:
    """What a conflict rests on: the split list's rows of its matter for the regions it lies between, then the power
    list's row of the item a city department exercises (the conflict's own `source`, where it is not one of those)."""
    listed = [row["source"] for row in holdings_by_matter(store, city)[conflict["matter"]]
              if row["region"] in conflict["holders"]]
    return list(dict.fromkeys([*sorted(set(listed)), conflict["source"]]))


def domain_of(rows: list[Row]) -> str:
    """A matter's 领域 as the cells name it: 未分类 where its list gives none."""
    return rows[0]["domain"] or "未分类"


def share_of(rows: list[Row], city: str) -> str:
    shares = {(row["region"] == city, row["share"]) for row in rows}
    if any(share == "delegated" for _is_city, share in shares):
        return "delegated"
    if any(share == "shared" for _is_city, share in shares):
        return "shared"
    return "city_exclusive" if all(is_city for is_city, _share in shares) else "county_exclusive"


def same_matter(matter: str, item: str, main_item: str, item_terms: set[str] | None = None) -> bool:
    """`item_terms`: the item's content terms, where the caller read them once for many matters (a complaint's
    text tried against every matter of a split)."""
    if matter in {item, main_item}:
        return True
    terms = set(content_terms(matter))
    return bool(terms) and terms <= (set(content_terms(item)) if item_terms is None else item_terms)


def power_items(store: Store, region: str) -> list[Row]:
    """The power items of a region's departments and of the regions below it (the `city_power_items` query), read
    once per graph version: the split's conflicts, `Holders` and a complaint's split route all ask. Callers only
    read it."""
    return cached(store, ("city_power_items", region),
                  lambda: catalog.run(store, "city_power_items", {"city": region}))


def _department_names(store: Store, region: str) -> list[str]:
    """The names of the departments of `region` itself, read once per graph version. Names alone: the departments'
    finish (their 编制 after the notices) is not needed here."""
    def read() -> list[str]:
        return [d["department"] for d in catalog.run(store, "departments", {"region": region}, finished=False)
                if d["region"] == region]

    return cached(store, ("department_names", region), read)


def cell_holdings(store: Store, city: str, domain: str, share: str, region: str = "") -> list[Row]:
    """Who holds each matter of one cell (domain × share) of a city's split: a row per matter and holding region,
    with the list row that says so (`source`) and the region's department that does the work. With `region`, only
    the matters that region holds, and only its rows: asked which matters 青山县 holds alone, the page listed
    河西区's as well and named no holder (user test)."""
    by_matter = holdings_by_matter(store, city)
    domains = sorted({domain_of(rows) for rows in by_matter.values()})
    if domain not in domains:  # a typo is said, not answered as a cell without matters
        raise UnknownDomain(domain, city, domains)
    found: list[Row] = []
    holders = Holders(store, domain)
    for matter, rows in sorted(by_matter.items()):
        if domain_of(rows) != domain or share_of(rows, city) != share:
            continue
        for row in rows:
            if not region or row["region"] == region:
                found.append({"matter": matter, "region": row["region"], "level": row["level"], "share": row["share"],
                              "role": row["role"], "text": row["text"], "source": row["source"],
                              **holders.of(matter, row["region"])})
    return found


def department_holdings(store: Store, city: str, department: str) -> list[Row]:
    """The matters of a city's split whose work `department` does in a region that holds them (`Holders`), a row
    per matter and region: a department's report showed the whole city's split, every domain's counts, as if they
    were its own (user test)."""
    found: list[Row] = []
    holders: dict[str, Holders] = {}
    for matter, rows in sorted(holdings_by_matter(store, city).items()):
        domain = domain_of(rows)
        of_domain = holders.setdefault(domain, Holders(store, domain))
        for row in rows:
            holder = of_domain.of(matter, row["region"])
            if holder["department"] == department:
                found.append({"domain": domain, "share": share_of(rows, city), "matter": matter,
                              "region": row["region"], "department_basis": holder["department_basis"],
                              "source": row["source"]})
    return found


def concerned_departments(store: Store, city: str, conflicts: list[Row]) -> dict[str, list[str]]:
    """Each conflict's matter → the departments it concerns: the one a conflict names, and in each holding region
    the department doing the matter's work (`Holders`). A county department's report shows the conflicts on its
    own matters; a shared matter without a division names no department of its own (user test)."""
    domains = {matter: domain_of(rows) for matter, rows in holdings_by_matter(store, city).items()}
    holders: dict[str, Holders] = {}
    concerned: dict[str, set[str]] = defaultdict(set)
    for conflict in conflicts:
        matter = conflict["matter"]
        domain = domains[matter]
        of_domain = holders.setdefault(domain, Holders(store, domain))
        found = {of_domain.of(matter, region)["department"] for region in conflict["holders"]}
        concerned[matter] |= {name for name in (*found, conflict["department"]) if name}
    return {matter: sorted(names) for matter, names in concerned.items()}


class RegionOutsideCity(UnknownRegion):
    """A region asked of a city's split that is neither the city nor one of its counties."""

    def __init__(self, region: str, city: str, regions: list[str]) -> None:
        super().__init__(region, regions, "区划")
        self.args = (f"{region!r} is not in {city}; its split holds: {regions_listed(regions)[0]}",)
        self.city = city

    @property
    def zh(self) -> str:
        return f"“{self.path}”不在{self.city}；其事权划分涉及：{regions_listed(self.known)[1]}"


class UnknownDomain(LookupError):
    """A 领域 that none of a city's split matters has; `known` lists those it has."""

    def __init__(self, domain: str, city: str, known: list[str]) -> None:
        super().__init__(f"no domain {domain!r} in the split of {city}; it has: {', '.join(known) or 'none'}")
        self.zh = f"{city}的市县事权划分中没有领域“{domain}”；已有：{'、'.join(known) or '（无）'}"


class Holders:
    """The department of a region that does a matter's work. Best, the one exercising a power item of that name
    (the conflicts' own test, `same_matter`); failing that, the region's one department whose name shares a word
    with the domain (交通运输 → 青山县交通运输局), marked as inferred; else none, said as such."""

    def __init__(self, store: Store, domain: str) -> None:
        self.store = store
        self.domain_terms = set(content_terms(domain))
        self.items: dict[str, list[Row]] = {}
        self.departments: dict[str, list[str]] = {}

    def _items_of(self, region: str) -> list[Row]:
        if region not in self.items:  # the conflicts' query, asked of each holding region in turn
            self.items[region] = power_items(self.store, region)
        return self.items[region]

    def listed(self, department: str, region: str) -> int:
        """How many power items `department` of `region` exercises: none where its 权责清单 is not loaded."""
        return sum(item["department"] == department for item in self._items_of(region))

    def of(self, matter: str, region: str) -> Row:
        for item in self._items_of(region):
            if same_matter(matter, item["item"], item.get("main_item") or ""):
                return {"department": item["department"], "department_basis": "power_item",
                        "item": item["item"], "item_source": item["source"]}
        if region not in self.departments:
            self.departments[region] = _department_names(self.store, region)
        named = [d for d in self.departments[region] if self.domain_terms & set(content_terms(d))]
        if len(named) == 1:
            return {"department": named[0], "department_basis": "domain", "item": "", "item_source": ""}
        return {"department": "", "department_basis": "", "item": "", "item_source": ""}
