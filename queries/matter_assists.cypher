// name: matter_assists
// question: 配合部门及其配合的共同事项（谁来管据以让牵头部门排在配合部门之前） (who assists on which matter: who_handles ranks the matter's lead above them)
// columns: key, kind, text, content, department, department_uid, region, department_region, office, source
// json_only: key, department_uid
// The rows have the shape of `evidence` but are not searched (assisting on a matter is no ground to be sent the
// case); the 职责分工 clause or list that names the lead says who comes first. Those of a matter no document gives a
// lead are searched: its assisting departments are all the parties it has (who_handles says no one leads it).
// Those who 配合 a township's 属地 主体责任 (`responsibility: territorial`) help it in its area: that puts them below
// no department's lead.
MATCH (d:Department)-[a:ASSISTS]->(m:Matter)
WHERE NOT coalesce(d.vague, false) AND coalesce(d.kind, '') <> '属地' AND NOT coalesce(a.superseded, false)
  AND coalesce(a.responsibility, '') <> 'territorial'
RETURN m.uid AS key, 'matter_assist' AS kind, m.name AS text, m.content AS content, d.name AS department,
       d.uid AS department_uid, CASE WHEN d.kind = '乡镇（街道）' THEN m.region ELSE d.region END AS region,
       d.region AS department_region, '' AS office, a.source AS source
