// name: supervision_item_terms
// question: 每个监管事项的内容词（用于识别事项共用的套语，如“对…的监督检查”） (each supervision item's content terms)
// columns: uid, text, content
// json_only: uid
MATCH (s:SupervisionItem)
RETURN s.uid AS uid, s.name AS text, s.content AS content
ORDER BY uid
