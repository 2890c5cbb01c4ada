// name: department
// question: 一个部门的基本情况 (one department: kind, rank, staffing, plates)
// param name: department  部门名称、别名、简称或 uid
// `exact` holds for the full name or an alias of this department alone; a bare base name that a document once wrote
// for it (交通运输局 in a city list) is an alias, but every region's 交通运输局 bears that name too
// columns: exact, uid, name, region, kind, rank, rank_source, supervisor, supervisor_source, staff_quota, other_staff, leader_posts, leader_posts_detail, office_leader_posts, staffing_source, offices_stated, offices_stated_source, offices_source, aliases, issued, reform_date
// rank_source, supervisor_source, staffing_source, offices_stated_source: the clause each fact was read from
// (`doc:…#第二条`; a 调整 notice's item, `doc:…#二、`), null where a graph loaded before fields version 22 (21 for
// staffing_source) keeps none; offices_source: the clause listing its internal offices. A fact lent by a body renamed
// into it is cited by that body's clause.
// reform_date: for a department no 三定 of its own defines (a 调整 notice alone renamed or merged bodies into it),
// the date of that 机构改革 (the latest), its 机构改革日期; '' for a department with a 三定 (its date is `issued`).
// json_only: uid
// A body a 机构改革 renamed or merged into one successor (SUCCEEDED_BY) lends it its aliases and base name: 青山县城管局,
// which a list wrote for the old bureau, answers for the bureau there now, at the end of its chain of renames
// (`chain_end`, ingest.load.follow_successions: renamed twice, the last; split among several, none). Its full name
// and uid open its own row, whose profile says what became of it (and the page opens the successor from there).
MATCH (p:Department)
WHERE p.uid = $name OR p.name = $name OR $name IN coalesce(p.aliases, []) OR p.base_name = $name
OPTIONAL MATCH (now:Department {uid: p.chain_end})
WITH p, CASE WHEN now IS NOT NULL AND p.uid <> $name AND p.name <> $name THEN now ELSE p END AS d
WITH d, max(CASE WHEN p.uid = $name OR p.name = $name OR ($name IN coalesce(p.aliases, []) AND p.base_name <> $name)
                 THEN 1 ELSE 0 END) AS exact
// A body a 调整 notice alone renamed into it (SUCCEEDED_BY `carries`, ingest.carried) lends it the facts its own
// documents leave unsaid: a notice that renames states no 规格 and often no staffing.
OPTIONAL MATCH path = (r:Department)-[:SUCCEEDED_BY*1..4]->(d)
WHERE all(c IN relationships(path) WHERE coalesce(c.carries, false) AND c.kind = 'renamed' AND c.carries_after IS NULL)
WITH d, exact, r, length(path) AS steps ORDER BY steps
WITH d, exact, collect(r) AS renamed
OPTIONAL MATCH (:Department)-[g:SUCCEEDED_BY]->(d)
WITH d, exact, renamed, CASE WHEN coalesce(d.sanding_issued, '') = '' THEN max(g.date) END AS reform_date
RETURN exact = 1 AS exact, d.uid AS uid, d.name AS name, d.region AS region,
       coalesce(d.kind, head([r IN renamed WHERE r.kind IS NOT NULL | r.kind])) AS kind,
       coalesce(d.rank, head([r IN renamed WHERE r.rank IS NOT NULL | r.rank])) AS rank,
       CASE WHEN d.rank IS NOT NULL THEN d.rank_source
            ELSE head([r IN renamed WHERE r.rank IS NOT NULL | r.rank_source]) END AS rank_source,
       coalesce(d.supervisor, head([r IN renamed WHERE r.supervisor IS NOT NULL | r.supervisor])) AS supervisor,
       CASE WHEN d.supervisor IS NOT NULL THEN d.supervisor_source
            ELSE head([r IN renamed WHERE r.supervisor IS NOT NULL | r.supervisor_source]) END AS supervisor_source,
       coalesce(d.staff_quota, head([r IN renamed WHERE r.staff_quota IS NOT NULL | r.staff_quota])) AS staff_quota,
       coalesce(d.other_staff, head([r IN renamed WHERE r.other_staff IS NOT NULL | r.other_staff])) AS other_staff,
       coalesce(d.leader_posts, head([r IN renamed WHERE r.leader_posts IS NOT NULL | r.leader_posts])) AS leader_posts,
       coalesce(d.leader_posts_detail, head([r IN renamed WHERE r.leader_posts_detail IS NOT NULL | r.leader_posts_detail])) AS leader_posts_detail,
       coalesce(d.office_leader_posts, head([r IN renamed WHERE r.office_leader_posts IS NOT NULL | r.office_leader_posts])) AS office_leader_posts,
       CASE WHEN d.staff_quota IS NOT NULL THEN d.staffing_source
            ELSE head([r IN renamed WHERE r.staff_quota IS NOT NULL | r.staffing_source]) END AS staffing_source,
       coalesce(d.offices_stated, head([r IN renamed WHERE r.offices_stated IS NOT NULL | r.offices_stated])) AS offices_stated,
       CASE WHEN d.offices_stated IS NOT NULL THEN d.offices_stated_source
            ELSE head([r IN renamed WHERE r.offices_stated IS NOT NULL | r.offices_stated_source]) END AS offices_stated_source,
       coalesce(d.offices_source, head([r IN renamed WHERE r.offices_source IS NOT NULL | r.offices_source])) AS offices_source,
       d.aliases AS aliases,
       d.sanding_issued AS issued, coalesce(reform_date, '') AS reform_date
ORDER BY uid
