"""A 权责清单's 责任事项 and 追责情形 are kept on its items where the list has those columns (a list without one keeps
none: power_item_review flags an empty cell, not a missing column); a column no field reads is said, not dropped."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region

LIST = """序号,事项编码,事项名称,职权类型,实施主体,设定依据,责任事项,办理时限
1,T-CF-001,对擅自占用城市道路的处罚,行政处罚,县城市管理局,《城市道路管理条例》第四十二条,1.立案责任。2.调查取证责任。,30日
2,T-CF-002,对擅自挖掘城市道路的处罚,行政处罚,县城市管理局,《城市道路管理条例》第四十二条,,30日
"""


def test_the_stages_are_kept_where_the_list_has_them(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "样例县权责清单.csv"
    path.write_text(LIST, encoding="utf-8")
    report = ingest([path], store, region=Region(("样例市", "样例县")))
    [outcome] = report.outcomes
    assert outcome.ok
    assert outcome.warnings == ["columns not read: 办理时限; 未读取的列：办理时限"]
    rows = store.read("MATCH (p:PowerItem) RETURN p.code AS code, p.responsibilities AS stages, "
                      "p.accountability AS accountable ORDER BY code")
    assert rows == [{"code": "T-CF-001", "stages": "1.立案责任。2.调查取证责任。", "accountable": None},
                    {"code": "T-CF-002", "stages": "", "accountable": None}]


# A 主项 written once over its 子项's rows, its 责任事项 and 追责情形 too (merged down in the list's Excel copy, blank
# in its CSV); then an item of its own whose cells are left empty, and a 子项 of it.
SUB_ITEMS = """序号,事项编码,主项名称,子项名称,职权类型,实施主体,设定依据,责任事项,追责情形
1,T-XK-001,城市道路占用挖掘许可,占用城市道路许可,行政许可,县城市管理局,《城市道路管理条例》第三十一条,1.受理责任。2.审查责任。,因不履行或不正确履行行政职责的，依法追究责任。
2,T-XK-002,,挖掘城市道路许可,行政许可,县城市管理局,《城市道路管理条例》第三十三条,,
3,T-CF-003,对擅自占用城市道路的处罚,,行政处罚,县城市管理局,《城市道路管理条例》第四十二条,,因不履行或不正确履行行政职责的，依法追究责任。
4,T-CF-004,对擅自挖掘城市道路的处罚,对未按批准位置挖掘的处罚,行政处罚,县城市管理局,《城市道路管理条例》第四十二条,,
"""


def test_a_sub_item_answers_for_what_its_main_item_does(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "样例县权责清单.csv"
    path.write_text(SUB_ITEMS, encoding="utf-8")
    assert ingest([path], store, region=Region(("样例市", "样例县"))).failed == []
    accountable = "因不履行或不正确履行行政职责的，依法追究责任。"
    assert store.read("MATCH (p:PowerItem) RETURN p.code AS code, p.responsibilities AS stages, "
                      "p.accountability AS accountable ORDER BY code") == [
        # T-CF-003's 责任事项 is its own empty cell, not T-XK-002's; T-CF-004 is a new 主项's, with nothing above.
        {"code": "T-CF-003", "stages": "", "accountable": accountable},
        {"code": "T-CF-004", "stages": "", "accountable": ""},
        {"code": "T-XK-001", "stages": "1.受理责任。2.审查责任。", "accountable": accountable},
        {"code": "T-XK-002", "stages": "1.受理责任。2.审查责任。", "accountable": accountable}]


def test_a_merged_cell_reaches_each_sub_item(store: Store, tmp_path: Path) -> None:
    """The Excel copy of the list above: T-XK-001's 责任事项 and 追责情形 merged over T-XK-002's row."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for line in SUB_ITEMS.splitlines()[:3]:
        sheet.append(line.split(","))
    sheet.merge_cells("H2:H3")
    sheet.merge_cells("I2:I3")
    path = tmp_path / "样例县权责清单.xlsx"
    workbook.save(path)
    assert ingest([path], store, region=Region(("样例市", "样例县"))).failed == []
    assert store.read("MATCH (p:PowerItem) RETURN p.code AS code, p.responsibilities AS stages ORDER BY code") == [
        {"code": "T-XK-001", "stages": "1.受理责任。2.审查责任。"}, {"code": "T-XK-002", "stages": "1.受理责任。2.审查责任。"}]
