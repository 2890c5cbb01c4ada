"""Who the documents say leads each shared matter, its wordings in several documents read as one
(`queries.matter_names`): what each source claims, and the two disagreements that leave a matter without a settled
lead, no lead named (`no_lead`) and documents naming different leads (`conflicting_leads`). host_assist_ambiguities
reports them as findings; who_handles passes them on with the departments a text about the matter reaches, rather
than settling them on scores. Of documents that disagree, the newer (`precedence`) is named with what it says and
the older clauses it leaves to be amended: the disagreement stands until they are, but an investigator asks which
document the practice follows (user test: the city's boundary list against 交通's older 三定 clause).

A township's 属地 主体责任 (`territorial`: it answers for the matter in its own area, the first response there) is
another kind of responsibility than a department's 牵头 at its level (its 监管责任): the two stand side by side, as
do two townships each answering for its own area, and none of them disputes who leads. Only the department side
(`department_side`) is judged."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from graph.store import Row, Store
from ingest.list_dates import version_date
from queries import catalog
from queries.cache import cached
from queries.matter_names import matter_name, same_matter_key
from queries.sources import Cited, document_titles, readable_source, source_document

REASON_LABELS = {
    "no_lead": "无牵头部门",
    "multiple_leads": "多个牵头部门",
    "conflicting_leads": "文件间牵头部门不一致",
    "lead_and_assist": "既牵头又配合",
    "vague_party": "责任主体模糊（有关部门）",
    "lead_without_mandate": "牵头部门无相应职责",
}


def reason_label(reason: str, newer_note: str = "") -> str:
    """A reason in words; documents naming different leads say which is the newer, or why that is unknown
    (`Precedence.note`): the findings, who_handles' and dispatch's notes say it in one wording."""
    return f"{REASON_LABELS[reason]}（{newer_note}）" if reason == "conflicting_leads" and newer_note else \
        REASON_LABELS[reason]


@dataclass(frozen=True)
class Dispute:
    """A matter whose lead the documents leave unsettled, as who_handles tells it."""

    matter: str  # the name findings give it (`matter_name`)
    region: str
    reason: str  # no_lead | conflicting_leads
    claims: tuple[Row, ...]  # what each source says (`claims`)
    # (department, its region) of each party the disagreement is between: the assisting departments of a matter no
    # one leads, the leads of one documents disagree on.
    parties: frozenset[tuple[str, str]]
    newer_lead: Row | None = None  # `Precedence.newer_lead` of a conflicting_leads dispute
    newer_note: str = ""

    def as_row(self) -> Row:
        return {"matter": self.matter, "reason": self.reason, "claims": [dict(claim) for claim in self.claims],
                "newer_lead": dict(self.newer_lead) if self.newer_lead else None, "newer_note": self.newer_note}


def by_matter(rows: Iterable[Row]) -> dict[tuple[str, str], list[Row]]:
    """`matter_parties` rows by matter: (its region, `same_matter_key`) → the parties of all its wordings."""
    grouped: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        grouped[(row["region"], same_matter_key(row["matter"]))].append(row)
    return grouped


def wording(parties: list[Row]) -> str:
    return matter_name(party["matter"] for party in parties)


def department_side(parties: list[Row]) -> list[Row]:
    """The parties that lead or assist at a department's level: a township's 属地 主体责任, and those who 配合 it in
    its area, left out."""
    return [party for party in parties if not party["territorial"]]


def ordered_names(leads: list[Row]) -> list[str]:
    """Leads in their listing order (the host first), each once."""
    names: list[str] = []
    for lead in sorted(leads, key=lambda lead: (lead["source"], lead["order"] or 0, lead["department"])):
        if lead["department"] not in names:
            names.append(lead["department"])
    return names


def claims(parties: list[Row]) -> list[Row]:
    """What each source says: its leads (in listing order) and assisting parties. `sources` alone left a reader of
    a conflicting_leads finding to open every document to learn which names which lead (user test)."""
    by_source: dict[str, list[Row]] = defaultdict(list)
    for party in parties:
        by_source[party["source"]].append(party)
    return [{"source": source, "matter": said[0]["matter"],  # each source's own wording of the matter
             "leads": ordered_names([p for p in said if p["role"] == "LEADS" and not p["territorial"]]),
             "territorial_leads": ordered_names([p for p in said if p["role"] == "LEADS" and p["territorial"]]),
             "assists": sorted({p["department"] for p in said if p["role"] == "ASSISTS"})}
            for source, said in sorted(by_source.items())]


def expects_lead(parties: list[Row], sandings: frozenset[str]) -> bool:
    """Whether a document of the matter should have named its lead. A 三定's 参与… clause says its own department
    assists; naming the lead is not its business. Only a list or a 职责分工 document that leaves the lead out is a
    finding (user test: the mine safety bureau's 参与 clauses read as 无牵头部门). Given the department side
    (`department_side`): a 属地 list naming a township's 主体责任 and who 配合 it has named who answers in that area,
    and which department leads the line of work is a boundary list's business, not its own."""
    return not all(source_document(party["source"]) in sandings for party in parties)


def leads_conflict(parties: list[Row]) -> bool:
    """Whether the documents that name the matter's department leads name different ones."""
    documents: dict[str, set[str]] = defaultdict(set)
    for lead in department_side(parties):
        if lead["role"] == "LEADS":
            documents[source_document(lead["source"])].add(lead["department"])
    return len({frozenset(names) for names in documents.values()}) > 1


@dataclass(frozen=True)
class Precedence:
    """Which of the documents naming a matter's different leads is the newer, and what follows: `newer_lead`
    `{source, date, leads}` (its first clause or row naming them, its date, the leads it names), None where the dates
    cannot tell; `note`, the sentence people read: the newer document's lead and the older clauses to amend, or why
    the order is unknown. Nothing is guessed: an undated document, or two whose dates do not tell them apart (one
    day, or a year against a day of that year), leave the order unknown."""

    newer_lead: Row | None
    note: str


def document_dates(store: Store) -> dict[str, str]:
    """Each document's date of issue (ISO, or a year or month alone), '' for none: its 印发日期, and a list's as
    ingest orders its versions (`version_date`: its date row, the year in its title, the date in its file's name).
    Not its 施行日期: two 三定 taking effect one day may have been issued weeks apart, and a document stating only
    when it takes effect is not thereby dated against one that states its issue."""
    return cached(store, ("document_dates",), lambda: {
        row["uid"]: version_date(row) for row in catalog.run(store, "documents")}, whole_graph=True)


def precedence(parties: list[Row], dates: Mapping[str, str], titles: Mapping[str, Cited]) -> Precedence:
    """`Precedence` of the documents that name the matter's department leads (`leads_conflict`)."""
    leads: dict[str, list[Row]] = defaultdict(list)
    for lead in department_side(parties):
        if lead["role"] == "LEADS":
            leads[source_document(lead["source"])].append(lead)
    undated = sorted(document for document in leads if not dates.get(document))
    if undated:
        named = "、".join(titles[document].cite("") if document in titles else document for document in undated)
        return Precedence(None, f"文件日期不全（{named}未署印发日期），无法判断先后")
    newest, *older = sorted(leads, key=lambda document: (dates[document], document), reverse=True)
    if any(dates[newest].startswith(dates[other]) for other in older):  # one day, or a year against its own day
        return Precedence(None, f"文件日期无法分出先后（{'、'.join(sorted({dates[d] for d in leads}))}），无法判断先后")
    names = ordered_names(leads[newest])
    first = min(lead["source"] for lead in leads[newest])
    # The older clauses or rows that name other leads than the newer document: those to amend.
    outdated = sorted({lead["source"] for document in older for lead in leads[document]
                       if set(ordered_names(leads[document])) != set(names)})
    note = (f"较新的{readable_source(first, titles)}（{dates[newest]}）定由{'、'.join(names)}牵头，"
            f"早于它的{'、'.join(readable_source(source, titles) for source in outdated)}待修订")
    return Precedence({"source": first, "date": dates[newest], "leads": names}, note)


def sanding_documents(store: Store) -> frozenset[str]:
    """The uids of the graph's 三定 documents, read once per graph version (every findings request asks)."""
    return cached(store, ("sanding_documents",), lambda: frozenset(
        row["uid"] for row in catalog.run(store, "documents") if row["kind"] == "sanding"), whole_graph=True)


def without_sanding(store: Store) -> frozenset[tuple[str, str]]:
    """The departments the graph holds no 三定 of (named only by a list or a clause: 县消防救援大队), as (name, region
    path), read once per graph version: a lead or an owner suggested for them is named on another document's word
    alone. Keyed by region as well as name: a name is its region's short name and the body's (城关镇人民政府), which
    two counties' townships may share."""
    return cached(store, ("without_sanding",), lambda: frozenset(
        (row["department"], row["region"]) for row in catalog.run(store, "unresolved_departments", {"region": None})),
        whole_graph=True)


def disputes(store: Store) -> dict[str, Dispute]:
    """Every matter of the graph whose lead is unsettled, by the uid of each of its wordings."""
    found: dict[str, Dispute] = {}
    sandings = sanding_documents(store)
    dates, titles = document_dates(store), document_titles(store)
    for (region, _key), parties in by_matter(catalog.run(store, "matter_parties")).items():
        departments = department_side(parties)
        leads = [party for party in departments if party["role"] == "LEADS"]
        if not leads and expects_lead(departments, sandings):
            reason, named = "no_lead", [party for party in departments if party["role"] == "ASSISTS"]
        elif leads_conflict(parties):
            reason, named = "conflicting_leads", leads
        else:
            continue
        order = precedence(parties, dates, titles) if reason == "conflicting_leads" else Precedence(None, "")
        dispute = Dispute(wording(parties), region, reason, tuple(claims(parties)),
                          frozenset((party["department"], party["department_region"]) for party in named),
                          order.newer_lead, order.note)
        found.update(dict.fromkeys({party["matter_uid"] for party in parties}, dispute))
    return found
