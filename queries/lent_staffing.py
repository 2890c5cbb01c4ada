"""Where a department's borrowed staffing comes from: after a chain of renames by notice alone, a department with no
三定 of its own shows the offices and figures (编制, 领导职数, 规格 …) of the bodies it was, each from the nearest body
that states it (department_load, department). A reader checking 编制 against the documents must be told which body
and which document, and where it was read there, a figure is that body's: `编制承继自白河县文化广电和旅游局《关于调整…的
通知》二、；核定内设机构数承继自白河县文化广电和旅游局《关于调整…的通知》；领导职数承继自白河县文化和旅游局《…规定》第五条；
规格、内设机构承继自白河县文化和旅游局《…规定》`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from graph.store import Row, Store
from queries import catalog
from queries.sources import document_titles, readable_source

# The figures a body lends, in the order a reader reads the staffing (编制 first), as the sentence names them.
FIGURES = {"staff_quota": "编制", "other_staff": "其他编制", "leader_posts": "领导职数", "rank": "规格",
           "offices_stated": "核定内设机构数", "office_leader_posts": "内设机构领导职数", "offices": "内设机构"}
# The figures read from the document's 人员编制 clause (`staffing_source`, as tenure's staffing cites it): cited by
# that clause; the others (规格, 内设机构 …) by the document, which keeps no clause of them.
CLAUSED = frozenset({"staff_quota", "other_staff", "leader_posts", "office_leader_posts"})


def staffing_from(store: Store, *, region: str | None = None, department: str | None = None) -> dict[str, str]:
    """By department uid, the sentence saying which body and document each borrowed figure is from; a department that
    borrows nothing is absent."""
    rows = catalog.run(store, "lent_staffing", {"region": region, "department": department})
    if not rows:
        return {}
    titles = document_titles(store)
    by_department: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_department[row["department_uid"]].append(row)
    return {uid: sentence for uid, lent in by_department.items()
            if (sentence := _sentence(lent, lambda document: readable_source(document, titles)))}


def _sentence(rows: list[Row], cite: Callable[[str], str]) -> str:
    """Each figure the department does not state itself, from the nearest body stating it, and of that body's
    documents the newest that does (a notice's 调整后 totals over its 三定's); offices from every body lending them.
    Each cited by the clause it was read from where the graph keeps one (`CLAUSED`), else by its document."""
    # By body and document, then by what is cited (a clause of it, or the document): one document's figures together.
    lenders: dict[tuple[str, str], dict[str, list[str]]] = {}
    for figure in FIGURES:
        stating = [row for row in rows if figure in row["figures"] and figure not in row["own"]]
        if not stating:
            continue
        # A figure is the nearest body's; the offices are every body's (department_load counts them all).
        steps = {row["steps"] for row in stating} if figure == "offices" else {min(row["steps"] for row in stating)}
        for step in sorted(steps):
            nearest = max((row for row in stating if row["steps"] == step),
                          key=lambda row: (row["in_force_from"] or "", row["document"]))
            cited = nearest["source"] if figure in CLAUSED else nearest["document"]
            lenders.setdefault((nearest["lender"], nearest["document"]), {}).setdefault(cited, []).append(
                FIGURES[figure])
    return "；".join(f"{'、'.join(figures)}承继自{lender}{cite(source)}"
                    for (lender, _document), cited in lenders.items() for source, figures in cited.items())
