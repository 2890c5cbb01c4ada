"""Finishes of the named queries that walk a chain of 机构改革 (SUCCEEDED_BY*1..4) in Cypher: a carried row stands only
where today's dated reading holds it (`queries.in_force.carriers_today`). The Cypher carries what each replaced body's
三定 states; a body of the chain may have moved some of it out before it was replaced (白河县's renamed 城管执法局 gave
燃气 to 住建局, then merged into 执法局, which never held it), and the reading leaves that out, as department_duties,
the profile, staffing_load and who_handles do."""

from __future__ import annotations

from graph.store import Row, Store
from queries.in_force import carriers_today


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
