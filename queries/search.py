"""BM25 over jieba content terms: free text (a 12345 complaint, a matter name) to the duties and items
that cover it. Terms are folded by the synonym table on both sides (共享单车 → 互联网租赁自行车), and
compounds also index their parts, so everyday words meet official ones. A query also finds the lexicon's
phrases inside its text by rapidfuzz partial matching, so that a phrase jieba cut differently, or a caller
worded a little differently (后厨很脏 ~ 后厨脏乱), still brings in its official term, at half weight. A word
that no evidence uses brings in the nearest words by meaning that some does (`queries.neighbours`)."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import ScoreAlignment

from ingest.content import GENERIC_TERMS, content_terms
from ingest.terms import (
    broader_terms,
    index_terms,
    loose_synonyms,
    segment,
    stopwords,
    synonyms,
    tokens,
    whole_spans,
)
from queries.lead_claims import Dispute
from queries.lookup import current_region
from queries.neighbours import NEIGHBOUR_WEIGHT, Neighbours

K1 = 1.2
B = 0.75
# A term the text implies, by a broader concept (餐饮油烟 → 大气污染) or by a lexicon phrase found in it
# loosely, counts half of one it says.
IMPLIED_WEIGHT = 0.5
# rapidfuzz partial_ratio from which a lexicon phrase counts as found in the text: a phrase of four characters
# with one of them different or missing (75), of five with one (80); a shorter phrase as written, or two of its
# three characters where the text begins or ends with them (rapidfuzz aligns the edges partially). Chosen on
# the first fresh set of labelled complaints (see README): 70 gave the same, 80 four fewer right, 65 fewer on
# every set.
LEXICON_MATCH = 75
SHARE = LEXICON_MATCH / (200 - LEXICON_MATCH)  # of the shorter string's characters, to reach the cutoff
_HAN = re.compile(r"[\u4e00-\u9fff]")
# How a hotline writes down a call, not what it is about: `市民来电反映：药店卖处方药` sent the case elsewhere than
# the bare complaint (user test), 来电 and 反映 meeting duties of their own. Its lead-in and a bracketed ticket note
# are cut before segmentation (jieba cuts 诉求人称药店 into 诉求 / 人称 / 药店); its words left anywhere else count
# for nothing.
_HOTLINE_LEAD = re.compile(r"^\s*(?:(?:市民|群众|居民)?(?:来电|来信|来访)(?:反映|称|表示)?|"
                           r"(?:市民|群众|来电人|诉求人|投诉人|举报人)(?:反映|称|表示))[:：，,]?")
_TICKET_NOTE = re.compile(r"[（(](?:工单|来电|来信|来访)[^（）()]{0,12}[)）]")
# The request a call ends with (要求处理, 请相关部门尽快核实处理并回复): 处理 met 垃圾处理 and sent 过期的面包 to 城管
# (user test). Cut only as the text's last clause, where it asks for action rather than names the matter.
_REQUEST_TAIL = re.compile(r"[，,。；;]?\s*(?:(?:市民|来电人|诉求人)?(?:要求|请求|希望|恳请|请|望))"
                           r"(?:相关部门|有关部门|相关单位|有关单位|政府|领导)?(?:尽快|及时|抓紧|帮忙|予以|给予)?"
                           r"(?:核实|调查|介入)?(?:处理|解决|处置|整改|协调|回复|答复)(?:[并和及](?:回复|答复|反馈))?"
                           r"(?:一下)?[。！!]*\s*$")
HOTLINE_FRAME = frozenset({"市民", "来电", "来电人", "反映", "诉求", "诉求人", "工单", "投诉人", "举报人", "来访"})
# What is done with a certificate or card, not whose it is: the document named beside the verb decides (社保卡补办 is
# 人社's card). No duty of the examples writes these verbs, so each brought its nearest words (补办 → 身份证, 户籍)
# and sent 社保卡补办 to 公安's 户籍 duty; where a duty writes one (居民身份证补领), it would outweigh the card named.
PAPERWORK_VERBS = frozenset({"补办", "补领", "补发", "补证", "挂失", "换领", "换发", "换证", "申领"})
# The words a query weighs nothing: the call's framing and the paperwork verbs.
_WEIGHTLESS = HOTLINE_FRAME | PAPERWORK_VERBS


def without_hotline_frame(text: str) -> str:
    """The complaint without the hotline's lead-in (市民来电反映：, 诉求人称), ticket notes (（来电12）) and closing
    request (，要求尽快处理)."""
    complaint = _TICKET_NOTE.sub("", _HOTLINE_LEAD.sub("", text, count=1))
    return _REQUEST_TAIL.sub("", complaint, count=1).strip() or complaint  # a bare 要求处理 stays what it says


def query_terms(text: str, *, known: Container[str] | None = None) -> dict[str, float]:
    """The text's content terms (weight 1); the terms of the broader concepts its words fall under
    (broader.txt), which duties often write instead of the specific thing a complaint names; and the official
    terms of the lexicon phrases found in it loosely. `known`: the terms some evidence uses (an index's), when the
    text is read against an index."""
    text, apart = phrases_apart(without_hotline_frame(text))
    weights = dict.fromkeys((term for term in content_terms(text, as_query=True)
                              if term not in _WEIGHTLESS), 1.0)
    # Only whole words imply their broader concepts: the 农药 inside 农药残留 is not about 农业投入品. A broader
    # concept counts half because the word itself may be met as well; when no evidence writes the word (网吧 →
    # 互联网上网服务营业场所, 闯红灯 → 道路交通安全违法), its broader concept is the only reading of it the evidence
    # has, and counts as said: else the word's parts outweigh it (the 互联网 of 互联网租赁自行车).
    implied: list[tuple[str, float]] = [
        (concept, 1.0 if known is not None and term not in known else IMPLIED_WEIGHT)
        for term in index_terms(text) for concept in broader_terms().get(term, ())]
    implied.extend((phrase, IMPLIED_WEIGHT) for phrase in lexicon_matches(text, apart))
    for phrase, weight in implied:
        for term in _terms_of(phrase):
            weights[term] = max(weights.get(term, 0.0), weight)
    return weights


def read_parts(text: str) -> frozenset[str]:
    """The parts of the text's words that the dictionaries read (`matter_words`), other than the text's own words:
    the 食物 and 中毒 of 食物中毒 (食源性疾病), the 充电 of 电动自行车充电. The word has its reading; a part of it
    that no evidence uses is not a word of the text on its own, and its nearest words by meaning are guesses about
    what the text did not say (中毒 → 剧毒 → 剧毒化学品, 充电 → 单车 → 互联网租赁自行车). Measured on the labelled
    sets (README), leaving them out put one more right department first and none fewer."""
    text = as_read(text)
    words = [word for word in tokens(text) if word in matter_words()]
    own = set(index_terms(text))
    return frozenset(part for word in words for part in content_terms(word, as_query=True) if part not in own)


def lexicon_matches(text: str, apart: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The official terms of the lexicon phrases (synonyms.txt, colloquial.txt; not the official variants, which
    are exact terms) that the text contains, as
    written or nearly (rapidfuzz partial_ratio ≥ LEXICON_MATCH), whether or not jieba cut them out as words.
    `apart`: the spans of the phrases `phrases_apart` set apart in the text, read as those phrases: a shorter phrase
    met inside one is a part of it (the 异味 of 水有异味 is the water's, not the air's 恶臭污染)."""
    canonicals = _lexicon().canonicals
    return sorted({canonicals[index] for index, met in _met_phrases(text)
                   if not any(start <= met.dest_start and met.dest_end <= end for start, end in apart)})


def as_read(text: str) -> str:
    """The complaint as every reading of it reads it: without the hotline's frame (`without_hotline_frame`), with the
    lexicon phrases it says set apart as words (`phrases_apart`)."""
    return phrases_apart(without_hotline_frame(text))[0]


@lru_cache(maxsize=4096)  # each reader of a complaint (its terms, its parts, its decisive word) asks again
def phrases_apart(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text read with each lexicon phrase it says as one word, whatever jieba's cut, and where those phrases
    stand in it. jieba cuts 自来水有异味 into 自来水 / 有 / 异味, so colloquial.txt's 水有异味 (水质) was read only as a
    phrase found loosely, at half weight, while its 异味, read alone as 恶臭污染 and so 大气污染, counted in full: the
    complaint went to 生态环境局 (user test). A phrase takes the words jieba cut wholly inside it (those it only
    overlaps keep their reading: the 自来水 of 自来水 / 水有异味 is still 供水) when it is met as written, or nearly
    where the text's other words say its official term (自来水发黄有异味: 水有异味 met on 黄有异味, and 自来水发黄 is
    水质 too); and only when it takes two words or more, one of two characters or more: a phrase met across two words
    without taking one is as likely a chance meeting of their characters (马路 / 灯光 holds 路灯), and one taking a
    single word only trims the next (夜市摊 on 夜市 / 摊贩). Of two phrases taking the same word, the longer. The
    phrase, as the lexicon writes it, replaces the words it takes, set off by spaces, so that jieba cuts it whole
    and every reading of the text folds it as it folds a word: to its official term, said."""
    words = segment(text)
    starts = [0]
    for word in words:
        starts.append(starts[-1] + len(word))
    lexicon = _lexicon()
    claims: list[tuple[int, int, int]] = []  # (first word, end word, phrase index)
    for index, met in sorted(_met_phrases(text), key=lambda pair: (-len(lexicon.phrases[pair[0]]), pair[1].dest_start)):
        inside = [number for number, word in enumerate(words)
                  if met.dest_start <= starts[number] and starts[number + 1] <= met.dest_end and word.strip()]
        if len(inside) < 2 or not any(len(words[number]) >= 2 for number in inside):
            continue  # jieba cut the phrase itself, or the phrase only trims a word (夜市摊 on 夜市 / 摊贩)
        first, end = inside[0], inside[-1] + 1
        if any(first < taken_end and taken_first < end for taken_first, taken_end, _index in claims):
            continue
        if met.score < 100:
            others = " ".join(word for number, word in enumerate(words) if not first <= number < end)
            if lexicon.canonicals[index] not in index_terms(others, with_parts=True, as_query=True):
                continue
        claims.append((first, end, index))
    if not claims:
        return text, ()
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    done = 0
    for first, end, index in sorted(claims):
        pieces.extend(words[done:first])
        at = sum(map(len, pieces)) + 1
        phrase = lexicon.phrases[index]
        pieces.append(f" {phrase} ")
        spans.append((at, at + len(phrase)))
        done = end
    pieces.extend(words[done:])
    return "".join(pieces), tuple(spans)


def _met_phrases(text: str) -> list[tuple[int, ScoreAlignment]]:
    """The lexicon phrases (by index) the text meets at the cutoff, with where (`readings`)."""
    lexicon = _lexicon()
    # partial_ratio scores the best alignment of the shorter string, edges included, as 2·common / (its length
    # + the aligned part's), so reaching the cutoff c needs common ≥ c / (2 − c) of the shorter length. Counting
    # the phrase's characters that occur in the text through a character index bounds `common` from above and
    # leaves a few dozen phrases of thousands to score, with the same result as scoring them all.
    present: Counter[int] = Counter()
    for char in set(text):
        present.update(lexicon.by_char.get(char, ()))  # Counter's counting loop runs in C
    text_needs = SHARE * len(text)
    needs = lexicon.needs
    candidates = [index for index, count in present.items() if count >= needs[index] or count >= text_needs]
    return _kept_readings(lexicon, text, candidates)


def readings(lexicon: _Lexicon, text: str, candidates: Iterable[int]) -> list[str]:
    """The official terms of the candidate phrases (indexes into the lexicon) that the text meets at the cutoff
    (`_kept_readings`)."""
    return sorted({lexicon.canonicals[index] for index, _alignment in _kept_readings(lexicon, text, candidates)})


def _kept_readings(lexicon: _Lexicon, text: str, candidates: Iterable[int]) -> list[tuple[int, ScoreAlignment]]:
    """The official terms of the candidate phrases (indexes into the lexicon) that the text meets at the cutoff.
    A phrase met only nearly, on characters where another phrase is met as written, and longer than what it met,
    adds a word the text does not say: `药店卖假药` says 假药 (药品), and 假兽药 and 假农药 resemble it by those two
    characters alone. Read as 兽药 and 农药, they put the 农业农村局 first (user test). A near match as long as its
    span (单车乱放 for 单车乱停) is a reading of the text's own words, and stays."""
    found = [(index, alignment) for index in candidates
             if (alignment := fuzz.partial_ratio_alignment(lexicon.phrases[index], text, score_cutoff=LEXICON_MATCH))]
    exact = [(a.dest_start, a.dest_end) for _index, a in found if a.score == 100]
    whole = whole_spans(text)
    return [(index, a) for index, a in found
            if a.score == 100 or (_keeps_whole(lexicon.phrases[index], text, a.dest_start, a.dest_end, whole)
                                  and (len(lexicon.phrases[index]) <= a.dest_end - a.dest_start
                                       or not any(start <= a.dest_start and a.dest_end <= end
                                                  for start, end in exact)))]


def _keeps_whole(phrase: str, text: str, start: int, end: int, whole: list[tuple[int, int]]) -> bool:
    """Whether a phrase met nearly on text[start:end] takes each term kept whole there as it is: not a part of it
    alone (自行车赛, a cycle race, on the 自行车充 of 电动自行车充电), nor the term with a character put in (电动篷车,
    a four-wheeler, on 电动车火)."""
    return all(whole_end <= start or end <= whole_start
               or (start <= whole_start and whole_end <= end and text[whole_start:whole_end] in phrase)
               for whole_start, whole_end in whole)


@lru_cache(maxsize=8192)  # the evidence of every answer is read again: its texts are segmented once
def written_terms(text: str) -> frozenset[str]:
    """The text's content words as written, with the parts of its compounds: `content_terms` before the synonym
    table folds them. The index reads 电梯 and 锅炉 alike as 特种设备; these tell which of the two a text says."""
    stop = stopwords()
    return frozenset(piece for piece in segment(text, for_search=True)
                     if len(piece) >= 2 and _HAN.search(piece) and piece not in stop and piece not in GENERIC_TERMS)


def concepts(word: str) -> frozenset[str]:
    """A word of a text (folded, as `index_terms` gives it) and the broader concepts it implies (`query_terms`),
    folded in turn: 油烟 → 餐饮油烟, 大气污染; 小区电梯 → 小区电梯, 特种设备. Whole terms only: the parts of a
    compound (the 餐饮 of 餐饮油烟) are there to widen a search, and say nothing of what the word is about."""
    return frozenset({word, *(term for phrase in broader_terms().get(word, ()) for term in _whole_terms(phrase))})


@lru_cache(maxsize=1)
def matter_words() -> frozenset[str]:
    """The words the dictionaries place as matters: the terms of the synonym tables and of broader.txt, variants
    and official terms alike. Places and frames of a complaint (小区, 县城, 申请) are in neither."""
    folded = synonyms()
    broader = broader_terms()
    return frozenset({*folded, *folded.values(), *broader, *(term for terms in broader.values() for term in terms)})


@lru_cache(maxsize=4096)
def _whole_terms(phrase: str) -> tuple[str, ...]:
    return tuple(term for term in index_terms(phrase) if term not in GENERIC_TERMS)


@dataclass(frozen=True)
class _Lexicon:
    phrases: list[str]  # every phrase of the lexicon, variants and official terms alike
    canonicals: list[str]  # the official term each phrase stands for
    by_char: dict[str, list[int]]  # character → the index of each phrase that has it, once per occurrence
    needs: list[float]  # per phrase: the characters it must share with a text to reach the cutoff


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    table = dict(loose_synonyms())
    table.update({canonical: canonical for canonical in set(table.values())})
    phrases = sorted(table)
    by_char: dict[str, list[int]] = defaultdict(list)
    for index, phrase in enumerate(phrases):
        for char in phrase:
            by_char[char].append(index)
    return _Lexicon(phrases, [table[phrase] for phrase in phrases], dict(by_char),
                    [SHARE * len(phrase) for phrase in phrases])


@lru_cache(maxsize=4096)
def _terms_of(phrase: str) -> tuple[str, ...]:
    """The content terms of a dictionary phrase (a broader concept, an official term): few, and met often."""
    return tuple(content_terms(phrase, as_query=True))


@dataclass(frozen=True)
class Evidence:
    """One searchable text and whom it belongs to."""

    key: str  # duty, item or matter uid
    # duty | office_duty | power_item | supervision_item | matter_lead | territorial_lead (a township's, by a 属地
    # list) | matter_assist (searched only where no document names the matter's lead)
    kind: str
    text: str
    department: str  # department display name
    department_uid: str
    region: str  # where it answers a search: its department's region, for a township's lead its county
    department_region: str
    office: str  # office name for office duties, else ''
    source: str
    content: tuple[str, ...] = ()  # content terms segmented at ingest; empty: segment the text here
    # For a department duty: the offices whose duties carry it out (REFINES), by name; empty for the other kinds.
    carried_by: tuple[str, ...] = ()


class Hits(NamedTuple):
    """What a text scores on: positions in the evidence of `index` (a region's own index, when the search was
    limited to one region) and their BM25 scores, in the index's order."""

    index: BM25Index
    positions: np.ndarray
    scores: np.ndarray


class BM25Index:
    """BM25 over the evidence; a search limited to one region uses that region's own index (built on first
    use), so that its cost follows the region's size, not the whole graph's. Postings are held as arrays (one
    slice per term) and scored with numpy: a common word reaches tens of thousands of duties of a province."""

    def __init__(self, evidence: Sequence[Evidence], *, weights_from: BM25Index | None = None,
                 assists: Sequence[Evidence] = (), disputes: Mapping[str, Dispute] | None = None,
                 successors: Mapping[str, str] | None = None) -> None:
        self._regions: dict[str, BM25Index] = {}  # a region as it is now → its index
        self._below: dict[str, np.ndarray] = {}  # a region as it is now → whether each region number is under it
        # 撤县设区: each renamed county's path → the district's (`queries.lookup.region_successors`). A region is
        # searched as it is now, whichever path it is asked by, and a piece of evidence stands in the region its
        # department's is now: the county's departments no notice renamed keep the county's path (their rows show
        # it) and answer in the district, for every caller of a region's search alike.
        self.successors: Mapping[str, str] = dict(successors or {})
        self._neighbours: Neighbours | None = None  # built on the first word no evidence uses
        self.evidence = list(evidence)
        # Who assists on which matter (kind matter_assist, keyed by the matter like its leads' evidence): not
        # searched, since assisting is no ground to be sent a case, but it orders a matter's lead above them.
        self.assists = list(assists)
        # The matters whose lead the documents leave unsettled, by matter uid (`queries.lead_claims`).
        self.disputes: Mapping[str, Dispute] = disputes or {}
        terms = [Counter(item.content or content_terms(item.text)) for item in self.evidence]
        lengths = [sum(counts.values()) for counts in terms]
        postings: dict[str, list[int]] = defaultdict(list)
        for index, counts in enumerate(terms):
            for term in counts:
                postings[term].append(index)
        if weights_from is not None:
            # A region's index scores with the whole graph's term weights: the same ranking, less work.
            self._idf, self._average = weights_from._idf, weights_from._average
        else:
            total = len(self.evidence)
            self._idf = {term: math.log(1 + (total - len(docs) + 0.5) / (len(docs) + 0.5))
                         for term, docs in postings.items()}
            self._average = (sum(lengths) / len(lengths)) if lengths else 0.0
        # Each document's length normalisation, once rather than per posting of every search.
        norms = np.array([K1 * (1 - B + B * length / self._average) if self._average else K1 for length in lengths],
                         dtype=np.float64)
        # All postings in one pair of arrays; a term's are the slice _spans[term].
        self._spans: dict[str, tuple[int, int]] = {}
        documents: list[int] = []
        frequencies: list[int] = []
        for term, docs in postings.items():
            self._spans[term] = (len(documents), len(documents) + len(docs))
            documents.extend(docs)
            frequencies.extend(terms[index][term] for index in docs)
        self._documents = np.array(documents, dtype=np.int64)
        self._frequencies = np.array(frequencies, dtype=np.float64)
        self._posting_norms = norms[self._documents] if documents else np.zeros(0)
        self._region_names = sorted({e.region for e in self.evidence})  # a region's number is its place here
        numbers = {region: number for number, region in enumerate(self._region_names)}
        self._region_of = np.array([numbers[item.region] for item in self.evidence], dtype=np.int64)

    def _under(self, region: str) -> np.ndarray:
        """By region number, whether that region is now under `region` as it is now (not `region` itself)."""
        now = self.region_now(region)
        if now not in self._below:
            self._below[now] = np.array([self.region_now(name).startswith(f"{now}/") for name in self._region_names],
                                        dtype=bool)
        return self._below[now]

    def region_now(self, region: str) -> str:
        """The region `region` is now: a county a 撤县设区 made a district (or a township in it) is the district's."""
        return current_region(region, self.successors)

    def _standing_in(self, items: Sequence[Evidence], now: str) -> list[Evidence]:
        """The pieces of `items` whose region is `now` as it is now."""
        regions: dict[str, str] = {}
        return [item for item in items if regions.setdefault(item.region, self.region_now(item.region)) == now]

    def search(self, text: str, *, region: str | None = None) -> list[tuple[float, Evidence]]:
        """Evidence ranked by BM25 (highest first), optionally of one region's departments only."""
        return sorted(self.scores(text, region=region), key=lambda pair: (-pair[0], pair[1].department, pair[1].key))

    def scores(self, text: str, *, region: str | None = None) -> list[tuple[float, Evidence]]:
        """(BM25 score, evidence) of every piece of evidence the text scores on, in no order."""
        hits = self.hits(text, region=region)
        evidence = hits.index.evidence
        return [(score, evidence[position])
                for position, score in zip(hits.positions.tolist(), hits.scores.tolist(), strict=True)]

    def idf(self, term: str) -> float | None:
        """The term's inverse document frequency over the whole graph's evidence; None for a term none uses."""
        return self._idf.get(term)

    def full_match(self, text: str) -> float:
        """The score of a text of average length holding each of `text`'s terms once: what evidence that says all
        of it reaches, to judge a score against (a long text scores high on a few common words)."""
        return self.full_match_of(self.query_weights(text))

    def full_match_of(self, weights: dict[str, float]) -> float:
        """`full_match` of a text's `query_weights`."""
        return sum(weight * self._idf[term] for term, weight in weights.items() if term in self._idf)

    def said_terms(self, text: str) -> dict[str, float]:
        """`query_terms` read against this index's words: what the text says and implies, before neighbours."""
        return query_terms(text, known=self._idf)

    def query_weights(self, text: str) -> dict[str, float]:
        """`query_terms` (read against this index's words), with the neighbours of its unknown words
        (`with_neighbours`)."""
        return self.with_neighbours(self.said_terms(text), quiet=read_parts(text))

    def with_neighbours(self, said: dict[str, float], *, quiet: Container[str] = ()) -> dict[str, float]:
        """`said` (a text's `query_terms`), plus, for each word it says that no evidence uses (but those `quiet`
        names: `read_parts`), the terms of its nearest words by meaning (`queries.neighbours`; folded: 电梯 →
        特种设备) at NEIGHBOUR_WEIGHT per unit of cosine."""
        weights = dict(said)
        unknown = [term for term, weight in said.items()
                   if weight == 1.0 and term not in self._idf and term not in quiet]
        if unknown:
            if self._neighbours is None:
                # The evidence's own terms, and the words the dictionaries turn into them (电梯 → 特种设备).
                self._neighbours = Neighbours({*self._idf, *synonyms()})
            for term in unknown:
                for neighbour, cosine in self._neighbours.of(term):
                    for implied in _terms_of(neighbour) or (neighbour,):
                        weights.setdefault(implied, NEIGHBOUR_WEIGHT * cosine)
        return weights

    def hits(self, text: str, *, region: str | None = None) -> Hits:
        """The evidence the text scores on, with its BM25 scores."""
        return self.hits_for(self.query_weights(text), region)

    def hits_for(self, weights: dict[str, float], region: str | None = None, *, below: bool = False) -> Hits:
        """The evidence that terms of these weights score on (`query_terms`, `query_weights`): of `region`'s
        departments, or with `below` of the regions under it (a province's cities, their counties and townships, not
        the province's own), so that a ranking of the places below a province judges its ties and cuts its rows on
        the rows it returns, not on the whole graph's. One region's is searched in its own index; the regions below
        one on this index, masked: under a province they are nearly the whole graph, whose copy would double the
        index's memory and its first search's time. A region is read as it is now (`region_now`): a district's
        departments are those of the county it replaced that no notice renamed too, asked by either path."""
        if region and not below:
            now = self.region_now(region)
            if now not in self._regions:
                self._regions[now] = BM25Index(self._standing_in(self.evidence, now), weights_from=self,
                                               disputes=self.disputes, assists=self._standing_in(self.assists, now))
            return self._regions[now].hits_for(weights)
        scores = np.zeros(len(self.evidence), dtype=np.float64)
        for term, weight in weights.items():
            idf = self._idf.get(term)
            span = self._spans.get(term)
            if idf is None or span is None:
                continue
            start, end = span
            documents, frequency = self._documents[start:end], self._frequencies[start:end]
            # The same operations in the same order as the formula on one number: the same scores to the last bit.
            scores[documents] += weight * idf * frequency * (K1 + 1) / (frequency + self._posting_norms[start:end])
        found = np.flatnonzero(scores)  # every term's part is positive: a document scored is one reached
        if region:  # with `below`: one region's own was searched in its index above
            found = found[self._under(region)[self._region_of[found]]]
        return Hits(self, found, scores[found])
