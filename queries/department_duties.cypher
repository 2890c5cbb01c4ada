// name: department_duties
// question: 一个部门及其内设机构的现行职责 (the current duties of one department and of its offices)
// param department: string  部门 uid，或名称（全称或区划+名称），如 示例市市场监督管理局
// columns: department, office, ordinal, category, text, source, carried_by, status, change, counterpart, carried_from, ground_source, uid
// json_only: uid
// sort: office, ordinal, text
// finish: queries.in_force.department_duties_today
// `status`, `change`, `counterpart`: as duties_in_force's, for the 调整 notices since the newest 三定 (`finish`, with
// the similarity model: which clause a notice's words cover is not a Cypher question): a clause a notice moved out
// stays, 已划出 (transferred, cancelled, devolved, or partly_… of each) with the notice's words and who took it, until
// a later 三定 restates the duties; work a notice moved in names the giver. `uid`: the duty's, for programs.
// `carried_by`: for a department duty, the offices whose duties carry it out (REFINES, as department_duty_coverage
// counts them, so that an empty list is the undecomposed_duties finding); empty for an office's own duty.
// An office is named as its 三定 writes it, its other names (加挂, 合署) in brackets: 法规股（行政审批股）. Its stored
// name and uid stay the first name alone, which programs and the draft check join on.
// `carried_from`, `ground_source`: a body a 调整 notice alone renamed or merged into this one (SUCCEEDED_BY `carries`,
// ingest.carried) leaves it its current duties as its own 三定 states them (`source` cites that 三定), and a rename its
// offices too: the body it was, and the notice's clause that says so; '' for the department's own duties. A chain
// (A renamed B by a notice, B merged into C by another) carries on: C holds what B held of A's, `carried_from` the
// body whose 三定 states the duty (A), `ground_source` the clause of the last step (B into C); each step's
// `carries_after` applies, and A's offices go on only through renames alone. The `finish` keeps the carried rows
// duties_in_force holds today (not work B had moved out before its merger) and marks a part B had moved out.
MATCH (d:Department)
WHERE d.uid = $department OR d.name = $department OR $department IN coalesce(d.aliases, [])
MATCH (d)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= d.sanding_issued
OPTIONAL MATCH (o:Office)-[:HAS_DUTY]->(:Duty)-[:REFINES]->(u)
WITH d, u,
     collect(DISTINCT o.label) AS carried_by
RETURN d.name AS department, '' AS office, u.ordinal AS ordinal, u.category AS category, u.text AS text,
       u.source AS source, carried_by, 'current' AS status, '' AS change, '' AS counterpart, '' AS carried_from,
       '' AS ground_source, u.uid AS uid
UNION ALL
MATCH (d:Department)-[:HAS_OFFICE]->(o:Office)-[:HAS_DUTY]->(u:Duty)
WHERE (d.uid = $department OR d.name = $department OR $department IN coalesce(d.aliases, []))
  AND u.status = 'current' AND u.last_stated >= d.sanding_issued
RETURN d.name AS department,
       o.label AS office,
       u.ordinal AS ordinal, u.category AS category, u.text AS text,
       u.source AS source, [] AS carried_by, 'current' AS status, '' AS change, '' AS counterpart, '' AS carried_from,
       '' AS ground_source, u.uid AS uid
UNION ALL
MATCH path = (p:Department)-[:SUCCEEDED_BY*1..4]->(d:Department)
WHERE (d.uid = $department OR d.name = $department OR $department IN coalesce(d.aliases, []))
  AND all(s IN relationships(path) WHERE coalesce(s.carries, false))
WITH d, p, relationships(path) AS steps
MATCH (p)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= coalesce(p.sanding_issued, '')
  AND all(s IN steps WHERE s.carries_after IS NULL OR u.last_stated > s.carries_after)
OPTIONAL MATCH (o:Office)-[:HAS_DUTY]->(:Duty)-[:REFINES]->(u)
WITH d, p, steps, u, collect(DISTINCT o.label) AS carried_by
RETURN d.name AS department, '' AS office, u.ordinal AS ordinal, u.category AS category, u.text AS text,
       u.source AS source, CASE WHEN all(s IN steps WHERE s.kind = 'renamed') THEN carried_by ELSE [] END AS carried_by,
       'current' AS status, '' AS change, '' AS counterpart, p.name AS carried_from, last(steps).source AS ground_source,
       u.uid AS uid
UNION ALL
MATCH path = (p:Department)-[:SUCCEEDED_BY*1..4]->(d:Department)
WHERE (d.uid = $department OR d.name = $department OR $department IN coalesce(d.aliases, []))
  AND all(s IN relationships(path) WHERE coalesce(s.carries, false) AND s.kind = 'renamed' AND s.carries_after IS NULL)
WITH d, p, last(relationships(path)) AS s
MATCH (p)-[:HAS_OFFICE]->(o:Office)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= coalesce(p.sanding_issued, '')
RETURN d.name AS department, o.label AS office, u.ordinal AS ordinal, u.category AS category, u.text AS text,
       u.source AS source, [] AS carried_by, 'current' AS status, '' AS change, '' AS counterpart,
       p.name AS carried_from, s.source AS ground_source, u.uid AS uid
