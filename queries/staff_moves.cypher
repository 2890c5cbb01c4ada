// name: staff_moves
// question: 调整职责机构编制通知划转的行政编制（划入、划出），及部门编制数所据的文件 (posts a 调整 notice moves into or out of each department, and the document its own figure is from)
// param region: string|null = null  区划路径；含下级区划
// columns: department_uid, department, direction, other, staff, leader_posts, source, notice, moved_on, figure_document, figure_on
// json_only: department_uid, notice, figure_document
// sort: department, moved_on, source, direction, other
// A move is a TRANSFERRED_TO edge with `staff` (ingest.amendment: 将…2名行政编制划入…, or 相应划转行政编制2名 after a
// duty moved), a row for each side: `out` for the giver, `in` for the receiver. `moved_on` is the notice's 施行日期,
// else its 印发日期; `figure_document` and `figure_on` the newest document stating the department's 行政编制 (its 三定,
// or a notice's 调整后 totals), null for a department the graph holds no figure of: staffing_load adds to that figure
// the moves of the notices after it (queries.staffing).
MATCH (d:Department)-[t:TRANSFERRED_TO]->(o:Department)
WHERE t.staff IS NOT NULL AND ($region IS NULL OR d.region = $region OR d.region STARTS WITH ($region + '/'))
MATCH (n:Document {uid: split(t.source, '#')[0]})
OPTIONAL MATCH (d)-[f:FROM]->(s:Document)
WHERE f.staff_quota IS NOT NULL
WITH d, o, t, n, s ORDER BY CASE WHEN coalesce(s.effective, '') <> '' THEN s.effective ELSE coalesce(s.issued, '') END DESC, s.uid DESC
WITH d, o, t, n, head(collect(s)) AS figure
RETURN d.uid AS department_uid, d.name AS department, 'out' AS direction, o.name AS other, t.staff AS staff,
       t.leader_posts AS leader_posts, t.source AS source, n.uid AS notice,
       CASE WHEN coalesce(n.effective, '') <> '' THEN n.effective ELSE coalesce(n.issued, '') END AS moved_on,
       figure.uid AS figure_document,
       CASE WHEN coalesce(figure.effective, '') <> '' THEN figure.effective ELSE figure.issued END AS figure_on
UNION ALL
MATCH (o:Department)-[t:TRANSFERRED_TO]->(d:Department)
WHERE t.staff IS NOT NULL AND ($region IS NULL OR d.region = $region OR d.region STARTS WITH ($region + '/'))
MATCH (n:Document {uid: split(t.source, '#')[0]})
OPTIONAL MATCH (d)-[f:FROM]->(s:Document)
WHERE f.staff_quota IS NOT NULL
WITH d, o, t, n, s ORDER BY CASE WHEN coalesce(s.effective, '') <> '' THEN s.effective ELSE coalesce(s.issued, '') END DESC, s.uid DESC
WITH d, o, t, n, head(collect(s)) AS figure
RETURN d.uid AS department_uid, d.name AS department, 'in' AS direction, o.name AS other, t.staff AS staff,
       t.leader_posts AS leader_posts, t.source AS source, n.uid AS notice,
       CASE WHEN coalesce(n.effective, '') <> '' THEN n.effective ELSE coalesce(n.issued, '') END AS moved_on,
       figure.uid AS figure_document,
       CASE WHEN coalesce(figure.effective, '') <> '' THEN figure.effective ELSE figure.issued END AS figure_on
