"""no_mandate (power_item_review): a power item whose 实施主体's 三定 gives it no work like the item (职权法定).

Judged as host_assist_ambiguities judges a lead's mandate (`queries.ambiguities.Mandates`, lead_without_mandate): the
department lacks the work when its best duty scores (BM25 on the item's name) under MANDATE_SHARE of the region's
best department's. Only the 三定's duties count (SANDING_KINDS), and only they are searched (`sanding_index`): the
graph's search index holds the power items themselves, an item would be its own holder's best match, and its words
would be known there and never read by meaning. A department with no 三定 duties in the graph is not judged (no
三定 loaded is no missing mandate; an unknown 实施主体 is holder_unknown).

Only the kinds of power 职权法定 bites on (`legal_basis.BURDENING_KINDS`): a 处罚, 许可, 强制, 征收 or 检查
by a body without the work is unlawful (行政处罚法第三十八条: 实施主体不具有行政主体资格的，行政处罚无效).
A 备案 or a 确认 is written in other words than the duty it serves: 企业董事、监事、经理变更备案 meets no word
of 市场主体登记注册, its holder's duty, while 卫健委's 企业标准备案 shares two, and a word search cannot tell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.store import Row, Store
from ingest.terms import broader_terms, index_terms
from queries.ambiguities import Mandates, holders, holders_of
from queries.cache import cached
from queries.legal_basis import BURDENING_KINDS
from queries.search import BM25Index, Evidence
from queries.who_handles import SANDING_KINDS, evidence_index

# The frame a 处罚 is named in, 对…（行为）的（行政）处罚: its kind of action, which every enforcing department shares.
# Read as a word no 三定 writes, 处罚 would bring in its nearest words by meaning (违法, 查处, 道路交通安全违法, 安全),
# all noise; the item is about its object, what the frame encloses.
_ACTION_FRAME = re.compile(r"^对|(?:行为)?(?:的|进行)?(?:行政)?(?:处罚|罚款)(?:决定)?$")
# The area an item is done in, as a law draws it: 在河道管理范围内, 在公路用地范围内, 在文物保护单位保护范围内.
_PLACE = re.compile(r"在(.+?)(?:管理|保护|用地|控制)?范围内")
PLACE_WEIGHT = 2.0
PART_WEIGHT = 0.5


class PowerMandates:
    """Which power items' holders have no 三定 duty like them; searched once per item name and region."""

    def __init__(self, index: BM25Index, holding: frozenset[tuple[str, str]]) -> None:
        self._mandates = Mandates(index, holding, kinds=SANDING_KINDS)

    @classmethod
    def of_graph(cls, store: Store) -> PowerMandates:
        return cls(cached(store, ("sanding_index",), lambda: sanding_index(evidence_index(store).evidence),
                          whole_graph=True), holders(store, SANDING_KINDS))

    @classmethod
    def of_evidence(cls, evidence: Sequence[Evidence]) -> PowerMandates:
        """Judged on these pieces of evidence alone (a labelled set's: tests/data/power_mandate.tsv)."""
        return cls(sanding_index(evidence), holders_of(evidence, SANDING_KINDS))

    def lacking(self, row: Row) -> str | None:
        """For an item (a power_item_review row) whose holder lacks the work, the finding's detail: the holder's
        nearest duty and the department whose duty is nearer, each with its score; None when it holds the work or
        cannot be judged."""
        if row["unresolved"] or not (row["type"] or "").startswith(BURDENING_KINDS) \
                or (row["department"], row["region"]) not in self._mandates.holders:
            return None
        matter = item_object(row["item"])
        better = self._mandates.better_holder(matter, row["department"], row["region"])
        if better is None:
            return None
        best = self._mandates.best_by_department(matter, row["region"])
        own = best.get(row["department"])
        said = [f"本部门最相近的职责：{_scored(own)}" if own else "本部门三定没有与之相近的职责"]
        if better["holder"]:
            said.append(f"{better['holder']}的职责更相近：{_scored(best[better['holder']])}")
        else:
            said.append("本区划也没有部门的三定职责与之足够相近")
        return "；".join(said)


def sanding_index(evidence: Sequence[Evidence]) -> BM25Index:
    """The search index of the 三定's duties alone: an item is read against the words the 三定 write, as who_handles
    reads a complaint against the evidence's. Its words no 三定 uses (水域, 电鱼) are read by their nearest words by
    meaning and their broader concepts at full weight (`BM25Index.query_weights`); in the whole graph's index the power
    items themselves use them, and they would stay unread, meeting nothing."""
    return _SandingIndex([item for item in evidence if item.kind in SANDING_KINDS])


class _SandingIndex(BM25Index):
    """The 三定's duties, an item's place counting double: an item done 在河道管理范围内 or 在公路用地范围内 is the
    work of the department that manages that area under its law (河道管理条例, 公路法), whatever the act is; the act's
    words (修建建筑物, 倾倒垃圾) are shared with the departments that manage such acts elsewhere (住建, 城管).
    The pieces of a term of its own count PART_WEIGHT (`_pieces_of_read_words`)."""

    def query_weights(self, text: str) -> dict[str, float]:
        weights = super().query_weights(text)
        for part in self._pieces_of_read_words(text):
            if weights.get(part) == 1.0:
                weights[part] = PART_WEIGHT
        place = _PLACE.search(text)
        if place is None:
            return weights
        # The place's own weights, its words' neighbours by meaning included (江河 → 堤防, 水库), counted double.
        for term, weight in super().query_weights(place[1]).items():
            weights[term] = max(weights.get(term, 0.0), PLACE_WEIGHT * weight)
        return weights

    def _pieces_of_read_words(self, text: str) -> set[str]:
        """The pieces inside the text's words (安全 in 安全生产, 危险 in 道路危险货物运输) where the word is a
        term of its own: a duty writes it, or the dictionaries name its broader concept (道路危险货物运输 → 道路运输,
        broader.txt). Such a word is met whole or through its concept, and its pieces mostly add the duties that
        write them inside other terms: 应急's 危险化学品 on 道路危险货物运输. A word neither knows keeps its pieces at
        full weight: they are its only reading (占用城市道路 meets 城管's 占用、挖掘城市道路 by them). Not the text's
        own words: the 生产 of 生产经营单位 stays whole. Not `search.read_parts`, which is near: that keeps the parts of
        words the dictionaries read as a matter (`matter_words`), so as to leave them out of the query, and by the
        text's own words alone; this asks which words this index knows as terms (`idf`, and broader.txt's
        concepts), so as to weigh their pieces down, and the pieces include a compound's own parts (`with_parts`)."""
        words = index_terms(text, as_query=True)
        pieces: set[str] = set()
        for word in words:
            if self.idf(word) is not None or word in broader_terms():
                pieces.update(index_terms(word, with_parts=True, as_query=True))
        return pieces - set(words)


def item_object(item: str) -> str:
    """What a power item acts on, read against the 三定: its name without the frame of a 处罚 (对…的处罚), the kind of
    action every enforcing department shares; the name itself when that is all it says."""
    return _ACTION_FRAME.sub("", item) or item


def _scored(best: tuple[float, str, str]) -> str:
    score, text, _source = best
    return f"“{text}”（相近度{score:.1f}）"
