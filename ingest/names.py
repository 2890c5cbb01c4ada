"""Department-name resolution: a mention as written (市城管局, 工业和信息化局, 有关部门) → one Department.

Order of evidence: self-references (本局), lower governments named as a whole (各县（区）人民政府 — a 属地
party, kept whole), vague parties (有关部门 — kept vague, never resolved), the
region from the name's prefix or level marker (市/县/区, and a marker written once for a list applies
to every name in it), an exact base name or alias, the shipped abbreviation table, then rapidfuzz with a
margin over the runner-up. A mention that matches two departments equally, or none, is never merged:
it becomes an unresolved Department with its candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from ingest.normalize import to_simplified
from ingest.regions import (
    NATIONAL,
    Region,
    level_marker,
    opens_with_central_body,
    resolve_level,
    split_region_prefix,
)
from ingest.timing import timed

FUZZY_MIN = 88.0
# A name scoring this near a candidate is offered as "did you mean" (ingest's refusals, queries.lookup's suggestions).
NEAR_MIN = FUZZY_MIN - 20
FUZZY_MARGIN = 6.0
_BRACKETS = re.compile(r"[（(][^（）()]*[）)]")
_SELF = re.compile(r"^(?:本部门|本单位|本局|我局|局机关|本机关|办公室机关|本委)$")
_VAGUE = re.compile(
    r"^(?:各有关|有关|相关|各相关|其他有关|其他|各级|各|属地|所在地|当地|上级|同级|县级|市级|区级|辖区)"
    r"|(?:部门|单位|各方|机关)$"
    r"|^(?:县区|区县|县市区|县、区|县\(区\)|乡镇|街道|乡镇街道|乡镇、街道|乡镇\(街道\))(?:人民政府|政府|办事处)?$"
    r"|^街道办事处$|^乡镇人民政府$"
)
# Lower governments named as a whole (各县（区）人民政府, 各县（市、区）政府, 各乡镇人民政府, 属地政府): FORMATS §5 has
# lists name them as the assisting party that carries a matter out on the ground (`各县、区人民政府负责落实`). Unlike
# 有关部门 the set is well defined (the government of every county, or of the place the matter happens in), so they
# are a party of kind 属地, never vague, and their brackets are part of the name: 各县（区） is not 各县.
# `县区`/`区县` alone stays vague: without 政府 it may as well mean the counties' departments. Townships need no 政府:
# 各乡镇（街道）, 属地乡镇, 各镇街 name their governments (a township has no departments a list could mean instead).
_GOVERNMENT = r"(?:人民政府|政府|街道办事处|办事处|管委会)"
_BRACKETED = r"(?:（[^（）]*）)?"  # `各县、区人民政府（管委会）`: who else carries it out
_TOWNSHIPS = r"(?:[乡镇、（）]|街道?)+"  # 乡镇（街道）, 镇街, 乡镇、街道, 镇
_TERRITORIAL = re.compile(
    rf"^(?:各|属地|所在地|当地|辖区|辖区内各?|县级|乡级)(?:[县区市乡镇旗、（）]|街道)*{_GOVERNMENT}{_BRACKETED}$"
    rf"|^(?:县区|区县|县市区|县（区）|县、区|县（市、区）|县（市）){_GOVERNMENT}{_BRACKETED}$"
    rf"|^(?:乡镇|街道|镇街|乡镇街道|乡镇、街道|乡镇（街道）){_GOVERNMENT}?{_BRACKETED}$"
    rf"|^(?:各|属地|所在地?|当地|辖区内?各?){_TOWNSHIPS}{_GOVERNMENT}?{_BRACKETED}$"
)
TERRITORIAL_KIND = "属地"
# One township's government, however a document writes it: the township alone or with its government's title
# (城关镇, 城关镇人民政府, 河西街道, 河西街道办事处), after the region names that place it (青山县城关镇,
# 示例市河西区河西街道办事处, 滨江街道办), which `split_region_prefix` takes off first (a pattern of its own took 市桥街道
# for 市 + 桥街道). A township's office or station (城关镇综治办, 城关镇财政所) is not its government.
_TOWNSHIP = re.compile(r"^(?P<name>[\u4e00-\u9fff]{1,8}?(?:镇|乡|街道))(?:人民政府|政府|街道办事处|办事处|(?<=街道)办)?$")
TOWNSHIP_KIND = "乡镇（街道）"
TOWNSHIP_METHOD = "township"  # a Resolution's method when its mention names a township's government
# `原县农业局`, `原市建设委员会`, `原卫生计生委`: a body a 机构改革 abolished or renamed, as a 三定's 划入的职责 names where
# its work came from. Not 原平市…, 原阳县…, 原州区… (regions whose name opens with 原: a level character follows two).
_FORMER = re.compile(r"^原(?![\u4e00-\u9fff][市县区旗])(?=[\u4e00-\u9fff]{2})")
AMBIGUOUS_METHOD = "ambiguous"  # an unresolved Resolution's method when two departments answer to its name equally
ABBREVIATION_METHOD = "abbreviation"  # a Resolution's method when the abbreviation table's group read the name
FORMER_METHOD = "former"  # a Resolution's method when a 原… mention names a body no department of that name answers to


@dataclass
class Resolution:
    uid: str
    name: str
    base_name: str
    region: Region
    status: str  # resolved | self | territorial | vague | unresolved
    mention: str
    candidates: list[str] = field(default_factory=list)
    method: str = ""
    # A short form that read as a body a 机构改革 replaced and as its successor (县城管局), read as the successor: the
    # uid of the body it also named, which the edges it makes keep as `redirected_from` (`as_named`), so that taking
    # the reform out moves them back, as it moves those of a list that named the old body by its full name.
    formerly: str = ""


@dataclass
class KnownDepartment:
    uid: str
    name: str
    base_name: str
    region: Region
    keys: set[str] = field(default_factory=set)
    # Renamed or merged in a 机构改革 (SUCCEEDED_BY): a short form that reads as it and as its successor (城管局 for
    # 城市管理局 and 城市管理和综合执法局) means the body there is now.
    successors: tuple[str, ...] = ()

    @property
    def succeeded(self) -> bool:
        return bool(self.successors)


def read_groups(text: str) -> list[tuple[str, ...]]:
    """Tab-separated lines, the first name then its other names; blank lines and `#` comments skipped."""
    groups = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        words = tuple(word.strip() for word in line.split("\t") if word.strip())
        if len(words) > 1:
            groups.append(words)
    return groups


@lru_cache(maxsize=1)
def abbreviation_groups() -> tuple[tuple[str, ...], ...]:
    resource = resources.files("ingest") / "data" / "abbreviations.txt"
    return tuple(read_groups(resource.read_text(encoding="utf-8")))


def department_uid(region: Region, base_name: str) -> str:
    return f"dept:{region.path}/{base_name}"


# Party bodies and the national systems' branches say whose they are inside the name (中共广东省委宣传部, 中国人民银行
# 广州分行): prefixing the region would read 广东省中共广东省委宣传部.
_SELF_PLACED = ("中共", "中国", "中华人民共和国", "共青团")


def display_name(region: Region, base_name: str) -> str:
    if (region.names == (NATIONAL,) or region.name in base_name or base_name.startswith(_SELF_PLACED)
            or opens_with_central_body(base_name)):  # 交通运输部东海救助局 in 东海省 is not 东海省交通运输部…
        return base_name
    # A province's bodies and enterprises bear its short name (广东电网有限责任公司, 广东广播电视台): 广东省广东… was
    # a name no document uses (user test).
    if region.level == "province" and base_name.startswith(region.name.removesuffix("省")):
        return base_name
    return region.name + base_name


def clean_mention(mention: str) -> str:
    """Brackets (牌子 lists) and every kind of space removed, traditional script made simplified."""
    text = re.sub(r"\s+", "", _BRACKETS.sub("", mention.replace("\u3000", " ")))
    return to_simplified(text)


# A second plate in brackets after a name (`市委办公室(市档案局)`, `市市场监督管理局（市知识产权局）`): a name the
# department answers to, as the plates a 三定 lists are.
_PLATE_NOTE = re.compile(r"[（(]([\u4e00-\u9fff]{1,20}(?:委员会|办公室|局|委|办|厅|署|院|中心))[)）]")


def plates_in(mention: str) -> list[str]:
    """The plates a mention carries in brackets after its name, as written (市档案局)."""
    return [to_simplified(match.group(1)) for match in _PLATE_NOTE.finditer(mention)]


def territorial_name(mention: str) -> str:
    """The mention as a 属地 party's name: spaces removed, simplified, brackets kept and made full-width, so that
    `各县(区)人民政府` and `各县（区）人民政府` are one party."""
    text = to_simplified(re.sub(r"\s+", "", mention.replace("\u3000", " ")))
    return text.replace("(", "（").replace(")", "）")


def territorial_parts(mention: str) -> tuple[tuple[str, ...], str] | None:
    """A mention of lower governments as a whole (各乡镇人民政府, 青山县各乡镇（街道）) as the regions it is written after
    and the 属地 party's name (`territorial_name`); None for any other mention. Without this a county's name before
    各乡镇人民政府 made it one township called 各乡镇."""
    name = territorial_name(mention)
    if _TERRITORIAL.match(name):
        return (), name
    names, rest = split_region_prefix(name)
    return (names, rest) if names and _TERRITORIAL.match(rest) else None


def is_territorial(mention: str) -> bool:
    """Whether a mention names lower governments as a whole (各乡镇人民政府), a 属地 party, not one body."""
    return territorial_parts(mention) is not None


def township_of(mention: str) -> str:
    """`城关镇`, `明光市明南街道办事处`, `示例市河西区河西街道` → the township (城关镇, 明南街道, 河西街道); '' for any
    other party (各乡镇人民政府 is every township's government, not a township called 各乡镇)."""
    if is_territorial(mention):
        return ""
    _regions, rest = split_region_prefix(clean_mention(mention))
    township = _TOWNSHIP.match(rest)
    return township.group("name") if township else ""


def township_body(region: Region) -> tuple[str, str]:
    """The government body of the township `region`: its base name, which its uid ends with, and the name it bears,
    as its own documents name it (城关镇人民政府, 河西街道办事处); a county's lists write 青山县城关镇 for it."""
    if region.name.endswith("街道"):
        return "街道办事处", f"{region.name.removesuffix('街道')}街道办事处"
    return "人民政府", f"{region.name}人民政府"


def township_placed(department_name: str, region: Region) -> Region:
    """Where a 三定's department is: a township government's own 三定 (澄州市云岭县青石镇人民政府职能配置…) in its
    township, as its lists' parties are (`NameResolver._township`), not a county department called 青石镇人民政府."""
    township = township_of(department_name)
    return Region((*region.names, township)) if township and region.level == "county" else region


def is_self_mention(mention: str) -> bool:
    """`本局`, `我局`, `本部门`: the document's own department, whatever its name."""
    return bool(_SELF.match(clean_mention(mention)))


def same_department(mention: str, department: str) -> bool:
    """Whether a document's mention names `department` (its full name): a self-mention, or the same base name with
    the region or level written or not (县教育局, 教育局 and 北川县教育局 are one body)."""
    return is_self_mention(mention) or base_of(mention) == base_of(department)


def base_of(mention: str) -> str:
    """The name without brackets (牌子), spaces, region prefix or level marker."""
    _names, rest = split_region_prefix(clean_mention(mention))
    marker = level_marker(rest)
    return rest[1:] if marker and len(rest) >= 3 else rest


def plate_bases(base_name: str, aliases: list[str]) -> set[str]:
    """The bases of the aliases that are other plates (区商务局 of 工业信息化和科技局: 揭东区商务局 names it), not
    spellings of the department's own name: 县住建局's base 住建局 would make every other region's 住房和城乡建设局,
    which the abbreviation table reads 住建局 too, a lesser reading of it."""
    own = next((group for group in abbreviation_groups() if base_name in group), (base_name,))
    return {base for base in map(base_of, aliases) if base not in own}


class NameResolver:
    """Resolves mentions against the departments this run defines and those already in the graph."""

    def __init__(self, known: list[KnownDepartment] | None = None,
                 aliases: list[tuple[str, ...]] | None = None,
                 renamed_regions: list[tuple[Region, Region]] | None = None) -> None:
        self._by_region: dict[Region, list[KnownDepartment]] = {}
        # 撤县设区: each district → the county whose ground it took over (ingest.region_succession).
        self._predecessors: dict[Region, Region] = {}
        for old, new in renamed_regions or []:
            self.renamed_region(old, new)
        # A user's aliases file: a line starting with a department's full name gives that department more
        # names; a line starting with a base name (交通运输局) extends the abbreviation table everywhere.
        self._groups = [*(aliases or []), *abbreviation_groups()]
        self._extra_names: dict[str, tuple[str, ...]] = {group[0]: group[1:] for group in aliases or []}
        for department in known or []:
            self.add(department)

    def _group_of(self, base: str) -> tuple[str, ...]:
        for group in self._groups:
            if base in group:
                return group
        return ()

    def add(self, department: KnownDepartment) -> None:
        department.keys |= {department.base_name, department.name}
        extra = self._extra_names.get(department.name, ())
        department.keys |= {*extra, *(base_of(name) for name in extra)}
        bucket = self._by_region.setdefault(department.region, [])
        for existing in bucket:
            if existing.uid == department.uid:
                existing.keys |= department.keys
                return
        bucket.append(department)

    def define(self, region: Region, full_name: str, aliases: list[str]) -> KnownDepartment:
        """Register the department a document is about; returns it (its uid is stable)."""
        base, name = base_of(full_name), ""
        if region.level == "township" and township_of(full_name) == region.name:
            base, name = township_body(region)  # the one body its lists name too (`_township`)
        department = KnownDepartment(
            uid=department_uid(region, base), name=name or display_name(region, base), base_name=base, region=region,
            keys={base, full_name, *(base_of(alias) for alias in aliases), *aliases},
        )
        self.add(department)
        return department

    def renamed_region(self, old: Region, new: Region) -> None:
        """撤县设区: the county `old` is now the district `new`. A name nothing in the district answers to is the
        county's body of that name: the district keeps the county's bureaus no 区 document renamed yet, and its lists
        name them after the district (区市场监管局 for 青山县市场监督管理局)."""
        self._predecessors[new] = old

    def replaced(self, predecessor: str, home: Region, successor: KnownDepartment) -> None:
        """A body a document of this run says `successor` replaced (ingest.succession), read as the graph reads it once
        loaded (`pipeline.known_departments`): a list of the same run then reads 县城管局 as the successor too."""
        found, known = self.replaced_reading(predecessor, home, successor.uid)
        for department in self._by_region.get(found.region, []) if known else []:
            if department.uid == found.uid:
                department.successors = tuple(sorted({*department.successors, successor.uid}))

    def replaced_reading(self, predecessor: str, home: Region, successor: str) -> tuple[Resolution, bool]:
        """A 机构改革 sentence's replaced body (`predecessor`, as written; `successor` the uid of the body replacing it):
        the mention's reading, and whether that is a body the graph or the run defines. Not the successor itself, nor
        a township's government, nor a body the abbreviation table reads the name as where the name is no short form
        of it (`spells`): a notice merging 城市管理和综合执法局, loaded before the 三定 renaming 城市管理局 so, would
        name 城市管理局 replaced. One reading for the run's resolver (`replaced`) and the graph's rows
        (`records.replaced_body`): else a list of the run read a body as replaced that the loaded graph does not."""
        found = self.resolve(predecessor, home)
        abbreviated = found.method == ABBREVIATION_METHOD and not spells(base_of(predecessor), found.base_name)
        known = (found.status == "resolved" and found.uid != successor and found.method != TOWNSHIP_METHOD
                 and not abbreviated)
        return found, known

    def resolve(self, mention: str, home: Region, *, inherit_marker: str | None = None,
                self_department: KnownDepartment | None = None) -> Resolution:
        with timed("name resolution"):
            return self._resolve(mention, home, inherit_marker, self_department)

    def _resolve(self, mention: str, home: Region, inherit_marker: str | None,
                 self_department: KnownDepartment | None) -> Resolution:
        text = clean_mention(mention)
        if is_former_mention(text):
            return self._former(mention, text[1:], home, inherit_marker)
        if self_department is not None and (is_self_mention(text) or text in self_department.keys):
            return Resolution(self_department.uid, self_department.name, self_department.base_name,
                              self_department.region, "self", mention)
        territorial = territorial_parts(mention)
        if territorial is not None:
            names, name = territorial
            return _territorial(mention, name, _place(names, home) if names else home)
        if _VAGUE.search(text):
            return _vague(mention, text, home)
        township = township_of(text)
        if township:
            return self._township(mention, text, township, home)
        names, rest = split_region_prefix(text)
        marker = None if names else level_marker(rest)
        if marker == "省" and not any(r.level == "province" for r in home.lineage()):
            # A provincial body seen from a city: not one of the city's, and not vague either.
            return _unresolved(mention, text, home.city or home, [])
        region, base = self._region_and_base(text, home, inherit_marker)
        if region is None:
            return _vague(mention, text, home)  # `县交通运输局` seen from a district names no single county
        result = self._match(mention, base, region)
        # 市 may be a level marker or the first character of an abbreviation (市监局 = 市场监督管理局). Where both
        # readings name one region, the whole word is tried too: a region prefix names it (青山县市监局, 示例市市监局),
        # or the marker is the home's own level (市监局 in a city document). In a county document a bare 市监局 stays
        # two readings (the city's bureau, or the county's by the abbreviation) and is left unresolved.
        if result.status == "unresolved" and base != rest and level_marker(rest) and (names or region == home):
            retry = self._match(mention, rest, region)
            if retry.status == "resolved":
                return retry
        return result

    def _former(self, mention: str, text: str, home: Region, inherit_marker: str | None) -> Resolution:
        """A body a reform abolished or renamed (原县农业局): a department of exactly that name (its own 三定's, or a
        name a succession gave it), never a standing one by abbreviation or close spelling (the table reads 农业局 as
        农业农村局, today's body, and 原…'s work moved from it would read as a 职责划转 between two standing
        departments). Else the party the mention writes, by its own name (the uid its own 三定 would give it)."""
        region, base = self._region_and_base(text, home, inherit_marker)
        found = self._match(mention, base, region) if region is not None else None
        if found is not None and found.method == "exact":
            return found
        place = region or home
        return Resolution(department_uid(place, base), display_name(place, base), base, place, "unresolved", mention,
                          method=FORMER_METHOD)

    def resolve_apart(self, mention: str, home: Region, other: str, *,
                      self_department: KnownDepartment | None = None) -> Resolution:
        """A party a move names beside the department `other` (将A的…职责划入B: the uid of the other side). The two
        names of a move are two bodies: a reading by abbreviation or close spelling that makes this one `other` is
        dropped, and the mention is the party it writes. 体育局 reads as the 文化和旅游局 where the two are one body
        (文广旅体局), but a notice moving work from a 体育局 into the 文化和旅游局 names two, and read as one, the
        move went from the department to itself (user test: staff_moves gave it as its own counterpart)."""
        found = self.resolve(mention, home, self_department=self_department)
        if found.uid != other or found.status != "resolved" or found.method == "exact":
            return found
        region, base = self._region_and_base(clean_mention(mention), home, None)
        return _unresolved(mention, base, region or home, [])

    def resolve_list(self, mentions: list[str], home: Region, *, self_department: KnownDepartment | None = None
                     ) -> list[Resolution]:
        """`市发展和改革局、工业和信息化局` — the first name's level marker applies to the rest."""
        marker = None
        out = []
        for mention in mentions:
            own_marker = level_marker(_BRACKETS.sub("", mention).strip())
            names, _rest = split_region_prefix(mention)
            if own_marker or names:
                marker = own_marker
            out.append(self.resolve(mention, home, inherit_marker=None if (own_marker or names) else marker,
                                    self_department=self_department))
        return out

    def _region_and_base(self, text: str, home: Region, inherit_marker: str | None) -> tuple[Region | None, str]:
        names, rest = split_region_prefix(text)
        if names == (NATIONAL,):
            return Region((NATIONAL,)), rest
        if names:
            region = _place(names, home)
            marker = level_marker(rest)
            return region, (rest[1:] if marker and len(rest) >= 3 else rest)
        marker = level_marker(rest)
        if marker and len(rest) >= 3:
            return resolve_level(marker, home), rest[1:]
        if inherit_marker:
            return resolve_level(inherit_marker, home), rest
        return home, rest

    def _match(self, mention: str, base: str, region: Region) -> Resolution:
        result = self._match_in(mention, base, region)
        seen = {region}
        place = region
        # A district (撤县设区) answers for its county's bodies too, when none of its own is named (not when two
        # are: the county's would only hide that the district's name is ambiguous). A chain of renames is followed.
        while result.status == "unresolved" and result.method != AMBIGUOUS_METHOD and place in self._predecessors:
            place = self._predecessors[place]
            if place in seen:
                break
            seen.add(place)
            earlier = self._match_in(mention, base, place)
            if earlier.status == "resolved":
                return earlier
        return result

    def _match_in(self, mention: str, base: str, region: Region) -> Resolution:
        candidates = self._by_region.get(region, [])
        named = [c for c in candidates if base in c.keys]
        exact = _current(named)
        if len(exact) == 1:
            return _resolved(exact[0], mention, "exact", _replaced(exact[0], named))
        group = self._group_of(base)
        if group and not exact:
            named = [c for c in candidates if c.keys & set(group) or self._group_of(c.base_name) == group]
            exact = _current(named)
            if len(exact) == 1:
                return _resolved(exact[0], mention, ABBREVIATION_METHOD, _replaced(exact[0], named))
        if len(exact) > 1 and group and len(spelt := [c for c in exact if spells(base, c.base_name)]) == 1:
            # A table's group holds the bodies a 机构改革 merged (文旅局, 体育局, 文化局): where a region keeps two of
            # them, the one whose name the abbreviation spells out is meant (文旅局: 文化和旅游局, not 体育局).
            return _resolved(spelt[0], mention, ABBREVIATION_METHOD, _replaced(spelt[0], named))
        if len(exact) > 1:
            found = _unresolved(mention, base, region, sorted(c.name for c in exact))
            found.method = AMBIGUOUS_METHOD
            return found
        scored = sorted(
            ((max(fuzz.ratio(base, key) for key in c.keys), c) for c in candidates),
            key=lambda pair: (-pair[0], pair[1].uid),
        )
        if scored and scored[0][0] >= FUZZY_MIN and (len(scored) == 1 or scored[0][0] - scored[1][0] >= FUZZY_MARGIN):
            return _resolved(scored[0][1], mention, f"fuzzy:{scored[0][0]:.0f}")
        near = [f"{c.name} ({score:.0f})" for score, c in scored[:3] if score >= NEAR_MIN]
        return _unresolved(mention, base, region, near, key=group[0] if group else base)

    def _township(self, mention: str, text: str, township: str, home: Region) -> Resolution:
        """A township's government, in the county the mention's regions name (青山县城关镇), else in the home county
        (or the home township's county). From a city, a bare township is the one of that name among its counties'
        townships the graph knows, if one is; else it is placed under the city, as a city's list names it. Known or
        not, it is that body: a township has one government, which the graph names one way whatever the list wrote."""
        names, _rest = split_region_prefix(text)
        if names:
            county = _place(names, home)
        elif home.level == "township":
            county = home.parent or home
        else:
            county = home
        # 县城关镇 is the county's 城关镇, as 县交通运输局 is its 交通运输局, where the graph knows that township; 市桥街道
        # is a township's own name, so the level marker is taken off only when that names a known one.
        readings = [township, *([township[1:]] if not names and level_marker(township) else [])]
        if names or county.level == "county":
            known = [place for place in (Region((*county.names, reading)) for reading in readings)
                     if place in self._by_region]
        else:  # a bare name from a city: any of its counties' (a scan of the regions, for this case alone)
            known = [place for place in self._by_region
                     if place.name in readings and place.path.startswith(county.path + "/")]
        best = [place for place in known if place.name == min((p.name for p in known), key=readings.index)]
        # Two counties' 城关镇, from their city: neither is meant more than the other.
        region = best[0] if len(best) == 1 else Region((*county.names, township))
        base, name = township_body(region)
        return Resolution(department_uid(region, base), name, base, region, "resolved", mention,
                          method=TOWNSHIP_METHOD)

    def departments(self) -> list[KnownDepartment]:
        return [department for bucket in self._by_region.values() for department in bucket]

    def departments_of(self, region: Region) -> list[KnownDepartment]:
        return list(self._by_region.get(region, []))

    def spelt_out(self, base: str) -> tuple[str, ...]:
        """The other names of `base`'s abbreviation group (工信局 → 工业和信息化局, 工业信息化局 …), the user's aliases
        file's groups first; () where no group holds it."""
        return tuple(name for name in self._group_of(base) if name != base)


def spells(short: str, name: str) -> bool:
    """Whether `short`'s characters stand in `name` in their order (文旅局 in 文化和旅游局)."""
    rest = iter(name)
    return all(character in rest for character in short)


def _current(matches: list[KnownDepartment]) -> list[KnownDepartment]:
    """Of several departments a name reads as, those not replaced in a 机构改革, when any is; when all are, and they are
    one chain of successions (城市管理局 renamed 城市管理和综合执法局, merged since into 住建局: 县城管局 reads as both),
    the last of them, as it reads once one is current (`_replaced` the body it also named, followed by its edges):
    `ingest.load.follow_successions` moves the edge to the chain's end."""
    current = [match for match in matches if not match.succeeded]
    if current and len(current) < len(matches):
        return current
    last = _chain_last(matches) if not current and len(matches) > 1 else None
    return [last] if last is not None else matches


def _chain_last(matches: list[KnownDepartment]) -> KnownDepartment | None:
    """The body of `matches` the chain from the one none of the others replaced reaches last, through each one's one
    successor; None unless that chain goes through all of them."""
    by_uid = {match.uid: match for match in matches}
    firsts = [match for match in matches if not any(match.uid in other.successors for other in matches)]
    if len(firsts) != 1:
        return None
    seen, here = {firsts[0].uid}, firsts[0]
    while len(here.successors) == 1 and here.successors[0] in by_uid and here.successors[0] not in seen:
        here = by_uid[here.successors[0]]
        seen.add(here.uid)
    return here if seen == set(by_uid) else None


def _replaced(department: KnownDepartment, matches: list[KnownDepartment]) -> str:
    """The uid of the body, among those a name read as, that a 机构改革 replaced by `department` alone, back along a
    chain of them to its first ('' if none): 县城管局 read after 城市管理局 → 城市管理和综合执法局 → 综合行政执法局
    named 城市管理局, the body it read as before either reform, so that its alias is that body's in every load order."""
    found, seen = "", {department.uid}
    while earlier := min((match.uid for match in matches
                          if match.successors == ((found or department.uid),) and match.uid not in seen), default=""):
        found = earlier
        seen.add(earlier)
    return found


def as_named(party: Resolution) -> dict[str, str]:
    """The properties of an edge a mention makes that say which replaced body it also named (`Resolution.formerly`),
    as `ingest.load.follow_successions` marks the edges it moves."""
    return {"redirected_from": party.formerly} if party.formerly else {}


def _place(names: tuple[str, ...], home: Region) -> Region:
    """Fit a written region prefix into the home region's lineage (青山县 seen from 示例市 → 示例市/青山县)."""
    lineage = home.lineage()
    for ancestor in lineage:
        if ancestor.name == names[0]:
            return Region(ancestor.names + names[1:])
    city = home.city
    if city is not None and names[0] != city.name and len(names) == 1 and names[0].endswith(("县", "区", "旗")):
        return Region((*city.names, *names))
    province = next((region for region in lineage if region.level == "province"), None)
    if province is not None and Region((*province.names, names[0])).level == "city":
        return Region((*province.names, *names))  # 广州市 seen from 广东省 → 广东省/广州市
    return Region(names)


def _territorial(mention: str, name: str, home: Region) -> Resolution:
    # `@`, not the vague parties' `~`: a graph loaded before 属地 parties existed keeps its vague node apart.
    return Resolution(f"dept:{home.path}/@{name}", name, name, home, "territorial", mention)


def _vague(mention: str, text: str, home: Region) -> Resolution:
    return Resolution(f"dept:{home.path}/~{text}", text, text, home, "vague", mention)


def is_vague_mention(mention: str) -> bool:
    """有关部门, 相关单位, 质监部门: a mention naming a kind of body, not one department."""
    return _VAGUE.search(clean_mention(mention)) is not None


def is_former_mention(mention: str) -> bool:
    """原县农业局: a body a reform abolished or renamed, as the mention writes it (`NameResolver._former`)."""
    return _FORMER.match(clean_mention(mention)) is not None


def is_vague_uid(uid: str) -> bool:
    """Whether a department uid is a vague party's (有关部门, 相关单位): `_vague` marks its name with `~`."""
    return "/~" in uid


def _resolved(department: KnownDepartment, mention: str, method: str, formerly: str = "") -> Resolution:
    return Resolution(department.uid, department.name, department.base_name, department.region, "resolved",
                      mention, method=method, formerly=formerly)


def _unresolved(mention: str, base: str, region: Region, candidates: list[str], key: str | None = None
                ) -> Resolution:
    """A party no known department answers to, named as the document writes it (市发展和改革局 stays a 局: naming it
    by the abbreviation table's first form, 发展和改革委员会, gave it a name no document uses, user test). `key`, that
    first form, makes its uid, so that 市发改局 and 市发改委 in two lists are one party."""
    key = key or base
    return Resolution(department_uid(region, key), display_name(region, base), key, region, "unresolved",
                      mention, candidates=candidates)
