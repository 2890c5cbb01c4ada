// name: region_counts
// question: 区划内各类节点的数量 (how many nodes of each label a region holds, with the regions below it)
// param region: string  区划路径，如 示例市/青山县（含其下的镇、街道）
// columns: label, count
MATCH (r:Region) WHERE r.path = $region OR r.path STARTS WITH ($region + '/')
RETURN 'Region' AS label, count(r) AS count
UNION ALL
MATCH (d:Department) WHERE d.region = $region OR d.region STARTS WITH ($region + '/')
RETURN 'Department' AS label, count(d) AS count
UNION ALL
MATCH (d:Department)-[:HAS_OFFICE]->(o:Office) WHERE d.region = $region OR d.region STARTS WITH ($region + '/')
RETURN 'Office' AS label, count(DISTINCT o) AS count
UNION ALL
// A duty is its department's or one of its offices': it carries no region of its own.
MATCH (d:Department)-[:HAS_OFFICE|HAS_DUTY*1..2]->(t:Duty) WHERE d.region = $region OR d.region STARTS WITH ($region + '/')
RETURN 'Duty' AS label, count(DISTINCT t) AS count
UNION ALL
MATCH (m:Matter) WHERE m.region = $region OR m.region STARTS WITH ($region + '/')
RETURN 'Matter' AS label, count(m) AS count
UNION ALL
MATCH (p:PowerItem) WHERE p.region = $region OR p.region STARTS WITH ($region + '/')
RETURN 'PowerItem' AS label, count(p) AS count
UNION ALL
MATCH (s:SupervisionItem) WHERE s.region = $region OR s.region STARTS WITH ($region + '/')
RETURN 'SupervisionItem' AS label, count(s) AS count
UNION ALL
MATCH (doc:Document) WHERE doc.region = $region OR doc.region STARTS WITH ($region + '/')
RETURN 'Document' AS label, count(doc) AS count
