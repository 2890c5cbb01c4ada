// name: relationship_counts
// question: 各类关系的数量 (how many relationships of each type)
// columns: type, count
MATCH ()-[r]->()
RETURN type(r) AS type, count(r) AS count
ORDER BY type
