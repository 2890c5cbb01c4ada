"""Misroutes a dispatcher's user test found on the examples, each by its cause: a colloquial phrase jieba cut
across (a water complaint sent to 生态环境局), a district's complaint sent up to the city while a district department
holds part of it, and a paperwork verb no duty writes read through its nearest words (社保卡补办 sent to 公安局)."""

from __future__ import annotations

from graph.store import Store
from queries.complaint_files import Complaint
from queries.dispatch import dispatch
from queries.search import phrases_apart, query_terms


def _routes(corpus: Store, *complaints: tuple[str, str]) -> list[tuple[str, str, bool, bool, str]]:
    rows = dispatch(corpus, [Complaint(line, text, region) for line, (text, region) in enumerate(complaints, 2)],
                    region=None).rows
    return [(row["region"], row["department"], row["tie"], row["weak"], row["note"]) for row in rows]


def test_a_phrase_jieba_cuts_across_is_read_whole() -> None:
    # jieba: 自来水 / 有 / 异味; colloquial.txt's 水有异味 (水质) takes 有 and 异味, and 自来水 keeps its 供水.
    assert phrases_apart("龙头里的自来水有异味") == ("龙头里的自来水 水有异味 ", ((8, 12),))
    # Met nearly (黄有异味), where 自来水发黄 says its 水质 too.
    assert phrases_apart("自来水发黄有异味") == ("自来水发黄 水有异味 ", ((6, 10),))
    # Met nearly with nothing else of 水质 said: 异味 is the air's.
    assert phrases_apart("化工厂有异味") == ("化工厂有异味", ())
    # A phrase that takes one word only trims the next (夜市摊 on 夜市 / 摊贩), and one taking none is chance (路灯).
    assert phrases_apart("夜市摊贩占道经营") == ("夜市摊贩占道经营", ())
    assert phrases_apart("马路灯光太暗") == ("马路灯光太暗", ())


def test_water_that_smells_goes_to_the_water_department(corpus: Store) -> None:
    assert _routes(corpus, ("自来水发黄有异味", ""), ("龙头里的自来水有异味", ""), ("化工厂有异味", "")) == [
        ("示例市", "示例市水务局", False, False, ""),
        ("示例市", "示例市水务局", False, False, ""),
        ("示例市", "示例市生态环境局", False, False, ""),
    ]


def test_a_district_department_holding_part_of_a_complaint_sent_up_is_named(corpus: Store) -> None:
    # 河西区's 城管 holds 占道经营; no 河西区 department states 油烟, which the city's 生态环境局 holds.
    assert _routes(corpus, ("河西区步行街夜市的摊贩占道经营，到了晚上油烟熏人", "河西区")) == [
        ("示例市", "示例市城市管理和综合执法局", True, False,  # the city's 城管 and 生态环境局 close: a tie
         "示例市/河西区 的部门无诉求中部分事项的职责，按上级 示例市 分派；河西区城市管理和综合执法局 有诉求中其他事项的职责"
         "（相关度 41.688），请核实 / no department of 示例市/河西区 holds part of it: routed to 示例市's; "
         "河西区城市管理和综合执法局 holds the rest (score 41.688)"),
    ]


def test_a_paperwork_verb_leaves_the_card_it_names_to_decide(corpus: Store) -> None:
    # No duty writes 补办: its nearest words (身份证, 户籍) sent 社保卡补办 to 公安's 户籍 duty, weak (依据不足).
    assert "补办" not in query_terms("社保卡补办")
    assert _routes(corpus, ("社保卡补办", ""), ("社保卡丢了要挂失", ""), ("身份证丢了想补办", "")) == [
        ("示例市", "示例市人力资源和社会保障局", False, False, ""),
        ("示例市", "示例市人力资源和社会保障局", False, False, ""),
        ("示例市", "示例市公安局", False, False, ""),
    ]
