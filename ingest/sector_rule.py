"""管行业必须管安全 as a 三定 states it for every sector at once: `县直有关行业主管部门负责本行业领域的安全生产监督管理`
(a 应急管理局's 职责分工 with the 行业主管部门). It names no department and no matter, so it is no 职责分工 clause
(ingest.division); the Document keeps it (`sector_rule`), and the queries cite it where a new kind of business has no
lead: its 行业主管部门 answers for its safety (queries.sector_safety)."""

from __future__ import annotations

import re

# The 行业主管部门 (or the departments 负有安全生产监督管理职责) answering for their own sector's safety.
_RULE = re.compile(r"(?:行业主管|行业管理|负有安全生产监督管理职责的)部门[^，,；;。]{0,20}?(?:负责|承担)"
                   r"(?:本|各自)(?:行业|领域|行业领域|行业、领域)的?安全生产")


def sector_rule(text: str) -> str:
    """The piece of the text (between its commas and full stops) that states the rule; '' when none does."""
    return next((piece.strip() for piece in re.split(r"[，,；;。]", text) if _RULE.search(piece)), "")
