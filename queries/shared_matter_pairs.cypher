// name: shared_matter_pairs
// question: 因共同事项而联系的部门对 (departments tied by a shared matter, as lead or assisting party)
// param region: string|null = null  区划路径；含下级区划
// columns: a, b, matter, region
MATCH (a:Department)-[x:LEADS|ASSISTS]->(m:Matter)<-[y:LEADS|ASSISTS]-(b:Department)
WHERE a.uid < b.uid AND NOT coalesce(x.superseded, false) AND NOT coalesce(y.superseded, false) AND NOT coalesce(a.vague, false) AND NOT coalesce(b.vague, false)
  AND ($region IS NULL OR any(place IN $region_paths WHERE m.region = place OR m.region STARTS WITH (place + '/')))
  AND NOT (a)-[:SUCCEEDED_BY]->() AND NOT (b)-[:SUCCEEDED_BY]->()  // neither renamed nor merged in a 机构改革
RETURN DISTINCT a.name AS a, b.name AS b, m.name AS matter, m.region AS region
ORDER BY a, b, matter
