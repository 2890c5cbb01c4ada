"""机构编制实名制统计表: the people in post beside the posts set (tests/fixtures/headcount, over the 澜州市 三定 and
notice of tests/fixtures/staff_changes: the 林业局 16 posts, 8 after the 2023-04-01 notice, which also takes its two
副处级 posts, one moved to the 园林局 and one cut; the 园林局 10, 12 after it; the 水务局 10).

lanzhou_shimingzhi_2024.csv (统计时点 2024-06-30, a header of three rows: 领导职数 over 正处级 and 副处级 over 核定
and 实配): the 林业局 10 in post for 8 posts (超编 2) with 2 副处级 for 1; the 园林局 7 for the table's 10, which the
graph sets at 12 (空编 5, 数据不一致); the 水务局 full, and 6 in 事业编制 for 5. lanzhou_linye_bianzhi_2023.csv
(2023-01-31, before the notice): the 林业局 15 for 16, 3 副处级 for 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.errors import IngestError
from ingest.headcount import parse_headcount
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from ingest.sheets import read_workbook
from queries import catalog
from queries.headcount import signed_count
from queries.labels import column_label
from queries.profile import department_profile
from queries.profile_tables import profile_tables
from queries.report import build_report
from queries.staffing import _by_rank, staffing_load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TABLE_2024 = FIXTURES / "headcount" / "lanzhou_shimingzhi_2024.csv"
TABLE_2023 = FIXTURES / "headcount" / "lanzhou_linye_bianzhi_2023.csv"
CITY = Region(("澜州市",))
FORESTRY, PARKS, EMERGENCY, WATER = "澜州市林业局", "澜州市园林局", "澜州市应急管理局", "澜州市水务局"
CITED_2024 = "《澜州市市直机关机构编制实名制统计表》，统计时点2024-06-30"


def _load(store: Store, *tables: Path) -> Store:
    report = ingest([*sorted((FIXTURES / "staff_changes").glob("*.txt")), *tables], store, region=CITY)
    assert [outcome.error for outcome in report.failed] == []
    return store


def _figures(store: Store) -> list[tuple[object, ...]]:
    return [(row["department"], row["staff_quota"], row["staff_actual"], row["staff_actual_as_of"], row["checks"])
            for row in staffing_load(store, "澜州市")]


def test_a_table_with_a_header_of_three_rows_is_read_a_row_a_department_and_type() -> None:
    parsed = parse_headcount(read_workbook(TABLE_2024))
    assert (parsed.kind, parsed.title, parsed.issued) == ("headcount", "澜州市市直机关机构编制实名制统计表", "2024-06-30")
    assert [(r.department, r.staff_type, r.quota, r.actual, r.vacant, r.over, r.leader_set, r.leader_filled, r.as_of,
             r.where.row, r.where.seq) for r in parsed.records] == [
        (FORESTRY, "行政", 8, 10, 0, 2, {"正处级": 1, "副处级": 1}, {"正处级": 1, "副处级": 2}, "2024-06-30", 6, "1"),
        (PARKS, "行政", 10, 7, 3, 0, {"正处级": 1, "副处级": 3}, {"正处级": 1, "副处级": 2}, "2024-06-30", 7, "2"),
        (WATER, "行政", 10, 10, 0, 0, {"正处级": 1, "副处级": 2}, {"正处级": 1, "副处级": 2}, "2024-06-30", 8, "3"),
        (WATER, "事业", 5, 6, 0, 1, {}, {}, "2024-06-30", 9, "4")]


def test_staffing_load_judges_the_people_in_post_against_the_posts_as_the_notices_leave_them(store: Store) -> None:
    """Recognised by its columns (auto), attached to the departments by name; 超编 against the 8 posts after the
    notice, not the 三定's 16; the 园林局's table says 10 where the graph says 12."""
    _load(store, TABLE_2024)
    [document] = [row for row in catalog.run(store, "documents") if row["kind"] == "headcount"]
    assert document["title"] == "澜州市市直机关机构编制实名制统计表"
    assert _figures(store) == [
        (PARKS, 12, 7, "2024-06-30", [
            f"空编较多：实有人数7名（{CITED_2024}），核定行政编制12名（2021-01-01核定10名，经2023-04-01调整通知后），"
            "空编5名（达到核定数的20%且不少于2名）",
            f"数据不一致：统计表核定编制数10名（{CITED_2024}），图中三定及调整通知核定12名（截至2024-06-30）"]),
        (EMERGENCY, None, None, None, ["图中没有该部门的三定，本行仅据调整通知：划入职责1项、行政编制3名，不计算人均职责数"]),
        (FORESTRY, 8, 10, "2024-06-30", [
            f"超编2名：实有人数10名（{CITED_2024}），核定行政编制8名（2021-01-01核定16名，经2023-04-01调整通知后）",
            f"超职数配备：副处级领导职数实配2名，超出核定的1名（统计表核定1名；{CITED_2024}）"]),
        (WATER, 10, 10, "2024-06-30", [
            f"事业编制实有6名，超出统计表核定的5名（{CITED_2024}；图中无该类编制的核定数，按统计表自身核定数判断）"])]


def test_a_table_counted_before_the_notice_says_so_and_holds_leader_posts_to_the_ranks_it_left(store: Store) -> None:
    """Counted on 2023-01-31, before the notice took 8 posts and two 副处级 posts: 15 in post is 超编 against the 8
    standing; its 16 is the graph's figure on its date (no 数据不一致); 3 副处级 filled for the 3 it set, less the 2
    the notice took since."""
    _load(store, TABLE_2023)
    forestry = next(row for row in _figures(store) if row[0] == FORESTRY)
    cited = "lanzhou_linye_bianzhi_2023.csv，统计时点2023-01-31"
    assert forestry == (FORESTRY, 8, 15, "2023-01-31", [
        f"超编7名：实有人数15名（{cited}），核定行政编制8名（2021-01-01核定16名，经2023-04-01调整通知后）",
        "统计时点早于调整通知：统计表统计时点2023-01-31，其后2023-04-01调整通知调整了编制（净-8名），"
        "实有人数宜按调整后的核定数复核",
        f"超职数配备：副处级领导职数实配3名，超出核定的1名（统计表核定3名，其后调整通知减少2名；{cited}）"])


def test_the_newest_table_of_a_department_is_read(store: Store) -> None:
    _load(store, TABLE_2023, TABLE_2024)
    assert [(row[0], row[2], row[3]) for row in _figures(store)][2] == (FORESTRY, 10, "2024-06-30")


def test_removing_the_table_leaves_no_people_in_post(store: Store) -> None:
    _load(store, TABLE_2024)
    remove(store, find_documents(store, [TABLE_2024.name]))
    assert [(row[0], row[2], row[4]) for row in _figures(store)][2] == (FORESTRY, None, [])


def test_the_report_says_超编_is_not_judged_only_without_a_table(store: Store) -> None:
    _load(store)

    def notes() -> list[str]:
        sections = {s.key: s for s in build_report(store, region="澜州市").sections}
        return [sections[key].note for key in ("staffing_load", "staffing_checks")]

    assert all("图中没有实有人数" in note or "不含实有人数" in note for note in notes())
    _load(store, TABLE_2024)
    assert not any("不含实有人数" in note or "图中没有实有人数" in note for note in notes())
    assert all("实名制统计表" in note for note in notes())


_HEADER = "单位名称,核定编制数,实有人数,空编数,超编数,统计时点\n"


@pytest.mark.parametrize(("rows", "expected"), [
    ("澜州市林业局,八,9,,,2024-06-30\n",
     "{path}:2: expected a whole number of posts or people (sheet {stem}; column B 核定编制数; it says “八”)"),
    ("澜州市林业局,8,6,1,,2024-06-30\n",
     "{path}:2: expected 空编数 2 (核定编制数 8, 实有人数 6) (sheet {stem}; column D 空编数; it says 1)"),
    (",8,8,,,2024-06-30\n",
     "{path}:2: expected the department the row counts (单位名称) (sheet {stem}; column A 单位名称)"),
])
def test_a_bad_row_fails_the_file_naming_its_row_and_column_and_writes_nothing(
        store: Store, tmp_path: Path, rows: str, expected: str) -> None:
    path = tmp_path / "shimingzhi.csv"
    path.write_text(_HEADER + rows, encoding="utf-8")
    [outcome] = ingest([path], store, region=CITY).outcomes
    assert not outcome.ok and outcome.error == expected.format(path=path, stem=path.stem)
    assert store.read("MATCH (d:Document) RETURN count(d) AS n") == [{"n": 0}]


def test_a_table_without_a_date_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "shimingzhi.csv"
    path.write_text("单位名称,核定编制数,实有人数\n澜州市林业局,8,8\n", encoding="utf-8")
    with pytest.raises(IngestError) as failure:
        parse_headcount(read_workbook(path))
    assert failure.value.message == (
        f"{path}:1: expected a 统计时点 (a 统计时点 or 截至日期 column, or 截至YYYY年M月D日 above the header) "
        f"(sheet {path.stem}; the counts have no date)")


def test_the_report_s_department_facts_count_duties_as_the_staffing_table_does(store: Store) -> None:
    """部门概况 counted the 林业局's 6 clauses, those the notice moved out too, where 编制与职责负荷 counted the 2 in
    force: both count them as they stand, under one title."""
    _load(store)
    sections = {s.key: s for s in build_report(store, region="澜州市").sections}
    facts, load = sections["departments"], sections["staffing_load"]
    assert facts.columns[-1] == "duties_current"
    assert column_label("duties_current", "departments") == "现行职责数"
    assert [(row["department"], row["duties_current"]) for row in facts.rows] == [(PARKS, 4), (FORESTRY, 2), (WATER, 4)]
    assert {row["department"]: row["duties"] for row in load.rows if row["department"] != EMERGENCY} == {
        PARKS: 4, FORESTRY: 2, WATER: 4}


def test_leader_posts_moved_are_given_by_rank(store: Store, tmp_path: Path) -> None:
    """The 园林局 receives a 副处级 post and a later notice cuts a 正科级 one: net 0, but not nothing."""
    notice = tmp_path / "yuanlin_notice_2024.txt"
    notice.write_text("关于调整澜州市园林局职责机构编制的通知\n（2024年3月1日）\n一、核减澜州市园林局正科级领导职数1名。\n",
                      encoding="utf-8")
    _load(store, notice)
    rows = {row["department"]: row for row in staffing_load(store, "澜州市")}
    assert [(name, rows[name]["leader_posts_moved"], rows[name]["leader_posts_moved_by_rank"])
            for name in (PARKS, FORESTRY, WATER)] == [
        (PARKS, 0, ["副处级 +1", "正科级 -1"]), (FORESTRY, -2, ["副处级 -2"]), (WATER, None, [])]


def test_the_profile_gives_the_people_in_post(store: Store) -> None:
    _load(store, TABLE_2024)
    facts = department_profile(store, FORESTRY)["department"]
    assert (facts["staff_quota"], facts["staff_actual"], facts["staff_actual_as_of"],
            facts["leader_posts_moved_by_rank"]) == (8, 10, "2024-06-30", ["副处级 -2"])
    [row] = profile_tables(department_profile(store, FORESTRY))["facts"]
    assert (row["staff_actual"], column_label("staff_actual", "department_profile.facts")) == (10, "实有人数")


def test_an_excel_table_with_merged_header_cells_is_read(tmp_path: Path) -> None:
    """领导职数 merged over four columns, 正科级 and 副科级 each over 核定 and 实配, 单位名称 merged down three rows."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "行政机关"
    for row in (["青山县编制使用情况表"], ["统计时点：2024年12月31日"],
                ["单位名称", "核定编制", "实有人数", "领导职数"], ["", "", "", "正科级", "", "副科级"],
                ["", "", "", "核定", "实配", "核定", "实配"], ["青山县林业局", 12, 12, 1, 1, 3, 4]):
        sheet.append(row)
    for cells in ("A3:A5", "B3:B5", "C3:C5", "D3:G3", "D4:E4", "F4:G4"):
        sheet.merge_cells(cells)
    path = tmp_path / "qingshan.xlsx"
    workbook.save(path)
    parsed = parse_headcount(read_workbook(path))
    assert (parsed.title, parsed.issued) == ("青山县编制使用情况表", "2024-12-31")
    assert [(r.department, r.staff_type, r.quota, r.actual, r.leader_set, r.leader_filled, r.where.locator)
            for r in parsed.records] == [
        ("青山县林业局", "", 12, 12, {"正科级": 1, "副科级": 3}, {"正科级": 1, "副科级": 4}, "行政机关!6")]


def test_a_count_s_change_is_signed_one_way_everywhere() -> None:
    # The 领导职数 by rank (staffing_load) and the 核定数 a notice moved (headcount checks) write a change alike.
    assert [signed_count(value) for value in (3, -2, 0)] == ["+3", "-2", "0"]
    assert _by_rank([{"leader_rank": "副处级", "leader_posts": 1, "direction": "moved_in"},
                     {"leader_rank": "正科级", "leader_posts": 2, "direction": "moved_out"}]) == ["副处级 +1", "正科级 -2"]
