"""A 县级市 a list or a 三定 says it is: `明光市（县级市）`, `明光市由滁州市代管`. A name alone cannot tell a county-level city
from a prefecture-level one (明光市 and 滁州市 both end 市; the examples' invented 示例市 is a prefecture's), so a
…市 at the graph's top is read as a city unless `--region 滁州市/明光市` or the document itself says otherwise. Read
as a city, 明光市 got the report's three 市县事权划分 sections of a city (user test: 明南街道's list)."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from ingest.regions import Region, prefecture_cities

# What follows a 县级市's name where a government's page says what it is: `X市（县级市）`, `X市为县级市`, `X市由Y市代管`,
# and a 区划调整 notice's `将X市交由Y市代管`.
_STATED = r"(?:[（(]县级市[）)]|[为是系属]?(?:交?由?(?:[^市，。；、\s]{1,4}?(?:省|自治区))?(?P<city>[^市，。；、\s由]{1,6}市)代管|县级市))"


@dataclass(frozen=True)
class CountyCity:
    """A 县级市 a document names, the city that administers it ('' when it does not say), and its line."""

    name: str
    city: str
    line: int
    # A 区划调整 notice's item that states it (`二、`, `line 4`, `title`: ingest.amendment.item_of), its citation.
    locator: str = ""


def stated_county_city(name: str, lines: Iterable[tuple[int, str]]) -> CountyCity | None:
    """What the (line number, text) pairs say of `name` (a region's, 明光市) being a 县级市: the first statement
    that names its city, else the first that says it is one; None when none does."""
    pattern = re.compile(re.escape(name) + _STATED)
    found: CountyCity | None = None
    for number, text in lines:
        for match in pattern.finditer(text):
            if match.group("city") and match.group("city") != name:
                return CountyCity(name, match.group("city"), number)
            found = found or CountyCity(name, "", number)
    return found


# A 区划调整 notice names the 县级市 itself (将青松市交由北湖市代管): a name before the statement.
# A province written before it (东海省青松市由北湖市代管) is no part of its name.
_NOTICE = re.compile(r"(?:(?<=将)|(?<=同意)|(?<=决定)|(?<=关于)|(?<=[，。；\s省])|(?<=自治区)|^)(?!关于|同意|决定|将)"
                     r"(?P<name>[^市省，。；、\s由]{1,6}市)" + _STATED)


def administered(county: CountyCity, home: Region, known: Collection[Region] = ()) -> Region:
    """`home` (a region at the graph's top named by the 县级市, or below it) under the city that administers it: the
    graph's one city of that name (东海省/北湖市 under a province), else that city at the top."""
    cities = [region for region in known if region.names[-1] == county.city and region.level == "city"]
    city = cities[0] if len(cities) == 1 else Region((county.city,))
    return Region((*city.names, *home.names))


def administered_regions(counties: Sequence[CountyCity], known: Collection[Region]) -> list[Region]:
    """Each 县级市 a 区划调整 notice puts under a city, as the region it is there (北湖市/青松市)."""
    return [administered(county, Region((county.name,)), known) for county in counties]


def held_as_cities(counties: Sequence[CountyCity], known: Collection[Region]) -> list[str]:
    """The 县级市 the graph holds at its top, as cities: their documents were loaded before the notice said where
    they lie, and are not moved by it."""
    return [county.name for county in counties if Region((county.name,)) in known]


def notice_county_cities(lines: Iterable[tuple[int, str]]) -> list[CountyCity]:
    """The 县级市 a 区划调整 notice puts under a city (青松市由北湖市代管), each once (its first line), by name; a
    statement naming no city (为县级市) is no placing."""
    found: dict[str, CountyCity] = {}
    for number, text in lines:
        for match in _NOTICE.finditer(text):
            county = CountyCity(match.group("name"), match.group("city") or "", number)
            if county.city and county.city != county.name:
                found.setdefault(county.name, county)
    return [found[name] for name in sorted(found)]


def county_city_of(top: str, lines: Iterable[tuple[int, str]]) -> CountyCity | None:
    """What a document whose region's top is `top` says of it being a 县级市 (`stated_county_city`); a
    prefecture-level city is none, and its rows need no reading (a list of thousands of rows, loaded without
    --region)."""
    return stated_county_city(top, lines) if top.endswith("市") and top not in prefecture_cities() else None


def placed_as_county(home: Region, lines: Iterable[tuple[int, str]], known: Collection[Region] = ()
                     ) -> tuple[Region, str | None]:
    """`home` under the city that administers its top where the document names that city (the graph's one city of
    that name, as `administered` reads it), and a warning where it says its top is a 县级市 without naming its city
    (which cannot be guessed: the user must give it)."""
    county = county_city_of(home.names[0], lines)
    if county is None:
        return home, None
    if county.city:
        return administered(county, home, known), None
    return home, (f"{county.line}: {county.name} is a 县级市, but the document does not say which city "
                  f"administers it: loaded at the top as a city; give --region 某市/{county.name} to load it as a "
                  f"county; 第{county.line}行写明{county.name}为县级市，但未写明由哪个市代管，已作为市载入："
                  f"请在区划中写明所属的市（如 某市/{county.name}）后重新载入")
