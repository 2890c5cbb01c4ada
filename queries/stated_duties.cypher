// name: stated_duties
// question: 若干文件（某版三定及其后的调整通知）所载的一个部门及其内设机构的职责 (the duties that given documents state of one department and its offices)
// param department: string  部门 uid
// param documents: list  文件 uid，逗号分隔
// columns: uid, office, office_ordinal, ordinal, category, text, status, content, refines, source, devolved_to, boilerplate
// json_only: uid, office_ordinal, content, refines, boilerplate
// sort: office_ordinal, office, ordinal, text, source
// Read from each document's own FROM edges (its ordinal, status and clause: ingest.records.add_provenance), not from
// the duty, which keeps its newest statement only. `status` as the document states it: current, or the work it moves
// out, cancels or hands down (transferred, cancelled, devolved). `content`: the duty's content terms (ingest.content).
// `refines`: the department duties an office duty carries out. `devolved_to`: the lower governments a notice hands
// devolved work to, as written (null otherwise). `boilerplate`: work every department has (staffing_load counts
// the rest).
MATCH (d:Department {uid: $department})-[:HAS_DUTY]->(u:Duty)-[f:FROM]->(s:Document)
WHERE s.uid IN $documents
RETURN u.uid AS uid, '' AS office, null AS office_ordinal, f.ordinal AS ordinal, u.category AS category,
       u.text AS text, coalesce(f.status, u.status) AS status, u.content AS content, [] AS refines, f.source AS source,
       f.devolved_to AS devolved_to, coalesce(u.boilerplate, false) AS boilerplate
UNION ALL
MATCH (d:Department {uid: $department})-[:HAS_OFFICE]->(o:Office)-[:HAS_DUTY]->(u:Duty)-[f:FROM]->(s:Document)
WHERE s.uid IN $documents
OPTIONAL MATCH (o)-[g:FROM]->(s)
RETURN u.uid AS uid, o.name AS office, g.ordinal AS office_ordinal, f.ordinal AS ordinal, u.category AS category,
       u.text AS text, coalesce(f.status, u.status) AS status, u.content AS content,
       [(u)-[:REFINES]->(w:Duty) | w.uid] AS refines, f.source AS source, f.devolved_to AS devolved_to,
       coalesce(u.boilerplate, false) AS boilerplate
