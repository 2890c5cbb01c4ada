"""The report as a Word document an 编办 reads in a meeting: A4 pages numbered 第 X 页, Chinese fonts (宋体, headings
in 黑体) and language, a contents list with pages, and tables whose columns are as wide as what they hold, whose
titles repeat on every page, and which turn the page to landscape when that is shorter to read (user test: US Letter,
columns of equal width four characters wide, numbers broken mid-number, Japanese fonts)."""

from __future__ import annotations

import io
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from queries.labels import column_label
from queries.report import Report, Section

BODY_FONT, HEADING_FONT, LATIN_FONT = "宋体", "黑体", "Times New Roman"
PAGE_MM = (210.0, 297.0)  # A4, as GB/T 9704 has official documents printed
MARGINS_MM = {"top": 25.0, "bottom": 25.0, "left": 20.0, "right": 20.0}
TABLE_PT = 9.0  # 小五: a table of several hundred rows reads at this size on A4
CELL_PAD_PT = 10.8  # the Table Grid style's cell margins, 108 twips each side
LINE_PT = 12.0  # a line of 9-point text, for guessing how tall a table is
HEADER_FILL = "D9D9D9"
LONG_TEXT_EM = 40.0  # beyond this a column wraps whatever its width: wider helps little
LEAST_TEXT_EM = 6.0  # a text column narrower than this breaks most words (department names) into shreds
# Room beyond the text's own width: LibreOffice broke 同级部门 after 3 characters in a column of exactly 4.
SLACK_EM = 0.8


def write_docx(report: Report, cell: Any, at: datetime) -> bytes:
    """`cell(row, column, answer)`: a cell's text, as the report's files show it (`export.report_cell`); `at`: the
    file's time (its properties' 创建 and 修改)."""
    import docx
    from docx.enum.section import WD_SECTION

    document = docx.Document()
    # python-docx's template carries its own author and a 2013 date; Word shows them under 属性.
    properties = document.core_properties
    properties.author = properties.last_modified_by = "dutygraph"
    properties.title = report.title
    properties.created = properties.modified = at.astimezone(UTC).replace(microsecond=0)
    properties.revision = 1
    _chinese_styles(document)
    table_style = _table_text_style(document)
    first = document.sections[0]
    _page(first, landscape=False)
    _page_number_footer(first)
    document.add_heading(report.title, level=0)
    planned = _plan(report, cell)
    asked = _asked_block(document, report, cell, table_style)
    _contents(document, report, _text_width_pt(landscape=False), _estimated_pages(planned, asked))
    landscape = False
    for number, plan in enumerate(planned, 1):
        if plan.landscape != landscape:
            landscape = plan.landscape
            _page(document.add_section(WD_SECTION.NEW_PAGE), landscape=landscape)
        heading = document.add_heading(plan.section.title, level=1)
        _bookmark(heading, _anchor(number), number)
        if plan.section.note:
            document.add_paragraph(plan.section.note)
        if not plan.texts:
            document.add_paragraph("（无）")
            continue
        _table(document, plan.titles, plan.texts, plan.columns, plan.widths, table_style)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _asked_block(document: Any, report: Report, cell: Any, style: Any) -> float:
    """What was asked (`report.asked`: the region or department, the graph's documents, when, by what version), under
    the title and above the contents, as a 编办's 报告 states its 范围 and 数据截至 on its first page: a page printed
    or attached on its own says what it answers. Returns the points it takes, for the contents' page guesses."""
    if report.asked is None:
        return 0.0
    from docx.shared import Pt

    section = report.asked.section()
    caption = document.add_paragraph()
    caption.paragraph_format.space_after = Pt(2)
    caption.add_run(section.title).bold = True
    texts = [[cell(row, column, section.key) for column in section.columns] for row in section.rows]
    titles = [column_label(column, section.key) for column in section.columns]
    columns = _measure(section, titles, texts)
    widths = _fit(columns, _text_width_pt(landscape=False))
    _table(document, titles, texts, columns, widths, style)
    document.add_paragraph()  # a blank line between the block and the contents' heading
    return BODY_LINE_PT * 2 + ROWS_LAID_OUT * _height(columns, widths)


@dataclass
class _Planned:
    """A section as it is laid out: its cells' texts, its columns measured and fitted, and its pages' orientation."""

    section: Section
    titles: list[str]
    texts: list[list[str]]
    columns: list[Column]
    landscape: bool
    widths: list[float]


def _plan(report: Report, cell: Any) -> list[_Planned]:
    planned: list[_Planned] = []
    landscape = False
    for section in report.sections:
        texts = [[cell(row, column, section.key) for column in section.columns] for row in section.rows]
        titles = [column_label(column, section.key) for column in section.columns]
        columns = _measure(section, titles, texts)
        landscape = _landscape(columns, now=landscape) if texts else landscape
        widths = _fit(columns, _text_width_pt(landscape=landscape)) if texts else []
        planned.append(_Planned(section, titles, texts, columns, landscape, widths))
    return planned


# -- pages, fonts and styles ----------------------------------------------------------------------

def _text_width_pt(*, landscape: bool) -> float:
    return _pt((PAGE_MM[1] if landscape else PAGE_MM[0]) - MARGINS_MM["left"] - MARGINS_MM["right"])


def _text_height_pt(*, landscape: bool) -> float:
    return _pt((PAGE_MM[0] if landscape else PAGE_MM[1]) - MARGINS_MM["top"] - MARGINS_MM["bottom"])


def _pt(mm: float) -> float:
    return mm * 72 / 25.4


def _page(section: Any, *, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    width, height = (PAGE_MM[1], PAGE_MM[0]) if landscape else PAGE_MM
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(15)


def _page_number_footer(section: Any) -> None:
    """第 X 页，共 Y 页 under every page: later sections (the landscape ones) inherit the first one's footer."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in (("第 ", "PAGE"), (" 页，共 ", "NUMPAGES"), (" 页", None)):
        paragraph.add_run(text).font.size = Pt(9)
        if field:
            paragraph._p.append(_field(field))


def _field(instruction: str, shown: str = "1", size: int | None = 18) -> Any:
    """A field Word and LibreOffice compute as they lay out the pages, with `shown` until they do; `size` in half
    points (the footer's 9 points), None for its paragraph's."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    if size is not None:
        properties = OxmlElement("w:rPr")
        size_element = OxmlElement("w:sz")
        size_element.set(qn("w:val"), str(size))
        properties.append(size_element)
        run.append(properties)
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    return field


# The styles whose text is a title: black 黑体 (the template's are blue, in its theme's Japanese fonts).
_TITLE_STYLES = ("Title", "Heading1", "Heading2", "Heading3", "TOCHeading", "TitleChar", "Heading1Char",
                 "Heading2Char", "Heading3Char")


def _chinese_styles(document: Any) -> None:
    """Fonts named outright, 宋体 for text and 黑体 for titles, and Chinese as the East Asian language. python-docx's
    template takes its fonts from its theme under a Japanese language (themeFontLang ja-JP), so Word set Chinese
    in ＭＳ 明朝; a theme font attribute outranks a named one, so the theme's are removed, not just added to."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for fonts in [defaults.find(qn("w:rFonts")), *styles.iter(qn("w:rFonts"))]:
        major = any("major" in (fonts.get(qn(f"w:{a}")) or "") for a in ("asciiTheme", "eastAsiaTheme"))
        for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attribute}"), None)
        _name_fonts(fonts, HEADING_FONT if major else BODY_FONT)
    language = defaults.find(qn("w:lang"))
    language.set(qn("w:eastAsia"), "zh-CN")
    theme_language = document.settings.element.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.set(qn("w:eastAsia"), "zh-CN")
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)  # 五号
    _name_fonts(normal.element.get_or_add_rPr().get_or_add_rFonts(), BODY_FONT)
    for style in document.styles:
        if style.style_id not in _TITLE_STYLES:
            continue
        color = style.element.rPr.find(qn("w:color")) if style.element.rPr is not None else None
        if color is not None:
            style.element.rPr.remove(color)
        style.font.color.rgb = None
        _name_fonts(style.element.get_or_add_rPr().get_or_add_rFonts(), HEADING_FONT)
    title = document.styles["Title"]
    borders = title.element.pPr.find(qn("w:pBdr"))
    if borders is not None:
        title.element.pPr.remove(borders)
    title.font.size = Pt(22)  # 二号
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading = document.styles["Heading 1"]
    heading.font.size = Pt(14)  # 四号
    heading.paragraph_format.space_before, heading.paragraph_format.space_after = Pt(18), Pt(6)


def _name_fonts(fonts: Any, east_asian: str) -> None:
    from docx.oxml.ns import qn

    for attribute in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{attribute}"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)


def _table_text_style(document: Any) -> Any:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    style = document.styles.add_style("表格文字", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = Pt(TABLE_PT)
    style.paragraph_format.space_before = style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.0
    return style


# -- contents -----------------------------------------------------------------------------------

def _anchor(number: int) -> str:
    return f"_section{number}"  # a leading _ hides the bookmark from Word's 书签 list, as Word's own _Toc ones


def _contents(document: Any, report: Report, width_pt: float, pages: Sequence[int]) -> None:
    """The sections with their row counts and pages, each a link to its heading: shown as the file opens, unlike a
    TOC field, which Word fills only when asked to (F9). A page is a PAGEREF field to the heading, which LibreOffice
    computes as it lays out the pages, and Word as it opens the file (w:updateFields asks it to); until then it shows
    `pages`, the layout's guess (user test: the contents gave no page numbers)."""
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document.add_paragraph("目录", style="TOC Heading")
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
    for number, (section, page) in enumerate(zip(report.sections, pages, strict=True), 1):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.tab_stops.add_tab_stop(Pt(width_pt), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        paragraph.paragraph_format.space_after = Pt(2)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), _anchor(number))
        link.set(qn("w:history"), "1")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = section.title
        run.append(text)
        link.append(run)
        paragraph._p.append(link)
        paragraph.add_run("（" + (f"{len(section.rows)} 条" if section.rows else "无") + "）\t")
        paragraph._p.append(_field(f"PAGEREF {_anchor(number)} \\h", str(page), size=None))


# Points each part takes on a page, as LibreOffice lays out python-docx's styles with the sizes set here (fitted on
# the sample corpus's reports: 67 of 77 headings on their page, the others one page off); and a table's rows, a
# tenth taller than `_row_height` guesses (LibreOffice sets 9-point lines 13.2 points apart in Noto Sans CJK, its
# stand-in for 宋体).
TITLE_PT, CONTENTS_LINE_PT, HEADING_PT, BODY_LINE_PT, ROWS_LAID_OUT = 60.0, 19.5, 52.0, 18.0, 1.1


def _estimated_pages(planned: Sequence[_Planned], before: float = 0.0) -> list[int]:
    """The page each section's heading falls on, from the title, what comes `before` the contents (points: the
    查询条件 block) and the contents, and the row heights `_row_height` guesses: a landscape section starts a page, a
    heading keeps with its note and its table's first row, and a table's titles repeat on each page it runs on to."""
    page, used, landscape = 1, TITLE_PT + before + CONTENTS_LINE_PT * (len(planned) + 1), False
    pages: list[int] = []
    for plan in planned:
        if plan.landscape != landscape:
            page, used, landscape = page + 1, 0.0, plan.landscape
        height = _text_height_pt(landscape=landscape)
        width = _text_width_pt(landscape=landscape)
        note = math.ceil(text_em(plan.section.note) * 10.5 / width) * BODY_LINE_PT if plan.section.note else 0.0
        rows = [ROWS_LAID_OUT * _row_height(plan.columns, plan.widths, row) for row in range(len(plan.texts))]
        header = ROWS_LAID_OUT * _height(plan.columns, plan.widths) - sum(rows) if rows else 0.0
        if used + HEADING_PT + note + header + (rows[0] if rows else BODY_LINE_PT) > height:
            page, used = page + 1, 0.0
        pages.append(page)
        used += HEADING_PT + note + (header if rows else BODY_LINE_PT)
        for row in rows:
            if used + row > height:
                page, used = page + 1, header
            used += row
    return pages


def _bookmark(paragraph: Any, name: str, number: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(number))
    properties = paragraph._p.pPr
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)


# -- column widths ------------------------------------------------------------------------------

def text_em(text: str) -> float:
    """How wide a text is, in the font's size: a Chinese character a square, a Latin letter or digit about half."""
    return max((sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in line)
                for line in text.split("\n")), default=0.0)


@dataclass
class Column:
    number: bool  # every value a number: never wrapped (user test: 0.24 broke as 0.2 / 4)
    natural: float  # points: wide enough for its longest cell on one line (up to LONG_TEXT_EM)
    least: float  # points: narrower than this, it breaks
    weight: float  # its cells' mean width: the share of room it gets when the page is too narrow for all
    cells: list[float]  # each cell's width, ems
    title: float


def _measure(section: Section, titles: Sequence[str], texts: Sequence[Sequence[str]]) -> list[Column]:
    columns = []
    for index, (name, title) in enumerate(zip(section.columns, titles, strict=True)):
        values = [row.get(name) for row in section.rows if row.get(name) is not None]
        number = bool(values) and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
        cells = [text_em(row[index]) for row in texts]
        title_em = text_em(title)
        # A title may take two lines: 人均职责数（不含共性职责） need not widen a column of 0.394.
        content = max([*cells, min(title_em, max(4.0, math.ceil(title_em / 2)))])
        natural = (min(content, LONG_TEXT_EM) + SLACK_EM) * TABLE_PT + CELL_PAD_PT
        least = natural if number or content <= LEAST_TEXT_EM else (LEAST_TEXT_EM + SLACK_EM) * TABLE_PT + CELL_PAD_PT
        weight = max(1.0, sum(cells) / len(cells)) if cells else 1.0
        columns.append(Column(number, natural, least, weight, cells, title_em))
    return columns


def _fit(columns: Sequence[Column], width: float) -> list[float]:
    """Widths in points summing to `width`. When every column fits on one line, the room left widens the text
    columns; otherwise each is as wide as its typical length allows, none below its least width nor above its
    natural one: a column of 是 and 否 keeps its width, duty texts take the room. When even the least widths do not
    fit (a table of many long columns), all shrink alike."""
    naturals = [c.natural for c in columns]
    if sum(naturals) <= width:
        growing = [i for i, c in enumerate(columns) if not c.number] or list(range(len(columns)))
        room, total = width - sum(naturals), sum(naturals[i] for i in growing)
        return [n + (room * n / total if i in growing else 0.0) for i, n in enumerate(naturals)]
    leasts = [c.least for c in columns]
    if sum(leasts) >= width:
        return [least * width / sum(leasts) for least in leasts]

    # Each column as wide as its typical length times a factor, kept between its least and natural widths: the
    # factor that fills the page, found by halving (the sum grows with it).
    def widths_at(factor: float) -> list[float]:
        return [min(max(factor * c.weight, c.least), c.natural) for c in columns]

    low, high = 0.0, max(c.natural / c.weight for c in columns)
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if sum(widths_at(middle)) < width else (low, middle)
    return widths_at(high)


def _lines(em: float, width: float) -> int:
    # 5% more: Word breaks lines at characters it may not end a line with (，。）)
    return max(1, math.ceil(em * TABLE_PT * 1.05 / max(width - CELL_PAD_PT, TABLE_PT)))


def _row_height(columns: Sequence[Column], widths: Sequence[float], row: int) -> float:
    """Points a row takes with these widths: as tall as its most wrapped cell."""
    return max(_lines(c.cells[row], w) for c, w in zip(columns, widths, strict=True)) * LINE_PT + 1.5


def _height(columns: Sequence[Column], widths: Sequence[float]) -> float:
    """Points a table takes with these widths."""
    rows = len(columns[0].cells) if columns else 0
    height = max(_lines(c.title, w) for c, w in zip(columns, widths, strict=True)) * LINE_PT
    return height + sum(_row_height(columns, widths, r) for r in range(rows))


def _landscape(columns: Sequence[Column], *, now: bool) -> bool:
    """Whether a table goes on landscape pages, the pages being landscape `now`: a short table that fits stays as it
    is, since turning the page starts a new one (a four-row table had a portrait page of its own between two
    landscape sections)."""
    width, height = _text_width_pt(landscape=now), _text_height_pt(landscape=now)
    if sum(c.least for c in columns) <= width and _height(columns, _fit(columns, width)) < height / 2:
        return now
    return _reads_better_landscape(columns)


def _reads_better_landscape(columns: Sequence[Column]) -> bool:
    """Landscape when a portrait page cannot hold the columns' least widths, or when the table takes a fifth fewer
    pages across (and at least a quarter page fewer: a short table is not worth a page break)."""
    portrait, landscape = _text_width_pt(landscape=False), _text_width_pt(landscape=True)
    if sum(c.least for c in columns) > portrait:
        return True
    pages_portrait = _height(columns, _fit(columns, portrait)) / _text_height_pt(landscape=False)
    pages_landscape = _height(columns, _fit(columns, landscape)) / _text_height_pt(landscape=True)
    return pages_landscape < 0.8 * pages_portrait and pages_portrait - pages_landscape >= 0.25


# -- tables -------------------------------------------------------------------------------------

def _table(document: Any, titles: Sequence[str], texts: Sequence[Sequence[str]], columns: Sequence[Column],
           widths: Sequence[float], style: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    table = document.add_table(rows=1, cols=len(titles))
    table.style = "Table Grid"
    table.autofit = False  # fixed layout: Word and LibreOffice keep the widths given, not their own guess
    properties = table._tbl.tblPr
    table_width = properties.find(qn("w:tblW"))
    if table_width is None:
        table_width = OxmlElement("w:tblW")
        properties.append(table_width)
    table_width.set(qn("w:type"), "dxa")
    table_width.set(qn("w:w"), str(round(sum(widths) * 20)))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)  # the grid, which each row added takes its cells' widths from
    header = table.rows[0]
    row_properties = header._tr.get_or_add_trPr()
    row_properties.append(OxmlElement("w:cantSplit"))
    # The titles repeat at the top of each page the table runs on to (user test: page 3 of a table was numbers
    # under no titles).
    row_properties.append(OxmlElement("w:tblHeader"))
    for cell, title, width in zip(header.cells, titles, widths, strict=True):
        cell.width = Pt(width)
        paragraph = cell.paragraphs[0]
        paragraph.style = style
        paragraph.add_run(title).bold = True
        shade = OxmlElement("w:shd")
        shade.set(qn("w:val"), "clear")
        shade.set(qn("w:color"), "auto")
        shade.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shade)
    page = _text_height_pt(landscape=sum(widths) > _text_width_pt(landscape=False) + 1)
    for index, values in enumerate(texts):
        row = table.add_row()
        # A row of a few lines is not split across pages; one taller than a third of a page may be, or it would
        # leave most of a page empty (and one taller than a page cannot be kept whole).
        if _row_height(columns, widths, index) < page / 3:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, text, column in zip(row.cells, values, columns, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.style = style
            paragraph.add_run(text)
            if column.number:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                cell._tc.get_or_add_tcPr().append(OxmlElement("w:noWrap"))
