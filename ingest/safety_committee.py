"""安全生产委员会成员单位安全生产工作职责 (安委会职责): a county's 安委会 gives each member unit its safety duties, a
paragraph or a table row each, usually opening with its sector (县住房和城乡建设局：负责住房和城乡建设行业安全生产监督管理…).
It is the main written source of which department is the 行业主管 of which sector's safety (管行业必须管安全), more than
a 三定's one clause (queries.sector_safety reads the sectors; the rows cite the document's 第N项).

It is written two ways, both read here into one record a member:
- numbered paragraphs under the title (`一、县住房和城乡建设局：负责…。`; or the member's name on its numbered line and
  its duties on the lines below, up to the next member): a line that is no member's continues the member above (a
  copy's hard line break), until a blank line after a finished sentence (a signature, a date below are no member's);
- a table (.csv, .xlsx) whose header names the members (成员单位, 单位名称) and their duties (安全生产工作职责, 工作职责).

It is told from the other documents by its title (…安全生产委员会成员单位安全生产工作职责, …安全生产工作职责清单), or a
table's by its columns (成员单位 beside a 职责 column): a 三定 or a 职责边界清单 has neither. A member with no duty
written, or a table row with no member, fails the file (every such row named, the file's line and what was expected)
before anything is written. A member whose name resolves to no department of the graph is a party as a 职责边界清单's
(ingest.records.note_party: created unresolved, reported, re-resolved once its department loads).
"""

from __future__ import annotations

import re

from ingest.errors import CellError, IngestError, RowError, RowErrors
from ingest.list_dates import read_title_rows
from ingest.lists import is_note_row
from ingest.model import Cell, ListDocument, SafetyDutyRecord
from ingest.readers import SourceText
from ingest.sheets import Sheet, Workbook, column_letter
from ingest.tables import fold_header

KIND = "safety_committee"
# The title as counties write it: 《…安全生产委员会成员单位安全生产工作职责》, 《…安委会成员单位安全生产职责清单》,
# 《…安全生产工作职责清单》 (a 三定 titles itself 职能配置、内设机构和人员编制规定; a 职责边界清单 its own words).
_TITLE = re.compile(r"(?:安全生产委员会|安委会)成员单位(?:安全生产)?(?:工作)?职责|安全生产工作职责(?:清单|分工)")
TITLE_SCAN_LINES = 5  # the title stands in the first lines, above a 文号 or a date at most
# `一、县住房和城乡建设局：负责…`, `（一）县应急管理局：…`, `1.县公安局：…`; the name alone on its line, duties below.
_SEQ = r"(?:[（(](?P<bseq>[一二三四五六七八九十百零〇\d]+)[）)]|(?P<seq>[一二三四五六七八九十百零〇]+|\d{1,3})\s*[、.．])"
_MEMBER = re.compile(rf"^{_SEQ}\s*(?P<name>[^：:，,。；;\s]{{2,40}}?)\s*(?:[：:]\s*(?P<text>.*))?$")
# A member's name ends as a body's does; a numbered line that ends otherwise heads a group (一、综合监管部门).
_BODY_END = re.compile(r"(?:局|委员会|委|办公室|办|中心|大队|支队|队|人民政府|法院|检察院|院|部|公司|社|会|站|所)$")
_NAME_HEADERS = ("成员单位", "单位名称", "责任单位", "单位", "部门名称", "部门")
_DUTY_HEADERS = ("安全生产工作职责", "安全生产职责", "工作职责", "主要职责", "职责")
_SEQ_HEADERS = ("序号", "编号")
HEADER_SCAN_ROWS = 8
_ENDED = ("。", "；", ";")
DUTY_TITLE = "安全生产工作职责"


def is_committee_title(lines: list[str]) -> bool:
    """Whether the first lines title the document a 安委会成员单位安全生产工作职责."""
    return any(_TITLE.search(line.replace(" ", "")) for line in [line for line in lines if line.strip()][:TITLE_SCAN_LINES])


def is_committee_table(workbook: Workbook) -> bool:
    """Whether a sheet's header names the members and their safety duties (成员单位 | 安全生产工作职责), or names
    members and duties under a 安委会职责 title."""
    return any(_header(sheet) is not None for sheet in workbook.sheets)


def committee_paragraphs(source: SourceText) -> ListDocument | None:
    """The numbered paragraphs' members, or None where the text is titled no 安委会职责."""
    if not is_committee_title(source.lines):
        return None
    title_rows = read_title_rows([line for line in source.lines[:_first_member(source.lines)] if line.strip()])
    document = ListDocument(kind=KIND, title=title_rows.title, issued=title_rows.issued,
                            doc_number=title_rows.doc_number)
    sheet = source.path.stem
    bad: list[IngestError] = []
    member: tuple[int, str, str, list[str]] | None = None  # (line, seq, name, its text's lines)

    def close() -> None:
        if member is None:
            return
        line, seq, name, text = member
        duty = "".join(text).strip()
        if not duty:
            bad.append(IngestError(source.path, f"the safety duties of {name} after its name (一、{name}：负责…。)",
                                   line=line, detail="no duty is written",
                                   zh=f"成员单位“{name}”之后没有写安全生产工作职责（应为：一、{name}：负责…。）"))
            return
        # Cited as the document numbers its members: 第三项 (its line beside it, ingest.row_numbers).
        document.records.append(SafetyDutyRecord(name, duty, Cell(sheet, line, True, seq=f"{seq}项", seq_title="第")))

    for number, raw in enumerate(source.lines, 1):
        line = raw.strip()
        found = _MEMBER.match(line)
        if found and _BODY_END.search(found.group("name")):
            close()
            member = (number, found.group("seq") or found.group("bseq"), found.group("name"),
                      [found.group("text") or ""])
        elif found:  # a group's heading (一、综合监管部门): the member above has ended
            close()
            member = None
        elif member is not None and line:
            member[3].append(line)
        elif member is not None and "".join(member[3]).endswith(_ENDED):
            # A blank line after a finished paragraph ends the members: a signature or a date below is none of them.
            close()
            member = None
    close()
    if bad:
        raise RowErrors(bad)
    if not document.records:
        raise IngestError(source.path, "numbered members with their safety duties (一、县住房和城乡建设局：负责…。)",
                          detail="the title is a 安委会职责's but no member follows it",
                          zh="标题为安委会成员单位安全生产工作职责，但其下没有编号的成员单位（应为：一、县住房和城乡建设局：负责…。）")
    return document


def _first_member(lines: list[str]) -> int:
    return next((index for index, line in enumerate(lines)
                 if (found := _MEMBER.match(line.strip())) and _BODY_END.search(found.group("name"))), len(lines))


def parse_committee_table(workbook: Workbook) -> ListDocument:
    """A table of members (成员单位 | 安全生产工作职责), every sheet with such a header."""
    read = [(sheet, header) for sheet in workbook.sheets if (header := _header(sheet)) is not None]
    if not read:
        raise IngestError(workbook.path, "a header row naming the members (成员单位) and their duties (安全生产工作职责)",
                          zh="安委会职责表没有可识别的表头行（应有“成员单位”“安全生产工作职责”两列）")
    title_rows = read_title_rows(read[0][1][3])
    document = ListDocument(kind=KIND, title=title_rows.title, issued=title_rows.issued,
                            doc_number=title_rows.doc_number)
    bad: list[IngestError] = []
    for sheet, (header_row, columns, labels, _title) in read:
        for number, cells in sheet.rows:
            if number <= header_row or is_note_row(cells) or not any(cell.strip() for cell in cells):
                continue
            name, duty = (_at(cells, columns[field]) for field in ("name", "duty"))
            problems = [CellError(((column_letter(columns[field]), labels[field]),), expected, zh)
                        for field, value, expected, zh in (
                            ("name", name, "the member unit the row gives its duties (成员单位)", "应填写成员单位"),
                            ("duty", duty, "the member's safety duties (安全生产工作职责)", "应填写安全生产工作职责"))
                        if not value]
            if problems:
                bad.append(RowError(workbook.path, number, sheet.name, problems))
                continue
            seq = _at(cells, columns["seq"]) if "seq" in columns else ""
            document.records.append(SafetyDutyRecord(name, duty, Cell(sheet.name, number, sheet.named_by_file, seq=seq)))
    if bad:
        raise RowErrors(bad)
    return document


def _header(sheet: Sheet) -> tuple[int, dict[str, int], dict[str, str], list[str]] | None:
    """The header's row, its columns (name, duty, seq) and their titles as written, and the title lines above it;
    None where no row names members and duties, or where the duties are no 安全生产 ones under a title that is no
    安委会职责's (a 部门 | 职责 table of anything else)."""
    for index, (number, cells) in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        folded = [fold_header(cell) for cell in cells]
        columns = {field: column for field, titles in (("name", _NAME_HEADERS), ("duty", _DUTY_HEADERS),
                                                       ("seq", _SEQ_HEADERS))
                   if (column := _column(folded, titles)) is not None}
        if "name" not in columns or "duty" not in columns:
            continue
        above = [" ".join(cell for cell in row if cell) for _number, row in sheet.rows[:index]]
        if ("安全生产" in folded[columns["duty"]] and folded[columns["name"]] == "成员单位") or is_committee_title(above):
            return number, columns, {field: cells[column] for field, column in columns.items()}, above
    return None


def _column(folded: list[str], titles: tuple[str, ...]) -> int | None:
    """The first of a header row's cells (folded) that is one of `titles`, in the titles' order."""
    return next((index for title in titles for index, cell in enumerate(folded) if cell == title), None)


def _at(cells: list[str], column: int) -> str:
    return cells[column].strip() if column < len(cells) else ""
