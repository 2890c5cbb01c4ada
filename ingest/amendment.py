"""Amendment notices (关于调整XX职责机构编制的通知): duty transfers, cancelled and devolved work, staff deltas,
post-adjustment totals.

Deltas (`将科学技术部4名行政编制…划入…`) are moves between departments and never a total; the totals
come from the closing `调整后，…机关行政编制444名` sentence, which supersedes the base 三定's figures.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.changes import classify_change, devolved_to, move_change
from ingest.errors import IngestError
from ingest.model import FunctionChange, Located, SandingDocument, Staffing
from ingest.names import same_department
from ingest.numerals import CHINESE_NUMERAL, find_date
from ingest.region_succession import EXPECTED, AmbiguousRegionSuccession, with_townships
from ingest.staff_moves import DEPARTMENT, read_staff, staff_with_duty, unread_staff, unread_warning, without
from ingest.succession import read_successions

# 关于调整X职责机构编制的通知, or of its duties alone (关于调整X职责的通知); and a rename by a notice of its own,
# 关于（将）A更名为B的通知, whose department is B, the body there from then on.
_TITLE = re.compile(r"关于调整(?P<dept>[\u4e00-\u9fff]{2,40}?)(?:的)?职责(?:(?:、)?机构(?:、)?编制)?(?:事项)?的通知"
                    r"|关于将?(?P<old>[\u4e00-\u9fff（）()]{2,40}?)(?:整体)?更名为(?P<new>[\u4e00-\u9fff（）()]{2,40}?)的通知")
_ITEM = re.compile(rf"^({CHINESE_NUMERAL})\s*[、.．]\s*")
# 将A的…职责划入B, or as often 将A承担的（负责的）…职责划入B.
_DUTY_MOVE = re.compile(rf"将(?P<src>{DEPARTMENT})(?:承担|负责)?的(?P<duty>.+?)(?:等)?职责(?:划入|划归|划给)(?P<dst>{DEPARTMENT})"
                        r"[。；;]?")
# Work a notice takes away without a receiving department (取消…职责, 将…下放至各县（区）, 将…交由各县（区）人民政府
# 负责): the work itself, without whose it was, as a transfer's subject is (the department's name would count as
# words the duty must say).
_RETIRED_WORK = re.compile(rf"^(?:取消|不再承担|将)(?:{DEPARTMENT}(?:承担)?的)?(?P<work>.+?)(?:等)?(?:职责|职能|事项|工作)?"
                           r"(?:下放|交由|移交|[。；;]|$)")
_SENTENCES = re.compile(r"(?<=[。；;])")
# 调整后，X内设机构N个，行政编制N名; or the posts alone (调整后，X机关行政编制22名, 核定X机关行政编制22名), read only
# where X is the notice's own department (`_own_total`): a figure of another body is left unread and said so.
_TOTALS = re.compile(
    r"(?:调整后[，,]\s*|核定)(?P<dept>[\u4e00-\u9fff]{2,30}?)(?:内设机构(?P<offices>\d+)个[，,]\s*)?(?:机关)?"
    r"行政编制(?P<staff>\d+)名"
    r"(?:[，,]\s*(?P<rank>[\u4e00-\u9fff]{1,6}?)领导职数(?P<posts>\d+)名)?"
)


def item_of(number: int, text: str) -> tuple[str, str]:
    """A notice's line as an item: its locator (`一、`, else `line N`) and its text without the numeral."""
    item = _ITEM.match(text)
    return (f"{item.group(1)}、", text[item.end():]) if item else (f"line {number}", text)


def is_amendment(numbered: list[tuple[int, str]]) -> bool:
    return any(_TITLE.search(text) for _n, text in numbered[:10])


def title_department(title: str) -> str | None:
    """The department a notice's title names (关于调整X职责的通知: X; 关于将A更名为B的通知: B), None for no notice's."""
    found = _TITLE.search(title)
    return None if found is None else found.group("dept") or found.group("new")


def parse_amendment(path: Path, numbered: list[tuple[int, str]]) -> SandingDocument:
    title_line, title_match = next((n, m) for n, text in numbered[:10] if (m := _TITLE.search(text)))
    department = title_department(title_match.group(0)) or ""
    document = SandingDocument(department=department, kind_of_document="amendment",
                               title=next(text for n, text in numbered if n == title_line))
    # The notice's own date in brackets under the title wins over a website's 发布时间.
    for number, text in numbered:
        if number > title_line and (date := find_date(text)):
            document.issued = document.dated = date
            break
    lines: list[tuple[int, str, str]] = []
    # The title is no item: 关于将A更名为B的通知 names the rename its text states.
    for number, text in (line for line in numbered if line[0] > title_line):
        locator, body = item_of(number, text)
        _read_sentences(document, body, Located(number, locator))
        lines.append((number, locator, body))
    # 将A更名为本局, 不再保留A: a notice may rename or merge bodies, as a 三定's opening articles do.
    document.successions = read_successions(lines, department)
    # 撤销桃源乡，并入石桥镇: a township's merger or 街道 the notice states, read as a 三定's or a 区划调整 notice's.
    try:
        document.region_successions = with_townships([], lines)
    except AmbiguousRegionSuccession as exc:
        raise IngestError(path, EXPECTED, zh=exc.zh, line=exc.where.line, detail=exc.detail) from exc
    if not (document.changes or document.staff_transfers or document.staffing or document.successions
            or document.region_successions):
        raise IngestError(path, "an amendment notice with duty or staff adjustments, or a rename or merger",
                          detail="found no 划入 items, no 调整后 totals and no 更名为 or 不再保留 sentence",
                          zh="不是职责或编制调整通知：没有划入事项、调整后的编制数，也没有更名或不再保留的机构")
    return document


def _read_sentences(document: SandingDocument, text: str, where: Located) -> None:
    # Staff changes first: the work a sentence cancels or hands down is read from the rest (取消…职责，核减行政编制1名).
    staff = read_staff(text, document.department, where)
    duty_moves = list(_DUTY_MOVE.finditer(text))
    for move in duty_moves:
        if posts := staff_with_duty(text, move.end(), move.group("src"), move.group("dst"), where):
            staff.append(posts)
        # By the department's identity (县教育局, 本局), not its name as the title writes it: a move between two other
        # departments is theirs (`moved`), and the resolver may still find one side the department (ingest.records).
        document.changes.append(move_change(move.group(0), where, move.group("src"), move.group("dst"),
                                            lambda mention: same_department(mention, document.department),
                                            subject=move.group("duty")))
    document.staff_transfers.extend(read.transfer for read in sorted(staff, key=lambda read: read.span))
    totals = _own_total(_TOTALS.search(text), document.department)
    if totals:
        if totals.group("offices"):  # a later sentence of the posts alone leaves the count of offices stated
            document.offices_stated, document.offices_stated_locator = int(totals.group("offices")), where.locator
        staffing = Staffing(admin_quota=int(totals.group("staff")), where=where)
        if totals.group("posts"):
            staffing.office_leader_posts[totals.group("rank")] = int(totals.group("posts"))
        document.staffing = staffing
    read = [posts.span for posts in staff] + ([totals.span()] if totals else [])
    document.warnings.extend(unread_warning(where.line, sentence) for sentence in unread_staff(text, read))
    work = without(text, [posts.span for posts in staff])
    retired = [change for sentence in _SENTENCES.split(work) if (change := _retired(document, sentence, where))]
    document.changes.extend(retired)
    covered = staff or duty_moves or totals or retired
    if (not covered and text.startswith(("将", "不再保留"))) or re.search(r"改由.+代管|更名为", text):
        document.changes.append(FunctionChange("reform", text.strip(), where))


def _own_total(totals: re.Match[str] | None, department: str) -> re.Match[str] | None:
    """A 调整后 total with its 内设机构 count, or posts alone of the notice's own department (by its base name: the
    region may be written or not); None for posts alone of another body, or of all a government's departments."""
    if totals is None or totals.group("offices") or same_department(totals.group("dept"), department):
        return totals
    return None


def _retired(document: SandingDocument, sentence: str, where: Located) -> FunctionChange | None:
    """A sentence that cancels the department's work or hands it down (kinds as a 三定's 职能转变 reads them); not
    一个机构不再保留 (an organ abolished, or merged into this one), nor a move between departments (`_DUTY_MOVE`)."""
    sentence = sentence.strip()
    if sentence.startswith("不再保留") or _DUTY_MOVE.search(sentence):
        return None
    if read_successions([(where.line, where.locator, sentence)], document.department):
        return None  # 将A的职责划入本局，不再保留A: a body merged into this one, its work going on here
    change = classify_change(sentence, where, [document.department])
    work = _RETIRED_WORK.match(sentence)
    if change.kind not in {"cancelled", "devolved"} or work is None:
        return None
    return FunctionChange(change.kind, sentence, where, subject=work.group("work"),
                          devolved_to=devolved_to(sentence) if change.kind == "devolved" else None)
