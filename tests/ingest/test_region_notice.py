"""撤县设区 stated by a 区划调整 notice of its own (ingest.region_notice): the 国务院's 批复 or a province's notice,
no department in it. Before, the 批复 was refused (no department name found) and the rename it states was lost.

Fixtures (tests/fixtures/quhua_notice): the 批复 (撤销青山县，设立示例市青山区), a notice renaming the county by its
level marker alone (将青山县更名为青山区，原行政区域不变), and a notice abolishing the county that names no district.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.store import Store
from ingest.amendment import parse_amendment
from ingest.pipeline import ingest
from ingest.region_succession import read_region_successions
from ingest.regions import Region
from ingest.removal import find_documents, remove
from queries import catalog
from queries.ambiguities import host_assist_ambiguities
from tests.ingest.conftest import whole_graph_but_contains_source

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "quhua_notice"
COUNTY = [REPO / "examples" / "sanding" / "qingshan_nongye.txt"]
CITY = Region(("示例市",))
_EDGES = ("MATCH (a:Region)-[e:REPLACED_BY]->(b:Region) RETURN a.path AS old, b.path AS new, e.source AS source, "
          "e.date AS date, e.text AS text ORDER BY old, new, source")


def _edges(store: Store) -> list[tuple[str, str, str, str, str]]:
    return [(row["old"], row["new"], row["source"].split("#")[1], row["date"], row["text"])
            for row in store.read(_EDGES)]


@pytest.mark.parametrize(("text", "expected"), [
    # The level marker alone changes, the stem stays: before, 更名为 was read by no pattern and the rename dropped.
    ("经国务院批准，将青山县更名为青山区，原行政区域不变。", [("青山县", "青山区")]),
    ("撤销青山县，设立青山区（原行政区域不变）。", [("青山县", "青山区")]),
    ("将示例市青山县更名为示例市青山区。", [("示例市青山县", "示例市青山区")]),
    # A body's rename is the department's succession (ingest.succession), no region's.
    ("将青山县农业农村局更名为青山区农业农村局。", []),
])
def test_a_level_marker_rename_is_read(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(r.old, r.new) for r in read_region_successions([(4, "line 4", text)])] == expected


def test_a_notice_may_rename_several_counties_but_not_one_twice() -> None:
    lines = [(4, "一、", "同意撤销青山县，设立示例市青山区。"), (5, "二、", "同意撤销白河县，设立示例市白河区。")]
    assert [(r.old, r.new, r.where.line) for r in read_region_successions(lines, several=True)] == [
        ("青山县", "示例市青山区", 4), ("白河县", "示例市白河区", 5)]
    with pytest.raises(ValueError, match="another county or district than line 4's"):
        read_region_successions([*lines[:1], (6, "三、", "以原白河县的行政区域为青山区的行政区域。")], several=True)


@pytest.mark.parametrize("notice_first", [False, True])
def test_the_pifu_states_the_rename(store: Store, notice_first: bool) -> None:
    """The 批复 loads as a 区划调整通知 of the city, its 一、 the REPLACED_BY edge's source, dated by the notice; the
    county is listed 已撤销（现为青山区）, whichever loaded first."""
    runs = [COUNTY, [FIXTURES / "pifu.txt"]]
    for paths in runs[::-1] if notice_first else runs:
        assert ingest(paths, store, region=CITY).failed == []
    assert _edges(store) == [("示例市/青山县", "示例市/青山区", "一、", "2021-12-20", "撤销青山县，设立示例市青山区")]
    documents = store.read("MATCH (d:Document {kind: 'region_notice'}) RETURN d.title AS title, d.region AS region, "
                           "d.issued AS issued")
    assert documents == [{"title": "国务院关于同意示例省调整示例市部分行政区划的批复", "region": "示例市",
                          "issued": "2021-12-20"}]
    assert [(row["path"], row["departments"], row["status"]) for row in catalog.run(store, "regions")] == [
        ("示例市", 0, ""), ("示例市/青山区", 0, ""), ("示例市/青山县", 1, "已撤销（现为青山区）")]


def test_a_rename_notice_without_its_city_is_placed_by_the_county(store: Store) -> None:
    """关于将青山县更名为青山区的通知 writes no city and is loaded without --region: the county the graph holds
    places it. Its 编制 sentence is no department's (the notice names none): left unread."""
    assert ingest(COUNTY, store, region=CITY).failed == []
    report = ingest([FIXTURES / "gengming.txt"], store)
    assert report.failed == []
    assert _edges(store) == [("示例市/青山县", "示例市/青山区", "line 4", "2021-12-28", "将青山县更名为青山区")]
    assert store.read("MATCH (d:Department) RETURN count(d) AS n") == [{"n": 1}]
    assert [warning.split("; ")[0] for warning in report.outcomes[0].warnings] == [
        "line 5: staff sentence not read: a 区划调整 notice names no department the posts are of: "
        "“核定青山区人民政府工作部门机关行政编制22名。”"]


def test_a_notice_naming_no_district_is_refused(store: Store) -> None:
    """撤销青山县 with no district set up: the file is refused at its line, and nothing of it is written."""
    path = FIXTURES / "meiyou_qu.txt"
    report = ingest([path], store, region=CITY)
    assert [(outcome.path, outcome.failure.line if outcome.failure else None) for outcome in report.failed] \
        == [(path, 4)]
    assert report.failed[0].error == (
        f"{path}:4: expected one county renamed as one district (撤销某县，设立某市某区) (a 区划调整 notice naming no "
        "county abolished and no district set up: “经国务院批准，撤销青山县。具体事宜另行通知。”)")
    assert store.read("MATCH (n) WHERE n:Document OR n:Region RETURN count(n) AS n") == [{"n": 0}]


def test_a_bare_district_with_nothing_to_place_it_is_refused(store: Store) -> None:
    """No city written, no --region, no 青山县 in the graph: refused, naming the line, rather than a top-level 青山区."""
    path = FIXTURES / "gengming.txt"
    report = ingest([path], store)
    assert [(outcome.path, outcome.failure.line if outcome.failure else None) for outcome in report.failed] \
        == [(path, 4)]
    assert store.read("MATCH (n) WHERE n:Document OR n:Region RETURN count(n) AS n") == [{"n": 0}]


# -- lists loaded before the rename: the 区 list and the 县 list it reissues, then the 批复 ---------------------------

COUNTY_LIST = [*COUNTY, REPO / "examples" / "sanding" / "qingshan_zhujian.txt",
               REPO / "examples" / "sanding" / "qingshan_shichangjianguan.txt",
               REPO / "examples" / "lists" / "bianjie_qingshan.csv"]
DISTRICT_LIST = REPO / "tests" / "fixtures" / "chexian_shequ" / "lists" / "bianjie_qingshanqu_2022.csv"
ORDERS = {
    "rename, then the district's list": [(COUNTY_LIST, CITY), ([FIXTURES / "pifu.txt"], CITY),
                                         ([DISTRICT_LIST], Region(("示例市", "青山区")))],
    "county's list, district's, rename": [(COUNTY_LIST, CITY), ([DISTRICT_LIST], Region(("示例市", "青山区"))),
                                          ([FIXTURES / "pifu.txt"], CITY)],
    "district's list, county's, rename": [([DISTRICT_LIST], Region(("示例市", "青山区"))), (COUNTY_LIST, CITY),
                                          ([FIXTURES / "pifu.txt"], CITY)],
}


def _lists(store: Store) -> list[tuple[str, str, str]]:
    rows = store.read("MATCH (d) WHERE (d:Document OR d:ListVersion) AND d.kind = 'boundary' "
                      "RETURN labels(d)[0] AS label, d.region AS region, d.path AS path ORDER BY label, region, path")
    return [(row["label"], row["region"], Path(row["path"]).name) for row in rows]


@pytest.mark.parametrize("order", list(ORDERS))
def test_lists_loaded_before_the_rename_are_paired_once_it_loads(store: Store, order: str) -> None:
    """Loaded before the 批复, the 区 list (sharing 3 of its 4 matters with the 县 list) and the 县 list both stood
    as current: each matter twice, the no-lead finding in each region, list_changes pairing nothing. Once the 批复
    loads, the 区 list is loaded again from its file (ingest.removal.read_renamed_lists_again) and the graph is the
    one loading the 批复 first gives: the 县 list kept as the 区 list's history."""
    reports = [ingest(paths, store, region=region) for paths, region in ORDERS[order]]
    assert [report.failed for report in reports] == [[], [], []]
    renamed_last = order != "rename, then the district's list"
    assert [Path(label.split(" (")[0]).name for label in reports[-1].relisted] \
        == (["bianjie_qingshanqu_2022.csv"] if renamed_last else [])
    assert _lists(store) == [("Document", "示例市/青山区", "bianjie_qingshanqu_2022.csv"),
                             ("ListVersion", "示例市/青山县", "bianjie_qingshan.csv")]
    assert store.read("MATCH (a:Matter {region: '示例市/青山县'}), (b:Matter {region: '示例市/青山区'}) "
                      "WHERE a.name = b.name RETURN a.name AS name") == []
    assert [(row["region"], row["matter"], row["assists"]) for row in host_assist_ambiguities(store)] \
        == [("示例市/青山区", "电动自行车集中充电设施安全管理",
             ["青山区应急管理局", "青山县住房和城乡建设局", "青山县市场监督管理局"])]
    changes = catalog.run(store, "list_changes", {"region": "示例市"})
    assert {(row["from_version"], row["to_version"]) for row in changes} \
        == {("bianjie_qingshan.csv", "2022年 bianjie_qingshanqu_2022.csv（现行）")}
    assert [(row["change"], row["matter"]) for row in changes if row["change"] != "deleted"] == [
        ("added", "物业服务企业监督检查")]


# -- a 调整 notice's 编制 sentence without 内设机构 (调整后，示例市青山区农业农村局机关行政编制22名) ------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    ("调整后，示例市青山区农业农村局机关行政编制22名。", (22, None, [])),
    ("核定青山区农业农村局机关行政编制22名。", (22, None, [])),
    ("调整后，青山区农业农村局内设机构5个，机关行政编制22名。", (22, 5, [])),
    # Another body's posts, or a government's: no figure of the notice's department, left unread and said so.
    ("调整后，青山区水利局机关行政编制18名。", (None, None, ["line 4"])),
])
def test_a_notice_s_posts_are_read_for_its_own_department(
        sentence: str, expected: tuple[int | None, int | None, list[str]]) -> None:
    numbered = [(1, "关于调整示例市青山区农业农村局职责机构编制的通知"), (2, "（2022年3月18日）"),
                (3, "一、将青山县农业农村局更名为示例市青山区农业农村局。"), (4, f"二、{sentence}")]
    document = parse_amendment(Path("notice.txt"), numbered)
    assert (document.staffing.admin_quota if document.staffing else None, document.offices_stated,
            [warning.split(":")[0] for warning in document.warnings]) == expected


@pytest.mark.parametrize("order", ["rename, then the district's list", "county's list, district's, rename"])
def test_removing_the_rename_gives_the_graph_as_if_never_loaded(store: Store, other_store: Store, order: str) -> None:
    """`dutygraph remove` of the 批复 unpairs the lists it paired: the 县 list current again (loaded from its file, its
    ListVersion gone) and the 区 list loaded again unpaired, the graph as loading the two lists alone gives. Before,
    the 县 list stayed the 区 list's history with no rename left to say why."""
    for paths, region in ORDERS[order]:
        assert ingest(paths, store, region=region).failed == []
    removal = remove(store, find_documents(store, [str(FIXTURES / "pifu.txt")]))
    assert [Path(held.path).name for held in removal.unpaired] == ["bianjie_qingshan.csv", "bianjie_qingshanqu_2022.csv"]
    for paths, region in ORDERS["county's list, district's, rename"][:2]:
        assert ingest(paths, other_store, region=region).failed == []
    assert _lists(store) == [("Document", "示例市/青山区", "bianjie_qingshanqu_2022.csv"),
                             ("Document", "示例市/青山县", "bianjie_qingshan.csv")]
    # (A region's CONTAINS edge may keep citing the removed 批复, as every removal leaves it: conftest.)
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)


@pytest.mark.parametrize("order", ["county's list, district's, rename", "district's list, county's, rename"])
def test_the_rename_loaded_last_gives_the_graph_loading_it_first_gives(store: Store, other_store: Store,
                                                                         order: str) -> None:
    """The whole graph, not only the lists' pairing. Before, the 区 list's parties (区住建局), placed in 青山区 when
    it loaded and merged into the 县's departments once the 批复 loaded, left those departments in 青山区 too
    (HAS_DEPARTMENT), which loading the 批复 first never writes; and with those edges moved, 青山区 held nothing
    while its list loaded again, was pruned with the rename, and the list loaded unpaired."""
    for paths, region in ORDERS[order]:
        assert ingest(paths, store, region=region).failed == []
    for paths, region in ORDERS["rename, then the district's list"]:
        assert ingest(paths, other_store, region=region).failed == []
    assert store.read("MATCH (:Region {path: '示例市/青山区'})-[:HAS_DEPARTMENT]->(d) RETURN d.uid AS uid") \
        == [{"uid": "dept:示例市/青山区/应急管理局"}]
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)


def test_a_pair_whose_file_changed_stays_paired_and_said(store: Store, tmp_path: Path) -> None:
    """The 区 list's file changed since it loaded: it cannot be loaded again as it was, so the pair stays as it is
    (the 县 list history), both named as not loaded again, and the 批复 goes all the same."""
    district = tmp_path / DISTRICT_LIST.name
    shutil.copy(DISTRICT_LIST, district)
    assert ingest(COUNTY_LIST, store, region=CITY).failed == []
    assert ingest([FIXTURES / "pifu.txt"], store, region=CITY).failed == []
    assert ingest([district], store, region=Region(("示例市", "青山区"))).failed == []
    district.write_text(district.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    removal = remove(store, find_documents(store, [str(FIXTURES / "pifu.txt")]))
    assert (removal.unpaired, [(Path(held.path).name, held.history) for held in removal.not_unpaired]) \
        == ([], [("bianjie_qingshan.csv", True), ("bianjie_qingshanqu_2022.csv", False)])
    assert _lists(store) == [("Document", "示例市/青山区", "bianjie_qingshanqu_2022.csv"),
                             ("ListVersion", "示例市/青山县", "bianjie_qingshan.csv")]
    assert store.read("MATCH (d:Document {kind: 'region_notice'}) RETURN d.uid AS uid") == []


def test_every_county_version_the_rename_paired_is_the_county_s_again(store: Store, tmp_path: Path) -> None:
    """The 县 list's two versions (2020, and the current one) both became the 区 list's history once the 批复 paired
    them; removing the 批复 restored the newest alone, the older staying the 区 list's history (list_history and
    list_changes showed a 县 list as the 区's). Now every version is the 县 list's again: one current, the other its
    history, and the 区 list has none."""
    older = tmp_path / "bianjie_qingshan_2020.csv"
    older.write_bytes(b"\n".join([*COUNTY_LIST[-1].read_bytes().split(b"\n")[:-2], b""]))  # a row fewer
    assert ingest([older, *COUNTY_LIST[:-1]], store, region=CITY).failed == []
    assert ingest([COUNTY_LIST[-1]], store, region=CITY).failed == []
    assert ingest([FIXTURES / "pifu.txt"], store, region=CITY).failed == []
    assert ingest([DISTRICT_LIST], store, region=Region(("示例市", "青山区"))).failed == []
    removal = remove(store, find_documents(store, [str(FIXTURES / "pifu.txt")]))
    assert removal.not_unpaired == []
    rows = store.read("MATCH (d) WHERE (d:Document OR d:ListVersion) AND d.kind = 'boundary' "
                      "RETURN labels(d)[0] AS label, d.region AS region, d.list_key AS key ORDER BY region, label")
    assert [tuple(row.values()) for row in rows] == [
        ("Document", "示例市/青山区", "boundary|示例市/青山区|file|bianjie_qingshanqu.csv"),
        ("Document", "示例市/青山县", "boundary|示例市/青山县|file|bianjie_qingshan.csv"),
        ("ListVersion", "示例市/青山县", "boundary|示例市/青山县|file|bianjie_qingshan.csv")]
