// name: region_transfers
// question: 区划内部门间的职责划转（划出部门、接收部门、划转的工作） (work moved between departments: giver, receiver, what)
// param region: string|null = null  区划路径；含下级区划（按划出部门所在区划）
// columns: region, giver, giver_uid, receiver, receiver_uid, what, source, moved_on, giver_issued, receiver_region, moved_by, by_giver_sanding
// json_only: giver_uid, receiver_uid, receiver_region, moved_by, by_giver_sanding
// sort: region, giver, receiver, what, source
// An amendment's staff moves ride on TRANSFERRED_TO edges too, with `staff` (and `what` 行政编制): they move posts,
// not work (queries/staff_moves.cypher lists them).
// `moved_on`: the 印发日期 of the document stating the move; `giver_issued`: that of the giver's 三定 in force;
// `moved_by`: that document's kind (sanding, amendment), for who_handles reads a notice's moves with its other changes.
// `by_giver_sanding`: whether that document is a 三定 of the giver's own (its 职能转变 moving the work out), which, of
// the giver's documents of one day, is the one the move binds (`queries.transfers.giver_bound`).
// Work taken over from a body a reform abolished (`former`: 将原县农业局承担的…划入) is how the receiver came to hold
// it, not a move between two standing departments: department_transfers lists it, this query does not.
MATCH (g:Department)-[t:TRANSFERRED_TO]->(r:Department)
WHERE t.what IS NOT NULL AND t.staff IS NULL AND coalesce(g.vague, false) = false AND coalesce(t.former, false) = false
  AND ($region IS NULL OR any(place IN $region_paths WHERE g.region = place OR g.region STARTS WITH (place + '/')))
OPTIONAL MATCH (doc:Document {uid: split(t.source, '#')[0]})
RETURN g.region AS region, g.name AS giver, g.uid AS giver_uid, r.name AS receiver, r.uid AS receiver_uid,
       t.what AS what, t.source AS source, doc.issued AS moved_on, g.sanding_issued AS giver_issued,
       r.region AS receiver_region, doc.kind AS moved_by,
       size([(g)-[:FROM]->(own:Document) WHERE own.kind = 'sanding' AND own.uid = split(t.source, '#')[0] | own]) > 0
       AS by_giver_sanding
