// name: similar_duties
// question: 描述同一工作的职责对（不同部门的主要职责，或同一区划不同部门内设机构的职责） (pairs of duties that describe the same work, as overlaps compares them)
// param threshold: float = 0.5  相似度阈值
// param region: string|null = null  区划路径：两端职责的部门都在其中（含下级区划）；空为全部
// param scope: string|null = null  departments（同一区划部门主要职责）、offices（同一区划内设机构职责）或 levels（市县之间部门主要职责）；空为三者
// columns: a, a_region, a_department, a_office, a_text, a_source, b, b_region, b_department, b_office, b_text, b_source, score
// json_only: a, b
// From the departments of the region (a scan of a few thousand nodes), not from every SIMILAR edge.
// A department renamed or merged in a 机构改革 (SUCCEEDED_BY) is no longer one of its region's: its successor is.
MATCH (da:Department)
WHERE ($region IS NULL OR da.region = $region OR da.region STARTS WITH ($region + '/'))
  AND NOT (da)-[:SUCCEEDED_BY]->()
WITH da  // so that the plan starts here, not from every current duty (the status index)
MATCH (da)-[:HAS_OFFICE*0..1]->(ha)-[:HAS_DUTY]->(a:Duty)
// A duty its department's latest 三定 no longer states (last_stated before it) is not current work: it was
// dropped by the revision (as department_duties reads it).
WHERE a.status = 'current' AND a.last_stated >= da.sanding_issued AND NOT coalesce(a.boilerplate, false)
  AND ($scope IS NULL OR (ha:Office) = ($scope = 'offices'))
WITH da, ha, a
MATCH (a)-[s:SIMILAR]->(b:Duty)
WHERE s.score >= $threshold AND b.status = 'current' AND NOT coalesce(b.boilerplate, false)
MATCH (hb)-[:HAS_DUTY]->(b)
OPTIONAL MATCH (pb:Department)-[:HAS_OFFICE]->(hb)
WITH a, b, s, da, ha, hb, coalesce(pb, hb) AS db
// (A pattern predicate on the coalesced `db` fails on FalkorDB: its successors are counted instead.)
WITH a, b, s, da, ha, hb, db, size([(db)-[:SUCCEEDED_BY]->(successor) | successor]) AS db_successors
WHERE b.last_stated >= db.sanding_issued AND db_successors = 0
  AND ($region IS NULL OR db.region = $region OR db.region STARTS WITH ($region + '/'))
  // Only the pairs an overlap scope can hold (two departments' main duties, or two offices' duties of one region).
  AND da <> db AND (ha:Office) = (hb:Office) AND (da.region = db.region OR NOT ha:Office)
  AND ($scope IS NULL OR (da.region <> db.region) = ($scope = 'levels'))
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
