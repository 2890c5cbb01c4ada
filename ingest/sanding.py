"""The 三定 parser: cleaned lines in, a `SandingDocument` out (pure: no database, no jieba).

It reads the 2018+ article style (第X条 … 主要职责是：), the 2005–2010 chapter style (一、职责调整
二、主要职责 三、内设机构 四、人员编制), single-line copies and fragments that start or stop mid-way.
Sections are found by what they say (`主要职责是`, `设N个内设机构`, `行政编制`), not by article numbers,
which shift between documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest import amendment, offices, region_notice
from ingest.changes import headline_kind, parse_changes
from ingest.division import parse_bracket_divisions, parse_divisions, parse_duty_divisions
from ingest.errors import IngestError
from ingest.model import DutyClause, Located, OfficeRecord, SandingDocument
from ingest.normalize import clean_lines
from ingest.numerals import CHINESE_NUMERAL, DOC_NUMBER, chinese_to_int, find_date
from ingest.readers import SourceText
from ingest.region_succession import (
    EXPECTED,
    AmbiguousRegionSuccession,
    first_township_sentence,
    read_region_successions,
    with_townships,
)
from ingest.regions import NATIONAL, level_of, split_region_prefix
from ingest.sector_rule import sector_rule
from ingest.staffing import office_post_details, parse_staffing, post_details, post_mismatches
from ingest.succession import read_successions

_ARTICLE = re.compile(rf"^第\s*({CHINESE_NUMERAL})\s*条\s*")
_CHAPTER = re.compile(rf"^({CHINESE_NUMERAL})\s*[、.．]\s*")
_PAREN_ITEM = re.compile(rf"[（(]\s*({CHINESE_NUMERAL})\s*[）)]\s*")
_TITLE_TAIL = re.compile(r"(?:的)?(?:职能配置|主要职责)、?\s*内设机构和人员编制(?:的)?规定")
_QUOTED_TITLE = re.compile(r"《([^《》]*?(?:职能配置|主要职责)[^《》]*?规定)》|关于印发([^《》]*?(?:职能配置|主要职责)[^《》]*?规定)的通知")
_META_NAMES = r"(?:索引号|发布机构|发布时间|发布日期|成文日期|文号|公开方式|目录组配分类|主题分类|来源)"
_META_FIELD = re.compile(rf"^{_META_NAMES}\s*[:：]")
_META_PAIR = re.compile(rf"({_META_NAMES})\s*[:：]\s*(.*?)(?=\s+{_META_NAMES}\s*[:：]|$)")
_DEPT_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{4,40}(?:局|委员会|办公室|委|厅|部|署|院|中心|办)$")
_BODY_DEFINITION = re.compile(
    r"^(?P<name>[\u4e00-\u9fff（）()]{2,40}?)是(?P<what>[^。]*?)(?:[，,]\s*为(?P<rank>[\u4e00-\u9fff]{1,4}级)(?:建制)?)?[。，,]"
)
_SETUP = re.compile(r"(?:设立|设置)(?P<name>[\u4e00-\u9fff]{2,40}?)[，,。](?:(?P<rank>[\u4e00-\u9fff]{1,4}级)建制)?")
_PLATE = re.compile(r"(?:加挂|对外保留|保留)(?P<names>[^。；;]*?)牌子")
_DEPT_KINDS = ("国务院组成部门", "国务院直属机构", "国务院直属特设机构", "国务院直属事业单位", "国家局",
               "党委工作部门", "政府工作部门", "政府直属机构", "直属事业单位", "派出机构", "部门管理机构",
               "议事协调机构", "工作机关")
_SUPERVISOR = re.compile(r"是(?P<by>[\u4e00-\u9fff]{2,20}?)管理的")
_DUTIES_INTRO = re.compile(r"主要职责(?:是|为|如下)?\s*[:：]")
# A count in digits or in words (`行政编制十二名`, `叁拾名`): a clause in words was read as no staffing (user test).
_STAFF_HINT = re.compile(r"(?:行政编制|事业编制|人员编制)(?:为)?\s*(?:\d+|[零〇一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰]+)\s*名"
                         r"|领导职数")
_CHAPTER_KINDS = (
    ("changes", re.compile(r"^(?:职责调整|职能调整|职能转变|调整的职责)")),
    ("duties", re.compile(r"^主要职责")),
    ("offices", re.compile(r"^(?:内设机构|机构设置)")),
    ("staffing", re.compile(r"^(?:人员编制|编制和领导职数|人员编制和领导职数|机构编制)")),
    ("division", re.compile(r"^(?:有关职责分工|职责分工|其他事项)")),
    ("meta", re.compile(r"^(?:附则|其他)")),
)
_BRACKET_ROLES = re.compile(r"[（(〔][^（）()〔〕]*?(?:牵头|参与|配合)[^（）()〔〕]*?[）)〕]")
# `本规定自印发之日起施行` (or 发布之日): in force from the issue date.
_IN_FORCE_ON_ISSUE = re.compile(r"自(?:印发|发布|公布)之日起(?:施行|执行|生效)")
_SENTENCE_END = "。；;！？”」）)"


@dataclass
class _Section:
    kind: str  # meta | duties | offices | staffing | division | changes | unknown
    locator: str
    line: int
    intro: str = ""
    lines: list[tuple[int, str]] = field(default_factory=list)


def parse_sanding(source: SourceText) -> SandingDocument:
    lines, converted = clean_lines(source.lines)
    numbered = [(index + 1, text) for index, text in enumerate(lines) if text]
    if not numbered:
        raise IngestError(source.path, "a document with text", detail="the file holds only blank lines",
                          zh="文件只有空行，没有正文")
    # Before the 调整 notice's reading: 关于将青山县更名为青山区的通知 is a region's rename, no body's.
    if (region_title := region_notice.title_line(numbered)) is not None:
        document = region_notice.parse_region_notice(source.path, numbered, region_title)
    elif amendment.is_amendment(numbered):
        document = amendment.parse_amendment(source.path, numbered)
    else:
        document = _parse_provision(source, numbered)
    document.script_converted = converted
    _check_truncation(document, numbered)
    return document


def _parse_provision(source: SourceText, numbered: list[tuple[int, str]]) -> SandingDocument:
    title, title_line = _find_title(numbered, source.title)
    department = _TITLE_TAIL.sub("", title).strip() if title else ""
    document = SandingDocument(department=department, kind_of_document="sanding", title=title)
    _read_metadata(document, numbered)
    body = [(number, text) for number, text in numbered if number > title_line and not _META_FIELD.match(text)]
    sections = _sections(body)
    for section in sections:
        _HANDLERS[section.kind](document, section)
    _read_basis_region(document, sections)
    if not document.department:
        document.department = _department_from_sentences(body)
    opening = _opening_lines(sections)
    document.successions = read_successions(opening, document.department, document.plates)
    try:
        document.region_successions = with_townships(read_region_successions(opening), _closing_lines(sections))
    except AmbiguousRegionSuccession as exc:
        raise IngestError(source.path, EXPECTED, zh=exc.zh, line=exc.where.line,
                          detail=exc.detail) from exc
    if not (document.department and (document.duties or document.offices or document.staffing)):
        _refuse_township_sentence(source, body)
    if not document.department:
        raise IngestError(source.path, "a 三定 provision (…职能配置、内设机构和人员编制规定)",
                          detail="no department name found in a title or a sentence",
                          zh="不是三定规定（…职能配置、内设机构和人员编制规定）：标题和正文都没有写明部门名称")
    if not (document.duties or document.offices or document.staffing):
        raise IngestError(source.path, "a 三定 provision (…职能配置、内设机构和人员编制规定)",
                          detail="found no main duties, internal offices or staffing",
                          zh="不是三定规定（…职能配置、内设机构和人员编制规定）：没有找到主要职责、内设机构或人员编制")
    # So that a complaint about the name (it names no region) can point at the line to look at.
    document.department_line = next((number for number, text in numbered if document.department in text), None)
    return document


# -- title and metadata ---------------------------------------------------------------------------

def _find_title(numbered: list[tuple[int, str]], container_title: str) -> tuple[str, int]:
    """The title line (joined with the next when a copy breaks it in two) and its line number."""
    head = [(number, text) for number, text in numbered[:20] if not _META_FIELD.match(text) and ">" not in text]
    for position, (number, text) in enumerate(head):
        quoted = _QUOTED_TITLE.search(text)
        if quoted:
            return quoted.group(1) or quoted.group(2), number
        if _TITLE_TAIL.search(text) and len(text) < 80:
            # The tail alone on its line, the department's name on the line above (a copy that breaks the title
            # there): without the name, every 出处 read 《职能配置、内设机构和人员编制规定》 (user test).
            if not _TITLE_TAIL.sub("", text).strip() and position and _DEPT_LINE.match(head[position - 1][1]):
                return (head[position - 1][1] + text).strip(), number
            return text.strip(), number
    for position, (_number, text) in enumerate(head[:-1]):
        joined = text + head[position + 1][1]
        if _DEPT_LINE.match(text) and _TITLE_TAIL.search(joined) and len(joined) < 80:
            return joined.strip(), head[position + 1][0]
    # `揭阳市揭东区工业信息化和科技局` alone on the line before 第一条: the name is the title.
    for position, (_number, text) in enumerate(head[1:], start=1):
        if _ARTICLE.match(text) and _DEPT_LINE.match(head[position - 1][1]):
            return head[position - 1][1], head[position - 1][0]
    quoted = _QUOTED_TITLE.search(container_title) if container_title else None
    if quoted:
        return quoted.group(1) or quoted.group(2), 0
    if container_title and _TITLE_TAIL.search(container_title):
        return container_title.strip(), 0
    return "", 0


def _read_metadata(document: SandingDocument, numbered: list[tuple[int, str]]) -> None:
    for _number, text in numbered[:30]:
        pairs = _META_PAIR.findall(text) if _META_FIELD.match(text) else []
        for name, value in pairs:
            if name in {"发布时间", "发布日期", "成文日期"} and not document.issued:
                document.issued = find_date(value) or ""
            elif name == "文号":
                document.doc_number = value.strip()
            elif name == "发布机构":
                document.issuer = value.strip()
        if not pairs and not document.doc_number and (number_match := DOC_NUMBER.search(text)):
            document.doc_number = number_match.group(0)
    _read_dates(document, numbered)


def _read_dates(document: SandingDocument, numbered: list[tuple[int, str]]) -> None:
    """印发 and 施行 kept apart: `issued` is the header's 发布/成文 date, else a date line standing alone (the
    signature date of the 印发 notice); `effective` is the date of `本规定自2019年4月1日起施行`, or the issue date
    when the text says `自印发之日起施行`. `dated`, which versions the department's facts and duties, stays the
    header's date, else the 施行 date, else the signature's, as before the two were kept apart."""
    header_date = document.issued
    stated = next((date for _n, text in numbered if "施行" in text and (date := find_date(text))), "")
    signed = next((date for _n, text in reversed(numbered)
                   if len(text) <= 20 and "施行" not in text and (date := find_date(text))), "")
    document.issued = header_date or signed
    on_issue = any(_IN_FORCE_ON_ISSUE.search(text) for _n, text in numbered)
    document.effective = stated or (document.issued if on_issue else "")
    document.dated = header_date or stated or signed


def _department_from_sentences(body: list[tuple[int, str]]) -> str:
    """For copies without a title: the subject of `…设6个内设机构` or of the staffing sentence."""
    for _number, text in body:
        for pattern in (r"^([\u4e00-\u9fff]{2,30}?)(?:内设|设)(?:下列)?\s*(?:\d+|[一二三四五六七八九十]+)个",
                        r"^([\u4e00-\u9fff]{2,30}?)(?:机关)?行政编制"):
            match = re.match(pattern, _strip_enumerator(text))
            if match:
                return match.group(1).removeprefix("根据上述职责").removeprefix("根据以上职责").strip("，,")
    return ""


# -- the region its legal basis names -------------------------------------------------------------

_QUOTED = re.compile(r"《([^《》]{2,80})》")


def _read_basis_region(document: SandingDocument, sections: list[_Section]) -> None:
    """The region of the 机构改革 its 第一条 (or a chapter-style preamble) cites: 《北湖市东岸县机构改革方案》, or
    《中共北湖市委 北湖市人民政府关于东岸县机构改革方案》 (issuer and subject). A title that names more levels wins:
    《广东省关于市县机构改革的总体意见》 beside 《揭阳市揭东区机构改革方案》 tells less than the second."""
    for section in sections:
        if section.kind not in {"meta", "unknown"}:
            return  # the basis comes before the duties; a later 《…方案》 is about something else
        for number, text in [(section.line, section.intro), *section.lines]:
            if "根据" not in text:
                continue
            for title in _QUOTED.findall(text):
                names = basis_title_region(title)
                if len(names) > len(document.basis_region):
                    document.basis_region, document.basis_region_line = names, number


def _opening_lines(sections: list[_Section]) -> list[tuple[int, str, str]]:
    """The lines of the articles before the duties, offices and staffing: where a 三定 says which bodies it replaced
    (第一条 / 第二条, or a `将…划入` article read as changes)."""
    lines = []
    for section in sections:
        if section.kind not in {"meta", "unknown", "changes"}:
            break
        lines += [(section.line, section.locator, section.intro), *((n, section.locator, t) for n, t in section.lines)]
    return [line for line in lines if line[2]]


def _closing_lines(sections: list[_Section]) -> list[tuple[int, str, str]]:
    """The lines of the articles after the duties, offices and staffing (其他事项, 附则): where a 三定 may say the
    township it replaced (撤销桃源乡，并入石桥镇), read for a township's merger or 街道 alone."""
    opening = {line for line, _locator, _text in _opening_lines(sections)}
    lines = [(section.line, section.locator, section.intro) for section in sections
             if section.kind in {"meta", "unknown", "changes"}]
    lines += [(n, section.locator, t) for section in sections if section.kind in {"meta", "unknown", "changes"}
              for n, t in section.lines]
    return sorted(line for line in lines if line[2] and line[0] not in opening)


def _refuse_township_sentence(source: SourceText, body: list[tuple[int, str]]) -> None:
    """A document that is neither a 三定 nor a 调整 or 区划调整 notice (a county government's 通知 of its
    乡镇机构改革) stating a township's merger or 街道: refused at that sentence's line, pointing at the notice."""
    if (found := first_township_sentence(body)) is None:
        return
    line, sentence = found
    raise IngestError(source.path, "a 区划调整 notice (region_notice) for a township's merger or 街道", line=line,
                      detail=f"“{sentence}” is stated by a document that is no 三定, 调整 notice or 区划调整 notice",
                      zh=f"“{sentence}”：本文件不是三定规定、调整通知或区划调整通知，其中的乡镇合并（撤销、改设街道）不予读取；"
                         "请载入批准该调整的区划调整通知（region_notice，如 关于同意撤销桃源乡并入石桥镇的批复）")


def basis_title_region(title: str) -> tuple[str, ...]:
    """The region a 机构改革 title is about; () for national ones (中共中央关于深化党和国家机构改革的决定) and others."""
    if "机构改革" not in title:
        return ()
    issuer, _about, subject = title.partition("关于")
    subject = re.sub(r"^(?:印发|批转|转发)", "", subject)  # 关于印发东岸县机构改革实施意见的通知
    subject_names = _leading_region(subject)
    issuer_names = next((names for part in re.split(r"[\s、]+", issuer) if (names := _leading_region(part))), ())
    if subject_names and issuer_names and subject_names[0] != issuer_names[0]:
        # A city's 市委 and 政府 about one of its counties: the county lies in that city. A province's about
        # a city is left as the city (documents name their province only when they mean it).
        if level_of(issuer_names) == "city" and level_of(subject_names[:1]) == "county":
            return (*issuer_names, *subject_names)
        return subject_names
    names = subject_names or issuer_names
    # A province's 关于市县机构改革的意见 guides all its cities and counties: it tells none of them apart.
    return () if names and level_of(names) == "province" else names


def _leading_region(text: str) -> tuple[str, ...]:
    names, _rest = split_region_prefix(text.strip())
    return () if names == (NATIONAL,) else names


# -- sections -------------------------------------------------------------------------------------

def _sections(body: list[tuple[int, str]]) -> list[_Section]:
    sections = [_Section("unknown", "", body[0][0] if body else 0)]
    for number, text in body:
        last = sections[-1]
        if last.kind == "meta" and not last.intro and not last.lines and _ARTICLE.fullmatch(_header_of(last)):
            # `第三条` alone on its line: the next line is the article's text.
            last.intro, last.kind = text, _article_kind(text)
            continue
        started = _section_start(number, text, last.kind)
        if started is not None:
            sections.append(started)
        else:
            sections[-1].lines.append((number, text))
    return sections


def _header_of(section: _Section) -> str:
    return section.locator


def _section_start(number: int, text: str, current: str) -> _Section | None:
    article = _ARTICLE.match(text)
    if article:
        rest = text[article.end():]
        return _Section(_article_kind(rest), f"第{article.group(1)}条", number, intro=rest)
    chapter = _CHAPTER.match(text)
    if chapter:
        rest = text[chapter.end():]
        for kind, pattern in _CHAPTER_KINDS:
            if pattern.match(rest) and len(rest) <= 30:
                return _Section(kind, f"{chapter.group(1)}、", number, intro=rest)
    if current not in {"offices", "duties"} and not _PAREN_ITEM.match(text) and offices.office_count(text)[0]:
        return _Section("offices", "内设机构", number, intro=text)
    if current != "duties" and _DUTIES_INTRO.search(text) and not _PAREN_ITEM.match(text):
        return _Section("duties", "主要职责", number, intro=text)
    if current not in {"staffing", "meta"} and _STAFF_HINT.search(text) and not _PAREN_ITEM.match(text):
        return _Section("staffing", "人员编制", number, intro=text)
    return None


def _article_kind(body: str) -> str:
    head = body[:40]
    if _DUTIES_INTRO.search(body):
        return "duties"
    if "职能转变" in head[:8] or re.match(r"^将.{2,60}?(?:划入|划归|划给)", body):
        return "changes"
    if "职责分工" in head[:12]:
        return "division"
    if offices.office_count(body)[0] or re.search(r"设下列内设机构|内设机构[:：]|设下列[\u4e00-\u9fff]{0,4}[:：]", body):
        return "offices"
    if _STAFF_HINT.search(body):
        return "staffing"
    return "meta"


def _strip_enumerator(text: str) -> str:
    match = _PAREN_ITEM.match(text)
    return text[match.end():] if match else text


@dataclass
class _Item:
    ordinal: int | None
    line: int
    lines: list[str]
    numbers: list[int] = field(default_factory=list)  # the line each of `lines` is on, where kept (offices')

    @property
    def text(self) -> str:
        # A line that opens a sub-list (1. 2. / 一是) keeps its line break; a wrapped line does not.
        joined = self.lines[0]
        for line in self.lines[1:]:
            joined += ("\n" if re.match(r"^(?:\d+[.．、]|[（(]\d+[）)]|[一二三四五六七八九十]是)", line) else "") + line
        return joined


def _items(lines: list[tuple[int, str]], *, chapter_numerals: bool = False) -> tuple[list[str], list[_Item]]:
    """Numbered items of a section, including several run together on one line; returns (preamble, items)."""
    preamble: list[str] = []
    items: list[_Item] = []
    for number, text in lines:
        pieces = _split_inline(text, items[-1].ordinal if items else None)
        for ordinal, piece in pieces:
            if ordinal is None and chapter_numerals and (chapter := _CHAPTER.match(piece)):
                ordinal = chinese_to_int(chapter.group(1))
                piece = piece[chapter.end():]
            if ordinal is not None:
                items.append(_Item(ordinal, number, [piece], [number]))
            elif items:
                items[-1].lines.append(piece)
                items[-1].numbers.append(number)
            else:
                preamble.append(piece)
    return preamble, items


def _split_inline(text: str, previous: int | None) -> list[tuple[int | None, str]]:
    """Split `（一）办公室。负责…（二）法规科。负责…` at enumerators that continue the count."""
    pieces: list[tuple[int | None, str]] = []
    cursor, current_ordinal = 0, None
    expected = (previous or 0) + 1
    for match in _PAREN_ITEM.finditer(text):
        value = chinese_to_int(match.group(1))
        at_start = match.start() == 0
        if value is None or not (at_start or value == expected):
            continue
        if at_start and value != expected and previous is not None and value < expected - 1:
            continue  # `(一)` quoted at the head of a line inside an item: not a new item
        if match.start() > cursor or current_ordinal is not None:
            pieces.append((current_ordinal, text[cursor:match.start()].strip()))
        cursor, current_ordinal = match.end(), value
        expected = value + 1
    pieces.append((current_ordinal, text[cursor:].strip()))
    return [(ordinal, piece) for ordinal, piece in pieces if piece or ordinal is not None]


def _intro_tail(intro: str) -> str:
    """What follows the colon of an intro sentence (`主要职责是：（一）…` on one line)."""
    parts = re.split(r"[:：]", intro, maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""


# -- handlers -------------------------------------------------------------------------------------

def _handle_meta(document: SandingDocument, section: _Section) -> None:
    for text in [section.intro, *(text for _n, text in section.lines)]:
        _read_definition(document, text, section.locator)
        if not document.department_kind:
            # `将县城市管理局更名为县城市管理和综合执法局。县城市管理和综合执法局是县政府工作部门`: a reform sentence
            # (ingest.succession) before the definition.
            for sentence in re.split(r"(?<=。)", text)[1:]:
                _read_definition(document, sentence, section.locator)


def _read_definition(document: SandingDocument, text: str, locator: str) -> None:
    """The department's kind, 规格 and supervisor from a sentence of the clause at `locator` (`第二条`), which
    each fact read keeps (`rank_locator`, `supervisor_locator`) to be cited by."""
    definition = _BODY_DEFINITION.match(text)
    if definition and any(kind in definition.group("what") for kind in (*_DEPT_KINDS, "部门", "机构", "单位")):
        what = definition.group("what")
        document.department_kind = next((kind for kind in _DEPT_KINDS if kind in what), what[-12:])
        if definition.group("rank"):
            _set_rank(document, definition.group("rank"), locator)
        if supervisor := _SUPERVISOR.search("是" + what):
            document.supervisor, document.supervisor_locator = supervisor.group("by"), locator
        if not document.department:
            document.department = definition.group("name")
    setup = _SETUP.search(text)
    if setup and not document.department_kind:
        after = text[setup.end():]
        kind = next((kind for kind in _DEPT_KINDS if kind in after.split("。")[0]), None)
        if kind:
            document.department_kind = kind
        if setup.group("rank"):
            _set_rank(document, setup.group("rank"), locator)
    if not document.rank and (rank := re.search(r"[，,]\s*为([\u4e00-\u9fff]{1,4}级)", text)):
        _set_rank(document, rank.group(1), locator)
    for plate in _PLATE.finditer(text):
        for name in re.split(r"[、，,和]", plate.group("names")):
            name = name.strip()
            if name and name not in document.plates:
                document.plates.append(name)


def _set_rank(document: SandingDocument, rank: str, locator: str) -> None:
    document.rank, document.rank_locator = rank, locator


def _handle_duties(document: SandingDocument, section: _Section) -> None:
    _read_definition(document, section.intro, section.locator)
    lines = list(section.lines)
    tail = _intro_tail(section.intro) if _DUTIES_INTRO.search(section.intro) else ""
    if tail:
        lines.insert(0, (section.line, tail))
    _preamble, items = _items(lines)
    for item in items:
        text = item.text
        where = Located(item.line, _locator(section, item.ordinal))
        if re.match(r"^职能转变", text):
            body = re.sub(r"^职能转变[。.：:]?", "", text)
            document.changes.extend(parse_changes(body, where, _names_of(document)))
        elif re.match(r"^(?:有关)?职责分工", text):
            document.divisions.extend(parse_divisions(re.sub(r"^(?:有关)?职责分工[。.：:]?", "", text), where))
        else:
            document.duties.append(DutyClause(text, item.ordinal or len(document.duties) + 1, where))
            _note_sector_rule(document, text, where.locator)
            document.divisions.extend(parse_duty_divisions(_BRACKET_ROLES.sub("", text), where, document.department))
            document.divisions.extend(parse_bracket_divisions(text, where))


def _handle_offices(document: SandingDocument, section: _Section) -> None:
    _note_office_count(document, section.intro, section.locator)
    lines = list(section.lines)
    tail = _intro_tail(section.intro)
    if tail:
        lines.insert(0, (section.line, tail))
    _read_offices(document, section, lines, chapter_numerals=section.locator.endswith("、"))


def _read_offices(document: SandingDocument, section: _Section, lines: list[tuple[int, str]], *,
                  chapter_numerals: bool) -> None:
    preamble, items = _items(lines, chapter_numerals=chapter_numerals)
    for text in preamble:
        _note_office_count(document, text, section.locator)
    current: OfficeRecord | None = None
    for item in items:
        where = Located(item.line, _locator(section, item.ordinal))
        current = offices.new_office(item.lines[0], item.ordinal, where)
        if current is None:
            document.warnings.append(f"line {item.line}: expected an office name, found {item.lines[0][:20]}…; "
                                     f"第 {item.line} 行应为内设机构名称，实为“{item.lines[0][:20]}…”，未作为内设机构载入")
            continue
        document.offices.append(current)
        # The offices are listed by one clause (第四条): the first that lists any, a fragment's '' letting a later one.
        document.offices_locator = document.offices_locator or section.locator
        for line, extra in zip(item.numbers[1:], item.lines[1:], strict=True):
            current = _continue_offices(document, current, extra, Located(item.line, where.locator), line)


def _note_office_count(document: SandingDocument, text: str, locator: str) -> None:
    """The number of offices a sentence sets (`设6个内设机构`) and their rank, where none was read before; the count
    keeps the clause saying it (`offices_stated_locator`)."""
    count, rank = offices.office_count(text)
    if document.offices_stated is None and count:
        document.offices_stated, document.offices_stated_locator = count, locator
    document.office_rank = document.office_rank or rank


def _continue_offices(document: SandingDocument, current: OfficeRecord, text: str, where: Located,
                      line: int) -> OfficeRecord:
    """A line after an office entry (`line`, where `where` is the entry's): its duties, or a unit written without a
    number."""
    if offices.is_deferred_unit(text):
        # Named by its own line: it is no part of the numbered office above it, which the warning named before (user
        # test: `(十五)` for the 纪检监察机构 sentence under 车队). The Chinese names the line and the text too: it is
        # all an upload's page shows of the warning.
        document.warnings.append(f"line {line}: {text} (set up by other rules; not an internal office); "
                                 f"第 {line} 行“{text}”按有关规定另行设置，不作为内设机构载入")
        return current
    unit = offices.unnumbered_office(text)
    if unit is not None and current.duties:
        name, rest = unit
        office = offices.new_office(name, None, Located(line, name))
        assert office is not None
        office.duties.extend(offices.duty_clauses(rest, office.where))
        document.offices.append(office)
        return office
    current.duties.extend(offices.duty_clauses(text, where, len(current.duties) + 1))
    return current


def _handle_staffing(document: SandingDocument, section: _Section) -> None:
    text = "".join([section.intro, *(text for _n, text in section.lines)])
    staffing = parse_staffing(text, Located(section.line, section.locator))
    if staffing is not None:
        document.staffing = staffing
        for mismatch in post_mismatches(staffing.leader_total, post_details(staffing),
                                        office_post_details(staffing)):
            document.warnings.append(f"line {section.line}: the leader posts do not add up to the total set; "
                                     f"第 {section.line} 行：{mismatch}")


def _handle_division(document: SandingDocument, section: _Section) -> None:
    lines = [(section.line, section.intro), *section.lines]
    for number, text in lines:
        item = _PAREN_ITEM.match(text)
        locator = f"{section.locator}({item.group(1)})" if item else section.locator
        body = text[item.end():] if item else text
        # `（一）与市农业农村局的有关职责分工。` is a heading for the clauses after it.
        body = re.sub(r"^与[^。]{2,40}?的?(?:有关)?职责分工[。：:]?", "", body)
        body = re.sub(r"^(?:有关)?职责分工[。：:]?", "", body)
        if body:
            document.divisions.extend(parse_divisions(body, Located(number, locator)))
        _note_sector_rule(document, body, locator)


def _note_sector_rule(document: SandingDocument, text: str, locator: str) -> None:
    """The first clause of 管行业必须管安全 for every sector, in its 主要职责 (an 应急管理局's 按照分级、属地原则，县直有关
    行业主管部门负责本行业领域安全生产监督管理) or its 职责分工: the same 三定 states it either way."""
    if text and not document.sector_rule and (rule := sector_rule(text)):
        document.sector_rule, document.sector_rule_locator = rule, locator


def _handle_changes(document: SandingDocument, section: _Section) -> None:
    default = headline_kind(section.intro) or "reform"
    intro_tail = re.sub(r"^(?:职能转变|职责调整|职能调整)[。.：:]?", "", section.intro)
    if intro_tail:
        document.changes.extend(parse_changes(intro_tail, Located(section.line, section.locator),
                                              _names_of(document), default=default))
    _preamble, items = _items(section.lines)
    for number, text in _preamble_lines(section):
        document.changes.extend(parse_changes(text, Located(number, section.locator), _names_of(document),
                                              default=default))
    for item in items:
        text = item.text
        headline, _, rest = text.partition("。")
        kind = headline_kind(headline) if len(headline) <= 12 else None
        body = rest if kind else text
        document.changes.extend(parse_changes(body, Located(item.line, _locator(section, item.ordinal)),
                                              _names_of(document), default=kind or default))


def _preamble_lines(section: _Section) -> list[tuple[int, str]]:
    out = []
    for number, text in section.lines:
        if _PAREN_ITEM.match(text):
            break
        out.append((number, text))
    return out


def _handle_unknown(document: SandingDocument, section: _Section) -> None:
    """Lines before any recognised heading: a fragment may start in the middle of the office list."""
    preamble, items = _items(section.lines)
    for text in preamble:
        _read_definition(document, text, section.locator)
    if items and offices.looks_like_office_head(items[0].lines[0]):
        _read_offices(document, section, section.lines, chapter_numerals=False)


_HANDLERS = {
    "meta": _handle_meta,
    "duties": _handle_duties,
    "offices": _handle_offices,
    "staffing": _handle_staffing,
    "division": _handle_division,
    "changes": _handle_changes,
    "unknown": _handle_unknown,
}


def _names_of(document: SandingDocument) -> list[str]:
    return [name for name in (document.department, *document.plates) if name]


def _locator(section: _Section, ordinal: int | None) -> str:
    """`第三条(二)`, `三、(四)` or, in a fragment with no heading, `(十二)`."""
    return f"{section.locator}({_cn(ordinal)})"


def _cn(number: int | None) -> str:
    if number is None:
        return ""
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, ones = divmod(number, 10)
    return f"{digits[tens] if tens > 1 else ''}十{digits[ones] if ones else ''}"


# -- truncation -----------------------------------------------------------------------------------

_CLOSING_LINE = re.compile(r"版权|备案|ICP|主办单位|联系我们|网站地图|技术支持|地址[:：]|电话[:：]")


def _check_truncation(document: SandingDocument, numbered: list[tuple[int, str]]) -> None:
    """Say so when a copy stops mid-sentence, lacks its main duties, or holds fewer offices than it announces;
    never fill in."""
    body = list(numbered)
    # A signature, a date line or a website footer after the text is not where the document stops.
    while len(body) > 1 and (_CLOSING_LINE.search(body[-1][1]) or _is_signature(body[-1][1])):
        body.pop()
    number, last = body[-1]
    if last and last[-1] not in _SENTENCE_END:
        document.truncated = True
        document.warnings.append(f"line {number}: the text ends mid-sentence (…{last[-12:]}); the copy is incomplete; "
                                 f"第 {number} 行文字在句中中断（…{last[-12:]}），文本不完整")
    if document.kind_of_document == "sanding" and document.duties and not document.offices \
            and document.staffing is None and not document.truncated:
        document.truncated = True
        document.warnings.append("the text stops after the main duties: no 内设机构 or 人员编制 section; "
                                 "the copy is incomplete; 文本在主要职责之后中断，没有内设机构和人员编制部分，文本不完整")
    if document.kind_of_document == "sanding" and not document.duties and (document.offices or document.staffing):
        # A 三定 always states its department's main duties: without them the department would look dutiless.
        document.warnings.append("no 主要职责 section was found (二、主要职责 or 第三条 with numbered duties): the "
                                 "department holds no duties of its own in the graph, only its offices'; "
                                 "未找到主要职责部分，图中该部门只有内设机构的职责")
    listed = len([office for office in document.offices if office.ordinal])
    if document.kind_of_document == "sanding" and document.offices_stated and listed < document.offices_stated:
        document.warnings.append(
            f"the document announces {document.offices_stated} internal offices; {listed} are listed; "
            f"文件称设内设机构 {document.offices_stated} 个，实际列出 {listed} 个"
        )
    # More listed than set is no cut copy but an office beyond the 三定's own limit (user test: 编办 assessment).
    if document.kind_of_document == "sanding" and document.offices_stated and listed > document.offices_stated:
        document.warnings.append(
            f"the document sets {document.offices_stated} internal offices and lists {listed}; "
            f"文件核定内设机构 {document.offices_stated} 个，列出 {listed} 个，超出核定数"
        )


def _is_signature(text: str) -> bool:
    if len(text) <= 20 and find_date(text) and len(re.sub(r"[\d年月日〇○零一二三四五六七八九十\s]", "", text)) == 0:
        return True
    return len(text) <= 25 and _DEPT_LINE.match(text) is not None
