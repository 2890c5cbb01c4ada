"""The report's overlap groups as a reader counts them: numbered, an office-level group that repeats a department-level
one said to be the same clash, and a group across levels given the matter the city's split list names for it and
each level's share of the work (user test: office groups were counted twice, and cross-level ones said nothing of
what was wrong)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from graph.store import Row, Store
from queries import catalog
from queries.labels import SCOPE_LABELS, SHARE_LABELS, VALUE_LABELS
from queries.matter_names import same_matter_key
from queries.overlaps import lead_matters, names_the_duty
from queries.power_split import holdings_by_matter, share_of
from queries.sector_safety import safety_sectors
from queries.sources import source_document

NOT_IN_SPLIT = "市县事权划分清单未列此事项"


@dataclass
class Group:
    number: int
    scope: str  # departments, levels or offices
    cluster: Row


def overlap_rows(store: Store, groups: list[Group], region: str | None, document_regions: Mapping[str, str]
                 ) -> list[Row]:
    """A row per member of each group, its group's number, and `same_as` (the department group an office group
    repeats) and `remark` (what a reader needs of the group: that repeat, or across levels the split's division)."""
    repeats = _repeats(store, groups, region)
    leads = _Leads(store, region) if any(group.cluster["settled"] for group in groups) else None
    rows: list[Row] = []
    for group in groups:
        cluster = group.cluster
        matter, remarks = cluster["matter"] or "", [""] * len(cluster["members"])
        if group.number in repeats:
            remarks = [f"同第{repeats[group.number]}组（同一交叉在内设机构层面，不另计）"] * len(remarks)
        elif group.scope == "levels":
            matter, remarks = _split_of(store, cluster, document_regions)
        elif cluster["settled"] and leads is not None:
            remarks = leads.remarks(cluster, document_regions)
        rows += [{"scope": SCOPE_LABELS[group.scope], "group": group.number, "cluster_id": cluster["cluster_id"],
                  "score": cluster["score"], "settled": "已明确" if cluster["settled"] else "", "matter": matter,
                  "department": member["department"], "office": member["office"], "duty": member["duty"],
                  "source": member["source"], "same_as": repeats.get(group.number), "remark": remark}
                 for member, remark in zip(cluster["members"], remarks, strict=True)]
    return rows


class _Leads:
    """Who leads the matter that settles a group, and what the list row or clause that says so divides: a settled
    group read as resolved while a member's 三定 still stated the work the list gives another (user test: 县市场监管局's
    draft held 户外广告设施和门店招牌设置的审批, which 青山县's boundary list gives 县城市管理局)."""

    def __init__(self, store: Store, region: str | None) -> None:
        self.leads = {(row["region"], same_matter_key(row["matter"])): row["leads"] for row in lead_matters(store)}
        self.texts: dict[tuple[str, str], dict[tuple[str, str], list[str]]] = defaultdict(lambda: defaultdict(list))
        for row in catalog.run(store, "matter_parties", {"region": region}):
            said = self.texts[(row["region"], same_matter_key(row["matter"]))][(row["role"], row["department"])]
            if row["text"] and row["text"] not in said:
                said.append(row["text"])

    def remarks(self, cluster: Row, document_regions: Mapping[str, str]) -> list[str]:
        """Each member's remark: its department leads the matter, or its 三定 still states work the lead's row or
        clause gives another, to be struck or made assisting when the 三定 is revised; or, where the matter does not
        speak of the member's duty (`names_the_duty`), that the lead's row or clause leaves its duty as it is."""
        key = same_matter_key(cluster["matter"] or "")
        remarks = []
        for member in cluster["members"]:
            place = (document_regions.get(source_document(member["source"]), ""), key)
            leads, texts = self.leads.get(place, []), self.texts.get(place, {})
            division = "；".join(texts.get(("LEADS", leads[0]), []) if leads else []) or "未写分工"
            if member["department"] in leads:
                remarks.append(f"牵头：本部门为“{cluster['matter']}”的牵头部门（职责分工：{division}）")
                continue
            assists = "，列本部门为配合" if ("ASSISTS", member["department"]) in texts else ""
            lead = "、".join(leads) or "其他部门"
            if not names_the_duty(cluster["matter"] or "", member["duty"]):
                sectors = "、".join(sorted(safety_sectors(member["duty"])))
                own = f"（本部门此项为{sectors}行业安全生产，管行业必须管安全）" if sectors else ""
                remarks.append(f"非牵头：边界清单或职责分工条款明确由{lead}牵头“{cluster['matter']}”{assists}"
                               f"（职责分工：{division}），该事项未涉及本部门此项职责{own}，三定此项不因此删除")
                continue
            remarks.append(f"非牵头：本部门三定仍写有此项工作，而边界清单或职责分工条款明确由{lead}牵头{assists}"
                           f"（职责分工：{division}）；修订三定时核对：删除或改为配合")
        return remarks


def _repeats(store: Store, groups: list[Group], region: str | None) -> dict[int, int]:
    """Each office group's number → the department group of the same clash: the same departments, and either the
    same matter or office duties that carry out (REFINES) each department's duties in that group (a department
    group's offices' duties are alike too, and were counted again)."""
    offices = [group for group in groups if group.scope == "offices"]
    if not offices:
        return {}
    carried: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in catalog.run(store, "refining_office_duties", {"region": region}):
        carried[(row["department"], row["office"], row["text"])].add(row["carries"])
    repeats: dict[int, int] = {}
    for office in offices:
        members = office.cluster["members"]
        departments = {member["department"] for member in members}
        for group in groups:
            if group.scope != "departments" or _departments(group) != departments:
                continue
            duties = {(member["department"], member["duty"]) for member in group.cluster["members"]}
            same_matter = bool(office.cluster["matter"]) and office.cluster["matter"] == group.cluster["matter"]
            carries = all(any((department, duty) in duties for member in members if member["department"] == department
                              for duty in carried[(department, member["office"], member["duty"])])
                          for department in departments)
            if same_matter or carries:
                repeats[office.number] = group.number
                break
    return repeats


def _departments(group: Group) -> set[str]:
    return {member["department"] for member in group.cluster["members"]}


def _split_of(store: Store, cluster: Row, document_regions: Mapping[str, str]) -> tuple[str, list[str]]:
    """A group across levels: the matter of the city's split list that every level of it holds and its duties say
    (`overlaps` names it), and each member's remark: how the list divides the matter and what it gives that member's
    level (本级). A city and a county holding one duty may be two layers of it (the city guides, the county carries
    out) or the same work twice: the list's division tells which."""
    members = cluster["members"]
    regions = [document_regions.get(source_document(member["source"]), "") for member in members]
    city = min(regions, key=len)
    rows = holdings_by_matter(store, city).get(cluster["matter"] or "", [])
    if not set(regions) <= {row["region"] for row in rows}:  # a clause's matter, not the split list's
        return cluster["matter"] or "", [NOT_IN_SPLIT] * len(members)
    share = SHARE_LABELS.get(share_of(rows, city), "")
    remarks = []
    for place in regions:
        holding = next(row for row in rows if row["region"] == place)
        role = f"（{VALUE_LABELS[holding['role']]}）" if holding["role"] in ("principal", "agent") else ""
        remarks.append(f"市县事权划分：{share}{role}；本级：{holding['text'] or '清单未写分工'}")
    return cluster["matter"], remarks
