"""The people in post (实有, from a 机构编制实名制统计表) against the posts set (核定), for staffing_load.

The graph's 核定 is the figure the department's 三定 or a notice's 调整后 totals set, with the posts notices since
moved, cut or handed down (`staff_quota`). A 统计表 (ingest.headcount) counts on its 统计时点 the people in post and,
by its own account, the posts set. What an 编办 reads from the two (`headcount_checks`, in words, each naming the
figures compared and their dates):

- 超编: 实有人数 over `staff_quota`, the 核定 as the notices leave it (not the 三定's own figure);
- 空编较多: the posts left vacant at least VACANCY_SHARE of those set, and at least VACANCY_MIN of them;
- 超职数配备: a rank's 领导职数 filled over those set (the table's 核定 for the rank, less or plus what notices after
  its 统计时点 moved of that rank);
- 数据不一致: the table's own 核定 differing from the graph's figure on the table's date;
- 统计时点早于调整通知: a notice changed the figure after the table counted (its counts are read against an old 核定).

A department's newest table is read, a row per 编制类型; the row without a type, or 行政, is its 行政编制
(`staff_actual`). Posts of another type (事业, 工勤) have no figure in the graph to hold them to: their 超编 is
judged against the table's own 核定.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from graph.store import Row

# 空编 worth a word: a fifth of the posts set, and at least two (one post vacant is turnover, not a finding).
VACANCY_SHARE = 0.2
VACANCY_MIN = 2
ADMIN_TYPES = ("", "行政")


@dataclass(frozen=True)
class DatedChange:
    """A notice's change to a department's posts after its own figure: `staff` and `leader_posts` signed (+ moved in),
    `rank` the 领导职数' rank as written, `on` the notice's date."""

    on: str
    staff: int
    leader_posts: int
    rank: str


def newest_tables(rows: Sequence[Row]) -> dict[str, list[Row]]:
    """By department uid, the `headcount` rows of its newest 统计时点 (a later table's count replaces an earlier
    one's, every 编制类型 of it), a row per 编制类型 (the last a table gives), ordered by type."""
    newest: dict[str, dict[str, Row]] = defaultdict(dict)
    for row in sorted(rows, key=lambda row: (row["as_of"], row["source"])):
        types = newest[row["department_uid"]]
        if any(other["as_of"] < row["as_of"] for other in types.values()):
            types.clear()
        types[row["staff_type"] or ""] = row
    return {uid: [types[key] for key in sorted(types)] for uid, types in newest.items()}


def admin_row(tables: Sequence[Row]) -> Row | None:
    """The row counting the department's 行政编制: the one of type 行政, or without a type."""
    return next((row for row in tables if (row["staff_type"] or "") in ADMIN_TYPES), None)


def headcount_checks(row: Row, tables: Sequence[Row], changes: Sequence[DatedChange], figure_on: str) -> list[str]:
    """What the newest 统计表 of a department says against the graph's figures (`row`: staffing_load's, with
    `staff_quota` and `staff_quota_stated`; `figure_on` the date of the document that set the figure), in Chinese."""
    found: list[str] = []
    admin = admin_row(tables)
    if admin is not None:
        found += _admin_checks(row, admin, changes, figure_on)
    for other in tables:
        if other is not admin and other["quota"] is not None and other["actual"] is not None \
                and other["actual"] > other["quota"]:
            found.append(f"{other['staff_type']}编制实有{other['actual']}名，超出统计表核定的{other['quota']}名"
                         f"（{_cited(other)}；图中无该类编制的核定数，按统计表自身核定数判断）")
    for table in tables:
        found += _over_ranks(table, changes)
    return found


def _admin_checks(row: Row, table: Row, changes: Sequence[DatedChange], figure_on: str) -> list[str]:
    found: list[str] = []
    quota, actual, as_of = row["staff_quota"], table["actual"], table["as_of"]
    later = [change for change in changes if change.on > as_of and change.staff]
    if quota is not None and actual is not None:
        compared = f"核定行政编制{quota}名（{_quota_basis(row, changes, figure_on)}）"
        if actual > quota:
            found.append(f"超编{actual - quota}名：实有人数{actual}名（{_cited(table)}），{compared}")
        elif quota - actual >= max(VACANCY_MIN, VACANCY_SHARE * quota):
            found.append(f"空编较多：实有人数{actual}名（{_cited(table)}），{compared}，空编{quota - actual}名"
                         f"（达到核定数的{VACANCY_SHARE:.0%}且不少于{VACANCY_MIN}名）")
    if figure_on and as_of < figure_on:
        found.append(f"统计时点早于核定编制的文件：统计表统计时点{as_of}，图中编制数据自{figure_on}核定，"
                     f"实有人数宜按现行核定数重新统计")
    elif later:
        dates = "、".join(sorted({change.on for change in later}))
        found.append(f"统计时点早于调整通知：统计表统计时点{as_of}，其后{dates}调整通知调整了编制"
                     f"（净{signed_count(sum(change.staff for change in later))}名），实有人数宜按调整后的核定数复核")
    # The table's own 核定 against the graph's on the table's date: the figure set, with the changes until then.
    if table["quota"] is not None and row["staff_quota_stated"] is not None and not (figure_on and as_of < figure_on):
        then = row["staff_quota_stated"] + sum(change.staff for change in changes if change.on <= as_of)
        if table["quota"] != then:
            found.append(f"数据不一致：统计表核定编制数{table['quota']}名（{_cited(table)}），"
                         f"图中三定及调整通知核定{then}名（截至{as_of}）")
    return found


def _over_ranks(table: Row, changes: Sequence[DatedChange]) -> list[str]:
    """Each rank whose 领导职数 filled exceed those set: the table's 核定 for the rank with what notices after its
    统计时点 moved of that rank (a notice cutting a 副处级 post after the count leaves one fewer to fill)."""
    filled, posts_set = _by_rank(table["leader_filled"]), _by_rank(table["leader_set"])
    found = []
    for rank in sorted(filled):
        if rank not in posts_set:
            continue
        moved = sum(change.leader_posts for change in changes if change.rank == rank and change.on > table["as_of"])
        allowed = posts_set[rank] + moved
        if filled[rank] > allowed:
            since = f"，其后调整通知{'增加' if moved > 0 else '减少'}{abs(moved)}名" if moved else ""
            kind = f"{table['staff_type']}编制" if table["staff_type"] not in ADMIN_TYPES else ""
            found.append(f"超职数配备：{kind}{rank}{'' if rank.endswith('职数') else '领导职数'}实配{filled[rank]}名，"
                         f"超出核定的{allowed}名（统计表核定{posts_set[rank]}名{since}；{_cited(table)}）")
    return found


def _by_rank(entries: Sequence[str]) -> dict[str, int]:
    """`正科级 4` entries (the HEADCOUNT edge's) by rank."""
    return {rank: int(posts) for rank, _, posts in (entry.rpartition(" ") for entry in entries)}


def _quota_basis(row: Row, changes: Sequence[DatedChange], figure_on: str) -> str:
    """Which figure `staff_quota` is and of when: the 三定's (or a notice's 调整后 totals) and the notices since."""
    basis = f"{figure_on}核定{row['staff_quota_stated']}名" if figure_on else f"核定{row['staff_quota_stated']}名"
    moved = [change for change in changes if change.staff]
    if moved:
        basis += f"，经{'、'.join(sorted({change.on for change in moved}))}调整通知后"
    return basis


def _cited(table: Row) -> str:
    name = f"《{table['table_title']}》" if table["table_title"] else PurePath(table["table_path"] or "").name
    return f"{name}，统计时点{table['as_of']}"


def signed_count(value: int) -> str:
    """A change in a count as the 编办's tables write it: +3, -2, 0 (no sign on nothing)."""
    return f"+{value}" if value > 0 else str(value)
