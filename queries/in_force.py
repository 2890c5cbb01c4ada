"""duties_in_force: what one department's duties were on a date, under the 三定 then in force (an 问责调查 asks who was
responsible on the day of an incident, after a revision has replaced that 三定).

The graph keeps every version: a duty or office restated by a later 三定 is the same node, and each document's FROM
edge to it keeps what that document states (its clause, ordinal and, for a duty, status; `ingest.records`). So the
answer for a date is read from the documents in force then, not from the nodes, which keep the newest statement:
the latest 三定 whose 施行日期 (else 印发日期) is on or before the date, and the 调整职责机构编制 notices in force after
it by then (a later 三定 restates what it keeps of them): the duties they move in, and the work they move out, cancel
or hand down, which no longer reads as the department's duty (`queries.moved_out`): its row stays, with that status
and the notice's clause, for an investigator must see that it was no longer the department's, and why.
A successor holds the duties it carries from a body a 机构改革 by notice replaced from the date of that notice, and a
later notice moves them out as it moves the 三定's own (`_held`: today's reading, `duties_today`, reads them so too).
Two 三定 of one date are one version when they are one text (copies); two texts of one date (a corrected reissue) are
not: the later 印发日期 wins, and where that cannot tell them apart both are stated, with a warning.
Each row's source is the clause of the document that states it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from graph.store import Row, Store
from ingest.carried import SUCCESSIONS, carrying, carrying_on
from ingest.similarity import SimilarityModel
from queries import catalog
from queries.cache import cached
from queries.labels import VERSION_KIND_LABELS
from queries.lookup import find_department
from queries.moved_out import PARTLY_STATUSES, RETIRED_STATUSES, Retirement, covered_duties
from queries.overlaps import duty_model
from queries.sources import Titles, source_document

SANDING, AMENDMENT = "sanding", "amendment"
CURRENT = "current"
_NO_CHANGE = {"status": CURRENT, "change": "", "counterpart": "", "change_source": "", "changed_on": ""}


@dataclass(frozen=True)
class Version:
    """The 三定 in force on a date: its documents (copies of one text, or texts of one date that cannot be told
    apart), one row each of `sanding_versions` per text stated, and what the reader must be told of the choice."""

    documents: list[str]
    texts: list[Row]
    warning_zh: str  # '' when there is nothing to say


@dataclass(frozen=True)
class InForce:
    department: str  # its name
    date: str  # YYYY-MM-DD
    sandings: list[Row]  # the 三定 in force (rows of `sanding_versions`, one per text stated), none before the first
    amendments: list[Row]  # the 调整 notices in force after it by the date
    duties: list[Row]
    note_zh: str  # why there are no rows, '' when there are
    warning_zh: str  # two texts of the 三定 of one date: which one the answer is read from ('' when not so)
    # the documents of bodies a 机构改革 replaced that the rows carried from them cite (rows of their
    # `sanding_versions`): the old body's 三定, read as the successor's until a 三定 of its own restates them
    carried: list[Row]
    # by a carried row's `source`: the body the reform replaced (`department`, the last step of a chain) and the
    # reform's clause (`source`), for the tenure's 机构改革承继 lines
    reforms: dict[str, Row]


def in_force(store: Store, department: str, date: str) -> InForce:
    """`department`: a name or uid (`find_department`); `date`: YYYY-MM-DD (`catalog.iso_date`)."""
    found = find_department(store, department)
    versions = catalog.run(store, "sanding_versions", {"department": found["uid"]})
    version = version_in_force(versions, date)
    amendments = _notices_in_force(versions, version, date)
    if version is None:  # the notices alone, or nothing
        duties, cited, reforms = _duties(store, found, versions, [], amendments, date) if amendments else ([], [], {})
        return InForce(found["name"], date, [], amendments, duties,
                       _without_sanding(versions, date, amendments, bool(cited)), "", cited, reforms)
    duties, cited, reforms = _duties(store, found, versions, version.documents, amendments, date)
    return InForce(found["name"], date, version.texts, amendments, duties, "", version.warning_zh, cited, reforms)


def _notices_in_force(versions: list[Row], version: Version | None, date: str) -> list[Row]:
    """The 调整 notices in force by `date` after the 三定 in force (all of them by then, with none in force: a
    department that receives work before a 三定 of its own is loaded still has what they moved in or out)."""
    since = version.texts[0]["in_force_from"] if version else ""
    return [v for v in versions if v["kind"] == AMENDMENT and v["in_force_from"] and since < v["in_force_from"] <= date]


def _without_sanding(versions: list[Row], date: str, amendments: list[Row], carried: bool) -> str:
    """Why a date has no 三定 in force, and, where notices answer instead, what their rows are: the changes they
    made alone, not all its duties; or, where it carried a replaced body's duties (`carried`: a body renamed by
    notice, before a 三定 of the new name), those duties as the old body's 三定 states them, with the changes."""
    note = no_sanding_note(versions, date)
    if not amendments:
        return note
    if carried:
        return f"{note}；所列为机构改革承继的原机构三定所定职责，及其时已施行的调整职责机构编制通知所定的职责变动"
    return f"{note}；所列仅为其时已施行的调整职责机构编制通知所定的职责变动，不是该部门的全部职责"


def _duties(store: Store, found: Row, versions: list[Row], sanding: list[str], amendments: list[Row],
            date: str) -> tuple[list[Row], list[Row], dict[str, Row]]:
    """The rows the 三定 documents `sanding` and the notices `amendments` state, with the duties carried by `date`;
    the replaced bodies' documents the carried rows cite (`_cited`), and the reform each carried row came by."""
    stated = _stated(store, found, versions, sanding, amendments)
    held = _held(store, found["uid"], versions, stated, date)
    cited = _cited(store, held)  # before `_rows`, which adds the notices' own rows to `held`
    reforms = {row["source"]: {"department": row["replaced"], "source": row["ground_source"]}
               for row in held.values() if row.get("replaced")}
    rows = _rows(found["name"], held, stated, {v["document"] for v in amendments}, _transfers(store, found["uid"]),
                 lambda: duty_model(store))
    out = renamed_out(store, found["uid"], date)
    return [{**row, **with_renamed_out(row, row["text"], out)} for row in rows], cited, reforms


def _cited(store: Store, held: dict[str, Row]) -> list[Row]:
    """The documents of the replaced bodies (`sanding_versions` rows) that the carried duties of `held` cite (the old
    body's 三定 a carried row's source is), in the order they came into force."""
    documents = {source_document(row["source"]) for row in held.values() if row.get("body")}
    return sorted((v for body in sorted({row["body"] for row in held.values() if row.get("body")})
                   for v in catalog.run(store, "sanding_versions", {"department": body}) if v["document"] in documents),
                  key=lambda v: (v["in_force_from"], v["issued"] or "", v["document"]))


def _stated(store: Store, found: Row, versions: list[Row], sanding: list[str], amendments: list[Row]) -> list[Row]:
    """`stated_duties` of the documents, each with its document's date in force."""
    stated = catalog.run(store, "stated_duties", {"department": found["uid"],
                                                  "documents": sanding + [v["document"] for v in amendments]})
    dates = {v["document"]: (v["in_force_from"], v["issued"] or "") for v in versions}
    return [{**row, "in_force_from": dates[source_document(row["source"])][0],
             "issued": dates[source_document(row["source"])][1]} for row in stated]


# department_duties reads the newest 三定 the graph holds, whatever its date: so do its statuses.
_LATEST = "9999-12-31"
_TODAY_COLUMNS = ("status", "change", "counterpart")


def department_duties_today(store: Store, rows: list[Row], params: dict[str, object]) -> list[Row]:
    """department_duties' `finish`: each current clause with what the 调整 notices since the newest 三定 made of it
    (`status`, `change`, `counterpart`, as duties_in_force's), so that a clause a notice moved out reads 已划出 until
    a later 三定 restates the duties; the row stays, for an investigator must see it. The carried rows are those the
    dated reading holds today (`_held`): work a body of a chain of reforms had moved out before it was merged is
    not the successor's, and a part it had moved out is marked on the carried row."""
    if not rows:
        return rows
    found = find_department(store, str(params["department"]))
    carries = any(row["carried_from"] for row in rows)
    today = (carriers_today(store).get(found["uid"]) if carries else None) or _today(store, found["uid"], carries)
    if today is not None:
        rows = [{**row, **{key: today.changes[row["uid"]][key] for key in _TODAY_COLUMNS}}
                if row["uid"] in today.changes else row
                for row in rows if not row["carried_from"] or row["uid"] in today.duties]
    # A body renamed by notice holds none of them today: they are its successor's, as duties_in_force reads it.
    out = renamed_out(store, found["uid"], _LATEST)
    return [{**row, **{key: with_renamed_out(row, row["text"], out)[key] for key in _TODAY_COLUMNS}}
            for row in rows] if out is not None else rows


@dataclass(frozen=True)
class Today:
    """A department's duties as its newest 三定 and the 调整 notices since it state them (with no 三定 loaded, its
    notices alone), by uid (work the notices took that no clause says is a duty of its own, keyed by the notice's
    clause and words), and each one's status columns (`_changes`). The duties it carries from bodies a 机构改革 by
    notice replaced (`carried_from` set: `_carried_on`) are among them: a later notice moves them out as it moves
    the 三定's own."""

    duties: dict[str, Row]
    changes: dict[str, Row]
    sanding: bool  # whether a 三定 of the department is loaded
    notices: frozenset[str]  # the notices read (a duty whose source is one of them is theirs)
    # every document of the department's own, in force or not (a clause citing another is carried from a replaced body)
    documents: frozenset[str]


def duties_today(store: Store, department: str) -> Today | None:
    """`department`: a uid. None where no 调整 notice since the newest 三定 (or, with none, at all) names it. Read once
    per graph version: who_handles' index, duty_count and township_duties ask for the same departments; callers must
    not mutate it."""
    return cached(store, ("duties_today", department), lambda: _today(store, department, False))


def _today(store: Store, department: str, carries: bool) -> Today | None:
    """The dated reading on `_LATEST`; None where no notice since the newest 三定 names the department, unless it
    `carries` duties from a replaced body (which the bodies' own notices may have changed). A body renamed by notice
    is read as holding what it held (`renamed_out` is not applied): the evidence index passes a replaced body's
    moved-in work to its successor from this reading (`notice_evidence.after_reforms`)."""
    versions = catalog.run(store, "sanding_versions", {"department": department})
    version = version_in_force(versions, _LATEST)
    amendments = _notices_in_force(versions, version, _LATEST)
    if not amendments and not carries:
        return None
    stated = _stated(store, {"uid": department}, versions, version.documents if version else [], amendments)
    duties = _held(store, department, versions, stated, _LATEST)
    changes = _changes(duties, stated, {v["document"] for v in amendments}, _transfers(store, department),
                       lambda: duty_model(store))
    return Today(duties, changes, version is not None, frozenset(v["document"] for v in amendments),
                 frozenset(v["document"] for v in versions))


def carriers_today(store: Store) -> dict[str, Today]:
    """Today's reading (`_today`) of each department that stands for bodies a 机构改革 replaced and may carry their
    duties (the successor of a carrying SUCCEEDED_BY edge, not replaced itself), by uid, read once per graph version:
    who_handles' index takes a carrier's carried clauses from it. Only the carriers are read (7–18 ms each for a
    chain of two on this loaded machine), not every department."""
    def read() -> dict[str, Today]:
        edges = _successions(store)
        replaced = {edge["predecessor"] for edge in edges}
        carriers = sorted({edge["successor"] for edge in edges if edge["carries"]} - replaced)
        # A carrier a notice names reads as duties_today does (the same reading, kept once for both).
        return {uid: today for uid in carriers
                if (today := duties_today(store, uid) or _today(store, uid, True)) is not None}

    return cached(store, ("carriers_today",), read, whole_graph=True)


def _held(store: Store, department: str, versions: list[Row], stated: list[Row], date: str) -> dict[str, Row]:
    """What the department held on `date`, by uid: the duties `stated` (its documents in force then) state as current,
    and those it carries from a body a 机构改革 replaced from the date of the notice grounding the carrying (a ground
    of no date, as today's reading reads it, on any date); the notices in force by then may move either out."""
    carried = _carried_on(store, department, versions, date)
    return _current(stated) | {uid: row for uid, row in carried.items() if row["in_force_from"] <= date}


# A chain of reforms is followed this far back, as department_duties follows SUCCEEDED_BY*1..4.
CHAIN = 4


def _carried_on(store: Store, department: str, versions: list[Row], date: str, depth: int = 1) -> dict[str, Row]:
    """What the department carried on `date` from the bodies a 机构改革 by notice replaced, decided on that date
    (`ingest.carried.carrying_on`: a 三定 of its own ends the carrying from the day it is in force, not before): each
    old body's duties as it held them then (its 三定 and notices in force, and what it carried itself), by uid, in
    force from the date of the notice grounding the carrying. A rename carries its offices too (their clauses carry
    out its duties: `_rows` reads REFINES), a merger its department duties alone; where the successor's 三定 was
    in force by then, only what the old body's documents stated after it (`Carrying.after`)."""
    edges = _successions(store)
    into = [edge for edge in edges if edge["successor"] == department]
    if not into or depth > CHAIN:
        return {}
    version = version_in_force(versions, date)
    issued = {department: max(v["issued"] or "" for v in version.texts)} if version else {}
    bodies = {edge["predecessor"] for edge in into}
    carrying = carrying_on([edge for edge in edges if edge["predecessor"] in bodies], date, issued)
    in_force_from = {v["document"]: v["in_force_from"] for v in versions}
    held: dict[str, Row] = {}
    for edge in into:
        carry = carrying.get((edge["predecessor"], edge["source"]))
        if carry is None or not carry.carries:
            continue
        renamed = edge["kind"] == "renamed" and carry.after is None
        for uid, row in _body_held(store, edge["predecessor"], edge["predecessor_name"], date, depth).items():
            if (row["office"] and not renamed) or (carry.after is not None and row["issued"] <= carry.after):
                continue
            # `replaced`, `ground_source`: the body this reform replaced and its clause (the last step of a chain).
            held.setdefault(uid, {**row, "refines": row["refines"] if renamed else [],
                                  "replaced": edge["predecessor_name"], "ground_source": edge["source"],
                                  "in_force_from": in_force_from.get(source_document(edge["source"])) or ""})
    return held


def _successions(store: Store) -> list[Row]:
    """Every SUCCEEDED_BY edge (`SUCCESSIONS`), read once per graph version: each dated reading, and each day a
    tenure reads, asks for them at every step of a chain, and the read scans every department (55–88 ms over 8,000
    departments and 200 reforms on this machine, 0.2 ms cached). Shared: not to be changed."""
    return cached(store, ("successions",), lambda: store.read(SUCCESSIONS), whole_graph=True)


def _notice_renames(store: Store) -> list[Row]:
    """The SUCCEEDED_BY edges that are renames by a notice alone, as `_carried_on` reads one (`ingest.carried.carrying`:
    kind `renamed`, carrying all the old body's current duties)."""
    edges = _successions(store)
    carried = carrying([{**edge, "successor_issued": ""} for edge in edges])
    return [edge for edge in edges if edge["kind"] == "renamed"
            and (carry := carried[edge["predecessor"], edge["source"]]).carries and carry.after is None]


def renamed_out(store: Store, department: str, date: str) -> Row | None:
    """The status columns of every duty the department held when a rename by notice (`_notice_renames`) had carried
    them to its successor by `date` (an undated rename, on any date, as `carrying_on` reads it): 已划出 to the
    successor by the notice's clause on its date, as a notice's move out reads. None where no such rename had: from
    the rename the duties are the successor's (`_carried_on`), not both bodies'."""
    edge = next((edge for edge in _notice_renames(store)
                 if edge["predecessor"] == department and (not edge["date"] or edge["date"] <= date)), None)
    if edge is None:
        return None
    return {"status": "transferred", "counterpart": find_department(store, edge["successor"])["name"],
            "change_source": edge["source"], "changed_on": edge["date"]}


def with_renamed_out(change: Row, text: str, out: Row | None) -> Row:
    """A duty's status columns (`change`) as a rename by notice left them (`out`, `renamed_out`'s): one still held
    moved out whole to the successor, the work moved its clause (`text`); any other as it is."""
    if out is None or change["status"] not in {CURRENT, *PARTLY_STATUSES}:
        return change
    return {**change, **out, "change": text}


def renamed_by_notice(store: Store, department: str) -> list[Row]:
    """The bodies a chain of renames by a notice alone (关于将A更名为B的通知) leads back from `department`, nearest
    first, each `{uid, name, steps, reform_date}`: `steps` from the department, `reform_date` the date of the rename
    into the department along the shortest chain ('' where the notice gives none). A rename is one as `_carried_on`
    reads it (`ingest.carried.carrying`: an edge of kind `renamed` carrying all the old body's work, as only a notice
    grounds one), read before any 三定 of the successor's: whoever reads these on a date (tenure's staffing) sets
    the successor's own documents beside them by date."""
    renames = _notice_renames(store)
    found: dict[str, Row] = {}
    reached: list[tuple[str, str | None]] = [(department, None)]
    for steps in range(1, CHAIN + 1):
        further: list[tuple[str, str | None]] = []
        for body, into in reached:
            for edge in renames:
                old = edge["predecessor"]
                if edge["successor"] == body and old != department and old not in found:
                    date = edge["date"] if into is None else into
                    found[old] = {"uid": old, "name": edge["predecessor_name"], "steps": steps, "reform_date": date}
                    further.append((old, date))
        reached = further
    return list(found.values())


def _body_held(store: Store, body: str, name: str, date: str, depth: int) -> dict[str, Row]:
    """What a replaced body (uid `body`, named `name`) held on `date` (`_held`'s reading of it), each row with the
    印发日期 of the document stating it (`issued`) and the body whose document that is (`body`, `carried_from`: its
    uid and name), carried ones included; less the work its own notices in force by then had moved out, cancelled or
    devolved whole (a chain of reforms: B renamed from A gives 燃气 to 住建局, then merges into C, which never held
    燃气). A clause they took part of is carried with that change (`carried_change`: 部分划出 on the successor's
    row)."""
    versions = catalog.run(store, "sanding_versions", {"department": body})
    version = version_in_force(versions, date)
    amendments = _notices_in_force(versions, version, date)
    stated = _stated(store, {"uid": body}, versions, version.documents if version else [], amendments)
    # `body`: whose documents state the row (the deepest of a chain), for the documents list (`_cited`).
    held = {uid: {**row, "body": body, "carried_from": name} for uid, row in _current(stated).items()} | _carried_on(
        store, body, versions, date, depth + 1)
    if not amendments:
        return held
    # A copy: `_changes` adds the notices' own words as rows, which are the body's changes, not duties it held.
    changes = _changes(dict(held), stated, {v["document"] for v in amendments}, _transfers(store, body),
                       lambda: duty_model(store))
    return {uid: {**row, "carried_change": changes[uid]} if changes[uid]["status"] in PARTLY_STATUSES else row
            for uid, row in held.items() if changes[uid]["status"] not in RETIRED_STATUSES}


def duties_in_force(store: Store, department: str, date: str) -> list[Row]:
    """The catalog's analysis: the rows of `in_force` (an empty answer's note is `empty.empty_hint`'s)."""
    return in_force(store, department, date).duties


def readable_documents(answer: InForce, titles: Titles) -> list[Row]:
    """The documents the answer rests on as people read them (the page's list, the command line's lines): its
    三定, the 三定 of the bodies whose duties it carried, then the notices, each with its kind and title in Chinese."""
    return [{"kind": VERSION_KIND_LABELS[row["kind"]], "title": titles[row["document"]].cite(""),
             "doc_number": row["doc_number"] or "", "issued": row["issued"] or "",
             "in_force_from": row["in_force_from"]}
            for row in answer.sandings + answer.carried + answer.amendments]


def said_beside(answer: InForce, titles: Titles) -> list[str]:
    """What the command line says beside the rows, as the page shows it above them: the documents in force (with
    those of the bodies a 机构改革 replaced), the warning, and the note where rows are read without a 三定 (with none,
    `queries.empty` says the note). Nothing when there are no rows."""
    if not answer.duties:
        return []
    lines = [f"{answer.department} {answer.date} 时施行的文件（职责 {len(answer.duties)} 条）："]
    for document in readable_documents(answer, titles):
        number = f"（{document['doc_number']}）" if document["doc_number"] else ""
        lines.append(f"  {document['kind']} {document['title']}{number}，{document['in_force_from']} 起施行")
    return lines + [f"注意：{said}" for said in (answer.warning_zh, answer.note_zh) if said]


def version_in_force(versions: list[Row], date: str) -> Version | None:
    """The 三定 in force on `date`: of those whose date (施行, else 印发) is the latest on or before it (an undated one
    never is), one text. Copies (one `text_sha256`) are one version; of two texts, the one issued later (a corrected
    reissue), and where their 印发日期 do not tell (the same, or not given), both, said in a warning."""
    dated = [v for v in versions if v["kind"] == SANDING and v["in_force_from"] and v["in_force_from"] <= date]
    if not dated:
        return None
    day = max(v["in_force_from"] for v in dated)
    texts: dict[str, list[Row]] = {}
    for row in sorted((v for v in dated if v["in_force_from"] == day), key=lambda v: v["document"]):
        texts.setdefault(row["text_sha256"] or row["document"], []).append(row)
    issued = {text: max(v["issued"] or "" for v in copies) for text, copies in texts.items()}
    latest = max(issued.values())
    chosen = [text for text in texts if issued[text] == latest]
    rows = [max(texts[text], key=lambda v: (v["issued"] or "", v["document"])) for text in chosen]
    documents = [v["document"] for text in chosen for v in texts[text]]
    warning = ""
    if len(chosen) > 1:
        when = f"同为 {latest}" if latest else "均未注明"
        warning = (f"{day} 起施行的三定有 {len(chosen)} 份不同文本，印发日期{when}，无法判断以哪份为准："
                   "各份所载职责一并列出，请核对原件")
    elif len(texts) > 1:
        others = "、".join(issued[text] or "未注明" for text in texts if text not in chosen)
        warning = (f"{day} 起施行的三定有 {len(texts)} 份不同文本：按印发日期最晚（{latest}）的一份作答，"
                   f"其余的印发日期为 {others}")
    return Version(documents, rows, warning)


def no_sanding_note(versions: list[Row], date: str) -> str:
    """Why a date has no 三定 in force: none is loaded, or the earliest came into force after it."""
    dates = sorted(v["in_force_from"] for v in versions if v["kind"] == SANDING and v["in_force_from"])
    if dates:
        return f"无 {date} 时施行的三定：图中该部门最早的三定自 {dates[0]} 起施行"
    if any(v["kind"] == SANDING for v in versions):
        return f"无 {date} 时施行的三定：图中该部门的三定未注明印发或施行日期"
    return f"无 {date} 时施行的三定：图中没有该部门的三定"


def _transfers(store: Store, department: str) -> dict[tuple[str, str, str], str]:
    """The other department of each piece of work moved into or out of the department, by (direction, clause, work)."""
    return {(row["direction"], row["source"], row["what"]): row["other"]
            for row in catalog.run(store, "department_transfers", {"department": department})}


def _rows(department: str, unique: dict[str, Row], stated: list[Row], notices: set[str],
          transfers: Mapping[tuple[str, str, str], str], model: Callable[[], SimilarityModel]) -> list[Row]:
    """The duties held (`unique`: `_held`'s) once each (copies of a 三定 state them twice: the first clause in
    `stated`'s order is cited), a department duty with the offices whose duties of the same documents carry it out
    (REFINES; a carried one, those department_duties names); the work the notices took (a retired statement of a
    notice) marks the duties it covers, or, covering none, is a row itself."""
    changes = _changes(unique, stated, notices, transfers, model)
    carriers: dict[str, set[str]] = {uid: set(row.get("carried_by") or []) for uid, row in unique.items()}
    for row in unique.values():
        for refined in row["refines"]:
            carriers.setdefault(refined, set()).add(row["office"])
    # The department's duties, then each office's in the version's order; a notice's after the 三定's (unnumbered).
    ordered = sorted(unique.values(), key=lambda row: (
        bool(row["office"]), row["office_ordinal"] or 0, row["office"], row["in_force_from"],
        row["ordinal"] is None, row["ordinal"] or 0, row["text"]))
    return [{"department": department, "office": row["office"], "ordinal": row["ordinal"],
             "category": row["category"], "text": row["text"],
             "carried_by": _in_order(carriers.get(row["uid"], set()), ordered) if not row["office"] else [],
             "in_force_from": row["in_force_from"], "source": row["source"], **changes[row["uid"]]}
            for row in ordered]


def _current(stated: list[Row]) -> dict[str, Row]:
    """The duties the documents state as the department's, by uid, each with the first clause that states it."""
    unique: dict[str, Row] = {}
    for row in stated:
        if row["status"] == CURRENT:
            unique.setdefault(row["uid"], row)
    return unique


def _changes(unique: dict[str, Row], stated: list[Row], notices: set[str],
             transfers: Mapping[tuple[str, str, str], str], model: Callable[[], SimilarityModel]) -> dict[str, Row]:
    """The status columns of each duty of `unique`, by uid: the work the notices took (a retired statement of a
    notice) marks the duties it covers, or, covering none, is added to `unique` as a row of its own."""
    # Who takes the work: the department a transfer names, the lower governments devolved work goes to.
    retirements = [Retirement(row["status"], row["text"], row["source"], row["in_force_from"],
                              transfers.get(("out", row["source"], row["text"])) or row["devolved_to"] or "")
                   for row in stated if row["status"] in RETIRED_STATUSES and source_document(row["source"]) in notices]
    covered = covered_duties(model(), retirements, list(unique.values())) if retirements else {}
    changes = {uid: _change(cover.retirement, cover.status) for uid, cover in covered.items()}
    taken = {cover.retirement for cover in covered.values()}
    for retirement in retirements:
        if retirement not in taken:  # the notice's own words, when no clause says the work
            uid = f"{retirement.source}|{retirement.text}"
            unique.setdefault(uid, {"uid": uid, "office": "", "office_ordinal": None, "ordinal": None,
                                    "category": None, "text": retirement.text, "refines": [],
                                    "source": retirement.source, "in_force_from": retirement.in_force_from})
            changes[uid] = _change(retirement, retirement.status)
    # A carried clause a replaced body's notice took part of keeps that change unless the department's own take it.
    return {uid: changes.get(uid) or row.get("carried_change") or _moved_in(row, notices, transfers)
            for uid, row in unique.items()}


def _change(retirement: Retirement, status: str) -> Row:
    """The columns that say why a duty was no longer (wholly) the department's: the work as the notice words it, who
    took it, the notice's clause and the day it came into force."""
    return {"status": status, "change": retirement.text, "counterpart": retirement.counterpart,
            "change_source": retirement.source, "changed_on": retirement.in_force_from}


def _moved_in(row: Row, notices: set[str], transfers: Mapping[tuple[str, str, str], str]) -> Row:
    """A current duty's columns: for work a notice moved in, the giver, the notice's clause and its date."""
    if source_document(row["source"]) not in notices:
        return _NO_CHANGE
    return {**_NO_CHANGE, "counterpart": transfers.get(("in", row["source"], row["text"]), ""),
            "change_source": row["source"], "changed_on": row["in_force_from"]}


def _in_order(offices: set[str], rows: list[Row]) -> list[str]:
    """Offices in the order the version lists them (`rows` are sorted by the office's ordinal)."""
    return list(dict.fromkeys(row["office"] for row in rows if row["office"] in offices))
