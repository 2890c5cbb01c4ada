// name: similar_duties_around
// question: 与一个部门（含内设机构）或给定职责相似的职责对 (the similar pairs that touch one department's duties or the given duties)
// param department: string|null = null  部门 uid：从该部门及其内设机构的职责出发
// param duties: list = []  职责 uid 列表（逗号分隔）
// param threshold: float = 0.5  相似度阈值
// columns: a, a_region, a_department, a_office, a_text, a_source, a_carried_from, b, b_region, b_department, b_office, b_text, b_source, b_carried_from, score
// json_only: a, b
// One step of a walk along SIMILAR edges: each call starts from a few duties through the uid index. The department's
// duties are its own and those it carries from the bodies a 机构改革 replaced (as similar_duties reads them).
OPTIONAL MATCH (:Department {uid: $department})<-[:SUCCEEDED_BY*0..4]-(:Department)-[:HAS_OFFICE*0..1]->()
               -[:HAS_DUTY]->(own:Duty)
WITH collect(DISTINCT own.uid) + $duties AS seeds
UNWIND seeds AS seed
MATCH (:Duty {uid: seed})-[s:SIMILAR]-(:Duty)
WITH DISTINCT s
WITH s, startNode(s) AS a, endNode(s) AS b
WHERE s.score >= $threshold AND a.status = 'current' AND b.status = 'current'
  AND NOT coalesce(a.boilerplate, false) AND NOT coalesce(b.boilerplate, false)
MATCH (ha)-[:HAS_DUTY]->(a)
MATCH (hb)-[:HAS_DUTY]->(b)
OPTIONAL MATCH (pa:Department)-[:HAS_OFFICE]->(ha)
OPTIONAL MATCH (pb:Department)-[:HAS_OFFICE]->(hb)
WITH a, b, s, ha, hb, coalesce(pa, ha) AS xa, coalesce(pb, hb) AS xb
// Both still stated by their department's latest 三定 (as similar_duties).
WHERE a.last_stated >= coalesce(xa.sanding_issued, '~') AND b.last_stated >= coalesce(xb.sanding_issued, '~')
// A replaced body's duty is its successor's where the successor carries it, no one's otherwise (as similar_duties).
OPTIONAL MATCH carrying = (xa)-[:SUCCEEDED_BY*1..4]->(ea:Department)
WHERE NOT (ea)-[:SUCCEEDED_BY]->()
  AND all(c IN relationships(carrying) WHERE coalesce(c.carries, false)
          AND (c.carries_after IS NULL OR a.last_stated > c.carries_after)
          AND (ha = xa OR (c.kind = 'renamed' AND c.carries_after IS NULL)))
WITH a, b, s, ha, hb, xa, xb, ea
OPTIONAL MATCH carrying = (xb)-[:SUCCEEDED_BY*1..4]->(eb:Department)
WHERE NOT (eb)-[:SUCCEEDED_BY]->()
  AND all(c IN relationships(carrying) WHERE coalesce(c.carries, false)
          AND (c.carries_after IS NULL OR b.last_stated > c.carries_after)
          AND (hb = xb OR (c.kind = 'renamed' AND c.carries_after IS NULL)))
// (A pattern predicate on a coalesced department fails on FalkorDB: their successors are counted instead.)
WITH a, b, s, ha, hb, xa, xb, ea, eb, size([(xa)-[:SUCCEEDED_BY]->(successor) | successor]) AS xa_successors,
     size([(xb)-[:SUCCEEDED_BY]->(b_successor) | b_successor]) AS xb_successors
WHERE (xa_successors = 0 OR ea IS NOT NULL) AND (xb_successors = 0 OR eb IS NOT NULL)
WITH a, b, s, ha, hb, coalesce(ea, xa) AS da, coalesce(eb, xb) AS db,
     CASE WHEN ea IS NULL THEN '' ELSE xa.name END AS a_carried_from,
     CASE WHEN eb IS NULL THEN '' ELSE xb.name END AS b_carried_from
// Only the pairs an overlap scope can hold (as similar_duties, each region read as it is now), before the restating
// duties are read.
WHERE da <> db AND (ha:Office) = (hb:Office)
  AND (NOT ha:Office
       OR reduce(now = da.region, p IN $renames | CASE WHEN now = p[0] THEN p[1] WHEN now STARTS WITH (p[0] + '/')
                                                   THEN replace(now, p[0] + '/', p[1] + '/') ELSE now END)
        = reduce(now = db.region, p IN $renames | CASE WHEN now = p[0] THEN p[1] WHEN now STARTS WITH (p[0] + '/')
                                                   THEN replace(now, p[0] + '/', p[1] + '/') ELSE now END))
// A carried duty its successor's own duties restate is that duty already (as similar_duties, read as it reads it).
// (Two pattern comprehensions of one clause must not name a variable alike: FalkorDB reads the second with the
// first's binding, and a carried duty its successor restated stayed in a department's overlaps.)
WITH a, b, s, ha, hb, da, db, a_carried_from, b_carried_from,
     size([(a)-[r:SIMILAR]-(w:Duty) WHERE a_carried_from <> '' AND r.score >= $threshold AND w.status = 'current'
             AND (w.holder = da.uid OR w.holder STARTS WITH ('office:' + substring(da.uid, 5) + '/')) | w])
     AS a_restated,
     size([(b)-[rb:SIMILAR]-(wb:Duty) WHERE b_carried_from <> '' AND rb.score >= $threshold AND wb.status = 'current'
             AND (wb.holder = db.uid OR wb.holder STARTS WITH ('office:' + substring(db.uid, 5) + '/')) | wb])
     AS b_restated
WHERE (a_carried_from = '' OR a_restated = 0) AND (b_carried_from = '' OR b_restated = 0)
// An office is named as its 三定 writes it, its other names (加挂, 合署) in brackets: 法规股（行政审批股）. Its stored
// name and uid stay the first name alone, which programs and the draft check join on.
RETURN a.uid AS a, da.region AS a_region, da.name AS a_department,
       CASE WHEN ha:Office THEN ha.label ELSE '' END AS a_office,
       a.text AS a_text, a.source AS a_source, a_carried_from,
       b.uid AS b, db.region AS b_region, db.name AS b_department,
       CASE WHEN hb:Office THEN hb.label ELSE '' END AS b_office,
       b.text AS b_text, b.source AS b_source, b_carried_from,
       s.score AS score
ORDER BY a, b
