"""who_handles' evidence as the 调整职责机构编制 notices since each department's newest 三定 leave it: a complaint about
work a notice moved out goes to the department that received it, with the notice as 出处, not to the giver whose 三定
still says it.

`evidence` reads the 三定 as written (the overlaps, the duty term model and undecomposed_duties' 仍在承担 findings need
the clause a notice took: an office still carrying cancelled work is what they find). Who handles a complaint is
today's question, read as department_duties reads today's state (`queries.in_force.duties_today`): a clause moved out,
cancelled or handed down whole is no ground; one partly moved out is ground for the rest of what it says only (its
content terms less the work taken); and a receiving department with no 三定 of its own in the graph is searched on
the work the notices moved into it (one with a 三定 already is: the evidence reads the duties stated since it).

A move a 三定 states (the 审批局's 将市住建局承担的建筑工程施工许可…职责划入本局, or the giver's own 职能转变) counts
as a notice's does, while it binds the giver (`queries.transfers.giver_bound`: no 三定 of the giver issued after it,
or the same day without stating it):
the giver's clauses that say the work moved are no ground for it (whole or in part, as `queries.moved_out` reads
them), and a receiver none of whose clauses or items says it is searched on the work itself, the 三定's clause its
出处. And whatever document moved the work, the giver's 权责清单 item for it is no ground: a list still naming work
moved away is what `transferred_still_held` reports for striking (`still_listed`), not the giver's mandate."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from graph.store import Row, Store
from ingest.content import content_of, content_terms
from ingest.similarity import SimilarityModel
from queries import catalog
from queries.cache import cached
from queries.in_force import CURRENT, SANDING, Today, carriers_today, duties_today
from queries.moved_out import PARTLY_STATUSES, says_moved_work, transfer_covers, work_left, work_pieces
from queries.overlaps import duty_model
from queries.search import BM25Index, Evidence
from queries.sources import source_document
from queries.transfers import giver_bound
from queries.who_handles import evidence_index

_CLAUSES = ("duty", "office_duty")
_HELD = (*_CLAUSES, "power_item")  # what a department's evidence says it holds, of its own


def handling_index(store: Store) -> BM25Index:
    """The evidence index who_handles, dispatch and orphan suggestions rank on: `evidence_index` itself where no 调整
    notice moves work (the same answers, built once)."""
    return cached(store, ("handling_index",), lambda: _build(store), whole_graph=True)


def _build(store: Store) -> BM25Index:
    index = evidence_index(store)
    carriers = carriers_today(store)

    changed = {row["uid"]: (row, today) for row in catalog.run(store, "notice_departments")
               if (today := duties_today(store, row["uid"])) is not None}
    successors = standing_successors(catalog.run(store, "successions"))
    # A department standing for bodies a 机构改革 replaced: `evidence` walks the chain as written, today's reading
    # (`carriers_today`) leaves out what a body of the chain had moved out before it was replaced.
    standing = {row["uid"]: row for row in successors.values()}
    for uid, today in carriers.items():
        if uid in standing:
            changed.setdefault(uid, (standing[uid], today))
    # A body a 机构改革 replaced since a notice moved work into it: that work is its successor's to answer for.
    replaced = {uid: (successor, today) for uid, successor in successors.items()
                if (today := duties_today(store, uid)) is not None}
    moves = [Move.of(row).received_by(successors.get(row["receiver_uid"]))
             for row in catalog.run(store, "region_transfers", {"region": None})
             if giver_bound(row["giver_issued"], [row])]
    if not changed and not moves and not replaced:
        return index
    evidence = after_notices(index.evidence, changed) if changed else index.evidence
    if replaced:
        evidence = after_reforms(evidence, replaced)
    if moves:
        evidence = after_moves(evidence, moves, duty_model(store))
    return BM25Index(evidence, assists=index.assists, disputes=index.disputes, successors=index.successors)


def standing_successors(rows: Sequence[Row]) -> dict[str, Row]:
    """By the uid of each body a 机构改革 replaced (`successions` rows), the department that stands for it now: its
    successor, or that one's, along a chain (`{department, uid, region}`). A body split among several successors has
    none (which took which part of its work is not known; ingest.carried carries nothing of it either)."""
    after: dict[str, list[Row]] = {}
    for row in rows:
        after.setdefault(row["predecessor_uid"], []).append(row)
    found: dict[str, Row] = {}
    for uid in sorted(after):
        current, seen = uid, {uid}
        while len(after.get(current, [])) == 1 and after[current][0]["successor_uid"] not in seen:
            step = after[current][0]
            current = step["successor_uid"]
            seen.add(current)
            found[uid] = {"department": step["successor"], "uid": current, "region": step["successor_region"] or ""}
        if current in after:  # split on the way, or a cycle: no one body stands for it
            found.pop(uid, None)
    return found


def after_reforms(evidence: Sequence[Evidence], replaced: Mapping[str, tuple[Row, Today]]) -> list[Evidence]:
    """`evidence` with the work the notices moved into each replaced body (by uid: its standing successor and today's
    duties) as its successor's, cited by the notice's clause: evidence reads no replaced body, and its successor
    carries its duties only where a notice alone replaced it (ingest.carried); a 三定 of the successor that does not
    say the work leaves no one to answer for it, and a 12345 complaint about it went to no one, or to the giver."""
    held = {(item.department_uid, item.key) for item in evidence}
    added = [_moved_in(successor, duty) for _uid, (successor, today) in sorted(replaced.items())
             for key, duty in sorted(today.duties.items())
             if source_document(duty["source"]) in today.notices and not duty["office"]
             and today.changes[key]["status"] == CURRENT and (successor["uid"], key) not in held]
    return [*evidence, *added]


def after_notices(evidence: Sequence[Evidence], changed: Mapping[str, tuple[Row, Today]]) -> list[Evidence]:
    """`evidence` with the clauses the notices took out (whole) or narrowed (partly), and the work they moved into
    departments with no 三定 of their own added. `changed`: by department uid, its `notice_departments` row (or its
    `standing_successors` row) and today's duties. A clause carried from a replaced body that today's duties do not
    hold is no ground: a body of a chain of reforms gave the work away before it was replaced (白河县's renamed
    城管执法局 gave 燃气 to 住建局, then merged into 执法局, which never held it)."""
    kept: list[Evidence] = []
    for item in evidence:
        today = changed[item.department_uid][1] if item.department_uid in changed else None
        change = today.changes.get(item.key) if today is not None else None
        if today is None or item.kind not in _CLAUSES:
            kept.append(item)
        elif change is None:
            if source_document(item.source) in today.documents:  # its own clause: the notices did not touch it
                kept.append(item)
        elif change["status"] == CURRENT:
            kept.append(item)
        elif change["status"] in PARTLY_STATUSES and (rest := work_left(
                change["status"], change["change"], item.content or content_terms(item.text))):
            kept.append(dataclasses.replace(item, content=tuple(rest)))
    held = {(item.department_uid, item.key) for item in kept}
    # A duty carried from a body a 机构改革 replaced is evidence already (`evidence` reads it), or is no ground.
    return kept + [_moved_in(row, duty) for uid, (row, today) in changed.items() if not today.sanding
                   for key, duty in sorted(today.duties.items())
                   if today.changes[key]["status"] == CURRENT and not duty.get("carried_from")
                   and (uid, key) not in held]


def _moved_in(department: Row, duty: Row) -> Evidence:
    """Work a notice moved into a department the graph holds no 三定 of (or into a body it replaced), cited by the
    notice's clause."""
    return Evidence(key=duty["uid"], kind="duty", text=duty["text"], department=department["department"],
                    department_uid=department["uid"], region=department["region"],
                    department_region=department["region"], office="", source=duty["source"],
                    content=tuple(content_of(duty["content"], duty["text"])))


@dataclass(frozen=True)
class Move:
    """Work a 三定 or a notice moved from one department to another (a `region_transfers` row)."""

    giver_uid: str
    receiver: str
    receiver_uid: str
    receiver_region: str
    sentence: str  # as the document words it: 将…承担的建筑工程施工许可、商品房预售许可职责划入…
    source: str  # its clause
    # Stated in a 三定: its giver's clauses are read here (a notice's moves are read with its other changes, by the
    # notice's date in force: `queries.in_force.duties_today`).
    by_sanding: bool

    @classmethod
    def of(cls, row: Row) -> Move:
        return cls(row["giver_uid"], row["receiver"], row["receiver_uid"], row["receiver_region"] or "", row["what"],
                   row["source"], row["moved_by"] == SANDING)

    def received_by(self, successor: Row | None) -> Move:
        """The move with the department that stands for its receiver now (`standing_successors`), where a 机构改革
        replaced the receiver since: the old name answered for the work."""
        if successor is None:
            return self
        return dataclasses.replace(self, receiver=successor["department"], receiver_uid=successor["uid"],
                                   receiver_region=successor["region"])


def after_moves(evidence: Sequence[Evidence], moves: Sequence[Move], model: SimilarityModel) -> list[Evidence]:
    """`evidence` without what the moves took from the givers (a 三定's move: the clauses that say the work, whole,
    or narrowed to the rest of what they say; any move: the 权责清单 items that say it), and with the work a 三定 moved
    into a receiver whose own evidence does not say it."""
    kept = list(evidence)
    for move in moves:
        taken = _HELD if move.by_sanding else ("power_item",)
        left: list[Evidence] = []
        for item in kept:
            status = transfer_covers(model, move.sentence, item.text, item.content or None) \
                if item.department_uid == move.giver_uid and item.kind in taken else None
            if status is None:
                left.append(item)
            elif status in PARTLY_STATUSES and (rest := work_left(status, move.sentence,
                                                          item.content or content_terms(item.text))):
                left.append(dataclasses.replace(item, content=tuple(rest)))
        kept = left + (_received(left, move, model) if move.by_sanding else [])
    return kept


def _received(evidence: Sequence[Evidence], move: Move, model: SimilarityModel) -> list[Evidence]:
    """The pieces of work a 三定 moved that none of the receiver's clauses or items says, each a piece of evidence of
    the receiver in the 三定's words, the move's clause its 出处 (a vague party, 有关部门, is no body to send to)."""
    from ingest.names import is_vague_uid  # with rapidfuzz: here, for the CLI's start-up time (queries.lookup)

    if is_vague_uid(move.receiver_uid):
        return []
    own = [item for item in evidence if item.department_uid == move.receiver_uid and item.kind in _HELD]
    return [Evidence(key=f"{move.source}|{piece}", kind="duty", text=piece, department=move.receiver,
                     department_uid=move.receiver_uid, region=move.receiver_region,
                     department_region=move.receiver_region, office="", source=move.source, content=tuple(work))
            for piece in work_pieces(move.sentence)
            if not any(says_moved_work(model, work := content_terms(piece), item.text, item.content or None)
                       for item in own)]
