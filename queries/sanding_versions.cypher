// name: sanding_versions
// question: 一个部门的三定沿革：载入的各版三定和调整职责机构编制的通知，及其印发、施行日期，所载职责数和内设机构 (the department's 三定 versions and adjustment notices, with their dates, duties and offices)
// param department: string  部门 uid
// columns: document, kind, title, doc_number, issued, effective, in_force_from, duties, offices
// json_only: document
// sort: in_force_from, issued, document
// A document's own FROM edges say what it states (ingest.records.add_provenance), whatever was loaded after it:
// `duties` are the department duties it states as current (not its offices'); `offices` the offices it lists, in its
// order. `in_force_from` is its 施行日期, else its 印发日期 ('' when it gives neither).
MATCH (d:Department {uid: $department})-[:FROM]->(s:Document)
WHERE s.kind IN ['sanding', 'amendment']
OPTIONAL MATCH (d)-[:HAS_DUTY]->(u:Duty)-[f:FROM]->(s)
WHERE coalesce(f.status, u.status) = 'current'
WITH d, s, count(DISTINCT u) AS duties
OPTIONAL MATCH (d)-[:HAS_OFFICE]->(o:Office)-[g:FROM]->(s)
WITH s, duties, o, g
ORDER BY g.ordinal, o.name
WITH s, duties, collect(o.name) AS offices
RETURN s.uid AS document, s.kind AS kind, s.title AS title, s.doc_number AS doc_number, s.issued AS issued,
       s.effective AS effective,
       CASE WHEN coalesce(s.effective, '') <> '' THEN s.effective ELSE coalesce(s.issued, '') END AS in_force_from,
       duties, offices
