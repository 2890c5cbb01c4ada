"""内设机构 entries: an office's name, its extra names (牌子, 合署), and its duty clauses."""

from __future__ import annotations

import re

from ingest.model import DutyClause, Located, OfficeRecord
from ingest.numerals import chinese_to_int

OFFICE_SUFFIX = r"(?:办公室|委员会|中心|科|处|室|股|局|司|队|站|所|部|组|委|办)"
_NAME = re.compile(rf"^(?P<name>[\u4e00-\u9fffA-Za-z]{{1,20}}{OFFICE_SUFFIX})(?P<brackets>(?:[（(][^（）()]*[）)])*)")
_BRACKET = re.compile(r"[（(]([^（）()]*)[）)]")
# What a bracket after an office's name says of its other names (FORMATS §3): a plate it bears (挂行政审批科牌子,
# 加挂…, 对外保留…牌子), a body it works as one with (与机关党委合署办公, 直属机关党委办公室与其合署办公), or the other name
# alone (组织人事处). Several such notes are parted by ，or ；.
_PLATE_NOTE = re.compile(r"^(?:对外)?(?:加挂|挂|保留)(?P<names>.+?)牌子$")
_MERGED_NOTE = re.compile(r"^(?:与|同)?(?P<names>.+?)(?:与其|与之)?合署(?:办公)?$")
_NOTE_SPLIT = re.compile(r"[，,；;]")
_NAME_SPLIT = re.compile(r"[、]")
# `人事科与机关党委合署办公。负责…`: two bodies working as one, written without brackets.
_MERGED_HEAD = re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{1,20}}?{OFFICE_SUFFIX})(?:与|和)"
                          rf"(?P<other>[\u4e00-\u9fff]{{1,20}}?{OFFICE_SUFFIX})合署(?:办公)?")
_COUNT = re.compile(r"(?:设|内设)(?:下列)?\s*(\d+|[一二三四五六七八九十]+)\s*个(?:内设机构|处室|科室|股室|职能司局|司局|职能处室|职能科室|机构)")
_RANK = re.compile(r"均为([\u4e00-\u9fff]{1,4}级)(?:建制)?|为([\u4e00-\u9fff]{1,4}级)建制")
# Units listed after the numbered offices: `离退休干部科负责…`, `机关党委。负责…`, `机关党委 负责…`.
_UNNUMBERED = re.compile(rf"^(?P<name>[\u4e00-\u9fff]{{2,16}}?{OFFICE_SUFFIX})(?:[。．.]\s*|\s+|(?=负责|承担|协助))(?P<rest>.*)$")
_DEFERRED_UNIT = re.compile(r"按有关规定设置|另行规定|按规定设置")
_CLAUSE_SPLIT = re.compile(r"[；;]")
_DUTY_START = re.compile(r"^(?:负责|承担|组织|拟订|指导|协调|研究|监督|办理|管理|做好|参与|开展|统筹|编制|起草)")


def office_count(text: str) -> tuple[int | None, str | None]:
    """`设6个内设机构` / `内设15个处室，均为正科级建制` → (count, rank)."""
    count_match = _COUNT.search(text)
    rank_match = _RANK.search(text)
    count = chinese_to_int(count_match.group(1)) if count_match else None
    rank = (rank_match.group(1) or rank_match.group(2)) if rank_match else None
    return count, rank


def split_name(head: str) -> tuple[str, list[str], str] | None:
    """`人事科（直属机关党委办公室与其合署办公）。负责…` → ('人事科', ['直属机关党委办公室'], '负责…'); the other names of a
    plate (`政策法规科（挂行政审批科牌子）`) and of a 合署 (`人事科与机关党委合署办公`) likewise."""
    merged = _MERGED_HEAD.match(head)
    match = merged or _NAME.match(head)
    if not match:
        return None
    rest = head[match.end():]
    if rest and rest[0] not in "。．. \t：:，,":
        return None  # the "name" runs on into a sentence: not an office head
    notes = [merged.group("other")] if merged else _BRACKET.findall(match.group("brackets"))
    aliases = [alias for note in notes for alias in other_names(note)]
    return match.group("name"), list(dict.fromkeys(aliases)), rest.lstrip("。．. \t：:，,")


def other_names(note: str) -> list[str]:
    """The names a bracket after an office's name gives it: `挂行政审批科、政务服务科牌子` → 行政审批科, 政务服务科;
    `与机关党委合署办公` → 机关党委; `组织人事处` → itself."""
    names = []
    for part in filter(None, (part.strip() for part in _NOTE_SPLIT.split(note))):
        said = _PLATE_NOTE.match(part) or _MERGED_NOTE.match(part)
        names.extend(name.strip() for name in _NAME_SPLIT.split(said.group("names") if said else part))
    return [name for name in names if name]


def looks_like_office_head(text: str) -> bool:
    """A short name line (`秘书科`, `办公室。负责…`) rather than a duty sentence."""
    if _DUTY_START.match(text):
        return False
    parsed = split_name(text)
    return parsed is not None and len(parsed[0]) <= 16


def unnumbered_office(line: str) -> tuple[str, str] | None:
    """A unit written after the numbered list; None for lines that are not one."""
    if _DEFERRED_UNIT.search(line):
        return None
    match = _UNNUMBERED.match(line)
    if not match or _DUTY_START.match(line):
        return None
    return match.group("name"), match.group("rest")


def is_deferred_unit(line: str) -> bool:
    """`纪检监察机构按有关规定设置。`: a body set up by other rules, with no duties here."""
    return bool(_DEFERRED_UNIT.search(line))


def duty_clauses(text: str, where: Located, first_ordinal: int = 1) -> list[DutyClause]:
    """An office's duty paragraph split at top-level semicolons; each clause kept as written."""
    clauses: list[DutyClause] = []
    depth = 0
    current = []
    for ch in text:
        if ch in "（(《“":
            depth += 1
        elif ch in "）)》”":
            depth = max(0, depth - 1)
        if depth == 0 and _CLAUSE_SPLIT.match(ch):
            clauses_text = "".join(current).strip()
            if clauses_text:
                clauses.append(DutyClause(clauses_text, first_ordinal + len(clauses), where))
            current = []
            continue
        current.append(ch)
    tail = "".join(current).strip()
    if tail:
        clauses.append(DutyClause(tail, first_ordinal + len(clauses), where))
    return clauses


def new_office(head: str, ordinal: int | None, where: Located) -> OfficeRecord | None:
    parsed = split_name(head)
    if parsed is None:
        return None
    name, aliases, rest = parsed
    office = OfficeRecord(name=name, ordinal=ordinal, where=where, aliases=aliases)
    if rest:
        office.duties.extend(duty_clauses(rest, where))
    return office
