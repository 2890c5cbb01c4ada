// name: lent_staffing
// question: 机构改革后沿用前身部门的编制数据：各项数据承继自哪个部门的哪份文件 (the staffing figures a department shows from a body a chain of renames by notice replaced, and the document each is from)
// param region: string|null = null  区划路径；含下级区划
// param department: string|null = null  部门 uid
// columns: department_uid, lender, steps, document, in_force_from, figures, own, source
// json_only: department_uid, document
// sort: department_uid, steps, lender, in_force_from, document
// A row per document of each body a chain of renames by notice alone leads back from a current department (as
// department_load and department lend its figures: SUCCEEDED_BY `carries`, `renamed`, no carries_after; `steps`
// from the department). `figures`: the figures that document states of the body (its FROM edge's), `offices` where it
// sets up offices; `own`: those the department's own documents state, which it borrows none of. `source`: the clause
// the 编制 and 领导职数 were read from, as staff_figures cites it (the document where a graph before fields version 21
// keeps no clause).
MATCH path = (r:Department)-[:SUCCEEDED_BY*1..4]->(d:Department)
WHERE NOT (d)-[:SUCCEEDED_BY]->()
  AND all(c IN relationships(path) WHERE coalesce(c.carries, false) AND c.kind = 'renamed' AND c.carries_after IS NULL)
  AND ($department IS NULL OR d.uid = $department)
  AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
WITH d, r, min(length(path)) AS steps
MATCH (r)-[f:FROM]->(s:Document)
WHERE s.kind IN ['sanding', 'amendment']
RETURN d.uid AS department_uid, r.name AS lender, steps, s.uid AS document,
       CASE WHEN coalesce(s.effective, '') <> '' THEN s.effective ELSE coalesce(s.issued, '') END AS in_force_from,
       [x IN [CASE WHEN f.staff_quota IS NOT NULL THEN 'staff_quota' END,
              CASE WHEN f.other_staff IS NOT NULL THEN 'other_staff' END,
              CASE WHEN f.leader_posts IS NOT NULL THEN 'leader_posts' END,
              CASE WHEN f.rank IS NOT NULL THEN 'rank' END,
              CASE WHEN f.offices_stated IS NOT NULL THEN 'offices_stated' END,
              CASE WHEN f.office_leader_posts IS NOT NULL THEN 'office_leader_posts' END,
              CASE WHEN size([(r)-[:HAS_OFFICE]->(o:Office)-[:FROM]->(s) | o]) > 0 THEN 'offices' END]
        WHERE x IS NOT NULL] AS figures,
       [x IN [CASE WHEN d.staff_quota IS NOT NULL THEN 'staff_quota' END,
              CASE WHEN d.other_staff IS NOT NULL THEN 'other_staff' END,
              CASE WHEN d.leader_posts IS NOT NULL THEN 'leader_posts' END,
              CASE WHEN d.rank IS NOT NULL THEN 'rank' END,
              CASE WHEN d.offices_stated IS NOT NULL THEN 'offices_stated' END,
              CASE WHEN d.office_leader_posts IS NOT NULL THEN 'office_leader_posts' END]
        WHERE x IS NOT NULL] AS own,
       coalesce(f.staffing_source, s.uid) AS source
