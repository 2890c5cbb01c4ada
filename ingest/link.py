"""Derived links after ingest: SIMILAR duties across departments, REFINES from office duties to their
department's duties, boilerplate flags, and COUNTERPART departments between a city and its counties.

Boilerplate is recognised by how widely its words are held, not by a list: a duty whose content terms
(idf-weighted) are mostly terms that most departments' duties contain — 机关日常运转, 文电会务, 交办的
其他任务, 机关党建 — describes work every department does and is never an overlap. Re-linking after a new
document compares only the duties not linked before (flag `linked`), against all the others; with the
shipped term weights (`ingest.similarity.reference_model`) and the blocking's record (the terms too common to pair
by, kept with the links), it leaves exactly the links that linking everything at once would: the graph does not
depend on the order its documents were loaded in.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from graph.store import Store
from ingest.category import is_catch_all
from ingest.content import content_of, content_terms
from ingest.counterparts import counterpart_pairs
from ingest.load import LINKS_META, write_links, write_similar
from ingest.records import GraphRows
from ingest.refresh import refresh_segmentation, segmentation, segmentation_is_current
from ingest.region_succession import chained_successors, current_region
from ingest.similarity import (
    FEATURES,
    TERMS_FILE,
    BlockKey,
    DutyDoc,
    SimilarityModel,
    Weighted,
    capped_keys,
    holder_line,
    is_candidate,
    reference_model,
    reference_model_with,
    shipped_weights,
    similar_pairs,
)
from ingest.timing import timed

# SIMILAR edges are stored from this score up; queries choose their own (higher) threshold.
STORE_THRESHOLD = 0.3
REFINE_THRESHOLD = 0.5
# An office clause carries a department duty when this share of the duty's own content is in the clause, whatever
# else the clause holds (a clause listing two duties' work carries both).
CARRIED_THRESHOLD = 0.6
BOILERPLATE_SHARE = 0.45
# A term written in more than this share of a region's clauses is its drafting habit (a tail after every clause);
# in the sample corpus the most written term (安全) is in a fifth of its region's clauses.
HABIT_SHARE = 0.5
MIN_DEPARTMENTS_FOR_BOILERPLATE = 4
# The stored `method` names the scorer: a logistic model over jieba-term and character-bigram features.
METHOD = "logistic:jieba-idf-cosine+char-bigrams+aspects"
# The modules whose code decides the links; their source is part of the linker's record.
SCORING_MODULES = ("similarity.py", "aspects.py", "link.py")


@dataclass
class LinkReport:
    duties: int
    new: int
    boilerplate: int
    similar: int
    refines: int
    counterparts: int
    stale: bool = False  # the graph's links were made by another linker, so every duty was linked again
    resegmented: int = 0  # stored texts whose terms were derived again first (ingest.refresh)


@lru_cache(maxsize=1)
def linker() -> str:
    """Names what computes the links: the scorer, its features and weights, the thresholds linking applies,
    the code that computes the features, and the segmentation of the terms they are computed from. Recorded
    with the links, so that links made by another version (other weights after retraining, a feature computed
    differently) are found stale and redone, instead of standing beside new ones made differently."""
    spec = json.dumps([METHOD, FEATURES, shipped_weights(), STORE_THRESHOLD, REFINE_THRESHOLD, CARRIED_THRESHOLD,
                       BOILERPLATE_SHARE, HABIT_SHARE,
                       MIN_DEPARTMENTS_FOR_BOILERPLATE, segmentation()])
    digest = hashlib.sha1(spec.encode())
    # The source, not a version number to remember to bump: a changed feature rule relinks by itself.
    for module in SCORING_MODULES:
        digest.update((resources.files("ingest") / module).read_bytes())
    digest.update((resources.files("ingest") / "data" / TERMS_FILE).read_bytes())
    return f"{METHOD}#{digest.hexdigest()[:12]}"


def links_are_stale(store: Store) -> bool:
    """The graph holds links that another linker made (or links from before the linker was recorded)."""
    rows = store.read("MATCH (m:Meta {uid: $uid}) RETURN m.linker AS linker", {"uid": LINKS_META})
    if rows and rows[0]["linker"]:
        return bool(rows[0]["linker"] != linker())
    return bool(store.read("MATCH (u:Duty) WHERE u.linked = true RETURN u.uid AS uid LIMIT 1"))


@dataclass
class LinkDuty:
    """A duty (or a text read as one: a plan's goal) as linking reads it: `office` None for a department's own duty;
    `terms` its content terms (`ingest.content.content_terms`)."""

    uid: str
    text: str
    department: str
    office: str | None
    region: str
    linked: bool
    terms: list[str]
    holder: str  # the department's base name
    was_boilerplate: bool = False  # as the last linking flagged it

    def doc(self, successors: dict[str, str] | None = None) -> DutyDoc:
        """The duty as similarity reads it, in the region its department's region is now (`successors`: each
        撤县设区's county → district): a county's departments no notice renamed and the district's renamed ones are
        one district's, compared as such."""
        return DutyDoc(self.uid, self.text, self.department, self.terms, zone=current_region(self.region, successors or {}),
                       holder=self.holder)


# The text fields of a duty come back joined in one string: the client library's reply parser costs
# per value, and linking reads every current duty (three values a row instead of eight: about 3× faster).
_FIELDS = "u.uid + $sep + u.text + $sep + d.uid + $sep + {office} + $sep + coalesce(d.region, '') + $sep + " \
          "coalesce(d.base_name, '')"
_SEPARATOR = "\u001f"  # ASCII unit separator


def graph_duties(store: Store) -> list[LinkDuty]:
    """The graph's current duties, as linking reads them, by uid."""
    rows = store.read(
        "MATCH (d:Department)-[:HAS_DUTY]->(u:Duty) WHERE u.status = 'current' "
        f"RETURN {_FIELDS.format(office=chr(39) * 2)} AS fields, u.content AS content, "
        "coalesce(u.linked, false) AS linked, coalesce(u.boilerplate, false) AS boilerplate "
        "UNION ALL "
        "MATCH (d:Department)-[:HAS_OFFICE]->(o:Office)-[:HAS_DUTY]->(u:Duty) WHERE u.status = 'current' "
        f"RETURN {_FIELDS.format(office='o.uid')} AS fields, u.content AS content, "
        "coalesce(u.linked, false) AS linked, coalesce(u.boilerplate, false) AS boilerplate",
        {"sep": _SEPARATOR},
    )
    duties = []
    for row in rows:
        uid, rest = row["fields"].split(_SEPARATOR, 1)
        text, department, office, region, holder = rest.rsplit(_SEPARATOR, 4)  # the text last: it is free
        # Content terms were segmented at load; older graphs without them are segmented here.
        duties.append(LinkDuty(uid, text, department, office or None, region, row["linked"],
                            content_of(row["content"], text), holder, row["boilerplate"]))
    duties.sort(key=lambda duty: duty.uid)
    return duties


def boilerplate_flags(duties: list[LinkDuty]) -> dict[str, bool]:
    """A duty is boilerplate when its content is empty, when it is the closing catch-all (交办的其他任务), or when
    it is made of terms most departments of its region hold. The catch-all is named because a corpus of a few
    departments has too few peers to tell it by how many hold it.

    Terms are weighed by the reference counts with the graph's own added: by the reference alone, phrasing the
    reference never saw (a tail a city writes after every clause) weighs as much as the work a clause names,
    and a city writing that way would have nearly every duty flagged. The flags are a function of all the
    current duties, so they do not depend on the order documents came in (a flag that flips is handled by
    `plan_links`)."""
    model = reference_model_with((duty.terms, duty.department) for duty in duties)
    departments: dict[str, set[str]] = defaultdict(set)
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    clauses: Counter[str] = Counter()
    uses: Counter[tuple[str, str]] = Counter()
    for duty in duties:
        departments[duty.region].add(duty.department)
        clauses[duty.region] += 1
        for term in set(duty.terms):
            holders[(duty.region, term)].add(duty.department)
            uses[(duty.region, term)] += 1
    flags = {}
    for duty in duties:
        peers = len(departments[duty.region])
        weights = model.vector(duty.terms)
        if not weights or is_catch_all(duty.text):
            flags[duty.uid] = True
            continue
        if peers < MIN_DEPARTMENTS_FOR_BOILERPLATE:
            flags[duty.uid] = False
            continue
        # A term in most of a region's clauses is how that region writes, not a piece of work: it weighs nothing
        # (a clause of nothing else is boilerplate).
        work = {term: weight for term, weight in weights.items()
                if uses[(duty.region, term)] <= HABIT_SHARE * clauses[duty.region]}
        total = sum(work.values())
        share = sum(w * len(holders[(duty.region, t)]) / peers for t, w in work.items()) / total if total else 1.0
        flags[duty.uid] = share >= BOILERPLATE_SHARE
    return flags


@dataclass
class LinkPlan:
    """The derived links computed from a set of duties, ready to write."""

    duties: int
    new: list[str]  # the duties linked by this plan
    boilerplate: dict[str, bool]
    similar: list[tuple[str, str, float]]
    refines: list[tuple[str, str, float]]
    capped: frozenset[BlockKey] = frozenset()  # the blocking's terms too common to pair by, recorded with the links
    dropped: list[tuple[str, str]] = field(default_factory=list)  # stored SIMILAR pairs no longer proposed
    redone: list[str] = field(default_factory=list)  # linked office duties whose REFINES this plan makes again
    # The 撤县设区 (county → district) whose districts the duties were compared in, recorded with the links.
    successors: dict[str, str] = field(default_factory=dict)


def links_are_current(store: Store) -> bool:
    """The graph's stored terms come from today's dictionaries and its links from today's linker."""
    return segmentation_is_current(store) and not links_are_stale(store)


def link(store: Store, *, relink_all: bool = False) -> LinkReport:
    """Link the current duties of the graph: new ones against all, or all again with `relink_all` or when
    the graph's links were made by another linker."""
    resegmented = refresh_segmentation(store)  # links are made from the stored terms: they must be today's
    stale = not relink_all and links_are_stale(store)
    with timed("linking: read"):
        duties = graph_duties(store)
        was_capped, stored = _recorded_blocking(store), _stored_similar(store)
        successors = chained_successors(store)
    # A 撤县设区 loaded or removed changes which duties are one district's, so which are compared: all again (they
    # are rare), the pairs of the old zones dropped with the rest.
    everything = relink_all or stale or successors != _recorded_successors(store)
    plan = plan_links(duties, relink_all=everything, was_capped=was_capped, stored=stored, successors=successors)
    return replace(write_plan(store, plan, replace=everything, stale=stale), resegmented=resegmented)


def plan_is_current(store: Store, plan: LinkPlan) -> bool:
    """The plan compared the duties in the districts the graph's 撤县设区 make: a plan made from a load's rows alone
    knows none, and is redone from the graph when one was loaded."""
    return plan.successors == chained_successors(store)


def plan_links(duties: list[LinkDuty], *, relink_all: bool = False, parallel: bool = True,
               on_similar: Callable[[dict[str, bool], list[tuple[str, str, float]]], None] | None = None,
               was_capped: frozenset[BlockKey] = frozenset(), stored: list[tuple[str, str]] | None = None,
               successors: dict[str, str] | None = None) -> LinkPlan:
    """Compute the links of `duties` without touching a store. `parallel` lets scoring use every core;
    `on_similar` receives the boilerplate flags and SIMILAR pairs as soon as they are known (to write them
    while REFINES is computed). `was_capped` and `stored` are the last linking's blocking record and the SIMILAR
    pairs the graph holds: what linking the new duties alone must also redo to equal a link of everything.
    `successors`: the graph's 撤县设区 (`chained_successors`), whose districts the duties are compared in."""
    successors = successors or {}
    with timed("linking: score"):
        model = reference_model()
        flags = boilerplate_flags(duties)
        # A duty that was boilerplate, and no longer is now that its region's departments changed, was never
        # compared: it is new to the comparing.
        new = {duty.uid for duty in duties
               if relink_all or not duty.linked or (duty.was_boilerplate and not flags[duty.uid])}
        substantive = [d for d in duties if not flags[d.uid]]
        docs = [d.doc(successors) for d in substantive]
        capped = capped_keys(docs)
        # Terms that were too common to pair by and no longer are (their region grew, or duties were replaced)
        # bring together duties that earlier linkings never compared.
        reopened = frozenset() if relink_all else was_capped - capped
        if parallel:
            similar = similar_pairs(docs, model, STORE_THRESHOLD, new=new, reopened=reopened)
        else:
            # One top-level region at a time (candidate pairs never leave one: ingest.similarity), so that
            # only its duties' scoring parts (character bigrams: kilobytes a duty) are held at once.
            similar = sorted(pair for docs_of_region in _by_top_region(docs)
                             for pair in similar_pairs(docs_of_region, model, STORE_THRESHOLD, new=new,
                                                       reopened=reopened, parallel=False))
        dropped = [] if relink_all or not stored else _no_longer_proposed(stored, docs, capped)
    if on_similar is not None:
        on_similar(flags, similar)
    with timed("linking: refine"):
        # An office clause's parents are chosen among its department's substantive duties: a department with a
        # duty new to linking, or whose boilerplate flag changed, has all its office clauses' parents chosen again.
        changed = {d.department for d in duties if d.uid in new or d.was_boilerplate != flags[d.uid]}
        redone = sorted(d.uid for d in duties if d.office is not None and d.department in changed and d.uid not in new)
        # Boilerplate office duties (起草规范性文件 …) still carry out their department's framing duties.
        refines = _refines([d for d in duties if d.office is not None or not flags[d.uid]], model,
                           new | set(redone))
    return LinkPlan(len(duties), sorted(new), flags, similar, refines, capped, dropped, redone, successors)


def _by_top_region(docs: list[DutyDoc]) -> list[list[DutyDoc]]:
    groups: dict[str, list[DutyDoc]] = defaultdict(list)
    for doc in docs:
        groups[doc.zone.split("/", 1)[0]].append(doc)
    return [groups[region] for region in sorted(groups)]


def _no_longer_proposed(stored: list[tuple[str, str]], docs: list[DutyDoc],
                        capped: frozenset[BlockKey]) -> list[tuple[str, str]]:
    """The stored SIMILAR pairs that a link of everything would not make: a side is no longer a current,
    substantive duty, or the pair no longer shares a term rare enough to pair by (a region grew)."""
    by_uid = {doc.uid: doc for doc in docs}
    return [(a, b) for a, b in stored
            if a not in by_uid or b not in by_uid or not is_candidate(by_uid[a], by_uid[b], capped)]


def _stored_similar(store: Store) -> list[tuple[str, str]]:
    rows = store.read("MATCH (a:Duty)-[:SIMILAR]->(b:Duty) RETURN a.uid AS a, b.uid AS b ORDER BY a, b")
    return [(row["a"], row["b"]) for row in rows]


def _recorded_blocking(store: Store) -> frozenset[BlockKey]:
    rows = store.read("MATCH (m:Meta {uid: $uid}) RETURN m.capped AS capped", {"uid": LINKS_META})
    recorded = rows[0]["capped"] if rows and rows[0]["capped"] else []
    return frozenset(tuple(key.split(_SEPARATOR, 1)) for key in recorded)  # type: ignore[misc]


def _recorded_successors(store: Store) -> dict[str, str]:
    """The 撤县设区 the last linking compared the duties by (none for links made before they were recorded)."""
    rows = store.read("MATCH (m:Meta {uid: $uid}) RETURN m.successors AS successors", {"uid": LINKS_META})
    recorded = rows[0]["successors"] if rows and rows[0]["successors"] else []
    return dict(tuple(pair.split(_SEPARATOR, 1)) for pair in recorded)  # type: ignore[misc]


def write_plan(store: Store, plan: LinkPlan, *, replace: bool = False, similar_written: bool = False,
               stale: bool = False) -> LinkReport:
    """Write a plan; `similar_written` when its boilerplate flags and SIMILAR edges already are; `stale` when
    it relinks every duty because the graph's links were made by another linker."""
    with timed("linking: write"):
        counterparts = _counterparts(store)
        if not similar_written:
            write_plan_similar(store, plan.boilerplate, plan.similar, replace=replace, dropped=plan.dropped)
        write_links(store, refines=plan.refines, counterparts=counterparts, linked=plan.new, linker=linker(),
                    capped=sorted(_SEPARATOR.join(key) for key in plan.capped), refined_again=plan.redone,
                    successors=sorted(_SEPARATOR.join(pair) for pair in plan.successors.items()))
    return LinkReport(plan.duties, len(plan.new), sum(plan.boilerplate.values()), len(plan.similar),
                      len(plan.refines), len(counterparts), stale)


def write_plan_similar(store: Store, boilerplate: dict[str, bool], similar: list[tuple[str, str, float]], *,
                       replace: bool = False, dropped: list[tuple[str, str]] | None = None) -> None:
    write_similar(store, boilerplate=boilerplate, similar=[(a, b, s, METHOD) for a, b, s in similar], replace=replace,
                  dropped=dropped or [])


def duty_rows(rows: GraphRows) -> GraphRows:
    """The part of a document's rows that `current_duties` reads (the rest need not be kept)."""
    return replace(rows, terms={}, relationships={key: value for key, value in rows.relationships.items()
                                                   if key == ("HAS_OFFICE", "Department", "Office")})


def current_duties(written: Iterable[GraphRows]) -> list[LinkDuty]:
    """The current duties that loading `written` (in order) into an empty graph leaves, as `graph_duties` would
    read them back: of the rows of one duty, the newest statement (latest `last_stated`, the later on a tie)
    wins, as the loader decides. `written` is read once, keeping of each document only what this needs."""
    # uid → (last stated, status, text, department, office, region, department base name, content terms)
    newest: dict[str, tuple[str, str, str, str, str | None, str, str, list[str]]] = {}
    for rows in written:
        office_of = {r["to"]: r["from"] for r in rows.relationships.get(("HAS_OFFICE", "Department", "Office"), [])}
        for uid, props in rows.duties.items():
            if uid in newest and newest[uid][0] > props["last_stated"]:
                continue
            holder = props["holder"]
            department = office_of.get(holder, holder)
            department_props = rows.defined_departments.get(department, {})
            newest[uid] = (props["last_stated"], props["status"], props["text"], department,
                           holder if holder in office_of else None, department_props.get("region", ""),
                           department_props.get("base_name", ""), content_of(props["content"], props["text"]))
    return [LinkDuty(uid, text, department, office, region, False, terms, base_name)
            for uid, (_stated, status, text, department, office, region, base_name, terms) in sorted(newest.items())
            if status == "current"]


def refinements(duties: list[LinkDuty], new: set[str]) -> list[tuple[str, str, float]]:
    """Which texts refine which, and how well: (child uid, parent uid, score) for each office duty (a `LinkDuty` with
    an office) that carries out a duty of its own department (one without), scored with the shipped term weights,
    as linking writes REFINES; only pairs with a uid in `new`. A caller reads any text as an office clause (a plan's
    goal) to find the duties it spells out."""
    return _refines(duties, reference_model(), new)


def _refines(duties: list[LinkDuty], model: SimilarityModel, new: set[str]) -> list[tuple[str, str, float]]:
    """Office duty → the duties of its own department that it carries out.

    Either the office clause sits inside the department duty (most of its content terms are there), or
    it spells out the department duty's headline (`负责非物质文化遗产保护` inside a longer office clause), or
    it holds most of the department duty's own content (`查处违法建设和损坏市政设施等违法行为` inside an office's
    longer list of violations). The first two keep only the clause's best parents; the third keeps every parent
    so carried, since an office clause often bundles the work of two duties (`产品质量监督抽查和计量`).
    """
    by_department: dict[str, list[LinkDuty]] = defaultdict(list)
    for duty in duties:
        if duty.office is None:
            by_department[duty.department].append(duty)
    # Each department duty's terms and weighed headline (None when it names fewer than two terms), computed
    # once: every office clause of the department is compared with each.
    parent_terms: dict[str, frozenset[str]] = {}
    headlines: dict[str, Weighted | None] = {}
    contents: dict[str, Weighted] = {}
    for parents in by_department.values():
        for parent in parents:
            parent_terms[parent.uid] = frozenset(parent.terms)
            contents[parent.uid] = own_content(parent, model)
            headline = content_terms(re.split(r"[，,。；;]", parent.text, maxsplit=1)[0])
            headlines[parent.uid] = model.weighted(headline) if len(set(headline)) >= 2 else None
    found = []
    for duty in duties:
        if duty.office is None or not duty.terms:
            continue
        parents = by_department.get(duty.department, [])
        if duty.uid not in new and not any(parent.uid in new for parent in parents):
            continue
        kept: dict[str, float] = {}
        for reading in _readings(duty):
            for parent_uid, score in _best_parents(reading, parents, model, parent_terms, headlines).items():
                kept[parent_uid] = max(kept.get(parent_uid, 0.0), score)
        clause_terms = frozenset(duty.terms)
        for parent in parents:
            carried_share = contents[parent.uid].share_in(clause_terms)
            if carried_share >= CARRIED_THRESHOLD:
                kept[parent.uid] = max(kept.get(parent.uid, 0.0), carried_share)
        found.extend((duty.uid, parent_uid, round(score, 4))
                     for parent_uid, score in sorted(kept.items(), key=lambda item: (-item[1], item[0])))
    return found


# Where an office clause joins pieces of work: its sentences, and the two sides of a 和/及/以及 between them
# (`负责产品质量监督抽查和计量、标准化、认证认可监督管理` is two pieces, each carrying its own department duty).
_PIECE_BREAK = re.compile(r"[；;。]|以及|和|及")


def _readings(duty: LinkDuty) -> list[list[str]]:
    """The office clause whole, and each piece of it naming at least two content terms besides its department's
    own line of work: each is matched to its own best department duties, so a clause bundling two duties' work
    carries both, while a clause that is one piece of work still carries only its best match. (A piece saying
    little but 交通运输, `负责拟订交通运输发展规划`, would match every duty of 交通运输局 alike.)"""
    line = holder_line(duty.holder)
    pieces = [[term for term in content_terms(piece) if term not in line] for piece in _PIECE_BREAK.split(duty.text)]
    readings = [duty.terms]
    if len(pieces) > 1:
        readings.extend(terms for terms in pieces if len(set(terms)) >= 2)
    return readings


def _best_parents(terms: list[str], parents: list[LinkDuty], model: SimilarityModel,
                  parent_terms: dict[str, frozenset[str]], headlines: dict[str, Weighted | None]) -> dict[str, float]:
    """The department duties a reading of an office clause carries: those it sits inside, or whose headline it
    spells out, at least REFINE_THRESHOLD and within a fifth of the best."""
    clause, clause_terms = model.weighted(terms), frozenset(terms)
    scored = []
    for parent in parents:
        headline = headlines[parent.uid]
        spelled_out = headline.share_in(clause_terms) if headline is not None else 0.0
        scored.append((max(clause.share_in(parent_terms[parent.uid]), spelled_out), parent.uid))
    scored.sort(reverse=True)
    kept = {}
    for score, parent_uid in scored:
        if score < REFINE_THRESHOLD or score < scored[0][0] * 0.8:
            break
        kept[parent_uid] = score
    return kept


def own_content(parent: LinkDuty, model: SimilarityModel) -> Weighted:
    """A department duty's content without the words of its department's own line of work (城市管理 in 城管局's
    duties, 交通运输 in 交通运输局's): every office of the department says them, so they never show which
    duty an office clause carries (`负责交通运输行业统计` is not carried by an office's `交通运输领域违法行为查处`)."""
    line = holder_line(parent.holder)
    weights = {term: weight for term, weight in model.vector(parent.terms).items() if term not in line}
    return Weighted(weights, sum(weights.values()))


def _counterparts(store: Store) -> list[tuple[str, str]]:
    """County department → the city departments of its line of work it mirrors (`ingest.counterparts`)."""
    rows = store.read(
        "MATCH (c:Region)-[:CONTAINS]->(k:Region), (c)-[:HAS_DEPARTMENT]->(a:Department), "
        "(k)-[:HAS_DEPARTMENT]->(b:Department) "
        "WHERE c.level = 'city' AND k.level = 'county' AND a.sanding_issued IS NOT NULL "
        "AND b.sanding_issued IS NOT NULL "
        "RETURN a.uid AS city, a.base_name AS city_base, b.uid AS county, b.base_name AS county_base"
    )
    return counterpart_pairs(rows)
