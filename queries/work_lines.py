"""Departments of several places (cities, or counties) grouped by the line of work they do, as a county department
mirrors its city's (`ingest.counterparts.mirrored`: its own name, else its abbreviation group's names that share its
line of work), each place's set read against each other's: 各市部门设置对照 compares the cities' lines, staffing_load
scores a county bureau against the bureaus of its line in every county of the cities read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ingest.counterparts import mirrored

Member = tuple[str, str]  # (place, department base name)


@dataclass(frozen=True)
class WorkLines:
    lines: list[list[Member]]  # each line's members sorted, the lines by their first member
    merging: frozenset[Member]  # a department that mirrors several of one other place's (one merged what it splits)


def work_lines(bases: Mapping[str, Sequence[str]]) -> WorkLines:
    """The lines of work of `bases` (place → its departments' base names): two departments of two places are of one
    line where either mirrors the other, and so on through the others."""
    places = sorted(bases)
    parent: dict[Member, Member] = {(place, base): (place, base) for place in places for base in bases[place]}
    merging: set[Member] = set()
    for place in places:
        for other in places:
            if other == place:
                continue
            for base in bases[place]:
                found = mirrored(base, bases[other])
                if len(found) > 1:
                    merging.add((place, base))
                for theirs in found:
                    _union(parent, (place, base), (other, theirs))
    lines: dict[Member, list[Member]] = defaultdict(list)
    for member in sorted(parent):
        lines[_root(parent, member)].append(member)
    return WorkLines(list(lines.values()), frozenset(merging))


def _root(parent: dict[Member, Member], member: Member) -> Member:
    while parent[member] != member:
        member = parent[member]
    return member


def _union(parent: dict[Member, Member], one: Member, other: Member) -> None:
    first, second = sorted((_root(parent, one), _root(parent, other)))
    parent[second] = first
