// name: department_load
// question: 各部门编制、领导职数、内设机构、职责与权责事项数量 (staffing and workload per department)
// param region: string|null = null  区划路径；含下级区划
// other_staff: posts of a second pool (事业编制) beside the 行政编制; leader_posts_detail: `局长 1`, and posts stated
// without a number (`总工程师 按副处级配备`)
// columns: region, department, staff_quota, other_staff, leader_posts, leader_posts_detail, offices, duties, power_items
// A department renamed or merged in a 机构改革 (SUCCEEDED_BY) is no longer one of its region's: its successor is.
MATCH (d:Department)
WHERE d.sanding_issued IS NOT NULL AND NOT (d)-[:SUCCEEDED_BY]->()
  AND ($region IS NULL OR d.region = $region OR d.region STARTS WITH ($region + '/'))
OPTIONAL MATCH (d)-[:HAS_OFFICE]->(o:Office)
WITH d, count(DISTINCT o) AS offices
OPTIONAL MATCH (d)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= d.sanding_issued AND NOT coalesce(u.boilerplate, false)
WITH d, offices, count(DISTINCT u) AS duties
OPTIONAL MATCH (d)-[:EXERCISES]->(p:PowerItem)
RETURN d.region AS region, d.name AS department, d.staff_quota AS staff_quota, d.other_staff AS other_staff,
       d.leader_posts AS leader_posts, d.leader_posts_detail AS leader_posts_detail,
       offices, duties, count(DISTINCT p) AS power_items
ORDER BY region, department
