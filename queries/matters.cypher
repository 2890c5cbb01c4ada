// name: matters
// question: 共同事项及其牵头、配合部门 (shared matters with their leads and assisting departments)
// param region: string|null = null  区划路径；含下级区划
// `leads` in listing order (the first hosts, 部门职责分工协调办法), then by name where documents list them alike;
// `assists` and `holders` by name: each list collected after an ORDER BY, so both engines give one order
// columns: matter, region, domain, leads, assists, holders
MATCH (m:Matter)
WHERE $region IS NULL OR any(place IN $region_paths WHERE m.region = place OR m.region STARTS WITH (place + '/'))
OPTIONAL MATCH (m)<-[c:LEADS|ASSISTS]-(:Department)
WITH m, count(c) AS clauses
// A clause its department's later 三定 no longer states is left out, and a matter only such clauses name with it.
OPTIONAL MATCH (l:Department)-[e:LEADS]->(m)
WHERE NOT coalesce(e.superseded, false)
WITH m, clauses, l, min(e.order) AS listed
ORDER BY listed, l.name
WITH m, clauses, collect(l.name) AS leads
OPTIONAL MATCH (a:Department)-[s:ASSISTS]->(m)
WHERE NOT coalesce(s.superseded, false)
WITH m, clauses, leads, a
ORDER BY a.name
WITH m, clauses, leads, collect(DISTINCT a.name) AS assists
OPTIONAL MATCH (r:Region)-[:HOLDS]->(m)
WITH m, clauses, leads, assists, r
ORDER BY r.path
WITH m, clauses, leads, assists, collect(DISTINCT r.path) AS holders
WHERE clauses = 0 OR size(leads) + size(assists) + size(holders) > 0
RETURN m.name AS matter, m.region AS region, coalesce(m.domain, '') AS domain, leads, assists, holders
ORDER BY region, matter
