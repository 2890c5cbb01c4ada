"""A province over two cities (省/市/县): tests/fixtures/province's invented 东海省 三定 (its 交通运输厅 and
市场监督管理局) with tests/fixtures/two_cities' 南屿市 and examples/' 示例市, loaded under 东海省 (`--region
东海省/南屿市`) or beside it at the graph's top. A province's department is no city's, and a city is its region's
city, not the first name of its path (which, under a province, is the province's)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store, open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog, province_places
from queries import dispatch as dispatch_module
from queries import who_handles as who_handles_module
from queries.complaint_files import Complaint
from queries.dispatch import dispatch, needs_person, person_reason
from queries.empty import region_needed
from queries.notice_evidence import handling_index
from queries.province_places import named_place
from queries.search import Hits
from queries.staffing import staffing_load
from queries.who_handles import who_handles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
COMPLAINTS = ("共享单车乱停乱放", "特种设备安全监督")


def _loaded(path: Path, province: tuple[str, ...]) -> Store:
    store = open_store(f"embedded:{path}")
    under = {"南屿市": Region((*province, "南屿市")) if province else None,
             "示例市": Region((*province, "示例市")) if province else None}
    for paths, region in (([FIXTURES / "province" / "sanding"], None),
                          ([FIXTURES / "two_cities" / "sanding"], under["南屿市"]),
                          ([FIXTURES / "two_cities" / "lists" / "nanyu_bianjie.csv"], Region((*province, "南屿市"))),
                          ([EXAMPLES / "sanding", EXAMPLES / "lists"], under["示例市"])):
        report = ingest(paths, store, region=region)
        assert report.failed == [], [outcome.error for outcome in report.outcomes if not outcome.ok]
    return store


@pytest.fixture(scope="module")
def under(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = _loaded(tmp_path_factory.mktemp("under") / "store", ("东海省",))
    yield store
    store.close()


@pytest.fixture(scope="module")
def beside(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = _loaded(tmp_path_factory.mktemp("beside") / "store", ())
    yield store
    store.close()


def _routed(store: Store, region: str | None) -> list[tuple[str, str, str]]:
    result = dispatch(store, [Complaint(line, text) for line, text in enumerate(COMPLAINTS, start=1)], region=region)
    return [(row["region"], row["department"], row["note"].split(" / ")[0]) for row in result.rows]


CITY_LINES = [("文化广电旅游体育局", "merged", "", "示例市"), ("人力资源和社会保障局", "lacking", "南屿市", ""),
              ("公安局", "lacking", "南屿市", ""), ("农业农村局", "lacking", "南屿市", ""),
              ("卫生健康委员会", "lacking", "南屿市", ""), ("应急管理局", "lacking", "南屿市", ""),
              ("水务局", "lacking", "南屿市", ""), ("生态环境局", "lacking", "南屿市", ""),
              ("自然资源和规划局", "lacking", "南屿市", ""), ("城市管理和综合执法局", "named_otherwise", "", "")]
OTHER_CITY = "未指定区划，其他市的{}也有相应职责：按相关度分派至南屿市，请核实诉求所在市"


def _city_lines(store: Store, region: str | None) -> list[tuple[str, str, str, str]]:
    return [(row["work"], row["finding"], row["lacking"], row["merged_in"])
            for row in catalog.run(store, "city_departments", {"region": region})]


def test_the_province_s_departments_are_no_city_s_in_the_cities_comparison(under: Store, beside: Store) -> None:
    assert store_regions(under)[:4] == [("东海省", "province"), ("东海省/南屿市", "city"),
                                        ("东海省/南屿市/石桥县", "county"), ("东海省/示例市", "city")]
    assert _city_lines(under, "东海省") == _city_lines(under, None) == CITY_LINES
    assert _city_lines(beside, None) == CITY_LINES
    # Beside the cities, the province holds none of them.
    assert _city_lines(beside, "东海省") == []


def test_the_province_s_departments_are_scored_among_their_own(under: Store) -> None:
    rows = [(row["region"], row["department"], row["peers"], row["robust_z"], row["too_few"])
            for row in staffing_load(under, "东海省") if "交通运输" in row["department"]]
    # Two province departments are too few to score; the counties' bureaus are scored as without a province
    # (tests/queries/test_two_cities.py: 石桥县交通运输局 −1.51).
    assert rows == [("东海省", "东海省交通运输厅", "", None, True),
                    ("东海省/南屿市", "南屿市交通运输局", "", -0.2, False),
                    ("东海省/南屿市/石桥县", "石桥县交通运输局", "县（区）级交通运输局", -1.51, False),
                    ("东海省/示例市", "示例市交通运输局", "", 0.91, False),
                    ("东海省/示例市/河西区", "河西区交通运输局", "县（区）级交通运输局", 0.0, False),
                    ("东海省/示例市/青山县", "青山县交通运输局", "县（区）级交通运输局", 0.67, False)]


def test_the_region_note_names_the_cities_by_name_and_is_said_for_a_province_too(under: Store, beside: Store) -> None:
    for store in (under, beside):
        assert region_needed(store, None).split(" / ")[0] == (
            "图中有多个市（南屿市、示例市），未指定区划：各市同类部门一并排序，排在前面的未必是诉求所在市的部门，请指定区划")
    assert region_needed(under, "东海省") == (
        "东海省有多个市（南屿市、示例市），未指定市：各市同类部门一并排序，排在前面的未必是诉求所在市的部门，请指定市 / "
        "东海省 holds several cities (南屿市, 示例市) and no city was given: their departments are ranked together, "
        "and the first need not be of the complaint's city; give the city")
    assert region_needed(under, "东海省/南屿市") == region_needed(under, "南屿市") == ""
    assert region_needed(beside, "东海省") == ""


def test_dispatch_names_the_other_city_under_a_province_and_never_the_province(under: Store, beside: Store) -> None:
    # Under 东海省 every path's first name is the province's: another city's department went unsaid. Beside it, the
    # province's 市场监督管理局 was named as another city's.
    for store, city in ((under, "东海省/南屿市"), (beside, "南屿市")):
        assert _routed(store, None) == [
            (city, "南屿市城市管理局", OTHER_CITY.format("示例市城市管理和综合执法局")),
            (city, "南屿市市场监督管理局", OTHER_CITY.format("青山县市场监督管理局"))]


def test_dispatch_routed_to_the_province_names_every_city_s_department(under: Store) -> None:
    # The row is the province's own department, no city's: the cities' departments are no *other* city's (the note
    # said 其他市的 of the row routed to 东海省).
    result = dispatch(under, [Complaint(1, "特种设备安全监察")], region=None)
    assert [(row["region"], row["department"], row["note"]) for row in result.rows] == [(
        "东海省", "东海省市场监督管理局",
        "未指定区划，各市的南屿市市场监督管理局、示例市市场监督管理局也有相应职责：按相关度分派至东海省，请核实诉求所在市 / "
        "no region given, and 南屿市市场监督管理局、示例市市场监督管理局 of a city also has such duties: routed within 东海省 "
        "by score; check the city")]


def store_regions(store: Store) -> list[tuple[str, str]]:
    return [(row["path"], row["level"])
            for row in store.read("MATCH (r:Region) RETURN r.path AS path, r.level AS level ORDER BY path")]


def test_a_county_s_staffing_reads_its_own_city_not_the_province(under: Store,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # The rows are the province reading's of the county (its bureaus set beside their city counterparts); what is
    # read is the county's city, 南屿市, where its first name read all of 东海省.
    read: list[object] = []
    run = catalog.run

    def recording(store: Store, name: str, params: dict[str, object] | None = None,
                  **options: bool) -> list[dict[str, object]]:
        if name == "department_load":
            read.append((params or {}).get("region"))
        return run(store, name, params, **options)

    monkeypatch.setattr(catalog, "run", recording)
    rows = staffing_load(under, "东海省/南屿市/石桥县")
    assert read == ["东海省/南屿市"]
    # As the province's reading left them (the old code's rows).
    assert [(row["department"], row["counterpart"], row["robust_z"], row["counterpart_ratio"]) for row in rows] == [
        ("石桥县交通运输局", "南屿市交通运输局", 0.0, 1.6), ("石桥县市场监督管理局", "南屿市市场监督管理局", -0.67, 1.79),
        ("石桥县文化广电旅游体育局", "南屿市体育局、南屿市文化广电和旅游局", 1.46, 1.07)]


def test_the_places_below_are_ranked_among_themselves_so_a_tie_is_theirs(under: Store) -> None:
    # 东海省交通运输厅 (25.3) stood second in the whole graph's ranking, within 10% of 石桥县's bureau (27.1): its first
    # row was a tie, though the province's department is cut from the answer and the next kept row scores 20.9.
    rows = who_handles(under, "道路运输市场监管", region="东海省", limit=3)
    assert [(row["region"], row["department"], row["score"], row["tie"], row["place_unnamed"]) for row in rows] == [
        ("东海省/南屿市/石桥县", "石桥县交通运输局", 27.139, False, True),
        ("东海省/南屿市", "南屿市交通运输局", 20.888, False, True),
        ("东海省/示例市", "示例市交通运输局", 17.118, False, True)]
    [row] = dispatch(under, [Complaint(1, "驾驶员培训机构乱收费")], region="东海省").rows
    assert (row["department"], row["score"], row["tie"], row["place_unnamed"], row["runner_up"],
            row["runner_up_score"]) == ("石桥县交通运输局", 36.205, False, True, "河西区交通运输局", 24.093)
    assert needs_person(row) and person_reason(row).startswith("需确定事发地（市、县）；未指定市，其他市的河西区交通运输局")


def test_the_places_below_a_province_are_searched_on_the_whole_index_masked(under: Store) -> None:
    # Below a province lies nearly the whole graph: a copy of its evidence as an index of its own doubled the index's
    # memory and its first search's time. One region's own evidence keeps its own small index.
    index = handling_index(under)
    weights = index.query_weights("道路运输市场监管")

    def reached(hits: Hits) -> list[tuple[str, str]]:
        return sorted({(hits.index.evidence[p].region, hits.index.evidence[p].department)
                       for p in hits.positions.tolist()})

    below = index.hits_for(weights, "东海省", below=True)
    assert below.index is index
    assert sorted({region for region, _department in reached(below)}) == [
        "东海省/南屿市", "东海省/南屿市/石桥县", "东海省/示例市", "东海省/示例市/河西区", "东海省/示例市/青山县"]
    assert reached(index.hits_for(weights, "东海省/南屿市", below=True)) == [
        ("东海省/南屿市/石桥县", "石桥县交通运输局"), ("东海省/南屿市/石桥县", "石桥县市场监督管理局"),
        ("东海省/南屿市/石桥县", "石桥县文化广电旅游体育局")]
    own = index.hits_for(weights, "东海省")
    assert own.index is not index and reached(own) == [("东海省", "东海省交通运输厅"), ("东海省", "东海省市场监督管理局")]


@pytest.fixture(scope="module")
def districted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """`under` after 撤县设区 (tests/fixtures/chexian_shequ: 青山县 made 示例市青山区) with an invented 属地 list of
    青山区城关镇 (tests/fixtures/province/districted)."""
    store = _loaded(tmp_path_factory.mktemp("districted") / "store", ("东海省",))
    for path in (FIXTURES / "chexian_shequ", FIXTURES / "province" / "districted"):
        report = ingest([path], store, region=Region(("东海省", "示例市")))
        assert report.failed == [], [outcome.error for outcome in report.outcomes if not outcome.ok]
    yield store
    store.close()


def test_a_place_is_read_as_the_regions_are_now_and_once_per_complaint(districted: Store,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # 青山县 (replaced by 青山区) and 青山区's 城关镇 read as two places on two branches: no place named, the complaint
    # ranked over the province and flagged 需确定事发地.
    texts = ["青山县城关镇农村人居环境整治不到位", "道路运输市场监管"]
    assert [named_place(districted, text, "东海省") for text in texts] == ["东海省/示例市/青山区", None]
    read: list[str] = []

    def counted(store: Store, text: str, province: str) -> str | None:
        read.append(text)
        return named_place(store, text, province)

    for module in (dispatch_module, who_handles_module, province_places):
        monkeypatch.setattr(module, "named_place", counted)
    rows = dispatch(districted, [Complaint(line, text) for line, text in enumerate(texts, start=1)],
                    region="东海省").rows
    assert read == texts  # the ranking over the province was told the text names no place, not left to read it again
    assert [(row["region"], row["department"], row["score"], row["place_unnamed"], row["runner_up"])
            for row in rows] == [
        ("东海省/示例市/青山区", "青山区农业农村局", 40.337, False, "城关镇人民政府"),
        ("东海省/南屿市/石桥县", "石桥县交通运输局", 26.967, True, "南屿市交通运输局")]
