"""What a document says about itself: its 印发 and 施行 dates, the path it was loaded from, the region of a list that
names only its counties, and how a list without a title is cited."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.readers import read_source
from ingest.regions import Region
from ingest.sanding import parse_sanding
from queries import catalog
from queries.sources import document_titles, with_readable_sources

# A small 三定 of our own; the header lines and the closing clause vary per test.
_SANDING = """{header}
临川市河道管理局职能配置、内设机构和人员编制规定
第一条 根据《临川市机构改革方案》，制定本规定。
第二条 临川市河道管理局是市政府工作部门，为正处级。
第三条 临川市河道管理局负责全市河道管理工作。主要职责是：
（一）负责河道堤防的日常管理和维护。
（二）完成市委、市政府交办的其他任务。
第四条 临川市河道管理局设下列内设机构：
（一）办公室。负责机关日常运转。
第五条 临川市河道管理局机关行政编制12名。设局长1名，副局长2名。
第六条 {closing}
{signature}"""


def _sanding(tmp_path: Path, header: str = "", closing: str = "本规定由市委机构编制委员会办公室负责解释。",
             signature: str = "", name: str = "hedao.txt") -> Path:
    path = tmp_path / name
    path.write_text(_SANDING.format(header=header, closing=closing, signature=signature), encoding="utf-8")
    return path


@pytest.mark.parametrize(("header", "closing", "signature", "dates"), [
    # The header's 发布时间 is the issue date; the 施行 clause's date is another.
    ("发布时间: 2019-02-26", "本规定自2019年3月1日起施行。", "", ("2019-02-26", "2019-03-01", "2019-02-26")),
    # Only a 施行 date: it is no issue date (before, it was shown as the 印发日期).
    ("", "本规定自2019年3月1日起施行。", "", ("", "2019-03-01", "2019-03-01")),
    # 自印发之日起施行 and a signature date in 中文数字 (○ U+25CB): in force on the day it was issued.
    ("", "本规定自印发之日起施行。", "二○一九年三月八日", ("2019-03-08", "2019-03-08", "2019-03-08")),
    # A signature date and a 施行 date written apart: each its own.
    ("", "本规定自2019年4月1日起施行。", "2019年3月25日", ("2019-03-25", "2019-04-01", "2019-04-01")),
    # Neither.
    ("", "本规定由市委机构编制委员会办公室负责解释。", "", ("", "", "")),
])
def test_issue_and_effective_dates_are_kept_apart(tmp_path: Path, header: str, closing: str, signature: str,
                                                  dates: tuple[str, str, str]) -> None:
    parsed = parse_sanding(read_source(_sanding(tmp_path, header, closing, signature)))
    assert (parsed.issued, parsed.effective, parsed.dated) == dates


def test_the_documents_query_answers_both_dates(store: Store, tmp_path: Path) -> None:
    header = "发布时间: 2019-02-26"
    assert ingest([_sanding(tmp_path, header, "本规定自2019年3月1日起施行。")], store).failed == []
    rows = catalog.run(store, "documents")
    assert [(row["title"], row["issued"], row["effective"]) for row in rows] == [
        ("临川市河道管理局职能配置、内设机构和人员编制规定", "2019-02-26", "2019-03-01")]
    # The department's 三定日期 still versions its facts by the header's date.
    assert store.read("MATCH (d:Department {name: '临川市河道管理局'}) RETURN d.sanding_issued AS issued") == [
        {"issued": "2019-02-26"}]


_BOUNDARY = "序号,事项名称,牵头部门,配合部门\n1,河道采砂管理,临川市水利局,临川市公安局\n2,河道保洁,临川市城市管理局,临川市水利局\n"


def test_a_list_without_a_title_is_cited_as_its_file(store: Store, tmp_path: Path) -> None:
    untitled = tmp_path / "bianjie_linchuan.csv"
    untitled.write_text(_BOUNDARY, encoding="utf-8")
    titled = tmp_path / "titled.csv"
    titled.write_text("临川市部门职责边界清单\n" + _BOUNDARY.replace("河道", "湖泊"), encoding="utf-8")
    assert ingest([untitled, titled], store, region=Region(("临川市",))).failed == []
    rows = store.read("MATCH (d:Department)-[e:LEADS]->(m:Matter) RETURN m.name AS matter, e.source AS source, "
                      "e.basis AS basis ORDER BY matter")
    readable = with_readable_sources(rows, document_titles(store))
    assert readable == [
        {"matter": "河道保洁", "source": "职责边界清单（bianjie_linchuan.csv）序号2（第3行）", "basis": "bianjie_linchuan"},
        {"matter": "河道采砂管理", "source": "职责边界清单（bianjie_linchuan.csv）序号1（第2行）", "basis": "bianjie_linchuan"},
        {"matter": "湖泊保洁", "source": "《临川市部门职责边界清单》序号2（第4行）", "basis": "临川市部门职责边界清单"},
        {"matter": "湖泊采砂管理", "source": "《临川市部门职责边界清单》序号1（第3行）", "basis": "临川市部门职责边界清单"},
    ]
    # The file's name is no title: the documents query says so, and names the file in its path.
    assert sorted((row["title"], Path(row["path"]).name) for row in catalog.run(store, "documents")) == [
        ("", "bianjie_linchuan.csv"), ("临川市部门职责边界清单", "titled.csv")]


def test_a_sanding_copy_without_a_title_is_cited_as_its_file(store: Store, tmp_path: Path) -> None:
    """A copy that starts at its offices (a page of a longer text) was given its department's name as a title, and
    every 出处 read 《临川市河道管理局》第四条(一), a document that does not exist."""
    body = _SANDING.format(header="", closing="", signature="").split("\n", 2)[2]  # from 第一条: no title line
    body = body.replace("临川市河道管理局负责全市河道管理工作。", "").replace("第一条 根据《临川市机构改革方案》，制定本规定。\n", "")
    page = tmp_path / "linchuan_hedao_p2.txt"
    page.write_text(body.replace("第三条 主要职责是：", "第三条 临川市河道管理局的主要职责是："), encoding="utf-8")
    assert ingest([page], store, region=Region(("临川市",))).failed == []
    assert [(row["title"], Path(row["path"]).name) for row in catalog.run(store, "documents")] == [
        ("", "linchuan_hedao_p2.txt")]
    rows = store.read("MATCH (:Office)-[:HAS_DUTY]->(u:Duty) RETURN u.source AS source")
    assert with_readable_sources(rows, document_titles(store)) == [{"source": "三定规定（linchuan_hedao_p2.txt）第四条(一)"}]


_SPLIT = ("序号,事项名称,所属领域,划分方式,市级职责,县级职责,适用区县,备注\n"
          "1,河道采砂许可,水利,县级专有,,负责本县河道采砂许可,{counties},根据市水利局要求下放\n"
          "2,河道堤防安全鉴定,水利,市级专有,负责全市河道堤防安全鉴定,,全部,\n")


def _county_sanding(tmp_path: Path, city: str, county: str) -> Path:
    path = tmp_path / f"{city}{county}.txt"
    path.write_text(_SANDING.format(header="", closing="本规定自2019年4月1日起施行。", signature="")
                    .replace("临川市", f"{city}{county}"), encoding="utf-8")
    return path


def _holdings(store: Store) -> list[tuple[str, str, str]]:
    rows = store.read("MATCH (r:Region)-[h:HOLDS]->(m:Matter) RETURN m.name AS matter, r.path AS region, "
                      "h.share AS share ORDER BY matter, region")
    return [(row["matter"], row["region"], row["share"]) for row in rows]


def test_a_split_list_without_a_region_lies_in_the_city_of_the_counties_it_names(store: Store,
                                                                                  tmp_path: Path) -> None:
    assert ingest([_county_sanding(tmp_path, "临川市", "石门县")], store).failed == []
    split = tmp_path / "shixian.csv"
    split.write_text(_SPLIT.format(counties="石门县、柳河县"), encoding="utf-8")
    report = ingest([split], store)
    assert [outcome.error for outcome in report.failed] == []
    assert report.outcomes[0].warnings == [
        "placed in 临川市: the counties its 适用区县 names lie there (no --region, and no region in its title or names); "
        "按适用区县所属的市载入：临川市"]
    # What --region 临川市 gives: 柳河县, which no document placed yet, is a county of the same city.
    assert _holdings(store) == [("河道堤防安全鉴定", "临川市", "exclusive"), ("河道采砂许可", "临川市/柳河县", "exclusive"),
                                ("河道采砂许可", "临川市/石门县", "exclusive")]


def test_a_county_written_with_its_city_places_the_list(store: Store, tmp_path: Path) -> None:
    split = tmp_path / "shixian.csv"
    split.write_text(_SPLIT.format(counties="临川市石门县"), encoding="utf-8")
    assert [outcome.error for outcome in ingest([split], store).failed] == []
    assert [row["path"] for row in catalog.run(store, "regions")] == ["临川市", "临川市/石门县"]


@pytest.mark.parametrize(("cities", "detail"), [
    ((), "and no county its 适用区县 names (石门县) is in the graph under a city"),
    (("临川市", "东川市"), "and the counties its 适用区县 names lie in several cities (石门县: 东川市、临川市)"),
])
def test_a_split_list_whose_counties_name_no_one_city_is_refused_and_writes_nothing(
        store: Store, tmp_path: Path, cities: tuple[str, ...], detail: str) -> None:
    assert ingest([_county_sanding(tmp_path, city, "石门县") for city in cities], store).failed == []
    before = catalog.label_counts(store)
    split = tmp_path / "shixian.csv"
    split.write_text(_SPLIT.format(counties="石门县"), encoding="utf-8")
    [outcome] = ingest([split], store).failed
    # Cited at its header row: the list names no department, whose row would be cited (ingest.pipeline).
    assert outcome.error == (
        f"{split}:1: expected a list whose title or department names carry a region (a 事权划分清单: whose 适用区县 lie "
        f"in one city of the graph), or --region (neither the title nor any department name in the list names a "
        f"region, {detail})")
    assert catalog.label_counts(store) == before


def test_a_region_option_the_department_s_name_contradicts_is_said(store: Store, tmp_path: Path) -> None:
    """The name's own region wins over --region, and now says so (user test: a 揭阳市 三定 loaded with --region
    潮州市 went to 揭阳市 without a word); a --region the name lies in, or under, says nothing."""
    # 潮州市 is a prefecture-level city (the gazetteer's): no part of 揭阳市.
    path = tmp_path / "chaozhou.txt"
    path.write_text(_SANDING.format(header="", closing="", signature="").replace("临川市", "潮州市"), encoding="utf-8")
    report = ingest([path], store, region=Region(("揭阳市",)))
    assert [w for w in report.outcomes[0].warnings if "--region" in w] == [
        f"{path}:2: --region 揭阳市 is not where 潮州市河道管理局 is: its name places it in 潮州市, where it is loaded; "
        "部门名称“潮州市河道管理局”所写的区划为 潮州市，与指定的区划 揭阳市 不符：已按部门名称载入"]
    assert [row["path"] for row in catalog.run(store, "regions")] == ["潮州市"]
    again = ingest([path], store, region=Region(("潮州市",)))
    assert [w for w in again.outcomes[0].warnings if "--region" in w] == []
