"""涉及本部门的清单事项 of a tenure (queries.tenure): the items of every version of a list in force on some day of the
window that name the department, each marked with its version's dates.

A list's current version is its Document: its items are read from the edges every analysis reads
(`department_roles`: 权责清单 items the department exercises, boundary matters it leads or assists on, supervision
items it claims), in force from the list's date (as ingest orders versions, `list_dates.version_date`) on. An
earlier version, replaced by a later one, is a ListVersion (ingest.list_history) with no edge, only its rows as written
(`version_rows`: the item's name, the departments leading and assisting it, or claiming it): in force from its date
to the day before the next version's, its rows naming the department (read as the list's parties are read,
`lookup.named_in`) are its items then. An auditor must see what the department had to do in the window, not only
what the list says now: a 权责清单 of 2022 replaced in 2023 still bound a tenure of 2021 to 2022.
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from graph.store import Row, Store
from ingest.kinds import KIND_TITLES
from ingest.list_dates import version_date
from ingest.region_succession import successor_paths
from ingest.versions import dated_zh, newest_first
from queries import catalog
from queries.labels import VALUE_LABELS
from queries.lookup import named_in
from queries.sources import source_document

# The documents a department's roles come from that are no lists: a 三定's 职责分工 clause is the duties' tables'.
_NOT_LISTS = frozenset({"sanding", "amendment", "headcount"})
CURRENT_VERSION = "现行"
UNDATED = "未署日期"
# Every version of every list: the replaced ones with their rows, and each list's current version, whose date ends
# the version before it. Each is dated as versions are ordered at ingest (`version_date`); an undated version's days in
# force cannot be told.
_VERSIONS = """
MATCH (v:ListVersion)
RETURN v.list_key AS list_key, v.uid AS uid, coalesce(v.title, '') AS title, v.kind AS kind, v.region AS region,
       coalesce(v.issued, '') AS issued, coalesce(v.path, '') AS path, v.loaded AS loaded, false AS current,
       coalesce(v.version_rows, []) AS version_rows
UNION ALL
MATCH (d:Document) WHERE d.list_key IS NOT NULL
RETURN d.list_key AS list_key, d.uid AS uid, coalesce(d.title, '') AS title, d.kind AS kind, d.region AS region,
       coalesce(d.issued, '') AS issued, coalesce(d.path, '') AS path, d.loaded AS loaded, true AS current,
       [] AS version_rows
"""
# What a row's parties do, by the list's kind: a 权责清单's 实施部门 exercises its item, a 监管事项's 认领部门 claims it
# (when claimed); the other lists' first parties lead their matter and the rest assist (department_roles' relations).
_LEADS_RELATION = {"power": "EXERCISES", "supervision": "CLAIMS"}


def list_items(store: Store, department: Row, first: str, last: str) -> list[Row]:
    """The list items naming `department` (a `find_department` row) of each version in force on some day from
    `first` to `last`, by list kind, date, relation and item: the current version's (or an undated one's, said so)
    unless dated after `last`, and each replaced version's in force in the window."""
    return sorted(_current(store, department["uid"], first, last) + _replaced(store, department, first, last),
                  key=lambda row: (row["list_kind"], row["issued"], row["relation"], row["item"], row["source"]))


def _current(store: Store, department: str, first: str, last: str) -> list[Row]:
    documents = {row["uid"]: row for row in catalog.run(store, "documents")}
    out: list[Row] = []
    for role in catalog.run(store, "department_roles", {"uid": department}):
        document = documents.get(source_document(role["source"] or ""))
        if document is None or document["kind"] in _NOT_LISTS:
            continue
        issued = version_date(document)
        if issued and _after(issued, last):
            continue  # not yet issued by the end of the tenure
        out.append(_item(document["kind"], role["relation"], role["name"], role["detail"], issued or UNDATED,
                         CURRENT_VERSION, bool(issued) and not _after(first, issued), role["source"]))
    return out


def _replaced(store: Store, department: Row, first: str, last: str) -> list[Row]:
    """The items of each replaced version (ListVersion) in force on some day of the window (`_in_force`)."""
    by_list: dict[str, list[Row]] = defaultdict(list)
    for version in store.read(_VERSIONS):
        by_list[version["list_key"]].append(version)
    successors = successor_paths(store)
    # Each mention read once: a list names the same few departments in row after row, and version after version.
    readings: dict[tuple[str, str], bool] = {}

    def names_it(mention: str, region: str) -> bool:
        if (mention, region) not in readings:
            found = named_in(store, mention, region)
            readings[mention, region] = found is not None and found[0] == department["uid"]
        return readings[mention, region]

    out: list[Row] = []
    for key in sorted(by_list):
        ordered = newest_first(by_list[key], successors)[::-1]  # oldest first
        for at, version in enumerate(ordered):
            span = _in_force(version, ordered[at + 1:])
            if version["current"] or span is None or _after(span[0], last) or (span[1] and not _after(span[1], first)):
                continue
            issued, until = span[0], _until(span[1], ordered[at + 1:])
            cited = f"《{version['title']}》（{dated_zh(issued)}版）" if version["title"] else \
                f"{KIND_TITLES.get(version['kind'], version['kind'])}（{dated_zh(issued)}版）"
            for text in version["version_rows"]:
                row = json.loads(text)
                for relation in _relations(version["kind"], row,
                                           lambda mention, region=version["region"] or "": names_it(mention, region)):
                    out.append(_item(version["kind"], relation, row["name"], _detail(version, row, relation), issued,
                                     until, not _after(first, issued), f"{cited}{row['at']}"))
    return out


def _in_force(version: Row, later: list[Row]) -> tuple[str, str] | None:
    """A replaced version's date and the date its days in force end before (`later`: the versions above it in the one
    order of its list's versions, ingest.versions.newest_first, next first): the first of them dated after it, '' for
    none. None when its days cannot be told or it had none of its own: it bears no date, or the next version bears
    its date (a correction dated as the version it corrects, loaded after it) or an earlier one (a 撤县设区's district
    list above its county's). Before, versions were ordered by date alone: a version and its correction of one date
    were both in force, from that date on."""
    issued = version_date(version)
    following = version_date(later[0]) if later else ""
    if not issued or following == issued or (following and _after(issued, following)):
        return None
    return issued, next((date for date in map(version_date, later) if _after(date, issued)), "")


def _until(bound: str, later: list[Row]) -> str:
    """What a replaced version's `in_force_to` says: the day before the next version's date (`bound`, `_in_force`),
    else, the next one bearing no date (or a year within its own), before the first later version's date
    (`2023-03-01前`: it was replaced some time before), else '' (no later version dated: its end cannot be told)."""
    if bound and version_date(later[0]) == bound:
        return day_before(bound)
    return f"{bound}前" if bound else ""


def _detail(version: Row, row: dict[str, Any], relation: str) -> str:
    """A replaced version's row's detail as `department_roles` gives a current one's: its own (ingest.list_history;
    none in rows kept before 2026-11), else for a 牵头 or 配合 the list's title (or file), the edge's 依据 at ingest."""
    if row.get("detail") or relation not in ("LEADS", "ASSISTS"):
        return str(row.get("detail") or "")
    return version["title"] or PurePath(version["path"] or "").stem


def _relations(kind: str, row: dict[str, Any], is_department: Callable[[str], bool]) -> list[str]:
    """What the department does in a version's row: the relation of each party the row names that is it
    (`is_department`: whether a mention names it)."""
    leads = _LEADS_RELATION.get(kind, "LEADS")
    found = [leads] if any(map(is_department, row["leads"])) and row.get("claimed", True) else []
    return found + (["ASSISTS"] if any(map(is_department, row["assists"])) else [])


def _item(kind: str, relation: str, item: str, detail: str, issued: str, until: str, in_window: bool,
          source: str) -> Row:
    return {"list_kind": KIND_TITLES.get(kind, kind), "relation": VALUE_LABELS.get(relation, relation), "item": item,
            "detail": detail, "issued": issued, "in_force_to": until, "issued_in_window": in_window,
            "source": source}


def _after(date: str, other: str) -> bool:
    """Whether `date` is after `other`, either possibly only a year or a month (2022, 2022-09): compared as far as
    both go, so that a list of 2022 is not after a window ending 2022-06-30."""
    return date[:len(other)] > other[:len(date)]


def day_before(date: str) -> str:
    """The day before a full date (YYYY-MM-DD); before a year or a month (a list dated 2023), `2023前`."""
    if len(date) != len("2023-05-01"):
        return f"{date}前"
    return (datetime.date.fromisoformat(date) - datetime.timedelta(days=1)).isoformat()
