// name: regions
// question: 行政区划及其部门数 (regions with their level, parent and number of departments)
// columns: path, name, level, parent, departments, status
// `status`: 已撤销（现为青山区） for a county a 撤县设区 renamed (Region REPLACED_BY, ingest.region_succession), whose
// documents and bureaus no 区 document renamed yet stay under its path; 已撤销（并入石桥镇） for a township merged into
// another (REPLACED_BY kind merged); 已撤销（现为石桥街道） for a township made a 街道 (kind street); '' for any other region.
MATCH (r:Region)
OPTIONAL MATCH (p:Region)-[:CONTAINS]->(r)
OPTIONAL MATCH (r)-[e:REPLACED_BY]->(n:Region)
OPTIONAL MATCH (r)-[:HAS_DEPARTMENT]->(d:Department)
WHERE d.sanding_issued IS NOT NULL AND NOT (d)-[:SUCCEEDED_BY]->()  // not renamed or merged in a 机构改革
RETURN r.path AS path, r.name AS name, r.level AS level, p.path AS parent, count(DISTINCT d) AS departments,
       CASE WHEN n IS NULL THEN '' WHEN e.kind = 'merged' THEN '已撤销（并入' + n.name + '）'
            ELSE '已撤销（现为' + n.name + '）' END AS status
ORDER BY path
