"""Derived links after ingest: SIMILAR duties across departments, REFINES from office duties to their
department's duties, boilerplate flags, and COUNTERPART departments between a city and its counties.

Boilerplate is recognised by how widely its words are held, not by a list: a duty whose content terms
(idf-weighted) are mostly terms that most departments' duties contain — 机关日常运转, 文电会务, 交办的
其他任务, 机关党建 — describes work every department does and is never an overlap. Re-linking after a new
document compares only the duties not linked before (flag `linked`), against all the others.
"""

from __future__ import annotations

import re
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from graph.store import Store
from ingest.load import write_links, write_similar
from ingest.names import abbreviation_groups
from ingest.similarity import DutyDoc, SimilarityModel, content_of, content_terms, similar_pairs
from ingest.timing import timed

# SIMILAR edges are stored from this score up; queries choose their own (higher) threshold.
STORE_THRESHOLD = 0.3
REFINE_THRESHOLD = 0.5
BOILERPLATE_SHARE = 0.45
MIN_DEPARTMENTS_FOR_BOILERPLATE = 4
METHOD = "jieba-idf-cosine+rapidfuzz-token-set"


@dataclass
class LinkReport:
    duties: int
    new: int
    boilerplate: int
    similar: int
    refines: int
    counterparts: int


@dataclass
class _Duty:
    uid: str
    text: str
    department: str
    office: str | None
    region: str
    linked: bool
    terms: list[str]
    holder: str  # the department's base name

    def doc(self) -> DutyDoc:
        return DutyDoc(self.uid, self.text, self.department, self.terms, zone=self.region, holder=self.holder)


def _duties(store: Store) -> list[_Duty]:
    rows = store.read(
        "MATCH (d:Department)-[:HAS_DUTY]->(u:Duty) WHERE u.status = 'current' "
        "RETURN u.uid AS uid, u.text AS text, u.content AS content, d.uid AS department, null AS office, "
        "d.region AS region, coalesce(u.linked, false) AS linked, d.base_name AS holder "
        "UNION ALL "
        "MATCH (d:Department)-[:HAS_OFFICE]->(o:Office)-[:HAS_DUTY]->(u:Duty) WHERE u.status = 'current' "
        "RETURN u.uid AS uid, u.text AS text, u.content AS content, d.uid AS department, o.uid AS office, "
        "d.region AS region, coalesce(u.linked, false) AS linked, d.base_name AS holder"
    )
    rows.sort(key=lambda row: row["uid"])
    # Content terms were segmented at load; older graphs without them are segmented here.
    return [_Duty(r["uid"], r["text"], r["department"], r["office"], r["region"] or "", r["linked"],
                  content_of(r["content"], r["text"]), r["holder"] or "")
            for r in rows]


def boilerplate_flags(duties: list[_Duty], model: SimilarityModel) -> dict[str, bool]:
    """A duty is boilerplate when its content is empty or made of terms most departments of its region hold."""
    departments: dict[str, set[str]] = defaultdict(set)
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for duty in duties:
        departments[duty.region].add(duty.department)
        for term in duty.terms:
            holders[(duty.region, term)].add(duty.department)
    flags = {}
    for duty in duties:
        peers = len(departments[duty.region])
        weights = model.vector(duty.terms)
        total = sum(weights.values())
        if not total:
            flags[duty.uid] = True
            continue
        if peers < MIN_DEPARTMENTS_FOR_BOILERPLATE:
            flags[duty.uid] = False
            continue
        share = sum(w * len(holders[(duty.region, t)]) / peers for t, w in weights.items()) / total
        flags[duty.uid] = share >= BOILERPLATE_SHARE
    return flags


def link(store: Store, *, relink_all: bool = False) -> LinkReport:
    with timed("linking: read"):
        duties = _duties(store)
        counterparts = _counterparts(store)
    with timed("linking: score"):
        model = SimilarityModel.fit_terms((duty.terms, duty.department) for duty in duties)
        flags = boilerplate_flags(duties, model)
        new = {duty.uid for duty in duties if relink_all or not duty.linked}
        substantive = [d for d in duties if not flags[d.uid]]
        similar = similar_pairs([d.doc() for d in substantive], model, STORE_THRESHOLD, new=new)
    # The server writes the SIMILAR edges while REFINES is computed here.
    with timed("linking: refine and write"), ThreadPoolExecutor(max_workers=1, thread_name_prefix="links") as writer:
        written = writer.submit(write_similar, store, boilerplate=flags,
                                similar=[(a, b, s, METHOD) for a, b, s in similar], replace=relink_all)
        # Boilerplate office duties (起草规范性文件 …) still carry out their department's framing duties.
        refines = _refines([d for d in duties if d.office is not None or not flags[d.uid]], model, new)
        written.result()
        write_links(store, refines=refines, counterparts=counterparts, linked=sorted(new))
    return LinkReport(len(duties), len(new), sum(flags.values()), len(similar), len(refines), len(counterparts))


def _refines(duties: list[_Duty], model: SimilarityModel, new: set[str]) -> list[tuple[str, str, float]]:
    """Office duty → the duties of its own department that it carries out.

    Either the office clause sits inside the department duty (most of its content terms are there), or
    it spells out the department duty's headline (`负责非物质文化遗产保护` inside a longer office clause).
    """
    by_department: dict[str, list[_Duty]] = defaultdict(list)
    for duty in duties:
        if duty.office is None:
            by_department[duty.department].append(duty)
    headlines = {d.uid: content_terms(re.split(r"[，,。；;]", d.text, maxsplit=1)[0]) for ds in by_department.values()
                 for d in ds}
    found = []
    for duty in duties:
        if duty.office is None or not duty.terms:
            continue
        parents = by_department.get(duty.department, [])
        if duty.uid not in new and not any(parent.uid in new for parent in parents):
            continue
        scored = []
        for parent in parents:
            headline = headlines[parent.uid]
            spelled_out = model.coverage(headline, duty.terms) if len(set(headline)) >= 2 else 0.0
            scored.append((max(model.coverage(duty.terms, parent.terms), spelled_out), parent.uid))
        scored.sort(reverse=True)
        for score, parent_uid in scored:
            if score < REFINE_THRESHOLD or score < scored[0][0] * 0.8:
                break
            found.append((duty.uid, parent_uid, round(score, 4)))
    return found


def _counterparts(store: Store) -> list[tuple[str, str]]:
    """County department → city department of the same line of work (base name, or one abbreviation group)."""
    rows = store.read(
        "MATCH (c:Region)-[:CONTAINS]->(k:Region), (c)-[:HAS_DEPARTMENT]->(a:Department), "
        "(k)-[:HAS_DEPARTMENT]->(b:Department) "
        "WHERE c.level = 'city' AND k.level = 'county' AND a.sanding_issued IS NOT NULL "
        "AND b.sanding_issued IS NOT NULL "
        "RETURN a.uid AS city, a.base_name AS city_base, b.uid AS county, b.base_name AS county_base"
    )
    group_of = {name: group[0] for group in abbreviation_groups() for name in group}
    pairs = []
    for row in rows:
        a, b = row["city_base"], row["county_base"]
        if a == b or (group_of.get(a) is not None and group_of.get(a) == group_of.get(b)):
            pairs.append((row["county"], row["city"]))
    return sorted(pairs)
