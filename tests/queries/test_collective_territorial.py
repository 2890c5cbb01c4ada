"""Lower governments a 属地 list names as a whole (各乡镇人民政府, 各乡镇（街道）, 属地乡镇政府, 各街道办事处) bear 主体责任
each in its own area, as a named township does: not a department's 牵头 (before, 各乡镇人民政府 beside the boundary
list's 城管 read as 文件间牵头部门不一致, 各街道办事处 in one cell with 城管 as 多个牵头部门, and 各乡镇（街道） as
责任主体模糊).

The fixture is a county of its own (临江市/东岭县) with a boundary list and a 属地 list written for the test.
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

COUNTY = "临江市/东岭县"

BOUNDARY = """编号,管理事项,主责部门,协办部门,职责分工
1,农贸市场周边占道经营整治,县城市管理局,县市场监督管理局,县城市管理局负责占道经营执法；县市场监督管理局负责场内经营秩序。
2,农村饮用水水源保护,县生态环境分局,县水利局,县生态环境分局负责水源地环境监管。
3,山区道路塌方巡查,,县交通运输局,县交通运输局负责公路塌方抢通技术指导。
"""

# Row 4 names lower governments as a whole beside a department in one cell; row 5 writes the county before them (the
# same party as row 1's); row 6 a matter the boundary list names without a lead.
TERRITORIAL = """编号,属地管理事项,主体责任单位,配合责任单位,主体责任,配合责任
1,农贸市场周边占道经营整治,各乡镇人民政府,县城市管理局,组织辖区日常巡查劝导。,县城市管理局负责执法指导。
2,农村饮用水水源保护,各乡镇（街道）,县生态环境分局、县水利局,落实水源地日常巡查。,县生态环境分局负责监管执法。
3,背街小巷环境卫生巡查,属地乡镇政府,县城市管理局,组织背街小巷日常保洁巡查。,县城市管理局负责业务指导。
4,沿街路灯损坏巡查,各街道办事处、县城市管理局,县住房和城乡建设局,发现路灯损坏及时报修。,县住房和城乡建设局负责督促维修。
5,林区野外用火巡查,东岭县各乡镇人民政府,县林业局,组织林区野外用火巡查。,县林业局负责森林防火业务指导。
6,山区道路塌方巡查,各乡镇人民政府,县交通运输局,发现塌方及时设置警示并报告。,县交通运输局负责抢通。
"""


@pytest.fixture
def county(store: Store, tmp_path: Path) -> Store:
    return ingested(store, tmp_path, {"dongling_bianjie.csv": BOUNDARY, "dongling_shudi.csv": TERRITORIAL}, ("临江市", "东岭县"))


def test_lower_governments_named_as_a_whole_bear_it_in_their_own_areas(county: Store) -> None:
    rows = catalog.run(county, "matter_parties", {"region": COUNTY})
    # The boundary list's parties are a department's (territorial False) beside the 属地 list's.
    assert sorted((r["matter"], r["role"], r["department"], r["vague"], r["territorial"]) for r in rows) == [
        ("农村饮用水水源保护", "ASSISTS", "东岭县水利局", False, False),
        ("农村饮用水水源保护", "ASSISTS", "东岭县水利局", False, True),
        ("农村饮用水水源保护", "ASSISTS", "东岭县生态环境分局", False, True),
        ("农村饮用水水源保护", "LEADS", "东岭县生态环境分局", False, False),
        ("农村饮用水水源保护", "LEADS", "各乡镇（街道）", False, True),
        ("农贸市场周边占道经营整治", "ASSISTS", "东岭县城市管理局", False, True),
        ("农贸市场周边占道经营整治", "ASSISTS", "东岭县市场监督管理局", False, False),
        ("农贸市场周边占道经营整治", "LEADS", "东岭县城市管理局", False, False),
        ("农贸市场周边占道经营整治", "LEADS", "各乡镇人民政府", False, True),
        ("山区道路塌方巡查", "ASSISTS", "东岭县交通运输局", False, False),
        ("山区道路塌方巡查", "ASSISTS", "东岭县交通运输局", False, True),
        ("山区道路塌方巡查", "LEADS", "各乡镇人民政府", False, True),
        ("林区野外用火巡查", "ASSISTS", "东岭县林业局", False, True),
        ("林区野外用火巡查", "LEADS", "各乡镇人民政府", False, True),
        # A department bearing the 主体责任 beside them answers county-wide: its lead, and who 配合s the row, are a
        # department's.
        ("沿街路灯损坏巡查", "ASSISTS", "东岭县住房和城乡建设局", False, False),
        ("沿街路灯损坏巡查", "LEADS", "东岭县城市管理局", False, False),
        ("沿街路灯损坏巡查", "LEADS", "各街道办事处", False, True),
        ("背街小巷环境卫生巡查", "ASSISTS", "东岭县城市管理局", False, True),
        ("背街小巷环境卫生巡查", "LEADS", "属地乡镇政府", False, True),
    ]
    # 东岭县各乡镇人民政府 is row 1's 各乡镇人民政府, not a township called 各乡镇.
    assert county.read("MATCH (d:Department) WHERE d.kind = '属地' RETURN d.uid AS uid ORDER BY uid") == [
        {"uid": f"dept:{COUNTY}/@{name}"} for name in ("各乡镇人民政府", "各乡镇（街道）", "各街道办事处", "属地乡镇政府")]
    assert county.read("MATCH (d:Department) WHERE d.kind = '乡镇（街道）' RETURN d.uid") == []


def _findings(store: Store) -> list[tuple[Any, ...]]:
    return [(f["reason"], f["matter"], f["leads"], f["assists"]) for f in host_assist_ambiguities(store, COUNTY)]


def test_they_dispute_no_department_s_lead_and_are_not_vague(county: Store) -> None:
    # Not 农贸市场 (各乡镇 in their areas beside 城管 at the county's level), nor 路灯 (各街道办事处 in one cell with
    # 城管), nor a vague_party for 各乡镇（街道）: the set is well defined, each township in its own area. The boundary
    # list naming 山区道路塌方巡查 without a lead is no_lead still, whatever the townships bear.
    assert _findings(county) == [("no_lead", "山区道路塌方巡查", [], ["东岭县交通运输局"])]
    [unled] = host_assist_ambiguities(county, COUNTY)
    assert sorted((c["leads"], c["territorial_leads"], c["assists"]) for c in unled["claims"]) == [
        ([], [], ["东岭县交通运输局"]), ([], ["各乡镇人民政府"], ["东岭县交通运输局"])]
    assert sorted({(dispute.matter, dispute.reason) for dispute in disputes(county).values()}) == [
        ("山区道路塌方巡查", "no_lead")]


def test_who_handles_answers_the_department_and_no_collective_party(county: Store) -> None:
    # 城管 leads by the boundary list; 各乡镇人民政府 is no one body a complaint can go to, and 城管's 配合 of them in
    # their areas puts it below no one. No lead_dispute between them.
    rows = who_handles(county, "农贸市场周边占道经营整治", region=COUNTY, limit=3)
    assert [(r["department"], r["assisting"], r["lead_dispute"], r["evidence"][0]["kind"]) for r in rows] == [
        ("东岭县城市管理局", False, None, "matter_lead")]
    # The matter only 属地乡镇政府 bears: no one body to send it to, and its 配合 城管 is not marked assisting (配合);
    # what answers is weak, on the word 巡查 alone (before, 林区野外用火巡查's 东岭县各乡镇人民政府 was a township called
    # 各乡镇 and answered).
    rows = who_handles(county, "背街小巷环境卫生巡查", region=COUNTY, limit=3)
    assert [(r["department"], r["assisting"], r["weak"], r["evidence"][0]["text"]) for r in rows] == [
        ("东岭县交通运输局", False, True, "山区道路塌方巡查"), ("东岭县城市管理局", False, True, "沿街路灯损坏巡查")]
