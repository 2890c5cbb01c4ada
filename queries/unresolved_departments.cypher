// name: unresolved_departments
// question: 未能确认的部门名称：清单或分工文件提到、但没有三定对应的部门，及最接近的名称 (parties no 三定 defines, with the nearest known names)
// param region: string|null = null  区划路径；含下级区划
// columns: region, department, candidates, ties, source
MATCH (d:Department)
WHERE coalesce(d.unresolved, false)
  AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
OPTIONAL MATCH (d)-[t:EXERCISES|LEADS|ASSISTS|CLAIMS]->()
RETURN d.region AS region, d.name AS department, d.candidates AS candidates, count(t) AS ties, d.source AS source
ORDER BY region, department
