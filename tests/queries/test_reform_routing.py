"""12345 routing after a 相对集中行政许可权改革 (鹭江市, tests/fixtures/shenpi): the 行政审批服务局's 三定 moved the 住建,
交通 and 市场监管 licences to it (审管分离: what happens after a licence is won stays with the line department). A move
a 三定 states counts for who_handles as a notice's does; a complaint about an approval sought goes to the approval
work, one about conduct after a licence (or without one) to the supervision. tests/fixtures/shenpi_chengguan adds a
城市管理局 三定 whose own 职能转变 moves 户外广告设施设置审批 to the 审批局, whose 三定 does not state it."""

from __future__ import annotations

from typing import Any

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.approvals import approval_only, held_only, seeks_approval
from queries.moved_out import transfer_covers
from queries.notice_evidence import handling_index
from queries.overlaps import duty_model
from queries.sources import document_titles, with_readable_sources
from queries.who_handles import who_handles
from tests.queries.test_transfers import CORPUS

CHENGGUAN = CORPUS.parent / "shenpi_chengguan"
SHENPI, ZHUJIAN, JIAOTONG, CITY = "鹭江市行政审批服务局", "鹭江市住房和城乡建设局", "鹭江市交通运输局", "鹭江市城市管理局"
_RULES = "职能配置、内设机构和人员编制规定》"


@pytest.fixture
def reformed(store: Store) -> Store:
    assert ingest([CORPUS], store, region=Region(("鹭江市",))).failed == []
    return store


@pytest.fixture
def with_city_management(store: Store) -> Store:
    assert ingest([CORPUS, CHENGGUAN], store, region=Region(("鹭江市",))).failed == []
    return store


def _ranked(store: Store, text: str) -> list[tuple[Any, ...]]:
    """Each candidate: department, office, score, weak, and its first evidence with the evidence's source."""
    rows = with_readable_sources(who_handles(store, text, region="鹭江市"), document_titles(store))
    return [(row["department"], row["office"], row["score"], row["weak"], row["evidence"][0]["text"],
             row["evidence"][0]["source"]) for row in rows]


def test_an_approval_sought_goes_to_the_approval_bureau(reformed: Store) -> None:
    """The 住建局's 2019 三定, issued before the 审批局's moved 建筑工程施工许可, still says it (and its list still lists
    it): those are no ground now. What the 审批局's 三定 leaves the 住建局, 施工许可后的施工现场监督检查, is supervision
    of a licence won, which answers no complaint about applying for one. The 住建局 rests on 建筑施工 alone: weak."""
    assert _ranked(reformed, "办理建筑工程施工许可时窗口要求重复提交材料") == [
        (SHENPI, "建设审批科", 13.899, False, "建筑工程施工许可", "权责清单（lujiang_quanze.csv）序号5（第6行）"),
        (ZHUJIAN, "质量安全监管科", 11.192, True, "负责建设工程质量安全监督管理。组织开展建筑施工现场监督检查，"
         "依法查处建筑施工违法违规行为。", f"《{ZHUJIAN}{_RULES}第三条(四)"),
        (JIAOTONG, "安全监督科", 1.988, True, "对道路运输经营者的监督检查", "权责清单（lujiang_quanze.csv）序号3（第4行）")]


def test_conduct_after_a_licence_goes_to_the_supervising_department(reformed: Store) -> None:
    """超员载客 by a licensed coach is the 交通局's 事中事后监管; the 审批局's 受理、审查和决定 of the licence is approval
    work alone and answers nothing of it: the 审批局 stands only as assisting on the 交通局's matter."""
    assert _ranked(reformed, "取得经营许可的客运班车超员载客") == [
        (JIAOTONG, "运输管理科", 16.634, False, "负责全市道路运输市场监督管理。对取得道路运输经营许可的经营者开展"
         "事中事后监管，依法查处道路运输违法违规行为。", f"《{JIAOTONG}{_RULES}第三条(二)"),
        (ZHUJIAN, "质量安全监管科", 6.75, True, "负责建设工程质量安全监督管理。组织开展建筑施工现场监督检查，"
         "依法查处建筑施工违法违规行为。", f"《{ZHUJIAN}{_RULES}第三条(四)"),
        # The 审批局's office is the one carrying out its 审批与监管信息双向反馈 duty (an office named by the department
        # duty it carries out, not only by an office duty the text meets; the 交通局's 安全监督科 above likewise).
        (SHENPI, "政务服务管理科", 1.159, True, "道路运输经营许可后的经营行为监督检查", f"《{JIAOTONG}{_RULES}第六条(一)")]
    assert [row["assisting"] for row in who_handles(reformed, "取得经营许可的客运班车超员载客", region="鹭江市")] == [
        False, False, True]


def test_the_giver_s_clauses_lose_the_moved_part_only(reformed: Store) -> None:
    """The 住建局's evidence after the 审批局's 三定: its list's 建筑工程施工许可 is gone (a list still naming moved work
    is transferred_still_held's `still_listed`), each clause naming a moved licence keeps the rest of what it says, and
    its supervision is untouched."""
    held = [(item.kind, item.office, item.text, item.content) for item in handling_index(reformed).evidence
            if item.department == ZHUJIAN and item.kind in ("duty", "office_duty", "power_item")
            and ("许可" in item.text or item.kind == "power_item")]
    assert held == [
        ("duty", "", "负责规范全市房地产市场秩序。承担商品房预售许可和房屋交易资金监管工作。",
         ("规范", "房地", "地产", "市场", "房地产", "房地产市场", "秩序", "房屋", "交易", "资金", "房屋交易资金监管")),
        ("duty", "", "负责监督管理建筑市场。依法实施建筑工程施工许可，规范建设工程招标投标活动。",
         ("市场", "建筑市场", "规范", "建设工程", "招标", "投标", "招标投标", "活动")),
        ("office_duty", "房地产市场监管科", "负责房地产市场监督管理，承担商品房预售许可和房屋交易资金监管工作",
         ("房地", "地产", "市场", "房地产", "房地产市场", "房屋", "交易", "资金", "房屋交易资金监管")),
        ("office_duty", "建筑市场监管科", "负责建筑市场监督管理，承担建筑工程施工许可的受理办理，规范建设工程招标投标活动。",
         ("市场", "建筑市场", "受理", "规范", "建设工程", "招标", "投标", "招标投标", "活动")),
        ("power_item", "", "对建筑施工现场的监督检查", ("建筑", "施工", "现场", "建筑工地", "建筑", "工地", "监督检查"))]


def test_a_receiver_gains_work_its_own_sanding_does_not_state(with_city_management: Store) -> None:
    """The 城管局's own 三定 moves 户外广告设施设置审批 to the 审批局, whose 三定 does not say it: an application goes to
    the 审批局 on the work itself, the 城管局's 职能转变 its 出处; the 城管局's clause that said it keeps its 安全检查,
    which answers a sign about to fall."""
    reformed = with_city_management
    assert _ranked(reformed, "申请户外广告设施设置审批一直没有答复")[:2] == [
        (SHENPI, "政务服务管理科", 21.328, False, "户外广告设施设置审批", f"《{CITY}{_RULES}第三条(五)"),
        (CITY, "市容广告科", 11.599, False, "负责户外广告设施安全的监督管理，组织查处占道经营行为。",
         f"《{CITY}{_RULES}第四条(二)")]
    assert [(row["department"], [piece["text"] for piece in row["evidence"]])
            for row in who_handles(reformed, "户外广告牌设置不牢固有安全隐患", region="鹭江市")][:1] == [
        (CITY, ["负责户外广告设施安全的监督管理，组织查处占道经营行为。",
                "负责户外广告设施设置审批，组织户外广告设施和招牌的安全检查及专项整治。"])]


def test_a_complaint_names_an_approval_sought_or_conduct() -> None:
    assert [seeks_approval(text) for text in (
        "办理建筑工程施工许可时窗口要求重复提交材料", "食品经营许可证申请材料交了一个月还没有结果", "办证大厅排队太久",
        "取得经营许可的客运班车超员载客", "未经许可擅自从事道路运输", "没有办理食品经营许可证就开张",
        "客运公司不按许可条件经营", "小区电梯经常困人")] == [True, True, True, False, False, False, False, False]


def test_approval_work_alone_and_the_supervision_of_licensees() -> None:
    texts = ("负责全市食品经营许可的受理、审查和决定，核发食品经营许可证。", "道路旅客运输经营许可",
             "负责监督管理建筑市场。依法实施建筑工程施工许可，规范建设工程招标投标活动。",
             "负责将行政许可的审批结果及时推送行业主管部门，建立审批与监管信息双向反馈机制。",
             "对取得道路运输经营许可的经营者开展事中事后监管", "建筑工程施工许可后的施工现场监督检查",
             "负责市容环境卫生管理，组织查处占道经营行为。",
             # A 、-joined run sharing its approval word is approvals alone; an item naming other work is that work.
             "负责全市食品生产、经营许可的受理、审查和决定。", "道路旅客、货物运输经营许可",
             "负责市场秩序监管、食品经营许可。", "负责食品安全风险评估、食品安全地方标准和企业标准备案工作。",
             # Supervision named in the approval's own phrase is supervision too.
             "负责县城供水、燃气行业监督管理和燃气经营许可")
    assert [(approval_only(text), held_only(text)) for text in texts] == [
        (True, False), (True, False), (False, False), (False, False), (False, True), (False, True), (False, False),
        (True, False), (True, False), (False, False), (False, False), (False, False)]


def test_one_matcher_reads_each_piece_a_transfer_moves(reformed: Store) -> None:
    """`transfer_covers`, which duties_in_force, transferred_still_held and who_handles share: a clause saying one
    piece of a transfer's list, and nothing else, is work moved whole; saying it with more, in part; naming it only
    as what licensees hold, not at all."""
    model = duty_model(reformed)
    sentence = "将市住房和城乡建设局承担的建筑工程施工许可、商品房预售许可职责划入市行政审批服务局。"
    assert [transfer_covers(model, sentence, text, None) for text in (
        "负责建筑工程施工许可。", "负责监督管理建筑市场。依法实施建筑工程施工许可，规范建设工程招标投标活动。",
        "对取得施工许可的建筑工程施工现场的监督检查", "负责全市物业管理行业的指导和监督。")] == [
        "transferred", "partly_transferred", None, None]
