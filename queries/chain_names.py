"""The names a department is known by: its own aliases, then those of the bodies a chain of 机构改革 replaced by it
(`chain_end`, ingest.load.follow_successions), each marked as the replaced body's (青山县城管局（原青山县城市管理局）).
One form for one department (the profile) and for a list of them (the departments list), read in one query."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from graph.store import Row, Store

# The bodies whose work is one of these departments' today, with their names.
_CHAIN_ALIASES = ("MATCH (p:Department) WHERE p.chain_end IN $departments AND size(coalesce(p.aliases, [])) > 0 "
                  "RETURN p.chain_end AS department, p.name AS name, p.aliases AS aliases ORDER BY p.uid")


def chain_aliases_of(store: Store, own: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Each department's (by uid) aliases, `own`, then those of the bodies a 机构改革 replaced by it: a list naming
    县城市管理局 by its short form gives 青山县城管局 to that bureau, read before the reform or after it
    (ingest.records.note_party), and its successor is known by it too, as the name a document gave the body it
    replaced, not one of its own. One query for them all: a list of hundreds of departments is not hundreds of
    reads."""
    names = {uid: list(aliases) for uid, aliases in own.items()}
    if not names:
        return names
    for row in store.read(_CHAIN_ALIASES, {"departments": sorted(names)}):
        mine = own[row["department"]]
        names[row["department"]] += [f"{alias}（原{row['name']}）" for alias in row["aliases"] if alias not in mine]
    return names


def chain_aliases(store: Store, uid: str, own: Sequence[str]) -> list[str]:
    """One department's names (chain_aliases_of)."""
    return chain_aliases_of(store, {uid: own})[uid]


def with_chain_aliases(store: Store, rows: list[Row], params: Mapping[str, object] | None = None) -> list[Row]:
    """A list's rows with each department's names through its chain (`aliases`), in place of the `uid` and own
    `aliases` the Cypher gives: the finish of `party_departments`, and of `departments` (queries.staffing)."""
    names = chain_aliases_of(store, {row["uid"]: row["aliases"] or [] for row in rows})
    return [{key: (names[row["uid"]] if key == "aliases" else value) for key, value in row.items() if key != "uid"}
            for row in rows]
