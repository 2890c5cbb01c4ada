// name: department_roles
// question: 一个部门牵头、配合的事项，实施的权责事项与认领的监管事项 (what a department leads, assists, exercises, claims)
// param uid: department  部门 uid，或名称、别名、简称
// columns: relation, name, detail, offices, code, basis, responsibilities, accountability, source
// `offices`: a power item's 承办科室, the offices of the department its list names as handling it (EXERCISES from the
// office, where the 三定 knows it), each named as its 三定 writes it (法规股（行政审批股）); empty for the other roles.
// `code`, `basis`, `responsibilities`, `accountability`: a power item's 编码, 设定依据, 责任事项 and 追责情形 as its list
// writes them ('' where the cell is empty; the last two null where the list has no such column), what a 司法局
// reviewer reads of each item. A supervision item's 监管事项编码 and 设定依据 likewise ('' where empty): its
// responsibilities and accountability are null, a 监管事项目录 has no such column. All four null for a matter (its
// basis is its `detail`).
MATCH (d:Department {uid: $uid})-[r:LEADS|ASSISTS]->(m:Matter)
WHERE NOT coalesce(r.superseded, false)  // a clause its department's later 三定 no longer states
RETURN type(r) AS relation, m.name AS name, coalesce(r.basis, '') AS detail, [] AS offices,
       null AS code, null AS basis, null AS responsibilities, null AS accountability, r.source AS source
UNION ALL
MATCH (d:Department {uid: $uid})-[r:EXERCISES]->(p:PowerItem)
OPTIONAL MATCH (d)-[:HAS_OFFICE]->(o:Office)-[:EXERCISES]->(p)
WITH p, o ORDER BY o.ordinal, o.name
WITH p, collect(o.label) AS offices
RETURN 'EXERCISES' AS relation, p.name AS name, p.type AS detail, offices,
       coalesce(p.code, '') AS code, coalesce(p.basis, '') AS basis, p.responsibilities AS responsibilities,
       p.accountability AS accountability, p.source AS source
UNION ALL
MATCH (d:Department {uid: $uid})-[r:CLAIMS]->(s:SupervisionItem)
RETURN 'CLAIMS' AS relation, s.name AS name, coalesce(s.target, '') AS detail, [] AS offices,
       coalesce(s.code, '') AS code, coalesce(s.basis, '') AS basis, null AS responsibilities,
       null AS accountability, s.source AS source
// sort: relation, name, source
