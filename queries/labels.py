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
    "scope": "范围", "cluster_id": "编号", "group": "组", "score": "相似度", "settled": "已明确牵头", "duty": "职责",
    "suggested": "建议责任部门（依据）", "kind_label": "问题", "evidence": "依据", "domain": "领域",
    "share_label": "划分方式", "by_region": "各区划事项数", "matters": "事项数", "degree": "关联部门数",
    "city_shares": "各市划分方式", "split_differs": "各市划分不同",
    "by_county": "各县（区）事项数", "differs": "各县（区）不同",
    "betweenness": "中介中心度", "county": "县（区）", "county_department": "县（区）部门",
    "city_department": "市级对口部门", "one_to_many": "一对多", "duties_per_post": "人均职责数",
    # counterpart_duties: a county duty beside its city counterpart's.
    "county_duty": "县（区）职责", "county_ordinal": "县（区）职责序号", "county_source": "县（区）职责出处",
    "city_duty": "市级职责", "city_ordinal": "市级职责序号", "city_source": "市级职责出处",
    # check-draft: the 三定 in force (现行) beside the draft (草案).
    "change": "变化", "old_ordinal": "现行序号", "old_text": "现行条文", "new_ordinal": "草案序号",
    "new_text": "草案条文", "draft_place": "草案条款", "old_office": "现行名称", "new_office": "草案名称",
    "fact": "项目", "old_value": "现行", "new_value": "草案", "delta": "增减", "old_leads": "现行牵头部门",
    "old_assists": "现行配合部门", "new_leads": "草案牵头部门", "new_assists": "草案配合部门",
    "other_department": "其他部门", "other_ordinal": "其职责序号", "other_text": "其职责内容",
    "other_source": "其职责出处", "already": "现行三定已有",
    "robust_z": "稳健z分数", "outlier": "异常", "power_items": "权责事项数", "tie": "难以区分", "weak": "依据不足",
    "holds_no_duties": "图中无其职责", "no_match": "无匹配", "assisting": "配合（职责分工）",
    # who_handles and dispatch: work given to the townships, the complaint naming none (queries.township_given).
    "township_unnamed": "需确定事发地乡镇（街道）",
    # dispatch and who_handles asked of a province: a complaint naming no place (queries.province_places).
    "place_unnamed": "需确定事发地（市、县）",
    "lead_dispute": "牵头未定",
    # conflicting_leads: the newer of the documents naming different leads, and the sentence saying what follows.
    "newer_lead": "较新文件所定牵头", "newer_note": "文件先后",
    "overlap_cluster": "职责交叉编号", "overlap_note": "职责交叉说明",
    "text_in": "诉求", "runner_up": "次选部门", "line": "行号", "relation": "关系", "members": "成员",
    "suggested_owners": "建议责任部门", "share": "划分方式", "names": "事项", "holders": "持有区划",
    "weight": "共同事项数", "a": "部门甲", "b": "部门乙", "name": "名称", "uid": "标识",
    "mandate": "有相应职责的部门（依据）", "claims": "各出处所列部门", "lead": "牵头部门", "holder": "有相应职责的部门",
    "path": "区划路径", "level": "层级", "parent": "上级区划", "title": "标题", "doc_number": "文号",
    "truncated": "文本不完整", "notes": "说明条数", "sheets": "自有标题的工作表", "sheet_titles": "工作表标题",
    "aliases": "别名（牌子）", "leader_posts_detail": "领导职数明细", "offices_stated": "内设机构数（三定所列）",
    # The clause a department's fact was read from (ingest.records, fields version 22): its profile, staffing_load.
    "rank_source": "规格所据条款", "supervisor": "主管部门", "supervisor_source": "主管部门所据条款",
    "staffing_source": "编制数所据条款", "offices_stated_source": "内设机构数所据条款",
    "offices_source": "内设机构所据条款",
    "other_staff": "其他编制", "too_few": "部门过少无法比较", "concerned": "涉及部门",
    "department_basis": "部门依据", "item_source": "权责事项出处", "conflict_label": "冲突类型",
    "finding": "问题类别", "action": "建议处理", "region_name": "区划", "county_name": "县（区）",
    "by_region_name": "各区划事项数", "host_label": "主办部门", "remark": "说明",
    "issue": "问题", "others": "需协调的部门", "see": "详见", "listed_items": "其权责清单所列事项数",
    "exact": "名称或别名完全相符", "boilerplate": "共性职责", "refined_by": "承接的内设机构职责数",
    "carries": "承接的部门职责", "carried_by": "承接的内设机构", "content": "内容词", "status": "状态",
    "department_region": "部门所在区划", "last_stated": "最近载明日期", "base_name": "部门基本名称",
    # duties_in_force and sanding_versions: a document's 施行日期, else its 印发日期.
    "in_force_from": "施行日期",
    "territorial_leads": "属地主体责任单位", "territorial": "属地管理", "sectoral": "分别负责",
    # A party a 机构改革 renamed or merged: host_assist_ambiguities' `X（原为Y）`, matter_parties' Y.
    "formerly": "机构改革前名称",
    # A party or a suggested owner the graph holds no 三定 of; the sectors whose safety an owner's 三定 gives it.
    "no_sanding": "图中无其三定", "sector_safety": "行业主管（管行业必须管安全）",
    "sector_rule": "管行业必须管安全条款", "sector_rule_source": "条款出处", "sector_rule_kind": "条款来源类别",
    # department_duties: a duty a reform by notice alone carried from the body it replaced, and that notice's clause.
    "carried_from": "承继自（机构改革前部门）", "ground_source": "承继依据（调整通知条款）",
    # A department no 三定 of its own defines: the date of the notice's 机构改革 that made it (not a 三定 date).
    "reform_date": "机构改革日期（无本部门三定）",
    # successions: each body a 机构改革 replaced and what replaced it.
    "predecessor": "被更名或并入的部门", "successor": "继任部门", "successor_region": "继任部门区划",
    # Figures a department shows from a body a chain of renames by notice replaced (queries.lent_staffing).
    "staffing_from": "编制数据来源", "lender": "承继自", "steps": "更名次数", "figures": "所载数据",
    "own": "本部门所载数据",
    # A power item's 责任事项 and 追责情形, as its 权责清单's columns are titled.
    "responsibilities": "责任事项", "accountability": "追责情形",
}

# A pair of duties (similar_duties, similar_duties_around): each side's fields, 甲 and 乙, as 部门甲 and 部门乙 are.
_PAIR_FIELDS = {"region": "区划", "department": "部门", "office": "内设机构", "text": "职责", "source": "出处",
                "carried_from": "承继自"}
_DUTY_PAIRS = {(answer, f"{side}_{key}"): f"{title}{mark}" for answer in ("similar_duties", "similar_duties_around")
               for side, mark in (("a", "甲"), ("b", "乙")) for key, title in _PAIR_FIELDS.items()}


# A key that means something else in one answer: who_handles' score (and dispatch's, taken from it) is a BM25
# relevance, not the similarity the other answers score, and its rank is a place in the ranking, not a 规格. The
# staffing load leaves out the duties every department has (机关党建, 交办的其他任务), which the departments table
# counts: the two must not read as one figure.
_IN_ANSWER: dict[tuple[str, str], str] = {("who_handles", "score"): "相关度", ("who_handles", "rank"): "名次",
                                          ("who_handles", "devolved"): "乡镇赋权说明",
                                          ("dispatch", "devolved"): "乡镇赋权说明",
                                          ("who_handles", "power_split"): "市县事权划分说明",
                                          ("dispatch", "power_split"): "市县事权划分说明",
                                          ("dispatch", "score"): "相关度",
                                          ("dispatch", "runner_up_score"): "次选相关度",
                                          ("dispatch", "matched"): "命中词（≈为词表读法）",
                                          ("dispatch", "note"): "说明", ("dispatch", "id"): "编号",
                                          ("dispatch", "region"): "分派区划",
                                          ("dispatch", "person"): "需人工确定",
                                          # A suggested owner's score is who_handles' relevance of its evidence.
                                          ("orphan_supervision_items", "score"): "相关度",
                                          ("orphan_supervision_items", "duty"): "三定职责",
                                          ("orphan_supervision_items", "duty_source"): "三定出处",
                                          ("regions", "departments"): "有三定的部门数",
                                          ("regions", "status"): "区划状态",
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
                                          ("power_split.conflicts", "kind"): "冲突类型",
                                          ("power_split.differences", "kind"): "差异",
                                          ("power_split.differences", "region"): "县（区）",
                                          ("counterpart_duties", "relation"): "对照结果",
                                          # The 三定 in force's clause, beside the draft's (草案条款).
                                          ("check_draft.duties", "source"): "现行出处",
                                          ("check_draft.offices", "source"): "现行出处",
                                          ("check_draft.office_duties", "source"): "现行出处",
                                          ("check_draft.divisions", "source"): "现行出处",
                                          # The draft's 职能转变, each piece of work it moves checked.
                                          ("department_transfers", "direction"): "划转方向",
                                          ("department_transfers", "other"): "对方部门",
                                          ("department_transfers", "what"): "划转的职责",
                                          ("check_draft.changes", "kind"): "转变类型",
                                          ("check_draft.changes", "text"): "职能转变原文",
                                          ("check_draft.changes", "counterpart"): "对方部门",
                                          ("check_draft.changes", "giver"): "划出部门（其他部门间划转）",
                                          ("check_draft.changes", "unknown_side"): "图中无现行三定的一方",
                                          ("check_draft.changes", "finding"): "核对结果",
                                          ("check_draft.changes", "evidence"): "相关条文或事项",
                                          ("check_draft.changes", "evidence_place"): "所在草案条款",
                                          ("check_draft.changes", "evidence_source"): "图中出处",
                                          # A role's detail is its relation's: a matter's basis, a power item's
                                          # type, a supervision item's target.
                                          ("department_roles", "detail"): "依据、类型或监管对象",
                                          # Texts that are not a duty's: a power item's or a matter's name too,
                                          # the 职责分工 clause or list row that names the parties, an item's name.
                                          ("evidence", "text"): "内容", ("matter_assists", "text"): "事项",
                                          ("matter_parties", "text"): "职责分工原文",
                                          ("supervision_item_terms", "text"): "监管事项",
                                          # Two office duties given by uid, and how alike the department duties
                                          # they carry out are: no name to show instead.
                                          ("carried_duty_pairs", "a"): "内设机构职责甲（标识）",
                                          ("carried_duty_pairs", "b"): "内设机构职责乙（标识）",
                                          ("carried_duty_pairs", "score"): "所承接部门职责的相似度",
                                          # A department's 三定 and 调整 notices (三定沿革): 施行日期 is the day
                                          # each came into force (in_force_from), the one it states may be empty.
                                          ("sanding_versions", "kind"): "文件类型",
                                          ("sanding_versions", "issued"): "印发日期",
                                          ("sanding_versions", "effective"): "所载施行日期",
                                          ("sanding_versions", "duties"): "部门职责数",
                                          ("sanding_versions", "offices"): "内设机构",
                                          ("duties_in_force", "source"): "出处（当时施行的文件）",
                                          # A power item's offices: the list's own column title.
                                          ("department_profile.power_items", "offices"): "承办科室",
                                          ("department_power_items", "offices"): "承办科室",
                                          ("department_power_items", "kind"): "事项类型",
                                          ("department_roles", "offices"): "承办科室",
                                          # A power item's 依据: the one that sets the power, as power_item_review
                                          # titles it (lists call it 设定依据 or 实施依据).
                                          ("department_profile.power_items", "basis"): "设定依据（实施依据）",
                                          ("department_power_items", "basis"): "设定依据（实施依据）",
                                          ("department_roles", "basis"): "设定依据（实施依据）",
                                          # A 监管事项目录's own column title.
                                          ("department_profile.supervision_items", "basis"): "设定依据",
                                          ("department_supervision_items", "basis"): "设定依据",
                                          **_DUTY_PAIRS}


def column_label(key: str, answer: str = "") -> str:
    return _IN_ANSWER.get((answer, key)) or COLUMN_LABELS.get(key, key)


# Codes the answers carry in English (the API contract), as people read them in tables, exports and reports.
VALUE_LABELS: dict[str, str] = {
    "understaffed": "编制偏紧", "overstaffed": "编制偏松",
    "duty": "职责", "office_duty": "内设机构职责", "matter_lead": "牵头事项", "matter_assist": "配合事项",
    "territorial_lead": "属地主体责任",
    "power_item": "权责事项", "supervision_item": "监管事项",
    "LEADS": "牵头", "ASSISTS": "配合", "EXERCISES": "实施", "CLAIMS": "认领",
    "HEADCOUNT": "实名制统计", "SAFETY_DUTY": "安委会成员单位职责",
    # A HOLDS edge's share and role (事权划分): `shared` and `delegated` read as the list's own words already.
    "exclusive": "专有", "holder": "持有", "principal": "委托方", "agent": "受托方",
    # counterpart_duties' relation, and check-draft's changes and staffing facts.
    "mirrored": "与市级对应", "county_only": "县级独有", "city_only": "县级未列",
    "added": "新增", "removed": "删除", "reworded": "改写", "changed": "调整", "unchanged": "未变",
    "increased": "增加", "decreased": "减少", "established": "新设", "abolished": "撤销", "renamed": "更名",
    "staff_quota": "行政编制", "other_staff": "其他编制", "leader_posts": "领导职数",
    "leader_posts_detail": "领导职数明细", "office_leader_posts": "内设机构领导职数", "office_count": "内设机构数",
}

# The documents of a department's 三定沿革 (sanding_versions' kind).
VERSION_KIND_LABELS = {"sanding": "三定规定", "amendment": "调整职责机构编制通知"}
# Documents of no department and no list (the documents view's kind): a 区划调整 notice (ingest.region_notice).
DOCUMENT_KIND_LABELS = {"region_notice": "区划调整通知"}

# What a row's sector_rule is (queries.sector_safety.sector_basis): the department's 安委会 paragraph, else the
# region's 三定 clause for every sector; the page, the CLI and the files name it before the clause.
SECTOR_RULE_KIND_LABELS = {"safety_committee": "安委会职责", "sanding": "三定规定"}

# A retired duty's status (retired_duties), as a 职能转变 clause says it.
DUTY_STATUS_LABELS = {"cancelled": "已取消", "devolved": "已下放", "transferred": "已划出"}

# check-draft's 职能转变: the kind of each change, and what checking it found (queries.draft_changes).
DRAFT_CHANGE_KIND_LABELS = {"cancelled": "取消", "devolved": "下放", "transferred_out": "划出",
                            "transferred_in": "划入", "moved": "其他部门间划转"}
TRANSFER_DIRECTION_LABELS = {"in": "划入", "out": "划出"}
DRAFT_CHANGE_FINDING_LABELS = {
    "still_in_draft": "草案仍写有此项", "still_listed": "权责清单仍列有此项，需同步调整",
    "giver_still_holds": "划出部门现行三定仍写有此项，需同步修订",
    "receiver_lacks": "接收部门现行三定未写有此项，需同步修订",
    "counterpart_unknown": "图中没有对方部门的现行三定，无法核对", "none": "未发现问题"}
# Which side of a transfer the graph holds no 三定 in force of (counterpart_unknown).
DRAFT_UNKNOWN_SIDE_LABELS = {"giver": "划出部门", "receiver": "接收部门", "both": "划出部门和接收部门"}

# A city's split (power_split): the share of a cell, the matters held by the city alone, by its counties alone, by
# both, or delegated.
# Overlap scopes as a reader names them, in the order the report gives their groups.
SCOPE_LABELS = {"departments": "同级部门", "levels": "上下级", "offices": "内设机构"}
SHARE_LABELS = {"city_exclusive": "市级专有", "county_exclusive": "县级专有", "shared": "市县共有", "delegated": "委托"}
# How one county's holding of a matter differs from the other counties' (power_split's differences).
DIFFERENCE_LABELS = {"held_alone": "仅此县（区）持有", "lacked_alone": "仅此县（区）未持有"}


def note_zh(note: str) -> str:
    """A dispatch row's note as people read it: each part is `中文 / English` (two are joined by `；`: a region not in
    the graph, then sent up to the city); the English is for programs, and reached the files' 说明 column (user
    test)."""
    return "；".join(part.split(" / ")[0] for part in note.split("；") if part)


# An exported file's 查询条件 (queries.asked): its two columns, and each parameter of a question by the name people
# know it by (a named query's own parameters fall back to the column of that name: uid 标识).
COLUMN_LABELS |= {"asked_item": "项目", "asked_value": "内容"}
_IN_ANSWER |= {("graph_state", "documents"): "文件数", ("graph_state", "latest_issued"): "最新印发日期",
               ("graph_state", "version"): "写入次数", ("graph_state", "epoch"): "图谱编号"}
# row_numbers: a list's numbered rows, by which their sources are cited (queries.sources).
COLUMN_LABELS |= {"places": "行位置（工作表!行）", "seqs": "序号", "codes": "编码"}
PARAM_LABELS: dict[str, str] = {
    "text": "诉求或事项文本", "region": "区划", "city": "市", "department": "部门", "name": "部门", "uid": "部门",
    "threshold": "相似度阈值", "scope": "范围", "limit": "返回部门数", "settled": "已明确牵头", "q": "名称检索",
    "parties": "含仅见于清单或分工条款的部门", "domain": "领域", "share": "划分方式", "table": "表",
    "query": "Cypher 查询", "params": "Cypher 查询参数", "file": "文件", "column": "诉求列", "region_column": "区划列",
    "complaints": "诉求条数", "routed_within": "分派区划（未指定区划时）", "checked_department": "核对的部门",
    "row_limit": "行数限制",
}


def param_label(name: str) -> str:
    return PARAM_LABELS.get(name) or COLUMN_LABELS.get(name, name)


# duties_in_force: on the date asked, a duty is current, or a 调整 notice in force by then moved it out, cancelled or
# devolved it (queries.moved_out); the notice's words for the work, who took it (or, for work moved in, who gave it),
# the notice's clause and the day it came into force say why.
IN_FORCE_STATUS_LABELS = {"current": "现行", **DUTY_STATUS_LABELS}
# A clause that says more than the work a notice moved out: the rest is still the department's (queries.moved_out).
IN_FORCE_STATUS_LABELS["partly_transferred"] = "部分划出"
# So with part of a clause a notice cancels or hands down.
IN_FORCE_STATUS_LABELS |= {"partly_cancelled": "部分取消", "partly_devolved": "部分下放"}
_IN_ANSWER |= {("duties_in_force", "status"): "当日状态", ("duties_in_force", "change"): "通知所述的职责",
               ("duties_in_force", "counterpart"): "划转的对方部门",
               ("duties_in_force", "change_source"): "变更依据（调整通知条款）",
               ("duties_in_force", "changed_on"): "变更施行日期"}
# department_duties: today's state of each current clause, as duties_in_force reads it on the newest date, so that a
# clause a 调整 notice moved out since the 三定 reads 已划出 (the row stays).
_IN_ANSWER |= {("department_duties", "status"): "现状", ("department_duties", "change"): "调整通知所述的职责",
               ("department_duties", "counterpart"): "划转的对方部门"}
# The department profile's duty and office tables carry department_duties' status columns, under the same titles.
_IN_ANSWER |= {(f"department_profile.{table}", key): _IN_ANSWER[("department_duties", key)]
               for table in ("duties", "offices") for key in ("status", "change", "counterpart")}
# So does a department's report's table of its offices' duties (user test: 状态, 变化 and counterpart over it).
_IN_ANSWER |= {("department_offices", key): _IN_ANSWER[("department_duties", key)]
               for key in ("status", "change", "counterpart")}
# stated_duties: the lower governments a notice hands devolved work to, as it names them.
_IN_ANSWER |= {("stated_duties", "devolved_to"): "下放至"}
_IN_ANSWER |= {("power_split_unloaded", "cities"): "未载入市县事权划分清单的市"}

# staffing_load, as an 编办 assessing how departments keep to their 三定 reads it: the number of offices set (by the
# 三定, or by a later 调整 notice's totals) beside those held, the county department beside its city counterpart, and
# what the figures fail (超出核定, 不符, 相差悬殊) in words.
# departments: a 内设机构数 that is the number set where the documents list no office (设19个内设机构).
_IN_ANSWER |= {("departments", "offices_unlisted"): "内设机构未逐一列出（为核定数）"}
_IN_ANSWER |= {("staffing_load", "offices_stated"): "核定内设机构数",
               ("staffing_load", "office_leader_posts_detail"): "内设机构领导职数明细",
               ("staffing_load", "counterpart"): "市级对口部门",
               ("staffing_load", "counterpart_duties_per_post"): "市级对口部门人均职责数",
               ("staffing_load", "counterpart_ratio"): "为市级对口部门的倍数",
               ("staffing_load", "checks"): "核查发现", ("staffing_checks", "check"): "核查发现",
               # department_load, which staffing_load reads: the dates say which document set the figures.
               ("department_load", "sanding_issued"): "三定日期",
               ("department_load", "numbered_offices"): "编号列出的内设机构数",
               ("department_load", "facts_issued"): "编制数所据文件日期",
               ("department_load", "offices_stated"): "核定内设机构数",
               ("department_load", "office_leader_posts_detail"): "内设机构领导职数明细"}


# 机构改革 (queries.department_successions): what became of a department and what it replaced (a profile's facts).
COLUMN_LABELS |= {"succession": "机构沿革", "department_uid": "部门标识", "date": "日期"}
# region_successions: a region's 机构改革 (the report's 机构改革沿革), how each body was replaced.
SUCCESSION_KIND_LABELS = {"renamed": "更名", "merged": "合并组建", "absorbed": "职责划入"}
_IN_ANSWER |= {("region_successions", "predecessor"): "原部门", ("region_successions", "successor"): "现部门",
               ("region_successions", "kind_label"): "改革方式", ("region_successions", "text"): "文件原文",
               ("region_successions", "region"): "区划"}


# transferred_still_held (queries.transfers): work moved between departments (划转, as a 相对集中行政许可权改革 moves
# 行政许可 to a 行政审批服务局) that the graph shows not yet followed through, and what each finding asks an 编办 to do.
TRANSFER_FINDING_LABELS = {
    "still_listed": "划出部门权责清单仍列有此项，需删除",
    "giver_still_holds": "划出部门现行三定仍写有此项，需修订",
    "receiver_not_listed": "接收部门权责清单未列此项，需补列",
    "receiver_lacks": "接收部门现行三定未写有此项，需修订"}
_IN_ANSWER |= {("transferred_still_held", "giver"): "划出部门", ("transferred_still_held", "receiver"): "接收部门",
               ("transferred_still_held", "work"): "划转的工作", ("transferred_still_held", "finding_label"): "问题",
               ("transferred_still_held", "evidence"): "仍列有或写有的事项、条文",
               ("transferred_still_held", "evidence_detail"): "事项类型或内设机构",
               ("transferred_still_held", "evidence_source"): "其出处",
               ("transferred_still_held", "sources"): "划转依据",
               ("region_transfers", "giver"): "划出部门", ("region_transfers", "receiver"): "接收部门",
               ("region_transfers", "what"): "划转的职责", ("region_transfers", "moved_on"): "划转文件印发日期",
               ("region_transfers", "giver_issued"): "划出部门现行三定印发日期"}
# notice_departments: the departments a 调整 notice moves work of, and whether a 三定 of their own is loaded (one known
# by a notice alone holds only what it moved in: who_handles searches that, queries.notice_evidence).
_IN_ANSWER |= {("notice_departments", "has_sanding"): "图中有其三定"}
# staffing_load and the profile's facts: the 行政编制 after the posts a 调整 notice moved (将…2名行政编制划入…), beside
# the figure the 三定 (or a notice's 调整后 totals) set, and each move with its clause (queries.staffing).
VALUE_LABELS |= {"moved_in": "划入", "moved_out": "划出"}
COLUMN_LABELS |= {"staff_quota_stated": "核定编制（未计通知划转）", "staff_moves": "调整通知划转编制"}
_IN_ANSWER |= {(answer, key): title for answer in ("staffing_load", "department_profile.facts", "staff_moves")
               for key, title in (("direction", "变动"), ("other", "对方部门"), ("staff", "行政编制"))}
# staff_moves, which they read: each move's notice date beside the date of the figure it is added to.
_IN_ANSWER |= {("staff_moves", "moved_on"): "通知施行日期", ("staff_moves", "figure_on"): "编制数所据文件日期"}


# township_duties (queries.township_duties): a township's 履行职责事项清单, part by part, and what checking each county
# department it names against that department's own 三定 and 权责清单 found.
TOWNSHIP_PART_LABELS = {"basic": "基本履职事项", "assisting": "配合履职事项", "reclaimed": "上级部门收回事项"}
TOWNSHIP_FINDING_LABELS = {
    ("assisting", "held"): "牵头部门三定或权责清单写有此项",
    ("assisting", "held_by_other"): "牵头部门三定、权责清单未写有此项，另一部门写有：需核定牵头部门",
    ("assisting", "not_held"): "牵头部门三定、权责清单未写有此项，本县也无部门写有：乡镇配合却无部门主责（甩锅）",
    ("assisting", "no_duties"): "图中没有牵头部门的三定或权责清单，无法核对",
    ("reclaimed", "held"): "收回部门三定或权责清单写有此项",
    ("reclaimed", "held_by_other"): "收回部门三定、权责清单未写有此项，另一部门写有：需核定由谁承接",
    ("reclaimed", "not_held"): "收回部门三定、权责清单未写有此项，本县也无部门写有：收回后无部门承担",
    ("reclaimed", "no_duties"): "图中没有收回部门的三定或权责清单，无法核对",
    ("assisting", "moved_away"): "牵头部门三定写有此项，但已由调整通知划出、取消或下放：需核定现由谁牵头",
    ("reclaimed", "moved_away"): "收回部门三定写有此项，但已由调整通知划出、取消或下放：需核定现由谁承接",
    ("reclaimed", "reclaimed_still_listed"): "已收回仍在乡镇清单：乡镇权责清单仍列有此项，应删除",
    ("basic", "reserved_to_county"): "县乡事权划分清单列为县级事权：不应作为乡镇基本履职事项",
    ("assisting", "reserved_to_township"): "县乡事权划分清单列为乡镇事权，清单却由县级部门牵头：需核定由谁负责",
    ("reclaimed", "reserved_to_township"): "县乡事权划分清单列为乡镇事权，清单却列为县级部门收回：需核定由谁负责",
    ("", "devolved_not_listed"): "县赋予乡镇（街道）的行政执法事项，乡镇履职清单未列：应列入基本履职事项",
    ("", "unknown_township"): "本县其他文件中没有此乡镇（街道）：请核对名称或是否已撤并（依据为本县已知的乡镇）",
    ("", "merged_township"): "此乡镇（街道）已撤并或改设街道：其履职清单事项列于现乡镇（街道）之下",
}
_IN_ANSWER |= {("township_duties", "township"): "乡镇（街道）", ("township_duties", "part_label"): "清单部分",
               ("township_duties", "category"): "事项类别", ("township_duties", "matter"): "事项",
               ("township_duties", "township_text"): "乡镇（街道）职责",
               ("township_duties", "department"): "县级部门（牵头或收回）",
               ("township_duties", "department_text"): "县级部门职责（清单所列）",
               ("township_duties", "finding_label"): "核对结果",
               ("township_duties", "holder"): "写有此项的其他部门",
               ("township_duties", "evidence"): "三定条文或权责事项", ("township_duties", "evidence_source"): "其出处",
               ("township_duties", "source"): "清单出处"}
PARAM_LABELS |= {"township": "乡镇（街道）"}
# staffing_load and the profile's facts, part three: posts cut (核减) or handed down with work (下放) beside those
# moved, with the 领导职数 they move (`leader_rank` as written), and the duties as they stand after the notices beside
# the 三定's count, each change a notice made with its clause (queries.duty_count); a department known only as a
# receiver.
TRANSFER_DIRECTION_LABELS |= {"cut": "核减", "devolved": "下放"}
# A staff move's direction inside staffing_load's and the profile's cells, where `devolved` is posts handed down with
# work (下放), not a duty's status (已下放, VALUE_LABELS).
STAFF_MOVE_LABELS = {"moved_in": "划入", "moved_out": "划出", "cut": "核减", "devolved": "下放"}
VALUE_LABELS |= {"cut": "核减", **{code: label for code, label in IN_FORCE_STATUS_LABELS.items() if code != "current"}}
# The named query `headcount`: a 机构编制实名制统计表's rows as the table writes them.
_IN_ANSWER |= {("headcount", "staff_type"): "编制类型", ("headcount", "quota"): "核定编制数",
               ("headcount", "actual"): "实有人数", ("headcount", "vacant"): "空编数", ("headcount", "over"): "超编数",
               ("headcount", "leader_set"): "领导职数核定", ("headcount", "leader_filled"): "领导职数实配",
               ("headcount", "as_of"): "统计时点", ("headcount", "table_title"): "统计表"}
# The people in post a 机构编制实名制统计表 counts (queries.headcount), and the 领导职数 notices moved by rank.
COLUMN_LABELS |= {"staff_actual": "实有人数", "staff_actual_as_of": "实有人数统计时点",
                  # The report's 部门概况: duties as 编制与职责负荷 counts them (queries.report).
                  "duties_current": "现行职责数",
                  "leader_posts_moved_by_rank": "调整通知增减领导职数（按级别）"}
COLUMN_LABELS |= {"leader_rank": "领导职数级别", "leader_posts_moved": "调整通知增减领导职数",
                  "duties_stated": "三定所列职责数", "duty_changes": "调整通知所致职责变动",
                  "notices_only": "仅据调整通知"}
_IN_ANSWER |= {("staffing_load", "duties_stated"): "三定所列职责数（不含共性职责）",
               ("staffing_load", "status"): "变动"}
# list_changes (queries.list_changes): what each adjustment of a list (清单动态调整) changed, version by version.
_IN_ANSWER |= {("list_changes", key): title for key, title in (
    ("list_title", "清单"), ("from_version", "原版本"), ("to_version", "新版本"), ("change_label", "变化"),
    ("matter", "事项"), ("before", "调整前"), ("after", "调整后"), ("from_source", "原版本出处"),
    ("to_source", "新版本出处"))}
PARAM_LABELS |= {"list": "清单"}
# check-plan (queries.plan_check): a yearly work plan's goals against the department's duties.
PLAN_FINDING_LABELS = {"other_department": "超出职能范围，可能属于他部门职责", "unmatched": "未能对应职责，需人工判断",
                       "not_planned": "未纳入年度计划",
                       "periodic": "阶段性职责（规划、政策、标准等的制定），未纳入年度计划"}
_IN_ANSWER |= {(f"check_plan.{table}", key): title for table in ("served", "retired", "outside")
               for key, title in (("line", "目标所在行"), ("goal", "工作目标"), ("office", "责任处室"))}
_IN_ANSWER |= {(f"check_plan.{table}", key): title for table, key, title in (
    ("summary", "meaning", "审核项"), ("summary", "count", "数量"), ("served", "duty_holder", "职责所属"),
    ("served", "ordinal", "职责序号"), ("served", "duty", "对应的职责"), ("served", "score", "相符程度"),
    ("served", "office_note", "责任处室核对"), ("served", "source", "职责出处"), ("retired", "status", "职能状态"),
    ("retired", "work", "已划出、取消或下放的职能"), ("retired", "counterpart", "承接方"),
    ("retired", "source", "划转、取消或下放的出处"), ("outside", "finding", "核对结果"),
    ("outside", "other_text", "其职责内容"), ("outside", "score", "相符程度"), ("unplanned", "ordinal", "职责序号"),
    ("unplanned", "duty", "职责内容"), ("unplanned", "finding", "核对结果"), ("unplanned", "source", "职责出处"))}
PARAM_LABELS |= {"year": "年度"}
# tenure (queries.tenure): a department's duties over a leader's tenure, for a 领导干部经济责任审计.
_IN_ANSWER |= {(f"tenure.{table}", key): title for table, key, title in (
    ("summary", "item", "项目"), ("summary", "value", "内容"), ("changes", "date", "施行日期"),
    ("changes", "kind", "变动类型"), ("changes", "duty", "职责"), ("changes", "office", "承担的内设机构"),
    ("changes", "other", "对方部门或原条文"), ("changes", "staff", "行政编制（名）"),
    ("changes", "leader_posts", "领导职数增减"), ("changes", "source", "依据条款"),
    ("duties", "duty", "职责"), ("duties", "held_from", "承担起始"), ("duties", "held_to", "承担截止"),
    ("duties", "status_label", "承担截止时状态"), ("duties", "offices", "承担的内设机构"),
    ("duties", "sources", "出处"),
    ("staffing", "point", "时点"), ("staffing", "date", "日期"), ("staffing", "staff_quota", "行政编制"),
    ("staffing", "staff_quota_stated", "核定编制（未计通知划转）"), ("staffing", "leader_posts", "领导职数"),
    ("staffing", "leader_posts_stated", "核定领导职数（未计通知调整）"), ("staffing", "source", "编制数所据条款"),
    ("staffing", "leader_posts_source", "领导职数所据条款"),
    ("lists", "list_kind", "清单类型"), ("lists", "relation", "本部门角色"), ("lists", "item", "事项"),
    ("lists", "detail", "类型或依据"), ("lists", "issued", "清单日期"), ("lists", "in_force_to", "施行至"),
    ("lists", "issued_in_window", "任期内印发"),
    ("lists", "source", "出处"))}
PARAM_LABELS |= {"from": "任职日期", "to": "离任日期"}


# power_item_review (queries.power_review): a 权责清单 reviewed by a 司法局 before it is published (合法性审查), each
# finding in the order the reviewer reads an item: its 依据, its 实施主体, then the items it repeats.
POWER_REVIEW_LABELS = {
    "no_basis": "未写设定依据（实施依据）",
    "list_no_basis": "清单全部事项未写设定依据（清单没有依据列）",
    "no_law_named": "依据未写明法律、法规或规章的名称",
    "basis_cannot_set": "依据仅为规范性文件，不能设定此类职权",
    "holder_unknown": "实施主体不是已知部门（图中没有其三定）",
    "list_holders_unknown": "清单的实施主体均不是已知部门（图中没有其三定）",
    "no_mandate": "实施主体的三定没有对应职责（职权法定）",
    "no_responsibility": "未写责任事项或追责情形",
    "stages_not_loaded": "清单由较早版本载入，未读入责任事项和追责情形（需重新导入）",
    "several_departments": "同一事项由多个部门实施（多头执法）",
    "devolved_still_listed": "已赋予乡镇（街道）的事项，部门仍列为本部门职权",
    "no_taking_office": "已赋予乡镇（街道）的事项，该乡镇（街道）没有承接机构（三定未设）",
    "devolved_entrusted": "说明：已赋予乡镇（街道）的事项，部门清单注明委托乡镇（街道）实施，仍为部门职权",
    "repeated": "同一部门重复列项（名称仅有细微差别）"}
_IN_ANSWER |= {("power_item_review", "item"): "权责事项", ("power_item_review", "type"): "职权类型",
               ("power_item_review", "department"): "实施主体", ("power_item_review", "finding_label"): "问题",
               ("power_item_review", "basis"): "设定依据（实施依据）",
               # What the detail holds differs by finding (the 规范性文件, the other departments, the item repeated, the
               # nearest duties with their scores, the empty cell): a title naming some of them misled.
               ("power_item_review", "detail"): "说明"}

# 各市部门设置对照 (queries.department_sets): how two cities set up a line of work differently, in the order listed.
DEPARTMENT_SET_LABELS = {"merged": "一市合并设置、另一市分设", "lacking": "部分市图中没有（未设或未载入其三定）",
                         "named_otherwise": "名称不同"}
_IN_ANSWER |= {("city_departments", "work"): "职能（部门）", ("city_departments", "city_departments"): "各市部门",
               ("city_departments", "finding_label"): "差异", ("city_departments", "lacking"): "图中没有此类部门的市",
               ("city_departments", "merged_in"): "合并设置的市"}
# Region levels as people name them (the regions' and holdings' `level`; staffing_load's cross-city peers, 县（区）级…).
LEVEL_TITLES = {"national": "全国", "province": "省", "city": "市", "county": "县（区）", "township": "乡镇（街道）"}
# staffing_load over several cities: the group a county bureau is scored in, its line of work in every county.
_IN_ANSWER |= {("staffing_load", "peers"): "比较组"}
