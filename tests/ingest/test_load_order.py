"""Where a 三定 lands and whom its clauses name must not depend on what was loaded before it.

Two regressions of a user test: a county document naming `县城市管理局` before that bureau's own 三定 was loaded
left an unresolved party beside the real bureau for good (and the clause's edge on it); and a 三定 whose title
names only its county (西河县…) landed at the top of the graph although its 第一条 cites 《临江市西河县机构改革方案》.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.sanding import basis_title_region

# The housing bureau's 三定 names the city-management bureau by a short form (县城市管理局) that the abbreviation
# table folds into 城市管理和综合执法局; the bureau's own 三定 calls it 西河县城市管理局. 县民政局 is never loaded.
ZHUJIAN = """西河县住房和城乡建设局职能配置、内设机构和人员编制规定
第一条 根据《中共中央关于深化党和国家机构改革的决定》和《临江市西河县机构改革方案》，制定本规定。
第二条 县住房和城乡建设局是县政府工作部门，为正科级。
第三条 县住房和城乡建设局贯彻落实党中央关于住房和城乡建设工作的方针政策。主要职责是：
（一）负责全县保障性住房建设和分配管理。
（二）负责全县建筑施工现场扬尘防治的监督管理。
（三）负责全县住房租赁市场秩序的监督管理。
（四）完成县委、县政府交办的其他任务。
第四条 县住房和城乡建设局设下列内设机构：
（一）办公室。负责机关日常运转和财务、人事工作。
（二）建筑管理股。负责建筑施工现场扬尘防治监督管理。
第五条 县住房和城乡建设局机关行政编制10名。设局长1名，副局长2名。
第六条 有关职责分工。
（一）与县城市管理局的有关职责分工。县住房和城乡建设局负责建筑施工现场扬尘防治的监督管理，县城市管理局配合。
（二）与县民政局的有关职责分工。县住房和城乡建设局牵头负责困难家庭住房救助，县民政局配合。
第七条 本规定自2021年5月1日起施行。
"""

CHENGGUAN = """西河县城市管理局职能配置、内设机构和人员编制规定
第一条 根据《中共临江市委 临江市人民政府关于西河县机构改革方案的批复》，制定本规定。
第二条 县城市管理局是县政府工作部门，为正科级。
第三条 县城市管理局贯彻落实党中央关于城市管理工作的方针政策。主要职责是：
（一）负责全县道路清扫保洁和公共厕所管理。
（二）负责全县占道经营的查处。
（三）完成县委、县政府交办的其他任务。
第四条 县城市管理局设下列内设机构：
（一）办公室。负责机关日常运转和财务、人事工作。
（二）执法股。负责占道经营的查处。
第五条 县城市管理局机关行政编制8名。设局长1名，副局长1名。
第六条 本规定自2021年6月1日起施行。
"""


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("title", "region"), [
    ("临江市西河县机构改革方案", ("临江市", "西河县")),
    ("中共临江市委 临江市人民政府关于西河县机构改革方案的批复", ("临江市", "西河县")),
    ("中共临江市委 临江市人民政府关于临江市西河县机构改革方案", ("临江市", "西河县")),
    ("临江市人民政府关于印发西河县机构改革实施意见的通知", ("临江市", "西河县")),
    ("临江市机构改革方案", ("临江市",)),
    ("南岭省人民政府关于市县机构改革的总体意见", ()),  # a province's guidance names no city or county
    ("中共中央关于深化党和国家机构改革的决定", ()),
    ("深化党和国家机构改革方案", ()),
    ("国务院机构改革方案", ()),
    ("临江市西河县国民经济和社会发展第十四个五年规划纲要", ()),  # no 机构改革: says nothing of the document
])
def test_the_region_a_reform_title_names(title: str, region: tuple[str, ...]) -> None:
    assert basis_title_region(title) == region


def test_the_region_comes_from_the_first_article(store: Store, tmp_path: Path) -> None:
    report = ingest([_write(tmp_path, "xihe_chengguan.txt", CHENGGUAN)], store)
    assert report.failed == []
    assert [o.warnings for o in report.outcomes] == [[]]
    rows = store.read("MATCH (p:Region)-[:CONTAINS]->(c:Region)-[:HAS_DEPARTMENT]->(d:Department) "
                      "RETURN p.path AS parent, c.path AS region, c.level AS level, d.uid AS uid")
    assert rows == [{"parent": "临江市", "region": "临江市/西河县", "level": "county", "uid": "dept:临江市/西河县/城市管理局"}]


def test_region_option_wins_over_the_first_article_and_the_conflict_is_warned(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "xihe_chengguan.txt", CHENGGUAN)
    report = ingest([path], store, region=Region(("南湖市",)))
    assert report.failed == []
    assert report.outcomes[0].warnings == [
        f"{path}:2: 第一条 cites the 机构改革 of 临江市/西河县, but the document is placed in 南湖市/西河县 "
        "(--region wins); 第一条所据方案的区划 临江市/西河县 与载入区划 南湖市/西河县 不一致"]
    assert store.read("MATCH (d:Department) RETURN d.uid AS uid") == [{"uid": "dept:南湖市/西河县/城市管理局"}]


def test_a_title_naming_another_region_than_the_first_article_is_warned(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path, "dongling.txt", CHENGGUAN.replace("西河县城市管理局职能配置", "东岭县城市管理局职能配置", 1))
    report = ingest([path], store)
    assert report.failed == []
    assert report.outcomes[0].warnings == [
        f"{path}:2: 第一条 cites the 机构改革 of 临江市/西河县, but the document is placed in 东岭县 "
        "(the department's own name wins); 第一条所据方案的区划 临江市/西河县 与载入区划 东岭县 不一致"]
    assert store.read("MATCH (d:Department) RETURN d.uid AS uid") == [{"uid": "dept:东岭县/城市管理局"}]
