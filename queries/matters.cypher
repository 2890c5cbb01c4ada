// name: matters
// question: 共同事项及其牵头、配合部门 (shared matters with their leads and assisting departments)
// param region: string|null = null  区划路径；含下级区划
// columns: matter, region, domain, leads, assists, holders
MATCH (m:Matter)
WHERE $region IS NULL OR m.region = $region OR m.region STARTS WITH ($region + '/')
OPTIONAL MATCH (l:Department)-[:LEADS]->(m)
WITH m, collect(DISTINCT l.name) AS leads
OPTIONAL MATCH (a:Department)-[:ASSISTS]->(m)
WITH m, leads, collect(DISTINCT a.name) AS assists
OPTIONAL MATCH (r:Region)-[:HOLDS]->(m)
RETURN m.name AS matter, m.region AS region, coalesce(m.domain, '') AS domain, leads, assists,
       collect(DISTINCT r.path) AS holders
ORDER BY region, matter
