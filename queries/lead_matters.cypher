// name: lead_matters
// question: 有牵头部门的共同事项及其牵头部门 (shared matters and the departments that lead them)
// columns: matter, region, leads
// `leads` in listing order (the first listed hosts, 部门职责分工协调办法), then by name where lists disagree.
// A township's 属地 主体责任 (`responsibility: territorial`) answers for its own area only: no department's lead.
MATCH (d:Department)-[l:LEADS]->(m:Matter)
WHERE NOT coalesce(d.vague, false) AND NOT coalesce(l.superseded, false)
  AND coalesce(l.responsibility, '') <> 'territorial'
WITH m, d, min(coalesce(l.order, 1000)) AS listed
ORDER BY listed, d.name
WITH m, collect(d.name) AS leads
RETURN m.name AS matter, m.region AS region, leads
ORDER BY region, matter
