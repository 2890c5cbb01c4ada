"""The top-level regions a removal's writes stay inside (`graph.undo_scope`), so that its undo point holds those
regions rather than the whole graph; None where its writes may reach anywhere.

What a removal writes: the documents' own nodes and edges, and those their clauses name (a party of another region
named by a list, a reformed body); the list versions and 调整 notices loaded again in their place, in their own
regions; the prune of what nothing holds any more (kept wherever it lies by `graph.undo_scope`); and the links, whose
candidate pairs never leave a top-level region (ingest.similarity). Linking relinks every region where the graph's
links were made by another linker, and terms are derived again everywhere where the graph was segmented otherwise:
then only the whole graph will do."""

from __future__ import annotations

from collections.abc import Sequence

from graph.store import Store
from graph.undo_scope import place_of, top_of
from ingest.link import links_are_stale
from ingest.refresh import segmentation_is_current

# The nodes next to what the documents state or cite: a change to an edge between them reaches both ends.
_NEIGHBOURS = ("MATCH (d:Document)<-[:FROM]-(n) WHERE d.uid IN $uids MATCH (n)-[]-(x) "
               "RETURN DISTINCT labels(x)[0] AS label, properties(x) AS props")
_CITED = ("MATCH (a)-[e]->(b) WHERE split(e.source, '#')[0] IN $uids "
          "RETURN labels(a)[0] AS a_label, properties(a) AS a, labels(b)[0] AS b_label, properties(b) AS b")
_PLACELESS = frozenset({"Term", "Meta"})


def removal_tops(store: Store, documents: Sequence[str], regions: Sequence[str]) -> list[str] | None:
    """The top-level regions of `regions` (those of the documents taken out and of those loaded again in their
    place) and of every node next to what the documents `documents` (uids) state or cite; None where the removal may write anywhere."""
    if links_are_stale(store) or not segmentation_is_current(store):
        return None
    uids = {"uids": sorted(documents)}
    placed = [(row["label"], row["props"]) for row in store.read(_NEIGHBOURS, uids)]
    for row in store.read(_CITED, uids):
        placed += [(row["a_label"], row["a"]), (row["b_label"], row["b"])]
    tops = {top_of(region) for region in regions}
    for label, props in placed:
        if label not in _PLACELESS:
            tops.add(top_of(place_of(props)))
    if None in tops:
        return None  # a node placed nowhere: whether the removal stays inside a region cannot be said
    return sorted(top for top in tops if top)
