// name: counterparts
// question: 上下对口的县（区）部门与市级部门 (county departments and the city departments they mirror)
// param region: string|null = null  市级区划路径
// columns: county_department, county, city_department
MATCH (a:Department)-[:COUNTERPART]->(b:Department)
WHERE $region IS NULL OR b.region = $region
RETURN a.name AS county_department, a.region AS county, b.name AS city_department
ORDER BY county, county_department, city_department
