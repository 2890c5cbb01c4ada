"""A 权责清单's 行使层级 column (市 / 县 / 市、县) read as the city's 市县 split, as a 市县事权划分清单's own column is:
a city's list that says which level exercises each item divides its matters between the city and its counties, and
`power_split` read none of it (user test on a real 档案 list: 对执行档案法等有关管理规定的检查, 市、县)."""

from __future__ import annotations

import re

from ingest.model import PowerItemRecord, SplitRecord

# A 行使层级 cell's parts (split_names cut 市、县 in two), as the level they name.
_CITY_LEVELS = {"市", "市级", "市本级"}
_COUNTY_LEVELS = {"县", "县级", "区", "区级", "县(区)", "县(市、区)", "县(区、市)", "县区"}
_BOTH_LEVELS = {"市县", "市县共有", "市、县", "市县两级"}


def _levels(record: PowerItemRecord) -> set[str]:
    """{'city', 'county'}, either or both; empty for a cell naming neither (省级, 乡镇, an empty cell)."""
    found: set[str] = set()
    for part in record.levels:
        level = re.sub(r"\s+", "", part).replace("（", "(").replace("）", ")")
        if level in _CITY_LEVELS or level in _BOTH_LEVELS:
            found.add("city")
        if level in _COUNTY_LEVELS or level in _BOTH_LEVELS:
            found.add("county")
    return found


def level_splits(records: list[PowerItemRecord]) -> list[SplitRecord]:
    """One split row per 主项, in listing order: held by the levels its rows name (市 alone: 市级专有; 县 alone: 县级专有;
    both: 市县共有). A 主项 whose 子项 go to different levels (对市属… 市, 对县属… 县) is divided by them: each level's
    text is its 子项; one exercised by both levels alike has no division of work written, as `power_split` says."""
    groups: dict[str, list[tuple[PowerItemRecord, set[str]]]] = {}
    for record in records:
        if levels := _levels(record):
            groups.setdefault(record.main_item, []).append((record, levels))
    splits = []
    for main, rows in groups.items():
        city = [record.sub_item for record, levels in rows if "city" in levels]
        county = [record.sub_item for record, levels in rows if "county" in levels]
        share = "shared" if city and county else "exclusive_city" if city else "exclusive_county"
        divided = share == "shared" and city != county and all(city + county)
        first = rows[0][0]
        splits.append(SplitRecord(main, "", share, [], "；".join(city) if divided else "",
                                  "；".join(county) if divided else "", first.basis, first.where))
    return splits
