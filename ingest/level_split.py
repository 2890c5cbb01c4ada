"""A 权责清单's 行使层级 column (市 / 县 / 市、县) read as the city's 市县 split, as a 市县事权划分清单's own column is:
a city's list that says which level exercises each item divides its matters between the city and its counties, and
`power_split` read none of it (user test on a real 档案 list: 对执行档案法等有关管理规定的检查, 市、县)."""

from __future__ import annotations

from ingest.levels import CITY, COUNTY, named_levels, share_of
from ingest.model import PowerItemRecord, SplitRecord


def level_splits(records: list[PowerItemRecord]) -> list[SplitRecord]:
    """One split row per 主项, in listing order: held by the levels its rows name (市 alone: 市级专有; 县 alone: 县级专有;
    both: 市县共有). A 主项 whose 子项 go to different levels (对市属… 市, 对县属… 县) is divided by them: each level's
    text is its 子项; one exercised by both levels alike has no division of work written, as `power_split` says."""
    groups: dict[str, list[tuple[PowerItemRecord, frozenset[str]]]] = {}
    for record in records:
        # A row naming no level of a city's (省级, 乡镇, an empty cell) is left out of the split, not refused: the
        # list is a 权责清单 first, and its item is loaded all the same.
        if levels := named_levels(record.levels):
            groups.setdefault(record.main_item, []).append((record, levels))
    splits = []
    for main, rows in groups.items():
        city = [record.sub_item for record, levels in rows if CITY in levels]
        county = [record.sub_item for record, levels in rows if COUNTY in levels]
        share = share_of({level for _record, levels in rows for level in levels})
        assert share is not None  # every row grouped names a level
        divided = share == "shared" and city != county and all(city + county)
        first = rows[0][0]
        splits.append(SplitRecord(main, "", share, [], "；".join(city) if divided else "",
                                  "；".join(county) if divided else "", first.basis, first.where))
    return splits
