"""township_duties' `finish`: whether the county department a township's 履行职责事项清单 names holds the work.

A 配合履职事项 is work a county department leads and answers for, the township assisting; where that department's
own 三定 duties and 权责清单 items say nothing of it, the list puts the work on the township with no department
answering for it (基层减负's 甩锅). A 上级部门收回事项 is work a county department took back from the townships; where
its 三定 does not hold it, nobody holds it now, or another department does. Judged on the evidence who_handles ranks
by (its 三定 duties, its offices' and its 权责清单 items; not the shared matters lists name, this list among them), as
host_assist_ambiguities judges a lead's mandate (lead_without_mandate): the department holds the work when its best
piece scores no weak match (WEAK_SCORE, and COVERAGE_SHARE of what evidence saying the whole matter would score) and
at least MANDATE_SHARE of the county's best department's. Scored on the matter's own words only: the broader
concepts a dictionary reads into a name (农村危房改造 → 农村宅基地) are a guess about a complaint's meaning, and
gave 农业农村局's 宅基地 duty the 危房改造 that 住建局's 三定 states. A department with no 三定 or list of its own
loaded is not judged (`no_duties`): no 三定 loaded is not no duty.
"""

from __future__ import annotations

import re
from typing import Any

from graph.store import Row, Store
from ingest.aspects import FACETS, kinds
from queries.ambiguities import MANDATE_SHARE, best_by_department, holders
from queries.in_force import CURRENT, duties_today
from queries.labels import TOWNSHIP_FINDING_LABELS, TOWNSHIP_PART_LABELS
from queries.matter_names import folded, paired
from queries.notice_evidence import handling_index
from queries.search import BM25Index, Evidence
from queries.township_devolved import unlisted
from queries.township_merged import merged_notes
from queries.who_handles import COVERAGE_SHARE, WEAK_SCORE, evidence_index

PART_ORDER = ("basic", "assisting", "reclaimed")
_ROWS_MORE = frozenset({"reclaimed_still_listed", "reserved_to_township"})  # findings a row more after a list row
# A township's first step on what a county department enforces: its daily patrol, finding and reporting, dissuading
# (基层减负's 发现并报告). FACETS has no such kind: a 三定 does not write it.
_FIRST_STEP = re.compile(r"(?:日常)?(?:巡查|巡逻)|发现并?(?:及时)?报告|(?:及时)?(?:报告|上报)|劝阻")
OBJECT_SHARE = 0.5  # the lead's enforcing piece says most of the object a township's first step is on
_ROW = re.compile(r"(\d+)行$|!(\d+)$")  # a list row's place in its source: `#第13行`, `#配合履职事项!13`
Best = dict[str, tuple[float, str, str]]  # department → its best (score, text, source) on a matter


def judged(store: Store, rows: list[Row], params: dict[str, Any]) -> list[Row]:
    """Each row with its `finding`, `holder`, `evidence` and `evidence_source`, in each list's order: its parts in
    order, each part's rows as the list has them."""
    notes = merged_notes(store, params)  # a township asked for that is merged away: said, beside its successor's rows
    if not rows:
        return [_labelled(row) for row in notes]
    # Today's duties (the 调整 notices since each 三定 applied), and the 三定 as written, to tell work a notice took.
    now, written, holding = handling_index(store), evidence_index(store), holders(store)
    levels = _levels(store, rows)
    checked = [_level_checked(levels, _judged(store, now, written, holding, row)) for row in rows] \
        + _still_listed(written, rows) + _unplaced(store, rows) + _township_level(levels, rows) \
        + unlisted(store, rows) + notes
    return sorted(map(_labelled, checked), key=_list_order)


def _judged(store: Store, now: BM25Index, written: BM25Index, holding: frozenset[tuple[str, str]], row: Row) -> Row:
    if not row["department"]:
        return row
    region, department = row["department_region"], row["department"]
    if (department, region) not in holding:
        return {**row, "finding": "no_duties"}
    best, enough = _best(now, row["matter"], region)
    own = _held(best, enough, department) or _follows_up(now, row)
    if own is not None:  # a receiver's evidence may be the notice's clause that moved the work in: its 出处
        return {**row, "finding": "held", "evidence": own[1], "evidence_source": own[2]}
    others = sorted(((score, name, text, source) for name, (score, text, source) in best.items()
                     if name != department and score >= enough), reverse=True)
    stated = _held(*_best(written, row["matter"], region), department) if now is not written else None
    if stated is not None:
        # Its 三定 states the work, but a notice (or another's 三定) since moved it out, cancelled or handed it down.
        change = _change(store, row["department_uid"], stated)
        holder = change["counterpart"] if change else others[0][1] if others else ""
        evidence = (change["change"], change["change_source"]) if change else \
            (others[0][2], others[0][3]) if others else ("", "")
        return {**row, "finding": "moved_away", "holder": holder, "evidence": evidence[0],
                "evidence_source": evidence[1]}
    if not others:
        return {**row, "finding": "not_held"}
    _score, holder, text, source = others[0]
    return {**row, "finding": "held_by_other", "holder": holder, "evidence": text, "evidence_source": source}


def _follows_up(index: BM25Index, row: Row) -> tuple[float, str, str] | None:
    """On a 配合 row whose matter is the township's first step on an object (违法用地巡查, 农村违法建设巡查: it patrols,
    finds and reports, or dissuades), the lead's piece that enforces on the object (查处, 处罚: `FACETS`' enforce), when
    it holds the object: the department acts on what the township reports, two steps of one work, not work put on the
    township. Read on the object's words alone (the first step is what no 三定 of a department writes), which are too
    few for WEAK_SCORE (违法用地's whole match scores 11.1, 农村违法建设's 6.2): held when its piece scores OBJECT_SHARE
    of what saying the whole object would and MANDATE_SHARE of the county's best department's."""
    object_words = _FIRST_STEP.sub("", row["matter"])
    if row["part"] != "assisting" or object_words == row["matter"] or len(object_words) < 2:
        return None
    said = _said(index, object_words)
    best = best_by_department(_hit_evidence(index, said, row["department_region"]))
    own = _held(best, OBJECT_SHARE * index.full_match_of(said), row["department"])
    return own if own is not None and "enforce" in kinds(own[1], FACETS) else None


def _held(best: Best, enough: float, department: str) -> tuple[float, str, str] | None:
    """The department's best piece when it holds the work (no weak match, MANDATE_SHARE of the county's best)."""
    top = max((score for score, _text, _source in best.values()), default=0.0)
    own = best.get(department)
    return own if own is not None and own[0] >= max(enough, MANDATE_SHARE * top) else None


def _change(store: Store, department_uid: str, stated: tuple[float, str, str]) -> Row | None:
    """What the 调整 notice since the department's 三定 made of the clause that stated the work (`status`, `change`:
    the work as the notice words it, `counterpart`: who took it, `change_source`: the notice's clause), or None
    where no notice did (a move another department's 三定 states)."""
    today = duties_today(store, department_uid)
    if today is None:
        return None
    _score, text, source = stated
    return next((today.changes[uid] for uid, duty in sorted(today.duties.items())
                 if duty["source"] == source and duty["text"] == text and today.changes[uid]["status"] != CURRENT),
                None)


def _best(index: BM25Index, matter: str, region: str) -> tuple[Best, float]:
    """Each department's best piece on the matter's own words in the region, and the score that is no weak match."""
    scored, enough = _scored(index, matter, region)
    return best_by_department(scored), enough


def _scored(index: BM25Index, matter: str, region: str) -> tuple[list[tuple[float, Evidence]], float]:
    """The evidence of the region the matter's own words reach, scored, and the score that is no weak match."""
    said = _said(index, matter)
    return _hit_evidence(index, said, region), max(WEAK_SCORE, COVERAGE_SHARE * index.full_match_of(said))


def _hit_evidence(index: BM25Index, said: dict[str, float], region: str) -> list[tuple[float, Evidence]]:
    """The evidence of the region the weighted words reach, each with its score."""
    hits = index.hits_for(said, region)
    return [(score, hits.index.evidence[position])
            for position, score in zip(hits.positions.tolist(), hits.scores.tolist(), strict=True)]


def _said(index: BM25Index, matter: str) -> dict[str, float]:
    """The matter's own words as the index reads them: not the broader concepts a dictionary reads into them."""
    return {term: weight for term, weight in index.said_terms(matter).items() if weight == 1.0}


def _still_listed(index: BM25Index, rows: list[Row]) -> list[Row]:
    """A row more for each 收回 row whose matter the township's own 权力清单/权责清单 still lists (its best item on the
    matter's own words, no weak match): the township still claims a power the county department took back. The row
    cites the 履职清单's row (`source`) and the township's item (`evidence_source`), once a list row."""
    found: list[Row] = []
    for row in {row["source"]: row for row in rows if row["part"] == "reclaimed"}.values():
        scored, enough = _scored(index, row["matter"], row["township_region"])
        items = sorted((-score, item.key, item.text, item.source) for score, item in scored
                       if item.kind == "power_item" and item.department == row["township"] and score >= enough)
        if items:
            _score, _key, text, source = items[0]
            found.append({**row, "finding": "reclaimed_still_listed", "holder": row["township"], "evidence": text,
                          "evidence_source": source})
    return found


# What a county's 县乡事权划分清单 gives each matter: the county's, its townships' or both (ingest.list_records).
_LEVELS = """
MATCH (r:Region)-[h:HOLDS]->(m:Matter)
WHERE h.tier = 'county_township' AND r.path IN $counties
RETURN r.path AS county, m.name AS matter, h.share AS share, coalesce(h.text, '') AS county_text,
       coalesce(h.township_text, '') AS township_text, h.source AS source
ORDER BY source
"""
Levels = dict[tuple[str, str], Row]  # (township region, its list's matter) → the 县乡事权 row on it


def _levels(store: Store, rows: list[Row]) -> Levels:
    """Each township list's matters with the county's 县乡事权 row on the same matter, however each list words it:
    paired as list_changes pairs two versions' rows (`queries.matter_names.paired`: the same name, the same matter
    in other words, the closest name at RENAMED_SCORE), so 犬只登记管理 meets 犬只登记和管理, and 农村环境卫生日常保洁
    does not meet 城镇环境卫生日常保洁."""
    counties = sorted({row["township_region"].rsplit("/", 1)[0] for row in rows})
    by_county: dict[str, dict[str, Row]] = {county: {} for county in counties}
    for level in store.read(_LEVELS, {"counties": counties}):
        by_county[level["county"]].setdefault(level["matter"], level)  # the first row on a matter
    matters: dict[str, dict[str, None]] = {}  # a township's matters, in its list's order
    for row in sorted(rows, key=_list_order):
        matters.setdefault(row["township_region"], {})[row["matter"]] = None
    found: Levels = {}
    for region, names in matters.items():
        levels = by_county[region.rsplit("/", 1)[0]]
        pairs, _unpaired, _left = paired(list(names), list(levels), lambda name: name)
        found |= {(region, matter): levels[level] for matter, level in pairs}
    return found


def _level_checked(levels: Levels, row: Row) -> Row:
    """A 基本履职 row whose matter the county's 县乡事权划分清单 reserves to the county (县级事权): the township lists
    as its own work what the county answers for. `evidence` the 县级职责, `evidence_source` its row."""
    level = levels.get((row["township_region"], row["matter"]))
    if row["part"] != "basic" or level is None or level["share"] != "county":
        return row
    return {**row, "finding": "reserved_to_county", "holder": level["county"].rsplit("/", 1)[-1],
            "evidence": _worded(row, level, "county_text"), "evidence_source": level["source"]}


def _township_level(levels: Levels, rows: list[Row]) -> list[Row]:
    """A row more after a 配合 or 收回 row whose matter the county's 县乡事权划分清单 gives the townships alone (乡镇
    事权): the list puts on a county department what the division leaves to the township. Once a list row."""
    found: list[Row] = []
    for row in {row["source"]: row for row in rows if row["part"] in {"assisting", "reclaimed"}}.values():
        level = levels.get((row["township_region"], row["matter"]))
        if level is not None and level["share"] == "township":
            found.append({**row, "finding": "reserved_to_township", "holder": row["township"],
                          "evidence": _worded(row, level, "township_text"), "evidence_source": level["source"]})
    return found


def _worded(row: Row, level: Row, column: str) -> str:
    """The 县乡事权 row's text, after its own name of the matter where the township's list words it otherwise: who
    reads the finding sees which row was taken for the same matter."""
    return level[column] if folded(level["matter"]) == folded(row["matter"]) else f"{level['matter']}：{level[column]}"


# The townships of a county that its documents other than the 履行职责事项清单 place: a 三定 or 权责清单 of their own,
# an edge of a 属地 or boundary list (no `township_part`), a 监管事项 claimed.
_PLACED = """
MATCH (t:Department)-[r:HAS_DUTY|HAS_OFFICE|EXERCISES|CLAIMS|LEADS|ASSISTS]->()
WHERE t.region STARTS WITH ($county + '/') AND r.township_part IS NULL
RETURN DISTINCT t.region AS region
"""


def _unplaced(store: Store, rows: list[Row]) -> list[Row]:
    """A row first for each township with a list whose county's other documents place townships, but not it: a
    name misspelt, a township merged away, or one the county has not (yet) loaded a document of. A county none of
    whose townships other documents place has nothing to tell them by: no row. Read when asked, so the order the
    documents were loaded in does not matter."""
    found: list[Row] = []
    lists = {row["township_region"]: row for row in rows}
    for region, row in sorted(lists.items()):
        county = region.rsplit("/", 1)[0]
        placed = {found_row["region"] for found_row in store.read(_PLACED, {"county": county})}
        if not placed or region in placed:
            continue
        known = "、".join(sorted(place.rsplit("/", 1)[1] for place in placed))
        found.append({**{column: "" for column in row}, "township": row["township"], "township_region": region,
                      "finding": "unknown_township", "evidence": known, "source": row["source"].split("#")[0],
                      "department_uid": None})
    return found


def _labelled(row: Row) -> Row:
    finding = TOWNSHIP_FINDING_LABELS.get((row["part"], row["finding"]), "")
    return {**row, "part_label": TOWNSHIP_PART_LABELS.get(row["part"], row["part"]), "finding_label": finding}


def _list_order(row: Row) -> tuple[Any, ...]:
    place = _ROW.search(row["source"])
    line = int(next(group for group in place.groups() if group)) if place else 0
    part = PART_ORDER.index(row["part"]) if row["part"] in PART_ORDER else -1 if not row["part"] else len(PART_ORDER)
    return (row["township_region"], part,
            row["source"].split("#")[0], line, row["department"], row["finding"] in _ROWS_MORE, row["finding"])
