"""Which duty texts describe the same work: jieba content terms and rapidfuzz, combined by a small
logistic model trained on labelled pairs.

Two clauses of different departments rarely share wording, so the score looks at *content*: the jieba
terms (synonyms folded: 渣土 → 建筑垃圾; compounds also give their parts) without the verbs and scope
words every duty shares (负责, 组织, 全市, 有关, 工作 …). Term weights are inverse *holder* frequencies:
a term most departments use frames a duty without saying which work it is. Features of a pair:

- `cosine`: cosine of the weighted term vectors;
- `bigrams`: Jaccard of the character bigrams of the content (catches 改厕 ~ 户厕改造);
- `actions`: overlap of the kinds of action (licensing, inspection, planning, building, rescue,
  prevention, guidance, service) — the same object handled at a different stage is different work;
- `layered`: one side guides the whole city while the other carries the work out locally;
- `housekeeping`: both are the department's own housekeeping (机关, 本部门, 离退休, 值班 …);
- `coverage`: how much of one clause's weighted content the other contains.

The weights come from `python -m ingest.train_similarity`, fitted on the odd-numbered pairs of
tests/data/duty_pairs.tsv; the even-numbered ones are held out, and the test reports precision and
recall on them. Candidate pairs come from an inverted index over the rarer terms, so that linking never
compares all pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ingest.terms import index_terms

# Trained by `python -m ingest.train_similarity` (bias first, then one weight per feature, in FEATURES order).
FEATURES = ("cosine", "bigrams", "actions", "layered", "housekeeping", "coverage")
WEIGHTS = (-2.51, 2.45, 2.58, 0.77, -4.56, -5.14, 2.39)
DEFAULT_THRESHOLD = 0.5

# Verbs and scope words that say nothing about which work is meant.
GENERIC_TERMS = frozenset({
    "负责", "承担", "组织", "开展", "做好", "落实", "推进", "推动", "实施", "组织实施", "指导", "协调", "统筹",
    "参与", "配合", "协助", "会同", "牵头", "履行", "依法", "加强", "建立", "健全", "建立健全", "完善", "提出",
    "拟订", "制定", "起草", "贯彻", "贯彻执行", "贯彻落实", "执行", "全市", "全县", "全区", "本市", "本县",
    "本区", "辖区", "有关", "相关", "工作", "管理", "职责", "范围", "方面", "情况", "规定", "要求", "事项",
    "机制", "体系", "制度", "政策", "规划", "计划", "标准", "措施", "具体", "日常", "综合", "监督", "检查",
    "监督管理", "监管", "服务", "保障", "建设", "发展", "任务", "其他", "领域", "行业", "承办", "办理",
    # Who gave the order or whose government it is says nothing about the work either.
    "党中央", "国务院", "省委", "省政府", "市委", "市政府", "县委", "县政府", "区委", "区政府", "交办", "完成",
    "上级", "领导", "人民政府", "政府", "市级", "县级", "区级",
})
ACTIONS: dict[str, tuple[str, ...]] = {
    "license": ("许可", "审批", "核发", "审核", "核准", "备案", "登记", "认定", "资质", "发放", "受理", "注销"),
    "inspect": ("监督检查", "检查", "抽检", "抽查", "巡查", "查处", "处罚", "执法", "稽查", "监测", "监督管理",
                "监管", "监察", "督查", "核查"),
    "plan": ("规划", "编制", "拟订", "制定", "起草", "统筹", "布局"),
    "build": ("建设", "改造", "维护", "养护", "运营", "运行", "管护", "实施", "推进"),
    "rescue": ("救援", "应急", "处置", "救助", "调度", "抢险"),
    "prevent": ("防治", "预防", "防控", "治理", "整治", "保护"),
    "guide": ("指导", "督促", "考核", "评估", "培训"),
    "service": ("服务", "保障", "宣传", "发布", "统计"),
}
_CITY_WIDE = re.compile(r"^(?:指导|统筹|督促)|指导全|统筹全|指导各县|指导县")
_LOCAL = re.compile(r"本县|本区|辖区|具体实施|全县|全区|县城")
_HOUSEKEEPING = re.compile(r"本部门|机关|本系统|所属单位|交办|值班|离退休|党风廉政|政务公开|人事")
_HAN = re.compile(r"[^\u4e00-\u9fff]")

# A term held by more duties of a region than this share (at least MIN_TERM_CAP) is too common to pair them.
TERM_SHARE_CAP = 0.02
MIN_TERM_CAP = 12


def content_terms(text: str) -> list[str]:
    return [term for term in index_terms(text, with_parts=True) if term not in GENERIC_TERMS]


@dataclass
class DutyDoc:
    uid: str
    text: str
    group: str  # pairs inside one group (one department and its offices) are never overlaps
    terms: list[str] = field(default_factory=list)
    zone: str = ""  # the region path: duties of one region, or of a region and one just below it, are compared

    def __post_init__(self) -> None:
        if not self.terms:
            self.terms = content_terms(self.text)
        # Per-duty parts of the features, computed once: linking scores each duty against many others.
        self.bigrams = _bigrams(self.terms)
        self.actions = _actions(self.text)
        self.city_wide = bool(_CITY_WIDE.search(self.text))
        self.local = bool(_LOCAL.search(self.text))
        self.housekeeping = bool(_HOUSEKEEPING.search(self.text))
        self.weights: dict[str, float] | None = None
        self.norm = 0.0


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
        holders_of: dict[str, set[str]] = defaultdict(set)
        holders: set[str] = set()
        for terms, holder in documents:
            holders.add(holder)
            for term in set(terms):
                holders_of[term].add(holder)
        total = len(holders)
        idf = {term: math.log((1 + total) / (1 + len(owners))) + 0.1 for term, owners in holders_of.items()}
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
        if not part:
            return 0.0
        present = set(whole)
        weights = self.vector(part)
        total = sum(weights.values())
        return sum(w for term, w in weights.items() if term in present) / total if total else 0.0

    def _prepare(self, doc: DutyDoc) -> dict[str, float]:
        if doc.weights is None:
            doc.weights = self.vector(doc.terms)
            doc.norm = math.sqrt(sum(w * w for w in doc.weights.values()))
        return doc.weights

    def features(self, a: DutyDoc, b: DutyDoc) -> tuple[float, ...]:
        wa, wb = self._prepare(a), self._prepare(b)
        shared = wa.keys() & wb.keys()
        dot = sum(wa[t] * wb[t] for t in shared)
        total_a, total_b = sum(wa.values()), sum(wb.values())
        coverage = max(sum(wa[t] for t in shared) / total_a if total_a else 0.0,
                       sum(wb[t] for t in shared) / total_b if total_b else 0.0)
        grams = a.bigrams | b.bigrams
        acts = a.actions | b.actions
        return (
            dot / (a.norm * b.norm) if a.norm and b.norm else 0.0,
            len(a.bigrams & b.bigrams) / len(grams) if grams else 0.0,
            len(a.actions & b.actions) / len(acts) if acts else 0.5,
            1.0 if (a.city_wide and b.local) or (b.city_wide and a.local) else 0.0,
            1.0 if a.housekeeping and b.housekeeping else 0.0,
            coverage,
        )

    def score_docs(self, a: DutyDoc, b: DutyDoc, weights: Sequence[float] = WEIGHTS) -> float:
        """The probability that the two duties describe the same work."""
        if not a.terms or not b.terms:
            return 0.0
        z = weights[0] + sum(w * x for w, x in zip(weights[1:], self.features(a, b), strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def score(self, text_a: str, text_b: str) -> float:
        return self.score_docs(DutyDoc("a", text_a, "a"), DutyDoc("b", text_b, "b"))


def _bigrams(terms: Sequence[str]) -> set[str]:
    text = _HAN.sub("", "".join(terms))
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _actions(text: str) -> set[str]:
    return {kind for kind, words in ACTIONS.items() if any(word in text for word in words)}


def candidate_pairs(docs: Sequence[DutyDoc], *, new: set[str] | None = None) -> set[tuple[int, int]]:
    """Pairs of different departments of one region, or of a region and a region just below it, that share
    one of their rarest terms (no all-pairs pass).

    Each duty is indexed under its content terms that few duties of its region hold: two duties about
    the same work share such words, while the common ones (工作, 安全, 管理 …) would pair everything with
    everything. Sibling counties are never paired: no overlap scope compares them.
    With `new`, only pairs involving a new duty are proposed.
    """
    frequency: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        frequency.update((doc.zone, term) for term in set(doc.terms))
    zone_sizes = Counter(doc.zone for doc in docs)
    postings: dict[tuple[str, str], list[tuple[int, bool]]] = defaultdict(list)
    for index, doc in enumerate(docs):
        cap = max(MIN_TERM_CAP, int(zone_sizes[doc.zone] * TERM_SHARE_CAP))
        rarest = [term for term in set(doc.terms) if frequency[(doc.zone, term)] <= cap]
        parent = doc.zone.rpartition("/")[0]
        for term in rarest:
            postings[(doc.zone, term)].append((index, False))
            if parent:
                postings[(parent, term)].append((index, True))
    pairs: set[tuple[int, int]] = set()
    for entries in postings.values():
        for position, (i, i_below) in enumerate(entries):
            for j, j_below in entries[position + 1:]:
                if (i_below and j_below) or docs[i].group == docs[j].group:
                    continue
                if new is not None and docs[i].uid not in new and docs[j].uid not in new:
                    continue
                pairs.add((i, j) if i < j else (j, i))
    return pairs


def similar_pairs(docs: Sequence[DutyDoc], model: SimilarityModel, threshold: float = DEFAULT_THRESHOLD, *,
                  new: set[str] | None = None) -> list[tuple[str, str, float]]:
    """(uid, uid, score) for candidate pairs scoring at or above the threshold, uids in sorted order."""
    found = []
    for i, j in sorted(candidate_pairs(docs, new=new)):
        score = model.score_docs(docs[i], docs[j])
        if score >= threshold:
            a, b = sorted((docs[i].uid, docs[j].uid))
            found.append((a, b, round(score, 4)))
    return found
