"""who_handles and the matters whose lead the documents leave unsettled, and the townships a 属地 list names: the
answers an accountability investigator (问责调查) found wrong in a user test, on the sample corpus.

- A matter a boundary list names with assisting departments and no lead (青山县's 电动自行车集中充电设施安全管理) was
  never cited: a text naming it went to 住建 on 施工安全, sure.
- A matter two documents give different leads (建筑垃圾处置: 住建's 三定 says 住建, 城管's 三定 and the city's list say
  城管) was settled on scores: 城管 first, 住建 marked as assisting, citing the list alone.
- A township a 属地 list makes 主体责任 (滨江街道 for 既有房屋安全隐患排查) was never a candidate of its county.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.store import Store
from queries.ambiguities import host_assist_ambiguities
from queries.complaint_files import Complaint
from queries.dispatch import dispatch, person_reason
from queries.who_handles import who_handles

QINGSHAN = "示例市/青山县"
CHARGING = "电动自行车集中充电设施安全管理"
PARTIES = ["青山县住房和城乡建设局", "青山县市场监督管理局", "青山县应急管理局"]


def _rows(store: Store, text: str, region: str, limit: int = 4) -> list[tuple[Any, ...]]:
    return [(row["department"], row["score"], row["tie"], row["weak"], row["assisting"],
             row["lead_dispute"]["reason"] if row["lead_dispute"] else None,
             [(e["kind"], e["text"]) for e in row["evidence"]][:1])
            for row in who_handles(store, text, region=region, limit=limit)]


def test_a_matter_no_one_leads_answers_with_its_assisting_departments_tied(corpus: Store) -> None:
    # Each of the three is a candidate with the matter (the list's row 7) as its first evidence, all too close to call,
    # and each row says that no one leads the matter; 住建's 施工安全 duties no longer make a winner of it.
    assert _rows(corpus, CHARGING, QINGSHAN) == [
        ("青山县住房和城乡建设局", 32.282, True, False, False, "no_lead", [("matter_assist", CHARGING)]),
        ("青山县应急管理局", 29.09, True, False, False, "no_lead", [("matter_assist", CHARGING)]),
        ("青山县市场监督管理局", 28.944, True, False, False, "no_lead", [("matter_assist", CHARGING)]),
        ("青山县城市管理局", 8.182, False, True, False, None, [("matter_lead", "户外广告设施安全监管")])]
    first = who_handles(corpus, CHARGING, region=QINGSHAN, limit=1)[0]
    assert first["evidence"][0]["source"].endswith("#第7行") and first["holds_no_duties"] is False
    assert first["lead_dispute"] == {"matter": CHARGING, "reason": "no_lead", "claims": [
        {"source": first["evidence"][0]["source"], "matter": CHARGING, "leads": [], "territorial_leads": [],
         "assists": PARTIES}], "newer_lead": None, "newer_note": ""}
    # A complaint in everyday words meets it too (电动车 read whole as 电动自行车).
    assert [row[:6] for row in _rows(corpus, "小区电动车集中充电的地方起火了", QINGSHAN, limit=3)] == [
        ("青山县应急管理局", 18.927, True, False, False, "no_lead"),
        ("青山县住房和城乡建设局", 17.029, True, False, False, "no_lead"),
        ("青山县市场监督管理局", 17.029, True, False, False, "no_lead")]


def test_documents_that_name_different_leads_settle_nothing(corpus: Store) -> None:
    # Neither lead is marked as assisting the other; both are too close to call, whatever the scores, and each row
    # cites its own claim (住建's 三定 第六条(一), 城管's list row) and what every source says.
    rows = who_handles(corpus, "渣土车往河边倒建筑垃圾", region="示例市", limit=2)
    assert [(row["department"], row["score"], row["tie"], row["assisting"]) for row in rows] == [
        ("示例市城市管理和综合执法局", 32.829, True, False), ("示例市住房和城乡建设局", 24.784, True, False)]
    assert [[(e["kind"], e["text"], e["source"].split("#")[1]) for e in row["evidence"] if e["kind"] == "matter_lead"]
            for row in rows] == [[("matter_lead", "建筑垃圾处置监督管理", "职责边界清单!3")],
                                 [("matter_lead", "建筑垃圾处置的监督管理", "第六条(一)")]]
    dispute = rows[0]["lead_dispute"]
    assert rows[1]["lead_dispute"] == dispute
    assert (dispute["matter"], dispute["reason"]) == ("建筑垃圾处置监督管理", "conflicting_leads")
    assert [(claim["source"].split("#")[1], claim["leads"], claim["assists"]) for claim in dispute["claims"]] == [
        ("第六条(一)", ["示例市住房和城乡建设局"], ["示例市城市管理和综合执法局"]),
        ("第六条(一)", ["示例市城市管理和综合执法局"], ["示例市住房和城乡建设局"]),
        ("职责边界清单!3", ["示例市城市管理和综合执法局"], ["示例市住房和城乡建设局"])]


def test_who_handles_reads_a_lead_dispute_as_host_assist_ambiguities_does(corpus: Store) -> None:
    findings = {(row["matter"], row["region"]): row for row in host_assist_ambiguities(corpus)
                if row["reason"] in ("no_lead", "conflicting_leads")}
    for text, region in ((CHARGING, QINGSHAN), ("渣土车往河边倒建筑垃圾", "示例市")):
        dispute = who_handles(corpus, text, region=region, limit=1)[0]["lead_dispute"]
        finding = findings[(dispute["matter"], region)]
        assert (dispute["reason"], dispute["claims"]) == (finding["reason"], finding["claims"])


def test_a_township_a_territorial_list_names_is_a_candidate_of_its_county(corpus: Store) -> None:
    # 河西区's 属地 list (line 8) makes 滨江街道 主体责任 for 既有房屋安全隐患排查: it stands beside the district's 住建,
    # with that row as its evidence, in its own township region, holding that duty.
    rows = who_handles(corpus, "既有房屋安全隐患排查", region="示例市/河西区", limit=2)
    assert [(row["department"], row["region"], row["score"], row["tie"], row["weak"], row["holds_no_duties"],
             [(e["kind"], e["text"], e["source"].split("#")[1]) for e in row["evidence"]]) for row in rows][1] == (
        "滨江街道办事处", "示例市/河西区/滨江街道", 35.393, False, False, False,
        [("territorial_lead", "既有房屋安全隐患排查", "第8行")])
    assert rows[0]["department"] == "河西区住房和城乡建设局"
    # A township that outscores the county's departments stands after the first of them, unless the text says the
    # place is the township's: its 属地 duty covers its own territory, and a hill of 青山县 may be another town's.
    # The two are too close to call, and dispatch keeps the case in the county (the township holds the work).
    fire = "山上有人烧荒，火眼看就要烧到林子里去了"
    assert [(row["department"], row["score"], row["tie"], row["weak"], row["evidence"][0]["kind"])
            for row in who_handles(corpus, fire, region=QINGSHAN, limit=2)] == [
        ("青山县应急管理局", 7.164, True, True, "office_duty"), ("石桥镇人民政府", 21.355, True, False, "territorial_lead")]
    assert [(row["department"], row["score"], row["tie"], row["weak"])
            for row in who_handles(corpus, "石桥镇" + fire, region=QINGSHAN, limit=1)] == [
        ("石桥镇人民政府", 22.681, False, False)]
    [routed] = dispatch(corpus, [Complaint(1, fire, "", {})], region=QINGSHAN).rows
    assert (routed["region"], routed["department"], routed["runner_up"], person_reason(routed)) == (
        QINGSHAN, "青山县应急管理局", "石桥镇人民政府", "难以区分；依据不足")


def test_a_township_s_territorial_responsibility_disputes_no_department_s_lead(corpus: Store) -> None:
    # 防汛抗旱: 青山县's boundary list has 应急管理局 lead (水利局 配合), the 属地 list has 城关镇 bear 主体责任 in its
    # area. Two kinds of responsibility, no dispute (user test: both rows were a `tie` of conflicting_leads): the lead
    # first, 水利局 assisting it, the township its county's candidate with its 属地 row.
    assert _rows(corpus, "防汛抗旱", QINGSHAN) == [
        ("青山县应急管理局", 23.649, False, False, False, None, [("matter_lead", "防汛抗旱")]),
        ("青山县水利局", 22.551, False, False, True, None, [("matter_assist", "防汛抗旱")]),
        ("城关镇人民政府", 17.773, False, False, False, None, [("territorial_lead", "防汛抗旱")]),
        ("青山县交通运输局", 3.53, False, True, True, None, [("matter_assist", "防汛抗旱")])]


def test_dispatch_says_whose_lead_is_unsettled(corpus: Store) -> None:
    complaints = [Complaint(1, "小区电动车集中充电的地方起火了", "", {}),
                  Complaint(2, "渣土车夜间在河西区河堤边倾倒建筑垃圾", "示例市/河西区", {})]
    rows = dispatch(corpus, complaints, region=QINGSHAN).rows
    assert [(row["region"], row["department"], row["tie"], row["weak"]) for row in rows] == [
        (QINGSHAN, "青山县应急管理局", True, False), ("示例市", "示例市城市管理和综合执法局", False, False)]
    assert person_reason(rows[0]) == f"难以区分；无牵头部门：{CHARGING}（文件所列配合：{'、'.join(PARTIES)}）"
    assert rows[0]["note"].endswith(f"no_lead: {CHARGING} (assists: {'、'.join(PARTIES)})")
    # 河西区's departments hold no 建筑垃圾 duty: its 城管's 生活垃圾 is weak, and the city's 城管 takes it.
    assert person_reason(rows[1]) == "示例市/河西区 的部门无相应职责，按上级 示例市 分派"


def test_the_corpus_is_the_one_these_answers_read(corpus: Store) -> None:
    # The boundary list row the first test cites, as the sample corpus writes it (GBK).
    text = (Path(__file__).resolve().parents[2] / "examples" / "lists" / "bianjie_qingshan.csv").read_bytes()
    assert f"6,{CHARGING},,".encode("gbk") in text
