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
from ingest.terms import headline
from queries.cache import cached

# The sectors stand just before 行业安全生产 (or 领域安全生产), after the verb and scope words that open the clause.
_SECTOR_SAFETY = re.compile(r"([\u4e00-\u9fff、]+?)(?:行业|领域)(?:的)?安全生产")
# What opens a clause or ends the work before the sectors' list (负责全市安全生产综合监督管理和工矿商贸行业…).
_BEFORE_SECTORS = re.compile(r"负责|指导|承担|督促|监督管理|管理|全[省市县区]|辖区|本[省市县区]")
_JOINS = re.compile(r"[、和及与]")
# What says a text is about safety (a complaint's words: 着火, 逃生, 应急照明), not the business's other work.
_SAFETY_WORDS = re.compile(r"安全|消防|火灾|着火|失火|起火|隐患|事故|逃生|应急|爆炸|坍塌|触电|中毒|溺水")
# The 三定 clauses of 管行业必须管安全 for every sector (ingest.sector_rule); a document loaded before keeps none.
_RULES = ("MATCH (d:Document) WHERE coalesce(d.sector_rule, '') <> '' "
          "RETURN d.region AS region, d.sector_rule AS text, d.sector_rule_source AS source ORDER BY region, source")
# The members' paragraphs of the 安委会成员单位安全生产工作职责 loaded (ingest.safety_committee).
_MEMBERS = ("MATCH (d:Department)-[s:SAFETY_DUTY]->(:Document) "
            "RETURN d.name AS department, s.text AS text, s.source AS source ORDER BY department, source")
_SENTENCES = re.compile(r"[。；;]")


def safety_sectors(text: str) -> frozenset[str]:
    """The sectors whose 安全生产 the clause's headline takes on (工贸; 文化, 旅游; 非煤矿山, 危险化学品, 烟花爆竹,
    工贸); none when it names no sector (指导行业安全生产工作: its department's own, unnamed)."""
    sectors: set[str] = set()
    for match in _SECTOR_SAFETY.finditer(headline(text)):
        listed = _BEFORE_SECTORS.split(match.group(1))[-1]
        # 本行业, 各自领域: the rule for every sector (ingest.sector_rule), which names none.
        sectors |= {word for word in _JOINS.split(listed) if len(word) >= 2 and not word.startswith(("本", "各"))}
    return frozenset(sectors)


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
            rules.setdefault(row["region"], {"text": row["text"], "source": row["source"]})
        return rules
    return cached(store, ("sector_rules",), read, whole_graph=True)


def committee_sectors(store: Store) -> dict[str, Row]:
    """Each member department's sectors whose 安全生产 a 安委会成员单位安全生产工作职责 gives it (its paragraph's
    sentences read as a 三定's clause is, each: 负责住房和城乡建设行业安全生产监督管理), with the first sentence that
    names them and its source (the document's 第N项), by department name; read once per graph version. The 安委会's word
    is what a 行业主管 is cited by where one is loaded: it names the department, where the 三定's rule names none."""
    def read() -> dict[str, Row]:
        found: dict[str, Row] = {}
        for row in store.read(_MEMBERS, {}):
            named = [(sentence, sectors) for sentence in _SENTENCES.split(row["text"])
                     if (sectors := safety_sectors(sentence))]
            if not named:
                continue
            held = found.setdefault(row["department"], {"sectors": frozenset(), "text": named[0][0].strip(),
                                                        "source": row["source"]})
            held["sectors"] = held["sectors"].union(*(sectors for _sentence, sectors in named))
        return found
    return cached(store, ("committee_sectors",), read, whole_graph=True)


def sector_basis(sectors: frozenset[str], department: str, rule: Row | None, committee: dict[str, Row]) -> Row | None:
    """What a department's sector safety is cited by: its 安委会 paragraph where that names one of the sectors, else
    the region's 三定 rule for every sector (`rule`); None without sectors."""
    if not sectors:
        return None
    member = committee.get(department)
    return member if member is not None and member["sectors"] & sectors else rule
