"""who_handles: free text (a 12345 complaint, a matter name) to ranked departments with the duties that
justify them, and `tie` when the first two are too close to call, as a dispatcher needs to know.

A department's score is its best piece of evidence plus half its second best (so one strong duty wins
over many weak ones, but corroboration counts); the scores are BM25 over jieba content terms."""

from __future__ import annotations

import heapq
from collections import defaultdict
from typing import Any

from graph.store import Row, Store
from ingest.similarity import content_of
from queries import catalog
from queries.cache import cached
from queries.search import BM25Index, Evidence

TIE_MARGIN = 0.1  # the runner-up within 10% of the leader: too close to call
EVIDENCE_PER_DEPARTMENT = 3


def evidence_index(store: Store) -> BM25Index:
    return cached(store, ("evidence_index",), lambda: _build_index(store), whole_graph=True)


def _build_index(store: Store) -> BM25Index:
    rows = catalog.run(store, "evidence")
    rows.sort(key=lambda row: (row["kind"], row["key"], row["department_uid"]))
    fields = [name for name in Evidence.__dataclass_fields__ if name != "content"]
    return BM25Index([Evidence(**{key: row[key] or "" for key in fields},
                               content=tuple(content_of(row["content"], row["text"] or ""))) for row in rows])


def rank_departments(index: BM25Index, text: str, *, region: str | None = None, limit: int = 5) -> list[Row]:
    by_department: dict[str, list[tuple[float, Evidence]]] = defaultdict(list)
    for score, item in index.scores(text, region=region):
        by_department[item.department_uid].append((score, item))
    ranked: list[tuple[float, list[tuple[float, Evidence]], list[tuple[float, Evidence]]]] = []
    for hits in by_department.values():
        # Only the best few count, so none is sorted whole (a common word reaches tens of thousands).
        best = heapq.nsmallest(EVIDENCE_PER_DEPARTMENT, hits, key=_hit_order)
        score = best[0][0] + (0.5 * best[1][0] if len(best) > 1 else 0.0)
        ranked.append((score, best, hits))
    ranked.sort(key=lambda entry: (-entry[0], entry[1][0][1].department))
    rows: list[Row] = []
    for position, (score, best, hits) in enumerate(ranked[:limit]):
        first = best[0][1]
        with_office = [hit for hit in hits if hit[1].office]
        rows.append({
            "rank": position + 1, "department": first.department, "region": first.region,
            "office": min(with_office, key=_hit_order)[1].office if with_office else "",
            "score": round(score, 3), "tie": False,
            "evidence": [_evidence(s, item) for s, item in best],
        })
    if len(rows) > 1 and rows[1]["score"] >= rows[0]["score"] * (1 - TIE_MARGIN):
        for row in rows:
            if row["score"] >= rows[0]["score"] * (1 - TIE_MARGIN):
                row["tie"] = True
    return rows


def _hit_order(hit: tuple[float, Evidence]) -> tuple[float, str]:
    """A department's hits best first; ties in the order of their keys, as in a search's ranking."""
    return -hit[0], hit[1].key


def _evidence(score: float, item: Evidence) -> dict[str, Any]:
    return {"kind": item.kind, "text": item.text, "office": item.office, "source": item.source,
            "score": round(score, 3)}


def who_handles(store: Store, text: str, *, limit: int = 5, region: str | None = None) -> list[Row]:
    return rank_departments(evidence_index(store), text, region=region, limit=limit)
