// name: similar_duties
// question: 描述同一工作的职责对（不同部门的主要职责，或同一区划不同部门内设机构的职责） (pairs of duties that describe the same work, as overlaps compares them)
// param threshold: float = 0.5  相似度阈值
// param region: string|null = null  区划路径：两端职责的部门都在其中（含下级区划）；空为全部
// param scope: string|null = null  departments（同一区划部门主要职责）、offices（同一区划内设机构职责）或 levels（市县之间部门主要职责）；空为三者
// columns: a, a_region, a_department, a_office, a_text, a_source, a_carried_from, b, b_region, b_department, b_office, b_text, b_source, b_carried_from, score
// json_only: a, b
// finish: queries.carried_held.pairs_held
// From the departments of the region (a scan of a few thousand nodes), not from every SIMILAR edge.
// A department renamed or merged in a 机构改革 (SUCCEEDED_BY) is no longer one of its region's: its successor is.
// A duty its successor carries (SUCCEEDED_BY `carries`, through a chain too: department_duties) is the successor's
// (`a_department`), the replaced body named in `a_carried_from` ('' for a department's own duty); one the successor's
// own duties restate (alike at the threshold) is that duty already, and left out. Other duties of a replaced body
// are no one's.
MATCH (xa:Department)
WHERE ($region IS NULL OR any(place IN $region_paths WHERE xa.region = place OR xa.region STARTS WITH (place + '/')))
WITH xa  // so that the plan starts here, not from every current duty (the status index)
MATCH (xa)-[:HAS_OFFICE*0..1]->(ha)-[:HAS_DUTY]->(a:Duty)
// A duty its department's latest 三定 no longer states (last_stated before it) is not current work: it was
// dropped by the revision (as department_duties reads it).
WHERE a.status = 'current' AND a.last_stated >= coalesce(xa.sanding_issued, '~') AND NOT coalesce(a.boilerplate, false)
  AND ($scope IS NULL OR (ha:Office) = ($scope = 'offices'))
OPTIONAL MATCH carrying = (xa)-[:SUCCEEDED_BY*1..4]->(ea:Department)
WHERE NOT (ea)-[:SUCCEEDED_BY]->()
  AND all(c IN relationships(carrying) WHERE coalesce(c.carries, false)
          AND (c.carries_after IS NULL OR a.last_stated > c.carries_after)
          AND (ha = xa OR (c.kind = 'renamed' AND c.carries_after IS NULL)))
WITH xa, ha, a, ea, size([(xa)-[:SUCCEEDED_BY]->(successor) | successor]) AS xa_successors
WHERE xa_successors = 0 OR ea IS NOT NULL
WITH ha, a, coalesce(ea, xa) AS da, CASE WHEN ea IS NULL THEN '' ELSE xa.name END AS a_carried_from
// (A pattern inside an OR fails on FalkorDB: the restating duties are counted first.) A duty's `holder` is its
// department's uid or an office's, `office:` + the department's uid without `dept:` (ingest.records.office_uid):
// read so, the restating duties are the carried duty's few SIMILAR neighbours, where patterns joining them to the
// department through its offices cost FalkorDB a scan of every office for every duty (a minute for a city of the
// 10,000-clause bench). A duty not carried reads no neighbours (`a_carried_from <> ''` first: FalkorDB then skips the
// traversal, where a CASE would not), and b's side is read after the region and scope have cut its rows: together
// a city's pairs in 70 ms instead of 240 on that bench.
WITH ha, a, da, a_carried_from,
     size([(a)-[r:SIMILAR]-(w:Duty) WHERE a_carried_from <> '' AND r.score >= $threshold AND w.status = 'current'
             AND (w.holder = da.uid OR w.holder STARTS WITH ('office:' + substring(da.uid, 5) + '/')) | w])
     AS a_restated
WHERE a_carried_from = '' OR a_restated = 0
MATCH (a)-[s:SIMILAR]->(b:Duty)
WHERE s.score >= $threshold AND b.status = 'current' AND NOT coalesce(b.boilerplate, false)
MATCH (hb)-[:HAS_DUTY]->(b)
OPTIONAL MATCH (pb:Department)-[:HAS_OFFICE]->(hb)
WITH a, b, s, da, ha, a_carried_from, hb, coalesce(pb, hb) AS xb
WHERE b.last_stated >= coalesce(xb.sanding_issued, '~') AND (ha:Office) = (hb:Office)
// The same reading of b's side.
OPTIONAL MATCH carrying = (xb)-[:SUCCEEDED_BY*1..4]->(eb:Department)
WHERE NOT (eb)-[:SUCCEEDED_BY]->()
  AND all(c IN relationships(carrying) WHERE coalesce(c.carries, false)
          AND (c.carries_after IS NULL OR b.last_stated > c.carries_after)
          AND (hb = xb OR (c.kind = 'renamed' AND c.carries_after IS NULL)))
// (A pattern predicate on the coalesced `xb` fails on FalkorDB: its successors are counted instead.)
WITH a, b, s, da, ha, a_carried_from, hb, xb, eb, size([(xb)-[:SUCCEEDED_BY]->(successor) | successor]) AS xb_successors
WHERE xb_successors = 0 OR eb IS NOT NULL
WITH a, b, s, da, ha, a_carried_from, hb, coalesce(eb, xb) AS db, CASE WHEN eb IS NULL THEN '' ELSE xb.name END AS b_carried_from
WHERE ($region IS NULL OR any(place IN $region_paths WHERE db.region = place OR db.region STARTS WITH (place + '/')))
  // Only the pairs an overlap scope can hold (two departments' main duties, or two offices' duties of one region),
  // each region read as it is now ($renames: each 撤县设区's county and district): a county's departments no notice
  // renamed are one district's with the renamed ones. (replace, not substring: `substring(now, size(p[0]))` in this
  // query closed the FalkorDB server on the examples with a 撤县设区.)
  AND da <> db
WITH a, b, s, da, ha, a_carried_from, hb, db, b_carried_from,
     reduce(now = da.region, p IN $renames | CASE WHEN now = p[0] THEN p[1] WHEN now STARTS WITH (p[0] + '/')
                                                THEN replace(now, p[0] + '/', p[1] + '/') ELSE now END) AS a_now,
     reduce(now = db.region, p IN $renames | CASE WHEN now = p[0] THEN p[1] WHEN now STARTS WITH (p[0] + '/')
                                                THEN replace(now, p[0] + '/', p[1] + '/') ELSE now END) AS b_now
WHERE (a_now = b_now OR NOT ha:Office) AND ($scope IS NULL OR (a_now <> b_now) = ($scope = 'levels'))
WITH a, b, s, da, ha, a_carried_from, hb, db, b_carried_from,
     size([(b)-[r:SIMILAR]-(w:Duty) WHERE b_carried_from <> '' AND r.score >= $threshold AND w.status = 'current'
             AND (w.holder = db.uid OR w.holder STARTS WITH ('office:' + substring(db.uid, 5) + '/')) | w])
     AS b_restated
WHERE b_carried_from = '' OR b_restated = 0
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
