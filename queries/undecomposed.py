"""undecomposed_duties: department duties no internal office carries out, offices that hold no duty, and
cancelled or devolved work that an office or a power item still carries.

An office duty carries out a department duty when ingest linked them by REFINES (an idf coverage of the
department duty's content terms). Catch-all items and boilerplate are not duties to hand down."""

from __future__ import annotations

from graph.store import Row, Store
from ingest.similarity import content_terms
from queries import catalog
from queries.overlaps import duty_model

STILL_CARRIED = 0.7  # similarity (ingest.similarity) of an office duty or power item to a retired duty


def undecomposed_duties(store: Store, department: str | None = None) -> list[Row]:
    rows: list[Row] = []
    for duty in catalog.run(store, "department_duty_coverage", {"department": department}):
        if duty["boilerplate"] or duty["refined_by"] or not content_terms(duty["text"]):
            continue
        rows.append({"department": duty["department"], "region": duty["region"], "kind": "duty_without_office",
                     "office": "", "text": duty["text"], "ordinal": duty["ordinal"], "source": duty["source"],
                     "evidence": ""})
    for office in catalog.run(store, "offices_without_duties", {"department": department}):
        rows.append({"department": office["department"], "region": office["region"], "kind": "office_without_duty",
                     "office": office["office"], "text": "", "ordinal": None, "source": office["source"],
                     "evidence": ""})
    rows.extend(_still_carried(store, department))
    rows.sort(key=lambda row: (row["region"], row["department"], row["kind"], row["ordinal"] or 0, row["office"],
                               row["text"]))
    return rows


def _still_carried(store: Store, department: str | None) -> list[Row]:
    retired = [row for row in catalog.run(store, "retired_duties", {"department": department})
               if row["status"] in {"cancelled", "devolved"}]
    if not retired:
        return []
    model = duty_model(store)
    carriers = [row for row in catalog.run(store, "evidence") if row["kind"] in {"office_duty", "power_item"}]
    found = []
    for duty in retired:
        terms = content_terms(duty["text"])
        if len(set(terms)) < 2:
            continue
        for carrier in carriers:
            if carrier["department_uid"] != duty["department_uid"]:
                continue
            if model.score(carrier["text"], duty["text"]) >= STILL_CARRIED:
                found.append({"department": duty["department"], "region": duty["region"],
                              "kind": f"{duty['status']}_still_carried", "office": carrier["office"],
                              "text": duty["text"], "ordinal": None, "source": duty["source"],
                              "evidence": carrier["text"]})
    return found
