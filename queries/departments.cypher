// name: departments
// question: 各部门的类型、规格、编制、内设机构和现行职责数量 (departments defined by a 三定, with their size)
// param region: string|null = null  区划路径，如 示例市 或 示例市/青山县；含下级区划
// columns: region, department, aliases, kind, rank, staff_quota, staff_quota_stated, leader_posts, office_leader_posts, offices, offices_unlisted, duties, issued, reform_date
// finish: queries.staffing.departments_as_they_stand
// aliases: the names it is known by, its own and those of the bodies its chain of renames replaced
// (queries.chain_names: 青山县城管局（原青山县城市管理局）), as its profile gives them; the finish reads them by `uid`.
// staff_quota: the 行政编制 as the 调整 notices since the department's own figure leave it (queries.staffing), the
// figure as set in staff_quota_stated.
// reform_date: for a department no 三定 of its own defines, the date of the 机构改革 a 调整 notice alone made it by
// (机构改革日期, the latest); '' where `issued`, its 三定's date, is given.
// A department renamed or merged in a 机构改革 (SUCCEEDED_BY) is no longer one of its region's: its successor is.
// A body a 调整 notice alone renamed (SUCCEEDED_BY `carries`, ingest.carried) leaves its successor its offices and the
// facts the successor's own documents leave unsaid; one merged into it by a notice alone, its duties.
// offices: those the graph holds; for a department whose documents set a number (设19个内设机构, or a notice's
// 调整后 total, as staffing_load's offices_stated) and list none, that number, `offices_unlisted` true.
MATCH (d:Department)
WHERE d.sanding_issued IS NOT NULL AND NOT (d)-[:SUCCEEDED_BY]->()
  AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
OPTIONAL MATCH path = (r:Department)-[:SUCCEEDED_BY*1..4]->(d)
WHERE all(c IN relationships(path) WHERE coalesce(c.carries, false) AND c.kind = 'renamed' AND c.carries_after IS NULL)
WITH d, r, length(path) AS steps ORDER BY steps
WITH d, collect(r) AS renamed
OPTIONAL MATCH (d)-[:HAS_OFFICE]->(o:Office)
WITH d, renamed, collect(DISTINCT o) AS own
OPTIONAL MATCH (r:Department)-[:HAS_OFFICE]->(ro:Office) WHERE r IN renamed
WITH d, renamed, own, collect(DISTINCT ro) AS renamed_offices
WITH d, renamed, size(own + renamed_offices) AS offices
OPTIONAL MATCH (d)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= d.sanding_issued
WITH d, renamed, offices, collect(DISTINCT u) AS stated
// Through a chain of reforms too (department_duties): each step carries, and its carries_after applies.
OPTIONAL MATCH path = (q:Department)-[:SUCCEEDED_BY*1..4]->(d)
WHERE all(c IN relationships(path) WHERE coalesce(c.carries, false))
WITH d, renamed, offices,  stated, q, relationships(path) AS steps
OPTIONAL MATCH (q)-[:HAS_DUTY]->(v:Duty)
WHERE v.status = 'current' AND v.last_stated >= coalesce(q.sanding_issued, '')
  AND all(c IN steps WHERE c.carries_after IS NULL OR v.last_stated > c.carries_after)
WITH d, renamed, offices, stated, collect(DISTINCT v) AS carried
OPTIONAL MATCH (:Department)-[g:SUCCEEDED_BY]->(d)
WITH d, renamed, offices, stated, carried, CASE WHEN d.sanding_issued = '' THEN max(g.date) END AS reform_date,
     coalesce(d.offices_stated, head([r IN renamed WHERE r.offices_stated IS NOT NULL | r.offices_stated])) AS set_offices
WITH d, renamed, offices, stated, carried, reform_date, set_offices,
     offices = 0 AND coalesce(set_offices, 0) > 0 AS offices_unlisted
RETURN d.region AS region, d.name AS department, d.uid AS uid, d.aliases AS aliases,
       coalesce(d.kind, head([r IN renamed WHERE r.kind IS NOT NULL | r.kind])) AS kind,
       coalesce(d.rank, head([r IN renamed WHERE r.rank IS NOT NULL | r.rank])) AS rank,
       coalesce(d.staff_quota, head([r IN renamed WHERE r.staff_quota IS NOT NULL | r.staff_quota])) AS staff_quota,
       coalesce(d.leader_posts, head([r IN renamed WHERE r.leader_posts IS NOT NULL | r.leader_posts])) AS leader_posts,
       coalesce(d.office_leader_posts, head([r IN renamed WHERE r.office_leader_posts IS NOT NULL | r.office_leader_posts])) AS office_leader_posts,
       CASE WHEN offices_unlisted THEN set_offices ELSE offices END AS offices, offices_unlisted,
       size(stated + carried) AS duties, d.sanding_issued AS issued, coalesce(reform_date, '') AS reform_date
ORDER BY region, department
