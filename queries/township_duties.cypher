// name: township_duties
// question: 乡镇（街道）履行职责事项清单核对：基本履职、配合履职（牵头部门的三定或权责清单是否写有此项）、上级部门收回事项（收回部门是否写有）
// param township: department|null = null  乡镇（街道）名称，如 安平镇、石岭县安平镇 或 安平镇人民政府；不给则为区划内各乡镇（街道）
// param region: string|null = null  区划路径，如 澄州市/石岭县；含下级区划；撤县设区的县以原路径或区的路径问均可
// columns: township, township_region, part, part_label, category, matter, township_text, department, department_region, department_text, finding, finding_label, holder, evidence, evidence_source, source, department_uid
// json_only: township_region, part, department_region, finding, department_uid
// finish: queries.township_duties.judged
// One row a row of a township's list, and a 配合 or 收回 row once for each county department it names. `part`:
// basic (基本履职事项: the township's own work), assisting (配合履职事项: `department` leads, the township assists),
// reclaimed (上级部门收回事项: `department` took the work back). `finding` (finish, by the evidence who_handles and
// host_assist_ambiguities' lead_without_mandate read): for a department, whether its own 三定 duties or 权责清单
// items state the work: held (with `evidence` and `evidence_source`; a 配合 matter that is the township's
// 巡查/报告/劝阻 of an object is held by a lead whose piece enforces on the object: 查处 after the report); held_by_other (another county department,
// `holder`, states it, the one named does not); not_held (no department of the county states it: on a 配合 row the
// work is put on the township with no department answering for it, 甩锅; on a 收回 row nobody holds it now); or
// no_duties (no 三定 or 权责清单 of it loaded: cannot be told). '' on basic rows. Read as the 调整 notices since each
// 三定 leave the duties: moved_away (its 三定 states the work, a notice since moved it out, cancelled or handed it
// down: `holder` who took it, `evidence` the notice's words and clause). A 收回 row whose matter the township's own
// 权责清单 still lists has a row more: reclaimed_still_listed (`evidence` the township's item). Each item the county
// gave its townships (a 赋权清单's) that the list leaves out is a row first: devolved_not_listed
// (queries/township_devolved.py). A township asked for (or the region asked) that a merger or a 街道 replaced answers
// with its successor's rows and a row more of its own, merged_township (queries/township_merged.py). Rows in each list's order.
MATCH (asked:Department)
WHERE ($township IS NULL OR asked.uid = $township OR asked.name = $township OR $township IN coalesce(asked.aliases, []))
  AND ($region IS NULL OR any(place IN $region_paths WHERE asked.region = place OR asked.region STARTS WITH (place + '/')))
// A township merged into another or made a 街道: its list's rows are its chain end's (r.township follows the chain:
// ingest.load.follow_successions keeps the end as `chain_end`).
WITH DISTINCT coalesce(asked.chain_end, asked.uid) AS uid
MATCH (t:Department {uid: uid})
MATCH (:Department)-[r:LEADS|ASSISTS]->(m:Matter)
WHERE r.township = t.uid
WITH DISTINCT t, m, r.source AS source, r.township_part AS part, coalesce(r.category, '') AS category
OPTIONAL MATCH (t)-[own:LEADS|ASSISTS]->(m)
WHERE own.source = source
OPTIONAL MATCH (d:Department)-[lead:LEADS]->(m)
WHERE lead.source = source AND d.uid <> t.uid
RETURN t.name AS township, t.region AS township_region, part, '' AS part_label, category, m.name AS matter,
       coalesce(own.text, '') AS township_text, coalesce(d.name, '') AS department,
       coalesce(d.region, '') AS department_region, coalesce(lead.text, '') AS department_text, '' AS finding,
       '' AS finding_label, '' AS holder, '' AS evidence, '' AS evidence_source, source, d.uid AS department_uid
