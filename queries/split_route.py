"""split_route: a complaint asked within a county about a matter the city's 市县事权划分清单 gives one level alone.

A 12345 dispatcher reads the split list before the scores: a 市级专有 matter (港口经营许可) goes up to the city's
department though a district department's duties meet the complaint almost as well, unless the district's own 权责清单
lists the power (then the list's word and the district's disagree, and the district's department keeps it); a
县级专有 matter stays with the county's department though the city's scores higher. The matter is met only when the
complaint says every word of its name (`power_split.same_matter`, the conflicts' own test): a complaint naming a
matter's object alone (码头) is no ground to override the scores."""

from __future__ import annotations

from dataclasses import dataclass

from graph.store import Row, Store
from ingest.content import content_terms
from queries.handling_rows import before_evidence
from queries.labels import SHARE_LABELS
from queries.lookup import city_of, place_name, region_levels
from queries.power_split import Holders, domain_of, holdings_by_matter, same_matter, share_of
from queries.sources import document_titles, readable_source

# The shares that send a matter to one level alone.
ALONE = ("city_exclusive", "county_exclusive")
# How many of the holding region's departments are read for the one the split names: beyond the answer's limit, as
# a county-only matter's department may score low on the complaint (that is why the rule is needed).
SPLIT_DEPTH = 20


@dataclass(frozen=True)
class SplitHolder:
    matter: str
    share: str  # city_exclusive or county_exclusive
    region: str  # the region whose department does the work: the city, or the county asked of
    county: str  # the county asked of (the answer's first row may be one of its townships')
    department: str
    source: str  # the split list's row giving that region the matter


def split_holder(store: Store, text: str, region: str | None) -> SplitHolder | None:
    """The department the split list sends the complaint to, asked within `region` (a county or district of a
    city); None when the complaint names no matter one level holds alone, or the split names no department for it.
    Of several matters named, the one of most words (the more specific) decides."""
    if not text or not region or region_levels(store).get(region) != "county":
        return None
    city = city_of(store, region)
    if city is None:
        return None
    said = set(content_terms(text))  # read once, not once a matter of the split
    named = sorted(((matter, rows) for matter, rows in holdings_by_matter(store, city).items()
                    if same_matter(matter, text, "", said)),
                   key=lambda pair: (-len(set(content_terms(pair[0]))), pair[0]))
    holders: dict[str, Holders] = {}  # one a domain: each reads its regions' items and departments once
    for matter, rows in named:
        share = share_of(rows, city)
        holding = city if share == "city_exclusive" else region
        row = next((row for row in rows if row["region"] == holding), None)
        if share not in ALONE or row is None:  # shared, delegated, or not a matter of this county
            continue
        domain = domain_of(rows)
        of_domain = holders.setdefault(domain, Holders(store, domain))
        if share == "city_exclusive" and of_domain.of(matter, region)["department_basis"] == "power_item":
            continue  # the county's own 权责清单 lists the power: its department keeps what the scores give it
        department = of_domain.of(matter, holding)["department"]
        if department:
            return SplitHolder(matter, share, holding, region, department, row["source"])
    return None


def split_first(store: Store, holder: SplitHolder, rows: list[Row], holding: list[Row], limit: int) -> list[Row]:
    """`rows` (ranked within the county) with the split's department first, from `holding` (its region's ranking),
    carrying `power_split`, the note citing the split list's row, and in no tie: the list settles it. Unchanged
    when the department's evidence does not meet the complaint at all (no row to show)."""
    found = holder_row(holder, holding)
    if found is None:
        return rows
    cited = readable_source(holder.source, document_titles(store))
    unheld = f"，{place_name(holder.county)}的部门无此权责事项" if rows and holder.share == "city_exclusive" else ""
    note = (f"{holder.matter}为{SHARE_LABELS[holder.share]}事项{unheld}，由{holder.department}办理（{cited}）")
    others = [row for row in rows if (row["department"], row["region"]) != (holder.department, holder.region)]
    ordered = [before_evidence(found, {"tie": False, "power_split": note}), *others]
    return [{**row, "rank": number} for number, row in enumerate(ordered[:limit], start=1)]


def holder_row(holder: SplitHolder, rows: list[Row]) -> Row | None:
    """The row of the split's department among `rows`, None where it is not one of them."""
    return next((row for row in rows if (row["department"], row["region"]) == (holder.department, holder.region)),
                None)



