// name: department_transfers
// question: 一个部门的职责划转（划入、划出） (work a 职能转变 or an amendment moved into or out of a department)
// param department: string  部门 uid
// columns: direction, other, other_uid, what, source
// json_only: other_uid
// sort: direction, other, what
// Work, not posts: a staff change's edge (with `staff`) is queries/staff_moves.cypher's.
MATCH (d:Department {uid: $department})-[t:TRANSFERRED_TO]->(o:Department)
WHERE t.what IS NOT NULL AND t.staff IS NULL
RETURN 'out' AS direction, o.name AS other, o.uid AS other_uid, t.what AS what, t.source AS source
UNION ALL
MATCH (o:Department)-[t:TRANSFERRED_TO]->(d:Department {uid: $department})
WHERE t.what IS NOT NULL AND t.staff IS NULL
RETURN 'in' AS direction, o.name AS other, o.uid AS other_uid, t.what AS what, t.source AS source
