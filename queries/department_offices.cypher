// name: department_offices
// question: 一个部门的内设机构及其别名（括注的另一名称） (a department's internal offices, with the other names they bear)
// param department: string  部门 uid
// param office: string|null = null  内设机构：首个名称、括注的另一名称或全称（法规股、行政审批股、法规股（行政审批股））均可；空为全部
// columns: uid, name, office, aliases, ordinal, source
// json_only: uid, name
// sort: ordinal, office
// `office` is the name as the 三定 writes it, its other names (加挂, 合署) in brackets: 法规股（行政审批股）; `name`,
// the stored first name, is what the draft check compares a draft's offices by.
MATCH (:Department {uid: $department})-[:HAS_OFFICE]->(o:Office)
WITH o, o.label AS office
WHERE $office IS NULL OR $office = o.name OR $office = office OR $office IN coalesce(o.aliases, [])
RETURN o.uid AS uid, o.name AS name, office, coalesce(o.aliases, []) AS aliases, o.ordinal AS ordinal, o.source AS source
