// name: documents
// question: 已载入的文件 (the documents in the graph)
// columns: uid, title, kind, region, issued, effective, doc_number, path, truncated, notes, sheets, sheet_titles
// json_only: uid
MATCH (d:Document)
RETURN d.uid AS uid, d.title AS title, d.kind AS kind, d.region AS region, d.issued AS issued, d.effective AS effective,
       d.doc_number AS doc_number, d.path AS path, d.truncated AS truncated, size(coalesce(d.notes, [])) AS notes,
       coalesce(d.sheet_names, []) AS sheets, coalesce(d.sheet_titles, []) AS sheet_titles
ORDER BY issued DESC, title
