"""A draft 三定's 职能转变 checked before it is issued: each piece of work the draft cancels, hands down or transfers,
against the draft itself and against what the graph holds, for what a drafter must change alongside it.

- Work cancelled, devolved or transferred away that a clause of the draft still carries (an office's, or the
  department's own): the draft contradicts itself (`still_in_draft`), matched as `undecomposed_duties` matches a
  retired duty to the offices still carrying it (queries.undecomposed.RetiredWork).
- Work cancelled or devolved that the department's 权责清单 still lists as a power item (`still_listed`): the list
  must be revised with the 三定.
- Work transferred in that the giving department's 三定 in force still states (`giver_still_holds`), and work
  transferred away that the receiving department's 三定 in force does not state (`receiver_lacks`): the other
  department's 三定 must follow, or the work is held twice, or by nobody, once the draft is issued.
- A move between two other departments (将A的…职责划入B, the draft's department neither: `moved`, `giver` A,
  `counterpart` B) is checked on both sides: A's 三定 in force still stating the work (`giver_still_holds`), B's not
  stating it (`receiver_lacks`); the draft's own clauses and list are no side of it.
- A transfer whose other department the graph holds no 三定 of cannot be checked (`counterpart_unknown`), the row
  saying which side that is (`unknown_side`: `giver`, `receiver`, or `both` for a move neither side of which it
  knows: one row a move).
A change with none of these reads `none`, so that the section lists every change the draft makes. Statements of
direction (加强…, 深化…改革) are not checked: they move no work."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from graph.store import Row, Store
from ingest.changes import DEPARTMENT_NAME
from ingest.content import content_of, content_terms
from ingest.draft import Draft
from ingest.model import FunctionChange
from ingest.similarity import SimilarityModel
from queries import catalog
from queries.overlaps import duty_model
from queries.sources import source_place
from queries.undecomposed import STILL_CARRIED, RetiredWork

CHECKED_KINDS = ("cancelled", "devolved", "transferred_out", "transferred_in", "moved")
# A retired duty's status as the graph stores it (ingest.records), for each kind of change.
_NO_EVIDENCE = {"evidence": "", "evidence_place": "", "evidence_source": ""}
# A transfer names one piece of work: the other department's clause must say nearly all of it (weighted). At the
# retired-work cutoff (MATTER_COVERAGE, 0.7), 食品安全风险评估 read as saying 食品安全风险监测: 监测 is the word
# that tells them apart, and it weighs under a third of the terms.
TRANSFER_COVERAGE = 0.9
_STATUS_OF_KIND = {"cancelled": "cancelled", "devolved": "devolved", "transferred_out": "transferred"}
_TRANSFERRED_WORK = re.compile(rf"^将(?:原)?(?:{DEPARTMENT_NAME})?"
                               r"(?:承担|负责)?的?(?P<work>.+?)(?:职责|职能|工作)?(?:划入|划归|划给|交给|交由|移交)")


@dataclass(frozen=True)
class _Carrier:
    """A clause of the draft, or a power item of the department, that may still carry retired work."""

    kind: str  # office_duty | duty | power_item
    text: str
    terms: Sequence[str]
    where: dict[str, str]  # evidence_place: the draft's place (第四条(十二)); evidence_source: the graph's source


def change_findings(store: Store, draft: Draft, department: str | None) -> list[Row]:
    """Rows of the 职能转变 section: `department` is the department's uid when the graph holds its 三定 in force,
    else None (then the draft is checked against itself and the other departments only)."""
    changes = [change for change in draft.parsed.changes if change.kind in CHECKED_KINDS]
    if not changes:
        return []
    model = duty_model(store)
    in_draft = _draft_carriers(draft)
    listed = _power_items(store, department) if department else []
    stated = _stated_changes(store, department) if department else []
    counterparts = _counterparts(draft)
    rows: list[Row] = []
    for change in changes:
        giver, receiver = counterparts.get(change.subject or change.text, ("", ""))
        counterpart = {"transferred_in": giver, "transferred_out": receiver, "moved": receiver}.get(change.kind, "")
        base = {"kind": change.kind, "text": change.text, "counterpart": counterpart,
                "giver": giver if change.kind == "moved" else "", "unknown_side": "",
                "already": _already(model, change, stated), "draft_place": change.where.locator}
        found = _findings(store, model, change, in_draft, listed, giver, receiver)
        rows += [{**base, **finding} for finding in found] or [{**base, "finding": "none", **_NO_EVIDENCE}]
    return rows


def _findings(store: Store, model: SimilarityModel, change: FunctionChange, in_draft: list[_Carrier],
              listed: list[_Carrier], giver: str, receiver: str) -> list[Row]:
    found: list[Row] = []
    if change.kind in {"cancelled", "devolved"}:
        retired = RetiredWork.of(change.text)
        if retired is None:  # too short to match on
            return found
        for carrier in in_draft + listed:
            if retired.carried_by(model, carrier.kind, carrier.text, carrier.terms):
                finding = "still_listed" if carrier.kind == "power_item" else "still_in_draft"
                found.append({"finding": finding, "evidence": carrier.text, **carrier.where})
        return found
    work = content_terms(transferred_work(change.text))
    if change.kind == "transferred_out":
        # The draft gives the work away: it holds it still as a giver would (the test below for the other side).
        found += [{"finding": "still_in_draft", "evidence": carrier.text, **carrier.where} for carrier in in_draft
                  if says_the_work(model, work, carrier.terms)]
    # The sides other than the draft's department: the giver of work moved in, the receiver of work moved out, both of
    # a move between two others.
    sides = {"transferred_in": [(GIVER, giver)], "transferred_out": [(RECEIVER, receiver)],
             "moved": [(GIVER, giver), (RECEIVER, receiver)]}[change.kind]
    facts = {side: in_force_facts(store, name) for side, name in sides}
    unknown = [side for side, known in facts.items() if known is None]
    for side, known in facts.items():
        if known is not None:
            found += _counterpart_findings(store, model, side, work, known)
        elif side == unknown[0]:
            # One row a move, in the place of its first side the graph holds no 三定 of, naming it (or both).
            found.append({"finding": "counterpart_unknown", **_NO_EVIDENCE,
                          "unknown_side": side if len(unknown) == 1 else BOTH})
    return found


def says_the_work(model: SimilarityModel, work: Sequence[str], terms: Sequence[str]) -> bool:
    return bool(work) and model.coverage(work, terms) >= TRANSFER_COVERAGE


GIVER, RECEIVER, BOTH = "giver", "receiver", "both"


def in_force_facts(store: Store, name: str) -> Row | None:
    """The `department` row of the department `name` names, where the graph holds a 三定 of it in force."""
    return next((row for row in catalog.run(store, "department", {"name": name}) if row["issued"]),
                None) if name else None


def _counterpart_findings(store: Store, model: SimilarityModel, side: str, work: Sequence[str],
                          facts: Row) -> list[Row]:
    """What another department's 三定 in force (`facts`: its `department` row) says of the work moved, as `side` of
    the move: the giver still states it, or the receiver does not."""
    holding = [row for row in catalog.run(store, "sanding_duties", {"department": facts["uid"]})
               if says_the_work(model, work, content_of(row["content"], row["text"]))]
    if side == GIVER:
        return [{"finding": "giver_still_holds", "evidence": row["text"], "evidence_place": "",
                 "evidence_source": row["source"]} for row in holding]
    return [] if holding else [{"finding": "receiver_lacks", **_NO_EVIDENCE}]


def transferred_work(sentence: str) -> str:
    """The work a transfer moves, without who held it and where it goes: 将市卫生健康委员会承担的食品安全风险监测计划
    制定职责划入… → 食品安全风险监测计划制定 (the departments' names would otherwise count as terms it must say)."""
    found = _TRANSFERRED_WORK.search(sentence)
    return found.group("work") if found else sentence


def _draft_carriers(draft: Draft) -> list[_Carrier]:
    """The draft's current duties, its offices' and its own, as ingest built them."""
    return [_Carrier("office_duty" if props["holder"] != draft.department.uid else "duty", props["text"],
                     content_of(props["content"], props["text"]),
                     {"evidence_place": source_place(props["source"]), "evidence_source": ""})
            for _uid, props in sorted(draft.rows.duties.items(),
                                      key=lambda item: (item[1]["source"], item[1]["ordinal"] or 0, item[0]))
            if props["status"] == "current"]


def _power_items(store: Store, department: str) -> list[_Carrier]:
    return [_Carrier("power_item", row["name"], (), {"evidence_place": "", "evidence_source": row["source"]})
            for row in catalog.run(store, "department_roles", {"uid": department})
            if row["relation"] == "EXERCISES"]


@dataclass(frozen=True)
class _Stated:
    kind: str
    text: str


def _stated_changes(store: Store, department: str) -> list[_Stated]:
    """The changes the graph holds of the department: its retired duties and the work moved into or out of it."""
    kind_of_status = {status: kind for kind, status in _STATUS_OF_KIND.items()}
    stated = [_Stated(kind_of_status[row["status"]], row["text"])
              for row in catalog.run(store, "retired_duties", {"department": department})]
    stated += [_Stated("transferred_in" if row["direction"] == "in" else "transferred_out", row["what"])
               for row in catalog.run(store, "department_transfers", {"department": department})]
    return stated


def _already(model: SimilarityModel, change: FunctionChange, stated: list[_Stated]) -> bool:
    """The 三定 in force already states this change: one of its changes of the same kind reads alike."""
    return any(item.kind == change.kind and model.score(item.text, change.text) >= STILL_CARRIED for item in stated)


def _counterparts(draft: Draft) -> dict[str, tuple[str, str]]:
    """Each transfer's giver and receiver as the draft's rows resolved them (one of them the draft's department but
    in a move between two others), by the work it moves (a clause of 职能转变 states several changes: its place
    names none of them)."""
    rows = draft.rows
    names = {uid: props["name"] for uid, props in (*rows.defined_departments.items(),
                                                   *rows.mentioned_departments.items())}
    return {edge["props"]["what"]: (names.get(edge["from"], edge["from"]), names.get(edge["to"], edge["to"]))
            for edge in rows.relationships.get(("TRANSFERRED_TO", "Department", "Department"), [])}
