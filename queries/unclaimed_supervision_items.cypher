// name: unclaimed_supervision_items
// question: 没有部门认领的监管事项（三不管） (supervision items no department has claimed)
// param region: string|null = null  区划路径；含下级区划
// columns: region, code, item, target, basis, source
MATCH (s:SupervisionItem)
WHERE NOT (s)<-[:CLAIMS]-(:Department)
  AND ($region IS NULL OR any(place IN $region_paths WHERE s.region = place OR s.region STARTS WITH (place + '/')))
RETURN s.region AS region, s.code AS code, s.name AS item, s.target AS target, s.basis AS basis, s.source AS source
ORDER BY region, code, item
