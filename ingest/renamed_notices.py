"""A 调整 notice titled with the name of a body a 机构改革 has since replaced is its successor's.

关于调整白河县文化和旅游局职责的通知, issued after 白河县文化和旅游局 became 白河县文化广电和旅游局: the work it moves in
and its 调整后 totals are the body there on its date. Read as the old body's, they went to a department no query
answers for (a replaced body is no longer current). The reforms are those the graph holds (SUCCEEDED_BY) and those
the documents of the same run state; a reform dated after the notice leaves it the old body's (its work then carries
to the successor with the rest, `ingest.load.follow_successions`).

The reading must not depend on the order documents were loaded in: a notice loaded before the reform that makes it
the successor's, or read as a successor's by a reform since removed, is read again from its file once the graph's
reforms say otherwise (`misread_notices`; the pipeline and `dutygraph remove` load it again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from graph.store import Store
from ingest.amendment import title_department
from ingest.model import SandingDocument
from ingest.names import KnownDepartment, base_of, department_uid
from ingest.regions import Region

# How the warning `read_as_successor` leaves on the notice (kept in its Document's notes) begins: what tells a notice
# read as a successor's once its reform is gone.
READ_AS_NOTE = "notice titled with "


@dataclass(frozen=True)
class Reform:
    predecessor: str  # uid
    successor: KnownDepartment
    date: str  # the reform's date (YYYY-MM-DD), '' when its document gives none


_GRAPH_REFORMS = ("MATCH (p:Department)-[s:SUCCEEDED_BY]->(d:Department) RETURN p.uid AS predecessor, "
                  "d.uid AS successor, coalesce(s.date, '') AS date, split(s.source, '#')[0] AS document "
                  "ORDER BY predecessor, successor, date, document")


def graph_reforms(store: Store, known: dict[str, KnownDepartment]) -> list[Reform]:
    """The successions the graph holds, their successors as the resolver knows them (`known`, by uid)."""
    return [Reform(row["predecessor"], known[row["successor"]], row["date"])
            for row in store.read(_GRAPH_REFORMS) if row["successor"] in known]


def read_as_successor(parsed: SandingDocument, region: Region, reforms: list[Reform]) -> KnownDepartment | None:
    """The department a notice titled with a replaced body's name is read as: that body's one successor, when the
    reform is dated on or before the notice. It answers to the old name in the notice's own sentences (将…划入白河县
    文化和旅游局 is 划入本局), and the old name is no name of the successor elsewhere. None when the notice is the
    body's own (no reform, a later one, an undated one, or a body split among several)."""
    if parsed.kind_of_document != "amendment" or parsed.successions or not parsed.dated:
        return None
    named = department_uid(region, base_of(parsed.department))
    chosen = _successor_of(named, parsed.dated, [(reform.predecessor, reform.successor.uid, reform.date)
                                                 for reform in reforms])
    if chosen is None:
        return None
    reform = next(reform for reform in reforms if reform.predecessor == named and reform.date
                  and reform.date <= parsed.dated)
    old = parsed.department
    parsed.warnings.append(
        f"{READ_AS_NOTE}{old}, which {reform.successor.name} replaced on {reform.date}: read as "
        f"{reform.successor.name}'s / 通知标题所称{old}已于{reform.date}更名或并入{reform.successor.name}，按后者的通知载入")
    parsed.department = reform.successor.name
    return replace(reform.successor, keys={*reform.successor.keys, old, base_of(old)})


def _successor_of(named: str, dated: str, reforms: Sequence[tuple[str, str, str]]) -> str | None:
    """The uid of the one successor of the body `named` (uid) by a reform dated on or before `dated`; `reforms`:
    (predecessor, successor, date) uids and dates. None with no such reform, or a body split among several."""
    successors = {successor for predecessor, successor, date in reforms if predecessor == named}
    if len(successors) != 1:
        return None
    [successor] = successors
    return successor if any(predecessor == named and date and date <= dated
                            for predecessor, _successor, date in reforms) else None


@dataclass(frozen=True)
class HeldNotice:
    """A 调整 notice the graph holds that its reforms would now read as another body's."""

    uid: str
    path: str
    region: str
    sha256: str
    title: str


# The 调整 notices that state no reform of their own, with the department they were read as (the FROM edge of its
# title) and their notes.
_HELD_NOTICES = ("MATCH (n:Department)-[f:FROM]->(d:Document {kind: 'amendment'}) WHERE f.locator = 'title' "
                 "RETURN d.uid AS uid, coalesce(d.path, '') AS path, d.region AS region, d.sha256 AS sha256, "
                 "coalesce(d.title, '') AS title, coalesce(d.issued, '') AS issued, n.uid AS department, "
                 "coalesce(d.notes, []) AS notes ORDER BY uid")


def misread_notices(store: Store) -> list[HeldNotice]:
    """The notices the graph's reforms now read otherwise than they were loaded: titled with a body a reform dated on
    or before them replaced and loaded as that body's (the reform came later), or loaded as a successor's by a reform
    the graph no longer holds."""
    reforms = store.read(_GRAPH_REFORMS)
    stating = {row["document"] for row in reforms}
    triples = [(row["predecessor"], row["successor"], row["date"]) for row in reforms]
    misread = []
    for row in store.read(_HELD_NOTICES):
        named = title_department(row["title"])
        if row["uid"] in stating or not named or not row["issued"]:
            continue
        region = Region(tuple(row["region"].split("/")))
        successor = _successor_of(department_uid(region, base_of(named)), row["issued"], triples)
        read_as = any(note.startswith(READ_AS_NOTE) for note in row["notes"])
        if (successor is not None and row["department"] != successor) or (successor is None and read_as):
            misread.append(HeldNotice(row["uid"], row["path"], row["region"], row["sha256"], row["title"]))
    return misread
