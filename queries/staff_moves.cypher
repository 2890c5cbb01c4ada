// name: staff_moves
// question: 调整职责机构编制通知划转、核减、下放的编制和领导职数，及部门编制数所据的文件 (posts a 调整 notice moves into or out of each department, cuts or hands down, and the document its own figure is from)
// param region: string|null = null  区划路径；含下级区划
// columns: department_uid, department, direction, other, staff, leader_posts, leader_rank, source, notice, moved_on, figure_document, figure_on
// json_only: department_uid, notice, figure_document
// sort: department, moved_on, source, direction, other
// A change is a TRANSFERRED_TO edge with `staff` (ingest.staff_moves: 将…2名行政编制、1名副处级领导职数划入…,
// 相应划转行政编制2名 after a duty moved, 核减行政编制1名, 相应编制2名下放至各县（区）), a row for each side of a move:
// `out` for the giver, `in` for the receiver; a cut and posts handed down (`kind` cut or devolved, the department's
// edge to itself) are one row, `cut` with no other side, `devolved` with the lower governments as written. `staff` is 0 where only 领导职数 move; `leader_rank` as written (副处级), '' where none is given.
// `moved_on` is the notice's 施行日期, else its 印发日期; `figure_document` and `figure_on` the newest document stating
// the department's 行政编制 (its 三定, or a notice's 调整后 totals), null for a department the graph holds no figure
// of: staffing_load adds to that figure the changes of the notices after it (queries.staffing).
MATCH (d:Department)-[t:TRANSFERRED_TO]->(o:Department)
WHERE t.staff IS NOT NULL AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
MATCH (n:Document {uid: split(t.source, '#')[0]})
OPTIONAL MATCH (d)-[f:FROM]->(s:Document)
WHERE f.staff_quota IS NOT NULL
WITH d, o, t, n, s ORDER BY CASE WHEN coalesce(s.effective, '') <> '' THEN s.effective ELSE coalesce(s.issued, '') END DESC, s.uid DESC
WITH d, o, t, n, head(collect(s)) AS figure
RETURN d.uid AS department_uid, d.name AS department,
       CASE coalesce(t.kind, '') WHEN 'cut' THEN 'cut' WHEN 'devolved' THEN 'devolved' ELSE 'out' END AS direction,
       CASE coalesce(t.kind, '') WHEN 'cut' THEN null WHEN 'devolved' THEN t.devolved_to ELSE o.name END AS other,
       t.staff AS staff,
       t.leader_posts AS leader_posts, coalesce(t.leader_rank, '') AS leader_rank, t.source AS source, n.uid AS notice,
       CASE WHEN coalesce(n.effective, '') <> '' THEN n.effective ELSE coalesce(n.issued, '') END AS moved_on,
       figure.uid AS figure_document,
       CASE WHEN coalesce(figure.effective, '') <> '' THEN figure.effective ELSE figure.issued END AS figure_on
UNION ALL
MATCH (o:Department)-[t:TRANSFERRED_TO]->(d:Department)
WHERE t.staff IS NOT NULL AND coalesce(t.kind, '') = ''
  AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
MATCH (n:Document {uid: split(t.source, '#')[0]})
OPTIONAL MATCH (d)-[f:FROM]->(s:Document)
WHERE f.staff_quota IS NOT NULL
WITH d, o, t, n, s ORDER BY CASE WHEN coalesce(s.effective, '') <> '' THEN s.effective ELSE coalesce(s.issued, '') END DESC, s.uid DESC
WITH d, o, t, n, head(collect(s)) AS figure
RETURN d.uid AS department_uid, d.name AS department, 'in' AS direction, o.name AS other, t.staff AS staff,
       t.leader_posts AS leader_posts, coalesce(t.leader_rank, '') AS leader_rank, t.source AS source, n.uid AS notice,
       CASE WHEN coalesce(n.effective, '') <> '' THEN n.effective ELSE coalesce(n.issued, '') END AS moved_on,
       figure.uid AS figure_document,
       CASE WHEN coalesce(figure.effective, '') <> '' THEN figure.effective ELSE figure.issued END AS figure_on
