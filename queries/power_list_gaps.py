"""What power_item_review says once for a whole 权责清单, not on each of its items: a list none of whose items has a
依据 (it has no 设定依据 column, or left it empty throughout), a list none of whose 实施主体 the graph holds a 三定 of
(its departments are not loaded). Said per item, the Guangdong export (2262 items, no 依据 column, its province's
departments not loaded) gave 4524 findings that all said one thing (user test); a list where some items have it and
some lack it keeps the per-item findings, which then point at the rows to mend."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from graph.store import Row, Store
from queries.sources import document_titles, source_document


def no_basis(row: Row) -> bool:
    return not row["basis"].strip()


def holder_unknown(row: Row) -> bool:
    return bool(row["unresolved"])


# The per-item finding, its test, and the finding said once in its place when every item of a list has it.
WHOLE_LIST: tuple[tuple[str, Callable[[Row], bool], str], ...] = (
    ("no_basis", no_basis, "list_no_basis"),
    ("holder_unknown", holder_unknown, "list_holders_unknown"))


class ListGaps:
    """The lists of the review's rows that have a per-item finding on every item (`of`), and what to say of each."""

    def __init__(self, store: Store, rows: list[Row]) -> None:
        by_list: dict[str, list[Row]] = defaultdict(list)
        for row in rows:
            by_list[source_document(row["source"])].append(row)
        # Lower governments as a whole (各乡镇人民政府) are no department with a 三定 and never unresolved: a list of
        # theirs alone is not one whose departments are all unknown, and no list of one item is said as a list.
        self.whole: dict[str, dict[str, list[Row]]] = {
            finding: {uid: items for uid, items in by_list.items() if len(items) > 1 and all(map(test, items))}
            for finding, test, _ in WHOLE_LIST}
        self._titles = document_titles(store) if any(self.whole.values()) else None

    def said_once(self, finding: str, row: Row) -> bool:
        """Whether `finding` on `row` is said once for its list instead."""
        return source_document(row["source"]) in self.whole[finding]

    def findings(self, first: Callable[[list[Row]], Row]) -> list[tuple[Row, str, str]]:
        """(the list's `first` item, the finding, its detail naming the list and counting its items) for each list."""
        found: list[tuple[Row, str, str]] = []
        for finding, _, said in WHOLE_LIST:
            for uid, items in sorted(self.whole[finding].items()):
                assert self._titles is not None
                named = self._titles[uid].cite("") if uid in self._titles else uid
                found.append((first(items), said, _detail(said, named, items)))
        return found


def _detail(finding: str, named: str, items: list[Row]) -> str:
    if finding == "list_no_basis":
        return f"{named}全部 {len(items)} 项均未写设定依据（实施依据）：清单没有依据列，或该列全部为空"
    holders = len({row["department_uid"] for row in items})
    return (f"{named}全部 {len(items)} 项的实施主体（{holders} 个）图中均没有其三定："
            f"载入这些部门的三定后，方能核对实施主体和职权法定")
