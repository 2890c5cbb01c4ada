"""A complaint asked of a province (a province's 12345): which place's departments handle it.

A province's departments guide and license; the complaints of a street (a 小区's noise, 占道经营) are the cities' and
counties' work. So, asked of a province:
- a complaint naming one place of the graph below it (a city, county, township or street, by its name as the graph
  holds it) is ranked within that place (a township within its county, whose candidates it is among: who_handles puts
  a township the text names first where a 属地 list or 赋权清单 gives it the work);
- one naming none is the province's own only when its department is sure of it and no department below holds it as
  surely (within the tie margin of its score): work the province reserves (高速公路超限运输许可);
- else the departments below it are ranked together, each row `place_unnamed`: the place where it happened decides
  whose it is (需确定事发地), as `township_unnamed` says it of work given to the townships.
"""

from __future__ import annotations

from typing import Protocol

from graph.store import Row, Store
from queries.handling_rows import before_evidence
from queries.lookup import current_region, region_levels, region_successors, within


class Ranker(Protocol):
    """who_handles' rows with its notes, ranked within `region` (with `below`, among the regions under it)."""

    def __call__(self, region: str | None, limit: int, below: bool = False) -> list[Row]: ...


# The departments below a province looked at to judge whether it reserves the work.
BELOW_LOOKED_AT = 20


def is_province(store: Store, region: str | None) -> bool:
    return region is not None and region_levels(store).get(region) == "province"


def named_place(store: Store, text: str, province: str) -> str | None:
    """The region below `province` that `text` names to rank within: the deepest region named (示例市河西区滨江街道 →
    its street), a township's county; None when it names none, or places on different branches (南屿市 and 示例市).
    Read as the regions are now: a county made a district (撤县设区) and its townships are the district's, so that a
    township the graph holds under both (城关镇, by the county's list and the district's) is one place, not two."""
    successors = region_successors(store)
    named = {current_region(path, successors): level for path, level in region_levels(store).items()
             if level in ("city", "county", "township") and within(path, province) and path != province
             and path.rsplit("/", 1)[-1] in text}
    deepest = [path for path in named if not any(other.startswith(path + "/") for other in named)]
    if len(deepest) != 1:
        return None
    [place] = deepest
    return place.rsplit("/", 1)[0] if named[place] == "township" else place


def _sure(row: Row) -> bool:
    return not row["weak"] and not row["holds_no_duties"]


def reserved(own: list[Row], below: list[Row], margin: float) -> bool:
    """Whether the province's first department holds the work itself: sure of it, and no department below it sure
    of it at a score within `margin` of its own (the cities' 市场监管局 supervise a lift as the province's does)."""
    if not own or not _sure(own[0]):
        return False
    floor = (1 - margin) * own[0]["score"]
    return not any(_sure(row) and row["score"] >= floor for row in below)


def province_ranked(text: str, province: str, place: str | None, limit: int, rank: Ranker,
                    margin: float) -> list[Row]:
    """who_handles' rows for `text` asked of `province` (see the module), each with `place_unnamed`. `place`: the
    region below it the text names (`named_place`, read once by the caller), or None."""
    if place is not None:
        return _flagged(rank(place, limit), False)
    own = rank(province, limit)
    # Judged on every department below looked at, cut to `limit` after: the verdict must not hang on how many rows
    # the caller asks for (dispatch asks 2, the page 5), nor a sure row just past the cut go unseen. Ranked among the
    # regions below alone: a tie with the province's own department, which no such row is, would be no tie.
    below = rank(province, BELOW_LOOKED_AT, True)
    if not below or reserved(own, below, margin):
        return _flagged(own, False)
    return _flagged(below[:limit], True)


def _flagged(rows: list[Row], unnamed: bool) -> list[Row]:
    return [before_evidence(row, {"place_unnamed": unnamed}) for row in rows]
