// name: party_departments
// question: 仅见于清单或分工条款的部门（图中无其三定），who_handles 可能给出 (departments known only as a party of a list or clause)
// param region: string|null = null  区划路径，如 示例市 或 示例市/青山县；含下级区划
// finish: queries.chain_names.with_chain_aliases
// aliases: the names it is known by, as the departments query gives them (its own, then its chain's).
// columns: region, department, aliases, kind, rank, staff_quota, leader_posts, office_leader_posts, offices, duties, issued
MATCH (d:Department)
WHERE d.sanding_issued IS NULL AND NOT d.uid CONTAINS '/~' AND NOT d.uid CONTAINS '/@'
  AND ($region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/')))
  AND (d)-[:LEADS|ASSISTS|EXERCISES|CLAIMS]->()
RETURN d.region AS region, d.name AS department, d.uid AS uid, d.aliases AS aliases, d.kind AS kind, d.rank AS rank,
       d.staff_quota AS staff_quota, d.leader_posts AS leader_posts, d.office_leader_posts AS office_leader_posts, 0 AS offices, 0 AS duties,
       null AS issued
ORDER BY region, department
