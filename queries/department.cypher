// name: department
// question: 一个部门的基本情况 (one department: kind, rank, staffing, plates)
// param name: department  部门名称、别名、简称或 uid
// `exact` holds for the full name or an alias of this department alone; a bare base name that a document once wrote
// for it (交通运输局 in a city list) is an alias, but every region's 交通运输局 bears that name too
// columns: exact, uid, name, region, kind, rank, staff_quota, other_staff, leader_posts, leader_posts_detail, office_leader_posts, offices_stated, aliases, issued
// json_only: uid
MATCH (d:Department)
WHERE d.uid = $name OR d.name = $name OR $name IN coalesce(d.aliases, []) OR d.base_name = $name
RETURN d.uid = $name OR d.name = $name OR ($name IN coalesce(d.aliases, []) AND d.base_name <> $name) AS exact, d.uid AS uid, d.name AS name, d.region AS region, d.kind AS kind, d.rank AS rank, d.staff_quota AS staff_quota,
       d.other_staff AS other_staff,
       d.leader_posts AS leader_posts, d.leader_posts_detail AS leader_posts_detail,
       d.office_leader_posts AS office_leader_posts, d.offices_stated AS offices_stated, d.aliases AS aliases,
       d.sanding_issued AS issued
ORDER BY uid
