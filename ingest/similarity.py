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
from collections import defaultdict
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

# A term held by more than this share of duties is too common to propose candidates.
CANDIDATE_DF_SHARE = 0.05
MIN_CANDIDATE_DF_CAP = 20


def content_terms(text: str) -> list[str]:
    return [term for term in index_terms(text, with_parts=True) if term not in GENERIC_TERMS]


@dataclass
class DutyDoc:
    uid: str
    text: str
    group: str  # pairs inside one group (one department and its offices) are never overlaps
    terms: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.terms:
            self.terms = content_terms(self.text)


@dataclass
class SimilarityModel:
    """Inverse *holder* frequencies: a term that most departments' duties use (法律法规, 规章草案) frames a
    duty without saying which work it is, and weighs little; a term few departments use weighs much."""

    idf: dict[str, float]
    default_idf: float

    @classmethod
    def fit(cls, texts: Iterable[tuple[str, str]]) -> SimilarityModel:
        """`texts`: (text, holder) pairs; frequencies count holders, not texts."""
        holders_of: dict[str, set[str]] = defaultdict(set)
        holders: set[str] = set()
        for text, holder in texts:
            holders.add(holder)
            for term in set(content_terms(text)):
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

    def features(self, a: DutyDoc, b: DutyDoc) -> tuple[float, ...]:
        grams_a, grams_b = _bigrams(a.terms), _bigrams(b.terms)
        acts_a, acts_b = _actions(a.text), _actions(b.text)
        layered = bool((_CITY_WIDE.search(a.text) and _LOCAL.search(b.text))
                       or (_CITY_WIDE.search(b.text) and _LOCAL.search(a.text)))
        return (
            self.cosine(a.terms, b.terms),
            len(grams_a & grams_b) / len(grams_a | grams_b) if grams_a | grams_b else 0.0,
            len(acts_a & acts_b) / len(acts_a | acts_b) if acts_a | acts_b else 0.5,
            1.0 if layered else 0.0,
            1.0 if _HOUSEKEEPING.search(a.text) and _HOUSEKEEPING.search(b.text) else 0.0,
            max(self.coverage(a.terms, b.terms), self.coverage(b.terms, a.terms)),
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
    """Pairs of different groups sharing at least one term that is not too common (no all-pairs pass).

    With `new`, only pairs that involve at least one new duty are proposed (re-linking after ingest).
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for index, doc in enumerate(docs):
        for term in set(doc.terms):
            postings[term].append(index)
    cap = max(MIN_CANDIDATE_DF_CAP, int(len(docs) * CANDIDATE_DF_SHARE))
    pairs: set[tuple[int, int]] = set()
    for indices in postings.values():
        if len(indices) > cap:
            continue
        for position, i in enumerate(indices):
            for j in indices[position + 1:]:
                if docs[i].group == docs[j].group:
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
