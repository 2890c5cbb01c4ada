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


def _items(store: Store) -> list[tuple[str, str]]:
    return [(row["uid"], row["department"]) for row in store.read(
        "MATCH (p:PowerItem) RETURN p.uid AS uid, p.department AS department ORDER BY uid")]


def test_a_list_naming_the_old_bureau_names_its_successor(store: Store, other_store: Store) -> None:
    _load(store, OLD, POWER_LIST, REFORM)  # the list before the reform
    _load(other_store, OLD, REFORM, POWER_LIST)  # and after it
    # The old name's rows move to the successor, marked with the body they named (taking the reform out moves them
    # back). After the reform, the short form 城管局, which reads as either bureau, is the successor's as it is read,
    # and says which body it also named: taking the reform out moves it back too.
    assert _exercised(store) == [(NEW_NAME, "城市建筑垃圾处置核准", OLD_UID), (NEW_NAME, "户外广告设施设置审批", OLD_UID)]
    assert _exercised(other_store) == _exercised(store)
    # And the items are the same nodes: the body the list named, the short form's too (it named the successor's
    # uid when read after the reform, so the two orders gave two graphs).
    assert _items(other_store) == [(f"power:{COUNTY}/城市管理局/QS-CG-001", OLD_UID),
                                   (f"power:{COUNTY}/城市管理局/QS-CG-002", OLD_UID)]
    assert whole_graph(store) == whole_graph(other_store)
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


# A 2021 notice moving 住建局's 燃气 work into 城市管理局 (a 三定 of its own: its 2019 one) and its 供水 work into 园林局
# (none), before the 2024 reform: 城市管理局 renamed by its successor's 三定, 园林局 merged into it by a notice.
GAS_NOTICE = FIXTURES / "qingshan_zhujian_notice_2021.txt"
ZHIFA_NOTICE = FIXTURES / "qingshan_zhifa_notice_2024.txt"
GAS = "小区燃气管道漏气安全隐患没人管"
WATER = "自来水供水水压不足没人管"
GAS_CLAUSE = "《关于调整青山县住房和城乡建设局职责机构编制的通知》一、"
WATER_CLAUSE = "《关于调整青山县住房和城乡建设局职责机构编制的通知》二、"


def _first(store: Store, text: str) -> tuple[str, str, str]:
    from queries.sources import document_titles, readable_source
    from queries.who_handles import who_handles

    [first] = who_handles(store, text, limit=1)
    evidence = first["evidence"][0]
    return first["department"], evidence["text"], readable_source(evidence["source"], document_titles(store))


def test_work_a_notice_moved_into_a_body_a_reform_replaced_since_is_its_successor_s_to_answer_for(store: Store) -> None:
    """Neither successor carries the moved work (a 三定 of its own, later than the notice, states its duties): the
    notice's clause went with the old body, no longer answered, and a 12345 complaint about gas leaks was answered on
    the successor's road clauses (4.3, no word of gas), about water pressure on its refuse clauses."""
    assert ingest([OLD, ZHUJIAN, GAS_NOTICE], store, region=CITY).failed == []
    assert _first(store, GAS) == (OLD_NAME, "城镇燃气经营许可和燃气安全监督管理", GAS_CLAUSE)
    assert _first(store, WATER) == ("青山县园林局", "城市供水节水监督管理", WATER_CLAUSE)
    assert ingest([ZHIFA_NOTICE, REFORM], store, region=CITY).failed == []
    assert _first(store, GAS) == (NEW_NAME, "城镇燃气经营许可和燃气安全监督管理", GAS_CLAUSE)
    assert _first(store, WATER) == (NEW_NAME, "城市供水节水监督管理", WATER_CLAUSE)


def test_who_handles_and_dispatch_answer_the_successor_on_the_command_line(tmp_path: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "DUTYGRAPH_STORE": f"embedded:{tmp_path / 'store'}", "COLUMNS": "200"}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "api.cli", *args], capture_output=True, text=True, env=env,
                              cwd=FIXTURES.parents[2], timeout=600, check=False)

    loaded = cli("ingest", str(OLD), str(ZHUJIAN), str(GAS_NOTICE), str(ZHIFA_NOTICE), str(REFORM), "--region", "示例市")
    assert loaded.returncode == 0, loaded.stderr
    answered = cli("query", "who_handles", "--param", f"text={GAS}", "--param", "limit=1", "--format", "json")
    assert [(row["department"], row["evidence"][0]["text"]) for row in json.loads(answered.stdout)] == [
        (NEW_NAME, "城镇燃气经营许可和燃气安全监督管理")]
    complaints = tmp_path / "complaints.txt"
    complaints.write_text(f"{GAS}\n{WATER}\n", encoding="utf-8")
    dispatched = cli("dispatch", str(complaints), "--region", "青山县", "--format", "json")
    # Water pressure meets 供水 alone of the moved clause's words: the successor, but weak (依据不足).
    assert [(row["line"], row["department"], row["weak"], row["evidence"]) for row in json.loads(dispatched.stdout)] == [
        (1, NEW_NAME, False, "城镇燃气经营许可和燃气安全监督管理"), (2, NEW_NAME, True, "城市供水节水监督管理")]


def test_work_a_sanding_moved_into_a_body_a_reform_replaced_since_is_its_successor_s(store: Store,
                                                                                    tmp_path: Path) -> None:
    """城市管理局's 2019 三定 takes the 燃气 work from 住建局 (将县住房和城乡建设局的…职责划入本局) that none of its clauses
    says (issued after 住建局's, which it binds); the 2024 三定 renames it: the move's receiver was answered by its old name, a body no longer there."""
    taking = tmp_path / "qingshan_chengguan_2019.txt"
    taking.write_text(OLD.read_text(encoding="utf-8").replace(
        "（四）完成县委",
        "（四）职能转变。将县住房和城乡建设局的城镇燃气经营许可和燃气安全监督管理职责划入本局。\n（五）完成县委").replace(
        "2019年3月20日", "2019年5月20日").replace("2019年4月1日", "2019年6月1日"), encoding="utf-8")
    assert ingest([taking, ZHUJIAN], store, region=CITY).failed == []
    move = ("城镇燃气经营许可和燃气安全监督管理", "《青山县城市管理局职能配置、内设机构和人员编制规定》第三条(四)")
    assert _first(store, GAS) == (OLD_NAME, *move)
    assert ingest([REFORM], store, region=CITY).failed == []
    assert _first(store, GAS) == (NEW_NAME, *move)


# A second reform after the first: 城市管理局 renamed 城市管理和综合执法局 (2024), which a 2025 notice merges into
# 住房和城乡建设局. The power list's row naming the first lands on the last wherever the list loads among the two
# reforms (before, one succession a load: loaded before both, the row ended on 住建局 marked as naming
# 城市管理和综合执法局, the body it was last moved from, not the one the list named), and taking the merger out gives
# the graph loaded without it. (The list's row is its full-name one: a short form 城管局 read after both reforms, and
# a merger notice loaded without the rename, which reads 城市管理和综合执法局 as 城市管理局, are the name resolver's.)
MERGED_INTO_ZHUJIAN = FIXTURES / "qingshan_zhujian_merge_notice_2025.txt"


@pytest.mark.parametrize("list_at", [0, 1, 2])
def test_a_chain_of_reforms_ends_on_its_last_body_wherever_the_list_loads(store: Store, other_store: Store,
                                                                         tmp_path: Path, list_at: int) -> None:
    full_name = tmp_path / "qingshan_quanze.csv"
    full_name.write_text("".join(line for line in POWER_LIST.read_text(encoding="utf-8").splitlines(keepends=True)
                                 if "城管局" not in line), encoding="utf-8")
    order = [REFORM, MERGED_INTO_ZHUJIAN]
    order.insert(list_at, full_name)
    _load(store, OLD, ZHUJIAN, *order)
    assert _exercised(store) == [(ZHUJIAN_NAME, "城市建筑垃圾处置核准", OLD_UID)]
    _load(other_store, OLD, ZHUJIAN, REFORM, MERGED_INTO_ZHUJIAN, full_name)
    assert whole_graph(store) == whole_graph(other_store)
    remove(store, find_documents(store, [str(MERGED_INTO_ZHUJIAN)]))
    assert _exercised(store) == [(NEW_NAME, "城市建筑垃圾处置核准", OLD_UID)]
    other_store.clear()
    other_store.apply_schema()
    _load(other_store, OLD, ZHUJIAN, *(path for path in order if path != MERGED_INTO_ZHUJIAN))
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)


@pytest.mark.parametrize("list_at", [0, 1, 2])
@pytest.mark.parametrize("merger_first", [False, True], ids=["rename-first", "merger-first"])
def test_a_short_form_read_after_both_reforms_is_the_chain_s(store: Store, other_store: Store, list_at: int,
                                                             merger_first: bool) -> None:
    """The list's 青山县城管局 (row 2), read once 城市管理局 was renamed and its successor merged into 住建局, fits both
    replaced bureaus: it was an unresolved party of its own, where its full-name row landed on 住建局. Now it is the
    last of them, naming 城市管理局 (`redirected_from`), as read between the reforms: on the chain's end as the full name
    is, wherever the list loads, the same graph in every order (its power items the body it named); taking the merger
    out gives both rows to 城市管理和综合执法局, the rename out gives them back to 城市管理局, the list out takes them. The merger notice loaded before the rename named 城市管理局 replaced (the abbreviation
    table reads 城市管理和综合执法局 so): it names 城市管理和综合执法局, the graph the same in every order."""
    order = [MERGED_INTO_ZHUJIAN, REFORM] if merger_first else [REFORM, MERGED_INTO_ZHUJIAN]
    order.insert(list_at, POWER_LIST)
    _load(store, OLD, ZHUJIAN, *order)
    assert _exercised(store) == [(ZHUJIAN_NAME, "城市建筑垃圾处置核准", OLD_UID), (ZHUJIAN_NAME, "户外广告设施设置审批", OLD_UID)]
    # The power items are the body the list named (城市管理局), however the short form read: the same nodes in every
    # order (before, the uid and `department` named the body it read as, so the graph differed with the order).
    assert _items(store) == [(f"power:{COUNTY}/城市管理局/QS-CG-001", OLD_UID),
                             (f"power:{COUNTY}/城市管理局/QS-CG-002", OLD_UID)]
    _load(other_store, OLD, ZHUJIAN, POWER_LIST, REFORM, MERGED_INTO_ZHUJIAN)
    assert whole_graph(store) == whole_graph(other_store)
    remove(store, find_documents(store, [str(MERGED_INTO_ZHUJIAN)]))
    assert _exercised(store) == [(NEW_NAME, "城市建筑垃圾处置核准", OLD_UID), (NEW_NAME, "户外广告设施设置审批", OLD_UID)]
    remove(store, find_documents(store, [str(REFORM)]))
    assert _exercised(store) == [(OLD_NAME, "城市建筑垃圾处置核准", None), (OLD_NAME, "户外广告设施设置审批", None)]
    remove(store, find_documents(store, [str(POWER_LIST)]))
    assert _items(store) == []


def test_a_run_reads_a_replaced_body_as_the_loaded_graph_does() -> None:
    """The merger notice names 城市管理和综合执法局 replaced, which the abbreviation table reads as 城市管理局, a body the
    run defines: the graph keeps it by its own name (`records.replaced_body`), and the run's resolver now reads it so
    too (`NameResolver.replaced_reading`, one reading). Before, the resolver marked 城市管理局 replaced by 住建局 for
    the rest of the run, so a list loaded with the notice read the bureau as the graph never would."""
    from ingest.names import NameResolver
    from ingest.records import replaced_body

    county = Region(("示例市", "青山县"))
    resolver = NameResolver()
    old = resolver.define(county, OLD_NAME, [])
    zhujian = resolver.define(county, ZHUJIAN_NAME, [])
    merged = "青山县城市管理和综合执法局"
    assert replaced_body(resolver, merged, county, zhujian.uid)[::4] == ("dept:示例市/青山县/城市管理和综合执法局", False)
    resolver.replaced(merged, county, zhujian)
    assert old.successors == ()
    # A short form spelling the bureau's name still reads as it, and a reform naming the bureau itself still counts.
    assert replaced_body(resolver, "县城管局", county, zhujian.uid)[::4] == (OLD_UID, True)
    resolver.replaced("县城管局", county, zhujian)
    assert old.successors == (zhujian.uid,)
