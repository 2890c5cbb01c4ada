"""What kind of work a duty clause describes, beside its object: the vocabulary the similarity features read.

Two departments often name the same object (娱乐场所, 城市轨道交通, 农贸市场) and do different work on it: one
licenses, the other polices; one builds, the other operates. So besides the object's terms, a clause is read
for three small sets of markers, each a dictionary of kinds to the words that reveal them:

- `FACETS`: the administrative action (licensing, enforcement, building, planning, rescue, aid …);
- `STAGES`: the stage of the object's life (production, trade, transport, storage, use, building, operation …);
- `DIMENSIONS`: the side of it that is looked after (public order, quality, price, safety, environment …);
- `OBJECTS`: the kind of regulated object, where the kinds are split between departments by law (房屋建筑 vs
  公路水运 vs 水利 works, 食品 vs 药品 vs 兽药 vs 饲料): the same action on two kinds is two departments' work.

`ACTS` are the acts a case receives once (permits, registrations, filings): across levels, only a city and a
county department that both perform one of them on the same object, in the same territory, hold it twice.

A clause is *housekeeping* when it is the department's own running or a clause every department carries
(机关党建, 本系统统计, 职责范围内的安全生产, 交办的其他任务): such clauses are never an overlap.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

# 监督管理, 监管, 检查 are left out on purpose: nearly every clause says them, so they tell no work apart.
FACETS: dict[str, tuple[str, ...]] = {
    "license": ("许可", "审批", "核发", "核准", "资质", "认定", "发证", "准入", "证照"),
    "record": ("备案",),
    "register": ("登记", "注销", "上牌", "号牌", "过户"),
    "enforce": ("查处", "处罚", "执法", "稽查", "打击", "制止", "拆除", "违法", "非法", "整治"),
    "order": ("治安", "犯罪", "涉黄", "涉赌", "交通违法", "记分", "交通组织", "通行"),
    "safety": ("安全",),
    "quality": ("质量", "等级", "评定"),
    "environment": ("污染", "排放", "环境", "废物", "生态"),
    "price": ("收费", "价格", "定价", "稳价"),
    "land": ("用地", "选址", "出让", "土地供应"),
    "build": ("建设", "改造", "工程", "施工"),
    "operate": ("运营", "运行", "维护", "养护", "管护", "清扫", "保洁"),
    "plan": ("规划", "布局", "编制"),
    "promote": ("培育", "促进", "产业", "招商", "综合利用", "扶持"),
    "rescue": ("救援", "抢险", "转移安置", "应急处置"),
    "monitor": ("监测", "预警", "预报"),
    "data": ("统计", "普查", "测绘", "数据"),
    "aid": ("救助", "资助", "补偿", "补贴", "救灾"),
    "prevent": ("防治", "预防", "防控", "防火", "防制"),
    "educate": ("宣传", "培训", "科普"),
}
STAGES: dict[str, tuple[str, ...]] = {
    "produce": ("生产", "制造", "加工"),
    "trade": ("经营", "销售", "批发", "零售", "流通", "交易", "收购"),
    "transport": ("运输", "配送", "寄递"),
    "store": ("储存", "仓储", "储备", "库存"),
    "use": ("使用", "燃放", "消费"),
    "build": ("建设", "施工", "工程", "修建", "改造"),
    "design": ("规划", "设计", "选址"),
    "operate": ("运营", "运行", "维护", "养护", "管护"),
    "farm": ("种植", "养殖", "产地"),
    "dispose": ("回收", "报废", "拆解"),
    "accept": ("验收", "竣工"),
}
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "order": ("治安", "犯罪", "涉黄", "涉赌", "交通违法"),
    "quality": ("质量",),
    "price": ("价格", "收费", "定价"),
    "safety": ("安全",),
    "environment": ("环境", "污染", "排放", "生态"),
    "health": ("卫生", "健康", "疫"),
    "fire": ("消防", "火灾", "防火"),
    "register": ("登记", "上牌", "注册", "执照", "确权"),
    "license": ("许可", "审批", "核发", "备案", "资质"),
}
# Each kind is one regulated object with its own regulator; a clause naming several kinds shares any of them.
# Markers are regular expressions (plain words, but 产品质量 must not be read inside 农产品质量).
OBJECTS: dict[str, tuple[str, ...]] = {
    "building_works": ("房屋建筑", "市政基础设施", "建筑工程", "建筑施工", "建筑业"),
    "transport_works": ("公路水运", "公路工程", "水运工程", "交通建设", "交通工程", "港口工程", "航道"),
    "water_works": ("水利工程", "水利建设", "水库", "堤防"),
    "farmland": ("农田",),
    "food": ("食品", "餐饮"),
    "drug": ("药品",),
    "medical_device": ("医疗器械",),
    "cosmetics": ("化妆品",),
    "veterinary_drug": ("兽药",),
    "feed": ("饲料",),
    "fertiliser": ("化肥", "肥料"),
    "farm_product": ("农产品",),
    "industrial_product": ("工业产品", "(?<!农)产品质量"),
    "special_equipment": ("特种设备",),
    # Where a billboard stands (城管) against what an advertisement says (市场监管).
    "outdoor_advertising": ("户外广告", "招牌"),
    "advertising": ("广告监督", "广告发布", "广告审查", "广告经营", "广告业", "违法广告"),
    # The teams of the 综合行政执法 reform, each with its own scope set by law.
    "market_enforcement": ("市场监管综合执法", "市场监管综合行政执法"),
    "culture_enforcement": ("文化市场综合执法", "文化市场综合行政执法"),
    "transport_enforcement": ("交通运输综合执法", "交通运输综合行政执法"),
    "farm_enforcement": ("农业综合执法", "农业综合行政执法"),
    "ecology_enforcement": ("生态环境保护综合执法", "生态环境保护综合行政执法"),
    "urban_enforcement": ("相对集中行政处罚权", "城市管理综合执法", "城管综合执法", "城市管理综合行政执法"),
}
_HOUSEKEEPING = re.compile(
    r"本部门|机关|本系统|本行业|行业领域|所属单位|交办|交给|值班|离退休|党风廉政|政务公开|人事|职责范围内|管行业|管发展"
    r"|管业务|意识形态|精神文明|党建|党的建设|规章草案|地方性法规|方针政策|行政复议|行政应诉|法制审核|规范性文件|行业统计"
)
# Acts a case can only receive once (a permit, a registration, a filing): two levels that both perform one
# in the same territory hold the same work twice; guidance, inspection and enforcement layer naturally.
ACTS: dict[str, tuple[str, ...]] = {
    "license": ("审批", "许可", "核发", "核准"),
    "register": ("登记", "注册"),
    "record": ("备案",),
}
# A clause that guides others, or keeps to the city's own tier or to major cases, performs no act itself.
_NOT_PERFORMED = re.compile(r"指导|统筹|督促|市本级|重大|跨区域|跨县")
_GUIDES = re.compile(r"指导|统筹|督促")
# The whole territory of a city-level region (全市, 全州, 全盟, 全地区): its counties' territory too.
_WHOLE_CITY = re.compile(r"全(?:市|州|盟|地区)")
_CLAUSE = re.compile(r"[。；;，,]")
_CITY_WIDE = re.compile(r"^(?:指导|统筹|督促)|指导全|统筹全|指导各县|指导县")
_LOCAL = re.compile(r"本县|本区|辖区|具体实施|全县|全区|县城")


# Marker words in a sense that is not the marker's: 维护 rights or order is not upkeep (运行维护), and a 消费者's
# complaint is not the use stage of a product (消费环节).
_FALSE_MARKERS = re.compile(r"维护[^，。；、]{0,8}?(?:权益|秩序|稳定)|消费者|消费(?:投诉|纠纷|维权)")


def kinds(text: str, table: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """The kinds of `table` whose marker words occur in `text`."""
    text = _FALSE_MARKERS.sub("、", text)
    return frozenset(kind for kind, pattern in _patterns(table) if pattern.search(text))


_compiled: dict[int, list[tuple[str, re.Pattern[str]]]] = {}  # by id(): the tables are module constants


def _patterns(table: Mapping[str, tuple[str, ...]]) -> list[tuple[str, re.Pattern[str]]]:
    """One alternation per kind: a single regex search per kind is several times faster than testing each
    word (linking reads every duty this way)."""
    key = id(table)
    if key not in _compiled:
        _compiled[key] = [(kind, re.compile("|".join(words))) for kind, words in table.items()]
    return _compiled[key]


_ACTION_MARKERS = re.compile("|".join(sorted({word for table in (FACETS, STAGES, DIMENSIONS)
                                              for words in table.values() for word in words}, key=len, reverse=True)))


@lru_cache(maxsize=1 << 16)
def is_marker_only(term: str) -> bool:
    """The term says only what is done or which side is looked after (监测预警, 质量安全, 安全生产), not to what:
    nothing of two characters is left once the marker words of `FACETS`, `STAGES` and `DIMENSIONS` are taken out."""
    return all(len(piece) < 2 for piece in _ACTION_MARKERS.sub(" ", term).split())


def performed_acts(text: str) -> list[tuple[frozenset[str], str]]:
    """(act kinds, clause) for each clause of `text` that performs a once-per-case act itself.

    A clause that claims an act for the whole city (负责全市市场主体统一登记注册) while another clause of the
    same duty guides that act (指导各类企业…登记注册工作) states the work the city guides, not cases it handles:
    the counties register, the city's share is the guidance (layering). Without the whole-city scope the act
    stays the city's own (its own tier's registrations), and so does a whole-city act the duty never guides
    (组织办理全市…特种设备使用登记)."""
    clauses = [clause for clause in _CLAUSE.split(text) if clause]
    guided = frozenset().union(*(kinds(clause, ACTS) for clause in clauses if _GUIDES.search(clause)))
    found = []
    for clause in clauses:
        if _NOT_PERFORMED.search(clause):
            continue
        acts = kinds(clause, ACTS)
        if acts and not (acts <= guided and _WHOLE_CITY.search(clause)):
            found.append((acts, clause))
    return found


def is_housekeeping(text: str) -> bool:
    return bool(_HOUSEKEEPING.search(text))


def is_city_wide(text: str) -> bool:
    """The clause guides or co-ordinates the whole city (指导全市…, 统筹…)."""
    return bool(_CITY_WIDE.search(text))


def is_local(text: str) -> bool:
    """The clause carries the work out in one county or district."""
    return bool(_LOCAL.search(text))
