"""who_handles and the 职责分工 clauses: a department that assists on the matter a complaint is about ranks below the
matter's lead, marked as assisting (配合), with the matter as its evidence.

A user test's complaint about a stall blocking the road at a market gate tied a county's 城管 and 市场监管 (市场监管
first), although the county 城管's 三定 says that 占道经营整治 is 城管's, with 市场监管 assisting.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph.store import Store, open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.who_handles import who_handles

# 市场监管's duty says 流动摊贩 and 占道经营 twice over: on the words alone it outscores 城管.
MARKET = """青禾县市场监督管理局职能配置、内设机构和人员编制规定
第一条 根据《临川市青禾县机构改革方案》，制定本规定。
第二条 县市场监督管理局是县政府工作部门，为正科级。
第三条 县市场监督管理局主要职责是：
（一）负责县城占道经营和流动摊贩的日常巡查，依法取缔无照摊点，查处店外占道经营。
（二）负责全县食品经营环节的监督管理，查处销售过期变质食品的违法行为。
（三）负责全县特种设备安全监督管理，组织电梯使用单位的安全检查。
第四条 县市场监督管理局设下列内设机构：
（一）巡查股。负责占道经营和流动摊贩的日常巡查。
（二）食品经营股。负责食品经营环节的监督检查。
第五条 县市场监督管理局机关行政编制16名。设局长1名，副局长2名。
第六条 本规定自2021年3月1日起施行。
"""

URBAN = """青禾县城市管理局职能配置、内设机构和人员编制规定
第一条 根据《临川市青禾县机构改革方案》，制定本规定。
第二条 县城市管理局是县政府工作部门，为正科级。
第三条 县城市管理局主要职责是：
（一）负责查处县城占道经营和店外经营等违法行为，规范临时摊点设置。
（二）负责县城道路清扫保洁和公共厕所管理。
（三）负责县城餐饮服务经营场所油烟污染防治的监督管理。
第四条 县城市管理局设下列内设机构：
（一）执法股。负责查处占道经营和店外经营等违法行为。
（二）环卫股。负责道路清扫保洁和公共厕所管理。
第五条 县城市管理局机关行政编制9名。设局长1名，副局长1名。
第六条 有关职责分工。
（一）与县市场监督管理局的有关职责分工。占道经营整治由县城市管理局负责，县市场监督管理局配合。
（二）与县市场监督管理局的有关职责分工。餐饮服务场所油烟污染防治由县城市管理局负责，县市场监督管理局配合。
第七条 本规定自2021年4月1日起施行。
"""

# A third department, so that the words of the two above are as rare as in a county's graph.
CULTURE = """青禾县文化和旅游局职能配置、内设机构和人员编制规定
第一条 根据《临川市青禾县机构改革方案》，制定本规定。
第二条 县文化和旅游局是县政府工作部门，为正科级。
第三条 县文化和旅游局主要职责是：
（一）负责全县公共图书馆、文化馆的建设和免费开放。
（二）负责文物保护单位的安全巡查和修缮审核。
（三）负责旅游景区质量等级评定和复核。
（四）负责网吧、歌舞娱乐场所的审批。
第四条 县文化和旅游局设下列内设机构：
（一）公共服务股。负责公共图书馆、文化馆的建设和免费开放。
（二）文物股。负责文物保护单位的安全巡查和修缮审核。
第五条 县文化和旅游局机关行政编制7名。设局长1名，副局长1名。
第六条 本规定自2021年5月1日起施行。
"""

EDUCATION = """青禾县教育局职能配置、内设机构和人员编制规定
第一条 根据《临川市青禾县机构改革方案》，制定本规定。
第二条 县教育局是县政府工作部门，为正科级。
第三条 县教育局主要职责是：
（一）负责全县义务教育学校的布局规划和招生入学管理。
（二）负责校外培训机构的审批和日常监管。
（三）负责中小学教师的招聘、培训和职称评审。
（四）负责学生资助和营养改善计划的实施。
第四条 县教育局设下列内设机构：
（一）基础教育股。负责义务教育学校的招生入学管理。
（二）人事股。负责中小学教师的招聘和培训。
第五条 县教育局机关行政编制8名。设局长1名，副局长1名。
第六条 本规定自2021年5月1日起施行。
"""

FARMING = """青禾县农业农村局职能配置、内设机构和人员编制规定
第一条 根据《临川市青禾县机构改革方案》，制定本规定。
第二条 县农业农村局是县政府工作部门，为正科级。
第三条 县农业农村局主要职责是：
（一）负责高标准农田建设和耕地质量保护。
（二）负责农作物病虫害监测预警和统防统治。
（三）负责畜禽养殖污染防治和动物疫病防控。
（四）负责农村宅基地管理和农村人居环境整治。
第四条 县农业农村局设下列内设机构：
（一）种植业股。负责农作物病虫害监测预警和统防统治。
（二）畜牧兽医股。负责动物疫病防控。
第五条 县农业农村局机关行政编制10名。设局长1名，副局长2名。
第六条 本规定自2021年5月1日起施行。
"""

COUNTY = "临川市/青禾县"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("clauses")
    for name, text in [("market.txt", MARKET), ("urban.txt", URBAN), ("culture.txt", CULTURE),
                       ("education.txt", EDUCATION), ("farming.txt", FARMING)]:
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(f"embedded:{tmp_path_factory.mktemp('clauses-store')}")
    assert ingest([folder], store, region=Region(("临川市",))).failed == []
    yield store
    store.close()


def _rows(store: Store, text: str) -> list[tuple[Any, ...]]:
    return [(row["department"], row["score"], row["tie"], row["weak"], row["assisting"],
             [(e["kind"], e["text"]) for e in row["evidence"]]) for row in who_handles(store, text, region=COUNTY)]


def test_the_lead_of_the_matter_outranks_the_department_assisting_on_it(county: Store) -> None:
    # 市场监管's two 占道经营 duties outscore 城管's, but only on the words of the matter the clause gives 城管: 城管
    # comes first on its own score, 市场监管 after it, marked as assisting, the matter its first piece of evidence.
    assert _rows(county, "菜市场门口有人摆摊卖水果，把路都占了")[:2] == [
        ("青禾县城市管理局", 11.6, False, False, False,
         [("matter_lead", "占道经营整治"), ("office_duty", "负责查处占道经营和店外经营等违法行为。"),
          ("duty", "负责查处县城占道经营和店外经营等违法行为，规范临时摊点设置。")]),
        ("青禾县市场监督管理局", 14.259, False, False, True,
         [("matter_assist", "占道经营整治"), ("office_duty", "负责占道经营和流动摊贩的日常巡查。"),
          ("duty", "负责县城占道经营和流动摊贩的日常巡查，依法取缔无照摊点，查处店外占道经营。")])]
    # A place word the matter's name leaves out (县城) is no ground of its own.
    assert [(row[0], row[4]) for row in _rows(county, "县城有人占道经营")[:2]] == [
        ("青禾县城市管理局", False), ("青禾县市场监督管理局", True)]


def test_a_department_with_ground_of_its_own_stays_a_contender(county: Store) -> None:
    # Spoiled food at a stall meets 市场监管's food duty on words the 占道经营 matter does not: the clause does not
    # settle it, and 市场监管 stays first, not marked.
    assert [(row[0], row[1], row[4]) for row in _rows(county, "流动摊贩卖的熟食过期变质了")[:2]] == [
        ("青禾县市场监督管理局", 19.649, False), ("青禾县城市管理局", 11.6, False)]


def test_a_department_met_only_through_an_unrelated_matter_is_weak(county: Store) -> None:
    # The user test's night-time piling complaint: 城管 is met through the 油烟污染防治 matter on 污染 and 防治 alone.
    assert [(row[0], row[3], row[4], row[5][0]) for row in _rows(county, "工地半夜还在打桩，吵得睡不着")[:1]] == [
        ("青禾县城市管理局", True, False, ("matter_lead", "餐饮服务场所油烟污染防治"))]
