"""dispatch: a hotline's complaints routed each to the department first in who_handles, with what a dispatcher
needs to act on it: the words of the complaint its evidence met, the runner-up and its score, and the reasons a
person must settle it (a tie, a weak match, a department with no duties in the graph, no match; a matter whose lead
the documents leave unsettled is a tie, and its note says what each document names).

A complaint is routed within its own region when its row names one (所属区县), else within the region asked for.
A county whose departments (and townships) hold nothing like the complaint (the graph has no 青山县公安局) sends it to
its city's department, said in the row's note: the city's department is the one to pass it down, and a person checks
it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from graph.store import Row, Store
from ingest.content import content_terms
from queries.complaint_files import Complaint
from queries.labels import COLUMN_LABELS, note_zh
from queries.lead_claims import reason_label
from queries.lookup import UnknownRegion, check_region, cities, cities_within, city_of, region_levels
from queries.notice_evidence import handling_index
from queries.province_places import is_province, named_place
from queries.search import BM25Index
from queries.township_given import depth, with_devolution
from queries.who_handles import rank_departments, ranked_with_notes

# who_handles' notes on a row that dispatch carries to its first department's, as who_handles names them.
# Each with what a row with no department says. The overlaps cluster holding the first two candidates' best evidence
# (queries.overlap_rows) is the routed department's and the runner-up's: a dispatcher told only 水务局 then 住建局 for
# 小区自来水发黄有异味 did not learn that no document settles which of the two leads.
_NOTE_DEFAULTS = {"power_split": "", "devolved": "", "sector_safety": "", "sector_rule": "", "sector_rule_source": "",
                  "sector_rule_kind": "", "no_sanding": False, "overlap_cluster": "", "overlap_note": ""}
NOTE_COLUMNS = list(_NOTE_DEFAULTS)

# The columns of a dispatch row after the input's own (工单编号 …), in order.
# After the note, who_handles' own notes on the department routed to (乡镇赋权说明, 管行业必须管安全): carried as
# its columns, not into `note`, which says why a person must settle the row; these say what the department is told.
COLUMNS = ["line", "text_in", "region", "department", "office", "score", "tie", "weak", "holds_no_duties",
           "no_match", "township_unnamed", "place_unnamed", "runner_up", "runner_up_score", "matched", "evidence",
           "source", "note", *NOTE_COLUMNS]
MATCHED_SHOWN = 6  # the words a row names as met: the weightiest; more reads as noise
OTHER_CITIES_LOOKED_AT = 10  # the candidates of any region read for another city's department that holds the work


@dataclass
class Dispatched:
    rows: list[Row]
    warnings: list[str] = field(default_factory=list)
    default_region: str | None = None  # the region complaints without their own were routed within


def dispatch_given(count: int, region: str | None, default: str | None) -> list[tuple[str, object]]:
    """A dispatch's question for its file's 查询条件: how many complaints, the region asked (its reading is the
    caller's to note), and, where none was, the region they were routed within (the graph's one city)."""
    return [("complaints", f"{count} 条"), ("region", region), ("routed_within", None if region else default)]


def input_key(title: str) -> str:
    """The key of an input column kept beside the answer: its title, unless an answer's column bears it."""
    return f"{title}（原表）" if title in COLUMNS else title


def columns_with(input_titles: list[str]) -> list[str]:
    """A file's columns: its line, the input's own columns (工单编号 …), then the answer's."""
    return [COLUMNS[0], *map(input_key, input_titles), *COLUMNS[1:]]


def needs_person(row: Row) -> bool:
    """A route a person must settle: too close to call, resting on too little, a department known only as a party,
    no match, work given to the townships with none named, a county complaint sent up to the city, or a matter whose
    lead the documents leave unsettled."""
    return bool(row["tie"] or row["weak"] or row["holds_no_duties"] or row["no_match"] or row["township_unnamed"]
                or row["place_unnamed"] or row["note"])


# Why a person must settle a row: the CLI's 需人工确定, and the API's `need_person_zh`, which the page's 批量分派 shows.
_PERSON_FLAGS = tuple((key, COLUMN_LABELS[key]) for key in ("tie", "weak", "holds_no_duties", "no_match",
                                                             "township_unnamed", "place_unnamed"))


def person_reason(row: Row) -> str:
    """The reasons `needs_person` finds, in Chinese ('' when none): 难以区分；依据不足, a county's complaint sent up."""
    if not row["text_in"]:
        return "诉求为空"
    said = [label for key, label in _PERSON_FLAGS if row[key]]
    return "；".join([*said, note_zh(row["note"])] if row["note"] else said)


def dispatch(store: Store, complaints: Iterable[Complaint], *, region: str | None,
             progress: Callable[[int], None] | None = None) -> Dispatched:
    """Each complaint routed (`region`: checked by `check_region`; None routes complaints without a region of
    their own within the graph's one city, or every region when it has several). `progress` is called with the
    number of complaints done."""
    index = handling_index(store)
    parents = _parents(store)
    default = region if region is not None else _only_city(store)
    # Several cities and no region, or a province's: a complaint naming none belongs to one of them, which the scores
    # cannot tell.
    several = len(cities_within(store, region)) > 1
    result = Dispatched([], default_region=default)
    regions: dict[str, str | None] = {}  # each region as written, checked once (a day's file names a dozen)
    for done, complaint in enumerate(complaints, start=1):
        where, unknown = _region_of(store, complaint, default, result.warnings, regions)
        province = is_province(store, where)
        if province:
            # A province's departments handle no street's complaint: the place the text names is where it goes, its
            # county's department sending it up to the city as any county's complaint (`_route`). Read once: the
            # ranking is told the text names none, where it does not.
            where = named_place(store, complaint.text, where or "") or where
        kept = {input_key(title): value for title, value in complaint.fields.items()}
        row = {"line": complaint.line, **kept, "text_in": complaint.text,
               **_route(store, index, complaint.text, where, parents, place_read=province)}
        # Routed to the province's own department, the province reserves the work (queries.province_places): the
        # cities' departments hold it less surely, and are no other city's.
        if several and where == region and row["department"] and row["region"] != region:
            other = _other_cities(store, index, complaint.text, row, region)
            row["note"] = "；".join(part for part in (other, row["note"]) if part)
        if unknown:
            # Routed within the default region, a guess a person checks: said in the row, not only in a warning
            # above the table (a county's complaint went to a city department unflagged, user test).
            row["note"] = "；".join(part for part in (unknown, row["note"]) if part)
        result.rows.append(row)
        if progress is not None:
            progress(done)
    return result


def _route(store: Store, index: BM25Index, text: str, region: str | None, parents: dict[str, str], *,
           place_read: bool = False) -> Row:
    ranked = ranked_with_notes(store, index, text, region=region, limit=2, place_read=place_read) if text else []
    note = ""
    parent = parents.get(region or "")
    # Up only when no candidate of the region is sure: a township a 属地 list names stands after the county's first
    # department, however weak that is, and the county then does hold the work.
    # Nor when the city's 市县事权划分清单 settles the level (`power_split`): a county-only matter stays, however weak.
    settled = bool(ranked) and bool(ranked[0]["power_split"])
    if text and parent and not settled and not any(not row["weak"] and not row["holds_no_duties"] for row in ranked):
        above = ranked_with_notes(store, index, text, region=parent, limit=2)
        if above and not above[0]["weak"] and not above[0]["holds_no_duties"]:
            if _holds_more(ranked, above[0]):
                # The county's department meets more of the complaint than the city's: it holds a matter of the
                # complaint the city's answers on a word no department of the county states (河西区's 城管 on
                # 夜市摊贩占道经营, 41.7; the city's 生态环境局 on its 油烟, 23.5, user test). Which part leads is a
                # person's call: the note names it, not "no department holds such duties".
                county = ranked[0]["department"]
                note = (f"{region} 的部门无诉求中部分事项的职责，按上级 {parent} 分派；{county} 有诉求中其他事项的职责"
                        f"（相关度 {ranked[0]['score']}），请核实 / no department of {region} holds part of it: routed "
                        f"to {parent}'s; {county} holds the rest (score {ranked[0]['score']})")
            else:
                note = (f"{region} 的部门无相应职责，按上级 {parent} 分派 / no department of {region} holds such "
                        f"duties: routed to {parent}'s")
            ranked, region = above, parent
    first = ranked[0] if ranked else None
    second = ranked[1] if len(ranked) > 1 else None
    if not text:
        note = "诉求为空 / the complaint is empty"  # nothing ranked: no other note
    elif first and first["lead_dispute"]:
        note = "；".join(part for part in (note, _dispute_note(first["lead_dispute"])) if part)
    return {
        "region": first["region"] if first else (region or ""),
        "department": first["department"] if first else "", "office": first["office"] if first else "",
        "score": first["score"] if first else None, "tie": bool(first and first["tie"]),
        "weak": bool(first and first["weak"]), "holds_no_duties": bool(first and first["holds_no_duties"]),
        "no_match": first is None,  # no word of the text reaches any department's duties or items
        # Work a 赋权清单 gave the townships, the complaint naming none or several: the department routed to no longer
        # exercises it, the township where it happened does, and the dispatcher must find which.
        "township_unnamed": bool(first and first["township_unnamed"]),
        # Asked of a province, a complaint naming no place, work the province does not reserve: a city's (or
        # county's) department handles it, whichever city it happened in (queries.province_places).
        "place_unnamed": bool(first and first["place_unnamed"]),
        "runner_up": second["department"] if second else "", "runner_up_score": second["score"] if second else None,
        "matched": _matched(index, text, first) if first else "",
        "evidence": first["evidence"][0]["text"] if first else "",
        "source": first["evidence"][0]["source"] if first else "",
        "note": note,
        **{key: first[key] if first else _NOTE_DEFAULTS[key] for key in NOTE_COLUMNS},
    }


def _holds_more(ranked: list[Row], above: Row) -> bool:
    """Whether the county's first department, weak, scores higher on the complaint than the city's first, sure: it
    holds a matter of the complaint, and lacks only what no department of the county states."""
    return bool(ranked) and not ranked[0]["holds_no_duties"] and ranked[0]["score"] > above["score"]


def _dispute_note(dispute: Row) -> str:
    """The row's note on a matter whose lead the documents leave unsettled: who the documents name, so that a
    dispatcher sees why the department routed to is not settled (无牵头部门, or which documents name which lead, and
    which of them is the newer)."""
    role = "assists" if dispute["reason"] == "no_lead" else "leads"
    named = "、".join(dict.fromkeys(name for claim in dispute["claims"] for name in claim[role]))
    said = "配合" if role == "assists" else "牵头"
    reason = reason_label(dispute["reason"], dispute["newer_note"])
    return (f"{reason}：{dispute['matter']}（文件所列{said}：{named}） / "
            f"{dispute['reason']}: {dispute['matter']} ({role}: {named})")


def _matched(index: BM25Index, text: str, first: Row) -> str:
    """The complaint's words (and the dictionaries' readings of them, marked ≈) that the department's evidence
    says, weightiest first: 没人管 read as 警务督察 is a reading a dispatcher can see is wrong."""
    weights = index.query_weights(text)
    met = {term for piece in first["evidence"] for term in content_terms(piece["text"])} & weights.keys()
    ordered = sorted(met, key=lambda term: (-weights[term], -len(term), term))
    # A compound's parts add nothing once the compound is named (违法建设, then 违法 and 建设).
    shown = [term for term in ordered if not any(term != other and term in other for other in met)]
    return "、".join(term if weights[term] >= 1.0 else f"≈{term}" for term in shown[:MATCHED_SHOWN])


def _region_of(store: Store, complaint: Complaint, default: str | None, warnings: list[str],
               checked: dict[str, str | None]) -> tuple[str | None, str]:
    """The region to route the complaint within, and the row's note when its own region is not in the graph.
    `checked` keeps each region written and the graph's path for it (None: not in the graph)."""
    if not complaint.region:
        return default, ""
    if complaint.region not in checked:
        try:
            checked[complaint.region] = check_region(store, complaint.region)
        except UnknownRegion:
            checked[complaint.region] = None
    if checked[complaint.region] is not None:
        return checked[complaint.region], ""
    within = default or "every region"
    warnings.append(f"line {complaint.line}: region {complaint.region} is not in the graph; routed within "
                    f"{within}; 第 {complaint.line} 行区划“{complaint.region}”不在图中，按"
                    f"{default or '全部区划'}分派")
    return default, (f"区划“{complaint.region}”不在图中，按{default or '全部区划'}分派 / region "
                     f"{complaint.region} is not in the graph: routed within {within}")


def _parents(store: Store) -> dict[str, str]:
    """Each county's (and district's) city: where a complaint its departments cannot take goes."""
    return {path: path.rsplit("/", 1)[0] for path, level in region_levels(store).items()
            if level == "county" and "/" in path}


def _only_city(store: Store) -> str | None:
    """The graph's one city, when it has one: a city hotline routes to its own departments, not to the best of any
    county's (a district's 市场监管局 for a traffic offence, user test)."""
    held = cities(store)
    return held[0] if len(held) == 1 else None


def _other_cities(store: Store, index: BM25Index, text: str, row: Row, region: str | None) -> str:
    """The row's note when departments of another city than the one routed to hold the work as surely: which city's
    the complaint is, the scores cannot tell (user test of two cities: a 共享单车 complaint went to 南屿市's 城管局,
    routed and needing no person, though 示例市's holds the work too and leads it in a list). Read on who_handles'
    own ranking, as the row itself is (a township given the work stands where who_handles puts it), without its
    notes on safety and 三定, which this does not read. A province's department is no other city's: routed to one,
    every city's department is named (各市的); under a province a city is its region's city, not the region's first
    name. Asked of a province, its cities' departments are read too (ranked within the province's own region, its
    own departments alone were, and the note never named a city's)."""
    city = city_of(store, row["region"])
    others: dict[str, str] = {}  # each other city → its first department that holds the work
    # Asked of a province, among the regions below it (its own department is no city's): ranked as who_handles
    # ranks them (`queries.province_places`).
    below = is_province(store, region)
    ranked = rank_departments(index, text, region=region, below=below,
                              limit=depth(store, OTHER_CITIES_LOOKED_AT, region, below=below))
    for found in with_devolution(store, text, ranked, OTHER_CITIES_LOOKED_AT):
        theirs = city_of(store, found["region"])
        # Ranked within `region` (or below it), every row lies in it.
        if theirs not in (None, city) and not found["weak"] and not found["holds_no_duties"]:
            others.setdefault(theirs, found["department"])
    if not others:
        return ""
    named = "、".join(others[other] for other in sorted(others))
    shown = city.rsplit("/", 1)[-1] if city else row["region"]
    unsaid = ("未指定区划", "no region given") if region is None else ("未指定市", "no city given")
    whose = ("其他市的", "of another city") if city else ("各市的", "of a city")
    return (f"{unsaid[0]}，{whose[0]}{named}也有相应职责：按相关度分派至{shown}，请核实诉求所在市 / {unsaid[1]}, and "
            f"{named} {whose[1]} also has such duties: routed within {shown} by score; check the city")
