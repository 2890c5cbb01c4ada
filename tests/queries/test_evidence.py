"""The evidence findings cite, on a city written for these tests: the owners suggested for unclaimed supervision
items (orphan_supervision_items), the department said to hold a matter its lead does not (lead_without_mandate),
and what still carries devolved work (undecomposed_duties)."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.ambiguities import host_assist_ambiguities
from queries.labels import column_label
from queries.orphans import FRAME_TERMS, orphan_supervision_items, shared_terms
from queries.undecomposed import undecomposed_duties

MARKET = """\
样例市市场监督管理局职能配置、内设机构和人员编制规定
第一条 根据《样例市机构改革方案》，制定本规定。
第二条 市市场监督管理局是市政府工作部门，为正处级。
第三条 市市场监督管理局主要职责是:
(一)负责全市特种设备安全监察，组织开展电梯、锅炉使用单位的安全检查。
(二)负责全市药品零售和使用环节的质量监督。
(三)负责全市食品生产经营的监督管理。
第四条 市市场监督管理局设下列内设机构:
(一)特种设备科
负责电梯、锅炉等特种设备的安全监察。
(二)药品科
负责药品零售和使用环节的质量监督。
(三)食品科
负责食品生产经营的监督管理。
第五条 市市场监督管理局机关行政编制为20名。
"""

CITY_MANAGEMENT = """\
样例市城市管理局职能配置、内设机构和人员编制规定
第一条 根据《样例市机构改革方案》，制定本规定。
第二条 市城市管理局是市政府工作部门，为正处级。
第三条 市城市管理局主要职责是:
(一)负责城市餐厨垃圾收集、运输和处置的监督管理。
(二)负责城市园林绿化的养护管理，组织园林绿化养护质量考核。
(三)拟订市容市貌标准，组织城市道路清扫保洁和公厕管理。
(四)职能转变。将城市道路挖掘、占用许可下放至各区城市管理部门实施，市城市管理局加强事后监管。
第四条 市城市管理局设下列内设机构:
(一)环卫科
负责餐厨垃圾收集、运输和处置的监督管理；负责城市道路清扫保洁和公厕管理。
(二)园林科
负责城市园林绿化养护和养护质量考核。
第五条 市城市管理局机关行政编制为15名。
"""

# A third department, so that the words of the two above are as rare as in a real city's graph.
CULTURE = """\
样例市文化和旅游局职能配置、内设机构和人员编制规定
第一条 根据《样例市机构改革方案》，制定本规定。
第二条 市文化和旅游局是市政府工作部门，为正处级。
第三条 市文化和旅游局主要职责是:
(一)负责全市公共图书馆、文化馆的建设和免费开放。
(二)负责非物质文化遗产的保护、传承和名录申报。
(三)负责文物保护单位的安全巡查和修缮审核。
(四)负责旅游景区质量等级评定和复核。
(五)负责旅行社设立许可和导游人员的培训考核。
(六)负责全市群众文艺创作和节庆展演活动。
(七)负责博物馆陈列展览的指导和藏品登记。
(八)负责网吧、歌舞娱乐场所的审批。
(九)负责全市旅游宣传推广和客源市场开发。
(十)负责广播电视公共服务和应急广播体系。
第四条 市文化和旅游局设下列内设机构:
(一)公共服务科
负责公共图书馆、文化馆的建设和免费开放；负责群众文艺创作和节庆展演活动。
(二)文物科
负责非物质文化遗产的保护、传承和名录申报；负责文物保护单位的安全巡查和修缮审核；负责博物馆陈列展览的指导和藏品登记。
(三)旅游科
负责旅游景区质量等级评定和复核；负责旅行社设立许可和导游人员的培训考核；负责旅游宣传推广和客源市场开发。
(四)审批科
负责网吧、歌舞娱乐场所的审批；负责广播电视公共服务和应急广播体系。
第五条 市文化和旅游局机关行政编制为18名。
"""

# 燃气 is nobody's work here; 市场监管 claims items of the same frame (对…企业/单位的监督检查).
CATALOGUE = """\
监管事项编码,监管事项主项,监管事项子项,监管对象,设定依据,监管层级,认领部门,认领状态
JG000101,对特种设备使用单位的监督检查,对电梯使用单位的监督检查,电梯使用单位,《特种设备安全法》,市级,样例市市场监督管理局,已认领
JG000106,,对锅炉使用单位的监督检查,锅炉使用单位,《特种设备安全法》,市级,样例市市场监督管理局,已认领
JG000102,对药品零售企业的监督检查,,药品零售企业,《药品管理法》,市级,样例市市场监督管理局,已认领
JG000103,对园林绿化养护单位的监督检查,,园林绿化养护单位,《城市绿化条例》,市级,样例市城市管理局,已认领
JG000104,对餐厨垃圾收运单位的监督检查,,餐厨垃圾收运单位,《城市生活垃圾管理办法》,市级,,未认领
JG000105,对燃气经营企业的监督检查,,燃气经营企业,《城镇燃气管理条例》,市级,,未认领
"""

# 园林绿化养护 is 城管's work; 占道经营 is nobody's (城管's 市容市貌 standard shares a word of its reading only).
BOUNDARIES = """\
编号,管理事项,主责部门,协办部门
1,城市园林绿化养护质量考核,样例市市场监督管理局,样例市城市管理局
2,城区占道经营和流动摊贩治理,样例市文化和旅游局,样例市城市管理局
"""

# 城管's own power list still holds the licence its 三定 hands down (its name a list of two acts, as the sentence's).
POWERS = """\
序号,实施部门,项目编码,项目名称,权力类型
1,样例市城市管理局,CG-XK-001,城市道路挖掘、占用许可,行政许可
2,样例市城市管理局,CG-CF-001,对擅自占用城市道路的处罚,行政处罚
"""


def _load(store: Store, folder: Path) -> None:
    for name, text in [("market.txt", MARKET), ("city.txt", CITY_MANAGEMENT), ("culture.txt", CULTURE),
                       ("items.csv", CATALOGUE), ("boundaries.csv", BOUNDARIES), ("powers.csv", POWERS)]:
        (folder / name).write_text(text, encoding="utf-8")
    assert ingest([folder], store, region=Region(("样例市",))).failed == []


def test_no_owner_is_suggested_on_the_catalogue_frame_alone(store: Store, tmp_path: Path) -> None:
    _load(store, tmp_path)
    rows = orphan_supervision_items(store)
    assert [(r["code"], [(o["department"], o["evidence"]) for o in r["suggested_owners"]]) for r in rows] == [
        ("JG000104", [("样例市城市管理局", "负责餐厨垃圾收集、运输和处置的监督管理")]),
        ("JG000105", []),
    ]


def test_the_frame_is_what_most_items_hold() -> None:
    items = [frozenset({"燃气", "监督检查", "日常巡查"}), frozenset({"电梯", "监督检查", "日常巡查"}),
             frozenset({"药品", "监督检查"}), frozenset({"园林", "日常巡查"}), frozenset({"电梯", "锅炉"})]
    assert shared_terms(items) == FRAME_TERMS | {"日常巡查"}
    # Too few items to tell a frame: the national catalogue's words only.
    assert shared_terms(items[:3]) == FRAME_TERMS


def test_a_lead_without_mandate_cites_only_a_duty_that_holds_the_matter(store: Store, tmp_path: Path) -> None:
    _load(store, tmp_path)
    findings = [(f["matter"], f["mandate"]) for f in host_assist_ambiguities(store)
                if f["reason"] == "lead_without_mandate"]
    for _matter, mandate in findings:
        for entry in mandate:
            entry["source"] = entry["source"].split("#")[-1]
    assert findings == [
        # Nobody of the city clearly holds 占道经营: no holder, rather than 城管's street cleaning.
        ("城区占道经营和流动摊贩治理", [{"lead": "样例市文化和旅游局", "holder": "", "duty": "", "source": ""}]),
        ("城市园林绿化养护质量考核", [{"lead": "样例市市场监督管理局", "holder": "样例市城市管理局",
                                  "duty": "负责城市园林绿化的养护管理，组织园林绿化养护质量考核。", "source": "第三条(二)"}]),
    ]


def test_devolved_work_a_power_item_still_carries(store: Store, tmp_path: Path) -> None:
    _load(store, tmp_path)
    rows = [(r["department"], r["kind"], r["evidence"]) for r in undecomposed_duties(store)
            if r["kind"] != "duty_without_office"]
    # The licence, named by the two acts the sentence lists; not the penalty for occupying a road without it.
    assert rows == [("样例市城市管理局", "devolved_still_carried", "城市道路挖掘、占用许可")]
    # Tables and reports title that column as what it is, not as the duty's 依据.
    assert column_label("evidence", "undecomposed_duties") == "仍在承担的事项"
