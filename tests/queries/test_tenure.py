"""tenure_duties (经济责任审计): a department's duties, their changes and its staffing over a leader's tenure, on
tests/fixtures/tenure: 滨江市文化和旅游局's 三定 of 2019 (20 posts, 3 leader posts) and 2023 (19 posts); its notices of
2020 (cancels 星级饭店评定: before the windows), 2022-04 (文物保护 to the 文物局 with 2 posts, 营业性演出审批 handed
down, a 副处级 post cut) and 2025 (旅游市场 to the 市场监管局: after them); the 体育局's notice of 2022-08 moving
体育赛事活动监督管理 and a post in; a 权责清单 of 2022-09 and a 职责边界清单 of 2018. With tests/fixtures/tenure_periods,
the 文物局's notice of 2022-12 moving 文物保护监督管理 back; with tests/fixtures/tenure_versions, the 权责清单's version of
2023-05 (营业性演出审批 gone, 体育赛事活动的监督检查 new) replacing that of 2022-09."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.catalog import QueryError
from queries.sources import document_titles, with_readable_sources
from queries.tenure import tenure_duties

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "tenure"
MOVED_BACK = FIXTURES.parent / "tenure_periods" / "wenwu_notice_2022.txt"
NEW_VERSION = FIXTURES.parent / "tenure_versions" / "quanze_2023.csv"
DEPARTMENT = "滨江市文化和旅游局"
_S2019 = "《滨江市文化和旅游局职能配置、内设机构和人员编制规定》（2019年）"
_S2023 = "《滨江市文化和旅游局职能配置、内设机构和人员编制规定》（2023年）"
_N2022 = "《关于调整滨江市文化和旅游局职责机构编制的通知》（2022年）"
_TIYU = "《关于调整滨江市体育局职责机构编制的通知》"
_WENWU = "《关于调整滨江市文物局职责机构编制的通知》"


@pytest.fixture
def tenure_store(store: Store) -> Store:
    assert ingest(sorted(FIXTURES.iterdir()), store, region=Region(("滨江市",))).failed == []
    return store


@pytest.fixture
def moved_back_store(store: Store) -> Store:
    assert ingest([*sorted(FIXTURES.iterdir()), MOVED_BACK], store, region=Region(("滨江市",))).failed == []
    return store


@pytest.fixture
def versions_store(store: Store) -> Store:
    assert ingest([*sorted(FIXTURES.iterdir()), NEW_VERSION], store, region=Region(("滨江市",))).failed == []
    return store


def _read(store: Store, start: str, end: str) -> dict[str, Any]:
    result: dict[str, Any] = with_readable_sources(tenure_duties(store, DEPARTMENT, start, end), document_titles(store))
    return result


def test_a_tenure_across_a_notice_and_a_new_sanding(tenure_store: Store) -> None:
    result = _read(tenure_store, "2021-01-01", "2024年6月30日")
    assert (result["from"], result["to"], result["note_zh"]) == ("2021-01-01", "2024-06-30", "")
    assert [(c["date"], c["kind"], c["duty"], c["office"], c["other"], c["staff"], c["leader_posts"], c["source"])
            for c in result["changes"]] == [
        ("2022-04-01", "划出", "负责文物保护的监督管理。", "文物科", "滨江市文物局", None, "", f"{_N2022}一、"),
        ("2022-04-01", "下放", "负责营业性演出的审批。", "市场科", "各县（区）", None, "", f"{_N2022}二、"),
        ("2022-04-01", "编制划出", "", "", "滨江市文物局", 2, "", f"{_N2022}一、"),
        ("2022-04-01", "领导职数调整", "", "", "", None, "副处级 -1", f"{_N2022}三、"),
        ("2022-08-01", "划入", "体育赛事活动监督管理", "", "滨江市体育局", None, "", f"{_TIYU}一、"),
        ("2022-08-01", "编制划入", "", "", "滨江市体育局", 1, "", f"{_TIYU}一、"),
        ("2023-07-01", "新三定施行：新增", "负责公共文化服务体系的建设。", "公共服务科", "", None, "",
         f"{_S2023}第三条(四)"),
        ("2023-07-01", "新三定施行：改写", "负责体育赛事活动的监督管理。", "市场科", "体育赛事活动监督管理", None, "",
         f"{_S2023}第三条(三)")]
    assert [(d["duty"], d["held_from"], d["held_to"], d["status_label"], d["offices"]) for d in result["duties"]] == [
        ("负责文物保护的监督管理。", "2021-01-01", "2022-03-31", "已划出", ["文物科"]),
        ("负责营业性演出的审批。", "2021-01-01", "2022-03-31", "已下放", ["市场科"]),
        ("负责文化艺术事业的发展规划和组织实施。", "2021-01-01", "2024-06-30", "现行", ["艺术科"]),
        ("负责旅游市场的监督管理。", "2021-01-01", "2024-06-30", "现行", ["市场科"]),
        ("完成市委、市政府交办的其他任务。", "2021-01-01", "2024-06-30", "现行", []),
        ("体育赛事活动监督管理", "2022-08-01", "2023-06-30", "后续三定改写（见任期职责变动）", []),
        ("负责体育赛事活动的监督管理。", "2023-07-01", "2024-06-30", "现行", ["市场科"]),
        ("负责公共文化服务体系的建设。", "2023-07-01", "2024-06-30", "现行", ["公共服务科"])]
    # A duty moved out cites the 三定's clause and the notice's.
    assert result["duties"][0]["sources"] == [f"{_N2022}一、", f"{_S2019}第三条(三)"]
    assert [(s["point"], s["date"], s["staff_quota"], s["leader_posts"], s["source"]) for s in result["staffing"]] == [
        ("任期开始", "2021-01-01", 20, 3, f"{_S2019}第五条"), ("任期结束", "2024-06-30", 19, 3, f"{_S2023}第五条")]
    assert [(item["list_kind"], item["relation"], item["item"], item["issued"], item["issued_in_window"])
            for item in result["lists"]] == [
        ("权责清单", "实施", "旅游市场违法行为的处罚", "2022-09-01", True),
        ("权责清单", "实施", "营业性演出审批", "2022-09-01", True),
        ("职责边界清单", "牵头", "旅游景区安全管理", "2018-06-01", False)]
    summary = {row["item"]: row["value"] for row in result["summary"]}
    assert (summary["任期内施行的三定和调整通知"], summary["任期内职责变动"], summary["行政编制"]) == (
        "3 份", "5 项", "任期开始 20 名，任期结束 19 名")


def test_a_window_between_two_changes_has_none(tenure_store: Store) -> None:
    """From after the 2023 三定 to before the 2025 notice: its duties throughout, no change."""
    result = _read(tenure_store, "2023-09-01", "2024-12-31")
    assert result["changes"] == []
    assert {(d["held_from"], d["held_to"], d["status_label"]) for d in result["duties"]} == {
        ("2023-09-01", "2024-12-31", "现行")}
    assert sorted(d["duty"] for d in result["duties"]) == sorted([
        "负责文化艺术事业的发展规划和组织实施。", "负责旅游市场的监督管理。", "负责体育赛事活动的监督管理。",
        "负责公共文化服务体系的建设。", "完成市委、市政府交办的其他任务。"])
    assert [(s["staff_quota"], s["leader_posts"]) for s in result["staffing"]] == [(19, 3), (19, 3)]
    assert [item["issued_in_window"] for item in result["lists"]] == [False, False, False]


def test_a_window_starting_before_the_first_sanding_says_so(tenure_store: Store) -> None:
    result = _read(tenure_store, "2018-01-01", "2019-12-31")
    assert result["note_zh"] == ("任期开始时无 2018-01-01 时施行的三定：图中该部门最早的三定自 2019-03-01 起施行，"
                                 "此前的职责图中未载")
    assert {c["kind"] for c in result["changes"]} == {"新三定施行：新增"}
    assert [(s["staff_quota"], s["source"]) for s in result["staffing"]] == [(None, ""), (20, f"{_S2019}第五条")]
    # Only the list dated by then: the 权责清单 of 2022 was not yet issued.
    assert [(item["item"], item["issued_in_window"]) for item in result["lists"]] == [("旅游景区安全管理", True)]


@pytest.mark.parametrize(("start", "end", "message"), [
    ("2024-01-01", "2021-01-01", "任职日期（2024-01-01）晚于离任日期（2021-01-01）"),
    ("2021-02-30", "2024-01-01", "参数 from 应为日期"),
    ("2021-01-01", "明年", "参数 to 应为日期")])
def test_a_window_that_is_none_is_refused(tenure_store: Store, start: str, end: str, message: str) -> None:
    with pytest.raises(QueryError) as raised:
        tenure_duties(tenure_store, DEPARTMENT, start, end)
    assert message in raised.value.zh


def test_a_duty_moved_out_and_back_has_a_row_a_period(moved_back_store: Store) -> None:
    """文物保护 moved out on 2022-04-01 and back on 2022-12-01: two periods of the 三定's clause, the first ending
    moved out (the notice that moved it cited), the second current at the window's end (the notice moving it back
    cited); the summary counts the duty once."""
    result = _read(moved_back_store, "2021-01-01", "2022-12-31")
    assert [(d["duty"], d["held_from"], d["held_to"], d["status_label"], d["sources"])
            for d in result["duties"] if "文物" in d["duty"]] == [
        ("负责文物保护的监督管理。", "2021-01-01", "2022-03-31", "已划出", [f"{_N2022}一、", f"{_S2019}第三条(三)"]),
        ("负责文物保护的监督管理。", "2022-12-01", "2022-12-31", "现行", [f"{_WENWU}一、"])]
    assert [(c["date"], c["kind"], c["duty"], c["other"]) for c in result["changes"] if c["duty"] and "文物" in c["duty"]] \
        == [("2022-04-01", "划出", "负责文物保护的监督管理。", "滨江市文物局"),
            ("2022-12-01", "划入", "文物保护监督管理", "滨江市文物局")]
    summary = {row["item"]: row["value"] for row in result["summary"]}
    assert summary["任期内承担过的职责"] == "6 项，其中任期结束时仍承担 5 项"
    # A later 三定 that no longer states it ends the second period; the periods stay together.
    periods = [(d["held_from"], d["held_to"], d["status_label"])
               for d in _read(moved_back_store, "2021-01-01", "2024-06-30")["duties"] if "文物" in d["duty"]]
    assert periods == [("2021-01-01", "2022-03-31", "已划出"), ("2022-12-01", "2023-06-30", "后续三定未载明")]


_LIST = "《滨江市市级部门权责清单》"


def _lists(store: Store, start: str, end: str) -> list[tuple[str, str, str, str, str, bool, str]]:
    return [(item["list_kind"], item["item"], item["detail"], item["issued"], item["in_force_to"],
             item["issued_in_window"], item["source"]) for item in _read(store, start, end)["lists"]]


def test_a_list_version_replaced_still_shows_what_it_listed_in_the_window(versions_store: Store) -> None:
    """The 权责清单 of 2022-09 was replaced on 2023-05-01: a tenure across both reads each version's items with its
    dates (the replaced one's from its rows as kept, ingest.list_history), one ending before the new version reads
    the old version's only, and one starting after the replacement the current's only."""
    old = [("权责清单", "旅游市场违法行为的处罚", "行政处罚", "2022-09-01", "2023-04-30", True, f"{_LIST}（2022年9月1日版）序号2（第5行）"),
           ("权责清单", "营业性演出审批", "行政许可", "2022-09-01", "2023-04-30", True, f"{_LIST}（2022年9月1日版）序号1（第4行）")]
    new = [("权责清单", "体育赛事活动的监督检查", "行政检查", "2023-05-01", "现行", True, f"{_LIST}序号2（第5行）"),
           ("权责清单", "旅游市场违法行为的处罚", "行政处罚", "2023-05-01", "现行", True, f"{_LIST}序号1（第4行）")]
    boundary = ("职责边界清单", "旅游景区安全管理", "滨江市部门职责边界清单", "2018-06-01", "现行", False,
                "《滨江市部门职责边界清单》序号1（第4行）")
    assert _lists(versions_store, "2021-01-01", "2024-06-30") == [*old, *new, boundary]
    assert _lists(versions_store, "2021-01-01", "2022-12-31") == [*old, boundary]
    # The old version's last day is the day before the new one's: a tenure from that day on reads the new one only.
    assert _lists(versions_store, "2023-04-30", "2024-06-30")[:2] == [(*row[:5], False, row[6]) for row in old]
    assert _lists(versions_store, "2023-05-01", "2024-06-30") == [*new, boundary]
    assert [row[5] for row in _lists(versions_store, "2023-09-01", "2024-06-30")] == [False, False, False]


def test_list_versions_dated_by_their_titles_year_bind_the_tenure(store: Store, tmp_path: Path) -> None:
    """Two versions of the 权责清单 dated only by the year in their titles (no date row): before, the replaced 2021
    one was left out (only a date row dated a version) and the current one read as 未署日期. A replaced version's
    items keep their 职权类型, a boundary row its 职责分工 or else the list's title, as the current's do (before: '')."""
    power = "序号,事项名称,事项类型,实施部门,设定依据"
    licence, penalty = "营业性演出审批,行政许可,滨江市文化和旅游局,《营业性演出管理条例》", \
        "旅游市场违法行为的处罚,行政处罚,滨江市文化和旅游局,《中华人民共和国旅游法》"
    boundary = "序号,边界事项,牵头部门,配合部门,职责边界"
    scenic = "旅游景区安全管理,滨江市文化和旅游局,滨江市应急管理局,文旅局负责景区安全监管。"
    lists = {"quanze_2021": ("滨江市2021年市级部门权责清单", power, licence, penalty),
             "quanze_2023": ("滨江市2023年市级部门权责清单", power, penalty, licence),
             "bianjie_2021": ("滨江市2021年部门职责边界清单", boundary, scenic, "演出场所消防检查,滨江市文化和旅游局,滨江市消防救援支队,"),
             "bianjie_2022": ("滨江市2022年部门职责边界清单", boundary, scenic, "演出场所消防检查,滨江市消防救援支队,滨江市文化和旅游局,")}
    for name, (title, header, *rows) in lists.items():
        (tmp_path / f"{name}.csv").write_text("\n".join([title, header, *(f"{n},{row}" for n, row in enumerate(rows, 1))])
                                              + "\n", encoding="utf-8")
    files = [FIXTURES / "wenlv_2019.txt", *(tmp_path / f"{name}.csv" for name in
                                            ("quanze_2021", "quanze_2023", "bianjie_2021", "bianjie_2022"))]
    assert ingest(files, store, region=Region(("滨江市",))).failed == []
    old, new = "《滨江市2021年市级部门权责清单》（2021年版）", "《滨江市2023年市级部门权责清单》"
    assert [row for row in _lists(store, "2022-01-01", "2023-06-30") if row[0] == "权责清单"] == [
        ("权责清单", "旅游市场违法行为的处罚", "行政处罚", "2021", "2023前", False, f"{old}序号2（第4行）"),
        ("权责清单", "营业性演出审批", "行政许可", "2021", "2023前", False, f"{old}序号1（第3行）"),
        ("权责清单", "旅游市场违法行为的处罚", "行政处罚", "2023", "现行", True, f"{new}序号1（第3行）"),
        ("权责清单", "营业性演出审批", "行政许可", "2023", "现行", True, f"{new}序号2（第4行）"),
    ]
    edge, title, now = "《滨江市2021年部门职责边界清单》（2021年版）", "滨江市2021年部门职责边界清单", "滨江市2022年部门职责边界清单"
    assert _lists(store, "2021-06-01", "2022-06-30")[-4:] == [
        ("职责边界清单", "旅游景区安全管理", title, "2021", "2022前", True, f"{edge}序号1（第3行）"),
        ("职责边界清单", "演出场所消防检查", title, "2021", "2022前", True, f"{edge}序号2（第4行）"),
        ("职责边界清单", "旅游景区安全管理", now, "2022", "现行", True, f"《{now}》序号1（第3行）"),
        ("职责边界清单", "演出场所消防检查", now, "2022", "现行", True, f"《{now}》序号2（第4行）"),
    ]


def test_a_part_moved_out_and_back_is_one_period_of_its_clause(store: Store, tmp_path: Path) -> None:
    """文物保护's clause says 考古发掘 too: the 2022-04 notice moves part of it out (部分划出), the 文物局's of 2022-12
    moves that part back. The clause is held throughout, wholly again at the window's end: one period, 现行, citing
    the notice that moved the part back. Before, the part moved back was a row of its own beside the clause, which
    stayed 部分划出."""
    clause = "负责文物保护的监督管理和考古发掘的组织协调。"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in [*sorted(FIXTURES.iterdir()), MOVED_BACK]:
        text = path.read_text(encoding="utf-8")
        (corpus / path.name).write_text(text.replace("（三）负责文物保护的监督管理。", f"（三）{clause}")
                                        if path.name == "wenlv_2019.txt" else text, encoding="utf-8")
    assert ingest(sorted(corpus.iterdir()), store, region=Region(("滨江市",))).failed == []
    result = _read(store, "2021-01-01", "2022-12-31")
    assert [(d["duty"], d["held_from"], d["held_to"], d["status_label"], d["sources"])
            for d in result["duties"] if "文物" in d["duty"]] == [
        (clause, "2021-01-01", "2022-12-31", "现行", [f"{_S2019}第三条(三)", f"{_WENWU}一、"])]
    changes = [(c["date"], c["kind"], c["duty"], c["other"]) for c in result["changes"] if "文物" in c["duty"]]
    assert changes == [("2022-04-01", "部分划出", clause, "滨江市文物局"),
                       ("2022-12-01", "划入", "文物保护监督管理", "滨江市文物局")]
