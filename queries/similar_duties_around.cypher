// name: similar_duties_around
// question: 与一个部门（含内设机构）或给定职责相似的职责对 (the similar pairs that touch one department's duties or the given duties)
// param department: string|null = null  部门 uid：从该部门及其内设机构的职责出发
// param duties: list = []  职责 uid 列表（逗号分隔）
// param threshold: float = 0.5  相似度阈值
// columns: a, a_region, a_department, a_office, a_text, a_source, b, b_region, b_department, b_office, b_text, b_source, score
// json_only: a, b
// One step of a walk along SIMILAR edges: each call starts from a few duties through the uid index.
OPTIONAL MATCH (:Department {uid: $department})-[:HAS_OFFICE*0..1]->()-[:HAS_DUTY]->(own:Duty)
WITH collect(own.uid) + $duties AS seeds
UNWIND seeds AS seed
MATCH (:Duty {uid: seed})-[s:SIMILAR]-(:Duty)
WITH DISTINCT s
WITH s, startNode(s) AS a, endNode(s) AS b
WHERE s.score >= $threshold AND a.status = 'current' AND b.status = 'current'
  AND NOT coalesce(a.boilerplate, false) AND NOT coalesce(b.boilerplate, false)
MATCH (ha)-[:HAS_DUTY]->(a)
MATCH (hb)-[:HAS_DUTY]->(b)
OPTIONAL MATCH (pa:Department)-[:HAS_OFFICE]->(ha)
OPTIONAL MATCH (pb:Department)-[:HAS_OFFICE]->(hb)
WITH a, b, s, ha, hb, coalesce(pa, ha) AS da, coalesce(pb, hb) AS db
// (A pattern predicate on a coalesced department fails on FalkorDB: their successors are counted instead.)
WITH a, b, s, ha, hb, da, db, size([(da)-[:SUCCEEDED_BY]->(successor) | successor])
     + size([(db)-[:SUCCEEDED_BY]->(successor) | successor]) AS successors
// Only the pairs an overlap scope can hold (as similar_duties).
WHERE da <> db AND (ha:Office) = (hb:Office) AND (da.region = db.region OR NOT ha:Office)
  // Both still stated by their department's latest 三定 (as similar_duties).
  AND a.last_stated >= da.sanding_issued AND b.last_stated >= db.sanding_issued
  // Neither renamed nor merged in a 机构改革 (as similar_duties).
  AND successors = 0
// An office is named as its 三定 writes it, its other names (加挂, 合署) in brackets: 法规股（行政审批股）. Its stored
// name and uid stay the first name alone, which programs and the draft check join on.
RETURN a.uid AS a, da.region AS a_region, da.name AS a_department,
       CASE WHEN ha:Office THEN ha.label ELSE '' END AS a_office,
       a.text AS a_text, a.source AS a_source,
       b.uid AS b, db.region AS b_region, db.name AS b_department,
       CASE WHEN hb:Office THEN hb.label ELSE '' END AS b_office,
       b.text AS b_text, b.source AS b_source,
       s.score AS score
ORDER BY a, b
