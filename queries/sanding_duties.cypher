// name: sanding_duties
// question: 一个部门现行三定的职责（部门及其内设机构），含内容词和共性职责标记 (the duties of a department's 三定 in force and of its offices, with their content terms)
// param department: string  部门 uid
// columns: uid, office, ordinal, text, content, boilerplate, source, holder
// json_only: uid
// sort: office, ordinal, text
// `holder` is the department's base name, whose line of work the similarity scorer reads (ingest.similarity).
MATCH (d:Department {uid: $department})-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= d.sanding_issued
RETURN u.uid AS uid, '' AS office, u.ordinal AS ordinal, u.text AS text, u.content AS content,
       coalesce(u.boilerplate, false) AS boilerplate, u.source AS source, d.base_name AS holder
UNION ALL
MATCH (d:Department {uid: $department})-[:HAS_OFFICE]->(o:Office)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= d.sanding_issued
RETURN u.uid AS uid, o.name AS office, u.ordinal AS ordinal, u.text AS text, u.content AS content,
       coalesce(u.boilerplate, false) AS boilerplate, u.source AS source, d.base_name AS holder
