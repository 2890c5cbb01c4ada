// name: region_successions
// question: 机构改革沿革：区划内被更名、合并或职责划入其他部门的部门，及其继任部门 (the reforms' renames, mergers and absorptions in a region)
// param region: string|null = null  区划路径，如 示例市；含下级区划
// columns: region, predecessor, successor, kind, date, text, source
// json_only: kind
// sort: region, date, predecessor, successor, source
// One row a document that says so (a rename a notice and the new 三定 both state is two rows, each citing its own):
// `kind` renamed (更名), merged (合并组建) or absorbed (职责划入); `date` the reform document's 施行 date, else its date;
// `text` its sentence. The region is the successor's (撤县设区: 青山县农业农村局 → 青山区农业农村局 is 青山区's). The
// region-wide report lists them (机构改革沿革), as the department's profile does its own (department_successions).
MATCH (p:Department)-[s:SUCCEEDED_BY]->(d:Department)
WHERE $region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/'))
RETURN d.region AS region, p.name AS predecessor, d.name AS successor, s.kind AS kind, coalesce(s.date, '') AS date,
       coalesce(s.text, '') AS text, s.source AS source
