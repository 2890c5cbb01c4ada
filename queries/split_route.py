"""split_route: a complaint about a matter of the city's 市县事权划分清单, routed as the list divides it.

A 12345 dispatcher reads the split list before the scores. Asked within a county or district:
- a 市级专有 matter (港口经营许可) goes up to the city's department though a district department's duties meet the
  complaint almost as well, unless the district's own 权责清单 lists the power (then the list's word and the
  district's disagree, and the district's department keeps it);
- a 县级专有 matter stays with the county's department though the city's scores higher; so does a 市县共有 one (the
  note says the city and county share it, and how the list divides the work, where it does) and one the city 委托
  (or 下放) to the county, the note saying so.
Asked of the city itself, a 县级专有 matter is no department's of the city, nor is one the city 委托 its counties
(it handed the work to them): the counties' departments that hold it are its rows, each saying that the county where
it happened decides (`place_unnamed`, 需确定事发地所在县（区）), unless one county holds it or the text names one.

A matter is named when the complaint says each of its words but the paperwork's (申请, 核发, 许可证, 补办 …: 申请港口
经营许可 is asked as 港口经营许可证怎么办), and its words are more than the kinds of work many matters share (经营,
许可, 备案): a complaint naming a matter's object alone (码头) or a word it shares with others is no ground to override
the scores."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from graph.store import Row, Store
from ingest.aspects import ACTS, DIMENSIONS, FACETS, STAGES
from ingest.content import content_terms
from queries.approvals import APPROVAL_STEPS, about_conduct, approval_only
from queries.handling_rows import before_evidence
from queries.labels import SHARE_LABELS
from queries.lookup import city_of, place_name, region_levels
from queries.power_split import Holders, domain_of, holdings_by_matter, share_of
from queries.search import PAPERWORK_VERBS
from queries.sources import document_titles, readable_source

# How many of the holding region's departments are read for the one the split names: beyond the answer's limit, as
# a county-only matter's department may score low on the complaint (that is why the rule is needed).
SPLIT_DEPTH = 20
# What is done with a matter's papers, not which matter it is: a list names the matter by its procedure (申请…,
# …许可证核发), a caller by the thing sought.
_PAPERWORK = PAPERWORK_VERBS | APPROVAL_STEPS
# The kinds of work a matter's name says beside its object (ingest.aspects' markers: 许可, 经营, 备案, 养护 …), which
# many matters share: a matter whose words are only these (许可证补办) is not named by a complaint saying them.
_KINDS = frozenset(word for table in (FACETS, STAGES, DIMENSIONS, ACTS) for words in table.values() for word in words)


@dataclass(frozen=True)
class SplitHolder:
    matter: str
    share: str  # city_exclusive, county_exclusive, shared or delegated
    region: str  # the region whose department does the work: the city, or a county
    county: str  # the county asked of, or holding the matter where the city was asked of
    department: str
    source: str  # the split list's row giving that region the matter
    division: str = ""  # a shared matter's division of work, as the list states it
    place_unnamed: bool = False  # asked of the city, several counties hold the county-only or 委托 matter
    # Asked of the city, the counties sharing a 市县共有 matter with it, or holding a county-only or 委托 one where
    # the place is unnamed.
    sharers: tuple[str, ...] = ()


@lru_cache(maxsize=4096)
def matter_words(matter: str) -> frozenset[str]:
    """The words a complaint must say to name `matter`: its content terms without the paperwork's."""
    return frozenset(content_terms(matter)) - _PAPERWORK


def names_matter(matter: str, said: set[str]) -> bool:
    """Whether a complaint saying the terms `said` names `matter` (see the module)."""
    words = matter_words(matter)
    return bool(words - _KINDS) and words <= said


@lru_cache(maxsize=4096)
def _approval_matter(matter: str) -> bool:
    """`approval_only`, kept: read for every matter of the city's split on each complaint."""
    return approval_only(matter)


def named_matters(store: Store, text: str, city: str) -> list[tuple[str, list[Row]]]:
    """The matters of the city's split the text names, with their HOLDS rows; the more specific (of more words)
    first, as it decides."""
    said = set(content_terms(text))  # read once, not once a matter of the split
    # 审管分离: a complaint about a party's conduct names no approval matter, though it says the licence's words
    # (排污许可证执行情况的检查 is not 排污许可证核发, whose level would send an inspection up to the city).
    conduct = about_conduct(text)
    return sorted(((matter, rows) for matter, rows in holdings_by_matter(store, city).items()
                   if names_matter(matter, said) and not (conduct and _approval_matter(matter))),
                  key=lambda pair: (-len(matter_words(pair[0])), pair[0]))


def split_holder(store: Store, text: str, region: str | None) -> SplitHolder | None:
    """The department the split list sends the complaint to, asked within `region` (a county or district of a
    city); None when the complaint names no matter of the split this county holds or the city holds alone, or the
    split names no department for it."""
    if not text or not region or region_levels(store).get(region) != "county":
        return None
    city = city_of(store, region)
    if city is None:
        return None
    holders: dict[str, Holders] = {}  # one a domain: each reads its regions' items and departments once
    for matter, rows in named_matters(store, text, city):
        share = share_of(rows, city)
        holding = city if share == "city_exclusive" else region
        row = next((row for row in rows if row["region"] == holding), None)
        if row is None:  # not a matter of this county
            continue
        domain = domain_of(rows)
        of_domain = holders.setdefault(domain, Holders(store, domain))
        if share == "city_exclusive" and of_domain.of(matter, region)["department_basis"] == "power_item":
            continue  # the county's own 权责清单 lists the power: its department keeps what the scores give it
        department = of_domain.of(matter, holding)["department"]
        if department:
            return SplitHolder(matter, share, holding, region, department, row["source"],
                               division_of(rows, city, region) if share == "shared" else "")
    return None


def city_holders(store: Store, text: str, city: str, place: str | None) -> list[SplitHolder]:
    """Asked of `city`, the holders of the matter the text names (of several, the one of most words decides): the
    counties' departments when it is 县级专有 or one the city 委托 its counties (`county_holders`: the city handed
    the work to them, so the county where it happened does it), the city's own department when it is 市级专有 or
    市县共有 (`own_holder`); none for one no department is found for, or none named."""
    named = named_matters(store, text, city)
    if not named:
        return []
    matter, rows = named[0]
    share = share_of(rows, city)
    if share in {"county_exclusive", "delegated"}:
        return county_holders(store, matter, [row for row in rows if row["region"] != city], place, share)
    own = own_holder(store, matter, rows, city, share) if share in {"city_exclusive", "shared"} else None
    return [own] if own is not None else []


def county_holders(store: Store, matter: str, rows: list[Row], place: str | None, share: str) -> list[SplitHolder]:
    """The counties' departments holding `matter` (`rows`, the counties' HOLDS rows), county-only or 委托 by the
    city (`share`), a holder a county, each `place_unnamed` where the list gives it to several, with those counties
    (`sharers`). Where the text names a county (`place`), that county's alone: none where the list does not give it
    the matter or its department is not known, rather than another county's."""
    # The counties the list gives the matter decide whether the place must be found, not those whose department is
    # known: a county whose 交通运输局 is not loaded still holds it, and a call of the city may be that county's.
    # A county the text names is where it happened: its row alone, none where the list does not give it the matter
    # (another county's department is no answer to it).
    holding = [row for row in rows if row["region"] == place] if place else rows
    counties = tuple(row["region"] for row in holding) if len(holding) > 1 else ()
    of_domain = Holders(store, domain_of(rows))
    found = [SplitHolder(matter, share, row["region"], row["region"],
                         of_domain.of(matter, row["region"])["department"], row["source"],
                         place_unnamed=bool(counties), sharers=counties) for row in holding]
    return [holder for holder in found if holder.department]


def own_holder(store: Store, matter: str, rows: list[Row], city: str, share: str) -> SplitHolder | None:
    """The city's department the split names for `matter`, which the city holds alone or shares (`share`) with the
    counties of `rows`; None where the list gives the city no row of it or no department of the city is found."""
    row = next((row for row in rows if row["region"] == city), None)
    department = Holders(store, domain_of(rows)).of(matter, city)["department"] if row is not None else ""
    if row is None or not department:
        return None
    if share == "city_exclusive":
        return SplitHolder(matter, share, city, city, department, row["source"])
    counties = tuple(sorted(row["region"] for row in rows if row["region"] != city))
    return SplitHolder(matter, share, city, city, department, row["source"], division_of(rows, city, None),
                       sharers=counties)


def division_of(rows: list[Row], city: str, county: str | None) -> str:
    """How the list divides a shared matter between `city` and `county` (None: all its counties, the city asked
    of): its 市级职责 and 县级职责, or the one 备注 that states both (ingest.lists reads it into each); '' where it
    states none. The counties' 县级职责 is said only where they all state the same."""
    city_text = next((row["text"] for row in rows if row["region"] == city), "")
    county_texts = {row["text"] for row in rows if row["region"] != city and county in {None, row["region"]}}
    county_text = county_texts.pop() if len(county_texts) == 1 else ""
    if city_text == county_text:
        return city_text
    return "；".join(f"{level}：{said}" for level, said in (("市级", city_text), ("县级", county_text)) if said)


def split_note(store: Store, holder: SplitHolder, unheld: bool) -> str:
    """The row's 市县事权划分说明, citing the list's row. `unheld`: the note says the level it does not send to
    has no such power: the county asked of, of a city-only matter ranked beside the county's rows; the city asked
    of, of a county-only one."""
    cited = readable_source(holder.source, document_titles(store))
    city = place_name(city_of(store, holder.county) or "")
    county = "、".join(map(place_name, holder.sharers or (holder.county,)))
    division = f"分工：{holder.division}" if holder.division else "清单未写明分工"
    said = {
        "city_exclusive": f"，{county}的部门无此权责事项" if unheld else "",
        "county_exclusive": f"，{city}的部门无此权责事项" if unheld else "",
        "shared": f"，{city}与{county}共同承担（{division}）",
        "delegated": f"，{city}委托{county}实施",
    }[holder.share]
    if holder.place_unnamed:
        return (f"{holder.matter}为{SHARE_LABELS[holder.share]}事项{said}，由事发地所在县（区）的部门办理，"
                f"需确定事发地所在县（区）（{cited}）")
    return f"{holder.matter}为{SHARE_LABELS[holder.share]}事项{said}，由{holder.department}办理（{cited}）"


def split_first(store: Store, holder: SplitHolder, rows: list[Row], holding: list[Row], limit: int) -> list[Row]:
    """`rows` (ranked within the county) with the split's department first, from `holding` (its region's ranking),
    carrying `power_split`, the note citing the split list's row, and in no tie: the list settles it. Unchanged
    when the department's evidence does not meet the complaint at all (no row to show)."""
    found = holder_row(holder, holding)
    if found is None:
        return rows
    note = split_note(store, holder, unheld=bool(rows) and holder.share == "city_exclusive")
    others = [row for row in rows if (row["department"], row["region"]) != (holder.department, holder.region)]
    return renumbered([before_evidence(found, {"tie": False, "power_split": note}), *others], limit)


def counties_first(store: Store, holders: list[SplitHolder], rows: list[Row], below: list[Row],
                   limit: int) -> list[Row]:
    """Asked of the city, a county-only matter: the holding counties' departments among `below` (the regions
    below the city ranked together), in their order, each with the split's note and `place_unnamed` where several
    counties hold it (a tie between two counties' is the scores' then, as a province's rows below it keep theirs);
    the city's `rows` unchanged where none of them is ranked (their evidence meets nothing of the text)."""
    found = [(row, holder) for row in below for holder in holders
             if (row["department"], row["region"]) == (holder.department, holder.region)]
    if not found:
        return rows
    return renumbered([before_evidence(row, {"tie": row["tie"] and holder.place_unnamed,
                                             "place_unnamed": holder.place_unnamed,
                                             "power_split": split_note(store, holder, unheld=True)})
                       for row, holder in found], limit)


def city_noted(store: Store, holder: SplitHolder, rows: list[Row]) -> list[Row]:
    """Asked of the city, a matter it holds alone or shares: `rows` (the city's ranking) as ranked, its department's
    row carrying the split's note; unchanged where that department is not among them."""
    return [{**row, "power_split": split_note(store, holder, unheld=False)}
            if (row["department"], row["region"]) == (holder.department, holder.region) else row for row in rows]


def renumbered(rows: list[Row], limit: int) -> list[Row]:
    return [{**row, "rank": number} for number, row in enumerate(rows[:limit], start=1)]


def holder_row(holder: SplitHolder, rows: list[Row]) -> Row | None:
    """The row of the split's department among `rows`, None where it is not one of them."""
    return next((row for row in rows if (row["department"], row["region"]) == (holder.department, holder.region)),
                None)
