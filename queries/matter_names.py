"""One shared matter under several wordings: documents name a matter each in their own words (私屠滥宰查处 in one
三定, 查处私屠滥宰行为 in another), and a disagreement on its lead is only seen when the wordings are read as one.
Only a reordering, or words that frame a name without changing it, make two wordings one matter: a character
of difference (进入市场前 / 进入市场后) is another matter."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from graph.store import Row

_NAME_FRAME = re.compile(r"行为|工作|有关|相关|的|等|[\s，,。.；;：:、（）()“”\"'《》]")


def same_matter_key(name: str) -> str:
    """What two wordings of one matter share: its characters, in any order, without the words that frame it."""
    return "".join(sorted(_NAME_FRAME.sub("", name)))


def matter_name(wordings: Iterable[str]) -> str:
    """The name a matter goes by in findings: the shortest of its wordings, then the first in order."""
    return min(wordings, key=lambda name: (len(name), name))


def merged_lead_matters(rows: list[Row]) -> list[Row]:
    """`lead_matters` rows with the wordings of one matter of a region merged: its name (`matter_name`) and every
    wording's leads, each once, in the order the query gives one wording's: by listing order (here, the place in
    its wording's list), then by name."""
    by_matter: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        by_matter[(row["region"], same_matter_key(row["matter"]))].append(row)
    merged: list[Row] = []
    for wordings in by_matter.values():
        name = matter_name(row["matter"] for row in wordings)
        places: dict[str, int] = {}
        for row in wordings:
            for place, lead in enumerate(row["leads"]):
                places[lead] = min(place, places.get(lead, place))
        merged.append({**wordings[0], "matter": name, "leads": sorted(places, key=lambda lead: (places[lead], lead))})
    return sorted(merged, key=lambda row: (row["region"], row["matter"]))
