"""who_handles' evidence as the 调整职责机构编制 notices since each department's newest 三定 leave it: a complaint about
work a notice moved out goes to the department that received it, with the notice as 出处, not to the giver whose 三定
still says it.

`evidence` reads the 三定 as written (the overlaps, the duty term model and undecomposed_duties' 仍在承担 findings need
the clause a notice took: an office still carrying cancelled work is what they find). Who handles a complaint is
today's question, read as department_duties reads today's state (`queries.in_force.duties_today`): a clause moved out,
cancelled or handed down whole is no ground; one partly moved out is ground for the rest of what it says only (its
content terms less the work taken); and a receiving department with no 三定 of its own in the graph is searched on
the work the notices moved into it (one with a 三定 already is: the evidence reads the duties stated since it)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from graph.store import Row, Store
from ingest.content import content_of, content_terms
from queries import catalog
from queries.cache import cached
from queries.in_force import CURRENT, Today, duties_today
from queries.moved_out import PARTLY, work_left
from queries.search import BM25Index, Evidence
from queries.who_handles import evidence_index

_CLAUSES = ("duty", "office_duty")
_PARTLY = frozenset(PARTLY.values())


def handling_index(store: Store) -> BM25Index:
    """The evidence index who_handles, dispatch and orphan suggestions rank on: `evidence_index` itself where no 调整
    notice moves work (the same answers, built once)."""
    return cached(store, ("handling_index",), lambda: _build(store), whole_graph=True)


def _build(store: Store) -> BM25Index:
    index = evidence_index(store)
    changed = {row["uid"]: (row, today) for row in catalog.run(store, "notice_departments")
               if (today := duties_today(store, row["uid"])) is not None}
    if not changed:
        return index
    return BM25Index(after_notices(index.evidence, changed), assists=index.assists, disputes=index.disputes)


def after_notices(evidence: Sequence[Evidence], changed: Mapping[str, tuple[Row, Today]]) -> list[Evidence]:
    """`evidence` with the clauses the notices took out (whole) or narrowed (partly), and the work they moved into
    departments with no 三定 of their own added. `changed`: by department uid, its `notice_departments` row and
    today's duties."""
    kept: list[Evidence] = []
    for item in evidence:
        change = changed[item.department_uid][1].changes.get(item.key) if item.department_uid in changed else None
        if change is None or item.kind not in _CLAUSES or change["status"] == CURRENT:
            kept.append(item)
        elif change["status"] in _PARTLY and (rest := work_left(
                change["status"], change["change"], item.content or content_terms(item.text))):
            kept.append(dataclasses.replace(item, content=tuple(rest)))
    held = {(item.department_uid, item.key) for item in kept}
    return kept + [_moved_in(row, duty) for uid, (row, today) in changed.items() if not today.sanding
                   for key, duty in sorted(today.duties.items())
                   if today.changes[key]["status"] == CURRENT and (uid, key) not in held]


def _moved_in(department: Row, duty: Row) -> Evidence:
    """Work a notice moved into a department the graph holds no 三定 of, cited by the notice's clause."""
    return Evidence(key=duty["uid"], kind="duty", text=duty["text"], department=department["department"],
                    department_uid=department["uid"], region=department["region"],
                    department_region=department["region"], office="", source=duty["source"],
                    content=tuple(content_of(duty["content"], duty["text"])))
