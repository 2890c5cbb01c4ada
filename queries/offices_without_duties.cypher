// name: offices_without_duties
// question: 没有职责的内设机构 (internal offices whose entry states no duty)
// param department: string|null = null  部门 uid 或名称；空为全部（名称为两个区划的部门共有时，两者都会列出：查找后传 uid）
// columns: department, region, office, source
MATCH (d:Department)-[:HAS_OFFICE]->(o:Office)
WHERE ($department IS NULL OR d.uid = $department OR d.name = $department) AND NOT (o)-[:HAS_DUTY]->(:Duty)
RETURN d.name AS department, d.region AS region, o.name AS office, o.source AS source
ORDER BY region, department, office
