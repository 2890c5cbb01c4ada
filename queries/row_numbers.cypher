// name: row_numbers
// question: 清单各行的序号和编码（出处按其引用） (the 序号 and 编码 of the lists' rows, by which their sources are cited)
// columns: uid, kind, places, seqs, codes
// json_only: uid
// A row's place is its source's after `#` (`职责边界清单!6`, `第3行`); places, seqs and codes are parallel lists, ''
// where a row lacks a 序号 or a 编码 (ingest/row_numbers.py).
MATCH (d:Document)
WHERE size(coalesce(d.row_places, [])) > 0
RETURN d.uid AS uid, d.kind AS kind, d.row_places AS places, d.row_seqs AS seqs, d.row_codes AS codes
ORDER BY uid
