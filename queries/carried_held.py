"""Finishes of the named queries that walk a chain of 机构改革 (SUCCEEDED_BY*1..4) in Cypher: a carried row stands only
where today's dated reading holds it (`queries.in_force.carriers_today`). The Cypher carries what each replaced body's
三定 states; a body of the chain may have moved some of it out before it was replaced (白河县's renamed 城管执法局 gave
燃气 to 住建局, then merged into 执法局, which never held it), and the reading leaves that out, as department_duties,
the profile, staffing_load, department_load and who_handles' evidence do."""

from __future__ import annotations

from graph.store import Row, Store
from queries.duty_count import carried_counts
from queries.in_force import carriers_today
from queries.sources import source_document


def held_carried(store: Store) -> dict[str, Row]:
    """Every duty a department carries today from a body a 机构改革 replaced, by uid (each replaced body's duties have
    one standing successor: a body split among several carries nothing)."""
    return {uid: row for today in carriers_today(store).values() for uid, row in today.duties.items()
            if row.get("carried_from")}


def pairs_held(store: Store, rows: list[Row], _params: dict[str, object]) -> list[Row]:
    """similar_duties' finish: no pair with a side carried that its carrier does not hold today."""
    if not any(row["a_carried_from"] or row["b_carried_from"] for row in rows):
        return rows
    held = held_carried(store)
    return [row for row in rows
            if (not row["a_carried_from"] or row["a"] in held) and (not row["b_carried_from"] or row["b"] in held)]


def coverage_held(store: Store, rows: list[Row], _params: dict[str, object]) -> list[Row]:
    """department_duty_coverage's finish: no carried duty its carrier does not hold today (the rows have no uid: a
    carried duty is known by its clause, the old body's)."""
    if not any(row["carried_from"] for row in rows):
        return rows
    clauses = {row["source"] for row in held_carried(store).values()}
    return [row for row in rows if not row["carried_from"] or row["source"] in clauses]


def load_held(store: Store, rows: list[Row], _params: dict[str, object]) -> list[Row]:
    """department_load's finish: each body's carried duties (`carried`) as today's reading holds them
    (`queries.duty_count.carried_counts`: less the work a body of the chain had moved out before its merger, and the
    work the carrier's notices since took whole), and `duties` with them: the Cypher counts each body's 三定 as
    written. A body none of whose duties the carrier still holds is no longer named."""
    readings = carriers_today(store) if any(row["carried"] for row in rows) else {}
    out = []
    for row in rows:
        today = readings.get(row["uid"])
        if today is None:
            out.append(row)
            continue
        _held, standing = carried_counts(today)
        carried = [{"department": body, "duties": standing[body]} for body in sorted(standing) if standing[body]]
        own = row["duties"] - sum(lender["duties"] for lender in row["carried"])
        out.append({**row, "duties": own + sum(lender["duties"] for lender in carried), "carried": carried})
    return out


_CLAUSES = ("duty", "office_duty")


def evidence_held(store: Store, rows: list[Row], _params: dict[str, object]) -> list[Row]:
    """evidence's finish: no clause carried from a replaced body that its carrier does not hold today (a row of a
    carrier is its own clause, cited from its own documents, or one today's reading holds, by uid): the Cypher walks
    the chain as written, and would cite 城管局's 燃气 as 执法局's, which never held it."""
    readings = carriers_today(store)
    if not readings:
        return rows
    return [row for row in rows
            if row["kind"] not in _CLAUSES or (today := readings.get(row["department_uid"])) is None
            or row["key"] in today.duties or source_document(row["source"]) in today.documents]
