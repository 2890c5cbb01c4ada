// name: holdings
// question: 市县事权划分：事项、领域、持有区划与划分方式 (city/county holdings of matters)
// param city: string  市级区划路径，如 示例市
// columns: matter, domain, region, level, share, role, text, source
MATCH (r:Region)-[h:HOLDS]->(m:Matter)
WHERE m.region = $city
RETURN m.name AS matter, coalesce(m.domain, '') AS domain, r.path AS region, r.level AS level,
       h.share AS share, h.role AS role, coalesce(h.text, '') AS text, h.source AS source
ORDER BY matter, region
