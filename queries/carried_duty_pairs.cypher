// name: carried_duty_pairs
// question: 两个内设机构职责各自承接的部门职责是否相似 (for pairs of office duties, how alike the department duties they carry out are)
// param a: list = []  职责 uid 列表
// param b: list = []  职责 uid 列表，与 a 逐个成对
// columns: a, b, score
// A pair is returned when both office duties carry out (REFINES) a duty of their department; `score` is the
// highest SIMILAR score between those department duties, 0 when none are linked.
UNWIND range(0, size($a) - 1) AS i
MATCH (:Duty {uid: $a[i]})-[:REFINES]->(pa:Duty)
MATCH (:Duty {uid: $b[i]})-[:REFINES]->(pb:Duty)
OPTIONAL MATCH (pa)-[s:SIMILAR]-(pb)
RETURN $a[i] AS a, $b[i] AS b, max(coalesce(s.score, 0.0)) AS score
ORDER BY a, b
