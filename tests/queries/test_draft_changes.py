"""check_draft's 职能转变 section on a revised 示例市市场监督管理局 三定 (tests/fixtures/drafts): each piece of work the
draft cancels, hands down or transfers, checked against the draft itself, the department's 权责清单 and the other
department's 三定 in force."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.changes import classify_change
from ingest.draft import read_draft
from ingest.model import Located
from queries import catalog
from queries.draft_changes import transferred_work
from queries.draft_check import check_draft, draft_of

DRAFT = Path(__file__).resolve().parents[1] / "fixtures" / "drafts" / "shi_shichangjianguan_draft.txt"
CULTURE = "示例市文化广电旅游体育局"
HEALTH = "示例市卫生健康委员会"
TO_CULTURE = "将市市场监督管理局承担的媒介广告发布监测职责划入市文化广电旅游体育局。"
FROM_HEALTH = "将市卫生健康委员会承担的食品安全风险监测计划制定职责划入市市场监督管理局。"
METROLOGY = "取消计量标准器具核准。"
PATENTS = "将专利侵权纠纷行政裁决下放至县（区）。"


def test_each_change_of_the_draft_and_what_must_change_with_it(corpus: Store) -> None:
    source, parsed = read_draft(DRAFT)
    answer = check_draft(corpus, draft_of(corpus, source, parsed), file=DRAFT.name)
    rows = [(row["kind"], row["text"], row["counterpart"], row["already"], row["finding"], row["evidence"],
             row["evidence_place"], row["evidence_source"].partition("#")[2]) for row in answer["changes"]]
    assert rows == [
        # The 三定 in force cancels these too.
        ("cancelled", "取消个体工商户验照制度，不再开展企业年度检验。", "", True, "none", "", "", ""),
        # The draft cancels the approval, yet its 计量标准科 still does it and the 权责清单 still lists it.
        ("cancelled", METROLOGY, "", False, "still_in_draft", "负责计量标准器具核准和计量器具监督管理", "第四条(十二)", ""),
        ("cancelled", METROLOGY, "", False, "still_listed", "计量标准器具核准", "", "权责清单!22"),
        ("devolved", PATENTS, "", False, "still_listed", "专利侵权纠纷行政裁决", "", "权责清单!23"),
        # Given away, still stated in the draft's own 第三条(五), and not (yet) in the receiver's 三定.
        ("transferred_out", TO_CULTURE, CULTURE, False, "still_in_draft",
         "负责全市广告监督管理。指导广告业发展，组织监测各类媒介广告发布情况，依法查处虚假广告等违法行为，督促广告经营者、"
         "发布者落实广告审查责任。", "第三条(五)", ""),
        ("transferred_out", TO_CULTURE, CULTURE, False, "receiver_lacks", "", "", ""),
        # Taken over, while the giver's 三定 in force still states it (its duty and its office's): not 食品安全风险评估,
        # which says all of it but 监测.
        ("transferred_in", FROM_HEALTH, HEALTH, False, "giver_still_holds",
         "负责食品安全风险评估和食品安全标准管理工作。组织开展食品安全风险评估，依法制定食品安全地方标准，负责食品安全企业标准"
         "备案，会同市市场监督管理局制定、实施全市食品安全风险监测计划。", "", "第三条(八)"),
        ("transferred_in", FROM_HEALTH, HEALTH, False, "giver_still_holds", "组织实施食品安全风险监测计划。", "",
         "第四条(七)")]
    assert {row["draft_place"] for row in answer["changes"]} == {"第三条(十七)"}


def test_a_draft_without_a_change_of_work_has_an_empty_section(corpus: Store) -> None:
    draft = DRAFT.parent / "qingshan_shichangjianguan_draft.txt"
    source, parsed = read_draft(draft)
    assert check_draft(corpus, draft_of(corpus, source, parsed), file=draft.name)["changes"] == []


def test_a_transfer_to_the_market_regulator_is_a_transfer() -> None:
    # 市市场监督管理局 begins with 市场 as 交给市场 does: its name ends as a body's does.
    where = Located(1, "第三条(十七)")
    names = ["示例市市场监督管理局"]
    assert [(change.kind, change.counterpart) for change in (
        classify_change(FROM_HEALTH, where, names), classify_change(TO_CULTURE, where, names),
        classify_change("将行业评比工作交由市场调节。", where, names),
        classify_change("将小餐饮登记移交县（区）。", where, names))] == [
        ("transferred_in", "市卫生健康委员会"), ("transferred_out", "市文化广电旅游体育局"), ("reform", None),
        ("devolved", None)]
    assert (transferred_work(FROM_HEALTH), transferred_work(TO_CULTURE)) == ("食品安全风险监测计划制定", "媒介广告发布监测")


def test_the_work_moved_into_or_out_of_a_department(corpus: Store) -> None:
    # What the check compares a draft's transfers with: the 2009 水务局 三定's 划入的职责, two sentences of one clause
    # moving two pieces of work between the same two departments: an edge each (they were one, the second lost). The
    # 原市建设委员会 is the body the 2009 reform abolished, by its own name: not today's 住建局 by the abbreviation table.
    rows = catalog.run(corpus, "department_transfers", {"department": "dept:示例市/水务局"})
    assert [(row["direction"], row["other"], row["what"], row["source"].partition("#")[2]) for row in rows] == [
        ("in", "示例市建设委员会", "将原市建设委员会承担的城市供水、节约用水管理职责划入市水务局。", "一、(一)"),
        ("in", "示例市建设委员会", "将原市建设委员会承担的城市排水和污水处理管理职责划入市水务局。", "一、(一)")]


# Two moves between two other departments, added to the draft's 职能转变 (将A的…职责划入B, 示例市市场监督管理局 neither).
HEALTH_TO_CULTURE = "将市卫生健康委员会承担的食品安全风险监测计划制定职责划入市文化广电旅游体育局。"
CULTURE_TO_HEALTH = "将市文化广电旅游体育局承担的食品安全风险评估职责划入市卫生健康委员会。"


def test_a_move_between_two_other_departments_is_checked_on_both_sides(corpus: Store, tmp_path: Path) -> None:
    # 卫生健康委员会's 三定 still states the first work (its duty and its office's) and 文化广电旅游体育局's does not;
    # of the second, the receiver states it already and the giver never did: nothing to revise. Before, neither was
    # in the section.
    draft = tmp_path / DRAFT.name
    draft.write_text(DRAFT.read_text(encoding="utf-8").replace(
        FROM_HEALTH, FROM_HEALTH + HEALTH_TO_CULTURE + CULTURE_TO_HEALTH), encoding="utf-8")
    source, parsed = read_draft(draft)
    answer = check_draft(corpus, draft_of(corpus, source, parsed), file=draft.name)
    assert [(row["kind"], row["text"], row["giver"], row["counterpart"], row["already"], row["finding"],
             row["evidence"][:16], row["evidence_source"].partition("#")[2])
            for row in answer["changes"] if row["kind"] == "moved"] == [
        ("moved", HEALTH_TO_CULTURE, HEALTH, CULTURE, False, "giver_still_holds", "负责食品安全风险评估和食品安全标",
         "第三条(八)"),
        ("moved", HEALTH_TO_CULTURE, HEALTH, CULTURE, False, "giver_still_holds", "组织实施食品安全风险监测计划。",
         "第四条(七)"),
        ("moved", HEALTH_TO_CULTURE, HEALTH, CULTURE, False, "receiver_lacks", "", ""),
        ("moved", CULTURE_TO_HEALTH, CULTURE, HEALTH, False, "none", "", "")]
    # The draft's own moves keep no giver.
    assert {row["giver"] for row in answer["changes"] if row["kind"] != "moved"} == {""}


# Moves the graph can check one side of, or neither: 市甲乙局 and 市丙丁局 hold no 三定 in the graph.
UNKNOWN_TO_UNKNOWN = "将市甲乙局承担的食品安全风险监测计划制定职责划入市丙丁局。"
UNKNOWN_TO_HEALTH = "将市甲乙局承担的媒介广告发布监测职责划入市卫生健康委员会。"
HEALTH_TO_UNKNOWN = "将市卫生健康委员会承担的媒介广告发布监测职责划入市丙丁局。"


def test_a_move_the_graph_cannot_check_says_which_side_it_does_not_know(corpus: Store, tmp_path: Path) -> None:
    # One 图中没有 row a move, naming the giver, the receiver or both (before: no side, and the two sides of the first
    # move one row by chance of being equal); the receiver the graph knows is still checked (卫生健康委员会 does not
    # state 媒介广告发布监测). The draft's own transfers, both sides known, name none.
    draft = tmp_path / DRAFT.name
    draft.write_text(DRAFT.read_text(encoding="utf-8").replace(
        FROM_HEALTH, FROM_HEALTH + UNKNOWN_TO_UNKNOWN + UNKNOWN_TO_HEALTH + HEALTH_TO_UNKNOWN), encoding="utf-8")
    source, parsed = read_draft(draft)
    answer = check_draft(corpus, draft_of(corpus, source, parsed), file=draft.name)
    assert [(row["text"], row["giver"], row["counterpart"], row["finding"], row["unknown_side"])
            for row in answer["changes"] if row["kind"] == "moved"] == [
        (UNKNOWN_TO_UNKNOWN, "示例市甲乙局", "示例市丙丁局", "counterpart_unknown", "both"),
        (UNKNOWN_TO_HEALTH, "示例市甲乙局", HEALTH, "counterpart_unknown", "giver"),
        (UNKNOWN_TO_HEALTH, "示例市甲乙局", HEALTH, "receiver_lacks", ""),
        (HEALTH_TO_UNKNOWN, HEALTH, "示例市丙丁局", "counterpart_unknown", "receiver")]
    assert {row["unknown_side"] for row in answer["changes"] if row["kind"] != "moved"} == {""}
