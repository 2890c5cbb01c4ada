// name: offices_without_duties
// question: 没有职责的内设机构 (internal offices whose entry states no duty)
// param department: string|null = null  部门名称；空为全部
// columns: department, region, office, source
MATCH (d:Department)-[:HAS_OFFICE]->(o:Office)
WHERE ($department IS NULL OR d.name = $department) AND NOT (o)-[:HAS_DUTY]->(:Duty)
RETURN d.name AS department, d.region AS region, o.name AS office, o.source AS source
ORDER BY region, department, office
