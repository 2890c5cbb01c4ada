"""职能转变 / 职责调整 items: what a department stops doing, hands down, takes over or must do more of.

These are reform statements, not duties: each sentence becomes a `FunctionChange` with a kind read
from its verb, and the loader records cancelled, devolved and transferred work as Duty nodes whose
status says so, never as current duties.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.model import FunctionChange, Located
from ingest.regions import level_marker, split_region_prefix

_SENTENCES = re.compile(r"(?<=[。；;])")
_TRANSFER = re.compile(r"将(?P<what>.+?)(?:划入|划归|划给|交给|交由|移交)(?P<target>[^，,。；;]+?)(?:承担|管理|负责)?[。；;]?$")
# A department's name as a 职能转变 sentence writes the body work comes from (`市场监督管理局`, `原卫生计生委`).
DEPARTMENT_NAME = r"[\u4e00-\u9fff]{2,20}?(?:委员会|办公室|局|委|部|厅|办|中心)"
# `原` stays on the name: a body a reform abolished or renamed, which the resolver reads by that name alone (names.FORMER).
_FROM_DEPT = re.compile(rf"^(?P<dept>(?:原)?{DEPARTMENT_NAME})(?:承担|负责)?的")
_SUB_NUMBER = re.compile(r"^(?:\d+\s*[.．、]|[（(]\d+[）)])\s*")

# Ordered: the first verb that matches decides.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("cancelled", re.compile(r"取消|不再保留|不再承担|废止")),
    # 交由各县（区）人民政府负责, 交由属地乡镇（街道）负责: handed to the lower governments, as 下放 is.
    ("devolved", re.compile(r"下放|(?:移交给?|交由)(?:各|属地)?(?:地方|县|区|乡镇|街道)")),
    ("integrated", re.compile(r"整合")),
    ("strengthened", re.compile(r"加强|强化")),
)
_HEADLINE_KINDS = {
    "取消": "cancelled", "下放": "devolved", "划入": "transferred_in", "划出": "transferred_out",
    "增加": "strengthened", "加强": "strengthened", "整合": "integrated", "转变": "reform",
}


def parse_changes(text: str, where: Located, department_names: list[str], *, default: str = "reform"
                  ) -> list[FunctionChange]:
    """Split a 职能转变 passage into sentences and classify each; `department_names` are this body's names."""
    changes: list[FunctionChange] = []
    for sentence in _SENTENCES.split(text):
        sentence = _SUB_NUMBER.sub("", sentence.strip())
        if len(sentence) < 4:
            continue
        changes.append(classify_change(sentence, where, department_names, default=default))
    return changes


def headline_kind(headline: str) -> str | None:
    """`(一)划入的职责` / `取消的职责` / `职能转变` → the kind its sentences default to."""
    for word, kind in _HEADLINE_KINDS.items():
        if word in headline:
            return kind
    return None


def classify_change(sentence: str, where: Located, department_names: list[str], *, default: str = "reform"
                    ) -> FunctionChange:
    transfer = _TRANSFER.search(sentence)
    if transfer and _names_a_body(transfer.group("target"), own_level(department_names)):
        source = _FROM_DEPT.match(transfer.group("what"))
        return move_change(sentence, where, source.group("dept") if source else None, transfer.group("target"),
                           lambda mention: any(_same_body(mention, name) for name in department_names))
    for kind, pattern in _KINDS:
        if pattern.search(sentence):
            return FunctionChange(kind, sentence, where)
    return FunctionChange(default, sentence, where)


def move_change(sentence: str, where: Located, source: str | None, target: str, own: Callable[[str], bool], *,
                subject: str | None = None) -> FunctionChange:
    """将A的…职责划入B as the document's department reads it (`own`: whether a mention names it): work coming in
    (B is the department), going out (A is, or the sentence names no A), or else a move between two other
    departments (`moved`: A gives, B receives), never one of the department's."""
    if own(target):
        return FunctionChange("transferred_in", sentence, where, source, subject=subject)
    if source is None or own(source):
        return FunctionChange("transferred_out", sentence, where, target, subject=subject)
    return FunctionChange("moved", sentence, where, target, subject=subject, giver=source)


# Where work handed on goes when it leaves government departments of this level: lower governments (devolved), or
# society and the market (cancelled). A body's name ends as one does (…局, …委员会).
_LOWER_LEVEL = re.compile(r"地方|县|区|乡镇|街道")
_OUTSIDE = re.compile(r"社会|市场")
_BODY_END = re.compile(r"(?:委员会|办公室|局|委|部|厅|办|中心|院|署|站|队)$")


def _names_a_body(target: str, level: str | None = None) -> bool:
    """`市文化广电旅游体育局`, `市市场监督管理局` (its 市场 is not the market), not `县（区）` nor `社会组织`/`市场主体`.
    A name that ends as a body's and opens with the document's own level (`县城市管理局` in a county's 三定) or a
    region's name (`青山县城市管理局`) is a body of a government, not the lower governments (`县（区）`, `各县`, `县级`)."""
    if _BODY_END.search(target) and "政府" not in target:
        names, rest = split_region_prefix(target)
        if names or (level is not None and level_marker(target) == level and _OWN_LEVEL_BODY.match(rest)):
            return True
    head = target[:4]
    if _LOWER_LEVEL.search(head):
        return False
    return not _OUTSIDE.search(head) or bool(_BODY_END.search(target))


# After the level character, a body's own name, not more levels or a bracket (县（区）, 县级, 县、区, 县市区, 县乡).
_OWN_LEVEL_BODY = re.compile(r"^.[^（(级、市县区乡镇街]")


def own_level(department_names: list[str]) -> str | None:
    """The level character of the government the department belongs to (县 for 青山县水利局, 区 for 示例市河西区…, 市 for
    示例市…), from the first of its names that opens with a region; None when none does (a fragment, a bare name)."""
    for name in department_names:
        names, _rest = split_region_prefix(name)
        if names and names[-1][-1:] in {"市", "县", "区", "旗"}:
            return "县" if names[-1].endswith("旗") else names[-1][-1]
    return None


# What a cancelling or devolving sentence lists: 将X、Y等事项下放至县（区） / 取消X、Y.
_DEVOLVED_LIST = re.compile(r"(?:将|把)(?P<what>.+?)(?:等(?:事项|职责|审批|工作)?)?(?:下放|移交|交由)")
_CANCELLED_LIST = re.compile(r"(?:取消|不再保留|不再承担)(?P<what>[^。；;]+)")
_LIST_SEPARATOR = re.compile(r"[、，,]")


def listed_matters(sentence: str) -> list[str]:
    """The matters a 职能转变 sentence cancels or hands down, one per listed item (empty when it lists none)."""
    found = _DEVOLVED_LIST.search(sentence) or _CANCELLED_LIST.search(sentence)
    if not found:
        return []
    return [item.strip() for item in _LIST_SEPARATOR.split(found.group("what")) if item.strip()]


# Whom devolved work goes to, as the sentence names them: 下放至各县（区）, 交由属地乡镇（街道）负责, 下放至县级实施.
_DEVOLVED_TO = re.compile(r"(?:下放(?:至|到|给)|移交给?|交由)(?P<to>[^，,。；;]+?)(?:负责|承担|实施|管理|办理)?[。；;]?$")


def devolved_to(sentence: str) -> str | None:
    """The lower governments a devolving sentence names (各县（区）人民政府, 县级), None where it names none."""
    found = _DEVOLVED_TO.search(sentence.strip())
    return found.group("to") if found else None


def _same_body(mention: str, name: str) -> bool:
    """`市市场监督管理局` names the body `示例市市场监督管理局`: compare without the level prefix."""
    bare_mention = re.sub(r"^(?:本|我)", "", mention)
    return bool(bare_mention) and (bare_mention in name or name.endswith(bare_mention.lstrip("市县区省")))
