"""Administrative regions: read a region path off a department name, or from `--region 示例市/青山县`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

NATIONAL = "全国"
# A county's name may be one character (沛县, 易县, 单县): 县 after a single character ends a region, where 市 and 区
# would too often be a word of the name (沙市区 is one district).
_REGION_TOKEN = re.compile(r"^([\u4e00-\u9fff]县|[\u4e00-\u9fff]{2,4}?(?:自治区|自治州|特别行政区|省|市|地区|盟|县|区|旗))")
# A whole region name, as `--region` and an upload's region give it: the token above, or a township.
_REGION_NAME = re.compile(r"[\u4e00-\u9fff]{1,12}(?:自治区|州|特别行政区|省|市|地区|盟|县|区|旗|乡|镇|街道|苏木)")
_NATIONAL_PREFIXES = ("国家", "国务院", "中共中央", "中央", "全国", "中华人民共和国")
_NATIONAL_SUFFIXES = ("部", "总局", "总署", "署")
# A ministry's own name at the head of a body's (水利部珠江水利委员会, 公安部出入境管理局) makes the body national too,
# unless a province or a sea area follows it (`central_branch_regions`).
_MINISTRIES = ("外交部", "国防部", "教育部", "科学技术部", "科技部", "工业和信息化部", "工信部", "公安部", "国家安全部", "民政部",
               "司法部", "财政部", "人力资源和社会保障部", "人社部", "自然资源部", "生态环境部", "住房和城乡建设部", "住建部",
               "交通运输部", "水利部", "农业农村部", "农业部", "商务部", "文化和旅游部", "文旅部", "应急管理部",
               "退役军人事务部")
_PARTY_PREFIX = re.compile(r"^中共([\u4e00-\u9fff]县|[\u4e00-\u9fff]{2,4}?(?:省|市|县|区|州))委")
# Words that look like `XX市`/`XX区` at the start of a name but are part of it (市场…, 城市…, 开发区 …),
_NOT_REGION = re.compile(r"^(?:城市|超市|街区|园区|景区|社区|新区|城区|市区|郊区|辖区|片区|校区|港区|矿区|林区|牧区|灾区"
                         # …and a character before 县 that says which county, not its name (全县, 市县两级).
                         r"|[全本该各我每一两市区州郡乡]县)")


@dataclass(frozen=True)
class Region:
    names: tuple[str, ...]  # ('示例市', '青山县'); ('全国',) for national bodies

    @property
    def uid(self) -> str:
        return "region:" + "/".join(self.names)

    @property
    def name(self) -> str:
        return self.names[-1]

    @property
    def path(self) -> str:
        return "/".join(self.names)

    @property
    def level(self) -> str:
        return level_of(self.names)

    @property
    def parent(self) -> Region | None:
        return Region(self.names[:-1]) if len(self.names) > 1 else None

    def lineage(self) -> list[Region]:
        """This region and its ancestors, outermost first."""
        return [Region(self.names[: index + 1]) for index in range(len(self.names))]

    @property
    def city(self) -> Region | None:
        """The prefecture-level city this region is or lies in."""
        for region in self.lineage():
            if region.level == "city":
                return region
        return None


def level_of(names: tuple[str, ...]) -> str:
    name = names[-1]
    if name == NATIONAL:
        return "national"
    if name.endswith(("省", "自治区", "特别行政区")) or name in {"北京市", "天津市", "上海市", "重庆市"}:
        return "province"
    if name.endswith(("乡", "镇", "街道", "苏木")):
        return "township"
    if name.endswith(("自治州", "地区", "盟")):
        return "city"
    if name.endswith("市"):
        parent_levels = [level_of(names[: index + 1]) for index in range(len(names) - 1)]
        return "county" if "city" in parent_levels else "city"
    return "county"


@lru_cache(maxsize=1)
def _prefecture_rows() -> tuple[tuple[str, str], ...]:
    """ingest/data/prefecture_cities.tsv's rows, (province, its prefecture cities separated by spaces). A .tsv, not a
    .txt: it is no segmentation dictionary, so editing it does not make stored terms stale."""
    text = (resources.files("ingest") / "data" / "prefecture_cities.tsv").read_text(encoding="utf-8")
    return tuple((province, cities) for province, cities in
                 (line.split("\t") for line in text.splitlines() if line and not line.startswith("#")))


@lru_cache(maxsize=1)
def prefecture_cities() -> frozenset[str]:
    """The prefecture-level cities named …市 (ingest/data/prefecture_cities.tsv, from the official division codes):
    what tells 潮州市 from a county-level city such as 明光市, which a name alone cannot."""
    return frozenset(city for _province, cities in _prefecture_rows() for city in cities.split())


class RegionOptionError(ValueError):
    """A region as written by a user (`--region`, an upload's region) that is no region's name; `zh` says why in
    Chinese, as the English does: the upload's Chinese message dropped the reason (user test)."""

    def __init__(self, message: str, zh: str) -> None:
        super().__init__(message)
        self.zh = zh


_LEVELS_ZH = "省、市、州、盟、地区、县、区、旗、乡、镇或街道"


def parse_region_option(text: str) -> Region:
    """`示例市/青山县` → that region; each part must be a region's name, and a path has at most four levels."""
    names = tuple(part.strip() for part in re.split(r"[/／>]", text) if part.strip())
    if not names:
        raise RegionOptionError(f"region {text!r}: expected names such as 示例市/青山县",
                                f"区划“{text}”无效：应为区划名称，如 示例市/青山县")
    for name in names:
        if name != NATIONAL and not _REGION_NAME.fullmatch(name):
            raise RegionOptionError(
                f"region {text!r}: expected names such as 示例市/青山县 ({name!r} is not the name of a region: 省, "
                "市, 州, 盟, 地区, 县, 区, 旗, 乡, 镇 or 街道)",
                f"区划“{text}”无效：“{name}”不是区划名称（区划名称以{_LEVELS_ZH}结尾，如 示例市/青山县）")
    if len(names) > 4:
        raise RegionOptionError(f"region {text!r}: expected at most four levels (province, city, county, township)",
                                f"区划“{text}”无效：至多四级（省、市、县、乡镇），实有 {len(names)} 级")
    return Region(names)


def split_region_prefix(name: str) -> tuple[tuple[str, ...], str]:
    """`示例市青山县交通运输局` → (('示例市', '青山县'), '交通运输局'); national bodies → (('全国',), name)."""
    party = _PARTY_PREFIX.match(name)
    if party:
        region_names, _rest = split_region_prefix(party.group(1) + "委员会")
        return region_names, name
    names: list[str] = []
    rest = name
    while True:
        if _NOT_REGION.match(rest) or (rest[:1] in "市县区省" and _NOT_REGION.match(rest[1:])):
            break
        match = _REGION_TOKEN.match(rest)
        if not match or len(rest) - len(match.group(1)) < 2 or _NOT_REGION_END.match(rest[match.end() - 1:]):
            break
        names.append(match.group(1))
        rest = rest[match.end():]
    if not names and (written := central_branch_regions(name)):
        return written, name
    if not names and not is_central_branch(name) and (
            name.startswith((*_NATIONAL_PREFIXES, *_MINISTRIES)) or
            (name.endswith(_NATIONAL_SUFFIXES) and not name.startswith(("市", "县", "区", "省")))):
        return (NATIONAL,), name
    return tuple(names), rest


# What follows 中华人民共和国 in a national body's own name: a ministry or administration (…部, …总局, …总署, …署)
# or 国家…; and the one national administration named without one (中华人民共和国海事局).
_STATE_BODY = re.compile(r"^(?:国家|国务院).*|.*(?:部|总局|总署|(?<!分)署)$|^海事局$")


def is_central_branch(name: str) -> bool:
    """A central body's branch sited in a region (垂直管理): 中华人民共和国广东海事局, 中华人民共和国广州海关,
    中华人民共和国海关总署广东分署, and a central body's for a sea area (交通运输部南海救助局). It lies in the region of
    the document naming it, not in 全国: a province's list put them there, and its items were reviewed under 全国
    (user test). The graph keeps no mark of 垂直管理 apart from the name, which says it."""
    head = _CENTRAL_HEAD.match(name)
    if head and name[head.end():].startswith(_SEA_AREAS):
        return True
    rest = name.removeprefix("中华人民共和国")
    # A ministry's own body (中华人民共和国公安部出入境管理局) is national, as it is without the prefix.
    return rest != name and bool(rest) and not (_STATE_BODY.match(rest) or rest.startswith(_MINISTRIES))


# A central body's name at the head of its branch's: 国家…局/署 (国家税务总局, 国家外汇管理局) or a ministry.
_CENTRAL_HEAD = re.compile(r"^(?:中华人民共和国)?(?:国家[\u4e00-\u9fff]{1,10}?(?:总局|总署|局|署)|"
                           + "|".join(_MINISTRIES) + ")")
# The sea areas a central branch is named for (交通运输部南海救助局, 自然资源部东海局). Each borders several provinces, so
# the name cannot say which one: such a branch lies in the region of the document naming it (Guangdong's list puts
# 南海救助局 in 广东省), as a 海事局 does, and a national document keeps it in 全国.
_SEA_AREAS = ("南海", "东海", "北海", "黄海", "渤海")
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# A bureau's word after a province's short name (广东局, 广东监管局) or a survey team's (国家统计局广东调查总队: the
# real Guangdong export kept it in 全国 while its sister branches moved).
_BRANCH_WORD = re.compile(r"[\u4e00-\u9fff]{0,4}(?:局|调查总队|调查队)")


@lru_cache(maxsize=1)
def _province_short_names() -> dict[str, str]:
    """广东 → 广东省, 广西 → 广西壮族自治区, 内蒙古 → 内蒙古自治区, 北京 → 北京市: how a branch's name writes its province
    (国家矿山安全监察局广东局)."""
    provinces = [province for province, _cities in _prefecture_rows()]
    return {name[:3] if name.startswith(("内蒙古", "黑龙江")) else name[:2]: name
            for name in [*provinces, *_MUNICIPALITIES]}


def opens_with_central_body(name: str) -> bool:
    """Whether the name opens with a central body's (国家税务总局…, 交通运输部…): a branch's name says whose it is."""
    return _CENTRAL_HEAD.match(name) is not None


def central_branch_regions(name: str) -> tuple[str, ...]:
    """The regions written after a central body's name at the head of a branch's (垂直管理): 国家税务总局广东省税务局 →
    (广东省,), 国家税务总局广州市税务局 → (广州市,), 国家矿山安全监察局广东局 → (广东省,). () when none is: the body itself
    (国家税务总局), a ministry's own body (公安部出入境管理局, 水利部珠江水利委员会), and a sea area's branch, which
    `is_central_branch` places. A branch was put in 全国 by its head's name, and the province's list reviewed its
    items under 全国 (user test on Guangdong's 政务服务 export: 国家税务总局广东省税务局's 53 items)."""
    head = _CENTRAL_HEAD.match(name)
    rest = name[head.end():] if head else ""
    if not rest:
        return ()
    names, _rest = split_region_prefix(rest)
    if names and names != (NATIONAL,):
        return names
    # A short name only before a bureau's word (广东局, 广东监管局): 公安部上海消防研究所 is the ministry's own institute.
    short = next((short for short in _province_short_names() if rest.startswith(short)), None)
    return (_province_short_names()[short],) if short and _BRANCH_WORD.fullmatch(rest[len(short):]) else ()


# Words that begin with a level character without it being one: 市场监督管理局 is not 市 + 场监督管理局.
# 市政 is a word (市政工程), but 市政府 and 市政协 are the city's 政府 and 政协.
_NOT_MARKER = re.compile(r"^(?:市场|市政(?!府|协)|市容|区域|区划|县域|省级|州级)")
# The same words, and 市级/县级/区级, where a region token would end: 国家市场监督管理总局 names no 国家市, and
# 对应市级部门 no 对应市.
_NOT_REGION_END = re.compile(r"^(?:市场|市政|市容|区域|区划|县域|省级|州级|市级|县级|区级)")


def level_marker(name: str) -> str | None:
    """`市农业农村局` → 市; `县交通运输局` → 县; `区公安分局` → 区; `省教育厅` → 省."""
    if name[:1] in {"市", "县", "区", "省", "州"} and not _NOT_REGION.match(name) and not _NOT_MARKER.match(name):
        return name[:1]
    return None


def resolve_level(marker: str | None, home: Region) -> Region | None:
    """The region a level marker refers to, seen from a document of region `home`.

    `市` is the home city; `县` and `区` are the home itself only when it is a 县 or a 区 (a district's
    document writing 县… names no single county); None when the marker names no single region.
    """
    if marker is None:
        return home
    for region in reversed(home.lineage()):
        level = region.level
        if marker in {"市", "州"} and level == "city":
            return region
        if marker in {"县", "区"} and level == "county":
            return region if region.name.endswith(marker) or (marker == "县" and region.name.endswith("旗")) else None
        if marker == "省" and level == "province":
            return region
    return None


def near_miss(region: Region, known: set[Region]) -> tuple[Region, Region] | None:
    """The first part of `region` that the graph lacks, with the known region beside it whose name is one edit
    from it (`示列市` beside `示例市`, `青三县` under 示例市 beside `青山县`): a misspelt region would
    otherwise become a new city of its own, holding the documents loaded for it, without a word said (user test).
    None when every part is known, or the new part resembles none of its known siblings."""
    for new in region.lineage():
        if new in known:
            continue
        for sibling in sorted((r for r in known if r.parent == new.parent), key=lambda r: r.path):
            if _one_character_apart(sibling.name, new.name) and not _both_prefecture_cities(sibling.name, new.name):
                return new, sibling
        return None
    return None


def _both_prefecture_cities(known: str, new: str) -> bool:
    """Two names on the official list of prefecture-level cities are two real cities, not a misspelling: 淮安市 loaded
    beside 六安市 (or 淮南市 beside 淮北市) was warned of as a typo (user test on real documents)."""
    cities = prefecture_cities()
    return known in cities and new in cities


def _one_character_apart(known: str, new: str) -> bool:
    """Names one edit apart: a character changed, added or left out (东城区 and 西城区 are too: then the warning is
    a line too many, which a user reads past, where a silent misspelling costs a reset and a re-load)."""
    from rapidfuzz.distance import Levenshtein  # here: the command line reads regions without matching any

    return Levenshtein.distance(known, new) == 1
