"""A 调整职责机构编制 notice read for the work it takes from its department: 划入/划归 another department, 取消 and
下放, each with the work itself (not the sentence, whose department names would count as words the duty must say)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.amendment import parse_amendment
from ingest.changes import classify_change
from ingest.model import Located

_TITLE = "关于调整临川市城市管理局职责机构编制的通知"


@pytest.mark.parametrize(("item", "read"), [
    ("一、将临川市城市管理局的城市照明设施运行维护职责划入临川市住房和城乡建设局。",
     [("transferred_out", "城市照明设施运行维护", "临川市住房和城乡建设局")]),
    ("一、将临川市城市管理局的城市照明设施运行维护职责划归临川市住房和城乡建设局。",
     [("transferred_out", "城市照明设施运行维护", "临川市住房和城乡建设局")]),
    # 承担的 / 负责的 between the giver and its work, as notices often write it.
    ("一、将临川市城市管理局承担的城市照明设施运行维护职责划入临川市住房和城乡建设局。",
     [("transferred_out", "城市照明设施运行维护", "临川市住房和城乡建设局")]),
    ("一、将临川市城市管理局负责的城市照明设施运行维护职责划入临川市住房和城乡建设局，相应划转行政编制2名。",
     [("transferred_out", "城市照明设施运行维护", "临川市住房和城乡建设局")]),
    ("一、取消临川市城市管理局的户外广告设置审批职责。", [("cancelled", "户外广告设置审批", None)]),
    ("一、将临川市城市管理局的建筑垃圾运输处置监督管理职责下放至各县（区）。",
     [("devolved", "建筑垃圾运输处置监督管理", None)]),
    ("一、取消户外广告设置审批。将建筑垃圾运输处置监督管理下放至各县（区）。",
     [("cancelled", "户外广告设置审批", None), ("devolved", "建筑垃圾运输处置监督管理", None)]),
    # An organ abolished, not work: a reform, as before.
    ("一、不再保留临川市城市照明管理处。", [("reform", None, None)]),
])
def test_the_work_a_notice_takes(item: str, read: list[tuple[str, str | None, str | None]]) -> None:
    notice = parse_amendment(Path("notice.txt"), [(1, _TITLE), (2, "（2022年6月1日）"), (3, item)])
    assert [(change.kind, change.subject, change.counterpart) for change in notice.changes] == read


@pytest.mark.parametrize(("item", "work", "to"), [
    ("一、将临川市城市管理局的城市道路挖掘审批职责交由各县（区）人民政府负责。", "城市道路挖掘审批", "各县（区）人民政府"),
    ("一、将临川市城市管理局的门店招牌设置备案职责交由属地乡镇（街道）负责。", "门店招牌设置备案", "属地乡镇（街道）"),
    ("一、将临川市城市管理局的户外广告设置审批职责下放至县级。", "户外广告设置审批", "县级"),
    ("一、将临川市城市管理局的建筑垃圾运输处置监督管理职责下放至各县（区）。", "建筑垃圾运输处置监督管理", "各县（区）"),
])
def test_work_handed_to_the_lower_governments_is_devolved_to_them(item: str, work: str, to: str) -> None:
    """交由各县（区）人民政府负责 hands work down as 下放 does: no department receives it (not a 划转), and the lower
    governments the notice names are kept as written."""
    notice = parse_amendment(Path("notice.txt"), [(1, _TITLE), (2, "（2022年6月1日）"), (3, item)])
    assert [(change.kind, change.subject, change.counterpart, change.devolved_to) for change in notice.changes] == [
        ("devolved", work, None, to)]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("将城市道路挖掘审批交由各县（区）人民政府负责。", "devolved"), ("将门店招牌设置备案交由属地乡镇（街道）负责。", "devolved"),
    ("将城市照明设施运行维护交由市住房和城乡建设局负责。", "transferred_out"),
])
def test_a_sanding_s_handing_down_reads_alike(sentence: str, kind: str) -> None:
    """A 三定's 职能转变 sentence is read by the same verbs: handed to the lower governments, devolved; to a
    department, moved out."""
    assert classify_change(sentence, Located(1, "第三条"), ["临川市城市管理局"]).kind == kind
