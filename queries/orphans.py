"""orphan_supervision_items: 监管事项 no department claimed (三不管), each with up to three likely owners
from the department duties and power items most like it (BM25, as who_handles), and the text that says so."""

from __future__ import annotations

from graph.store import Row, Store
from queries import catalog
from queries.who_handles import evidence_index, rank_departments

SUGGESTIONS = 3


def orphan_supervision_items(store: Store, region: str | None = None) -> list[Row]:
    items = catalog.run(store, "unclaimed_supervision_items", {"region": region})
    if not items:
        return []
    index = evidence_index(store)
    rows = []
    for item in items:
        ranked = rank_departments(index, f"{item['item']} {item['target'] or ''}", region=item["region"],
                                  limit=SUGGESTIONS)
        rows.append({**item, "suggested_owners": [
            {"department": row["department"], "score": row["score"], "evidence": row["evidence"][0]["text"]}
            for row in ranked
        ]})
    return rows
