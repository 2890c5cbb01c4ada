"""An office's other names as its 三定 writes them (FORMATS §3): a plate (政策法规科（挂行政审批科牌子）, dropped before) and
a body it works as one with (人事科（与机关党委合署办公）, read before as an office called 与机关党委; 机关党委与离退休干部科
合署办公 unbracketed, not read as an office at all). Each is found by either name, shown with both, and a list's
承办机构 naming the other name reaches it.

The fixture is a county bureau of its own (临江市/南溪县), its 三定 and its 权责清单 written for the test, with the real
fragment of a city government office's 三定 beside it where ../shared/real holds it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.offices import split_name
from ingest.pipeline import ingest
from ingest.regions import Region
from queries import catalog
from queries.profile import department_profile
from tests.conftest import ingested, real_document

BUREAU = "dept:临江市/南溪县/文化和旅游局"

SANDING = """南溪县文化和旅游局职能配置、内设机构和人员编制规定
第一条 根据《临江市南溪县机构改革方案》，制定本规定。
第二条 县文化和旅游局是县政府工作部门，为正科级。
第三条 主要职责是：
（一）负责全县文化和旅游市场监督管理。
第四条 县文化和旅游局设下列内设机构：
（一）办公室。负责机关日常运转。
（二）政策法规科（挂行政审批科牌子）。负责规范性文件合法性审核；承担娱乐场所经营许可等行政审批事项的办理。
（三）人事科（与机关党委合署办公）。负责机关和所属单位的机构编制、人事管理。
（四）文物保护科（挂县文物局、县博物馆管理办公室牌子，与县考古工作站合署办公）。负责文物保护单位的日常监督检查。
（五）机关党委与离退休干部科合署办公。负责机关党群工作和离退休干部工作。
第五条 县文化和旅游局机关行政编制为12名。设局长1名，副局长2名；股级领导职数5名。
"""

POWER = """序号,事项名称,权力类型,实施主体,承办机构
1,娱乐场所经营许可,行政许可,县文化和旅游局,行政审批科
2,对文物保护单位的行政检查,行政检查,县文化和旅游局,县文物局
"""

LAW = "政策法规科（行政审批科）"
PERSONNEL = "人事科（机关党委）"
RELICS = "文物保护科（县文物局、县博物馆管理办公室、县考古工作站）"
PARTY = "机关党委（离退休干部科）"


@pytest.fixture
def bureau(store: Store, tmp_path: Path) -> Store:
    return ingested(store, tmp_path, {"nanxi_wenlv_sanding.txt": SANDING, "nanxi_wenlv_quanze.csv": POWER},
                    ("临江市", "南溪县"))


def test_an_office_keeps_every_other_name_its_three_fixed_provisions_give(bureau: Store) -> None:
    rows = catalog.run(bureau, "department_offices", {"department": BUREAU})
    assert [(row["name"], row["office"], row["aliases"]) for row in rows] == [
        ("办公室", "办公室", []),
        ("政策法规科", LAW, ["行政审批科"]),
        ("人事科", PERSONNEL, ["机关党委"]),
        ("文物保护科", RELICS, ["县文物局", "县博物馆管理办公室", "县考古工作站"]),
        ("机关党委", PARTY, ["离退休干部科"]),
    ]


@pytest.mark.parametrize(("typed", "shown"), [
    ("行政审批科", [LAW]), ("政策法规科", [LAW]), (LAW, [LAW]), ("县考古工作站", [RELICS]), ("离退休干部科", [PARTY]),
    # 机关党委 is 人事科's other name and an office of its own: both answer.
    ("机关党委", [PERSONNEL, PARTY]), ("审批科", []),
])
def test_an_office_is_found_by_either_name(bureau: Store, typed: str, shown: list[str]) -> None:
    rows = catalog.run(bureau, "department_offices", {"department": BUREAU, "office": typed})
    assert [row["office"] for row in rows] == shown


def test_the_profile_and_the_list_s_handling_office_reach_it_by_its_plate(bureau: Store) -> None:
    profile = department_profile(bureau, "南溪县文化和旅游局")
    assert [office["office"] for office in profile["offices"]] == sorted(["办公室", LAW, PERSONNEL, RELICS, PARTY])
    # The 权责清单 names the plates (行政审批科, 县文物局): each item is its office's, with no note of an unknown one.
    assert [(row["name"], row["offices"]) for row in profile["power_items"]] == [
        ("娱乐场所经营许可", [LAW]), ("对文物保护单位的行政检查", [RELICS])]
    assert bureau.read("MATCH (d:Document) WHERE any(n IN d.notes WHERE n CONTAINS '承办机构') RETURN d.uid") == []


def test_a_real_city_government_office_s_merged_office(store: Store, tmp_path: Path) -> None:
    """The real fragment's 人事科(直属机关党委办公室与其合署办公): found by the body it works with, named with both."""
    path = real_document("unknowncity_shizhengfubangongshi_sanding_fsou17226584_p3.txt")
    assert ingest([path], store, region=Region(("某市",))).failed == []
    [department] = store.read("MATCH (d:Department)-[:HAS_OFFICE]->() RETURN DISTINCT d.uid AS uid")
    rows = catalog.run(store, "department_offices", {"department": department["uid"], "office": "直属机关党委办公室"})
    assert [(row["name"], row["office"]) for row in rows] == [("人事科", "人事科（直属机关党委办公室）")]


@pytest.mark.parametrize(("head", "parsed"), [
    ("政策法规科（挂行政审批科牌子）。负责…", ("政策法规科", ["行政审批科"], "负责…")),
    ("政策法规科（加挂行政审批科、政务服务科牌子）", ("政策法规科", ["行政审批科", "政务服务科"], "")),
    ("法规科（对外保留行政审批科牌子）", ("法规科", ["行政审批科"], "")),
    ("人事科（与机关党委合署办公）", ("人事科", ["机关党委"], "")),
    ("人事科(直属机关党委办公室与其合署办公)", ("人事科", ["直属机关党委办公室"], "")),
    ("办公室（机关党委、人事科合署办公）", ("办公室", ["机关党委", "人事科"], "")),
    ("人事科与直属机关党委办公室合署办公。负责…", ("人事科", ["直属机关党委办公室"], "负责…")),
    ("秘书处（组织人事处）", ("秘书处", ["组织人事处"], "")),
])
def test_the_other_names_in_an_office_head(head: str, parsed: tuple[str, list[str], str]) -> None:
    assert split_name(head) == parsed
