"""host_assist_ambiguities: shared matters whose lead (牵头/主办) and assisting (配合/协办) parties are unclear.

Reasons, per the national 部门职责分工协调办法 (one matter, one lead; where several lead, the first
listed hosts):
- `no_lead`: parties assist but nobody leads;
- `multiple_leads`: one clause names several leads (the first listed is named `host`); not a 三定 clause whose
  leads each answer for their own line of work (`A、B分别负责M`; the 事中事后监管 of a 审管分离 clause, each department
  supervising what it used to approve);
- `conflicting_leads`: documents disagree on who leads; where they are dated and one is the newer, `newer_lead`
  names its clause, date and leads and `newer_note` says which older clauses it leaves to amend (`precedence`);
- `lead_and_assist`: a department is named both as lead and as assisting party (by one document or two);
- `vague_party`: a party is only 有关部门 / 相关单位 and the like;
- `lead_without_mandate`: a lead whose duties and items in the graph hold nothing like the matter, while
  another department's do (the list names a lead its 三定 does not give the work to). A lead with no duties in
  the graph (no 三定 or list of its own loaded) is not judged: absence of evidence is not a finding. The
  department named as holding the work must hold it by who_handles' standard (not `weak`); when none of the
  region does, the finding names no holder (`holder` empty) rather than a duty that shares a word with the matter
  (城区占道经营 met 城市道路清扫保洁 on 市容市貌 alone, at 5.6 where evidence saying the matter would score 27).

A township a 属地 list makes bear 主体责任 (`territorial`, `queries.lead_claims`) answers for the matter in its own
area; that is not a department's 牵头 at its level, so it makes none of the lead findings: beside a department's
lead it is neither `multiple_leads` nor `conflicting_leads`, two townships each bearing it for their own areas are
not either, and a department that leads the matter and 配合s a township's 主体责任 on it is not `lead_and_assist`.
Nor does a 属地 list alone make a `no_lead`: it names who answers in the township's area (a 编办 checking 推诿 wants
matters no one answers for), and naming the department that leads the line of work is a boundary list's business;
a boundary list that names parties of the matter but no lead is `no_lead` still, whatever the townships bear. The
findings' `leads` are the department leads; `claims` names each source's townships apart (`territorial_leads`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable
from typing import Any

from graph.store import Row, Store
from queries import catalog
from queries.cache import cached
from queries.hosting import host_label
from queries.lead_claims import REASON_LABELS as REASON_LABELS  # the reasons' names, as report.py reads them here
from queries.lead_claims import (
    Precedence,
    by_matter,
    claims,
    department_side,
    document_dates,
    expects_lead,
    leads_conflict,
    ordered_names,
    precedence,
    sanding_documents,
    without_sanding,
    wording,
)
from queries.search import BM25Index, Evidence, query_terms
from queries.sources import document_titles, source_document
from queries.who_handles import COVERAGE_SHARE, MATTER_KINDS, WEAK_SCORE, evidence_index

# A lead holds no duty like its matter when its best duty or item scores (BM25 on the matter's name) under this
# share of the best department's of its region. On examples/ every lead that holds the work reaches 0.68 of the
# best at least (two leads that share a matter both hold it); the one planted without it, 0.
MANDATE_SHARE = 0.5


def host_assist_ambiguities(store: Store, region: str | None = None) -> list[Row]:
    rows = catalog.run(store, "matter_parties", {"region": region})
    if not rows:
        return []
    mandates = Mandates(evidence_index(store), holders(store))
    sandings = sanding_documents(store)
    unknown = without_sanding(store)
    vague = {row["department"] for row in rows if row["vague"]}
    dates, titles = document_dates(store), document_titles(store)
    findings: list[Row] = []
    # One matter's wordings in several documents are one matter (queries.matter_names).
    for matter_region, parties in sorted(((key[0], parties) for key, parties in by_matter(rows).items()),
                                         key=lambda pair: (pair[0], wording(pair[1]))):
        base = _base(matter_region, wording(parties), parties, unknown)
        departments = department_side(parties)
        order = precedence(parties, dates, titles) if leads_conflict(parties) else None
        found = [*_findings(base, parties, lead_expected=expects_lead(departments, sandings), order=order),
                 *mandates.findings(base, parties)]
        # 主办部门 is the matter's, read from all its findings: each row of it says the same.
        host = next((finding["host"] for finding in found if finding["host"]), None)
        label = host_label([finding["reason"] for finding in found], host, base["leads"], vague)
        findings.extend({**finding, "host_label": label} for finding in found)
    return findings


def _base(region: str, matter: str, parties: list[Row], unknown: frozenset[tuple[str, str]]) -> dict[str, Any]:
    """The fields every finding on a matter shares; `mandate` is filled by lead_without_mandate only, `host_label`
    (queries.hosting) once all the matter's findings are known. `no_sanding`:
    the parties the graph holds no 三定 of (`unknown`), named for the matter on the list's or clause's word alone
    (user test: 县消防救援大队 led 电动自行车集中充电设施 with no word that no 三定 says what it does)."""
    leads = [p for p in department_side(parties) if p["role"] == "LEADS"]
    return {"matter": matter, "region": region, "leads": ordered_names(leads),
            "assists": sorted({p["department"] for p in parties if p["role"] == "ASSISTS"}),
            "host": None, "host_label": "", "sources": sorted({p["source"] for p in parties}), "mandate": [],
            "claims": claims(parties),
            "formerly": formerly(parties),
            "no_sanding": sorted({p["department"] for p in department_side(parties)
                                  if (p["department"], p["department_region"]) in unknown}),
            "newer_lead": None, "newer_note": ""}  # a conflicting_leads finding's alone


def formerly(parties: list[Row]) -> list[str]:
    """The parties a 机构改革 renamed or merged since the clause or list named them: `X（原为Y）`, for a reader who
    finds Y in the clause's text and X among the leads."""
    return sorted({f"{p['department']}（原为{p['formerly']}）" for p in parties if p["formerly"]})


def _narrowed(base: dict[str, Any], sources: list[str]) -> dict[str, Any]:
    """The shared fields of a finding that rests on some of the matter's sources only."""
    return {**base, "sources": sources, "claims": [claim for claim in base["claims"] if claim["source"] in sources]}


def _findings(base: dict[str, Any], parties: list[Row], *, lead_expected: bool = True,
              order: Precedence | None = None) -> list[Row]:
    """The lead findings judge the department side only; `vague_party` every party. Lower governments named as
    a whole (各乡镇人民政府, 各乡镇（街道）) are no vague party: the resolver reads them as a 属地 party, a
    well-defined set. `order`: which of the documents naming different leads is the newer, where they do."""
    vague = any(p["vague"] for p in parties)
    parties = department_side(parties)
    leads = [p for p in parties if p["role"] == "LEADS"]
    found: list[Row] = []
    if not leads and lead_expected:
        found.append({**base, "reason": "no_lead"})
    by_source: dict[str, list[Row]] = defaultdict(list)
    for lead in leads:
        by_source[lead["source"]].append(lead)
    # A clause whose leads each answer for their own line of work (`sectoral`) names no several leads of one work.
    several = [source for source in sorted(by_source) if len({lead["department"] for lead in by_source[source]}) > 1
               and not all(lead["sectoral"] for lead in by_source[source])]
    if several:
        # The first-listed lead of the first clause that names several hosts (部门职责分工协调办法 第七条).
        first = by_source[several[0]]
        host = min(first, key=lambda lead: (lead["order"] or 0, lead["department"]))["department"]
        found.append({**_narrowed(base, several), "reason": "multiple_leads", "host": host})
    conflicting = leads_conflict(parties)
    if conflicting:
        said = order or Precedence(None, "")
        found.append({**base, "newer_lead": said.newer_lead, "newer_note": said.note, "reason": "conflicting_leads"})
    # A department named as lead and as assisting party of the same matter: by one document, or by two (a 三定's
    # clause making it lead where the boundary list, naming no lead, has it assist: user test, where nothing said
    # so). Where documents name different leads, each lead assisting in the other's is that same conflict.
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for party in parties:
        roles[source_document(party["source"])][party["department"]].add(party["role"])
        roles[""][party["department"]].add(party["role"])  # all documents together
    if any(len(found_roles) == 2 for document, named in roles.items() if document or not conflicting
           for found_roles in named.values()):
        found.append({**base, "reason": "lead_and_assist"})
    if vague:
        found.append({**base, "reason": "vague_party"})
    return found


class Mandates:
    """lead_without_mandate: which leads hold no duty like their matter, judged on the evidence who_handles uses.
    `kinds`: the evidence that counts as a department's mandate (Evidence.kind); None: all but the matters lists name.
    power_item_review counts the 三定's duties only (SANDING_KINDS): a power item is no mandate for itself."""

    def __init__(self, index: BM25Index, holders: frozenset[tuple[str, str]], *,
                 kinds: Container[str] | None = None) -> None:
        self.index = index
        self.holders = holders
        self.kinds = kinds
        self._searched: dict[tuple[str, str], dict[str, tuple[float, str, str]]] = {}

    def findings(self, base: dict[str, Any], parties: list[Row]) -> list[Row]:
        """One finding naming each lead without the mandate, with the duty that covers the matter and whose it is."""
        mandate: dict[str, dict[str, str]] = {}
        sources: set[str] = set()
        for lead in department_side(parties):  # a township's 主体责任 is its own area's, not a department's mandate
            if lead["role"] != "LEADS" or lead["vague"] or lead["unresolved"] \
                    or (lead["department"], lead["department_region"]) not in self.holders:
                continue  # a lead with no duties in the graph cannot be judged: no 三定 is not no mandate
            better = self.better_holder(base["matter"], lead["department"], lead["department_region"])
            if better is not None:
                mandate.setdefault(lead["department"], {"lead": lead["department"], **better})
                sources.add(lead["source"])
        if not mandate:
            return []
        return [{**_narrowed(base, sorted(sources)), "reason": "lead_without_mandate",
                 "mandate": [mandate[name] for name in sorted(mandate)]}]

    def better_holder(self, matter: str, lead: str, region: str) -> dict[str, str] | None:
        """The department of the lead's region whose duty or item is most like the matter, when the lead's own
        best is under MANDATE_SHARE of it; None when the lead's is good enough (or nobody's is any good)."""
        best = self.best_by_department(matter, region)
        if not best:
            return None
        holder, (top, duty, source) = max(best.items(), key=lambda pair: (pair[1][0], pair[0]))
        if best.get(lead, (0.0,))[0] >= MANDATE_SHARE * top:
            return None
        if not self._holds(matter, region, holder, top):
            return {"holder": "", "duty": "", "source": ""}  # nobody of the region clearly holds the work
        return {"holder": holder, "duty": duty, "source": source}

    def _holds(self, matter: str, region: str, department: str, score: float) -> bool:
        """Whether a department's best evidence on the matter is enough for who_handles not to call it weak: at
        least WEAK_SCORE and COVERAGE_SHARE of what evidence saying the whole matter would score, and reached by
        the matter's own words, not only by their neighbours."""
        weights = self.index.query_weights(matter)
        if score < max(WEAK_SCORE, COVERAGE_SHARE * self.index.full_match_of(weights)):
            return False
        said = query_terms(matter)
        if len(weights) == len(said):
            return True
        hits = self.index.hits_for(said, region)
        return any(hits.index.evidence[position].department == department and
                   hits.index.evidence[position].kind not in MATTER_KINDS for position in hits.positions.tolist())

    def best_by_department(self, matter: str, region: str) -> dict[str, tuple[float, str, str]]:
        """Each department's best (score, text, source) on the matter: searched once for all its leads of a region."""
        if (matter, region) not in self._searched:
            self._searched[(matter, region)] = best_by_department(self.index.scores(matter, region=region), self.kinds)
        return self._searched[(matter, region)]


def best_by_department(scored: Iterable[tuple[float, Evidence]], kinds: Container[str] | None = None
                       ) -> dict[str, tuple[float, str, str]]:
    """Each department's best (score, text, source) among scored evidence of its own (not the matters lists name),
    of `kinds` only when given."""
    best: dict[str, tuple[float, str, str]] = {}
    for score, item in scored:
        if _counts(item, kinds) and score > best.get(item.department, (0.0, "", ""))[0]:
            best[item.department] = (score, item.text, item.source)
    return best


def holders(store: Store, kinds: frozenset[str] | None = None) -> frozenset[tuple[str, str]]:
    """(department, region) of every department with duties or items of its own in the graph (of `kinds` when
    given)."""
    return cached(store, ("mandate_holders", kinds), lambda: holders_of(evidence_index(store).evidence, kinds),
                  whole_graph=True)


def holders_of(evidence: Iterable[Evidence], kinds: frozenset[str] | None = None) -> frozenset[tuple[str, str]]:
    """`holders` among these pieces of evidence."""
    return frozenset((item.department, item.department_region) for item in evidence if _counts(item, kinds))


def _counts(item: Evidence, kinds: Container[str] | None) -> bool:
    """Whether a piece of evidence counts as its department's own work: of `kinds`, or when None, not a matter."""
    return item.kind not in MATTER_KINDS if kinds is None else item.kind in kinds
