"""Duties a successor carries from a body a 机构改革 by notice replaced, which a later 调整 notice moves out: they count
for the receiver from the notice's date, not for the successor, as a 三定's own duty a notice moves out does
(`queries.in_force.duties_today`, `queries.duty_count`).

The fixtures (tests/fixtures/carried_moved_out) are 白河县's: 城市管理局's, 综合行政执法局's and 住房和城乡建设局's 2019
三定; a 2023 notice merging 城市管理局 into 综合行政执法局 (调整后 22 posts), then a 2024 notice moving 城镇燃气行业监督管理
from 综合行政执法局 to 住建局 with 2 posts. And the same move after a rename by notice alone (城市管理局 →
城市管理和综合执法局, no 三定 of its own), the move notice titled with the new name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.profile import department_profile
from queries.sources import document_titles, readable_source
from queries.staffing import staffing_load
from queries.who_handles import who_handles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "carried_moved_out"
CHENGGUAN, ZHIFA, ZHUJIAN = (FIXTURES / name for name in (
    "baihe_chengguan_2019.txt", "baihe_zhifa_2019.txt", "baihe_zhujian_2019.txt"))
MERGE, MOVE = FIXTURES / "baihe_zhifa_merge_2023.txt", FIXTURES / "baihe_zhifa_ranqi_2024.txt"
RENAME, RENAMED_MOVE = FIXTURES / "baihe_chengguan_rename_2023.txt", FIXTURES / "baihe_chengguan_ranqi_2024.txt"
COUNTY = "示例市/白河县"
OLD, SUCCESSOR, RENAMED = "白河县城市管理局", "白河县综合行政执法局", "白河县城市管理和综合执法局"
RECEIVER = "白河县住房和城乡建设局"
GAS = "负责全县城镇燃气行业的监督管理。"
MOVE_CLAUSE = "《关于调整白河县综合行政执法局职责的通知》一、"


def _load(store: Store, *paths: Path) -> None:
    for path in paths:
        assert ingest([path], store, region=Region(("示例市",))).failed == []


def _cite(store: Store, source: str | None) -> str | None:
    return readable_source(source, document_titles(store)) if source else source


def _load_rows(store: Store) -> list[tuple[Any, ...]]:
    return [(row["department"], row["staff_quota"], row["duties"], row["duties_stated"],
             [(change["status"], change["duty"], change["other"], _cite(store, change["source"]))
              for change in row["duty_changes"]], row["duties_per_post"], row["checks"])
            for row in staffing_load(store, COUNTY)]


def _carried(store: Store, department: str) -> list[tuple[str, str, str, str, str]]:
    """department_duties' carried rows: office, text, status, counterpart, carried_from."""
    return [(row["office"], row["text"], row["status"], row["counterpart"], row["carried_from"])
            for row in catalog.run(store, "department_duties", {"department": department}) if row["carried_from"]]


def test_a_carried_duty_a_later_notice_moves_out_counts_for_the_receiver(store: Store) -> None:
    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, MERGE)
    # Before the move: 执法局 holds its own 2 duties and 城管局's 3 (the catch-all aside), over the notice's 22 posts.
    assert _load_rows(store) == [
        (RECEIVER, 15, 2, 2, [], 0.133, []),
        (SUCCESSOR, 22, 5, 5, [], 0.227, [f"职责数含承继自{OLD}的职责3项（机构改革）"]),
    ]
    assert [row[2] for row in _carried(store, SUCCESSOR)] == ["current"] * 4
    _load(store, MOVE)
    # After: 燃气 is 住建局's (moved in, 2 posts with it), no longer 执法局's: 4 duties over 20 posts, 2 carried. The
    # 三定所列 are still the 5 its own 三定 and 城管局's state (`duties_stated`: the notice's change takes them to 4).
    assert _load_rows(store) == [
        (RECEIVER, 17, 3, 2, [("moved_in", "城镇燃气行业监督管理", SUCCESSOR, MOVE_CLAUSE)], 0.176, []),
        (SUCCESSOR, 20, 4, 5, [("transferred", GAS, RECEIVER, MOVE_CLAUSE)], 0.2,
         [f"职责数含承继自{OLD}的职责2项（机构改革）"]),
    ]
    assert _carried(store, SUCCESSOR) == [
        ("", "负责全县市容环境卫生的监督管理，组织生活垃圾清扫、收运和处置。", "current", "", OLD),
        ("", GAS, "transferred", RECEIVER, OLD),
        ("", "负责全县城市照明设施的运行维护。", "current", "", OLD),
        ("", "完成县委、县政府交办的其他任务。", "current", "", OLD),
    ]
    # The profile lists it as moved out (已划出 in its files), to whom and by which clause.
    profile = department_profile(store, SUCCESSOR)
    [gas] = [entry for entries in profile["duties_by_category"].values() for entry in entries if entry["text"] == GAS]
    assert (gas["status"], gas["change"], gas["counterpart"], gas["carried_from"]) == (
        "transferred", "城镇燃气行业监督管理", RECEIVER, OLD)
    # A gas complaint goes to the receiver: the successor's carried clause is no ground for it any more.
    [first] = who_handles(store, "白河县小区燃气管道漏气没人管", limit=1)
    assert (first["department"], _cite(store, first["evidence"][0]["source"])) == (RECEIVER, MOVE_CLAUSE)


def test_the_profile_s_files_say_a_carried_duty_moved_out(store: Store) -> None:
    from api.tabular import file_tables, table_sections
    from queries.export import to_csv

    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, MERGE, MOVE)
    [duties] = table_sections("department_profile", file_tables("department_profile",
                                                                department_profile(store, SUCCESSOR)), ["duties"])
    header, *lines = to_csv(duties).decode("utf-8-sig").splitlines()
    columns = header.split(",")
    rows = [dict(zip(columns, line.split(","), strict=True)) for line in lines]
    assert [(row["现状"], row["划转的对方部门"], row["承继自（机构改革前部门）"]) for row in rows
            if GAS in row.values()] == [("已划出", RECEIVER, OLD)]


def test_a_carried_duty_partly_moved_out_still_counts(store: Store, tmp_path: Path) -> None:
    """A carried clause saying more than the work moved (燃气 and 燃气安全检查) is partly moved out: the rest is still
    the successor's, so it counts, and its change is listed."""
    more = tmp_path / CHENGGUAN.name
    more.write_text(CHENGGUAN.read_text(encoding="utf-8").replace(GAS, "负责全县城镇燃气行业的监督管理，组织燃气安全检查。"),
                    encoding="utf-8")
    _load(store, more, ZHIFA, ZHUJIAN, MERGE, MOVE)
    assert _load_rows(store)[1] == (
        SUCCESSOR, 20, 5, 5, [("partly_transferred", "负责全县城镇燃气行业的监督管理，组织燃气安全检查。", RECEIVER,
                               MOVE_CLAUSE)], 0.25, [f"职责数含承继自{OLD}的职责3项（机构改革）"])


def test_a_notice_before_the_merger_takes_nothing_carried(store: Store, tmp_path: Path) -> None:
    """A notice of 执法局 dated before 城管局 was merged into it moves work 执法局 did not hold then: the carried
    clause is still 执法局's (the work stays with the notice's own words, which no clause says: no duty counted)."""
    early = tmp_path / MOVE.name
    early.write_text(MOVE.read_text(encoding="utf-8").replace("2024年7月1日", "2022年7月1日"), encoding="utf-8")
    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, MERGE, early)
    assert _load_rows(store)[1] == (SUCCESSOR, 22, 5, 5, [], 0.227, [f"职责数含承继自{OLD}的职责3项（机构改革）"])
    assert ("", GAS, "current", "", OLD) in _carried(store, SUCCESSOR)


def test_a_renamed_body_s_duty_and_its_office_s_moved_out_by_a_notice_of_the_new_name(store: Store) -> None:
    """After a rename by notice alone the successor has no 三定: all its duties and offices are carried, and a notice
    of its new name moves 燃气 out of both (the 市政公用股's clause says 城市照明 too: partly). Its 三定所列 are the
    old body's 3 before the notice and after it (the notice's change takes them to 2), not none once a notice
    touches it."""
    _load(store, CHENGGUAN, ZHUJIAN, RENAME)
    assert [row[:5] for row in _load_rows(store)] == [(RECEIVER, 15, 2, 2, []), (RENAMED, 10, 3, 3, [])]
    _load(store, RENAMED_MOVE)
    clause = "《关于调整白河县城市管理和综合执法局职责的通知》一、"
    assert _load_rows(store) == [
        (RECEIVER, 17, 3, 2, [("moved_in", "城镇燃气行业监督管理", RENAMED, clause)], 0.176, []),
        (RENAMED, 8, 2, 3, [("transferred", GAS, RECEIVER, clause)], 0.25,
         [f"职责数含承继自{OLD}的职责2项（机构改革）"]),
    ]
    assert [(office, status, counterpart) for office, _text, status, counterpart, _from in _carried(store, RENAMED)
            if status != "current"] == [("", "transferred", RECEIVER), ("市政公用股", "partly_transferred", RECEIVER)]


def test_the_profile_s_files_say_where_borrowed_figures_come_from(store: Store) -> None:
    """编制数据来源 in the profile's 部门概况 (its Excel file), and in the department's report (its Word file), where
    the renamed body's figures are the old body's; none for a department stating its own."""
    from api.tabular import file_tables, table_sections
    from queries.export import to_csv
    from queries.report import build_report

    _load(store, CHENGGUAN, ZHUJIAN, RENAME)
    sanding = f"《{OLD}职能配置、内设机构和人员编制规定》"
    borrowed = f"编制、领导职数承继自{OLD}{sanding}第五条；规格、内设机构承继自{OLD}{sanding}"

    def facts(name: str) -> str:
        [table] = table_sections("department_profile", file_tables("department_profile", department_profile(store, name)),
                                 ["facts"])
        header, row = to_csv(table).decode("utf-8-sig").splitlines()
        return dict(zip(header.split(","), row.split(","), strict=True))["编制数据来源"]

    assert (facts(RENAMED), facts(RECEIVER)) == (borrowed, "")
    [section] = [section for section in build_report(store, department=RENAMED).sections
                 if section.key == "staffing_load"]
    assert [row["staffing_from"] for row in section.rows] == [borrowed]


def _department_load(store: Store) -> list[tuple[str, int, list[tuple[str, int]]]]:
    return [(row["department"], row["duties"], [(lender["department"], lender["duties"]) for lender in row["carried"]])
            for row in catalog.run(store, "department_load", {"region": COUNTY})]


def test_department_load_counts_the_carried_duties_today_s_reading_holds(store: Store) -> None:
    """department_load (the named query) counts a successor's carried duties as staffing_load does: 燃气, which the
    2024 notice moved to 住建局, is no longer 执法局's (its own 2, 城管局's 2 left). Before, 城管局's 3 as its 三定
    states them, 5 in all."""
    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, MERGE)
    assert _department_load(store) == [(RECEIVER, 2, []), (SUCCESSOR, 5, [(OLD, 3)])]
    _load(store, MOVE)
    assert _department_load(store) == [(RECEIVER, 3, []), (SUCCESSOR, 4, [(OLD, 2)])]


def test_department_load_leaves_out_what_a_body_of_a_chain_moved_out_before_its_merger(store: Store) -> None:
    """城管局 renamed 城市管理和综合执法局, which gave 燃气 to 住建局 (2024), then merged into 执法局 (2025): 执法局
    carries 城管局's other 2, never 燃气. Before, department_load counted 城管局's 3."""
    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, RENAME, RENAMED_MOVE, FIXTURES / "baihe_zhifa_merge_renamed_2025.txt")
    assert _department_load(store) == [(RECEIVER, 3, []), (SUCCESSOR, 4, [(OLD, 2)])]
    assert [(row["department"], row["duties"], row["checks"]) for row in staffing_load(store, COUNTY)] == [
        (RECEIVER, 3, []), (SUCCESSOR, 4, [f"职责数含承继自{OLD}的职责2项（机构改革）"])]


def _carried_evidence(store: Store) -> list[tuple[str, str, str]]:
    """The `evidence` rows of 执法局 cited from 城管局's 三定: kind, text, clause."""
    return sorted((row["kind"], row["text"], _cite(store, row["source"]) or "")
                  for row in catalog.run(store, "evidence") if row["department"] == SUCCESSOR
                  and _cite(store, row["source"]).startswith(f"《{OLD}"))


def test_evidence_cites_no_clause_a_body_of_a_chain_moved_out_before_its_merger(store: Store) -> None:
    """The named query `evidence` (dutygraph query evidence) follows today's reading of a chain of reforms: 执法局's
    evidence has 城管局's 市容 and 照明, not 燃气, which the renamed body gave 住建局 before the merger. Before, it
    cited 燃气 as 执法局's."""
    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, RENAME, RENAMED_MOVE, FIXTURES / "baihe_zhifa_merge_renamed_2025.txt")
    sanding = f"《{OLD}职能配置、内设机构和人员编制规定》"
    assert _carried_evidence(store) == [
        ("duty", "负责全县城市照明设施的运行维护。", f"{sanding}第三条(三)"),
        ("duty", "负责全县市容环境卫生的监督管理，组织生活垃圾清扫、收运和处置。", f"{sanding}第三条(一)"),
    ]


def test_evidence_keeps_a_carried_clause_the_carrier_s_own_notice_moved_out(store: Store) -> None:
    """A carried clause the carrier held and a notice of its own moved out since is evidence as written, as its own
    三定's clauses are (who_handles reads the notice: `queries.notice_evidence`)."""
    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, MERGE, MOVE)
    assert [text for _kind, text, _source in _carried_evidence(store)] == [
        "负责全县城市照明设施的运行维护。", GAS, "负责全县市容环境卫生的监督管理，组织生活垃圾清扫、收运和处置。"]
