"""An 编办's yearly assessment of how departments keep to their 三定 (user test): offices beyond the number set, by the
三定 or by a later 调整 notice; leader posts that do not add up to their total; a duty no office carries; a county
department with three times the duties per post of its city counterpart. The corpus, an invented city and county,
is tests/fixtures/assessment/."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.report import build_report, cell_text, summary_of
from queries.staffing import staffing_load
from queries.undecomposed import undecomposed_duties
from tests.conftest import real_document

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "assessment"
_KEYS = ("department", "staff_quota", "leader_posts", "offices", "offices_stated", "office_leader_posts_detail",
         "duties_per_post", "counterpart", "counterpart_ratio", "checks")


@pytest.fixture
def assessed(store: Store) -> Store:
    report = ingest([CORPUS], store, region=Region(("澄江市",)))
    assert report.failed == []
    return store


def _rows(store: Store, region: str) -> list[dict[str, object]]:
    return [{key: row[key] for key in _KEYS} for row in staffing_load(store, region)]


_COUNTY = [
    {"department": "北岭县交通运输局", "staff_quota": 10, "leader_posts": 3, "offices": 3, "offices_stated": 3,
     "office_leader_posts_detail": ["股级 3"], "duties_per_post": 0.3, "counterpart": "澄江市交通运输局",
     "counterpart_ratio": 1.08, "checks": []},
    # 8 duties on 10 posts against the city bureau's 8 on 30: within its county it scores z = 2.29, no outlier.
    {"department": "北岭县市场监督管理局", "staff_quota": 10, "leader_posts": 3, "offices": 3, "offices_stated": 3,
     "office_leader_posts_detail": ["股级 3"], "duties_per_post": 0.8, "counterpart": "澄江市市场监督管理局",
     "counterpart_ratio": 3.0, "checks": ["人均职责数为市级对口部门的3.0倍"]},
    {"department": "北岭县应急管理局", "staff_quota": 8, "leader_posts": 3, "offices": 3, "offices_stated": 3,
     "office_leader_posts_detail": ["股级 3"], "duties_per_post": 0.375, "counterpart": "澄江市应急管理局",
     "counterpart_ratio": 1.65, "checks": []},
]


def test_staffing_checks_what_the_sanding_sets(assessed: Store) -> None:
    assert _rows(assessed, "澄江市") == [
        # The 2022 notice's 调整后 totals: 18 posts and 4 offices, while the 三定's five offices stand.
        {"department": "澄江市交通运输局", "staff_quota": 18, "leader_posts": 3, "offices": 5, "offices_stated": 4,
         "office_leader_posts_detail": ["科级 5"], "duties_per_post": 0.278, "counterpart": "",
         "counterpart_ratio": None, "checks": ["列出内设机构5个，超出核定的4个（2022-06-01调整通知核定）"]},
        {"department": "澄江市市场监督管理局", "staff_quota": 30, "leader_posts": 4, "offices": 7, "offices_stated": 6,
         "office_leader_posts_detail": ["科级 9"], "duties_per_post": 0.267, "counterpart": "",
         "counterpart_ratio": None, "checks": ["列出内设机构7个，超出核定的6个"]},
        # 领导职数5名 is the total the 三定 sets, though its posts add up to 4; the 交通 notice moved 2 posts into its
        # 三定's 20.
        {"department": "澄江市应急管理局", "staff_quota": 22, "leader_posts": 5, "offices": 4, "offices_stated": 4,
         "office_leader_posts_detail": ["科级 6（其中科长 4、副科长 4）"], "duties_per_post": 0.227, "counterpart": "",
         "counterpart_ratio": None,
         "checks": ["领导职数5名，所列职务合计4名（局长 1、副局长 3）", "科级领导职数6名，其中所列合计8名（科长 4、副科长 4）"]},
        *_COUNTY,
    ]
    # A county asked alone still finds its city counterparts.
    assert _rows(assessed, "澄江市/北岭县") == _COUNTY


def test_ingest_says_what_does_not_add_up(store: Store) -> None:
    report = ingest([CORPUS], store, region=Region(("澄江市",)))
    warnings = {outcome.path.name: outcome.warnings for outcome in report.outcomes if outcome.warnings}
    assert warnings == {
        "cj_shichangjianguan.txt": ["the document sets 6 internal offices and lists 7; "
                                    "文件核定内设机构 6 个，列出 7 个，超出核定数"],
        "cj_yingji.txt": ["line 16: the leader posts do not add up to the total set; "
                          "第 16 行：领导职数5名，所列职务合计4名（局长 1、副局长 3）",
                          "line 16: the leader posts do not add up to the total set; "
                          "第 16 行：科级领导职数6名，其中所列合计8名（科长 4、副科长 4）"],
    }


def test_the_duty_no_office_carries(assessed: Store) -> None:
    assert [(row["department"], row["kind"], row["ordinal"]) for row in undecomposed_duties(assessed)] == [
        ("澄江市应急管理局", "duty_without_office", 5)]


def test_the_report_carries_the_checks(assessed: Store) -> None:
    report = build_report(assessed, region="澄江市")
    staffing = next(s for s in report.sections if s.key == "staffing_load")
    assert [(row["department"], row["offices"], row["offices_stated"], row["counterpart_ratio"])
            for row in staffing.rows] == [
        ("澄江市交通运输局", 5, 4, None), ("澄江市市场监督管理局", 7, 6, None), ("澄江市应急管理局", 4, 4, None),
        ("北岭县交通运输局", 3, 3, 1.08), ("北岭县市场监督管理局", 3, 3, 3.0), ("北岭县应急管理局", 3, 3, 1.65)]
    assert "不含实有人数" in staffing.note
    checks = next(s for s in report.sections if s.key == "staffing_checks")
    assert [[cell_text(row, column, checks.key) for column in checks.columns] for row in checks.rows] == [
        ["澄江市", "澄江市交通运输局", "列出内设机构5个，超出核定的4个（2022-06-01调整通知核定）"],
        ["澄江市", "澄江市市场监督管理局", "列出内设机构7个，超出核定的6个"],
        ["澄江市", "澄江市应急管理局", "领导职数5名，所列职务合计4名（局长 1、副局长 3）"],
        ["澄江市", "澄江市应急管理局", "科级领导职数6名，其中所列合计8名（科长 4、副科长 4）"],
        ["北岭县", "北岭县市场监督管理局", "人均职责数为市级对口部门的3.0倍"]]
    summary = {row["finding"]: row["count"] for row in summary_of(report.sections).rows}
    assert (summary["编制与职责负荷异常的部门"], summary["机构编制核查发现问题的部门"]) == (0, 4)
    documents = next(s for s in report.sections if s.key == "documents")
    notice = next(row for row in documents.rows if row["title"] == "关于调整澄江市交通运输局职责机构编制的通知")
    assert cell_text(notice, "kind", "documents") == "调整职责机构编制通知"  # not `amendment`


def test_a_copy_without_its_main_duties_has_no_duties_per_post(store: Store) -> None:
    # Page 3 of a 市政府办公室 三定: its offices and staffing, none of its main duties.
    report = ingest([real_document("unknowncity_shizhengfubangongshi_sanding_fsou17226584_p3.txt")], store,
                    region=Region(("某市",)))
    assert report.failed == []
    assert [{key: row[key] for key in ("department", "staff_quota", "other_staff", "leader_posts", "duties",
                                       "office_leader_posts_detail", "duties_per_post", "checks")}
            for row in staffing_load(store)] == [
        {"department": "某市政府办公室", "staff_quota": 63, "other_staff": 3, "leader_posts": 6, "duties": 0,
         "office_leader_posts_detail": ["正科级 19"], "duties_per_post": None,
         "checks": ["图中没有该部门三定的主要职责，不计算人均职责数"]}]


def test_a_department_known_by_a_notice_alone_has_no_duties_per_post(store: Store) -> None:
    # The 2022 notice without the 三定 it adjusts: its 调整后 staffing is known, its work is not.
    report = ingest([CORPUS / "cj_jiaotong_tiaozheng_2022.txt"], store, region=Region(("澄江市",)))
    assert report.failed == []
    assert [{key: row[key] for key in ("department", "staff_quota", "offices_stated", "duties_per_post", "robust_z",
                                       "checks")}
            for row in staffing_load(store) if row["department"] == "澄江市交通运输局"] == [
        {"department": "澄江市交通运输局", "staff_quota": 18, "offices_stated": 4, "duties_per_post": None,
         "robust_z": None, "checks": ["图中没有该部门的三定（仅有调整通知），不计算人均职责数"]}]
