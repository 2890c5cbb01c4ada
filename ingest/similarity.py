"""Which duty texts describe the same work: jieba content terms, idf-weighted cosine plus rapidfuzz.

Two clauses of different departments rarely share wording, so the score looks at *content*: the jieba
terms (synonyms folded: 渣土 → 建筑垃圾) without the verbs and scope words every duty shares (负责, 组织,
全市, 有关, 工作 …). Candidate pairs come from an inverted index over the rarer terms, so that linking
never compares all pairs; each candidate is scored as

    score = 0.75 · cosine(idf-weighted term vectors) + 0.25 · rapidfuzz token_set_ratio(content terms)

The threshold and weights were chosen on the labelled pairs in tests/data/duty_pairs.tsv.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ingest.terms import index_terms

DEFAULT_THRESHOLD = 0.5
COSINE_WEIGHT = 0.75
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
# A term held by more than this share of duties is too common to propose candidates.
CANDIDATE_DF_SHARE = 0.05
MIN_CANDIDATE_DF_CAP = 20


def content_terms(text: str) -> list[str]:
    return [term for term in index_terms(text, with_parts=True) if term not in GENERIC_TERMS]


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
        counts = Counter(terms)
        return {term: count * self.idf.get(term, self.default_idf) for term, count in counts.items()}

    def score_terms(self, a: Sequence[str], b: Sequence[str]) -> float:
        if not a or not b:
            return 0.0
        va, vb = self.vector(a), self.vector(b)
        dot = sum(weight * vb.get(term, 0.0) for term, weight in va.items())
        norm = math.sqrt(sum(w * w for w in va.values())) * math.sqrt(sum(w * w for w in vb.values()))
        cosine = dot / norm if norm else 0.0
        fuzzy = fuzz.token_set_ratio(" ".join(a), " ".join(b)) / 100.0
        return COSINE_WEIGHT * cosine + (1 - COSINE_WEIGHT) * fuzzy

    def score(self, text_a: str, text_b: str) -> float:
        return self.score_terms(content_terms(text_a), content_terms(text_b))

    def coverage(self, part: Sequence[str], whole: Sequence[str]) -> float:
        """The idf share of `part`'s terms that `whole` also has: an office clause inside a department duty."""
        if not part:
            return 0.0
        present = set(whole)
        weights = self.vector(part)
        total = sum(weights.values())
        return sum(w for term, w in weights.items() if term in present) / total if total else 0.0


@dataclass
class DutyDoc:
    uid: str
    text: str
    group: str  # pairs inside one group (one department and its offices) are never overlaps
    terms: list[str] = field(default_factory=list)


def candidate_pairs(docs: Sequence[DutyDoc], model: SimilarityModel, *, new: set[str] | None = None
                    ) -> set[tuple[int, int]]:
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
    for i, j in sorted(candidate_pairs(docs, model, new=new)):
        score = model.score_terms(docs[i].terms, docs[j].terms)
        if score >= threshold:
            a, b = sorted((docs[i].uid, docs[j].uid))
            found.append((a, b, round(score, 4)))
    return found
