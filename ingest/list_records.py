"""Turns a parsed duty list into graph rows: power items, supervision items, shared matters, 事权 holdings.

- 权责清单: a `PowerItem` per department and item, `EXERCISES` from the department (and from the
  internal office a 承办机构 column names, when that office is known from the department's 三定).
- 职责边界清单 and 属地管理清单: a `Matter` (same identity as a 三定 职责分工 matter of the region, so the
  two meet) with `LEADS` in listing order and `ASSISTS`; a township is its own government body.
- 监管事项目录: a `SupervisionItem` with `CLAIMS` from each claiming department; none when unclaimed.
- 事权划分: a `Matter` of the city with `HOLDS` from the city and/or its counties, `share` exclusive,
  shared or delegated (the city as principal, the counties as agents).
- 安委会成员单位安全生产工作职责: a `SAFETY_DUTY` edge from each member to the document, its paragraph's text
  (ingest.safety_committee; queries.sector_safety reads the sectors it names).
- 机构编制实名制统计表: a `HEADCOUNT` edge from each department to the table's Document, a row each (ingest.headcount).
- 乡镇（街道）履行职责事项清单: a `Matter` of the township's county per row, its edges marked with the list's part
  (`township_part`): 基本履职 a territorial `LEADS` from the township; 配合履职 a `LEADS` from the county department
  and an `ASSISTS` from the township; 收回 a `LEADS` from the department that took the work back.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ingest.content import stored_content
from ingest.level_split import level_splits
from ingest.list_history import version_rows
from ingest.model import (
    BoundaryRecord,
    CountyTownshipRecord,
    HeadcountRecord,
    ListDocument,
    PowerItemRecord,
    SafetyDutyRecord,
    SplitRecord,
    SupervisionRecord,
    TerritorialRecord,
    TownshipDutyRecord,
)
from ingest.names import TOWNSHIP_METHOD, NameResolver, Resolution, as_named, base_of
from ingest.records import (
    GraphRows,
    add_provenance,
    add_region,
    add_terms,
    document_node,
    matter_uid,
    note_party,
)
from ingest.regions import Region, split_region_prefix
from ingest.row_numbers import row_numbers
from ingest.sheets import Workbook

BASIS_RANK = "规范性文件"  # a list issued by a government office is a normative document
# A LEADS or ASSISTS edge's `responsibility` when a 属地 list makes a township answer for a matter in its own area.
TERRITORIAL = "territorial"


@dataclass
class OfficeDirectory:
    """Offices known from 三定 provisions, by department uid: name or alias → office uid."""

    by_department: dict[str, dict[str, str]] = field(default_factory=dict)

    def add(self, department_uid: str, office_uid: str, names: list[str]) -> None:
        entries = self.by_department.setdefault(department_uid, {})
        for name in names:
            entries.setdefault(name, office_uid)

    def find(self, department_uid: str, name: str) -> str | None:
        return self.by_department.get(department_uid, {}).get(re.sub(r"[（(].*?[）)]", "", name).strip()) or \
            self.by_department.get(department_uid, {}).get(name.strip())


@dataclass
class ListContext:
    workbook: Workbook
    parsed: ListDocument
    region: Region
    counties: list[Region]  # the counties known under the region's city, for 事权 rows that apply to all
    offices: OfficeDirectory
    uid: str  # pipeline.DocumentIds: the content's hash, or with the region where another holds that one


def list_rows(context: ListContext, resolver: NameResolver) -> GraphRows:
    parsed = context.parsed
    rows = GraphRows(document=document_node(
        # No title row, no title: the file's name is no document title (sources cite the file as a file).
        context.uid, context.workbook.sha256, str(context.workbook.path), context.region,
        text_sha256=context.workbook.text_sha256, title=parsed.title,
        kind=parsed.kind, notes=list(parsed.warnings), issued=parsed.issued, doc_number=parsed.doc_number,
        # Parallel lists (a property holds no map on either engine): readers name a sheet's sources by its title.
        sheet_names=list(parsed.sheet_titles), sheet_titles=list(parsed.sheet_titles.values()),
        **row_numbers(parsed.records),
        # Its rows as history keeps them, should a later version replace it (ingest.list_history).
        version_rows=version_rows(parsed),
    ))
    doc_uid = rows.document["uid"]
    basis = parsed.title or context.workbook.path.stem  # a 牵头/配合 edge's 依据: the list, by its title or its file
    add_region(rows, context.region, f"{doc_uid}#region")
    leads_listed: Counter[str] = Counter()  # a matter's leads so far: its rows continue the listing order
    for record in parsed.records:
        source = f"{doc_uid}#{record.where.locator}"
        if isinstance(record, PowerItemRecord):
            _power_item(rows, context, resolver, record, source)
        elif isinstance(record, BoundaryRecord):
            _shared_matter(rows, context, resolver, record.matter, record.leads, record.assists, source, leads_listed,
                           basis=record.basis or basis, lead_text=record.text, assist_text=record.text)
        elif isinstance(record, TerritorialRecord):
            _shared_matter(rows, context, resolver, record.matter, record.leads, record.assists, source, leads_listed,
                           basis=basis, lead_text=record.lead_text, assist_text=record.assist_text, territorial=True)
        elif isinstance(record, SupervisionRecord):
            _supervision_item(rows, context, resolver, record, source)
        elif isinstance(record, SplitRecord):
            _holding(rows, context, record, source)
        elif isinstance(record, TownshipDutyRecord):
            _township_duty(rows, context, resolver, record, source, leads_listed, basis)
        elif isinstance(record, CountyTownshipRecord):
            _county_township_holding(rows, context, record, source)
        elif isinstance(record, HeadcountRecord):
            _headcount(rows, context, resolver, record, source)
        elif isinstance(record, SafetyDutyRecord):
            _safety_duty(rows, context, resolver, record, source)
    _partners(rows, context, resolver, [record for record in parsed.records if isinstance(record, BoundaryRecord)],
              basis)
    if context.region.level == "city":  # a county's or a province's 行使层级 divides no city's matters
        for split in level_splits([record for record in parsed.records if isinstance(record, PowerItemRecord)]):
            _holding(rows, context, split, f"{doc_uid}#{split.where.locator}")
    add_provenance(rows)
    return rows


def _partners(rows: GraphRows, context: ListContext, resolver: NameResolver, records: list[BoundaryRecord],
              basis: str) -> None:
    """A lead's partners (`会同B`, `与B建立…机制`) assist its matter, once every row is read: a partner that leads
    the matter in a row of its own is a lead there, not an assisting department as well."""
    leading = {(edge["from"], edge["to"]) for edge in rows.relationships.get(("LEADS", "Department", "Matter"), [])}
    for record in records:
        if not record.partners:
            continue
        uid = matter_uid(context.region, record.matter)
        source = f"{rows.document['uid']}#{record.where.locator}"
        for party in _parties(rows, context, resolver, record.partners, source):
            if (party.uid, uid) not in leading:
                rows.relate("ASSISTS", "Department", "Matter", party.uid, uid, source, basis=record.basis or basis,
                            basis_rank=BASIS_RANK, text=record.text, **as_named(party))


def _departments(rows: GraphRows, context: ListContext, resolver: NameResolver, names: list[str], source: str
                 ) -> list[Resolution]:
    parties = resolver.resolve_list(names, context.region)
    for party in parties:
        note_party(rows, party, source)
    return parties


def _power_item(rows: GraphRows, context: ListContext, resolver: NameResolver, record: PowerItemRecord,
                source: str) -> None:
    names = record.departments or [context.parsed.default_departments.get(record.where.sheet, "")]
    for name in filter(None, names):
        # A 街道办事处's own list: the township's government body exercises the item (the resolver reads it).
        for party in _departments(rows, context, resolver, [name], source):
            if party.status == "vague":
                rows.document["notes"].append(f"{record.where.locator}: 实施主体 {party.mention} is not a department")
                continue
            _exercised(rows, context, record, source, party)


def _exercised(rows: GraphRows, context: ListContext, record: PowerItemRecord, source: str, party: Resolution
               ) -> None:
    key = record.code or f"{record.type}/{record.name}"
    # The item is the body the list named, not the one that name reads as now: a short form read after a 机构改革 as
    # the successor (`formerly`) names the same item as read before it, so every load order gives the same node, its
    # EXERCISES edge moved to the chain's end by follow_successions either way.
    named = party.formerly or party.uid
    uid = f"power:{named.removeprefix('dept:')}/{key}"
    rows.power_items[uid] = {
        "code": record.code, "name": record.name, "main_item": record.main_item, "sub_item": record.sub_item,
        "type": record.type, "basis": record.basis, "levels": record.levels, "region": party.region.path,
        "content": stored_content(record.name),
        "department": named, "source": source,
        # Kept only where the list has the column: power_item_review flags an empty cell, not a list without one;
        # `devolution` only where the 备注 says 委托 or 下放 to the townships.
        **{field: value for field in ("responsibilities", "accountability", "devolution")
           if (value := getattr(record, field)) is not None},
    }
    rows.relate("EXERCISES", "Department", "PowerItem", party.uid, uid, source, **as_named(party))
    for office in record.offices:
        # The named body's office too (its edge, an office's, is not moved): the same edge in every load order. The
        # note names the body as the list wrote it, which the load order does not change either.
        office_uid = context.offices.find(named, office)
        if office_uid is None:
            rows.document["notes"].append(f"{record.where.locator}: 承办机构 {office} is not an office of "
                                          f"{party.mention} in its 三定")
            continue
        rows.relate("EXERCISES", "Office", "PowerItem", office_uid, uid, source)
    add_terms(rows, "PowerItem", uid, record.name, source)


def _headcount(rows: GraphRows, context: ListContext, resolver: NameResolver, record: HeadcountRecord,
               source: str) -> None:
    """A department's counts on the table's date, on its edge to the table: what staffing_load compares."""
    _to_document(rows, context, resolver, record.department, "单位名称", record.where.locator, source, "HEADCOUNT",
                 staff_type=record.staff_type, quota=record.quota, actual=record.actual, vacant=record.vacant,
                 over=record.over, as_of=record.as_of,
                 leader_set=[f"{rank} {posts}" for rank, posts in record.leader_set.items()],
                 leader_filled=[f"{rank} {posts}" for rank, posts in record.leader_filled.items()])


def _safety_duty(rows: GraphRows, context: ListContext, resolver: NameResolver, record: SafetyDutyRecord,
                 source: str) -> None:
    """A member's safety duties, on its edge to the 安委会 document: whose sector's safety it leads."""
    _to_document(rows, context, resolver, record.department, "成员单位", record.where.locator, source, "SAFETY_DUTY",
                 text=record.text)


def _to_document(rows: GraphRows, context: ListContext, resolver: NameResolver, name: str, column: str, locator: str,
                 source: str, rel: str, **props: object) -> None:
    """A row's department's edge to the document it is a row of (a vague name is noted, no department)."""
    for party in _departments(rows, context, resolver, [name], source):
        if party.status == "vague":
            rows.document["notes"].append(f"{locator}: {column} {party.mention} is not a department")
            continue
        rows.relate(rel, "Department", "Document", party.uid, rows.document["uid"], source, **props, **as_named(party))


def _supervision_item(rows: GraphRows, context: ListContext, resolver: NameResolver, record: SupervisionRecord,
                      source: str) -> None:
    key = record.code or record.name
    uid = f"supervision:{context.region.path}/{key}"
    rows.supervision_items[uid] = {
        "code": record.code, "name": record.name, "main_item": record.main_item, "sub_item": record.sub_item,
        "target": record.target, "basis": record.basis, "level": record.level, "region": context.region.path,
        "claimed": record.claimed, "source": source, "content": stored_content(record.name),
    }
    for party in _departments(rows, context, resolver, record.claimants, source):
        rows.relate("CLAIMS", "Department", "SupervisionItem", party.uid, uid, source, **as_named(party))
    add_terms(rows, "SupervisionItem", uid, record.name, source)


def _shared_matter(rows: GraphRows, context: ListContext, resolver: NameResolver, matter: str, leads: list[str],
                   assists: list[str], source: str, leads_listed: Counter[str], *, basis: str, lead_text: str,
                   assist_text: str, territorial: bool = False) -> None:
    """`territorial`: a 属地 list's row, whose township 主体责任单位 answers for the matter in its own area only."""
    uid = matter_uid(context.region, matter)
    rows.matters[uid] = {"name": matter, "region": context.region.path, "source": source,
                         "content": stored_content(matter)}
    # A township bears 主体责任 in its own area, and so does each of the lower governments a list names as a whole
    # (各乡镇人民政府, 各乡镇（街道）, 各县（区）人民政府: every one in its own); a department a 属地 list names 主体责任单位
    # answers for the matter across its county, as its 牵头 would, and its lead is a department's.
    leading = _departments(rows, context, resolver, leads, source)
    in_own_area = [territorial and bears_in_own_area(party) for party in leading]
    for party, own_area in zip(leading, in_own_area, strict=True):
        leads_listed[uid] += 1
        rows.relate("LEADS", "Department", "Matter", party.uid, uid, source, basis=basis, basis_rank=BASIS_RANK,
                    order=leads_listed[uid], text=lead_text, **_responsibility(own_area), **as_named(party))
    # Those who 配合 a township's 主体责任 help it in its area (业务指导, 指挥协调): no assisting of a department's
    # lead at its level. Where a department bears the 主体责任 (with the township 配合), the row is a department's.
    for party in _parties(rows, context, resolver, assists, source):
        rows.relate("ASSISTS", "Department", "Matter", party.uid, uid, source, basis=basis, basis_rank=BASIS_RANK,
                    text=assist_text, **_responsibility(bool(leading) and all(in_own_area)), **as_named(party))
    add_terms(rows, "Matter", uid, matter, source)


def _township_duty(rows: GraphRows, context: ListContext, resolver: NameResolver, record: TownshipDutyRecord,
                   source: str, leads_listed: Counter[str], basis: str) -> None:
    """A row of a township's 履行职责事项清单. Its matter is the county's, where the county departments' 三定 clauses
    and lists put theirs, so that the same work meets; the township's work there is territorial (its own area)."""
    named = record.township or context.parsed.default_departments[record.where.sheet]
    [township] = _departments(rows, context, resolver, [named], source)
    county = township.region.parent or context.region
    uid = matter_uid(county, record.matter)
    rows.matters[uid] = {"name": record.matter, "region": county.path, "source": source,
                         "content": stored_content(record.matter)}
    # Every edge of the row names the township whose list it is: a 收回 row's only edge is the department's.
    common = {"basis": basis, "basis_rank": BASIS_RANK, "township": township.uid, "township_part": record.part,
              "category": record.domain}
    if record.part == "basic":
        leads_listed[uid] += 1
        rows.relate("LEADS", "Department", "Matter", township.uid, uid, source, order=leads_listed[uid],
                    text=record.township_text, **common, **_responsibility(True), **as_named(township))
    else:
        # The county department answers county-wide (配合: it leads; 收回: it took the work back), as a 属地 list's
        # department 主体责任单位 does; the township 配合s it, which is no territorial lead of its own.
        for party in resolver.resolve_list(record.departments, county):
            note_party(rows, party, source)
            leads_listed[uid] += 1
            rows.relate("LEADS", "Department", "Matter", party.uid, uid, source, order=leads_listed[uid],
                        text=record.department_text or record.notes, **common, **as_named(party))
        if record.part == "assisting":
            rows.relate("ASSISTS", "Department", "Matter", township.uid, uid, source, text=record.township_text,
                        **common, **as_named(township))
    add_terms(rows, "Matter", uid, record.matter, source)


def bears_in_own_area(party: Resolution) -> bool:
    """Whether a party answers for a matter in its own area only when a 属地 list makes it 主体责任: one township's
    government (城关镇), or lower governments named as a whole (各乡镇人民政府, a 属地 party), not a department."""
    return party.method == TOWNSHIP_METHOD or party.status == "territorial"


def _responsibility(territorial: bool) -> dict[str, str]:
    """An edge's kind of responsibility: `territorial` for a township's 属地管理 (主体责任 in its own area, the first
    response there); none for a department's 牵头/监管 at its level, which is what DESIGN's LEADS means."""
    return {"responsibility": TERRITORIAL} if territorial else {}


def _parties(rows: GraphRows, context: ListContext, resolver: NameResolver, names: list[str], source: str
             ) -> list[Resolution]:
    """The parties, resolved; a township (城关镇, 青山县城关镇, 河西街道办事处) is its own government body, which
    the resolver reads (`NameResolver._township`)."""
    return [party for name in names for party in _departments(rows, context, resolver, [name], source)]


def _holding(rows: GraphRows, context: ListContext, record: SplitRecord, source: str) -> None:
    city = context.region.city or context.region
    uid = matter_uid(city, record.matter)
    rows.matters[uid] = {"name": record.matter, "region": city.path, "domain": record.domain, "source": source}
    counties = _counties(rows, context, record)
    city_share, county_share = {
        "exclusive_city": ("exclusive", None), "exclusive_county": (None, "exclusive"),
        "shared": ("shared", "shared"), "delegated": ("delegated", "delegated"),
    }[record.share]
    if city_share:
        rows.relate("HOLDS", "Region", "Matter", city.uid, uid, source, share=city_share,
                    role="principal" if record.share == "delegated" else "holder", text=record.city_text)
    if county_share:
        if not record.counties:
            # 适用区县 全部: every county of the city, those loaded later too (`county_scope.extend_to_all_counties`
            # adds their HOLDS after each ingest), so the split does not depend on the load order.
            rows.matters[uid].update(all_counties_share=county_share, all_counties_text=record.county_text,
                                     all_counties_source=source)
        for county in counties:
            rows.relate("HOLDS", "Region", "Matter", county.uid, uid, source, share=county_share,
                        role=county_role(county_share), text=record.county_text)
    add_terms(rows, "Matter", uid, record.matter, source)


def _county_township_holding(rows: GraphRows, context: ListContext, record: CountyTownshipRecord, source: str) -> None:
    """A row of a 县乡事权划分清单: a `Matter` of the county (where its departments' clauses and its townships'
    履行职责事项清单 put theirs, so the same work meets) held by the county's region, `share` county, township (its
    townships each in its own area) or shared, `tier` county_township: the split one level down from a 市县事权划分清单's,
    between a county and its townships as a whole (the list names none of them), which `power_split` does not read."""
    county = context.region if context.region.level != "township" else context.region.parent or context.region
    uid = matter_uid(county, record.matter)
    rows.matters[uid] = {"name": record.matter, "region": county.path, "domain": record.domain, "source": source}
    rows.relate("HOLDS", "Region", "Matter", county.uid, uid, source, share=record.share, role="holder",
                tier="county_township", text=record.county_text, township_text=record.township_text)
    add_terms(rows, "Matter", uid, record.matter, source)


def county_role(share: str) -> str:
    """A county's role in a matter it holds by `share`: the agent of a delegated one, else a holder."""
    return "agent" if share == "delegated" else "holder"


def _counties(rows: GraphRows, context: ListContext, record: SplitRecord) -> list[Region]:
    if not record.counties:
        return context.counties
    found = []
    for written in record.counties:
        name = _own_name(written, context.region.city or context.region)
        match = next((county for county in context.counties if county.name == base_of(name) or county.name == name),
                     None)
        if match is None:
            city = context.region.city or context.region
            match = Region((*city.names, name))
            add_region(rows, match, f"{rows.document['uid']}#{record.where.locator}")
        found.append(match)
    return found


def city_of_counties(parsed: ListDocument, known: set[Region]) -> Region:
    """The city of a 市县事权划分清单 whose title and names carry no region: the one city whose counties its 适用区县
    name, as the graph (and the documents of this ingest) place them, or as the list writes them (青岩市石门县). A
    county it names that nothing places is taken as that city's, as under `--region`. ValueError, saying why, when
    the counties name no city or several."""
    named = list(dict.fromkeys(name for record in parsed.records if isinstance(record, SplitRecord)
                               for name in record.counties))
    if not named:
        raise ValueError("neither the title nor any department name in the list names a region, and its 适用区县 "
                         "name no county (全部 or empty)")
    cities = {name: _cities_of_county(name, known) for name in named}
    found = sorted(set().union(*cities.values()), key=lambda region: region.path)
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValueError(f"neither the title nor any department name in the list names a region, and no county its "
                         f"适用区县 names ({'、'.join(named)}) is in the graph under a city")
    owners = "; ".join(f"{name}: {'、'.join(sorted(city.path for city in found_in))}"
                       for name, found_in in cities.items() if found_in)
    raise ValueError(f"neither the title nor any department name in the list names a region, and the counties its "
                     f"适用区县 names lie in several cities ({owners})")


def _written_regions(name: str) -> tuple[str, ...]:
    """The regions a 适用区县 cell writes (青岩市石门县 → 青岩市, 石门县; 石门县 → 石门县): split_region_prefix wants a
    name after the regions, so one is added."""
    return split_region_prefix(f"{name}人民政府")[0] or (name,)


def _own_name(name: str, city: Region) -> str:
    """A county named in a 适用区县 cell, without the city it may be written with (青岩市石门县 → 石门县)."""
    written = _written_regions(name)
    return written[-1] if len(written) >= 2 and written[:-1] == city.names else name


def _cities_of_county(name: str, known: set[Region]) -> set[Region]:
    written = _written_regions(name)
    if len(written) >= 2 and Region(written[:-1]).level == "city":
        return {Region(written[:-1])}  # the cell names the city itself
    name = written[-1]
    return {region.parent for region in known
            if region.names[-1] == name and region.level == "county" and region.parent is not None
            and region.parent.level == "city"}
