"""What a replaced body's work leaves to its successor: which SUCCEEDED_BY edge carries its duties, and from when.

A rename or merger stated by a 调整 notice alone (关于将A更名为B的通知, 将A的职责划入本局，不再保留A) is no 三定 of the
successor: its duties are the old body's, as the old body's 三定 states them, until a 三定 of its own restates them.
So the edge of a body with one successor carries its current duties (`carries`) when a notice grounds it and the
successor has no 三定 dated on or after it; otherwise only the duties stated after the reform and after the
successor's 三定 (`carries_after`): a notice titled with the old name, loaded before the reform was known. The queries
read the old body's duties through the edge (its 三定 cited, the notice as the ground); a rename also carries its
offices and the staffing its successor's documents leave unsaid. Pure: rows of the graph's successions in, the
properties each edge should have out (`ingest.load.follow_successions` writes them).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

AMENDMENT = "amendment"  # Document.kind of a 调整 notice


@dataclass(frozen=True)
class Carrying:
    carries: bool
    after: str | None  # the predecessor's duties carry when stated after this date; None: all of its current duties


NONE = Carrying(False, None)

# Every SUCCEEDED_BY edge as `carrying` reads it (`successor_issued`: the successor's newest 三定, today's reading).
SUCCESSIONS = ("MATCH (p:Department)-[s:SUCCEEDED_BY]->(d:Department) "
               "OPTIONAL MATCH (g:Document {uid: split(s.source, '#')[0]}) "
               "RETURN p.uid AS predecessor, p.name AS predecessor_name, d.uid AS successor, s.source AS source, "
               "coalesce(s.date, '') AS date, coalesce(g.kind, '') AS ground, "
               "coalesce(d.sanding_issued, '') AS successor_issued, "
               "s.kind AS kind, s.carries AS carries, s.carries_after AS carries_after ORDER BY source")


def carrying(rows: list[Mapping[str, Any]]) -> dict[tuple[str, str], Carrying]:
    """`rows`: one per SUCCEEDED_BY edge, with `predecessor`, `successor` (uids), `source` (the edge's clause), `date`,
    `ground` (its document's kind) and `successor_issued` (the successor's 三定 date, '' without one). Returns the
    properties of each edge by (predecessor, source): one sentence may name two bodies. One edge of a body with one successor carries, the others do not (a body
    split among several keeps its work: which one took which part is not known)."""
    by_predecessor: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        by_predecessor[row["predecessor"]].append(row)
    found = {(row["predecessor"], row["source"]): NONE for row in rows}
    for edges in by_predecessor.values():
        if len({edge["successor"] for edge in edges}) != 1:
            continue
        options = sorted(((_after(edge), edge["source"]) for edge in edges),
                         key=lambda option: (option[0] is not None, option[0] or "", option[1]))
        after, source = options[0]
        found[edges[0]["predecessor"], source] = Carrying(True, after)
    return found


def chain_ends(rows: list[Mapping[str, Any]]) -> dict[str, str]:
    """`rows`: one per SUCCEEDED_BY edge (`predecessor`, `successor`). Each replaced body → where its work is today:
    its one successor, and on along the chain while each body there has one successor (桃源乡人民政府 → 石桥镇人民政府 →
    石桥街道办事处), so that one move takes its edges to the end whatever order the reforms were loaded in. A body
    split among several has none (it keeps its edges: which one took which part is not known), and a chain reaching
    one ends there; a cycle (two documents undoing each other) moves nothing."""
    successors: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        successors[row["predecessor"]].add(row["successor"])
    ends: dict[str, str] = {}
    for body in successors:
        seen, here = {body}, body
        while len(successors.get(here, ())) == 1:
            (here,) = successors[here]
            if here in seen:
                break
            seen.add(here)
        else:
            if here != body:
                ends[body] = here
    return ends


def followed_moves(named: list[Mapping[str, Any]], ends: Mapping[str, str]) -> list[dict[str, Any]]:
    """`named`: the (`holder`, `named`) pairs of the edges that follow successions (the body holding them, the body
    they named: their `redirected_from`, else the holder). Where each group is to be: at the chain end of the body it
    named (`ends`, from `chain_ends`; the body itself where it has none), marked `redirected_from` that body unless it
    is there. So the edges' place is a function of the successions loaded, not of the order they came in: a chain made
    shorter (a split mid-chain) or sent elsewhere moves edges back as well as on. Rows only for groups not in place."""
    moves = []
    for row in named:
        target = ends.get(row["named"], row["named"])
        if target != row["holder"]:
            moves.append({"holder": row["holder"], "named": row["named"], "target": target,
                          "redirected_from": None if target == row["named"] else row["named"]})
    return moves


def carrying_on(rows: list[Mapping[str, Any]], date: str, issued: Mapping[str, str]) -> dict[tuple[str, str], Carrying]:
    """`carrying` as it stood on `date` (YYYY-MM-DD): the reforms dated after it had not happened (an undated one is
    read on any date, as today's reading reads it), and each successor's 三定 is the one in force then (`issued`: its
    印发日期 by successor uid, '' or absent without one), so that a 三定 of the successor's own ends the carrying on
    its date, not before."""
    return carrying([{**row, "successor_issued": issued.get(row["successor"], "")} for row in rows
                     if not row["date"] or row["date"] <= date])


def _after(edge: Mapping[str, Any]) -> str | None:
    """None when the edge carries all the old body's current duties: a notice's, with no 三定 of the successor dated on
    or after it. Otherwise the date after which a duty of the old body is still the successor's."""
    date, issued = edge["date"] or "", edge["successor_issued"] or ""
    if edge["ground"] == AMENDMENT and (not issued or (date and issued < date)):
        return None
    return max(date, issued)
