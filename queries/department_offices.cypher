// name: department_offices
// question: 一个部门的内设机构及其别名（括注的另一名称） (a department's internal offices, with the other names they bear)
// param department: string  部门 uid
// columns: office, aliases, ordinal, source
// sort: ordinal, office
MATCH (:Department {uid: $department})-[:HAS_OFFICE]->(o:Office)
RETURN o.name AS office, coalesce(o.aliases, []) AS aliases, o.ordinal AS ordinal, o.source AS source
