"""管行业必须管安全: a clause that takes on the 安全生产 of named sectors (负责全县工贸行业安全生产监督管理,
负责文化和旅游行业安全生产监督管理) is its department's share as those sectors' 行业主管部门, under 安全生产法
第三条 and a 应急管理局's 三定 (县直有关行业主管部门负责本行业领域的安全生产监督管理). Two such clauses of different
sectors, or one of them beside a clause that names none of its sectors (食品安全监督管理, or 安全生产综合监督管理
naming no sector's department), are a division of the work (分工), not one work held twice, though their words
(安全生产, 监督管理, 生产经营) read alike (user test: an 应急管理局 investigator's county had 工贸, 文化和旅游 and
食品安全 clustered as one work, and the report told two of them to strike their own sector's safety)."""

from __future__ import annotations

import re

from graph.store import Row, Store
from ingest.terms import broader_terms, headline
from queries.cache import cached

# The sectors stand just before 行业安全生产 (or 领域安全生产), after the verb and scope words that open the clause.
_SECTOR_SAFETY = re.compile(r"([\u4e00-\u9fff、]+?)(?:行业|领域)(?:的)?安全生产")
# What opens a clause or ends the work before the sectors' list (负责全市安全生产综合监督管理和工矿商贸行业…).
_BEFORE_SECTORS = re.compile(r"负责|指导|承担|督促|监督管理|管理|全[省市县区]|辖区|本[省市县区]")
_JOINS = re.compile(r"[、和及与]")
_CLAUSES = re.compile(r"[，,]")
# What says a text is about safety (a complaint's words: 着火, 逃生, 应急照明), not the business's other work.
_SAFETY_WORDS = re.compile(r"安全|消防|火灾|着火|失火|起火|隐患|事故|逃生|应急|爆炸|坍塌|触电|中毒|溺水")
COMMITTEE, SANDING_RULE = "safety_committee", "sanding"  # a basis's `kind`: the 安委会 paragraph, the 三定's rule
# The 三定 clauses of 管行业必须管安全 for every sector (ingest.sector_rule); a document loaded before keeps none.
_RULES = ("MATCH (d:Document) WHERE coalesce(d.sector_rule, '') <> '' "
          "RETURN d.region AS region, d.sector_rule AS text, d.sector_rule_source AS source ORDER BY region, source")
# The members' paragraphs of the 安委会成员单位安全生产工作职责 loaded (ingest.safety_committee).
_MEMBERS = ("MATCH (d:Department)-[s:SAFETY_DUTY]->(:Document) RETURN d.name AS department, d.region AS region, "
            "s.text AS text, s.source AS source ORDER BY department, region, source")
_SENTENCES = re.compile(r"[。；;]")
# A 安委会 paragraph may name its sectors without 行业安全生产: the objects of a 负责 whose work is their safety's
# supervision or their 安全生产工作 (负责房屋建筑、市政工程施工安全监督管理, 负责快递行业安全监管, 负责特种设备安全监察,
# 负责教育系统安全生产工作), and the businesses it 指导督促 to 落实安全生产主体责任 (剧本娱乐经营场所、密室逃脱类场所:
# the 安委会's own word on whose sector a new kind of business is); a 安全管理 or a 安全管理责任 is no supervision of a
# sector (负责机关安全管理, 落实住宅小区共用部位的安全管理责任), nor is its own house (负责本单位安全生产工作).
# Read in 安委会 paragraphs only: a 三定's clauses keep the reading above, which the 分工 of the overlaps
# (sectors_apart) rests on.
_SUPERVISED = re.compile(r"(?:负责|承担)([\u4e00-\u9fff、]+?)的?(?:安全(?:生产)?(?:监督管理|监管|监察)|安全生产工作)")
# 落实 or 履行 its 安全生产主体责任 (or 安全生产和消防安全责任: a county's 职责分工 writes it so).
_DIRECTED = re.compile(r"(?:指导|督促)+([\u4e00-\u9fff、]+?)(?:落实|履行)安全生产(?:主体|和消防安全)?责任")
# The sector's work that the supervision is of (施工, 生产经营, 质量: 建设工程质量和施工安全 is 建设工程's), or the
# body or place that does it (教育系统, 剧本娱乐经营场所, 密室逃脱类场所), cut from its name; 等 closes a list of
# examples (网约车、网络货运等相关企业), not a word's own 等 (高等学校).
_ACTIVITY = re.compile(r"(?:类)?(?:经营)?(?:场所|企业|单位|系统)$"
                       r"|(?:行业|领域|施工|生产经营|生产|经营|运营|运行|使用|质量)$")
_EXAMPLES_END = re.compile(r"等(?=相关|有关|各类|行业|领域|企业|单位|场所|平台|公用事业)")
# How the work is done, before its objects (负责依法对特种设备…, 负责组织开展校园…): no part of a sector's name.
_MANNER = re.compile(r"^(?:依法|对|组织|开展|协调|做好|加强|牵头|统筹)+")
# Safety that is no 安全生产 (食品安全, 网络安全, 消防安全: each its own department's by law), places (乡镇), and
# words that name no one sector (相关, 有关: 督促相关企业落实).
_NOT_SECTORS = re.compile(r"(?:食品|药品|疫苗|化妆品|医疗器械|网络|数据|信息|国家|政治|生物|粮食|金融|治安|消防|社会|"
                          r"公共|乡镇|街道|园区|机关|单位|相关|有关)+")
# 安全 without 生产 (督促电梯使用单位落实安全主体责任, 指导…安全管理, 落实安全责任) is a sector's only where its object
# is a field 安全生产法 第二条 leaves to a safety law of its own (特种设备安全法 …), or a kind of one that broader.txt
# files under it (电梯 → 特种设备): the field names the sector and its department. 督促各单位落实安全责任 names none,
# nor does a 物业服务企业's 安全管理责任 of 共用部位: a house's or a place's own safety is no sector's.
_DIRECTED_SAFETY = re.compile(r"(?:指导|督促)+([\u4e00-\u9fff、]+?)(?:(?:落实|履行)安全(?:主体|管理)?责任|的?安全管理)")
_OWN_LAW_FIELDS = frozenset({"特种设备", "道路交通", "铁路交通", "水上交通", "民用航空"})
# Or where its object is the enterprises of an industry (督促道路运输企业落实安全主体责任): an enterprise's 安全 is its
# 安全生产 (安全生产法 第二条 governs every 生产经营单位), so the industry is the sector, as 道路运输行业安全生产 would
# name it. Not the 物业服务企业: the safety they answer for is the houses' they keep, a place's own.
_ENTERPRISES = re.compile(r"企业$")
_PLACE_KEEPERS = re.compile(r"物业")
# A department that helps another's supervision (配合, 协助) is no sector's 行业主管.
_ASSISTS = re.compile(r"配合|协助|参与|协同|会同")


def safety_sectors(text: str) -> frozenset[str]:
    """The sectors whose 安全生产 the clause's headline takes on (工贸; 文化, 旅游; 非煤矿山, 危险化学品, 烟花爆竹,
    工贸); none when it names no sector (指导行业安全生产工作: its department's own, unnamed)."""
    sectors: set[str] = set()
    for match in _SECTOR_SAFETY.finditer(headline(text)):
        listed = _BEFORE_SECTORS.split(match.group(1))[-1]
        # 本行业, 各自领域: the rule for every sector (ingest.sector_rule), which names none.
        sectors |= {word for word in _JOINS.split(listed) if len(word) >= 2 and not word.startswith(("本", "各"))}
    return frozenset(sectors)


def member_sectors(sentence: str) -> frozenset[str]:
    """The sectors a 安委会 member's sentence gives it: those of a 三定's clause (safety_sectors), and the objects of
    a 负责 their safety's supervision or their 安全生产工作 (负责房屋建筑、市政工程施工安全监督管理: 房屋建筑,
    市政工程), and of a 指导督促 to 落实安全生产主体责任; none for a 食品安全, a 安全生产综合监督管理 or a 配合
    (docs/queries.md has the table of what is read)."""
    supervised: set[str] = set()
    for match in [*_SUPERVISED.finditer(sentence), *_DIRECTED.finditer(sentence)]:
        supervised |= _objects(sentence, match)
    for match in _DIRECTED_SAFETY.finditer(sentence):
        objects = _objects(sentence, match)
        supervised |= {field for word in objects if (field := _own_law_field(word))}
        if _ENTERPRISES.search(match.group(1)) and not _PLACE_KEEPERS.search(match.group(1)):
            supervised |= objects
    return safety_sectors(sentence) | supervised


def _objects(sentence: str, match: re.Match[str]) -> set[str]:
    """The sectors a match's objects name, each cut of the work and the body after it; none where the clause 配合s."""
    # 配合 may stand before the verb in the clause (配合督促建筑施工企业落实…) or inside its objects.
    if _ASSISTS.search(_CLAUSES.split(sentence[:match.start()])[-1] + match.group(1)):
        return set()
    listed = _MANNER.sub("", _EXAMPLES_END.split(_BEFORE_SECTORS.split(match.group(1))[-1])[0])
    return {word for piece in _JOINS.split(listed) for word in [_without_activity(piece)]
            if len(word) >= 2 and not word.startswith(("本", "各")) and not _NOT_SECTORS.fullmatch(word)}


def _own_law_field(word: str) -> str:
    """The field of a safety law of its own that the word is, or that broader.txt files it under through its
    broader terms (乘客电梯 → 电梯 → 特种设备); '' for none."""
    seen: set[str] = set()
    todo = [word]
    while todo:
        term = todo.pop()
        if term in _OWN_LAW_FIELDS:
            return term
        if term not in seen:
            seen.add(term)
            todo.extend(broader_terms().get(term, ()))
    return ""


def _without_activity(piece: str) -> str:
    """The sector's name without the work or the body after it, cut as long as one ends it (生产经营单位: 生产经营,
    then nothing; 剧本娱乐经营场所: 剧本娱乐)."""
    while (cut := _ACTIVITY.sub("", piece)) != piece:
        piece = cut
    return piece


def about_safety(text: str) -> bool:
    """Whether the text speaks of safety (安全, 消防, 着火, 应急照明 …): a sector's 行业主管 answers for that."""
    return bool(_SAFETY_WORDS.search(text))


def sectors_apart(text_a: str, text_b: str) -> bool:
    """One clause takes on named sectors' 安全生产 and the other names none of those sectors: their 分工, not one
    work. A 综合监管 clause that names the sector's department (…市交通运输局参与) is kept: it divides the work with
    that department, and says who leads."""
    for own, other in ((text_a, text_b), (text_b, text_a)):
        sectors = safety_sectors(own)
        if sectors and not any(sector in other for sector in sectors):
            return True
    return False


def sector_rules(store: Store) -> dict[str, Row]:
    """Each region's 三定 clause that makes every 行业主管部门 answer for its sector's 安全生产 (the first by source:
    县直有关行业主管部门负责本行业领域的安全生产监督管理), read once per graph version: what a department's sector
    safety is cited by for a new kind of business that no list gives anyone."""
    def read() -> dict[str, Row]:
        rules: dict[str, Row] = {}
        for row in store.read(_RULES, {}):
            rules.setdefault(row["region"], {"text": row["text"], "source": row["source"], "kind": SANDING_RULE})
        return rules
    return cached(store, ("sector_rules",), read, whole_graph=True)


def committee_sectors(store: Store) -> dict[tuple[str, str], Row]:
    """Each member department's sectors whose 安全生产 a 安委会成员单位安全生产工作职责 gives it (its paragraph's
    sentences read each: member_sectors), with the first sentence that names them and its source (the document's
    第N项), by (name, region path) as a who_handles row names it (two counties' 安委会 may both name a
    县住房和城乡建设局 by its short name); read once per graph version. The 安委会's word is what a 行业主管 is
    cited by where one is loaded: it names the department, where the 三定's rule names none."""
    def read() -> dict[tuple[str, str], Row]:
        found: dict[tuple[str, str], Row] = {}
        for row in store.read(_MEMBERS, {}):
            named = [(sentence, sectors) for sentence in _SENTENCES.split(row["text"])
                     if (sectors := member_sectors(sentence))]
            if not named:
                continue
            held = found.setdefault((row["department"], row["region"]), {
                "sectors": frozenset(), "text": named[0][0].strip(), "source": row["source"], "kind": COMMITTEE})
            held["sectors"] = held["sectors"].union(*(sectors for _sentence, sectors in named))
        return found
    return cached(store, ("committee_sectors",), read, whole_graph=True)


def sector_basis(sectors: frozenset[str], member: Row | None, rule: Row | None) -> Row | None:
    """What a department's sector safety is cited by: its 安委会 paragraph (`member`, of committee_sectors) where that
    names one of the sectors, else the region's 三定 rule for every sector (`rule`, of sector_rules); None without
    sectors. Its `kind` says which (COMMITTEE, SANDING_RULE)."""
    if not sectors:
        return None
    return member if member is not None and member["sectors"] & sectors else rule


def basis_fields(basis: Row | None) -> Row:
    """A row's fields of what its sectors are cited by (sector_basis): the text, its source and its kind (安委会职责
    or 三定规定, which the page, the CLI and the report name), each '' without one. Every row that cites a basis
    carries all three: the title of its source alone did not tell a reader which it was (a 安委会 paragraph may word
    the rule for every sector as a 三定 does)."""
    return {"sector_rule": basis["text"] if basis else "", "sector_rule_source": basis["source"] if basis else "",
            "sector_rule_kind": basis["kind"] if basis else ""}


def held_sectors(evidence: frozenset[str], own: frozenset[str], member: Row | None, unled: bool) -> frozenset[str]:
    """The sectors a department answers for the safety of, on a text: those of the first 三定 clause among its evidence
    that names any (`evidence`); failing that, where the work is no one's (`unled`: a matter no one leads, an item no
    one claims, about safety), its 三定's (`own`) and its 安委会 paragraph's (`member`): whose sector the new kind of
    business may fall in. Else none: a department met on a clause that names no sector, for work someone leads, is
    not made its 行业主管 by its other clauses."""
    if evidence or not unled:
        return evidence
    return own | (member["sectors"] if member is not None else frozenset())
