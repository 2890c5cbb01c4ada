// name: lent_staff_figures
// question: 经通知更名的部门沿用前身部门的行政编制和领导职数：前身部门各文件所定的数额，及其自何日起为本部门的数额 (the staffing figures a department renamed by notice alone takes from the bodies it was, and from when)
// param department: string  部门 uid
// columns: lender, steps, reform_date, document, in_force_from, staff_quota, leader_posts, leader_posts_detail, source
// json_only: document
// sort: steps, in_force_from, document
// A rename by a notice alone (关于将A更名为B的通知: SUCCEEDED_BY `renamed`, `carries`, grounded by an amendment) sets
// no figure of the successor's: its staffing is the old body's until a document of its own sets one, as a 三定
// stating the rename sets its figure from its date. A row per figure-setting document of each body a chain of such
// renames leads back from the department (`steps` from it), as staff_figures gives the department's own; the
// department may have been renamed since (a tenure asks of any body in the chain, unlike lent_staffing, which reads
// today's departments). `reform_date`: the date of the rename into the department, from which the figure is its own
// ('' where the notice gives none). queries.tenure reads these beside staff_figures.
MATCH path = (r:Department)-[:SUCCEEDED_BY*1..4]->(d:Department {uid: $department})
WHERE all(c IN relationships(path) WHERE coalesce(c.carries, false) AND c.kind = 'renamed')
WITH r, path, [c IN relationships(path) | split(c.source, '#')[0]] AS grounds
MATCH (g:Document)
WHERE g.uid IN grounds
WITH r, path, collect(DISTINCT g.kind) AS kinds
WHERE kinds = ['amendment']
WITH r, path ORDER BY length(path)
WITH r, head(collect(length(path))) AS steps, head(collect(coalesce(last(relationships(path)).date, ''))) AS reform_date
MATCH (r)-[f:FROM]->(s:Document)
WHERE f.staff_quota IS NOT NULL AND s.kind IN ['sanding', 'amendment']
RETURN r.name AS lender, steps, reform_date, s.uid AS document,
       CASE WHEN coalesce(s.effective, '') <> '' THEN s.effective ELSE coalesce(s.issued, '') END AS in_force_from,
       f.staff_quota AS staff_quota, f.leader_posts AS leader_posts,
       coalesce(f.leader_posts_detail, []) AS leader_posts_detail, f.source AS source
