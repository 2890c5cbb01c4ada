// name: department_roles
// question: 一个部门牵头、配合的事项，实施的权责事项与认领的监管事项 (what a department leads, assists, exercises, claims)
// param uid: department  部门 uid，或名称、别名、简称
// columns: relation, name, detail, source
MATCH (d:Department {uid: $uid})-[r:LEADS|ASSISTS]->(m:Matter)
WHERE NOT coalesce(r.superseded, false)  // a clause its department's later 三定 no longer states
RETURN type(r) AS relation, m.name AS name, coalesce(r.basis, '') AS detail, r.source AS source
UNION ALL
MATCH (d:Department {uid: $uid})-[r:EXERCISES]->(p:PowerItem)
RETURN 'EXERCISES' AS relation, p.name AS name, p.type AS detail, p.source AS source
UNION ALL
MATCH (d:Department {uid: $uid})-[r:CLAIMS]->(s:SupervisionItem)
RETURN 'CLAIMS' AS relation, s.name AS name, coalesce(s.target, '') AS detail, s.source AS source
// sort: relation, name, source
