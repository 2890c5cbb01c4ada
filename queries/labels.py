"""Chinese titles for the columns people read (tables, CSV and Excel files, Markdown); JSON keeps the English keys."""

from __future__ import annotations

COLUMN_LABELS: dict[str, str] = {
    "label": "节点类型", "type": "关系类型", "meaning": "含义", "count": "数量",
    "region": "区划", "department": "部门", "kind": "类型", "rank": "规格", "staff_quota": "编制",
    "leader_posts": "领导职数", "office_leader_posts": "内设机构领导职数", "offices": "内设机构数", "duties": "职责数",
    "issued": "三定日期", "office": "内设机构", "ordinal": "序号", "category": "职责类别", "text": "职责内容",
    "source": "出处", "matter": "事项", "role": "角色", "vague": "模糊主体", "unresolved": "未确认",
    "order": "牵头次序", "reason": "问题", "reason_label": "问题", "host": "主办部门", "leads": "牵头部门",
    "assists": "配合部门", "sources": "出处", "code": "编码", "item": "事项", "target": "监管对象", "basis": "依据",
    "scope": "范围", "cluster_id": "聚类", "group": "组", "score": "相似度", "settled": "已明确牵头", "duty": "职责",
    "suggested": "建议责任部门（依据）", "kind_label": "问题", "evidence": "依据", "domain": "领域",
    "share_label": "划分方式", "by_region": "各区划事项数", "matters": "事项数", "degree": "关联部门数",
    "betweenness": "中介中心度", "county": "县（区）", "county_department": "县（区）部门",
    "city_department": "市级对口部门", "one_to_many": "一对多", "duties_per_post": "人均职责数",
    "robust_z": "稳健z分数", "outlier": "异常", "power_items": "权责事项数", "tie": "难以区分", "weak": "依据不足",
    "holds_no_duties": "图中无其职责", "no_match": "无匹配", "assisting": "配合（职责分工）",
    "lead_dispute": "牵头未定",
    "text_in": "诉求", "runner_up": "次选部门", "line": "行号", "relation": "关系", "members": "成员",
    "suggested_owners": "建议责任部门", "share": "划分方式", "names": "事项", "holders": "持有区划",
    "weight": "共同事项数", "a": "部门甲", "b": "部门乙", "name": "名称", "uid": "标识",
    "mandate": "有相应职责的部门（依据）", "claims": "各出处所列部门", "lead": "牵头部门", "holder": "有相应职责的部门",
    "path": "区划路径", "level": "层级", "parent": "上级区划", "title": "标题", "doc_number": "文号",
    "truncated": "文本不完整", "notes": "说明条数", "sheets": "自有标题的工作表", "sheet_titles": "工作表标题",
    "aliases": "别名（牌子）", "leader_posts_detail": "领导职数明细", "offices_stated": "内设机构数（三定所列）",
    "other_staff": "其他编制", "too_few": "部门过少无法比较", "concerned": "涉及部门",
    "department_basis": "部门依据", "item_source": "权责事项出处", "conflict_label": "冲突类型",
    "finding": "问题类别", "action": "建议处理", "region_name": "区划", "county_name": "县（区）",
    "by_region_name": "各区划事项数", "host_label": "主办部门", "remark": "说明",
    "issue": "问题", "others": "需协调的部门", "see": "详见", "listed_items": "其权责清单所列事项数",
}


# A key that means something else in one answer: who_handles' score (and dispatch's, taken from it) is a BM25
# relevance, not the similarity the other answers score, and its rank is a place in the ranking, not a 规格. The
# staffing load leaves out the duties every department has (机关党建, 交办的其他任务), which the departments table
# counts: the two must not read as one figure.
_IN_ANSWER: dict[tuple[str, str], str] = {("who_handles", "score"): "相关度", ("who_handles", "rank"): "名次",
                                          ("dispatch", "score"): "相关度",
                                          ("dispatch", "runner_up_score"): "次选相关度",
                                          ("dispatch", "matched"): "命中词（≈为词表读法）",
                                          ("dispatch", "note"): "说明", ("dispatch", "id"): "编号",
                                          ("dispatch", "region"): "分派区划",
                                          ("dispatch", "person"): "需人工确定",
                                          # A suggested owner's score is who_handles' relevance of its evidence.
                                          ("orphan_supervision_items", "score"): "相关度",
                                          ("regions", "departments"): "有三定的部门数",
                                          ("documents", "issued"): "印发日期",
                                          ("documents", "effective"): "施行日期", ("documents", "kind"): "文件类型",
                                          ("staffing_load", "duties"): "职责数（不含共性职责）",
                                          # The office duty or power item that still carries the retired duty
                                          # (职责内容), as the web page titles it: not the duty's 依据.
                                          ("undecomposed_duties", "evidence"): "仍在承担的事项",
                                          ("coordination_network.edges", "matters"): "共同事项",
                                          ("staffing_load", "duties_per_post"): "人均职责数（不含共性职责）",
                                          ("documents", "path"): "文件路径", ("holdings", "text"): "本级职责",
                                          ("power_split_matters", "text"): "本级职责",
                                          ("power_split_matters", "item"): "实施的权责事项",
                                          ("unresolved_departments", "candidates"): "相近的已知部门",
                                          ("unresolved_departments", "ties"): "涉及事项数",
                                          # One title on every surface: the page, the files and the report.
                                          ("power_split.conflicts", "kind"): "冲突类型"}


def column_label(key: str, answer: str = "") -> str:
    return _IN_ANSWER.get((answer, key)) or COLUMN_LABELS.get(key, key)


# Codes the answers carry in English (the API contract), as people read them in tables, exports and reports.
VALUE_LABELS: dict[str, str] = {
    "understaffed": "编制偏紧", "overstaffed": "编制偏松",
    "duty": "职责", "office_duty": "内设机构职责", "matter_lead": "牵头事项", "matter_assist": "配合事项",
    "territorial_lead": "属地主体责任",
    "power_item": "权责事项", "supervision_item": "监管事项",
    "LEADS": "牵头", "ASSISTS": "配合", "EXERCISES": "实施", "CLAIMS": "认领",
    # A HOLDS edge's share and role (事权划分): `shared` and `delegated` read as the list's own words already.
    "exclusive": "专有", "holder": "持有", "principal": "委托方", "agent": "受托方",
}

# A city's split (power_split): the share of a cell, the matters held by the city alone, by its counties alone, by
# both, or delegated.
# Overlap scopes as a reader names them, in the order the report gives their groups.
SCOPE_LABELS = {"departments": "同级部门", "levels": "上下级", "offices": "内设机构"}
SHARE_LABELS = {"city_exclusive": "市级专有", "county_exclusive": "县级专有", "shared": "市县共有", "delegated": "委托"}


def note_zh(note: str) -> str:
    """A dispatch row's note as people read it: each part is `中文 / English` (two are joined by `；`: a region not in
    the graph, then sent up to the city); the English is for programs, and reached the files' 说明 column (user
    test)."""
    return "；".join(part.split(" / ")[0] for part in note.split("；") if part)
