"""Three misroutes a dispatcher's user test found on the examples, each by its cause: a colloquial phrase jieba cut
across (a water complaint sent to 生态环境局), ..."""

from __future__ import annotations

from graph.store import Store
from queries.complaint_files import Complaint
from queries.dispatch import dispatch
from queries.search import phrases_apart


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
