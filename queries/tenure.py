"""tenure_duties: what a department was responsible for over a leader's tenure (任职期间), for a 领导干部经济责任审计.

An auditor first fixes the department's duties from the day the leader took office (任职) to the day they left (离任):
those in force at the start, every change in between, those at the end, and the staffing at both ends. Nothing here
reads a date's duties anew: each state is `queries.in_force` on a date (the 三定 then in force and the 调整 notices in
force by then, with what they moved out, cancelled or handed down), read at the window's start and at each document's
date inside it (a new 三定, a notice of this department's or of another that moves work to it). So:

- 任期职责变动 (`changes`): each notice's moves, as `duties_in_force` reads them on its date (划出, 部分划出, 取消,
  下放, 划入, each cited by the notice's clause), a new 三定's duties against those held the day before
  (`queries.draft_diff.duty_changes`, as check-draft compares a draft: 新增, 删除, 改写), and the posts the notices
  moved, cut or handed down and the 领导职数 they changed (`staff_moves`), and a 行政编制 a notice's 调整后 total or a
  new 三定 sets beyond them (`_figure_changes`).
- 任期职责清单 (`duties`): every department duty held on some day of the window, a row for each period it was held
  (moved out by one notice and back by a later one, or restated by a later 三定: an auditor reads each period on a
  line of its own in Excel, filtered and sorted as the other tables), from when to when, what it was at the end of
  the period (现行, or what a notice made of it, or 后续三定未载明 where a later 三定 no longer states it), the clauses
  that state it and the offices that carried it.
- 编制 (`staffing`): the 行政编制 and 领导职数 at the start and at the end: each the figure of the newest document
  setting it by then (`staff_figures`; for a body renamed by a notice alone, the old body's from the rename's date)
  with the notices' moves after it by then, as staffing_load adds them (`queries.staffing.with_staff_figures`).
- 清单 (`lists`): the items naming the department of each version of a list in force on some day of the window
  (`queries.tenure_lists`): the current version's (权责清单 items it exercises, boundary matters it leads or assists
  on, supervision items it claims; `department_roles`) unless dated after the window, and a replaced version's
  (ListVersion) from its date to the day before the next version's; each with its version's dates, and marked where
  issued inside the window.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, pairwise
from typing import Any

from graph.store import Row, Store
from ingest.content import content_terms
from ingest.similarity import DEFAULT_THRESHOLD
from queries import catalog
from queries.catalog import Param, QueryError
from queries.draft_diff import ADDED, REMOVED, REWORDED, duty_changes
from queries.duty_pairs import Clause
from queries.headcount import signed_count
from queries.in_force import (
    AMENDMENT,
    CURRENT,
    SANDING,
    in_force,
    no_sanding_note,
    renamed_by_notice,
    renamed_out,
)
from queries.labels import IN_FORCE_STATUS_LABELS
from queries.lookup import find_department
from queries.moved_out import PARTLY_STATUSES, RETIRED_STATUSES, transfer_covers
from queries.overlaps import duty_model
from queries.sources import document_titles, readable_source, source_document
from queries.staffing import moved_staff, with_staff_figures
from queries.tenure_lists import day_before, list_items

# The tables of the answer, in the order an auditor reads them (api.tabular.TABLE_TITLES["tenure"] titles them).
SECTIONS = ("summary", "changes", "duties", "staffing", "lists")
# A duty still the department's: current, or a clause a notice took part of (the rest is still its work).
HELD = frozenset({CURRENT, *PARTLY_STATUSES})
# A duty a later 三定 inside the window no longer states (it may restate it reworded: the changes table says so).
NOT_RESTATED = "not_restated"
STATUS_LABELS = {**IN_FORCE_STATUS_LABELS, NOT_RESTATED: "后续三定未载明",
                 REWORDED: "后续三定改写（见任期职责变动）"}
# A notice's move, by what duties_in_force reads of the clause on the notice's date.
_NOTICE_KINDS = {"transferred": "划出", "partly_transferred": "部分划出", "cancelled": "取消",
                 "partly_cancelled": "部分取消", "devolved": "下放", "partly_devolved": "部分下放"}
_SANDING_KINDS = {ADDED: "新三定施行：新增", REMOVED: "新三定施行：删除", REWORDED: "新三定施行：改写"}
_STAFF_KINDS = {"moved_in": "编制划入", "moved_out": "编制划出", "cut": "编制核减", "devolved": "编制下放"}
LEADER_KIND = "领导职数调整"
# A notice's 调整后 行政编制 that the figure before and its own moves do not add up to (a merger bringing the merged
# body's posts: 将…的职责划入…，调整后行政编制24名).
FIGURE_KIND = "核定编制调整"
# A new 三定's 行政编制 unlike the figure in force the day before (a successor's 三定 after a merger notice's 调整后
# total): the 三定 re-sets the staffing.
SANDING_FIGURE_KIND = "新三定施行：核定编制调整"
CARRIED_KIND = "机构改革承继"  # a replaced body's duty, the successor's from the reform (queries.in_force)


@dataclass(frozen=True)
class _State:
    """The department's duties on a date (`in_force`), department duties only, by uid; and the reform each carried
    row came by, by its source (`InForce.reforms`)."""

    date: str
    rows: dict[str, Row]
    reforms: dict[str, Row]
    # The replaced bodies' 三定 the carried rows cite (`InForce.carried`): what the department's duties rest on that
    # day where no 三定 of its own is in force yet (a body renamed by notice).
    carried: tuple[Row, ...]

    def held(self) -> dict[str, Row]:
        return {uid: row for uid, row in self.rows.items() if row["status"] in HELD}


def window(start: str, end: str) -> tuple[str, str]:
    """The window's dates as YYYY-MM-DD, read as `duties_in_force` reads its date (its messages), the start not
    after the end: a reversed window would answer nothing and read as a tenure without duties."""
    first = Param("from", "date", False, None, "任职日期").coerce(start)
    last = Param("to", "date", False, None, "离任日期").coerce(end)
    if first > last:
        raise QueryError(f"from ({first}) is after to ({last}): the tenure starts on the day of appointment",
                         f"任职日期（{first}）晚于离任日期（{last}）：请按 任职日期、离任日期 的顺序填写")
    return first, last


def tenure_duties(store: Store, department: str, start: str, end: str) -> dict[str, Any]:
    """`department`: a name or uid (`find_department`); `start`, `end`: the tenure's first and last day, as
    `window` reads them. The answer's tables (SECTIONS), with the department, the window and `note_zh`."""
    first, last = window(start, end)
    found = find_department(store, department)
    versions = catalog.run(store, "sanding_versions", {"department": found["uid"]})
    # Each document coming into force inside the window changes the duties on its date: a state is read there. So
    # does a rename by notice carrying them to a successor, whose notice is the successor's document.
    renamed = renamed_out(store, found["uid"], last)
    changed = [v["in_force_from"] for v in versions] + [renamed["changed_on"] if renamed else ""]
    dates = sorted({day for day in changed if day and first < day <= last})
    states = [_state(store, found["uid"], day) for day in [first, *dates]]
    moves = [row for row in catalog.run(store, "staff_moves", {"region": found["region"]})
             if row["department_uid"] == found["uid"]]
    figures = staff_figures(store, found["uid"])
    changes = (_duty_changes(states, versions, found) + _staff_changes(moves, first, last)
               + _figure_changes(states, versions, figures, moves))
    changes.sort(key=lambda row: (row["date"], _KIND_ORDER.get(row["kind"], 9), row["source"], row["duty"]))
    staffing = [_staffing("任期开始", first, figures, moves), _staffing("任期结束", last, figures, moves)]
    note = f"任期开始时{no_sanding_note(versions, first)}{_before_note(store, found['uid'], states)}" \
        if not states[0].rows else ""
    if renamed and renamed["changed_on"] and renamed["changed_on"] <= first:
        note = _renamed_before_note(store, renamed)
    reworded = {row["other"]: row["duty"] for row in changes if row["kind"] == _SANDING_KINDS[REWORDED]}
    duties = _held(states, last, reworded)
    lists = list_items(store, found, first, last)
    result: dict[str, Any] = {
        "department": found["name"], "department_uid": found["uid"], "from": first, "to": last, "note_zh": note,
        "changes": changes, "duties": duties, "staffing": staffing, "lists": lists}
    result["summary"] = _summary(result, versions, states)
    return {key: result[key] for key in ("department", "department_uid", "from", "to", "note_zh", *SECTIONS)}


def _renamed_before_note(store: Store, renamed: Row) -> str:
    """The note of a window that begins on or after the department's rename by notice (`renamed_out`'s row): it held
    none of its duties then, its successor did (a window of no rows said nothing of why)."""
    cited = readable_source(renamed["change_source"], document_titles(store))
    return f"本部门已于 {renamed['changed_on']} 更名为{renamed['counterpart']}（{cited}），此后的职责由其承继"


def _before_note(store: Store, department: str, states: list[_State]) -> str:
    """What the note says of the duties before the first a window's state holds: where the department's first duties
    are carried from a body a 机构改革 replaced (a rename by notice), they are in the graph, under that body, by the
    documents the carried rows cite: say which, and from when they are the department's, inside the window or after
    it (`_renamed_after`). Else they are not in the graph."""
    for state in chain(states[1:], _renamed_after(store, department, states)):
        carried = [row for row in state.rows.values() if row["source"] in state.reforms]
        if carried:
            bodies = "、".join(sorted({state.reforms[row["source"]]["department"] for row in carried}))
            since = min(row["in_force_from"] for row in carried)
            documents = "、".join(f"《{row['title']}》" for row in state.carried)
            return f"；此前的职责在前身{bodies}名下，本部门自 {since} 起承继，见{documents}"
        if state.rows:
            break
    return "，此前的职责图中未载"


def _renamed_after(store: Store, department: str, states: list[_State]) -> Iterator[_State]:
    """The department's duties on the day a rename by notice after the window made it, where the window's states
    hold none (it did not exist yet; a chain's earlier rename may fall before the window): whose they were then is
    whose the carried rows of that day say. A generator: read only once `_before_note` has found every state of the
    window empty, as most windows are not."""
    dates = [body["reform_date"] for body in renamed_by_notice(store, department)
             if body["reform_date"] > states[-1].date]
    if dates:
        yield _state(store, department, min(dates))


def staff_figures(store: Store, department: str) -> list[Row]:
    """The figures setting the department's 行政编制 and 领导职数, in the order `_staffing` takes the newest in force:
    its own documents' (`staff_figures`), and those a rename by notice alone left it (the old bodies' `staff_figures`,
    the bodies as `in_force.renamed_by_notice` reads a rename, as the duties in force do: the nearest body's first),
    each in force from the rename's date at the earliest, so that a rename by notice gives the successor a figure from
    its date as a 三定 stating the rename does. On one date its own figure
    comes before a lent one, and a nearer body's before a farther one's (`lent_staffing` reads them so)."""
    own = [{**row, "steps": 0} for row in catalog.run(store, "staff_figures", {"department": department})]
    lent = [{**row, "steps": body["steps"], "in_force_from": max(row["in_force_from"], body["reform_date"]),
             "set_on": row["in_force_from"]}
            for body in renamed_by_notice(store, department)
            for row in catalog.run(store, "staff_figures", {"department": body["uid"]})]
    return sorted(own + lent, key=lambda row: (row["in_force_from"], -row["steps"],
                                               row.get("set_on") or row["in_force_from"], row["document"]))


def _state(store: Store, department: str, date: str) -> _State:
    answer = in_force(store, department, date)
    rows = {_uid(row): row for row in answer.duties if not row["office"]}
    return _State(date, _moved_back(store, rows), answer.reforms, tuple(answer.carried))


def _moved_back(store: Store, rows: dict[str, Row]) -> dict[str, Row]:
    """Work a notice moved in that a clause moved out before wholly says (a notice of 2022 moves 文物保护 out, one of
    2023 moves 文物保护监督管理 back) is that clause held again: it is keyed by the clause's uid, so that the clause's
    holding periods (`_held`) read out and back, where in_force keeps them apart (the clause still moved out by the
    first notice, the work the second moved in a row of its own words). So with the part of a clause moved out
    (部分划出) when the work moved in wholly says that part (the notice's `change`): the clause is wholly held again.
    Read as a transfer's clause is read (`moved_out.transfer_covers`)."""
    gone = {uid: row for uid, row in rows.items() if row["status"] in (*RETIRED_STATUSES, *PARTLY_STATUSES)}
    moved_in = [uid for uid, row in rows.items()
                if row["status"] == CURRENT and row["change_source"] and row["change_source"] == row["source"]]
    if not gone or not moved_in:
        return rows
    model = duty_model(store)
    out = dict(rows)
    for uid in moved_in:
        back = next((clause for clause, row in sorted(gone.items())
                     if transfer_covers(model, rows[uid]["text"], row["change"] if row["status"] in PARTLY_STATUSES
                                        else row["text"], None) == "transferred"), None)
        if back is not None:
            out[back] = out.pop(uid)
            del gone[back]  # one clause, held again once
    return out


def _uid(row: Row) -> str:
    # duties_in_force rows carry no uid: a clause is its text (one text, one duty: ingest.records.duty_uid).
    return row["text"]


def _duty_changes(states: list[_State], versions: list[Row], found: Row) -> list[Row]:
    """The changes each state after the first brings: a notice's moves (the rows whose change is dated that day), the
    duties carried in that day from a body a 机构改革 replaced (`_State.reforms`: the body, the reform's clause the
    ground), and where a 三定 comes into force that day, its duties against those held the day before."""
    out: list[Row] = []
    for before, after in pairwise(states):
        for uid, row in after.rows.items():
            body = after.reforms.get(row["source"])
            if body and row["in_force_from"] == after.date and uid not in before.rows:
                out.append(_change(after.date, CARRIED_KIND, row["text"], row["carried_by"], body["department"],
                                   body["source"]))
        for row in after.rows.values():
            if row["changed_on"] != after.date or not row["change_source"]:
                continue
            kind = _NOTICE_KINDS.get(row["status"]) or ("划入" if row["status"] == CURRENT else "")
            if kind:
                out.append(_change(after.date, kind, row["text"], row["carried_by"], row["counterpart"],
                                   row["change_source"]))
        issued = [v["document"] for v in versions if v["kind"] == SANDING and v["in_force_from"] == after.date]
        if issued:
            out += _sanding_changes(before, after, set(issued), found)
    return out


def _sanding_changes(before: _State, after: _State, sanding: set[str], found: Row) -> list[Row]:
    """A new 三定's duties against those held the day before, paired as check-draft pairs a draft with the 三定 in
    force: restated word for word is no change; the rest reworded (改写), removed (删除) or added (新增)."""
    held = before.held()
    # The work a notice moved in before the 三定 was held too: the new 三定 restating it is no new duty.
    new = {uid: row for uid, row in after.rows.items() if source_document(row["source"]) in sanding}
    holder = found.get("base_name") or found["name"]
    clause = lambda uid, row: Clause(uid, row["text"], row["ordinal"], row["source"],  # noqa: E731
                                     tuple(content_terms(row["text"])), holder)
    compared = duty_changes([clause(uid, row) for uid, row in held.items() if uid not in new],
                            [clause(uid, row) for uid, row in new.items() if uid not in held], DEFAULT_THRESHOLD)
    rows: list[Row] = []
    for change in compared.rows:
        kind = _SANDING_KINDS[change["change"]]
        text = change["new_text"] or change["old_text"]
        row = after.rows.get(text) or before.rows.get(text) or {}
        source = _new_source(new, change["new_text"]) or change["source"]
        other = change["old_text"] if change["change"] == "reworded" else ""
        rows.append(_change(after.date, kind, text, row.get("carried_by") or [], other, source))
    return rows


def _new_source(new: dict[str, Row], text: str) -> str:
    return new[text]["source"] if text in new else ""


def _change(date: str, kind: str, duty: str, offices: list[str], other: str, source: str) -> Row:
    return {"date": date, "kind": kind, "duty": duty, "office": "、".join(offices), "other": other or "",
            "staff": None, "leader_posts": "", "source": source}


_KIND_ORDER = {kind: order for order, kind in enumerate(
    [*_SANDING_KINDS.values(), CARRIED_KIND, *_NOTICE_KINDS.values(), "划入", *_STAFF_KINDS.values(), LEADER_KIND,
     FIGURE_KIND, SANDING_FIGURE_KIND])}


def _figure_changes(states: list[_State], versions: list[Row], figures: list[Row], moves: list[Row]) -> list[Row]:
    """The 行政编制 a notice or a new 三定 coming into force inside the window sets (a notice's 调整后 total, a 三定's
    figure) beyond what the figure before and the moves through its date, a notice's own among them, leave
    (`_staffing` without its figure): `staff` the difference, signed; `other` the body a reform the notice states
    replaced (a merger's posts come with the merged body). A figure with none before it (the department's first)
    changes nothing: the 任期始末编制 table gives it."""
    kinds = {v["document"]: v["kind"] for v in versions}
    out: list[Row] = []
    for state in states[1:]:
        for figure in figures:
            if figure["in_force_from"] != state.date or kinds.get(figure["document"]) not in (AMENDMENT, SANDING):
                continue
            others = [row for row in figures if row["document"] != figure["document"]]
            before = _staffing("", state.date, others, moves)["staff_quota"]
            if before is None or figure["staff_quota"] == before:
                continue
            replaced = sorted({reform["department"] for reform in state.reforms.values()
                               if source_document(reform["source"]) == figure["document"]})
            kind = FIGURE_KIND if kinds[figure["document"]] == AMENDMENT else SANDING_FIGURE_KIND
            out.append({**_change(state.date, kind, "", [], "、".join(replaced), figure["source"]),
                        "staff": figure["staff_quota"] - before})
    return out


def _staff_changes(moves: list[Row], first: str, last: str) -> list[Row]:
    """The posts the notices coming into force inside the window moved in or out, cut or handed down, and the 领导职数
    they changed, each cited by its clause (staff_moves rows, signed as staffing_load reads them)."""
    inside = [{**row, "figure_document": None, "figure_on": first} for row in moves if first < row["moved_on"] <= last]
    out: list[Row] = []
    for move in moved_staff(inside).get(moves[0]["department_uid"], []) if inside else []:
        on = next(row["moved_on"] for row in inside if row["source"] == move["source"])
        if move["staff"]:
            out.append({**_change(on, _STAFF_KINDS[move["direction"]], "", [], move["other"] or "", move["source"]),
                        "staff": move["staff"]})
        if move["leader_posts"]:
            change = move["leader_posts"] if move["direction"] == "moved_in" else -move["leader_posts"]
            out.append({**_change(on, LEADER_KIND, "", [], move["other"] or "", move["source"]),
                        "leader_posts": f"{move['leader_rank'] or '未写级别'} {signed_count(change)}"})
    return out


def _staffing(point: str, date: str, figures: list[Row], moves: list[Row]) -> Row:
    """The 行政编制 and 领导职数 on `date`: each the newest figure setting it by then, with the moves after that figure
    by then. A notice's 调整后 totals often set the 行政编制 alone: the 领导职数 stay those of the document before that
    sets them (a 三定's), as staffing_load and the profile read them, not 未载明."""
    set_by = [row for row in figures if row["in_force_from"] and row["in_force_from"] <= date]
    figure = set_by[-1] if set_by else None
    leader_figure = next((row for row in reversed(set_by) if row["leader_posts"] is not None), None)
    staff = _with_moves(figure, "staff_quota", date, moves)
    leaders = _with_moves(leader_figure, "leader_posts", date, moves)
    return {"point": point, "date": date, "staff_quota": staff["staff_quota"],
            "staff_quota_stated": staff["staff_quota_stated"],
            "leader_posts": None if leader_figure is None else leader_figure["leader_posts"] + (
                leaders["leader_posts_moved"] or 0),
            "leader_posts_stated": leader_figure["leader_posts"] if leader_figure else None,
            # Each cites the clause it was read from (`staff_figures`' source), as a duty does.
            "source": figure["source"] if figure else "",
            # A notice setting the 行政编制 alone leaves the 领导职数 an older document's: cited as the 编制's is.
            "leader_posts_source": leader_figure["source"] if leader_figure else ""}


def _with_moves(figure: Row | None, key: str, date: str, moves: list[Row]) -> Row:
    """`with_staff_figures` of the figure's `key` (staff_quota or leader_posts) and the moves after it by `date`."""
    dated = [{**row, "figure_document": figure["document"] if figure else None,
              "figure_on": figure["in_force_from"] if figure else None}
             for row in moves if row["moved_on"] <= date]
    uid = moves[0]["department_uid"] if moves else ""
    stated = {"staff_quota": None, "leader_posts": None, key: figure[key] if figure else None}
    return with_staff_figures(stated, moved_staff(dated).get(uid, []) if figure else [])


def _held(states: list[_State], last: str, reworded: dict[str, str]) -> list[Row]:
    """Every department duty held on some day of the window, a row for each period it was held (a duty moved out and
    back, or restated by a later 三定 after a notice moved it out, is held twice): from the first state of a run of
    states holding it to the day before the next state (the window's end after the last). Its status at the end of
    the period: the last state's at the window's end, else what the next state made of it (已划出 …), else that a
    later 三定 no longer states it: reworded (`reworded`: the old text to the new, from the changes) or not at all.
    The periods of one duty are together, in the order the duties were first held."""
    out: list[Row] = []
    for uid in dict.fromkeys(uid for state in states for uid in state.held()):
        held = [index for index, state in enumerate(states) if uid in state.held()]
        runs: list[list[int]] = []
        for index in held:
            if runs and index == runs[-1][-1] + 1:
                runs[-1].append(index)
            else:
                runs.append([index])
        periods = [_period(states, run, last, uid, reworded) for run in runs]
        out += [{**period, "duty": periods[0]["duty"]} for period in periods]
    first: dict[str, tuple[str, list[str]]] = {}
    for row in out:
        first.setdefault(row["duty"], (row["held_from"], row["sources"]))
    return sorted(out, key=lambda row: (*first[row["duty"]], row["duty"], row["held_from"]))


def _period(states: list[_State], run: list[int], last: str, uid: str, reworded: dict[str, str]) -> Row:
    """One period a duty was held: the states `run` (consecutive indexes) hold it."""
    rows = [states[index].rows[uid] for index in run]
    after = states[run[-1] + 1] if run[-1] + 1 < len(states) else None
    ended = after.rows.get(uid) if after else None
    status = rows[-1]["status"] if after is None else ended["status"] if ended \
        else REWORDED if uid in reworded else NOT_RESTATED
    sources = {row["source"] for row in rows}
    if ended and ended["change_source"]:
        sources.add(ended["change_source"])
    return {"duty": rows[0]["text"], "held_from": states[run[0]].date,
            "held_to": last if after is None else day_before(after.date),
            "status_at_end": status, "status_label": STATUS_LABELS.get(status, status),
            "offices": sorted({office for row in rows for office in row["carried_by"]}), "sources": sorted(sources)}


def _summary(result: dict[str, Any], versions: list[Row], states: list[_State]) -> list[Row]:
    """The 任期职责情况说明: the window, the 三定 in force at its start and end (where none of the department's own is,
    the replaced body's its duties are carried from: a body renamed by notice holds its work by the old 三定), the
    counts, the staffing."""
    first, last = result["from"], result["to"]
    sandings = [v for v in versions if v["kind"] == SANDING and v["in_force_from"]]

    def sanding_on(state: _State) -> str:
        dated = [v for v in sandings if v["in_force_from"] <= state.date]
        if dated:
            return f"{dated[-1]['title']}（{dated[-1]['in_force_from']} 起施行）"
        return "；".join(f"{row['title']}（{row['in_force_from']} 起施行，{CARRIED_KIND}）"
                        for row in state.carried) or "（无）"

    start, end = result["staffing"]
    held = result["duties"]
    changes = result["changes"]
    rows = [("部门", result["department"]), ("任职期间", f"{first} 至 {last}"),
            ("任期开始时施行的三定", sanding_on(states[0])), ("任期结束时施行的三定", sanding_on(states[-1])),
            ("任期内施行的三定和调整通知", f"{sum(1 for v in versions if first < v['in_force_from'] <= last)} 份"),
            ("任期内职责变动", f"{sum(1 for c in changes if c['duty'])} 项"),
            ("任期内承担过的职责", f"{len({d['duty'] for d in held})} 项，其中任期结束时仍承担 "
                            f"{sum(1 for d in held if d['held_to'] == last and d['status_at_end'] in HELD)} 项"),
            ("行政编制", f"任期开始 {_figure(start['staff_quota'])}，任期结束 {_figure(end['staff_quota'])}"),
            ("领导职数", f"任期开始 {_figure(start['leader_posts'])}，任期结束 {_figure(end['leader_posts'])}"),
            ("涉及本部门的清单事项", f"{len(result['lists'])} 项，其中任期内印发的清单 "
                               f"{sum(1 for item in result['lists'] if item['issued_in_window'])} 项")]
    if result["note_zh"]:
        rows.append(("说明", result["note_zh"]))
    return [{"item": item, "value": value} for item, value in rows]


def _figure(value: int | None) -> str:
    return "未载明" if value is None else f"{value} 名"
