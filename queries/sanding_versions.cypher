// name: sanding_versions
// question: 一个部门的三定沿革：载入的各版三定和调整职责机构编制的通知，及其印发、施行日期，所载职责数和内设机构 (the department's 三定 versions and adjustment notices, with their dates, duties and offices)
// param department: string  部门 uid
// columns: document, kind, title, doc_number, issued, effective, in_force_from, duties, offices, text_sha256
// json_only: document, text_sha256
// sort: in_force_from, issued, document
// A document's own FROM edges say what it states (ingest.records.add_provenance), whatever was loaded after it:
// `duties` are the department duties it states as current (not its offices'); `offices` the offices it lists, in its
// order. `in_force_from` is its 施行日期, else its 印发日期 ('' when it gives neither). A notice adjusting another
// department that moves work into or out of this one counts too (it states a duty of this department: moved in,
// or moved out, cancelled or devolved). `text_sha256` tells two copies of one text from two texts.
MATCH (d:Department {uid: $department})
OPTIONAL MATCH (d)-[:FROM]->(own:Document)
WITH d, [x IN collect(DISTINCT own) WHERE x.kind IN ['sanding', 'amendment']] AS owned
OPTIONAL MATCH (d)-[:HAS_DUTY]->(:Duty)-[:FROM]->(other:Document {kind: 'amendment'})
WITH d, owned, collect(DISTINCT other) AS others
UNWIND owned + others AS s
WITH DISTINCT d, s
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
       duties, offices, s.text_sha256 AS text_sha256
