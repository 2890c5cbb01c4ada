"""Chinese titles for the columns people read (tables, Markdown); JSON and CSV keep the English keys."""

from __future__ import annotations

COLUMN_LABELS: dict[str, str] = {
    "label": "节点类型", "type": "关系类型", "count": "数量",
    "region": "区划", "department": "部门", "kind": "类型", "rank": "规格", "staff_quota": "编制",
    "leader_posts": "领导职数", "office_leader_posts": "内设机构领导职数", "offices": "内设机构数", "duties": "职责数",
    "issued": "三定日期", "office": "内设机构", "ordinal": "序号", "category": "职责类别", "text": "职责内容",
    "source": "出处", "matter": "事项", "role": "角色", "vague": "模糊主体", "unresolved": "未确认",
    "order": "牵头次序", "reason": "问题", "reason_label": "问题", "host": "主办部门", "leads": "牵头部门",
    "assists": "配合部门", "sources": "出处", "code": "编码", "item": "事项", "target": "监管对象", "basis": "依据",
}


def column_label(key: str) -> str:
    return COLUMN_LABELS.get(key, key)
