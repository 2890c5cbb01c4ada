"""乡镇合并 (撤销桃源乡，将其所辖区域并入石桥镇) stated by a 区划调整 notice of its own: the Region REPLACED_BY edge
(kind merged) and the township's government SUCCEEDED_BY the other's, so what names 桃源乡 lands on 石桥镇 whichever
loaded first, and goes back when the notice is removed. Before, the sentence was read by no pattern: the notice was
refused as naming no county abolished, and 桃源乡's list stayed on its government.

Fixtures (tests/fixtures/xiangzhen_hebing): the city's 批复 (一、同意撤销桃源乡，将其所辖区域并入石桥镇), the county's
notice titled with the merger (撤销桃源乡，并入石桥镇), and 桃源乡's 履行职责事项清单 (two basic rows, one 配合 row).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.region_succession import read_region_successions
from ingest.regions import Region
from ingest.removal import find_documents, remove
from queries import catalog
from tests.ingest.conftest import whole_graph_but_contains_source

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "xiangzhen_hebing"
COUNTY = Region(("示例市", "青山县"))
PIFU = FIXTURES / "hebing_pifu.txt"
TOWNSHIP_LIST = FIXTURES / "taoyuan_lvzhi.csv"
OLD_GOVERNMENT = "dept:示例市/青山县/桃源乡/人民政府"
NEW_GOVERNMENT = "dept:示例市/青山县/石桥镇/人民政府"


@pytest.mark.parametrize(("text", "expected"), [
    ("同意撤销桃源乡，将其所辖区域并入石桥镇。", [("桃源乡", "石桥镇", "merged")]),
    ("撤销桃源乡、李村乡，将其行政区域划归石桥镇管辖。", [("桃源乡", "石桥镇", "merged"), ("李村乡", "石桥镇", "merged")]),
    # Two levels in one notice: a 撤县设区 and a township merger are not two renames of one county.
    ("同意撤销青山县，设立示例市青山区；撤销桃源乡，并入石桥镇。",
     [("青山县", "示例市青山区", "renamed"), ("桃源乡", "石桥镇", "merged")]),
    # A body's work handed to another is no township's merger.
    ("撤销县农业局，将其职责划入县农业农村局。", []),
])
def test_a_merger_is_read(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(r.old, r.new, r.kind) for r in read_region_successions([(4, "一、", text)])] == expected


def test_one_township_merged_into_two_is_refused() -> None:
    lines = [(4, "一、", "撤销桃源乡，并入石桥镇。"), (5, "二、", "撤销桃源乡，并入李村镇。")]
    with pytest.raises(ValueError, match="a township merged into or made a 街道 other than line 4's"):
        read_region_successions(lines, several=True)


def _merger(store: Store) -> list[dict[str, object]]:
    return store.read(
        "MATCH (a:Region)-[e:REPLACED_BY]->(b:Region) MATCH (p:Department)-[s:SUCCEEDED_BY]->(d:Department) "
        "RETURN a.path AS old, b.path AS new, e.kind AS kind, e.date AS date, e.text AS text, p.uid AS predecessor, "
        "d.uid AS successor, s.kind AS succession ORDER BY old")


def _township_edges(store: Store) -> list[tuple[str, str, str, str | None]]:
    rows = store.read("MATCH (d:Department)-[r:LEADS|ASSISTS]->(m:Matter) WHERE d.region ENDS WITH '乡' OR d.region ENDS WITH '街道' "
                      "OR d.region ENDS WITH '镇' RETURN d.uid AS holder, type(r) AS role, m.name AS matter, "
                      "r.redirected_from AS redirected_from ORDER BY matter, role")
    return [(row["holder"], row["role"], row["matter"], row["redirected_from"]) for row in rows]


def test_the_pifu_states_the_merger(store: Store) -> None:
    """The 批复 loads in the county (--region 示例市/青山县), its 一、 the source; 桃源乡 is listed 已撤销（并入石桥镇）."""
    report = ingest([PIFU], store, region=COUNTY)
    assert report.failed == []
    assert _merger(store) == [{"old": "示例市/青山县/桃源乡", "new": "示例市/青山县/石桥镇", "kind": "merged",
                               "date": "2023-09-15", "text": "撤销桃源乡，将其所辖区域并入石桥镇",
                               "predecessor": OLD_GOVERNMENT, "successor": NEW_GOVERNMENT, "succession": "absorbed"}]
    assert store.read("MATCH (d:Document) RETURN d.region AS region, d.kind AS kind") \
        == [{"region": "示例市/青山县", "kind": "region_notice"}]
    assert [(row["path"], row["status"]) for row in catalog.run(store, "regions")] == [
        ("示例市", ""), ("示例市/青山县", ""), ("示例市/青山县/桃源乡", "已撤销（并入石桥镇）"),
        ("示例市/青山县/石桥镇", "")]


def test_a_notice_titled_with_the_merger_is_placed_by_the_township(store: Store) -> None:
    """No --region: the township the graph holds (from the 批复) places the county's notice."""
    assert ingest([PIFU], store, region=COUNTY).failed == []
    assert ingest([FIXTURES / "bingru_tongzhi.txt"], store).failed == []
    rows = store.read("MATCH (a:Region)-[e:REPLACED_BY]->(b:Region) MATCH (d:Document {uid: split(e.source, '#')[0]}) "
                      "RETURN a.path AS old, b.path AS new, e.text AS text, d.region AS region ORDER BY text")
    assert [tuple(row.values()) for row in rows] == [
        ("示例市/青山县/桃源乡", "示例市/青山县/石桥镇", "撤销桃源乡，将其所辖区域并入石桥镇", "示例市/青山县"),
        ("示例市/青山县/桃源乡", "示例市/青山县/石桥镇", "撤销桃源乡，并入石桥镇", "示例市/青山县")]


EXPECTED_EDGES = [(NEW_GOVERNMENT, "LEADS", "农村公厕日常管护", OLD_GOVERNMENT),
                  (NEW_GOVERNMENT, "LEADS", "山林权属纠纷调处", OLD_GOVERNMENT),
                  (NEW_GOVERNMENT, "ASSISTS", "高标准农田建设", OLD_GOVERNMENT)]


def _load(store: Store, runs: list[list[Path]]) -> None:
    store.clear()
    store.apply_schema()
    for paths in runs:
        assert ingest(paths, store, region=COUNTY).failed == []


@pytest.mark.parametrize("list_first", [True, False])
def test_the_township_s_list_lands_on_the_merged_town_in_both_orders(store: Store, other_store: Store,
                                                                    list_first: bool) -> None:
    """桃源乡's rows, loaded before the 批复 or after, are 石桥镇人民政府's, marked as naming 桃源乡人民政府."""
    runs = [[TOWNSHIP_LIST], [PIFU]]
    _load(store, runs if list_first else runs[::-1])
    assert _township_edges(store) == EXPECTED_EDGES
    _load(other_store, runs[::-1] if list_first else runs)
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)


@pytest.mark.parametrize("list_first", [True, False])
def test_removing_the_notice_gives_the_graph_as_if_never_loaded(store: Store, other_store: Store,
                                                                list_first: bool) -> None:
    """The list's rows go back to 桃源乡人民政府, 石桥镇 and the succession gone, as loading the list alone gives."""
    runs = [[TOWNSHIP_LIST], [PIFU]]
    _load(store, runs if list_first else runs[::-1])
    remove(store, find_documents(store, [str(PIFU)]))
    assert [(holder, role, matter) for holder, role, matter, _ in _township_edges(store)] == [
        (OLD_GOVERNMENT, "LEADS", "农村公厕日常管护"), (OLD_GOVERNMENT, "LEADS", "山林权属纠纷调处"),
        (OLD_GOVERNMENT, "ASSISTS", "高标准农田建设")]
    _load(other_store, [[TOWNSHIP_LIST]])
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)


def test_a_township_s_own_sanding_may_state_the_merger_into_it(store: Store, tmp_path: Path) -> None:
    """The merged town's own 三定 defines its government, which the merger's succession names too: it was noted as a
    party only to be found missing (a KeyError that stopped the whole ingest; review of 2026-11-24)."""
    sanding = (REPO / "tests" / "fixtures" / "xiangzhen_fuquan" / "qingshi_sanding.txt").read_text(encoding="utf-8")
    page = tmp_path / "qingshi_sanding.txt"
    page.write_text(sanding.replace("制定本规定。", "制定本规定。撤销桃花乡，将其所辖区域并入青石镇。", 1), encoding="utf-8")
    assert ingest([page], store, region=Region(("澄州市", "云岭县"))).failed == []
    assert _merger(store) == [{
        "old": "澄州市/云岭县/桃花乡", "new": "澄州市/云岭县/青石镇", "kind": "merged", "date": "2024-05-01",
        "text": "撤销桃花乡，将其所辖区域并入青石镇", "predecessor": "dept:澄州市/云岭县/桃花乡/人民政府",
        "successor": "dept:澄州市/云岭县/青石镇/人民政府", "succession": "absorbed"}]


def _township_duties(store: Store) -> list[tuple[str, str, str, str, str]]:
    rows = catalog.run(store, "township_duties", {"region": "示例市/青山县"})
    return [(row["township"], row["township_region"], row["part"], row["matter"], row["township_text"])
            for row in rows]


# 桃源乡's list as township_duties reads it once 桃源乡 is 石桥镇's: the rows are 石桥镇's work today (their text
# still the list's own words, the edges still marked as naming 桃源乡人民政府).
MERGED_DUTIES = [
    ("石桥镇人民政府", "示例市/青山县/石桥镇", "basic", "山林权属纠纷调处", "组织村委会调处山林权属一般纠纷，重大纠纷报县司法局。"),
    ("石桥镇人民政府", "示例市/青山县/石桥镇", "basic", "农村公厕日常管护", "组织村（社区）开展农村公厕日常清扫和管护。"),
    ("石桥镇人民政府", "示例市/青山县/石桥镇", "assisting", "高标准农田建设", "配合开展项目选址和群众协调。"),
]


@pytest.mark.parametrize("list_first", [True, False])
def test_township_duties_groups_the_merged_list_under_the_surviving_town(store: Store, list_first: bool) -> None:
    """The rows' `township` follows the government's succession (before, they stayed 桃源乡's: asked for 石桥镇,
    township_duties found nothing, and 桃源乡's rows had lost their text with their edges). Removing the 批复 gives
    them back to 桃源乡."""
    runs = [[TOWNSHIP_LIST], [PIFU]]
    _load(store, runs if list_first else runs[::-1])
    assert _township_duties(store) == MERGED_DUTIES
    remove(store, find_documents(store, [str(PIFU)]))
    assert _township_duties(store) == [("桃源乡人民政府", "示例市/青山县/桃源乡", *row[2:]) for row in MERGED_DUTIES]


def _asked(store: Store, params: dict[str, str]) -> list[tuple[str, ...]]:
    return [(row["township"], row["township_region"], row["part"], row["matter"], row["finding"], row["holder"],
             row["evidence"]) for row in catalog.run(store, "township_duties", params)]


@pytest.mark.parametrize("params", [{"township": OLD_GOVERNMENT}, {"township": "桃源乡人民政府"},
                                    {"region": "示例市/青山县/桃源乡"}])
def test_a_merged_township_asked_for_answers_with_the_surviving_town_s_rows(store: Store,
                                                                          params: dict[str, str]) -> None:
    """Asked for 桃源乡 once merged, township_duties answered nothing (its rows are 石桥镇's): now 石桥镇's rows, and a
    row saying 桃源乡 已撤销（并入石桥镇）, citing the 批复's clause. Once the 批复 is removed, 桃源乡's own rows alone."""
    _load(store, [[TOWNSHIP_LIST], [PIFU]])
    note = ("桃源乡人民政府", "示例市/青山县/桃源乡", "", "", "merged_township", "石桥镇人民政府", "已撤销（并入石桥镇）")
    assert _asked(store, params) == [note, *((*row[:4], "no_duties" if row[2] == "assisting" else "", "", "")
                                             for row in MERGED_DUTIES)]
    (cited,) = [row["evidence_source"] for row in catalog.run(store, "township_duties", params) if row["holder"]]
    assert cited == store.read("MATCH (d:Document {kind: 'region_notice'}) RETURN d.uid AS uid")[0]["uid"] + "#一、"
    remove(store, find_documents(store, [str(PIFU)]))
    assert [row[:2] for row in _asked(store, params)] == [("桃源乡人民政府", "示例市/青山县/桃源乡")] * 3


FUQUAN = REPO / "tests" / "fixtures" / "xiangzhen_fuquan"
BAISHUI_MERGED = """澄州市人民政府关于同意云岭县调整部分乡镇行政区划的批复
（2024年6月1日）
云岭县人民政府：
一、同意撤销白水乡，将其所辖区域并入青石镇。
"""


def _untaken(store: Store) -> list[tuple[str, str]]:
    return [(row["department"], row["detail"]) for row in catalog.run(store, "power_item_review",
                                                                     {"region": "澄州市/云岭县"})
            if row["finding"] == "no_taking_office"]


def test_a_merged_township_takes_on_nothing_of_its_own(store: Store, tmp_path: Path) -> None:
    """白水乡, whose 三定 sets up no 综合行政执法办公室, is no township once merged into 青石镇 (which has one): the
    赋权清单's items have a taker (before, 白水乡 was still named as lacking the office). Its list is 青石镇's."""
    county = Region(("澄州市", "云岭县"))
    assert ingest(sorted(FUQUAN.iterdir()), store, region=county).failed == []
    assert _untaken(store) == [("白水乡人民政府", "承接主体：各乡镇人民政府（综合行政执法办公室）；白水乡人民政府三定未设综合行政执法办公室")]
    notice = tmp_path / "baishui_hebing.txt"
    notice.write_text(BAISHUI_MERGED, encoding="utf-8")
    assert ingest([notice], store, region=county).failed == []
    assert _untaken(store) == []
    townships = {row["township"] for row in catalog.run(store, "township_duties", {"region": "澄州市/云岭县"})}
    assert townships == {"青石镇人民政府"}
    remove(store, find_documents(store, [str(notice)]))
    assert len(_untaken(store)) == 1
    assert {row["township"] for row in catalog.run(store, "township_duties", {"region": "澄州市/云岭县"})} \
        == {"白水乡人民政府", "青石镇人民政府"}


STREET = FIXTURES / "shezhi_jiedao_pifu.txt"
STREET_OFFICE = "dept:示例市/青山县/石桥街道/街道办事处"


@pytest.mark.parametrize(("text", "expected"), [
    ("同意撤销石桥镇建制，设立石桥街道，以原石桥镇的行政区域为石桥街道的行政区域。", [("石桥镇", "石桥街道", "street")]),
    ("撤销石桥镇，设立石桥街道。", [("石桥镇", "石桥街道", "street")]),
    # Several abolished for one 街道: the town whose name it takes became it, the others were merged into it (before,
    # each was read as made the 街道).
    ("撤销桃源乡、石桥镇，设立石桥街道。", [("桃源乡", "石桥街道", "merged"), ("石桥镇", "石桥街道", "street")]),
    ("撤销桃源乡、李村乡，设立石桥街道。", [("桃源乡", "石桥街道", "merged"), ("李村乡", "石桥街道", "merged")]),
    # One town alone is the 街道 whatever its name.
    ("撤销石桥镇，设立石门街道。", [("石桥镇", "石门街道", "street")]),
    # A 撤县设区 beside it is another level's.
    ("撤销青山县，设立示例市青山区；撤销石桥镇，设立石桥街道。",
     [("青山县", "示例市青山区", "renamed"), ("石桥镇", "石桥街道", "street")]),
])
def test_a_town_made_a_street_is_read(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(r.old, r.new, r.kind) for r in read_region_successions([(4, "一、", text)])] == expected


def test_a_town_both_merged_and_made_a_street_is_refused() -> None:
    lines = [(4, "一、", "撤销石桥镇，并入李村镇。"), (5, "二、", "撤销石桥镇，设立石桥街道。")]
    with pytest.raises(ValueError, match="a township merged into or made a 街道 other than line 4's"):
        read_region_successions(lines, several=True)


def _street(store: Store) -> list[tuple[object, ...]]:
    rows = store.read("MATCH (a:Region)-[e:REPLACED_BY]->(b:Region) WHERE e.kind = 'street' "
                      "MATCH (p:Department)-[s:SUCCEEDED_BY]->(d:Department) WHERE s.source = e.source "
                      "RETURN a.path AS old, b.path AS new, e.date AS date, e.text AS text, p.uid AS predecessor, "
                      "d.uid AS successor, s.kind AS succession")
    return [tuple(row.values()) for row in rows]


def test_the_street_notice_states_the_town_made_a_street(store: Store) -> None:
    """Read from the notice's 一、 (the title, 关于同意…撤销石桥镇设立石桥街道的批复, places it as a 区划调整 notice):
    石桥镇 is 已撤销（现为石桥街道）, its government renamed as the 街道办事处. No 撤县设区: no county renamed."""
    assert ingest([STREET], store, region=COUNTY).failed == []
    assert _street(store) == [("示例市/青山县/石桥镇", "示例市/青山县/石桥街道", "2024-03-20",
                               "撤销石桥镇建制，设立石桥街道", NEW_GOVERNMENT, STREET_OFFICE, "renamed")]
    assert [(row["path"], row["status"]) for row in catalog.run(store, "regions")] == [
        ("示例市", ""), ("示例市/青山县", ""), ("示例市/青山县/石桥街道", ""),
        ("示例市/青山县/石桥镇", "已撤销（现为石桥街道）")]
    assert store.read("MATCH (d:Document) RETURN d.kind AS kind") == [{"kind": "region_notice"}]


STREET_DUTIES = [("石桥街道办事处", "示例市/青山县/石桥街道", *row[2:]) for row in MERGED_DUTIES]


@pytest.mark.parametrize("list_first", [True, False])
def test_the_town_s_list_is_the_street_s_in_both_orders(store: Store, other_store: Store, tmp_path: Path,
                                                       list_first: bool) -> None:
    """石桥镇's list (桃源乡's rows, written as 石桥镇's), loaded before the street's notice or after, is the 街道办事处's:
    its edges and township_duties' rows; removing the notice gives the graph of the list alone."""
    town_list = tmp_path / "shiqiao_lvzhi.csv"
    town_list.write_text(TOWNSHIP_LIST.read_text(encoding="utf-8").replace("桃源乡", "石桥镇"), encoding="utf-8")
    runs = [[town_list], [STREET]]
    _load(store, runs if list_first else runs[::-1])
    assert _township_duties(store) == STREET_DUTIES
    assert _township_edges(store) == [(STREET_OFFICE, role, matter, NEW_GOVERNMENT)
                                      for _holder, role, matter, _from in EXPECTED_EDGES]
    _load(other_store, runs[::-1] if list_first else runs)
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)
    remove(store, find_documents(store, [str(STREET)]))
    assert _township_duties(store) == [("石桥镇人民政府", "示例市/青山县/石桥镇", *row[2:]) for row in MERGED_DUTIES]
    _load(other_store, runs[:1])
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)


def test_a_pifu_repeating_the_request_s_title_reads_its_operative_sentence() -> None:
    """The request's title the 批复 repeats (关于撤销桃源乡并入石桥镇的请示收悉) came first and was the merger's
    source: the 同意… sentence is, and the merger is read once."""
    lines = [(4, "", "你县关于撤销桃源乡并入石桥镇的请示收悉。经研究，现批复如下："),
             (5, "一、", "同意撤销桃源乡，将其行政区域划归石桥镇管辖。")]
    assert [(r.old, r.new, r.text, r.where.line) for r in read_region_successions(lines, several=True)] == [
        ("桃源乡", "石桥镇", "撤销桃源乡，将其行政区域划归石桥镇", 5)]


def test_a_request_s_title_alone_still_states_the_merger() -> None:
    """A 批复 saying no more than 同意你县的请示: the request's title is all that states it."""
    lines = [(4, "", "你县关于撤销桃源乡并入石桥镇的请示收悉。经研究，同意你县的请示。")]
    assert [(r.old, r.new, r.text, r.where.line) for r in read_region_successions(lines, several=True)] == [
        ("桃源乡", "石桥镇", "撤销桃源乡并入石桥镇", 4)]


# A county's own document stating the merger. Before, a 三定 read it in its opening articles only (one in its 附则
# loaded without it) and a 调整 notice never; another county document was refused as no 三定, naming no line.
@pytest.mark.parametrize(("name", "locator"), [("shiqiao_sanding_fuze.txt", "第六条"),
                                               ("shiqiao_tiaozheng_tongzhi.txt", "一、"),
                                               # The merger alone (no 编制 line) was refused as no 调整 notice.
                                               ("shiqiao_tiaozheng_hebing_only.txt", "一、")])
def test_a_county_document_states_the_merger(store: Store, name: str, locator: str) -> None:
    """石桥镇's 三定 (第六条, after its staffing) and the 编委's 调整 notice (一、) give the 批复's edges, their own sentence
    the source."""
    report = ingest([FIXTURES / name], store, region=COUNTY)
    assert report.failed == []
    uid = store.read("MATCH (d:Document) RETURN d.uid AS uid")[0]["uid"]
    rows = store.read("MATCH (a:Region)-[e:REPLACED_BY]->(b:Region) RETURN a.path AS old, b.path AS new, e.kind AS "
                      "kind, e.source AS source, e.text AS text")
    assert rows == [{"old": "示例市/青山县/桃源乡", "new": "示例市/青山县/石桥镇", "kind": "merged",
                     "source": f"{uid}#{locator}", "text": "撤销桃源乡，并入石桥镇"}]
    assert store.read("MATCH (p:Department)-[s:SUCCEEDED_BY]->(d:Department) RETURN p.uid AS p, d.uid AS d, "
                      "s.kind AS kind") == [{"p": OLD_GOVERNMENT, "d": NEW_GOVERNMENT, "kind": "absorbed"}]


def test_another_county_document_stating_a_merger_is_refused_at_its_line(store: Store) -> None:
    """The county government's 通知 of its 乡镇机构改革方案 is no 三定, 调整 or 区划调整 notice: refused at the merger's
    line, pointing at the 区划调整 notice, and nothing of it written."""
    path = FIXTURES / "xiangzhen_gaige_fangan_tongzhi.txt"
    report = ingest([path], store, region=COUNTY)
    assert [outcome.failure.line for outcome in report.failed] == [5]
    assert report.failed[0].failure.message_zh(path.name) == (
        "xiangzhen_gaige_fangan_tongzhi.txt第 5 行：“撤销桃源乡，并入石桥镇”：本文件不是三定规定、调整通知或区划调整通知，"
        "其中的乡镇合并（撤销、改设街道）不予读取；请载入批准该调整的区划调整通知（region_notice，如 "
        "关于同意撤销桃源乡并入石桥镇的批复）")
    assert store.read("MATCH (n) WHERE n:Document OR n:Region RETURN count(n) AS n") == [{"n": 0}]


def test_a_request_s_title_is_not_read_beside_a_sentence_approving_otherwise() -> None:
    """The 批复 approves a 街道 where the request asked a merger: its 同意… sentence alone is read (review: the title,
    read after it, clashed with it and refused the 批复)."""
    lines = [(3, "", "你县关于撤销桃源乡并入石桥镇的请示收悉。"), (4, "", "经研究，同意撤销桃源乡，设立桃源街道。")]
    assert [(r.old, r.new, r.kind, r.where.line) for r in read_region_successions(lines, several=True)] == [
        ("桃源乡", "桃源街道", "street", 4)]
