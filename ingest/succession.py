"""The 机构改革 sentences of a 三定's opening articles: which bodies the document's department replaced, and how.

Real 三定 say it before the duties (FORMATS §1b): `将青山县城市管理局更名为青山县城市管理和综合执法局` (renamed),
`将县城市管理局的职责……整合，组建县城市管理和综合执法局……不再保留县城市管理局` (merged: a body formed of several),
`将县城市管理局的职责划入县城市管理和综合执法局` (absorbed). A body that merely works with it (`与…合署办公`) stays,
and a body that gave part of its work (`将县住建局的城市管理执法职责整合`) stays too: neither is a succession.
Pure: text in, `Succession` records out; the names are resolved where the document is placed (ingest.records).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.model import Located, Succession
from ingest.names import base_of, clean_mention
from ingest.regions import split_region_prefix

_SUFFIX = r"(?:委员会|办公室|管理局|局|委|厅|署|办|中心|大队|支队)"
# A body's name: Han characters, never 的 (`A局的X职责和B局` is no name), ending as bodies' names end.
_NAME = rf"(?:(?!的)[\u4e00-\u9fff（）()]){{1,40}}?{_SUFFIX}"
_SELF = r"(?:本局|本委|本部门|本机关|本单位)"
_RENAMED = re.compile(rf"将(?P<old>{_NAME})(?:整体)?更名为(?P<new>{_NAME}|{_SELF})")
# `X的职责` with nothing between 的 and 职责 (or 全部/各项): all of X's work, not a piece of it.
_WHOLE_DUTIES = re.compile(rf"(?:^将?|将|、|和|及|以及|，|,)(?P<name>{_NAME})的(?:全部|各项)?职责(?![\u4e00-\u9fff]*?牌子)")
_MOVED_INTO = re.compile(rf"(?:划入|并入|划归|整合到|整合至|整合进|整合划入)(?P<new>{_NAME}|{_SELF})")
_FORMED = re.compile(rf"(?:组建|设立|成立)(?P<new>{_NAME})")
_NO_LONGER = re.compile(r"不再保留(?P<names>[^。；;，,]+)")
_SENTENCES = re.compile(r"[^。；;]+[。；;]?")
_LIST_SPLIT = re.compile(r"[、]|(?<=[局委办室厅署心队])(?:和|及|与)")


def read_successions(lines: Iterable[tuple[int, str, str]], department: str, plates: Iterable[str] = ()
                     ) -> list[Succession]:
    """`lines`: (line number, locator, text) of the articles before the duties. `department`: the document's own
    department, as its title names it; `plates`: its other names. One record per predecessor, in the order named."""
    own = {base_of(name) for name in (department, *plates)}
    own_regions = {region for name in (department, *plates) for region in _regions_written(name)}

    def is_own(name: str) -> bool:
        if re.fullmatch(_SELF, name):
            return True
        if base_of(name) not in own:
            return False
        # The same base name written after another region is another body: 撤县设区 renames every department
        # (将青山县农业农村局更名为示例市青山区农业农村局), and read as the department itself the rename was lost.
        written = _regions_written(name)
        return not written or not own_regions or written[-1] in own_regions

    renamed: list[Succession] = []
    whole: list[Succession] = []  # bodies all of whose work came here (whole duties, or no longer kept)
    formed = False
    for number, locator, text in lines:
        for sentence in (match.group(0).strip() for match in _SENTENCES.finditer(text)):
            if "合署" in sentence:
                continue  # 与…合署办公: two bodies working as one, both kept
            where = Located(number, locator)
            for match in _RENAMED.finditer(sentence):
                # One rename said twice (a notice's 经研究决定，将A更名为B and its item) is one succession.
                if is_own(match.group("new")) and not is_own(match.group("old")) \
                        and base_of(match.group("old")) not in {base_of(record.predecessor) for record in renamed}:
                    renamed.append(Succession(match.group("old"), "renamed", sentence, where))
            formed = formed or any(is_own(match.group("new")) for match in _FORMED.finditer(sentence))
            moved_here = any(is_own(match.group("new")) for match in _MOVED_INTO.finditer(sentence))
            if moved_here or _FORMED.search(sentence) or "整合" in sentence:
                whole += [Succession(name, "", sentence, where) for match in _WHOLE_DUTIES.finditer(sentence)
                          for name in _split_names(match.group("name")) if not is_own(name)]
            for match in _NO_LONGER.finditer(sentence):
                if not match.group("names").endswith("牌子"):
                    whole += [Succession(name, "", sentence, where) for name in _split_names(match.group("names"))
                              if re.fullmatch(_NAME, name) and not is_own(name)]
    named = {base_of(record.predecessor) for record in renamed}
    found = list(renamed)
    for record in whole:
        if base_of(record.predecessor) not in named:
            named.add(base_of(record.predecessor))
            found.append(Succession(record.predecessor, "merged" if formed else "absorbed", record.text, record.where))
    return found


def _regions_written(name: str) -> tuple[str, ...]:
    """The regions a name is written after (`示例市青山区农业农村局` → 示例市, 青山区), none for `区农业农村局`."""
    return split_region_prefix(clean_mention(name))[0]


def _split_names(text: str) -> list[str]:
    """`县城市管理局、县综合行政执法局` → both; `城市管理和综合执法局` stays one (和 splits only after a body's suffix)."""
    return [name.strip("等") for name in _LIST_SPLIT.split(text.strip()) if name.strip("等")]
