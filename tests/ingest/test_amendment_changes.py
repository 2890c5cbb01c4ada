"""A 调整职责机构编制 notice read for the work it takes from its department: 划入/划归 another department, 取消 and
下放, each with the work itself (not the sentence, whose department names would count as words the duty must say)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.amendment import parse_amendment

_TITLE = "关于调整临川市城市管理局职责机构编制的通知"


@pytest.mark.parametrize(("item", "read"), [
    ("一、将临川市城市管理局的城市照明设施运行维护职责划入临川市住房和城乡建设局。",
     [("transferred_out", "城市照明设施运行维护", "临川市住房和城乡建设局")]),
    ("一、将临川市城市管理局的城市照明设施运行维护职责划归临川市住房和城乡建设局。",
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
