// name: graph_state
// question: 图谱所载：文件数、最新印发日期与写入次数（导出文件的查询条件所记） (what the graph held when it answered: documents, the latest issue date, its write count)
// columns: documents, latest_issued, version, epoch
MATCH (d:Document)
WITH count(d) AS documents, max(d.issued) AS latest_issued
OPTIONAL MATCH (m:Meta {uid: 'meta:version'})
RETURN documents, latest_issued, m.version AS version, m.epoch AS epoch
