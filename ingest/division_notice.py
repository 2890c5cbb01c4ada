"""职责分工 documents in prose: a notice dividing a sector's work among departments, or a task plan whose
tasks each close with a lead/assist clause. They say what a 职责边界清单 says, in sentences, so they load as
one: a `ListDocument` of kind boundary, one `BoundaryRecord` a clause, each located by its line.

Three ways of writing them (FORMATS.md §5):
- sector headings with one department an item: `一、剧本娱乐经营场所` then `（一）区文旅局负责指导…。`;
  the heading is the matter and every department named under it takes part, in the order listed;
- tasks closing with a bracket: `1.制定实施准入清单。…。〔市生态环境局牵头，市发展和改革局参与〕`;
  the task's headline is the matter;
- a department as a heading: `（三十六）质监部门。` then `1.负责…。`, or `县委宣传部。负责…。` on one line;
  each duty is a matter the department leads.

A 三定 (which carries 职责分工 clauses of its own) is never read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.division import DEPT, DEPT_LIST, clean_matter, lead_clauses, parse_divisions, split_departments
from ingest.list_dates import row_date, row_doc_number
from ingest.model import BoundaryRecord, Cell, Division, ListDocument, Located
from ingest.readers import SourceText

MIN_CLAUSES = 2  # one stray `A负责B` sentence in a report is not a 职责分工 document
MAX_HEADLINE = 30
_PREAMBLE = re.compile(r"^(?:按照?|根据|依照)[^，,。]{0,20}(?:要求|部署|规定)[，,]")
_SANDING_MARKERS = re.compile(r"职能配置|内设机构|人员编制|机构编制|主要职责")
_TITLE = re.compile(r"^[^。，,：:]{4,80}(?:通知|方案|分工|职责|清单|意见|规定)(?:[（(][^）)]{0,20}[)）])?$")
_SECTION = re.compile(r"^[一二三四五六七八九十]{1,3}[、.．]\s*(?P<heading>[^。；;]{2,30}?)[。：:]?$")
_NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十百\d]{1,4}[)）]|\d{1,3}\s*[.．、]|[一二三四五六七八九十]{1,3}、)\s*")
_DEPARTMENT_HEADING = re.compile(rf"^(?P<department>{DEPT})(?:[。：:]\s*(?P<rest>.*)|$)")
_DEPARTMENT_WORD = re.compile(r"(?:局|委员会|委|办公室|办|部门|单位|厅|大队|支队|政府)$")
_ROLE_WORD = re.compile(r"负责|承担|牵头|配合|协助|参与|指导")
_DUTY_VERB = re.compile(r"^(?:负责|承担|指导|牵头|组织|做好|督促|配合|协助|参与)")
_ASSIST_ONLY = re.compile(rf"^(?P<assists>{DEPT_LIST})(?:负责)?(?:配合|协助|参与|协同)(?P<matter>[^，,。；;]+)")
_OPEN_CLAUSE = re.compile(r"[〔\[（(](?=[^〔〕\[\]（）()]*牵头)[^〔〕\[\]（）()]*$")
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_CLOSED = ("。", "；", ";", "〕", "）", ")", "]", "！", "？", ":", "：")


@dataclass
class _Walk:
    sheet: str
    records: list[BoundaryRecord] = field(default_factory=list)
    section: str = ""
    department: str = ""  # the department a `质监部门。` heading names for the items below it


def division_notice(source: SourceText) -> ListDocument | None:
    """The lead/assist clauses of a prose 职责分工 document, or None when the text is not one."""
    lines = [line.strip() for line in source.lines]
    if any(_SANDING_MARKERS.search(line) for line in lines[:12]):
        return None
    walk = _Walk(source.path.stem)
    for number, line in enumerate(lines, 1):
        if line and not line.startswith("#"):
            _read_line(walk, number, line)
    if len(walk.records) < MIN_CLAUSES:
        return None
    document = ListDocument(kind="boundary", title=_title(lines, source.title), records=walk.records)
    # A notice is dated and numbered by lines of their own (`金政办〔2024〕4号` under its title, `2024年5月17日` under
    # its issuer), before or after its items: the report's 依据文件 orders the documents by them (user test: the real
    # 金安区 notice showed neither).
    text_lines = [line for line in lines if line and not line.startswith("#")]
    document.issued = next((date for line in text_lines if (date := row_date(line))), "")
    document.doc_number = next((number for line in text_lines if (number := row_doc_number(line))), "")
    last = max((number for number, line in enumerate(lines, 1) if line and not line.startswith("#")), default=0)
    if last and _cut_short(lines[last - 1]):
        document.warnings.append(f"line {last}: the copy ends mid-sentence ({lines[last - 1][-20:]}); "
                                 f"what followed the cut is not in the graph; 第 {last} 行文字在句中中断，其后内容未载入")
    return document


def _cut_short(line: str) -> bool:
    """A last line that stops mid-sentence; a notice may end on its date or its issuer's name."""
    return not (line.endswith(_CLOSED) or _DATE.fullmatch(line) or re.fullmatch(DEPT, line))


def _read_line(walk: _Walk, number: int, line: str) -> None:
    section = _SECTION.match(line)
    if section and not _DEPARTMENT_WORD.search(section.group("heading")):
        walk.section, walk.department = section.group("heading").strip(), ""
        return
    body = _NUMBERING.sub("", line)
    cell = Cell(walk.sheet, number, sheet_named_by_file=True)
    where = Located(number, cell.locator)
    heading = _DEPARTMENT_HEADING.match(body)
    if heading and not _ROLE_WORD.search(heading.group("department")):
        walk.department = heading.group("department")
        body = heading.group("rest") or ""
        if not body:
            return
    if _is_bracketed(body):
        found = _tasks(_close_cut_clause(body), where)
    else:
        found = [Division(d.matter, d.leads, d.assists, body, where) for d in parse_divisions(body, where)[:1]]
        # Only the item's subject counts: its later sentences say how, not who else.
        if found and walk.section and _starts_with_party(body, found[0]):
            found = [Division(walk.section, found[0].leads, found[0].assists, body, where)]
    if not found:
        found = _assist_only(body, walk.section, where) or _under_department(walk.department, body, where)
    for division in found:
        if division.matter and (division.leads or division.assists):
            walk.records.append(BoundaryRecord(division.matter, division.leads, division.assists, division.text, "", cell))


def _tasks(body: str, where: Located) -> list[Division]:
    """Each closing clause and the task it closes: the text since the clause before (a copy that lost its line
    breaks runs several tasks into one line); the task's first sentence is the matter."""
    found, start = [], 0
    for clause in lead_clauses(body):
        task = body[start:clause.end].strip()
        assists = split_departments(clause.assists) if clause.assists else []
        found.append(Division(_headline(_NUMBERING.sub("", task)), split_departments(clause.leads), assists, task, where))
        start = clause.end
    return found


def _headline(body: str) -> str:
    """A task's first sentence without its number (`制定实施准入清单`); a long one, from its preamble
    (`按省的要求，`) to its first comma."""
    sentence = _PREAMBLE.sub("", re.split(r"[。；;]", body, maxsplit=1)[0])
    if len(sentence) > MAX_HEADLINE:
        sentence = re.split(r"[，,]", sentence, maxsplit=1)[0]
    return clean_matter(sentence)


def _is_bracketed(body: str) -> bool:
    return re.search(r"[〔\[（(][^〔〕\[\]]*牵头", body) is not None


def _close_cut_clause(body: str) -> str:
    """A copy cut inside a closing clause (`（A、B牵头督导，C、D、`) keeps the leads it names."""
    cut = _OPEN_CLAUSE.search(body)
    return body if cut is None else body[: cut.start()] + re.sub(r"[，,、]+[^牵]*$", "", cut.group(0)) + "）"


def _starts_with_party(body: str, division: Division) -> bool:
    first = (division.leads or division.assists)[0]
    return body.startswith(first)


def _assist_only(body: str, section: str, where: Located) -> list[Division]:
    match = _ASSIST_ONLY.match(body)
    if match is None:
        return []
    return [Division(section or clean_matter(match.group("matter")), [], split_departments(match.group("assists")),
                     body, where)]


def _under_department(department: str, body: str, where: Located) -> list[Division]:
    if not department or not _DUTY_VERB.match(body):
        return []
    assisting = re.match(r"^(?:配合|协助|参与)", body) is not None
    matter = clean_matter(re.sub(r"^(?:配合|协助|参与)", "", re.split(r"[。；;]", body, maxsplit=1)[0]))
    return [Division(matter, [] if assisting else [department], [department] if assisting else [], body, where)]


def _title(lines: list[str], container_title: str) -> str:
    """The document's own title: the first title-like line (the issuing notice names its government)."""
    return next((line for line in lines if _TITLE.match(line) and not line.startswith("#")), container_title)
