"""撤县设区: 青山县 becomes 示例市青山区, and each department's rename names the county's body after the old region.

The before-state is the examples' 青山县 (its 农业农村局 and 住建局 三定, its 职责边界清单); the fixtures
(tests/fixtures/chexian_shequ) are the 区's new 三定 of both bureaus (住建局's 第二条 says 将青山县住房和城乡建设局更名为
示例市青山区住房和城乡建设局; 农业农村局's says nothing of it), a 调整 notice renaming 青山县农业农村局, a 职责边界清单
reissued under the 区's name, and an old 履行职责事项清单 of 桃源乡, a township since merged into 石桥镇.
Before, a rename whose two names differ only in their region read as the department naming itself: no succession,
and both counties' bureaus stood as current, every renamed department counted twice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import SuccessionLine, ingest
from ingest.regions import Region
from ingest.succession import read_successions
from queries import catalog
from queries.ambiguities import host_assist_ambiguities
from queries.profile import department_profile
from queries.report import build_report

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "chexian_shequ"
BEFORE = [REPO / "examples" / "sanding" / "qingshan_nongye.txt", REPO / "examples" / "sanding" / "qingshan_zhujian.txt",
          REPO / "examples" / "lists" / "bianjie_qingshan.csv"]
CITY = Region(("示例市",))


@pytest.mark.parametrize(("department", "text", "expected"), [
    ("示例市青山区住房和城乡建设局", "将青山县住房和城乡建设局更名为示例市青山区住房和城乡建设局。",
     [("青山县住房和城乡建设局", "renamed")]),
    ("青山区农业农村局", "将青山县农业农村局更名为青山区农业农村局。", [("青山县农业农村局", "renamed")]),
    ("示例市青山区农业农村局", "不再保留青山县农业农村局。", [("青山县农业农村局", "absorbed")]),
    # The department's own name, written with or without its region, is no predecessor.
    ("示例市青山区农业农村局", "将青山区农业农村局更名为示例市青山区农业农村局。", []),
])
def test_a_rename_to_another_region_s_name_is_a_succession(department: str, text: str,
                                                          expected: list[tuple[str, str]]) -> None:
    found = read_successions([(2, "第二条", text)], department)
    assert [(record.predecessor, record.kind) for record in found] == expected


@pytest.fixture
def reformed(store: Store) -> tuple[Store, list[SuccessionLine]]:
    report = ingest(BEFORE, store, region=CITY)
    assert report.failed == []
    report = ingest([FIXTURES], store, region=CITY)
    assert report.failed == []
    return store, report.successions


def test_the_county_s_renamed_bureaus_are_the_district_s(reformed: tuple[Store, list[SuccessionLine]]) -> None:
    store, successions = reformed
    assert successions == [
        SuccessionLine("青山县住房和城乡建设局", "青山区住房和城乡建设局", "renamed", "2022-04-01",
                       "《示例市青山区住房和城乡建设局职能配置、内设机构和人员编制规定》第二条", True),
        SuccessionLine("青山县农业农村局", "青山区农业农村局", "renamed", "2022-03-18",
                       "《关于调整示例市青山区农业农村局职责机构编制的通知》一、", True),
    ]
    # Each bureau is counted once, as the 区's: the county holds no current department of its own any more.
    assert [(row["region"], row["department"]) for row in catalog.run(store, "departments")] == [
        ("示例市/青山区", "青山区住房和城乡建设局"), ("示例市/青山区", "青山区农业农村局")]
    assert department_profile(store, "青山县农业农村局")["department"]["succession"] \
        == "已更名为青山区农业农村局（2022-03-18）"
    # The county's old boundary list, not reissued, names the 区's bureau for the county's.
    row = next(row for row in host_assist_ambiguities(store) if row["matter"] == "电动自行车集中充电设施安全管理")
    assert row["assists"] == ["青山区住房和城乡建设局", "青山县市场监管局", "青山县应急管理局"]


def test_the_region_s_report_lists_its_reform(reformed: tuple[Store, list[SuccessionLine]]) -> None:
    """The region's report says what the 撤县设区 did (user test: only 'SUCCEEDED_BY 2' in its appendix said so); a
    report of a region without a reform has no such section (the examples' reports are as they were)."""
    store, _successions = reformed
    section = next(s for s in build_report(store, region="示例市").sections if s.key == "region_successions")
    assert [(row["region"], row["predecessor"], row["successor"], row["kind_label"], row["date"], row["source"])
            for row in section.rows] == [
        ("示例市/青山区", "青山县农业农村局", "青山区农业农村局", "更名", "2022-03-18",
         "《关于调整示例市青山区农业农村局职责机构编制的通知》一、"),
        ("示例市/青山区", "青山县住房和城乡建设局", "青山区住房和城乡建设局", "更名", "2022-04-01",
         "《示例市青山区住房和城乡建设局职能配置、内设机构和人员编制规定》第二条"),
    ]
    assert "region_successions" not in [s.key for s in build_report(store, region="示例市/青山县").sections]
