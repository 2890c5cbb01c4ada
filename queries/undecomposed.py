"""undecomposed_duties: department duties no internal office carries out, offices that hold no duty, and
cancelled or devolved work that an office or a power item still carries.

An office duty carries out a department duty when ingest linked them by REFINES (an idf coverage of the
department duty's content terms). Catch-all items and boilerplate are not duties to hand down."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from graph.store import Row, Store
from ingest.changes import listed_matters
from ingest.content import content_terms
from ingest.similarity import DEFAULT_THRESHOLD, SimilarityModel
from queries import catalog
from queries.overlaps import duty_model
from queries.search import Evidence
from queries.who_handles import evidence_index

STILL_CARRIED = 0.7  # similarity (ingest.similarity) of an office duty to a retired duty
MATTER_COVERAGE = 0.7  # weighted share of a listed matter's terms that the office duty must say
ITEM_EXTRA = 3  # characters a listed matter may say beyond a power item's name and still name it (许可证核发)
# Where a listed matter applies (县（区）境内…, 全市…): not what it is, so not counted against its naming an item.
_SCOPE = re.compile(r"^(?:[县区市乡镇（）()]{1,6}(?:境内|范围内|辖区内)|全市|全县|全区|市区|辖区内?)")
_ITEM_PARTS = re.compile(r"[、，,]")  # how a 职能转变 sentence separates the matters it lists (ingest.changes)


def undecomposed_duties(store: Store, department: str | None = None, region: str | None = None,
                        threshold: float = DEFAULT_THRESHOLD) -> list[Row]:
    """`region`: the departments of that region and those below it, as the other findings' region filter reads it
    (the page's 职责分解 offered departments only, hundreds of them, where a county's 编办 asks for its county). Each
    query it reads filters by region itself: a county's findings do not cost the whole graph's.

    `threshold`: how alike a duty a successor carries from a body a 机构改革 replaced and one of its own must be for
    the two to be one duty (restated), not two to hand down. The caller's, not a fixed 0.5: it is the judgement
    overlaps makes at its own threshold, and read at 0.5 here beside overlaps asked at 0.4, a carried clause alike
    at 0.44 was a second duty to hand down here and the successor's own clause there."""
    scope = {"department": department, "region": region}
    rows: list[Row] = []
    for duty in catalog.run(store, "department_duty_coverage", {**scope, "threshold": threshold}):
        if duty["boilerplate"] or duty["refined_by"] or not content_terms(duty["text"]):
            continue
        # A duty carried from a body a 机构改革 replaced is the successor's to hand down: `carried_from` names it.
        rows.append({"department": duty["department"], "region": duty["region"], "kind": "duty_without_office",
                     "office": "", "text": duty["text"], "ordinal": duty["ordinal"], "source": duty["source"],
                     "evidence": "", "carried_from": duty["carried_from"]})
    for office in catalog.run(store, "offices_without_duties", scope):
        rows.append({"department": office["department"], "region": office["region"], "kind": "office_without_duty",
                     "office": office["office"], "text": "", "ordinal": None, "source": office["source"],
                     "evidence": "", "carried_from": ""})
    rows.extend(_still_carried(store, scope))
    rows.sort(key=lambda row: (row["region"], row["department"], row["kind"], row["ordinal"] or 0, row["office"],
                               row["text"], row["evidence"], row["carried_from"]))
    return rows


def _still_carried(store: Store, scope: dict[str, str | None]) -> list[Row]:
    retired = [row for row in catalog.run(store, "retired_duties", scope)
               if row["status"] in {"cancelled", "devolved"}]
    if not retired:
        return []
    model = duty_model(store)
    # The offices' duties and the power items, from the evidence the term model is fitted on (read once per
    # graph version and cached), of the departments that retired work.
    departments = {duty["department_uid"] for duty in retired}
    carriers_of: dict[str, list[Evidence]] = defaultdict(list)
    for item in evidence_index(store).evidence:
        if item.department_uid in departments and item.kind in {"office_duty", "power_item"}:
            carriers_of[item.department_uid].append(item)
    found = []
    for duty in retired:
        retired_work = RetiredWork.of(duty["text"])
        if retired_work is None:
            continue
        for carrier in carriers_of[duty["department_uid"]]:
            if retired_work.carried_by(model, carrier.kind, carrier.text, carrier.content):
                found.append({"department": duty["department"], "region": duty["region"],
                              "kind": f"{duty['status']}_still_carried", "office": carrier.office,
                              "text": duty["text"], "ordinal": None, "source": duty["source"],
                              "evidence": carrier.text, "carried_from": ""})
    return found


@dataclass(frozen=True)
class RetiredWork:
    """Work a 职能转变 sentence cancels, hands down or transfers away, read once to be matched against the clauses
    and power items that may still carry it (here, and in a draft 三定: queries.draft_changes)."""

    text: str
    matters: tuple[Counter[str], ...]  # the matters it lists, their characters counted
    matter_terms: tuple[list[str], ...]

    @classmethod
    def of(cls, text: str) -> RetiredWork | None:
        """None for a sentence too short to match on (fewer than two content terms)."""
        if len(set(content_terms(text))) < 2:
            return None
        listed = listed_matters(text)
        return cls(text, tuple(_characters(_SCOPE.sub("", matter)) for matter in listed),
                   tuple(content_terms(matter) for matter in listed))

    def carried_by(self, model: SimilarityModel, kind: str, text: str, terms: Sequence[str]) -> bool:
        """A power item names one of the listed matters; a clause reads like the sentence and says one of them."""
        matters = list(self.matters)
        if kind == "power_item":
            return _names_item(matters, text) or _names_listed_item(matters, text)
        return model.score(text, self.text) >= STILL_CARRIED and _says_a_matter(model, list(self.matter_terms),
                                                                                 terms)


def _says_a_matter(model: SimilarityModel, matter_terms: list[list[str]], clause_terms: Sequence[str]) -> bool:
    """The office clause says one of the listed matters itself (most of its weighted terms), not only the field
    it lies in: 工业产品生产许可管理 is where 一般工业产品生产许可证后置现场审查 lies, but not that step. A sentence
    that lists no matter (取消…年度审验 names its one act in full) is matched by similarity alone."""
    return not matter_terms or any(model.coverage(terms, clause_terms) >= MATTER_COVERAGE for terms in matter_terms)


def _names_item(matters: list[Counter[str]], item: str) -> bool:
    """One of the listed matters (their characters counted) names the power item, in any word order: every
    character of the item's name occurs in it (普通货物道路运输经营许可 names 道路普通货物运输经营许可), and little
    else (证, 核发). A matter that says much more is a part of the item: 一般工业产品生产许可证后置现场审查 is one step
    of 工业产品生产许可, which the city keeps (user test: reported as devolved yet still carried, beside the split
    list's 市级专有 for the same licence).
    A power item is one matter, so a similarity score would also pair it with its neighbours (the penalty for
    operating without the devolved licence, the licence for another kind of cargo)."""
    needed = _characters(item)
    return len(needed) >= 4 and any(not needed - matter and (matter - needed).total() <= ITEM_EXTRA
                                    for matter in matters)


def _names_listed_item(matters: list[Counter[str]], item: str) -> bool:
    """A power item whose own name is a list (城市道路占用、挖掘许可: two acts, one licence) is cut into its parts
    by the sentence's list too (将城市道路占用、挖掘许可下放 lists 城市道路占用 and 挖掘许可): then consecutive matters
    name its parts, in order."""
    parts = [_characters(part) for part in _ITEM_PARTS.split(item) if part.strip()]
    if len(parts) < 2 or len(_characters(item)) < 4:
        return False
    return any(all(not part - matter for part, matter in zip(parts, matters[start:start + len(parts)], strict=True))
               for start in range(len(matters) - len(parts) + 1))


def _characters(text: str) -> Counter[str]:
    return Counter(char for char in text if "\u4e00" <= char <= "\u9fff")
