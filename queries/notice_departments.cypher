// name: notice_departments
// question: 调整职责机构编制通知涉及职责变动的部门 (the departments a 调整 notice moves work into or out of, cancels or hands down work of)
// columns: uid, department, region, has_sanding
// json_only: uid
// Each with whether a 三定 of its own is loaded: one known by a notice alone (a receiving department whose 三定 is
// not in the graph) holds only the work the notices moved in. A vague party (各县（区）) and a body a 机构改革 replaced
// (SUCCEEDED_BY) hold nothing a complaint can go to.
MATCH (d:Department)-[:HAS_DUTY]->(:Duty)-[:FROM]->(:Document {kind: 'amendment'})
WHERE NOT coalesce(d.vague, false) AND NOT (d)-[:SUCCEEDED_BY]->()
WITH DISTINCT d
RETURN d.uid AS uid, d.name AS department, d.region AS region,
       size([(d)-[:FROM]->(s:Document) WHERE s.kind = 'sanding' | s]) > 0 AS has_sanding
ORDER BY region, department, uid
