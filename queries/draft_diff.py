"""What a draft 三定 changes against the one in force, part by part, as rows (pure: the two sides come in as data).

Duties are the same duty when their text is (one uid: ingest.records.duty_uid), else paired by the ingest's
similarity score one to one, the likeliest first: a pair from the threshold on is one duty reworded, what is left
was removed or added. Offices are the same by name; renamed when a name of one is a name of the other
(法规股（行政审批股）), or when their duties read alike. The duties of an office the draft continues are compared the
way a department's are. 职责分工 clauses are the same clause by their matter, else by its wording."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.store import Row
from ingest.content import content_terms
from queries.duty_pairs import Clause, paired
from queries.sources import source_place

SCORE_DIGITS = 3
# Codes of the `change` column (queries.labels.VALUE_LABELS says them in Chinese).
ADDED, REMOVED, REWORDED, CHANGED = "added", "removed", "reworded", "changed"
ESTABLISHED, ABOLISHED, RENAMED = "established", "abolished", "renamed"
UNCHANGED, INCREASED, DECREASED = "unchanged", "increased", "decreased"
# The staffing facts compared, as a department's properties name them (ingest.records), and how many offices it sets
# up (`office_count`: a code of its own, since cells reading `offices` would all be translated as this one).
STAFFING_FACTS = ("staff_quota", "other_staff", "leader_posts", "leader_posts_detail", "office_leader_posts",
                  "office_count")


def _score(score: float | None) -> float | None:
    return round(score, SCORE_DIGITS) if score is not None else None


@dataclass
class DutyChanges:
    rows: list[Row]
    # Each draft duty to the duty in force it restates or rewords: what its findings are compared with.
    restates: dict[str, Clause]


def duty_changes(old: Sequence[Clause], new: Sequence[Clause], threshold: float) -> DutyChanges:
    old_uids = {clause.uid: clause for clause in old}
    restates = {clause.uid: old_uids[clause.uid] for clause in new if clause.uid in old_uids}
    pairing = paired([c for c in old if c.uid not in restates], [c for c in new if c.uid not in restates], threshold)
    pairing.pairs.sort(key=lambda pair: (pair[1].ordinal or 0, pair[1].uid))
    restates |= {after.uid: before for before, after, _score in pairing.pairs}
    rows = [_duty_row(REMOVED, before, None, None) for before in pairing.left_only]
    rows += [_duty_row(REWORDED, before, after, score) for before, after, score in pairing.pairs]
    rows += [_duty_row(ADDED, None, after, None) for after in pairing.right_only]
    return DutyChanges(rows, restates)


def _duty_row(change: str, before: Clause | None, after: Clause | None, score: float | None) -> Row:
    return {"change": change, "old_ordinal": before.ordinal if before else None,
            "old_text": before.text if before else "", "new_ordinal": after.ordinal if after else None,
            "new_text": after.text if after else "", "score": _score(score),
            "source": before.source if before else "", "draft_place": source_place(after.source) if after else ""}


@dataclass(frozen=True)
class Office:
    name: str
    aliases: tuple[str, ...]
    source: str
    duties: tuple[Clause, ...] = ()

    def as_clause(self, holder: str) -> Clause:
        """The office's duties as one text, for the scorer."""
        return Clause(self.name, "；".join(duty.text for duty in self.duties), None, self.source,
                      tuple(term for duty in self.duties for term in duty.terms), holder)


@dataclass
class OfficeChanges:
    rows: list[Row]
    # Each office the draft continues (by its name, another of its names or its duties), with the one in force: whose
    # duties `office_duty_changes` compares.
    continued: list[tuple[Office, Office]]


def office_changes(old: Sequence[Office], new: Sequence[Office], holder: str, threshold: float) -> OfficeChanges:
    kept = {office.name for office in old} & {office.name for office in new}
    before = [office for office in old if office.name not in kept]
    after = [office for office in new if office.name not in kept]
    renamed: list[tuple[Office, Office, float | None]] = []
    for office in list(before):
        # A name of one is a name of the other: 法规股（行政审批股） restated as 行政审批股（法规股）.
        same = next((other for other in after if {office.name, *office.aliases} & {other.name, *other.aliases}), None)
        if same is not None:
            renamed.append((office, same, None))
            before.remove(office)
            after.remove(same)
    with_duties = [[office for office in side if office.duties] for side in (before, after)]
    pairing = paired([o.as_clause(holder) for o in with_duties[0]], [o.as_clause(holder) for o in with_duties[1]],
                     threshold)
    by_name = {office.name: office for office in (*before, *after)}
    for old_office, new_office, score in pairing.pairs:
        renamed.append((by_name[old_office.uid], by_name[new_office.uid], score))
        before.remove(by_name[old_office.uid])
        after.remove(by_name[new_office.uid])
    rows = [_office_row(ABOLISHED, office, None, None) for office in before]
    rows += [_office_row(RENAMED, a, b, score) for a, b, score in renamed]
    rows += [_office_row(ESTABLISHED, None, office, None) for office in after]
    in_force = {office.name: office for office in old}
    continued = [(in_force[name], office) for office in new if (name := office.name) in kept]
    continued += [(a, b) for a, b, _score in renamed]
    position = {office.name: index for index, office in enumerate(new)}
    continued.sort(key=lambda pair: position[pair[1].name])
    return OfficeChanges(rows, continued)


def office_duty_changes(continued: Sequence[tuple[Office, Office]], threshold: float) -> list[Row]:
    """The duties of each office the draft continues, compared as a department's are (`duty_changes`): in the draft's
    order of offices, what it removes, rewords and adds. A duty restated word for word is not a change, whatever the
    punctuation that ends it (an office's clause splits its duties at ；, and only the last keeps the 。)."""
    rows = []
    for before, after in continued:
        unchanged = {_plain(duty.text) for duty in before.duties} & {_plain(duty.text) for duty in after.duties}
        pairing = paired([duty for duty in before.duties if _plain(duty.text) not in unchanged],
                         [duty for duty in after.duties if _plain(duty.text) not in unchanged], threshold)
        office = [_office_duty_row(REMOVED, after, duty, None, None) for duty in pairing.left_only]
        office += [_office_duty_row(REWORDED, after, old, new, score) for old, new, score in pairing.pairs]
        office += [_office_duty_row(ADDED, after, None, duty, None) for duty in pairing.right_only]
        rows += office
    return rows


def _plain(text: str) -> str:
    return text.strip().rstrip("。；;，,")


def _office_duty_row(change: str, office: Office, before: Clause | None, after: Clause | None,
                     score: float | None) -> Row:
    return {"office": office.name, "change": change, "old_text": before.text if before else "",
            "new_text": after.text if after else "", "score": _score(score),
            "source": before.source if before else "", "draft_place": source_place(after.source) if after else ""}


def _office_row(change: str, before: Office | None, after: Office | None, score: float | None) -> Row:
    return {"change": change, "old_office": before.name if before else "", "new_office": after.name if after else "",
            "score": _score(score), "source": before.source if before else "",
            "draft_place": source_place(after.source) if after else ""}


def staffing_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Row]:
    """Every staffing fact either side states, with how it changed."""
    rows = []
    for fact in STAFFING_FACTS:
        before, after = old.get(fact), new.get(fact)
        if before in (None, []) and after in (None, []):
            continue
        rows.append({"fact": fact, "old_value": before, "new_value": after, "change": _how(before, after),
                     "delta": after - before if isinstance(before, int) and isinstance(after, int) else None})
    return rows


def _how(before: Any, after: Any) -> str:
    if before in (None, []):
        return ADDED
    if after in (None, []):
        return REMOVED
    if isinstance(before, int) and isinstance(after, int) and before != after:
        return INCREASED if after > before else DECREASED
    return UNCHANGED if before == after else CHANGED


@dataclass
class Division:
    """One 职责分工 clause: its matter (uid and name), its leads in their order, the assisting parties."""

    source: str
    matter_uid: str
    matter: str
    text: str
    leads: list[str] = field(default_factory=list)
    assists: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        # A clause's edges are keyed by its locator (ingest.load); an item stating two matters holds two clauses.
        return f"{self.source}|{self.matter_uid}"

    def as_clause(self) -> Clause:
        return Clause(self.key, self.matter, None, self.source, tuple(content_terms(self.matter)), "")

    def same_as(self, other: Division) -> bool:
        return (self.matter, self.text, self.leads, sorted(self.assists)) == \
            (other.matter, other.text, other.leads, sorted(other.assists))


def division_changes(old: Sequence[Division], new: Sequence[Division], threshold: float) -> list[Row]:
    by_matter = {division.matter_uid: division for division in new}
    pairs = [(division, by_matter[division.matter_uid]) for division in old if division.matter_uid in by_matter]
    matched = {id(division) for pair in pairs for division in pair}
    # A matter reworded is the same clause when the two wordings read as one work.
    pairing = paired([d.as_clause() for d in old if id(d) not in matched],
                     [d.as_clause() for d in new if id(d) not in matched], threshold)
    by_key = {(side, d.key): d for side, divisions in (("old", old), ("new", new)) for d in divisions}
    pairs += [(by_key["old", a.uid], by_key["new", b.uid]) for a, b, _score in pairing.pairs]
    rows = [_division_row(REMOVED, by_key["old", clause.uid], None) for clause in pairing.left_only]
    rows += [_division_row(CHANGED, before, after) for before, after in pairs if not before.same_as(after)]
    rows += [_division_row(ADDED, None, by_key["new", clause.uid]) for clause in pairing.right_only]
    return rows


def _division_row(change: str, before: Division | None, after: Division | None) -> Row:
    matter = after.matter if after else before.matter if before else ""
    return {"change": change, "matter": matter,
            "old_leads": before.leads if before else [], "old_assists": sorted(before.assists) if before else [],
            "new_leads": after.leads if after else [], "new_assists": sorted(after.assists) if after else [],
            "old_text": before.text if before else "", "new_text": after.text if after else "",
            "source": before.source if before else "", "draft_place": source_place(after.source) if after else ""}
