// name: department
// question: 一个部门的基本情况 (one department: kind, rank, staffing, plates)
// param name: department  部门名称、别名、简称或 uid
// `exact` holds for the full name or an alias of this department alone; a bare base name that a document once wrote
// for it (交通运输局 in a city list) is an alias, but every region's 交通运输局 bears that name too
// columns: exact, uid, name, region, kind, rank, staff_quota, other_staff, leader_posts, leader_posts_detail, office_leader_posts, offices_stated, aliases, issued
// json_only: uid
// A body a 机构改革 renamed or merged into one successor (SUCCEEDED_BY) lends it its aliases and base name: 青山县城管局,
// which a list wrote for the old bureau, answers for the bureau there now. Its full name and uid open its own row,
// whose profile says what became of it (and the page opens the successor from there).
MATCH (p:Department)
WHERE p.uid = $name OR p.name = $name OR $name IN coalesce(p.aliases, []) OR p.base_name = $name
OPTIONAL MATCH (p)-[:SUCCEEDED_BY]->(s:Department)
WITH p, collect(DISTINCT s) AS successors
WITH p, CASE WHEN size(successors) = 1 AND p.uid <> $name AND p.name <> $name THEN successors[0] ELSE p END AS d
WITH d, max(CASE WHEN p.uid = $name OR p.name = $name OR ($name IN coalesce(p.aliases, []) AND p.base_name <> $name)
                 THEN 1 ELSE 0 END) AS exact
RETURN exact = 1 AS exact, d.uid AS uid, d.name AS name, d.region AS region, d.kind AS kind, d.rank AS rank, d.staff_quota AS staff_quota,
       d.other_staff AS other_staff,
       d.leader_posts AS leader_posts, d.leader_posts_detail AS leader_posts_detail,
       d.office_leader_posts AS office_leader_posts, d.offices_stated AS offices_stated, d.aliases AS aliases,
       d.sanding_issued AS issued
ORDER BY uid
