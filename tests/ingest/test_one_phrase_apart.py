"""The rule before the scorer's features: one clause written for two objects is not one work."""

from __future__ import annotations

import pytest

from ingest.similarity import DutyDoc, names_a_thing, one_phrase_apart, reference_model


def _apart(text_a: str, text_b: str) -> bool:
    return one_phrase_apart(DutyDoc("a", text_a, "甲"), DutyDoc("b", text_b, "乙"))


@pytest.mark.parametrize(("text_a", "text_b"), [
    ("负责能源发展规划", "负责工业发展规划"),
    ("负责城乡居民基本医疗保险参保缴费", "负责城乡居民基本养老保险参保缴费"),
    ("负责农作物种子生产经营许可", "负责林木种子生产经营许可"),
    ("负责公共场所卫生许可", "负责生活饮用水卫生许可"),
    ("负责城市道路管理", "负责城市公园管理"),
    ("对烟花爆竹进行检查督导，覆盖全区范围。组织开展宣传培训。", "对动物防疫进行检查督导，覆盖全区范围。依法受理投诉举报。"),
    # Which territory each covers is a scope word, not part of the frame's difference.
    ("负责危险化学品相关行政许可，覆盖全市范围。", "负责种子管理相关行政许可，覆盖全区范围。"),
    ("负责全市城市道路管理", "负责本县城市公园管理"),
])
def test_one_frame_around_two_different_objects_is_two_works(text_a: str, text_b: str) -> None:
    assert _apart(text_a, text_b)
    assert reference_model().score(text_a, text_b) == 0.0


@pytest.mark.parametrize(("text_a", "text_b"), [
    # The differing parts are a list and a clause, not one phrase put in another's place.
    ("负责农村集体资金、资产、资源的监督管理", "负责农村集体“三资”和村级财务的监督管理"),
    # 管理工作 only says what is done (its piece 理工 names nothing either).
    ("负责中医药服务体系建设和基本药物制度落实", "负责中医药管理工作"),
    # The synonyms fold into one term, which both clauses then say.
    ("负责共享单车停放秩序管理", "负责互联网租赁自行车停放秩序管理"),
    ("负责水土流失治理", "负责水土保持治理"),
    # A compound's part is said by both (燃气).
    ("负责燃气经营许可", "负责燃气具经营许可"),
    # The phrases share a pair of characters (消费), though no term.
    ("负责消费者投诉举报处理和放心消费创建工作", "负责消费者投诉举报受理和消费维权工作"),
    # Too little read alike around the difference (负责 alone) to call it one frame.
    ("负责森林防火", "负责农田水利"),
    # Nothing differs.
    ("负责城市道路的监督管理", "负责城市道路的监督管理"),
])
def test_otherwise_the_features_decide(text_a: str, text_b: str) -> None:
    assert not _apart(text_a, text_b)


def test_a_term_names_a_thing_when_more_than_doing_words_are_left() -> None:
    assert [term for term in ("烟花爆竹", "管理工作", "督促落实", "质量安全", "森林防火") if names_a_thing(term)] == [
        "烟花爆竹", "森林防火"]
