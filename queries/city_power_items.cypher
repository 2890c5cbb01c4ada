// name: city_power_items
// question: 市级部门实施的权责事项 (power items exercised by a city's own departments)
// param city: string  市级区划路径，如 示例市
// columns: department, item, source
MATCH (d:Department)-[:EXERCISES]->(p:PowerItem)
WHERE d.region = $city
RETURN d.name AS department, p.name AS item, p.main_item AS main_item, p.sub_item AS sub_item, p.source AS source
ORDER BY department, item
