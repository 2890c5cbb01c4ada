// name: departments
// question: 各部门的类型、规格、编制、内设机构和现行职责数量 (departments defined by a 三定, with their size)
// param region: string|null = null  区划路径，如 示例市 或 示例市/青山县；含下级区划
// columns: region, department, kind, rank, staff_quota, leader_posts, office_leader_posts, offices, duties, issued
// A department renamed or merged in a 机构改革 (SUCCEEDED_BY) is no longer one of its region's: its successor is.
MATCH (d:Department)
WHERE d.sanding_issued IS NOT NULL AND NOT (d)-[:SUCCEEDED_BY]->()
  AND ($region IS NULL OR d.region = $region OR d.region STARTS WITH ($region + '/'))
OPTIONAL MATCH (d)-[:HAS_OFFICE]->(o:Office)
WITH d, count(DISTINCT o) AS offices
OPTIONAL MATCH (d)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= d.sanding_issued
WITH d, offices, count(DISTINCT u) AS duties
RETURN d.region AS region, d.name AS department, d.kind AS kind, d.rank AS rank, d.staff_quota AS staff_quota,
       d.leader_posts AS leader_posts, d.office_leader_posts AS office_leader_posts, offices, duties,
       d.sanding_issued AS issued
ORDER BY region, department
