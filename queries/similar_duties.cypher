// name: similar_duties
// question: 描述同一工作的职责对（跨部门） (pairs of duties of different holders that describe the same work)
// param threshold: float = 0.5  相似度阈值
// columns: a, a_text, a_source, a_office, a_department, a_region, b, b_text, b_source, b_office, b_department, b_region, score
MATCH (a:Duty)-[s:SIMILAR]->(b:Duty)
WHERE s.score >= $threshold AND a.status = 'current' AND b.status = 'current'
  AND NOT coalesce(a.boilerplate, false) AND NOT coalesce(b.boilerplate, false)
MATCH (ha)-[:HAS_DUTY]->(a)
MATCH (hb)-[:HAS_DUTY]->(b)
OPTIONAL MATCH (pa:Department)-[:HAS_OFFICE]->(ha)
OPTIONAL MATCH (pb:Department)-[:HAS_OFFICE]->(hb)
WITH a, b, s, ha, hb, coalesce(pa, ha) AS da, coalesce(pb, hb) AS db
RETURN a.uid AS a, a.text AS a_text, a.source AS a_source,
       CASE WHEN ha:Office THEN ha.name ELSE '' END AS a_office, da.name AS a_department, da.region AS a_region,
       b.uid AS b, b.text AS b_text, b.source AS b_source,
       CASE WHEN hb:Office THEN hb.name ELSE '' END AS b_office, db.name AS b_department, db.region AS b_region,
       s.score AS score
ORDER BY a, b
