"""What a department, its offices and its duties are once some of its 三定 (or 调整 notices) are taken out: restated
from the versions that stay, as loading those alone would leave them.

A node keeps the newest version's facts only (a department's staffing and dates, an office's ordinal, a duty's
ordinal, status and date), so taking the newest 三定 out left them as it had set them. Each document's FROM edge keeps
what that document states (`ingest.records.STATED`); these statements read the edges of the versions that stay and
set each node as the loader's rules would: a department's fact from the latest-dated version that states it (an
earlier one fills a fact the later leaves unsaid), its 三定日期 the latest 三定's, an office or a duty as its
latest-dated version states it, and a 职责分工 clause superseded when a version that stays is later than its own.

They run before `ingest.load.forget_documents` in the same atomic write, while the removed documents' FROM edges are
still there to say which nodes they touched; each reads only edges, never a property another of them sets (FalkorDB
may not see a write of the same query)."""

from __future__ import annotations

from collections.abc import Sequence

from graph.store import Statement
from ingest.records import VERSIONED_DEPARTMENT_PROPS

# The nodes a removed document states that a document staying states too, each with the FROM edges of those that stay.
_TOUCHED = ("UNWIND $rows AS r MATCH (d:Document)<-[:FROM]-(n:{label}) WHERE d.uid IN r.uids WITH DISTINCT r, n "
            "MATCH (n)-[f:FROM]->(o:Document) WHERE NOT o.uid IN r.uids ")
# The latest date among the versions' edges `versions` states under `prop` ('' for none).
_LATEST = "reduce(m = '', v IN versions | CASE WHEN coalesce(v.{prop}, '') > m THEN v.{prop} ELSE m END)"


def restate_versions(uids: Sequence[str]) -> list[Statement]:
    rows = [{"uids": sorted(uids)}]
    # Latest-dated first: each fact is the first version's that states it.
    facts = ", ".join(f"n.{prop} = head([v IN versions WHERE v.{prop} IS NOT NULL | v.{prop}])"
                      for prop in VERSIONED_DEPARTMENT_PROPS)
    departments = (
        _TOUCHED.format(label="Department")
        + "WITH n, f, o ORDER BY f.issued DESC, o.uid DESC WITH n, collect(f) AS versions "
        + f"SET {facts}, n.facts_issued = {_LATEST.format(prop='issued')}, "
        + f"n.sanding_issued = {_LATEST.format(prop='sanding_issued')}, n.source = head(versions).source"
    )
    clauses = (
        _TOUCHED.format(label="Department")
        + "WITH n, collect(f) AS versions WITH n, " + _LATEST.format(prop="sanding_issued") + " AS latest "
        + "MATCH (:Department)-[c:LEADS|ASSISTS]->(:Matter) WHERE c.sanding_of = n.uid "
        + "SET c.superseded = coalesce(c.stated, '') < latest"
    )
    # A duty as its latest-dated version states it; its holder's HAS_DUTY edge as that version writes it.
    newest_duty = (_TOUCHED.format(label="Duty")
                   + "WITH n, f ORDER BY f.last_stated DESC, f.source DESC WITH n, head(collect(f)) AS f ")
    duties = newest_duty + ("SET n.ordinal = f.ordinal, n.status = f.status, n.last_stated = f.last_stated, "
                            "n.source = f.source")
    has_duty = newest_duty + "MATCH ()-[e:HAS_DUTY]->(n) SET e.ordinal = f.ordinal, e.source = f.source"
    # An office's version is dated by its department's FROM edge to the same document.
    newest_office = (_TOUCHED.format(label="Office")
                     + "MATCH (o)<-[g:FROM]-(:Department {uid: n.department}) "
                     + "WITH n, f, g ORDER BY g.issued DESC, f.source DESC WITH n, head(collect(f)) AS f ")
    offices = newest_office + "SET n.ordinal = f.ordinal, n.aliases = coalesce(f.aliases, []), n.label = coalesce(f.label, n.label), n.source = f.source"
    has_office = newest_office + "MATCH ()-[e:HAS_OFFICE]->(n) SET e.source = f.source"
    return [Statement(query, rows) for query in (departments, clauses, duties, has_duty, offices, has_office)]
