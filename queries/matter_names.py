"""One shared matter under several wordings: documents name a matter each in their own words (私屠滥宰查处 in one
三定, 查处私屠滥宰行为 in another), and a disagreement on its lead is only seen when the wordings are read as one.
Only a reordering, or words that frame a name without changing it, make two wordings one matter: a character
of difference (进入市场前 / 进入市场后) is another matter."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz

from graph.store import Row

_NAME_FRAME = re.compile(r"行为|工作|有关|相关|的|等|[\s，,。.；;：:、（）()“”\"'《》]")


def same_matter_key(name: str) -> str:
    """What two wordings of one matter share: its characters, in any order, without the words that frame it."""
    return "".join(sorted(_NAME_FRAME.sub("", name)))


# rapidfuzz ratio (0–100) from which two names left unpaired are one matter reworded: a character or two of a
# name of eight or more (设置管理 / 设置和管理: 94), not two matters sharing a word (…监督检查: below 70; 农村 /
# 城镇环境卫生日常保洁: 80).
RENAMED_SCORE = 85.0

Named = TypeVar("Named")


def folded(name: str) -> str:
    """A name without its spaces: one name however a cell spaced it."""
    return "".join(name.split())


def paired(before: Sequence[Named], after: Sequence[Named], name: Callable[[Named], str]
           ) -> tuple[list[tuple[Named, Named]], list[Named], list[Named]]:
    """One matter named in two lists, each item paired once: the same name (give or take spaces), else the same
    matter in other words (`same_matter_key`), else the closest name left at `RENAMED_SCORE` or more, first with
    first. The pairs, and the items of `before` and of `after` left unpaired, in their order."""
    pairs: list[tuple[Named, Named]] = []
    left, right = list(before), list(after)
    for same in (folded, same_matter_key):
        _pair_by(left, right, pairs, lambda item, same=same: same(name(item)))
    scored = sorted(((fuzz.ratio(folded(name(old)), folded(name(new))), i, j)
                     for i, old in enumerate(left) for j, new in enumerate(right)), key=lambda s: (-s[0], s[1], s[2]))
    taken_left: set[int] = set()
    taken_right: set[int] = set()
    for score, i, j in scored:
        if score >= RENAMED_SCORE and i not in taken_left and j not in taken_right:
            pairs.append((left[i], right[j]))
            taken_left.add(i)
            taken_right.add(j)
    return (pairs, [item for i, item in enumerate(left) if i not in taken_left],
            [item for j, item in enumerate(right) if j not in taken_right])


def _pair_by(left: list[Named], right: list[Named], pairs: list[tuple[Named, Named]], key: Callable[[Named], str]
             ) -> None:
    """Pair the items of one `key`, first with first, and take them out of `left` and `right`."""
    waiting: dict[str, list[int]] = defaultdict(list)
    for j, item in enumerate(right):
        waiting[key(item)].append(j)
    taken: set[int] = set()
    kept: list[Named] = []
    for item in left:
        match = waiting.get(key(item))
        if match:
            j = match.pop(0)
            pairs.append((item, right[j]))
            taken.add(j)
        else:
            kept.append(item)
    left[:] = kept
    right[:] = [item for j, item in enumerate(right) if j not in taken]


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
