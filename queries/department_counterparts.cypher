// name: department_counterparts
// question: 一个部门的上下对口部门：县（区）部门所对口的市级部门，或市级部门的各县（区）对口部门 (the counterparts of one department, up or down)
// param department: string  部门 uid
// columns: county_uid, county_department, county, city_uid, city_department
// json_only: county_uid, city_uid
MATCH (a:Department)-[:COUNTERPART]->(b:Department)
WHERE a.uid = $department OR b.uid = $department
RETURN a.uid AS county_uid, a.name AS county_department, a.region AS county, b.uid AS city_uid,
       b.name AS city_department
ORDER BY county, county_department, city_department
