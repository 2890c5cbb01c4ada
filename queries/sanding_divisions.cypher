// name: sanding_divisions
// question: 一个部门现行三定所列的职责分工条款：事项、牵头和配合部门 (the 职责分工 clauses a department's 三定 in force states)
// param department: string  部门 uid
// columns: source, matter_uid, matter, role, department, order, text
// json_only: matter_uid
// sort: source, role, order, department
// A clause of an earlier 三定 of the department is `superseded` (ingest.load), no longer in force.
MATCH (p:Department)-[r:LEADS|ASSISTS]->(m:Matter)
WHERE r.sanding_of = $department AND NOT coalesce(r.superseded, false)
RETURN r.source AS source, m.uid AS matter_uid, m.name AS matter, type(r) AS role, p.name AS department,
       r.order AS order, r.text AS text
