"""duties_in_force (a date's reading) of a successor that carries the duties of a body a 机构改革 by notice replaced:
they are its duties from the reform notice's date, and a later notice moving one out marks it as it marks the
三定's own, as today's reading (`queries.in_force.duties_today`) does. Fixtures: tests/fixtures/carried_moved_out
(白河县, `tests.queries.test_carried_moved_out`)."""

from __future__ import annotations

from typing import Any

from graph.store import Store
from queries import catalog
from queries.registry import run_analysis
from queries.sources import document_titles, with_readable_sources
from tests.queries.test_carried_moved_out import (
    CHENGGUAN,
    FIXTURES,
    GAS,
    MERGE,
    MOVE,
    MOVE_CLAUSE,
    OLD,
    RECEIVER,
    RENAME,
    RENAMED,
    RENAMED_MOVE,
    SUCCESSOR,
    ZHIFA,
    ZHUJIAN,
    _load,
)

_ZHIFA_SANDING = "《白河县综合行政执法局职能配置、内设机构和人员编制规定》"
_CHENGGUAN_SANDING = "《白河县城市管理局职能配置、内设机构和人员编制规定》"
_OTHER = "完成县委、县政府交办的其他任务。"
# (office, ordinal, text, carried_by, in_force_from, source, status, counterpart, change_source)
_OWN = [
    ("", 1, "负责全县城市管理领域法律法规规定的行政处罚权的集中行使。", ["执法股"], "2019-04-01", f"{_ZHIFA_SANDING}第三条(一)",
     "current", "", ""),
    ("", 2, "负责全县违法建设的巡查和查处。", ["执法股"], "2019-04-01", f"{_ZHIFA_SANDING}第三条(二)", "current", "", ""),
    ("", 3, _OTHER, [], "2019-04-01", f"{_ZHIFA_SANDING}第三条(三)", "current", "", ""),
]
_OFFICES = [
    ("办公室", 1, "负责机关日常运转和财务、人事工作。", [], "2019-04-01", f"{_ZHIFA_SANDING}第四条(一)", "current", "", ""),
    ("执法股", 1, "负责城市管理领域行政处罚和违法建设查处。", [], "2019-04-01", f"{_ZHIFA_SANDING}第四条(二)", "current", "",
     ""),
]


def _carried(gas: tuple[str, str, str] = ("current", "", "")) -> list[tuple[Any, ...]]:
    """城管局's duties as 执法局 carries them from the merger notice's date, 燃气's status columns `gas`."""
    return [
        ("", 1, "负责全县市容环境卫生的监督管理，组织生活垃圾清扫、收运和处置。", [], "2023-03-01",
         f"{_CHENGGUAN_SANDING}第三条(一)", "current", "", ""),
        ("", 2, GAS, [], "2023-03-01", f"{_CHENGGUAN_SANDING}第三条(二)", *gas),
        ("", 3, "负责全县城市照明设施的运行维护。", [], "2023-03-01", f"{_CHENGGUAN_SANDING}第三条(三)", "current", "", ""),
        ("", 4, _OTHER, [], "2023-03-01", f"{_CHENGGUAN_SANDING}第三条(四)", "current", "", ""),
    ]


def _in_force(store: Store, department: str, date: str) -> list[tuple[Any, ...]]:
    rows = with_readable_sources(run_analysis(store, "duties_in_force", {"department": department, "date": date}),
                                 document_titles(store))
    return [(r["office"], r["ordinal"], r["text"], r["carried_by"], r["in_force_from"], r["source"], r["status"],
             r["counterpart"], r["change_source"]) for r in rows]


_RENAMED_MOVE_CLAUSE = "《关于调整白河县城市管理和综合执法局职责的通知》一、"
# The renamed body's rows from 2024-07-01 (office, text, carried_by, status, counterpart, change_source): 城管局's
# duties and offices, 燃气 moved out by the 2024 notice.
_RENAMED_2024 = [
        ("", "负责全县市容环境卫生的监督管理，组织生活垃圾清扫、收运和处置。", ["环境卫生股"], "current", "", ""),
        ("", GAS, ["市政公用股"], "transferred", RECEIVER, _RENAMED_MOVE_CLAUSE),
        ("", "负责全县城市照明设施的运行维护。", ["市政公用股"], "current", "", ""),
        ("", _OTHER, [], "current", "", ""),
        ("办公室", "负责机关日常运转和财务、人事工作。", [], "current", "", ""),
        ("市政公用股", "负责城镇燃气行业监督管理和城市照明设施运行维护。", [], "partly_transferred", RECEIVER, _RENAMED_MOVE_CLAUSE),
        ("环境卫生股", "负责市容环境卫生监督管理。", [], "current", "", ""),
    ]


def _renamed_on(store: Store, date: str) -> list[tuple[Any, ...]]:
    return [(office, text, carried_by, status, counterpart, source)
            for office, _ordinal, text, carried_by, _from, _source, status, counterpart, source
            in _in_force(store, RENAMED, date)]


def test_a_merged_body_s_duties_are_the_successor_s_from_the_merger_and_until_moved_out(store: Store) -> None:
    """Before, the dated reading left out what 执法局 carries from 城管局 (its own 三定 only, on every date), and on
    a date after the move read 燃气 as a notice's words no clause says."""
    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, MERGE, MOVE)
    assert _in_force(store, SUCCESSOR, "2023-02-28") == _OWN + _OFFICES
    assert _in_force(store, SUCCESSOR, "2023-03-01") == _OWN + _carried() + _OFFICES
    assert _in_force(store, SUCCESSOR, "2024-06-30") == _OWN + _carried() + _OFFICES
    assert _in_force(store, SUCCESSOR, "2024-07-01") == _OWN + _carried(
        ("transferred", RECEIVER, MOVE_CLAUSE)) + _OFFICES


def test_a_renamed_body_s_duties_and_offices_on_a_date(store: Store) -> None:
    """A rename by notice alone: no 三定 of the new name, so its duties on a date after the rename are all the old
    body's, its offices too (市政公用股 carries out 燃气 and 照明: partly moved out by the later notice)."""
    _load(store, CHENGGUAN, ZHUJIAN, RENAME, RENAMED_MOVE)
    assert _renamed_on(store, "2024-07-01") == _RENAMED_2024


_ZHIFA_2025 = FIXTURES / "baihe_zhifa_2025.txt"
_RENAMED_2025 = FIXTURES / "baihe_chengguan_zhifa_2025.txt"


def _restated(department: str, cite: str) -> list[tuple[Any, ...]]:
    """The 2025 三定 of `department` (tests/fixtures/carried_moved_out/*_2025.txt, cited `cite`): what it restates of
    城管局's work (燃气 no longer among it), in force from 2025-04-01."""
    duties = [("负责全县城市管理领域法律法规规定的行政处罚权的集中行使。", ["执法股"]),
              ("负责全县违法建设的巡查和查处。", ["执法股"]),
              ("负责全县市容环境卫生的监督管理，组织生活垃圾清扫、收运和处置。", ["市容照明股"]),
              ("负责全县城市照明设施的运行维护。", ["市容照明股"]), (_OTHER, [])]
    offices = [("办公室", "负责机关日常运转和财务、人事工作。"), ("执法股", "负责城市管理领域行政处罚和违法建设查处。"),
               ("市容照明股", "负责市容环境卫生监督管理和城市照明设施运行维护。")]
    return ([("", n, text, by, "2025-04-01", f"{cite}第三条({'一二三四五'[n - 1]})", "current", "", "")
             for n, (text, by) in enumerate(duties, 1)]
            + [(office, 1, text, [], "2025-04-01", f"{cite}第四条({'一二三'[n - 1]})", "current", "", "")
               for n, (office, text) in enumerate(offices, 1)])


def test_a_later_sanding_of_the_successor_ends_the_carrying_on_its_date_not_before(store: Store) -> None:
    """Which carried duties count is decided on the date asked: 执法局's 2025 三定 restates what it kept of 城管局's
    work from 2025-04-01; before that date it held them as carried. Before, its loading made every date's reading
    drop them (the carrying was decided on today's 三定)."""
    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, MERGE, MOVE, _ZHIFA_2025)
    # Two 三定 of 执法局 now: each is cited with its year.
    own, offices = ([(*row[:5], row[5].replace(_ZHIFA_SANDING, f"{_ZHIFA_SANDING}（2019年）"), *row[6:])
                     for row in rows] for rows in (_OWN, _OFFICES))
    assert _in_force(store, SUCCESSOR, "2023-02-28") == own + offices
    assert _in_force(store, SUCCESSOR, "2024-06-30") == own + _carried() + offices
    assert _in_force(store, SUCCESSOR, "2024-07-01") == own + _carried(("transferred", RECEIVER, MOVE_CLAUSE)) + offices
    assert _in_force(store, SUCCESSOR, "2025-04-01") == _restated(SUCCESSOR, f"{_ZHIFA_SANDING}（2025年）")


def test_a_renamed_body_holds_the_old_body_s_work_until_its_own_sanding(store: Store) -> None:
    """A rename by notice, then the new name's own 三定 (2025): between the two the old body's duties and offices are
    the renamed one's (燃气 moved out by the 2024 notice), from the 三定's date its own. Before, the dated reading
    gave the 2024 notice's words alone."""
    _load(store, CHENGGUAN, ZHUJIAN, RENAME, RENAMED_MOVE, _RENAMED_2025)
    assert _renamed_on(store, "2024-07-01") == _RENAMED_2024
    assert _in_force(store, RENAMED, "2025-04-01") == _restated(RENAMED, f"《{RENAMED}职能配置、内设机构和人员编制规定》")


def test_a_renamed_body_without_a_sanding_is_said_to_hold_the_old_body_s_work(store: Store) -> None:
    """No 三定 of the new name in force: the rows are the old body's duties it carries, with the notices' changes.
    Before, the note said the rows were only the notices' changes, not all its duties."""
    from queries.in_force import in_force

    _load(store, CHENGGUAN, ZHUJIAN, RENAME, RENAMED_MOVE, _RENAMED_2025)
    assert in_force(store, RENAMED, "2024-07-01").note_zh == (
        "无 2024-07-01 时施行的三定：图中该部门最早的三定自 2025-04-01 起施行；"
        "所列为机构改革承继的原机构三定所定职责，及其时已施行的调整职责机构编制通知所定的职责变动")


def test_a_tenure_lists_the_duties_carried_in_at_the_reform(store: Store) -> None:
    """任期职责变动 of 执法局 over 2023–2024: the three duties of 城管局 it carried in on the merger notice's date (the
    catch-all, whose text it already held, is none) and the posts that came with them, then 燃气 moved out. Before,
    only the notice's move and posts."""
    from queries.tenure import tenure_duties

    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, MERGE, MOVE)
    result = with_readable_sources(tenure_duties(store, SUCCESSOR, "2023-01-01", "2024-12-31"), document_titles(store))
    merger = "《关于调整白河县综合行政执法局职责机构编制的通知》一、"
    assert [(c["date"], c["kind"], c["duty"], c["other"], c["staff"], c["source"]) for c in result["changes"]] == [
        ("2023-03-01", "机构改革承继", "负责全县城市照明设施的运行维护。", OLD, None, merger),
        ("2023-03-01", "机构改革承继", GAS, OLD, None, merger),
        ("2023-03-01", "机构改革承继", "负责全县市容环境卫生的监督管理，组织生活垃圾清扫、收运和处置。", OLD, None, merger),
        # The merger's 调整后 22 posts over 执法局's 12: 城管局's came with it.
        ("2023-03-01", "核定编制调整", "", OLD, 10, "《关于调整白河县综合行政执法局职责机构编制的通知》二、"),
        ("2024-07-01", "划出", GAS, RECEIVER, None, MOVE_CLAUSE),
        ("2024-07-01", "编制划出", "", RECEIVER, 2, MOVE_CLAUSE),
    ]


_CHAIN_MERGE = FIXTURES / "baihe_zhifa_merge_renamed_2025.txt"


def test_a_chain_of_reforms_on_a_date(store: Store) -> None:
    """城管局 renamed 城市管理和综合执法局 (2023), which gives 燃气 to 住建局 (2024) and merges into 执法局 (2025,
    tests/fixtures/carried_moved_out/baihe_zhifa_merge_renamed_2025.txt): from the merger 执法局 holds what the
    renamed body held then, as 城管局's 三定 states it, and the tenure names the body the merger replaced. Before,
    燃气 was carried too, read as 执法局's 现行 duty, and the tenure listed no duty carried in."""
    from queries.in_force import in_force
    from queries.tenure import tenure_duties

    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, RENAME, RENAMED_MOVE)
    # Read before the merger is loaded: the reforms read once per graph version (`in_force._successions`) are
    # read again after it.
    assert _in_force(store, SUCCESSOR, "2025-01-01") == _OWN + _OFFICES
    _load(store, _CHAIN_MERGE)
    assert _in_force(store, SUCCESSOR, "2024-12-31") == _OWN + _OFFICES
    carried = [(*row[:4], "2025-01-01", *row[5:]) for row in _carried() if row[2] != GAS]
    assert _in_force(store, SUCCESSOR, "2025-01-01") == _OWN + carried + _OFFICES
    titles, answer = document_titles(store), in_force(store, SUCCESSOR, "2025-01-01")
    assert [titles[v["document"]].cite("") for v in answer.sandings + answer.carried + answer.amendments] == [
        _ZHIFA_SANDING, _CHENGGUAN_SANDING, "《关于调整白河县综合行政执法局职责机构编制的通知》"]
    result = with_readable_sources(tenure_duties(store, SUCCESSOR, "2024-01-01", "2025-12-31"), titles)
    merger = "《关于调整白河县综合行政执法局职责机构编制的通知》一、"
    assert [(c["date"], c["kind"], c["duty"], c["other"], c["staff"], c["source"]) for c in result["changes"]] == [
        ("2025-01-01", "机构改革承继", "负责全县城市照明设施的运行维护。", RENAMED, None, merger),
        ("2025-01-01", "机构改革承继", "负责全县市容环境卫生的监督管理，组织生活垃圾清扫、收运和处置。", RENAMED, None,
         merger),
        # The merger's 调整后 24 posts over 执法局's 12 (before, no line said the 编制 changed).
        ("2025-01-01", "核定编制调整", "", RENAMED, 12, "《关于调整白河县综合行政执法局职责机构编制的通知》二、"),
    ]


def _today(store: Store, department: str) -> list[tuple[str, str, str, str, str, str]]:
    """department_duties' carried rows: office, text, status, change, counterpart, carried_from."""
    return [(row["office"], row["text"], row["status"], row["change"], row["counterpart"], row["carried_from"])
            for row in catalog.run(store, "department_duties", {"department": department}) if row["carried_from"]]


def test_today_s_reading_of_a_chain_is_the_dated_reading_on_today(store: Store) -> None:
    """The chain of test_a_chain_of_reforms_on_a_date read today: 执法局 never held 燃气 (the renamed body gave it to
    住建局 before the merger), so the profile's duties and staffing_load's count leave it out as the dated reading
    does. Before, department_duties listed it as a current carried duty and staffing_load counted 城管局's 3."""
    from queries.staffing import staffing_load

    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, RENAME, RENAMED_MOVE, _CHAIN_MERGE)
    assert _today(store, SUCCESSOR) == [
        ("", "负责全县市容环境卫生的监督管理，组织生活垃圾清扫、收运和处置。", "current", "", "", OLD),
        ("", "负责全县城市照明设施的运行维护。", "current", "", "", OLD),
        ("", _OTHER, "current", "", "", OLD),
    ]
    dated = {row[2] for row in _in_force(store, SUCCESSOR, "2026-11-24") if not row[0]}
    listed = {row["text"] for row in catalog.run(store, "department_duties", {"department": SUCCESSOR})
              if not row["office"]}
    assert listed == dated
    [successor] = [row for row in staffing_load(store, "示例市/白河县") if row["department"] == SUCCESSOR]
    assert (successor["duties"], successor["duties_stated"], successor["checks"]) == (
        4, 4, [f"职责数含承继自{OLD}的职责2项（机构改革）"])


_GAS_MORE = "负责全县城镇燃气行业的监督管理，组织燃气安全检查。"


def test_a_chain_s_partly_moved_work_is_marked_on_the_carried_row(store: Store, tmp_path: Any) -> None:
    """城管局's clause says 燃气 and 燃气安全检查; the renamed body moves 城镇燃气行业监督管理 out (part of it) before
    its merger into 执法局: 执法局 carries the clause marked 部分划出 (to 住建局, by the renamed body's notice), on a
    date and today. Before, it was carried as current, unmarked."""
    more = tmp_path / CHENGGUAN.name
    more.write_text(CHENGGUAN.read_text(encoding="utf-8").replace(GAS, _GAS_MORE), encoding="utf-8")
    _load(store, more, ZHIFA, ZHUJIAN, RENAME, RENAMED_MOVE, _CHAIN_MERGE)
    carried = [(*row[:4], "2025-01-01", *row[5:]) for row in _carried()]
    carried[1] = ("", 2, _GAS_MORE, [], "2025-01-01", f"{_CHENGGUAN_SANDING}第三条(二)", "partly_transferred", RECEIVER,
                  _RENAMED_MOVE_CLAUSE)
    assert _in_force(store, SUCCESSOR, "2025-01-01") == _OWN + carried + _OFFICES
    assert _today(store, SUCCESSOR)[1] == ("", _GAS_MORE, "partly_transferred", "城镇燃气行业监督管理", RECEIVER, OLD)


def test_who_handles_reads_a_chain_s_carried_clauses_as_today_s_reading_holds_them(store: Store) -> None:
    """The chain of test_a_chain_of_reforms_on_a_date: a gas complaint goes to 住建局 by the renamed body's notice,
    and 执法局 comes second on the 城市照明 clause it carries, not on the 燃气 clause it never held. Before, the
    evidence walked the chain as written and 执法局 came second citing 城管局's 燃气 clause."""
    from queries.who_handles import who_handles

    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, RENAME, RENAMED_MOVE, _CHAIN_MERGE)
    titles = document_titles(store)
    rows = [(row["department"], [(e["text"], e["source"]) for e in with_readable_sources(row["evidence"], titles)])
            for row in who_handles(store, "白河县小区燃气管道漏气没人管", limit=3)]
    zhujian = "《白河县住房和城乡建设局职能配置、内设机构和人员编制规定》"
    assert rows == [
        (RECEIVER, [("城镇燃气行业监督管理", _RENAMED_MOVE_CLAUSE),
                    ("负责全县房屋建筑和市政基础设施工程质量安全的监督管理。", f"{zhujian}第三条(一)"),
                    ("负责工程质量安全监督管理和房地产市场监督管理。", f"{zhujian}第四条(二)")]),
        (SUCCESSOR, [("负责全县城市照明设施的运行维护。", f"{_CHENGGUAN_SANDING}第三条(三)")]),
    ]


def _pairs(store: Store) -> list[tuple[str, str, str, str, str, str]]:
    """similar_duties' pairs: each side's department, text and carried_from."""
    return [(r["a_department"], r["a_text"], r["a_carried_from"], r["b_department"], r["b_text"], r["b_carried_from"])
            for r in catalog.run(store, "similar_duties", {"threshold": 0.5, "region": None, "scope": None})]


def _coverage(store: Store) -> list[tuple[str, str, int]]:
    """department_duty_coverage's carried rows of 执法局: text, carried_from, refined_by."""
    return [(r["text"], r["carried_from"], r["refined_by"])
            for r in catalog.run(store, "department_duty_coverage", {"department": SUCCESSOR}) if r["carried_from"]]


def test_the_chain_walks_of_similar_duties_and_coverage_carry_what_today_s_reading_holds(store: Store,
                                                                                         tmp_path: Any) -> None:
    """The chain of test_a_chain_of_reforms_on_a_date: 执法局's carried 燃气 clause is no overlap with the 住建局's
    燃气 moved in, nor a duty of 执法局 no office carries out (department_duty_coverage, which undecomposed_duties
    reads). Before, both listed it. A clause the chain moved part of is still carried: the pair stands."""
    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, RENAME, RENAMED_MOVE, _CHAIN_MERGE)
    assert _pairs(store) == []
    assert _coverage(store) == [("负责全县市容环境卫生的监督管理，组织生活垃圾清扫、收运和处置。", OLD, 0),
                                ("负责全县城市照明设施的运行维护。", OLD, 0), (_OTHER, OLD, 0)]
    more = tmp_path / CHENGGUAN.name
    more.write_text(CHENGGUAN.read_text(encoding="utf-8").replace(GAS, _GAS_MORE), encoding="utf-8")
    store.clear()
    store.apply_schema()
    _load(store, more, ZHIFA, ZHUJIAN, RENAME, RENAMED_MOVE, _CHAIN_MERGE)
    assert _pairs(store) == [(RECEIVER, "城镇燃气行业监督管理", "", SUCCESSOR, _GAS_MORE, OLD)]
    assert (_GAS_MORE, OLD, 0) in _coverage(store)


def test_a_tenure_lists_the_figure_a_successor_s_new_sanding_sets(store: Store) -> None:
    """执法局's 2025 三定 sets 20 posts where the merger notice of 2025-01-01 had set 24: the tenure says so on the
    三定's date, citing it. Before, only the 任期始末编制 table showed the change."""
    from queries.tenure import tenure_duties

    _load(store, CHENGGUAN, ZHIFA, ZHUJIAN, RENAME, RENAMED_MOVE, _CHAIN_MERGE, _ZHIFA_2025)
    result = with_readable_sources(tenure_duties(store, SUCCESSOR, "2024-01-01", "2025-12-31"), document_titles(store))
    assert [(c["date"], c["kind"], c["other"], c["staff"], c["source"]) for c in result["changes"] if c["staff"]] == [
        ("2025-01-01", "核定编制调整", RENAMED, 12, "《关于调整白河县综合行政执法局职责机构编制的通知》二、"),
        ("2025-04-01", "新三定施行：核定编制调整", "", -4, f"{_ZHIFA_SANDING}（2025年）第五条"),
    ]
    assert [(row["point"], row["staff_quota"]) for row in result["staffing"]] == [("任期开始", 12), ("任期结束", 20)]
