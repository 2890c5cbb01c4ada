"""A county's 编办 loading her county's documents alone, without the city's (tests/fixtures/county: 松山县 of 临海市):
one county however she names it, and the findings that compare with the city say that the city is missing."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.empty import city_not_loaded, empty_hint, split_not_loaded
from queries.export import to_xlsx
from queries.report import Report, Section, build_report

COUNTY = Path(__file__).resolve().parents[1] / "fixtures" / "county"
OTHER_CITY = Path(__file__).resolve().parents[2] / "examples" / "sanding" / "shi_jiaotong.txt"
NO_CITY = ("图中没有临海市的部门三定（未载入市级文件），上下对口、上下级职责交叉和与市级对口部门的比较均无从得出 / "
           "no 三定 of 临海市's own departments is loaded: counterparts, clashes across levels and the comparison "
           "with city counterparts cannot be found")


SPLIT_NOT_LOADED = "未载入临海市的市县事权划分清单（该清单由市级制定，请载入临海市的清单）"
SPLIT = Path(__file__).resolve().parents[1] / "fixtures" / "county_split" / "linhai_shixian.csv"


def _county(store: Store) -> Store:
    # Her county by its bare name: 临海市松山县市场监督管理局 places it under 临海市, and 松山县应急管理局 with it.
    report = ingest([COUNTY], store, region=Region(("松山县",)))
    assert report.failed == []
    assert [w for outcome in report.outcomes for w in outcome.warnings if "--region" in w] == []
    return store


def _section(report: Report, key: str) -> Section:
    return next(section for section in report.sections if section.key == key)


def test_a_county_loaded_alone_by_its_bare_name_is_one_county_of_its_city(store: Store) -> None:
    _county(store)
    assert [(row["path"], row["departments"]) for row in catalog.run(store, "regions")] == [
        ("临海市", 0), ("临海市/松山县", 2)]


def test_what_compares_with_the_city_says_the_city_is_not_loaded(store: Store) -> None:
    _county(store)
    assert city_not_loaded(store, "临海市/松山县") == NO_CITY
    assert city_not_loaded(store, "临海市") == "" and city_not_loaded(store, None) == ""
    assert empty_hint(store, "overlaps", {"threshold": 0.5, "scope": "levels", "region": "临海市/松山县",
                                          "department": None}) == NO_CITY
    department = store.read("MATCH (d:Department {name: '松山县市场监督管理局'}) RETURN d.uid AS uid")[0]["uid"]
    assert empty_hint(store, "counterpart_duties", {"department": department, "threshold": 0.5}) == NO_CITY
    report = build_report(store, region="临海市/松山县")
    said = NO_CITY.split(" / ")[0]
    counterparts = _section(report, "counterparts")
    assert (counterparts.rows, counterparts.note) == ([], said)
    assert _section(report, "overlaps").note.startswith(said + "。同一组的职责描述同一项工作")
    assert _section(report, "staffing_load").note.startswith(said + "。人均职责数")
    assert [(row["finding"], row["count"]) for row in _section(report, "summary").rows
            if row["finding"].startswith(("市县", "县（区）"))] == [
        ("市县事权划分冲突", SPLIT_NOT_LOADED), ("县（区）权责清单未列的划归县级事项", SPLIT_NOT_LOADED)]
    assert [(row["matter"], row["reasons"], row["assists"])
            for row in _section(report, "host_assist_ambiguities").rows] == [
        ("小餐饮燃气使用安全监管", ["no_lead"], ["松山县市场监督管理局", "松山县应急管理局"])]
    assert sorted(row["title"] for row in _section(report, "documents").rows) == [
        "songshan_bianjie.csv", "临海市松山县市场监督管理局职能配置、内设机构和人员编制规定", "松山县应急管理局职能配置、内设机构和人员编制规定"]


def test_the_split_list_is_said_to_be_the_city_s_to_load(store: Store) -> None:
    """本区划未载入市县事权划分清单 read as a list the county draws up (user test): it names the city whose list to load,
    and, once that list is loaded without a row for the county, says so instead."""
    _county(store)
    assert split_not_loaded(store, "临海市/松山县") == (
        f"{SPLIT_NOT_LOADED} / no city–county split list of 临海市 is loaded (the list is the city's: load 临海市's)")
    assert split_not_loaded(store, "临海市") == "未载入临海市的市县事权划分清单 / no city–county split list of 临海市 is loaded"
    # The query asked of the county alone answers three empty tables: the hint says why.
    assert empty_hint(store, "power_split", {"city": None, "region": "临海市/松山县"}) == \
        split_not_loaded(store, "临海市/松山县")
    # The city's list, whose one row applies to another county (适用区县 东港区).
    assert ingest([SPLIT], store, region=Region(("临海市",))).failed == []
    assert split_not_loaded(store, "临海市/松山县") == (
        "临海市的市县事权划分清单未列本县（区）的事项 / the split list of 临海市 gives the region no matter")
    assert split_not_loaded(store, "临海市") == "" and split_not_loaded(store, "临海市/东港区") == ""
    summary = _section(build_report(store, region="临海市/松山县"), "summary")
    assert next(row["count"] for row in summary.rows if row["finding"] == "市县事权划分冲突") == \
        "临海市的市县事权划分清单未列本县（区）的事项"


def test_the_whole_graphs_summary_names_every_city_without_its_split_list(store: Store) -> None:
    """A graph of two cities, neither with its 市县事权划分清单: the 摘要 names both, not the first alone (user test: five
    cities' real documents, the 摘要 said 未载入六安市的市县事权划分清单 only)."""
    _county(store)
    assert ingest([OTHER_CITY], store).failed == []
    both = "未载入临海市的市县事权划分清单；未载入示例市的市县事权划分清单"
    assert [(row["finding"], row["count"]) for row in _section(build_report(store), "summary").rows
            if row["finding"].startswith(("市县", "县（区）"))] == [
        ("市县事权划分冲突", both), ("县（区）权责清单未列的划归县级事项", both)]


def test_cities_without_their_split_list_are_one_section(store: Store) -> None:
    """The whole graph's report gave three 市县事权划分 sheets to each city with no split list, each saying only 未载入
    (user test): one sheet names them all."""
    _county(store)
    assert ingest([OTHER_CITY], store).failed == []
    report = build_report(store)
    names = openpyxl.load_workbook(io.BytesIO(to_xlsx(report, as_report=True))).sheetnames
    assert [name for name in names if "事权划分" in name or "权责清单未列" in name] == ["市县事权划分（未载入清单的市）"]
    section = _section(report, "power_split_unloaded")
    assert section.rows == [{"cities": "临海市、示例市"}]
    assert section.note == ("下列各市未载入市县事权划分清单（该清单由市级制定，请载入各市的清单）：其市县事权划分、"
                            "事权划分冲突和县（区）权责清单未列的事项无从得出。")
