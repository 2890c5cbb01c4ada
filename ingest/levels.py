"""The levels a 行使层级 cell names, and the 市县 share they make: one reading for a 市县事权划分清单's 行使层级
column (`lists._split`) and a city 权责清单's (`level_split`), so that a spelling one list writes (市级, 市、区,
县(市、区)) is read alike by both."""

from __future__ import annotations

import re
from collections.abc import Iterable, Set

CITY = "city"
COUNTY = "county"

# A cell's parts (split_names cuts 市、县 or 市,县 in two), as the levels each names; a part ending in 级 is also
# read without it (市级, 县(区)级), as a 行使层级 group's tick columns are (tables._LEVEL_WORD).
_LEVELS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("市", "市本级"), frozenset({CITY})),
    **dict.fromkeys(("县", "区", "县区", "区县", "县(区)", "县(市)", "县(市、区)", "县(区、市)"), frozenset({COUNTY})),
    **dict.fromkeys(("市县", "市县共有", "市县两级"), frozenset({CITY, COUNTY})),
}


def fold_level(text: str) -> str:
    """A level or share cell as its table spells it: a list may space its words or write full-width brackets."""
    return re.sub(r"\s+", "", text).replace("（", "(").replace("）", ")")


def named_levels(parts: Iterable[str]) -> frozenset[str]:
    """{CITY, COUNTY}, either or both, as a cell's parts name them; empty when none does (省级, 乡镇, an empty cell):
    a part naming no level of a city's (乡镇 in 市、乡镇) adds nothing."""
    found: set[str] = set()
    for part in parts:
        level = fold_level(part)
        found |= _LEVELS.get(level) or _LEVELS.get(level.removesuffix("级"), frozenset())
    return frozenset(found)


def share_of(levels: Set[str]) -> str | None:
    """The 市县 share of the levels a matter is exercised at: both shared, one alone exclusive; None for neither."""
    if CITY in levels and COUNTY in levels:
        return "shared"
    if CITY in levels:
        return "exclusive_city"
    return "exclusive_county" if COUNTY in levels else None


def level_share(parts: Iterable[str]) -> str | None:
    """The share a 行使层级 cell's parts give (`市`, `县(区)` → shared); None when no part names a level."""
    return share_of(named_levels(parts))
