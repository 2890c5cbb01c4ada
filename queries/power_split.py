"""power_split: how a city and its counties hold matters (市县事权划分), per domain and share, and the
conflicts: a county-exclusive matter that a city department still exercises as its own power item, and
a shared matter whose list says nothing of how the work is divided."""

from __future__ import annotations

from collections import defaultdict

from graph.store import Row, Store
from ingest.content import content_terms
from queries import catalog

SHARE_LABELS = {"exclusive": "专有", "shared": "共有", "delegated": "委托"}


def power_split(store: Store, city: str) -> dict[str, list[Row]]:
    holdings = catalog.run(store, "holdings", {"city": city})
    by_matter: dict[str, list[Row]] = defaultdict(list)
    for row in holdings:
        by_matter[row["matter"]].append(row)
    cells: dict[tuple[str, str], Row] = {}
    conflicts: list[Row] = []
    items = catalog.run(store, "city_power_items", {"city": city})
    for matter, rows in sorted(by_matter.items()):
        share = _share_of(rows, city)
        domain = rows[0]["domain"] or "未分类"
        cell = cells.setdefault((domain, share), {"domain": domain, "share": share, "matters": 0, "by_region": {},
                                                  "names": []})
        cell["matters"] += 1
        cell["names"].append(matter)
        for row in rows:
            cell["by_region"][row["region"]] = cell["by_region"].get(row["region"], 0) + 1
        if share == "county_exclusive":
            for item in items:
                if _same_matter(matter, item["item"], item.get("main_item") or ""):
                    conflicts.append({"matter": matter, "kind": "county_exclusive_exercised_by_city",
                                      "department": item["department"], "source": item["source"],
                                      "holders": sorted(r["region"] for r in rows)})
        if share == "shared" and not any(row["text"] for row in rows):
            conflicts.append({"matter": matter, "kind": "shared_without_division", "department": "",
                              "source": rows[0]["source"], "holders": sorted(r["region"] for r in rows)})
    return {"cells": sorted(cells.values(), key=lambda c: (c["domain"], c["share"])),
            "conflicts": sorted(conflicts, key=lambda c: (c["kind"], c["matter"], c["department"]))}


def _share_of(rows: list[Row], city: str) -> str:
    shares = {(row["region"] == city, row["share"]) for row in rows}
    if any(share == "delegated" for _is_city, share in shares):
        return "delegated"
    if any(share == "shared" for _is_city, share in shares):
        return "shared"
    return "city_exclusive" if all(is_city for is_city, _share in shares) else "county_exclusive"


def _same_matter(matter: str, item: str, main_item: str) -> bool:
    if matter in {item, main_item}:
        return True
    terms = set(content_terms(matter))
    return bool(terms) and terms <= set(content_terms(item))
