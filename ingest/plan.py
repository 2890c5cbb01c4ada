"""A department's 年度工作目标 (yearly work plan) read into its goals, for `dutygraph check-plan` to set against the
department's duties. Nothing is loaded into the graph.

A plan comes as text (.txt, .docx: numbered goals 一、…（一）…1. …, or one goal a line) or as a table (.csv, .xlsx, or
a .docx whose table has a 工作目标 column) with optional 责任处室 and 完成时限 columns. In numbered text a numbered line
with deeper-numbered lines under it is a heading (一、水资源管理), not a goal: goals are the innermost items, each with
its unnumbered continuation lines. Each goal keeps the line (text) or row (table) it was read from, for the answer to
cite."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ingest.content import content_terms
from ingest.errors import IngestError
from ingest.numerals import CHINESE_NUMERAL
from ingest.readers import DOCX_SUFFIXES, TEXT_SUFFIXES, read_source
from ingest.sheets import SHEET_SUFFIXES, Sheet, read_workbook
from ingest.word_tables import word_workbook

PLAN_SUFFIXES = TEXT_SUFFIXES | DOCX_SUFFIXES | SHEET_SUFFIXES
_EXPECTED = ("a yearly work plan (年度工作目标): numbered goals or one goal a line as .txt or .docx, or a table with a "
             "工作目标 column as .csv, .xlsx or .docx")

# The numbering levels of a plan, outermost first: 一、 （一） 1. （1）.
_NUMBERS = (re.compile(rf"^{CHINESE_NUMERAL}\s*[、.．]\s*"), re.compile(rf"^[（(]\s*{CHINESE_NUMERAL}\s*[）)]\s*"),
            re.compile(r"^\d{1,3}\s*[、.．]\s*(?!\d)"), re.compile(r"^[（(]\s*\d{1,3}\s*[）)]\s*"))
# What a text goal may say of itself in brackets: its office and its deadline (（责任处室：水资源管理科）).
_OFFICE_NOTE = re.compile(r"[（(]?\s*(?:责任|牵头)(?:处室|科室|股室|单位)\s*[：:]\s*([^，,；;。）)]+)[）)]?")
_DEADLINE_NOTE = re.compile(r"[（(]?\s*完成(?:时限|时间)\s*[：:]\s*([^，,；;。）)]+)[）)]?")
# A table's columns, by their header's words (spaces removed).
GOAL_HEADERS = ("工作目标", "目标任务", "年度目标", "工作任务", "目标内容", "具体目标", "重点任务")
OFFICE_HEADERS = ("责任处室", "责任科室", "责任股室", "牵头处室", "牵头科室", "责任单位")
DEADLINE_HEADERS = ("完成时限", "完成时间", "时间节点")
_QUALIFIER = 3  # characters a header may say before its word: 年度工作目标, 主要目标任务
# The title's words that follow the department's name: 示例市水务局2025年度工作目标.
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_YEAR_FIRST = re.compile(r"^(?:19|20)\d{2}\s*年度?")
_TITLE_TAIL = re.compile(r"(?:(?:19|20)\d{2}\s*年度?)?(?:部门)?(?:年度)?(?:工作目标|工作计划|工作要点|目标任务|重点工作).*$")


@dataclass(frozen=True)
class Goal:
    line: int  # of the text, or the table's row as the sheet shows it
    number: str  # as the plan numbers it (一、（二）3.), '' when it does not
    text: str
    office: str = ""  # 责任处室, '' when not given
    deadline: str = ""  # 完成时限, '' when not given
    sheet: str = ""  # a table's sheet ('' for text, and for a CSV's one sheet)


@dataclass(frozen=True)
class Plan:
    path: Path
    title: str
    goals: list[Goal]
    title_line: int = 0  # the title's first line or row, 0 when it has none (a table's title is its file's name)

    @property
    def year(self) -> int | None:
        """The year the title names (2025年度工作目标), None when it names none."""
        found = _YEAR.search(self.title)
        return int(found.group(1)) if found else None

    @property
    def department(self) -> str:
        """The department the title names, as written: '' when the title is only 年度工作目标, or is no plan's title
        (a table's file name)."""
        if not _TITLE_TAIL.search(self.title):
            return ""
        return _YEAR_FIRST.sub("", _TITLE_TAIL.sub("", self.title)).strip(" ：:《》")


def read_plan(path: Path) -> Plan:
    """The plan's title and goals; an IngestError naming the file (and line) for a file of another type, one that
    cannot be read, or one holding no goal."""
    suffix = path.suffix.lower()
    if suffix not in PLAN_SUFFIXES:
        raise IngestError(path, _EXPECTED, detail=f"unsupported file type {suffix or '(none)'}",
                          zh="年度工作目标应为 .txt、.docx、.csv 或 .xlsx 文件")
    if suffix in SHEET_SUFFIXES or suffix in DOCX_SUFFIXES:
        sheets = read_workbook(path).sheets if suffix in SHEET_SUFFIXES else word_workbook(path).sheets
        for sheet in sheets:
            header = _header(sheet)
            if header is not None:
                return _table_plan(path, sheet, header)
        if suffix in SHEET_SUFFIXES:
            raise IngestError(path, _EXPECTED, detail=f"no column titled {' or '.join(GOAL_HEADERS[:2])}",
                              zh="表格中没有“工作目标”或“目标任务”列")
    source = read_source(path)
    return _text_plan(path, source.lines)


def _text_plan(path: Path, lines: list[str]) -> Plan:
    numbered = [(number, line.strip(), _level(line.strip())) for number, line in enumerate(lines, 1) if line.strip()]
    if not numbered:
        raise _no_goals(path)
    title_end = next((i for i, (_n, _t, level) in enumerate(numbered) if level is not None), len(numbered))
    # Without numbering the first line is the title when it reads as one (…工作目标), and every other line a goal.
    if title_end == len(numbered):
        title_end = 1 if _TITLE_TAIL.search(numbered[0][1]) else 0
    title = "".join(text for _n, text, _level in numbered[:title_end])
    title_line = numbered[0][0] if title_end else 0
    body = numbered[title_end:]
    goals: list[Goal] = []
    for index, (number, text, level) in enumerate(body):
        if level is None and any(level is not None for _n, _t, level in body):
            continue  # a continuation line: joined to its goal below
        following = next((lvl for _n, _t, lvl in body[index + 1:] if lvl is not None), None)
        if level is not None and following is not None and following > level:
            continue  # a heading over deeper-numbered goals
        marker = _NUMBERS[level].match(text) if level is not None else None
        words = text[marker.end():] if marker else text
        for _n, more, lvl in body[index + 1:]:
            if lvl is not None or level is None:
                break
            words += more
        goals.append(_goal(number, marker.group(0).strip() if marker else "", words))
    goals = [goal for goal in goals if content_terms(goal.text)]
    if not goals:
        raise _no_goals(path)
    return Plan(path, title, goals, title_line)


def _level(text: str) -> int | None:
    return next((level for level, pattern in enumerate(_NUMBERS) if pattern.match(text)), None)


def _goal(line: int, number: str, words: str) -> Goal:
    """A text goal, the office and deadline it names in brackets taken out of its words."""
    office = _OFFICE_NOTE.search(words)
    deadline = _DEADLINE_NOTE.search(words)
    for found in (office, deadline):
        if found is not None:
            words = words.replace(found.group(0), "")
    return Goal(line, number, words.strip(" ；;，,"), office.group(1).strip() if office else "",
                deadline.group(1).strip() if deadline else "")


def _header(sheet: Sheet) -> tuple[int, int, int | None, int | None] | None:
    """The header row's index in the sheet's rows, and its goal, office and deadline columns; None without one."""
    for index, (_number, cells) in enumerate(sheet.rows):
        titles = [re.sub(r"\s", "", cell) for cell in cells]
        goal = _column(titles, GOAL_HEADERS)
        if goal is not None:
            return index, goal, _column(titles, OFFICE_HEADERS), _column(titles, DEADLINE_HEADERS)
    return None


def _column(titles: list[str], wanted: tuple[str, ...]) -> int | None:
    """The column whose header is one of `wanted`, or ends with one after a short qualifier (年度工作目标): a longer
    cell ending so is a title (示例市水务局2025年度工作目标), not a header."""
    return next((i for i, title in enumerate(titles)
                 if any(title.endswith(word) and len(title) <= len(word) + _QUALIFIER for word in wanted)), None)


def _table_plan(path: Path, sheet: Sheet, header: tuple[int, int, int | None, int | None]) -> Plan:
    start, goal, office, deadline = header
    # The title: the one-cell rows above the header (a workbook's merged title row), else the file's name.
    # (A merged title row reads its text in each cell it spans.)
    above = [(number, cell) for number, cells in sheet.rows[:start] for cell in cells
             if cell and len({cell for cell in cells if cell}) == 1]
    title_line, title = above[0] if above else (0, path.stem)

    def cell(cells: list[str], column: int | None) -> str:
        return cells[column].strip() if column is not None and column < len(cells) else ""

    goals = [Goal(number, "", cell(cells, goal), cell(cells, office), cell(cells, deadline),
                  "" if sheet.named_by_file else sheet.name)
             for number, cells in sheet.rows[start + 1:] if content_terms(cell(cells, goal))]
    if not goals:
        raise _no_goals(path, sheet.rows[start][0])
    return Plan(path, title, goals, title_line)


def _no_goals(path: Path, line: int | None = None) -> IngestError:
    return IngestError(path, _EXPECTED, line=line, detail="no goal found",
                       zh="没有读到工作目标：应为编号的目标（一、…（一）…1.…）或每行一项目标，或带“工作目标”列的表格")
