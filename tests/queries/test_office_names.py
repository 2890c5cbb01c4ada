"""An office with two names (加挂牌子: 法规股（行政审批股）) is shown as its 三定 writes it wherever people read offices, and
found by either name; a power item shows its 承办科室. The sample corpus's 青山县市场监督管理局 sets up 法规股（行政审批股）
and 食品安全监管股（县食品安全委员会办公室）, and its 权责清单 names the office that handles each item."""

from __future__ import annotations

from graph.store import Store
from queries import catalog
from queries.overlaps import overlaps
from queries.profile import department_profile
from queries.profile_tables import profile_tables
from queries.who_handles import who_handles

SCJG = "dept:示例市/青山县/市场监督管理局"
LAW = "法规股（行政审批股）"


def test_department_offices_shows_the_written_name_and_keeps_the_stored_one(corpus: Store) -> None:
    rows = catalog.run(corpus, "department_offices", {"department": SCJG})
    assert [row["office"] for row in rows] == [
        "办公室", LAW, "信用监管股", "综合执法股", "特种设备安全监察股", "食品安全监管股（县食品安全委员会办公室）",
        "产品质量与计量标准股", "药械化妆品监管股", "消费者权益保护与知识产权股"]
    assert {key: rows[1][key] for key in ("uid", "name", "office", "aliases", "ordinal")} == {
        "uid": "office:示例市/青山县/市场监督管理局/法规股", "name": "法规股", "office": LAW,
        "aliases": ["行政审批股"], "ordinal": 2}


def test_an_office_is_found_by_either_name_or_the_whole(corpus: Store) -> None:
    for typed in ("法规股", "行政审批股", LAW):
        rows = catalog.run(corpus, "department_offices", {"department": SCJG, "office": typed})
        assert [(row["uid"], row["office"]) for row in rows] == [("office:示例市/青山县/市场监督管理局/法规股", LAW)]
    assert catalog.run(corpus, "department_offices", {"department": SCJG, "office": "审批股"}) == []


def test_the_profile_names_offices_as_written(corpus: Store) -> None:
    profile = department_profile(corpus, "青山县市场监督管理局")
    assert [office["office"] for office in profile["offices"]][3:5] == [LAW, "消费者权益保护与知识产权股"]
    tables = profile_tables(profile)
    assert [row["text"] for row in tables["offices"] if row["office"] == LAW] == [
        "负责拟订全县市场监督管理有关措施和规范性文件合法性审核", "承担市场主体登记注册和食品经营许可等行政审批事项的办理。"]


def test_the_profile_s_power_items_show_their_handling_office(corpus: Store) -> None:
    profile = department_profile(corpus, "青山县市场监督管理局")
    assert [(row["name"], row["offices"]) for row in profile["power_items"]] == [
        ("对生产、销售不符合保障人体健康和人身、财产安全的国家标准、行业标准的产品的处罚", ["综合执法股"]),
        ("对电梯等特种设备的安全检查", ["特种设备安全监察股"]),
        ("消费者权益争议调解", ["消费者权益保护与知识产权股"]),
        ("特种设备使用登记", ["特种设备安全监察股"]),
        ("食品小作坊、小餐饮登记", ["食品安全监管股（县食品安全委员会办公室）"]),
        ("食品经营许可", [LAW])]
    assert all(row["offices"] == [] for row in profile["leads"] + profile["assists"] + profile["supervision_items"])
    assert profile_tables(profile)["power_items"][-1] == {
        "item": "食品经营许可", "kind": "行政许可", "code": "QS01-XK-001", "offices": LAW,
        "basis": "《中华人民共和国食品安全法》第三十五条", "responsibilities": "", "accountability": "",
        "source": profile["power_items"][-1]["source"]}


def test_who_handles_and_overlaps_name_offices_as_written(corpus: Store) -> None:
    first = who_handles(corpus, "个体工商户登记注册", region="示例市/青山县", limit=1)[0]
    assert (first["department"], first["office"]) == ("青山县市场监督管理局", LAW)
    assert [(item["kind"], item["office"]) for item in first["evidence"]] == [
        ("duty", ""), ("office_duty", LAW), ("office_duty", "信用监管股")]
    members = [(member["department"], member["office"]) for cluster in overlaps(corpus, scope="offices",
                                                                                 region="示例市/青山县")
               for member in cluster["members"]]
    assert members == [("青山县应急管理局", "应急指挥股（县防汛抗旱指挥部办公室）"), ("青山县水利局", "县防汛抗旱指挥部办公室")]
