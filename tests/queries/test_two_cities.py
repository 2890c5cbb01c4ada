"""A province 编办 loading two cities into one graph (tests/fixtures/two_cities: 南屿市, which keeps its 文化广电和旅游局
and 体育局 apart, with 石桥县, which merged them, beside examples/' 示例市): each county department mirrors the city
departments of its own city doing its work (上下对口), both where the county merged what the city split."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Statement, Store
from ingest.counterparts import mirrored
from ingest.link import link
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.complaint_files import read_complaints
from queries.counterpart_duties import counterpart_duties
from queries.dispatch import dispatch, needs_person
from queries.report import build_report
from queries.staffing import staffing_load

TWO_CITIES = Path(__file__).resolve().parents[1] / "fixtures" / "two_cities"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _nanyu(store: Store) -> Store:
    store.clear()
    report = ingest([TWO_CITIES / "sanding", TWO_CITIES / "lists" / "nanyu_shixian.csv"], store)
    assert report.failed == []
    # The boundary list names its parties 市城市管理局 …: its city is given, as an analyst gives it.
    assert ingest([TWO_CITIES / "lists" / "nanyu_bianjie.csv"], store, region=Region(("南屿市",))).failed == []
    return store


def _counterparts(store: Store, region: str) -> list[tuple[str, str]]:
    return [(row["county_department"], row["city_department"])
            for row in catalog.run(store, "counterparts", {"region": region})]


def test_a_merged_county_bureau_mirrors_each_city_department_it_merged(store: Store) -> None:
    _nanyu(store)
    assert _counterparts(store, "南屿市") == [
        ("石桥县交通运输局", "南屿市交通运输局"),
        ("石桥县市场监督管理局", "南屿市市场监督管理局"),
        ("石桥县文化广电旅游体育局", "南屿市体育局"),
        ("石桥县文化广电旅游体育局", "南屿市文化广电和旅游局"),
    ]
    load = {row["department"]: (row["counterpart"], row["counterpart_duties_per_post"])
            for row in staffing_load(store, "南屿市/石桥县")}
    # Set beside both: (4 + 8 duties) / (6 + 12 posts), not the 体育局's alone.
    assert load["石桥县文化广电旅游体育局"] == ("南屿市体育局、南屿市文化广电和旅游局", 0.667)


def test_a_counterpart_no_longer_derived_is_dropped_when_linking_again(store: Store) -> None:
    _nanyu(store)
    # One an earlier linker made: the county 交通运输局 beside the city 体育局.
    store.write(Statement("UNWIND $rows AS r MATCH (a:Department {name: r.a}), (b:Department {name: r.b}) "
                          "MERGE (a)-[e:COUNTERPART]->(b) SET e.source = 'link'",
                          [{"a": "石桥县交通运输局", "b": "南屿市体育局"}]))
    assert ("石桥县交通运输局", "南屿市体育局") in _counterparts(store, "南屿市")
    link(store, relink_all=True)
    assert ("石桥县交通运输局", "南屿市体育局") not in _counterparts(store, "南屿市")
    assert len(_counterparts(store, "南屿市")) == 4


@pytest.mark.parametrize(("county", "city", "expected"), [
    ("文化广电旅游体育局", ["交通运输局", "体育局", "文化广电和旅游局"], ["体育局", "文化广电和旅游局"]),
    ("体育局", ["体育局", "文化和旅游局"], ["体育局"]),  # its own name first: not the 文旅局 of the same group
    ("文化和旅游局", ["体育局", "文化广电和旅游局"], ["文化广电和旅游局"]),  # the one sharing its line of work
    ("文旅局", ["体育局", "文化广电和旅游局"], ["体育局", "文化广电和旅游局"]),  # sharing no word: cannot tell
    ("城市管理局", ["城市管理和综合执法局", "水务局"], ["城市管理和综合执法局"]),
    ("教育局", ["交通运输局"], []),
])
def test_mirrored(county: str, city: list[str], expected: list[str]) -> None:
    assert mirrored(county, city) == expected


def test_a_merged_county_bureau_is_set_beside_all_it_mirrors_at_once(store: Store) -> None:
    _nanyu(store)
    compact = [(row["city_department"], row["relation"], row["county_ordinal"], row["city_ordinal"], row["score"])
               for row in counterpart_duties(store, "石桥县文化广电旅游体育局")]
    # Its culture and tourism duties mirror the 文化广电和旅游局's, not 县级独有 beside the 体育局; each duty once.
    assert compact == [
        ("南屿市文化广电和旅游局", "mirrored", 1, 1, 0.973), ("南屿市文化广电和旅游局", "mirrored", 2, 2, 0.993),
        ("南屿市文化广电和旅游局", "mirrored", 3, 5, 0.981), ("南屿市文化广电和旅游局", "mirrored", 4, 7, 0.946),
        ("南屿市体育局", "mirrored", 5, 2, 0.995),
        ("南屿市体育局", "city_only", None, 3, None), ("南屿市体育局", "city_only", None, 4, None),
        ("南屿市文化广电和旅游局", "city_only", None, 3, None), ("南屿市文化广电和旅游局", "city_only", None, 4, None),
        ("南屿市文化广电和旅游局", "city_only", None, 6, None), ("南屿市文化广电和旅游局", "city_only", None, 8, None)]
    # Asked of the 体育局, the city duties left out are its own.
    assert [row for row in counterpart_duties(store, "南屿市体育局") if row["relation"] == "city_only"] == [
        row for row in counterpart_duties(store, "石桥县文化广电旅游体育局")
        if row["relation"] == "city_only" and row["city_department"] == "南屿市体育局"]


def test_a_complaint_naming_no_city_is_checked_where_both_cities_do_the_work(store: Store, tmp_path: Path) -> None:
    _nanyu(store)
    assert ingest([EXAMPLES], store, region=Region(("示例市",))).failed == []
    calls = tmp_path / "calls.txt"
    calls.write_text("小区门口共享单车乱停乱放没人管\n", encoding="utf-8")
    row = dispatch(store, read_complaints(calls).complaints, region=None).rows[0]
    # 南屿市's wording scores higher; 示例市's 城管 does the work as surely: which city's it is, a person says.
    assert (row["region"], row["department"], row["note"], needs_person(row)) == (
        "南屿市", "南屿市城市管理局",
        "未指定区划，其他市的示例市城市管理和综合执法局也有相应职责：按相关度分派至南屿市，请核实诉求所在市 / no region "
        "given, and 示例市城市管理和综合执法局 of another city also has such duties: routed within 南屿市 by score; check the "
        "city", True)
    row = dispatch(store, read_complaints(calls).complaints, region="南屿市").rows[0]
    assert (row["department"], row["note"], needs_person(row)) == ("南屿市城市管理局", "", False)


def test_the_whole_graphs_report_sets_each_citys_split_beside_the_others(store: Store) -> None:
    _nanyu(store)
    assert ingest([EXAMPLES], store, region=Region(("示例市",))).failed == []
    compared = next(section for section in build_report(store).sections if section.key == "split_compared")
    # The matters both cities' lists name; those divided differently first (港口经营许可: one city keeps it, the other
    # leaves it to its counties).
    assert [(row["matter"], row["domain"], row["city_shares"], row["split_differs"]) for row in compared.rows] == [
        ("机动车维修经营备案", "交通运输", "南屿市 市级专有；示例市 县级专有", True),
        ("港口经营许可", "交通运输", "南屿市 县级专有；示例市 市级专有", True),
        ("房地产开发企业资质核定", "住房城乡建设", "南屿市 市级专有；示例市 市县共有", True),
        ("城市道路占用、挖掘审批", "城市管理", "南屿市 市级专有；示例市 市县共有", True),
        ("消费者投诉举报处理", "市场监管", "南屿市 市县共有；示例市 县级专有", True),
        ("超限运输车辆行驶公路许可", "交通运输", "南屿市 市县共有；示例市 市县共有", False),
        ("食品安全抽样检验", "市场监管", "南屿市 市县共有；示例市 市县共有", False),
    ]
    # The departments' sets too (city_departments), as the query gives them.
    departments = next(section for section in build_report(store).sections if section.key == "city_departments")
    assert (departments.rows, departments.columns) == (
        catalog.run(store, "city_departments", {}), ["work", "city_departments", "finding_label", "lacking", "merged_in"])
    # One city's report has no other city to compare with.
    assert [section.key for section in build_report(store, region="南屿市").sections
            if section.key in ("split_compared", "city_departments")] == []


def test_the_cities_departments_are_compared_by_their_line_of_work(store: Store) -> None:
    _nanyu(store)
    assert ingest([EXAMPLES], store, region=Region(("示例市",))).failed == []
    rows = catalog.run(store, "city_departments", {})
    # 示例市 merges the work 南屿市 gives two bureaus; 南屿市's 城管 is named otherwise; the lines whose 三定 only
    # 示例市 has loaded are lacking in 南屿市; 住建, 交通 and 市场监管, alike in both, are no finding.
    lacking = ["人力资源和社会保障局", "公安局", "农业农村局", "卫生健康委员会", "应急管理局", "水务局", "生态环境局",
               "自然资源和规划局"]
    assert [(row["work"], row["city_departments"], row["finding_label"], row["lacking"], row["merged_in"])
            for row in rows] == [
        ("文化广电旅游体育局", "南屿市：体育局、文化广电和旅游局；示例市：文化广电旅游体育局", "一市合并设置、另一市分设",
         "", "示例市"),
        *[(work, f"示例市：{work}", "部分市图中没有（未设或未载入其三定）", "南屿市", "") for work in lacking],
        ("城市管理和综合执法局", "南屿市：城市管理局；示例市：城市管理和综合执法局", "名称不同", "", ""),
    ]
    # One city has none to compare with.
    assert catalog.run(store, "city_departments", {"region": "南屿市"}) == []


def test_over_two_cities_a_county_bureau_is_scored_among_its_line_of_work_in_every_county(store: Store) -> None:
    _nanyu(store)
    assert ingest([EXAMPLES], store, region=Region(("示例市",))).failed == []
    whole = staffing_load(store)
    # Like with like across cities: the three counties' 交通运输局 (0.444, 0.562 and 0.625 duties per post), not
    # 石桥县's bureaus of three lines of work; a line fewer than three counties set up is named, unscored.
    assert [(row["region"], row["department"], row["peers"], row["robust_z"], row["too_few"])
            for row in whole if row["peers"]] == [
        ("南屿市/石桥县", "石桥县交通运输局", "县（区）级交通运输局", -1.51, False),
        ("南屿市/石桥县", "石桥县市场监督管理局", "县（区）级市场监督管理局", -1.43, False),
        ("南屿市/石桥县", "石桥县文化广电旅游体育局", "县（区）级文化广电旅游体育局", None, True),
        ("示例市/河西区", "河西区交通运输局", "县（区）级交通运输局", 0.0, False),
        ("示例市/河西区", "河西区住房和城乡建设局", "县（区）级住房和城乡建设局", None, True),
        ("示例市/河西区", "河西区卫生健康局", "县（区）级卫生健康局", None, True),
        # 城市管理局 mirrors 城市管理和综合执法局 (ingest.counterparts): one line named otherwise.
        ("示例市/河西区", "河西区城市管理和综合执法局", "县（区）级城市管理和综合执法局或城市管理局", None, True),
        ("示例市/河西区", "河西区市场监督管理局", "县（区）级市场监督管理局", 0.0, False),
        ("示例市/河西区", "河西区教育局", "县（区）级教育局", None, True),
        ("示例市/青山县", "青山县交通运输局", "县（区）级交通运输局", 0.67, False),
        ("示例市/青山县", "青山县住房和城乡建设局", "县（区）级住房和城乡建设局", None, True),
        ("示例市/青山县", "青山县农业农村局", "县（区）级农业农村局", None, True),
        ("示例市/青山县", "青山县城市管理局", "县（区）级城市管理和综合执法局或城市管理局", None, True),
        ("示例市/青山县", "青山县市场监督管理局", "县（区）级市场监督管理局", 0.67, False),
        ("示例市/青山县", "青山县应急管理局", "县（区）级应急管理局", None, True),
        ("示例市/青山县", "青山县水利局", "县（区）级水利局", None, True),
    ]
    one_city = staffing_load(store, "示例市")
    # One city's reading keeps each region's departments: 河西区教育局 stands out among 河西区's, as in a graph of 示例市
    # alone; and a city's own departments are scored among their city's in either reading.
    assert all(row["peers"] == "" for row in one_city)
    assert [(row["department"], row["robust_z"], row["outlier"]) for row in one_city if row["outlier"]] == [
        ("示例市文化广电旅游体育局", 6.56, "understaffed"), ("河西区教育局", -7.35, "overstaffed")]
    assert [row for row in whole if row["region"] == "示例市"] == [row for row in one_city if row["region"] == "示例市"]
    # The report names the groups it cannot score, and its table the group each county bureau is scored in.
    section = next(section for section in build_report(store).sections if section.key == "staffing_load")
    assert "peers" in section.columns
    assert section.note.endswith("以下区划或比较组可比部门少于 3 个，稳健z分数无法判断异常（两个部门时总是 ±0.67），不给出分数："
                                 "县（区）级住房和城乡建设局、县（区）级农业农村局、县（区）级卫生健康局、"
                                 "县（区）级城市管理和综合执法局或城市管理局、县（区）级应急管理局、县（区）级教育局、"
                                 "县（区）级文化广电旅游体育局、县（区）级水利局。")
    assert "peers" not in next(section for section in build_report(store, region="示例市").sections
                               if section.key == "staffing_load").columns
