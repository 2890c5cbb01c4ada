"""A city 编办 reviewing its 相对集中行政许可权改革 (user test): the 行政审批服务局's 三定 moved the 行政许可 of 住建, 交通 and
市场监管 to it; which 许可 the givers' 权责清单 still list, which of their clauses still state the work, which the
审批局's own list lacks. The corpus, an invented city, is tests/fixtures/shenpi/."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.ambiguities import host_assist_ambiguities
from queries.report import build_report
from queries.transfers import transferred_still_held, work_pieces

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "shenpi"
SHENPI = "《鹭江市行政审批服务局职能配置、内设机构和人员编制规定》第三条"
ZHUJIAN = "《鹭江市住房和城乡建设局职能配置、内设机构和人员编制规定》"
JIAOTONG = "《鹭江市交通运输局职能配置、内设机构和人员编制规定》第三条(六)"


@pytest.fixture
def reformed(store: Store) -> Store:
    report = ingest([CORPUS], store, region=Region(("鹭江市",)))
    assert report.failed == []
    return store


def test_a_transfer_names_each_piece_of_work_it_moves() -> None:
    assert work_pieces("将市住房和城乡建设局承担的建筑工程施工许可、商品房预售许可职责划入市行政审批服务局。") == [
        "建筑工程施工许可", "商品房预售许可"]
    assert work_pieces("将市市场监督管理局承担的食品经营许可职责划入市行政审批服务局。") == ["食品经营许可"]
    # 以及 before a piece of work that is an approval of its own splits; 住房和城乡建设 keeps its 和.
    assert work_pieces("将原住房和城乡建设委员会承担的城市供水以及燃气经营许可职责划入市行政审批服务局。") == [
        "城市供水", "燃气经营许可"]


_KEYS = ("giver", "receiver", "work", "finding", "evidence", "evidence_detail")


def test_what_the_givers_still_hold_after_the_licences_moved(reformed: Store) -> None:
    rows = transferred_still_held(reformed, "鹭江市")
    assert [tuple(row[key] for key in _KEYS) for row in rows] == [
        # The 审批局's list has 道路旅客 but not 道路货物运输经营许可. The 交通局's 2021 三定 names the 许可 only as
        # what the operators it supervises hold (对取得…许可的经营者开展事中事后监管): its own work, not listed.
        ("鹭江市交通运输局", "鹭江市行政审批服务局", "道路货物运输经营许可", "receiver_not_listed", "", ""),
        # The 住建局's 2019 三定, issued before the move, and its list, still hold both 许可.
        ("鹭江市住房和城乡建设局", "鹭江市行政审批服务局", "建筑工程施工许可", "still_listed", "建筑工程施工许可",
         "行政许可"),
        ("鹭江市住房和城乡建设局", "鹭江市行政审批服务局", "建筑工程施工许可", "giver_still_holds",
         "负责监督管理建筑市场。依法实施建筑工程施工许可，规范建设工程招标投标活动。", ""),
        ("鹭江市住房和城乡建设局", "鹭江市行政审批服务局", "建筑工程施工许可", "giver_still_holds",
         "负责建筑市场监督管理，承担建筑工程施工许可的受理办理，规范建设工程招标投标活动。", "建筑市场监管科"),
        ("鹭江市住房和城乡建设局", "鹭江市行政审批服务局", "商品房预售许可", "giver_still_holds",
         "负责规范全市房地产市场秩序。承担商品房预售许可和房屋交易资金监管工作。", ""),
        ("鹭江市住房和城乡建设局", "鹭江市行政审批服务局", "商品房预售许可", "giver_still_holds",
         "负责房地产市场监督管理，承担商品房预售许可和房屋交易资金监管工作", "房地产市场监管科"),
        ("鹭江市住房和城乡建设局", "鹭江市行政审批服务局", "商品房预售许可", "receiver_not_listed", "", ""),
        # The 市场监管局 has no 三定 in the graph: its list alone is checked.
        ("鹭江市市场监督管理局", "鹭江市行政审批服务局", "食品经营许可", "still_listed", "食品经营许可", "行政许可"),
    ]
    # Both the 审批局's 三定 and the 交通局's state the 交通 move: the finding cites both.
    assert [[source.split("#")[1] for source in row["sources"]] for row in rows[:2]] == [["第三条", "第三条(六)"],
                                                                                        ["第三条"]]


def test_the_report_says_it_with_its_sources_and_counts_the_work(reformed: Store) -> None:
    report = build_report(reformed, region="鹭江市")
    section = next(s for s in report.sections if s.key == "transferred_still_held")
    assert [(row["giver"], row["work"], row["finding_label"], row["evidence_source"], row["sources"])
            for row in section.rows][:3] == [
        ("鹭江市交通运输局", "道路货物运输经营许可", "接收部门权责清单未列此项，需补列", "", [SHENPI, JIAOTONG]),
        ("鹭江市住房和城乡建设局", "建筑工程施工许可", "划出部门权责清单仍列有此项，需删除",
         "权责清单（lujiang_quanze.csv）序号1（第2行）", [SHENPI]),
        ("鹭江市住房和城乡建设局", "建筑工程施工许可", "划出部门现行三定仍写有此项，需修订", f"{ZHUJIAN}第三条(二)",
         [SHENPI]),
    ]
    summary = {row["finding"]: row["count"] for row in report.sections[0].rows}
    # Three pieces of work the givers still hold (施工许可, 预售许可, 食品经营许可), two the 审批局 does not list.
    assert (summary["职责划转后划出部门仍列有或写有的工作"], summary["职责划转后接收部门未列或未写有的工作"]) == (3, 2)
    # A department's report: the 住建局's findings only.
    mine = build_report(reformed, department="鹭江市住房和城乡建设局")
    section = next(s for s in mine.sections if s.key == "transferred_still_held")
    assert {row["giver"] for row in section.rows} == {"鹭江市住房和城乡建设局"} and len(section.rows) == 6


def test_a_later_sanding_of_the_giver_decides_anew(corpus: Store) -> None:
    """The sample city's 2009 水务局 三定 took 城市供水 over from the 原市建设委员会, a body the reform abolished: how the
    水务局 came to hold it, no move between two standing departments (read as today's 住建局 by the abbreviation table,
    the 住建局's 2019 三定, which states 城市供水 again, was the later decision). The 青山县水利局's 原县农业局 likewise:
    read as today's 农业农村局 it was an unplanted finding."""
    assert transferred_still_held(corpus, "示例市") == []


def test_the_supervision_after_approval_is_no_multiple_lead(reformed: Store) -> None:
    """住建、交通、市监负责审批后的事中事后监管 (the 审管分离 clause): each supervises what it used to approve, which
    user test read as 多个牵头部门 with 住建局 as 主办. What stays is that 住建局's 三定, issued before the reform,
    gives it no such work."""
    found = [(f["matter"], f["reason"], f["host"], [m["lead"] for m in f["mandate"]])
             for f in host_assist_ambiguities(reformed, "鹭江市")]
    assert found == [("审批后的事中事后监管", "lead_without_mandate", None, ["鹭江市住房和城乡建设局"])]


def _same_day_corpus(store: Store, tmp_path: Path, own_move: str = "") -> None:
    """The corpus with the 住建局's 三定 issued the day the 审批局's states the move (2020-06-10), `own_move` a clause
    of its own added after its last duty."""
    corpus = tmp_path / "shenpi"
    corpus.mkdir()
    for path in CORPUS.iterdir():
        text = path.read_text(encoding="utf-8")
        if path.name == "lujiang_zhujian.txt":
            text = text.replace("发布时间: 2019-02-20", "发布时间: 2020-06-10").replace(
                "（六）完成市委、市政府交办的其他任务。", f"（六）完成市委、市政府交办的其他任务。{own_move}")
        (corpus / path.name).write_text(text, encoding="utf-8")
    assert ingest([corpus], store, region=Region(("鹭江市",))).failed == []


def _zhujian(store: Store) -> list[tuple[str, ...]]:
    return [(row["work"], row["finding"], row["evidence_detail"]) for row in transferred_still_held(store, "鹭江市")
            if row["giver"] == "鹭江市住房和城乡建设局"]


def test_a_giver_s_sanding_of_the_move_s_day_that_does_not_state_it_decides_anew(store: Store,
                                                                                 tmp_path: Path) -> None:
    """Documents of one day have no order: the 住建局's 三定 of the 审批局's day answers for itself, as duties_in_force
    reads a notice of its 三定's day, so its clauses naming the 许可 are no 三定 to revise (both 三定 saying them is
    an overlap). Its 权责清单 still lists the 许可 all the same. Before, the day's 三定 read as one stating the move."""
    _same_day_corpus(store, tmp_path)
    assert _zhujian(store) == [
        ("建筑工程施工许可", "still_listed", "行政许可"),
        ("商品房预售许可", "receiver_not_listed", ""),
    ]


def test_a_giver_s_sanding_that_states_the_move_itself_still_binds_it(store: Store, tmp_path: Path) -> None:
    """The same day's 三定 of the 住建局 stating the move in its 职能转变: the move binds it, and its clauses still
    naming the 许可 are to revise."""
    _same_day_corpus(store, tmp_path, "（七）职能转变。将建筑工程施工许可职责划入市行政审批服务局。")
    assert _zhujian(store) == [
        ("建筑工程施工许可", "still_listed", "行政许可"),
        ("建筑工程施工许可", "giver_still_holds", ""),
        ("建筑工程施工许可", "giver_still_holds", "建筑市场监管科"),
        ("商品房预售许可", "receiver_not_listed", ""),
    ]
