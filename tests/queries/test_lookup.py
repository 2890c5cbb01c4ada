"""Department names as an analyst types them resolve as the ingest resolves a mention (user test 5, finding 4):
abbreviations and a region prefix, or an error listing the departments the name may mean."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store, open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.lookup import (
    Reading,
    UnknownDepartment,
    VagueParty,
    checked_filters,
    department_reading,
    find_department,
    reading,
)
from queries.profile import department_profile
from queries.registry import ANALYSES
from queries.report import build_report
from queries.undecomposed import undecomposed_duties


@pytest.mark.parametrize(("typed", "department"), [
    ("市市场监管局", "示例市市场监督管理局"),  # an alias a document wrote: worked before
    ("青山县市场监管局", "青山县市场监督管理局"),  # region prefix and abbreviation
    ("示例市市场监管局", "示例市市场监督管理局"),
    ("市监局", "示例市市场监督管理局"),  # 市 as level marker and first character of 市场, as in a city document
    # A region prefix, then an abbreviation whose 市 is its own (市场): user test, 青山县市监局 was no department.
    ("青山县市监局", "青山县市场监督管理局"),
    ("示例市青山县市监局", "青山县市场监督管理局"),
    ("示例市市监局", "示例市市场监督管理局"),
    ("河西区市监局", "河西区市场监督管理局"),
    ("示例市城管局", "示例市城市管理和综合执法局"),
    ("河西区住建局", "河西区住房和城乡建设局"),
    ("示例市市场监督管理局", "示例市市场监督管理局"),  # a full name, as before
    # A plate of its 三定 (加挂区知识产权局牌子) with the region's name before it, as with its own name.
    ("河西区知识产权局", "河西区市场监督管理局"),
    ("示例市知识产权局", "示例市市场监督管理局"),
])
def test_a_short_name_resolves_to_one_department(corpus: Store, typed: str, department: str) -> None:
    assert find_department(corpus, typed)["name"] == department


@pytest.mark.parametrize(("typed", "uid"), [
    # A township's government as the lists write it: its county (and city) before it, the body's name or not.
    ("城关镇", "dept:示例市/青山县/城关镇/人民政府"),
    ("青山县城关镇", "dept:示例市/青山县/城关镇/人民政府"),
    ("青山县城关镇人民政府", "dept:示例市/青山县/城关镇/人民政府"),
    ("示例市青山县城关镇", "dept:示例市/青山县/城关镇/人民政府"),
    ("河西区河西街道", "dept:示例市/河西区/河西街道/街道办事处"),
    ("示例市河西区河西街道办事处", "dept:示例市/河西区/河西街道/街道办事处"),
])
def test_a_township_written_with_its_county_is_found(corpus: Store, typed: str, uid: str) -> None:
    assert find_department(corpus, typed)["uid"] == uid


@pytest.mark.parametrize("typed", ["河西区城关镇", "青山县河西街道"])
def test_a_township_under_another_county_is_not_found(corpus: Store, typed: str) -> None:
    with pytest.raises(UnknownDepartment):
        find_department(corpus, typed)


@pytest.mark.parametrize("typed", ["市场监管局", "住建局", "市场监督管理局"])
def test_a_name_every_region_bears_lists_them(corpus: Store, typed: str) -> None:
    line = {"市场监管局": "市场监督管理局", "住建局": "住房和城乡建设局", "市场监督管理局": "市场监督管理局"}[typed]
    with pytest.raises(UnknownDepartment) as error:
        find_department(corpus, typed)
    assert error.value.zh == (f"“{typed}”对应 3 个部门：河西区{line}、示例市{line}、青山县{line}，请写全称")


def test_a_name_read_as_none_suggests_the_nearest_without_taking_it(corpus: Store) -> None:
    # Its nearest name is a suggestion, not a department the name stands for ("names 1 departments", user test).
    with pytest.raises(UnknownDepartment) as error:
        find_department(corpus, "示例市交通局运输")
    assert str(error.value) == "no department named '示例市交通局运输'; did you mean 示例市交通运输局?"
    assert error.value.zh == "未找到部门：示例市交通局运输；是否指：示例市交通运输局？"


@pytest.mark.parametrize(("typed", "suggested"), [
    # Too short for any name's spelling to come near, yet an alias (市城管局, 县城管局) holds it as written.
    ("示例市城管", ["示例市城市管理和综合执法局"]), ("青山县城管", ["青山县城市管理局"]),
    ("城管", ["河西区城市管理和综合执法局", "示例市城市管理和综合执法局", "青山县城市管理局"]),
])
def test_a_name_an_alias_holds_is_suggested_not_taken(corpus: Store, typed: str, suggested: list[str]) -> None:
    with pytest.raises(UnknownDepartment) as error:
        find_department(corpus, typed)
    assert (error.value.candidates, error.value.near) == (suggested, True)


def test_a_region_filter_picks_the_regions_department(corpus: Store) -> None:
    assert find_department(corpus, "住建局", region="示例市/青山县")["name"] == "青山县住房和城乡建设局"
    assert find_department(corpus, "市场监管局", region="示例市")["name"] == "示例市市场监督管理局"
    # A region with no such department does not hide the others: the name is read from every region.
    with pytest.raises(UnknownDepartment, match="names 3 departments"):
        find_department(corpus, "市场监管局", region="示例市/青山县/不存在镇")


def test_an_unknown_name_is_still_unknown(corpus: Store) -> None:
    with pytest.raises(UnknownDepartment) as error:
        find_department(corpus, "示例市宇宙局")
    assert error.value.zh == "未找到部门：示例市宇宙局"


def test_a_vague_party_is_no_department(corpus: Store) -> None:
    # bianjie_shi.xlsx's 有关部门 (planted: 牛皮癣 小广告) is a party node, but no department to profile or filter by.
    with pytest.raises(VagueParty) as error:
        find_department(corpus, "有关部门")
    assert error.value.zh == "“有关部门”是清单中的模糊主体，不是一个部门；它牵头或配合的事项见主办/协办不清中的“责任主体模糊”"


def test_a_base_name_with_a_region_filter_is_that_regions(corpus: Store) -> None:
    assert find_department(corpus, "交通运输局", region="示例市/青山县")["name"] == "青山县交通运输局"
    # 水务局 is the city's own base name; 青山县水利局 shares only an abbreviation group with it.
    assert find_department(corpus, "水务局")["name"] == "示例市水务局"


@pytest.mark.parametrize(("typed", "region", "said"), [
    ("市监局", None, Reading("市监局", "示例市市场监督管理局")),
    ("  青山县市监局 ", None, Reading("青山县市监局", "青山县市场监督管理局")),
    ("示例市市场监管局", None, Reading("示例市市场监管局", "示例市市场监督管理局")),
    # A bare base name a document once wrote for the city's bureau is its alias, but every region's bears it.
    ("交通运输局", "示例市", Reading("交通运输局", "示例市交通运输局")),
    ("水务局", None, Reading("水务局", "示例市水务局")),
    # Taken as written: the full name, an alias (a plate, a name a list wrote), the uid.
    ("示例市市场监督管理局", None, None),
    ("县市场监管局", None, None),
    ("市知识产权局", None, None),
    ("dept:示例市/青山县/市场监督管理局", None, None),
])
def test_a_reading_is_said_where_the_name_is_not_the_department_s_own(
        corpus: Store, typed: str, region: str | None, said: Reading | None) -> None:
    found = find_department(corpus, typed, region=region)
    assert reading(typed, found) == said
    assert department_reading(corpus, typed, found["uid"]) == said


def test_a_reading_in_both_languages() -> None:
    said = Reading("市监局", "示例市市场监督管理局")
    assert (said.zh, str(said)) == ("“市监局”读作：示例市市场监督管理局", "'市监局' read as 示例市市场监督管理局")


def test_the_parameters_that_name_a_department() -> None:
    """Each is read by find_department before its query runs, in the CLI as in the API: a `department` filter, or a
    parameter declared `department` in its query's header (user test: `department name=市监局` answered 0 rows)."""
    named = sorted((query.name, param.name) for query in catalog.catalog().values() for param in query.params
                   if param.is_department)
    assert named == [("department", "name"), ("department_counterparts", "department"),
                     ("department_duties", "department"), ("department_duty_coverage", "department"),
                     ("department_offices", "department"), ("department_roles", "uid"),
                     ("department_successions", "department"), ("department_transfers", "department"),
                     ("lent_staffing", "department"),
                     ("offices_without_duties", "department"),
                     ("retired_duties", "department"),
                     ("sanding_divisions", "department"), ("sanding_duties", "department"),
                     ("sanding_versions", "department"), ("similar_duties_around", "department"),
                     ("staff_figures", "department"), ("stated_duties", "department"), ("township_duties", "township")]
    analyses = sorted((analysis.name, param.name) for analysis in ANALYSES.values() for param in analysis.params
                      if param.is_department)
    assert analyses == [("counterpart_duties", "department"), ("department_profile", "name"),
                        ("duties_in_force", "department"), ("overlaps", "department"),
                        ("undecomposed_duties", "department")]


def test_checked_filters_reads_every_department_parameter_named(corpus: Store) -> None:
    # The `department` query's `name`, declared of type department, reads as the `department` filter does.
    checked = checked_filters(corpus, {"name": "青山县市监局", "department": "市监局", "region": None, "text": "市监局"},
                              departments=("name", "department"))
    assert checked == {"name": "dept:示例市/青山县/市场监督管理局", "department": "dept:示例市/市场监督管理局",
                       "region": None, "text": "市监局"}
    with pytest.raises(UnknownDepartment, match="names 3 departments"):
        checked_filters(corpus, {"name": "市场监管局"}, departments=("name",))


def _sanding(city: str, work: str) -> str:
    """A short 三定 of 鼓楼区城市管理局 in `city`: two cities each have a 鼓楼区, as 南京 and 徐州 do."""
    return f"""{city}鼓楼区城市管理局职能配置、内设机构和人员编制规定
第一条 根据《{city}鼓楼区机构改革方案》，制定本规定。
第二条 区城市管理局是区政府工作部门，为正科级。
第三条 区城市管理局主要职责是：
（一）负责辖区{work}的监督管理。
（二）负责辖区违法建设的查处工作。
第四条 区城市管理局设下列内设机构：
（一）执法股。负责辖区违法建设查处。
第五条 区城市管理局机关行政编制10名。设局长1名，副局长2名。
第六条 本规定自2020年1月1日起施行。
"""


@pytest.fixture(scope="module")
def two_gulou(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("two_gulou")
    store = open_store(f"embedded:{tmp_path_factory.mktemp('two_gulou_store')}")
    for city, work in (("徐州市", "户外广告设施"), ("南京市", "城市照明设施")):
        (folder / f"{city}.txt").write_text(_sanding(city, work), encoding="utf-8")
        assert ingest([folder / f"{city}.txt"], store, region=Region((city,))).failed == []
    yield store
    store.close()


def test_a_name_two_cities_departments_bear_is_listed_with_their_regions(two_gulou: Store) -> None:
    with pytest.raises(UnknownDepartment) as error:
        find_department(two_gulou, "鼓楼区城市管理局")
    assert error.value.candidates == ["鼓楼区城市管理局 (南京市/鼓楼区)", "鼓楼区城市管理局 (徐州市/鼓楼区)"]
    assert find_department(two_gulou, "鼓楼区城市管理局", region="南京市/鼓楼区")["uid"] == "dept:南京市/鼓楼区/城市管理局"


def test_a_department_filter_keeps_to_that_department_when_another_bears_its_name(two_gulou: Store) -> None:
    filters = checked_filters(two_gulou, {"region": "徐州市/鼓楼区", "department": "鼓楼区城市管理局"})
    assert filters["department"] == "dept:徐州市/鼓楼区/城市管理局"
    assert [(row["region"], row["text"]) for row in undecomposed_duties(two_gulou, filters["department"])] == [
        ("徐州市/鼓楼区", "负责辖区户外广告设施的监督管理。")]
    profile = department_profile(two_gulou, "徐州市鼓楼区城市管理局")
    assert [duty["text"] for duties in profile["duties_by_category"].values() for duty in duties] == [
        "负责辖区户外广告设施的监督管理。", "负责辖区违法建设的查处工作。"]
    report = build_report(two_gulou, department="dept:南京市/鼓楼区/城市管理局")
    assert report.title == "职责图谱评估报告（鼓楼区城市管理局）"
    assert [row["text"] for row in next(s for s in report.sections if s.key == "undecomposed_duties").rows] == [
        "负责辖区城市照明设施的监督管理。"]


def test_a_plate_in_brackets_after_a_listed_name_finds_that_party(tmp_path: Path) -> None:
    """`市委办公室(市档案局)` in a list: the party answers to its plate too (real 权责清单 of a 档案 system)."""
    listed = tmp_path / "quanze_dangan.csv"
    listed.write_text("序号,事项名称,权力类型,实施主体\n1,档案馆未开放档案利用审查,其他行政权力,市委办公室（市档案局）\n",
                      encoding="utf-8")
    store = open_store(f"embedded:{tmp_path / 'store'}")
    try:
        assert ingest([listed], store, region=Region(("某市",))).failed == []
        found = find_department(store, "市档案局")
        assert (found["name"], found["aliases"]) == ("某市委办公室", ["市委办公室（市档案局）", "市档案局"])
    finally:
        store.close()


@pytest.mark.parametrize("typed", ["东岸区工信局", "工信局", "区工信科技局"])
def test_an_abbreviation_spelt_out_near_a_merged_name_is_suggested(store: Store, typed: str) -> None:
    # 揭东区工信局 for 揭东区工业信息化和科技局 had no "did you mean" where 区工信科技局 had (user test): the table's
    # 工信局 spelt out (工业信息化局) is near the name. tests/fixtures/abbreviation_suggested is invented.
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "abbreviation_suggested" / "dongan_gongxinke.txt"
    assert ingest([fixture], store).failed == []
    with pytest.raises(UnknownDepartment) as error:
        find_department(store, typed)
    assert (error.value.candidates, error.value.near) == (["东岸区工业信息化和科技局"], True)
    assert error.value.zh == f"未找到部门：{typed}；是否指：东岸区工业信息化和科技局？"
