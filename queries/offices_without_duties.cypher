// name: offices_without_duties
// question: 没有职责的内设机构 (internal offices whose entry states no duty)
// param department: string|null = null  部门 uid 或名称；空为全部（名称为两个区划的部门共有时，两者都会列出：查找后传 uid）
// param region: string|null = null  区划路径，如 示例市 或 示例市/青山县；含下级区划
// columns: department, region, office, source
// An office is named as its 三定 writes it, its other names (加挂, 合署) in brackets: 法规股（行政审批股）. Its stored
// name and uid stay the first name alone, which programs and the draft check join on.
// A body a 机构改革 replaced is asked for by name alone (its profile), as in department_duty_coverage.
MATCH (d:Department)-[:HAS_OFFICE]->(o:Office)
WHERE ($department IS NULL OR d.uid = $department OR d.name = $department) AND NOT (o)-[:HAS_DUTY]->(:Duty)
  AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
WITH d, o, size([(d)-[:SUCCEEDED_BY]->(successor) | successor]) AS successors
WHERE $department IS NOT NULL OR successors = 0
RETURN d.name AS department, d.region AS region,
       o.label AS office, o.source AS source
ORDER BY region, department, office
