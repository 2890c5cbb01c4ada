"""staffing_load: posts against work per department, with outliers by a robust score.

duties_per_post = current substantive duties / 行政编制. The robust score is the modified z-score
0.6745 · (x − median) / MAD of log(duties_per_post) over the departments compared (a ratio: twice and half
as many duties per post are equally far from the norm); |z| > 3.5 marks an outlier (Iglewicz and Hoaglin),
so one extreme department does not hide another the way a mean and standard deviation would.

The score needs MIN_COMPARED departments in a region: with one the spread is zero, and with two each lies exactly
one spread from their median, so z = ±0.67 whatever their ratio (five times as many duties per post included) and
nothing could ever be flagged. Such a region's rows say `too_few` and carry no score rather than one that looks
like a finding of "normal".

Levels staff differently, so a county department is not scored against the city's; it is set beside the city
department it mirrors (上下对口) instead: duties per post COUNTERPART_GAP times its counterpart's, or less than
1/COUNTERPART_GAP of it, is a check to make (an 编办 compares a county bureau with its city bureau). Checks also
hold what the 三定 sets and the graph does not keep to: more offices than the number set (by the 三定, or by a later
调整 notice's 调整后 totals), leader posts that do not add up to their total. The graph holds the posts set (核定),
not the people in post (实有), so 超编 itself is not judged here.

Posts a 调整 notice moves between departments (将…2名行政编制划入…, 相应划转行政编制2名), cuts
(核减行政编制1名) or hands down with work (相应编制2名下放至各县（区）) change the figure the department's own
documents set: `staff_quota` is that figure with the changes of the notices after it (a notice's own 调整后 totals
already count its moves), `staff_quota_stated` the figure as set, `staff_moves` each change and its clause,
`leader_posts_moved` the 领导职数 they add or take (the 三定's 领导职数 and its detail stay as set: the checks hold
them to each other).
So with the duties: `duties` are those the department has as they stand (`queries.duty_count`: less the clauses the
notices since its 三定 moved out, cancelled or handed down, plus the work they moved in), `duties_stated` its 三定's
(a successor's: its own 三定's and, for the duties it carries, the replaced body's),
`duty_changes` each change, cited by the notice's clause. A department that only receives work or posts by notice
(`notices_only`: no 三定 or notice of its own) has a row of what they moved in, and no duties per post."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from statistics import median
from typing import Any

from graph.store import Row, Store
from ingest.numerals import CHINESE_NUMERAL, chinese_to_int
from ingest.staffing import post_mismatches
from queries import catalog
from queries.chain_names import with_chain_aliases
from queries.duty_count import duty_count
from queries.headcount import DatedChange, admin_row, headcount_checks, newest_tables, signed_count
from queries.labels import LEVEL_TITLES
from queries.lent_staffing import staffing_from
from queries.lookup import city_of, current_region, region_levels, region_successors, within
from queries.work_lines import work_lines

OUTLIER_Z = 3.5
MIN_COMPARED = 3
# A county bureau commonly does its city counterpart's work with fewer posts (1.3–2.2 times the duties per post in
# examples/): 2.5 times, or 1/2.5, is beyond that spread.
COUNTERPART_GAP = 2.5
# department_load's columns that serve the checks only (and the joins): not the answer's.
_INTERNAL = ("uid", "base", "counterparts", "facts_issued", "sanding_issued", "numbered_offices", "has_sanding",
             "carried")
# staff_moves' directions as the answer's: posts cut (核减) and handed down (下放) leave as moved ones do.
MOVED = {"in": "moved_in", "out": "moved_out", "cut": "cut", "devolved": "devolved"}


def staffing_load(store: Store, region: str | None = None) -> list[Row]:
    """Departments are compared with the others of their own region: a county bureau with a city one is
    no comparison (different levels staff differently); each is set beside its city counterpart instead."""
    # The region's whole city is read, so that a county's rows find their city counterparts: its city, not its
    # path's first name, which under a province is the province's every city. A province's region reads itself.
    top = (city_of(store, region) or region.split("/")[0]) if region else None
    changes = catalog.run(store, "staff_moves", {"region": top})
    moved, dated = moved_staff(changes), dated_changes(changes)
    figured = {change["department_uid"]: change["figure_on"] or "" for change in changes}
    # The people in post, by the newest 机构编制实名制统计表 of each department (queries.headcount).
    tables = newest_tables(catalog.run(store, "headcount", {"region": top}))
    changed = {row["uid"] for row in catalog.run(store, "notice_departments", {})}
    lent = staffing_from(store, region=top)
    # A successor carrying a replaced body's duties is read as the dated reading holds them too (duty_count).
    everywhere = [with_duty_figures(store, with_staff_figures(row, moved.get(row["uid"], [])),
                                    row["uid"] in changed or bool(row["carried"]))
                  for row in catalog.run(store, "department_load", {"region": top})]
    # A county renamed a district (撤县设区) is the district: its bureaus no 区 document renamed yet are the
    # district's peers, and listed under it, not a second county of the city (user test).
    successors = region_successors(store)
    everywhere = [{**row, "region": current_region(row["region"], successors)} for row in everywhere]
    asked = current_region(region, successors) if region else None
    rows = [row for row in everywhere if within(row["region"], asked)]
    by_uid = {row["uid"]: row for row in everywhere}
    peers = peer_groups(store, rows)
    groups: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        if (ratio := _own_per_post(row)) is not None:
            groups[peers.get(row["uid"], row["region"])].append(math.log(ratio))
    centres = {name: median(values) for name, values in groups.items()}
    spreads = {name: median(abs(v - centres[name]) for v in values) for name, values in groups.items()}
    out = []
    for row in rows:
        ratio = _own_per_post(row)
        group = peers.get(row["uid"], row["region"])
        too_few = len(groups.get(group, [])) < MIN_COMPARED
        mad = None if too_few else spreads.get(group)
        z = 0.6745 * (math.log(ratio) - centres[group]) / mad if ratio and mad else None
        counterparts = [by_uid[uid] for uid in sorted(row["counterparts"]) if uid in by_uid]
        theirs = _per_post(counterparts)
        gap = ratio / theirs if ratio and theirs else None
        # `notices_only` closes the row, as the answer's schema orders it.
        fields = with_actual({key: value for key, value in row.items() if key not in (*_INTERNAL, "notices_only")},
                              admin_row(tables.get(row["uid"], [])))
        out.append({**fields, "duties_per_post": round(ratio, 3) if ratio is not None else None,
                    "robust_z": round(z, 2) if z is not None else None,
                    "outlier": "understaffed" if z is not None and z > OUTLIER_Z
                    else "overstaffed" if z is not None and z < -OUTLIER_Z else "",
                    "too_few": too_few, "peers": peers.get(row["uid"], ""),
                    "counterpart": "、".join(other["department"] for other in counterparts),
                    "counterpart_duties_per_post": round(theirs, 3) if theirs is not None else None,
                    "counterpart_ratio": round(gap, 2) if gap is not None else None,
                    # Figures borrowed from the bodies a chain of renames replaced: which body and document.
                    "staffing_from": lent.get(row["uid"], ""),
                    "checks": _checks(row, gap) + headcount_checks(
                        row, tables.get(row["uid"], []), dated.get(row["uid"], []),
                        # The date of the document its figure is from: a notice's that moved nothing of its figure
                        # dates facts_issued too.
                        figured.get(row["uid"]) or row["facts_issued"] or row["sanding_issued"] or ""),
                    "notices_only": row["notices_only"]})
    return out


def peer_groups(store: Store, rows: Sequence[Row]) -> dict[str, str]:
    """In a reading over two cities or more, each department below a city (by uid) → the group it is scored in: its
    level's departments of its line of work in every county of those cities (`queries.work_lines`), named
    (县（区）级交通运输局). A county's own bureaus each do another line of work (its 交通运输局 beside its 教育局);
    across the cities' counties like is set beside like (石桥县's 交通运输局 beside 河西区's and 青山县's). One city's
    reading, and a city's own department, are scored among their region's departments: no entry."""
    levels = region_levels(store)
    # Each region once: city_of reads the graph's version at each call.
    cities = {city_of(store, region) for region in {row["region"] for row in rows}} - {None}
    if len(cities) < 2:
        return {}
    # The departments below a city, by level and place: a township's are no peers of a county's.
    below: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        level = levels.get(row["region"])
        # A department with no base name (none recorded) cannot be placed in a line: its region's, as before.
        if level not in (None, "national", "province", "city") and row["base"]:
            below[level][row["region"]].append(row)
    out: dict[str, str] = {}
    for level, places in below.items():
        found = work_lines({place: [row["base"] for row in held] for place, held in places.items()})
        for members in found.lines:
            name = f"{LEVEL_TITLES.get(level, level)}级{'或'.join(sorted({base for _place, base in members}))}"
            out |= {row["uid"]: name for place, base in members for row in places[place] if row["base"] == base}
    return out


def with_actual(row: Row, table: Row | None) -> Row:
    """A row with the people in post its newest 实名制统计表 counts (`staff_actual`, on `staff_actual_as_of`) after the
    posts' figures, as the answers' schemas order them; None where no table counts the department."""
    counted = {"staff_actual": table["actual"] if table else None,
               "staff_actual_as_of": table["as_of"] if table else None}
    out: Row = {}
    for key, value in row.items():
        out |= {key: value} | (counted if key == "staff_moves" else {})
    return out


def _after_figure(row: Row) -> bool:
    """A `staff_moves` row that changes the department's own figure: not of the document its figure is from, whose
    调整后 totals count it, nor of a notice of the figure's date or before, nor an undated notice's, which cannot be
    placed after it."""
    return bool(row["notice"] != row["figure_document"] and row["moved_on"] > (row["figure_on"] or ""))


def dated_changes(moves: Sequence[Row]) -> dict[str, list[DatedChange]]:
    """By department uid, the changes `moved_staff` gives, each signed and dated by its notice: what a 实名制统计表
    counted before or after (queries.headcount)."""
    dated: dict[str, list[DatedChange]] = defaultdict(list)
    for uid, rows in _changing(moves).items():
        for row, move in rows:
            dated[uid].append(DatedChange(row["moved_on"], _signed(move, "staff"), _signed(move, "leader_posts"),
                                          move["leader_rank"] or ""))
    return dated


def moved_staff(moves: Sequence[Row]) -> dict[str, list[Row]]:
    """By department uid, the posts the notices after its own figure moved in or out (`staff_moves` rows: see
    `_after_figure`)."""
    return {uid: [move for _row, move in rows] for uid, rows in _changing(moves).items()}


def _changing(moves: Sequence[Row]) -> dict[str, list[tuple[Row, Row]]]:
    """By department uid, each `staff_moves` row after its figure with the change it makes, in the notices' order."""
    moved: dict[str, list[tuple[Row, Row]]] = defaultdict(list)
    # In the notices' order, and each notice's items in its own (二、 before 三、, which text order would reverse).
    for row in sorted(moves, key=lambda row: (row["moved_on"], row["notice"], _item_number(row["source"]))):
        if _after_figure(row):
            # 0 posts of a kind is none moved (领导职数 moved alone): nothing to read in the cell.
            moved[row["department_uid"]].append((row, {
                "direction": MOVED[row["direction"]], "other": row["other"], "staff": row["staff"] or None,
                "leader_posts": row["leader_posts"] or None, "leader_rank": row["leader_rank"] or None,
                "source": row["source"]}))
    return moved


def with_staff_figures(row: Row, moves: Sequence[Row]) -> Row:
    """A department's row (its `staff_quota` the figure its 三定 or a notice's totals set) with its 行政编制 as the
    notices since that figure leave it (`staff_quota`; None where the graph holds no figure of it), followed by the
    figure as set (`staff_quota_stated`) and the moves (`staff_moves`)."""
    stated = row["staff_quota"]
    net = sum(_signed(move, "staff") for move in moves)
    leaders = [move for move in moves if move["leader_posts"]]
    figures = {"staff_quota": stated + net if stated is not None else None, "staff_quota_stated": stated,
               "staff_moves": list(moves)}
    # Beside the 领导职数 the 三定 set, as the answers' schemas order them.
    leader = {"leader_posts": row.get("leader_posts"),
              "leader_posts_moved": sum(_signed(move, "leader_posts") for move in leaders) if leaders else None,
              "leader_posts_moved_by_rank": _by_rank(leaders)}
    out: Row = {}
    for key, value in row.items():
        out |= figures if key == "staff_quota" else leader if key == "leader_posts" else {key: value}
    return out


def _by_rank(leaders: Sequence[Row]) -> list[str]:
    """The 领导职数 the notices moved, a rank each (`副处级 -2`, `正科级 +1`; `未写级别` where a notice gives none): a
    副处级 post moved in and a 正科级 one cut are no net 0. Ranks whose moves cancel out are left out."""
    net: dict[str, int] = defaultdict(int)
    for move in leaders:
        net[move["leader_rank"] or "未写级别"] += _signed(move, "leader_posts")
    return [f"{rank} {signed_count(count)}" for rank, count in sorted(net.items()) if count]


def departments_as_they_stand(store: Store, rows: list[Row], params: dict[str, Any]) -> list[Row]:
    """The `departments` query's finish: each department's 行政编制 as the 调整 notices since its own figure leave it
    (`staff_quota`, as staffing_load and the profile give it), with that figure as set (`staff_quota_stated`). The list,
    the API's departments and the ingest's total gave the 三定's 12 where the profile and the report gave 9 (user
    test: a new department head). Each with the names it is known by (`aliases`, queries.chain_names), as its
    profile gives them."""
    rows = with_chain_aliases(store, rows)
    changes = catalog.run(store, "staff_moves", {"region": params.get("region")})
    uid_of = {change["department"]: change["department_uid"] for change in changes}
    moved = moved_staff(changes)
    out: list[Row] = []
    for row in rows:
        stated, moves = row["staff_quota"], moved.get(uid_of.get(row["department"], ""), [])
        finished: Row = {}
        for column, cell in row.items():
            if column == "staff_quota":  # the figure as set follows the figure as it stands, as staffing_load's do
                finished["staff_quota"] = stated + sum(_signed(move, "staff") for move in moves) if stated is not None \
                    else None
                finished["staff_quota_stated"] = stated
            else:
                finished[column] = cell
        out.append(finished)
    return out


def _item_number(source: str) -> int:
    """The number of a notice's item (`doc:…#三、` → 3), 0 for a clause numbered otherwise (`line 4`)."""
    found = re.match(CHINESE_NUMERAL, source.partition("#")[2])
    return (chinese_to_int(found.group()) or 0) if found else 0


def _signed(move: Row, key: str) -> int:
    """The posts of kind `key` a change adds to the department (moved in) or takes from it (out, cut, devolved)."""
    count = move[key] or 0
    return count if move["direction"] == MOVED["in"] else -count


def with_duty_figures(store: Store, row: Row, changed: bool) -> Row:
    """A department's row with its duties as they stand (`duties`), beside its 三定's (`duties_stated`) and each change
    the notices made (`duty_changes`); `changed`: whether a notice moves work into or out of it (notice_departments),
    else its 三定's count (department_load's) stands."""
    count = duty_count(store, row["uid"]) if changed else None
    figures: Row = {"duties_stated": row["duties"] if row["has_sanding"] else None, "duty_changes": [],
                    "duties": row["duties"]}
    if count is not None:
        # duty_count reads the department's own documents: the duties a body a 机构改革 replaced leaves it (its work
        # now, as department_duties and the profile list them) are added, or a successor with no 三定 of its own
        # read as holding only the clause a notice moved in (1 duty over 13 posts, where it holds 4).
        # department_load's `carried` are those today's reading holds, less those a later notice moved out of it
        # (they count for the receiver), by body, as its checks name them (duty_count's `carried_counts`).
        # A successor's 三定所列 are what the 三定 it holds its work by state: its own, and the replaced body's for
        # what it carried in, before any notice of its own; so that the notices' changes take `duties_stated` to
        # `duties` (a successor with no 三定 of its own read None, one with its own only that).
        stated = (count.stated or 0) + sum(count.carried_held.values())
        figures = {"duties_stated": stated if row["has_sanding"] else None, "duty_changes": count.changes,
                   "duties": count.standing + sum(lender["duties"] for lender in row["carried"])}
    out: Row = {}
    for key, value in row.items():
        if key == "duties":  # the figures stand where the 三定's count stood
            out |= figures
        elif key not in figures:
            out[key] = value
    return out


def _own_per_post(row: Row) -> float | None:
    """The department's duties per post, None where the graph has no 三定 of it (known by a 调整 notice alone, whose
    few clauses moved in are not its work: 1 duty over 444 posts read as 0.002)."""
    return _per_post([row])


def _per_post(departments: list[Row]) -> float | None:
    """Duties per post of one department, or of several a county department mirrors together (their work over
    their posts); None where they have no duties or no quota in the graph, or no 三定."""
    departments = [row for row in departments if row["has_sanding"]]
    duties = sum(row["duties"] for row in departments)
    posts = sum(row["staff_quota"] or 0 for row in departments)
    return duties / posts if duties and posts else None


def _checks(row: Row, gap: float | None) -> list[str]:
    """What an 编办 checks the department's figures for, in Chinese: each a sentence a report can carry."""
    found = []
    # Only the numbered offices count against the number set: 机关党委 and 离退休干部科 stand outside it.
    if row["offices_stated"] is not None and row["numbered_offices"] > row["offices_stated"]:
        # A number a later 调整 notice set says so: the 三定 itself lists the offices it had then.
        later = (row["facts_issued"] or "") > (row["sanding_issued"] or "")
        by = f"（{row['facts_issued']}调整通知核定）" if later else ""
        found.append(f"列出内设机构{row['numbered_offices']}个，超出核定的{row['offices_stated']}个{by}")
    found += post_mismatches(row["leader_posts"], row["leader_posts_detail"], row["office_leader_posts_detail"])
    if row["carried"]:
        # The count a reader checks against the 三定 holds duties no document of the department states.
        found.append("职责数含" + "、".join(f"承继自{lender['department']}的职责{lender['duties']}项"
                                        for lender in sorted(row["carried"], key=lambda lender: lender["department"]))
                     + "（机构改革）")
    if gap is not None and (gap >= COUNTERPART_GAP or gap <= 1 / COUNTERPART_GAP):
        found.append(f"人均职责数为市级对口部门的{gap:.1f}倍")
    if row["notices_only"]:
        # No document of its own: what the notices moved in is all the graph knows of it.
        found.append(f"图中没有该部门的三定，本行仅据调整通知：划入职责{row['duties']}项、"
                     f"行政编制{sum(_signed(move, 'staff') for move in row['staff_moves'])}名，不计算人均职责数")
    elif row["staff_quota"] and not row["has_sanding"]:
        # Known by a 调整 notice alone: the clauses it moved in are not the department's work.
        found.append("图中没有该部门的三定（仅有调整通知），不计算人均职责数")
    elif row["staff_quota"] and not row["duties"]:
        # A copy cut before its 主要职责: 0 duties is no workload.
        found.append("图中没有该部门三定的主要职责，不计算人均职责数")
    return found


def too_few_groups(rows: list[Row]) -> list[str]:
    """The groups of staffing_load rows whose departments are too few to be compared: each region's, or, over several
    cities, the county bureaus' line of work (`peers`)."""
    return sorted({row["peers"] or row["region"] for row in rows if row["too_few"]})
