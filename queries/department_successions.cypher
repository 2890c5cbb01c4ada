// name: department_successions
// question: 一个部门的机构改革沿革：更名或并入了哪个部门，由哪些部门更名、合并或划入而来 (what a department was renamed or merged into, and what it replaced)
// param department: string  部门 uid
// columns: role, department, department_uid, kind, date, text, source
// json_only: department_uid
// `role`: successor where `department` is what the given one became, predecessor where it is a body the given one
// replaced. `kind`: renamed (更名), merged (合并组建) or absorbed (职责划入); `date`: the reform 三定's 施行 date, else its
// date; `text`: its sentence that says so.
MATCH (p:Department)-[s:SUCCEEDED_BY]->(d:Department)
WHERE p.uid = $department OR d.uid = $department
RETURN CASE WHEN p.uid = $department THEN 'successor' ELSE 'predecessor' END AS role,
       CASE WHEN p.uid = $department THEN d.name ELSE p.name END AS department,
       CASE WHEN p.uid = $department THEN d.uid ELSE p.uid END AS department_uid,
       s.kind AS kind, s.date AS date, s.text AS text, s.source AS source
ORDER BY role, date, department
