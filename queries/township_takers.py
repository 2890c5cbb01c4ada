"""Which townships cannot take on what their county gave them (乡镇赋权): a 赋权清单's 承接主体,
各乡镇人民政府（综合行政执法办公室）, is every township of the county, each through the office its brackets name. A
township whose 三定 sets up no such office has no one to exercise the items: a finding on each item, under the
township's government, listing them all (one finding a township, not one an item: what the township lacks is
one office). A township whose 三定 is not loaded is not judged (its offices are unknown); a 承接主体
naming no office is the government itself.
"""

from __future__ import annotations

import re

from graph.store import Row, Store
from ingest.names import TERRITORIAL_KIND, TOWNSHIP_KIND, plates_in
from queries.cache import cached

# The townships' governments of a county, with the names of their offices (each office's other names too) and
# whether their 三定 is loaded. One merged into another (乡镇合并) or made a 街道 (SUCCEEDED_BY) is no township now:
# its successor takes on what was given, and the text naming it names the successor (`county_townships`).
_TOWNSHIPS = """
MATCH (d:Department)
WHERE d.kind = $township_kind AND d.region STARTS WITH ($county + '/')
OPTIONAL MATCH (d)-[:HAS_OFFICE]->(o:Office)
WITH d, collect(o.name) AS offices, collect(coalesce(o.aliases, [])) AS aliases
RETURN d.name AS township, d.uid AS uid, d.region AS region, coalesce(d.sanding_issued, '') <> '' AS sanding,
       offices, aliases, [(d)-[:SUCCEEDED_BY]->(s:Department) | s.uid] AS successors
ORDER BY region, uid
"""
# 综合行政执法办公室, 综合行政执法队 and 综合执法中心 are one line of work: what is left when the kind of unit goes.
_UNIT = re.compile(r"(?:办公室|大队|中队|队|中心|所|站|办)$")


def county_townships(store: Store, county: str) -> list[Row]:
    """The township governments of `county` today (none SUCCEEDED_BY another), by region then uid, read once per graph
    version: `township` (the government's name), `uid`, `region`, `sanding` (whether its 三定 is loaded), `offices`,
    `aliases` (each office's other names) and `names`, what a text may call it: its own region's last part and name,
    and those of every township merged into it or made it (乡镇合并, 镇改街道; 石桥镇 takes on what 桃源乡 took).
    One reader for township_given's named township and `without_takers`: they cannot disagree on who is a township."""
    def read() -> list[Row]:
        rows = store.read(_TOWNSHIPS, {"county": county, "township_kind": TOWNSHIP_KIND})
        successor = {row["uid"]: min(row["successors"]) for row in rows if row["successors"]}
        names: dict[str, set[str]] = {row["uid"]: set() for row in rows}
        for row in rows:
            uid, seen = row["uid"], set()
            # The chain's end, a township today (one merged into a town later made a 街道 is the 街道's); a successor
            # that is no township of the county (or a cycle) leaves the name to no one.
            while uid in successor and uid not in seen:
                seen.add(uid)
                uid = successor[uid]
            if uid in names and uid not in successor:
                names[uid].update((row["region"].rsplit("/", 1)[-1], row["township"]))
        return [{**{key: row[key] for key in ("township", "uid", "region", "sanding", "offices", "aliases")},
                 "names": sorted(names[row["uid"]])} for row in rows if not row["successors"]]
    return cached(store, ("county_townships", county), read, whole_graph=True)


def _work(office: str) -> str:
    return _UNIT.sub("", office).replace("行政", "")


def without_takers(store: Store, rows: list[Row]) -> list[tuple[Row, str, list[Row]]]:
    """(township, office it lacks, the item rows given through that office) for each township of a county whose 三定
    has no office of the line of work a 承接主体's brackets name, the items in `rows`' order; by township, then 承接主体
    (each item's `department`)."""
    found: dict[tuple[str, str, str], tuple[Row, str, list[Row]]] = {}
    for row in rows:
        if row["holder_kind"] != TERRITORIAL_KIND:
            continue
        for office in plates_in(row["department"]):
            for township in county_townships(store, row["region"]):
                if not township["sanding"]:
                    continue
                names = [*township["offices"], *(alias for aliases in township["aliases"] for alias in aliases)]
                if _work(office) not in {_work(name) for name in names}:
                    key = (township["uid"], row["department"], office)
                    found.setdefault(key, (township, office, []))[2].append(row)
    return [found[key] for key in sorted(found)]
