"""Which document gave each of a department's other names (`aliases`), so that taking a document out takes the names
only it gave.

A department gathers the names every document calls it by (its 三定's title and plates, a list's 市城管局, a plate a list
writes in brackets), and the resolver reads a mention by them: a short name that only a removed list gave went on
resolving, and one that list had given a second department stayed ambiguous (two departments answering to it). Each
department keeps `alias_sources`, its names with the documents that gave them (`doc:…#市知识产权局`), gained in the
order of `aliases` (a document's names move to the end as its aliases do, `ingest.load`); once documents are gone
(`dutygraph remove`, a list replaced by its new version) `rebuild_aliases` keeps the entries of those that stay and
makes `aliases` of them again: what loading those alone, in the same order, gives. A name no entry records was given
by a document loaded before fields version 9, which recorded none: it stays.
"""

from __future__ import annotations

from typing import Any

from graph.store import Statement, Store

# A department written again keeps the entries it had, a document's own moving to the end, as its aliases do.
ALIAS_SOURCES_ASSIGNMENT = ("n.alias_sources = [e IN coalesce(n.alias_sources, []) WHERE NOT e IN "
                            "r.props.alias_sources] + r.props.alias_sources")
# A party merged into the department its mentions name (`ingest.load.redirect_parties`) brings its entries along.
MERGED_ALIAS_SOURCES = ("d.alias_sources = [e IN coalesce(d.alias_sources, []) WHERE NOT e IN "
                        "coalesce(p.alias_sources, [])] + coalesce(p.alias_sources, [])")

_DOCUMENTS = "MATCH (d:Document) RETURN d.uid AS uid"
_RECORDED = ("MATCH (n:Department) WHERE size(coalesce(n.alias_sources, [])) > 0 "
             "RETURN n.uid AS uid, coalesce(n.aliases, []) AS aliases, n.alias_sources AS sources ORDER BY uid")
_REBUILT = "UNWIND $rows AS r MATCH (n:Department {uid: r.uid}) SET n.aliases = r.aliases, n.alias_sources = r.sources"


def with_alias_sources(departments: dict[str, dict[str, Any]], document_uid: str) -> dict[str, dict[str, Any]]:
    """A document's department rows, each with its aliases as this document's entries."""
    return {uid: {**props, "alias_sources": [f"{document_uid}#{alias}" for alias in props.get("aliases") or []]}
            for uid, props in departments.items()}


def rebuilt(aliases: list[str], sources: list[str], held: set[str]) -> tuple[list[str], list[str]]:
    """A department's aliases and entries once only the documents `held` are in the graph: the entries of those,
    and their names, each where it was last gained; the names no entry records first."""
    kept = [entry for entry in sources if entry.partition("#")[0] in held]
    recorded = {entry.partition("#")[2] for entry in sources}
    unrecorded = [alias for alias in aliases if alias not in recorded]
    # A name two documents gave stands where the later gave it, as `aliases` moves a name given again to the end.
    last_given = list(reversed(dict.fromkeys(entry.partition("#")[2] for entry in reversed(kept))))
    return unrecorded + [alias for alias in last_given if alias not in unrecorded], kept


def rebuild_aliases(store: Store) -> int:
    """Take out of each department's aliases the names only documents no longer in the graph gave; returns how many
    departments changed."""
    held = {row["uid"] for row in store.read(_DOCUMENTS)}
    rows = []
    for row in store.read(_RECORDED):
        if all(entry.partition("#")[0] in held for entry in row["sources"]):
            continue
        aliases, sources = rebuilt(row["aliases"], row["sources"], held)
        rows.append({"uid": row["uid"], "aliases": aliases, "sources": sources})
    if rows:
        store.write(Statement(_REBUILT, rows))
    return len(rows)
