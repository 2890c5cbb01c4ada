"""Sources as people read them: `doc:4db917bb9908f3f6#第四条(六)` becomes `《示例市交通运输局职能配置、内设机构和
人员编制规定》第四条(六)`, a row of a list `《示例市部门职责边界清单》工作表“职责边界清单”序号3（第6行）` (by the number
the list gives the row, which is what people cite), and a row of a list without a title
`市县事权划分清单（shixian_qingyan.csv）序号3（第3行）`: what the document is, then its file, since a file's name in
书名号 would read as a document's title. Files, tables and reports are read by people, who cannot map a document's uid
to a file; JSON answers keep the uid, which a program joins with /api/documents."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.store import Store
from ingest.kinds import KIND_TITLES
from queries import catalog
from queries.cache import cached

# item_source: a power_split cell's; county_source, city_source: counterpart_duties'; other_source: check-draft's;
# a_source and b_source: each side's of a pair of duties (similar_duties); change_source: the 调整 notice's clause
# that took a duty from a department (duties_in_force); ground_source: the notice's clause by which a department's
# duty is that of the body it replaced (department_duties); sector_rule_source: the 三定 clause of 管行业必须管安全 for
# every sector (who_handles, orphans); rank_source … offices_source: the 三定 (or 调整 notice) clause a department's
# fact was read from (its profile, staffing_load).
SOURCE_KEYS = frozenset({"source", "sources", "item_source", "county_source", "city_source", "other_source", "a_source",
                         "b_source", "evidence_source", "change_source", "ground_source", "duty_source",
                         "sector_rule_source", "leader_posts_source", "rank_source", "supervisor_source",
                         "staffing_source", "offices_stated_source", "offices_source"})


@dataclass(frozen=True)
class Cited:
    """What a source names its document by: its title, or, for a document without one, what it is and its file's
    name: `市县事权划分清单（shixian_shiquan.xlsx）`, which reads as a document beside the titled ones it is cited
    with, where the bare file's name read as something else (user test)."""

    name: str
    is_title: bool = True
    edition: str = ""  # which of several documents of one title: `（2019年）`, else its 文号, else its file
    kind: str = ""  # an untitled document's kind as people call it (市县事权划分清单); '' when unknown

    def cite(self, place: str) -> str:
        if self.is_title:
            return f"《{self.name}》{self.edition}{place}"
        return f"{self.kind}（{self.name}）{place}" if self.kind else f"{self.name} {place}"


class Titles(dict[str, Cited]):
    """`document_titles`: the `Cited` of each document (by uid) and sheet (by `sheet_key`), and in `numbers` what
    people cite a list's rows by (`序号3`, `编码JG370000101`), by the row's source (`uid#sheet!6`)."""

    def __init__(self, cited: Mapping[str, Cited] | None = None, numbers: Mapping[str, str] | None = None) -> None:
        super().__init__(cited or {})
        self.numbers: dict[str, str] = dict(numbers or {})


def document_titles(store: Store) -> Titles:
    """Each document's uid to its title (what it is and its file's name when it has none), kept per graph version;
    keyed `uid#sheet`, the title of each sheet of a workbook that its own title row gives (one department's list a
    sheet), or the file for a sheet of such a workbook without one; and the numbers of the lists' rows."""
    return cached(store, ("document_titles",),
                  lambda: titles_of(catalog.run(store, "documents"), row_numbers(store)), whole_graph=True)


def titles_of(documents: list[dict[str, Any]], numbered: Sequence[Mapping[str, Any]] = ()) -> Titles:
    """`document_titles` of the rows of the documents query (or of /api/documents, which answers them) and of
    `row_numbers` (or /api/documents/row_numbers)."""
    titles = Titles(numbers={sheet_key(row["uid"], place): number for row in numbered
                             for place, number in zip(row["places"], row["numbers"], strict=True)})
    editions = _editions(documents)
    for row in documents:
        file = Cited(_file_name(row), is_title=False, kind=KIND_TITLES.get(row.get("kind") or "", ""))
        titles[row["uid"]] = Cited(row["title"], edition=editions.get(row["uid"], "")) if row["title"] else file
        for sheet, title in zip(row["sheets"], row["sheet_titles"], strict=True):
            titles[sheet_key(row["uid"], sheet)] = Cited(title) if title else file
    return titles


def row_numbers(store: Store) -> list[dict[str, Any]]:
    """Each list's numbered rows: `uid`, `places` (a source's part after `#`) and, parallel, `numbers`, what people
    cite each by: a 监管事项's 编码 (JG370000101: a catalogue's items are known by it), any other row's 序号, else
    its 编码."""
    return [{"uid": row["uid"], "places": row["places"],
             "numbers": [_number(row["kind"], seq, code) for seq, code in zip(row["seqs"], row["codes"], strict=True)]}
            for row in catalog.run(store, "row_numbers")]


def _number(kind: str, seq: str, code: str) -> str:
    """A row's number as cited: `seq` is stored with its header (`序号3`, `编号3`, ingest.row_numbers)."""
    return f"编码{code}" if code and (kind == "supervision" or not seq) else seq


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


def source_document(source: str) -> str:
    """The document a source cites: `doc:…` of `doc:…#第三条(八)` (the whole of a source that names no place)."""
    return source.partition("#")[0]


def source_place(source: str) -> str:
    """Where in its document a source points (`第三条(八)`, `表二!4`); '' when it names no place."""
    return source.partition("#")[2]


def readable_source(source: str, titles: Mapping[str, Cited]) -> str:
    """`《title》place` for a source of a known document (`kind（file.csv）place` for one without a title); any other
    text as it is. A row of a sheet (`表二!4`) reads as `工作表“表二”第4行`, with its sheet's title where the sheet has
    one of its own, and a list's row that has a 序号 or 编码 by it, its line after: `序号3（第4行）`."""
    uid, _, place = source.partition("#")
    sheet, bang, row = place.rpartition("!")  # a sheet's name may hold a `!`; a row number does not
    cited = (titles.get(sheet_key(uid, sheet)) if bang else None) or titles.get(uid)
    if cited is None:
        return source
    # Excel's `表二!4` is a formula's reference; people read the sheet and the row in words (user test).
    in_sheet, line = (f"工作表“{sheet}”", f"第{row}行") if bang and row.isdigit() else ("", place)
    # People cite a list's row by its 序号 (or a 监管事项 by its 编码); the line finds it in the file.
    number = titles.numbers.get(source, "") if isinstance(titles, Titles) else ""
    return cited.cite(f"{in_sheet}{number}（{line}）" if number else f"{in_sheet}{line}")


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
