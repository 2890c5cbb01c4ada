"""What a 行政许可 is to a complaint and to a clause under 审管分离 (a 行政审批服务局 approves; the department that
used to approve supervises what it approved): a clause or item whose work is only an approval (a licence's 受理、审查、
决定) answers an application, not the conduct of those who hold the licence; and a clause that names a licence only
as what those it supervises hold (对取得道路运输经营许可的经营者开展事中事后监管, 施工许可后的施工现场监督检查) is that
supervision, which answers their conduct, not an application. Read by who_handles (which evidence may answer a
complaint) and by the matcher of moved work (`queries.moved_out.says_moved_work`: a giver's 事中事后监管 clause does not
state the approval it gave away)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.content import content_of, content_terms

# An approval named: the 行政许可法's kinds of licence (许可, 审批, 核准, 批准, and 登记, the 设立登记 that confers a
# body's standing, 第十二条(五)) and the 备案 权责清单 list beside them.
_APPROVAL = r"(?:许可证?|审批|核准|批准|登记|备案)"
# The approval named as what a party holds (取得…许可的经营者), lacks (未经许可, 没有办理…许可证) or must keep to
# (许可条件, 许可范围), or as the time after it (许可后的): words about the party's conduct, not an approval sought.
HELD = re.compile(rf"(?:未|没有)?取得[^，。；,;]*?{_APPROVAL}的?"
                  r"|[^，。；,;]*?(?:许可|审批|核准)后的?"
                  rf"|(?:未经|没有|未办理?|未领取?)[^，。；,;]{{0,10}}?{_APPROVAL}"
                  r"|(?:许可|审批|核准)(?:条件|范围)")
# An approval named as work, with the words before it in its phrase (负责全市食品经营许可, 和道路货物运输经营许可).
_NAMED = re.compile(rf"[^，。；、,;]*?{_APPROVAL}")
# A 、-joined run ending in an approval (食品生产、经营许可: 食品生产许可 and 食品经营许可 share the word); an item
# of it that names other work (市场秩序监管、食品经营许可) is that work, not a licence's object.
_JOINED = re.compile(rf"(?:[^，。；、,;]+、)+[^，。；、,;]*?{_APPROVAL}")
_ENDING_APPROVAL = re.compile(rf"{_APPROVAL}$")
# The last item of such a run leans on the others for its object when it is this short (经营, 货物运输经营).
_SHARED_HEAD_AT_MOST = 6
# (Not 规划, 安全, 建设: they name licences too, 建设工程规划许可, 安全生产许可.)
_OTHER_WORK = re.compile(r"监管|监督|检查|执法|处罚|查处|稽查|巡查|整治|治理|监测|指导|协调|统计|宣传")
# The steps of an approval, by the 行政许可法's chapters (申请与受理, 审查与决定, 变更与延续) and what a licence office
# does with the certificate: a clause saying nothing but approvals and these is approval work alone.
APPROVAL_STEPS = frozenset({"申请", "受理", "审查", "审核", "决定", "核发", "发放", "颁发", "送达", "变更", "延续",
                            "换发", "补发", "注销", "许可证"})
# Seeking a licence or its certificate, as a complaint says it (办证, 申领) beside the approvals it names.
_SOUGHT = re.compile(rf"{_APPROVAL}|办证|领证|发证|换证|申领")


def without_held(text: str) -> str:
    """`text` without the approvals it names only as held, lacked or after (`HELD`)."""
    return HELD.sub("", text)


def approval_only(text: str) -> bool:
    """Whether a clause, item or matter is approval work alone: it names an approval as work, and nothing else but
    the approval's steps (负责全市食品经营许可的受理、审查和决定，核发食品经营许可证; the item 建筑工程施工许可),
    nor other work in the approval's phrase (负责燃气行业监督管理和燃气经营许可 is supervision too)."""
    rest = _JOINED.sub(_shared_approval, without_held(text))
    named = _NAMED.findall(rest)
    return (bool(named) and not any(_OTHER_WORK.search(phrase) for phrase in named)
            and set(content_terms(_NAMED.sub("", rest))) <= APPROVAL_STEPS)


def _shared_approval(run: re.Match[str]) -> str:
    """A 、-joined run ending in an approval, with the items that are only that approval's objects joined to it
    (食品生产、经营许可 → 食品生产经营许可), so that `_NAMED` takes them as the approval; the other items stay apart."""
    *items, last = run.group().split("、")
    if len(_ENDING_APPROVAL.sub("", last)) > _SHARED_HEAD_AT_MOST:
        return run.group()  # a whole item of its own (食品安全风险评估、食品安全地方标准和企业标准备案)
    kept = [item for item in items if _OTHER_WORK.search(item)]
    shared = "".join(item for item in items if not _OTHER_WORK.search(item))
    return "、".join([*kept, shared + last])


def held_only(text: str) -> bool:
    """Whether a clause names approvals only as held by those it supervises, or as the time after them: the
    supervision 审管分离 leaves with the line department (审批后的事中事后监管)."""
    rest = without_held(text)
    return rest != text and not _NAMED.search(rest)


def seeks_approval(text: str) -> bool:
    """Whether a complaint is about an approval sought (办理建筑工程施工许可时窗口要求重复提交材料) rather than the
    conduct of a party after it, or without one (取得经营许可的客运班车超员载客, 未经许可擅自经营, 不按许可条件经营,
    a complaint naming no approval at all)."""
    return bool(_SOUGHT.search(without_held(text)))


def about_conduct(text: str) -> bool:
    """Whether a complaint is about what a party does rather than an approval it seeks: it seeks none
    (`seeks_approval`), or it names other work beside the approval (排污许可证执行情况的检查 is an inspection of the
    licence kept to, not the licence's 核发)."""
    return not seeks_approval(text) or bool(_OTHER_WORK.search(without_held(text)))


def approval_terms(text: str, terms: Sequence[str] | str | None) -> list[str]:
    """A clause's content terms (`terms` as stored, or None) without the approvals it names only as held; its stored
    terms when it names none that way."""
    kept = without_held(text)
    return content_of(terms, text) if kept == text else content_terms(kept)
