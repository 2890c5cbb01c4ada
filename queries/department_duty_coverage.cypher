// name: department_duty_coverage
// question: 部门职责是否由内设机构承接（REFINES） (department duties and how many office duties carry them out)
// param department: string|null = null  部门 uid 或名称；空为全部（名称为两个区划的部门共有时，两者都会列出：查找后传 uid）
// columns: department, region, ordinal, text, source, boilerplate, refined_by
// Only departments whose offices the graph holds: a copy without its 内设机构 section (or a department of no
// offices) tells nothing of which duties are handed down, and listed every duty as undecomposed (user test).
MATCH (d:Department)-[:HAS_DUTY]->(u:Duty)
WHERE u.status = 'current' AND u.last_stated >= d.sanding_issued
  AND ($department IS NULL OR d.uid = $department OR d.name = $department)
  AND (d)-[:HAS_OFFICE]->(:Office)
OPTIONAL MATCH (o:Duty)-[:REFINES]->(u)
RETURN d.name AS department, d.region AS region, u.ordinal AS ordinal, u.text AS text, u.source AS source,
       coalesce(u.boilerplate, false) AS boilerplate, count(o) AS refined_by
ORDER BY region, department, ordinal
