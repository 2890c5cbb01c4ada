"""A 调整 notice titled with the name of a body a 机构改革 has since replaced is its successor's.

关于调整白河县文化和旅游局职责的通知, issued after 白河县文化和旅游局 became 白河县文化广电和旅游局: the work it moves in
and its 调整后 totals are the body there on its date. Read as the old body's, they went to a department no query
answers for (a replaced body is no longer current). The reforms are those the graph holds (SUCCEEDED_BY) and those
the documents of the same run state; a reform dated after the notice leaves it the old body's (its work then carries
to the successor with the rest, `ingest.load.follow_successions`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from graph.store import Store
from ingest.model import SandingDocument
from ingest.names import KnownDepartment, base_of, department_uid
from ingest.regions import Region


@dataclass(frozen=True)
class Reform:
    predecessor: str  # uid
    successor: KnownDepartment
    date: str  # the reform's date (YYYY-MM-DD), '' when its document gives none


def graph_reforms(store: Store, known: dict[str, KnownDepartment]) -> list[Reform]:
    """The successions the graph holds, their successors as the resolver knows them (`known`, by uid)."""
    rows = store.read("MATCH (p:Department)-[s:SUCCEEDED_BY]->(d:Department) "
                      "RETURN p.uid AS predecessor, d.uid AS successor, coalesce(s.date, '') AS date "
                      "ORDER BY predecessor, successor, date")
    return [Reform(row["predecessor"], known[row["successor"]], row["date"])
            for row in rows if row["successor"] in known]


def read_as_successor(parsed: SandingDocument, region: Region, reforms: list[Reform]) -> KnownDepartment | None:
    """The department a notice titled with a replaced body's name is read as: that body's one successor, when the
    reform is dated on or before the notice. It answers to the old name in the notice's own sentences (将…划入白河县
    文化和旅游局 is 划入本局), and the old name is no name of the successor elsewhere. None when the notice is the
    body's own (no reform, a later one, an undated one, or a body split among several)."""
    if parsed.kind_of_document != "amendment" or parsed.successions or not parsed.dated:
        return None
    named = department_uid(region, base_of(parsed.department))
    successors = {reform.successor.uid: reform for reform in reforms
                  if reform.predecessor == named and reform.date and reform.date <= parsed.dated}
    if len(successors) != 1 or len({reform.successor.uid for reform in reforms if reform.predecessor == named}) != 1:
        return None
    [reform] = successors.values()
    old = parsed.department
    parsed.warnings.append(
        f"notice titled with {old}, which {reform.successor.name} replaced on {reform.date}: read as "
        f"{reform.successor.name}'s / 通知标题所称{old}已于{reform.date}更名或并入{reform.successor.name}，按后者的通知载入")
    parsed.department = reform.successor.name
    return replace(reform.successor, keys={*reform.successor.keys, old, base_of(old)})
