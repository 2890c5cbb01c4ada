"""who_handles: free text (a 12345 complaint, a matter name) to ranked departments with the duties that
justify them, `tie` when the first two are too close to call, and `weak` when a department rests on too little
to be sent the case unchecked, and `holds_no_duties` when the department is known only as a party of a clause or
list (no 三定, list or item of its own in the graph), as a dispatcher needs to know.

A department's score is its best piece of evidence plus half its second best (so one strong duty wins
over many weak ones, but corroboration counts, and a text it holds twice is one piece); the scores are BM25
over jieba content terms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

import numpy as np

from graph.store import Row, Store
from ingest.content import content_of, content_terms
from queries import catalog
from queries.cache import cached
from queries.search import BM25Index, Evidence, query_terms

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
MAX_CANDIDATES = 20  # the most departments a caller may ask to be ranked (the API and the CLI alike)


def evidence_index(store: Store) -> BM25Index:
    return cached(store, ("evidence_index",), lambda: _build_index(store), whole_graph=True)


def _build_index(store: Store) -> BM25Index:
    rows = catalog.run(store, "evidence")
    rows.sort(key=lambda row: (row["kind"], row["key"], row["department_uid"]))
    fields = [name for name in Evidence.__dataclass_fields__ if name != "content"]
    return BM25Index([Evidence(**{key: row[key] or "" for key in fields},
                               content=tuple(content_of(row["content"], row["text"] or ""))) for row in rows])


def rank_departments(index: BM25Index, text: str, *, region: str | None = None, limit: int = 5,
                     ignore: frozenset[str] = frozenset()) -> list[Row]:
    """`ignore`: terms of the text that say nothing of whose work it is (a catalogue's template words)."""
    said = {term: weight for term, weight in query_terms(text).items() if term not in ignore}
    weights = index.with_neighbours(said)
    answering, found, scores = index.hits_for(weights, region)
    if not found.size:
        return []
    columns = _columns(answering)
    # The departments the text's own words (and the dictionaries' readings of them) reach, when neighbours add more.
    enough = COVERAGE_SHARE * index.full_match_of(weights)
    reached = (None if len(weights) == len(said)
               else frozenset(columns.department[index.hits_for(said, region).positions].tolist()))
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
    ranking = np.lexsort((departments[starts], columns.name_rank[found[starts]], -totals))[:limit]
    evidence = answering.evidence
    rows: list[Row] = []
    for position, group in enumerate(ranking.tolist()):
        start, count = int(starts[group]), int(counts[group])
        best = [(float(scores[hit]), evidence[found[hit]])
                for hit in range(start, start + min(count, EVIDENCE_PER_DEPARTMENT))]
        with_office = np.flatnonzero(columns.has_office[found[start:start + count]])
        ground = (float(totals[group]) if count > 1 and _adds_words(evidence[found[start]],
                                                                      evidence[found[start + 1]], said)
                  else float(scores[start]))
        rows.append({
            "rank": position + 1, "department": best[0][1].department, "region": best[0][1].region,
            "office": evidence[found[start + with_office[0]]].office if with_office.size else "",
            "score": round(float(totals[group]), 3), "tie": False,
            "weak": ground < WEAK_SCORE or bool(totals[group] < enough) or (
                reached is not None and int(departments[starts[group]]) not in reached),
            "holds_no_duties": not bool(columns.holds_duties[found[start]]),
            "evidence": [_evidence(s, item) for s, item in best],
        })
    if len(rows) > 1 and rows[1]["score"] >= rows[0]["score"] * (1 - TIE_MARGIN):
        for row in rows:
            if row["score"] >= rows[0]["score"] * (1 - TIE_MARGIN):
                row["tie"] = True
    return rows


def _adds_words(best: Evidence, second: Evidence, said: dict[str, float]) -> bool:
    """Whether the second piece meets a word the text says (or implies: `query_terms`) that the best does not; the
    neighbours of its unknown words do not count, being guesses that meet common words (打桩 → 排放)."""
    return bool((set(_terms(second)) & said.keys()) - set(_terms(best)))


def _terms(item: Evidence) -> tuple[str, ...]:
    return item.content or tuple(content_terms(item.text))


@dataclass(frozen=True)
class _Columns:
    """What ranking needs of each piece of an index's evidence, as arrays in the index's order."""

    department: np.ndarray  # the department's number (by uid)
    name_rank: np.ndarray  # the place of its department's name in alphabetical order
    key_rank: np.ndarray  # the place of its key in alphabetical order
    has_office: np.ndarray
    text: np.ndarray  # the place of its text in alphabetical order
    text_count: int  # how many different texts: (department, text) pairs are numbered department × this + text
    # Whether its department holds evidence of its own (a duty or an item), not only the lead of a matter: a party
    # that a clause names (市住建局 in 城管's 三定) with no 三定 or list in the graph is a guess, not a mandate.
    holds_duties: np.ndarray


_COLUMNS: WeakKeyDictionary[BM25Index, _Columns] = WeakKeyDictionary()


def _columns(index: BM25Index) -> _Columns:
    if index not in _COLUMNS:
        evidence = index.evidence
        texts = _ranks([e.text for e in evidence])
        holders = {e.department_uid for e in evidence if e.kind != "matter_lead"}
        _COLUMNS[index] = _Columns(
            _ranks([e.department_uid for e in evidence]), _ranks([e.department for e in evidence]),
            _ranks([e.key for e in evidence]), np.array([bool(e.office) for e in evidence]),
            texts, int(texts.max()) + 1 if texts.size else 0,
            np.array([e.department_uid in holders for e in evidence], dtype=bool))
    return _COLUMNS[index]


def _ranks(values: list[str]) -> np.ndarray:
    places = {value: place for place, value in enumerate(sorted(set(values)))}
    return np.array([places[value] for value in values], dtype=np.int64)


def _evidence(score: float, item: Evidence) -> dict[str, Any]:
    return {"kind": item.kind, "text": item.text, "office": item.office, "source": item.source,
            "score": round(score, 3)}


def who_handles(store: Store, text: str, *, limit: int = 5, region: str | None = None) -> list[Row]:
    """Cached per graph version, like the other analyses: a complaint's text comes back again and again (the
    same matter asked by several systems, a dispatcher checking a call again); callers must not mutate it."""
    return cached(store, ("who_handles", text, limit, region),
                  lambda: rank_departments(evidence_index(store), text, region=region, limit=limit))
