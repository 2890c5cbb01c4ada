"""duties_in_force: what one department's duties were on a date, under the 三定 then in force (an 问责调查 asks who was
responsible on the day of an incident, after a revision has replaced that 三定).

The graph keeps every version: a duty or office restated by a later 三定 is the same node, and each document's FROM
edge to it keeps what that document states (its clause, ordinal and, for a duty, status; `ingest.records`). So the
answer for a date is read from the documents in force then, not from the nodes, which keep the newest statement:
the latest 三定 whose 施行日期 (else 印发日期) is on or before the date, and the 调整职责机构编制 notices in force after
it by then (the duties they move in; a later 三定 restates what it keeps of them). Documents of one date are one
version (two copies of a 三定). Each row's source is the clause of the document that states it.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.store import Row, Store
from queries import catalog
from queries.lookup import find_department

SANDING, AMENDMENT = "sanding", "amendment"


@dataclass(frozen=True)
class InForce:
    department: str  # its name
    date: str  # YYYY-MM-DD
    sanding: Row | None  # the 三定 in force (a row of `sanding_versions`), None before the first
    amendments: list[Row]  # the 调整 notices in force after it by the date
    duties: list[Row]
    note_zh: str  # why there are no rows, '' when there are


def in_force(store: Store, department: str, date: str) -> InForce:
    """`department`: a name or uid (`find_department`); `date`: YYYY-MM-DD (`catalog.iso_date`)."""
    found = find_department(store, department)
    versions = catalog.run(store, "sanding_versions", {"department": found["uid"]})
    sanding = in_force_version(versions, date)
    if sanding is None:
        return InForce(found["name"], date, None, [], [], no_sanding_note(versions, date))
    # The copies of that 三定 (one date), and the notices that changed it since.
    documents = [v for v in versions if v["kind"] == SANDING and v["in_force_from"] == sanding["in_force_from"]]
    amendments = [v for v in versions
                  if v["kind"] == AMENDMENT and sanding["in_force_from"] < v["in_force_from"] <= date]
    stated = catalog.run(store, "stated_duties", {"department": found["uid"],
                                                  "documents": [v["document"] for v in documents + amendments]})
    in_force_from = {v["document"]: v["in_force_from"] for v in versions}
    return InForce(found["name"], date, sanding, amendments, _rows(found["name"], stated, in_force_from), "")


def duties_in_force(store: Store, department: str, date: str) -> list[Row]:
    """The catalog's analysis: the rows of `in_force` (an empty answer's note is `empty.empty_hint`'s)."""
    return in_force(store, department, date).duties


def in_force_version(versions: list[Row], date: str) -> Row | None:
    """The 三定 in force on `date`: the latest whose date (施行, else 印发) is on or before it (an undated one never
    is)."""
    dated = [v for v in versions if v["kind"] == SANDING and v["in_force_from"] and v["in_force_from"] <= date]
    return max(dated, key=lambda v: (v["in_force_from"], v["issued"] or "", v["document"]), default=None)


def no_sanding_note(versions: list[Row], date: str) -> str:
    """Why a date has no 三定 in force: none is loaded, or the earliest came into force after it."""
    dates = sorted(v["in_force_from"] for v in versions if v["kind"] == SANDING and v["in_force_from"])
    if dates:
        return f"无 {date} 时施行的三定：图中该部门最早的三定自 {dates[0]} 起施行"
    if any(v["kind"] == SANDING for v in versions):
        return f"无 {date} 时施行的三定：图中该部门的三定未注明印发或施行日期"
    return f"无 {date} 时施行的三定：图中没有该部门的三定"


def _rows(department: str, stated: list[Row], in_force_from: dict[str, str]) -> list[Row]:
    """The duties once each (copies of a 三定 state them twice: the first clause in `stated`'s order is cited), a
    department duty with the offices whose duties of the same documents carry it out (REFINES)."""
    unique: dict[str, Row] = {}
    for row in stated:
        unique.setdefault(row["uid"], row)
    carried: dict[str, set[str]] = {}
    for row in unique.values():
        for refined in row["refines"]:
            carried.setdefault(refined, set()).add(row["office"])
    # The department's duties, then each office's in the version's order; a notice's after the 三定's (unnumbered).
    ordered = sorted(unique.values(), key=lambda row: (
        bool(row["office"]), row["office_ordinal"] or 0, row["office"], in_force_from[_document(row["source"])],
        row["ordinal"] is None, row["ordinal"] or 0, row["text"]))
    return [{"department": department, "office": row["office"], "ordinal": row["ordinal"],
             "category": row["category"], "text": row["text"],
             "carried_by": _in_order(carried.get(row["uid"], set()), ordered) if not row["office"] else [],
             "in_force_from": in_force_from[_document(row["source"])], "source": row["source"]}
            for row in ordered]


def _document(source: str) -> str:
    return source.split("#", 1)[0]


def _in_order(offices: set[str], rows: list[Row]) -> list[str]:
    """Offices in the order the version lists them (`rows` are sorted by the office's ordinal)."""
    return list(dict.fromkeys(row["office"] for row in rows if row["office"] in offices))
