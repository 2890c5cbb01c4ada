"""counterpart_duties: a county department's duties one by one beside those of the city department it mirrors
(上下对口, `COUNTERPART`): each county duty with the city duty most like it and the score (mirrored from the
threshold on), then the city duties no county duty comes near. A drafter of the county's 三定 sees what it took
over from the city's (mirrored), what it states alone (county_only) and what of the city's it leaves out
(city_only). Asked of a city department, it answers for each county department that mirrors it.

Duties every department states (机关党建, 交办的其他任务: the boilerplate flag) mirror nothing and are left out, as
every finding leaves them out. The city's duty that guides and the county's that does the same work score alike
(`ingest.similarity` reads the city-guides / county-does pattern as one work), which is what mirroring means
here."""

from __future__ import annotations

from graph.store import Row, Store
from ingest.similarity import DEFAULT_THRESHOLD
from queries import catalog
from queries.duty_pairs import Clause, clause_of, scored
from queries.lookup import find_department

MIRRORED, COUNTY_ONLY, CITY_ONLY = "mirrored", "county_only", "city_only"
SCORE_DIGITS = 3


def counterpart_duties(store: Store, department: str, threshold: float = DEFAULT_THRESHOLD) -> list[Row]:
    """`department`: a name or uid (`find_department`). No rows when it mirrors no department and none mirrors it.
    A county department mirroring several (a 文化广电旅游体育局 where the city has a 文化广电和旅游局 and a 体育局) is
    set beside them all at once: each of its duties once, with the nearest of any of theirs (user test of two cities:
    its culture duties read as 县级独有 beside the 体育局); asked of one of those city departments, the city duties
    left out are that department's."""
    uid = find_department(store, department)["uid"]
    rows: list[Row] = []
    asked = catalog.run(store, "department_counterparts", {"department": uid})
    for county in dict.fromkeys(pair["county_uid"] for pair in asked):
        pairs = asked if county == uid else [
            pair for pair in catalog.run(store, "department_counterparts", {"department": county})
            if pair["county_uid"] == county]
        cities = [(pair, main_duties(store, pair["city_uid"])) for pair in pairs]
        shown = {pair["city_uid"] for pair in pairs if county == uid or pair["city_uid"] == uid}
        rows.extend(_compared(main_duties(store, county), cities, shown, threshold))
    return rows


def main_duties(store: Store, uid: str) -> list[Clause]:
    """A department's own duties in force (not its offices'), boilerplate left out."""
    return [clause_of(row) for row in catalog.run(store, "sanding_duties", {"department": uid})
            if not row["office"] and not row["boilerplate"]]


def _compared(county: list[Clause], cities: list[tuple[Row, list[Clause]]], shown: set[str],
              threshold: float) -> list[Row]:
    """The county's duties beside every city department it mirrors (`cities`: each pair with its duties), then the
    duties of those in `shown` (uids) that no county duty comes near."""
    city = [(pair, duty) for pair, duties in cities for duty in duties]
    scores = scored(county, [duty for _, duty in city])
    rows = []
    for i, duty in enumerate(county):
        # The highest score, the earlier city duty on a tie (the first city department's, as the query orders them).
        best = max(range(len(city)), key=lambda j: (scores[i][j], -j), default=None)
        if best is None:
            rows.append(_row(cities[0][0], COUNTY_ONLY, duty, None, None))
        else:  # the nearest city duty even below the threshold: its score says how far the county went its own way
            relation = MIRRORED if scores[i][best] >= threshold else COUNTY_ONLY
            rows.append(_row(city[best][0], relation, duty, city[best][1], scores[i][best]))
    near = {j for row in scores for j, score in enumerate(row) if score >= threshold}
    rows.extend(_row(pair, CITY_ONLY, None, duty, None) for j, (pair, duty) in enumerate(city)
                if j not in near and pair["city_uid"] in shown)
    return rows


def _row(pair: Row, relation: str, county: Clause | None, city: Clause | None, score: float | None) -> Row:
    return {"county_department": pair["county_department"], "county": pair["county"],
            "city_department": pair["city_department"], "relation": relation,
            "county_ordinal": county.ordinal if county else None, "county_duty": county.text if county else "",
            "city_ordinal": city.ordinal if city else None, "city_duty": city.text if city else "",
            "score": round(score, SCORE_DIGITS) if score is not None else None,
            "county_source": county.source if county else "", "city_source": city.source if city else ""}
