"""Two or more cities' 市县事权划分 side by side (a province 编办 comparing cities, user test: the report gave each
city's split apart, and which matter one city keeps that another hands its counties was read off two tables): each
matter two cities' split lists name, one wording or another (`same_matter_key`), with each city's 划分方式, those
divided differently first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from graph.store import Row, Store
from queries.labels import SHARE_LABELS
from queries.matter_names import same_matter_key
from queries.power_split import holdings_by_matter, share_of


def split_compared(store: Store, cities: Sequence[str], names: Mapping[str, str]) -> list[Row]:
    """`cities`: region paths; `names`: a region's name as people read it (`report.region_names`). No rows unless
    two cities' lists name a matter."""
    shares: dict[str, dict[str, str]] = defaultdict(dict)  # a matter's key → city → its share there
    first: dict[str, tuple[str, str]] = {}  # a matter's key → its name and domain, as the first city's list has them
    for city in sorted(cities):
        for matter, rows in sorted(holdings_by_matter(store, city).items()):
            key = same_matter_key(matter)
            shares[key][city] = share_of(rows, city)
            first.setdefault(key, (matter, rows[0]["domain"] or "未分类"))
    compared = [{"matter": first[key][0], "domain": first[key][1],
                 "city_shares": "；".join(f"{names.get(city, city)} {SHARE_LABELS[share]}"
                                         for city, share in by_city.items()),
                 "split_differs": len(set(by_city.values())) > 1}
                for key, by_city in shares.items() if len(by_city) > 1]
    return sorted(compared, key=lambda row: (not row["split_differs"], row["domain"], row["matter"]))
