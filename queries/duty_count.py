"""How many duties a department has as they stand, for staffing_load's load: its newest 三定's substantive duties,
less the clauses the 调整 notices since moved out, cancelled or handed down whole, plus the work they moved in (as
`queries.in_force` reads them); with the 三定's own count and each change, cited by the notice's clause.

A clause a notice takes part of (部分划出) still counts: the rest of what it says is the department's work. So with the
duties a department carries from a body a 机构改革 by notice replaced: a later notice moving one out takes it from the
count of those carried (`carried_counts`, department_load's `carried`), and it counts for the receiver, as work
moved in, from the notice's date. The carried ones are those `duties_in_force` holds today: not work a body of a
chain of reforms had moved out before its merger (`carried_held`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graph.store import Row, Store
from queries.in_force import CURRENT, Today, duties_today
from queries.moved_out import PARTLY
from queries.sources import source_document

MOVED_IN = "moved_in"
_STILL_HELD = frozenset({CURRENT, *PARTLY.values()})


@dataclass(frozen=True)
class DutyCount:
    stated: int | None  # the newest 三定's substantive duties; None where no 三定 of the department is loaded
    standing: int  # after the notices since it
    # Each clause of the 三定 a notice changed and each piece of work moved in: {status, duty, other, source}, `other`
    # the department it went to or came from (or the lower governments, for devolved work), `source` the clause of
    # the notice.
    changes: list[Row]
    # The duties carried in from bodies a 机构改革 replaced (`queries.in_force._carried_on`), by the body whose 三定
    # states them (a chain's body had moved some out before its merger); those the notices since left are
    # department_load's `carried` (`carried_counts`).
    carried_held: Counter[str] = field(default_factory=Counter)


def duty_count(store: Store, department: str) -> DutyCount | None:
    """`department`: a uid. None where no 调整 notice since its newest 三定 (with none, no notice at all) changes its
    duties: the 三定's count stands."""
    today = duties_today(store, department)
    if today is None:
        return None
    stated = standing = 0
    changes: list[Row] = []
    carried: Counter[str] = Counter()
    for uid, row in _counted(today):
        change = today.changes[uid]
        by_notice = source_document(row["source"]) in today.notices
        if row.get("carried_from"):  # carried duties are counted by body, as `carried_counts` counts them
            carried[row["carried_from"]] += 1
        else:
            stated += not by_notice
            standing += change["status"] in _STILL_HELD
        if by_notice:
            changes.append({"status": MOVED_IN, "duty": row["text"], "other": change["counterpart"] or None,
                            "source": row["source"]})
        elif change["status"] != CURRENT:
            changes.append({"status": change["status"], "duty": row["text"], "other": change["counterpart"] or None,
                            "source": change["change_source"]})
    return DutyCount(stated if today.sanding else None, standing, changes, carried)


def carried_counts(today: Today) -> tuple[Counter[str], Counter[str]]:
    """The duties `today` carries from bodies a 机构改革 replaced, by the body whose 三定 states them: those carried in
    and those still held (less the work the notices since took whole). department_load's `carried` (the finish
    `queries.carried_held.load_held`) and staffing_load's figures are these counts."""
    held: Counter[str] = Counter()
    standing: Counter[str] = Counter()
    for uid, row in _counted(today):
        if row.get("carried_from"):
            held[row["carried_from"]] += 1
            standing[row["carried_from"]] += today.changes[uid]["status"] in _STILL_HELD
    return held, standing


def _counted(today: Today) -> list[tuple[str, Row]]:
    """The duties of `today` that count as load, by uid: an office's duties carry out the department's; work every
    department has is no load; work a notice retires that no clause says (a row of its own) was never counted."""
    return [(uid, row) for uid, row in today.duties.items()
            if not (row["office"] or row.get("boilerplate")
                    or (source_document(row["source"]) in today.notices and today.changes[uid]["status"] != CURRENT))]
