// name: region_counts
// question: 区划内各类节点的数量 (how many nodes of each label a region holds, with the regions below it)
// param region: string  区划路径，如 示例市/青山县（含其下的镇、街道）
// columns: label, count
MATCH (r:Region) WHERE any(place IN $region_paths WHERE r.path = place OR r.path STARTS WITH (place + '/'))
RETURN 'Region' AS label, count(r) AS count
UNION ALL
MATCH (d:Department) WHERE any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/'))
RETURN 'Department' AS label, count(d) AS count
UNION ALL
MATCH (d:Department)-[:HAS_OFFICE]->(o:Office) WHERE any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/'))
RETURN 'Office' AS label, count(DISTINCT o) AS count
UNION ALL
// A duty is its department's or one of its offices': it carries no region of its own.
MATCH (d:Department)-[:HAS_OFFICE|HAS_DUTY*1..2]->(t:Duty) WHERE any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/'))
RETURN 'Duty' AS label, count(DISTINCT t) AS count
UNION ALL
MATCH (m:Matter) WHERE any(place IN $region_paths WHERE m.region = place OR m.region STARTS WITH (place + '/'))
RETURN 'Matter' AS label, count(m) AS count
UNION ALL
MATCH (p:PowerItem) WHERE any(place IN $region_paths WHERE p.region = place OR p.region STARTS WITH (place + '/'))
RETURN 'PowerItem' AS label, count(p) AS count
UNION ALL
MATCH (s:SupervisionItem) WHERE any(place IN $region_paths WHERE s.region = place OR s.region STARTS WITH (place + '/'))
RETURN 'SupervisionItem' AS label, count(s) AS count
UNION ALL
MATCH (doc:Document) WHERE any(place IN $region_paths WHERE doc.region = place OR doc.region STARTS WITH (place + '/'))
RETURN 'Document' AS label, count(doc) AS count
