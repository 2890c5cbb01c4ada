"""事权 rows that apply to every county of a city (适用区县 全部), kept true as counties are loaded.

A 市县事权划分 list loaded before a county's documents cannot name that county's HOLDS: the county is not in the
graph yet. The row's Matter keeps what every county holds (`all_counties_share`, `…_text`, `…_source`), and after
each ingest the counties of the city that lack the HOLDS get it, so the split is the same whatever the load order.
"""

from __future__ import annotations

from graph.store import Statement, Store
from ingest.list_records import county_role
from ingest.load import bump_version

_MISSING = (
    "MATCH (m:Matter) WHERE m.all_counties_share IS NOT NULL "
    "MATCH (:Region {path: m.region})-[:CONTAINS]->(c:Region {level: 'county'}) "
    "WHERE NOT (c)-[:HOLDS]->(m) "
    "RETURN c.uid AS county, c.path AS path, m.uid AS matter, m.name AS name, m.all_counties_share AS share, "
    "m.all_counties_text AS text, m.all_counties_source AS source ORDER BY path, matter"
)
_ADD = (
    "UNWIND $rows AS r MATCH (c:Region {uid: r.county}) MATCH (m:Matter {uid: r.matter}) "
    "MERGE (c)-[h:HOLDS]->(m) SET h.share = r.share, h.role = r.role, h.text = r.text, h.source = r.source"
)


def extend_to_all_counties(store: Store) -> list[tuple[str, str]]:
    """Give each county of a city the HOLDS of its city's 全部 事权 rows that it lacks; one atomic write.
    Returns (county path, matter name) pairs, in that order."""
    missing = store.read(_MISSING)
    if not missing:
        return []
    rows = [{"county": row["county"], "matter": row["matter"], "share": row["share"],
             "role": county_role(row["share"]), "text": row["text"] or "", "source": row["source"]}
            for row in missing]
    store.write_atomic([Statement(_ADD, rows), bump_version()])
    return [(row["path"], row["name"]) for row in missing]
