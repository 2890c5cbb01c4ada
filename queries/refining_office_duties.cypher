// name: refining_office_duties
// question: 内设机构职责承接的部门职责 (office duties and the department duties they carry out)
// param region: string|null = null  区划路径，如 示例市 或 示例市/青山县；含下级区划
// columns: department, office, text, carries
// The report tells an office-level overlap from the department-level one its offices carry out (REFINES).
// An office is named as its 三定 writes it, its other names (加挂, 合署) in brackets: 法规股（行政审批股）. Its stored
// name and uid stay the first name alone, which programs and the draft check join on.
MATCH (d:Department)-[:HAS_OFFICE]->(o:Office)-[:HAS_DUTY]->(u:Duty)-[:REFINES]->(p:Duty)<-[:HAS_DUTY]-(d)
WHERE u.status = 'current' AND u.last_stated >= d.sanding_issued AND p.last_stated >= d.sanding_issued
  AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
RETURN d.name AS department,
       o.label AS office, u.text AS text, p.text AS carries
ORDER BY department, office, text, carries
