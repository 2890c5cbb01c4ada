"""Which city departments a county department mirrors (上下对口, COUNTERPART): those of its own base name, else those
of its abbreviation group (市城市管理和综合执法局 for a 县城市管理局) whose names share a line of work with its own.

One city merges work another splits: 南屿市 has a 文化广电和旅游局 and a 体育局 where its 石桥县 has one
文化广电旅游体育局, which mirrors both (user test of two cities: it mirrored the 体育局 alone, so its culture and tourism
duties read as 县级独有); a county's 体育局 mirrors the city's 体育局, not the city's 文化和旅游局 of the same group."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from ingest.names import abbreviation_groups
from ingest.similarity import holder_line


def mirrored(county_base: str, city_bases: Sequence[str]) -> list[str]:
    """The base names among `city_bases` (one city's departments) that a county department of `county_base`
    mirrors, sorted."""
    same = [base for base in city_bases if base == county_base]
    if same:
        return same
    group_of = {name: group[0] for group in abbreviation_groups() for name in group}
    group = _group(county_base, group_of)
    if group is None:
        return []
    grouped = sorted(base for base in set(city_bases) if _group(base, group_of) == group)
    line = holder_line(county_base)
    sharing = [base for base in grouped if holder_line(base) & line]
    # A name that shares no word with any of them (文旅局 beside 文化广电和旅游局 and 体育局) cannot tell them apart.
    return sharing or grouped


def counterpart_pairs(rows: Iterable[dict[str, str]]) -> list[tuple[str, str]]:
    """(county uid, city uid) pairs from rows of one city department (`city`, `city_base`) beside one of its
    counties' departments (`county`, `county_base`), every such pair of the graph."""
    cities: dict[str, dict[str, str]] = defaultdict(dict)  # county department uid → city base name → city uid
    bases: dict[str, str] = {}
    for row in rows:
        cities[row["county"]][row["city_base"]] = row["city"]
        bases[row["county"]] = row["county_base"]
    return sorted((county, by_base[base]) for county, by_base in cities.items()
                  for base in mirrored(bases[county], sorted(by_base)))


def _group(base: str, group_of: dict[str, str]) -> str | None:
    """The abbreviation group of a base name, one that keeps 广电 in its name (文化广电和旅游局) read without it: the
    line of work is the same (广播电视 joined 文旅 in the 2018 reform), but the name table leaves it out, since a
    name resolved through it would make a notice's 文化广电和旅游局 a county's 文化和旅游局 (the removal of the
    rename that made it a body of its own must give back the graph without it)."""
    return group_of.get(base) or group_of.get(base.replace("广电", ""))
