// name: lead_matters
// question: 有牵头部门的共同事项及其牵头部门 (shared matters and the departments that lead them)
// columns: matter, region, leads
MATCH (d:Department)-[:LEADS]->(m:Matter)
WHERE NOT coalesce(d.vague, false)
RETURN m.name AS matter, m.region AS region, collect(DISTINCT d.name) AS leads
ORDER BY region, matter
