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

# The townships' governments whose 三定 is loaded, with the names of their offices (each office's other names too).
# One merged into another (乡镇合并) or made a 街道 is no township now: its successor takes on what was given.
_TOWNSHIPS = """
MATCH (d:Department)
WHERE d.kind = $township_kind AND d.region STARTS WITH ($county + '/') AND coalesce(d.sanding_issued, '') <> ''
  AND NOT (d)-[:SUCCEEDED_BY]->()
OPTIONAL MATCH (d)-[:HAS_OFFICE]->(o:Office)
RETURN d.name AS township, d.uid AS uid, d.region AS region,
       collect(o.name) AS offices, collect(coalesce(o.aliases, [])) AS aliases
ORDER BY region, uid
"""
# 综合行政执法办公室, 综合行政执法队 and 综合执法中心 are one line of work: what is left when the kind of unit goes.
_UNIT = re.compile(r"(?:办公室|大队|中队|队|中心|所|站|办)$")


def _work(office: str) -> str:
    return _UNIT.sub("", office).replace("行政", "")


def without_takers(store: Store, rows: list[Row]) -> list[tuple[Row, str, list[Row]]]:
    """(township, office it lacks, the item rows given through that office) for each township of a county whose 三定
    has no office of the line of work a 承接主体's brackets name, the items in `rows`' order; by township, then 承接主体
    (each item's `department`)."""
    found: dict[tuple[str, str, str], tuple[Row, str, list[Row]]] = {}
    townships: dict[str, list[Row]] = {}
    for row in rows:
        if row["holder_kind"] != TERRITORIAL_KIND:
            continue
        for office in plates_in(row["department"]):
            if row["region"] not in townships:
                townships[row["region"]] = store.read(_TOWNSHIPS, {"county": row["region"],
                                                                   "township_kind": TOWNSHIP_KIND})
            for township in townships[row["region"]]:
                names = [*township["offices"], *(alias for aliases in township["aliases"] for alias in aliases)]
                if _work(office) not in {_work(name) for name in names}:
                    key = (township["uid"], row["department"], office)
                    found.setdefault(key, (township, office, []))[2].append(row)
    return [found[key] for key in sorted(found)]
