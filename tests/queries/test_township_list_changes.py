"""list_changes of a 乡镇（街道）履行职责事项清单 (user test: a township's 党政办 clerk comparing this year's list with
last year's): a matter moving between the list's parts (基本履职 → 配合履职 → 上级收回) is a 清单部分变更, and the
county departments are named for what they are in their part (the one a 配合 matter's township assists, the one
that took a 收回 matter back), not as a boundary list's 牵头 and 配合."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from queries import catalog
from queries.list_changes import summary
from tests.conftest import REPO
from tests.ingest.test_township_lists import COUNTY

FIXTURES = REPO / "tests" / "fixtures" / "township_history"
OLD, NEW = FIXTURES / "anping_lvzhi_2024.csv", FIXTURES / "anping_lvzhi_2025.csv"


def _changed(store: Store) -> list[dict[str, object]]:
    for path in (NEW, OLD):  # the older loaded last: kept as history all the same
        report = ingest([path], store, region=COUNTY)
        assert [outcome.error for outcome in report.failed] == []
    return catalog.run(store, "list_changes", {"region": "澄州市/石岭县"})


def test_a_township_list_s_parts_and_departments_compared(store: Store) -> None:
    rows = _changed(store)
    assert [(row["change"], row["change_label"], row["matter"], row["before"], row["after"], row["from_source"],
             row["to_source"]) for row in rows] == [
        ("added", "新增事项", "矛盾纠纷排查化解", "", "基本履职事项", str(OLD), f"{NEW} 基本履职事项序号3（第7行）"),
        ("renamed", "事项名称变更", "犬只登记和管理", "犬只登记管理", "犬只登记和管理",
         f"{OLD} 上级部门收回事项序号2（第16行）", f"{NEW} 上级部门收回事项序号3（第17行）"),
        ("part_changed", "清单部分变更", "动物防疫", "配合履职事项，县级部门：县农业农村局",
         "上级部门收回事项，收回部门：县农业农村局", f"{OLD} 配合履职事项序号3（第12行）", f"{NEW} 上级部门收回事项序号1（第15行）"),
        ("part_changed", "清单部分变更", "辖区安全隐患日常巡查", "基本履职事项", "配合履职事项，县级部门：县应急管理局",
         f"{OLD} 基本履职事项序号3（第7行）", f"{NEW} 配合履职事项序号1（第10行）"),
        ("assisted_changed", "配合履职事项县级部门变更", "农村危房改造", "县农业农村局", "县住房和城乡建设局",
         f"{OLD} 配合履职事项序号2（第11行）", f"{NEW} 配合履职事项序号3（第12行）"),
        ("reclaimer_changed", "收回部门变更", "犬只登记和管理", "县城市管理局", "县公安局",
         f"{OLD} 上级部门收回事项序号2（第16行）", f"{NEW} 上级部门收回事项序号3（第17行）")]
    assert {(row["list_title"], row["from_version"], row["to_version"]) for row in rows} == {
        ("石岭县安平镇履行职责事项清单", "2024年3月1日 anping_lvzhi_2024.csv", "2025年1月6日 anping_lvzhi_2025.csv（现行）")}
    assert summary(rows) == ("《石岭县安平镇履行职责事项清单》2024年3月1日 anping_lvzhi_2024.csv → 2025年1月6日 "
                             "anping_lvzhi_2025.csv（现行）：新增事项 1 项、事项名称变更 1 项、清单部分变更 2 项、"
                             "配合履职事项县级部门变更 1 项、收回部门变更 1 项")


def test_a_county_table_s_matters_are_compared_township_by_township(store: Store, tmp_path: Path) -> None:
    # One table for the county, a matter once a township: 安平镇's 耕地保护 is not 白沙乡's, whatever the rows' order
    # (paired first with first, 安平镇's dropped 耕地保护 read as 白沙乡's).
    header = ["石岭县乡镇（街道）履行职责事项清单", "", "二、配合履职事项清单",
              "序号,乡镇（街道）,事项类别,事项名称,乡镇（街道）配合职责,县级牵头部门"]
    rows = {"2024": ["1,安平镇,自然资源,耕地保护,配合巡查,县自然资源局", "2,白沙乡,自然资源,耕地保护,配合巡查,县自然资源局",
                     "3,白沙乡,农业农村,动物防疫,配合免疫,县农业农村局"],
            "2025": ["1,白沙乡,自然资源,耕地保护,配合巡查,县自然资源局", "2,安平镇,农业农村,动物防疫,配合免疫,县农业农村局",
                     "3,白沙乡,农业农村,动物防疫,配合免疫,县农业农村局"]}
    for year, dated in (("2024", "更新日期：2024年3月1日"), ("2025", "更新日期：2025年1月6日")):
        path = tmp_path / f"shiling_lvzhi_{year}.csv"
        path.write_text("\n".join([header[0], dated, *header[2:], *rows[year]]) + "\n", encoding="utf-8")
        report = ingest([path], store, region=COUNTY)
        assert [outcome.error for outcome in report.failed] == []
    assert [(row["change_label"], row["matter"], row["before"], row["after"], row["from_source"].split(" ")[1:],
             row["to_source"].split(" ")[1:]) for row in catalog.run(store, "list_changes", {"region": "澄州市/石岭县"})] == [
        ("新增事项", "安平镇：动物防疫", "", "配合履职事项，县级部门：县农业农村局", [], ["配合履职事项序号2（第6行）"]),
        ("删除事项", "安平镇：耕地保护", "配合履职事项，县级部门：县自然资源局", "", ["配合履职事项序号1（第5行）"], [])]
