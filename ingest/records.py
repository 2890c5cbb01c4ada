"""Turns a parsed 三定 document into the node and relationship rows of the graph (no database here).

Identities are chosen so that versions stand side by side (DESIGN.md, Time): a department is its region
and base name; a duty is its holder and its text (punctuation and spaces folded), never its position;
a matter is its region and name; a document is its content hash. The same duty restated by a later
三定 is the same node, and `last_stated` tells which version last said it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ingest.content import GENERIC_TERMS, stored_content
from ingest.model import Division, FunctionChange, SandingDocument, Succession
from ingest.names import (
    TERRITORIAL_KIND,
    TOWNSHIP_KIND,
    TOWNSHIP_METHOD,
    KnownDepartment,
    NameResolver,
    Resolution,
    as_named,
    base_of,
    department_uid,
    display_name,
    is_former_mention,
    plates_in,
    township_body,
)
from ingest.readers import SourceText
from ingest.region_succession import TOWNSHIP_KINDS, placed_pair
from ingest.regions import Region
from ingest.staffing import office_post_details, post_details
from ingest.terms import analyse_duty, index_terms
from ingest.timing import timed

_FOLD = re.compile(r"[\s，,。.；;：:、（）()“”\"'《》]")
_CHANGE_STATUS = {"cancelled": "cancelled", "devolved": "devolved", "strengthened": "strengthened",
                  "transferred_out": "transferred"}


def document_uid(sha256: str, region: str | None = None) -> str:
    """A document's uid: its content's hash; with `region`, the content read for that region. The same bytes
    loaded for a second region (a county copying another's template list) are a document of their own there,
    rather than the first region's document moved (pipeline.DocumentIds)."""
    if region is None:
        return f"doc:{sha256[:16]}"
    return f"doc:{hashlib.sha256(f'{sha256}@{region}'.encode()).hexdigest()[:16]}"


def duty_uid(holder_uid: str, text: str) -> str:
    folded = _FOLD.sub("", text)
    return "duty:" + hashlib.sha1(f"{holder_uid}|{folded}".encode()).hexdigest()[:20]


def matter_uid(region: Region, name: str) -> str:
    return f"matter:{region.path}/{_FOLD.sub('', name)}"


def office_uid(department_uid: str, name: str) -> str:
    return f"office:{department_uid.removeprefix('dept:')}/{name}"


@dataclass
class GraphRows:
    """Everything one document contributes, keyed so that a document's writes are one atomic unit."""

    document: dict[str, Any]
    regions: dict[str, dict[str, Any]] = field(default_factory=dict)
    defined_departments: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentioned_departments: dict[str, dict[str, Any]] = field(default_factory=dict)
    offices: dict[str, dict[str, Any]] = field(default_factory=dict)
    duties: dict[str, dict[str, Any]] = field(default_factory=dict)
    matters: dict[str, dict[str, Any]] = field(default_factory=dict)
    power_items: dict[str, dict[str, Any]] = field(default_factory=dict)
    supervision_items: dict[str, dict[str, Any]] = field(default_factory=dict)
    terms: dict[str, dict[str, Any]] = field(default_factory=dict)
    # (type, from label, to label) → rows {from, to, source, props}
    relationships: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=dict)
    unresolved: list[Resolution] = field(default_factory=list)
    # The names a short form read after a 机构改革 gave the body it named, which the mention resolved past to its
    # successor (`Resolution.formerly`): uid → names, recorded on that body as a load before the reform records them.
    replaced_aliases: dict[str, list[str]] = field(default_factory=dict)
    # The document's path is the name an upload gave the file: a Document loaded before keeps its own path.
    path_is_upload_name: bool = False
    # Loaded lists this one is a new version of (ingest.versions): taken out in the same atomic write.
    replaces: list[str] = field(default_factory=list)
    # The list keys those versions had (ingest.list_history): their history follows this version's `list_key`.
    replaced_keys: list[str] = field(default_factory=list)
    # (source, mention) of each party named only as a kind of body (有关部门, 相关单位): the ingest warns of them.
    vague_mentions: list[tuple[str, str]] = field(default_factory=list)
    # A notice's devolved work (a retired Duty's uid) → the lower governments it goes to, as written: kept on the
    # duty's FROM edge to the notice (`add_provenance`), what this notice states of it, not on the shared node.
    devolved_to: dict[str, str] = field(default_factory=dict)

    def relate(self, rel: str, from_label: str, to_label: str, source_uid: str, target_uid: str, source: str,
               **props: Any) -> None:
        self.relationships.setdefault((rel, from_label, to_label), []).append(
            {"from": source_uid, "to": target_uid, "source": source, "props": props}
        )

    def segmented(self, node_label: str) -> dict[str, dict[str, Any]]:
        """The rows of the nodes whose terms segmentation derives: duties, matters and list items."""
        return {"Duty": self.duties, "Matter": self.matters, "PowerItem": self.power_items,
                "SupervisionItem": self.supervision_items}[node_label]

    def counts(self) -> dict[str, int]:
        return {
            "regions": len(self.regions),
            "departments": len(self.defined_departments) + len(self.mentioned_departments),
            "offices": len(self.offices),
            "duties": len(self.duties),
            "matters": len(self.matters),
            "power items": len(self.power_items),
            "supervision items": len(self.supervision_items),
            "staff posts": sum(int(props.get("staff_quota") or 0) for props in self.defined_departments.values()),
        }


@dataclass
class DocumentContext:
    source: SourceText
    parsed: SandingDocument
    region: Region
    department: KnownDepartment
    uid: str  # pipeline.DocumentIds: the content's hash, or with the region where another holds that one


def document_node(uid: str, sha256: str, path: str, region: Region, **props: Any) -> dict[str, Any]:
    base = {"uid": uid, "sha256": sha256, "path": path, "region": region.path, "title": "", "kind": "", "issuer": "",
            "issued": "", "effective": "", "doc_number": "", "truncated": False, "notes": []}
    return {**base, **props}


def sanding_rows(context: DocumentContext, resolver: NameResolver) -> GraphRows:
    parsed, department, region = context.parsed, context.department, context.region
    doc_uid = context.uid
    rows = GraphRows(document=document_node(
        doc_uid, context.source.sha256, str(context.source.path), region, text_sha256=context.source.text_sha256,
        # No title when the copy has none: a made-up 《市政府办公室》 read as a document's name in every 出处, where
        # readers cite an untitled copy by its file (`queries.sources`).
        title=parsed.title,
        kind=parsed.kind_of_document, issuer=parsed.issuer, issued=parsed.issued, effective=parsed.effective,
        doc_number=parsed.doc_number,
        truncated=parsed.truncated,
        # 管行业必须管安全 for every sector (ingest.sector_rule), or "": a 三定 that states none.
        sector_rule=parsed.sector_rule,
        sector_rule_source=f"{doc_uid}#{parsed.sector_rule_locator}" if parsed.sector_rule else "",
        notes=[*context.source.notes, *parsed.warnings,
               *(["converted from traditional script"] if parsed.script_converted else [])],
    ))
    issued = parsed.dated  # versions the department's facts and duties (the document keeps 印发 and 施行 apart)

    def src(locator: str) -> str:
        return f"{doc_uid}#{locator}"

    add_region(rows, region, src("region"))

    rows.defined_departments[department.uid] = _department_props(parsed, department, issued, src)
    rows.relate("HAS_DEPARTMENT", "Region", "Department", region.uid, department.uid, src("title"))

    for duty in parsed.duties:
        _add_duty(rows, "Department", department.uid, duty.text, duty.ordinal, "current", issued,
                  src(duty.where.locator))

    for office in parsed.offices:
        uid = office_uid(department.uid, office.name)
        rows.offices[uid] = {"name": office.name, "aliases": office.aliases, "label": office.label,
                             "ordinal": office.ordinal, "department": department.uid, "source": src(office.where.locator)}
        rows.relate("HAS_OFFICE", "Department", "Office", department.uid, uid, src(office.where.locator))
        for duty in office.duties:
            _add_duty(rows, "Office", uid, duty.text, duty.ordinal, "current", issued, src(duty.where.locator))

    for change in parsed.changes:
        _add_change(rows, context, resolver, change, src(change.where.locator))

    for transfer in parsed.staff_transfers:
        locator = src(transfer.where.locator if transfer.where else "staff")
        # Posts cut or handed down go to no department: the edge is the department's own, and the lower governments
        # posts go to are kept as written (`devolved_to`), as a devolved duty's are. Posts moved go between two bodies.
        source_dept = resolver.resolve(transfer.source, region, self_department=department)
        target_dept = source_dept
        if not transfer.kind:
            target = resolver.resolve(transfer.target, region, self_department=department)
            source_dept = resolver.resolve_apart(transfer.source, region, target.uid, self_department=department)
            target_dept = resolver.resolve_apart(transfer.target, region, source_dept.uid, self_department=department)
            note_party(rows, target_dept, locator)
        note_party(rows, source_dept, locator)
        # `what` keys the edge (ingest.load): posts cut, handed down or moved, 行政编制 or 领导职数 alone, of one
        # clause are several edges between the same two departments.
        what = _STAFF_WHAT[transfer.kind] + ("行政编制" if transfer.admin_quota else "领导职数")
        rows.relate("TRANSFERRED_TO", "Department", "Department", source_dept.uid, target_dept.uid, locator,
                    what=what, staff=transfer.admin_quota, leader_posts=transfer.leader_posts,
                    kind=transfer.kind, leader_rank=transfer.leader_rank,
                    devolved_to=transfer.target if transfer.kind == "devolved" else None)

    for division in parsed.divisions:
        _add_division(rows, context, resolver, division, src(division.where.locator))
    for succession in parsed.successions:
        _add_succession(rows, context, resolver, succession, src(succession.where.locator))
    _add_region_successions(rows, parsed, [placed_pair(renamed, context.region) for renamed in parsed.region_successions],
                            src)
    add_provenance(rows)
    return rows


def region_notice_rows(source: SourceText, parsed: SandingDocument, region: Region, uid: str,
                       placed: list[tuple[Region, Region]], administered: Sequence[Region]) -> GraphRows:
    """A 区划调整 notice of its own (ingest.region_notice): the document, placed in the city (a township merger's: the
    county), and its renames, each record's regions as `placed` (ingest.pipeline) says; each 县级市 it puts under a
    city (`administered`: 北湖市/青松市), a county of that city."""
    rows = GraphRows(document=document_node(uid, source.sha256, str(source.path), region,
                                            text_sha256=source.text_sha256, title=parsed.title,
                                            kind=parsed.kind_of_document, issued=parsed.issued,
                                            notes=[*source.notes, *parsed.warnings]))
    add_region(rows, region, f"{uid}#region")
    _add_region_successions(rows, parsed, placed, lambda locator: f"{uid}#{locator}")
    for county, stated in zip(administered, parsed.administered, strict=True):
        add_region(rows, county, f"{uid}#{stated.locator}")
    add_provenance(rows)
    return rows


def _add_region_successions(rows: GraphRows, parsed: SandingDocument, placed: list[tuple[Region, Region]],
                            src: Callable[[str], str]) -> None:
    """撤县设区 (ingest.region_succession): each county's Region REPLACED_BY its district's. A township merged into
    another (kind merged) or made a 街道 (kind street) also has its government SUCCEEDED_BY the other's: a mention of the township reads as its
    government (NameResolver._township), so what names it moves on by the 机构改革's machinery
    (ingest.load.follow_successions), whichever loaded first, and back when the document goes."""
    date = parsed.effective or parsed.dated
    for renamed, (old, new) in zip(parsed.region_successions, placed, strict=True):
        source = src(renamed.where.locator)
        add_region(rows, old, source)
        add_region(rows, new, source)
        township = renamed.kind in TOWNSHIP_KINDS
        rows.relate("REPLACED_BY", "Region", "Region", old.uid, new.uid, source, date=date, text=renamed.text,
                    **({"kind": renamed.kind} if township else {}))
        if township:
            governments = [_township_government(rows, place, source) for place in (old, new)]
            rows.relate("SUCCEEDED_BY", "Department", "Department", *governments, source,
                        kind=_GOVERNMENT_SUCCESSION[renamed.kind], date=date, text=renamed.text)


# What the township's government becomes: merged, the other's takes its work (absorbed); made a 街道, the 街道办事处
# is the same body under another name (renamed: 石桥镇人民政府 更名为 石桥街道办事处).
_GOVERNMENT_SUCCESSION = {"merged": "absorbed", "street": "renamed"}


def _township_government(rows: GraphRows, township: Region, source: str) -> str:
    """A township's government as a party a list naming it writes (`note_party`), named by its own name; its uid. No
    aliases: a list's are appended to those the node holds, so any of the notice's would make their order (and the
    graph) depend on which loaded first."""
    base, name = township_body(township)
    uid = department_uid(township, base)
    note_party(rows, Resolution(uid, name, base, township, "resolved", name, method=TOWNSHIP_METHOD), source,
               aliases=False)
    return uid


_STAFF_WHAT = {"": "", "cut": "核减", "devolved": "下放"}


def add_provenance(rows: GraphRows) -> None:
    """A FROM edge from everything the document states to the document, with the clause's locator.

    An office's or a duty's edge also keeps what this document states of it (its ordinal, a duty's status and, for
    work a notice devolves, to whom): the node keeps the newest version's only, and a 三定 in force before its
    revision is read from these edges
    (`queries.in_force`): one edge per node and document, so it does not depend on the order of loading."""
    doc_uid = rows.document["uid"]
    for label, nodes in (("Department", rows.defined_departments), ("Office", rows.offices), ("Duty", rows.duties),
                         ("Matter", rows.matters), ("PowerItem", rows.power_items),
                         ("SupervisionItem", rows.supervision_items)):
        for uid, props in nodes.items():
            source = props.get("source") or f"{doc_uid}#title"
            stated = {key: props[key] for key in STATED.get(label, ()) if props.get(key) is not None}
            if label == "Duty" and uid in rows.devolved_to:
                stated["devolved_to"] = rows.devolved_to[uid]
            rows.relate("FROM", label, "Document", uid, doc_uid, source, locator=source.split("#", 1)[1], **stated)


# Facts of a Department that belong to one version of its 三定.
VERSIONED_DEPARTMENT_PROPS = (
    "kind", "rank", "supervisor", "staff_quota", "other_staff", "leader_posts", "leader_posts_detail",
    "office_leader_posts", "office_leader_posts_detail", "offices_stated", "staffing_source",
    # The clause each other fact an 编办 checks was read from (fields version 22): a fact and its clause are set and
    # restated together, a document stating the one stating the other.
    "rank_source", "supervisor_source", "offices_stated_source", "offices_source",
)
# What a document's FROM edge keeps of the node as that document states it (`add_provenance`): a department's facts
# and dates, an office's ordinal and other names, a duty's ordinal, status and date. The node keeps the newest
# version's; these let a version be taken out and the node restated from those that stay (ingest.restate).
STATED: dict[str, tuple[str, ...]] = {
    "Department": ("issued", "sanding_issued", *VERSIONED_DEPARTMENT_PROPS),
    "Office": ("ordinal", "aliases", "label"),
    "Duty": ("ordinal", "status", "last_stated"),
}


def _department_props(parsed: SandingDocument, department: KnownDepartment, issued: str,
                      src: Callable[[str], str]) -> dict[str, Any]:
    """`src`: a place in the document to its source (`doc:…#第五条`)."""
    staffing = parsed.staffing

    def clause(fact: object, locator: str) -> str | None:
        # A fact read in a fragment without a heading cites its document (the part before `#`), as a graph loaded
        # before its clause was kept does; an unstated fact, nothing, so that an older document's stays.
        if fact is None:
            return None
        return src(locator) if locator else src("").removesuffix("#")

    aliases = sorted({parsed.department, *parsed.plates} - {department.name})
    return {
        "name": department.name, "base_name": department.base_name, "aliases": aliases,
        # `issued` versions the facts below; `sanding_issued`, the department's current duties and clauses, only a
        # 三定's: a 调整职责机构编制 notice adds duties and changes totals, it does not restate the 三定's duties.
        "region": department.region.path, "issued": issued,
        "sanding_issued": issued if parsed.kind_of_document == "sanding" else "",
        # A township's own 三定 (一级政府) states no department kind: its government is the township's, as its lists'.
        "kind": parsed.department_kind or (TOWNSHIP_KIND if department.region.level == "township" else None),
        "rank": parsed.rank, "supervisor": parsed.supervisor,
        "staff_quota": staffing.staff_total if staffing else None,
        "other_staff": sum(staffing.other_pools.values())
        if staffing and staffing.other_pools and staffing.admin_quota is not None else None,
        "leader_posts": staffing.leader_total if staffing else None,
        "leader_posts_detail": (post_details(staffing) or None) if staffing else None,
        "office_leader_posts": staffing.office_leader_total if staffing else None,
        "office_leader_posts_detail": (office_post_details(staffing) or None) if staffing else None,
        # The clause the figures above were read from (`doc:…#第五条`), cited as a duty's clause is.
        "staffing_source": src(staffing.where.locator) if staffing and staffing.where else None,
        "offices_stated": parsed.offices_stated, "source": src("title"),
        "rank_source": clause(parsed.rank, parsed.rank_locator),
        "supervisor_source": clause(parsed.supervisor, parsed.supervisor_locator),
        "offices_stated_source": clause(parsed.offices_stated, parsed.offices_stated_locator),
        "offices_source": clause(parsed.offices or None, parsed.offices_locator),
    }


def add_terms(rows: GraphRows, label: str, uid: str, text: str, source: str) -> list[str]:
    """MENTIONS edges to the jieba terms of a text; returns the terms, most frequent first."""
    counts = term_counts(text)
    mention(rows, label, uid, counts, source)
    return [term for term, _count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def term_counts(text: str) -> dict[str, int]:
    """How often each jieba term occurs in a text (the weights of its MENTIONS edges)."""
    counts: dict[str, int] = {}
    with timed("jieba"):
        terms = index_terms(text)
    for term in terms:
        counts[term] = counts.get(term, 0) + 1
    return counts


def duty_segmentation(text: str) -> tuple[dict[str, Any], dict[str, int]]:
    """What segmentation decides of a duty: its stored properties, and the weights of its MENTIONS edges."""
    with timed("jieba"):
        analysis = analyse_duty(text)
        content = stored_content(text)
    props = {"content": content, "category": analysis.category, "verbs": analysis.verbs,
             "objects": analysis.objects, "terms": list(analysis.terms)}
    return props, analysis.terms


def _add_duty(rows: GraphRows, holder_label: str, holder_uid: str, text: str, ordinal: int | None, status: str,
              issued: str, source: str) -> str:
    uid = duty_uid(holder_uid, text)
    segmented, weights = duty_segmentation(text)
    rows.duties[uid] = {"text": text, "ordinal": ordinal, **segmented, "status": status, "holder": holder_uid,
                        "last_stated": issued, "source": source}
    rows.relate("HAS_DUTY", holder_label, "Duty", holder_uid, uid, source, ordinal=ordinal)
    mention(rows, "Duty", uid, weights, source)
    return uid


def mention(rows: GraphRows, label: str, uid: str, weights: dict[str, int], source: str) -> None:
    """MENTIONS edges to the Term nodes, except the generic verbs and scope words (负责, 监督管理, 全市 …)
    that nearly every duty says: as an index they find everything, and they were a quarter of the edges."""
    for term, weight in weights.items():
        if term in GENERIC_TERMS:
            continue
        term_uid = f"term:{term}"
        rows.terms[term_uid] = {"text": term}
        rows.relate("MENTIONS", label, "Term", uid, term_uid, source, weight=weight)


def note_party(rows: GraphRows, resolution: Resolution, source: str, *, aliases: bool = True) -> None:
    """A department a document names: created if new (never overwriting what its own 三定 says), with the names it
    was written by as aliases unless `aliases` is False."""
    if resolution.uid in rows.defined_departments:
        return
    township = resolution.method == TOWNSHIP_METHOD
    # The least of the clauses naming it (not the last read), as a removal restates it (ingest.load).
    named = rows.mentioned_departments.get(resolution.uid)
    least = min(source, named["source"]) if named is not None else source
    # A township's government answers to the township's bare name too (城关镇), as lists write it.
    names = [resolution.mention, *(plates_in(resolution.mention) if resolution.status != "territorial" else []),
             *([resolution.region.name] if township and resolution.mention != resolution.region.name else [])]
    earlier = named["aliases"] if named is not None else []  # what the party's other mentions gave it
    if aliases and resolution.formerly:
        # The names are the body the mention named, read before the reform or after it alike: the graph's aliases do
        # not depend on the load order (the successor's profile lists them through the chain, queries.profile).
        rows.replaced_aliases[resolution.formerly] = _joined(rows.replaced_aliases.get(resolution.formerly, []), names)
        names = earlier
    else:
        # Every name the document wrote it by: before, a later mention's (县城管局) replaced an earlier's (青山县城管局).
        names = _joined(earlier, names)
    rows.mentioned_departments[resolution.uid] = {
        "name": resolution.name, "base_name": resolution.base_name,
        "aliases": names if aliases else earlier,
        "region": resolution.region.path, "vague": resolution.status == "vague",
        "unresolved": resolution.status == "unresolved", "candidates": resolution.candidates, "source": least,
        **({"kind": TERRITORIAL_KIND} if resolution.status == "territorial" else {}),
        **({"kind": TOWNSHIP_KIND} if township else {}),
    }
    if resolution.status == "unresolved":
        rows.unresolved.append(resolution)
    if resolution.status == "vague":
        rows.vague_mentions.append((source, resolution.mention))
    # A vague party names no body; a 属地 party (各县（区）人民政府) names many, none of them the region's department.
    if resolution.status not in {"vague", "territorial"}:
        add_region(rows, resolution.region, source)
        # The mention places the body it named (`formerly`, a body of the same region), as a load before the reform
        # places it: placing its successor instead gave the two bodies' HAS_DEPARTMENT other least sources by the order.
        rows.relate("HAS_DEPARTMENT", "Region", "Department", resolution.region.uid,
                    resolution.formerly or resolution.uid, source)


def _joined(earlier: list[str], names: list[str]) -> list[str]:
    """`earlier`, then the `names` not among them."""
    return [*earlier, *(name for name in names if name not in earlier)]


def add_region(rows: GraphRows, region: Region, source: str) -> None:
    """A region and its ancestors, tied by CONTAINS."""
    for ancestor in region.lineage():
        rows.regions.setdefault(ancestor.uid, {"name": ancestor.name, "level": ancestor.level, "path": ancestor.path})
        if ancestor.parent is not None:
            rows.relate("CONTAINS", "Region", "Region", ancestor.parent.uid, ancestor.uid, source)


def _add_change(rows: GraphRows, context: DocumentContext, resolver: NameResolver, change: FunctionChange,
                source: str) -> None:
    department, parsed = context.department, context.parsed
    amendment = parsed.kind_of_document == "amendment"
    if change.kind == "moved":
        own = _add_move(rows, context, resolver, change, source)
        if own is None:
            return
        change = own
    counterpart = None
    if change.counterpart:
        # The other side of a move, which is never the department itself (NameResolver.resolve_apart).
        counterpart = resolver.resolve_apart(change.counterpart, context.region, department.uid,
                                             self_department=department)
        note_party(rows, counterpart, source)
    what = change.subject or change.text
    if change.kind == "transferred_in":
        if counterpart is not None:
            _relate_move(rows, parsed, counterpart, department.uid, what, source)
        elif amendment:
            _add_duty(rows, "Department", department.uid, what, None, "current", parsed.dated, source)
        return
    if change.kind == "transferred_out" and counterpart is not None:
        rows.relate("TRANSFERRED_TO", "Department", "Department", department.uid, counterpart.uid, source,
                    what=what)
        if amendment:
            _add_duty(rows, "Department", counterpart.uid, what, None, "current", parsed.dated, source)
    status = _CHANGE_STATUS.get(change.kind)
    if status is not None:
        uid = _add_duty(rows, "Department", department.uid, what, None, status, parsed.dated, source)
        if change.devolved_to:
            rows.devolved_to[uid] = change.devolved_to
    else:
        rows.document["notes"].append(f"{change.kind}: {change.text}")


def _add_move(rows: GraphRows, context: DocumentContext, resolver: NameResolver, change: FunctionChange,
              source: str) -> FunctionChange | None:
    """将A的…职责划入B where neither name is the document's department's (ingest.changes.move_change): A's
    TRANSFERRED_TO B, and for a notice B's current duty and A's transferred one, as a move of the department's own
    records them; no edge or duty of the department. Where the resolver reads one side as the department (an alias
    the text does not spell as its name), the change as the department's own move, for `_add_change` to record."""
    department, region = context.department, context.region
    assert change.giver is not None and change.counterpart is not None
    # Each side read as any mention is: the text's test knows the department's spellings, not the abbreviation table's
    # (县住建局 in 住房和城乡建设局's own 三定 is the department, not a party of that name beside it).
    giver = resolver.resolve(change.giver, region, self_department=department)
    if giver.uid == department.uid:
        return replace(change, kind="transferred_out", giver=None)
    receiver = resolver.resolve(change.counterpart, region, self_department=department)
    if receiver.uid == department.uid:
        return replace(change, kind="transferred_in", counterpart=change.giver, giver=None)
    if receiver.uid == giver.uid:  # two names the abbreviation table reads as one body are two parties here
        receiver = resolver.resolve_apart(change.counterpart, region, giver.uid, self_department=department)
    note_party(rows, giver, source)
    note_party(rows, receiver, source)
    _relate_move(rows, context.parsed, giver, receiver.uid, change.subject or change.text, source)
    return None


def _relate_move(rows: GraphRows, parsed: SandingDocument, giver: Resolution, receiver: str, what: str,
                 source: str) -> None:
    """Work `giver` hands `receiver` (a uid): their TRANSFERRED_TO, and for a notice the receiver's current duty and
    the giver's transferred one."""
    # From a body a reform abolished (原…): how the receiver came to hold the work, no 职责划转 to follow up.
    former = {"former": True} if is_former_mention(giver.mention) else {}
    rows.relate("TRANSFERRED_TO", "Department", "Department", giver.uid, receiver, source, what=what, **former)
    if parsed.kind_of_document == "amendment":
        _add_duty(rows, "Department", giver.uid, what, None, "transferred", parsed.dated, source)
        _add_duty(rows, "Department", receiver, what, None, "current", parsed.dated, source)


# A LEADS edge's `responsibility` when a 三定 clause's leads each answer for their own line of work
# (`Division.sectoral`), beside a 属地 list's `territorial` (ingest.list_records).
SECTORAL = "sectoral"


def _add_division(rows: GraphRows, context: DocumentContext, resolver: NameResolver, division: Division,
                  source: str) -> None:
    region, department = context.region, context.department
    uid = matter_uid(region, division.matter)
    rows.matters[uid] = {"name": division.matter, "region": region.path, "source": source,
                         "content": stored_content(division.matter)}
    add_terms(rows, "Matter", uid, division.matter, source)
    basis = context.parsed.title or context.source.path.stem  # as a list's: by its title, else its file
    leads = resolver.resolve_list(division.leads, region, self_department=department)
    assists = resolver.resolve_list(division.assists, region, self_department=department)
    # Whose 三定 states the clause, and its date: a later 三定 of that department supersedes it (`load`).
    version = ({"sanding_of": department.uid, "stated": context.parsed.dated}
               if context.parsed.kind_of_document == "sanding" else {})
    # Leads that each answer for their own line of work (分别负责, 审管分离's 事中事后监管) are no 多头 lead.
    sectoral = {"responsibility": SECTORAL} if division.sectoral else {}
    for order, party in enumerate(leads, start=1):
        note_party(rows, party, source)
        rows.relate("LEADS", "Department", "Matter", party.uid, uid, source, basis=basis, basis_rank="三定",
                    order=order, text=division.text, **version, **sectoral, **as_named(party))
    for party in assists:
        note_party(rows, party, source)
        rows.relate("ASSISTS", "Department", "Matter", party.uid, uid, source, basis=basis, basis_rank="三定",
                    text=division.text, **version, **as_named(party))


def replaced_body(resolver: NameResolver, predecessor: str, region: Region, successor: str
                  ) -> tuple[str, str, str, Region, bool]:
    """The body a 机构改革 sentence names as replaced by `successor` (a uid): (uid, name, base name, region, whether
    the graph or the run defines it). One it does not hold is kept by its own name, never by the abbreviation table."""
    found, known = resolver.replaced_reading(predecessor, region, successor)
    if known:
        return found.uid, found.name, found.base_name, found.region, True
    base = base_of(predecessor)
    return department_uid(found.region, base), display_name(found.region, base), base, found.region, False


def _add_succession(rows: GraphRows, context: DocumentContext, resolver: NameResolver, succession: Succession,
                    source: str) -> None:
    """The body the 三定 replaced, and its SUCCEEDED_BY edge to the document's department. A body the graph does not
    hold is kept by its own name (its uid is the one its own 三定 would give it, loaded later), never by the
    abbreviation table's reading: that reads 城市管理局 as 城市管理和综合执法局, the successor itself."""
    department, region = context.department, context.region
    uid, name, base, place, resolved = replaced_body(resolver, succession.predecessor, region, department.uid)
    if uid in rows.defined_departments:
        return
    # Its mention is an alias only when it is not the name itself: the same aliases whichever document came first.
    rows.mentioned_departments[uid] = {
        "name": name, "base_name": base, "region": place.path, "source": source,
        "aliases": [] if succession.predecessor == name else [succession.predecessor],
        "vague": False, "unresolved": not resolved, "candidates": [],
    }
    add_region(rows, place, source)
    rows.relate("HAS_DEPARTMENT", "Region", "Department", place.uid, uid, source)
    rows.relate("SUCCEEDED_BY", "Department", "Department", uid, department.uid, source, kind=succession.kind,
                date=context.parsed.effective or context.parsed.dated, text=succession.text)
