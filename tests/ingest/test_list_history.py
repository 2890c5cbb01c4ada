"""A list's replaced and older versions kept as history (清单动态调整), and what each adjustment changed (list_changes):
a boundary investigator asks when 牵头 for 校外培训机构监管 moved from 市教育局 to 市市场监督管理局, and every other
finding still reads the current version only."""

from __future__ import annotations

from pathlib import Path

from graph.store import Statement, Store
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from queries import catalog
from queries.list_changes import summary
from queries.report import build_report
from tests.ingest.conftest import whole_graph

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "list_history"
CITY = Region(("临江市",))
BOUNDARY_MARCH, BOUNDARY_SEPT = FIXTURES / "bianjie_2024_03.csv", FIXTURES / "bianjie_2024_09.xlsx"
CATALOG_APRIL, CATALOG_OCT = FIXTURES / "jianguan_2024_04.xlsx", FIXTURES / "jianguan_2024_10.xlsx"
SHEET = "工作表“职责边界清单”"
ITEMS = "工作表“监管事项目录”"
MARCH = "2024年3月1日 bianjie_2024_03.csv"
SEPT = "2024年9月15日 bianjie_2024_09.xlsx（现行）"
APRIL = "2024年4月1日 jianguan_2024_04.xlsx"
OCT = "2024年10月8日 jianguan_2024_10.xlsx（现行）"
BOUNDARY, ITEMS_TITLE = "临江市部门职责边界清单", "临江市监管事项目录"
CHANGES = [
    (BOUNDARY, MARCH, SEPT, "新增事项", "电动自行车充电设施安全监管", "", "牵头：市应急管理局；配合：市住房和城乡建设局",
     f"{BOUNDARY_MARCH}", f"{BOUNDARY_SEPT} {SHEET}序号5（第8行）"),
    (BOUNDARY, MARCH, SEPT, "删除事项", "餐厨垃圾收运处置监管", "牵头：市城市管理局；配合：市生态环境局", "",
     f"{BOUNDARY_MARCH} 序号4（第7行）", f"{BOUNDARY_SEPT}"),
    (BOUNDARY, MARCH, SEPT, "事项名称变更", "户外广告设置和管理", "户外广告设置管理", "户外广告设置和管理",
     f"{BOUNDARY_MARCH} 序号3（第6行）", f"{BOUNDARY_SEPT} {SHEET}序号3（第6行）"),
    (BOUNDARY, MARCH, SEPT, "牵头部门变更", "校外培训机构监管", "市教育局", "市市场监督管理局",
     f"{BOUNDARY_MARCH} 序号1（第4行）", f"{BOUNDARY_SEPT} {SHEET}序号1（第4行）"),
    (BOUNDARY, MARCH, SEPT, "配合部门变更", "校外培训机构监管", "市市场监督管理局", "市教育局",
     f"{BOUNDARY_MARCH} 序号1（第4行）", f"{BOUNDARY_SEPT} {SHEET}序号1（第4行）"),
    (BOUNDARY, MARCH, SEPT, "配合部门变更", "燃气安全监管", "市应急管理局", "市应急管理局、市公安局",
     f"{BOUNDARY_MARCH} 序号2（第5行）", f"{BOUNDARY_SEPT} {SHEET}序号2（第5行）"),
    (ITEMS_TITLE, APRIL, OCT, "新增事项", "对餐厨垃圾收运单位的监督检查", "", "未认领",
     f"{CATALOG_APRIL}", f"{CATALOG_OCT} {ITEMS}第7行"),
    (ITEMS_TITLE, APRIL, OCT, "删除事项", "对户外广告设施的监督检查", "已认领：市城市管理局", "",
     f"{CATALOG_APRIL} {ITEMS}第7行", f"{CATALOG_OCT}"),
    (ITEMS_TITLE, APRIL, OCT, "认领状态变更", "对校外培训机构的监督检查", "已认领：市教育局", "已认领：市市场监督管理局",
     f"{CATALOG_APRIL} {ITEMS}第4行", f"{CATALOG_OCT} {ITEMS}第4行"),
    (ITEMS_TITLE, APRIL, OCT, "认领状态变更", "对电动自行车销售者的监督检查", "未认领", "已认领：市市场监督管理局",
     f"{CATALOG_APRIL} {ITEMS}第6行", f"{CATALOG_OCT} {ITEMS}第6行"),
]
SHOWN = ("list_title", "from_version", "to_version", "change_label", "matter", "before", "after", "from_source",
         "to_source")


def _load(store: Store, *paths: Path) -> None:
    for path in paths:
        report = ingest([path], store, region=CITY)
        assert all(outcome.ok for outcome in report.outcomes), [outcome.error for outcome in report.outcomes]


def _changes(store: Store, **params: str) -> list[tuple[str, ...]]:
    return [tuple(row[column] for column in SHOWN) for row in catalog.run(store, "list_changes", params)]


def _findings(store: Store) -> tuple[list[object], list[object]]:
    """What the analyses read of the lists: the matters' parties and the supervision items' claims."""
    matters = sorted((row["matter"], row["leads"], row["assists"]) for row in catalog.run(store, "matters"))
    orphans = sorted(row["item"] for row in catalog.run(store, "unclaimed_supervision_items"))
    return matters, orphans


def _sourceless(store: Store) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """`whole_graph` but a party's `source` (the row that first named it): a list that replaces another leaves its
    parties citing another of its own rows than loading it alone does, as it did before history was kept."""
    nodes, edges = whole_graph(store)
    return [{**node, "props": {key: value for key, value in node["props"].items()
                               if not (key == "source" and node["labels"] == ["Department"])}} for node in nodes], edges


def test_every_adjustment_is_listed_citing_both_versions(store: Store) -> None:
    _load(store, BOUNDARY_MARCH, CATALOG_APRIL, BOUNDARY_SEPT, CATALOG_OCT)
    assert _changes(store) == CHANGES
    assert _changes(store, list="bianjie_2024_03.csv") == CHANGES[:6]
    assert _changes(store, list=ITEMS_TITLE, region="临江市") == CHANGES[6:]
    assert _changes(store, region="示例市") == []
    assert summary(catalog.run(store, "list_changes", {"list": BOUNDARY})) == (
        f"《{BOUNDARY}》{MARCH} → {SEPT}：新增事项 1 项、删除事项 1 项、事项名称变更 1 项、牵头部门变更 1 项、"
        "配合部门变更 2 项")


def test_history_is_no_evidence_and_the_graph_is_the_same_in_either_order(store: Store, other_store: Store) -> None:
    _load(store, BOUNDARY_SEPT, CATALOG_OCT)
    current_only = _findings(store)
    assert ("校外培训机构监管", ["临江市市场监督管理局"], ["临江市教育局"]) in current_only[0]
    assert current_only[1] == ["对餐厨垃圾收运单位的监督检查"]
    _load(store, BOUNDARY_MARCH, CATALOG_APRIL)  # older, loaded after: history, not evidence
    assert _findings(store) == current_only
    _load(other_store, BOUNDARY_MARCH, CATALOG_APRIL, BOUNDARY_SEPT, CATALOG_OCT)  # older first: replaced
    assert _findings(other_store) == current_only
    assert _sourceless(store) == _sourceless(other_store)
    assert _changes(store) == _changes(other_store) == CHANGES
    history = store.read("MATCH (v:ListVersion) RETURN v.path AS path ORDER BY path")
    assert [row["path"] for row in history] == [str(BOUNDARY_MARCH), str(CATALOG_APRIL)]
    assert store.read("MATCH (v:ListVersion)-[e]-() RETURN count(e) AS edges") == [{"edges": 0}]


def test_removing_the_current_version_makes_the_next_newest_current(store: Store, other_store: Store) -> None:
    _load(store, BOUNDARY_MARCH, BOUNDARY_SEPT)
    removal = remove(store, find_documents(store, [str(BOUNDARY_SEPT)]))
    assert [document.path for document in removal.restored] == [str(BOUNDARY_MARCH)]
    assert removal.stranded == []
    _load(other_store, BOUNDARY_MARCH)
    assert whole_graph(store) == whole_graph(other_store)
    assert _changes(store) == []


def test_removing_a_history_version_takes_exactly_it_out(store: Store, other_store: Store) -> None:
    _load(store, BOUNDARY_MARCH, BOUNDARY_SEPT)
    [march] = find_documents(store, [str(BOUNDARY_MARCH)])
    assert march.history and march.label().endswith("，历史版本 history)")
    remove(store, [march])
    _load(other_store, BOUNDARY_SEPT)
    assert whole_graph(store) == whole_graph(other_store)
    assert _changes(store) == []


def test_the_report_has_a_section_only_where_a_list_has_versions(store: Store) -> None:
    _load(store, BOUNDARY_SEPT)
    assert "list_changes" not in [section.key for section in build_report(store, region="临江市").sections]
    _load(store, BOUNDARY_MARCH)
    [section] = [section for section in build_report(store, region="临江市").sections if section.key == "list_changes"]
    assert section.note.startswith(f"摘要：《{BOUNDARY}》{MARCH} → {SEPT}：新增事项 1 项、删除事项 1 项、")
    assert [tuple(row[column] for column in SHOWN) for row in section.rows] == CHANGES[:6]


# A 市级权责清单 of 2022 and its 2024 edition, saved in two folders (tests/fixtures/list_versions).
POWER_2022, POWER_2024 = (FIXTURES.parent / "list_versions" / name for name in ("quanze_2022.csv", "quanze_2024.csv"))
EXAMPLE_CITY = Region(("示例市",))


def test_a_power_list_s_yearly_edition_is_its_version_and_its_changes_are_listed(store: Store) -> None:
    """The 2024 权责清单 shares two of its three items with the 2022 one: its later version, not a second list. Only
    its items are evidence; list_changes names the item added and the one deleted, each with its row, and the
    department that exercises them as 实施, not 牵头 (a 权责清单's departments lead nothing)."""
    for path in (POWER_2022, POWER_2024):
        report = ingest([path], store, region=EXAMPLE_CITY)
        assert all(outcome.ok for outcome in report.outcomes), [outcome.error for outcome in report.outcomes]
    assert [path for path, _other, _why in report.replaced] == [POWER_2024]
    assert [row["name"] for row in store.read("MATCH (p:PowerItem) RETURN p.name AS name ORDER BY name")] == [
        "出租汽车经营许可", "对道路运输企业安全生产的监督检查", "道路货物运输经营许可"]
    title, before, after = "示例市市级权责清单", "2022年3月1日 quanze_2022.csv", "2024年5月10日 quanze_2024.csv（现行）"
    assert _changes(store) == [
        (title, before, after, "新增事项", "对道路运输企业安全生产的监督检查", "", "实施：市交通运输局",
         f"{POWER_2022}", f"{POWER_2024} 序号3（第6行）"),
        (title, before, after, "删除事项", "对未取得道路运输经营许可擅自从事道路运输经营的处罚", "实施：市交通运输局", "",
         f"{POWER_2022} 序号3（第6行）", f"{POWER_2024}")]


def test_a_power_item_given_to_another_department_is_an_implementing_department_change(store: Store,
                                                                                         tmp_path: Path) -> None:
    edition = tmp_path / "quanze_2023.csv"
    edition.write_text(POWER_2022.read_text(encoding="utf-8").replace("2022年3月1日", "2023年3月1日").replace(
        "2,,JT-XK-002", "2,市城市管理局,JT-XK-002"), encoding="utf-8")
    for path in (POWER_2022, edition):
        assert all(outcome.ok for outcome in ingest([path], store, region=EXAMPLE_CITY).outcomes)
    # Row 3's blank 实施部门 is the one above it: both items move.
    assert [row[3:7] for row in _changes(store)] == [
        ("实施部门变更", "出租汽车经营许可", "市交通运输局", "市城市管理局"),
        ("实施部门变更", "对未取得道路运输经营许可擅自从事道路运输经营的处罚", "市交通运输局", "市城市管理局")]


def test_a_version_an_earlier_dutygraph_loaded_is_not_compared(store: Store) -> None:
    """A list loaded before fields version 11 kept no rows: compared with its next version, every row read as 新增.
    Its steps are left out until it is loaded again; the other lists' are listed."""
    _load(store, BOUNDARY_MARCH, CATALOG_APRIL)
    store.write_atomic([Statement("UNWIND $rows AS r MATCH (d:Document {path: r.path}) "
                                  "SET d.version_rows = null, d.fields_version = 10", [{"path": str(BOUNDARY_MARCH)}])])
    _load(store, BOUNDARY_SEPT, CATALOG_OCT)
    assert store.read("MATCH (v:ListVersion) RETURN v.path AS path, v.version_rows IS NULL AS rowless ORDER BY path") == [
        {"path": str(BOUNDARY_MARCH), "rowless": True}, {"path": str(CATALOG_APRIL), "rowless": False}]
    assert _changes(store) == CHANGES[6:]
