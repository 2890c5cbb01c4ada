"""机构改革: a 三定 that renames or merges a department makes the old one no longer current (ingest/succession.py).

The fixtures (tests/fixtures/succession) are a 2019 三定 of 青山县城市管理局, its 2024 successor's 三定 whose 第二条 says
将青山县城市管理局更名为青山县城市管理和综合执法局 (and 与县综合行政执法大队合署办公, no succession), and a power list
naming the old bureau twice (青山县城市管理局, 青山县城管局); 住建局's 2019 三定, whose 职责分工 clauses name the old bureau,
a boundary list naming it 青山县城管局, and a 调整 notice that renames it instead of the 2024 三定.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.model import Located, Succession
from ingest.pipeline import SuccessionLine, ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from ingest.succession import read_successions
from queries import catalog
from queries.ambiguities import host_assist_ambiguities
from queries.lookup import find_department
from queries.overlaps import overlaps
from queries.profile import department_profile
from queries.report import build_report
from tests.ingest.conftest import whole_graph, whole_graph_but_contains_source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "succession"
OLD = FIXTURES / "qingshan_chengguan_2019.txt"
REFORM = FIXTURES / "qingshan_chengguan_zhifa_2024.txt"
POWER_LIST = FIXTURES / "qingshan_quanze.csv"
# 住建局's 2019 三定, whose 职责分工 clauses name 县城市管理局 (牵头 建筑垃圾处置, 配合 城市道路挖掘), and a boundary list
# naming it 青山县城管局 as the lead of both.
ZHUJIAN = FIXTURES / "qingshan_zhujian_2019.txt"
BOUNDARY = FIXTURES / "qingshan_bianjie.csv"
ZHUJIAN_NAME = "青山县住房和城乡建设局"
CITY = Region(("示例市",))
COUNTY = "示例市/青山县"
NEW_NAME = "青山县城市管理和综合执法局"
OLD_NAME = "青山县城市管理局"
OLD_UID = "dept:示例市/青山县/城市管理局"


@pytest.mark.parametrize(("text", "expected"), [
    ("将青山县城市管理局更名为青山县城市管理和综合执法局。", [("青山县城市管理局", "renamed")]),
    ("将县城市管理局的职责，以及县住房和城乡建设局的城市管理综合执法职责整合，组建县城市管理和综合执法局，作为县政府工作"
     "部门。不再保留县城市管理局。", [("县城市管理局", "merged")]),
    ("不再保留县城市管理局、县综合行政执法局。", [("县城市管理局", "absorbed"), ("县综合行政执法局", "absorbed")]),
    ("将县城市管理局和县园林局的职责整合，组建县城市管理和综合执法局。", [("县城市管理局", "merged"), ("县园林局", "merged")]),
    ("将县城市管理局的职责划入县城市管理和综合执法局。", [("县城市管理局", "absorbed")]),
    ("将县城市管理局的职责划入本局。", [("县城市管理局", "absorbed")]),
    # Not successions: a body working as one with it, a piece of another's work, a plate dropped, another body renamed.
    ("县城市管理和综合执法局与县综合行政执法大队合署办公。", []),
    ("将县住房和城乡建设局的城市管理执法职责划入县城市管理和综合执法局。", []),
    ("不再保留县城市管理综合行政执法大队牌子。", []),
    ("将县园林所更名为县园林绿化中心。", []),
])
def test_the_reform_sentences_read(text: str, expected: list[tuple[str, str]]) -> None:
    found = read_successions([(3, "第二条", text)], NEW_NAME)
    assert [(record.predecessor, record.kind) for record in found] == expected
    assert {record.where for record in found} <= {Located(3, "第二条")}


def test_the_parser_reads_the_opening_articles_only(example: Any) -> None:
    from ingest.readers import read_source
    from ingest.sanding import parse_sanding

    parsed = parse_sanding(read_source(REFORM))
    assert parsed.successions == [Succession("青山县城市管理局", "renamed", "将青山县城市管理局更名为青山县城市管理和综合执法局。",
                                             Located(3, "第二条"))]
    # The definition after the reform sentence is still read.
    assert (parsed.department_kind, parsed.rank) == ("政府工作部门", "正科级")
    assert example("qingshan_chengguan.txt").successions == []


def _departments(store: Store) -> list[tuple[str, int, int]]:
    return [(row["department"], row["staff_quota"], row["duties"])
            for row in catalog.run(store, "departments", {"region": COUNTY})]


def _load(store: Store, *paths: Path) -> list[SuccessionLine]:
    successions = []
    for path in paths:
        report = ingest([path], store, region=CITY)
        assert report.failed == []
        successions += report.successions
    return successions


def test_the_old_bureau_is_no_longer_current(store: Store) -> None:
    lines = _load(store, OLD, REFORM)
    assert lines == [SuccessionLine(OLD_NAME, NEW_NAME, "renamed", "2024-04-01",
                                    "《青山县城市管理和综合执法局职能配置、内设机构和人员编制规定》第二条", True)]
    assert _departments(store) == [(NEW_NAME, 20, 9)]
    assert [row["department"] for row in catalog.run(store, "department_load", {"region": COUNTY})] == [NEW_NAME]
    assert {row["department"] for row in catalog.run(store, "region_duties", {"region": COUNTY})} == {NEW_NAME}
    # The renamed bureau's duties read like its successor's, but they are one body's work, not an overlap.
    assert catalog.run(store, "similar_duties", {"region": COUNTY}) == []
    assert [overlaps(store, scope=scope, region=COUNTY) for scope in ("departments", "offices")] == [[], []]
    assert [row["departments"] for row in catalog.run(store, "regions") if row["path"] == COUNTY] == [1]
    # Its profile still answers, and says what became of it; its successor's says what it replaced.
    assert department_profile(store, OLD_NAME)["department"]["succession"] == f"已更名为{NEW_NAME}（2024-04-01）"
    assert department_profile(store, NEW_NAME)["department"]["succession"] == f"由{OLD_NAME}更名而来（2024-04-01）"
    # A short form both names could mean is the body there now.
    assert department_profile(store, "县城管局")["department"]["name"] == NEW_NAME


def test_the_load_order_does_not_matter(store: Store, other_store: Store) -> None:
    _load(store, OLD, REFORM)
    _load(other_store, REFORM, OLD)
    assert whole_graph(store) == whole_graph(other_store)
    assert _departments(other_store) == [(NEW_NAME, 20, 9)]


def test_a_predecessor_never_loaded_is_kept_by_its_name(store: Store) -> None:
    lines = _load(store, REFORM)
    assert [(line.predecessor, line.loaded) for line in lines] == [(OLD_NAME, False)]
    rows = store.read("MATCH (p:Department)-[s:SUCCEEDED_BY]->(d:Department) RETURN p.uid AS uid, p.unresolved AS "
                      "unresolved, d.name AS successor, s.kind AS kind, s.date AS date")
    assert rows == [{"uid": OLD_UID, "unresolved": True, "successor": NEW_NAME, "kind": "renamed",
                     "date": "2024-04-01"}]
    assert _departments(store) == [(NEW_NAME, 20, 9)]


def _exercised(store: Store) -> list[tuple[str, str, str | None]]:
    return [(row["department"], row["item"], row["moved"]) for row in store.read(
        "MATCH (d:Department)-[e:EXERCISES]->(p:PowerItem) RETURN d.name AS department, p.name AS item, "
        "e.redirected_from AS moved ORDER BY item")]


def test_a_list_naming_the_old_bureau_names_its_successor(store: Store, other_store: Store) -> None:
    _load(store, OLD, POWER_LIST, REFORM)  # the list before the reform
    _load(other_store, OLD, REFORM, POWER_LIST)  # and after it
    # The old name's rows move to the successor, marked with the body they named (taking the reform out moves them
    # back). After the reform, the short form 城管局, which reads as either bureau, is the successor's as it is read,
    # and says which body it also named: taking the reform out moves it back too.
    assert _exercised(store) == [(NEW_NAME, "城市建筑垃圾处置核准", OLD_UID), (NEW_NAME, "户外广告设施设置审批", OLD_UID)]
    assert _exercised(other_store) == _exercised(store)
    load = catalog.run(store, "department_load", {"region": COUNTY})
    assert [(row["department"], row["power_items"]) for row in load] == [(NEW_NAME, 2)]


def test_removing_the_reform_restores_the_old_bureau(store: Store) -> None:
    _load(store, OLD, POWER_LIST, REFORM)
    remove(store, find_documents(store, [str(REFORM)]))
    assert _departments(store) == [(OLD_NAME, 12, 4)]
    assert store.read("MATCH ()-[s:SUCCEEDED_BY]->() RETURN count(s) AS n") == [{"n": 0}]
    assert _exercised(store) == [(OLD_NAME, "城市建筑垃圾处置核准", None), (OLD_NAME, "户外广告设施设置审批", None)]
    assert store.read("MATCH (d:Department {name: $name}) RETURN d.uid AS uid", {"name": NEW_NAME}) == []


def _parties(store: Store) -> list[tuple[str, str, str, str | None, str]]:
    return sorted((row["matter"], row["role"], row["department"], row["formerly"], row["source"].split("#")[1])
                  for row in catalog.run(store, "matter_parties", {"region": COUNTY}))


def test_a_clause_naming_the_old_bureau_names_its_successor(store: Store) -> None:
    # 住建局's 三定 is still in force: its 县城市管理局牵头 is the successor's lead now, as the list's 青山县城管局 is. Left
    # on the old bureau, 建筑垃圾处置 read as led by two bodies (conflicting_leads) that are one.
    _load(store, OLD, ZHUJIAN, BOUNDARY, REFORM)
    assert _parties(store) == [
        ("城市道路挖掘管理", "ASSISTS", ZHUJIAN_NAME, None, "第3行"),
        ("城市道路挖掘管理", "ASSISTS", NEW_NAME, OLD_NAME, "第六条(二)"),
        ("城市道路挖掘管理", "LEADS", ZHUJIAN_NAME, None, "第六条(二)"),
        ("城市道路挖掘管理", "LEADS", NEW_NAME, OLD_NAME, "第3行"),
        ("建筑垃圾处置的监督管理", "ASSISTS", ZHUJIAN_NAME, None, "第2行"),
        ("建筑垃圾处置的监督管理", "ASSISTS", ZHUJIAN_NAME, None, "第六条(一)"),
        ("建筑垃圾处置的监督管理", "LEADS", NEW_NAME, OLD_NAME, "第2行"),
        ("建筑垃圾处置的监督管理", "LEADS", NEW_NAME, OLD_NAME, "第六条(一)"),
    ]
    # The clause's own words are unchanged.
    assert {row["text"] for row in catalog.run(store, "matter_parties", {"region": COUNTY})
            if row["source"].endswith("第六条(一)")} == {"县城市管理局牵头负责建筑垃圾处置的监督管理，县住房和城乡建设局配合。"}
    assert [(row["matter"], row["leads"]) for row in catalog.run(store, "lead_matters")] == [
        ("城市道路挖掘管理", [ZHUJIAN_NAME, NEW_NAME]), ("建筑垃圾处置的监督管理", [NEW_NAME])]
    assert sorted((row["text"], row["department"]) for row in catalog.run(store, "matter_assists")) == [
        ("城市道路挖掘管理", ZHUJIAN_NAME), ("城市道路挖掘管理", NEW_NAME), ("建筑垃圾处置的监督管理", ZHUJIAN_NAME),
        ("建筑垃圾处置的监督管理", ZHUJIAN_NAME)]
    assert _findings(store) == [("城市道路挖掘管理", "conflicting_leads", [ZHUJIAN_NAME, NEW_NAME],
                                 [ZHUJIAN_NAME, NEW_NAME], [f"{NEW_NAME}（原为{OLD_NAME}）"])]
    # The report gives the old name a column of its own, where a reform renamed a party.
    [section] = [section for section in build_report(store, region=COUNTY).sections
                 if section.key == "host_assist_ambiguities"]
    assert (section.columns[-1], [row["formerly"] for row in section.rows]) == (
        "formerly", [[f"{NEW_NAME}（原为{OLD_NAME}）"]])


def _findings(store: Store) -> list[tuple[str, str, list[str], list[str], list[str]]]:
    return [(row["matter"], row["reason"], row["leads"], row["assists"], row["formerly"])
            for row in host_assist_ambiguities(store, COUNTY)]


def test_removing_the_reform_gives_back_the_graph_without_it(store: Store, other_store: Store) -> None:
    # The clauses and rows that named the old bureau, by its name or by a short form read after the reform, go back.
    _load(store, OLD, ZHUJIAN, POWER_LIST, REFORM, BOUNDARY)
    remove(store, find_documents(store, [str(REFORM)]))
    _load(other_store, OLD, ZHUJIAN, POWER_LIST, BOUNDARY)
    assert _findings(store) == _findings(other_store) == [
        ("城市道路挖掘管理", "conflicting_leads", [ZHUJIAN_NAME, OLD_NAME], [ZHUJIAN_NAME, OLD_NAME], []),
        ("城市道路挖掘管理", "lead_without_mandate", [ZHUJIAN_NAME, OLD_NAME], [ZHUJIAN_NAME, OLD_NAME], [])]
    assert _parties(store) == _parties(other_store)
    assert _exercised(store) == [(OLD_NAME, "城市建筑垃圾处置核准", None), (OLD_NAME, "户外广告设施设置审批", None)]
    assert whole_graph(store) == whole_graph(other_store)


def test_a_list_loaded_with_the_reform_reads_the_short_form_as_it_would_after(store: Store, other_store: Store) -> None:
    _load(store, OLD)
    assert ingest([REFORM, POWER_LIST], store, region=CITY).failed == []
    _load(other_store, OLD, REFORM, POWER_LIST)
    assert _exercised(store) == _exercised(other_store)


def test_the_old_bureau_s_short_names_open_its_successor(store: Store) -> None:
    _load(store, OLD, POWER_LIST, REFORM)
    # 青山县城管局, which the list wrote for the old bureau (its alias), and its base name: the bureau there now.
    for name in ("青山县城管局", "城市管理局"):
        assert find_department(store, name)["name"] == NEW_NAME
    # Its full name still opens its own profile, which says what became of it.
    assert find_department(store, OLD_NAME)["name"] == OLD_NAME


NOTICE = FIXTURES / "qingshan_zhifa_notice_2024.txt"  # 调整通知: 将青山县城市管理局更名为…, 不再保留青山县园林局
NOTICE_TITLE = "《关于调整青山县城市管理和综合执法局职责机构编制的通知》"


def test_a_notice_renaming_or_merging_a_body_is_a_succession(store: Store, other_store: Store) -> None:
    from ingest.readers import read_source
    from ingest.sanding import parse_sanding

    parsed = parse_sanding(read_source(NOTICE))
    assert [(record.predecessor, record.kind, record.where) for record in parsed.successions] == [
        ("青山县城市管理局", "renamed", Located(3, "一、")), ("青山县园林局", "absorbed", Located(4, "二、"))]
    # A body merged into the department is no work it cancelled (the notice's other readings are unchanged).
    assert [(change.kind, change.where.locator) for change in parsed.changes] == [
        ("reform", "一、"), ("reform", "二、"), ("transferred_in", "三、")]
    lines = _load(store, OLD, ZHUJIAN, BOUNDARY, NOTICE)
    assert lines == [
        SuccessionLine("青山县园林局", NEW_NAME, "absorbed", "2024-03-18", f"{NOTICE_TITLE}二、", False),
        SuccessionLine(OLD_NAME, NEW_NAME, "renamed", "2024-03-18", f"{NOTICE_TITLE}一、", True)]
    assert [row["department"] for row in catalog.run(store, "departments", {"region": COUNTY})] == [
        ZHUJIAN_NAME, NEW_NAME]
    # No 三定 of its own: the renamed bureau's duties and offices are its (ingest.carried), with the notice's totals.
    assert _departments(store)[1] == (NEW_NAME, 16, 5)
    assert ("城市道路挖掘管理", "conflicting_leads", [ZHUJIAN_NAME, NEW_NAME], [ZHUJIAN_NAME, NEW_NAME],
            [f"{NEW_NAME}（原为{OLD_NAME}）"]) in _findings(store)
    remove(store, find_documents(store, [str(NOTICE)]))
    _load(other_store, OLD, ZHUJIAN, BOUNDARY)
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)
