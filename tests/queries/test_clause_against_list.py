"""A 三定's 职责分工 clause and a boundary list on one matter: where the clause makes a department lead that the list,
naming no lead, has assisting, the two documents disagree on its role (user test: nothing said so, and the list's
row was missing from the finding)."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from queries.ambiguities import host_assist_ambiguities

YINGJI = """西河县应急管理局职能配置、内设机构和人员编制规定
第一条 根据《临江市西河县机构改革方案》，制定本规定。
第二条 县应急管理局是县政府工作部门，为正科级。
第三条 县应急管理局贯彻落实党中央关于应急管理工作的方针政策。主要职责是：
（一）负责全县安全生产综合监督管理。
（二）负责电动自行车集中充电设施的消防安全检查。
第四条 县应急管理局设下列内设机构：
（一）办公室。负责机关日常运转。
（二）安全生产股。负责安全生产综合监督管理和电动自行车集中充电设施的消防安全检查。
第五条 县应急管理局机关行政编制9名。设局长1名，副局长2名。
第六条 有关职责分工。
（一）电动自行车集中充电设施安全管理。县应急管理局牵头，县市场监督管理局、县住房和城乡建设局配合。
第七条 本规定自2021年5月1日起施行。
"""
# The county's boundary list: the same matter, no lead, the 应急管理局 among those assisting.
BIANJIE = ("西河县部门职责边界清单\n序号,事项名称,牵头部门,配合部门\n"
           "1,电动自行车集中充电设施安全管理,,县住房和城乡建设局、县市场监督管理局、县应急管理局\n")


def test_a_clause_making_lead_a_department_a_list_has_assisting_is_lead_and_assist(store: Store,
                                                                                    tmp_path: Path) -> None:
    (tmp_path / "xihe_yingji.txt").write_text(YINGJI, encoding="utf-8")
    (tmp_path / "xihe_bianjie.csv").write_text(BIANJIE, encoding="utf-8")
    assert ingest([tmp_path / "xihe_yingji.txt", tmp_path / "xihe_bianjie.csv"], store).failed == []
    findings = host_assist_ambiguities(store, "临江市/西河县")
    assert [(f["reason"], f["matter"], f["leads"]) for f in findings] == [
        ("lead_and_assist", "电动自行车集中充电设施安全管理", ["西河县应急管理局"])]
    # Both documents' claims, the list's among them: the reader sees who says what.
    assert sorted((c["source"].rsplit("#", 1)[1], c["leads"], c["assists"]) for c in findings[0]["claims"]) == [
        ("第3行", [], ["西河县住房和城乡建设局", "西河县市场监督管理局", "西河县应急管理局"]),
        ("第六条(一)", ["西河县应急管理局"], ["西河县住房和城乡建设局", "西河县市场监督管理局"])]
