"""check_plan: a department's 年度工作目标 (`ingest.plan`) against its duties, as a 编办 reviews one (目标管理): which
duties each goal serves, goals still doing work the department no longer holds, goals beyond its duties, and duties
no goal serves.

The duties are those in force at the end of the plan's year (`queries.in_force`: its 三定 then, and the 调整 notices
in force by then; without a year, today's). A goal is concrete where a duty is broad, so it is matched as linking
matches an office's clause to the department duties it carries out (REFINES: `ingest.link.refinements`, the goal in
the office clause's place): a duty the goal's words sit inside, whose headline it spells out, or most of whose own
content it says; each match is scored by 相符程度 (`match_figure`), and one that only shares the duty's field is
dropped beside a square one (`SQUARE_FIGURE`). Work a 职能转变 or a notice took from the department is matched as
`duties_in_force` matches it (`queries.moved_out.Retirement.covers`). Nothing is written; the graph is as it was."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graph.store import Row, Store
from ingest.category import is_catch_all
from ingest.content import content_of, content_terms
from ingest.errors import IngestError
from ingest.link import LinkDuty, boilerplate_flags, own_content, refinements
from ingest.plan import Goal, Plan
from ingest.similarity import SimilarityModel, reference_model
from queries import catalog
from queries.draft_diff import SCORE_DIGITS
from queries.in_force import CURRENT, in_force
from queries.lookup import find_department, named_in
from queries.moved_out import PARTLY, RETIRED_STATUSES, Retirement
from queries.sources import source_document

# The tables of the answer, in the order people read them (api.tabular.TABLE_TITLES titles them).
SECTIONS = ("summary", "served", "retired", "outside", "unplanned")
# A goal that serves no duty of the department is named another department's work from this REFINES score up (the
# goal's words inside that department's duty): below it a goal shares a word or two with many departments' duties.
OTHER_DEPARTMENT_SCORE = 0.6
# 相符程度 (`match_figure`) is the mean of the goal's share in the duty and the duty's share in the goal: a goal every
# word of which a duty holds is at SQUARE_FIGURE or above however broad the duty, so below it the goal says more
# beside the duty than in it and little of the duty (落实最严格水资源管理制度 of 地下水资源管理: the field, not the
# work). Such a match is dropped where the goal squarely serves another duty.
SQUARE_FIGURE = 0.5
MAX_OTHER_DEPARTMENTS = 3  # the best-scoring other departments named for one goal
# Findings (queries.labels.PLAN_FINDING_LABELS says them in Chinese).
SERVED, RETIRED, OTHER_DEPARTMENT, UNMATCHED, PERIODIC, NOT_PLANNED = (
    "served", "retired", "other_department", "unmatched", "periodic", "not_planned")
# Work that is done once in several years (中长期规划、政策、标准、办法的制定): a duty whose headline is drafting one is
# 阶段性, and a year's plan without it is no neglect.
_PERIODIC = re.compile(r"(?:拟订|拟定|制定|制订|起草|编制|研究提出)[^。；;]{0,30}?"
                       r"(?:规划|政策|标准|办法|法规|规章|草案|制度|区划)")
# A goal lists its tasks apart with a comma where a duty's sentence would join them (开展…专项整治，组织实施…许可):
# linking's own reading splits at 和、及 and sentences only.
_TASK_BREAK = re.compile(r"[，,；;。]")
# Two tasks one goal joins (完成河道清淤和防汛物资储备): each side names two terms or more (水资源保护和利用 is
# one task). 相符程度 is read on each as on the whole goal, since the other task's words are no shortfall of this
# duty's match; a comma's phrase is not (落实最严格水资源管理制度 says a field: its words sit inside every water
# duty). 及时, 和谐 join nothing.
_TASK_JOIN = re.compile(r"以及|和(?![谐平])|及(?!时)|并(?!且)")
_HELD = frozenset({CURRENT, *PARTLY.values()})
_DEPARTMENT = "本部门"  # a duty of the department itself, where an office's would name the office
# Where a goal names a department (配合市交通局…, 责任单位：交通局): the end of a department's name. The name is the
# shortest span of Chinese characters before it that names one of the region's departments (交通局 of 配合市交通局),
# from NAME_SPAN[0] characters (财政局) to NAME_SPAN[1].
_DEPARTMENT_END = re.compile(r"委员会|办公室|局|委")
_NAME_SPAN = (3, 14)
_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")


@dataclass(frozen=True)
class _Clause:
    """A duty in force of the department or of one of its offices, as the goals are matched with it."""

    uid: str
    row: Row  # the in_force row: office, ordinal, text, carried_by, source, status, change, counterpart, change_source
    terms: tuple[str, ...]
    boilerplate: bool
    refines: tuple[str, ...]  # an office duty's: the department duties it carries out


def plan_department(store: Store, plan: Plan, department: str | None = None) -> Row:
    """The department whose plan it is: the one named (a name, alias or short name), else the one the plan's title
    names. An unknown department is an UnknownDepartment; a title naming none (and none named) an IngestError."""
    if department and department.strip():
        return find_department(store, department.strip())
    if not plan.department:
        raise IngestError(plan.path, "a title naming the department (示例市水务局2025年度工作目标), or name it "
                          "(--department)", line=plan.title_line or None, detail=f"the title is {plan.title!r}",
                          zh=f"标题“{plan.title}”没有写明部门：请指定部门（--department）")
    return find_department(store, plan.department)


def check_plan(store: Store, plan: Plan, department: Row, *, file: str, year: int | None = None) -> dict[str, Any]:
    """`department`: a `find_department` row; `year`: the plan's (default: the one its title names). The answer's
    tables (SECTIONS), what was checked (`plan`) and `notes`, each `English; 中文`."""
    year = year or plan.year
    date = f"{year}-12-31" if year else "9999-12-31"
    found = in_force(store, department["uid"], date)
    # The documents in force's own statements, read once: the clauses' terms and the work they retire.
    stated = catalog.run(store, "stated_duties", {"department": department["uid"], "documents": sorted(
        {row["document"] for row in [*found.sandings, *found.amendments]})})
    clauses = _clauses(stated, found.duties)
    base = department.get("base_name") or department["name"]
    goal_uid = {goal: f"goal:{index}" for index, goal in enumerate(plan.goals)}
    readings = {goal: read_goal(store, goal, department["region"] or "") for goal in plan.goals}
    said = {goal: reading.work for goal, reading in readings.items()}
    matches = _matched(plan.goals, goal_uid, said, clauses, department["uid"], base)
    retired = _retired_rows(store, plan.goals, said, clauses, matches, department["uid"], found.sandings,
                            found.amendments, stated)
    # A goal doing work taken from the department serves none of its duties: what it shares with one in force is the
    # field the work lay in (水利工程建设 of 水利工程建设监理单位资质初审).
    doing_retired = {row["line"] for row in retired}
    matches = {goal: {} if goal.line in doing_retired else found for goal, found in matches.items()}
    served = _served_rows(store, plan.goals, clauses, matches, department)
    unserved = [goal for goal in plan.goals if goal.line not in doing_retired
                and not any(clauses[uid].row["status"] in _HELD for uid in matches[goal])]
    outside = _outside_rows(store, unserved, said, department, clauses,
                            {goal: readings[goal].named for goal in unserved})
    unplanned = _unplanned_rows(clauses, {uid for uids in matches.values() for uid in uids})
    notes = [] if found.duties else [f"no duties of {found.department} in force on {date}: every goal reads as beyond "
                                     f"them; 图中没有{found.department}在{date}施行的职责：各项目标均列为未能对应职责"]
    answer = {
        "plan": {"file": file, "title": plan.title, "department": found.department, "region": department["region"],
                 "year": year, "in_force_on": date if year else "", "goals": len(plan.goals)},
        "notes": notes, "summary": [], "served": served, "retired": retired, "outside": outside, "unplanned": unplanned}
    answer["summary"] = _summary(plan.goals, answer)
    return answer


def _clauses(stated_rows: list[Row], rows: list[Row]) -> dict[str, _Clause]:
    """The duties in force (`in_force` rows) by uid, with their content terms, boilerplate flag and the department
    duties an office duty carries out, as the documents in force state them (`stated_rows`: `stated_duties`)."""
    stated = {(row["source"], row["text"]): row for row in stated_rows}
    clauses = {}
    for row in rows:
        facts = stated.get((row["source"], row["text"]), {})
        key = facts.get("uid") or f"{row['source']}|{row['text']}"
        clauses[key] = _Clause(key, row, tuple(content_of(facts.get("content"), row["text"])),
                               bool(facts.get("boilerplate")) or is_catch_all(row["text"]),
                               tuple(facts.get("refines") or ()))
    return clauses


def _as_goal(uid: str, said: str, department: str, holder: str) -> list[LinkDuty]:
    """A goal's work (`said`: its text without the departments it names) as linking reads an office clause of
    `department` (its REFINES parents are chosen among the duties): whole, each of its tasks apart (`_TASK_BREAK`)
    that names two terms or more, and the tasks it joins (`_tasks`), as `<uid>#<n>`."""
    pieces = [said, *(piece for piece in _TASK_BREAK.split(said) if len(set(content_terms(piece))) >= 2),
              *_tasks(said)]
    return [LinkDuty(f"{uid}#{n}", piece, department, "plan", "", False, content_terms(piece), holder)
            for n, piece in enumerate(dict.fromkeys(pieces))]


def _tasks(said: str) -> list[str]:
    """The two tasks or more a goal joins (`_TASK_JOIN`), none when a side names fewer than two terms."""
    sides = [side for side in _TASK_JOIN.split(said)]
    return sides if len(sides) > 1 and all(len(set(content_terms(side))) >= 2 for side in sides) else []


def _goal_of(uid: str) -> str:
    return uid.rpartition("#")[0]


def _matched(goals: list[Goal], goal_uid: dict[Goal, str], said: dict[Goal, str], clauses: dict[str, _Clause],
             department: str, holder: str) -> dict[Goal, dict[str, float]]:
    """Each goal's duties in force (the department's and its offices', held or retired), by uid with the score: the
    best 相符程度 of the goal's readings (whole, or a task of it) that carry the duty."""
    # Every clause is a candidate parent (an office's duty is as concrete as a goal); the closing catch-all is none.
    parents = [LinkDuty(uid, clause.row["text"], department, None, "", False, list(clause.terms), holder)
               for uid, clause in clauses.items() if clause.terms and not is_catch_all(clause.row["text"])]
    goals_as = [piece for goal in goals for piece in _as_goal(goal_uid[goal], said[goal], department, holder)]
    model = reference_model()
    found: dict[str, set[str]] = defaultdict(set)
    for piece, parent, _score in refinements([*parents, *goals_as], {d.uid for d in goals_as}):
        found[_goal_of(piece)].add(parent)
    by_uid = {parent.uid: parent for parent in parents}
    matches = {}
    for goal in goals:
        figures = {uid: goal_figure(model, said[goal], by_uid[uid]) for uid in found.get(goal_uid[goal], ())}
        square = any(figure >= SQUARE_FIGURE for figure in figures.values())
        matches[goal] = {uid: figure for uid, figure in figures.items() if figure >= SQUARE_FIGURE or not square}
    return matches


def match_figure(model: SimilarityModel, said: str, duty: LinkDuty) -> float:
    """相符程度 of a goal's work (`said`: the goal, or one task it joins) and a duty, 0–1: the mean of its weighted
    words the duty holds and the duty's own weighted words (without its department's line of work:
    `ingest.link.own_content`) it says. The REFINES score it is matched by saturates at 1.0 whenever a task of the
    goal sits inside the duty; this tells a goal that says the duty's work (1.0: the two say the same) from one that
    shares its field."""
    goal_terms = content_terms(said)
    inside = model.weighted(goal_terms).share_in(frozenset(duty.terms))
    said = own_content(duty, model).share_in(frozenset(goal_terms))
    return (inside + said) / 2


def goal_figure(model: SimilarityModel, said: str, duty: LinkDuty) -> float:
    """相符程度 of a goal's work and a duty: the best of the whole goal's and of each task it joins (`_tasks`)."""
    return max(match_figure(model, reading, duty) for reading in [said, *_tasks(said)])


def _score(score: float) -> float:
    return round(score, SCORE_DIGITS)


@dataclass(frozen=True)
class GoalReading:
    """What a goal says of its work, and whom it names: each department name read once (`_mentions`)."""

    work: str  # its text without the departments it names, which say who, not what (水利 of 做好水利局机关干部培训)
    named: dict[str, str]  # the departments it names in its 责任处室 (责任单位) or its words: uid → full name


def read_goal(store: Store, goal: Goal, region: str) -> GoalReading:
    """Each name read as a document of `region` writes it (`queries.lookup.named_in`: 市水利局 is the city's 水务局);
    交通 of 配合市交通局… is the other department's name, no work of the goal's."""
    in_text = _mentions(store, goal.text, region)
    work = goal.text
    for (start, end), _uid, _name in reversed(in_text):
        work = f"{work[:start]} {work[end:]}"
    return GoalReading(work, {**departments_in(store, goal.office, region),
                              **{uid: name for _span, uid, name in in_text}})


def departments_in(store: Store, text: str, region: str) -> dict[str, str]:
    return {uid: name for _span, uid, name in _mentions(store, text, region)}


def _mentions(store: Store, text: str, region: str) -> list[tuple[tuple[int, int], str, str]]:
    """Each department `text` names, read in `region`: ((start, end) of the name, uid, full name), in text order.
    A name is the shortest span of Chinese characters before a department's name ending that names one."""
    found: list[tuple[tuple[int, int], str, str]] = []
    if not region:
        return found
    for end in _DEPARTMENT_END.finditer(text):
        for start in range(end.end() - _NAME_SPAN[0], max(end.end() - _NAME_SPAN[1], 0) - 1, -1):
            span = text[start:end.end()]
            if not _HAN_ONLY.match(span):
                break
            named = named_in(store, span, region)
            if named is not None:
                found.append(((start, end.end()), *named))
                break
    return found


def _served_rows(store: Store, goals: list[Goal], clauses: dict[str, _Clause], matches: dict[Goal, dict[str, float]],
                 department: Row) -> list[Row]:
    """A row per goal and held duty it serves, with a note where the goal's 责任处室 does not carry that work."""
    offices = _offices(store, department["uid"])
    rows = []
    for goal in goals:
        held = [(uid, score) for uid, score in matches[goal].items() if clauses[uid].row["status"] in _HELD]
        carriers = {office for uid, _score in held for office in _carriers(clauses[uid])}
        note = _office_note(store, goal, department, offices, carriers) if held else ""
        for uid, score in held:
            row = clauses[uid].row
            rows.append({"line": goal.line, "goal": goal.text, "office": goal.office,
                         "duty_holder": row["office"] or _DEPARTMENT, "ordinal": row["ordinal"], "duty": row["text"],
                         "score": _score(score), "carried_by": _carriers(clauses[uid]), "office_note": note,
                         "source": row["source"]})
    rows.sort(key=lambda row: (row["line"], -row["score"], row["source"], row["duty"]))
    return rows


def _carriers(clause: _Clause) -> list[str]:
    """The offices that carry out a duty: an office's own, a department duty's REFINES offices."""
    return [clause.row["office"]] if clause.row["office"] else sorted(clause.row.get("carried_by") or [])


def _offices(store: Store, department: str) -> dict[str, str]:
    """Each name of the department's offices (its first name, a bracketed other name, the full name) to its name."""
    names = {}
    for row in catalog.run(store, "department_offices", {"department": department}):
        for name in (row["name"], row["office"], *(row["aliases"] or [])):
            if name:
                names[name] = row["name"]
    return names


def _office_note(store: Store, goal: Goal, department: Row, offices: dict[str, str], carriers: set[str]) -> str:
    """What is amiss with a goal's 责任处室: none of the department's offices (another department, named in full),
    or one that carries none of the duties the goal serves (where they are handed down to offices at all)."""
    given = goal.office
    if not given or not offices:
        return ""
    named = {offices[name] for name in offices if name == given or name in given.split("、")}
    if not named:
        others = departments_in(store, given, department["region"] or "")
        if department["uid"] in others:
            return ""  # the department itself (市水务局): its leadership answers for the goal
        if others:
            return f"责任处室“{given}”是{'、'.join(sorted(others.values()))}，不是本部门的内设机构"
        return f"责任处室“{given}”不是本部门三定所设的内设机构"
    if carriers and not named & carriers:
        return f"责任处室“{given}”未承担所对应的职责（三定由{'、'.join(sorted(carriers))}承担）"
    return ""


def _retired_rows(store: Store, goals: list[Goal], said: dict[Goal, str], clauses: dict[str, _Clause],
                  matches: dict[Goal, dict[str, float]], department: str, sandings: list[Row], amendments: list[Row],
                  stated: list[Row]) -> list[Row]:
    """Goals doing work the department no longer holds: a clause a notice moved out, cancelled or handed down whole,
    or work a 职能转变 or a notice retired as it words it."""
    rows = []
    for goal in goals:
        for uid in matches[goal]:
            row = clauses[uid].row
            if row["status"] in RETIRED_STATUSES:
                rows.append(_retired_row(goal, row["status"], row["change"] or row["text"], row["counterpart"],
                                         row["change_source"] or row["source"]))
    model = reference_model()
    for retirement in _retirements(store, department, sandings, amendments, stated):
        for goal in goals:
            status = retirement.covers(model, said[goal], content_terms(said[goal]))
            if status is not None:
                rows.append(_retired_row(goal, status, retirement.text, retirement.counterpart, retirement.source))
    unique = {(row["line"], row["work"], row["source"]): row for row in rows}
    return sorted(unique.values(), key=lambda row: (row["line"], row["source"], row["work"]))


def _retired_row(goal: Goal, status: str, work: str, counterpart: str, source: str) -> Row:
    return {"line": goal.line, "goal": goal.text, "office": goal.office, "status": status, "work": work,
            "counterpart": counterpart, "source": source}


def _retirements(store: Store, department: str, sandings: list[Row], amendments: list[Row], stated: list[Row]
                 ) -> list[Retirement]:
    """The work the documents in force take from the department (a 三定's 职能转变, a notice's clauses), as stated."""
    documents = {row["document"]: row["in_force_from"] for row in [*sandings, *amendments]}
    transfers = {(row["source"], row["what"]): row["other"]
                 for row in catalog.run(store, "department_transfers", {"department": department})
                 if row["direction"] == "out"}
    return [Retirement(row["status"], row["text"], row["source"], documents[source_document(row["source"])],
                       transfers.get((row["source"], row["text"])) or row["devolved_to"] or "")
            for row in stated if row["status"] in RETIRED_STATUSES]


def _outside_rows(store: Store, goals: list[Goal], said: dict[Goal, str], department: Row,
                  clauses: dict[str, _Clause], named: dict[Goal, dict[str, str]]) -> list[Row]:
    """The goals serving no duty of the department: those another department of its region holds the work of
    (可能属于他部门职责, its best few; a department the goal names, as 责任单位 or in its words, first), and those no
    duty reads like (未能对应职责)."""
    others = catalog.run(store, "region_duties", {"region": department["region"], "without": department["uid"]})
    by_uid = {row["uid"]: row for row in others}
    duties = [LinkDuty(row["uid"], row["text"], row["department_uid"], None, department["region"], False,
                    content_of(row["content"], row["text"]), row["base_name"]) for row in others]
    # Work every department has (机关党建) is no one's in particular: it names no other department.
    own = [LinkDuty(uid, clause.row["text"], department["uid"], None, department["region"], False, list(clause.terms),
                 "") for uid, clause in clauses.items()]
    flags = boilerplate_flags([*duties, *own])
    parents = [duty for duty in duties if not flags[duty.uid] and duty.terms]
    holders = {duty.department for duty in parents}
    goal_uid = {f"goal:{index}|{holder}": goal for index, goal in enumerate(goals) for holder in sorted(holders)}
    names = {row["department_uid"]: row for row in others}
    copies = [piece for uid, goal in goal_uid.items()
              for piece in _as_goal(uid, said[goal], uid.rpartition("|")[2],
                                    names[uid.rpartition("|")[2]]["base_name"])]
    model = reference_model()
    by_parent = {duty.uid: duty for duty in parents}
    # Each goal's best duty of each other department, by 相符程度 among those its words sit inside.
    best: dict[tuple[Goal, str], tuple[float, str]] = {}
    for piece, parent, score in refinements([*parents, *copies], {d.uid for d in copies}):
        copy = _goal_of(piece)
        key = (goal_uid[copy], copy.rpartition("|")[2])
        if score < OTHER_DEPARTMENT_SCORE:
            continue
        figure = goal_figure(model, said[goal_uid[copy]], by_parent[parent])
        if (figure, parent) > best.get(key, (0.0, "")):
            best[key] = (figure, parent)
    # A department the goal names is its nearest duty's, whatever its words share (or none: it may hold no 三定).
    for goal, departments in named.items():
        for uid in departments:
            nearest = max(((goal_figure(model, said[goal], duty), duty.uid) for duty in parents
                           if duty.department == uid), default=(0.0, ""))
            best[(goal, uid)] = nearest if nearest[0] > 0 else (0.0, uid)
    rows = []
    for goal in goals:
        # The departments the goal names first, then by 相符程度; a named one without a duty is its uid alone.
        found = sorted(((holder not in named.get(goal, {}), -score, by_uid[parent]["department"] if parent in by_uid
                         else named[goal][holder], parent) for (of, holder), (score, parent) in best.items()
                        if of == goal and holder != department["uid"]))[:MAX_OTHER_DEPARTMENTS]
        for _not_named, score, other, parent in found:
            duty = by_uid.get(parent, {"text": "", "source": ""})
            rows.append({"line": goal.line, "goal": goal.text, "office": goal.office, "finding": OTHER_DEPARTMENT,
                         "other_department": other, "other_text": duty["text"],
                         "score": _score(-score) if duty["text"] else None, "other_source": duty["source"]})
        if not found:
            rows.append({"line": goal.line, "goal": goal.text, "office": goal.office, "finding": UNMATCHED,
                         "other_department": "", "other_text": "", "score": None, "other_source": ""})
    rows.sort(key=lambda row: row["line"])  # stable: each goal's rows stay as ranked
    return rows


def _unplanned_rows(clauses: dict[str, _Clause], matched: set[str]) -> list[Row]:
    """The department's duties in force that no goal serves, nor any goal through an office duty carrying them out;
    boilerplate and the closing catch-all are left out, drafting work (规划、政策、标准) is marked 阶段性."""
    served = matched | {parent for uid in matched for parent in clauses[uid].refines}
    rows = []
    for uid, clause in clauses.items():
        row = clause.row
        if row["office"] or row["status"] not in _HELD or clause.boilerplate or not clause.terms or uid in served:
            continue
        rows.append({"ordinal": row["ordinal"], "duty": row["text"], "carried_by": list(row.get("carried_by") or []),
                     "finding": PERIODIC if is_periodic(row["text"]) else NOT_PLANNED, "source": row["source"]})
    rows.sort(key=lambda row: (row["ordinal"] is None, row["ordinal"] or 0, row["source"], row["duty"]))
    return rows


def is_periodic(text: str) -> bool:
    """Whether a duty's headline (its first sentence) is drafting a plan, a policy, a standard or a rule."""
    return bool(_PERIODIC.search(re.split(r"[。；;]", text, maxsplit=1)[0]))


# The summary's rows: a finding kind, the table it is in, and what its count counts.
_SUMMARY = (("goals", "", "年度工作目标"), (SERVED, "served", "对应本部门职责的目标"),
            (RETIRED, "retired", "仍在承担已划出、取消或下放职能的目标"),
            (OTHER_DEPARTMENT, "outside", "超出职能范围、可能属于他部门职责的目标"),
            (UNMATCHED, "outside", "未能对应职责的目标（需人工判断）"),
            (NOT_PLANNED, "unplanned", "未纳入年度计划的职责"),
            (PERIODIC, "unplanned", "未纳入年度计划的阶段性职责（规划、政策、标准等的制定）"))


def _summary(goals: Iterable[Goal], answer: dict[str, Any]) -> list[Row]:
    """A row per finding kind: goals counted once each, duties once each."""
    counts = {"goals": len(list(goals)), SERVED: len({row["line"] for row in answer["served"]}),
              RETIRED: len({row["line"] for row in answer["retired"]})}
    for kind in (OTHER_DEPARTMENT, UNMATCHED):
        counts[kind] = len({row["line"] for row in answer["outside"] if row["finding"] == kind})
    for kind in (NOT_PLANNED, PERIODIC):
        counts[kind] = sum(row["finding"] == kind for row in answer["unplanned"])
    return [{"kind": kind, "meaning": meaning, "count": counts[kind], "table": table}
            for kind, table, meaning in _SUMMARY]
