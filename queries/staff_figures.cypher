// name: staff_figures
// question: 一个部门各文件所定的行政编制和领导职数（三定，或调整通知的调整后总数），及其施行日期 (the staffing each of a department's documents sets, by date)
// param department: string  部门 uid
// columns: document, in_force_from, staff_quota, leader_posts, leader_posts_detail, source
// json_only: document
// sort: in_force_from, document
// Read from each document's own FROM edge (ingest.records.add_provenance), as staff_moves finds the figure the moves
// after it are added to; the Department keeps only its newest figure. `in_force_from`: 施行日期, else 印发日期.
// queries.tenure reads the figure in force on a date (an 经济责任审计's 任职 and 离任 dates) from these rows.
// `source`: the clause the figures were read from (`doc:…#第五条`, ingest.records), or the document where a graph
// loaded before the clause was kept (fields version 21) has none.
MATCH (d:Department {uid: $department})-[f:FROM]->(s:Document)
WHERE f.staff_quota IS NOT NULL
RETURN s.uid AS document,
       CASE WHEN coalesce(s.effective, '') <> '' THEN s.effective ELSE coalesce(s.issued, '') END AS in_force_from,
       f.staff_quota AS staff_quota, f.leader_posts AS leader_posts,
       coalesce(f.leader_posts_detail, []) AS leader_posts_detail, coalesce(f.staffing_source, s.uid) AS source
