"""orphan_supervision_items: 监管事项 no department claimed (三不管), each with up to three likely owners
from the department duties and power items most like it (BM25, as who_handles), and the text that says so. A
department that who_handles flags weak (a score under WEAK_SCORE or under COVERAGE_SHARE of what the whole item
would score, or reached only through word neighbours) is no suggestion: under the share it matches on words
like 设施 and 监督检查 only (河西区's 排水 item met 户外广告设施的监督检查 at 0.18), and no suggestion says more
honestly that no department of the region holds the work. The planted owners reach 0.9."""

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
        text = f"{item['item']} {item['target'] or ''}"
        ranked = rank_departments(index, text, region=item["region"], limit=SUGGESTIONS)
        rows.append({**item, "suggested_owners": [
            {"department": row["department"], "score": row["score"], "evidence": row["evidence"][0]["text"]}
            for row in ranked if not row["weak"]
        ]})
    return rows
