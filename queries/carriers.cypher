// name: carriers
// question: 部门的内设机构职责与权力事项（核对已取消、下放的工作是否仍在承担） (what the given departments' offices and power items carry)
// param departments: list = []  部门 uid 列表（逗号分隔）
// columns: department_uid, kind, office, text
UNWIND $departments AS department
MATCH (d:Department {uid: department})-[:HAS_OFFICE]->(o:Office)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND NOT coalesce(u.boilerplate, false) AND u.last_stated >= d.sanding_issued
RETURN d.uid AS department_uid, 'office_duty' AS kind, o.name AS office, u.text AS text
UNION ALL
UNWIND $departments AS department
MATCH (d:Department {uid: department})-[:EXERCISES]->(p:PowerItem)
RETURN d.uid AS department_uid, 'power_item' AS kind, '' AS office, p.name AS text
