"""duties_in_force after a 调整职责机构编制 notice took work from a department (划出 to another department, 取消, 下放):
on a date after it, the 三定 clauses the work covers no longer read as the department's duty (the row stays, with the
status and the notice's clause), the receiving department's rows show the work moved in, and a later 三定 answers
for itself. And two 三定 texts of one 施行日期 (a corrected reissue) are not read as one version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Row, Store
from ingest.pipeline import ingest
from queries import catalog
from queries.in_force import in_force, version_in_force
from queries.lookup import find_department
from queries.registry import run_analysis
from queries.sources import document_titles, with_readable_sources
from tests.ingest.test_revised_sanding import CITY, _2019, _load

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "in_force"
CITY_MANAGEMENT, HOUSING = "临川市城市管理局", "临川市住房和城乡建设局"
_NOTHING = ("current", "", "", "", "")
_2020 = "《临川市城市管理局职能配置、内设机构和人员编制规定》（2020年）"
_HOUSING = "《临川市住房和城乡建设局职能配置、内设机构和人员编制规定》"
_NOTICE = "《关于调整临川市城市管理局职责机构编制的通知》"

# (office, ordinal, text, status, the notice's words, counterpart, its clause, in force from) before the notice.
_BEFORE = [
    ("", 1, "负责市政设施的养护管理。", "current", "", "", "", ""),
    ("", 2, "负责户外广告设置的审批。", "current", "", "", "", ""),
    ("", 3, "负责建筑垃圾运输处置的监督管理。", "current", "", "", "", ""),
    ("", 4, "负责城市照明设施的运行维护。", "current", "", "", "", ""),
    ("", 5, "完成市委、市政府交办的其他任务。", "current", "", "", "", ""),
    ("办公室", 1, "负责机关日常运转。", "current", "", "", "", ""),
    ("市政科", 1, "负责市政设施的养护管理。", "current", "", "", "", ""),
    ("照明科", 1, "负责城市照明设施的运行维护。", "current", "", "", "", ""),
    ("市容科", 1, "负责户外广告设置的审批。", "current", "", "", "", ""),
    ("渣土科", 1, "负责建筑垃圾运输处置的监督管理。", "current", "", "", "", ""),
]
_MOVED = ("transferred", "城市照明设施运行维护", HOUSING, f"{_NOTICE}一、", "2022-06-01")
_CANCELLED = ("cancelled", "户外广告设置审批", "", f"{_NOTICE}二、", "2022-06-01")
# The lower governments the notice hands the work to are its counterpart, as the notice names them.
_DEVOLVED = ("devolved", "建筑垃圾运输处置监督管理", "各县（区）", f"{_NOTICE}三、", "2022-06-01")
_AFTER_NOTICE = [
    _BEFORE[0], (*_BEFORE[1][:3], *_CANCELLED), (*_BEFORE[2][:3], *_DEVOLVED), (*_BEFORE[3][:3], *_MOVED),
    _BEFORE[4], _BEFORE[5], _BEFORE[6], (*_BEFORE[7][:3], *_MOVED), (*_BEFORE[8][:3], *_CANCELLED),
    (*_BEFORE[9][:3], *_DEVOLVED),
]
# The 2024 三定 states what the bureau kept; the notice is no longer in force for it.
_UNDER_2024 = [
    ("", 1, "负责市政设施的养护管理。", "current", "", "", "", ""),
    ("", 2, "负责城市市容环境卫生的监督管理。", "current", "", "", "", ""),
    ("", 3, "完成市委、市政府交办的其他任务。", "current", "", "", "", ""),
    ("办公室", 1, "负责机关日常运转。", "current", "", "", "", ""),
    ("市政科", 1, "负责市政设施的养护管理。", "current", "", "", "", ""),
    ("市容科", 1, "负责城市市容环境卫生的监督管理。", "current", "", "", "", ""),
]


def _load_fixtures(store: Store, newer_first: bool = False) -> None:
    paths = sorted(FIXTURES.iterdir(), reverse=newer_first)
    assert ingest(paths, store, region=CITY).failed == []


def _in_force(store: Store, department: str, date: str) -> list[tuple[Any, ...]]:
    rows = with_readable_sources(run_analysis(store, "duties_in_force", {"department": department, "date": date}),
                                 document_titles(store))
    return [(r["office"], r["ordinal"], r["text"], r["status"], r["change"], r["counterpart"], r["change_source"],
             r["changed_on"]) for r in rows]


@pytest.mark.parametrize("newer_first", [False, True])
def test_work_a_notice_took_is_no_longer_the_department_s_duty(store: Store, newer_first: bool) -> None:
    """The notice words the work otherwise than the 三定 (城市照明设施运行维护 for 负责城市照明设施的运行维护。): the
    bureau's answer for a date after it read all four duties as its own."""
    _load_fixtures(store, newer_first)
    assert _in_force(store, CITY_MANAGEMENT, "2022-05-31") == _BEFORE
    assert _in_force(store, CITY_MANAGEMENT, "2022-06-01") == _AFTER_NOTICE
    assert _in_force(store, CITY_MANAGEMENT, "2023-12-31") == _AFTER_NOTICE
    assert _in_force(store, CITY_MANAGEMENT, "2024-01-01") == _UNDER_2024


def test_each_row_cites_the_sanding_and_a_moved_duty_the_notice_too(store: Store) -> None:
    _load_fixtures(store)
    rows = with_readable_sources(run_analysis(store, "duties_in_force", {"department": CITY_MANAGEMENT,
                                                                         "date": "2023-01-01"}), document_titles(store))
    assert [(r["source"], r["in_force_from"], r["carried_by"]) for r in rows[:5]] == [
        (f"{_2020}第三条(一)", "2020-01-01", ["市政科"]), (f"{_2020}第三条(二)", "2020-01-01", ["市容科"]),
        (f"{_2020}第三条(三)", "2020-01-01", ["渣土科"]), (f"{_2020}第三条(四)", "2020-01-01", ["照明科"]),
        (f"{_2020}第三条(五)", "2020-01-01", [])]
    answer = in_force(store, CITY_MANAGEMENT, "2023-01-01")
    assert [(v["kind"], v["in_force_from"]) for v in answer.sandings + answer.amendments] == [
        ("sanding", "2020-01-01"), ("amendment", "2022-06-01")]


def test_the_receiving_department_shows_the_work_moved_in(store: Store) -> None:
    """The notice is the 城市管理局's: the 住建局's answer counts it too, from the day it came into force until a
    三定 of the 住建局 restates what it holds."""
    _load_fixtures(store)
    sanding = [("", 1, "负责建筑市场的监督管理。", *_NOTHING), ("", 2, "负责城镇燃气行业的监督管理。", *_NOTHING),
               ("", 3, "完成市委、市政府交办的其他任务。", *_NOTHING), ("办公室", 1, "负责机关日常运转。", *_NOTHING),
               ("建筑市场科", 1, "负责建筑市场的监督管理。", *_NOTHING)]
    moved_in = ("", None, "城市照明设施运行维护", "current", "", CITY_MANAGEMENT, f"{_NOTICE}一、", "2022-06-01")
    assert _in_force(store, HOUSING, "2022-05-31") == sanding
    assert _in_force(store, HOUSING, "2022-06-01") == [*sanding[:3], moved_in, *sanding[3:]]
    rows = with_readable_sources(run_analysis(store, "duties_in_force", {"department": HOUSING, "date": "2024-06-30"}),
                                 document_titles(store))
    assert [(r["text"], r["in_force_from"], r["source"]) for r in rows if r["ordinal"] is None] == [
        ("城市照明设施运行维护", "2022-06-01", f"{_NOTICE}一、")]
    uid = find_department(store, HOUSING)["uid"]
    assert [(v["kind"], v["title"], v["duties"]) for v in catalog.run(store, "sanding_versions", {"department": uid})] \
        == [("sanding", "临川市住房和城乡建设局职能配置、内设机构和人员编制规定", 3),
            ("amendment", "关于调整临川市城市管理局职责机构编制的通知", 1)]
    assert {r["source"].split("第")[0] for r in rows if r["ordinal"] is not None} == {_HOUSING}


_WORDED_APART = """关于调整临川市城市管理局职责机构编制的通知
（2022年6月1日）
一、将临川市城市管理局的城市道路停车泊位收费管理职责划入临川市住房和城乡建设局。
二、调整后，临川市城市管理局内设机构4个，行政编制18名。
"""


def test_work_no_clause_says_is_a_row_of_its_own(store: Store, tmp_path: Path) -> None:
    """A notice takes work the 三定 states in no clause near enough: the notice's words are the row, so that the
    investigator still reads that it left the department, and when."""
    _load(store, tmp_path, [("2020.txt", (FIXTURES / "chengguan_2020.txt").read_text(encoding="utf-8")),
                            ("notice.txt", _WORDED_APART)])
    rows = with_readable_sources(run_analysis(store, "duties_in_force", {"department": CITY_MANAGEMENT,
                                                                         "date": "2022-06-01"}), document_titles(store))
    assert [r["status"] for r in rows].count("current") == len(_BEFORE)
    [moved] = [r for r in rows if r["status"] != "current"]
    assert (moved["office"], moved["ordinal"], moved["text"], moved["status"], moved["counterpart"], moved["source"],
            moved["change_source"], moved["in_force_from"]) == (
        "", None, "城市道路停车泊位收费管理", "transferred", HOUSING, f"{_NOTICE}一、", f"{_NOTICE}一、", "2022-06-01")


# -- two 三定 of one date ------------------------------------------------------------------------------------------

_REISSUE = _2019.replace("（二）负责河道采砂的监督管理。", "（二）负责河道采砂的监督管理和行政执法。") + "2019年2月20日\n"
_SAME_DAY = _2019.replace("（二）负责河道采砂的监督管理。", "（二）负责河道采砂许可。")
_RIVER = "临川市河道管理局"


def _texts(store: Store, date: str) -> list[str]:
    return [row["text"] for row in run_analysis(store, "duties_in_force", {"department": _RIVER, "date": date})
            if not row["office"]]


def test_a_corrected_reissue_of_the_same_date_replaces_the_first_text(store: Store, tmp_path: Path) -> None:
    """Read as one version, the two texts' duties were stated together: 河道采砂 twice, worded both ways."""
    _load(store, tmp_path, [("2019.txt", _2019), ("reissue.txt", _REISSUE)])
    assert _texts(store, "2021-06-30") == ["负责河道堤防的日常管理和维护。", "负责河道采砂的监督管理和行政执法。",
                                           "完成市委、市政府交办的其他任务。"]
    assert in_force(store, _RIVER, "2021-06-30").warning_zh == (
        "2019-03-01 起施行的三定有 2 份不同文本：按印发日期最晚（2019-02-20）的一份作答，其余的印发日期为 未注明")
    assert [v["issued"] for v in in_force(store, _RIVER, "2021-06-30").sandings] == ["2019-02-20"]


def test_two_texts_of_one_date_that_cannot_be_told_apart_are_both_stated(store: Store, tmp_path: Path) -> None:
    _load(store, tmp_path, [("2019.txt", _2019), ("other.txt", _SAME_DAY)])
    assert sorted(_texts(store, "2021-06-30")) == sorted([
        "负责河道堤防的日常管理和维护。", "负责河道采砂的监督管理。", "负责河道采砂许可。", "完成市委、市政府交办的其他任务。"])
    answer = in_force(store, _RIVER, "2021-06-30")
    assert len(answer.sandings) == 2
    assert answer.warning_zh == ("2019-03-01 起施行的三定有 2 份不同文本，印发日期均未注明，无法判断以哪份为准："
                                 "各份所载职责一并列出，请核对原件")


def _version(document: str, text: str, issued: str = "", day: str = "2019-03-01") -> Row:
    return {"document": document, "kind": "sanding", "in_force_from": day, "issued": issued, "text_sha256": text}


@pytest.mark.parametrize(("versions", "documents", "warned"), [
    # Copies of one text (one text_sha256): one version, every copy's clauses read, no warning.
    ([_version("doc:a", "t1"), _version("doc:b", "t1", "2019-02-20")], ["doc:a", "doc:b"], False),
    # The later 印发日期 wins, with every copy of its text.
    ([_version("doc:a", "t1", "2019-02-01"), _version("doc:b", "t2", "2019-02-20"), _version("doc:c", "t2")],
     ["doc:b", "doc:c"], True),
    # The later 施行日期 is the later version, whatever the 印发日期 say.
    ([_version("doc:a", "t1", "2019-02-25", "2018-01-01"), _version("doc:b", "t2", "", "2018-12-01")], ["doc:b"],
     False),
    # No text digest (a graph loaded before it was recorded): each document its own text.
    ([_version("doc:a", None, "2019-02-01"), _version("doc:b", None, "2019-02-01")], ["doc:a", "doc:b"], True),
])
def test_the_version_in_force_of_several_texts(versions: list[Row], documents: list[str], warned: bool) -> None:
    version = version_in_force(versions, "2021-06-30")
    assert version is not None
    assert (version.documents, bool(version.warning_zh)) == (documents, warned)
