"""Duty categories (宏观决策, 组织实施, 监督检查, 协调配合, 服务保障, 其他), decided by rules on the verbs.

The rules, in order (南通's six categories, with 辅助 read as 服务保障):
1. A catch-all (交办的其他任务/事项) is 其他.
2. Otherwise the first *specific* administrative verb of the headline decides, by the table below.
   负责, 承担, 做好, 履行 say only that the work is the holder's, so they are skipped.
3. With no specific verb, a duty that begins with 负责/承担 is 组织实施; anything else is 其他.
"""

from __future__ import annotations

import re

CATEGORY_VERBS: dict[str, tuple[str, ...]] = {
    "宏观决策": ("拟订", "拟定", "制定", "起草", "研究提出", "研究拟订", "编制", "规划", "统筹", "决策", "审定",
             "提出", "研究制定", "组织拟订", "组织编制", "组织制定"),
    "监督检查": ("监督管理", "监督检查", "监督", "监管", "检查", "查处", "执法", "稽查", "督促", "督查", "督导",
             "审查", "处罚", "考核", "监测", "核查", "巡查", "抽查", "评估", "审核", "审批", "许可", "核准",
             "认定", "整治", "打击"),
    "协调配合": ("协调", "综合协调", "组织协调", "会同", "配合", "参与", "协助", "牵头", "衔接", "联络"),
    "组织实施": ("组织实施", "组织", "实施", "推进", "推动", "开展", "执行", "落实", "贯彻", "贯彻执行",
             "贯彻落实", "承办", "办理", "建设", "管理", "指导", "处置", "调查处理", "应急救援", "受理",
             "登记", "发放", "征收", "管护", "养护", "维护", "运行"),
    "服务保障": ("服务", "保障", "提供", "宣传", "培训", "发布", "统计", "统计分析", "信息化", "咨询", "教育",
             "引导", "扶持", "帮扶", "救助", "接待"),
}
GENERIC_VERBS: frozenset[str] = frozenset({"负责", "承担", "做好", "履行", "主管", "负责人"})
ADMIN_VERBS: frozenset[str] = frozenset(
    {verb for verbs in CATEGORY_VERBS.values() for verb in verbs} | GENERIC_VERBS
)
_VERB_CATEGORY = {verb: category for category, verbs in CATEGORY_VERBS.items() for verb in verbs}
_CATCH_ALL = re.compile(r"交办的其他|交办的其它|其他任务$|其他事项$")

CATEGORIES: tuple[str, ...] = ("宏观决策", "组织实施", "监督检查", "协调配合", "服务保障", "其他")


def is_catch_all(text: str) -> bool:
    """`完成市委、市政府交办的其他任务`: the duty every 三定 closes with."""
    return bool(_CATCH_ALL.search(text.rstrip("。")))


def categorise(text: str, headline_tokens: list[str]) -> str:
    if is_catch_all(text):
        return "其他"
    for token in headline_tokens:
        category = _VERB_CATEGORY.get(token)
        if category is not None:
            return category
    if text.startswith(("负责", "承担")):
        return "组织实施"
    return "其他"
