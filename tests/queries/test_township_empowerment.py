"""A county 编办 clerk checking 乡镇赋权 (user test): 云岭县's 赋予乡镇（街道）县级行政执法权事项清单 hands 20 行政处罚 and
行政检查 items of its departments to every township, 承接主体 各乡镇人民政府（综合行政执法办公室）, to exercise in their
own name. Which of them does a county department's 权责清单 still list as its own? The corpus,
tests/fixtures/xiangzhen_fuquan/, is invented: 综合行政执法局 still lists 7 of its items, 自然资源局 3 of its 4."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.report import build_report

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "xiangzhen_fuquan"
TOWNSHIPS = "各乡镇人民政府（综合行政执法办公室）"
ZHIFA, ZIRAN = "云岭县综合行政执法局", "云岭县自然资源局"


@pytest.fixture
def county(store: Store) -> Store:
    report = ingest(sorted(CORPUS.iterdir()), store, region=Region(("澄州市", "云岭县")))
    assert report.failed == []
    return store


def test_the_empowerment_list_loads_with_the_townships_as_holder(county: Store) -> None:
    rows = county.read("MATCH (d:Department)-[:EXERCISES]->(p:PowerItem) WHERE d.kind = '属地' "
                       "RETURN d.name AS holder, p.type AS type, count(p) AS items ORDER BY type")
    assert rows == [{"holder": TOWNSHIPS, "type": "行政处罚", "items": 14},
                    {"holder": TOWNSHIPS, "type": "行政检查", "items": 6}]


def test_a_devolved_item_the_county_department_still_lists(county: Store) -> None:
    rows = [row for row in catalog.run(county, "power_item_review", {"region": "澄州市/云岭县"})
            if row["finding"] != "no_taking_office"]
    # Not 多头执法 between the department and the townships it gave the power to; 对非法占用土地的处罚
    # (330204002000), which it kept, is no finding. Nor is 330204001000, whose 备注 says 已下放乡镇（街道）; 330217005000's
    # says 委托乡镇（街道）实施: still the department's power, a 说明.
    assert [(row["department"], row["code"], row["finding"], row["detail"]) for row in rows] == [
        (ZHIFA, "330217101000", "devolved_still_listed", TOWNSHIPS),
        (ZHIFA, "330217003000", "devolved_still_listed", TOWNSHIPS),
        (ZHIFA, "330217006000", "devolved_still_listed", TOWNSHIPS),
        (ZHIFA, "330217001000", "devolved_still_listed", TOWNSHIPS),
        (ZHIFA, "330217002000", "devolved_still_listed", TOWNSHIPS),
        (ZHIFA, "330217005000", "devolved_entrusted", TOWNSHIPS),
        (ZHIFA, "330217004000", "devolved_still_listed", TOWNSHIPS),
        (ZIRAN, "330204003000", "devolved_still_listed", TOWNSHIPS),
        (ZIRAN, "330204101000", "devolved_still_listed", TOWNSHIPS)]
    assert rows[5]["finding_label"] == "说明：已赋予乡镇（街道）的事项，部门清单注明委托乡镇（街道）实施，仍为部门职权"
    assert {row["finding_label"] for row in rows[:5] + rows[6:]} == {"已赋予乡镇（街道）的事项，部门仍列为本部门职权"}


def test_the_remark_is_stored(county: Store) -> None:
    rows = county.read("MATCH (p:PowerItem) WHERE p.devolution IS NOT NULL "
                       "RETURN p.code AS code, p.devolution AS devolution ORDER BY code")
    assert rows == [{"code": "330204001000", "devolution": "devolved"},
                    {"code": "330217005000", "devolution": "entrusted"}]


def test_a_townships_own_sanding_is_its_government(county: Store) -> None:
    # Not a county department called 青石镇人民政府 beside the township's government its lists name.
    rows = county.read("MATCH (d:Department) WHERE d.name ENDS WITH '人民政府' OPTIONAL MATCH (d)-[:HAS_OFFICE]->(o:Office) "
                       "WITH d, o ORDER BY o.name RETURN d.uid AS uid, d.kind AS kind, collect(o.name) AS offices "
                       "ORDER BY uid")
    assert rows == [
        {"uid": "dept:澄州市/云岭县/白水乡/人民政府", "kind": "乡镇（街道）",
         "offices": ["党政综合办公室", "社会事务办公室", "经济发展办公室"]},
        {"uid": "dept:澄州市/云岭县/青石镇/人民政府", "kind": "乡镇（街道）",
         "offices": ["党政综合办公室", "社会事务办公室", "经济发展办公室", "综合行政执法办公室"]}]


def test_a_township_without_an_office_to_take_them(county: Store) -> None:
    # 各乡镇人民政府（综合行政执法办公室） is every township of the county: 青石镇 has the office, 白水乡 has none. One
    # finding names 白水乡 with the 20 items given to it (its clerk reads one line, not twenty).
    rows = [row for row in catalog.run(county, "power_item_review", {"region": "澄州市/云岭县"})
            if row["finding"] == "no_taking_office"]
    given = [line.split(",") for line in (CORPUS / "yunling_fuquan_qingdan.csv").read_text(encoding="utf-8")
             .splitlines()[3:-1]]
    [row] = rows
    named = "；".join(f"{name}（{code}）" for _n, code, name, *_rest in sorted(given, key=lambda cells: cells[2]))
    assert row == {
        "region": "澄州市/云岭县/白水乡", "department": "白水乡人民政府", "item": f"共20项：{named}",
        "type": "行政处罚、行政检查", "code": "",
        "finding_label": "已赋予乡镇（街道）的事项，该乡镇（街道）没有承接机构（三定未设）", "basis": "",
        "detail": f"承接主体：{TOWNSHIPS}；白水乡人民政府三定未设综合行政执法办公室",
        "source": county.read("MATCH (d:Document) WHERE d.path ENDS WITH 'yunling_fuquan_qingdan.csv' "
                              "RETURN d.uid AS uid")[0]["uid"],
        "finding": "no_taking_office", "department_uid": "dept:澄州市/云岭县/白水乡/人民政府", "item_uid": ""}
    # The township's own report has it.
    mine = build_report(county, department="白水乡")
    assert [row["item"] for section in mine.sections if section.key == "power_item_review"
            for row in section.rows] == [row["item"]]


def test_the_report_counts_them(county: Store) -> None:
    summary = next(section for section in build_report(county, region="澄州市/云岭县").sections
                   if section.key == "summary")
    assert [(row["finding"], row["count"]) for row in summary.rows
            if row["finding"].startswith("权责事项") and row["count"]] == [("权责事项：已赋予乡镇（街道），部门仍列为本部门职权", 8),
                                                   ("权责事项：已赋予乡镇（街道），乡镇（街道）没有承接机构", 1)]


def test_a_list_without_its_takers_asks_for_them(store: Store, tmp_path: Path) -> None:
    # Its 原实施部门 is the department that gave the items away: the 承接主体 is missing, not a 实施部门.
    without = tmp_path / "fuquan.csv"
    without.write_text((CORPUS / "yunling_fuquan_qingdan.csv").read_text(encoding="utf-8")
                       .replace(",承接主体,", ",接收单位,"), encoding="utf-8")
    report = ingest([without], store, region=Region(("澄州市", "云岭县")))
    assert [outcome.error for outcome in report.failed] == [
        f"{without}:3: expected a 承接主体 column naming who exercises the items now (sheet fuquan; 原实施部门 names "
        "the department that gave them away, not their holder)"]
    assert store.read("MATCH (p:PowerItem) RETURN count(p) AS items") == [{"items": 0}]


def test_given_items_a_townships_own_list_leaves_out(county: Store) -> None:
    # 青石镇's 履行职责事项清单 lists two of the 20 items (its 基本 rows 3 and 4, 县赋权事项); 白水乡's none.
    rows = [row for row in catalog.run(county, "township_duties", {"region": "澄州市/云岭县"})
            if row["finding"] == "devolved_not_listed"]
    given = sorted(line.split(",")[1] for line in (CORPUS / "yunling_fuquan_qingdan.csv").read_text(encoding="utf-8")
                   .splitlines()[3:-1])
    assert [(row["township"], row["evidence"].split("（")[-1].rstrip("）")) for row in rows] == [
        *(("白水乡人民政府", code) for code in given),
        *(("青石镇人民政府", code) for code in given if code not in ("330217003000", "330217004000"))]
    assert {(row["part"], row["finding_label"], row["holder"]) for row in rows} == {
        ("", "县赋予乡镇（街道）的行政执法事项，乡镇履职清单未列：应列入基本履职事项", TOWNSHIPS)}
    # Each cites its township's list, and the 赋权清单's row of the item (330204001000: its 第11行).
    lists = {row["township"]: row["source"] for row in county.read(
        "MATCH (d:Document) WHERE d.path ENDS WITH '_lvzhi.csv' RETURN d.uid AS source, "
        "CASE WHEN d.path ENDS WITH 'baishui_lvzhi.csv' THEN '白水乡人民政府' ELSE '青石镇人民政府' END AS township")}
    assert {(row["township"], row["source"]) for row in rows} == set(lists.items())
    assert rows[0]["evidence_source"].endswith("#第11行")


def test_a_townships_patrol_before_a_departments_penalty_is_no_blame_shifting(county: Store) -> None:
    # 白水乡 patrols and reports (巡查, 发现问题及时报告); the county department penalizes what it reports (查处): two
    # steps of one work. Only where no department enforces on the object is the patrol put on the township (甩锅).
    rows = [row for row in catalog.run(county, "township_duties", {"township": "白水乡"}) if row["part"] == "assisting"]
    assert [(row["matter"], row["department"], row["finding"], row["holder"], row["evidence"]) for row in rows] == [
        ("违法用地巡查", ZIRAN, "held", "", "对非法占用土地的处罚"),
        ("农村违法建设巡查", ZHIFA, "held", "", "负责查处违法建设，依法拆除违法建筑，对乡村建设规划许可实施情况进行监督检查。"),
        ("电动自行车违规充电巡查", ZHIFA, "not_held", "", "")]
    assert rows[2]["finding_label"] == "牵头部门三定、权责清单未写有此项，本县也无部门写有：乡镇配合却无部门主责（甩锅）"


def _answer(county: Store, text: str, limit: int = 5) -> list[tuple[object, ...]]:
    from queries.who_handles import who_handles

    return [(row["rank"], row["department"], row["region"], row["devolved"])
            for row in who_handles(county, text, region="澄州市/云岭县", limit=limit)]


def test_a_complaint_about_given_work_goes_to_the_township_that_took_it(county: Store) -> None:
    # 露天焚烧垃圾 was given to the townships (330217004000): in 青石镇, which has the office, 青石镇 handles it, first,
    # its own 属地 row merged into it; the county department that gave it away comes after.
    given = "已赋予乡镇（街道）：对露天焚烧垃圾的处罚，"
    assert _answer(county, "青石镇有人露天焚烧垃圾") == [
        (1, "青石镇人民政府", "澄州市/云岭县/青石镇", f"{given}由青石镇人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）"),
        (2, ZHIFA, "澄州市/云岭县", ""), (3, "白水乡人民政府", "澄州市/云岭县/白水乡", "")]
    # 白水乡's 三定 sets up no 综合行政执法办公室: it cannot take it on, the county department stays first, and says why.
    lacking = f"{given.rstrip('，')}；白水乡人民政府三定未设综合行政执法办公室，无承接机构，仍由县级部门办理"
    assert _answer(county, "白水乡有人露天焚烧垃圾") == [
        (1, ZHIFA, "澄州市/云岭县", lacking), (2, TOWNSHIPS, "澄州市/云岭县", lacking),
        (3, "青石镇人民政府", "澄州市/云岭县/青石镇", ""), (4, "白水乡人民政府", "澄州市/云岭县/白水乡", ""),
        (5, ZIRAN, "澄州市/云岭县", "")]
    # No township named: the order stands, and the answer says the power lies with the townships.
    anywhere = f"{given}由事发地乡镇（街道）人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）"
    assert _answer(county, "有人露天焚烧垃圾") == [
        (1, ZHIFA, "澄州市/云岭县", anywhere), (2, TOWNSHIPS, "澄州市/云岭县", anywhere),
        (3, "青石镇人民政府", "澄州市/云岭县/青石镇", ""), (4, "白水乡人民政府", "澄州市/云岭县/白水乡", "")]


def test_the_rows_saying_the_township_is_unnamed_carry_it(county: Store) -> None:
    # `township_unnamed` is set where the note is chosen: on the rows saying the power lies with the township where it
    # happened (no township named, or two), not on a named township's, nor where the named one has no office for it.
    from queries.who_handles import who_handles

    def unnamed(text: str) -> list[tuple[str, bool]]:
        return [(row["department"], row["township_unnamed"])
                for row in who_handles(county, text, region="澄州市/云岭县")]

    assert unnamed("有人露天焚烧垃圾") == unnamed("青石镇和白水乡都有人露天焚烧垃圾")[:4] == [
        (ZHIFA, True), (TOWNSHIPS, True), ("青石镇人民政府", False), ("白水乡人民政府", False)]
    assert unnamed("青石镇有人露天焚烧垃圾") == [
        ("青石镇人民政府", False), (ZHIFA, False), ("白水乡人民政府", False)]
    assert [flag for _department, flag in unnamed("白水乡有人露天焚烧垃圾")] == [False] * 5
    assert [flag for _department, flag in unnamed("村里有人乱搭乱建")] == [False] * 4


def test_a_given_item_met_on_a_word_or_two_is_not_what_the_text_asks(county: Store) -> None:
    # 乱搭乱建 meets the given 对在乡村建设规划区内未依法取得乡村建设规划许可证进行建设的处罚 (330217003000) at 3.8 on 违法建设
    # alone, 执法局's own 负责查处违法建设 clause at 5.1: the text does not say it is about that item. The order stands,
    # nothing is said of the townships, and 青石镇, named, does not lead on it (it did, 4.6 against the county's 7.6).
    assert _answer(county, "村里有人乱搭乱建") == _answer(county, "青石镇村里有人乱搭乱建") == [
        (1, ZHIFA, "澄州市/云岭县", ""), (2, TOWNSHIPS, "澄州市/云岭县", ""), (3, "青石镇人民政府", "澄州市/云岭县/青石镇", ""),
        (4, ZIRAN, "澄州市/云岭县", "")]
    # Said of the item itself, the text is about it: 青石镇 takes it.
    assert _answer(county, "青石镇有人在村里没有乡村建设规划许可证就盖房")[0] == (
        1, "青石镇人民政府", "澄州市/云岭县/青石镇", "已赋予乡镇（街道）：对在乡村建设规划区内未依法取得乡村建设规划许可证进行建设的处罚，"
        f"由青石镇人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）")


def test_the_note_does_not_depend_on_how_many_rows_are_shown(county: Store) -> None:
    # One row asked for: the townships' row (second) is not shown, but what it says still is, on the first row; and
    # a named township that takes the item on still leads (its 属地 row came third, the holder's second).
    given = "已赋予乡镇（街道）：对露天焚烧垃圾的处罚，"
    assert _answer(county, "有人露天焚烧垃圾", limit=1) == [
        (1, ZHIFA, "澄州市/云岭县", f"{given}由事发地乡镇（街道）人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）")]
    assert _answer(county, "青石镇有人露天焚烧垃圾", limit=1) == [
        (1, "青石镇人民政府", "澄州市/云岭县/青石镇", f"{given}由青石镇人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）")]
    # The rows shown are the first of the deeper answer, as they were.
    assert _answer(county, "白水乡有人露天焚烧垃圾", limit=2) == _answer(county, "白水乡有人露天焚烧垃圾")[:2]


def test_an_entrusted_item_stays_the_departments(county: Store) -> None:
    # 330217005000 (随意倾倒生活垃圾): 综合行政执法局's list says 委托乡镇（街道）实施, so it is still its power: 青石镇 does
    # not lead, and nothing is said of the townships.
    assert _answer(county, "青石镇有人随意倾倒生活垃圾") == [
        (1, ZHIFA, "澄州市/云岭县", ""), (2, TOWNSHIPS, "澄州市/云岭县", ""),
        (3, "青石镇人民政府", "澄州市/云岭县/青石镇", ""), (4, "白水乡人民政府", "澄州市/云岭县/白水乡", "")]


def test_two_townships_of_one_name_are_told_apart(county: Store, tmp_path: Path) -> None:
    # 雾溪县, beside 云岭县 in 澄州市, gives its townships the same items, and has a 青石镇 too, whose 三定 sets up no
    # 综合行政执法办公室: the finding is under 雾溪县's 青石镇, not 云岭县's, which has the office.
    for name, source in (("wuxi_fuquan_qingdan.csv", "yunling_fuquan_qingdan.csv"), ("wuxi_qingshi.txt", "baishui_sanding.txt")):
        text = (CORPUS / source).read_text(encoding="utf-8").replace("云岭县", "雾溪县").replace("云政发", "雾政发")
        (tmp_path / name).write_text(text.replace("白水乡", "青石镇").replace("乡长", "镇长"), encoding="utf-8")
    report = ingest(sorted(tmp_path.iterdir()), county, region=Region(("澄州市", "雾溪县")))
    assert report.failed == []
    rows = [row for row in catalog.run(county, "power_item_review", {"region": "澄州市"})
            if row["finding"] == "no_taking_office"]
    assert [(row["region"], row["department"], row["department_uid"], row["detail"]) for row in rows] == [
        ("澄州市/云岭县/白水乡", "白水乡人民政府", "dept:澄州市/云岭县/白水乡/人民政府",
         f"承接主体：{TOWNSHIPS}；白水乡人民政府三定未设综合行政执法办公室"),
        ("澄州市/雾溪县/青石镇", "青石镇人民政府", "dept:澄州市/雾溪县/青石镇/人民政府",
         f"承接主体：{TOWNSHIPS}；青石镇人民政府三定未设综合行政执法办公室")]


BAISHUI_MERGED = """澄州市人民政府关于同意云岭县调整部分乡镇行政区划的批复
（2024年6月1日）
云岭县人民政府：
一、同意撤销白水乡，将其所辖区域并入青石镇。
"""


def test_a_merged_township_named_is_the_town_it_was_merged_into(county: Store, tmp_path: Path) -> None:
    # 白水乡 merged into 青石镇 (tests/ingest/test_township_merger.py's notice) is no township: named, it reads as
    # 青石镇, which has the 综合行政执法办公室 and takes the given item. Before, township_given still counted 白水乡 a
    # township while township_takers did not: 白水乡人民政府 led, exercising the item in its own name.
    notice = tmp_path / "baishui_hebing.txt"
    notice.write_text(BAISHUI_MERGED, encoding="utf-8")
    assert ingest([notice], county, region=Region(("澄州市", "云岭县"))).failed == []
    qingshi = (1, "青石镇人民政府", "澄州市/云岭县/青石镇",
               f"已赋予乡镇（街道）：对露天焚烧垃圾的处罚，由青石镇人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）")
    assert _answer(county, "白水乡村口有人露天焚烧垃圾") == [qingshi, (2, ZHIFA, "澄州市/云岭县", "")]
    # Both named are one township now (before, two were named and the note asked where it happened).
    assert _answer(county, "白水乡和青石镇交界处有人露天焚烧垃圾") == [
        qingshi, (2, ZHIFA, "澄州市/云岭县", ""), (3, ZIRAN, "澄州市/云岭县", "")]
