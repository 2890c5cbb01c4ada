// name: power_item_review
// question: 权责清单合法性审查：事项无设定依据、依据未写明法律法规、处罚许可强制的依据仅为规范性文件、实施主体不是已知部门、实施主体的三定没有对应职责、未写责任事项或追责情形、同一事项多个部门实施（多头执法）、同一部门重复列项
// param region: string|null = null  区划路径，如 示例市/青山县；含下级区划
// columns: region, department, item, type, code, finding_label, basis, detail, source, finding, department_uid, item_uid
// json_only: finding, department_uid, item_uid
// sort: region, department, item, code, item_uid
// finish: queries.power_review.review
// The Cypher gives one row a power item and the department its list names as 实施主体 (an unresolved name too: a
// department the graph knows no 三定 of); the finish reads the 依据 and compares the items (queries/power_review.py)
// and gives one row a finding: no_basis, no_law_named, basis_cannot_set, holder_unknown, no_mandate (its holder's
// 三定 has no duty like it: queries/power_mandate.py), devolved_still_listed (a department lists a power its county
// gave the townships: lower governments as a whole, holder_kind 属地, exercise it too; not where its 备注 says 下放,
// and devolved_entrusted, a 说明, where it says 委托), no_taking_office (a township of the county whose 三定 has no
// office the 承接主体 names, one row listing its items: queries/township_takers.py), no_responsibility (a 处罚, 许可, 强制, 征收 or 检查 whose list has
// a 责任事项 or 追责情形 column left empty in its row), several_departments, repeated. Rows by region, department, item, then finding.
MATCH (d:Department)-[:EXERCISES]->(p:PowerItem)
WHERE coalesce(d.vague, false) = false
  AND ($region IS NULL OR any(place IN $region_paths WHERE p.region = place OR p.region STARTS WITH (place + '/')))
RETURN p.region AS region, d.name AS department, d.uid AS department_uid, coalesce(d.kind, '') AS holder_kind,
       coalesce(d.unresolved, false) AS unresolved, coalesce(d.candidates, []) AS candidates,
       p.name AS item, p.uid AS item_uid, coalesce(p.main_item, '') AS main_item,
       coalesce(p.sub_item, '') AS sub_item, p.type AS type, coalesce(p.code, '') AS code,
       coalesce(p.basis, '') AS basis, p.source AS source,
       p.responsibilities AS responsibilities, p.accountability AS accountability,  // null: the list has no such column
       coalesce(p.devolution, '') AS devolution  // its 备注: entrusted (委托乡镇实施), devolved (已下放乡镇) or ''
