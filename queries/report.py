"""The findings report: every analysis of the catalog gathered into flat tables an 编办 can read and
export, for the whole graph, one region, or one department."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graph.schema import NODE_LABELS, REL_TYPES
from graph.store import Row, Store
from ingest.kinds import KIND_TITLES
from ingest.terms import headline
from queries import catalog
from queries.ambiguities import REASON_LABELS, host_assist_ambiguities
from queries.empty import (
    SUPERVISION_NOT_LOADED,
    city_not_loaded,
    split_not_loaded,
    supervision_loaded,
)
from queries.headcount import VACANCY_MIN, VACANCY_SHARE
from queries.labels import (
    DIFFERENCE_LABELS,
    DOCUMENT_KIND_LABELS,
    DRAFT_CHANGE_FINDING_LABELS,
    DRAFT_CHANGE_KIND_LABELS,
    DRAFT_UNKNOWN_SIDE_LABELS,
    DUTY_STATUS_LABELS,
    IN_FORCE_STATUS_LABELS,
    LEVEL_TITLES,
    PLAN_FINDING_LABELS,
    SCOPE_LABELS,
    SECTOR_RULE_KIND_LABELS,
    SHARE_LABELS,
    STAFF_MOVE_LABELS,
    SUCCESSION_KIND_LABELS,
    TRANSFER_DIRECTION_LABELS,
    VALUE_LABELS,
    VERSION_KIND_LABELS,
    column_label,
    note_zh,
)
from queries.lead_claims import reason_label
from queries.list_changes import summary as list_changes_summary
from queries.lookup import city_of, find_department_in, within_region
from queries.matter_names import same_matter_key
from queries.network import coordination_network
from queries.orphans import orphan_supervision_items
from queries.overlaps import multi_lead_matters, overlaps
from queries.power_review import listed_power, same_power
from queries.power_split import department_holdings, power_split
from queries.profile import department_profile
from queries.profile_tables import NO_OFFICE_DUTY, NO_OFFICES, UNDECOMPOSED, profile_tables
from queries.report_overlaps import Group, overlap_rows
from queries.sector_safety import COMMITTEE
from queries.sources import (
    SOURCE_KEYS,
    Cited,
    document_titles,
    readable_source,
    source_document,
    with_readable_sources,
)
from queries.split_compare import split_compared
from queries.staffing import COUNTERPART_GAP, MIN_COMPARED, OUTLIER_Z, staffing_load, too_few_groups
from queries.transfers import SHOWN as TRANSFER_COLUMNS
from queries.transfers import moved_work, transferred_still_held
from queries.undecomposed import undecomposed_duties

if TYPE_CHECKING:
    from queries.asked import Asked

REPORT_TITLE = "职责图谱评估报告"
KIND_LABELS = {
    "duty_without_office": "未分解到内设机构的职责", "office_without_duty": "无职责的内设机构",
    "cancelled_still_carried": "已取消仍在承担", "devolved_still_carried": "已下放仍在承担",
}
# An unclaimed supervision item no department comes near (河西区's 排水): said, not left as a blank cell.
NO_SUGGESTION = "无建议：本区划没有部门的职责或权责事项与之足够相近，需人工确定承接部门"
CONFLICT_LABELS = {"county_exclusive_exercised_by_city": "县级专有事项仍列入市级部门权责清单",
                   "shared_without_division": "市县共有事项未明确分工"}
# Every English code an answer carries, as a table, an export or the report shows it to people.
_CODE_LABELS = {**VALUE_LABELS, **KIND_LABELS, **SHARE_LABELS, **CONFLICT_LABELS, **REASON_LABELS}


@dataclass
class Section:
    key: str
    title: str  # Chinese, for the people who read the report
    columns: list[str]
    rows: list[Row]
    note: str = ""
    # What was not loaded for the report's scope, said instead of a count of 0 (user test: 三不管 0 for a county
    # with no 监管事项目录 loaded read as none found).
    unloaded: str = ""


@dataclass
class Report:
    title: str
    sections: list[Section] = field(default_factory=list)
    # What was asked, for a file kept apart from the product: its 查询条件 sheet or block (queries.asked).
    asked: Asked | None = None

    def as_json(self) -> dict[str, object]:
        return {"title": self.title,
                "sections": [{"key": s.key, "title": s.title, "columns": s.columns, "rows": s.rows, "note": s.note}
                             for s in self.sections]}


def by_matter(findings: list[Row], several: set[tuple[str, str]], vague: set[str]) -> list[Row]:
    """host_assist_ambiguities' findings as one row per matter, with every reason found on it (`reasons`, and
    `reason_label` in words): a matter whose documents name different leads was listed under each of its findings
    and again among the matters with several leads (user test). `several`: the matters (region, same_matter_key)
    with more than one lead (多头管), flagged `several_leads` for the summary to count. `vague`: the names of the
    vague parties (有关部门), whose side a reason says."""
    rows: dict[tuple[str, str], Row] = {}
    for finding in findings:
        row = rows.setdefault((finding["region"], finding["matter"]), {
            **{key: value for key, value in finding.items() if key != "reason"}, "reasons": [],
            "several_leads": (finding["region"], same_matter_key(finding["matter"])) in several})
        row["reasons"].append(finding["reason"])
        row["host"] = row["host"] or finding["host"]
        row["mandate"] = row["mandate"] or finding["mandate"]
        row["newer_lead"], row["newer_note"] = row["newer_lead"] or finding["newer_lead"], \
            row["newer_note"] or finding["newer_note"]  # the conflicting_leads finding's
        row["sources"] = sorted({*row["sources"], *finding["sources"]})
        claims = {claim["source"]: claim for claim in [*row["claims"], *finding["claims"]]}
        row["claims"] = [claims[source] for source in sorted(claims)]
    # Each finding carries its matter's 主办部门 (host_label), said as the page, the CLI and the files say it.
    return [{**row, "reason_label": "；".join(_reason_text(reason, row, vague) for reason in row["reasons"])}
            for row in rows.values()]


def _reason_text(reason: str, row: Row, vague: set[str]) -> str:
    """A reason in words; a vague party says which side it stands on: 有关部门 as the only assisting party of a clear
    lead read 责任主体模糊 as a matter that 有关部门 leads did (user test). The code stays `vague_party`. Documents
    naming different leads say which is the newer, or why that is unknown (`newer_note`)."""
    if reason != "vague_party":
        return reason_label(reason, row["newer_note"])
    said = [f"{side}部门不明确（{'、'.join(names)}）" for side, key in (("牵头", "leads"), ("配合", "assists"))
            if (names := [name for name in row[key] if name in vague])]
    return "；".join(said) or REASON_LABELS[reason]


def stats(store: Store) -> tuple[list[Row], list[Row]]:
    """Nodes by label and relationships by type, each with what it means in Chinese (from the schema)."""
    meanings = {node_label.name: node_label.meaning for node_label in NODE_LABELS}
    meanings |= {rel.name: rel.meaning for rel in REL_TYPES}
    labels = [{"label": r["label"], "meaning": meanings.get(r["label"], ""), "count": r["count"]}
              for r in catalog.run(store, "label_counts")]
    relationships = [{"type": r["type"], "meaning": meanings.get(r["type"], ""), "count": r["count"]}
                     for r in catalog.run(store, "relationship_counts")]
    return labels, relationships


def build_report(store: Store, *, region: str | None = None, department: str | None = None) -> Report:
    """`department`: a uid or a name `find_department` finds. Its report covers its city unless `region` narrows
    it: two cities' departments may bear one name (鼓楼区城市管理局), never two of one city."""
    key, home = department, None
    names = region_names(store)
    if department is not None:
        # Outside `region`, every section would be empty (none of its rows is in it): read as no findings.
        found = find_department_in(store, department, region, covers=("its report covers its own region",
                                                                      "部门的报告取其本区划"))
        key, department, home = found["uid"], found["name"], found["region"]
        region = region or city_of(store, home) or home.split("/")[0]  # its city, under a province too
    scope = department or region
    report = Report(title=REPORT_TITLE + (f"（{department or names.get(region, region)}）" if scope else ""))
    add = report.sections.append

    def mine(rows: list[Row], *keys: str) -> list[Row]:
        return rows if department is None else [r for r in rows if any(department in str(r.get(k, "")) for k in keys)]

    staffing = staffing_load(store, region)
    # 职责数 as 编制与职责负荷 counts them, as they stand after the 调整 notices (queries.duty_count): the departments
    # query's counts the clauses a notice moved out, and common duties (user test: two figures for one department).
    in_force = {(row["region"], row["department"]): row["duties"] for row in staffing}
    facts = [{(key if key != "duties" else "duties_current"):
              (value if key != "duties" else in_force.get((row["region"], row["department"]), value))
              for key, value in row.items()} for row in catalog.run(store, "departments", {"region": region})]
    stated = ["staff_quota_stated"] if any(row["staff_quota_stated"] != row["staff_quota"] for row in facts) else []
    # The departments whose 内设机构数 is the number their documents set, none listed (the departments query's).
    unlisted = [row["department"] for row in facts if row["offices_unlisted"]]
    offices_note = (f"{'、'.join(unlisted)}的内设机构未逐一列出，内设机构数为核定的数"
                    "（同编制与职责负荷的核定内设机构数）。") if unlisted else ""
    add(Section("departments", "部门概况（三定）",
                ["region", "department", "kind", "rank", "staff_quota", *stated, "leader_posts", "offices",
                 "duties_current"],
                mine(facts, "department"), note=(STAFF_AFTER_NOTICES if stated else "") + offices_note))
    # A department's own duties, offices and shared matters, from its profile (computed once, and cached): what a
    # 三定 drafter revises (user test: the report gave the findings without them).
    profile = department_profile(store, key) if key is not None else None
    if profile is not None:
        report.sections += department_sections(profile_tables(profile))
    clusters = [(scope, c) for scope in SCOPE_LABELS for c in overlaps(store, scope=scope, region=region)
                if department is None or any(m["department"] == department for m in c["members"])]
    # What needs deciding first: the groups no list or clause settles, then those settled (user test: the report
    # opened on a settled group).
    clusters.sort(key=lambda pair: pair[1]["settled"])
    # People read a cluster by its number in the report, and cite it by its 编号 (C624f4ab2), as the page shows it.
    groups = [Group(number, scope, c) for number, (scope, c) in enumerate(clusters, 1)]
    documents = catalog.run(store, "documents")
    # A county's documents loaded without its city's: what compares the levels has nothing to compare with, said
    # where each such finding is (user test: an empty 上下对口 read as a county mirroring no one).
    no_city = city_not_loaded(store, home or region).split(" / ")[0]
    # The cluster's 编号 beside its number: the number changes as groups are settled, the 编号 is what the page and
    # the API show, for a memo to cite (boundary-dispute user test).
    add(Section("overlaps", "职责交叉（多头管）", ["scope", "group", "cluster_id", "score", "settled", "matter",
                                            "department", "office", "duty", "source", "remark"],
                overlap_rows(store, groups, region, {row["uid"]: row["region"] or "" for row in documents}),
                note=(f"{no_city}。" if no_city else "") + "同一组的职责描述同一项工作；"
                     "“已明确”表示边界清单或职责分工条款已明确唯一牵头部门。"
                     "“相似度”为组内最相近的两条职责文字的相近程度（0～1，越接近1越相近）。"
                     "“内设机构”组与某“同级部门”组部门相同、事项相同或其职责承接该组部门职责的，为同一交叉在内设机构层面的"
                     "体现，“说明”列注明“同第N组”，摘要不另计。"
                     "“已明确”组：“说明”列注明各部门是否为该事项的牵头部门及清单或条款的职责分工原文；"
                     "“非牵头”的部门三定仍写有此项工作，修订三定时应核对，删除或改为配合。"
                     "“上下级”组：市级部门与县级对口部门写有同一项职责，可能是同一职责的不同层级（市级指导、县级实施），"
                     "也可能是重复设置，需核实；“事项”为市县事权划分清单中与之对应的事项，“说明”列给出清单的划分方式和"
                     "该级的职责（本级），清单未列的需结合实际核定。"))
    several = {(row["region"], same_matter_key(row["matter"])) for row in multi_lead_matters(store, region)}
    vague = {row["department"] for row in catalog.run(store, "matter_parties", {"region": region}) if row["vague"]}
    unclear = by_matter(mine(host_assist_ambiguities(store, region), "leads", "assists"), several, vague)
    # 机构改革前名称 only where a 机构改革 renamed a party since its documents named it: no empty column otherwise.
    renamed = ["formerly"] if any(row["formerly"] for row in unclear) else []
    # 图中无其三定 only where a party has no 三定 in the graph, as 机构改革前名称.
    unknown = ["no_sanding"] if any(row["no_sanding"] for row in unclear) else []
    add(Section("host_assist_ambiguities", "主办/协办不清的共同事项",
                ["region", "matter", "reason_label", "host_label", "leads", "assists", "mandate", "claims", *unknown,
                 *renamed],
                unclear,
                note="每个事项列一次，“问题”列出其全部问题；其中“多个牵头部门”和“文件间牵头部门不一致”的为多头管"
                     "（摘要另计其数）。“文件间牵头部门不一致”括注各文件的先后：较新的文件所定牵头部门和早于它、待修订的条款，"
                     "或文件日期不全、无法判断先后。"
                     "“主办部门”：只有一个牵头部门的为该部门；一个条款列多个牵头部门时，依据《部门职责分工协调办法》"
                     "排在第一位的为主办部门；各文件所列牵头部门不同的需协调确定；没有牵头部门的为“无”。"
                     "“牵头部门不明确”“配合部门不明确”：该方只写“有关部门”等泛称，未明确到具体部门。"
                     "“牵头部门无相应职责”：牵头部门的三定职责和权责事项中没有与该事项相近的内容，而“有相应职责的部门（依据）”所列部门有；"
                     "该列只列牵头部门时，本区划没有部门的职责明确涵盖该事项。"
                     "“各出处所列部门”逐一列出每份文件（条款）所列的牵头和配合部门。"
                     + (f"“{column_label('no_sanding', 'host_assist_ambiguities')}”：图中没有其三定的牵头或配合部门，"
                        "仅凭清单或条款列入，其职责需核实。"
                        if unknown else "")
                     + ("“机构改革前名称”：文件所列部门已在机构改革中更名或并入的，牵头、配合部门列其现名，"
                        "此列注明其原名，条款原文不变。" if renamed else "")))
    # No suggestion is a finding too: no department of the region holds work near enough (a blank cell read as missing).
    titles = document_titles(store)  # a report is read by people: sources name their documents' titles
    orphans = [{**row, "suggested": "；".join(_suggested(o, titles) for o in row["suggested_owners"]) or NO_SUGGESTION}
               for row in orphan_supervision_items(store, region)]
    # A department's own region: its city's 目录 says nothing of a county department's items (user test: 三不管 0 in
    # a county department's report, with no county 目录 loaded).
    unloaded = "" if supervision_loaded(store, home or region) else SUPERVISION_NOT_LOADED.split(" / ")[0]
    add(Section("orphan_supervision_items", "无部门认领的监管事项（三不管）",
                ["region", "code", "item", "target", "suggested"], mine(orphans, "suggested"), note=unloaded,
                unloaded=unloaded))
    # Work moved to another department (行政许可 to a 行政审批服务局) that the giver still lists or states: the conflict
    # a 相对集中行政许可权改革's review strikes (user test: neither the report nor any query said it).
    add(Section("transferred_still_held", "职责划转后仍在承担", list(TRANSFER_COLUMNS),
                mine(transferred_still_held(store, region), "giver", "receiver"),
                note="三定或调整通知将某项工作（如行政许可）由一个部门划入另一个部门（如行政审批服务局）后，"
                     "划出部门的权责清单仍列有该事项、现行三定（或其内设机构职责）仍写有该工作的，为一项工作两个部门都列，"
                     "需删除或修订；接收部门已载入权责清单而未列、或现行三定未写有该工作的，需补列或修订。"
                     "划转句列有多项工作的逐项核对。划出部门的条文只把该许可作为监管对象所取得的许可"
                     "（“对取得…许可的经营者开展事中事后监管”）的，属审批后的事中事后监管，不列入。"
                     "“划转依据”为写有该划转的条款（接收部门三定、划出部门三定或调整通知）。"))
    # A 机构改革's renames and mergers (撤县设区 renames every county bureau), only where the region had one, so other
    # reports are as they were (user test: the report said SUCCEEDED_BY 2 in its appendix and nothing else).
    reformed = catalog.run(store, "region_successions", {"region": region}) if department is None else []
    if reformed:
        add(Section("region_successions", "机构改革沿革",
                    ["region", "predecessor", "successor", "kind_label", "date", "text", "source"],
                    [{**row, "kind_label": SUCCESSION_KIND_LABELS.get(row["kind"], row["kind"])} for row in reformed],
                    note="机构改革（更名、合并组建、职责划入）后，原部门不再作为现行部门列入本报告各节：其三定所定职责、"
                         "清单中以原名称列出的事项，均由现部门承担（部门名称后注“原为…”）。同一改革由调整通知和新三定"
                         "分别写明的，逐一列出。"))
    # A township's 履行职责事项清单 checked against the county departments it names (基层减负, user test: a township's
    # 党政办 had no table to give her 党委): only where such a list is loaded, so other reports are as they were.
    township_rows = mine(catalog.run(store, "township_duties", {"region": region}), "township", "department")
    if township_rows:
        add(Section("township_duties", "乡镇（街道）履行职责事项核对", list(TOWNSHIP_COLUMNS), township_rows,
                    note=TOWNSHIP_NOTE))
    # A list's adjustments (清单动态调整), only where a list of the region has more than one version loaded.
    changed = catalog.run(store, "list_changes", {"region": region}) if department is None else []
    if changed:
        add(Section("list_changes", "清单动态调整", list(LIST_CHANGE_COLUMNS), changed,
                    note=f"摘要：{list_changes_summary(changed)}。同一清单前后版本逐项比较；旧版本作为历史版本保存，"
                         "不计入本报告其他各节（只用现行版本）。"))
    # A 权责清单's items as a 司法局 reviews them (合法性审查, user test: no table said which items lack a 依据 or are
    # listed twice): only where there are findings, so other reports are as they were.
    reviewed = mine(catalog.run(store, "power_item_review", {"region": region}), "department")
    if reviewed:
        add(Section("power_item_review", "权责清单合法性审查", list(POWER_REVIEW_COLUMNS), reviewed,
                    note=POWER_REVIEW_NOTE))
    undecomposed = [{**row, "kind_label": KIND_LABELS.get(row["kind"], row["kind"])}
                    for row in (profile["undecomposed"] if profile is not None else undecomposed_duties(store, key))
                    if within_region(store, row["region"], region)]
    add(Section("undecomposed_duties", "职责分解与承接", ["department", "kind_label", "ordinal", "office", "text",
                                                        "evidence"], undecomposed))
    cities = _cities(store, region)
    # A report of several cities says in one section which have no 市县事权划分清单 loaded, not three sections each
    # saying 未载入 for every such city (user test).
    no_split: list[tuple[str, str]] = []
    for city in cities:
        # A county's report, the matters that county holds (user test: it showed the whole city's split).
        county = region if region not in (None, city) else None
        if department is None and county is None and len(cities) > 1:
            lacking = split_not_loaded(store, city).split(" / ")[0]
            if lacking:
                no_split.append((names.get(city, city), lacking))
                continue
        # A county department's conflicts lie between its county and the city, as its county's report has them: it
        # does not settle the city's division with another county (user test: 河西区's departments were named).
        split = power_split(store, city, county or _county_of(home, city))
        held = f"{names.get(county, county)}持有的事项" if county else names.get(city, city)
        if department is None:
            add(Section(f"power_split:{city}", f"市县事权划分（{held}）",
                        ["domain", "share_label", "matters", "by_region"],
                        [{**c, "share_label": SHARE_LABELS.get(c["share"], c["share"])} for c in split["cells"]]))
        else:
            add(Section(f"power_split:{city}", f"市县事权划分中本部门承担的事项（{names.get(city, city)}）",
                        ["domain", "share_label", "matter", "region", "department_basis", "source"],
                        [{**row, "share_label": SHARE_LABELS.get(row["share"], row["share"]),
                          "department_basis": DEPARTMENT_BASIS_LABELS[row["department_basis"]]}
                         for row in department_holdings(store, city, department)]))
        unloaded = split_not_loaded(store, county or city).split(" / ")[0]  # a report is read in Chinese
        if unloaded:
            report.sections[-1].note = report.sections[-1].unloaded = unloaded
        add(Section(f"power_split_conflicts:{city}", f"事权划分冲突（{held}）",
                    ["conflict_label", "matter", "department", "concerned", "sources"],
                    [{**c, "conflict_label": CONFLICT_LABELS[c["kind"]]}
                     for c in split["conflicts"] if department is None or department in c["concerned"]],
                    note=unloaded or "“涉及部门”：冲突所列的部门，以及各持有区划中承担该事项的部门"
                                     "（实施同名权责事项的部门，或名称与领域相符的唯一部门）。“出处”：冲突所依据的"
                                     "市县事权划分清单条目，以及市级部门权责清单中仍列有该事项的条目。",
                    unloaded=unloaded))
        where = county or city
        add(Section(f"power_split_unlisted:{city}", f"县（区）权责清单未列的事项（{names.get(where, where)}）",
                    ["matter", "share_label", "region", "department", "listed_items", "source"],
                    [{**row, "share_label": SHARE_LABELS[row["share"]]} for row in split["unlisted"]
                     if department is None or row["department"] == department],
                    note=unloaded or "事权划分清单划归县（区）承担（县级专有、市县共有或受委托），而承担该领域工作的"
                                     "县（区）部门已有权责清单、其中未列该事项：需核实由谁实施，补列权责事项或调整划分。"
                                     "“出处”：事权划分清单条目。",
                    unloaded=unloaded))
    if no_split:
        # Its `unloaded` is each city's line, as the three sections of each gave it the 摘要.
        add(Section("power_split_unloaded", "市县事权划分（未载入清单的市）", ["cities"],
                    [{"cities": "、".join(name for name, _lacking in no_split)}],
                    note="下列各市未载入市县事权划分清单（该清单由市级制定，请载入各市的清单）：其市县事权划分、事权划分冲突"
                         "和县（区）权责清单未列的事项无从得出。",
                    unloaded="；".join(lacking for _name, lacking in no_split)))
    # A province's report (two cities or more, no region): each city's split beside the others'.
    compared = split_compared(store, cities, names) if department is None else []
    if compared:
        add(Section("split_compared", "各市事权划分对照", ["matter", "domain", "city_shares", "split_differs"],
                    compared,
                    note="两个以上市的市县事权划分清单均列有的事项（名称写法不同的视为同一事项）及各市的划分方式；"
                         "划分不同的列在前，供比较各市同一事项由市级还是县级承担。"))
    # Which lines of work the cities set up differently (catalog's city_departments): none in one city's report.
    differing = catalog.run(store, "city_departments", {"region": region}) if department is None else []
    if differing:
        add(Section("city_departments", "各市部门设置对照",
                    list(catalog.named("city_departments").shown), differing,
                    note="各市本级有三定的部门，按上下对口的职能归类（同名，或同一简称组且职能相同）；"
                         "列出一市合并设置而另一市分设、部分市图中没有、或名称不同的职能。"
                         "“图中没有”也可能是该市此部门的三定尚未载入。"))
    # What an 编办 assesses against the 三定: the offices and posts set beside those held, and each county department
    # beside its city counterpart (user test: none of it was in the report).
    # Posts a 调整 notice moved since a department's own figure: the figure set and the moves beside the one used.
    moved = ["staff_quota_stated", "staff_moves"] if any(row["staff_moves"] for row in staffing) else []
    # So with 领导职数 a notice moved or cut, and with duties it moved out or in: both figures, the change cited.
    leaders = ["leader_posts_moved", "leader_posts_moved_by_rank"] \
        if any(row["leader_posts_moved"] is not None for row in staffing) else []
    # The people in post where a 实名制统计表 counts them (queries.headcount).
    actual = ["staff_actual", "staff_actual_as_of"] if _counted(staffing) else []
    duties = ["duties_stated", "duty_changes"] if any(row["duty_changes"] for row in staffing) else []
    # Figures borrowed from the bodies a chain of renames replaced: which body and document (编制数据来源).
    lent = ["staffing_from"] if any(row["staffing_from"] for row in staffing) else []
    # Over several cities a county bureau is scored among its line of work's in every county: the group named.
    peers = ["peers"] if any(row["peers"] for row in staffing) else []
    add(Section("staffing_load", "编制与职责负荷", ["region", "department", "staff_quota", *moved, *actual,
                                                  "other_staff", "leader_posts", *leaders, "leader_posts_detail",
                                                  "offices", "offices_stated", *duties, "duties", "power_items",
                                                  "duties_per_post", "robust_z", *peers, "outlier", "too_few",
                                                  "counterpart_ratio", *lent],
                mine(staffing, "department"),
                note=(f"{no_city}。" if no_city else "")
                + _staffing_note([names.get(group, group) for group in too_few_groups(staffing)],
                                 _counted(staffing), bool(peers))))
    # What fails, a row each, as the other findings are: a column of sentences beside 15 of figures read narrow.
    add(Section("staffing_checks", "机构编制核查发现", ["region", "department", "check"],
                [{"region": row["region"], "department": row["department"], "check": check}
                 for row in mine(staffing, "department") for check in row["checks"]],
                note=STAFFING_CHECKS_NOTE + (HEADCOUNT_NOTE if _counted(staffing) else NOT_COUNTED_NOTE)))
    network = coordination_network(store, region)
    add(Section("coordination", "部门协同网络（共同事项）", ["department", "degree", "betweenness", "matters"],
                mine(network["nodes"], "department"),
                note="“关联部门数”：与该部门有共同事项（牵头或配合）的部门数；“中介中心度”：该部门处在其他部门之间"
                     "联系路径上的程度（0～1），越大越处于协调枢纽位置，宜作为协调机制的牵头方。"))
    add(Section("counterparts", "上下对口", ["county", "county_department", "city_department", "one_to_many"],
                mine(network["counterparts"], "county_department", "city_department"), note=no_city,
                unloaded=no_city))
    # What the findings rest on, with dates: a 2009 三定 a reform has since replaced reads as in force (user test).
    cited = _cited_documents(report)
    # A region's report rests on its own documents and on those of its city its rows cite: the city's 事权划分清单
    # and power lists, the city 三定 of a group across levels (user test: a county's report listed its own alone).
    documents = [{**row, "title": titles[row["uid"]].name} for row in documents
                 if row["uid"] in cited
                 or (department is None and within_region(store, row["region"] or "", region))]
    if key is not None:
        add(_versions_of(store, key, titles))
    # 施行日期 beside 印发日期: what was in force at a date is what a reader of an incident asks (user test).
    add(Section("documents", "依据文件", ["title", "kind", "region", "issued", "effective", "doc_number"], documents,
                note="报告所依据的文件（无标题的以文件名列出），按印发日期由近及远排列；"
                     "较早的文件可能已被新的三定或清单取代，请核对其现行效力。"))
    if scope is None:
        # The graph's size is the whole graph's: a region's or a department's report read it as its own (部门 35
        # for one county, user test). An appendix: its readers need the findings first (user test).
        labels, relationships = stats(store)
        add(Section("labels", "附录：图谱规模（节点）", ["label", "meaning", "count"], labels))
        add(Section("relationships", "附录：图谱规模（关系）", ["type", "meaning", "count"], relationships))
    if department is not None:
        report.sections.insert(0, coordination_of(department, report.sections, vague))
    report.sections.insert(0, summary_of(report.sections))
    for section in report.sections:
        section.rows = with_readable_sources(section.rows, titles)
        _name_regions(section, names)
    return report


def _versions_of(store: Store, uid: str, titles: Mapping[str, Cited]) -> Section:
    """A department's 三定沿革: each 三定 and 调整 notice loaded, with the day it came into force. The 依据文件 list
    only those its findings cite, the current 三定's; an investigator asks which one governed on a date."""
    rows = [{**row, "title": titles[row["document"]].name}
            for row in catalog.run(store, "sanding_versions", {"department": uid})]
    return Section("sanding_versions", "三定沿革",
                   ["kind", "title", "doc_number", "issued", "in_force_from", "duties", "offices"], rows,
                   note="本部门载入图中的各版三定和调整职责机构编制的通知，按施行日期（未载明的按印发日期）排列，"
                        "附各自所列的部门职责数和内设机构。某日施行的职责：dutygraph query duties_in_force "
                        "--param department=部门 --param date=日期。"
                        # A notice's 0 read as the bureau left with no duties (user test): it counts work moved in.
                        + (NOTICE_DUTIES_NOTE if any(row["kind"] == "amendment" for row in rows) else ""))


NOTICE_DUTIES_NOTE = ("调整通知的“部门职责数”为其划入本部门的职责数（为0的并非本部门没有职责）；"
                      "其划出、取消、下放的职责见“本部门主要职责”一节的“现状”列。")


def report_notes(report: Report) -> tuple[tuple[str, str], ...]:
    """The report's own rows of its 查询条件 (queries.asked): how many documents its findings rest on, and where they
    are listed, so that the block says what the answer rests on beside what was asked."""
    documents = next((section for section in report.sections if section.key == "documents"), None)
    if documents is None:
        return ()
    return (("依据文件", f"{len(documents.rows)} 份，见“{documents.title}”一节"),)


_MOVED_COLUMNS = ("status", "change", "counterpart")
_MOVED_NOTE = ("“现状”：三定之后的调整职责机构编制通知划出、取消或下放的职责仍列出，"
               "注明已划出、部分划出、已取消、部分取消、已下放或部分下放，及通知所述的职责和接收的部门（下放的为承接的下级政府）；"
               "划入的职责注明划出部门。")


def department_sections(tables: Mapping[str, list[Row]]) -> list[Section]:
    """A department's report's own tables, from its profile's (queries.profile_tables): its main duties in the
    三定's order with the offices that carry each out, its offices with their duties, and the shared matters it
    leads and assists on, each with the list row or clause that says so."""
    duties = sorted(tables["duties"], key=lambda row: (row["ordinal"] is None, row["ordinal"] or 0))
    # What a 调整 notice since the 三定 made of a clause (已划出 …), in columns of their own where one did.
    moved = [*_MOVED_COLUMNS] if any(row.get("status", "current") != "current"
                                     for row in [*duties, *tables["offices"]]) else []
    return [
        Section("department_duties", "本部门主要职责", ["ordinal", "category", "text", "carried_by", *moved, "source"],
                duties,
                note="本部门三定所列的现行主要职责，按序号排列。“承接的内设机构”：其职责落实该项职责的内设机构；"
                     f"“{UNDECOMPOSED}”：没有内设机构承接（“完成交办的其他任务”等各部门都有的职责可不分解，其余见"
                     f"“职责分解与承接”一节）；“{NO_OFFICES}”：图中没有该部门的内设机构，无从判断。"
                     + (_MOVED_NOTE if moved else "")),
        Section("department_offices", "本部门内设机构及其职责", ["office", "ordinal", "text", *moved, "source"],
                tables["offices"],
                note=f"本部门三定所列的内设机构及其职责；三定未列职责的内设机构注明“{NO_OFFICE_DUTY}”，出处为设立该机构的条款。"
                     + (_MOVED_NOTE if moved else "")),
        *(Section(f"department_{key}", f"本部门{role}的共同事项", ["matter", "basis", "source"], tables[key],
                  note=f"职责边界清单、职责分工条款或三定列本部门为{role}部门的共同事项；“依据”为清单或条款所列依据，"
                       "“出处”为所在清单的行或条款。")
          for key, role in (("leads", "牵头"), ("assists", "配合"))),
        # What its lists give it: the 权责清单's items with the offices that handle each (承办科室), the 监管事项 it
        # claims (user test: a new head's report named neither, and who in the bureau does what was the first question).
        # Each item's 编码 and 设定依据 as its list writes them (a 监管事项's too); a power item's 责任事项 and
        # 追责情形, paragraphs each in a real list, are left to the profile's files.
        Section("department_power_items", "本部门权责事项", ["item", "kind", "code", "offices", "basis", "source"],
                tables["power_items"],
                note="权责清单列本部门为实施主体的事项，“编码”“设定依据（实施依据）”和“承办科室”为清单所列；"
                     "各事项的责任事项、追责情形见部门画像的“权责事项”表。" if tables["power_items"]
                else "图中没有以本部门为实施主体的权责清单事项（未载入本部门的权责清单，或清单未列本部门）。"),
        Section("department_supervision_items", "本部门认领的监管事项", ["item", "target", "code", "basis", "source"],
                tables["supervision_items"],
                note="监管事项目录中由本部门认领的事项，“监管对象”“编码”“设定依据”为目录所列；"
                     "本区划无人认领的见“无部门认领的监管事项（三不管）”一节。"
                if tables["supervision_items"]
                else "图中没有本部门认领的监管事项（未载入本区划的监管事项目录，或目录未列本部门）。"),
    ]


STAFF_AFTER_NOTICES = ("“编制”：三定（或调整通知所列调整后总数）核定的行政编制，"
                       "加减其后调整通知划入、划出、核减、下放的编制，"
                       "与“编制与职责负荷”一节相同；“核定编制（未计通知划转）”为所核定之数。")


def region_names(store: Store) -> dict[str, str]:
    """Each region's path to the name people call it by: its own (河西区), or, where the graph holds another region of
    that name (two cities' 鼓楼区), its path's names written together, as Chinese writes them (示例市河西区)."""
    regions = catalog.run(store, "regions")
    bearing = Counter(row["name"] for row in regions)
    # A county a 撤县设区 renamed says so where its rows are grouped (青山县 已撤销（现为青山区）): no current county.
    return {row["path"]: " ".join(filter(None, [row["name"] if bearing[row["name"]] == 1
                                                else row["path"].replace("/", ""), row["status"]]))
            for row in regions}


# Columns of region paths (示例市/河西区), which programs join on: the report's JSON keeps them, and its tables show
# the column beside each that names the region as people do (河西区: a reader of 示例市/河西区 expects the name).
_REGION_COLUMNS = {"region": "region_name", "county": "county_name", "by_region": "by_region_name"}


def _name_regions(section: Section, names: Mapping[str, str]) -> None:
    paths = [column for column in section.columns if column in _REGION_COLUMNS]
    if not paths:
        return
    section.columns = [_REGION_COLUMNS.get(column, column) for column in section.columns]
    section.rows = [{**row, **{_REGION_COLUMNS[column]: _named(row.get(column), names) for column in paths}}
                    for row in section.rows]


def _named(value: Any, names: Mapping[str, str]) -> Any:
    """A path as its region's name; a map by path (a cell's counts by region) keyed by names."""
    if isinstance(value, dict):
        return {names.get(path, path): item for path, item in value.items()}
    return names.get(value, value) if isinstance(value, str) else value


# Per finding section: what it counts (rows, or the distinct values of a column or of a function of the row), and what
# an 编办 does about it.
_SUMMARY: list[tuple[str, str, str | Callable[[Row], Any] | None, Any, str]] = [
    # An office group that repeats a department group (同第N组) is one clash: counted once, as the latter.
    ("overlaps", "职责交叉：未明确牵头的组", "group", lambda row: not row["settled"] and not row["same_as"],
     "逐组核实是否为同一项工作；确属交叉的，会同相关部门明确牵头部门，修订三定或列入职责边界清单"),
    ("overlaps", "职责交叉：已明确牵头的组", "group", lambda row: bool(row["settled"]) and not row["same_as"],
     "边界清单或职责分工条款已明确牵头部门；“说明”列为“非牵头”的部门三定仍写有该项工作，修订三定时删除或改为配合，"
     "并核对执行情况"),
    ("orphan_supervision_items", "无部门认领的监管事项（三不管）", None, None,
     "按建议责任部门征求意见，明确认领部门并更新监管事项目录"),
    ("host_assist_ambiguities", "主办/协办不清的共同事项", None, None,
     "明确唯一牵头部门（多个牵头时排在第一位的为主办），文件间不一致的协调后统一"),
    ("host_assist_ambiguities", "其中：多个牵头部门的共同事项（多头管）", None, lambda row: row["several_leads"],
     "按《部门职责分工协调办法》明确一个牵头部门，其他部门配合"),
    ("transferred_still_held", "职责划转后划出部门仍列有或写有的工作", moved_work,
     lambda row: row["finding"] in ("still_listed", "giver_still_holds"),
     "删除划出部门权责清单中的该事项，修订其三定和内设机构职责"),
    ("transferred_still_held", "职责划转后接收部门未列或未写有的工作", moved_work,
     lambda row: row["finding"] in ("receiver_not_listed", "receiver_lacks"),
     "在接收部门权责清单中补列该事项，或修订其三定"),
    ("township_duties", "配合履职事项：牵头部门三定、权责清单未写有此项（其中无部门写有的为甩锅）", None,
     lambda row: row["part"] == "assisting" and row["finding"] in ("held_by_other", "not_held"),
     "会同县级部门核定牵头部门：写入其三定或权责清单，或调整清单，不由乡镇兜底"),
    ("township_duties", "上级部门收回事项：收回部门三定、权责清单未写有此项", None,
     lambda row: row["part"] == "reclaimed" and row["finding"] in ("held_by_other", "not_held"),
     "明确收回后的承接部门并写入其三定或权责清单，避免收回后无人承担"),
    ("township_duties", "配合、收回事项：县级部门三定写有但已由调整通知划出、取消或下放", None,
     lambda row: row["finding"] == "moved_away", "按调整通知核定现由哪个部门牵头或承接，修订乡镇履职清单"),
    ("township_duties", "上级部门收回事项：已收回仍在乡镇权责清单", None,
     lambda row: row["finding"] == "reclaimed_still_listed", "删除乡镇权责清单中的该事项，由收回部门列入其权责清单"),
    ("township_duties", "基本履职事项：县乡事权划分清单列为县级事权", None,
     lambda row: row["finding"] == "reserved_to_county",
     "从乡镇基本履职事项中移出，由县级部门承担，或调整县乡事权划分"),
    ("township_duties", "配合、收回事项：县乡事权划分清单列为乡镇事权", None,
     lambda row: row["finding"] == "reserved_to_township",
     "核定由乡镇（街道）还是县级部门负责，统一履职清单与县乡事权划分"),
    ("township_duties", "配合、收回事项：图中没有县级部门的三定或权责清单，无法核对", None,
     lambda row: row["finding"] == "no_duties", "载入该部门的三定或权责清单后再核对"),
    ("township_duties", "县赋予乡镇（街道）的执法事项：乡镇履职清单未列", None,
     lambda row: row["finding"] == "devolved_not_listed", "将赋权事项列入乡镇基本履职事项清单，写明以乡镇名义实施"),
    ("township_duties", "本县其他文件中没有的乡镇（街道）", None, lambda row: row["finding"] == "unknown_township",
     "核对乡镇（街道）名称，或是否已撤并"),
    ("power_item_review", "权责事项：未写依据或依据未写明法律、法规、规章", "item_uid",
     lambda row: row["finding"] in ("no_basis", "no_law_named"),
     "补充设定依据（实施依据），写明法律、法规、规章的名称和条款；没有依据的不得列入清单"),
    ("power_item_review", "权责清单：全部事项未写设定依据（没有依据列）", None,
     lambda row: row["finding"] == "list_no_basis", "增列设定依据（实施依据）列，逐项写明法律、法规、规章的名称和条款"),
    ("power_item_review", "权责事项：行政处罚、许可、强制的依据仅为规范性文件", "item_uid",
     lambda row: row["finding"] == "basis_cannot_set", "核实有无法律、法规、规章依据；没有的，删除该事项"),
    ("power_item_review", "权责事项：实施主体不是已知部门", "item_uid", lambda row: row["finding"] == "holder_unknown",
     "核实实施主体的名称和机构设置，改为依三定承担该项工作的部门"),
    ("power_item_review", "权责清单：实施主体均不是已知部门", None,
     lambda row: row["finding"] == "list_holders_unknown", "载入清单所列部门的三定后再审查，或核实实施主体的名称"),
    ("power_item_review", "权责事项：实施主体的三定没有对应职责", "item_uid",
     lambda row: row["finding"] == "no_mandate",
     "核实实施主体有无该项职责：改由三定承担该项工作的部门实施，或按程序调整三定"),
    ("power_item_review", "权责事项：行政处罚、许可、强制、征收、检查未写责任事项或追责情形", "item_uid",
     lambda row: row["finding"] == "no_responsibility", "逐项写明各环节的责任事项和追责情形"),
    ("power_item_review", "权责清单：由较早版本载入，未读入责任事项和追责情形", None,
     lambda row: row["finding"] == "stages_not_loaded", "重新导入该清单后再审查"),
    ("power_item_review", "权责事项：同一事项由多个部门实施（多头执法）", same_power,
     lambda row: row["finding"] == "several_departments", "依三定明确一个实施部门，或在清单中写明各部门的实施范围"),
    ("power_item_review", "权责事项：已赋予乡镇（街道），部门仍列为本部门职权", "item_uid",
     lambda row: row["finding"] == "devolved_still_listed",
     "从部门权责清单中删除已赋权事项，保留业务指导和监督；委托实施的，在清单中注明委托"),
    ("power_item_review", "权责事项：已赋予乡镇（街道），乡镇（街道）没有承接机构", "department_uid",
     lambda row: row["finding"] == "no_taking_office", "在乡镇（街道）三定中设置承接机构，或暂由原实施部门委托实施"),
    ("power_item_review", "权责事项：同一部门重复列项", listed_power, lambda row: row["finding"] == "repeated",
     "合并重复的事项"),
    ("undecomposed_duties", "未分解到内设机构的职责", None, lambda row: row["kind"] == "duty_without_office",
     "督促部门将职责落实到内设机构"),
    ("undecomposed_duties", "无职责的内设机构", None, lambda row: row["kind"] == "office_without_duty",
     "明确内设机构职责，或研究撤并"),
    ("undecomposed_duties", "已取消或已下放仍在承担的职责", None,
     lambda row: row["kind"] in ("cancelled_still_carried", "devolved_still_carried"),
     "核实是否仍在实施，清理权责清单和内设机构职责"),
    ("power_split_conflicts", "市县事权划分冲突", None, None, "明确市县分工，调整市、县权责清单"),
    ("power_split_unlisted", "县（区）权责清单未列的划归县级事项", None, None,
     "核实由哪个县（区）部门实施，补列权责事项，或调整市县事权划分"),
    ("staffing_load", "编制与职责负荷异常的部门", None, lambda row: bool(row["outlier"]),
     "结合工作量评估，研究调整编制或职责"),
    ("staffing_checks", "机构编制核查发现问题的部门", "department", None,
     "对照三定和调整通知核实内设机构数和领导职数，与市级对口部门比较编制配备，督促整改或按程序调整"),
]


# Findings of a section the report has only where its documents are loaded: no line saying 0 of them elsewhere.
_ONLY_WHERE_LOADED = frozenset({"township_duties", "power_item_review"})
POWER_REVIEW_COLUMNS = ("region", "department", "item", "type", "code", "finding_label", "basis", "detail", "source")
POWER_REVIEW_NOTE = ("逐项核对权责清单：设定依据（实施依据）是否写明法律、法规、规章；"
                     "行政处罚、行政许可、行政强制的依据是否仅为规范性文件（县（区）、乡镇制发的文件，或通知、意见、方案等，依行政处罚法第十六条、行政许可法"
                     "第十七条、行政强制法第十条不得设定）；实施主体是否为图中有三定的部门；行政处罚、许可、强制、征收、检查的实施主体，其三定有无与之相近的职责（职权法定；“说明”列出本部门最相近的职责、更相近的其他部门职责及相近度，按词语检索判断，请人工核对）；清单有责任事项、追责情形列的，上述各类事项是否填写；同一事项是否由多个部门实施"
                     "（多头执法，“说明”列出其他部门）；同一部门是否重复列项（名称只差标点、“和”“及”或词序，“说明”列出"
                     "重复的事项）。依据按文件名称判断：名为办法、规定的视为规章，设区的市制发的也是；行政法规以外的"
                     "“办法”“规定”是否为规章，请核对其制定机关。")
LIST_CHANGE_COLUMNS = ("list_title", "from_version", "to_version", "change_label", "matter", "before", "after",
                       "from_source", "to_source")
TOWNSHIP_COLUMNS = ("township", "part_label", "category", "matter", "township_text", "department", "finding_label",
                    "holder", "evidence", "evidence_source", "source")
TOWNSHIP_NOTE = ("逐项列出乡镇（街道）履行职责事项清单：基本履职事项由乡镇（街道）自行履行；"
                 "配合履职事项由县级部门牵头、乡镇（街道）配合，上级部门收回事项由县级部门收回自行承担。“核对结果”对照该县级部门的三定职责和权责清单"
                 "（及其内设机构职责）：未写有此项的，配合事项为乡镇配合而牵头部门并无相应职责，本县也无部门写有的即无部门"
                 "主责（甩锅）；收回事项为收回后无部门承担；另一部门写有的列于“写有此项的其他部门”，需核定由谁牵头或承接。"
                 "图中没有该部门三定或权责清单的无法核对。")


def summary_of(sections: list[Section]) -> Section:
    """The report's first table: how many of each finding, and what to do about it (user test: the report gave
    tables without a word on what they add up to). A region's several 事权划分 sections count together."""
    rows: list[Row] = []
    # The cities of a report of several without their split list are one section (power_split_unloaded).
    unloaded_cities = [section for section in sections if section.key == "power_split_unloaded"]
    for key, finding, distinct, keep, action in _SUMMARY:
        mine = [section for section in sections if section.key.split(":", 1)[0] == key]
        if key in _ONLY_WHERE_LOADED and not mine:
            continue
        found = [row for section in mine for row in section.rows if keep is None or keep(row)]
        count = len({distinct(row) if callable(distinct) else row[distinct] for row in found}) if distinct \
            else len(found)
        # Every city's that lacks its list, not the first's alone (user test: a graph of five cities said only
        # 未载入六安市的市县事权划分清单, read as the other four having theirs and no conflict in them).
        lacking = unloaded_cities if key.startswith("power_split") else []
        unloaded = "；".join(dict.fromkeys(section.unloaded.split(" / ")[0] for section in mine + lacking
                                          if section.unloaded))
        rows.append({"finding": finding, "count": unloaded if unloaded and not count else count,
                     "action": action if count else ""})
    return Section("summary", "摘要", ["finding", "count", "action"], rows,
                   note="各类问题的数量及建议处理方式；明细见后续各节。")


def coordination_of(department: str, sections: list[Section], vague: set[str]) -> Section:
    """A department's report's page of what it must settle with others (user test: no such page): each overlap group
    it is in, each shared matter it leads or assists on that is unclear, each split conflict that concerns it, with
    the other departments involved and where the report details it. An office group that repeats a department group
    is named with it, not listed again."""
    rows: list[Row] = []
    by_key = {section.key.split(":", 1)[0]: section for section in sections}
    groups: dict[int, list[Row]] = defaultdict(list)
    for row in by_key["overlaps"].rows:
        groups[row["group"]].append(row)
    repeats: dict[int, list[int]] = defaultdict(list)
    for number, members in groups.items():
        if members[0]["same_as"]:
            repeats[members[0]["same_as"]].append(number)
    for number, members in groups.items():
        if members[0]["same_as"]:
            continue
        own = next(member for member in members if member["department"] == department)
        # Across levels the question is each level's part, not who leads: the split list's, where it has one.
        issue = f"上下级职责交叉（{own['remark']}）" if members[0]["scope"] == SCOPE_LABELS["levels"] else \
            f"{members[0]['scope']}职责交叉，已明确牵头（{own['remark']}）" if members[0]["settled"] else \
            f"{members[0]['scope']}职责交叉，未明确牵头"
        rows.append({"finding": "职责交叉", "matter": members[0]["matter"] or f"本部门职责：{headline(own['duty'])}",
                     "issue": issue,
                     "others": _others(department, [member["department"] for member in members]),
                     "see": "职责交叉（多头管）" + "、".join(f"第{n}组" for n in [number, *repeats[number]])})
    for row in by_key["host_assist_ambiguities"].rows:
        roles = [role for role, key in (("牵头", "leads"), ("配合", "assists")) if department in row[key]]
        rows.append({"finding": "共同事项主办/协办不清", "matter": row["matter"],
                     "issue": f"{row['reason_label']}；本部门：{'、'.join(roles)}",
                     "others": _others(department, [*row["leads"], *row["assists"]], vague),
                     "see": by_key["host_assist_ambiguities"].title})
    for section in sections:
        if section.key.startswith("power_split_conflicts:"):
            rows += [{"finding": "事权划分冲突", "matter": row["matter"], "issue": row["conflict_label"],
                      "others": _others(department, row["concerned"]), "see": section.title} for row in section.rows]
    # Work a notice moved that the giver still states or the receiver lacks: settled with the other side (user test:
    # a new head's report found four such rows and listed nothing to settle). A row a finding, not one per clause.
    moved = by_key["transferred_still_held"]
    for key in dict.fromkeys((row["work"], row["giver"], row["receiver"], row["finding_label"]) for row in moved.rows):
        work, giver, receiver, label = key
        role = "划出" if giver == department else "接收"
        rows.append({"finding": "职责划转", "matter": work, "issue": f"{label}；本部门：{role}",
                     "others": _others(department, [giver, receiver]), "see": moved.title})

    return Section("coordination_items", "本部门需协调事项", ["finding", "matter", "issue", "others", "see"], rows,
                   note="本部门与其他部门职责交叉、共同事项主办/协办不清、事权划分冲突或职责划转后仍在承担（或未承接）的事项，"
                        "及需与之协调的部门；明细见“详见”所列各节。")


def _others(department: str, names: list[str], vague: Collection[str] = ()) -> list[str]:
    """The departments besides `department`, each once, in the order given; vague parties (有关部门) are no one to
    coordinate with."""
    return [name for name in dict.fromkeys(names) if name != department and name not in vague]


def _cited_documents(report: Report) -> set[str]:
    """The documents a report's rows cite: the uid before `#` of every source they name."""
    cited: set[str] = set()
    for section in report.sections:
        for row in section.rows:
            for key in SOURCE_KEYS:
                value = row.get(key)
                for source in value if isinstance(value, list) else [value]:
                    if isinstance(source, str) and source:
                        cited.add(source_document(source))
    return cited


EVIDENCE_SHOWN = 60  # characters of a suggested owner's evidence in the report's cell


def _suggested(owner: Row, titles: Mapping[str, Cited]) -> str:
    """A suggested owner as the report's cell reads: its evidence and where it is written, and the 三定 clause beside
    a list's row (`orphans.suggestion`): whether the 三定 gave the department the work too is what is asked."""
    # A text's own full stop ends at the ，that follows it, as in `flat`.
    said = f"{_opening(owner['evidence']).rstrip('。')}，{readable_source(owner['source'], titles)}"
    if owner["duty"]:
        said += f"；三定：{_opening(owner['duty']).rstrip('。')}，{readable_source(owner['duty_source'], titles)}"
    if owner["sector_safety"] and owner["sector_rule_kind"] == COMMITTEE:
        # The 安委会's paragraph of the department names its sectors (queries.sector_safety.sector_basis).
        said += (f"；行业主管：{owner['sector_safety']}行业安全生产（安委会职责：{owner['sector_rule'].rstrip('。')}，"
                 f"{readable_source(owner['sector_rule_source'], titles)}）")
    elif owner["sector_safety"]:
        # The region's clause of 管行业必须管安全 for every sector, where a 三定 states it, is what makes it the owner.
        rule = (f"：{owner['sector_rule'].rstrip('。')}，{readable_source(owner['sector_rule_source'], titles)}"
                if owner["sector_rule"] else "")
        said += f"；行业主管：三定负责{owner['sector_safety']}行业安全生产（管行业必须管安全{rule}）"
    if owner["no_sanding"]:
        said += "；图中无其三定"
    return f"{owner['department']}（{said}）"


def _opening(text: str) -> str:
    """The evidence's first characters, with … where it is cut, so that a part does not read as the whole duty."""
    return text if len(text) <= EVIDENCE_SHOWN else text[:EVIDENCE_SHOWN] + "…"


def _counted(staffing: list[Row]) -> bool:
    """Whether a 机构编制实名制统计表 counts the people in post of any department of the section."""
    return any(row["staff_actual"] is not None for row in staffing)


def _staffing_note(too_few: list[str], counted: bool, across: bool) -> str:
    """The method in words, and the regions (over several cities, `across`, the county bureaus' groups too) it cannot
    judge: a reader must not take their blank score for 正常; 超编 said not judged only where no 实名制统计表 counts
    the people in post."""
    note = (f"人均职责数 = 现行职责数（不含共性职责）/ 行政编制（事业编制等其他编制另列，不计入）；共性职责指各部门"
            f"都有的条目（如“完成交办的其他任务”“机关党建”），“部门概况”的现行职责数与此相同；"
            f"稳健z分数：人均职责数偏离本区划各部门中间水平的程度（以各部门与中位数的典型差距为单位，正数为职责偏多、"
            f"编制偏紧，负数相反），在同一区划的部门之间计算，绝对值大于 {OUTLIER_Z} 为异常。"
            f"县（区）部门另与其市级对口部门比较：“为市级对口部门的倍数”为其人均职责数与对口部门之比，"
            f"达到 {COUNTERPART_GAP} 倍或不到其 1/{COUNTERPART_GAP} 的列入“机构编制核查发现”。"
            f"“核定内设机构数”为三定（或其后调整通知“调整后”）核定的数。")
    if across:
        note += ("图中有多个市：县（区）部门不在本县（区）各部门之间计算稳健z分数，而与各市所有县（区）的同类部门"
                 "（“比较组”，按上下对口的职能归类）之间计算。")
    note += HEADCOUNT_NOTE if counted else \
        "图中编制和领导职数均为核定数，不含实有人数，是否超编、超职数需对照实有人员另行核查。"
    if too_few:
        note += (f"以下{'区划或比较组' if across else '区划'}可比部门少于 {MIN_COMPARED} 个，"
                 f"稳健z分数无法判断异常（两个部门时总是 ±0.67），"
                 f"不给出分数：{'、'.join(too_few)}。")
    return note


STAFFING_CHECKS_NOTE = (f"对照三定（及其后的调整通知）核查：编号列出的内设机构多于核定数"
                        f"（机关党委等未编号的机构不计），"
                        f"领导职数与所列职务合计不符，县（区）部门人均职责数达到市级对口部门的 {COUNTERPART_GAP} 倍"
                        f"或不到其 1/{COUNTERPART_GAP}，图中没有部门三定的主要职责（文本不完整）。")
NOT_COUNTED_NOTE = "编制和领导职数均为核定数，图中没有实有人数，是否超编、超职数需另行核查。"
HEADCOUNT_NOTE = (f"“实有人数”取自已载入的机构编制实名制统计表（各部门最新统计时点）：实有人数多于核定行政编制（三定或"
                  f"“调整后”所定，加减其后调整通知划转的编制）为超编；空编达到核定数的{VACANCY_SHARE:.0%}且不少于"
                  f"{VACANCY_MIN}名为空编较多；某级别领导职数实配多于核定（统计表核定数，加减其统计时点之后调整通知"
                  f"增减的该级别职数）为超职数配备；统计表的核定编制数与图中同日的核定数不同为数据不一致；统计时点早于"
                  f"调整编制的通知的，注明需按调整后的核定数复核。未列入统计表的部门不判断超编、超职数。")


def _county_of(home: str | None, city: str) -> str | None:
    """The county (or district) of `city` that a department's region `home` is or lies in; None for the city's own."""
    if home is None or not home.startswith(city + "/"):
        return None
    return "/".join(home.split("/")[:city.count("/") + 2])


def _cities(store: Store, region: str | None) -> list[str]:
    rows = store.read("MATCH (r:Region) WHERE r.level = 'city' RETURN r.path AS path ORDER BY path")
    cities = [row["path"] for row in rows]
    if region is None:
        return cities
    return [city for city in cities if city == region or region.startswith(city + "/")]


# Columns whose values are the graph's own names (a node label, a relationship type): they are printed as Cypher
# spells them, since a reader types them into a query, and the row's 含义 says them in Chinese.
_SCHEMA_NAME_COLUMNS = {("stats.labels", "label"), ("stats.relationships", "type"),  # `stats`' tables
                        ("labels", "label"), ("relationships", "type")}  # and the report's


# As the page's cell list says it: why the department is named as the one exercising the matter.
DEPARTMENT_BASIS_LABELS = {"power_item": "实施同名权责事项", "domain": "按领域推定（无对应权责事项）"}
# Codes that read in Chinese in one column of one answer only: `city` or `split` elsewhere may be a name's text.
_COLUMN_CODES: dict[tuple[str, str], Mapping[str, str]] = {
    # A 调整 notice is no kind `ingest --kind` takes, yet a document the report rests on (user test: `amendment`).
    ("documents", "kind"): {**KIND_TITLES, **VERSION_KIND_LABELS, **DOCUMENT_KIND_LABELS},
    ("regions", "level"): LEVEL_TITLES,
    ("power_split_matters", "department_basis"): DEPARTMENT_BASIS_LABELS,
    ("power_split.differences", "kind"): DIFFERENCE_LABELS,
    ("holdings", "level"): LEVEL_TITLES, ("power_split_matters", "level"): LEVEL_TITLES,
    ("retired_duties", "status"): DUTY_STATUS_LABELS, ("sanding_versions", "kind"): VERSION_KIND_LABELS,
    ("check_draft.changes", "kind"): DRAFT_CHANGE_KIND_LABELS,
    ("department_transfers", "direction"): TRANSFER_DIRECTION_LABELS,
    ("staff_moves", "direction"): TRANSFER_DIRECTION_LABELS,
    ("staffing_load", "direction"): STAFF_MOVE_LABELS, ("department_profile.facts", "direction"): STAFF_MOVE_LABELS,
    ("check_draft.changes", "finding"): DRAFT_CHANGE_FINDING_LABELS,
    ("check_draft.changes", "unknown_side"): DRAFT_UNKNOWN_SIDE_LABELS,
    ("duties_in_force", "status"): IN_FORCE_STATUS_LABELS,
    ("department_duties", "status"): IN_FORCE_STATUS_LABELS,
    ("department_profile.duties", "status"): IN_FORCE_STATUS_LABELS,
    ("department_profile.offices", "status"): IN_FORCE_STATUS_LABELS,
    ("department_offices", "status"): IN_FORCE_STATUS_LABELS,
}
_COLUMN_CODES |= {("check_plan.outside", "finding"): PLAN_FINDING_LABELS,
                  ("check_plan.unplanned", "finding"): PLAN_FINDING_LABELS}
# 安委会职责 or 三定规定: what a row's (or a suggested owner's) 管行业必须管安全条款 is, in words: the code
# (`safety_committee`) is the JSON's.
_COLUMN_CODES |= {(answer, "sector_rule_kind"): SECTOR_RULE_KIND_LABELS
                  for answer in ("who_handles", "dispatch", "orphan_supervision_items")}
# A region's own holding of a matter (a HOLDS edge's `exclusive`) as the split's cell it falls in: 专有 alone read
# the same for the city's and a county's (user test).
_EXCLUSIVE_AT = {"city": SHARE_LABELS["city_exclusive"], "county": SHARE_LABELS["county_exclusive"]}


# Lists of matter names, which may hold a 、 of their own (食品小作坊、小餐饮登记): joined with ；, so that a cell of
# three reads as three (user test: 3 matters read as 4 in Excel). staffing_load's checks are sentences that list
# posts with 、 (领导职数5名，所列职务合计4名（局长 1、副局长 3）).
_MATTER_LISTS = frozenset({"names", "matters", "checks"})


def cell_text(row: Mapping[str, Any], column: str, answer: str = "") -> str:
    """A row's cell as people read it (`flat`), a schema name as it is written."""
    value = row.get(column)
    if (answer, column) in _SCHEMA_NAME_COLUMNS:
        return "" if value is None else str(value)
    if column == "share" and value == "exclusive" and row.get("level") in _EXCLUSIVE_AT:
        return _EXCLUSIVE_AT[row["level"]]
    if (answer, column) == ("dispatch", "note") and isinstance(value, str):
        return note_zh(value)
    codes = _COLUMN_CODES.get((answer, column))
    if codes is not None and isinstance(value, str):
        return codes.get(value, value)
    if column in _MATTER_LISTS and isinstance(value, list | tuple):
        return "；".join(flat(item, answer) for item in value)
    if column == "claims" and isinstance(value, list):  # a claim's wording only where it is not the finding's
        return flat([{key: item for key, item in claim.items() if key != "matter" or item != row.get("matter")}
                     for claim in value], answer)
    # One form in the report and the files (user test), a region by its path or its name.
    if column in ("by_region", "by_region_name") and isinstance(value, dict):
        return "；".join(f"{path} {count}" for path, count in value.items())
    return flat(value, answer)


def flat(value: Any, answer: str = "") -> str:
    """A cell as people read it: lists joined with 、, nothing for None, 是 or nothing for true and false, a map
    as its non-empty fields under their Chinese titles (those of `answer`, the analysis the rows come from: a
    who_handles evidence's score is a 相关度), and the answers' English codes in Chinese."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "、".join(flat(v, answer) for v in value)
    if isinstance(value, bool):
        return "是" if value else ""
    if isinstance(value, dict):
        # A text's own full stop ends at the ；that follows it: `负责道路运输管理；相关度` (not `管理。；相关度`).
        # A flag that is false says nothing, as an empty field (a suggested owner's 图中无其三定 read `图中无其三定：`).
        return "（" + "；".join(f"{column_label(key, answer)}：{cell_text(value, key, answer).rstrip('。')}"
                               for key, item in value.items()
                               if item is not False and item not in (None, "", [])) + "）"
    if isinstance(value, str):
        return _CODE_LABELS.get(value, value)
    return str(value)
