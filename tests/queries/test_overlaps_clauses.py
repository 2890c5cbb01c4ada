"""Overlaps that a 职责分工 clause settles, and city guidance against county work across levels.

Two findings of a user test: an overlap between a county's 城管 and 市场监管 about 占道经营 stayed unsettled and
without a matter although the 城管 三定 divides that very work between the two (the clause's name ends in 整治,
an action word neither duty repeats); and a city duty that claims registration for the whole city but guides it
(`负责全市…统一登记注册。指导…登记注册工作`) was reported against the county's registering duty across levels.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.store import Store, open_store
from ingest.aspects import performed_acts
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.overlaps import overlaps

CITY_MARKET = """松川市市场监督管理局职能配置、内设机构和人员编制规定
第一条 根据《松川市机构改革方案》，制定本规定。
第二条 市市场监督管理局是市政府工作部门，为正处级。
第三条 市市场监督管理局贯彻落实党中央关于市场监督管理工作的方针政策。主要职责是：
（一）负责全市市场主体统一登记注册。指导企业、个体工商户和农民专业合作社的登记注册工作，推进市场主体信用信息归集公示。
（二）负责全市药品零售企业的监督检查。
（三）完成市委、市政府交办的其他任务。
第四条 市市场监督管理局设下列内设机构：
（一）办公室。负责机关日常运转和财务、人事工作。
（二）登记注册科。负责指导全市市场主体登记注册工作。
第五条 市市场监督管理局机关行政编制40名。设局长1名，副局长3名。
第六条 本规定自2020年3月1日起施行。
"""

# The city's 城管 also polices 占道经营: the term is common in the region, so it weighs less than the clause's 整治.
CITY_URBAN = """松川市城市管理局职能配置、内设机构和人员编制规定
第一条 根据《松川市机构改革方案》，制定本规定。
第二条 市城市管理局是市政府工作部门，为正处级。
第三条 市城市管理局贯彻落实党中央关于城市管理工作的方针政策。主要职责是：
（一）负责指导全市城市管理综合执法工作，组织查处市区重大占道经营和违法建设案件。
（二）负责市区生活垃圾分类的监督管理。
（三）完成市委、市政府交办的其他任务。
第四条 市城市管理局设下列内设机构：
（一）办公室。负责机关日常运转和财务、人事工作。
（二）执法指导科。负责指导县（区）城市管理综合执法工作。
第五条 市城市管理局机关行政编制30名。设局长1名，副局长2名。
第六条 本规定自2020年4月1日起施行。
"""

COUNTY_MARKET = """白沙县市场监督管理局职能配置、内设机构和人员编制规定
第一条 根据《松川市白沙县机构改革方案》，制定本规定。
第二条 县市场监督管理局是县政府工作部门，为正科级。
第三条 县市场监督管理局贯彻落实党中央关于市场监督管理工作的方针政策。主要职责是：
（一）负责全县市场主体登记注册工作，办理企业、个体工商户和农民专业合作社的登记注册。
（二）负责县城流动摊贩和占道经营的巡查，依法取缔无照流动摊点，查处店外占道经营行为。
（三）完成县委、县政府交办的其他任务。
第四条 县市场监督管理局设下列内设机构：
（一）办公室。负责机关日常运转和财务、人事工作。
（二）登记注册股。负责市场主体登记注册的受理办理。
第五条 县市场监督管理局机关行政编制20名。设局长1名，副局长2名。
第六条 本规定自2020年5月1日起施行。
"""

COUNTY_URBAN = """白沙县城市管理局职能配置、内设机构和人员编制规定
第一条 根据《松川市白沙县机构改革方案》，制定本规定。
第二条 县城市管理局是县政府工作部门，为正科级。
第三条 县城市管理局贯彻落实党中央关于城市管理工作的方针政策。主要职责是：
（一）负责县城道路清扫保洁和公共厕所管理。
（二）负责查处县城占道经营、店外经营和流动摊贩等违法行为，规范临时摊点设置。
（三）完成县委、县政府交办的其他任务。
第四条 县城市管理局设下列内设机构：
（一）办公室。负责机关日常运转和财务、人事工作。
（二）执法股。负责查处占道经营和流动摊贩等违法行为。
第五条 县城市管理局机关行政编制8名。设局长1名，副局长1名。
第六条 有关职责分工。
（一）与县市场监督管理局的有关职责分工。县城占道经营整治由县城市管理局负责，县市场监督管理局配合。
（二）与县市场监督管理局的有关职责分工。县城餐饮油烟污染防治由县城市管理局负责，县市场监督管理局配合。
第七条 本规定自2020年6月1日起施行。
"""


@pytest.fixture(scope="module")
def clauses(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("clauses_corpus")
    for name, text in (("sc_shichang.txt", CITY_MARKET), ("sc_chengguan.txt", CITY_URBAN),
                       ("bs_shichang.txt", COUNTY_MARKET), ("bs_chengguan.txt", COUNTY_URBAN)):
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(f"embedded:{tmp_path_factory.mktemp('clauses_store')}")
    report = ingest([Path(folder)], store, region=Region(("松川市",)))
    assert report.failed == []
    yield store
    store.close()


def _summary(clusters: list[dict[str, Any]]) -> list[tuple[list[str], bool, str | None]]:
    return [(sorted(f"{m['department']}{m['source'].split('#')[1]}" for m in c["members"]), c["settled"], c["matter"])
            for c in clusters]


def test_a_clause_between_the_clusters_departments_settles_it(clauses: Store) -> None:
    # The clause's name says 整治 where the duties say 查处/巡查: its object (县城占道经营) is what ties them, and
    # the other clause between the same two departments (餐饮油烟) is about another object.
    assert _summary(overlaps(clauses, region="松川市/白沙县")) == [
        (["白沙县城市管理局第三条(二)", "白沙县市场监督管理局第三条(二)"], True, "县城占道经营整治"),
    ]


def test_city_guidance_is_no_overlap_with_county_registration(clauses: Store) -> None:
    assert overlaps(clauses, scope="levels", region="松川市") == []


@pytest.mark.parametrize(("text", "performed"), [
    # A whole-city registration the duty itself guides: the counties register, the city guides.
    ("负责全市市场主体统一登记注册。指导企业、个体工商户和农民专业合作社的登记注册工作。", []),
    # Without the whole-city scope the registration is the city's own tier's.
    ("负责市场主体统一登记注册。承担全市市场主体登记注册的组织指导工作。", [({"register"}, "负责市场主体统一登记注册")]),
    # A whole-city act the duty never guides is performed (the city handles every case itself).
    ("负责全市特种设备安全监督管理，组织办理全市电梯、锅炉等特种设备使用登记。",
     [({"register"}, "组织办理全市电梯、锅炉等特种设备使用登记")]),
    # Guiding one act does not make another act of the duty guidance.
    ("负责全市燃气经营许可。指导燃气企业登记注册工作。", [({"license"}, "负责全市燃气经营许可")]),
])
def test_performed_acts(text: str, performed: list[tuple[set[str], str]]) -> None:
    assert [(set(acts), clause) for acts, clause in performed_acts(text)] == performed


def test_the_sample_clusters_matter_is_the_clause_between_its_departments(corpus: Store) -> None:
    # 市应急管理局 and 市水务局 both run 防汛抗旱 work; 第六条 of the 应急 三定 gives 水旱灾害应急救援 to 应急 with 水务
    # assisting. The cluster was tied to 地质灾害应急救援, whose clause names 自然资源 instead of 水务.
    cluster = next(c for c in overlaps(corpus) if {m["department"] for m in c["members"]} == {
        "示例市应急管理局", "示例市水务局"})
    assert (cluster["matter"], cluster["settled"]) == ("水旱灾害应急救援", True)
