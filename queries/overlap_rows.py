"""Whether who_handles' first two departments are there on duties the overlaps put in one cluster (职责交叉).

A dispatcher given 水务局 then 住建局 for 小区自来水发黄有异味 was not told that their two 三定 clauses on 城市供水
form a cluster no list or clause settles (user test): who_handles warned only of matters a clause or list names
(`lead_dispute`). When the two rows' best pieces of evidence are members of one cluster of the departments scope,
both rows name it (`overlap_cluster`, its 编号) and say what it means for them (`overlap_note`): unsettled, no lead is
named; settled, the lead its matter has. The clusters are read once per graph version, not per complaint.
"""

from __future__ import annotations

from graph.store import Row, Store
from queries.cache import cached
from queries.handling_rows import before_evidence

_NONE = {"overlap_cluster": "", "overlap_note": ""}


def cluster_members(store: Store) -> dict[tuple[str, str], Row]:
    """Each duty of a departments-scope cluster at the default threshold, by (department, source), → its cluster."""
    from queries.overlaps import overlaps  # it builds on who_handles' evidence index

    def read() -> dict[tuple[str, str], Row]:
        return {(member["department"], member["source"]): cluster
                for cluster in overlaps(store, scope="departments") for member in cluster["members"]}
    return cached(store, ("overlap_cluster_members",), read, whole_graph=True)


def overlap_note(cluster: Row) -> str:
    """What a cluster means for the departments a complaint reaches, in the words people read."""
    if cluster["settled"]:
        return f"两部门三定职责交叉，已明确由{cluster['lead']}牵头（编号{cluster['cluster_id']}）"
    return f"两部门三定职责交叉且未明确牵头（编号{cluster['cluster_id']}）"


def with_overlap_cluster(store: Store, rows: list[Row]) -> list[Row]:
    """The rows with `overlap_cluster` and `overlap_note` before their evidence: set on the first two when their best
    pieces of evidence are members of one cluster, '' on every other row."""
    found = None
    if len(rows) > 1 and rows[0]["evidence"] and rows[1]["evidence"]:
        members = cluster_members(store)
        first, second = (members.get((row["department"], row["evidence"][0]["source"])) for row in rows[:2])
        if first is not None and second is not None and first["cluster_id"] == second["cluster_id"]:
            found = {"overlap_cluster": first["cluster_id"], "overlap_note": overlap_note(first)}
    return [before_evidence(row, found if found and position < 2 else _NONE) for position, row in enumerate(rows)]
