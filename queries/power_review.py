"""power_item_review: a 权责清单 read as a 司法局 reviews it before the 编办 publishes it (合法性审查).

Each power item is checked on its own (a 依据 named, and able to set its kind of power; a 实施主体 the graph knows)
and against the region's other items (one power under two departments, 多头执法; one department listing one power
twice in other words). A finding is a row naming the item, its department, its 依据 as written and its list row.

Two names are one power when they differ only in order, punctuation, the words that frame a name (行为, 的, 有关) or
the conjunctions a list writes between two acts (生产、销售 / 生产和销售 / 生产销售): `queries.matter_names`' key.
A closer reading (rapidfuzz) would pair 食品生产许可 with 食品经营许可, two powers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from graph.store import Row, Store
from ingest.devolution import DEVOLVED, ENTRUSTED
from ingest.names import TERRITORIAL_KIND
from queries import catalog
from queries.labels import POWER_REVIEW_LABELS
from queries.legal_basis import BURDENING_KINDS, RANK_LABELS, SET_ONLY_BY_LAW, cited
from queries.matter_names import same_matter_key
from queries.power_list_gaps import ListGaps, holder_unknown, no_basis
from queries.power_mandate import PowerMandates
from queries.sources import source_document
from queries.township_takers import without_takers

# The article of each law that keeps a 规范性文件 from setting its kind of power, cited in the finding.
_SETTING_ARTICLE = {"行政处罚": "《中华人民共和国行政处罚法》第十六条",
                    "行政许可": "《中华人民共和国行政许可法》第十七条",
                    "行政强制": "《中华人民共和国行政强制法》第十条"}
_CONJUNCTIONS = re.compile(r"和|及|与|或")
_FINDING_ORDER = tuple(POWER_REVIEW_LABELS)
_STATED = {"responsibilities": "责任事项", "accountability": "追责情形"}
STAGES_FIELDS_VERSION = 13  # the GRAPH_FIELDS_VERSION from which a list's 责任事项 and 追责情形 are loaded


def power_key(name: str) -> str:
    """What two wordings of one power share (see the module's docstring)."""
    return same_matter_key(_CONJUNCTIONS.sub("", name))


def same_power(row: Row) -> tuple[str, ...]:
    """One power of a region, whoever lists it: what 多头执法 is counted by."""
    return row["region"], row["type"], power_key(row["item"])


def listed_power(row: Row) -> tuple[str, ...]:
    """One power as one department lists it: what a repeated item is counted by."""
    return row["department_uid"], row["type"], power_key(row["item"])


def review(store: Store, rows: list[Row], _params: dict[str, Any]) -> list[Row]:
    """The findings on the items `rows` list (power_item_review's Cypher), by region, department, item, finding."""
    local = [row["name"] for row in catalog.run(store, "regions") if row["level"] in ("county", "township")]
    mandates = PowerMandates.of_graph(store) if rows else None
    gaps = ListGaps(store, rows)
    found: list[Row] = []
    for row in rows:
        found += _own_findings(row, local, gaps)
        if mandates is not None and (lacking := mandates.lacking(row)) is not None:
            found.append(_finding(row, "no_mandate", lacking))
    found += _stages_not_loaded(store, rows)
    found += [_finding(first, finding, detail) for first, finding, detail in gaps.findings(_first)]
    # Lower governments as a whole (各乡镇人民政府: a 赋权清单's 承接主体) hold a power the county devolved to every
    # township: a county department listing it too is still exercising it, not a second department (user test).
    own = [row for row in rows if row["holder_kind"] != TERRITORIAL_KIND]
    found += _shared(own, same_power, "department_uid", "several_departments", lambda other: other["department"])
    found += _still_listed(rows, own)
    # Every township of the county takes on what lower governments as a whole were given: one that has no office
    # to do it is named, under its government (user test: 白水乡, without a 综合行政执法办公室).
    found += [_untaken(township, office, items) for township, office, items in without_takers(store, rows)]
    found += _shared(rows, listed_power, "item_uid", "repeated", _item_named)
    found.sort(key=lambda row: (*_item_order(row), _FINDING_ORDER.index(row["finding"]), row["detail"]))
    return found


def _item_order(row: Row) -> tuple[str, ...]:
    return row["region"], row["department"], row["item"], row["code"], row["item_uid"]


def _first(rows: list[Row]) -> Row:
    """The item a finding on a whole list is shown on: its first in the review's order."""
    return min(rows, key=_item_order)


def _devolved(rows: list[Row]) -> dict[tuple[str, ...], list[str]]:
    """Each power lower governments as a whole exercise, with their names."""
    takers: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for row in rows:
        if row["holder_kind"] == TERRITORIAL_KIND:
            takers[same_power(row)].add(row["department"])
    return {key: sorted(names) for key, names in takers.items()}


def _still_listed(rows: list[Row], own: list[Row]) -> list[Row]:
    """A department's item the townships were given: a finding, unless its own 备注 says so. 已下放 says the list
    keeps it as a record only; 委托 keeps it the department's power, the township acting in the department's name
    (the 赋权清单's own fallback where a township cannot take it on): a 说明, not a finding."""
    devolved = _devolved(rows)
    found: list[Row] = []
    for row in own:
        takers = devolved.get(same_power(row))
        if takers is None or row["devolution"] == DEVOLVED:
            continue
        finding = "devolved_entrusted" if row["devolution"] == ENTRUSTED else "devolved_still_listed"
        found.append(_finding(row, finding, "、".join(takers)))
    return found


def _untaken(township: Row, office: str, items: list[Row]) -> Row:
    """One finding under the township that has no office to take on what it was given: `item` the count and each
    item (its 编码 beside it), `detail` the 承接主体 and the office, `source` the 赋权清单 (its first item's)."""
    first = items[0]
    named = "；".join(_item_named(row) for row in items)
    detail = f"承接主体：{first['department']}；{township['township']}三定未设{office}"
    types = "、".join(sorted({row["type"] for row in items}))
    return {**_finding(first, "no_taking_office", detail), "region": township["region"],
            "department": township["township"], "department_uid": township["uid"],
            "item": f"共{len(items)}项：{named}", "type": types, "code": "", "basis": "",
            "source": source_document(first["source"]), "item_uid": ""}


def _item_named(row: Row) -> str:
    return f"{row['item']}（{row['code']}）" if row["code"] else row["item"]


def _own_findings(row: Row, local: list[str], gaps: ListGaps) -> list[Row]:
    found: list[Row] = []
    if holder_unknown(row) and not gaps.said_once("holder_unknown", row):
        maybe = "、".join(sorted(row["candidates"]))
        found.append(_finding(row, "holder_unknown", f"可能是：{maybe}" if maybe else ""))
    # A column the list does not have is None: only a cell left empty in a list that has the column is a finding.
    missing = [label for field, label in _STATED.items() if row[field] is not None and not row[field].strip()]
    if missing and (row["type"] or "").startswith(BURDENING_KINDS):
        found.append(_finding(row, "no_responsibility", f"未写{'、'.join(missing)}"))
    if no_basis(row):
        return found if gaps.said_once("no_basis", row) else [*found, _finding(row, "no_basis", "")]
    documents = cited(row["basis"].strip(), local)
    if not documents:
        return [*found, _finding(row, "no_law_named", "")]
    kind = next((kind for kind in SET_ONLY_BY_LAW if (row["type"] or "").startswith(kind)), None)
    if kind is not None and not any(document.can_set for document in documents):
        named = "；".join(f"《{document.title}》" for document in documents)
        found.append(_finding(row, "basis_cannot_set", f"{RANK_LABELS['normative']}：{named}；"
                                                       f"依据{_SETTING_ARTICLE[kind]}，规范性文件不得设定{kind}"))
    return found


def _stages_not_loaded(store: Store, rows: list[Row]) -> list[Row]:
    """One finding per list loaded before its items' 责任事项 and 追责情形 were read (GRAPH_FIELDS_VERSION 13): its
    empty cells cannot be told from a list without those columns, and no_responsibility would say nothing of it. The
    finding is on the list's first item the check applies to, in the review's order, and counts them all."""
    judged: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if (row["type"] or "").startswith(BURDENING_KINDS):
            judged[source_document(row["source"])].append(row)
    if not judged:
        return []
    older = store.read("MATCH (d:Document) WHERE d.uid IN $uids AND coalesce(d.fields_version, 0) < $read_from "
                       "RETURN d.uid AS uid, coalesce(d.fields_version, 0) AS version ORDER BY uid",
                       {"uids": sorted(judged), "read_from": STAGES_FIELDS_VERSION})
    found: list[Row] = []
    for document in older:
        items = judged[document["uid"]]
        found.append(_finding(_first(items), "stages_not_loaded",
                              f"本清单由较早版本载入（字段版本 {document['version']}），未读入责任事项和追责情形，"
                              f"其中 {len(items)} 项行政处罚、许可、强制、征收、检查无法核对：请重新导入该清单"))
    return found


def _shared(rows: list[Row], key: Callable[[Row], tuple[str, ...]], distinct: str, finding: str,
            named: Callable[[Row], str]) -> list[Row]:
    """A finding on each item whose key other items share with a different `distinct` (another department, another
    item), naming those others."""
    groups: dict[tuple[str, ...], list[Row]] = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    found: list[Row] = []
    for group in groups.values():
        if len({row[distinct] for row in group}) < 2:
            continue
        for row in group:
            others = sorted({named(other) for other in group if other[distinct] != row[distinct]})
            found.append(_finding(row, finding, "、".join(others)))
    return found


def _finding(row: Row, finding: str, detail: str) -> Row:
    return {"region": row["region"], "department": row["department"], "item": row["item"], "type": row["type"],
            "code": row["code"], "finding_label": POWER_REVIEW_LABELS[finding], "basis": row["basis"],
            "detail": detail, "source": row["source"], "finding": finding,
            "department_uid": row["department_uid"], "item_uid": row["item_uid"]}
