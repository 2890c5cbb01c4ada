"""机构改革 by notice alone (ingest.carried): a rename or merger that no 三定 of the successor states leaves it the old
body's duties (a rename: its offices and staffing too), cited from the old 三定 with the notice as the ground; a 调整
notice titled with the old name after the reform is the successor's (ingest.renamed_notices).

The fixtures (tests/fixtures/succession_notice) are 白河县's: 文化和旅游局's 2019 三定 and a 2024 notice renaming it
文化广电和旅游局 (关于将…更名为…的通知, nothing else), a later notice titled with the old name (关于调整白河县文化和旅游局
职责的通知: a duty moved in from 教育局, 调整后 totals); 体育局's 2018 三定, 教育局's 2019 三定 and a 2024 notice merging
体育局 into 教育局 (将白河县体育局的职责划入白河县教育局，不再保留白河县体育局).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.carried import Carrying, carrying
from ingest.pipeline import ingest
from ingest.readers import read_source
from ingest.regions import Region
from ingest.removal import find_documents, remove
from ingest.sanding import parse_sanding
from queries import catalog
from queries.profile import department_profile
from queries.sources import document_titles, readable_source
from queries.staffing import staffing_load
from queries.who_handles import who_handles
from tests.ingest.conftest import whole_graph, whole_graph_but_contains_source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "succession_notice"
WENLV = FIXTURES / "baihe_wenlv_2019.txt"
RENAME = FIXTURES / "baihe_rename_notice_2024.txt"
OLD_NAME_NOTICE = FIXTURES / "baihe_old_name_notice_2024.txt"
TIYU = FIXTURES / "baihe_tiyu_2018.txt"
JIAOYU = FIXTURES / "baihe_jiaoyu_2019.txt"
MERGE = FIXTURES / "baihe_tiyu_merge_2024.txt"
CITY = Region(("示例市",))
COUNTY = "示例市/白河县"
OLD, NEW = "白河县文化和旅游局", "白河县文化广电和旅游局"
WENLV_SANDING = "《白河县文化和旅游局职能配置、内设机构和人员编制规定》"
RENAME_GROUND = "《关于将白河县文化和旅游局更名为白河县文化广电和旅游局的通知》line 4"
MERGE_GROUND = "《关于调整白河县教育局职责机构编制的通知》一、"


def _load(store: Store, *paths: Path) -> None:
    for path in paths:
        assert ingest([path], store, region=CITY).failed == []


def test_a_rename_notice_and_a_notice_on_duties_alone_are_read() -> None:
    rename = parse_sanding(read_source(RENAME))
    assert (rename.department, rename.kind_of_document, rename.dated) == (NEW, "amendment", "2024-05-10")
    # The title says the rename the text states: one succession, from the text's sentence.
    assert [(record.predecessor, record.kind, record.where.locator) for record in rename.successions] == [
        (OLD, "renamed", "line 4")]
    later = parse_sanding(read_source(OLD_NAME_NOTICE))
    assert (later.department, later.kind_of_document, later.staffing.admin_quota if later.staffing else None) == (
        OLD, "amendment", 13)
    assert [(change.kind, change.subject) for change in later.changes] == [("transferred_in", "校外文艺培训监督管理")]


def cite(store: Store, source: str) -> str:
    return readable_source(source, document_titles(store))


def _duties(store: Store, department: str) -> list[tuple[str, str, str, str, str]]:
    return sorted((row["office"], row["text"][:13], cite(store, row["source"]), row["carried_from"],
                   cite(store, row["ground_source"]) if row["ground_source"] else "")
                  for row in catalog.run(store, "department_duties", {"department": department}))


def _departments(store: Store, date: str) -> list[tuple[Any, ...]]:
    """`departments`' rows: the figures a rename carries, and `date` (issued or reform_date)."""
    return [(row["department"], row["kind"], row["rank"], row["staff_quota"], row["leader_posts"],
             row["office_leader_posts"], row["offices"], row["duties"], row[date])
            for row in catalog.run(store, "departments", {"region": COUNTY})]


def test_a_rename_by_notice_alone_carries_the_old_body_s_duties_offices_and_staffing(store: Store) -> None:
    _load(store, WENLV, RENAME)
    assert _duties(store, NEW) == [
        ("", "完成县委、县政府交办的其他", f"{WENLV_SANDING}第三条(四)", OLD, RENAME_GROUND),
        ("", "负责全县文物保护和考古工作", f"{WENLV_SANDING}第三条(一)", OLD, RENAME_GROUND),
        ("", "负责全县旅游景区的质量等级", f"{WENLV_SANDING}第三条(二)", OLD, RENAME_GROUND),
        ("", "负责全县营业性演出和娱乐场", f"{WENLV_SANDING}第三条(三)", OLD, RENAME_GROUND),
        ("办公室", "负责机关日常运转和财务、人", f"{WENLV_SANDING}第四条(一)", OLD, RENAME_GROUND),
        ("文化市场股", "负责营业性演出和娱乐场所的", f"{WENLV_SANDING}第四条(三)", OLD, RENAME_GROUND),
        ("文物旅游股", "负责文物保护监督管理和旅游", f"{WENLV_SANDING}第四条(二)", OLD, RENAME_GROUND),
    ]
    assert _departments(store, "issued") == [(NEW, "政府工作部门", "正科级", 11, 3, 3, 3, 4, "")]
    assert [(row["department"], row["staff_quota"], row["offices"], row["duties"], row["duties_per_post"],
             row["checks"]) for row in staffing_load(store, COUNTY)] == [
        (NEW, 11, 3, 3, 0.273, [f"职责数含承继自{OLD}的职责3项（机构改革）"])]
    profile = department_profile(store, NEW)
    assert (profile["department"]["staff_quota"], profile["department"]["succession"]) == (
        11, f"由{OLD}更名而来（2024-05-10）")
    assert [entry["carried_from"] for entries in profile["duties_by_category"].values() for entry in entries] == [OLD] * 4
    [first] = who_handles(store, "景区游客安全隐患没人管", limit=1)
    assert (first["department"], [cite(store, item["source"]) for item in first["evidence"]]) == (
        NEW, [f"{WENLV_SANDING}第三条(二)", f"{WENLV_SANDING}第四条(二)"])


def test_a_merger_by_notice_carries_the_merged_body_s_duties_past_the_successor_s_older_sanding(store: Store) -> None:
    # 体育局's 三定 (2018) is older than 教育局's (2019): its duties are 教育局's from the notice on all the same.
    _load(store, TIYU, JIAOYU, MERGE)
    assert [row for row in _duties(store, "白河县教育局") if row[3]] == [
        ("", "完成县委、县政府交办的其他", "《白河县体育局职能配置、内设机构和人员编制规定》第三条(三)", "白河县体育局", MERGE_GROUND),
        ("", "负责全县经营高危险性体育项", "《白河县体育局职能配置、内设机构和人员编制规定》第三条(二)", "白河县体育局", MERGE_GROUND),
        ("", "负责全县群众体育工作，推行", "《白河县体育局职能配置、内设机构和人员编制规定》第三条(一)", "白河县体育局", MERGE_GROUND),
    ]
    # A merger carries the duties, not the offices or the staffing: the notice's 调整后 totals are 教育局's.
    assert [(row["department"], row["staff_quota"], row["offices"], row["duties"])
            for row in catalog.run(store, "department_load", {"region": COUNTY})] == [("白河县教育局", 19, 2, 5)]


def test_a_notice_titled_with_the_old_name_after_the_reform_is_the_successor_s(store: Store, other_store: Store) -> None:
    _load(store, WENLV, RENAME, OLD_NAME_NOTICE)
    report = ingest([WENLV, RENAME, OLD_NAME_NOTICE], other_store, region=CITY)  # one run: the reform is read first
    notes = [note for outcome in report.outcomes for note in outcome.warnings]
    assert notes == [f"notice titled with {OLD}, which {NEW} replaced on 2024-05-10: read as {NEW}'s / "
                     f"通知标题所称{OLD}已于2024-05-10更名或并入{NEW}，按后者的通知载入"]
    for graph in (store, other_store):
        assert ("", "校外文艺培训监督管理", "《关于调整白河县文化和旅游局职责的通知》一、", "", "") in _duties(graph, NEW)
        assert [(row["department"], row["staff_quota"], row["offices_stated"], row["duties"])
                for row in catalog.run(graph, "department_load", {"region": COUNTY})] == [(NEW, 13, 3, 4)]
    assert whole_graph(store) == whole_graph(other_store)


def test_a_notice_titled_with_the_old_name_loaded_before_the_reform_still_reads_as_the_successor_s(
        store: Store) -> None:
    # Loaded first, it is the old body's until the reform loads: then it is read again, as the successor's own.
    _load(store, WENLV, OLD_NAME_NOTICE, RENAME)
    assert ("", "校外文艺培训监督管理", "《关于调整白河县文化和旅游局职责的通知》一、", "", "") in _duties(store, NEW)


@pytest.mark.parametrize("removed", [[RENAME], [MERGE], [RENAME, MERGE]])
def test_removing_the_notice_gives_back_the_graph_without_it(store: Store, other_store: Store,
                                                              removed: list[Path]) -> None:
    everything = [WENLV, TIYU, JIAOYU, RENAME, MERGE]
    _load(store, *everything)
    remove(store, find_documents(store, [str(path) for path in removed]))
    _load(other_store, *(path for path in everything if path not in removed))
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)
    assert _duties(store, "白河县教育局") == _duties(other_store, "白河县教育局")


def _edge(predecessor: str, successor: str, source: str, date: str, ground: str, issued: str = "") -> dict[str, Any]:
    return {"predecessor": predecessor, "successor": successor, "source": source, "date": date, "ground": ground,
            "successor_issued": issued}


def test_which_edge_carries() -> None:
    assert carrying([
        # A notice, the successor without a 三定: all the old body's current duties.
        _edge("a", "b", "n1#一、", "2024-05-10", "amendment"),
        # A notice, but the successor's 三定 is later: what the old body was given after that 三定 only.
        _edge("c", "d", "n2#一、", "2024-05-10", "amendment", "2024-09-01"),
        # The successor's own 三定 states the reform: the same.
        _edge("e", "f", "s1#第二条", "2024-04-01", "sanding", "2024-04-01"),
        # The same reform stated by the successor's 三定 and by a notice after it: the notice's edge, wholly.
        _edge("g", "h", "s2#第二条", "2024-04-01", "sanding", "2024-04-01"),
        _edge("g", "h", "n3#一、", "2024-06-01", "amendment", "2024-04-01"),
        # A body split among two successors carries nothing.
        _edge("i", "j", "n4#一、", "2024-05-10", "amendment"),
        _edge("i", "k", "n4#二、", "2024-05-10", "amendment"),
    ]) == {
        ("a", "n1#一、"): Carrying(True, None), ("c", "n2#一、"): Carrying(True, "2024-09-01"),
        ("e", "s1#第二条"): Carrying(True, "2024-04-01"),
        ("g", "s2#第二条"): Carrying(False, None), ("g", "n3#一、"): Carrying(True, None),
        ("i", "n4#一、"): Carrying(False, None), ("i", "n4#二、"): Carrying(False, None),
    }


CHAIN = FIXTURES / "baihe_wenguang_merge_2024.txt"  # 文化广电和旅游局 (a rename's successor) merged into 教育局
SHIYAN = FIXTURES / "baihe_shichangjianguan_2019.txt"  # 市场监督管理局: 营业性演出和娱乐场所 too
CHAIN_GROUND = "《关于调整白河县教育局职责机构编制的通知》一、"
SHIYAN_SANDING = "《白河县市场监督管理局职能配置、内设机构和人员编制规定》"


def test_a_chain_of_reforms_carries_on(store: Store) -> None:
    # 文化和旅游局 → 文化广电和旅游局 (a rename by notice) → 教育局 (a merger by notice): 教育局 carries what
    # 文化广电和旅游局 carried, cited from the first body's 三定, the last step's clause the ground; a merger
    # carries no offices.
    _load(store, WENLV, RENAME, JIAOYU, CHAIN)
    assert [row for row in _duties(store, "白河县教育局") if row[3]] == [
        ("", "完成县委、县政府交办的其他", f"{WENLV_SANDING}第三条(四)", OLD, CHAIN_GROUND),
        ("", "负责全县文物保护和考古工作", f"{WENLV_SANDING}第三条(一)", OLD, CHAIN_GROUND),
        ("", "负责全县旅游景区的质量等级", f"{WENLV_SANDING}第三条(二)", OLD, CHAIN_GROUND),
        ("", "负责全县营业性演出和娱乐场", f"{WENLV_SANDING}第三条(三)", OLD, CHAIN_GROUND),
    ]
    # 教育局's own 3 and the 3 it carries, boilerplate aside; 2 offices of its own; it alone is current.
    assert [(row["department"], row["offices"], row["duties"])
            for row in catalog.run(store, "department_load", {"region": COUNTY})] == [("白河县教育局", 2, 6)]
    [first] = who_handles(store, "景区游客安全隐患没人管", limit=1)
    assert first["department"] == "白河县教育局"


def test_removing_the_middle_of_a_chain_gives_back_the_graph_without_it(store: Store, other_store: Store) -> None:
    _load(store, WENLV, RENAME, JIAOYU, CHAIN)
    remove(store, find_documents(store, [str(RENAME)]))
    _load(other_store, WENLV, JIAOYU, CHAIN)
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)
    # Without the rename, 文化和旅游局 is current again and 文化广电和旅游局 (known by the merger alone) holds nothing.
    assert [row for row in _duties(store, "白河县教育局") if row[3]] == []
    assert [row["department"] for row in catalog.run(store, "departments", {"region": COUNTY})] == [
        "白河县教育局", OLD]


def _members(clusters: list[dict[str, Any]], store: Store) -> list[list[tuple[str, str, str, str]]]:
    return [[(member["department"], member["duty"][:13], cite(store, member["source"]), member["carried_from"])
             for member in cluster["members"]] for cluster in clusters]


def test_overlaps_read_a_carried_duty_as_the_successor_s(store: Store) -> None:
    from queries.overlaps import overlaps

    _load(store, WENLV, RENAME, SHIYAN)
    expected = [[("白河县市场监督管理局", "负责全县营业性演出和娱乐场", f"{SHIYAN_SANDING}第三条(二)", ""),
                 (NEW, "负责全县营业性演出和娱乐场", f"{WENLV_SANDING}第三条(三)", OLD)]]
    assert _members(overlaps(store, region=COUNTY), store) == expected
    assert _members(overlaps(store, department=NEW), store) == expected
    assert _members(overlaps(store, department="白河县市场监督管理局"), store) == expected
    # Through the chain, the same clause is 教育局's; the old bodies are no holders.
    _load(store, JIAOYU, CHAIN)
    expected = [[("白河县市场监督管理局", "负责全县营业性演出和娱乐场", f"{SHIYAN_SANDING}第三条(二)", ""),
                 ("白河县教育局", "负责全县营业性演出和娱乐场", f"{WENLV_SANDING}第三条(三)", OLD)]]
    assert _members(overlaps(store, region=COUNTY), store) == expected
    assert _members(overlaps(store, department="白河县教育局"), store) == expected


def test_a_carried_duty_the_successor_restates_is_one_duty_in_overlaps(store: Store, tmp_path: Path) -> None:
    """教育局's own 三定 states the 营业性演出 work too: the clause it carries from 文化和旅游局 is that duty already, so
    the overlap with 市场监督管理局 names 教育局 once, by its own clause, not again as carried (alike at the query's
    threshold; the restating duty is found by its `holder`, ingest.records.office_uid)."""
    from queries.overlaps import overlaps

    restating = tmp_path / "baihe_jiaoyu_2019.txt"
    restating.write_text(JIAOYU.read_text(encoding="utf-8").replace(
        "（三）负责全县校外培训机构的审批和监督管理。", "（三）负责全县校外培训机构的审批和监督管理。\n"
        "（四）负责全县营业性演出和娱乐场所的审批和监督管理。").replace("（四）完成县委", "（五）完成县委"),
        encoding="utf-8")
    _load(store, WENLV, RENAME, SHIYAN, restating, CHAIN)
    expected = [[("白河县市场监督管理局", "负责全县营业性演出和娱乐场", f"{SHIYAN_SANDING}第三条(二)", ""),
                 ("白河县教育局", "负责全县营业性演出和娱乐场", "《白河县教育局职能配置、内设机构和人员编制规定》第三条(四)", "")]]
    assert _members(overlaps(store, region=COUNTY), store) == expected
    assert _members(overlaps(store, department="白河县教育局"), store) == expected


def test_a_carried_duty_no_office_of_the_successor_carries_out_is_undecomposed(store: Store) -> None:
    from queries.undecomposed import undecomposed_duties

    _load(store, WENLV, RENAME, JIAOYU, CHAIN)
    # The merger brings no offices: 文化和旅游局's duties are 教育局's to hand down. 文化和旅游局 itself is gone.
    assert [(row["department"], row["ordinal"], row["text"][:13], row["carried_from"])
            for row in undecomposed_duties(store, None) if row["kind"] == "duty_without_office"] == [
        ("白河县教育局", 1, "负责全县文物保护和考古工作", OLD),
        ("白河县教育局", 2, "负责全县中小学校舍安全和校", ""),
        ("白河县教育局", 2, "负责全县旅游景区的质量等级", OLD),
        ("白河县教育局", 3, "负责全县营业性演出和娱乐场", OLD),
    ]


def test_a_renamed_body_s_offices_carry_out_its_duties_for_the_successor(store: Store) -> None:
    from queries.undecomposed import undecomposed_duties

    _load(store, WENLV, RENAME)
    assert [row for row in undecomposed_duties(store, None) if row["kind"] == "duty_without_office"] == []


def test_a_notice_only_successor_shows_its_reform_date_not_a_sanding_date(store: Store) -> None:
    _load(store, WENLV, RENAME, TIYU, JIAOYU, MERGE)
    # 教育局 has a 三定 of its own: its date, no 机构改革日期; 文化广电和旅游局 has none: the notice's date.
    assert [(row["department"], row["issued"], row["reform_date"])
            for row in catalog.run(store, "departments", {"region": COUNTY})] == [
        ("白河县教育局", "2019-06-01", ""), (NEW, "", "2024-05-10")]
    facts = department_profile(store, NEW)["department"]
    assert (facts["issued"], facts["reform_date"]) == ("", "2024-05-10")
    assert department_profile(store, "白河县教育局")["department"]["reform_date"] == ""


def test_the_profile_s_files_say_what_each_duty_is_carried_from(store: Store) -> None:
    from api.tabular import file_tables, table_sections
    from queries.export import to_csv

    _load(store, WENLV, RENAME)
    tables = file_tables("department_profile", department_profile(store, NEW))
    [duties, offices, facts] = table_sections("department_profile", tables, ["duties", "offices", "facts"])
    for section in (duties, offices):
        header, first = to_csv(section).decode("utf-8-sig").splitlines()[:2]
        assert header.split(",")[-2:] == ["承继自（机构改革前部门）", "承继依据（调整通知条款）"]
        carried_from, ground = first.split(",")[-2:]  # the ground by its uid here: the API's files cite its title
        assert (carried_from, cite(store, ground)) == (OLD, RENAME_GROUND)
    header, row = to_csv(facts).decode("utf-8-sig").splitlines()[:2]
    assert dict(zip(header.split(","), row.split(","), strict=True))["机构改革日期（无本部门三定）"] == "2024-05-10"


def _as_read(store: Store) -> tuple[Any, ...]:
    """What the queries say of the county's departments, and the profile of the successor."""
    return ([(row["department"], row["staff_quota"], row["offices"], row["duties"], row["reform_date"])
             for row in catalog.run(store, "departments", {"region": COUNTY})],
            [(row["department"], row["staff_quota"], row["duties"],
              [(move["direction"], move["other"], move["staff"]) for move in row["staff_moves"]])
             for row in staffing_load(store, COUNTY)],
            [(row["department"], row["direction"], row["other"], row["staff"], cite(store, row["source"]))
             for row in catalog.run(store, "staff_moves", {"region": COUNTY})],
            {key: department_profile(store, NEW)["department"][key] for key in ("staff_quota", "offices_stated",
                                                                                 "succession")}
            if catalog.run(store, "department", {"name": NEW}) else None)


ORDERS = {"notice_first": [WENLV, OLD_NAME_NOTICE, RENAME, JIAOYU],
          "reform_first": [WENLV, RENAME, OLD_NAME_NOTICE, JIAOYU],
          "one_run": [JIAOYU, OLD_NAME_NOTICE, WENLV, RENAME]}
NOTICE_MOVE = "《关于调整白河县文化和旅游局职责的通知》一、"


@pytest.mark.parametrize("order", sorted(ORDERS))
def test_a_notice_titled_with_the_old_name_gives_one_graph_whatever_the_load_order(
        store: Store, other_store: Store, order: str) -> None:
    # Loaded before the reform, the notice was the old body's: its 调整后 totals and the post it moved stayed there.
    # Once the reform loads, the notice is read again, as the successor's.
    if order == "one_run":
        assert ingest(ORDERS[order], store, region=CITY).failed == []
    else:
        for path in ORDERS[order]:
            report = ingest([path], store, region=CITY)
            assert report.failed == []
            assert report.reread == ([f"《关于调整{OLD}职责的通知》 {OLD_NAME_NOTICE} (示例市/白河县, "
                                      f"{find_documents(store, [str(OLD_NAME_NOTICE)])[0].uid})"]
                                     if order == "notice_first" and path == RENAME else [])
    _load(other_store, WENLV, RENAME, JIAOYU, OLD_NAME_NOTICE)
    assert whole_graph(store) == whole_graph(other_store)
    assert _as_read(store) == _as_read(other_store) == (
        [("白河县教育局", 15, 2, 4, ""), (NEW, 13, 3, 5, "2024-05-10")],
        [("白河县教育局", 15, 3, [("moved_out", NEW, 1)]), (NEW, 13, 4, [])],
        [("白河县教育局", "out", NEW, 1, NOTICE_MOVE), (NEW, "in", "白河县教育局", 1, NOTICE_MOVE)],
        {"staff_quota": 13, "offices_stated": 3, "succession": f"由{OLD}更名而来（2024-05-10）"})


@pytest.mark.parametrize("order", ["notice_first", "reform_first"])
@pytest.mark.parametrize("removed", [RENAME, OLD_NAME_NOTICE, WENLV])
def test_removing_either_document_gives_the_graph_of_a_load_without_it(
        store: Store, other_store: Store, order: str, removed: Path) -> None:
    _load(store, *ORDERS[order])
    removal = remove(store, find_documents(store, [str(removed)]))
    # The reform gone, the notice read as its successor's is the old body's again.
    assert [document.path for document in removal.reread] == (
        [str(OLD_NAME_NOTICE)] if removed == RENAME else [])
    _load(other_store, *(path for path in ORDERS[order] if path != removed))
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)
    assert _as_read(store) == _as_read(other_store)


def test_a_notice_whose_file_is_gone_is_not_read_again(store: Store, tmp_path: Path) -> None:
    copy = tmp_path / OLD_NAME_NOTICE.name
    copy.write_bytes(OLD_NAME_NOTICE.read_bytes())
    _load(store, WENLV, copy)
    copy.unlink()
    report = ingest([RENAME], store, region=CITY)
    assert (report.reread, [label.split(" (")[0] for label in report.not_reread]) == (
        [], [f"《关于调整{OLD}职责的通知》 {copy}"])


SECOND_RENAME = FIXTURES / "baihe_wenti_rename_2024.txt"  # 文化广电和旅游局 renamed again, by a notice alone
THIRD = "白河县文化体育广电和旅游局"
SECOND_GROUND = "《关于将白河县文化广电和旅游局更名为白河县文化体育广电和旅游局的通知》line 4"


def test_two_renames_by_notice_look_back_to_the_first_body_s_offices_and_staffing(store: Store) -> None:
    # 文化和旅游局 → 文化广电和旅游局 → 文化体育广电和旅游局, each by a notice alone: the last has no 三定, and shows
    # the first body's offices (carried, from its 三定) and its staffing.
    _load(store, WENLV, RENAME, SECOND_RENAME)
    assert [row for row in _duties(store, THIRD) if row[0]] == [
        ("办公室", "负责机关日常运转和财务、人", f"{WENLV_SANDING}第四条(一)", OLD, SECOND_GROUND),
        ("文化市场股", "负责营业性演出和娱乐场所的", f"{WENLV_SANDING}第四条(三)", OLD, SECOND_GROUND),
        ("文物旅游股", "负责文物保护监督管理和旅游", f"{WENLV_SANDING}第四条(二)", OLD, SECOND_GROUND),
    ]
    assert _departments(store, "reform_date") == [(THIRD, "政府工作部门", "正科级", 11, 3, 3, 3, 4, "2024-10-08")]
    assert [(row["department"], row["staff_quota"], row["offices"], row["duties"], row["duties_per_post"])
            for row in staffing_load(store, COUNTY)] == [(THIRD, 11, 3, 3, 0.273)]
    facts = department_profile(store, THIRD)["department"]
    assert (facts["rank"], facts["staff_quota"], facts["leader_posts"], facts["offices_stated"]) == (
        "正科级", 11, 3, None)
    # The middle body's own figures (a notice's 调整后 totals) are the nearer: they win over the first body's.
    _load(store, OLD_NAME_NOTICE)
    assert [(row["department"], row["staff_quota"], row["offices"], row["duties"])
            for row in catalog.run(store, "departments", {"region": COUNTY})] == [(THIRD, 13, 3, 5)]
    facts = department_profile(store, THIRD)["department"]
    assert (facts["rank"], facts["staff_quota"], facts["offices_stated"]) == ("正科级", 13, 3)


def test_staffing_load_counts_the_duties_a_successor_carries_beside_those_a_notice_moved_in(store: Store) -> None:
    # 文化广电和旅游局 has no 三定: it holds 文化和旅游局's duties (3, boilerplate aside; 营业性演出, which 市场监督管理局's
    # 三定 words alike, is work every department has here) and the clause the notice titled with the old name moved
    # in. Counted on the moved clause alone it read 1 duty over 13 posts (0.077, z 0.00); on what it holds, 4 and 0.308.
    # Its 三定所列 are the 2 文化和旅游局's 三定 states of what it carries: the clause moved in takes them to 3.
    _load(store, WENLV, RENAME, OLD_NAME_NOTICE, JIAOYU, SHIYAN)
    assert [(row["department"], row["staff_quota"], row["duties"], row["duties_stated"],
             [change["status"] for change in row["duty_changes"]], row["duties_per_post"], row["robust_z"],
             row["checks"]) for row in staffing_load(store, COUNTY)] == [
        ("白河县市场监督管理局", 20, 1, 1, [], 0.05, -6.53, []),
        ("白河县教育局", 15, 3, 3, [], 0.2, 0.0, []),
        (NEW, 13, 3, 2, ["moved_in"], 0.231, 0.67, [f"职责数含承继自{OLD}的职责2项（机构改革）"]),
    ]


@pytest.mark.parametrize(("threshold", "carried"), [(0.5, ["负责全县营业性演出和娱乐场"]), (0.4, [])])
def test_whether_the_successor_restates_a_carried_duty_is_read_at_the_query_s_threshold(
        store: Store, tmp_path: Path, threshold: float, carried: list[str]) -> None:
    """教育局's own clause 负责全县营业性演出场所的安全监督管理 is alike at 0.44 to the 营业性演出 clause it carries from
    文化和旅游局: one duty from 0.44 down (read at 0.4), two above it (at 0.5, the default), whatever the default is."""
    from queries.registry import run_analysis

    restating = tmp_path / "baihe_jiaoyu_2019.txt"
    restating.write_text(JIAOYU.read_text(encoding="utf-8").replace(
        "（三）负责全县校外培训机构的审批和监督管理。", "（三）负责全县校外培训机构的审批和监督管理。\n"
        "（四）负责全县营业性演出场所的安全监督管理。").replace("（四）完成县委", "（五）完成县委"), encoding="utf-8")
    _load(store, WENLV, RENAME, restating, CHAIN)
    rows = run_analysis(store, "undecomposed_duties", {"threshold": threshold})
    assert [row["text"][:13] for row in rows if row["kind"] == "duty_without_office" and "营业性演出" in row["text"]
            and row["carried_from"]] == carried
    # The successor's own clause no office carries out is listed either way.
    assert [row["text"] for row in rows if row["kind"] == "duty_without_office" and not row["carried_from"]] == [
        "负责全县中小学校舍安全和校园周边安全的监督管理。", "负责全县营业性演出场所的安全监督管理。"]


def test_figures_borrowed_along_a_chain_of_renames_say_which_body_and_document_they_come_from(store: Store) -> None:
    """文化和旅游局 → 文化广电和旅游局 → 文化体育广电和旅游局, by notices alone: the last shows the first's figures, and
    once the middle body's notice (titled with the first's name) sets its 调整后 totals, those are the middle body's.
    staffing_load, the profile (部门概况) and the report say so (编制数据来源)."""
    from queries.export import to_markdown
    from queries.report import build_report

    _load(store, WENLV, RENAME, SECOND_RENAME)
    # Each figure cites the clause it was read from (the 三定's 第五条, the notice's item 二、), where the graph keeps
    # one; 规格 and the offices their document (before, every figure cited the document alone).
    first = (f"编制、领导职数、内设机构领导职数承继自{OLD}{WENLV_SANDING}第五条；规格、内设机构承继自{OLD}{WENLV_SANDING}")
    assert [(row["department"], row["staffing_from"]) for row in staffing_load(store, COUNTY)] == [(THIRD, first)]
    _load(store, OLD_NAME_NOTICE)
    two = (f"编制承继自{NEW}《关于调整白河县文化和旅游局职责的通知》二、；核定内设机构数承继自{NEW}《关于调整白河县文化和旅游局职责的通知》；"
           f"领导职数、内设机构领导职数承继自{OLD}{WENLV_SANDING}第五条；规格、内设机构承继自{OLD}{WENLV_SANDING}")
    assert [(row["department"], row["staff_quota"], row["staffing_from"])
            for row in staffing_load(store, COUNTY)] == [(THIRD, 13, two)]
    assert department_profile(store, THIRD)["department"]["staffing_from"] == two
    [section] = [section for section in build_report(store, region=COUNTY).sections if section.key == "staffing_load"]
    assert (section.columns[-1], [row["staffing_from"] for row in section.rows]) == ("staffing_from", [two])
    assert "编制数据来源" in to_markdown(build_report(store, region=COUNTY))
    # A department that states its own figures borrows none: 教育局, with its 三定, says nothing.
    _load(store, JIAOYU)
    assert [(row["department"], row["staffing_from"]) for row in staffing_load(store, COUNTY)] == [
        ("白河县教育局", ""), (THIRD, two)]
    assert department_profile(store, "白河县教育局")["department"]["staffing_from"] == ""
