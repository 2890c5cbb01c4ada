// name: retired_duties
// question: 已取消、下放或划出的职责 (duties a 职能转变 or amendment cancelled, devolved or transferred away)
// param department: string|null = null  部门 uid 或名称；空为全部（名称为两个区划的部门共有时，两者都会列出：查找后传 uid）
// param region: string|null = null  区划路径，如 示例市 或 示例市/青山县；含下级区划
// columns: department, department_uid, region, status, text, source
// json_only: department_uid
MATCH (d:Department)-[:HAS_DUTY]->(u:Duty)
WHERE u.status IN ['cancelled', 'devolved', 'transferred'] AND ($department IS NULL OR d.uid = $department OR d.name = $department)
  AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
RETURN d.name AS department, d.uid AS department_uid, d.region AS region, u.status AS status, u.text AS text,
       u.source AS source
ORDER BY region, department, status, text
