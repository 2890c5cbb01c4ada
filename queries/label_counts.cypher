// name: label_counts
// question: 各类节点的数量 (how many nodes of each label)
// columns: label, count
MATCH (n)
RETURN labels(n)[0] AS label, count(n) AS count
ORDER BY label
