// name: counterparts
// question: 上下对口的县（区）部门与市级部门 (county departments and the city departments they mirror)
// param region: string|null = null  区划路径：市级区划为其县（区）与本级的对口，县级区划为该县（区）的对口；空为全部
// columns: county_department, county, city_department
MATCH (a:Department)-[:COUNTERPART]->(b:Department)
// (One any() for both sides: on FalkorDB `b.region IN $region_paths OR any(…)` here matched nothing.)
WHERE ($region IS NULL
       OR any(place IN $region_paths WHERE b.region = place OR a.region = place OR a.region STARTS WITH (place + '/')))
  AND NOT (a)-[:SUCCEEDED_BY]->() AND NOT (b)-[:SUCCEEDED_BY]->()  // neither renamed nor merged in a 机构改革
RETURN a.name AS county_department, a.region AS county, b.name AS city_department
ORDER BY county, county_department, city_department
