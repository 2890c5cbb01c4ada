// name: list_changes
// question: 清单动态调整：同一清单（权责清单、职责边界清单、监管事项目录、乡镇（街道）履行职责事项清单）前后版本间的变化（新增、删除事项，牵头、配合部门变更，认领状态变更，事项名称变更，乡镇清单的部分变更和县级部门变更）
// param list: string|null = null  清单标题、文件名、载入路径或 uid（任一版本的）；不给则为区划内各清单
// param region: string|null = null  区划路径，如 示例市；含下级区划
// columns: list_title, region, from_version, to_version, change, change_label, matter, before, after, from_source, to_source, list_key, from_uid, to_uid
// json_only: list_key, change, from_uid, to_uid
// finish: queries.list_changes.changes
// The Cypher gives one row a version of each list that has more than one (the current Document and the ListVersion
// nodes of its history, ingest.list_history, and current Documents of one list key, two lists sharing few matters);
// the finish compares each version with the next (ingest.versions.newest_first's order, the one `dutygraph remove`
// brings versions back in: a 撤县设区's county list before its district's, then by date, an undated version placed
// by load order) and gives one row a change: `change`
// added, deleted, renamed, lead_changed, assist_changed, claim_changed, department_changed (a 权责清单's 实施部门); of a 乡镇（街道）
// 履行职责事项清单, part_changed (基本 → 配合 → 收回), assisted_changed, reclaimer_changed. Each row cites both
// versions' files and rows (`from_source`, `to_source`: 文件 序号3（第5行）). Rows by list, then version, then change,
// then matter. A version loaded by a dutygraph before fields version 11 kept no rows (`rows_kept` false): the steps
// to and from it are not compared (every row would read as added), until it is loaded again.
MATCH (d:Document)
WHERE d.list_key IS NOT NULL
  AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
WITH d.list_key AS list_key, collect(d) AS current
OPTIONAL MATCH (v:ListVersion {list_key: list_key})
WITH list_key, current, collect(v) AS history
WITH list_key, current + history AS versions
WHERE size(versions) > 1
  AND ($list IS NULL OR any(x IN versions WHERE x.uid = $list OR x.title = $list OR x.path = $list
                            OR x.path ENDS WITH ('/' + $list)))
UNWIND versions AS x
RETURN list_key, x.uid AS uid, coalesce(x.title, '') AS title, x.kind AS kind, x.region AS region,
       coalesce(x.issued, '') AS issued, x.path AS path, coalesce(x.version_rows, []) AS version_rows,
       x.version_rows IS NOT NULL AS rows_kept, x:Document AS current, x.loaded AS loaded
ORDER BY list_key, uid
