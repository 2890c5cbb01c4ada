"""The only module that writes to a store: one document's rows as one atomic, idempotent write.

Every node is keyed on `uid` (updated when it exists, created when it does not) and every relationship
MERGEd, so loading the same document twice changes nothing. Department facts that a newer 三定 or
amendment may revise (kind, rank, staffing) are only overwritten by a document issued on or after the
one that set them, whatever the order of ingestion.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from graph.schema import HELD_BY_DEPARTMENT, PARTY_EDGES, REL_NAMES, label, rel_alternatives, rel_type
from graph.store import Statement, Store
from graph.write_count import write_count
from ingest.alias_sources import ALIAS_SOURCES_ASSIGNMENT, MERGED_ALIAS_SOURCES, rebuild_aliases, with_alias_sources
from ingest.carried import SUCCESSIONS, Carrying, carrying, chain_ends, followed_moves
from ingest.fields_version import GRAPH_FIELDS_VERSION
from ingest.list_history import current_statement, superseded_statements
from ingest.records import VERSIONED_DEPARTMENT_PROPS, GraphRows
from ingest.restate import restate_versions

# Relationships that one document may state several times between the same two nodes, once per clause.
_KEYED_BY_SOURCE = frozenset({"LEADS", "ASSISTS", "TRANSFERRED_TO", "HOLDS", "SUCCEEDED_BY", "HEADCOUNT", "SAFETY_DUTY",
                               "REPLACED_BY"})
# Transfers: one clause of 划入的职责 may move two pieces of work between the same two departments (城市供水 and
# 城市排水 from 建委 to 水务局, a sentence each): each is an edge, told apart by the work it moves.
_KEYED_BY_WHAT = frozenset({"TRANSFERRED_TO"})


def _merge_key(rel: str, edge: str, props: str) -> str:
    """The properties an edge of `rel` is MERGEd on: its clause (`edge`.source) for one a document may state per
    clause, and for a transfer the work moved too (`props`.what)."""
    if rel not in _KEYED_BY_SOURCE:
        return ""
    if rel in _KEYED_BY_WHAT:  # '' for an edge made without one (a graph written by hand): MERGE refuses a null
        return f" {{source: {edge}.source, what: coalesce({props}.what, '')}}"
    return f" {{source: {edge}.source}}"


# Relationships that many documents state alike (a region in its city, a department in its region): one edge
# whose `source` is the least of theirs, not the last loaded, so that it does not depend on the load order.
_LEAST_SOURCE = frozenset({"CONTAINS", "HAS_DEPARTMENT"})


# FalkorDB 4.16 takes time proportional to the whole graph for a node SET while nodes created since its
# last internal sync are pending (3–4 ms at 200,000 nodes, growing with it; creating a node with its
# properties inline costs 0.2 ms), so MERGE … SET made loading slow down as the graph grew. Each kind of
# node is written by two statements of the same rows instead: one updates the nodes that already exist
# (MATCH … SET), then one creates the missing ones with every property inline. Into a fresh graph only the
# second has rows that do anything.


def _update_existing(node_label: str, assignments: str = "n += r.props", condition: str = "") -> str:
    label(node_label)  # labels come from the schema, never from input
    where = f" WHERE {condition}" if condition else ""
    return f"UNWIND $rows AS r MATCH (n:{node_label} {{uid: r.uid}}){where} SET {assignments}"


def _create_missing(node_label: str, values: dict[str, str] | None = None) -> str:
    """`values`: property → expression over the row `r` (default: every schema property from `r.props`)."""
    properties = label(node_label).properties
    values = values or {prop: f"r.props.{prop}" for prop in properties if prop != "uid"}
    inline = ", ".join(f"{prop}: {expression}" for prop, expression in values.items())
    return (f"UNWIND $rows AS r OPTIONAL MATCH (n:{node_label} {{uid: r.uid}}) WITH r, n WHERE n IS NULL "
            f"CREATE (:{node_label} {{uid: r.uid, {inline}}})")


def _upsert(node_label: str, rows: list[dict[str, Any]], *, assignments: str = "n += r.props", condition: str = "",
            values: dict[str, str] | None = None) -> list[Statement]:
    """MERGE on uid and SET, as two statements (see above). The second returns the uids it created: what a load
    reports as new is what its own write created, not the graph's growth, which other writers share."""
    return [Statement(_update_existing(node_label, assignments, condition), rows),
            Statement(_create_missing(node_label, values), rows, collect="r.uid")]


# A mentioned department keeps the aliases it had and gains the new ones, each recorded with its document.
_MENTIONED_ALIASES = ("n.aliases = [a IN coalesce(n.aliases, []) WHERE NOT a IN r.props.aliases] + r.props.aliases, "
                      f"{ALIAS_SOURCES_ASSIGNMENT}")
# A department's `source` does not depend on the load order, and is what a removal restates: a defining document's
# (a 三定 or 调整 notice: the department has its facts) before a naming one's; among the defining ones the latest
# dated, on a tie the greater uid (ingest.restate); among the naming ones the least clause (document uid, then
# clause: `forget_documents`). The facts are read as they were before this write (set later in the same SET, whose
# expressions FalkorDB reads from the old values).
_DEFINED_BEFORE = "coalesce(n.facts_issued, n.sanding_issued) IS NOT NULL"
# A department a document names: its aliases, and its source unless defined (or a replaced version's was dropped).
_MENTIONED_ASSIGNMENTS = (f"{_MENTIONED_ALIASES}, n.source = CASE WHEN NOT {_DEFINED_BEFORE} AND "
                          "(n.source IS NULL OR r.props.source < n.source) THEN r.props.source ELSE n.source END")
# A duty restated by several versions keeps the newest version's ordinal, status and source: an older
# document's row (last_stated earlier than the stored one) changes nothing.
_NOT_OLDER_DUTY = "coalesce(n.last_stated, '') <= r.props.last_stated"


# The date of the department's facts as stored (a graph written before `facts_issued` has its 三定's date only). A
# later document's facts win; an earlier one fills those it leaves unsaid (a 调整 notice gives totals, not 规格).
_FACTS_ISSUED = "coalesce(n.facts_issued, n.sanding_issued, '')"


def _defined_department_assignments() -> str:
    versioned = ", ".join(
        f"n.{prop} = CASE WHEN {_FACTS_ISSUED} <= r.props.issued "
        f"THEN coalesce(r.props.{prop}, n.{prop}) ELSE coalesce(n.{prop}, r.props.{prop}) END"
        for prop in VERSIONED_DEPARTMENT_PROPS
    )
    return (
        "n.name = r.props.name, n.base_name = r.props.base_name, n.region = r.props.region, "
        "n.vague = false, n.unresolved = false, n.candidates = [], "
        f"n.source = CASE WHEN NOT {_DEFINED_BEFORE} OR {_FACTS_ISSUED} < r.props.issued "
        f"OR ({_FACTS_ISSUED} = r.props.issued AND coalesce(n.source, '') < r.props.source) THEN r.props.source "
        "ELSE n.source END, "
        f"{_MENTIONED_ALIASES}, {versioned}, "
        f"n.facts_issued = CASE WHEN {_FACTS_ISSUED} < r.props.issued THEN r.props.issued ELSE {_FACTS_ISSUED} END, "
        "n.sanding_issued = CASE WHEN coalesce(n.sanding_issued, '') < r.props.sanding_issued "
        "THEN r.props.sanding_issued ELSE coalesce(n.sanding_issued, '') END"
    )


# The same facts for a department its 三定 creates: what the assignments above give a node without them.
_DEFINED_DEPARTMENT_VALUES = {
    "name": "r.props.name", "base_name": "r.props.base_name", "region": "r.props.region", "vague": "false",
    "unresolved": "false", "candidates": "[]", "source": "r.props.source", "aliases": "r.props.aliases",
    "alias_sources": "r.props.alias_sources",
    **{prop: f"r.props.{prop}" for prop in VERSIONED_DEPARTMENT_PROPS},
    "sanding_issued": "r.props.sanding_issued", "facts_issued": "r.props.issued",
}


def _merge_relationships(rel: str, from_label: str, to_label: str) -> str:
    if rel not in REL_NAMES:
        raise KeyError(rel)
    spec = rel_type(rel)
    if from_label not in spec.sources or to_label not in spec.targets:
        raise ValueError(f"{rel} does not go from {from_label} to {to_label}")
    key = _merge_key(rel, "x", "x.props")
    source = ("CASE WHEN e.source IS NULL OR x.source < e.source THEN x.source ELSE e.source END"
              if rel in _LEAST_SOURCE else "x.source")
    # Rows come grouped by their start node (_grouped), which is looked up once for all its edges.
    merged = (
        f"UNWIND $rows AS r MATCH (a:{from_label} {{uid: r.from}}) UNWIND r.edges AS x "
        f"MATCH (b:{to_label} {{uid: x.to}}) MERGE (a)-[e:{rel}{key}]->(b) SET e.source = {source}, e += x.props"
    )
    return merged + _SUPERSEDED_ON_WRITE if rel in _CLAUSES else merged


# 职责分工 clauses: a department's 三定 states them (`sanding_of`, `stated`), and its later 三定 supersedes them.
_CLAUSES = frozenset({"LEADS", "ASSISTS"})
# A clause written now is superseded when its department's 三定 stored (this one's, or a later one loaded before) is
# later than the one stating it. Set as it is written: FalkorDB's MATCH over edges does not see those created earlier
# in the same query, so `_SUPERSEDED_CLAUSES` (below) marks only the clauses loaded before.
_SUPERSEDED_ON_WRITE = (
    " WITH e OPTIONAL MATCH (o:Department {uid: e.sanding_of}) "
    "SET e.superseded = o IS NOT NULL AND coalesce(e.stated, '') < coalesce(o.sanding_issued, '')"
)


def _node_rows(node_label: str, nodes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of nodes whose properties the schema declares (a node is created with the declared ones only)."""
    declared = set(label(node_label).properties)
    for uid, props in nodes.items():
        if not declared.issuperset(props):
            raise ValueError(f"{uid}: properties {sorted(set(props) - declared)} are not in the {node_label} schema")
    return [{"uid": uid, "props": props} for uid, props in sorted(nodes.items())]


def statements_for(rows: GraphRows) -> list[Statement]:
    """Nodes before the relationships that MATCH them; the order is fixed so a write is reproducible."""
    return [statement for _label, statement in _labelled_statements(rows)]


def _labelled_statements(rows: GraphRows) -> list[tuple[str, Statement]]:
    """The statements of `statements_for`, each with the label of the nodes it writes ("" for edges)."""
    document = rows.document["uid"]
    nodes = [
        ("Document", _upsert("Document", _document_rows(rows), values=_DOCUMENT_VALUES)),
        ("Region", _upsert("Region", _node_rows("Region", rows.regions))),
        ("Department", _upsert("Department", _node_rows("Department", with_alias_sources(rows.mentioned_departments,
                                                                                         document)),
                               assignments=_MENTIONED_ASSIGNMENTS)),
        # A defined department's row carries `issued` (stored as facts_issued): the assignments map it.
        ("Department", _upsert("Department", [{"uid": uid, "props": props}
                                              for uid, props in sorted(with_alias_sources(
                                                  rows.defined_departments, document).items())],
                               assignments=_defined_department_assignments(), values=_DEFINED_DEPARTMENT_VALUES)),
        # The bodies a short form named before its reading went on to their successors: they are in the graph (the
        # resolver read them there), and gain the names only.
        ("", [Statement(_update_existing("Department", _MENTIONED_ALIASES),
                        _node_rows("Department", with_alias_sources(
                            {uid: {"aliases": names} for uid, names in rows.replaced_aliases.items()}, document)))]
         if rows.replaced_aliases else []),
        ("Office", _upsert("Office", _node_rows("Office", rows.offices))),
        ("Duty", _upsert("Duty", _node_rows("Duty", rows.duties), condition=_NOT_OLDER_DUTY)),
        ("Matter", _upsert("Matter", _node_rows("Matter", rows.matters))),
        ("PowerItem", _upsert("PowerItem", _node_rows("PowerItem", rows.power_items))),
        ("SupervisionItem", _upsert("SupervisionItem", _node_rows("SupervisionItem", rows.supervision_items))),
        ("Term", _upsert("Term", _node_rows("Term", rows.terms))),
    ]
    statements = [("", _forget_clauses(rows.document["uid"]))]
    if rows.document.get("list_key"):  # a list's version loaded as the current one is no longer its history
        statements.append(("", current_statement(rows.document["uid"])))
    if rows.replaces:  # the earlier versions go (kept as the list's history first: ingest.list_history), but what
        # this one states again stays, for it to update
        statements += [("", statement) for statement in superseded_statements(
            rows.replaces, rows.document.get("list_key") or "", rows.replaced_keys)]
        restated = [uid for nodes in (rows.defined_departments, rows.mentioned_departments, rows.offices, rows.duties,
                                      rows.matters, rows.power_items, rows.supervision_items) for uid in nodes]
        statements += [("", statement) for statement in forget_documents(rows.replaces, kept=restated)]
    statements += [(node_label, statement) for node_label, upsert in nodes for statement in upsert]
    for (rel, from_label, to_label), rel_rows in sorted(rows.relationships.items()):
        statements.append(("", Statement(_merge_relationships(rel, from_label, to_label),
                                         _grouped(_dedupe(rel, rel_rows)))))
    if rows.document.get("kind") == "sanding":
        statements += [("", Statement(_SUPERSEDED_CLAUSES, [{"department": uid, "region": props["region"]}]))
                       for uid, props in sorted(rows.defined_departments.items())]
    return statements


# A department's 职责分工 clauses stand as its latest 三定 states them: those of an earlier one (loaded before or after
# it) are marked superseded, and analyses leave them out, as they leave out duties no longer stated. Before, a revised
# 三定 that dropped a clause still had the old clause counted as a current 配合事项 (user test). This marks the clauses
# loaded before this document; its own are marked as they are written (`_SUPERSEDED_ON_WRITE`).
_SUPERSEDED_CLAUSES = (
    "UNWIND $rows AS r MATCH (d:Department {uid: r.department}) "
    "MATCH (:Department)-[c:LEADS|ASSISTS]->(:Matter {region: r.region}) WHERE c.sanding_of = r.department "
    "SET c.superseded = coalesce(c.stated, '') < coalesce(d.sanding_issued, '')"
)


# A Document is created with its path from `r.path`; it is updated from `r.props`, which lacks the path when the
# path is only the name an upload gave the file (see `_document_rows`).
_DOCUMENT_VALUES = {prop: "r.path" if prop == "path" else f"r.props.{prop}"
                    for prop in label("Document").properties if prop != "uid"}


def _document_rows(rows: GraphRows) -> list[dict[str, Any]]:
    """The Document's row. An uploaded file is read from a temporary folder and recorded under its upload name; a
    copy of a document loaded before keeps the path it was first loaded from, which a bare name would replace."""
    # Stamped here, in the document's own atomic write: a failed load records no version it did not write.
    props = {key: value for key, value in rows.document.items() if key != "uid"} | {"fields_version": GRAPH_FIELDS_VERSION}
    [row] = _node_rows("Document", {rows.document["uid"]: props})
    if rows.path_is_upload_name:
        row["props"] = {key: value for key, value in props.items() if key != "path"}
    return [{**row, "path": props.get("path")}]


def _forget_clauses(document_uid: str) -> Statement:
    """A document loaded again restates its clauses: drop the edges keyed by its earlier locators first. A copy
    of a CSV under another name, or a version of this program that locates rows otherwise, would otherwise
    leave every 牵头/配合 twice. A document not yet in the graph matches nothing and scans nothing."""
    types = rel_alternatives(sorted(_KEYED_BY_SOURCE))
    return Statement(f"UNWIND $rows AS r MATCH (:Document {{uid: r.uid}}) MATCH ()-[e:{types}]->() "
                     "WHERE e.source STARTS WITH r.prefix DELETE e", [{"uid": document_uid, "prefix": document_uid + "#"}])


# -- taking documents out: `dutygraph remove`, and a list's corrected version replacing the one loaded before -------

# A node a document states has a FROM edge to it; what no remaining document states goes with the documents.
_STATED_LABELS = ("Office", "Duty", "Matter", "PowerItem", "SupervisionItem")
# A relationship is a document's own when its `source` is one of that document's clauses (`doc:…#locator`).
_OWN_EDGE = "split(e.source, '#')[0] IN r.uids"


def forget_documents(uids: Sequence[str], *, kept: Sequence[str] = ()) -> list[Statement]:
    """Statements that take the documents `uids` out of the graph: their 牵头/配合, 事权, 认领, 实施 and 划转
    edges, what only they state (offices, duties, matters, items, with their edges), and the Document nodes. A
    department only they define stays as the party that other documents name (unresolved, as a list loaded
    without its 三定 leaves it) when other documents still name it, and goes otherwise. `kept`: the uids a document
    written in the same atomic write states again (a list's new version): they stay, and that write updates them.
    Nothing here reads what an earlier statement of the same query deleted (FalkorDB may not see it): every test
    is on the documents' uids."""
    rows = [{"uids": sorted(uids), "kept": sorted(kept)}]
    keyed = rel_alternatives(sorted(_KEYED_BY_SOURCE | {"EXERCISES", "CLAIMS"}))
    others = ("OPTIONAL MATCH (n)-[:FROM]->(o:Document) WHERE NOT o.uid IN r.uids "
              "WITH r, n, count(o) AS others WHERE others = 0 AND NOT n.uid IN r.kept ")
    statements = [
        # A body these documents' successions replaced has its own 三定's clauses in force again. What those
        # successions moved, a removal has put where the successions that stay place it (`succession_statements`).
        Statement(_SUCCEEDED + "WHERE split(s.source, '#')[0] IN r.uids " + _CLAUSES_OF_PREDECESSOR
                  + "SET c.superseded = coalesce(c.stated, '') < coalesce(p.sanding_issued, '')", rows),
        Statement(f"UNWIND $rows AS r MATCH ()-[e:{keyed}]->() WHERE {_OWN_EDGE} DELETE e", rows),
        # A 事权 row for 全部 counties that only these documents state no longer reaches the counties loaded later.
        Statement("UNWIND $rows AS r MATCH (m:Matter) WHERE split(m.all_counties_source, '#')[0] IN r.uids "
                  "SET m.all_counties_share = null, m.all_counties_text = null, m.all_counties_source = null", rows),
    ]
    statements += [Statement(f"UNWIND $rows AS r MATCH (d:Document)<-[:FROM]-(n:{node_label}) WHERE d.uid IN r.uids "
                             f"WITH DISTINCT r, n {others}DETACH DELETE n", rows)
                   for node_label in _STATED_LABELS]
    named = rel_alternatives(PARTY_EDGES)
    facts = ", ".join(f"n.{prop} = null" for prop in VERSIONED_DEPARTMENT_PROPS)
    statements += [
        # A department these documents alone define, that other documents name: the party those name.
        Statement(f"UNWIND $rows AS r MATCH (d:Document)<-[:FROM]-(n:Department) WHERE d.uid IN r.uids "
                  f"WITH DISTINCT r, n {others}"
                  f"OPTIONAL MATCH (n)-[e:{named}]-() WHERE NOT {_OWN_EDGE} WITH r, n, count(e) AS named "
                  f"WHERE named > 0 SET n.unresolved = true, n.candidates = [], n.sanding_issued = null, "
                  f"n.facts_issued = null, {facts}", rows),
        Statement(f"UNWIND $rows AS r MATCH (d:Document)<-[:FROM]-(n:Department) WHERE d.uid IN r.uids "
                  f"WITH DISTINCT r, n {others}"
                  f"OPTIONAL MATCH (n)-[e:{named}]-() WHERE NOT {_OWN_EDGE} WITH r, n, count(e) AS named "
                  "WHERE named = 0 DETACH DELETE n", rows),
    ]
    # What stays cites a document that stays: a matter both lists name cited the removed one's row.
    statements += [Statement(f"UNWIND $rows AS r MATCH (n:{node_label})-[f:FROM]->(o:Document) "
                             "WHERE split(n.source, '#')[0] IN r.uids AND NOT o.uid IN r.uids "
                             "WITH n, min(f.source) AS source SET n.source = source", rows)
                   for node_label in ("Department", *_STATED_LABELS)]
    statements += [Statement(f"UNWIND $rows AS r MATCH (n:{node_label})-[m:MENTIONS]->() "
                             "WHERE split(m.source, '#')[0] IN r.uids MATCH (n)-[f:FROM]->(o:Document) "
                             "WHERE NOT o.uid IN r.uids WITH m, min(f.source) AS source SET m.source = source", rows)
                   for node_label in rel_type("MENTIONS").sources]
    # A party, and a department's place in its region (the least source of those naming it), cite what still names it;
    # where nothing else names it, no source is left: a replacing version's rows then give theirs (the department's
    # upsert and HAS_DEPARTMENT's least-source MERGE take a missing source), since this query cannot see the edges
    # they write later in it. Before, a department named only by a replaced list kept citing the removed version.
    statements += [
        # (Not defined by a document that stays: the FROM edge to the documents taken out goes with them, later.)
        Statement(f"UNWIND $rows AS r MATCH (n:Department) WHERE split(n.source, '#')[0] IN r.uids "
                  "WITH r, n, [(n)-[:FROM]->(o:Document) | o.uid] AS defining "
                  "WHERE size([uid IN defining WHERE NOT uid IN r.uids]) = 0 "
                  f"OPTIONAL MATCH (n)-[e:{named}]-() WHERE NOT {_OWN_EDGE} "
                  "WITH n, min(e.source) AS source SET n.source = source", rows),
        # A reform's clause places the body it replaced, not its successor: the successor's place is its own rows'.
        Statement(f"UNWIND $rows AS r MATCH (:Region)-[h:HAS_DEPARTMENT]->(n:Department) "
                  f"WHERE split(h.source, '#')[0] IN r.uids OPTIONAL MATCH (n)-[e:{named}|FROM]-(x) "
                  f"WHERE NOT {_OWN_EDGE} AND NOT (type(e) = 'SUCCEEDED_BY' AND startNode(e) = x) "
                  "WITH h, min(e.source) AS source SET h.source = source", rows),
    ]
    return [*statements, Statement("UNWIND $rows AS r MATCH (d:Document) WHERE d.uid IN r.uids DETACH DELETE d", rows)]


def remove_documents(store: Store, uids: Sequence[str]) -> None:
    """Take the documents out, in one atomic write, then drop what no longer holds anything (`prune_orphans`). What
    the documents' departments, offices and duties keep is first restated from the versions that stay
    (`ingest.restate`): a department's staffing and dates, a duty's ordinal and date, as loading those alone gives."""
    # What the documents' successions moved goes first where the successions that stay place it (the same rule as
    # after a load; that run also clears the ends of bodies no succession names any more), then the documents go.
    # The run after the removal is needed for the carrying: restate_versions, later in the atomic write, changes a
    # successor's sanding_issued (its 三定 in force now), which the first run read as it was before.
    store.write_atomic([*succession_statements(store, uids), *restate_versions(uids), *forget_documents(uids),
                        bump_version()])
    prune_orphans(store)
    follow_successions(store)


# -- 机构改革: a body renamed or merged (SUCCEEDED_BY) answers no longer; its successor does ---------------------------

# What names a body that a list or a later document may still name by its old name.
_FOLLOWED = ("LEADS", "ASSISTS", "EXERCISES", "CLAIMS")
_SUCCEEDED = "UNWIND $rows AS r MATCH (p:Department)-[s:SUCCEEDED_BY]->(d:Department) "
_CLAUSES_OF_PREDECESSOR = "WITH DISTINCT p MATCH ()-[c:LEADS|ASSISTS]->() WHERE c.sanding_of = p.uid "


def _moved_on(rel: str) -> str:
    """A body's edges that name it are at the end of its chain of successions (`ingest.carried.followed_moves`, the
    rows `r.holder`, `r.named`, `r.target`, `r.redirected_from`), marked with the body they named (`redirected_from`:
    so an edge moved on from 石桥镇人民政府 still says it named 桃源乡人民政府): a list's (undated, it names the bodies
    as they are) and another department's 职责分工 clause, stated before the reform or after. That department's 三定
    is still in force, and an 编办 reads its 县城市管理局配合 as the body doing that work now (the clause's text keeps
    the old name); left on the old body, the clause made a matter the list gives the successor read as led by two
    (conflicting_leads). The clauses of the body's own 三定 stay: they are superseded with it. One move a group of
    edges, straight to where it belongs (on, or back where a chain became shorter): no edge is moved twice in one
    query (which could not see the first move), so the end state does not depend on the order the reforms loaded in."""
    name = rel_type(rel).name  # types come from the schema, never from input
    key = _merge_key(rel, "e", "e")
    named = "f.redirected_from = r.redirected_from"
    setting = f"SET f += properties(e), {named}" if key else f"ON CREATE SET f += properties(e), {named}"
    return ("UNWIND $rows AS r MATCH (h:Department {uid: r.holder}) MATCH (d:Department {uid: r.target}) "
            f"MATCH (h)-[e:{name}]->(x) WHERE {_NAMED} = r.named AND coalesce(e.sanding_of, '') <> r.named "
            f"MERGE (d)-[f:{name}{key}]->(x) {setting} DELETE e")


# The body an edge that follows successions named: the one a move marked, else the one holding it.
_NAMED = "coalesce(e.redirected_from, h.uid)"
# The (holder, named) groups of those edges on the bodies `$bodies` (every body of a succession, and every body the
# last run placed edges from or to): what `_moved_on` may move. The clauses of a body's own 三定 are none (they
# stay, superseded).
_FOLLOWED_NAMED = (f"UNWIND $bodies AS b MATCH (h:Department {{uid: b}})-[e:{rel_alternatives(_FOLLOWED)}]->() "
                   f"WITH h, e, {_NAMED} AS named WHERE coalesce(e.sanding_of, '') <> named "
                   "RETURN DISTINCT h.uid AS holder, named ORDER BY holder, named")


# A township list's rows name their township (`township`, the government's uid: township_duties groups by it). Once
# the township is merged into another (乡镇合并) or made a 街道 (镇改街道), its government SUCCEEDED_BY the other's,
# the rows are the other's work today: `township` is the chain end of the one the list wrote (`township_from` keeps
# that one while they differ), by the rule that places the edges (`ingest.carried.chain_ends`, `r.ends` its pairs:
# a body split among several keeps its rows, as it keeps its edges), recomputed for every row so that a chain made
# shorter sets it back too. Every such edge, the county department's 配合 LEADS too (not moved). One scan of the
# edges. Run before the moves: an edge MERGEd in the same query is not seen by a later MATCH, but copies what was SET
# before.
_TOWNSHIP_EDGES = "UNWIND $rows AS r MATCH ()-[e:LEADS|ASSISTS]->() "
_TOWNSHIP_MOVED_ON = (f"{_TOWNSHIP_EDGES}WHERE e.township IS NOT NULL "
                      "WITH r, e, coalesce(e.township_from, e.township) AS named "
                      "WITH e, named, [pair IN r.ends WHERE pair[0] = named | pair[1]] + [named] AS found "
                      "WITH e, named, found[0] AS now WHERE e.township <> now OR (e.township_from IS NULL) <> (now = named) "
                      "SET e.township = now, e.township_from = CASE WHEN now = named THEN null ELSE named END")


def follow_successions(store: Store) -> None:
    """After documents load or go: the edges that name a replaced body after the reform are at the end of its chain of
    successions (on, or back where the chain became shorter or is gone: `ingest.carried.followed_moves`), each row of
    a township list names the end of its township's chain, each body keeps its chain's end (`chain_end`), and the
    职责分工 clauses of its own 三定 are superseded (its 三定 is no longer in force), whichever document came first.
    One atomic write, none when the graph holds no succession and no body a succession placed."""
    if statements := succession_statements(store):
        store.write_atomic([*statements, bump_version()])


def succession_statements(store: Store, leaving: Sequence[str] = ()) -> list[Statement]:
    """The writes `follow_successions` makes, the one place they are computed, as the graph would be without the
    successions the documents `leaving` state: a removal runs them before taking those out, in the same atomic write,
    so that what they moved goes back while the body it named is still there (with no edge left, a party only a
    removed notice named would go with it); [] where there is nothing to place."""
    successions = [row for row in store.read(SUCCESSIONS) if row["source"].split("#")[0] not in leaving]
    # Where the last run placed edges: a body whose succession a removal took out (the named body, and the end it had,
    # which holds the edges) is among these, though no succession names it now.
    recorded = store.read(_CHAIN_ENDS_RECORDED)
    if not successions and not recorded:
        return []
    rows = [{}]
    # Which edge carries the replaced body's duties to its successor (ingest.carried), written where it changed; one
    # that no longer carries loses the property (null, not false: as an edge that never carried, whatever the order).
    carried = carrying(successions)
    changed = [{"predecessor": row["predecessor"], "source": row["source"], "carries": carry.carries or None,
                "after": carry.after} for row in successions
               if (carry := carried[row["predecessor"], row["source"]]) != Carrying(bool(row["carries"]),
                                                                                row["carries_after"])]
    ends = chain_ends(successions)
    bodies = sorted({row["predecessor"] for row in successions} | {row["successor"] for row in successions}
                    | {row["uid"] for row in recorded} | {row["end"] for row in recorded})
    moved = followed_moves(store.read(_FOLLOWED_NAMED, {"bodies": bodies}), ends)
    moves = [Statement(_moved_on(rel), moved) for rel in _FOLLOWED] if moved else []
    townships = [{"ends": [[body, end] for body, end in sorted(ends.items())]}]
    placed = [{"uid": body, "end": ends.get(body)} for body in bodies]
    # The clauses of a replaced body's own 三定; a removal sets those of the bodies it restores back after this.
    return [Statement(_TOWNSHIP_MOVED_ON, townships), *moves, Statement(_CHAIN_END, placed),
            Statement(_SUCCEEDED + _CLAUSES_OF_PREDECESSOR + "SET c.superseded = true", rows),
            *([Statement(_SET_CARRYING, changed)] if changed else [])]


# Each body of a succession keeps the end of its chain (`chain_end`, null where it has none: a split, a cycle, a body
# not replaced), which township_duties and its merged_township note read for a township asked for: the rule its rows'
# `township` and their edges follow, not a walk of its own. Written for every body `follow_successions` reads, those
# that had an end too: one no succession names any more loses it.
_CHAIN_END = ("UNWIND $rows AS r MATCH (d:Department {uid: r.uid}) WHERE coalesce(d.chain_end, '') <> coalesce(r.end, '') "
              "SET d.chain_end = r.end")
_CHAIN_ENDS_RECORDED = ("MATCH (d:Department) WHERE d.chain_end IS NOT NULL "
                        "RETURN d.uid AS uid, d.chain_end AS end ORDER BY uid")
_SET_CARRYING = ("UNWIND $rows AS r MATCH (:Department {uid: r.predecessor})-[s:SUCCEEDED_BY {source: r.source}]->(:Department) "
                 "SET s.carries = r.carries, s.carries_after = r.after")


# Left over once documents are taken out: terms no node mentions, parties no document names, regions that hold
# nothing. Their own write, after the atomic one (which cannot see its own deletions): an interrupted prune leaves
# only empty nodes, which the next removal drops. A county or district a 撤县设区 still held names is no empty region:
# its REPLACED_BY edge is its document's, gone with it (before, a district whose list was loaded again went, with the
# rename, and the list loaded unpaired).
_ORPHAN_TERMS = "UNWIND $rows AS r MATCH (t:Term) WHERE NOT (t)<-[:MENTIONS]-() DELETE t"
_ORPHAN_PARTIES = ("UNWIND $rows AS r MATCH (n:Department) WHERE NOT (n)-[:FROM]->() "
                   f"AND NOT (n)-[:{rel_alternatives(HELD_BY_DEPARTMENT)}]-() DETACH DELETE n")
_EMPTY_REGIONS = ("UNWIND $rows AS r MATCH (g:Region) WHERE NOT (g)-[:HAS_DEPARTMENT|CONTAINS|HOLDS]->() AND NOT (g)-[:REPLACED_BY]-() "
                  "OPTIONAL MATCH (d:Document {region: g.path}) WITH g, count(d) AS documents "
                  "OPTIONAL MATCH (m:Matter {region: g.path}) WITH g, documents, count(m) AS matters "
                  "WHERE documents = 0 AND matters = 0 DETACH DELETE g")
_REGION_DEPTH = 4  # a region path has at most four levels: a county emptied first, then its city


def prune_orphans(store: Store) -> None:
    statements = [Statement(_ORPHAN_TERMS, [{}]), Statement(_ORPHAN_PARTIES, [{}])]
    for statement in statements:
        store.write(statement)
    for _level in range(_REGION_DEPTH):
        store.write(Statement(_EMPTY_REGIONS, [{}]))
    rebuild_aliases(store)  # a name only the documents taken out gave goes with them


def _dedupe(rel: str, rel_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per relationship MERGE key: two identical rows in one UNWIND would both try to create it."""
    unique: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for row in rel_rows:
        key = (row["from"], row["to"], row["source"] if rel in _KEYED_BY_SOURCE else "",
               row["props"].get("what", "") if rel in _KEYED_BY_WHAT else "")
        unique.setdefault(key, row)
    return list(unique.values())


def _grouped(rel_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Relationship rows as one row per start node with its edges, in first-seen order."""
    edges: dict[str, list[dict[str, Any]]] = {}
    for row in rel_rows:
        edges.setdefault(row["from"], []).append({"to": row["to"], "source": row["source"], "props": row["props"]})
    return [{"from": start, "edges": group} for start, group in edges.items()]


# What a mentioned party (never a 三定's department) can hold: the edges a redirect moves to the department
# that the mention turned out to name, as (type, outgoing): its party edges, both ways where they join two departments
# (a move, a reform), and its region's. Keyed ones are MERGEd per clause, as the loader writes them; HAS_DEPARTMENT
# keeps the least source of the two, as the loader's MERGE does.
_PARTY_EDGES = (*((rel, outgoing) for rel in PARTY_EDGES
                  for outgoing in ((True, False) if "Department" in rel_type(rel).targets else (True,))),
                ("HAS_DEPARTMENT", False))


def _moved_edges(rel: str, outgoing: bool) -> str:
    name = rel_type(rel).name  # types come from the schema, never from input
    key = _merge_key(rel, "e", "e")
    found = f"(p:Department {{uid: r.party}})-[e:{name}]->(x)" if outgoing else \
        f"(x)-[e:{name}]->(p:Department {{uid: r.party}})"
    made = f"(d)-[f:{name}{key}]->(x)" if outgoing else f"(x)-[f:{name}{key}]->(d)"
    update = ("f.source = CASE WHEN f.source IS NULL OR e.source < f.source THEN e.source ELSE f.source END"
              if rel in _LEAST_SOURCE else "f += properties(e)")
    department = "MATCH (d:Department {uid: r.department})"
    if rel == "HAS_DEPARTMENT":
        # A department's place is its own region, as a mention resolved when it loads places it (records): a party
        # named in the district a 撤县设区 made (区住建局) that turns out the county's department stays out of the
        # district, as loading the rename first gives. (A department of no region stays where its party was.)
        return (f"UNWIND $rows AS r MATCH {found} {department} MATCH (x2:Region {{path: coalesce(d.region, x.path)}}) "
                f"MERGE (x2)-[f:{name}]->(d) SET {update}")
    return f"UNWIND $rows AS r MATCH {found} {department} MERGE {made} SET {update}"


def redirect_parties(store: Store, merges: Sequence[tuple[str, str]]) -> None:
    """Unresolved parties (mentions no department matched when they were loaded) that name departments loaded
    since, as (party uid, department uid): each party's edges go to its department, its mentions join the
    department's aliases, and it is deleted, leaving the graph that loading the documents in the other order
    gives. One atomic write for all of them (a write and a version bump a party cost 6 ms a party at 10,000
    clauses), or one for each round when several parties merge into one department (below)."""
    for round_ in _rounds(merges):
        rows = [{"party": party, "department": department} for party, department in round_]
        statements = [Statement(_moved_edges(rel, outgoing), rows) for rel, outgoing in _PARTY_EDGES]
        statements += [
            Statement("UNWIND $rows AS r MATCH (p:Department {uid: r.party}) MATCH (d:Department {uid: r.department}) "
                      "SET d.aliases = [a IN coalesce(d.aliases, []) WHERE NOT a IN coalesce(p.aliases, [])] "
                      f"+ coalesce(p.aliases, []), {MERGED_ALIAS_SOURCES}", rows),
            Statement("UNWIND $rows AS r MATCH (p:Department {uid: r.party}) DETACH DELETE p", rows),
            bump_version(),
        ]
        store.write_atomic(statements)


def _rounds(merges: Sequence[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The merges in rounds in which no department takes two parties: two rows of one UNWIND that SET the same
    department's aliases (or the least source of its edge) would each start from its value before the other,
    so a department's second party waits for the next round, which sees the first's."""
    rounds: list[list[tuple[str, str]]] = []
    taken: dict[str, int] = {}
    for party, department in merges:
        index = taken.get(department, 0)
        taken[department] = index + 1
        if index == len(rounds):
            rounds.append([])
        rounds[index].append((party, department))
    return rounds


LINKS_META = "meta:links"  # the Meta node that names the linker of the graph's derived links
SEGMENTATION_META = "meta:segmentation"  # the Meta node that names what segmented the graph's stored terms


def recorded_segmentation(store: Store) -> str | None:
    rows = store.read("MATCH (m:Meta {uid: $uid}) RETURN m.segmentation AS segmentation", {"uid": SEGMENTATION_META})
    return rows[0]["segmentation"] if rows else None


def record_segmentation(store: Store, segmentation: str) -> None:
    store.write(Statement("UNWIND $rows AS r MERGE (m:Meta {uid: r.uid}) SET m.segmentation = r.segmentation",
                          [{"uid": SEGMENTATION_META, "segmentation": segmentation}]))


UNLINKED_META = "meta:unlinked"  # the Meta node that records how many duties wait for their links (ingest/unlinked.py)


def record_unlinked(store: Store, count: int, state: str) -> None:
    store.write(Statement("UNWIND $rows AS r MERGE (m:Meta {uid: r.uid}) "
                          "SET m.unlinked = r.count, m.unlinked_at = r.state",
                          [{"uid": UNLINKED_META, "count": count, "state": state}]))


def forget_linker(store: Store) -> None:
    """The graph's links no longer follow from its stored terms: the next linking redoes all of them."""
    store.write(Statement("UNWIND $rows AS r MATCH (m:Meta {uid: r.uid}) DELETE m", [{"uid": LINKS_META}]))


def rewrite_segmented(store: Store, node_label: str, rows: GraphRows) -> None:
    """Replace what segmentation decided of existing nodes (ingest/refresh.py): the properties in `rows`
    (duties, matters or items, by label) and their MENTIONS edges, dropped and made again; one atomic write."""
    node_rows = [{"uid": uid, "props": props} for uid, props in sorted(rows.segmented(node_label).items())]
    mentions = rows.relationships.get(("MENTIONS", node_label, "Term"), [])
    store.write_atomic([
        Statement(_update_existing(node_label), node_rows),
        Statement(f"UNWIND $rows AS r MATCH (n:{node_label} {{uid: r.uid}})-[m:MENTIONS]->() DELETE m", node_rows),
        *_upsert("Term", _node_rows("Term", rows.terms)),
        Statement(_merge_relationships("MENTIONS", node_label, "Term"), _grouped(_dedupe("MENTIONS", mentions))),
    ])


def bump_version() -> Statement:
    """Count a write. `epoch` is drawn when the counter is created, so a reset graph never repeats a version."""
    return Statement(
        "UNWIND $rows AS r MERGE (m:Meta {uid: r.uid}) "
        "SET m.version = coalesce(m.version, 0) + 1, m.epoch = coalesce(m.epoch, r.epoch)",
        [{"uid": "meta:version", "epoch": uuid.uuid4().hex}],
    )


def load_stamp(store: Store) -> int:
    """The first `loaded` stamp of a run: larger than any the graph holds. Each list of the run takes the next one in
    the order the run reads them (`ingest.pipeline.discover`: a folder's files sorted by path, files named in the
    order named), so that of two undated versions in one folder the one read later is newer
    (ingest.versions.newest_first); a run's other documents take this one. The graph's write count (`bump_version`)
    where it is larger, so a graph loaded alike bears the same stamps (a wall clock would make them differ); a run that
    stamps more lists than it writes (some refused) leaves the count below its last stamp, hence the largest held."""
    held = [row["loaded"] for label in ("Document", "ListVersion")
            for row in store.read(f"MATCH (d:{label}) RETURN max(d.loaded) AS loaded") if row["loaded"] is not None]
    return max([write_count(store), *(int(loaded) + 1 for loaded in held)])


def load_rows(store: Store, rows: GraphRows) -> dict[str, list[str]]:
    """Write one document: all of it or, on any failure, nothing. Returns the uids of the nodes this write
    created, by label (those it found already there, written by anyone, are not among them). The caller bumps
    the version (`bump_version`) once it has written its documents: a SET of the version node costs as much as
    one in a write that creates nodes while the server holds nodes created since it last synced its matrices
    (see above), so a bump after every document cost most of a document's write at a large graph."""
    labelled = _labelled_statements(rows)
    results = store.write_atomic([statement for _label, statement in labelled])
    created: dict[str, list[str]] = {}
    for (node_label, statement), uids in zip(labelled, results, strict=True):
        if statement.collect and uids:
            created.setdefault(node_label, []).extend(uids)
    return created


def write_similar(store: Store, *, boilerplate: dict[str, bool], similar: list[tuple[str, str, float, str]],
                  replace: bool, dropped: Sequence[tuple[str, str]] = ()) -> None:
    """The first half of the derived links (ingest/link.py): boilerplate flags and SIMILAR edges.
    Idempotent MERGEs; `replace` drops the old SIMILAR/REFINES first, `dropped` the SIMILAR edges of those pairs."""
    if replace:
        for rel in ("SIMILAR", "REFINES"):
            store.write(Statement(f"UNWIND $rows AS r MATCH (:Duty)-[e:{rel}]->(:Duty) DELETE e", [{}]))
    if dropped:
        store.write(Statement("UNWIND $rows AS r MATCH (:Duty {uid: r.a})-[e:SIMILAR]->(:Duty {uid: r.b}) DELETE e",
                              [{"a": a, "b": b} for a, b in dropped]))
    store.write(Statement("UNWIND $rows AS r MATCH (u:Duty {uid: r.uid}) SET u.boilerplate = r.flag",
                          [{"uid": uid, "flag": flag} for uid, flag in sorted(boilerplate.items())]))
    store.write(Statement(
        "UNWIND $rows AS r MATCH (a:Duty {uid: r.a}) MATCH (b:Duty {uid: r.b}) "
        "MERGE (a)-[e:SIMILAR]->(b) SET e.score = r.score, e.method = r.method",
        [{"a": a, "b": b, "score": score, "method": method} for a, b, score, method in similar]))


def write_links(store: Store, *, refines: list[tuple[str, str, float]], counterparts: list[tuple[str, str]],
                linked: list[str], linker: str, capped: list[str], refined_again: Sequence[str] = (),
                successors: Sequence[str] = ()) -> None:
    """The second half: REFINES and COUNTERPART edges, then the `linked` flags that mark the duties done
    (last, so that an interrupted run links them again) with the linker that made the links, then the
    version."""
    if refined_again:
        # Their REFINES are all in `refines` again: the ones linking made before are dropped first, and the duties
        # marked unlinked before that, so that a run interrupted in between makes them again.
        store.write(Statement("UNWIND $rows AS r MATCH (u:Duty {uid: r.uid}) SET u.linked = false",
                              [{"uid": uid} for uid in refined_again]))
        store.write(bump_version())  # a new state: the count of unlinked duties recorded before is stale (unlinked.py)
        store.write(Statement("UNWIND $rows AS r MATCH (:Duty {uid: r.uid})-[e:REFINES]->(:Duty) "
                              "WHERE e.source = 'link' DELETE e", [{"uid": uid} for uid in refined_again]))
    store.write(Statement(
        "UNWIND $rows AS r MATCH (a:Duty {uid: r.a}) MATCH (b:Duty {uid: r.b}) "
        "MERGE (a)-[e:REFINES]->(b) SET e.score = r.score, e.source = 'link'",
        [{"a": a, "b": b, "score": score} for a, b, score in refines]))
    # The pairs are all derived again each time: one no longer derived (a county 体育局 once also mirrored the city's
    # 文化和旅游局, ingest.counterparts) goes.
    made = {(row["a"], row["b"]) for row in store.read(
        "MATCH (a:Department)-[e:COUNTERPART]->(b:Department) WHERE e.source = 'link' RETURN a.uid AS a, b.uid AS b")}
    store.write(Statement(
        "UNWIND $rows AS r MATCH (:Department {uid: r.a})-[e:COUNTERPART]->(:Department {uid: r.b}) "
        "WHERE e.source = 'link' DELETE e", [{"a": a, "b": b} for a, b in sorted(made - set(counterparts))]))
    store.write(Statement(
        "UNWIND $rows AS r MATCH (a:Department {uid: r.a}) MATCH (b:Department {uid: r.b}) "
        "MERGE (a)-[e:COUNTERPART]->(b) SET e.source = 'link'",
        [{"a": a, "b": b} for a, b in counterparts]))
    store.write(Statement("UNWIND $rows AS r MATCH (u:Duty {uid: r.uid}) SET u.linked = true",
                          [{"uid": uid} for uid in sorted({*linked, *refined_again})]))
    # The blocking's record (`ingest.similarity.capped_keys`) goes with the linker: the next linking compares
    # what a term no longer too common to pair by brings together. So do the 撤县设区 the duties were compared by
    # (`successors`, county and district joined): the next linking compares all again when they changed.
    store.write(Statement("UNWIND $rows AS r MERGE (m:Meta {uid: r.uid}) "
                          "SET m.linker = r.linker, m.capped = r.capped, m.successors = r.successors",
                          [{"uid": LINKS_META, "linker": linker, "capped": capped, "successors": list(successors)}]))
    store.write(bump_version())
