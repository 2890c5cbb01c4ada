"""What a power item's 设定依据 (实施依据) cites, and whether what it cites can set the item's kind of power.

行政处罚法 第十六条, 行政许可法 第十七条 and 行政强制法 第十条 say the same thing for their kinds: a 规范性文件 (a
government's 通知, 意见, 方案, or any document of a county or township) cannot set them; 法律, 法规 and 规章 can (a
规章 within limits the title alone does not show). A title says which it is often enough to be read: 《…法》 is a law
(not 《…办法》), 《…条例》 a 法规; 《…规定》, 《…办法》, 《…细则》, 《…规则》 are 规章 unless a county, district or
township issued them (a 设区的市 may make 规章 since 2015, a county may not); a title ending 通知, 意见, 方案 and their
like, or a meeting's 纪要, is a 规范性文件 whoever issued it. A 行政法规 titled 办法 (《无证无照经营查处办法》)
reads as a 规章, which can still set a 处罚: nothing is flagged that could set it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# The kinds of power only 法律, 法规 and 规章 may set (行政处罚法 §16, 行政许可法 §17, 行政强制法 §10).
SET_ONLY_BY_LAW = ("行政处罚", "行政许可", "行政强制")
# The kinds of power that act on a citizen's rights and duties: a body without the work must not exercise them
# (职权法定, queries.power_mandate), and their 责任事项 and 追责情形 must be written (each power with its
# responsibility: 权责清单).
BURDENING_KINDS = (*SET_ONLY_BY_LAW, "行政征收", "行政检查")

_BOOK_TITLE = re.compile(r"《([^《》]+)》")
# A title written without book brackets: `中华人民共和国建筑法第八条`, each part of a cell parted by ；, ， or 、.
_BARE_TITLE = re.compile(r"^(?:依据|根据|按照|依照)?(.{4,40}?(?:法|条例|规定|办法|细则|规则))(?:第.*|[（(].*)?$")
_BARE_PARTS = re.compile(r"[；;，,、\n]")
# Words that open a phrase about laws in general, not a law's name (有关法律法规规定, 法律规定).
_GENERIC = re.compile(r"^(?:有关|相关|法律|国家|上级|其他)")
_LAW = re.compile(r"(?<!办)法$|人民代表大会")
_REGULATION = re.compile(r"条例$")
_RULE = re.compile(r"(?:规定|办法|细则|规则)$")
_NORMATIVE_ENDING = re.compile(r"(?:通知|意见|方案|纪要|措施|指引|公告|通告|批复|复函|函|要点|计划|规划|标准)$")
# A body below a 设区的市 that issued the document: its government, its party committee or one of its bodies.
_LOCAL_ISSUER = re.compile(r"(?:县|区|旗|乡|镇|街道)(?:人民政府|政府|委员会|党委|办事处)|[县区]委")


@dataclass(frozen=True)
class Cited:
    title: str
    rank: str  # law 法律, regulation 法规, rule 规章, normative 规范性文件

    @property
    def can_set(self) -> bool:
        return self.rank != "normative"


RANK_LABELS = {"law": "法律", "regulation": "法规", "rule": "规章", "normative": "规范性文件"}


def cited_titles(basis: str) -> list[str]:
    """The documents a 依据 cell names, each once, in its order: the book-bracketed titles, else the parts that end
    as a law's name does."""
    titles = _BOOK_TITLE.findall(basis)
    if not titles:
        titles = [match.group(1) for part in _BARE_PARTS.split(basis)
                  if (match := _BARE_TITLE.match(part.strip())) and not _GENERIC.match(match.group(1))]
    return list(dict.fromkeys(title.strip() for title in titles if title.strip()))


def rank_of(title: str, local_names: Iterable[str] = ()) -> str:
    """The rank of a cited document by its title; `local_names` are the names of the counties and districts (and
    townships) whose documents are 规范性文件 (青山县: 《青山县户外广告设置管理办法》)."""
    if _NORMATIVE_ENDING.search(title):
        return "normative"
    if _LAW.search(title):
        return "law"
    if _REGULATION.search(title):
        return "regulation"
    if _RULE.search(title):
        local = _LOCAL_ISSUER.search(title) or any(name and title.startswith(name) for name in local_names)
        return "normative" if local else "rule"
    return "normative"


def cited(basis: str, local_names: Iterable[str] = ()) -> list[Cited]:
    names = tuple(local_names)
    return [Cited(title, rank_of(title, names)) for title in cited_titles(basis)]
