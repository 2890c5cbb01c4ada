"""township_duties' note on a township asked for that is no more: merged into another (撤销桃源乡，并入石桥镇) or made
a 街道 (ingest.region_succession). Its list's rows are its successor's (the rows' `township` follows the
government's SUCCEEDED_BY), so the answer gives the successor's rows, and a row more, under the township asked for,
says why as `regions` words its status (已撤销（并入石桥镇）): who asked for 桃源乡 was answered nothing."""

from __future__ import annotations

from typing import Any

from graph.store import Row, Store
from queries import catalog

# The governments asked for (by the township filter, or as the region asked) a succession replaced, the end of its
# chain (`chain_end`, where its rows' `township` is: ingest.load.follow_successions), and the region edge that says why:
# a township's (its `kind`, merged or street), not a county's 撤县设区, whose renamed departments are no township.
_SUCCEEDED = """
MATCH (asked:Department)
WHERE ($township IS NOT NULL OR $region IS NOT NULL)
  AND ($township IS NULL OR asked.uid = $township OR asked.name = $township OR $township IN coalesce(asked.aliases, []))
  AND ($region IS NULL OR asked.region IN $region_paths)
  AND asked.chain_end IS NOT NULL
MATCH (now:Department {uid: asked.chain_end})
MATCH (:Region {path: asked.region})-[e:REPLACED_BY]->(:Region)
WHERE e.kind IS NOT NULL
RETURN DISTINCT asked.name AS township, asked.region AS township_region, now.name AS holder, e.source AS source
ORDER BY township_region, holder
"""


def merged_notes(store: Store, params: dict[str, Any]) -> list[Row]:
    """A row for each township asked for that a merger or a 街道 replaced: finding `merged_township`, `holder` the
    government its rows are now listed under, `evidence` the township's status, `evidence_source` the clause."""
    found = store.read(_SUCCEEDED, {key: params.get(key) for key in ("township", "region", "region_paths")})
    if not found:
        return []
    status = {row["path"]: row["status"] for row in catalog.run(store, "regions")}
    return [{**{column: "" for column in catalog.named("township_duties").columns}, "township": row["township"],
             "township_region": row["township_region"], "finding": "merged_township", "holder": row["holder"],
             "evidence": status.get(row["township_region"], ""), "evidence_source": row["source"],
             "department_uid": None} for row in found]
