// name: sheet_titles
// question: 自有标题的工作表 (the sheets of a workbook whose rows cite a title other than their document's)
// columns: uid, sheets, titles
MATCH (d:Document)
WHERE size(coalesce(d.sheet_names, [])) > 0
RETURN d.uid AS uid, d.sheet_names AS sheets, d.sheet_titles AS titles
ORDER BY uid
