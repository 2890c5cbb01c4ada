// name: headcount
// question: 机构编制实名制统计表所列各部门的核定编制、实有人数和领导职数配备 (posts set and people in post, as each loaded 实名制统计表 counts them)
// param region: string|null = null  区划路径；含下级区划
// columns: department_uid, region, department, staff_type, quota, actual, vacant, over, leader_set, leader_filled, as_of, table_uid, table_title, table_path, source
// json_only: department_uid, table_uid, table_path
// A row of a 机构编制实名制统计表 is a HEADCOUNT edge from its department to the table (ingest.headcount): its
// 编制类型 ('' where the table has none: the 行政编制), 核定编制数 and 实有人数 on its 统计时点 (`as_of`), the
// 空编数 and 超编数 it writes, its 领导职数 by rank set and filled (`正科级 4`). staffing_load reads the newest
// table's row of each department and 编制类型 (queries.headcount).
MATCH (d:Department)-[h:HEADCOUNT]->(t:Document)
WHERE $region IS NULL OR any(place IN $region_paths WHERE d.region = place OR d.region STARTS WITH (place + '/'))
RETURN d.uid AS department_uid, d.region AS region, d.name AS department, h.staff_type AS staff_type,
       h.quota AS quota, h.actual AS actual, h.vacant AS vacant, h.over AS over,
       coalesce(h.leader_set, []) AS leader_set, coalesce(h.leader_filled, []) AS leader_filled, h.as_of AS as_of,
       t.uid AS table_uid, coalesce(t.title, '') AS table_title, t.path AS table_path, h.source AS source
ORDER BY region, department, staff_type, as_of, source
