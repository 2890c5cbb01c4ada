"""A clause's content terms: its jieba terms (synonyms folded, compounds with their parts) without the verbs and
scope words every duty shares. They are what ingest stores on each duty, matter and item, so this module is part
of what the graph records as its segmentation (`ingest.refresh`): a change here re-derives every stored term."""

from __future__ import annotations

import sys

from ingest.terms import index_terms

# Verbs and scope words that say nothing about which work is meant.
GENERIC_TERMS = frozenset({
    "负责", "承担", "组织", "开展", "做好", "落实", "推进", "推动", "实施", "组织实施", "指导", "协调", "统筹",
    "参与", "配合", "协助", "会同", "牵头", "履行", "依法", "加强", "建立", "健全", "建立健全", "完善", "提出",
    "拟订", "制定", "起草", "贯彻", "贯彻执行", "贯彻落实", "执行", "全市", "全县", "全区", "本市", "本县",
    "本区", "辖区", "有关", "相关", "工作", "管理", "职责", "范围", "方面", "情况", "规定", "要求", "事项",
    "机制", "体系", "制度", "政策", "规划", "计划", "标准", "措施", "具体", "日常", "综合", "监督", "检查",
    "监督管理", "监管", "服务", "保障", "建设", "发展", "任务", "其他", "领域", "行业", "承办", "办理",
    # Who gave the order or whose government it is says nothing about the work either.
    "党中央", "国务院", "省委", "省政府", "市委", "市政府", "县委", "县政府", "区委", "区政府", "交办", "完成",
    "上级", "领导", "人民政府", "政府", "市级", "县级", "区级",
})


def content_terms(text: str, *, as_query: bool = False) -> list[str]:
    """`as_query`: read as a text searched for (`index_terms`)."""
    return [term for term in index_terms(text, with_parts=True, as_query=as_query) if term not in GENERIC_TERMS]


def stored_content(text: str) -> str:
    """The content terms as stored on a node: one space-separated string (terms hold no spaces), which
    reads back several times faster than a list property."""
    return " ".join(content_terms(text))


def content_of(stored: str | list[str] | None, text: str) -> list[str]:
    """Content terms from a node's stored `content` (a string, or a list in older graphs), else from the text."""
    if stored is None:
        return content_terms(text)
    # Interned: a million duties say a few thousand terms, and linking holds all of them at once (each
    # pickled once, too, on the way to the planning worker).
    return [sys.intern(term) for term in (stored.split() if isinstance(stored, str) else stored)]
