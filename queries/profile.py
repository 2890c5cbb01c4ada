"""department_profile: everything about one department — its facts, duties by category (with the offices that carry
each out), offices with their duties, matters led and assisted, power and supervision items, and the findings that
name it."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.store import Store
from ingest.category import CATEGORIES
from queries import catalog
from queries.ambiguities import host_assist_ambiguities
from queries.cache import cached
from queries.chain_names import chain_aliases
from queries.headcount import admin_row, newest_tables
from queries.lent_staffing import staffing_from
from queries.lookup import find_department
from queries.network import coordination_graph
from queries.overlaps import SCOPES, overlaps
from queries.staffing import moved_staff, with_actual, with_staff_figures
from queries.undecomposed import undecomposed_duties


def department_profile(store: Store, name: str) -> dict[str, Any]:
    """Cached per graph version: a profile gathers several analyses (callers must not mutate it)."""
    return cached(store, ("department_profile", name), lambda: _profile(store, name))


def _profile(store: Store, name: str) -> dict[str, Any]:
    found = find_department(store, name)
    # Its 行政编制 after the posts 调整 notices moved since its own figure, that figure beside it (queries.staffing).
    moves = moved_staff(catalog.run(store, "staff_moves", {"region": found["region"]})).get(found["uid"], [])
    # The people in post, by the newest 实名制统计表 that counts it (queries.headcount), as staffing_load gives them.
    tables = newest_tables(catalog.run(store, "headcount", {"region": found["region"]}))
    counted = admin_row(tables.get(found["uid"], []))
    department = {**with_actual(with_staff_figures(found, moves), counted),
                  # Figures borrowed from the bodies a chain of renames replaced: body and document (编制数据来源).
                  "staffing_from": staffing_from(store, department=found["uid"]).get(found["uid"], ""),
                  "succession": succession_note(
                      catalog.run(store, "department_successions", {"department": found["uid"]})),
                  "aliases": chain_aliases(store, found["uid"], found["aliases"] or [])}
    duties = catalog.run(store, "department_duties", {"department": department["uid"]})
    by_category: dict[str, list[dict[str, Any]]] = {category: [] for category in CATEGORIES}
    offices: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for duty in duties:
        # What a 调整 notice since the 三定 made of it (已划出 …), said where the duty is listed.
        entry = {"ordinal": duty["ordinal"], "text": duty["text"], "source": duty["source"],
                 "status": duty["status"], "change": duty["change"], "counterpart": duty["counterpart"],
                 # A duty a reform by notice carried from the body it replaced: that body, and the notice's clause.
                 "carried_from": duty["carried_from"], "ground_source": duty["ground_source"]}
        if duty["office"]:
            offices[duty["office"]].append(entry)
        else:
            # Which offices carry each duty out: a 三定 drafter checks every duty is handed down (user test).
            by_category.setdefault(duty["category"] or "其他", []).append(
                {**entry, "carried_by": sorted(duty["carried_by"])})
    roles = catalog.run(store, "department_roles", {"uid": department["uid"]})
    mine = department["name"]
    graph = coordination_graph(store, department["region"])
    undecomposed = undecomposed_duties(store, department["uid"])
    # Every office, those the 三定 gives no duty too (执法监督科): listing only offices with duties, the profile
    # counted 11 of the 12 the departments table counts (user test). Such an office's `source` is its clause.
    empty = {row["office"]: row["source"] for row in undecomposed if row["kind"] == "office_without_duty"}
    return {
        "department": department,
        "duties_by_category": {k: v for k, v in by_category.items() if v},
        "offices": [{"office": office, "duties": offices.get(office, []), "source": empty.get(office)}
                    for office in sorted({*offices, *empty})],
        "leads": [r for r in roles if r["relation"] == "LEADS"],
        "assists": [r for r in roles if r["relation"] == "ASSISTS"],
        "power_items": [r for r in roles if r["relation"] == "EXERCISES"],
        "supervision_items": [r for r in roles if r["relation"] == "CLAIMS"],
        # Each cluster with the scope it was found in: the table read 同级部门, 内设机构 and 上下级 groups alike.
        "overlaps": [{**cluster, "scope": scope} for scope in SCOPES
                     for cluster in overlaps(store, scope=scope, department=department["uid"])],
        "ambiguities": [f for f in host_assist_ambiguities(store, department["region"])
                        if mine in f["leads"] or mine in f["assists"]],
        "undecomposed": undecomposed,
        "network": sorted(({"department": other, "matters": sorted(graph[mine][other]["matters"])}
                           for other in graph.neighbors(mine)), key=lambda n: n["department"])
        if mine in graph else [],
    }


def succession_note(rows: list[dict[str, Any]]) -> str | None:
    """A department's 机构改革 in words: 已更名为… / 已并入… (it answers no longer; its successor does), then what it
    replaced (由…更名而来, 由…合并组建, 划入…的职责), each with its date."""
    words = []
    for row in rows:
        dated = f"（{row['date']}）" if row["date"] else ""
        if row["role"] == "successor":
            words.append(f"{'已更名为' if row['kind'] == 'renamed' else '已并入'}{row['department']}{dated}")
        else:
            verb = {"renamed": "由{}更名而来", "merged": "由{}等合并组建"}.get(row["kind"], "划入{}的职责")
            words.append(verb.format(row["department"]) + dated)
    return "；".join(words) or None
