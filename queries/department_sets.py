"""Cities' sets of departments side by side (各市部门设置对照, a province 编办 comparing cities, user test: which
department one city has and another lacks, and where one city merged what another keeps apart, was read off each
city's list of departments by eye): each city's own departments grouped by the line of work they mirror, as a county
department mirrors its city's (`ingest.counterparts.mirrored`: its own name, else its abbreviation group's names that
share its line of work), and the lines two cities set up differently."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from graph.store import Row, Store
from queries.labels import DEPARTMENT_SET_LABELS
from queries.lookup import place_name
from queries.work_lines import Member, work_lines


def compared(_store: Store, rows: list[Row], _params: dict[str, Any]) -> list[Row]:
    """The `city_departments` query's finish: `rows` (city, base) each city's own departments, a row a line of work
    two cities set up differently. No rows with fewer than two cities."""
    bases: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        bases[row["city"]].append(row["base"])
    cities = sorted(bases)
    if len(cities) < 2:
        return []
    found = work_lines(bases)
    out = [row for members in found.lines if (row := _line(members, cities, found.merging)) is not None]
    order = list(DEPARTMENT_SET_LABELS)
    return sorted(out, key=lambda row: (order.index(row["finding"]), row["work"]))


def _line(members: Sequence[Member], cities: Sequence[str], merging: frozenset[Member]) -> Row | None:
    """One line of work's row, None where every city sets it up alike (one department each, of one name)."""
    by_city: dict[str, list[str]] = defaultdict(list)
    for city, base in members:
        by_city[city].append(base)
    lacking = [city for city in cities if city not in by_city]
    merged_in = sorted({city for city, base in members if (city, base) in merging})
    names = {base for _city, base in members}
    # The first that holds: one city's department mirrors several of another's; a city has none of the line; each has
    # one, named otherwise (城市管理局 and 城市管理和综合执法局).
    finding = "merged" if merged_in else "lacking" if lacking else "named_otherwise" if len(names) > 1 else None
    if finding is None:
        return None
    return {"work": max(sorted(names), key=len),  # the longest name says the most of the line's work
            "city_departments": "；".join(f"{place_name(city)}：{'、'.join(sorted(found))}"
                                         for city, found in sorted(by_city.items())),
            "finding": finding, "finding_label": DEPARTMENT_SET_LABELS[finding],
            "lacking": "、".join(map(place_name, lacking)), "merged_in": "、".join(map(place_name, merged_in))}
