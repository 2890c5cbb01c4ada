"""职责分工 clauses: which departments lead (牵头/负责/主办) and which assist (配合/参与/协助) on a matter.

Patterns, as real texts write them (FORMATS.md §5):
- `A负责M，B、C配合。` / `A牵头负责M，B参与。` / `A主办M，B协办。`
- `M由A负责（牵头），B配合。`
- `A会同B负责M。` (A leads, B is the partner)
- `…任务。〔A牵头，B、C参与，…负责落实。〕` (a bracketed clause after a task; the task is the matter)
- `A负责M。` alone (one department per item)
- `M。A牵头，B、C配合。` / `关于M，A负责，B配合。` / `M：…`: an item's heading names the matter of a clause
  that names none
- `B配合A做好M。` (the assisting department first)
- `A、B分别负责M。` / `A、B按各自职责负责M。`, and `A、B负责审批后的事中事后监管。` (审管分离): each lead answers for its
  own line of work (`sectoral`), which is no dispute over who leads
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.model import Division, Located

_SUFFIX = (r"(?:委员会|办公室|管理委员会|管委会|人民政府|政府|分局|大队|支队|总队|中心|部门|单位|"
           r"局|委|办|厅|部|署|院|队|站|所|馆)")
DEPT = rf"[\u4e00-\u9fff（）()]{{2,28}}?{_SUFFIX}"
# A name may carry a note in brackets: its plate (`市市场监督管理局（市知识产权局）`) or a like body (`人民政府(管委会)`).
_NOTED_DEPT = rf"{DEPT}(?:[（(][\u4e00-\u9fff]{{1,20}}[)）])?"
DEPT_LIST = rf"{_NOTED_DEPT}(?:[、和及与,，]{_NOTED_DEPT})*"
_LEAD_VERB = r"(?:牵头负责|牵头督导|牵头|负责|主办|主责)"
_ASSIST_VERB = r"(?:配合|参与|协助|协办)"
# Before the lead verb, words that split the work between the leads named: each for its own line of work.
_SECTORAL = r"(?P<sectoral>分别|各自|(?:按|依)(?:照)?各自(?:的)?职责(?:分工)?(?:分别)?)?"
# The supervision after an approval that a 审管分离 clause leaves with several departments: each supervises the
# work it used to approve (谁主管、谁监管), so naming several is a split by line of work, not several leads of one.
_AFTER_APPROVAL = re.compile(r"审批后.{0,6}监管|事中事后监管")

_BRACKET_CLAUSE = re.compile(
    rf"[〔\[（(](?P<leads>{DEPT_LIST}){_LEAD_VERB}[,，;；]?(?:(?P<assists>{DEPT_LIST}){_ASSIST_VERB})?[^〔〕\[\]]*?[〕\]）)]"
)
_LEAD_THEN_ASSIST = re.compile(
    rf"^(?P<leads>{DEPT_LIST}){_SECTORAL}{_LEAD_VERB}(?P<matter>[^，,；;。]+?)[，,；;]\s*(?P<assists>{DEPT_LIST})"
    rf"(?:予以|做好|负责)?{_ASSIST_VERB}"
)
_MATTER_BY = re.compile(
    rf"^(?P<matter>[^，,；;。]+?)[，,]?由(?P<leads>{DEPT_LIST}){_LEAD_VERB}[^，,；;。]*?"
    rf"(?:[，,；;]\s*(?P<assists>{DEPT_LIST})(?:予以)?{_ASSIST_VERB})?"
)
# A lead clause with no matter of its own (`A牵头，B、C配合`): the item's heading is the matter.
_LEAD_BARE = re.compile(
    rf"^(?P<leads>{DEPT_LIST}){_LEAD_VERB}[，,；;]\s*(?:(?P<assists>{DEPT_LIST})(?:予以|做好)?{_ASSIST_VERB})?"
)
_ASSIST_FIRST = re.compile(
    rf"^(?P<assists>{DEPT_LIST})(?:配合|协助)(?P<leads>{DEPT_LIST})(?:做好|负责|开展|实施|推进)?(?P<matter>[^，,。；;]+)"
)
# An item's heading: `私屠滥宰查处。` before its clauses, or `关于M，` / `M：` before a clause.
_HEADING_PREFIX = re.compile(r"^(?:关于(?P<about>[^，,。；;：:]{2,30})[，,]|(?P<titled>[^，,。；;：:]{2,30})[：:])")
_JOINTLY = re.compile(rf"^(?P<leads>{DEPT}){'会同'}(?P<assists>{DEPT_LIST})(?:负责|做好)?(?P<matter>[^。；;]+)")
# `A按职责分工做好…` and `A指导…` also name A the one responsible when A is the only party (FORMATS.md §5).
_LEAD_ONLY = re.compile(rf"^(?P<leads>{DEPT_LIST}){_SECTORAL}(?:按职责分工做好|按职责分工负责|{_LEAD_VERB}|指导(?=[^，,。；;]*(?:管理|工作|监管)))(?P<matter>[^，,。；;]+)")

_PAIRS = {"〔": "〕", "[": "]", "（": "）", "(": ")"}

# A note in brackets right after the last character of a name (its suffix: 局, 委, 政府 …).
_NOTE = re.compile(r"(?<=[局委会办府队心厅部署院站所馆位门])[（(][\u4e00-\u9fff]{1,20}[)）]")
_SENTENCE_SPLIT = re.compile(r"(?<=[。；;])")
_LIST_SPLIT = re.compile(r"[、和及与,，]")
_MATTER_TRIM_HEAD = re.compile(r"^(?:组织开展|做好|开展|承担|负责|对)")
_MATTER_TRIM_TAIL = re.compile(r"(?:的相关工作|相关工作|等有关工作|有关工作|等工作|工作|的|等)$")


def split_departments(text: str) -> list[str]:
    """`市发展和改革局、工业和信息化局` → the two names, in order, as written; a note in brackets after a name
    (`（市知识产权局）`, `(管委会)`) is not a name of its own: the name outside the brackets is the party."""
    names: list[str] = []
    for match in re.finditer(DEPT, _NOTE.sub("", text)):
        name = match.group(0).strip("、和及与,，")
        if name and name not in names:
            names.append(name)
    return names


def clean_matter(text: str) -> str:
    text = text.strip(" ，,。；;：:")
    previous = None
    while previous != text:
        previous = text
        text = _MATTER_TRIM_HEAD.sub("", text)
        text = _MATTER_TRIM_TAIL.sub("", text).strip(" ，,")
    return text


def parse_divisions(text: str, where: Located, *, task: str | None = None) -> list[Division]:
    """Every lead/assist clause in a passage. `task` names the matter of bracketed clauses."""
    found = parse_bracket_divisions(text, where, task=task)
    heading = task or ""
    for number, sentence in enumerate(_SENTENCE_SPLIT.split(_without_lead_clauses(text))):
        sentence = sentence.strip()
        prefix = _HEADING_PREFIX.match(sentence)
        if prefix and not split_departments(prefix.group(0)):
            heading, sentence = clean_matter(prefix.group("about") or prefix.group("titled")), sentence[prefix.end():]
        elif number == 0 and len(sentence) <= 31 and not split_departments(sentence):
            heading = clean_matter(sentence)  # a short first sentence naming no department is the item's title
            continue
        division = _parse_sentence(sentence, where, heading)
        if division is not None:
            found.append(division)
    return found


def parse_bracket_divisions(text: str, where: Located, *, task: str | None = None) -> list[Division]:
    """`…组织开展专项整治（A牵头，B、C参与）` / `1.任务。……。〔A牵头，B参与〕`: the clause or task before it is the matter."""
    found: list[Division] = []
    for clause in lead_clauses(text):
        matter = task or _matter_before(text[: clause.start])
        if matter:
            found.append(_division(matter, clause.leads, clause.assists, clause.text, where))
    return found


@dataclass(frozen=True)
class LeadClause:
    """A bracketed `〔A牵头，B参与〕` clause: its departments as written, and where it stands in the text."""

    leads: str
    assists: str | None
    start: int
    end: int  # just past its closing bracket
    text: str


def lead_clauses(text: str) -> Iterator[LeadClause]:
    """Each bracketed lead clause, up to the bracket that closes it: brackets inside it
    (`B、各县区人民政府(管委会)参与`) do not end it."""
    end = 0
    for match in _BRACKET_CLAUSE.finditer(text):
        if match.start() < end:  # inside the clause before, which a nested bracket made look shorter
            continue
        end = closing_bracket(text, match.start())
        yield LeadClause(match.group("leads"), match.group("assists"), match.start(), end, text[match.start():end])


def closing_bracket(text: str, opening: int) -> int:
    """Just past the bracket that closes the one at `opening`, past brackets nested inside; the text's end if
    none does (a copy cut off inside the clause)."""
    depth, opener = 0, text[opening]
    for index in range(opening, len(text)):
        char = text[index]
        if char in _PAIRS:
            depth += 1
        elif char in _PAIRS.values():
            depth -= 1
            if depth == 0 and char == _PAIRS[opener]:
                return index + 1
    return len(text)


def _without_lead_clauses(text: str) -> str:
    kept, start = [], 0
    for clause in lead_clauses(text):
        kept.append(text[start:clause.start])
        start = clause.end
    return "".join([*kept, text[start:]])


def _parse_sentence(sentence: str, where: Located, heading: str = "") -> Division | None:
    if not sentence:
        return None
    for pattern in (_LEAD_THEN_ASSIST, _MATTER_BY, _JOINTLY, _ASSIST_FIRST, _LEAD_ONLY):
        match = pattern.match(sentence)
        if match:
            groups = match.groupdict()
            return _division(groups["matter"], groups["leads"], groups.get("assists"), sentence, where,
                             split_by_line=bool(groups.get("sectoral")))
    bare = _LEAD_BARE.match(sentence) if heading else None
    if bare:
        return _division(heading, bare.group("leads"), bare.group("assists"), sentence, where)
    return None


def _division(matter: str, leads: str, assists: str | None, text: str, where: Located, *,
              split_by_line: bool = False) -> Division:
    named = split_departments(leads)
    return Division(
        matter=clean_matter(matter),
        leads=named,
        assists=split_departments(assists) if assists else [],
        text=text.strip(),
        where=where,
        sectoral=len(named) > 1 and (split_by_line or bool(_AFTER_APPROVAL.search(matter))),
    )


def _matter_before(text: str) -> str:
    """The clause a bracket follows; after a full stop, the task's headline (`1.制定实施准入清单。…。〔…〕`)."""
    stripped = text.rstrip()
    if stripped and stripped[-1] not in "。；;":
        return clean_matter(re.split(r"[，,；;。]", stripped)[-1])
    parts = [part for part in re.split(r"[。；;]", stripped) if part.strip()]
    if not parts:
        return ""
    return clean_matter(re.sub(r"^\s*\d+\s*[.．、]\s*", "", parts[0]))


# In one department's 职责分工 cell of a boundary list (FORMATS.md §5): `会同B建立…` makes B the partner of the
# row's department, `与B建立…机制` a coordination edge with B; information flows (`通报质监部门`) are no party.
_CELL_PARTNER = re.compile(rf"会同(?P<jointly>{DEPT_LIST})|与(?P<mutual>{DEPT_LIST})(?:共同)?建立")


def cell_partners(text: str) -> list[str]:
    """The departments a 职责分工 cell names as partners of its row's department, in order, each once."""
    partners: list[str] = []
    for match in _CELL_PARTNER.finditer(text):
        for name in split_departments(match.group("jointly") or match.group("mutual")):
            if name not in partners:
                partners.append(name)
    return partners


# Inside a department's own duty text the subject is the department: `牵头负责企业情况综合工作`,
# `会同有关部门指导和监督…`, `参与编制…应急预案` (FORMATS.md §2).
_DUTY_LEAD = re.compile(r"(?<![或和与])牵头(?:负责|协调|组织|督导)?(?P<matter>[^，,；;。]{2,60})")
_DUTY_JOINTLY = re.compile(rf"会同(?P<partners>{DEPT_LIST})(?P<matter>[^，,；;。]{{2,60}})")
_DUTY_ASSIST = re.compile(r"(?<![或和与])(?:参与|配合)(?P<matter>[^，,；;。]{2,60})")


def parse_duty_divisions(text: str, where: Located, department: str) -> list[Division]:
    """Lead and assist roles a duty gives its own department; the partner of 会同有关部门 stays vague."""
    found: list[Division] = []
    for sentence in re.split(r"(?<=[。；;])", text):
        for match in _DUTY_JOINTLY.finditer(sentence):
            found.append(Division(clean_matter(match.group("matter")), [department],
                                  split_departments(match.group("partners")), sentence.strip(), where))
        for match in _DUTY_LEAD.finditer(sentence):
            found.append(Division(clean_matter(match.group("matter")), [department], [], sentence.strip(), where))
        for match in _DUTY_ASSIST.finditer(sentence):
            found.append(Division(clean_matter(match.group("matter")), [], [department], sentence.strip(), where))
    return [division for division in found if division.matter]
