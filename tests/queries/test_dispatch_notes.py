"""dispatch carries who_handles' notes on the department it routes to: 乡镇赋权说明 (a batch-routed complaint about
露天焚烧垃圾, work 云岭县 gave its townships, said nothing of it: tests/fixtures/xiangzhen_fuquan), whose sector's
safety a complaint falls in (管行业必须管安全) and a department the graph holds no 三定 of (tests/fixtures/
anquan_xinyetai, with its 12345 工单). A named township that took the work is routed to, as who_handles puts it first."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.cli.common import Format
from api.cli.output import answer_file
from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.complaint_files import Complaint, read_complaints
from queries.dispatch import columns_with, dispatch, person_reason
from queries.sources import document_titles, with_readable_sources
from tests.conftest import corpus_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
YUNLING, YUNXI = "澄州市/云岭县", "北湖市/云溪县"
TOWNSHIPS = "各乡镇人民政府（综合行政执法办公室）"
BURNING = "已赋予乡镇（街道）：对露天焚烧垃圾的处罚"
BRIDGE = "已赋予乡镇（街道）：对擅自占用城市道路、桥梁从事经营活动的处罚"
ZHIFA = "云岭县综合行政执法局"
RULE = "县直有关行业主管部门负责本行业领域的安全生产监督管理"


@pytest.fixture(scope="module")
def yunling(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    from graph.store import open_store

    store = open_store(f"embedded:{tmp_path_factory.mktemp('fuquan-store')}")
    corpus = FIXTURES / "xiangzhen_fuquan"
    assert ingest(sorted(corpus.iterdir()), store, region=Region(("澄州市", "云岭县"))).failed == []
    yield store
    store.close()


@pytest.fixture(scope="module")
def yunxi(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    yield from corpus_store(tmp_path_factory, FIXTURES / "anquan_xinyetai" / "corpus")


def test_complaints_about_given_work_say_who_exercises_it(yunling: Store) -> None:
    complaints = read_complaints(FIXTURES / "xiangzhen_fuquan_12345.csv").complaints
    rows = dispatch(yunling, complaints, region=YUNLING).rows
    assert [(row["工单编号"], row["region"], row["department"], row["runner_up"], row["devolved"], person_reason(row))
            for row in rows] == [
        # 青石镇 has the office that takes the work on: the complaint goes to it, not to the county's 执法局.
        ("YL001", f"{YUNLING}/青石镇", "青石镇人民政府", ZHIFA,
         f"{BURNING}，由青石镇人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）", ""),
        # 白水乡's 三定 sets up none: the county department keeps it, and the row says why.
        ("YL002", YUNLING, ZHIFA, TOWNSHIPS,
         f"{BURNING}；白水乡人民政府三定未设综合行政执法办公室，无承接机构，仍由县级部门办理", ""),
        # No township named: the power lies with the one where it happened, which a person must find.
        ("YL003", YUNLING, ZHIFA, TOWNSHIPS, f"{BURNING}，由事发地乡镇（街道）人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）",
         "需确定事发地乡镇（街道）"),
        # The given planning penalty met on 违法建设 alone, below the department's own clause: not what it asks.
        ("YL004", YUNLING, ZHIFA, TOWNSHIPS, "", "依据不足"),
        # The given item meets the text at 7.4, 执法局's 查处占道经营 clause, the same work read broader, at 12.5 on a
        # sure row: the 赋权清单 settles who handles it, and 青石镇 is no weaker for resting on it.
        ("YL005", f"{YUNLING}/青石镇", "青石镇人民政府", ZHIFA,
         f"{BRIDGE}，由青石镇人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）", ""),
        # The item met at 5.4 on its own words, no clause reading the text so: its match is weak, and so is the row.
        ("YL006", f"{YUNLING}/青石镇", "青石镇人民政府", ZHIFA,
         f"{BRIDGE}，由青石镇人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）", "依据不足")]
    assert {(row["sector_safety"], row["sector_rule"], row["no_sanding"]) for row in rows} == {("", "", False)}
    assert [row["township_unnamed"] for row in rows] == [False, False, True, False, False, False]


def test_the_files_have_the_notes_under_chinese_titles(yunling: Store) -> None:
    read = read_complaints(FIXTURES / "xiangzhen_fuquan_12345.csv")
    rows = with_readable_sources(dispatch(yunling, read.complaints[:3], region=YUNLING).rows, document_titles(yunling))
    table = list(csv.reader(io.StringIO(answer_file("dispatch", rows, Format.csv,
                                                    columns=columns_with(read.columns)).decode("utf-8-sig"))))
    # Beside the other reasons a person must settle a row: given work, the complaint naming no township (YL003).
    assert table[0][7:14] == ["难以区分", "依据不足", "图中无其职责", "无匹配", "需确定事发地乡镇（街道）", "需确定事发地（市、县）",
                             "次选部门"]
    assert [line[11] for line in table[1:]] == ["", "", "是"]
    assert table[0][-10:] == ["说明", "市县事权划分说明", "乡镇赋权说明", "行业主管（管行业必须管安全）", "管行业必须管安全条款", "条款出处",
                              "条款来源类别", "图中无其三定", "职责交叉编号", "职责交叉说明"]
    assert table[1][-10:] == ["", "", f"{BURNING}，由青石镇人民政府以自己的名义实施（承接主体：{TOWNSHIPS}）", "", "", "", "", "",
                              "", ""]


def test_a_safety_complaint_says_whose_sector_it_falls_in(yunxi: Store) -> None:
    read = read_complaints(FIXTURES / "anquan_xinyetai" / "12345_gongdan.csv")
    rows = with_readable_sources(dispatch(yunxi, read.complaints, region=YUNXI).rows, document_titles(yunxi))
    clause = "《云溪县应急管理局职能配置、内设机构和人员编制规定》第六条(一)"
    assert [(row["工单编号"], row["department"], row["sector_safety"], row["sector_rule"], row["sector_rule_source"],
             row["sector_rule_kind"], row["devolved"]) for row in rows] == [
        ("GD001", "云溪县文化和旅游局", "文化、旅游", RULE, clause, "sanding", ""),
        ("GD002", "云溪县住房和城乡建设局", "", "", "", "", ""),
        ("GD003", "云溪县文化和旅游局", "文化、旅游", RULE, clause, "sanding", ""),
        ("GD004", "云溪县市场监督管理局", "", "", "", "", ""), ("GD005", "云溪县公安局", "", "", "", "", ""),
        ("GD006", "云溪县文化和旅游局", "", "", "", "", ""), ("GD007", "云溪县公安局", "", "", "", "", ""),
        ("GD008", "云溪县市场监督管理局", "", "", "", "", "")]
    table = list(csv.reader(io.StringIO(answer_file("dispatch", rows, Format.csv,
                                                    columns=columns_with(read.columns)).decode("utf-8-sig"))))
    kind = table[0].index("条款来源类别")
    assert [row[kind] for row in table[1:]] == ["三定规定", "", "三定规定", "", "", "", "", ""]


def test_a_department_the_graph_holds_no_sanding_of_is_said(yunxi: Store) -> None:
    # 消防救援大队 is a party of the 安全生产 list alone (row 9, which no one leads): routed to on the list's word, which
    # the row says; holds_no_duties does not, as the list's row is a duty of its own.
    [row] = dispatch(yunxi, [Complaint(1, "旧厂房改成经营场所", "", {})], region=YUNXI).rows
    assert (row["department"], row["tie"], row["no_sanding"], row["holds_no_duties"], row["runner_up"]) == (
        "云溪县消防救援大队", True, True, False, "云溪县市场监督管理局")
