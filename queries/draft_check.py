"""check_draft: a draft 三定 against the graph, before it is issued: what it changes against the department's 三定 in
force (duties, offices, staffing, 职责分工 clauses: `queries.draft_diff`), and what it would create against the other
departments of its region: duties describing the same work as another department's (职责交叉) and duties no office
of the draft carries out (未分解).

The second part is what linking would make had the draft been loaded in place of the 三定 in force: the region's
duties and the draft's go through the ingest's own linking plan (`ingest.link.plan_links`: boilerplate flags, SIMILAR,
REFINES), computed in memory. Nothing is written; the graph is as it was."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.store import Row, Store
from ingest.draft import Draft, draft_region, placed_draft
from ingest.link import LinkPlan, current_duties, duty_rows, plan_links
from ingest.model import SandingDocument
from ingest.readers import SourceText
from ingest.records import GraphRows
from ingest.similarity import DEFAULT_THRESHOLD
from queries import catalog
from queries.draft_changes import change_findings, in_force_facts
from queries.draft_diff import (
    SCORE_DIGITS,
    STAFFING_FACTS,
    Division,
    Office,
    division_changes,
    duty_changes,
    office_changes,
    office_duty_changes,
    staffing_changes,
)
from queries.duty_pairs import Clause, clause_of
from queries.lookup import find_department, names_read_as
from queries.sources import source_document, source_place

# The tables of the answer, in the order people read them (api.tabular.TABLE_TITLES titles them).
SECTIONS = ("duties", "offices", "office_duties", "staffing", "divisions", "overlaps", "undecomposed", "changes")


def draft_of(store: Store, source: SourceText, parsed: SandingDocument, department: str | None = None) -> Draft:
    """The draft placed as ingest would place it, as the 三定 of `department` when one is named (its name, alias or
    short name, read from the draft's region: 市场监管局 in a 青山县 draft is 青山县's), else of the one its title
    names. An unknown department is an UnknownDepartment; a title naming no region an IngestError."""
    if not department or not department.strip():
        return placed_draft(store, source, parsed)
    region = draft_region(store, parsed)
    found = find_department(store, department.strip(), region=region.path if region else None)
    return placed_draft(store, source, parsed, found["uid"])


def check_draft(store: Store, draft: Draft, *, file: str, threshold: float = DEFAULT_THRESHOLD) -> dict[str, Any]:
    """`file`: the draft's name as the user gave it. The answer's tables (SECTIONS), what was compared (`draft`,
    `in_force`: None when the graph holds no 三定 of the department, and every part of the draft reads as added) and
    `notes`, each `English; 中文`."""
    uid, holder = draft.department.uid, draft.department.base_name
    # The department's facts, when the graph holds a 三定 of it (a party a list names has none).
    facts = in_force_facts(store, uid)
    rows = catalog.run(store, "sanding_duties", {"department": uid}) if facts else []
    old_duties = [clause_of(row) for row in rows if not row["office"]]
    new_duties, new_offices = _draft_duties(draft)
    duties = duty_changes(old_duties, new_duties, threshold)
    documents = {source_document(duty.source) for duty in old_duties}
    old_offices = _offices_in_force(store, uid, rows, documents, holder) if facts else []
    # The region's other departments' duties in force: beside the draft's, what linking would compare.
    region = catalog.run(store, "region_duties", {"region": draft.region.path, "without": uid})
    plan = _planned(draft, region)
    offices = office_changes(old_offices, new_offices, holder, threshold)
    return {
        "draft": {"file": file, "title": draft.parsed.title, "department": draft.department.name,
                  "region": draft.region.path, "dated": draft.parsed.dated},
        "in_force": {"department": facts["name"], "region": facts["region"], "issued": facts["issued"],
                     "documents": sorted(documents)} if facts else None,
        "notes": [] if facts else [_not_in_force(store, draft)],
        "duties": duties.rows,
        "offices": offices.rows,
        "office_duties": office_duty_changes(offices.continued, threshold),
        "staffing": staffing_changes(_staffing(facts, len(old_offices)) if facts else {},
                                     _staffing(draft.rows.defined_departments[uid], len(draft.rows.offices))),
        "divisions": division_changes(_divisions_in_force(store, uid) if facts else [], _draft_divisions(draft),
                                      threshold),
        "overlaps": _overlaps(store, draft, plan, region, duties.restates, threshold, new_duties),
        "undecomposed": _undecomposed(store, draft, plan, duties.restates, new_duties, bool(new_offices)),
        "changes": change_findings(store, draft, uid if facts else None),
    }


def _not_in_force(store: Store, draft: Draft) -> str:
    """Why the draft reads as all new, and the department the user may have meant (its title abbreviated)."""
    name = draft.department.name
    meant = sorted(names_read_as(store, draft.parsed.department, draft.region.path)[0] - {name})
    hint_en = f" (did you mean {' or '.join(meant)}? name it (--department))" if meant else ""
    hint_zh = f"（是否指 {'或'.join(meant)}？请指定部门（--department））" if meant else ""
    return (f"the graph holds no 三定 of {name}: every part of the draft reads as added{hint_en}; "
            f"图中没有{name}的现行三定：草案各部分均列为新增{hint_zh}")


def _draft_duties(draft: Draft) -> tuple[list[Clause], list[Office]]:
    """The draft department's own current duties, and its offices with theirs (ingest.records' rows)."""
    rows = draft.rows
    holder = draft.department.base_name
    duties: dict[str, list[Clause]] = defaultdict(list)
    for uid, props in rows.duties.items():
        if props["status"] == "current":
            duties[props["holder"]].append(clause_of({"uid": uid, **props}, holder))
    for clauses in duties.values():
        clauses.sort(key=lambda clause: (clause.ordinal or 0, clause.uid))
    offices = [Office(props["name"], tuple(props["aliases"]), props["source"], tuple(duties.get(uid, [])))
               for uid, props in sorted(rows.offices.items(), key=lambda item: (item[1]["ordinal"] or 0, item[0]))]
    return duties.get(draft.department.uid, []), offices


def _offices_in_force(store: Store, uid: str, in_force: list[Row], documents: set[str], holder: str) -> list[Office]:
    """The offices the 三定 in force sets up: an office is not versioned, so one an earlier 三定 set up and the one in
    force dropped is still the department's in the graph; it is known by its clause's document."""
    duties: dict[str, list[Clause]] = defaultdict(list)
    for row in in_force:
        if row["office"]:
            duties[row["office"]].append(clause_of(row, holder))
    return [Office(row["name"], tuple(row["aliases"]), row["source"], tuple(duties.get(row["name"], [])))
            for row in catalog.run(store, "department_offices", {"department": uid})
            if not documents or source_document(row["source"]) in documents]


def _staffing(facts: dict[str, Any], offices: int) -> dict[str, Any]:
    """A department's staffing facts (its properties, or a draft's row of them) and how many offices it sets up."""
    return {**{key: facts.get(key) for key in STAFFING_FACTS}, "office_count": offices or None}


def _divisions_in_force(store: Store, uid: str) -> list[Division]:
    clauses: dict[tuple[str, str], Division] = {}
    for row in catalog.run(store, "sanding_divisions", {"department": uid}):
        clause = clauses.setdefault((row["source"], row["matter_uid"]),
                                    Division(row["source"], row["matter_uid"], row["matter"], row["text"] or ""))
        (clause.leads if row["role"] == "LEADS" else clause.assists).append(row["department"])
    return list(clauses.values())


def _draft_divisions(draft: Draft) -> list[Division]:
    rows = draft.rows
    names = {uid: props["name"] for uid, props in (*rows.defined_departments.items(),
                                                   *rows.mentioned_departments.items())}
    clauses: dict[tuple[str, str], Division] = {}
    for role in ("LEADS", "ASSISTS"):
        edges = sorted(rows.relationships.get((role, "Department", "Matter"), []),
                       key=lambda edge: (edge["props"].get("order") or 0, names[edge["from"]]))
        for edge in edges:
            clause = clauses.setdefault((edge["source"], edge["to"]), Division(
                edge["source"], edge["to"], rows.matters[edge["to"]]["name"], edge["props"]["text"]))
            (clause.leads if role == "LEADS" else clause.assists).append(names[edge["from"]])
    return list(clauses.values())


def _planned(draft: Draft, others: list[Row]) -> LinkPlan:
    """The links of the draft's region as ingest would make them with the draft loaded in place of the 三定 in force:
    the region's other departments' current duties (`region_duties`, as the graph holds them) beside the draft's
    rows, as if both were loaded into an empty graph (`current_duties`)."""
    region = GraphRows(document={})
    for row in others:
        region.duties[row["uid"]] = {"text": row["text"], "content": row["content"], "status": "current",
                                     "holder": row["holder"], "last_stated": row["last_stated"]}
        region.defined_departments[row["department_uid"]] = {"region": draft.region.path,
                                                             "base_name": row["base_name"]}
        if row["office"]:
            region.relate("HAS_OFFICE", "Department", "Office", row["department_uid"], row["office"], row["source"])
    duties = current_duties([region, duty_rows(draft.rows)])
    return plan_links(duties, relink_all=True, parallel=False)


def _overlaps(store: Store, draft: Draft, plan: LinkPlan, region: list[Row], restates: dict[str, Clause],
              threshold: float, new_duties: list[Clause]) -> list[Row]:
    """Each draft duty that describes the same work as another department's duty of the region (its own, not its
    offices': the overlaps analysis' scope of departments), with `already` when the duty in force it restates or
    rewords already does (the overlaps analysis shows it now)."""
    others = {row["uid"]: row for row in region if not row["office"]}
    mine = {clause.uid: clause for clause in new_duties}
    existing = {frozenset((row["a"], row["b"])) for row in catalog.run(
        store, "similar_duties_around", {"department": draft.department.uid, "threshold": threshold})}
    rows = []
    for a, b, score in plan.similar:
        duty, other = (mine.get(a), others.get(b)) if a in mine else (mine.get(b), others.get(a))
        if duty is None or other is None or score < threshold:
            continue
        before = restates.get(duty.uid)
        rows.append({"new_ordinal": duty.ordinal, "new_text": duty.text, "other_department": other["department"],
                     "other_ordinal": other["ordinal"], "other_text": other["text"],
                     "score": round(score, SCORE_DIGITS),
                     "already": before is not None and frozenset((before.uid, other["uid"])) in existing,
                     "other_source": other["source"], "draft_place": source_place(duty.source)})
    rows.sort(key=lambda row: (row["new_ordinal"] or 0, -row["score"], row["other_department"], row["other_text"]))
    return rows


def _undecomposed(store: Store, draft: Draft, plan: LinkPlan, restates: dict[str, Clause], new_duties: list[Clause],
                  has_offices: bool) -> list[Row]:
    """The draft's duties no office of the draft carries out (REFINES), as `undecomposed_duties` finds them: not
    boilerplate, with content, in a draft that sets up offices; `already` when the duty in force was not carried
    either."""
    if not has_offices:
        return []
    carried = {parent for _office_duty, parent, _score in plan.refines}
    left_in_force = {row["text"] for row in catalog.run(store, "department_duty_coverage",
                                                        {"department": draft.department.uid})
                     if not row["boilerplate"] and not row["refined_by"]}
    rows = []
    for duty in new_duties:
        if plan.boilerplate.get(duty.uid) or duty.uid in carried or not duty.terms:
            continue
        before = restates.get(duty.uid)
        rows.append({"new_ordinal": duty.ordinal, "new_text": duty.text,
                     "already": before is not None and before.text in left_in_force,
                     "draft_place": source_place(duty.source)})
    return rows
