"""A 县级市 is told from a prefecture-level city by what its document says (青松市由北湖市代管, 青松市为县级市) or by
--region 滁州市/明光市, not by its name: 明光市 read as a city got a city's three 市县事权划分 sections (user test).
The fixture tests/fixtures/county_city/ is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.county_cities import CountyCity, notice_county_cities
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from tests.conftest import real_document
from tests.ingest.conftest import whole_graph, whole_graph_but_contains_source

ADMINISTERED = Path(__file__).resolve().parents[1] / "fixtures" / "county_city" / "qingsong_chengguan_quanze.csv"
REGIONS = "MATCH (r:Region) RETURN r.path AS path, r.level AS level ORDER BY path"
DEPARTMENTS = "MATCH (d:Department) RETURN d.name AS name, d.region AS region"


def _unsaid_warning(path: Path, line: int) -> str:
    return (f"{path}:{line}: 青松市 is a 县级市, but the document does not say which city administers it: loaded at "
            f"the top as a city; give --region 某市/青松市 to load it as a county; 第{line}行写明青松市为县级市，"
            "但未写明由哪个市代管，已作为市载入：请在区划中写明所属的市（如 某市/青松市）后重新载入")


def test_a_list_saying_which_city_administers_it_lies_in_that_city(store: Store) -> None:
    report = ingest([ADMINISTERED], store)
    assert [outcome.warnings for outcome in report.outcomes] == [[]]
    assert store.read(REGIONS) == [{"path": "北湖市", "level": "city"}, {"path": "北湖市/青松市", "level": "county"},
                                   {"path": "北湖市/青松市/城关街道", "level": "township"}]


def test_a_county_level_city_whose_city_is_not_said_is_left_to_the_user(store: Store, tmp_path: Path) -> None:
    unsaid = tmp_path / "qingsong.csv"
    unsaid.write_text(ADMINISTERED.read_text(encoding="utf-8").replace("由北湖市代管", "为县级市"), encoding="utf-8")
    report = ingest([unsaid], store)
    assert [outcome.warnings for outcome in report.outcomes] == [[_unsaid_warning(unsaid, 1)]]
    assert store.read(REGIONS) == [{"path": "青松市", "level": "city"}, {"path": "青松市/城关街道", "level": "township"}]


def test_the_real_mingguang_list_is_a_county_under_region(store: Store) -> None:
    # The real page says nothing of 明光市 being a 县级市: at the top it is a city; under --region 滁州市/明光市, a
    # county, and its 街道 a township of it.
    path = real_document("mingguang_mingnanjiedao_quanlizerenqingdan.txt")
    assert ingest([path], store, region=Region(("滁州市", "明光市"))).failed == []
    assert store.read(REGIONS) == [{"path": "滁州市", "level": "city"}, {"path": "滁州市/明光市", "level": "county"},
                                   {"path": "滁州市/明光市/明南街道", "level": "township"}]


SANDING = ADMINISTERED.parent / "sanding" / "qingsong_shichangjianguan.txt"


def test_a_sanding_saying_which_city_administers_it_lies_in_that_city(store: Store, tmp_path: Path) -> None:
    # Read where it is stated, as a list's is: the 三定's department in 北湖市/青松市, not in a city 青松市.
    report = ingest([SANDING], store)
    assert [outcome.warnings for outcome in report.outcomes] == [[]]
    assert store.read(REGIONS) == [{"path": "北湖市", "level": "city"}, {"path": "北湖市/青松市", "level": "county"}]
    assert store.read("MATCH (d:Department) RETURN d.name AS name, d.region AS region") == [
        {"name": "青松市市场监督管理局", "region": "北湖市/青松市"}]


def test_a_sanding_saying_only_that_it_is_a_county_level_city_is_left_to_the_user(store: Store,
                                                                                 tmp_path: Path) -> None:
    unsaid = tmp_path / "qingsong_sanding.txt"
    unsaid.write_text(SANDING.read_text(encoding="utf-8").replace("由北湖市代管", "为县级市"), encoding="utf-8")
    report = ingest([unsaid], store)
    assert [outcome.warnings for outcome in report.outcomes] == [[_unsaid_warning(unsaid, 2)]]
    assert store.read(REGIONS) == [{"path": "青松市", "level": "city"}]


@pytest.mark.parametrize("saying_first", [True, False])
def test_a_sanding_saying_it_places_the_runs_other_sandings_in_either_order(store: Store, tmp_path: Path,
                                                                          saying_first: bool) -> None:
    # 民政局's 三定 says nothing of 代管; loaded in one run with the 三定 that does, it lies in 北湖市/青松市 too, whichever
    # file comes first (review: read per document, it went to a city 青松市 when it came first).
    other = tmp_path / "qingsong_minzheng.txt"
    other.write_text(SANDING.read_text(encoding="utf-8").replace("青松市由北湖市代管。", "")
                     .replace("市场监督管理局", "民政局"), encoding="utf-8")
    report = ingest([SANDING, other] if saying_first else [other, SANDING], store)
    assert (report.failed, [outcome.warnings for outcome in report.outcomes]) == ([], [[], []])
    assert store.read(REGIONS) == [{"path": "北湖市", "level": "city"}, {"path": "北湖市/青松市", "level": "county"}]
    assert store.read(DEPARTMENTS + " ORDER BY name") == [{"name": "青松市市场监督管理局", "region": "北湖市/青松市"},
                                                         {"name": "青松市民政局", "region": "北湖市/青松市"}]


NOTICE = ADMINISTERED.parent / "daiguan_tongzhi.txt"


def _bare_sanding(tmp_path: Path) -> Path:
    """The 三定 saying nothing of 代管: where it lies is the notice's to say."""
    bare = tmp_path / "qingsong_bare.txt"
    bare.write_text(SANDING.read_text(encoding="utf-8").replace("青松市由北湖市代管。", ""), encoding="utf-8")
    return bare


@pytest.mark.parametrize("runs", ["notice, then the 三定", "both at once, the 三定 first"])
def test_a_notice_putting_the_county_level_city_under_a_city_places_its_documents(store: Store, tmp_path: Path,
                                                                                  runs: str) -> None:
    # As the 三定 saying so itself is placed (above): its department in 北湖市/青松市, the notice in 北湖市.
    bare = _bare_sanding(tmp_path)
    for paths in ([[NOTICE], [bare]] if runs.startswith("notice") else [[bare, NOTICE]]):
        report = ingest(paths, store)
        assert (report.failed, [outcome.warnings for outcome in report.outcomes]) == ([], [[]] * len(paths))
    assert store.read(REGIONS) == [{"path": "北湖市", "level": "city"}, {"path": "北湖市/青松市", "level": "county"}]
    assert store.read(DEPARTMENTS) == [{"name": "青松市市场监督管理局", "region": "北湖市/青松市"}]
    assert store.read("MATCH (d:Document {kind: 'region_notice'}) RETURN d.title AS title, d.region AS region") == [
        {"title": "东海省人民政府关于将青松市交由北湖市代管的通知", "region": "北湖市"}]


def test_a_notice_after_the_city_s_documents_loaded_at_the_top_is_refused(store: Store, tmp_path: Path) -> None:
    # The 三定 loaded first is a city 青松市's; the notice does not move it, and says how to: nothing is written.
    assert ingest([_bare_sanding(tmp_path)], store).failed == []
    before = whole_graph(store)
    report = ingest([NOTICE], store)
    assert [(Path(outcome.path).name, outcome.error) for outcome in report.outcomes] == [(
        "daiguan_tongzhi.txt", f"{NOTICE}:4: expected the notice loaded before the 县级市's documents (or those loaded "
        "with --region 某市/青松市) (the graph holds 青松市 at its top, as a city)")]
    assert whole_graph(store) == before


def test_removing_the_notice_gives_back_the_graph(store: Store, other_store: Store) -> None:
    # With the 三定 that says so itself, the notice adds only its document: removing it leaves the 三定's graph.
    for paths in ([SANDING], [NOTICE]):
        assert ingest(paths, store).failed == []
    assert len(store.read("MATCH (d:Document) RETURN d.uid AS uid")) == 2
    remove(store, find_documents(store, [str(NOTICE)]))
    assert ingest([SANDING], other_store).failed == []
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)


def test_removing_the_notice_alone_leaves_no_region(store: Store) -> None:
    assert ingest([NOTICE], store).failed == []
    remove(store, find_documents(store, [str(NOTICE)]))
    assert whole_graph(store) == ([], [])


def test_a_province_written_before_the_county_level_city_is_no_part_of_its_name() -> None:
    assert notice_county_cities([(4, "东海省青松市由北湖市代管。"), (5, "广西壮族自治区白云市由北湖市代管。")]) == [
        CountyCity("白云市", "北湖市", 5), CountyCity("青松市", "北湖市", 4)]


def test_a_notice_with_a_district_and_a_county_level_city_places_both(store: Store, tmp_path: Path) -> None:
    # One notice, two records: the 代管 was dropped when the notice also stated a 撤县设区 (review).
    both = tmp_path / "quhua_tiaozheng.txt"
    both.write_text("东海省人民政府关于调整北湖市部分行政区划的通知\n（2021年6月1日）\n"
                    "一、撤销北湖市白沙县，设立北湖市白沙区。\n二、将青松市交由北湖市代管。\n", encoding="utf-8")
    assert ingest([both], store).failed == []
    assert store.read(REGIONS) == [{"path": "北湖市", "level": "city"}, {"path": "北湖市/白沙区", "level": "county"},
                                   {"path": "北湖市/白沙县", "level": "county"},
                                   {"path": "北湖市/青松市", "level": "county"}]


def test_a_county_level_city_is_cited_by_the_sentence_placing_it(store: Store, other_store: Store,
                                                                  tmp_path: Path) -> None:
    # As the notice's renames cite their item: the 代管 cited the notice's title, which says it of 青松市 in
    # daiguan_tongzhi.txt too, but of no county in a notice titled 关于调整北湖市部分行政区划的通知.
    both = tmp_path / "quhua_tiaozheng.txt"
    both.write_text("东海省人民政府关于调整北湖市部分行政区划的通知\n（2021年6月1日）\n"
                    "一、撤销北湖市白沙县，设立北湖市白沙区。\n二、将青松市交由北湖市代管。\n", encoding="utf-8")
    contains = ("MATCH (:Region)-[c:CONTAINS]->(r:Region) MATCH (d:Document) WHERE c.source STARTS WITH (d.uid + '#') "
                "RETURN r.path AS path, substring(c.source, size(d.uid) + 1) AS locator ORDER BY path")
    cited = []
    for notice, into in ((NOTICE, store), (both, other_store)):
        assert ingest([notice], into).failed == []
        cited.append(into.read(contains))
    assert cited == [[{"path": "北湖市/青松市", "locator": "line 4"}],
                     [{"path": "北湖市/白沙区", "locator": "一、"}, {"path": "北湖市/白沙县", "locator": "一、"},
                      {"path": "北湖市/青松市", "locator": "二、"}]]
