"""A 乡镇（街道）履行职责事项清单 written as numbered paragraphs, no table, read as the table it stands for.

Many counties publish the list as a notice's text (.txt, or a Word file of paragraphs only): each part a heading
(`一、基本履职事项（共5项）`), then its items a line each (`1.负责辖区矛盾纠纷排查化解。`). A 配合 item names the county
department that leads the work in a bracket (`2.协助县住建局开展农村危房改造（牵头部门：县住建局）`), in a line of its own
after it (`牵头部门：县住建局`), or, failing both, as the department it assists (协助县住建局…); a 收回 item names the
department that takes the work back the same ways (`（收回部门：县自然资源局）`, `…，由县自然资源局收回。`).

The paragraphs become the rows of a table (序号, 事项名称, the item's text, the department), each keeping the line it
was read from, so the rest is read as the tabled list is and every row is cited, and every error named, by its line.
A line that is neither a heading, an item nor a department's line continues the item above when that item has not
ended (a copy's hard line break mid-sentence); otherwise it is no part of the list (a signature, a date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.division import DEPT_LIST, clean_matter
from ingest.errors import IngestError, RowErrors

_ITEM = re.compile(r"^(?P<seq>\d{1,3})\s*[.．、]\s*(?P<text>\S.*)$")
_ROLES = r"(?:县级)?(?:牵头部门|牵头单位|责任部门|责任单位|主责部门|收回部门|收回单位|承接部门|承接单位)"
# `（牵头部门：县住建局）` inside or after an item; `牵头部门：县住建局` as a line of its own.
_PARTY_NOTE = re.compile(rf"[（(]{_ROLES}[：:]\s*(?P<names>[^）)]+)[）)]")
_PARTY_LINE = re.compile(rf"^{_ROLES}[：:]\s*(?P<names>[^。；;]+)[。；;]?$")
# The department an item itself names: the one a 配合 item assists, the one a 收回 item says takes the work back.
_ASSISTED = re.compile(rf"^(?:协助|配合)(?P<names>{DEPT_LIST})(?:开展|做好|实施|推进|落实|做)")
_ASSIST_HEAD = re.compile(rf"^(?:协助|配合)(?:{DEPT_LIST}(?=开展|做好|实施|推进|落实|做))?")
_TAKEN_BY = re.compile(rf"[，,]?(?:由|交由|改由)(?P<names>{DEPT_LIST})(?:收回|承担|负责|直接受理|实施|办理)[^，,。；;]*")
_TAKER_FIRST = re.compile(rf"^(?P<names>{DEPT_LIST})收回")
_ENDED = "。；;）)"
# The table each part becomes: its columns as the tabled lists title them.
_COLUMNS = {"basic": ("序号", "事项名称", "具体工作内容"),
            "assisting": ("序号", "事项名称", "乡镇（街道）配合职责", "县级牵头部门"),
            "reclaimed": ("序号", "事项名称", "具体工作内容", "收回部门")}
_PARTY_TITLES = {"assisting": ("牵头部门", "county department that leads it"),
                 "reclaimed": ("收回部门", "county department that takes it back")}


@dataclass
class _Item:
    line: int
    seq: str
    text: str
    names: str = ""


@dataclass
class _Part:
    part: str
    line: int
    heading: str
    items: list[_Item] = field(default_factory=list)


def is_paragraph_list(rows: list[tuple[int, list[str]]], heading_part: dict[int, str]) -> bool:
    """Whether a sheet is paragraphs, not a table: one text a row, and a numbered item after a part's heading."""
    if any(len([cell for cell in cells if cell.strip()]) > 1 for _number, cells in rows):
        return False
    first = min(heading_part, default=None)
    return first is not None and any(number > first and _ITEM.match(_text(cells)) for number, cells in rows)


def tabled_rows(path: object, rows: list[tuple[int, list[str]]], heading_part: dict[int, str]
                ) -> list[tuple[int, list[str]]]:
    """The paragraphs as a table's rows: the title lines before the first heading, then each part's heading, its
    header (numbered as the heading's line) and a row an item (numbered as the item's first line). `heading_part`
    gives each heading's line its part. An item of a 配合 or 收回 part naming no department is an error naming its
    line (all such at once)."""
    title: list[tuple[int, list[str]]] = []
    parts: list[_Part] = []
    for number, cells in rows:
        text = _text(cells)
        if number in heading_part:
            parts.append(_Part(heading_part[number], number, text))
        elif not parts:
            title.append((number, [text]))
        else:
            _add_line(parts[-1], number, text)
    errors = [error for part in parts for item in part.items if (error := _unnamed(path, part, item)) is not None]
    if errors:
        raise RowErrors(errors)
    table = list(title)
    for part in parts:
        table += [(part.line, [part.heading]), (part.line, list(_COLUMNS[part.part]))]
        table += [(item.line, _cells(part.part, item)) for item in part.items]
    return table


def _add_line(part: _Part, number: int, text: str) -> None:
    item = _ITEM.match(text)
    last = part.items[-1] if part.items else None
    party = _PARTY_LINE.match(text)
    if item:
        part.items.append(_Item(number, item.group("seq"), item.group("text").strip()))
    elif party and last is not None:
        last.names = party.group("names")
    elif last is not None and not last.text.endswith(tuple(_ENDED)):
        last.text += text  # a hard line break inside the item


def _cells(part: str, item: _Item) -> list[str]:
    text = _PARTY_NOTE.sub("", item.text).strip()
    names = _named(part, item)
    if part == "basic":
        return [item.seq, _matter(text), text]
    if part == "assisting":
        return [item.seq, _matter(_ASSIST_HEAD.sub("", text)), text, names]
    return [item.seq, _matter(_TAKER_FIRST.sub("", _TAKEN_BY.sub("", text))), text, names]


def _named(part: str, item: _Item) -> str:
    """The county department an item names: its bracket's, its own line's, else the one its text names."""
    noted = _PARTY_NOTE.search(item.text)
    if noted:
        return noted.group("names").strip()
    if item.names:
        return item.names.strip()
    if part == "assisting":
        found = _ASSISTED.match(item.text)
        return found.group("names") if found else ""
    found = _TAKEN_BY.search(item.text) or _TAKER_FIRST.match(item.text)
    return found.group("names") if found else ""


def _matter(text: str) -> str:
    """The item's first clause, without 负责/开展 before it or 工作 after it (as a 职责分工 clause's matter): the
    clauses after it say how (调处一般民间纠纷), which a matter's name leaves out, as a table's 事项名称 does."""
    return clean_matter(re.split(r"[。；;，,]", text)[0])


def _unnamed(path: object, part: _Part, item: _Item) -> IngestError | None:
    if part.part not in _PARTY_TITLES or _named(part.part, item):
        return None
    title, who = _PARTY_TITLES[part.part]
    return IngestError(str(path), f"the {who} in item {item.seq} of the {part.heading}: （{title}：县某某局） after "
                                  f"it, or a line {title}：… below it", line=item.line,
                       detail=f"{item.text!r} names none",
                       zh=f"“{part.heading}”第{item.seq}项应写明{title}，如在句末写“（{title}：县某某局）”或下一行写"
                          f"“{title}：县某某局”，实为“{item.text}”")


def _text(cells: list[str]) -> str:
    return next((cell.strip() for cell in cells if cell.strip()), "")
