"""A 区划调整 notice of its own: the 国务院's 批复 (国务院关于同意某省调整示例市部分行政区划的批复) or a province's
notice (关于撤销青山县设立示例市青山区的通知, 关于将青山县更名为青山区的通知). No department in it: it states the
region's rename (ingest.region_succession), which loads as the Region REPLACED_BY edge a 三定 stating it gives,
its source this notice. A notice naming no county abolished, or no district set up, is refused (its file and line).

Its 编制 sentences (核定青山区…机关行政编制22名) are no department's: the notice names none, so they are left unread.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ingest.amendment import item_of
from ingest.county_cities import notice_county_cities
from ingest.errors import IngestError
from ingest.model import SandingDocument
from ingest.numerals import find_date
from ingest.region_succession import EXPECTED, EXPECTED_ZH, AmbiguousRegionSuccession, read_region_successions
from ingest.staff_moves import unread_staff

KIND = "region_notice"  # Document.kind
# The title alone on its line (in 《》 or not): a 三定's 第一条 citing the 批复 (根据《…的批复》，制定本规定) is no title.
_TITLE = re.compile(r"^《?(?P<title>[^，,。；;《》]{0,40}关于[^，,。；;《》]{2,80}(?:批复|通知|决定|公告))》?$")
# What makes a title a 区划调整's: the words, or the rename itself (read by ingest.region_succession).
_REGION_WORDS = re.compile(r"行政区划|撤县设区|撤县(?:改|建)区|撤市设区")
# A 三定 or 调整职责机构编制 notice is a department's (ingest.sanding, ingest.amendment).
_DEPARTMENT_WORDS = re.compile(r"职责|职能|机构编制|内设机构")
# Where a notice that states no rename was meant to: the first sentence abolishing, setting up or renaming.
_ATTEMPT = re.compile(r"撤销|设立|设置|更名|行政区域")


def title_line(numbered: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The 区划调整 notice's title among the first lines (its number and text), None for any other document."""
    for number, text in numbered[:5]:
        title = _TITLE.match(text.strip())
        if title is None or _DEPARTMENT_WORDS.search(title.group("title")):
            continue
        if _REGION_WORDS.search(title.group("title")) or notice_county_cities([(number, text)]) or \
                read_region_successions([(number, "title", text)], several=True):
            return number, title.group("title")
    return None


def parse_region_notice(path: Path, numbered: list[tuple[int, str]], title: tuple[int, str]) -> SandingDocument:
    """The renames the notice states: its items' sentences, where they are written in full and cited as sources,
    then its title's (a 批复 titled 关于同意撤销青山县设立示例市青山区的批复 may say no more than 同意你省的请示)."""
    number, text = title
    document = SandingDocument(department="", kind_of_document=KIND, title=text)
    lines: list[tuple[int, str, str]] = []
    for line, body in numbered:
        if line <= number:
            continue
        if not document.dated and (date := find_date(body)):
            document.issued = document.dated = date  # the notice's own date, in brackets under the title
        # Its 编制 sentences (核定青山区人民政府工作部门机关行政编制22名) are no one department's: said, not counted.
        document.warnings += [f"line {line}: staff sentence not read: a 区划调整 notice names no department the "
                              f"posts are of: “{sentence}”; 第{line}行的编制表述未读取：区划调整通知未写明是哪个部门的编制"
                              for sentence in unread_staff(body, [])]
        lines.append((line, *item_of(line, body)))
    try:
        document.region_successions = read_region_successions([*lines, (number, "title", text)], several=True)
    except AmbiguousRegionSuccession as exc:
        raise IngestError(path, EXPECTED, zh=exc.zh, line=exc.where.line, detail=exc.detail) from exc
    # 将青松市交由北湖市代管: the 县级市 lies in that city, as a list or a 三定 saying so places it.
    # Each cited by the item that states it, as the renames are (not the notice's title, unless it is that).
    located = {number: "title", **{line: locator for line, locator, _body in lines}}
    document.administered = [replace(county, locator=located[county.line]) for county in notice_county_cities(
        [*((line, body) for line, _locator, body in lines), title])]
    if not document.region_successions and not document.administered:
        where, said = next(((line, body) for line, _locator, body in lines if _ATTEMPT.search(body)), title)
        raise IngestError(path, EXPECTED, line=where,
                          detail=f"a 区划调整 notice naming no county abolished and no district set up: “{said}”",
                          zh=f"区划调整通知没有写明撤销哪个县、设立哪个区：“{said}”；{EXPECTED_ZH}")
    return document
