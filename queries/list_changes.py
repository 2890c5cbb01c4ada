"""What each adjustment of a list changed (清单动态调整), version by version: the rows of each version (kept in a
compact form, ingest.list_history) compared with the next version's.

Rows are matched by their item's name (`queries.matter_names.paired`): the same name (give or take spaces), else
the same matter in other words (`same_matter_key`: a reordering, or framing words), else the closest name left
above `RENAMED_SCORE` (rapidfuzz: 户外广告设置管理 / 户外广告设置和管理), which is a 事项名称变更. A row left
unmatched is a 新增事项 in the later version or a 删除事项 in the earlier one. Two versions that share fewer than half
the shorter's names (`ingest.versions.SHARED_MATTERS`: two 街道's lists of one title) are two lists, not compared.

A 乡镇（街道）履行职责事项清单's rows are matched within each township (a county's one table lists a matter once a
township); a matter moved between its parts (基本履职 → 配合履职 → 上级部门收回) is a 清单部分变更, and its county
departments are named by their part: the one a 配合 matter's township assists, the one that took a 收回 matter back."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import pairwise
from pathlib import PurePath
from typing import Any

from graph.store import Row, Store
from ingest.list_dates import version_date
from ingest.region_succession import successor_paths
from ingest.versions import SHARED_MATTERS, dated_zh, newest_first
from queries.labels import TOWNSHIP_PART_LABELS
from queries.matter_names import folded, paired

CHANGES = ("added", "deleted", "renamed", "lead_changed", "assist_changed", "claim_changed", "department_changed",
           "part_changed", "assisted_changed", "reclaimer_changed")
CHANGE_LABELS = {"added": "新增事项", "deleted": "删除事项", "renamed": "事项名称变更", "lead_changed": "牵头部门变更",
                 "assist_changed": "配合部门变更", "claim_changed": "认领状态变更",
                 "department_changed": "实施部门变更", "part_changed": "清单部分变更",
                 "assisted_changed": "配合履职事项县级部门变更", "reclaimer_changed": "收回部门变更"}
# What a list's first column of parties is called, by its kind: a 权责清单's 实施部门 leads nothing, and a 监管事项's
# 认领部门 claims it.
_LEADS_CHANGE = {"supervision": "claim_changed", "power": "department_changed"}
_LEADS_WORD = {"power": "实施"}
# A 履行职责事项清单's county departments, by the row's part: the one a 配合履职事项's township assists (it answers for
# the work: neither a 配合部门 nor the township's 牵头), and the one that took a 收回 matter back.
_TOWNSHIP_CHANGE = {"assisting": "assisted_changed", "reclaimed": "reclaimer_changed"}
_TOWNSHIP_PARTY = {"assisting": "县级部门", "reclaimed": "收回部门"}


def changes(store: Store, rows: list[Row], _params: dict[str, Any]) -> list[Row]:
    """The finish of list_changes: each list's versions in order (a 撤县设区's county list before its district's:
    `newest_first`), each compared with the next."""
    successors = successor_paths(store)
    by_list: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_list[row["list_key"]].append(row)
    found: list[Row] = []
    for key in sorted(by_list):
        versions = newest_first(by_list[key], successors)[::-1]  # oldest first, in the order removal brings them back
        for step, (earlier, later) in enumerate(pairwise(versions)):
            if earlier["rows_kept"] and later["rows_kept"]:  # a version an earlier dutygraph loaded kept no rows
                found += [{**change, "step": step} for change in _compared(key, earlier, later)]
    found.sort(key=lambda row: (row["list_key"], row["step"], CHANGES.index(row["change"]), row["matter"],
                                row["from_source"], row["to_source"]))
    for row in found:
        del row["step"]
    return found


def _rows(version: Row) -> list[dict[str, Any]]:
    return [json.loads(text) for text in version["version_rows"]]


def _compared(key: str, earlier: Row, later: Row) -> list[Row]:
    before, after = _rows(earlier), _rows(later)
    names_before = {folded(row["name"]) for row in before}
    names_after = {folded(row["name"]) for row in after}
    shorter = min(len(names_before), len(names_after))
    if shorter and len(names_before & names_after) < SHARED_MATTERS * shorter:
        return []  # two lists of one title, not versions (ingest.versions.verdict)
    pairs, deleted, added = _paired(before, after)
    cite = _citing(key, earlier, later)
    township = later["kind"] == "township"
    leads_word = _LEADS_WORD.get(later["kind"] or "", "牵头")
    parties = _township_parties if township else lambda row: _parties(row, leads_word)
    matter = _matter_named(before + after)
    found = [cite("deleted", matter(row), row, None, parties(row), "") for row in deleted]
    found += [cite("added", matter(row), None, row, "", parties(row)) for row in added]
    lead_change = _LEADS_CHANGE.get(later["kind"] or "", "lead_changed")
    named = _party_names(earlier, later)
    for old, new in pairs:
        if folded(old["name"]) != folded(new["name"]):
            found.append(cite("renamed", matter(new), old, new, old["name"], new["name"]))
        # A version kept before rows had a part (fields version 11) reads as in the later's part.
        if township and old.get("part", new.get("part")) != new.get("part", old.get("part")):
            found.append(cite("part_changed", matter(new), old, new, parties(old), parties(new)))
        elif named(old["leads"]) != named(new["leads"]) or old.get("claimed") != new.get("claimed"):
            change = _TOWNSHIP_CHANGE.get(new.get("part", ""), lead_change) if township else lead_change
            found.append(cite(change, matter(new), old, new, _leads(old), _leads(new)))
        if sorted(named(old["assists"])) != sorted(named(new["assists"])):
            found.append(cite("assist_changed", matter(new), old, new, "、".join(old["assists"]),
                              "、".join(new["assists"])))
    return found


def _party_names(earlier: Row, later: Row) -> Callable[[list[str]], list[str]]:
    """How two versions' parties compare: as written, but across a 撤县设区 (the 区's list reissuing the 县's,
    ingest.versions.renamed_side) without their region, which names one body 县农业农村局 in one and 区农业农村局 in the
    other (before, every row read as a 牵头部门变更)."""
    if earlier["region"] == later["region"]:
        return list
    from ingest.names import base_of  # here: rapidfuzz, which the names module brings, is no cost of the CLI's start

    return lambda names: [base_of(name) for name in names]


def _paired(before: list[dict[str, Any]], after: list[dict[str, Any]]
            ) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of one matter paired (`queries.matter_names.paired`); a 履行职责事项清单's within each township, as a
    county's one table lists a matter once a township (rows kept before they named theirs: all as one)."""
    if not all("township" in row for row in [*before, *after]):
        return paired(before, after, lambda row: row["name"])
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    deleted: list[dict[str, Any]] = []
    added: list[dict[str, Any]] = []
    for township in sorted({row["township"] for row in [*before, *after]}):
        mine = paired([row for row in before if row["township"] == township],
                      [row for row in after if row["township"] == township], lambda row: row["name"])
        pairs, deleted, added = pairs + mine[0], deleted + mine[1], added + mine[2]
    return pairs, deleted, added


def _matter_named(rows: list[dict[str, Any]]) -> Callable[[dict[str, Any]], str]:
    """How a change names its row's matter: by its name, after its township's where the list has several."""
    if len({row.get("township", "") for row in rows}) < 2:
        return lambda row: row["name"]
    return lambda row: f"{row['township']}：{row['name']}"


def _township_parties(row: dict[str, Any]) -> str:
    """What an added, deleted or moved row of a 履行职责事项清单 said: its part, and the county department the
    township assists (配合履职: that department answers for the work) or that took the work back (收回)."""
    part = TOWNSHIP_PART_LABELS.get(row.get("part", ""), "")
    word = _TOWNSHIP_PARTY.get(row.get("part", ""), "县级部门")
    named = f"{word}：{'、'.join(row['leads'])}" if row["leads"] else ""
    return "，".join(text for text in (part, named) if text)


def _leads(row: dict[str, Any]) -> str:
    named = "、".join(row["leads"])
    if "claimed" not in row:
        return named
    return f"已认领：{named}" if row["claimed"] else "未认领"


def _parties(row: dict[str, Any], leads_word: str) -> str:
    """What an added or deleted row said of its parties: 牵头 (a 权责清单's 实施) and 配合, or its claim."""
    if "claimed" in row:
        return _leads(row)
    parts = [f"{leads_word}：{'、'.join(row['leads'])}" if row["leads"] else "", f"配合：{'、'.join(row['assists'])}"
             if row["assists"] else ""]
    return "；".join(part for part in parts if part)


def _citing(key: str, earlier: Row, later: Row) -> Callable[..., Row]:
    def cite(change: str, matter: str, old: dict[str, Any] | None, new: dict[str, Any] | None, before: str,
             after: str) -> Row:
        return {"list_title": later["title"] or PurePath(later["path"] or "").name, "region": later["region"] or "",
                "from_version": version_name(earlier), "to_version": version_name(later), "change": change,
                "change_label": CHANGE_LABELS[change], "matter": matter, "before": before, "after": after,
                "from_source": _source(earlier, old), "to_source": _source(later, new), "list_key": key,
                "from_uid": earlier["uid"], "to_uid": later["uid"]}
    return cite


def version_name(version: Row) -> str:
    """A version as people name it: its date (2024年9月15日), with its file's name; 现行 for the current one."""
    name = PurePath(version["path"] or "").name
    dated = f"{dated_zh(issued)} " if (issued := version_date(version)) else ""
    return f"{dated}{name}{'（现行）' if version['current'] else ''}"


def _source(version: Row, row: dict[str, Any] | None) -> str:
    """A version's file and the row's place in it (序号3（第5行）); the file alone where the row is not in it."""
    path = version["path"] or ""
    return f"{path} {row['at']}" if row is not None else path


def summary(rows: Iterable[Row]) -> str:
    """One line saying what the adjustments changed: `《清单》2024年3月1日→2024年9月15日：新增1项、删除1项…`."""
    counted: dict[tuple[str, str, str], dict[str, int]] = {}
    for row in rows:
        step = counted.setdefault((row["list_title"], row["from_version"], row["to_version"]), defaultdict(int))
        step[row["change"]] += 1
    return "；".join(f"《{title}》{old} → {new}：" + "、".join(f"{CHANGE_LABELS[change]} {count} 项"
                                                            for change in CHANGES if (count := step.get(change)))
                    for (title, old, new), step in counted.items())
