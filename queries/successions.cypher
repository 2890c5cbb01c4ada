// name: successions
// question: 机构改革：各被更名、合并或划入的部门及其继任部门 (every body a 机构改革 replaced, and what replaced it)
// columns: predecessor, predecessor_uid, successor, successor_uid, successor_region
// json_only: predecessor_uid, successor_uid
// sort: predecessor, successor, predecessor_uid, successor_uid
// One row a pair (a rename a notice and a 三定 both state is one). who_handles follows a body to the department that
// stands for it now (queries.notice_evidence): the work a notice moved into it is that department's to answer for.
MATCH (p:Department)-[:SUCCEEDED_BY]->(s:Department)
WITH DISTINCT p, s
RETURN p.name AS predecessor, p.uid AS predecessor_uid, s.name AS successor, s.uid AS successor_uid,
       s.region AS successor_region
