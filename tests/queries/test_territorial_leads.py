"""A township's 属地 主体责任 is not a department's 牵头 (user test: a 属地 list's 主体责任单位 was read as one more lead,
so 防汛抗旱, which the boundary list gives 水利局 and the 属地 list gives 城关镇 in its area, read as 文件间牵头部门不一致).

The fixture is a county of its own (临江市/西河县) with a boundary list and a 属地 list written for the test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from queries import catalog
from queries.ambiguities import host_assist_ambiguities
from queries.lead_claims import disputes
from queries.who_handles import who_handles
from tests.conftest import ingested

COUNTY = "临江市/西河县"

BOUNDARY = """编号,管理事项,主责部门,协办部门,职责分工
1,防汛抗旱,县水利局,县应急管理局,县水利局负责水情监测和水利工程调度；县应急管理局负责指挥协调。
2,农村自建房安全管理,县住房和城乡建设局,县应急管理局,县住房和城乡建设局负责农村自建房建设质量安全监管。
3,山塘水库安全巡查,,县水利局,县水利局负责山塘水库安全技术指导。
"""

# Rows 1–2: each township answers for 河道日常巡查 in its own area; row 3 gives 防汛抗旱 to 城关镇 in its area, with
# 县水利局 (the boundary list's lead) 配合; row 4 a department bearing the 主体责任, which answers county-wide; row 5
# two townships in one cell; row 6 a matter the boundary list names without a lead.
TERRITORIAL = """编号,属地管理事项,主体责任单位,配合责任单位,主体责任,配合责任
1,河道日常巡查,西河县城关镇,县水利局,组织河道日常巡查。,县水利局负责技术指导。
2,河道日常巡查,西河县石桥镇,县水利局,组织河道日常巡查。,县水利局负责技术指导。
3,防汛抗旱,西河县城关镇,县水利局、县应急管理局,组织汛期隐患巡查和危险区域人员转移。,县水利局负责水情监测。
4,农村自建房安全管理,县应急管理局,西河县城关镇,负责经营性自建房安全生产综合监督。,城关镇负责日常排查。
5,秸秆禁烧巡查,西河县城关镇、西河县石桥镇,县生态环境分局,组织辖区秸秆禁烧巡查。,县生态环境分局负责执法。
6,山塘水库安全巡查,西河县石桥镇,县水利局,落实山塘水库巡查责任人。,县水利局负责技术指导。
"""


@pytest.fixture
def county(store: Store, tmp_path: Path) -> Store:
    return ingested(store, tmp_path, {"xihe_bianjie.csv": BOUNDARY, "xihe_shudi.csv": TERRITORIAL}, ("临江市", "西河县"))


def _findings(store: Store) -> list[tuple[Any, ...]]:
    return [(f["reason"], f["matter"], f["leads"], f["assists"]) for f in host_assist_ambiguities(store, COUNTY)]


def test_only_disagreements_among_departments_are_findings(county: Store) -> None:
    # Not 防汛抗旱 (城关镇 in its area beside 水利局 at the county's level, and 水利局 配合 城关镇 there is no
    # lead_and_assist), nor 河道日常巡查 (two townships, each in its own area), nor 秸秆禁烧巡查 (two in one cell), nor a
    # no_lead for either of the matters only townships bear. A department bearing the 主体责任 in the 属地 list is a
    # department's lead: 应急 there against 住建 in the boundary list is a conflict; and the boundary list naming
    # 山塘水库安全巡查 without a lead is no_lead, whatever 石桥镇 bears in its area.
    assert _findings(county) == [
        ("conflicting_leads", "农村自建房安全管理", ["西河县应急管理局", "西河县住房和城乡建设局"],
         ["城关镇人民政府", "西河县应急管理局"]),
        ("no_lead", "山塘水库安全巡查", [], ["西河县水利局"]),
    ]


def test_a_claim_names_the_townships_apart_from_the_leads(county: Store) -> None:
    [conflict] = [f for f in host_assist_ambiguities(county, COUNTY) if f["reason"] == "conflicting_leads"]
    assert [(c["source"].split("#")[1], c["leads"], c["territorial_leads"], c["assists"])
            for c in sorted(conflict["claims"], key=lambda claim: claim["source"].split("#")[1])] == [
        ("第3行", ["西河县住房和城乡建设局"], [], ["西河县应急管理局"]),
        ("第5行", ["西河县应急管理局"], [], ["城关镇人民政府"]),
    ]
    [unled] = [f for f in host_assist_ambiguities(county, COUNTY) if f["reason"] == "no_lead"]
    assert sorted((c["leads"], c["territorial_leads"], c["assists"]) for c in unled["claims"]) == [
        ([], [], ["西河县水利局"]), ([], ["石桥镇人民政府"], ["西河县水利局"])]


def test_the_matter_parties_say_which_are_territorial(county: Store) -> None:
    rows = catalog.run(county, "matter_parties", {"region": COUNTY})
    assert sorted((r["matter"], r["role"], r["department"]) for r in rows if r["territorial"]) == [
        ("山塘水库安全巡查", "ASSISTS", "西河县水利局"), ("山塘水库安全巡查", "LEADS", "石桥镇人民政府"),
        ("河道日常巡查", "ASSISTS", "西河县水利局"), ("河道日常巡查", "ASSISTS", "西河县水利局"),
        ("河道日常巡查", "LEADS", "城关镇人民政府"), ("河道日常巡查", "LEADS", "石桥镇人民政府"),
        ("秸秆禁烧巡查", "ASSISTS", "西河县生态环境分局"), ("秸秆禁烧巡查", "LEADS", "城关镇人民政府"),
        ("秸秆禁烧巡查", "LEADS", "石桥镇人民政府"),
        ("防汛抗旱", "ASSISTS", "西河县应急管理局"), ("防汛抗旱", "ASSISTS", "西河县水利局"),
        ("防汛抗旱", "LEADS", "城关镇人民政府"),
    ]


def test_who_handles_raises_no_dispute_between_a_township_and_a_department(county: Store) -> None:
    assert sorted({(dispute.matter, dispute.reason) for dispute in disputes(county).values()}) == [
        ("农村自建房安全管理", "conflicting_leads"), ("山塘水库安全巡查", "no_lead")]
    rows = who_handles(county, "防汛抗旱", region=COUNTY, limit=3)
    # 水利局 leads (the boundary list); 城关镇 is its county's candidate by its 属地 row, after it. Neither is a party to
    # a dispute: their tie is the scores' (the matter's name is all either holds here: no 三定 is loaded), and 应急,
    # which holds nothing but the matters it assists on, is not ranked.
    assert [(r["department"], r["score"], r["tie"], r["assisting"], r["lead_dispute"], r["evidence"][0]["kind"])
            for r in rows] == [
        ("西河县水利局", 4.77, True, False, None, "matter_lead"),
        ("城关镇人民政府", 4.77, True, False, None, "territorial_lead"),
    ]
