"""部门概况 shows the number of offices a document sets (设5个内设机构) where it lists none, as 编制与职责负荷's 核定内设机构数
does, and says so: it showed 0 beside the staffing table's 19 for 卫健委's 2023 notice (user test). The fixture is
invented."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from queries import catalog
from queries.report import Section, build_report
from tests.conftest import real_document

SANDING = Path(__file__).resolve().parents[1] / "fixtures" / "offices_stated" / "beihu_dangan_sanding.txt"
PIFU = Path(__file__).resolve().parents[1] / "fixtures" / "quhua_notice" / "pifu.txt"  # 撤销青山县，设立示例市青山区
_COUNTY_SANDING = """示例市青山县档案局职能配置、内设机构和人员编制规定
第一条 根据《示例市青山县机构改革方案》，制定本规定。
第二条 示例市青山县档案局是县政府工作部门，为正科级。
第三条 县档案局主要职责是：
（一）负责全县档案事业的统筹规划和组织协调。
（二）负责对全县机关、团体、企业事业单位的档案工作进行监督和指导。
第四条 县档案局设4个内设机构。
第五条 县档案局机关行政编制9名。设局长1名，副局长2名。
"""


def _profile(store: Store) -> Section:
    return next(section for section in build_report(store).sections if section.key == "departments")


def test_offices_set_but_not_listed(store: Store) -> None:
    assert ingest([SANDING], store).failed == []
    profile = _profile(store)
    assert [(row["department"], row["offices"]) for row in profile.rows] == [("北湖市档案局", 5)]
    assert profile.note == "北湖市档案局的内设机构未逐一列出，内设机构数为核定的数（同编制与职责负荷的核定内设机构数）。"


def test_offices_listed_are_counted(corpus: Store) -> None:
    # The examples' 三定 list their offices: the count is theirs, and nothing is said.
    profile = _profile(corpus)
    assert all(row["offices"] for row in profile.rows) and "未逐一列出" not in profile.note


def test_the_real_health_commission_notice(store: Store) -> None:
    assert ingest([real_document("guojia_weishengjiankangwei_tiaozheng_zhizejigoubianzhi_2023.txt")], store).failed == []
    assert [(row["department"], row["offices"]) for row in _profile(store).rows] == [("国家卫生健康委员会", 19)]


def test_every_reader_shows_the_number_set(store: Store) -> None:
    """The departments query says it, so the CLI's and the API's lists show what the report shows, and say it is the
    number set, not a count (they showed 0)."""
    assert ingest([SANDING], store).failed == []
    assert [(row["department"], row["offices"], row["offices_unlisted"])
            for row in catalog.run(store, "departments", {"region": None})] == [("北湖市档案局", 5, True)]


def test_listed_offices_are_no_number_set(corpus: Store) -> None:
    rows = catalog.run(corpus, "departments", {"region": "示例市/青山县"})
    assert [(row["department"], row["offices"], row["offices_unlisted"]) for row in rows] == [
        ("青山县交通运输局", 6, False), ("青山县住房和城乡建设局", 6, False), ("青山县农业农村局", 7, False),
        ("青山县城市管理局", 5, False), ("青山县市场监督管理局", 9, False), ("青山县应急管理局", 5, False),
        ("青山县水利局", 5, False)]


def test_a_renamed_countys_bureau(store: Store, tmp_path: Path) -> None:
    """撤县设区: a county bureau's 三定 that sets its offices and lists none, the county renamed a district since. The
    report matched its departments' rows with staffing_load's by region and name; the query reads the department."""
    (tmp_path / "dangan.txt").write_text(_COUNTY_SANDING, encoding="utf-8")
    assert ingest([tmp_path / "dangan.txt", PIFU], store).failed == []
    rows = catalog.run(store, "departments", {"region": "示例市"})
    assert [(row["region"], row["department"], row["offices"], row["offices_unlisted"]) for row in rows] == [
        ("示例市/青山县", "青山县档案局", 4, True)]
    profile = _profile(store)
    assert [(row["department"], row["offices"]) for row in profile.rows] == [("青山县档案局", 4)]
    assert profile.note.startswith("青山县档案局的内设机构未逐一列出")
