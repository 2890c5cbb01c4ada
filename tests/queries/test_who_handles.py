"""who_handles on the labelled complaints of tests/data/who_handles.tsv, and its row shape."""

from __future__ import annotations

import csv
from pathlib import Path

from rapidfuzz import fuzz, process

from graph.store import Store
from ingest.content import content_terms
from queries.approvals import approval_only, held_only, seeks_approval
from queries.neighbours import Neighbours
from queries.search import (
    LEXICON_MATCH,
    _lexicon,
    as_read,
    lexicon_matches,
    query_terms,
    readings,
    without_hotline_frame,
)
from queries.who_handles import (
    COVERAGE_SHARE,
    WEAK_SCORE,
    _folded_words,
    _office,
    _said_as_written,
    evidence_index,
    rank_departments,
    who_handles,
)

DATA = Path(__file__).resolve().parents[1] / "data"
QUESTIONS = DATA / "who_handles.tsv"  # written alongside the synonym table
BLIND_QUESTIONS = DATA / "who_handles_blind.tsv"  # written later by a separate author, from examples/ alone
# Written later still by other authors who saw neither the dictionaries nor the other sets; no word was added
# to the dictionaries for their rows (the first blind set's misses have since been, so it is no longer blind).
# The second fresh set was written after the first had been used to choose the lexicon's match cutoff.
FRESH_QUESTIONS = DATA / "who_handles_blind2.tsv"
FRESH_QUESTIONS_2 = DATA / "who_handles_blind3.tsv"
# The third fresh set was measured once as it came (68 of 80); the word-vector neighbours' three numbers were
# later chosen looking at all five sets (queries.neighbours), so for those none of them is blind.
FRESH_QUESTIONS_3 = DATA / "who_handles_blind4.tsv"
# The fourth fresh set was written while the lexicons changed for the others, by an author who saw no code, and
# scored once before and once after those changes (69, then 71 of 80); nothing has been chosen on it.
FRESH_QUESTIONS_4 = DATA / "who_handles_blind5.tsv"
# Written on 2026-11-22 by a helper under blind5's conditions; scored once as it came (69 of 80).
FRESH_QUESTIONS_5 = DATA / "who_handles_blind6.tsv"
# Written on 2026-11-22, later, under the same conditions, while the lexicons changed for the six sets above;
# scored once before those changes (67 of 80) and once after (69); nothing has been chosen on it.
FRESH_QUESTIONS_6 = DATA / "who_handles_blind7.tsv"
# Written on 2026-11-22, last, under the same conditions; scored once as it came (74 of 80), before any change made
# after it was written; nothing has been chosen on it.
FRESH_QUESTIONS_7 = DATA / "who_handles_blind8.tsv"
FRESH_SETS = (FRESH_QUESTIONS, FRESH_QUESTIONS_2, FRESH_QUESTIONS_3, FRESH_QUESTIONS_4, FRESH_QUESTIONS_5,
              FRESH_QUESTIONS_6, FRESH_QUESTIONS_7)


def _accuracy(corpus: Store, path: Path) -> tuple[int, int]:
    index = evidence_index(corpus)
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    right = 0
    for row in rows:
        ranked = rank_departments(index, row["text"], region=row["region"], limit=3)
        right += bool(ranked) and ranked[0]["department"] == row["expected"]
    return right, len(rows)


def test_accuracy_on_labelled_complaints(corpus: Store, capsys) -> None:  # type: ignore[no-untyped-def]
    right, total = _accuracy(corpus, QUESTIONS)
    blind_right, blind_total = _accuracy(corpus, BLIND_QUESTIONS)
    fresh_right, fresh_total = _accuracy(corpus, FRESH_QUESTIONS)
    second_right, second_total = _accuracy(corpus, FRESH_QUESTIONS_2)
    third_right, third_total = _accuracy(corpus, FRESH_QUESTIONS_3)
    fourth_right, fourth_total = _accuracy(corpus, FRESH_QUESTIONS_4)
    fifth_right, fifth_total = _accuracy(corpus, FRESH_QUESTIONS_5)
    sixth_right, sixth_total = _accuracy(corpus, FRESH_QUESTIONS_6)
    seventh_right, seventh_total = _accuracy(corpus, FRESH_QUESTIONS_7)
    assert total >= 60 and blind_total >= 60 and fresh_total >= 60 and second_total >= 60 and third_total >= 60
    assert fourth_total >= 60 and fifth_total >= 60 and sixth_total >= 60 and seventh_total >= 60
    with capsys.disabled():
        print(f"\nwho_handles: right department first for {right} of {total} complaints ({right / total:.3f}); "
              f"first blind set {blind_right} of {blind_total} ({blind_right / blind_total:.3f}); "
              f"fresh set {fresh_right} of {fresh_total} ({fresh_right / fresh_total:.3f}); "
              f"second fresh set {second_right} of {second_total} ({second_right / second_total:.3f}); "
              f"third fresh set {third_right} of {third_total} ({third_right / third_total:.3f}); "
              f"fourth fresh set {fourth_right} of {fourth_total} ({fourth_right / fourth_total:.3f}); "
              f"fifth fresh set {fifth_right} of {fifth_total} ({fifth_right / fifth_total:.3f}); "
              f"sixth fresh set {sixth_right} of {sixth_total} ({sixth_right / sixth_total:.3f}); "
              f"seventh fresh set {seventh_right} of {seventh_total} ({seventh_right / seventh_total:.3f})")
    # The target is 0.90: met on the first set, not on unseen phrasing (the fresh set; see README).
    # These guard the levels reached against regressions.
    assert right >= 124 and blind_right >= 76
    assert fresh_right >= 71 and second_right >= 71 and third_right >= 79 and fourth_right >= 76 and fifth_right >= 76
    assert sixth_right >= 70 and seventh_right >= 74


def test_rows_name_the_evidence_and_ties(corpus: Store) -> None:
    rows = who_handles(corpus, "公司拖欠工资三个月", region="示例市", limit=2)
    assert rows[0]["department"] == "示例市人力资源和社会保障局"
    assert rows[0]["rank"] == 1 and rows[0]["tie"] is False
    assert rows[0]["evidence"][0]["kind"] in {"duty", "office_duty", "power_item", "supervision_item", "matter_lead"}
    assert set(rows[0]) == {"rank", "department", "region", "office", "score", "tie", "weak", "holds_no_duties",
                            "assisting", "lead_dispute", "evidence", "sector_safety", "sector_rule", "sector_rule_source",
                            "sector_rule_kind", "devolved", "township_unnamed", "no_sanding", "place_unnamed",
                            "power_split", "overlap_cluster", "overlap_note"}
    assert rows[0]["assisting"] is False
    assert rows[0]["holds_no_duties"] is False
    assert rows[0]["weak"] is False
    # One common word is not enough to send a case on: 投诉 alone meets 旅游投诉.
    vague = who_handles(corpus, "我要投诉", region="示例市", limit=1)
    assert [(row["department"], row["weak"]) for row in vague] == [("示例市文化广电旅游体育局", True)]
    contested = who_handles(corpus, "互联网租赁自行车停放管理", region="示例市", limit=3)
    assert [row["department"] for row in contested if row["tie"]] == ["示例市城市管理和综合执法局", "示例市交通运输局"]
    # 城管 leads the matter in the boundary list and in a 职责分工 clause: one piece of evidence, counted once; and
    # 交通's 三定 says 交通 leads it: each row names the disagreement with what every source says.
    assert [evidence["kind"] for evidence in contested[0]["evidence"]] == ["office_duty", "matter_lead", "duty"]
    assert [(row["lead_dispute"]["reason"], [claim["leads"] for claim in row["lead_dispute"]["claims"]])
            for row in contested[:2]] == [("conflicting_leads", [["示例市城市管理和综合执法局"]] * 2
                                           + [["示例市交通运输局"]])] * 2


def test_an_answer_that_covers_little_of_a_long_complaint_is_weak(corpus: Store) -> None:
    # A complaint of a user test that was routed with confidence on unrelated evidence: 炸串 sold at a school gate
    # met 环境卫生管理 on 卫生. The first answer scores over WEAK_SCORE but under COVERAGE_SHARE of what a duty saying
    # the whole complaint would score.
    index = evidence_index(corpus)
    text = "学校门口流动摊贩卖的炸串很不卫生"
    first = rank_departments(index, text, region="示例市", limit=1)[0]
    assert (first["department"], first["evidence"][0]["text"]) == (
        "示例市城市管理和综合执法局", "负责市容市貌和环境卫生管理的统筹指导，组织开展城市环境综合整治考核")
    assert WEAK_SCORE < first["score"] < COVERAGE_SHARE * index.full_match(text)
    assert first["weak"] is True
    # As the user test wrote it, its children's diarrhoea (拉肚子 → 食源性疾病, a matter of 食品安全) puts the food
    # safety duty first: the right department, but on too little of the text to send unchecked.
    text = "学校门口流动摊贩卖的炸串很不卫生，孩子吃了拉肚子。"
    first = rank_departments(index, text, region="示例市", limit=1)[0]
    assert (first["department"], first["evidence"][0]["text"], first["weak"]) == (
        "示例市市场监督管理局", "负责食品安全监督管理综合协调。组织拟订全市食品安全重大政策措施并组织实施，负责食品安全应急体系"
        "建设，组织指导重大食品安全事件应急处置和调查处理工作，承担市食品安全委员会日常工作。", True)
    assert WEAK_SCORE < first["score"] < COVERAGE_SHARE * index.full_match(text)
    # The same user test's barbecue fumes met 环境污染事件调查 on 环境 and 污染, weak, while no evidence writes 油烟
    # (folded into 餐饮油烟): its broader concept 大气污染 now stands in for it at a said word's weight
    # (`BM25Index.with_neighbours`), and the answer rests on the air-pollution item, over a quarter of the text: sure.
    barbecue = "楼下烧烤店每天晚上油烟很大，窗户都不敢开，请相关部门处理。"
    first = rank_departments(index, barbecue, region="示例市", limit=1)[0]
    assert (first["department"], first["score"], first["weak"], first["evidence"][0]["text"]) == (
        "示例市生态环境局", 23.472, False, "对超标排放大气污染物的处罚")
    assert first["score"] > COVERAGE_SHARE * index.full_match(barbecue)
    # A complaint its answer covers well stays sure: 拖欠工资 meets 拖欠农民工工资 at three quarters of the text.
    wages = "公司拖欠我三个月工资不给，老板联系不上，请帮忙讨薪。"
    first = rank_departments(index, wages, region="示例市", limit=1)[0]
    assert first["department"] == "示例市人力资源和社会保障局" and first["weak"] is False
    assert first["score"] > 0.7 * index.full_match(wages)


def test_a_department_known_only_as_a_party_holds_no_duties(corpus: Store) -> None:
    # 示例市数据资源局 has no 三定 in the graph: only the boundary list names it, as the lead of 政务数据共享交换. It is
    # the right first answer on the words, but a dispatcher must know that the graph holds no duties of it.
    rows = who_handles(corpus, "政务数据共享交换", region="示例市", limit=2)
    assert [(row["department"], row["score"], row["weak"], row["holds_no_duties"], [e["kind"] for e in row["evidence"]])
            for row in rows] == [("示例市数据资源局", 41.536, False, True, ["matter_lead"]),
                                 ("示例市应急管理局", 5.313, True, False, ["duty"])]


def test_the_same_words_matched_twice_are_no_more_ground(corpus: Store) -> None:
    # An electric blanket that smokes meets 青山县住建局's office duty and its department duty on 燃气 alone: each
    # piece scores under WEAK_SCORE, and the second's half, which meets no other word of the complaint, lifted the
    # total over it, unflagged. It is the wrong department (the labelled answer is 县市场监管局). (Its list's item
    # 燃气经营许可, 1.934, is approval work alone, which a complaint about a product answers nothing of: not shown.)
    first = who_handles(corpus, "县城超市买的电热毯一插电就冒烟", region="示例市/青山县", limit=1)[0]
    assert (first["department"], first["score"], [e["score"] for e in first["evidence"]]) == (
        "青山县住房和城乡建设局", 10.903, [7.269, 7.269, 1.57])
    assert first["score"] > WEAK_SCORE and first["weak"] is True
    # A department whose best piece reaches WEAK_SCORE stays sure.
    wages = who_handles(corpus, "公司拖欠工资三个月", region="示例市", limit=1)[0]
    assert wages["weak"] is False and wages["evidence"][0]["score"] > WEAK_SCORE


def test_lexicon_phrases_are_found_as_written_or_nearly() -> None:
    # 后厨很脏 is one character off 后厨脏乱 (食品经营); 广场舞 sits inside 广场舞音乐 whatever jieba cuts.
    assert lexicon_matches("后厨很脏") == ["食品经营"]
    assert lexicon_matches("广场舞音乐太吵") == ["社会生活噪声"]
    # A three-character phrase counts only as written: 泥斗车 is not 泥头车. (Two characters of three in order still
    # reach 80 against some phrase: 渣士车 finds 运渣车 and 拉渣车, both 建筑垃圾运输.)
    assert lexicon_matches("泥斗车") == []
    assert lexicon_matches("渣士车") == ["建筑垃圾运输"]
    assert lexicon_matches("今天天气不错") == []


def test_the_character_index_finds_what_scoring_every_phrase_finds() -> None:
    # The index only skips phrases that cannot reach the cutoff: the answers equal scoring all of them.
    lexicon = _lexicon()
    texts = [row["text"] for path in (QUESTIONS, BLIND_QUESTIONS, *FRESH_SETS)
             for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE)]
    for text in [*texts, "建筑垃圾处置监督管理", "单车", ""]:
        everything = process.extract(text, lexicon.phrases, scorer=fuzz.partial_ratio, score_cutoff=LEXICON_MATCH,
                                     limit=None)
        assert lexicon_matches(text) == readings(lexicon, text, [index for _p, _s, index in everything]), text


def test_a_near_phrase_that_only_adds_words_to_one_met_as_written_is_not_read(corpus: Store) -> None:
    # 假兽药 and 假农药 resemble the 假药 the text says, 农药店 its 药店: read as 兽药, 农药 and 农业投入品, they put
    # the 农业农村局 first for a pharmacy selling fake drugs (user test). 单车乱放 for 单车乱停 is a reading of the
    # text's own words (the length of what it met), beside the 共享单车乱停 met as written.
    assert lexicon_matches("药店卖假药") == ["药品", "零售药店"]
    assert lexicon_matches("共享单车乱停在盲道上") == ["互联网租赁自行车", "人行道", "违法停车", "非机动车停放"]
    # The city's drug retail supervision (市场监管) and drug-use monitoring (卫健) are too close to call, and say so;
    # the 农业农村局's 兽药 and 农药 trail.
    ranked = who_handles(corpus, "药店卖假药", region="示例市", limit=4)
    assert [(row["department"], row["tie"]) for row in ranked] == [
        ("示例市市场监督管理局", True), ("示例市卫生健康委员会", True), ("示例市公安局", False),
        ("示例市农业农村局", False)]


def test_the_best_hits_of_each_department_are_those_of_the_full_ranking(corpus: Store) -> None:
    """rank_departments keeps only each department's best few hits; the answer is the one that grouping the whole
    BM25 ranking gives (best hit plus half the second, the office of the best hit that has one), where a text a
    department holds twice (a matter led in two documents) counts once. A department assisting on the matter the
    text is about shows that matter first, and the matter's lead may be lifted above it (test_who_handles_clauses);
    without one, the order is the full ranking's. A department's evidence is its best hits, those that say a folded
    word of the text as written first (ties by text). Evidence that cannot answer the text under 审管分离
    (`queries.approvals`: approval work alone for a complaint about conduct, the supervision of licensees for one about
    an approval sought) is not ranked."""
    index = evidence_index(corpus)
    with QUESTIONS.open(encoding="utf-8") as handle:
        questions = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    for region in (None, "示例市"):
        for question in questions:
            grouped: dict[str, list] = {}  # type: ignore[type-arg]
            unfit = held_only if seeks_approval(question["text"]) else approval_only
            for score, item in index.search(question["text"], region=region):
                if unfit(item.text):
                    continue
                hits = grouped.setdefault(item.department_uid, [])
                if all(item.text != seen.text for _s, seen in hits):
                    hits.append((score, item))
            variants = _folded_words(question["text"])
            shown = {uid: sorted(hits, key=lambda pair: (-_said_as_written(index, pair[1], variants), -pair[0],
                                                         pair[1].text))[:3] for uid, hits in grouped.items()}
            expected = sorted(((hits[0][0] + (0.5 * hits[1][0] if len(hits) > 1 else 0.0), hits[0][1].department,
                                _office([item for _s, item in hits]),
                                [item.text for _s, item in shown[uid]]) for uid, hits in grouped.items()),
                              key=lambda entry: (-entry[0], entry[1]))
            ranked = rank_departments(index, question["text"], region=region, limit=5)
            by_department = {department: (office, texts) for _score, department, office, texts in expected}
            for row in ranked:
                office, texts = by_department[row["department"]]
                given = [e["text"] for e in row["evidence"]]
                if row["lead_dispute"] and given[-1] not in texts:
                    # A party to a matter whose lead is unsettled cites its piece on the matter.
                    texts = [*texts[:2], given[-1]]
                assert (row["office"], given[1:] if row["assisting"] else given) == (
                    office, texts[:2] if row["assisting"] else texts)
            if not any(row["assisting"] for row in ranked):
                assert [row["department"] for row in ranked] == [department for _s, department, _o, _t in expected[:5]]


def test_a_word_is_near_the_words_of_like_meaning() -> None:
    near = Neighbours(["电梯", "医生", "树木", "林木", "噪声", "特种设备"])
    assert near.of("扶梯") == [("电梯", 0.775)]
    assert near.of("松树") == [("树木", 0.829), ("林木", 0.721)]
    assert near.of("大夫") == [("医生", 0.744)]
    assert near.of("电梯") == []  # a word is not its own neighbour, and nothing else is near enough
    assert near.of("怪响") == []  # no vector


def test_a_word_no_evidence_uses_brings_the_terms_of_its_neighbours(corpus: Store) -> None:
    text = "商场的扶梯坏了"
    assert "特种设备" not in query_terms(text)  # no dictionary says 扶梯
    weights = evidence_index(corpus).query_weights(text)
    # 扶梯 → 电梯 (cosine 0.775), which the synonym table folds into 特种设备: at half weight per unit of cosine.
    assert weights["特种设备"] == 0.5 * 0.775
    assert weights["商场"] == 1.0 and "电梯" not in weights
    rows = who_handles(corpus, text, region="示例市", limit=2)
    # The runner-up meets 商场 alone (公共场所卫生), well under a quarter of the text: weak.
    assert [(row["department"], row["tie"], row["weak"]) for row in rows] == [
        ("示例市市场监督管理局", False, False), ("示例市卫生健康委员会", False, True)]
    assert rows[0]["office"] == "特种设备安全监察科"
    # No piece says 扶梯, and 商场 is said as written wherever it is met. The item 特种设备使用登记（起重机械使用登记）,
    # which scored as the inspection item does, is approval work alone (a 登记), which a broken escalator is not about.
    assert [item["text"] for item in rows[0]["evidence"]] == [
        "对特种设备使用单位的监督检查（对起重机械使用单位的监督检查）",
        "负责全市特种设备安全监督管理。综合管理特种设备安全监察、监督工作，组织办理全市电梯、锅炉、压力容器、起重机械等特种设备"
        "使用登记，监督检查特种设备定期检验和事故隐患治理情况。",
        "负责特种设备安全监察工作，组织办理特种设备使用登记，监督检查定期检验和事故隐患治理。"]


def test_a_clause_that_names_the_lead_settles_a_tie(corpus: Store) -> None:
    # 应急 leads 地质灾害应急救援 in the boundary list, 自然资源 assists: the two were within 10% of each other on a
    # landslide (a tie a person had to settle) before 派人来救 was read as 应急救援; the list settles it either way,
    # and 自然资源 is marked as assisting.
    rows = who_handles(corpus, "山上塌方把两户人家埋了，赶紧派人来救", region="示例市", limit=2)
    assert [(row["department"], row["score"], row["tie"], row["assisting"], row["evidence"][0]["kind"],
             row["evidence"][0]["text"]) for row in rows] == [
        ("示例市应急管理局", 45.948, False, False, "matter_lead", "地质灾害应急救援"),
        ("示例市自然资源和规划局", 18.895, False, True, "matter_assist", "地质灾害应急救援")]
    # Electric bikes running red lights: 公安 assists on 互联网租赁自行车停放管理, but its 道路交通安全 duty meets the
    # complaint on words of its own; it stays first, unmarked. (No evidence writes 道路交通安全违法, which 闯红灯 is
    # folded into: its broader concept 道路交通安全 counts as said.) 电动车 is read whole (电动自行车): its 自行车 no
    # longer meets 城管's shared bikes, nor its 动车 公安's 机动车, and 城管 is left far behind on 城市道路.
    rows = who_handles(corpus, "路口那些电动车天天闯红灯，看着都吓人", region="示例市", limit=2)
    assert [(row["department"], row["score"], row["tie"], row["assisting"]) for row in rows] == [
        ("示例市公安局", 23.008, False, False), ("示例市城市管理和综合执法局", 12.612, False, False)]


def test_a_lifted_lead_is_judged_where_its_assistant_stood(corpus: Store) -> None:
    # Across the whole graph, 示例市应急管理局 leads 水旱灾害应急救援 (18.048) and 示例市水务局 assists on it (25.799):
    # the lead comes first, and 青山县应急管理局, within 10% of the assistant's 25.799, is too close to call against
    # it, as the lead is not judged on its own 18.048.
    rows = who_handles(corpus, "发大水把家冲了，救助的钱和东西一直没见着", limit=4)
    assert [(row["department"], row["score"], row["tie"], row["assisting"]) for row in rows] == [
        ("示例市应急管理局", 18.048, True, False), ("示例市水务局", 25.799, False, True),
        ("青山县应急管理局", 23.649, True, False), ("青山县水利局", 22.551, False, True)]


def test_evidence_that_says_the_complaints_word_comes_first(corpus: Store) -> None:
    # A user test: for an elevator complaint a boiler item headed 市监局's reasons. The index folds 电梯 and 锅炉 into
    # 特种设备 alike, and the boiler item says it three times; the pieces that say 电梯, as the complaint does, come
    # first (ties by text), and the elevator item the top few left out is among them. (The item 特种设备使用登记
    # （电梯使用登记）, 17.202, is approval work alone, which a broken elevator is not about: not ranked.)
    rows = who_handles(corpus, "小区电梯坏了没人修", region="示例市", limit=1)
    assert [(row["department"], row["score"], row["weak"]) for row in rows] == [("示例市市场监督管理局", 26.476, False)]
    assert [(item["kind"], item["text"], item["score"]) for item in rows[0]["evidence"]] == [
        ("duty", "负责全市特种设备安全监督管理。综合管理特种设备安全监察、监督工作，组织办理全市电梯、锅炉、压力容器、起重机械等"
                 "特种设备使用登记，监督检查特种设备定期检验和事故隐患治理情况。", 17.357),
        ("supervision_item", "对特种设备使用单位的监督检查（对电梯使用单位的监督检查）", 17.202),
        ("supervision_item", "对特种设备使用单位的监督检查（对锅炉、压力容器使用单位的监督检查）", 17.798)]


def test_an_answer_that_misses_the_decisive_word_the_region_never_says_is_weak(corpus: Store) -> None:
    # A user test: barbecue fumes in 河西区 went to its 市监局 at 28.6, unflagged, on 餐饮服务 food safety. 油烟 (folded
    # into 餐饮油烟, under 大气污染) is the complaint's rarest matter word in the graph, and no 河西区 department says
    # it: the answer rests on 烧烤店 alone. In 示例市, 生态环境局 says 大气污染 and stays sure.
    hexi = who_handles(corpus, "楼下烧烤店油烟太大", region="示例市/河西区", limit=1)
    assert [(row["department"], row["score"], row["weak"], row["evidence"][0]["text"]) for row in hexi] == [
        ("河西区市场监督管理局", 36.924, True, "负责食品经营环节和餐饮服务食品安全监督管理")]
    city = who_handles(corpus, "楼下烧烤店油烟太大", region="示例市", limit=1)
    assert [(row["department"], row["score"], row["weak"], row["evidence"][0]["text"]) for row in city] == [
        ("示例市生态环境局", 23.472, False, "对超标排放大气污染物的处罚")]


def test_a_broader_concept_stands_in_for_a_word_no_evidence_writes(corpus: Store) -> None:
    # No evidence writes 互联网上网服务营业场所 (网吧): its broader concepts count as said, where they counted half and
    # the word's parts (互联网) met 互联网租赁自行车 first. A part of a word (the 游泳 of 游泳馆) implies nothing of its own.
    index = evidence_index(corpus)
    cafe = "网吧让未成年人通宵上网"
    assert query_terms(cafe)["网络文化"] == 0.5 and index.said_terms(cafe)["网络文化"] == 1.0
    # Nor does a lexicon phrase that adds words to it (游泳馆没证, 高危险性体育项目): it is not what the text says.
    assert "高危险性体育项目" not in index.said_terms("游泳馆的池水浑浊")
    assert [row["department"] for row in who_handles(corpus, cafe, region="示例市", limit=1)] == ["示例市文化广电旅游体育局"]


def test_a_swimming_venue_is_a_public_place_and_its_lifeguards_a_sport_licence(corpus: Store) -> None:
    # 游泳馆 is a 游泳场所 (a 公共场所 whose water 卫健 inspects), not the 高危险性体育项目 run there (救生员: 体育).
    assert [row["department"] for row in who_handles(corpus, "游泳馆的池水浑浊还有股怪味", region="示例市", limit=1)] == [
        "示例市卫生健康委员会"]
    assert [row["department"] for row in who_handles(corpus, "游泳馆没有救生员孩子差点溺水", region="示例市", limit=1)] == [
        "示例市文化广电旅游体育局"]


def test_a_closing_request_is_cut_but_a_matter_of_processing_is_not() -> None:
    assert without_hotline_frame("在超市买到过期的面包，要求处理") == "在超市买到过期的面包"
    assert without_hotline_frame("污水处理厂偷排，望政府介入处理！") == "污水处理厂偷排"
    assert without_hotline_frame("垃圾处理厂臭味大") == "垃圾处理厂臭味大"
    assert without_hotline_frame("要求处理") == "要求处理"  # nothing else to read


def test_every_reading_of_a_complaint_reads_it_without_the_hotline_s_frame() -> None:
    # The decisive word and the words as written read the complaint as its terms do: one reading, on the stripped text.
    assert as_read("市民来电反映：龙头里的自来水有异味，要求处理") == as_read("龙头里的自来水有异味") == "龙头里的自来水 水有异味 "


def test_how_a_hotline_writes_down_a_call_does_not_route_it(corpus: Store) -> None:
    # User test: 市民来电反映： before a complaint sent it elsewhere than the bare complaint (来电, 反映 met duties),
    # and 要求处理 after it met 垃圾处理 (a second user test). (The 处方 and 方药 of 处方药, a word the dictionaries
    # read, bring no word neighbours: 卫健 no longer meets 中医药 on them, and is not too close to call.)
    expected = [("示例市市场监督管理局", 16.417, False), ("示例市卫生健康委员会", 14.703, False)]
    for text in ("药店卖处方药不要处方", "市民来电反映：药店卖处方药不要处方", "诉求人称药店卖处方药不要处方（工单来电）",
                 "药店卖处方药不要处方，请相关部门尽快核实处理并回复。"):
        rows = who_handles(corpus, text, region="示例市", limit=2)
        assert [(row["department"], row["score"], row["tie"]) for row in rows] == expected, text


def test_an_electric_bike_is_read_whole() -> None:
    # User test (an accountability investigator): 电动自行车 was cut into 自行车, met as 互联网租赁自行车 (shared bikes),
    # and 动车 (a train), and an electric bike fire went to the shared bikes' 交通运输局. A complaint's 电动车 is one
    # term; a lexicon phrase met nearly on part of it (自行车赛) or with a character put into it (电动篷车) is no reading.
    assert set(query_terms("居民楼电动车火灾")) == {"居民", "居民楼", "电动自行车", "火灾"}
    said = query_terms("河西区某小区楼道内电动自行车充电起火")
    assert {"电动自行车", "电动自行车充电", "充电"} <= said.keys()
    assert not {"自行车", "自行", "行车", "动车", "体育赛事"} & said.keys()
    # The evidence keeps a whole term inside a longer word as a term of its own, so that 电动自行车 finds it.
    assert "电动自行车" in content_terms("电动自行车集中充电设施安全管理")


def test_a_compounds_head_is_not_read_as_another_kind_of_it() -> None:
    # 垃圾 alone is read as 生活垃圾; the 垃圾 of 倾倒建筑垃圾 is the 建筑垃圾's (user test: a construction waste dump
    # went to 河西区's household waste duty).
    said = query_terms("渣土车夜间在河西区河堤边倾倒建筑垃圾")
    assert said["建筑垃圾"] == 1.0 and said["垃圾"] == 1.0 and said.get("生活垃圾", 0.0) < 1.0
    assert query_terms("河边乱倒垃圾")["生活垃圾"] == 1.0


def test_an_answer_met_only_on_the_head_of_a_specific_term_is_weak(corpus: Store) -> None:
    # 河西区's 三定 have no 建筑垃圾 duty: its 城管 meets the dump on the 垃圾 of 生活垃圾 alone, and the complaint's
    # rarest matter words (乱倒乱卸, 堤防 → 河道管理, as rare as each other) are said by no 河西区 evidence: weak, so
    # that dispatch sends it up to the city, whose 城管 holds 建筑垃圾 and is sure.
    text = "渣土车夜间在河西区河堤边倾倒建筑垃圾"
    rows = who_handles(corpus, text, region="示例市/河西区", limit=2)
    assert [(row["department"], row["score"], row["weak"], row["evidence"][0]["text"]) for row in rows] == [
        ("河西区城市管理和综合执法局", 14.446, True, "负责辖区生活垃圾分类工作。组织实施生活垃圾分类投放和分类收集，"
         "监督管理辖区垃圾中转站运行。"),
        ("河西区住房和城乡建设局", 7.094, True, "负责在建房屋建筑工程日常质量安全巡查")]
    city = who_handles(corpus, text, region="示例市", limit=1)
    assert [(row["department"], row["weak"]) for row in city] == [("示例市城市管理和综合执法局", False)]


def test_food_poisoning_is_a_food_safety_matter(corpus: Store) -> None:
    # User test: 食物中毒 went to 青山县应急管理局's 烟花爆竹 duty: the word neighbours of its 中毒 (剧毒, 氰化物 →
    # 剧毒化学品) read 毒 as 化学品. 食物中毒 is 食源性疾病, a matter of 食品安全 (食品安全法), and the parts of a word
    # the dictionaries read bring no neighbours.
    index = evidence_index(corpus)
    assert index.query_weights("食物中毒").keys() == {"食物", "中毒", "食源性疾病", "疾病", "食源性", "性疾病", "食品",
                                                      "安全", "食品安全"}
    rows = who_handles(corpus, "食物中毒", region="示例市/青山县", limit=2)
    assert [(row["department"], row["score"], row["weak"], row["evidence"][0]["text"]) for row in rows] == [
        ("青山县市场监督管理局", 12.201, False, "负责全县食品安全监督管理。承担县食品安全委员会日常工作，实施食品经营许可和"
         "小作坊、小餐饮登记，组织开展食品生产经营日常监督检查。"),
        ("青山县应急管理局", 3.7, True, "负责全县安全生产综合监督管理。指导协调、监督检查县直有关部门和乡镇安全生产工作，"
         "承担县安全生产委员会日常工作，组织开展安全生产考核巡查。")]
