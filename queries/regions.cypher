// name: regions
// question: 行政区划及其部门数 (regions with their level, parent and number of departments)
// columns: path, name, level, parent, departments
MATCH (r:Region)
OPTIONAL MATCH (p:Region)-[:CONTAINS]->(r)
OPTIONAL MATCH (r)-[:HAS_DEPARTMENT]->(d:Department)
WHERE d.sanding_issued IS NOT NULL AND NOT (d)-[:SUCCEEDED_BY]->()  // not renamed or merged in a 机构改革
RETURN r.path AS path, r.name AS name, r.level AS level, p.path AS parent, count(DISTINCT d) AS departments
ORDER BY path
