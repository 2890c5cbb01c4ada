"""Which document gave each of a department's other names (`aliases`), so that taking a document out takes the names
only it gave, and the order of those names, which does not depend on the order the documents loaded in.

A department gathers the names every document calls it by (its 三定's title and plates, a list's 市城管局, a plate a list
writes in brackets), and the resolver reads a mention by them: a short name that only a removed list gave went on
resolving, and one that list had given a second department stayed ambiguous (two departments answering to it). Each
department keeps `alias_sources`, its names with the documents that gave them (`doc:…#市知识产权局`). A load appends a
document's entries (`ingest.load`); `rebuild_aliases`, after every load and removal, keeps the entries of the
documents that stay and puts them in their one order (`rebuilt`): the entries of the documents that define the
department (its 三定 and 调整 notices, by uid) first, each document's in its own order, then the other documents'
entries sorted (a list's names were appended in load order: a name only a 三定 explained joined when its party merged,
`ingest.load.redirect_parties`); `aliases` is their names, each where it first stands. A name no entry records was
given by a document loaded before fields version 9, which recorded none: it stays, first.
"""

from __future__ import annotations

from typing import Any

from graph.store import Statement, Store

# A department written again keeps the entries it had, a document's own moving to the end, as its aliases do (in
# their order once `rebuild_aliases` has run).
ALIAS_SOURCES_ASSIGNMENT = ("n.alias_sources = [e IN coalesce(n.alias_sources, []) WHERE NOT e IN "
                            "r.props.alias_sources] + r.props.alias_sources")
# A party merged into the department its mentions name (`ingest.load.redirect_parties`) brings its entries along.
MERGED_ALIAS_SOURCES = ("d.alias_sources = [e IN coalesce(d.alias_sources, []) WHERE NOT e IN "
                        "coalesce(p.alias_sources, [])] + coalesce(p.alias_sources, [])")

_DOCUMENTS = "MATCH (d:Document) RETURN d.uid AS uid"
_RECORDED = ("MATCH (n:Department) WHERE size(coalesce(n.alias_sources, [])) > 0 "
             "RETURN n.uid AS uid, coalesce(n.aliases, []) AS aliases, n.alias_sources AS sources, "
             "[(n)-[:FROM]->(v:Document) | v.uid] AS defining ORDER BY uid")
_REBUILT = "UNWIND $rows AS r MATCH (n:Department {uid: r.uid}) SET n.aliases = r.aliases, n.alias_sources = r.sources"


def with_alias_sources(departments: dict[str, dict[str, Any]], document_uid: str) -> dict[str, dict[str, Any]]:
    """A document's department rows, each with its aliases as this document's entries."""
    return {uid: {**props, "alias_sources": [f"{document_uid}#{alias}" for alias in props.get("aliases") or []]}
            for uid, props in departments.items()}


def rebuilt(aliases: list[str], sources: list[str], held: set[str], defining: set[str]
            ) -> tuple[list[str], list[str]]:
    """A department's aliases and entries once only the documents `held` are in the graph, in their order: the
    entries of the documents `defining` it first (by uid, each document's in the order it gave them), then the other
    documents' sorted; the names no entry records first, then each name where it first stands."""
    kept = [entry for entry in sources if _document_of(entry) in held]
    recorded = {_name_of(entry) for entry in sources}
    unrecorded = [alias for alias in aliases if alias not in recorded]
    own = sorted((entry for entry in kept if _document_of(entry) in defining), key=_document_of)  # stable: in order
    others = sorted(entry for entry in kept if _document_of(entry) not in defining)
    entries = list(dict.fromkeys([*own, *others]))
    return list(dict.fromkeys([*unrecorded, *map(_name_of, entries)])), entries


def _document_of(entry: str) -> str:
    return entry.partition("#")[0]


def _name_of(entry: str) -> str:
    return entry.partition("#")[2]


def rebuild_aliases(store: Store) -> int:
    """Take out of each department's aliases the names only documents no longer in the graph gave, and put its
    aliases in their order (`rebuilt`); returns how many departments changed."""
    held = {row["uid"] for row in store.read(_DOCUMENTS)}
    rows = []
    for row in store.read(_RECORDED):
        aliases, sources = rebuilt(row["aliases"], row["sources"], held, set(row["defining"]))
        if (aliases, sources) != (row["aliases"], row["sources"]):
            rows.append({"uid": row["uid"], "aliases": aliases, "sources": sources})
    if rows:
        store.write(Statement(_REBUILT, rows))
    return len(rows)
