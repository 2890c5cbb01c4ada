// name: evidence
// question: 可检索的职责与事项（谁来管、认领建议所用） (every text that says what a department does)
// columns: key, kind, text, content, department, department_uid, region, department_region, office, source, carried_by
// json_only: key, department_uid
// finish: queries.carried_held.evidence_held
// `region` is where the text answers a search (its department's region, but for a township's lead: the county
// whose list names it), `department_region` where its department is.
// An office is named as its 三定 writes it, its other names (加挂, 合署) in brackets: 法规股（行政审批股）. Its stored
// name and uid stay the first name alone, which programs and the draft check join on.
// `carried_by`: for a department duty, the offices whose duties carry it out (REFINES): who_handles names the office
// of the best evidence, and a department duty's is the office that carries it out.
MATCH (d:Department)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND NOT coalesce(u.boilerplate, false) AND u.last_stated >= d.sanding_issued
  AND NOT (d)-[:SUCCEEDED_BY]->()
OPTIONAL MATCH (o:Office)-[:HAS_DUTY]->(:Duty)-[:REFINES]->(u)
WITH d, u, collect(DISTINCT o.label) AS carried_by
RETURN u.uid AS key, 'duty' AS kind, u.text AS text, u.content AS content, d.name AS department, d.uid AS department_uid,
       d.region AS region, d.region AS department_region, '' AS office, u.source AS source, carried_by
UNION ALL
MATCH (d:Department)-[:HAS_OFFICE]->(o:Office)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND NOT coalesce(u.boilerplate, false) AND u.last_stated >= d.sanding_issued
  AND NOT (d)-[:SUCCEEDED_BY]->()
RETURN u.uid AS key, 'office_duty' AS kind, u.text AS text, u.content AS content, d.name AS department, d.uid AS department_uid,
       d.region AS region, d.region AS department_region,
       o.label AS office, u.source AS source, [] AS carried_by
UNION ALL
// A body a 调整 notice alone renamed or merged into a department (SUCCEEDED_BY `carries`, ingest.carried): its duties
// (its offices' too, for a rename) are that department's, cited from its own 三定.
// Through a chain of reforms too (department_duties); the finish keeps those today's reading holds (a body of the
// chain may have moved some out before it was replaced).
MATCH path = (q:Department)-[:SUCCEEDED_BY*1..4]->(d:Department)
WHERE NOT (d)-[:SUCCEEDED_BY]->() AND all(c IN relationships(path) WHERE coalesce(c.carries, false))
WITH q, d, relationships(path) AS steps
MATCH (q)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND NOT coalesce(u.boilerplate, false) AND u.last_stated >= coalesce(q.sanding_issued, '')
  AND all(c IN steps WHERE c.carries_after IS NULL OR u.last_stated > c.carries_after)
RETURN u.uid AS key, 'duty' AS kind, u.text AS text, u.content AS content, d.name AS department, d.uid AS department_uid,
       d.region AS region, d.region AS department_region, '' AS office, u.source AS source, [] AS carried_by
UNION ALL
MATCH path = (q:Department)-[:SUCCEEDED_BY*1..4]->(d:Department)
WHERE NOT (d)-[:SUCCEEDED_BY]->()
  AND all(c IN relationships(path) WHERE coalesce(c.carries, false) AND c.kind = 'renamed' AND c.carries_after IS NULL)
WITH DISTINCT q, d
MATCH (q)-[:HAS_OFFICE]->(o:Office)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND NOT coalesce(u.boilerplate, false) AND u.last_stated >= coalesce(q.sanding_issued, '')
RETURN u.uid AS key, 'office_duty' AS kind, u.text AS text, u.content AS content, d.name AS department, d.uid AS department_uid,
       d.region AS region, d.region AS department_region, o.label AS office, u.source AS source, [] AS carried_by
UNION ALL
MATCH (d:Department)-[:EXERCISES]->(p:PowerItem)
RETURN p.uid AS key, 'power_item' AS kind, p.name AS text, p.content AS content, d.name AS department, d.uid AS department_uid,
       d.region AS region, d.region AS department_region, '' AS office, p.source AS source, [] AS carried_by
UNION ALL
MATCH (d:Department)-[:CLAIMS]->(s:SupervisionItem)
RETURN s.uid AS key, 'supervision_item' AS kind, s.name AS text, s.content AS content, d.name AS department, d.uid AS department_uid,
       d.region AS region, d.region AS department_region, '' AS office, s.source AS source, [] AS carried_by
UNION ALL
// A 属地 party (各县（区）人民政府) leads on the ground everywhere at once: no one body a complaint can go to. A township
// (河西街道办事处) is one body: a 属地 list's 主体责任 is its own work, which the county's dispatcher sends it.
MATCH (d:Department)-[l:LEADS]->(m:Matter)
WHERE NOT coalesce(d.vague, false) AND coalesce(d.kind, '') <> '属地' AND NOT coalesce(l.superseded, false)
  AND NOT (d)-[:SUCCEEDED_BY]->()  // a clause dated before its 机构改革 names a body no longer there
RETURN m.uid AS key, CASE WHEN d.kind = '乡镇（街道）' THEN 'territorial_lead' ELSE 'matter_lead' END AS kind,
       m.name AS text, m.content AS content, d.name AS department, d.uid AS department_uid,
       CASE WHEN d.kind = '乡镇（街道）' THEN m.region ELSE d.region END AS region, d.region AS department_region,
       '' AS office, l.source AS source, [] AS carried_by
