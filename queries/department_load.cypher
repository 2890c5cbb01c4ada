// name: department_load
// question: 各部门编制、领导职数、内设机构、职责与权责事项数量 (staffing and workload per department)
// param region: string|null = null  区划路径；含下级区划
// other_staff: posts of a second pool (事业编制) beside the 行政编制; leader_posts_detail: `局长 1`, and posts stated
// without a number (`总工程师 按副处级配备`); offices: the offices the graph holds, numbered_offices: those the 三定
// numbers (机关党委 and the like stand outside its count); offices_stated: the number the
// 三定 (or a later 调整 notice's 调整后 totals) sets, offices_stated_source the clause saying it (`doc:…#第四条`, a
// notice's `doc:…#二、`; null where loaded before fields version 22); office_leader_posts_detail: `科级 6（其中科长 4、副科长 4）`;
// base: the base name (交通运输局), by which staffing_load groups county bureaus of several cities by line of work
// facts_issued: the date of the document the figures are from (a 调整 notice's after its 三定's); counterparts: the uids of the city departments a county department mirrors (上下对口)
// has_sanding: whether a 三定 of the department is loaded (a department known by a 调整 notice alone has its
// staffing, not its work; its sanding_issued is empty, as an undated 三定's is), or of the body a notice alone renamed
// or merged into it, whose duties it carries
// notices_only: a department no document of its own defines (no 三定, no notice of its own) that a 调整 notice moves
// work or posts into (its duties, read from notices, and its posts are what they moved in; a giver named by a
// notice alone, which holds the work it moved out as `transferred`, receives nothing)
// carried: the duties of `duties` carried from each body a 机构改革 replaced, `{department, duties}`, as today's
// reading holds them (the finish: the Cypher counts each body's 三定 as written; staffing_load adds them to the count
// a 调整 notice changes, and its checks say so: 承继自…)
// json_only: uid, base, counterparts, has_sanding, carried
// finish: queries.carried_held.load_held
// columns: uid, sanding_issued, region, department, base, staff_quota, other_staff, leader_posts, leader_posts_detail, offices, numbered_offices, offices_stated, offices_stated_source, office_leader_posts, office_leader_posts_detail, facts_issued, duties, power_items, counterparts, has_sanding, notices_only, carried
// A department renamed or merged in a 机构改革 (SUCCEEDED_BY) is no longer one of its region's: its successor is.
// A body a 调整 notice alone renamed (SUCCEEDED_BY `carries`, ingest.carried) leaves its successor its offices and the
// figures the successor's own documents leave unsaid; one merged into it by a notice alone, its duties.
MATCH (d:Department)
WHERE NOT (d)-[:SUCCEEDED_BY]->() AND NOT coalesce(d.vague, false)
  AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
WITH d, size([(d)-[:HAS_DUTY]->(:Duty {status: 'current'})-[f:FROM]->(:Document {kind: 'amendment'}) | f])
        + size([(d)<-[t:TRANSFERRED_TO]-(:Department) WHERE t.staff IS NOT NULL AND coalesce(t.kind, '') = '' | t])
        AS received
WHERE d.sanding_issued IS NOT NULL OR received > 0
OPTIONAL MATCH path = (r:Department)-[:SUCCEEDED_BY*1..4]->(d)
WHERE all(c IN relationships(path) WHERE coalesce(c.carries, false) AND c.kind = 'renamed' AND c.carries_after IS NULL)
WITH d, r, length(path) AS steps ORDER BY steps
WITH d, collect(r) AS renamed
// The 三定 of a body a chain of renames by notice leads back to states the duties its successor carries.
OPTIONAL MATCH (x:Department)-[:FROM]->(rs:Document {kind: 'sanding'}) WHERE x IN renamed
WITH d, renamed, count(rs) > 0 AS renamed_sanding
OPTIONAL MATCH (d)-[:HAS_OFFICE]->(o:Office)
WITH d, renamed, renamed_sanding, collect(DISTINCT o) AS own
OPTIONAL MATCH (r:Department)-[:HAS_OFFICE]->(ro:Office) WHERE r IN renamed
WITH d, renamed, renamed_sanding, own, collect(DISTINCT ro) AS renamed_offices
WITH d, renamed, renamed_sanding, own + renamed_offices AS held
WITH d, renamed, renamed_sanding, size(held) AS offices, size([o IN held WHERE o.ordinal IS NOT NULL]) AS numbered_offices
OPTIONAL MATCH (d)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= d.sanding_issued AND NOT coalesce(u.boilerplate, false)
WITH d, renamed, renamed_sanding, offices, numbered_offices, collect(DISTINCT u) AS stated
// Through a chain of reforms too (department_duties): each step carries, and its carries_after applies.
OPTIONAL MATCH path = (q:Department)-[:SUCCEEDED_BY*1..4]->(d)
WHERE all(c IN relationships(path) WHERE coalesce(c.carries, false))
WITH d, renamed, renamed_sanding, offices, numbered_offices, stated, q, relationships(path) AS steps
OPTIONAL MATCH (q)-[:HAS_DUTY]->(v:Duty)
WHERE v.status = 'current' AND v.last_stated >= coalesce(q.sanding_issued, '') AND NOT coalesce(v.boilerplate, false)
  AND all(c IN steps WHERE c.carries_after IS NULL OR v.last_stated > c.carries_after)
// By body: one body reached by two paths (a rename a notice and a 三定 both state) holds each duty once.
WITH d, renamed, renamed_sanding, offices, numbered_offices, stated, q, collect(DISTINCT v) AS held
WITH d, renamed, renamed_sanding, offices, numbered_offices, stated,
     [lender IN collect({department: q.name, duties: size(held)}) WHERE lender.duties > 0] AS carried
WITH d, renamed, renamed_sanding, offices, numbered_offices, carried,
     size(stated) + reduce(total = 0, lender IN carried | total + lender.duties) AS duties
OPTIONAL MATCH (d)-[:EXERCISES]->(p:PowerItem)
RETURN d.uid AS uid, d.sanding_issued AS sanding_issued, d.region AS region, d.name AS department, d.base_name AS base,
       coalesce(d.staff_quota, head([r IN renamed WHERE r.staff_quota IS NOT NULL | r.staff_quota])) AS staff_quota,
       coalesce(d.other_staff, head([r IN renamed WHERE r.other_staff IS NOT NULL | r.other_staff])) AS other_staff,
       coalesce(d.leader_posts, head([r IN renamed WHERE r.leader_posts IS NOT NULL | r.leader_posts])) AS leader_posts,
       coalesce(d.leader_posts_detail, head([r IN renamed WHERE r.leader_posts_detail IS NOT NULL | r.leader_posts_detail])) AS leader_posts_detail,
       offices, numbered_offices,
       coalesce(d.offices_stated, head([r IN renamed WHERE r.offices_stated IS NOT NULL | r.offices_stated])) AS offices_stated,
       CASE WHEN d.offices_stated IS NOT NULL THEN d.offices_stated_source
            ELSE head([r IN renamed WHERE r.offices_stated IS NOT NULL | r.offices_stated_source]) END AS offices_stated_source,
       coalesce(d.office_leader_posts, head([r IN renamed WHERE r.office_leader_posts IS NOT NULL | r.office_leader_posts])) AS office_leader_posts,
       coalesce(d.office_leader_posts_detail, head([r IN renamed WHERE r.office_leader_posts_detail IS NOT NULL | r.office_leader_posts_detail])) AS office_leader_posts_detail,
       d.facts_issued AS facts_issued, duties, count(DISTINCT p) AS power_items,
       [(d)-[:COUNTERPART]->(c:Department) | c.uid] AS counterparts,
       size([(d)-[:FROM]->(s:Document) WHERE s.kind = 'sanding' | s]) > 0 OR renamed_sanding
       OR size([(rs:Document)<-[:FROM]-(:Department)-[e:SUCCEEDED_BY {carries: true}]->(d)
                WHERE rs.kind = 'sanding' AND e.carries_after IS NULL | rs]) > 0 AS has_sanding,
       d.sanding_issued IS NULL AS notices_only, carried
ORDER BY region, department
