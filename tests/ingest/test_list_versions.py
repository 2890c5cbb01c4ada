"""A corrected list replaces the one loaded before, and a document loaded by mistake comes out again (user test of a
data steward): before, a corrected copy stood beside the first, whose 牵头 stayed beside the corrected one (read as
文件间牵头部门不一致) and whose deleted rows stayed in every finding; and nothing but a reset took a document out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.store import Store
from ingest.list_dates import list_date
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import RemovalError, find_documents, remove
from queries import catalog
from queries.ambiguities import host_assist_ambiguities
from queries.sources import document_titles, with_readable_sources
from tests.ingest.conftest import unstamped, whole_graph

CITY = Region(("示例市",))
HEADER = "序号,边界事项,牵头部门,配合部门,职责边界\n"
FIRST = HEADER + ("1,城区夜间施工噪声管理,市生态环境局,市城管局,生态环境局核发夜间施工许可；城管局查处违规施工。\n"
                  "2,校外培训机构消防安全检查,市教育局,市消防救援支队,教育局督促机构落实消防责任。\n"
                  "3,古树名木保护,市城管局,市自然资源局,城管局负责城区古树名木日常养护。\n")
# The office's correction: row 1's lead changed, row 2 deleted, a row added.
CORRECTED = HEADER + ("1,城区夜间施工噪声管理,市城管局,市生态环境局,城管局查处违规施工；生态环境局核发许可。\n"
                      "2,古树名木保护,市城管局,市自然资源局,城管局负责城区古树名木日常养护。\n"
                      "3,户外广告设施安全检查,市城管局,市市场监管局,城管局负责户外广告设施安全检查。\n")
AS_CORRECTED = [
    ("古树名木保护", "示例市", ["示例市城管局"], ["示例市自然资源局"]),
    ("城区夜间施工噪声管理", "示例市", ["示例市城管局"], ["示例市生态环境局"]),
    ("户外广告设施安全检查", "示例市", ["示例市城管局"], ["示例市市场监管局"]),
]


def _matters(store: Store) -> list[tuple[str, str, list[str], list[str]]]:
    return sorted((row["matter"], row["region"], row["leads"], row["assists"]) for row in catalog.run(store, "matters"))


def _documents(store: Store) -> list[str]:
    return [row["path"] for row in store.read("MATCH (d:Document) RETURN d.path AS path ORDER BY path")]


def _write(path: Path, text: str, saved: int) -> Path:
    path.write_text(text, encoding="utf-8")
    os.utime(path, (saved, saved))
    return path


def test_a_corrected_copy_beside_the_old_one_replaces_it(store: Store, tmp_path: Path) -> None:
    old = _write(tmp_path / "边界清单.csv", FIRST, 1_700_000_000)
    assert ingest([old], store, region=CITY).failed == []
    new = _write(tmp_path / "边界清单_v2.csv", CORRECTED, 1_700_000_100)
    report = ingest([new], store, region=CITY)
    assert report.failed == []
    assert report.replaced == [(new, f"{old}", "文件名标明是修订版本（边界清单.csv → 边界清单_v2.csv）/ its file's name "
                                               "marks a version of the other's (边界清单.csv → 边界清单_v2.csv)")]
    assert _matters(store) == AS_CORRECTED
    assert _documents(store) == [str(new)]
    # The deleted row's matter, and the parties only it named, are gone; no finding says two leads.
    assert store.read("MATCH (d:Department) WHERE d.name CONTAINS '教育' OR d.name CONTAINS '消防' "
                      "RETURN d.name AS name") == []
    assert sorted((row["matter"], row["reason"]) for row in host_assist_ambiguities(store, "示例市")) == []


def test_a_replaced_list_leaves_the_graph_its_correction_alone_gives(store: Store, other_store: Store,
                                                                     tmp_path: Path) -> None:
    """Departments only the replaced version named kept citing it (`source`, and their place in the region), for the
    replacement could not see the corrected version's rows in the same write."""
    old = _write(tmp_path / "边界清单.csv", FIRST, 1_700_000_000)
    new = _write(tmp_path / "边界清单_v2.csv", CORRECTED, 1_700_000_100)
    assert ingest([old], store, region=CITY).failed == []
    assert ingest([new], store, region=CITY).failed == []
    other_store.clear()
    other_store.apply_schema()
    assert ingest([new], other_store, region=CITY).failed == []
    # Beside the replaced version's history (tests/ingest/test_list_history.py), which no analysis reads.
    nodes, edges = whole_graph(store)
    assert [node["props"]["path"] for node in nodes if node["labels"] == ["ListVersion"]] == [str(old)]
    assert ([node for node in nodes if node["labels"] != ["ListVersion"]], edges) == whole_graph(other_store)
    (document,) = _documents_uids(store)
    assert store.read("MATCH (r:Region)-[h:HAS_DEPARTMENT]->(n:Department) WHERE NOT split(n.source, '#')[0] = $doc "
                      "OR NOT split(h.source, '#')[0] = $doc RETURN n.name AS name", {"doc": document}) == []


def _documents_uids(store: Store) -> list[str]:
    return [row["uid"] for row in store.read("MATCH (d:Document) RETURN d.uid AS uid ORDER BY uid")]


def test_a_corrected_file_under_the_same_path_replaces_its_document(store: Store, tmp_path: Path) -> None:
    path = _write(tmp_path / "边界清单.csv", FIRST, 1_700_000_000)
    assert ingest([path], store, region=CITY).failed == []
    _write(path, CORRECTED, 1_700_000_100)
    report = ingest([path], store, region=CITY)
    assert report.replaced == [(path, str(path), f"载入自同一路径 / loaded from the same path ({path})")]
    assert _matters(store) == AS_CORRECTED
    assert _documents(store) == [str(path)]


def test_a_folder_holding_both_versions_loads_the_newer(store: Store, tmp_path: Path) -> None:
    old = _write(tmp_path / "边界清单.csv", FIRST, 1_700_000_000)
    new = _write(tmp_path / "边界清单（修订）.csv", CORRECTED, 1_700_000_100)
    for _time in range(2):  # and again: nothing changes
        report = ingest([tmp_path], store, region=CITY)
        assert report.failed == []
        assert report.older_skipped == [(old, new, "按读入顺序（各版本的日期未能区分，后读入的为较新版本）/ by the order they "
                                                   "were read (no date tells them apart: the one read later is the newer)")]
        assert _matters(store) == AS_CORRECTED
        assert _documents(store) == [str(new)]


def test_lists_of_other_regions_or_kinds_are_not_versions(store: Store, tmp_path: Path) -> None:
    (tmp_path / "city").mkdir()
    (tmp_path / "county").mkdir()
    _write(tmp_path / "city" / "边界清单.csv", FIRST, 1_700_000_000)
    _write(tmp_path / "county" / "边界清单.csv", FIRST.replace("市", "县"), 1_700_000_000)
    assert ingest([tmp_path / "city"], store, region=CITY).failed == []
    report = ingest([tmp_path / "county"], store, region=Region(("示例市", "青山县")))
    assert report.replaced == []
    assert len(_documents(store)) == 2


def test_a_document_loaded_by_mistake_comes_out(store: Store, tmp_path: Path) -> None:
    kept = _write(tmp_path / "边界清单.csv", CORRECTED, 1_700_000_000)
    assert ingest([kept], store, region=CITY).failed == []
    before = whole_graph(store)
    (tmp_path / "other").mkdir()
    wrong = _write(tmp_path / "other" / "误载清单.csv", HEADER + "1,古树名木保护,市园林局,市城管局,园林局负责古树名木保护。\n"
                   "2,城市桥梁安全检测,市住建局,,住建局负责桥梁安全检测。\n", 1_700_000_000)
    assert ingest([wrong], store, region=CITY).failed == []
    removal = remove(store, find_documents(store, ["误载清单.csv"]))
    assert [document.path for document in removal.removed] == [str(wrong)]
    assert whole_graph(store) == before


def test_a_name_that_matches_no_document_or_several_is_refused(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _write(tmp_path / "a" / "清单.csv", FIRST, 1_700_000_000)
    _write(tmp_path / "b" / "清单.csv", FIRST.replace("市", "县"), 1_700_000_000)
    assert ingest([tmp_path / "a"], store, region=CITY).failed == []
    assert ingest([tmp_path / "b"], store, region=Region(("示例市", "青山县"))).failed == []
    with pytest.raises(RemovalError, match="no document of the graph"):
        find_documents(store, ["没有的清单.csv"])
    with pytest.raises(RemovalError, match="names 2 documents"):
        find_documents(store, ["清单.csv"])


# Two 街道's own lists, both titled 职责边界清单 and loaded into one district: two lists, not two versions.
_STREET_A = ("职责边界清单\n" + HEADER + "1,背街小巷环境卫生管理,河西街道办事处,区城管局,街道负责日常保洁。\n"
             "2,老旧小区楼道堆物清理,河西街道办事处,区消防救援大队,街道组织清理。\n"
             "3,社区养老服务站运营监管,河西街道办事处,区民政局,街道负责日常监管。\n")
_STREET_B = ("职责边界清单\n" + HEADER + "1,农贸市场周边秩序管理,滨江街道办事处,区市场监管局,街道负责周边秩序。\n"
             "2,背街小巷环境卫生管理,滨江街道办事处,区城管局,街道负责日常保洁。\n"
             "3,沿江步道巡查,滨江街道办事处,区水务局,街道负责日常巡查。\n")
HEXI = Region(("示例市", "河西区"))


def test_two_lists_sharing_a_title_but_not_their_matters_stand_side_by_side(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _write(tmp_path / "a" / "边界清单.csv", _STREET_A, 1_700_000_000)
    second = _write(tmp_path / "b" / "边界清单.csv", _STREET_B, 1_700_000_100)
    assert ingest([first], store, region=HEXI).failed == []
    report = ingest([second], store, region=HEXI)
    assert (report.failed, report.replaced) == ([], [])
    assert report.beside == [(second, f"《职责边界清单》 {first}", "同名但事项大多不同（3 项中仅 1 项相同），是两份清单，并存 / "
                                                                "the same name, but only 1 of 3 matters in common: two "
                                                                "lists, side by side")]
    assert _documents(store) == [str(first), str(second)]
    assert [matter for matter, *_rest in _matters(store)] == [
        "农贸市场周边秩序管理", "沿江步道巡查", "社区养老服务站运营监管", "老旧小区楼道堆物清理", "背街小巷环境卫生管理"]


def test_a_later_year_of_one_list_replaces_it_and_a_dated_correction_replaces(store: Store, other_store: Store,
                                                                             tmp_path: Path) -> None:
    """Years and order by the lists' own dates (a date row under the title), not the files' times: the 2023 list saved
    before the 2022 one is still the later; the 2023 list's correction (dated later in 2023, saved earlier) is the
    later version of it. A later year's list sharing most matters is the year's version of the list: the 2022 one is
    kept as its history, not read as a second current list (before, both stood, and the 牵头 the 2023 list changed
    read as two documents disagreeing)."""
    (tmp_path / "y2022").mkdir()
    (tmp_path / "y2023").mkdir()
    titled = "示例市部门职责边界清单\n更新日期：{}\n"
    y2022 = _write(tmp_path / "y2022" / "边界清单.csv", titled.format("2022年3月1日") + FIRST, 1_700_000_500)
    y2023 = _write(tmp_path / "y2023" / "边界清单.csv", titled.format("2023年2月1日") + FIRST, 1_700_000_000)
    fixed = _write(tmp_path / "y2023" / "边界清单（修订）.csv", titled.format("2023年6月30日") + CORRECTED, 1_600_000_000)
    assert ingest([y2022], store, region=CITY).failed == []
    report = ingest([tmp_path / "y2023"], store, region=CITY)
    assert report.failed == []
    assert report.older_skipped == [(y2023, fixed, "按清单所署日期（2023-06-30 晚于 2023-02-01）/ by the lists' own dates "
                                                   "(2023-06-30 after 2023-02-01)")]
    assert report.beside == []
    assert report.replaced == [(fixed, f"《示例市部门职责边界清单》 {y2022}", (
        "年度不同（2022年、2023年），事项大多相同（3 项中 2 项相同），是同一清单的新年度版本 / lists of different years "
        "(2022, 2023) with 2 of 3 matters in common: a later year's version of the list"))]
    assert store.read("MATCH (d:Document) RETURN d.title AS title, d.issued AS issued ORDER BY issued") == [
        {"title": "示例市部门职责边界清单", "issued": "2023-06-30"}]
    assert store.read("MATCH (v:ListVersion) RETURN v.issued AS issued ORDER BY issued") == [
        {"issued": "2022-03-01"}, {"issued": "2023-02-01"}]
    assert _matters(store) == AS_CORRECTED
    assert [row["matter"] for row in host_assist_ambiguities(store) if row["reason"] == "conflicting_leads"] == []
    # The year's adjustments, each citing both versions (2022 → 2023-02: nothing changed; → 2023-06: the correction).
    early, current = "2023年2月1日 边界清单.csv", "2023年6月30日 边界清单（修订）.csv（现行）"
    assert [(row["from_version"], row["to_version"], row["change_label"], row["matter"])
            for row in catalog.run(store, "list_changes", {})] == [
        (early, current, "新增事项", "户外广告设施安全检查"), (early, current, "删除事项", "校外培训机构消防安全检查"),
        (early, current, "牵头部门变更", "城区夜间施工噪声管理"), (early, current, "配合部门变更", "城区夜间施工噪声管理")]
    # Loaded the other way round, the 2022 list is kept as history and not loaded: the same graph.
    assert ingest([fixed], other_store, region=CITY).failed == []
    later = ingest([y2022, y2023], other_store, region=CITY)
    assert ([path for path, _current, _why in later.kept_current], [(old, new) for old, new, _why in later.older_skipped]
            ) == ([y2023], [(y2022, y2023)])
    held = ("MATCH (d:Document) RETURN d.uid AS uid, d.issued AS issued UNION ALL "
            "MATCH (v:ListVersion) RETURN v.uid AS uid, v.issued AS issued")
    assert sorted(map(str, store.read(held))) == sorted(map(str, other_store.read(held)))
    assert _matters(other_store) == AS_CORRECTED


def test_lists_of_different_years_sharing_few_matters_stand_side_by_side(store: Store, tmp_path: Path) -> None:
    """A year's list of new boundary matters beside the last year's: two lists, both current."""
    (tmp_path / "y2022").mkdir()
    (tmp_path / "y2023").mkdir()
    titled = "示例市部门职责边界清单\n更新日期：{}\n"
    y2022 = _write(tmp_path / "y2022" / "边界清单.csv", titled.format("2022年3月1日") + FIRST, 1_700_000_000)
    y2023 = _write(tmp_path / "y2023" / "边界清单.csv", titled.format("2023年2月1日") + HEADER + (
        "1,古树名木保护,市城管局,市自然资源局,城管局负责城区古树名木日常养护。\n"
        "2,户外广告设施安全检查,市城管局,市市场监管局,城管局负责户外广告设施安全检查。\n"
        "3,共享单车停放秩序管理,市城管局,市交通运输局,城管局负责停放秩序。\n"), 1_700_000_100)
    assert ingest([y2022], store, region=CITY).failed == []
    report = ingest([y2023], store, region=CITY)
    assert (report.failed, report.replaced) == ([], [])
    assert report.beside == [(y2023, f"《示例市部门职责边界清单》 {y2022}", (
        "年度不同（2022年、2023年），事项大多不同（3 项中仅 1 项相同），两份清单并存 / lists of different years "
        "(2022, 2023) with only 1 of 3 matters in common: two lists, side by side"))]
    assert _documents(store) == [str(y2022), str(y2023)]
    # The same title, years apart: documents of one title are cited by their years.
    cited = {row["source"] for row in with_readable_sources(
        store.read("MATCH (:Matter {name: '古树名木保护'})-[f:FROM]->(:Document) RETURN f.source AS source"),
        document_titles(store))}
    assert cited == {"《示例市部门职责边界清单》（2022年）序号3（第6行）", "《示例市部门职责边界清单》（2023年）序号1（第4行）"}


@pytest.mark.parametrize(("first", "second"), [
    ("示例市部门职责边界清单（2022年版）", "示例市部门职责边界清单（2023年版）"),
    ("2022年度示例市部门职责边界清单", "2023年度示例市部门职责边界清单"),
])
def test_a_list_s_yearly_editions_titled_by_their_years_are_its_versions(store: Store, tmp_path: Path, first: str,
                                                                         second: str) -> None:
    """Editions titled by their year (（2023年版）, 2023年度…) are one list's versions, as lists of one title and two
    dates are (user test of a 司法局 reviewer: both editions stood as current, list_changes said nothing and every
    analysis read both editions' items)."""
    y2022 = _write(tmp_path / "边界清单2022.csv", f"{first}\n" + FIRST, 1_700_000_000)
    y2023 = _write(tmp_path / "边界清单2023.csv", f"{second}\n" + CORRECTED, 1_700_000_100)
    assert ingest([y2022], store, region=CITY).failed == []
    report = ingest([y2023], store, region=CITY)
    assert (report.failed, report.beside) == ([], [])
    assert report.replaced == [(y2023, f"《{first}》 {y2022}", (
        "年度不同（2022年、2023年），事项大多相同（3 项中 2 项相同），是同一清单的新年度版本 / lists of different years "
        "(2022, 2023) with 2 of 3 matters in common: a later year's version of the list"))]
    assert _documents(store) == [str(y2023)]
    assert _matters(store) == AS_CORRECTED
    assert [(row["change_label"], row["matter"]) for row in catalog.run(store, "list_changes", {})] == [
        ("新增事项", "户外广告设施安全检查"), ("删除事项", "校外培训机构消防安全检查"), ("牵头部门变更", "城区夜间施工噪声管理"),
        ("配合部门变更", "城区夜间施工噪声管理")]


def test_an_untitled_list_s_yearly_files_are_its_versions_ordered_by_their_names(store: Store, tmp_path: Path
                                                                                 ) -> None:
    """An office saving each year's list untitled, named by its year (边界清单_2022.csv, 边界清单_2023.csv): before,
    two lists by their file names, both current. Now the year in the name dates each, as a title's year would; the
    2023 file was copied first (older modification time) and loaded last: the dates decide, not the files' times."""
    y2023 = _write(tmp_path / "边界清单_2023.csv", CORRECTED, 1_700_000_000)
    y2022 = _write(tmp_path / "边界清单_2022.csv", FIRST, 1_700_000_100)
    assert ingest([y2022], store, region=CITY).failed == []
    report = ingest([y2023], store, region=CITY)
    assert (report.failed, report.beside) == ([], [])
    assert report.replaced == [(y2023, f"{y2022}", (
        "年度不同（2022年、2023年），事项大多相同（3 项中 2 项相同），是同一清单的新年度版本 / lists of different years "
        "(2022, 2023) with 2 of 3 matters in common: a later year's version of the list"))]
    assert _documents(store) == [str(y2023)]
    assert _matters(store) == AS_CORRECTED
    # list_changes names each version by the date its file's name carries.
    assert sorted({(row["from_version"], row["to_version"]) for row in catalog.run(store, "list_changes", {})}) == [
        ("2022年 边界清单_2022.csv", "2023年 边界清单_2023.csv（现行）")]
    # Loaded again, the 2022 file does not replace the later year's.
    again = ingest([y2022], store, region=CITY)
    assert (again.outcomes, again.replaced) == ([], [])
    assert again.kept_current == [(y2022, f"{y2023}", (
        "较早版本，未替换现行清单（2023年）：按文件名中的日期（2023 晚于 2022）/ an earlier version: the current list stays "
        "(by the dates in their files' names, 2023 after 2022)"))]
    assert _documents(store) == [str(y2023)]


# A 权责清单 of 2022 and of 2024 (tests/fixtures/list_versions), each dated by a row under its title.
VERSIONS = Path(__file__).resolve().parents[1] / "fixtures" / "list_versions"


def _copied(fixture: str, path: Path) -> Path:
    path.write_bytes((VERSIONS / fixture).read_bytes())
    return path


def _power_items(store: Store) -> list[str]:
    return [row["name"] for row in store.read("MATCH (p:PowerItem) RETURN p.name AS name ORDER BY name")]


def test_an_earlier_dated_list_loaded_after_the_current_one_leaves_it_current(
        store: Store, other_store: Store, tmp_path: Path) -> None:
    """The 2022 list copied over the 2024 one's file and loaded again: before, it replaced the 2024 list (the same
    path makes them versions) and 2022 read as current. Now it is not loaded, as a replaced version is taken out,
    and the graph is the one loading them in date order gives."""
    path = tmp_path / "权责清单.csv"
    assert ingest([_copied("quanze_2024.csv", path)], store, region=CITY).failed == []
    report = ingest([_copied("quanze_2022.csv", path)], store, region=CITY)
    assert (report.outcomes, report.replaced, report.beside) == ([], [], [])
    assert report.kept_current == [(path, f"《示例市市级权责清单》 {path}", (
        "较早版本，未替换现行清单（2024年5月10日）：按清单所署日期（2024-05-10 晚于 2022-03-01）/ an earlier version: the "
        "current list stays (by the lists' own dates, 2024-05-10 after 2022-03-01)"))]
    assert store.read("MATCH (d:Document) RETURN d.issued AS issued") == [{"issued": "2024-05-10"}]
    assert _power_items(store) == ["出租汽车经营许可", "对道路运输企业安全生产的监督检查", "道路货物运输经营许可"]
    # In date order, the 2024 list replaces the 2022 one: the same documents, items and 实施 edges.
    assert ingest([_copied("quanze_2022.csv", path)], other_store, region=CITY).failed == []
    assert ingest([_copied("quanze_2024.csv", path)], other_store, region=CITY).replaced != []
    held = ("MATCH (d:Document) RETURN properties(d) AS props UNION ALL "
            "MATCH (:Department)-[e:EXERCISES]->(p:PowerItem) RETURN properties(p) + properties(e) AS props")
    assert sorted(str(unstamped(row["props"])) for row in store.read(held)) == sorted(
        str(unstamped(row["props"])) for row in other_store.read(held))


def test_a_correction_dated_later_in_the_year_stays_current(store: Store, tmp_path: Path) -> None:
    """Two versions of one year under a version-marked name: the one dated later stays, whichever is loaded last;
    the one loaded last replaces the other only when it is the later."""
    titled = "示例市部门职责边界清单\n更新日期：{}\n"
    fixed = _write(tmp_path / "边界清单（修订）.csv", titled.format("2023年6月30日") + CORRECTED, 1_600_000_000)
    first = _write(tmp_path / "边界清单.csv", titled.format("2023年2月1日") + FIRST, 1_700_000_000)
    assert ingest([fixed], store, region=CITY).failed == []
    report = ingest([first], store, region=CITY)
    assert [(path, current) for path, current, _why in report.kept_current] == [
        (first, f"《示例市部门职责边界清单》 {fixed}")]
    assert report.kept_current[0][2].startswith("较早版本，未替换现行清单（2023年6月30日）：按清单所署日期（2023-06-30 晚于 "
                                                "2023-02-01）")
    assert _matters(store) == AS_CORRECTED
    assert _documents(store) == [str(fixed)]


@pytest.mark.parametrize(("held", "loaded"), [("2024年", ""), ("", "2022年")])
def test_a_list_dated_by_its_title_and_an_undated_one_replace_as_loaded(store: Store, tmp_path: Path, held: str,
                                                                        loaded: str) -> None:
    """One dated by the year in its title, the other by nothing but its file's time: the graph keeps no file time of
    the list it holds, so the one loaded now replaces the other, as before dates were read."""
    path = tmp_path / "边界清单.csv"
    assert ingest([_write(path, f"示例市{held}部门职责边界清单\n" + FIRST, 1_700_000_000)], store, region=CITY
                  ).failed == []
    report = ingest([_write(path, f"示例市{loaded}部门职责边界清单\n" + CORRECTED, 1_600_000_000)], store, region=CITY)
    assert (report.kept_current, [entry[2] for entry in report.replaced]) == (
        [], [f"载入自同一路径 / loaded from the same path ({path})"])
    assert _matters(store) == AS_CORRECTED


@pytest.mark.parametrize(("path", "date"), [
    ("边界清单_2025.csv", "2025"), ("边界清单2024-03.xlsx", "2024-03"), ("清单2024年3月1日.csv", "2024-03-01"),
    ("2025年度权责清单.xlsx", "2025"), ("目录_2025_30.csv", "2025"),  # 30 is no month: part 30
    ("目录_1.csv", ""), ("清单_2024_2025.csv", ""), ("a_20250301.csv", ""),  # no date, two, one inside a number
])
def test_a_file_s_name_dates_a_list_without_a_date_or_year_of_its_own(path: str, date: str) -> None:
    assert list_date("", "", f"/data/{path}").value == date
    assert list_date("示例市2023年权责清单", "", path).value == "2023"  # the title's year comes first
