// name: matter_parties
// question: 共同事项的牵头和配合部门，及其出处 (every shared matter with its leading and assisting parties)
// param region: string|null = null  区划路径；含下级区划
// columns: matter, matter_uid, region, role, department, department_region, vague, unresolved, order, source, text, territorial, sectoral, formerly
// json_only: matter_uid
// `territorial`: a 属地 list's township 主体责任 (or those who 配合 it), answering for the matter in the township's
// own area only, which is no department's 牵头 at its level. `sectoral`: a 三定 clause's leads that each answer for
// their own line of work (分别负责; the 事中事后监管 of a 审管分离 clause), which are not several leads of one work.
// `formerly`: the body the clause or list row names, where a 机构改革 replaced it and the party is its successor
// (`redirected_from`, ingest.load.follow_successions); null otherwise. The clause's `text` keeps the old name.
MATCH (d:Department)-[r:LEADS|ASSISTS]->(m:Matter)
WHERE ($region IS NULL OR any(place IN $region_paths WHERE m.region = place OR m.region STARTS WITH (place + '/')))
  AND NOT coalesce(r.superseded, false)  // a clause its department's later 三定 no longer states
OPTIONAL MATCH (w:Department {uid: r.redirected_from})
RETURN m.name AS matter, m.uid AS matter_uid, m.region AS region, type(r) AS role, d.name AS department,
       d.region AS department_region, coalesce(d.vague, false) AS vague, coalesce(d.unresolved, false) AS unresolved,
       r.order AS order, r.source AS source, r.text AS text,
       coalesce(r.responsibility, '') = 'territorial' AS territorial,
       coalesce(r.responsibility, '') = 'sectoral' AS sectoral, w.name AS formerly
ORDER BY region, matter, role, order, department, source
