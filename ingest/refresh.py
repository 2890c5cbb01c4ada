"""Stored terms follow the shipped dictionaries.

Segmentation runs once, at ingest: each duty, matter and list item keeps its content terms (and a duty its
analysis) and its MENTIONS edges. What they are depends on the dictionaries in ingest/data and on the code
that applies them, so a graph ingested before either changed would hold terms that a query's text is no
longer segmented into: a complaint's 等保 folds to 网络安全等级保护, a duty stored before that group was
added keeps 等保, and BM25 finds nothing. The graph records what segmented it (`segmentation`); before
anything is added or linked, every stored term is derived again when the record differs, and every link
is made again (the record of the links' linker is dropped, and includes the segmentation).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

from graph.store import Store
from ingest.content import stored_content
from ingest.load import forget_linker, record_segmentation, recorded_segmentation, rewrite_segmented
from ingest.records import GraphRows, add_terms, duty_segmentation, mention

# The modules whose code turns a text into its stored terms; their source is part of the record.
SEGMENTING_MODULES = ("terms.py", "category.py", "content.py")
BATCH = 2000
# label → the property that holds the text segmented
_TEXT_OF = {"Duty": "text", "Matter": "name", "PowerItem": "name", "SupervisionItem": "name"}


@lru_cache(maxsize=1)
def segmentation() -> str:
    """Names the dictionaries and the code that segment a text (a digest of their bytes)."""
    digest = hashlib.sha1()
    data = resources.files("ingest") / "data"
    for name in sorted(entry.name for entry in data.iterdir() if entry.name.endswith(".txt")):
        digest.update(name.encode() + b"\0" + (data / name).read_bytes())
    for module in SEGMENTING_MODULES:
        digest.update((resources.files("ingest") / module).read_bytes())
    return digest.hexdigest()[:12]


def segmentation_is_current(store: Store) -> bool:
    """The stored terms come from today's dictionaries (or nothing segmented is stored yet)."""
    recorded = recorded_segmentation(store)
    if recorded is not None:
        return recorded == segmentation()
    return not any(store.read(f"MATCH (n:{node_label}) RETURN n.uid AS uid LIMIT 1") for node_label in _TEXT_OF)


def refresh_segmentation(store: Store) -> int:
    """Derive every stored term again if the graph's were segmented otherwise (or before this was recorded);
    returns how many nodes were. Each batch is written atomically and the record is written last, so an
    interrupted refresh is redone whole by the next run."""
    current = segmentation()
    if recorded_segmentation(store) == current:
        return 0
    forget_linker(store)  # first: links made from the old terms are redone even if this is interrupted
    refreshed = 0
    for node_label, text_property in _TEXT_OF.items():
        rows = store.read(f"MATCH (n:{node_label}) RETURN n.uid AS uid, n.{text_property} AS text, "
                          "n.source AS source ORDER BY uid")
        for start in range(0, len(rows), BATCH):
            batch = rows[start:start + BATCH]
            rewrite_segmented(store, node_label, _segmented(node_label, batch))
            refreshed += len(batch)
    record_segmentation(store, current)
    return refreshed


def _segmented(node_label: str, nodes: list[dict[str, Any]]) -> GraphRows:
    rows = GraphRows(document={})
    for node in nodes:
        uid, text, source = node["uid"], node["text"] or "", node["source"] or ""
        if node_label == "Duty":  # as records._add_duty
            rows.duties[uid], weights = duty_segmentation(text)
            mention(rows, node_label, uid, weights, source)
        else:  # as list_records
            rows.segmented(node_label)[uid] = {"content": stored_content(text)}
            add_terms(rows, node_label, uid, text, source)
    return rows
