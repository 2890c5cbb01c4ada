// name: retired_duties
// question: 已取消、下放或划出的职责 (duties a 职能转变 or amendment cancelled, devolved or transferred away)
// param department: string|null = null  部门名称；空为全部
// columns: department, department_uid, region, status, text, source
MATCH (d:Department)-[:HAS_DUTY]->(u:Duty)
WHERE u.status IN ['cancelled', 'devolved', 'transferred'] AND ($department IS NULL OR d.name = $department)
RETURN d.name AS department, d.uid AS department_uid, d.region AS region, u.status AS status, u.text AS text,
       u.source AS source
ORDER BY region, department, status, text
