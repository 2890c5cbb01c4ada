"""overlaps: clusters of duties held by different departments that describe the same work (职责交叉).

The SIMILAR edges that ingest linked are read at the requested threshold and kept by scope — `departments`
(main duties of different departments of one region), `offices` (internal offices' duties across
departments of one region) or `levels` (a city department's duty against a county department's) — then
grouped into connected components with networkx. Across levels, only a county department and the city
department it mirrors (COUNTERPART) are compared: other pairs across levels are different lines of work.
And a city and a county department that do the same line of work layer it by nature (the city guides and
inspects, the county carries out): they hold it twice only where both perform one act a case receives once
(a permit, a registration, a filing: `ingest.aspects.ACTS`) on the same object, in the same territory.
A cluster is `settled` when a boundary list or a 职责分工 clause already gives its matter a single lead,
with one lead department across all documents. Its matter is, first, one whose parties (leads and
assists) are the cluster's departments and whose name's object the cluster's duties cover (`城区占道经营整治由
县城市管理局负责，县市场监督管理局配合` for their two 占道经营 duties): the clause is about these very
departments, so the action word of its name (整治, 治理), which duties rarely repeat, need not match. Failing
that, the matter of the region whose whole name the cluster's duties cover best (by the same content terms that
linked them), whoever its parties; across levels, not that: a list of one level's departments does not say which
level holds the work. A cluster across levels whose duties cover a matter of its city's 事权划分 list has that
matter (the list's 划分方式 is where such a duplicate is settled: user test), but it stays unsettled: both levels' 三定
still state the work, and whether each keeps to the list's division is for a person to check.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.store import Row, Store
from ingest.aspects import is_marker_only, performed_acts
from ingest.content import content_terms
from ingest.similarity import DEFAULT_THRESHOLD, SimilarityModel, Weighted
from ingest.terms import headline
from queries import catalog
from queries.cache import cached
from queries.catalog import QueryError
from queries.lookup import (
    cities,
    city_of,
    current_region,
    find_department_in,
    region_paths,
    region_successors,
    within,
    within_paths,
    within_region,
)
from queries.matter_names import merged_lead_matters, same_matter_key
from queries.power_split import holdings_by_matter
from queries.sector_safety import sectors_apart
from queries.who_handles import evidence_index

SCOPES = ("departments", "offices", "levels")
SETTLED_COVERAGE = 0.7
SAME_ACT_COSINE = 0.3  # two act clauses about the same object (content-term cosine)
# A city department's work limited to the urban districts (市区) never reaches a county (县).
_URBAN_ONLY = re.compile(r"市区|中心城区")


def overlaps(store: Store, *, threshold: float = DEFAULT_THRESHOLD, scope: str = "departments",
             region: str | None = None, department: str | None = None) -> list[Row]:
    """The clusters of one region (None: everywhere), or, with `department`, those that hold one of the
    duties of that department or of its offices: among its region's departments, or across the levels
    of its city. With both, `region` must hold the department (it narrows nothing further)."""
    if scope not in SCOPES:
        raise QueryError(f"scope {scope!r}: expected one of {', '.join(SCOPES)}",
                         f"scope 应为 departments（同级部门）、offices（内设机构）或 levels（上下级），而不是“{scope}”")
    # Clusters are derived data: computed once per graph version and parameters (callers must not mutate).
    if department is not None:
        return cached(store, ("department_overlaps", threshold, department, region),
                      lambda: _department_overlaps(store, threshold, _department_in(store, department, region)))[scope]
    return cached(store, ("overlaps", threshold, scope, region), lambda: _overlaps(store, threshold, scope, region))


def _department_in(store: Store, name: str, region: str | None) -> Row:
    """The department `name` (read from `region` when given, as a filter reads a name), which `region` must hold:
    answering its clusters anyway would read as if `region` had filtered them."""
    return find_department_in(store, name, region, covers=(
        "a department's overlaps are those of its own region (and across its city's levels)",
        "部门的职责交叉取其本区划（及市县之间）"))


def _overlaps(store: Store, threshold: float, scope: str, region: str | None) -> list[Row]:
    keep = _pair_filter(store, scope, region, threshold)
    # Only the scope's pairs: a city's departments hold a tenth of the pairs its departments and its counties'
    # hold across levels (at 100k, 283 of 3,151 pairs: 36 ms to read instead of 152). A county's pairs across
    # levels have their other side in its city, outside the county: read from the city, kept by `_in_region`.
    read_from = _scope_region(store, region, scope) if region is not None else None
    scope_pairs = catalog.run(store, "similar_duties", {"threshold": threshold, "region": read_from, "scope": scope})
    return _clusters(store, keep(scope_pairs))


def _department_overlaps(store: Store, threshold: float, department: Row) -> dict[str, list[Row]]:
    """For each scope, the components that hold the department's duties, walked out from them along the
    SIMILAR edges the scope keeps (a few indexed steps) instead of clustering the whole region: the same
    clusters. The pairs around a duty are fetched once for all three walks."""
    around = _PairsAround(store, threshold)
    start = catalog.run(store, "similar_duties_around",
                        {"department": department["uid"], "duties": [], "threshold": threshold})
    mine = department["name"]
    # Every pair touching one of the department's duties is in `start`: no need to fetch them again.
    around.record(start, {pair[side] for pair in start for side in ("a", "b") if pair[f"{side}_department"] == mine})
    by_scope = {}
    for scope in SCOPES:
        keep = _pair_filter(store, scope, _scope_region(store, department["region"], scope), threshold)
        pairs: dict[tuple[str, str], Row] = {}
        reached: set[str] = set()
        found = keep(start)
        while found:
            pairs.update(((pair["a"], pair["b"]), pair) for pair in found)
            frontier = {pair[side] for pair in found for side in ("a", "b")} - reached
            reached |= frontier
            found = keep(around.touching(frontier)) if frontier else []
        by_scope[scope] = [cluster for cluster in _clusters(store, list(pairs.values()))
                           if any(member["department"] == mine for member in cluster["members"])]
    return by_scope


class _PairsAround:
    """The SIMILAR pairs that touch given duties, each duty's fetched once."""

    def __init__(self, store: Store, threshold: float) -> None:
        self.store, self.threshold = store, threshold
        self.pairs: dict[str, list[Row]] = {}

    def record(self, pairs: list[Row], duties: set[str]) -> None:
        """`pairs` hold every pair that touches `duties`."""
        for uid in duties:
            self.pairs[uid] = []
        for pair in pairs:
            for side in ("a", "b"):
                if pair[side] in duties:
                    self.pairs[pair[side]].append(pair)

    def touching(self, duties: set[str]) -> list[Row]:
        missing = duties - self.pairs.keys()
        if missing:
            self.record(catalog.run(self.store, "similar_duties_around",
                                    {"department": None, "duties": sorted(missing), "threshold": self.threshold}),
                        missing)
        unique = {(pair["a"], pair["b"]): pair for uid in duties for pair in self.pairs[uid]}
        return list(unique.values())


def _scope_region(store: Store, region: str, scope: str) -> str:
    """Overlaps of one region for its departments and offices; across levels, the whole city with its counties (its
    city, not its first name: under a province that is the province's every city)."""
    return (city_of(store, region) or region) if scope == "levels" else region


def _pair_filter(store: Store, scope: str, region: str | None, threshold: float
                 ) -> Callable[[list[Row]], list[Row]]:
    """The SIMILAR pairs that belong to the scope in the region, but for two sectors' 安全生产 (their 分工 under
    管行业必须管安全: `sector_safety`); for levels, also the same act twice; for offices, also the same mandate."""
    counterparts = _counterpart_pairs(store)
    model = duty_model(store) if scope == "levels" else None
    paths = region_paths(store, region) if region is not None else None
    successors = region_successors(store)

    def keep(pairs: list[Row]) -> list[Row]:
        kept = [pair for pair in pairs if _in_scope(pair, scope, counterparts, successors)
                and _in_region(pair, paths, scope)
                and not sectors_apart(pair["a_text"], pair["b_text"])
                and (model is None or _same_act_twice(pair, model))]
        return _same_mandate(store, kept, threshold) if scope == "offices" else kept
    return keep


def _same_mandate(store: Store, pairs: list[Row], threshold: float) -> list[Row]:
    """Two offices hold the same work only if their departments do: an office duty carries out (REFINES) a
    duty of its department, and where both do, the department duties they carry out must be alike at the
    same threshold. 环境卫生 is the 城管 street-cleaning office's work and the 卫健 hygiene inspectors' too,
    but 城管's 市容环境卫生 and 卫健's 公共卫生监督 are no overlap. An office duty that carries out none of
    its department's duties is judged by its own text."""
    if not pairs:
        return []
    carried = catalog.run(store, "carried_duty_pairs", {"a": [pair["a"] for pair in pairs],
                                                        "b": [pair["b"] for pair in pairs]})
    apart = {(row["a"], row["b"]) for row in carried if row["score"] < threshold}
    return [pair for pair in pairs if (pair["a"], pair["b"]) not in apart]


def _clusters(store: Store, pairs: list[Row]) -> list[Row]:
    import networkx as nx  # here: who_handles and the CLI's other commands need not load networkx (0.2 s)

    if not pairs:
        return []
    graph = nx.Graph()
    members: dict[str, dict[str, Any]] = {}
    for pair in pairs:
        for side in ("a", "b"):
            # A duty a successor carries from a body a 机构改革 replaced is the successor's, that body named.
            members[pair[side]] = {"department": pair[f"{side}_department"], "office": pair[f"{side}_office"],
                                   "duty": pair[f"{side}_text"], "source": pair[f"{side}_source"],
                                   "carried_from": pair[f"{side}_carried_from"], "region": pair[f"{side}_region"]}
        graph.add_edge(pair["a"], pair["b"])
    components = [sorted(component) for component in nx.connected_components(graph)]
    component_of = {uid: index for index, uids in enumerate(components) for uid in uids}
    # Named after its strongest pair, which stays in the cluster at every threshold the cluster exists at:
    # a caller's reference survives a change of threshold (members joining or leaving do not rename it).
    strongest: dict[int, tuple[float, str, str]] = {}
    for pair in pairs:
        key = (-pair["score"], *sorted((pair["a"], pair["b"])))
        index = component_of[pair["a"]]
        if index not in strongest or key < strongest[index]:
            strongest[index] = key
    matters = _matter_index(store)
    terms = _duty_terms(store)
    clusters = []
    for index, uids in enumerate(components):
        rows = sorted((members[uid] for uid in uids),
                      key=lambda m: (m["region"], m["department"], m["office"], m["duty"]))
        # A duty the evidence index leaves out (stated by an older 三定 of its department) is segmented here.
        said_by: dict[str, set[str]] = {}
        for uid in uids:
            said_by.setdefault(members[uid]["department"], set()).update(
                terms.get(uid) or content_terms(members[uid]["duty"]))
        said = frozenset(term for department_terms in said_by.values() for term in department_terms)
        matter = (matters.parties_matter(rows, said) or matters.settling_matter(rows, said_by)
                  or matters.split_matter(rows, said))
        best = strongest[index]
        clusters.append({
            "cluster_id": "C" + hashlib.sha1("|".join(best[1:]).encode()).hexdigest()[:8],
            "score": round(-best[0], 3),
            "settled": matter is not None and len(matter["leads"]) == 1,
            # Who leads a settled cluster's matter, from the reading that settles it (the page said only 已明确).
            "lead": matter["leads"][0] if matter is not None and len(matter["leads"]) == 1 else None,
            "matter": matter["matter"] if matter else None,
            "members": [{k: m[k] for k in ("department", "office", "duty", "source", "carried_from")} for m in rows],
        })
    clusters.sort(key=lambda c: (-c["score"], c["cluster_id"]))
    return clusters


def _in_scope(pair: Row, scope: str, counterparts: set[frozenset[str]], successors: dict[str, str]) -> bool:
    """`successors`: each 撤县设区's county → district; a county's departments no notice renamed are the district's."""
    if pair["a_department"] == pair["b_department"]:
        return False
    same_region = current_region(pair["a_region"], successors) == current_region(pair["b_region"], successors)
    offices = bool(pair["a_office"]) or bool(pair["b_office"])
    if scope == "departments":
        return same_region and not offices
    if scope == "offices":
        return same_region and bool(pair["a_office"]) and bool(pair["b_office"])
    # Across levels only a department and its counterpart (上下对口) can hold the same work twice.
    return not offices and frozenset((pair["a_department"], pair["b_department"])) in counterparts


def _same_act_twice(pair: Row, model: SimilarityModel) -> bool:
    """Both levels perform one once-per-case act on the same object, and the city's act reaches the county."""
    city, county = ("a", "b") if len(pair["a_region"]) < len(pair["b_region"]) else ("b", "a")
    urban_only = bool(_URBAN_ONLY.search(headline(pair[f"{city}_text"])))
    outside_urban_area = not pair[f"{county}_region"].endswith("区")
    for city_acts, city_clause in performed_acts(pair[f"{city}_text"]):
        if outside_urban_area and (urban_only or _URBAN_ONLY.search(city_clause)):
            continue
        for county_acts, county_clause in performed_acts(pair[f"{county}_text"]):
            if city_acts & county_acts and model.cosine(content_terms(city_clause),
                                                        content_terms(county_clause)) >= SAME_ACT_COSINE:
                return True
    return False


def _in_region(pair: Row, paths: list[str] | None, scope: str) -> bool:
    """Both sides in the region (any of its `paths`, `region_paths`: a 撤县设区 district's departments under either);
    across levels, for a county, one side in it and the other in a region above it: its departments beside their city
    counterparts (user test: a county's levels asked for both sides in the county, where no pair across levels can
    be, and answered none), not another county's pairs with the city."""
    def inside(side: str) -> bool:
        return paths is None or within_paths(side, paths)

    def above(side: str) -> bool:
        return paths is None or any(within(place, side) for place in paths)
    sides = (pair["a_region"], pair["b_region"])
    if scope == "levels":
        return any(inside(side) for side in sides) and all(inside(side) or above(side) for side in sides)
    return all(inside(side) for side in sides)


@dataclass(frozen=True)
class _Matter:
    """A lead matter with its name's terms weighed once: the whole name, and its object terms (without the
    words that only say what is done: 整治, 治理, 经营)."""

    row: Row
    whole: Weighted | None  # None: the name says fewer than two terms, too little to settle a cluster by
    objects: Weighted | None  # None: the name says nothing but what is done


class _MatterIndex:
    """The lead matters, found by region and by party: a city's clusters number in the hundreds, its matters too;
    and the cities' 事权划分 matters, by city."""

    def __init__(self, matters: list[Row], split: list[Row], model: SimilarityModel) -> None:
        self.by_region: dict[str, list[_Matter]] = {}
        self.by_party: dict[str, list[_Matter]] = {}
        self.split_by_city: dict[str, list[_Matter]] = {}
        for row in matters:
            matter = _weighed(row, model)
            self.by_region.setdefault(row["region"], []).append(matter)
            for party in row["parties"]:
                self.by_party.setdefault(party, []).append(matter)
        for row in split:
            self.split_by_city.setdefault(row["region"], []).append(_weighed(row, model))

    def split_matter(self, members: list[dict[str, Any]], said: frozenset[str]) -> Row | None:
        """For a cluster across levels, the 事权划分 matter of its city, held by each of its regions, whose name its
        duties cover best."""
        regions = sorted({member["region"] for member in members}, key=len)
        if len(regions) < 2:
            return None
        candidates = [(matter.whole, matter.row) for matter in self.split_by_city.get(regions[0], ())
                      if matter.whole is not None and set(regions) <= matter.row["holders"]]
        return _best_covered(candidates, said)

    def settling_matter(self, members: list[dict[str, Any]], said_by: dict[str, set[str]]) -> Row | None:
        """The lead matter of the cluster's region whose name each department's duties (`said_by`) cover, the least
        covering best, if well enough: the work they share, not one member's (user test: a 商务局's 单用途商业预付卡备案
        row settled its 预付式消费 duty against 市场监管局's, whose duty the row does not name, and the report told
        市场监管局 to strike its own 预付式消费 work). A matter that lists every department is `parties_matter`."""
        regions = {member["region"] for member in members}
        if len(regions) > 1:
            # A city's duty against a county's: a list of one level's departments says who leads among them, not
            # which level holds the work (user test: a county row on 电梯安全监管, 县市场监管局 against 县住建局,
            # marked the city and county 特种设备 registration settled). Only a clause naming both parties does.
            return None
        candidates = [(matter.whole, matter.row) for matter in self.by_region.get(regions.pop(), ())
                      if matter.whole is not None]
        return _best_covered(candidates, *(frozenset(terms) for terms in said_by.values()))

    def parties_matter(self, members: list[dict[str, Any]], said: frozenset[str]) -> Row | None:
        """The matter whose parties include every department of the cluster and whose name's object terms the
        cluster's duties cover best, if well enough. The object terms leave out the words that only say what is
        done (整治, 治理, 经营): a clause names the work by its object, and its action word weighs most exactly
        because few duties use it."""
        departments = {member["department"] for member in members}
        fewest = min((self.by_party.get(department, []) for department in departments), key=len)
        candidates = [(matter.objects, matter.row) for matter in fewest
                      if matter.objects is not None and departments <= matter.row["parties"]]
        return _best_covered(candidates, said)


def _weighed(row: Row, model: SimilarityModel) -> _Matter:
    terms = content_terms(row["matter"])
    objects = _objects(terms)
    return _Matter(row, model.weighted(terms) if len(set(terms)) >= 2 else None,
                   model.weighted(objects) if objects else None)


def _objects(terms: list[str]) -> list[str]:
    """What a matter's name is about (房屋建筑, 食品安全风险): its terms without those that only say what is done."""
    return [term for term in terms if not is_marker_only(term)]


def names_the_duty(matter: str, duty: str) -> bool:
    """Whether a settled matter's name speaks of a member's duty: the duty says one of the name's objects, whole
    or by the word it ends with (its head: 房屋建筑 by 建筑, 建设工程施工 being work on 房屋建筑 too; 食品安全风险 by
    风险, not by 食品), and is not another sector's 安全生产 (管行业必须管安全: `sectors_apart`). A member its matter
    does not speak of shares the cluster's words, not its matter's work, and is not told to strike its duty (user
    tests: 交通运输局's 交通运输行业安全生产 was told to, for a 安全生产大检查 row it takes part in; 市场监管局's
    食品安全抽样检验, for the 食品安全风险监测计划 卫健委 leads, on the word 食品 alone)."""
    objects = _objects(content_terms(matter))
    said = frozenset(content_terms(duty))
    wholes = [term for term in objects if not any(term != other and term in other for other in objects)]
    spoken = any(whole in said or any(part in said for part in objects if part != whole and whole.endswith(part))
                 for whole in wholes)
    return not sectors_apart(duty, matter) and (not objects or spoken)


def _best_covered(candidates: list[tuple[Weighted, Row]], *said: frozenset[str]) -> Row | None:
    """The first of the candidates whose terms each of `said` covers, the least covering best, at SETTLED_COVERAGE
    or more."""
    best: tuple[float, Row] | None = None
    for weighted, row in candidates:
        coverage = min(weighted.share_in(terms) for terms in said)
        if coverage >= SETTLED_COVERAGE and (best is None or coverage > best[0]):
            best = (coverage, row)
    return best[1] if best else None


def warm(store: Store) -> None:
    """Build what every overlaps call shares, once per graph version; and load networkx, once per process."""
    import networkx  # noqa: F401

    _counterpart_pairs(store)
    _matter_index(store)
    _duty_terms(store)


def _counterpart_pairs(store: Store) -> set[frozenset[str]]:
    return cached(store, ("counterpart_pairs",), lambda: {
        frozenset((row["county_department"], row["city_department"]))
        for row in catalog.run(store, "counterparts", {"region": None})}, whole_graph=True)


def lead_matters(store: Store) -> list[Row]:
    """The matters with a lead, each with `parties`: its leading and assisting departments, vague ones left out."""
    return cached(store, ("lead_matters",),
                  lambda: _with_parties(store, merged_lead_matters(catalog.run(store, "lead_matters"))),
                  whole_graph=True)


def _matter_index(store: Store) -> _MatterIndex:
    return cached(store, ("matter_index",),
                  lambda: _MatterIndex(lead_matters(store), _split_matters(store), duty_model(store)),
                  whole_graph=True)


def _split_matters(store: Store) -> list[Row]:
    """Each city's 事权划分 matters with the regions that hold them (no lead: they name a cluster's matter, they never
    settle it)."""
    return [{"matter": name, "region": city, "leads": [], "holders": frozenset(row["region"] for row in rows)}
            for city in cities(store)
            for name, rows in sorted(holdings_by_matter(store, city).items())]


def _duty_terms(store: Store) -> dict[str, tuple[str, ...]]:
    """Each duty's content terms by uid, as who_handles's evidence index holds them (segmented at ingest)."""
    return cached(store, ("duty_terms",), lambda: {
        item.key: item.content for item in evidence_index(store).evidence if item.kind in ("duty", "office_duty")},
        whole_graph=True)


def _with_parties(store: Store, matters: list[Row]) -> list[Row]:
    parties: dict[tuple[str, str], set[str]] = {}
    for row in catalog.run(store, "matter_parties", {"region": None}):
        if not row["vague"]:
            parties.setdefault((row["region"], same_matter_key(row["matter"])), set()).add(row["department"])
    return [{**matter, "parties": frozenset(parties.get((matter["region"], same_matter_key(matter["matter"])), ()))}
            for matter in matters]


def duty_model(store: Store) -> SimilarityModel:
    """Term weights over every text that says what a department does (as ingest linked them), from the
    texts who_handles indexes: the graph is read for them once."""
    return cached(store, ("duty_model",), lambda: SimilarityModel.fit_terms(
        (item.content, item.department_uid) for item in evidence_index(store).evidence), whole_graph=True)


def multi_lead_matters(store: Store, region: str | None = None) -> list[Row]:
    """多头管 from the lists and clauses: matters with more than one lead department."""
    return [row for row in merged_lead_matters(catalog.run(store, "lead_matters"))
            if len(row["leads"]) > 1 and within_region(store, row["region"], region)]
