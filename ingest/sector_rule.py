"""管行业必须管安全 as a 三定 states it for every sector at once: `县直有关行业主管部门负责本行业领域的安全生产监督管理`,
in a 应急管理局's 职责分工 with the 行业主管部门, or in its 主要职责 (依法依规负责全县安全生产综合监督管理；按照分级、属地
原则，县直有关行业主管部门负责本行业领域安全生产监督管理). It names no department and no matter, so it is no 职责分工
clause (ingest.division); the Document keeps it (`sector_rule`), and the queries cite it where a new kind of business
has no lead: its 行业主管部门 answers for its safety (queries.sector_safety)."""

from __future__ import annotations

import re

# The departments answering for their own sector's safety: the 行业主管部门, the departments 负有安全生产监督管理职责,
# or 有关部门 (县直各有关部门按照…的要求，负责本行业领域…), with the level words before them.
_SUBJECT = r"[省市县区乡镇直各级]*(?:其他)?(?:有关)?(?:行业主管|行业管理|负有安全生产监督管理职责的)?部门"
# Their own sector's 安全生产 (本行业领域, 各自领域), not a sector named: that is one department's clause.
_OWN_SECTOR = r"(?:负责|承担)(?:本|各自)(?:行业|领域|行业领域|行业、领域)的?安全生产"
_RULE = re.compile(r"(?:行业主管|行业管理|负有安全生产监督管理职责的|有关)部门[^，,]{0,20}?" + _OWN_SECTOR)
_OPENS_WITH_SUBJECT = re.compile("^" + _SUBJECT)
_CLAUSE = re.compile(r"^[^，,]{0,20}?" + _OWN_SECTOR)


def sector_rule(text: str) -> str:
    """The piece of the text that states the rule: between its commas, or, where an adverbial stands between the
    departments and their work (县直各有关部门按照管行业必须管安全…的要求，负责本行业领域的安全生产监督管理), from the
    piece the departments open to the one their work ends; '' when none does."""
    for sentence in re.split(r"[；;。]", text):
        pieces = [piece.strip() for piece in re.split(r"[，,]", sentence)]
        for index, piece in enumerate(pieces):
            if _RULE.search(piece):
                return piece
            if index and _CLAUSE.search(piece):
                # The departments open the sentence's piece before it, or the one before that (按照分级、属地原则).
                for start in range(index - 1, max(index - 3, -1), -1):
                    if _OPENS_WITH_SUBJECT.match(pieces[start]):
                        return "，".join(pieces[start:index + 1])
    return ""
