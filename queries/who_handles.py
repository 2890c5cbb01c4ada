"""who_handles: free text (a 12345 complaint, a matter name) to ranked departments with the duties that
justify them, `tie` when the first two are too close to call, and `weak` when a department rests on too little
to be sent the case unchecked, and `holds_no_duties` when the department is known only as a party of a clause or
list (no 三定, list or item of its own in the graph), as a dispatcher needs to know. An answer is weak, too, when the
text's decisive word (its rarest matter word in the graph: 油烟 in 烧烤店油烟) is said by no evidence of the region
searched: whoever comes first rests on the other words. Each department's evidence gives first the pieces that say
the text's words as it wrote them (电梯, where the index reads 电梯 and 锅炉 alike as 特种设备).

A 职责分工 clause or boundary list that names the lead of a matter, and who assists on it, settles their order when
the text is about that matter: the lead ranks above each department assisting on it whose evidence says nothing of
the text beyond the matter, whatever the scores; that department is marked `assisting` (配合), with the matter
first among its evidence, and is in no tie. Documents that leave the lead unsettled (no lead named, or different
leads named: `queries.lead_claims`) settle nothing: each party to such a matter the text is about is a tie, cites its
own piece on it, and says so (`lead_dispute`). A township a 属地 list makes 主体责任 for a matter is a candidate of its
county (kind `territorial_lead`), after the county's first department unless the text names it.

A department's score is its best piece of evidence plus half its second best (so one strong duty wins
over many weak ones, but corroboration counts, and a text it holds twice is one piece); the scores are BM25
over jieba content terms."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np

from graph.store import Row, Store
from ingest.content import content_of, content_terms
from ingest.terms import index_terms, synonyms
from queries import catalog
from queries.approvals import approval_only, held_only, seeks_approval
from queries.cache import cached
from queries.handling_rows import before_evidence
from queries.lead_claims import Dispute, disputes, without_sanding
from queries.lookup import current_region, region_levels, region_successors
from queries.overlap_rows import with_overlap_cluster
from queries.province_places import is_province, named_place, province_ranked
from queries.search import BM25Index, Evidence, Hits, as_read, concepts, matter_words, read_parts, written_terms
from queries.sector_safety import (
    about_safety,
    basis_fields,
    committee_sectors,
    held_sectors,
    safety_sectors,
    sector_basis,
    sector_rules,
)
from queries.split_route import (
    SPLIT_DEPTH,
    city_holders,
    city_noted,
    counties_first,
    holder_row,
    split_first,
    split_holder,
)
from queries.township_given import depth, with_devolution

TIE_MARGIN = 0.1  # the runner-up within 10% of the leader: too close to call
# A department scoring under this rests on a word or two, often common ones (我要投诉 → 旅游投诉). A department
# that no word of the text reaches, only the nearest words of one no evidence uses (`queries.neighbours`), is
# weak too, whatever its score (今天天气不错 reaches 农业防灾减灾 through 天气 → 春寒). Of the first answers to the
# 446 labelled complaints (README), 3 of the 9 under 8 are wrong and 8 of the 12 reached only through
# neighbours, against 39 of the 424 others (one in eleven): a dispatcher checks those rather than sending them on.
# What must reach it is the department's ground: its score without the half of a second piece that meets no word the
# text says that the best one does not: the same words matched again are no more ground (a 打桩 noise
# complaint met the matter 餐饮油烟污染防治 at 7.6 on 污染 and 防治, then the 油烟 duty on them again: 9.97). Of the
# first answers to the 445 labelled complaints this flags 11 more, 3 of them wrong (against one in nine overall); of
# the runners-up, 37 more, all wrong. (Judging COVERAGE_SHARE on the ground too flags some 40 more first answers,
# four in five of them right: it stays on the score.)
WEAK_SCORE = 8.0
# A department whose score is under this share of what evidence saying the whole text would score (`BM25Index.
# full_match`) matches on a word or two of a long text: 烧烤店油烟 met 环境污染事件调查 at 0.21, 炸串很不卫生 met
# 环境卫生管理 at 0.16, both unflagged. Of the first answers to the 445 labelled complaints, 12 of the 31 under it
# are wrong (6 of the 18 it flags that the rules above do not), against one in nine overall. Orphan suggestions
# (`queries.orphans`) must reach it too.
COVERAGE_SHARE = 0.25
EVIDENCE_PER_DEPARTMENT = 3
# The shown evidence is chosen among a department's best-scoring pieces, this many: one further down is not what
# made it the answer, and reading each piece's words as written costs a segmentation.
EVIDENCE_POOL = 30
MAX_CANDIDATES = 20  # the most departments a caller may ask to be ranked (the API and the CLI alike)
MATTER_KINDS = ("matter_lead", "territorial_lead", "matter_assist")  # the evidence that names a shared matter
SANDING_KINDS = frozenset({"duty", "office_duty"})  # the evidence a 三定 states: a department's duty, or an office's


def evidence_index(store: Store) -> BM25Index:
    return cached(store, ("evidence_index",), lambda: _build_index(store), whole_graph=True)


def _build_index(store: Store) -> BM25Index:
    assists = catalog.run(store, "matter_assists")
    unsettled = disputes(store)
    # A matter no document names a lead for has its assisting departments for all its parties: they are searched,
    # so that a text naming it reaches them, each with the matter as its evidence (the answer says no one leads it).
    unled = [dict(row) for row in assists if row["key"] in unsettled and unsettled[row["key"]].reason == "no_lead"]
    # The clauses as written (the duty term model, the overlaps and undecomposed_duties read them so): the named
    # query's finish keeps only the carried ones today's reading holds, and that reading needs the term model built
    # on this index; who_handles' ranking reads today's duties through `queries.notice_evidence`.
    written = catalog.run(store, "evidence", finished=False)
    return BM25Index(_pieces(written + unled), assists=_pieces(assists), disputes=unsettled,
                     successors=region_successors(store))


def _pieces(rows: list[Row]) -> list[Evidence]:
    rows.sort(key=lambda row: (row["kind"], row["key"], row["department_uid"]))
    fields = [name for name in Evidence.__dataclass_fields__ if name not in ("content", "carried_by")]
    return [Evidence(**{key: row[key] or "" for key in fields},
                     content=tuple(content_of(row["content"], row["text"] or "")),
                     carried_by=tuple(sorted(row.get("carried_by") or ()))) for row in rows]


def rank_departments(index: BM25Index, text: str, *, region: str | None = None, limit: int = 5,
                     ignore: frozenset[str] = frozenset(), below: bool = False) -> list[Row]:
    """`ignore`: terms of the text that say nothing of whose work it is (a catalogue's template words). `below`:
    the departments of the regions under `region`, not its own (`BM25Index.hits_for`, which reads a county a
    撤县设区 made a district as the district, with the county's departments no notice renamed)."""
    said = {term: weight for term, weight in index.said_terms(text).items() if term not in ignore}
    weights = index.with_neighbours(said, quiet=read_parts(text))
    answering, found, scores = index.hits_for(weights, region, below=below)
    columns = _columns(answering)
    # 审管分离: a complaint about an approval sought is not answered by the supervision of those holding one, nor a
    # complaint about conduct (after a licence, or without one) by approval work alone.
    unfit = columns.held_only if seeks_approval(text) else columns.approval_only
    answering, found, scores = _fit(Hits(answering, found, scores), unfit)
    if not found.size:
        return []
    # The departments the text's own words (and the dictionaries' readings of them) reach, when neighbours add more.
    enough = COVERAGE_SHARE * index.full_match_of(weights)
    own = (Hits(answering, found, scores) if len(weights) == len(said)
           else _fit(index.hits_for(said, region, below=below), unfit))
    reached = None if own.positions is found else frozenset(columns.department[own.positions].tolist())
    # Every hit ordered by department, then best first (ties by key), in numpy: a common word reaches tens of
    # thousands of duties of a province, and only each department's first few count.
    order = np.lexsort((columns.key_rank[found], -scores, columns.department[found]))
    found, scores = found[order], scores[order]
    # The same text twice (a matter led in two documents) is one piece of evidence, not corroboration.
    pairs = columns.department[found] * columns.text_count + columns.text[found]
    first = np.sort(np.unique(pairs, return_index=True)[1])
    found, scores = found[first], scores[first]
    departments = columns.department[found]
    starts = np.flatnonzero(np.r_[True, departments[1:] != departments[:-1]])
    counts = np.diff(np.r_[starts, found.size])
    seconds = np.where(counts > 1, scores[np.minimum(starts + 1, found.size - 1)], 0.0)
    totals = scores[starts] + 0.5 * seconds
    ranking = np.lexsort((departments[starts], columns.name_rank[found[starts]], -totals))
    evidence = answering.evidence
    grouped = departments[starts]
    clauses = _clauses(answering, columns, own, enough, said, unfit)
    variants = _folded_words(text)
    decisive = _decisive(index, text, ignore)
    if decisive and _meets(decisive, [answering.evidence[position] for position in found.tolist()]):
        decisive = frozenset()  # some department here says it: whether the first does is for the scores to weigh
    groups = _behind_a_department(_lift_leads(ranking.tolist(), grouped, clauses) if clauses.above
                                  else ranking.tolist(), grouped,
                                  {number for number, name in columns.townships.items() if name not in text})[:limit]
    rows: list[Row] = []
    for position, group in enumerate(groups):
        start, count = int(starts[group]), int(counts[group])
        department = int(departments[start])
        pool = [(float(scores[hit]), evidence[found[hit]]) for hit in range(start, start + min(count, EVIDENCE_POOL))]
        best = _most_relevant(index, pool, variants)
        ground = (float(totals[group]) if count > 1 and _adds_words(evidence[found[start]],
                                                                      evidence[found[start + 1]], said)
                  else float(scores[start]))
        assisting = clauses.assists.get(department)
        if assisting is not None:
            # The matter it assists on is why it stands below the lead, whatever its own duties score.
            best = [assisting, *best[:EVIDENCE_PER_DEPARTMENT - 1]]
        disputed = clauses.disputed.get(department)
        if disputed is not None and all(piece[1] is not disputed[1][1] for piece in best):
            # Its own piece on the matter whose lead is unsettled is cited, beside the sources the row's
            # `lead_dispute` names.
            best = [*best[:EVIDENCE_PER_DEPARTMENT - 1], disputed[1]]
        rows.append({
            "rank": position + 1, "department": best[0][1].department, "region": best[0][1].department_region,
            "office": _office([evidence[hit] for hit in found[start:start + count].tolist()]),
            "score": round(float(totals[group]), 3), "tie": False,
            "weak": ground < WEAK_SCORE or bool(totals[group] < enough) or (
                reached is not None and department not in reached) or not _meets(
                    decisive, [evidence[position] for position in found[start:start + count].tolist()]),
            "holds_no_duties": not bool(columns.holds_duties[found[start]]),
            "assisting": assisting is not None,
            "lead_dispute": disputed[0].as_row() if disputed else None,
            "evidence": [_evidence(s, item) for s, item in best],
        })
    _mark_ties(rows, [int(grouped[group]) for group in groups], clauses)
    return rows


@dataclass(frozen=True)
class _Clauses:
    """What the 职责分工 clauses and boundary lists say of the matters a text is about."""

    above: dict[int, set[int]]  # department number → the leads that must rank above it
    assists: dict[int, tuple[float, Evidence]]  # department number → the best matter it assists on, and its score
    # Department number → the matter the text is about whose lead the documents leave unsettled and that it is a
    # party to (`queries.lead_claims`), with its own piece on the matter, and the score of that piece.
    disputed: dict[int, tuple[Dispute, tuple[float, Evidence]]]


def _clauses(answering: BM25Index, columns: _Columns, own: Hits, enough: float, said: dict[str, float],
             unfit: np.ndarray) -> _Clauses:
    """The leads that must rank above the departments assisting on a matter the text is about. The text is about
    it when its own words (not the neighbours of a word no evidence uses) meet the matter's name as firmly as
    who_handles sends a case on (WEAK_SCORE, COVERAGE_SHARE); and the assisting department is in it only by that
    matter when, on the text's words that the matter's name does not meet, its evidence scores under both WEAK_SCORE
    and COVERAGE_SHARE of what evidence saying the whole text would: 公安 assists on 互联网租赁自行车停放管理, but a
    complaint of electric bikes running red lights meets its 道路交通安全 duty on other words (23.2), and 卫健 assists
    on 组织查处食品安全重大事故, but 食品安全地方标准制定 meets its 地方标准 duty (6.4 of a short text whose quarter is
    4.9): each stays a contender of its own; a place word (县城) that the matter's name leaves out is no such
    ground. A pair that lead and assist each other on two such matters
    settles nothing, nor does a matter whose documents name different leads: each of those is a party to it, and
    the answer says so (`_disputed`)."""
    matched: dict[str, tuple[float, frozenset[str], set[int]]] = {}
    about: dict[str, float] = {}  # the matters the text is about, and how firmly
    at = columns.matter_piece[own.positions]
    for position, score in zip(own.positions[at].tolist(), own.scores[at].tolist(), strict=True):
        if score >= WEAK_SCORE and score >= enough:
            item = answering.evidence[position]
            about[item.key] = max(score, about.get(item.key, 0.0))
            if item.kind == "matter_lead":
                words = frozenset(_words(item, said))
                matched.setdefault(item.key, (score, words, set()))[2].add(int(columns.department[position]))
    pairs: dict[tuple[int, int], list[tuple[float, Evidence]]] = {}
    for key, (score, words, leads) in matched.items():
        helpers = columns.assists.get(key, ())
        if not helpers:
            continue
        dispute = answering.disputes.get(key)
        # The text's other words are searched once per matter, whichever departments assist on it.
        beyond = _fit(answering.hits_for({term: weight for term, weight in said.items() if term not in words}), unfit)
        for department, item in helpers:
            # A department that both leads and assists is a lead (lead_and_assist), and so is one another document
            # names the lead (conflicting_leads); one with ground of its own is a contender in its own right. (One
            # the text does not reach is not ranked: nothing to order.)
            if department in leads or (dispute and (item.department, item.department_region) in dispute.parties) \
                    or _ground_in(beyond, columns, department) >= min(WEAK_SCORE, enough):
                continue
            for lead in leads:
                pairs.setdefault((lead, department), []).append((score, item))
    pairs = {pair: pieces for pair, pieces in pairs.items() if pair[::-1] not in pairs}
    above: dict[int, set[int]] = {}
    assists: dict[int, tuple[float, Evidence]] = {}
    for (lead, department), pieces in sorted(pairs.items()):
        above.setdefault(department, set()).add(lead)
        best = min(pieces, key=lambda piece: (-piece[0], piece[1].key))
        if department not in assists or (-best[0], best[1].key) < (-assists[department][0], assists[department][1].key):
            assists[department] = best
    return _Clauses(above, assists, _disputed(answering, columns, own, about))


def _disputed(answering: BM25Index, columns: _Columns, own: Hits, about: dict[str, float],
              ) -> dict[int, tuple[Dispute, tuple[float, Evidence]]]:
    """Each party to a matter the text is about whose lead the documents leave unsettled (no lead named, or several
    documents naming different ones), with its own best piece on it: 县应急, 县住建 and 县市场监管 on
    电动自行车集中充电设施安全管理, which a boundary list gives them to assist on with no lead; 城管 and 住建 on
    建筑垃圾处置, which each one's 三定 says it leads. Scores do not settle what the documents leave open: where a
    department is a party to several, the matter the text is about most firmly."""
    firmest: dict[int, tuple[float, Dispute]] = {}
    for key, score in sorted(about.items(), key=lambda pair: (-pair[1], pair[0])):
        dispute = answering.disputes.get(key)
        if dispute is None:
            continue
        for party in dispute.parties:
            number = columns.party_number.get(party)
            if number is not None and number not in firmest:
                firmest[number] = (score, dispute)
    if not firmest:
        return {}
    pieces: dict[int, tuple[float, Evidence]] = {}
    for position, score in zip(own.positions.tolist(), own.scores.tolist(), strict=True):
        item = answering.evidence[position]
        number = int(columns.department[position])
        if number in firmest and answering.disputes.get(item.key) is firmest[number][1] and \
                (number not in pieces or (-score, item.key) < (-pieces[number][0], pieces[number][1].key)):
            pieces[number] = (score, item)
    return {number: (dispute, pieces[number]) for number, (_score, dispute) in firmest.items() if number in pieces}


def _mark_ties(rows: list[Row], numbers: list[int], clauses: _Clauses) -> None:
    """`tie` on the first row and those within TIE_MARGIN of it. A clause that names the lead settles its order over
    the departments assisting on the matter: they are not in contention, however close their scores; and a lead
    stands where its assistant's score put it (the assistant's pieces being about the matter it leads), so that
    those it was lifted over are judged against that. A party to a matter whose lead the documents leave unsettled is
    in contention whatever the scores."""
    standing = {number: float(row["score"]) for number, row in zip(numbers, rows, strict=True)}
    for number, row in zip(numbers, rows, strict=True):
        if row["assisting"]:
            for lead in clauses.above[number] & standing.keys():
                standing[lead] = max(standing[lead], float(row["score"]))
    for number, row in zip(numbers, rows, strict=True):
        row["tie"] = number in clauses.disputed
    contenders = [standing[number] for number, row in zip(numbers, rows, strict=True) if not row["assisting"]]
    if len(contenders) < 2 or contenders[1] < contenders[0] * (1 - TIE_MARGIN):
        return
    for number, row in zip(numbers, rows, strict=True):
        if not row["assisting"] and standing[number] >= contenders[0] * (1 - TIE_MARGIN):
            row["tie"] = True


def _behind_a_department(ranking: list[int], department_of: np.ndarray, townships: set[int]) -> list[int]:
    """`ranking` with `townships` (those a 属地 list makes 主体责任 for a matter, which the text does not name) placed
    after the first department. A 属地 duty covers the township's own territory: a complaint that does not say it
    happened there is the county department's of that line of work, with the township's daily inspection beside it
    (烧荒 on a hill of 青山县 is 应急管理局's, 石桥镇's 森林防火巡查 applies if the hill is in 石桥镇)."""
    first = next((place for place, group in enumerate(ranking) if int(department_of[group]) not in townships), None)
    if first is None:
        return ranking
    return [ranking[first], *ranking[:first], *ranking[first + 1:]]


def _lift_leads(ranking: list[int], department_of: np.ndarray, clauses: _Clauses) -> list[int]:
    """`ranking` (groups, best first) with each matter's leads lifted to just above the first department that assists
    on it, in their own order; the rest keep theirs. Lifting the lead rather than lowering the assistant keeps the
    assistant ahead of departments its own duties outscore."""
    group_of = {int(department_of[group]): group for group in ranking}
    place = {group: number for number, group in enumerate(ranking)}
    placed: set[int] = set()
    result: list[int] = []

    def put(group: int, visiting: frozenset[int]) -> None:
        if group in placed or group in visiting:
            return
        leads = [group_of[lead] for lead in clauses.above.get(int(department_of[group]), ()) if lead in group_of]
        for lead in sorted(leads, key=place.__getitem__):
            put(lead, visiting | {group})
        placed.add(group)
        result.append(group)

    for group in ranking:
        put(group, frozenset())
    return result


def _most_relevant(index: BM25Index, pool: list[tuple[float, Evidence]], variants: frozenset[str],
                   ) -> list[tuple[float, Evidence]]:
    """The EVIDENCE_PER_DEPARTMENT pieces of `pool` (a department's best hits, with their scores) that match the
    text best: first by the weight of the text's folded words (`_folded_words`) each says as the text wrote it,
    then by score, then by text. The index folds 电梯 and 锅炉 into 特种设备 alike, so a boiler item outscores an
    elevator item for an elevator complaint (three 特种设备 to two); but the complaint said 电梯, and a piece that
    says it is the better reason to give. Words the index holds as written weigh the same in every piece that
    meets them, so their score already ranks those pieces."""
    if not variants:  # nothing folded: no piece can say the text's word otherwise, and none need be segmented
        return sorted(pool, key=lambda pair: (-pair[0], pair[1].text, pair[1].key))[:EVIDENCE_PER_DEPARTMENT]
    return sorted(pool, key=lambda pair: (-_said_as_written(index, pair[1], variants), -pair[0], pair[1].text,
                                          pair[1].key))[:EVIDENCE_PER_DEPARTMENT]


def _folded_words(text: str) -> frozenset[str]:
    """The text's words (`written_terms`) that the synonym table folds into another term (电梯 → 特种设备)."""
    folded = synonyms()
    return frozenset(word for word in written_terms(as_read(text)) if folded.get(word, word) != word)


def _said_as_written(index: BM25Index, item: Evidence, variants: frozenset[str]) -> float:
    """The weight of the folded words that a piece says as the text wrote them: each the IDF of the term it is folded
    into (电梯 that of 特种设备), where the piece still holds that term (a clause narrowed to what a move left it still
    writes the work moved away: `queries.notice_evidence`)."""
    folded = synonyms()
    held = set(_terms(item))
    return sum(index.idf(folded[word]) or 0.0 for word in sorted(variants & written_terms(item.text))
               if folded[word] in held)


def _decisive(index: BM25Index, text: str, ignore: frozenset[str]) -> frozenset[str]:
    """The concepts (`concepts`) of the text's decisive word: of the words the dictionaries place as matters
    (`matter_words`) whose concepts some evidence of the graph uses, the one whose rarest such concept has the
    highest IDF over the whole graph (油烟 → 大气污染, over 烧烤店 → 食品经营). Where several words are as rare (a
    term that one piece of evidence says has the same IDF as any other such term), the concepts of each: an answer
    that says none of them rests on the text's other words (渣土车在河堤边倾倒建筑垃圾: 乱倒乱卸 and 堤防 → 河道管理,
    which no 河西区 evidence says, so that its 城管 met on the 垃圾 of 生活垃圾 is weak). On the labelled sets this
    flags one more first answer than reading no decisive word there: a right one, met on 县城 and 工地 alone."""
    rarity: dict[str, float] = {}
    for word in (set(index_terms(as_read(text))) & matter_words()) - ignore:
        known = [idf for term in concepts(word) if (idf := index.idf(term)) is not None]
        if known:
            rarity[word] = max(known)
    ranked = sorted(rarity.items(), key=lambda pair: (-pair[1], pair[0]))
    if not ranked:
        return frozenset()
    return frozenset().union(*(concepts(word) for word, idf in ranked if idf == ranked[0][1]))


def _meets(decisive: frozenset[str], pieces: list[Evidence]) -> bool:
    """Whether some piece says a concept of the text's decisive word (or the text has none): among its terms, which
    are folded (a piece that says 电梯 holds 特种设备), or inside its text, since a compound the dictionaries do not
    cut holds it whole (食品经营许可, 户外广告设施)."""
    return not decisive or any(decisive.intersection(_terms(item)) or any(concept in item.text for concept in decisive)
                               for item in pieces)


def _adds_words(best: Evidence, second: Evidence, said: dict[str, float]) -> bool:
    """Whether the second piece meets a word the text says (or implies: `query_terms`) that the best does not; the
    neighbours of its unknown words do not count, being guesses that meet common words (打桩 → 排放)."""
    return bool((set(_terms(second)) & said.keys()) - set(_terms(best)))


def _fit(hits: Hits, unfit: np.ndarray) -> Hits:
    """`hits` without the evidence that cannot answer the text (`unfit`, by position in the index)."""
    keep = ~unfit[hits.positions]
    return Hits(hits.index, hits.positions[keep], hits.scores[keep])


def _ground_in(hits: Hits, columns: _Columns, department: int) -> float:
    """A department's score (best piece plus half the second) among `hits`: the text's words a matter leaves out."""
    ranked = np.sort(hits.scores[columns.department[hits.positions] == department])[::-1]
    return float(ranked[0] + 0.5 * ranked[1]) if ranked.size > 1 else float(ranked.sum())


def _office(pieces: list[Evidence]) -> str:
    """The office a department's answer names: that of its best piece of evidence an office states or carries out
    (an office's duty, or a department duty an office's duties carry out), '' where none is; `pieces`: the
    department's, best first. A department duty's office was passed over for any office duty the text met: a
    商场超市消防通道 complaint reached 商务局's 商贸流通行业安全生产 duty, carried out by its 市场流通股, but was
    sent to its 外贸和招商股, whose 对外贸易 met 货物."""
    met = [piece.office for piece in pieces if piece.office]  # best first
    for piece in pieces:
        if piece.office:
            return piece.office
        if piece.carried_by:
            # Of several offices carrying it out, the one whose own duties the text met best.
            return next((office for office in met if office in piece.carried_by), piece.carried_by[0])
    return ""


def _words(item: Evidence, said: dict[str, float]) -> set[str]:
    """The words of the text (or that it implies: `query_terms`) that a piece of evidence meets."""
    return set(_terms(item)) & said.keys()


def _terms(item: Evidence) -> tuple[str, ...]:
    return item.content or tuple(content_terms(item.text))


@dataclass(frozen=True)
class _Columns:
    """What ranking needs of each piece of an index's evidence, as arrays in the index's order."""

    department: np.ndarray  # the department's number (by uid)
    name_rank: np.ndarray  # the place of its department's name in alphabetical order
    key_rank: np.ndarray  # the place of its key in alphabetical order
    text: np.ndarray  # the place of its text in alphabetical order
    text_count: int  # how many different texts: (department, text) pairs are numbered department × this + text
    # Whether its department holds evidence of its own (a duty or an item), not only the lead of a matter: a party
    # that a clause names (市住建局 in 城管's 三定) with no 三定 or list in the graph is a guess, not a mandate.
    holds_duties: np.ndarray
    matter_piece: np.ndarray  # whether it names a matter (its lead's, a township's 属地 lead, an unled assist)
    approval_only: np.ndarray  # whether it is approval work alone (`queries.approvals.approval_only`)
    held_only: np.ndarray  # whether it names approvals only as held by those it supervises (`approvals.held_only`)
    # A matter's key → the departments (by number) that assist on it, with the piece saying so; a department with
    # no evidence of its own is never ranked, so it has no number and is left out.
    assists: dict[str, list[tuple[int, Evidence]]]
    party_number: dict[tuple[str, str], int]  # (department, its region) → its number, as `Dispute.parties` names it
    townships: dict[int, str]  # each township's number (known by its 属地 leads) → its name (石桥镇, 滨江街道)


_COLUMNS: WeakKeyDictionary[BM25Index, _Columns] = WeakKeyDictionary()


def _columns(index: BM25Index) -> _Columns:
    if index not in _COLUMNS:
        evidence = index.evidence
        texts = _ranks([e.text for e in evidence])
        holders = {e.department_uid for e in evidence if e.kind not in ("matter_lead", "matter_assist")}
        numbers = _ranks([e.department_uid for e in evidence])
        number_of = dict(zip([e.department_uid for e in evidence], numbers.tolist(), strict=True))
        assists: dict[str, list[tuple[int, Evidence]]] = {}
        for item in index.assists:
            if item.department_uid in number_of:
                assists.setdefault(item.key, []).append((number_of[item.department_uid], item))
        _COLUMNS[index] = _Columns(
            numbers, _ranks([e.department for e in evidence]),
            _ranks([e.key for e in evidence]),
            texts, int(texts.max()) + 1 if texts.size else 0,
            np.array([e.department_uid in holders for e in evidence], dtype=bool),
            np.array([e.kind in MATTER_KINDS for e in evidence], dtype=bool),
            np.array([approval_only(e.text) for e in evidence], dtype=bool),
            np.array([held_only(e.text) for e in evidence], dtype=bool), assists,
            {(e.department, e.department_region): number for e, number in zip(evidence, numbers.tolist(), strict=True)},
            {number: e.department_region.rsplit("/", 1)[-1] for e, number in zip(evidence, numbers.tolist(),
                                                                                  strict=True)
             if e.kind == "territorial_lead"})
    return _COLUMNS[index]


def _ranks(values: list[str]) -> np.ndarray:
    places = {value: place for place, value in enumerate(sorted(set(values)))}
    return np.array([places[value] for value in values], dtype=np.int64)


def _evidence(score: float, item: Evidence) -> dict[str, Any]:
    return {"kind": item.kind, "text": item.text, "office": item.office, "source": item.source,
            "score": round(score, 3)}


def who_handles(store: Store, text: str, *, limit: int = 5, region: str | None = None) -> list[Row]:
    """Cached per graph version, like the other analyses: a complaint's text comes back again and again (the
    same matter asked by several systems, a dispatcher checking a call again); callers must not mutate it. Ranked
    on today's duties: work a 调整 notice moved out is the receiver's (`queries.notice_evidence`); work the county
    gave its townships is the named township's, or said to be the townships' (`queries.township_given`)."""
    # Imported here: the index after the 调整 notices reads them as department_duties does (queries.in_force), whose
    # modules import this one.
    from queries.notice_evidence import handling_index

    return cached(store, ("who_handles", text, limit, region),
                  lambda: ranked_with_notes(store, handling_index(store), text, region=region, limit=limit))


def ranked_with_notes(store: Store, index: BM25Index, text: str, *, region: str | None, limit: int,
                      place_read: bool = False) -> list[Row]:
    """`rank_departments`' rows on `index` with who_handles' notes on them (`sector_safety` and its rule, `devolved`),
    reordered where a named township takes given work: dispatch routes on these rows, so that a batch-routed
    complaint goes where, and says what, the page's and the CLI's single answer does. Asked of a province, the place
    the text names, or the province's reserved work, decides whose departments rank (`queries.province_places`), and
    each row says `place_unnamed`; `place_read`: the caller read the text for a place below the province and found
    none (dispatch, which routes a named place's complaint within that place)."""
    successors = region_successors(store)

    def rank_at(now: str | None, count: int, below: bool = False) -> list[Row]:
        """The rows ranked in `now`, a region as it is now (or below it), each with the fields the callers set
        later (`place_unnamed` for a province's, `power_split` for a split's department) in their place."""
        ranked = rank_departments(index, text, region=now, below=below, limit=depth(store, count, now, below=below))
        rows = _with_no_sanding(store, with_devolution(store, text, _with_sector_safety(store, text, ranked), count))
        return [before_evidence(row, {"place_unnamed": False, "power_split": ""}) for row in rows]

    def rank(place: str | None, count: int, below: bool = False) -> list[Row]:
        # A county a 撤县设区 made a district is the district it is now: the index searches it so (with the
        # county's departments no notice renamed, `BM25Index.hits_for`), and the depth reads the given items so.
        return rank_at(current_region(place, successors) if place and not below else place, count, below)

    # The first two departments' duties in one overlap cluster, said on their rows (queries.overlap_rows), as they
    # stand once every reordering is done.
    if is_province(store, region):
        place = None if place_read else named_place(store, text, region or "")
        return with_overlap_cluster(store, province_ranked(text, region or "", place, limit, rank, TIE_MARGIN))
    now = current_region(region, successors) if region else region
    rows = rank_at(now, limit)
    # A matter of the city's 市县事权划分清单 goes to the level the list gives it (queries.split_route).
    if now is not None and region_levels(store).get(now) == "city":
        place = None if place_read else named_place(store, text, now)
        holders = city_holders(store, text, now, place)
        if not holders:
            return with_overlap_cluster(store, rows)
        if holders[0].region == now:  # the city holds it, alone or with the counties: its ranking stands, noted
            return with_overlap_cluster(store, city_noted(store, holders[0], rows))
        return with_overlap_cluster(store, counties_first(store, holders, rows, rank(now, SPLIT_DEPTH, True), limit))
    holder = split_holder(store, text, now)
    if holder is None:
        return with_overlap_cluster(store, rows)
    # A county's department is among the county's rows just ranked: ranked again, deeper, only where it is not
    # (it may score low on the complaint: SPLIT_DEPTH), or for the city's department.
    held = holder.region == now and holder_row(holder, rows) is not None
    return with_overlap_cluster(store, split_first(store, holder, rows, rows if held else rank(holder.region,
                                                                                              SPLIT_DEPTH), limit))


def _with_no_sanding(store: Store, rows: list[Row]) -> list[Row]:
    """Each row with `no_sanding` before its evidence: the graph holds no 三定 of the department (县消防救援大队, a
    party of the 安全生产 list only), so what it is sent rests on another document's word; `holds_no_duties` says
    less, as a list's row is a duty of its own. After the townships' reordering: a named township's row is its own."""
    unknown = without_sanding(store)
    return [before_evidence(row, {"no_sanding": (row["department"], row["region"]) in unknown}) for row in rows]


def _with_sector_safety(store: Store, text: str, rows: list[Row]) -> list[Row]:
    """Each row with `sector_safety`: the sectors whose 安全生产 a 三定 clause among its evidence gives the department,
    when the text is about safety (管行业必须管安全: it is their 行业主管部门, whom a new kind of business that no list
    gives anyone falls to: 密室逃脱 → 文旅局's 文化、旅游; with those a loaded 安委会成员单位安全生产工作职责 gives
    it), else ''; and beside them `sector_rule` with its source: the department's 安委会 paragraph that names
    them, else the region's 三定 clause that makes every 行业主管部门 answer for its sector's safety, else ''."""
    if not about_safety(text):
        return [_sector_fields(row, "", None) for row in rows]
    sectors_of = sector_reader(store)
    found = []
    for row in rows:
        # A party to a matter no one leads (a new kind of business: 密室逃脱) is met on the list's row, not on its
        # 三定: its 三定's sectors say whose sector the business may fall in.
        no_lead = row["lead_dispute"] is not None and row["lead_dispute"]["reason"] == "no_lead"
        sectors, basis = sectors_of(row, no_lead, row["region"])
        found.append(_sector_fields(row, "、".join(sorted(sectors)), basis))
    return found


SectorReader = Callable[[Row, bool, str], tuple[frozenset[str], Row | None]]


def sector_reader(store: Store) -> SectorReader:
    """What a ranked row's department answers for the safety of, and what cites it (held_sectors, sector_basis), given
    whether the work is no one's and the region whose 三定 rule applies: one reading for who_handles' rows and the
    orphan items' owners, the graph's sectors read once for all the rows."""
    rules, own, committee = sector_rules(store), sanding_sectors(store), committee_sectors(store)
    given = given_sectors(store)

    def read(row: Row, unled: bool, rule_region: str) -> tuple[frozenset[str], Row | None]:
        key = (row["department"], row["region"])
        evidence = evidence_sectors(row["evidence"], given.get(key, frozenset()))
        sectors = held_sectors(evidence, own.get(key, frozenset()), committee.get(key), unled)
        return sectors, sector_basis(sectors, committee.get(key), rules.get(rule_region))
    return read


def _sector_fields(row: Row, sectors: str, rule: Row | None) -> Row:
    """The row with its sector fields before its evidence."""
    return before_evidence(row, {"sector_safety": sectors, **basis_fields(rule)})


def sanding_sectors(store: Store) -> dict[tuple[str, str], frozenset[str]]:
    """Each department's sectors whose 安全生产 its duties take on today, by (name, region path) as a who_handles
    row names it (two counties' townships may share a name), read once per graph version. Today's duties, as
    who_handles ranks on them (`queries.notice_evidence`): a clause a 调整 notice or a 三定 moved out gives its giver
    no sector (a no-lead row named 文旅局 the 行业主管 of 文化、旅游 after a notice moved 文化和旅游行业安全生产监督管理
    to the 应急管理局), a clause it took part of only those the rest still names, and the work moved into a
    department with no 三定 of its own gives it those the work names."""
    from queries.notice_evidence import handling_index  # it builds on this module's evidence_index

    def read() -> dict[tuple[str, str], frozenset[str]]:
        written = {(item.department_uid, item.key): item.content for item in evidence_index(store).evidence}
        return _department_sectors(handling_index(store).evidence, written)
    return cached(store, ("sanding_sectors",), read, whole_graph=True)


def given_sectors(store: Store) -> dict[tuple[str, str], frozenset[str]]:
    """Each department's sectors its 三定 as written gives it and it no longer holds today (sanding_sectors): a
    clause of them among a row's evidence keeps its words, not the work (a clause partly moved out is ground for the
    rest: who_handles cites it whole)."""
    def read() -> dict[tuple[str, str], frozenset[str]]:
        today = sanding_sectors(store)
        return {key: gone for key, sectors in _department_sectors(evidence_index(store).evidence, {}).items()
                if (gone := sectors - today.get(key, frozenset()))}
    return cached(store, ("given_sectors",), read, whole_graph=True)


def _department_sectors(evidence: Sequence[Evidence], written: Mapping[tuple[str, str], tuple[str, ...]]
                        ) -> dict[tuple[str, str], frozenset[str]]:
    """By (name, region path), the sectors the department duties among `evidence` take on; a duty whose content is
    not as `written` (by department uid and key) was narrowed by a move and gives those its content still names."""
    found: dict[tuple[str, str], frozenset[str]] = {}
    for item in evidence:
        if item.kind == "duty":
            sectors = safety_sectors(item.text)
            if item.content != written.get((item.department_uid, item.key), item.content):
                # Narrowed to the rest of what it says: its text still names the sectors the move took.
                sectors = frozenset(sector for sector in sectors if sector in item.content)
            key = (item.department, item.department_region)
            found[key] = found.get(key, frozenset()) | sectors
    return found


def evidence_sectors(evidence: list[Row], given: frozenset[str] = frozenset()) -> frozenset[str]:
    """The sectors whose 安全生产 the first 三定 clause among the evidence that takes any on gives its department,
    less those it has `given` away since (given_sectors)."""
    return next((found for item in evidence if item["kind"] in SANDING_KINDS
                 for found in [safety_sectors(item["text"]) - given] if found), frozenset())
