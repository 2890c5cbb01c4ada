"""host_assist_ambiguities: shared matters whose lead (牵头/主办) and assisting (配合/协办) parties are unclear.

Reasons, per the national 部门职责分工协调办法 (one matter, one lead; where several lead, the first
listed hosts):
- `no_lead`: parties assist but nobody leads;
- `multiple_leads`: one clause names several leads (the first listed is named `host`);
- `conflicting_leads`: documents disagree on who leads;
- `lead_and_assist`: a department is named both as lead and as assisting party;
- `vague_party`: a party is only 有关部门 / 相关单位 and the like.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.store import Row, Store
from queries import catalog


def host_assist_ambiguities(store: Store, region: str | None = None) -> list[Row]:
    rows = catalog.run(store, "matter_parties", {"region": region})
    by_matter: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        by_matter[(row["region"], row["matter"])].append(row)
    findings: list[Row] = []
    for (matter_region, matter), parties in sorted(by_matter.items()):
        findings.extend(_findings(matter_region, matter, parties))
    return findings


def _findings(region: str, matter: str, parties: list[Row]) -> list[Row]:
    leads = [p for p in parties if p["role"] == "LEADS"]
    assists = [p for p in parties if p["role"] == "ASSISTS"]
    lead_names = _ordered_names(leads)
    assist_names = sorted({p["department"] for p in assists})
    sources = sorted({p["source"] for p in parties})
    base: dict[str, Any] = {"matter": matter, "region": region, "leads": lead_names, "assists": assist_names,
                            "host": None, "sources": sources}
    found: list[Row] = []
    if not leads:
        found.append({**base, "reason": "no_lead"})
    by_source: dict[str, list[Row]] = defaultdict(list)
    for lead in leads:
        by_source[lead["source"]].append(lead)
    several = [source for source in sorted(by_source) if len({lead["department"] for lead in by_source[source]}) > 1]
    if several:
        # The first-listed lead of the first clause that names several hosts (部门职责分工协调办法 第七条).
        first = by_source[several[0]]
        host = min(first, key=lambda lead: (lead["order"] or 0, lead["department"]))["department"]
        found.append({**base, "reason": "multiple_leads", "host": host, "sources": several})
    documents = {lead["source"].split("#", 1)[0]: set() for lead in leads}
    for lead in leads:
        documents[lead["source"].split("#", 1)[0]].add(lead["department"])
    if len({frozenset(names) for names in documents.values()}) > 1:
        found.append({**base, "reason": "conflicting_leads"})
    # Within one document: a department named as lead and as assisting party of the same matter.
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for party in parties:
        roles[party["source"].split("#", 1)[0]][party["department"]].add(party["role"])
    if any(len(found_roles) == 2 for document in roles.values() for found_roles in document.values()):
        found.append({**base, "reason": "lead_and_assist"})
    if any(p["vague"] for p in parties):
        found.append({**base, "reason": "vague_party"})
    return found


def _ordered_names(leads: list[Row]) -> list[str]:
    """Leads in their listing order (the host first), each once."""
    names: list[str] = []
    for lead in sorted(leads, key=lambda lead: (lead["source"], lead["order"] or 0, lead["department"])):
        if lead["department"] not in names:
            names.append(lead["department"])
    return names


REASON_LABELS = {
    "no_lead": "无牵头部门",
    "multiple_leads": "多个牵头部门",
    "conflicting_leads": "文件间牵头部门不一致",
    "lead_and_assist": "既牵头又配合",
    "vague_party": "责任主体模糊（有关部门）",
}
