"""Which duty texts describe the same work: features of jieba content terms and character bigrams,
combined by a small logistic model trained on labelled pairs.

Two clauses of different departments rarely share wording, so the score looks at *content*: the jieba
terms (synonyms folded: 渣土 → 建筑垃圾; compounds also give their parts) without the verbs and scope
words every duty shares (负责, 组织, 全市, 有关, 工作 …). Term weights are inverse *holder* frequencies:
a term most departments use frames a duty without saying which work it is. They are counted once, over a fixed
reference corpus (the bundled 三定 and the training pairs' texts), and shipped (`reference_model`): a pair's score
is a function of its two texts alone, so it does not change as documents are loaded, in whatever order. Features
of a pair:

- `cosine`: cosine of the weighted term vectors;
- `bigrams`: Jaccard of the character bigrams of the content (catches 改厕 ~ 户厕改造);
- `facets`: Jaccard of the kinds of administrative action (`ingest.aspects.FACETS`);
- `layered`: one side guides the whole city while the other carries the work out locally;
- `housekeeping`: both are housekeeping clauses (机关, 本部门, 职责范围内, 意识形态 …);
- `coverage`: how much of one clause's weighted content the other contains;
- `stages`, `stage_conflict`: Jaccard of the object's life stages named, and whether both name some and
  none in common (生产 vs 运输: the same object at a different stage is different work);
- `dimensions`, `dimension_conflict`: the same for the side looked after (治安 vs 质量 vs 价格);
- `object_conflict`: both name a kind of regulated object (`ingest.aspects.OBJECTS`) and none in common (房屋建筑
  vs 水利 工程质量监督, 兽药 vs 药品 经营许可);
- `object_cosine`: the cosine over the terms that name an object, without those that only say what is done (监测预警,
  质量安全, 安全生产: every piece a marker word of the kinds above): one action on two objects is not one work;
- `any_housekeeping`: either side is a housekeeping clause;
- `own_lines`: each clause names its own department's line of work and the other does not (交通运输综合行政
  执法 vs 农业综合行政执法): each department's version of a generic task, not one work held twice; or the two
  serve different coordinating bodies (食品安全委员会 vs 安全生产委员会).

Before the features, a term of one clause that abbreviates a term of the other the way Chinese abbreviates (the
first character of each word: 电商 for 电子商务, 军转 for 军队转业, 抽检 for 抽样检验) counts as that term
(`abbreviations`): the abbreviation tables cannot list every one a drafter writes.

A rule comes before the features: two headlines that read alike but for one phrase, where the two phrases name
different things (能源发展规划 vs 工业发展规划, 城乡居民基本医疗保险参保缴费 vs …养老保险…), are one clause written for
two objects, not one work (`one_phrase_apart`): such a pair scores 0. Lists written from one template (权责清单's
`对违反…的行政处罚`) say little else. As a feature its weight stayed small, the labelled sets holding few such
pairs; as a rule every set's precision rose, recall holding (docs/queries.md, how overlaps are found). The weights are still
fitted on those pairs' features.

rapidfuzz's ratios (token_set, token_sort, partial, plain and WRatio, over the content terms and over the raw
text) were measured as further features and left out: none moved the cross-validated precision or recall by
more than 0.01. rapidfuzz matches department names instead (`ingest.names`), and finds the lexicon's phrases in
complaints (`queries.search`).

The weights come from `python -m ingest.train_similarity`, fitted on every labelled pair of
tests/data/duty_pairs.tsv and tests/data/duty_pairs_blind.tsv; the quality test reports precision and
recall by five-fold cross-validation over them, and on a held-out third set (duty_pairs_blind3.tsv).
Candidate pairs come from an inverted index over the rarer terms, so that linking never compares all pairs.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from ingest.aspects import (
    DIMENSIONS,
    FACETS,
    OBJECTS,
    STAGES,
    is_city_wide,
    is_housekeeping,
    is_local,
    is_marker_only,
    kinds,
)
from ingest.category import ADMIN_VERBS
from ingest.content import GENERIC_TERMS, content_terms
from ingest.names import base_of
from ingest.terms import headline, index_terms

FEATURES = ("cosine", "bigrams", "facets", "layered", "housekeeping", "coverage", "stages", "stage_conflict",
            "dimensions", "dimension_conflict", "any_housekeeping", "own_lines", "object_conflict", "object_cosine")
WEIGHTS_FILE = "similarity_weights.json"  # in ingest/data, written by `python -m ingest.train_similarity --write`
TERMS_FILE = "term_holders.json"  # in ingest/data, written by the same command


@lru_cache(maxsize=1)
def shipped_weights() -> tuple[float, ...]:
    """Bias first, then one weight per feature; the file names the features so that a stale file is caught."""
    shipped = json.loads((resources.files("ingest") / "data" / WEIGHTS_FILE).read_text(encoding="utf-8"))
    if tuple(shipped["features"]) != FEATURES:
        raise RuntimeError(f"{WEIGHTS_FILE} was fitted for features {shipped['features']}, not {list(FEATURES)}: "
                           "run `python -m ingest.train_similarity --write`")
    return tuple(shipped["weights"])


@lru_cache(maxsize=1)
def reference_model() -> SimilarityModel:
    """The term weights linking scores with: holder counts over the reference corpus, shipped with the weights
    they were fitted with. Not fitted on the graph: weights fitted on what is loaded would change every stored
    score as documents arrive, and an incremental link (which scores only the new duties' pairs) would leave
    the graph depending on the order the documents came in."""
    return SimilarityModel.from_counts(shipped_term_table()["holders"], shipped_term_table()["terms"])


def reference_model_with(documents: Iterable[tuple[Sequence[str], str]]) -> SimilarityModel:
    """The reference corpus's holder counts with `documents`' (terms, holder) pairs added: weights that know
    the phrasing a graph repeats (a tail every clause of a city ends with, an action every department writes)
    even when the reference corpus never saw it. For decisions about the whole graph (which duties are
    boilerplate), not for pair scores: those must not move as documents arrive."""
    holders, held_by = holder_counts(documents)
    reference = shipped_term_table()
    counts = dict(reference["terms"])
    for term, owners in held_by.items():
        counts[term] = counts.get(term, 0) + owners
    return SimilarityModel.from_counts(reference["holders"] + holders, counts)


@lru_cache(maxsize=1)
def shipped_term_table() -> dict[str, Any]:
    """`holders`: how many holders the reference corpus has; `terms`: of how many each term is held;
    `segmentation`: the dictionaries' digest the terms were segmented with (`ingest.refresh.segmentation`)."""
    return dict(json.loads((resources.files("ingest") / "data" / TERMS_FILE).read_text(encoding="utf-8")))


DEFAULT_THRESHOLD = 0.5

_HAN = re.compile(r"[^\u4e00-\u9fff]")
# A department's own industry's share of generic work (行业科技、信息化和统计): its line, though unnamed.
_OWN_INDUSTRY_TASK = re.compile(r"行业(?:科技|信息化|统计|安全生产|宣传)")
# The coordinating bodies whose (daily) work a clause takes on (承担县食品安全委员会日常工作, 承担…指挥部工作), named without
# their level: a 居民委员会 that a clause guides is not one.
_SERVED = re.compile(r"承担([^。；，]*?(?:委员会|指挥部|领导小组|联席会议)[^。；，]*?)工作")
_BODY = re.compile(r"(?:[省市县区])?([\u4e00-\u9fff]{2,12}?(?:委员会|指挥部|领导小组|联席会议))")
_ORGAN_SUFFIX = re.compile(r"(?:管理局|分局|局|委员会|支队|办公室|中心|厅)$")

# A term held by more duties of a region than this share (at least MIN_TERM_CAP) is too common to pair them.
TERM_SHARE_CAP = 0.02
MIN_TERM_CAP = 12


@dataclass
class DutyDoc:
    uid: str
    text: str
    group: str  # pairs inside one group (one department and its offices) are never overlaps
    terms: list[str] = field(default_factory=list)
    # The region path as it is now (a 撤县设区's county read as its district: ingest.link): duties of one region, or
    # of a region and one just below it, are compared.
    zone: str = ""
    holder: str = ""  # the holding department's name, for the line of work it states (交通运输局 → 交通运输)

    def __post_init__(self) -> None:
        if not self.terms:
            self.terms = content_terms(self.text)
        # Per-duty parts of the features, computed once: linking scores each duty against many others.
        self.bigrams = _bigrams(self.terms)
        # The kinds of work come from the headline: the tasks listed after it would name every kind.
        first = headline(self.text)
        self.facets = kinds(first, FACETS)
        self.stages = kinds(first, STAGES)
        self.dimensions = kinds(first, DIMENSIONS)
        self.objects = kinds(first, OBJECTS)
        self.city_wide = is_city_wide(self.text)
        self.local = is_local(self.text)
        self.housekeeping = is_housekeeping(self.text)
        self.line = holder_line(self.holder)
        self.line_named = frozenset(term for term in self.line if term in self.text) | (
            frozenset({"行业"}) if self.line and _OWN_INDUSTRY_TASK.search(self.text) else frozenset())
        self.bodies = hosted_bodies(self.text)
        # The headline as a one-phrase change is framed: 全市 and 全区 are one place-holder, so that
        # 负责X许可，覆盖全市范围 and 负责Y许可，覆盖全区范围 read alike but for X and Y.
        self.frame = _SCOPE_WORD.sub(_SCOPE_MARK, first)
        self.frame_reversed = self.frame[::-1]
        self.term_set = frozenset(self.terms)
        # The terms an abbreviation of the other clause could stand for, by their first character (`abbreviations`).
        # And the terms short enough to be one, in order: linking asks this of every candidate pair, so it is cheap.
        self.by_initial: dict[str, list[str]] = defaultdict(list)
        for term in sorted(self.term_set):
            if len(term) >= 3:
                self.by_initial[term[0]].append(term)
        self.short_terms = tuple(term for term in sorted(self.term_set) if 2 <= len(term) <= MAX_ABBREVIATION)
        # The headline's terms that name a thing (not only what is done to it): what a one-phrase change swaps.
        # Not the pieces of a word that names none (理工 in 管理工作).
        doing = [term for term in self.term_set if not names_a_thing(term)]
        self.named = tuple(term for term in self.term_set if term in first and names_a_thing(term)
                           and not any(term in word for word in doing))
        self.object_weights: dict[str, float] = {}
        self.object_norm = 0.0
        self.weights: dict[str, float] | None = None
        self.norm = 0.0
        self.total = 0.0


@dataclass
class SimilarityModel:
    """Inverse *holder* frequencies: a term that most departments' duties use (法律法规, 规章草案) frames a
    duty without saying which work it is, and weighs little; a term few departments use weighs much."""

    idf: dict[str, float]
    default_idf: float

    @classmethod
    def fit(cls, texts: Iterable[tuple[str, str]]) -> SimilarityModel:
        """`texts`: (text, holder) pairs; frequencies count holders, not texts."""
        return cls.fit_terms((content_terms(text), holder) for text, holder in texts)

    @classmethod
    def fit_terms(cls, documents: Iterable[tuple[Sequence[str], str]]) -> SimilarityModel:
        """The same from content terms already segmented: (terms, holder) pairs."""
        return cls.from_counts(*holder_counts(documents))

    @classmethod
    def from_counts(cls, total: int, held_by: dict[str, int]) -> SimilarityModel:
        """From the number of holders and, for each term, of how many it is held."""
        idf = {term: math.log((1 + total) / (1 + owners)) + 0.1 for term, owners in held_by.items()}
        return cls(idf, math.log(1 + total) + 0.1)

    def vector(self, terms: Sequence[str]) -> dict[str, float]:
        weights: dict[str, float] = defaultdict(float)
        for term in terms:
            weights[term] += self.idf.get(term, self.default_idf)
        return weights

    def cosine(self, a: Sequence[str], b: Sequence[str]) -> float:
        va, vb = self.vector(a), self.vector(b)
        dot = sum(weight * vb.get(term, 0.0) for term, weight in va.items())
        norm = math.sqrt(sum(w * w for w in va.values())) * math.sqrt(sum(w * w for w in vb.values()))
        return dot / norm if norm else 0.0

    def coverage(self, part: Sequence[str], whole: Sequence[str]) -> float:
        """The weighted share of `part`'s terms that `whole` also has: an office clause inside a duty."""
        return self.weighted(part).share_in(set(whole))

    def weighted(self, terms: Sequence[str]) -> Weighted:
        """`terms` weighed once, for a clause whose coverage by many others is wanted."""
        weights = self.vector(terms)
        return Weighted(weights, sum(weights.values()))

    def _prepare(self, doc: DutyDoc) -> dict[str, float]:
        if doc.weights is None:
            doc.weights = self.vector(doc.terms)
            doc.norm = math.sqrt(sum(w * w for w in doc.weights.values()))
            doc.total = sum(doc.weights.values())
            doc.object_weights = {term: w for term, w in doc.weights.items() if not is_marker_only(term)}
            doc.object_norm = math.sqrt(sum(w * w for w in doc.object_weights.values()))
        return doc.weights

    def features(self, a: DutyDoc, b: DutyDoc) -> tuple[float, ...]:
        longer_a, longer_b = abbreviations(a, b), abbreviations(b, a)
        if longer_a or longer_b:  # rare: the two clauses read again with the abbreviations spelt out
            a = replace(a, terms=[*a.terms, *longer_a])
            b = replace(b, terms=[*b.terms, *longer_b])
        wa, wb = self._prepare(a), self._prepare(b)
        dot = shared_a = shared_b = 0.0
        for term in wa.keys() & wb.keys():
            x, y = wa[term], wb[term]
            dot += x * y
            shared_a += x
            shared_b += y
        coverage = max(shared_a / a.total if a.total else 0.0, shared_b / b.total if b.total else 0.0)
        grams = a.bigrams | b.bigrams
        return (
            dot / (a.norm * b.norm) if a.norm and b.norm else 0.0,
            len(a.bigrams & b.bigrams) / len(grams) if grams else 0.0,
            _jaccard(a.facets, b.facets),
            1.0 if (a.city_wide and b.local) or (b.city_wide and a.local) else 0.0,
            1.0 if a.housekeeping and b.housekeeping else 0.0,
            coverage,
            _jaccard(a.stages, b.stages),
            _conflict(a.stages, b.stages),
            _jaccard(a.dimensions, b.dimensions),
            _conflict(a.dimensions, b.dimensions),
            1.0 if a.housekeeping or b.housekeeping else 0.0,
            1.0 if (_names_own_line(a, b) and _names_own_line(b, a)) or _conflict(a.bodies, b.bodies) else 0.0,
            _conflict(a.objects, b.objects),
            self._object_cosine(a, b),
        )

    @staticmethod
    def _object_cosine(a: DutyDoc, b: DutyDoc) -> float:
        """Over the prepared weights of the terms that name an object (`_prepare` ran for both)."""
        wa, wb = a.object_weights, b.object_weights
        if not a.object_norm or not b.object_norm:
            return 0.0
        return sum(wa[term] * wb[term] for term in wa.keys() & wb.keys()) / (a.object_norm * b.object_norm)

    def score_docs(self, a: DutyDoc, b: DutyDoc, weights: Sequence[float] | None = None, *,
                   at_least: float = 0.0) -> float:
        """The probability that the two duties describe the same work (by the shipped weights by default).
        With `at_least`, a score below it is returned as the features give it, without the rule's check: a caller
        that keeps only scores from there on loses nothing, and most candidate pairs end there (linking)."""
        if not a.terms or not b.terms:
            return 0.0
        weights = weights or shipped_weights()
        z = weights[0]
        for w, x in zip(weights[1:], self.features(a, b), strict=True):
            z += w * x
        score = 1.0 / (1.0 + math.exp(-z))
        return 0.0 if score >= at_least and one_phrase_apart(a, b) else score

    def score(self, text_a: str, text_b: str) -> float:
        return self.score_docs(DutyDoc("a", text_a, "a"), DutyDoc("b", text_b, "b"))


MAX_ABBREVIATION = 4  # characters: 军转, 电商, 危化品, 高标农田


def abbreviations(a: DutyDoc, b: DutyDoc) -> list[str]:
    """The terms of `b` that a term of `a` abbreviates and `a` does not say: each character of the short term the
    first of one of the long term's words (its parts among `b`'s terms), in order from its start. A substring is
    no abbreviation (安全生产 in 安全生产监督管理 is a part, which the parts already share), nor is a short term
    that `b` says itself."""
    found = []
    for short in a.short_terms:
        longs = b.by_initial.get(short[0])
        if longs and short not in b.term_set:
            found += [long for long in longs if long not in a.term_set and len(long) > len(short)
                      and short not in long and _abbreviates(short, long, b.term_set)]
    return found


def _abbreviates(short: str, long: str, terms: frozenset[str]) -> bool:
    """`long` read as words from `terms` (two characters or more, shorter than `long`), the first of each word
    spelling `short`; the words past the last letter are left unread (军转 for 军队转业干部)."""
    words = [term for term in terms if len(term) >= 2 and term != long and term in long]

    def spells(position: int, letter: int) -> bool:
        if letter == len(short):
            return True
        if position >= len(long) or long[position] != short[letter]:
            return False
        return any(spells(position + len(word), letter + 1) for word in words if long.startswith(word, position))

    return spells(0, 0)


def holder_counts(documents: Iterable[tuple[Sequence[str], str]]) -> tuple[int, dict[str, int]]:
    """(terms, holder) pairs → the number of holders and, for each term, of how many holders hold it."""
    holders_of: dict[str, set[str]] = defaultdict(set)
    holders: set[str] = set()
    for terms, holder in documents:
        holders.add(holder)
        for term in set(terms):
            holders_of[term].add(holder)
    return len(holders), {term: len(owners) for term, owners in sorted(holders_of.items())}


@dataclass(frozen=True)
class Weighted:
    """A clause's term weights and their sum."""

    weights: dict[str, float]
    total: float

    def share_in(self, present: set[str] | frozenset[str]) -> float:
        """The weighted share of these terms that `present` has."""
        if not self.total:
            return 0.0
        return sum(w for term, w in self.weights.items() if term in present) / self.total


def _bigrams(terms: Sequence[str]) -> set[str]:
    return _han_pairs("".join(terms))


def _han_pairs(text: str) -> set[str]:
    """The pairs of adjacent characters of the text's Chinese characters."""
    han = _HAN.sub("", text)
    return {han[i:i + 2] for i in range(len(han) - 1)}


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared share of the kinds named; 0.5 when neither side names any (nothing known either way)."""
    union = a | b
    return len(a & b) / len(union) if union else 0.5


# Which territory a clause covers (全市, 本县, 辖区): a scope word, not the work, so no part of a phrase that differs.
_SCOPE_WORD = re.compile(r"[全本](?:市|县|区|州|盟|旗|地区)|辖区")
_SCOPE_MARK = "□"  # not a Han character: it forms no pair of characters with a phrase (`_han_pairs`)
_PUNCTUATION = re.compile(r"[，、；：“”‘’（）()《》,;:]")
FRAME_SHARE = 0.4  # of the shorter headline, read alike before and after the one phrase that differs


def one_phrase_apart(a: DutyDoc, b: DutyDoc) -> bool:
    """The headlines share a frame (a common beginning and end, FRAME_SHARE of the shorter one or more) around
    one differing phrase on each side, and the two phrases name different things: each names one, the other
    clause says none of them (their compound parts and folded synonyms included), and the phrases have no pair of
    characters in common. A prefix and a suffix, not an alignment: it costs a few string comparisons per pair."""
    first, second = a.frame, b.frame
    before = _shared_start(first, second)
    # The common end, no further back than the common beginning's end in the shorter headline.
    after = min(_shared_start(a.frame_reversed, b.frame_reversed), min(len(first), len(second)) - before)
    if before + after < FRAME_SHARE * min(len(first), len(second)):
        return False
    phrase_a, phrase_b = first[before:len(first) - after], second[before:len(second) - after]
    if _PUNCTUATION.search(phrase_a) or _PUNCTUATION.search(phrase_b):
        return False  # a clause or a list of its own (资金、资产、资源), not one phrase put in another's place
    named_a = [term for term in a.named if term in phrase_a]
    named_b = [term for term in b.named if term in phrase_b]
    if not named_a or not named_b or any(term in b.term_set for term in named_a) \
            or any(term in a.term_set for term in named_b):
        return False
    # Nor a pair of characters: 放心消费创建 and 消费维权 both speak of 消费, which a kind of work's marker took out.
    return not _han_pairs(phrase_a) & _han_pairs(phrase_b)


_DOING_WORDS = re.compile("|".join(sorted((word for word in ADMIN_VERBS | GENERIC_TERMS if len(word) >= 2),
                                          key=len, reverse=True)))


@lru_cache(maxsize=1 << 16)
def names_a_thing(term: str) -> bool:
    """Something of two characters is left once the words that only say what is done are taken out: the
    administrative verbs and generic words (管理工作, 督促落实: nothing left) and the marker words of the kinds of
    work (`ingest.aspects.is_marker_only`)."""
    return not is_marker_only(term) and any(len(piece) >= 2 for piece in _DOING_WORDS.sub(" ", term).split())


def _shared_start(first: str, second: str) -> int:
    """How many characters the two strings begin with alike."""
    for index, (x, y) in enumerate(zip(first, second, strict=False)):
        if x != y:
            return index
    return min(len(first), len(second))


def _names_own_line(a: DutyDoc, b: DutyDoc) -> bool:
    """`a` names its department's own line of work (交通运输 in 交通运输局's clause) and `b` does not: with the
    same from `b`'s side, the two are each department's version of a generic task (综合行政执法, 行业统计)."""
    return any(term not in b.text for term in a.line_named - b.line)


@lru_cache(maxsize=4096)
def holder_line(name: str) -> frozenset[str]:
    """The line of work a department's name states: 市交通运输局 → {交通运输, 交通, 运输}."""
    if not name:
        return frozenset()
    core = _ORGAN_SUFFIX.sub("", base_of(name))
    return frozenset(term for term in index_terms(core, with_parts=True) if term not in GENERIC_TERMS and len(term) >= 2)


def hosted_bodies(text: str) -> frozenset[str]:
    """The coordinating bodies (议事协调机构) a clause names: two offices serving different ones (食品安全委员会,
    安全生产委员会) do different work however alike the wording; serving one (防汛抗旱指挥部) is one work."""
    return frozenset(body for served in _SERVED.findall(text) for body in _BODY.findall(served))


def _conflict(a: frozenset[str], b: frozenset[str]) -> float:
    """Both sides name kinds, and none in common."""
    return 1.0 if a and b and not a & b else 0.0


BlockKey = tuple[str, str]  # (region path, term): the duties of one region indexed under one term


def capped_keys(docs: Sequence[DutyDoc]) -> frozenset[BlockKey]:
    """The terms each region's duties hold too widely to pair them by (more duties than the cap hold them)."""
    frequency: Counter[BlockKey] = Counter()
    for doc in docs:
        frequency.update((doc.zone, term) for term in set(doc.terms))
    zone_sizes = Counter(doc.zone for doc in docs)
    return frozenset(key for key, count in frequency.items()
                     if count > max(MIN_TERM_CAP, int(zone_sizes[key[0]] * TERM_SHARE_CAP)))


def candidate_pairs(docs: Sequence[DutyDoc], *, new: set[str] | None = None,
                    reopened: frozenset[BlockKey] = frozenset()) -> set[tuple[int, int]]:
    """Pairs of different departments of one region, or of a region and a region just below it, that share
    one of their rarest terms (no all-pairs pass).

    Each duty is indexed under its content terms that few duties of its region hold: two duties about
    the same work share such words, while the common ones (工作, 安全, 管理 …) would pair everything with
    everything. Sibling counties are never paired: no overlap scope compares them. (A county a 撤县设区 made a
    district is no sibling of it: both are zoned as the district, `DutyDoc.zone`.)
    With `new`, only pairs involving a new duty are proposed, and those that a `reopened` key (a term too
    common to pair by when last linked, no longer) now brings together: the pairs a link of everything would
    propose that no earlier link did.
    """
    capped = capped_keys(docs)
    # Each entry: the duty, whether it is indexed from the region below, and whether its pairs are to score.
    postings: dict[BlockKey, list[tuple[int, bool, bool]]] = defaultdict(list)
    for index, doc in enumerate(docs):
        fresh = new is None or doc.uid in new
        parent = doc.zone.rpartition("/")[0]
        for term in set(doc.terms):
            if (doc.zone, term) in capped:
                continue
            to_score = fresh or (doc.zone, term) in reopened
            postings[(doc.zone, term)].append((index, False, to_score))
            if parent:
                postings[(parent, term)].append((index, True, to_score))
    pairs: set[tuple[int, int]] = set()
    for entries in postings.values():
        for position, (i, i_below, i_to_score) in enumerate(entries):
            for j, j_below, j_to_score in entries[position + 1:]:
                if (i_below and j_below) or docs[i].group == docs[j].group or not (i_to_score or j_to_score):
                    continue
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def is_candidate(a: DutyDoc, b: DutyDoc, capped: frozenset[BlockKey]) -> bool:
    """Whether `candidate_pairs` over duties whose capped keys are `capped` proposes this pair."""
    if a.group == b.group:
        return False
    if not (a.zone == b.zone or a.zone.rpartition("/")[0] == b.zone or b.zone.rpartition("/")[0] == a.zone):
        return False
    return any((a.zone, term) not in capped and (b.zone, term) not in capped for term in set(a.terms) & set(b.terms))


def similar_pairs(docs: Sequence[DutyDoc], model: SimilarityModel, threshold: float = DEFAULT_THRESHOLD, *,
                  new: set[str] | None = None, reopened: frozenset[BlockKey] = frozenset(),
                  parallel: bool = True) -> list[tuple[str, str, float]]:
    """(uid, uid, score) for candidate pairs (`candidate_pairs`) scoring at or above the threshold, in sorted order.

    With `parallel`, many candidates are scored in forked worker processes, one per core: the scoring is pure
    Python. (Without it when other threads are running: forking a threaded process is unsafe.)"""
    candidates = sorted(candidate_pairs(docs, new=new, reopened=reopened))
    workers = min(os.cpu_count() or 1, MAX_WORKERS) if parallel else 1
    if workers < 2 or len(candidates) < PARALLEL_FROM:
        return sorted(_score_pairs(docs, model, threshold, candidates))
    global _shared
    _shared = (docs, model, threshold)  # inherited by the forked workers, not pickled
    try:
        chunks = [candidates[start::workers] for start in range(workers)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_score_chunk, chunks)
    finally:
        _shared = None
    return sorted(pair for part in parts for pair in part)


MAX_WORKERS = 4
PARALLEL_FROM = 50_000  # candidates; below this a worker pool costs more than it saves
_shared: tuple[Sequence[DutyDoc], SimilarityModel, float] | None = None


def _score_chunk(chunk: list[tuple[int, int]]) -> list[tuple[str, str, float]]:
    assert _shared is not None
    docs, model, threshold = _shared
    return _score_pairs(docs, model, threshold, chunk)


def _score_pairs(docs: Sequence[DutyDoc], model: SimilarityModel, threshold: float,
                 candidates: list[tuple[int, int]]) -> list[tuple[str, str, float]]:
    found = []
    for i, j in candidates:
        score = model.score_docs(docs[i], docs[j], at_least=threshold)
        if score >= threshold:
            a, b = sorted((docs[i].uid, docs[j].uid))
            found.append((a, b, round(score, 4)))
    return found
