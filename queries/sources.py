"""Sources as people read them: `doc:4db917bb9908f3f6#第四条(六)` becomes `《示例市交通运输局职能配置、内设机构和
人员编制规定》第四条(六)`, and a row of a list without a title `shixian_qingyan.csv 第3行`: a file's name in 书名号
would read as a document's title. Files, tables and reports are read by people, who cannot map a document's uid to a
file; JSON answers keep the uid, which a program joins with /api/documents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph.store import Store
from queries import catalog
from queries.cache import cached

# item_source: a power_split cell's; county_source, city_source: counterpart_duties'; other_source: check-draft's;
# a_source and b_source: each side's of a pair of duties (similar_duties); change_source: the 调整 notice's clause
# that took a duty from a department (duties_in_force).
SOURCE_KEYS = frozenset({"source", "sources", "item_source", "county_source", "city_source", "other_source", "a_source",
                         "b_source", "evidence_source", "change_source"})


@dataclass(frozen=True)
class Cited:
    """What a source names its document by: its title, or, for a document without one, its file's name."""

    name: str
    is_title: bool = True
    edition: str = ""  # which of several documents of one title: `（2019年）`, else its 文号, else its file

    def cite(self, place: str) -> str:
        return f"《{self.name}》{self.edition}{place}" if self.is_title else f"{self.name} {place}"


def document_titles(store: Store) -> dict[str, Cited]:
    """Each document's uid to its title (its file's name when it has none), kept per graph version; and, keyed
    `uid#sheet`, the title of each sheet of a workbook that its own title row gives (one department's list a sheet),
    or the file's name for a sheet of such a workbook without one."""
    return cached(store, ("document_titles",), lambda: titles_of(catalog.run(store, "documents")), whole_graph=True)


def titles_of(documents: list[dict[str, Any]]) -> dict[str, Cited]:
    """`document_titles` of the rows of the documents query (or of /api/documents, which answers them)."""
    titles: dict[str, Cited] = {}
    editions = _editions(documents)
    for row in documents:
        file = Cited(_file_name(row), is_title=False)
        titles[row["uid"]] = Cited(row["title"], edition=editions.get(row["uid"], "")) if row["title"] else file
        for sheet, title in zip(row["sheets"], row["sheet_titles"], strict=True):
            titles[sheet_key(row["uid"], sheet)] = Cited(title) if title else file
    return titles


def _file_name(row: Mapping[str, Any]) -> str:
    return (row["path"] or "").rsplit("/", 1)[-1] or row["uid"]


def _editions(documents: list[dict[str, Any]]) -> dict[str, str]:
    """For documents sharing a title (a 三定 and its revision), what tells each apart in a citation: its year, else
    its 文号, else its file. Before, `《…规定》第六条(一)` named the 2019 and the 2027 三定 alike (user test)."""
    by_title: dict[str, list[dict[str, Any]]] = {}
    for row in documents:
        if row["title"]:
            by_title.setdefault(row["title"], []).append(row)
    editions: dict[str, str] = {}
    for rows in by_title.values():
        if len(rows) < 2:
            continue
        years = [str(row.get("issued") or row.get("effective") or "")[:4] for row in rows]
        numbers = [str(row.get("doc_number") or "") for row in rows]
        for row, year, number in zip(rows, years, numbers, strict=True):
            if year and years.count(year) == 1:
                editions[row["uid"]] = f"（{year}年）"
            elif number and numbers.count(number) == 1:
                editions[row["uid"]] = f"（{number}）"
            else:
                editions[row["uid"]] = f"（{_file_name(row)}）"
    return editions


def sheet_key(uid: str, sheet: str) -> str:
    return f"{uid}#{sheet}"


def readable_source(source: str, titles: Mapping[str, Cited]) -> str:
    """`《title》place` for a source of a known document (`file.csv place` for one without a title); any other text
    as it is. A row of a sheet (`表二!4`) reads as `工作表“表二”第4行`, with its sheet's title where the sheet has one
    of its own."""
    uid, _, place = source.partition("#")
    sheet, bang, row = place.rpartition("!")  # a sheet's name may hold a `!`; a row number does not
    cited = (titles.get(sheet_key(uid, sheet)) if bang else None) or titles.get(uid)
    if cited is None:
        return source
    # Excel's `表二!4` is a formula's reference; people read the sheet and the row in words (user test).
    return cited.cite(f"工作表“{sheet}”第{row}行" if bang and row.isdigit() else place)


def with_readable_sources(answer: Any, titles: Mapping[str, Cited]) -> Any:
    """A copy of `answer` (rows, or an answer of several tables) whose `source` and `sources` values, at any
    depth, read as `readable_source`."""
    return _rewrite(answer, titles)


def _rewrite(value: Any, titles: Mapping[str, Cited], under_source: bool = False) -> Any:
    if isinstance(value, dict):
        return {key: _rewrite(item, titles, key in SOURCE_KEYS) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_rewrite(item, titles, under_source) for item in value]
    if under_source and isinstance(value, str):
        return readable_source(value, titles)
    return value
