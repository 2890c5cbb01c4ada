// name: region_duties
// question: 一个区划各部门（不含下级区划）及其内设机构的现行职责 (the current duties of one region's departments and their offices)
// param region: string  区划路径，如 示例市/青山县
// param without: string|null = null  不列出的部门 uid（三定草案核对时，以草案代替其现行三定）
// columns: uid, text, content, ordinal, last_stated, holder, office, department_uid, department, base_name, source
// json_only: uid, holder, office, department_uid
// `holder` is the uid of the department or office that holds the duty; `office` its office's uid, '' for the department's own.
// A department renamed or merged in a 机构改革 (SUCCEEDED_BY) is no longer one of its region's: its successor is.
MATCH (d:Department)
WHERE d.region IN $region_paths AND NOT (d)-[:SUCCEEDED_BY]->() AND ($without IS NULL OR d.uid <> $without)
WITH d
MATCH (d)-[:HAS_OFFICE*0..1]->(h)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= d.sanding_issued
RETURN u.uid AS uid, u.text AS text, u.content AS content, u.ordinal AS ordinal, u.last_stated AS last_stated,
       h.uid AS holder, CASE WHEN h:Office THEN h.uid ELSE '' END AS office, d.uid AS department_uid,
       d.name AS department, d.base_name AS base_name, u.source AS source
ORDER BY uid
