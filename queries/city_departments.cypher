// name: city_departments
// question: 各市部门设置对照：一市设有而另一市没有的部门，一市合并设置而另一市分设的部门（如文化广电旅游体育局与文化广电和旅游局、体育局）
// param region: string|null = null  区划路径（省级区划，或空为全图）：比较其下各市本级的部门
// columns: work, city_departments, finding, finding_label, lacking, merged_in
// json_only: finding
// finish: queries.department_sets.compared
// The Cypher gives each city's own departments defined by a 三定 (not its counties'; one renamed or merged in a
// 机构改革 is its successor's): the finish groups them by the line of work they mirror (ingest.counterparts, as a
// county department mirrors its city's) and keeps the lines two cities set up differently.
MATCH (c:Region)-[:HAS_DEPARTMENT]->(d:Department)
WHERE c.level = 'city' AND d.sanding_issued IS NOT NULL AND NOT (d)-[:SUCCEEDED_BY]->()
  AND ($region IS NULL OR c.path = $region OR c.path STARTS WITH ($region + '/'))
RETURN c.path AS city, d.base_name AS base
ORDER BY city, base
