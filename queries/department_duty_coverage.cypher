// name: department_duty_coverage
// question: 部门职责是否由内设机构承接（REFINES） (department duties and how many office duties carry them out)
// param department: string|null = null  部门 uid 或名称；空为全部（名称为两个区划的部门共有时，两者都会列出：查找后传 uid）
// param region: string|null = null  区划路径，如 示例市 或 示例市/青山县；含下级区划
// param threshold: float = 0.5  承继的职责与本部门职责相似到此即为重述（一项职责，不重复计）
// columns: department, region, ordinal, text, source, boilerplate, refined_by, carried_from
// finish: queries.carried_held.coverage_held
// Only departments whose offices the graph holds: a copy without its 内设机构 section (or a department of no
// offices) tells nothing of which duties are handed down, and listed every duty as undecomposed (user test).
// A body a 机构改革 replaced is asked for by name alone (its profile): everywhere else its successor answers.
MATCH (d:Department)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= d.sanding_issued
  AND ($department IS NULL OR d.uid = $department OR d.name = $department)
  AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
  AND (d)-[:HAS_OFFICE]->(:Office)
// (A pattern inside an OR fails on FalkorDB: the successors are counted first.)
WITH d, u, size([(d)-[:SUCCEEDED_BY]->(successor) | successor]) AS successors
WHERE $department IS NOT NULL OR successors = 0
OPTIONAL MATCH (o:Duty)-[:REFINES]->(u)
RETURN d.name AS department, d.region AS region, u.ordinal AS ordinal, u.text AS text, u.source AS source,
       coalesce(u.boilerplate, false) AS boilerplate, count(o) AS refined_by, '' AS carried_from
ORDER BY region, department, ordinal
UNION ALL
// The duties a successor carries from a body a 机构改革 replaced (through a chain too, as department_duties reads
// them): carried out by the old body's offices where every step is a rename (they are the successor's then), by none
// of the successor's own otherwise (its offices' clauses were written for its own duties). One the successor's own
// duties restate (alike at the threshold) is that duty, not a second one.
MATCH path = (p:Department)-[:SUCCEEDED_BY*1..4]->(d:Department)
WHERE ($department IS NULL OR d.uid = $department OR d.name = $department)
  AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
  AND NOT (d)-[:SUCCEEDED_BY]->() AND all(s IN relationships(path) WHERE coalesce(s.carries, false))
WITH p, d, relationships(path) AS steps
MATCH (p)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= coalesce(p.sanding_issued, '')
  AND all(s IN steps WHERE s.carries_after IS NULL OR u.last_stated > s.carries_after)
WITH p, d, steps, u, all(s IN steps WHERE s.kind = 'renamed' AND s.carries_after IS NULL) AS renamed,
     size([(u)-[r:SIMILAR]-(w:Duty)<-[:HAS_DUTY]-(d) WHERE r.score >= $threshold AND w.status = 'current' | w])
     AS restated, size([(d)-[:HAS_OFFICE]->(o:Office) | o]) AS own_offices,
     size([(p)-[:HAS_OFFICE]->(po:Office) | po]) AS old_offices
WHERE restated = 0 AND (own_offices > 0 OR (renamed AND old_offices > 0))
OPTIONAL MATCH (o:Duty)-[:REFINES]->(u)
WITH p, d, u, renamed, count(o) AS refining
RETURN d.name AS department, d.region AS region, u.ordinal AS ordinal, u.text AS text, u.source AS source,
       coalesce(u.boilerplate, false) AS boilerplate, CASE WHEN renamed THEN refining ELSE 0 END AS refined_by,
       p.name AS carried_from
ORDER BY region, department, ordinal
