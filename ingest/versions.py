"""Which loaded list a list read now is a new version of: a corrected list replaces the one loaded before.

A list is a document of its content (`records.document_uid`), so a corrected copy was a second document beside the
first: the first's 牵头 stayed beside the corrected one (two leads, read as 文件间牵头部门不一致) and its deleted rows
stayed in every finding (user test). A list is a new version of a loaded one of the same kind and region when it
has the same title (and the same sheets' titles, so that one department's list does not replace a workbook of
several), or, untitled, the same file name give or take a version mark (`清单_v2.xlsx`, `清单（修订）.xlsx`,
`清单 (1).xlsx`; not a bare number: `目录_1.csv` and `目录_2.csv` are two parts), or was loaded from the same path. 三定 are not replaced: their versions stand side by side, dated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from graph.store import Store

# The marks an office adds to a file's name when it saves a corrected copy beside the old one.
_VERSION_MARK = re.compile(
    r"(?:[\s_\-－—.]*(?:[vV]|ver|版本|第)\s*\d{1,3}\s*版?|[\s_\-－—]*\d{1,3}\s*版"
    r"|[\s_\-－—]*[（(][^（）()]*(?:修订|修改|更正|调整|最新|终稿|定稿|新|\d+)[^（）()]*[）)]"
    r"|[\s_\-－—]*(?:修订版?|修改版?|更正版?|调整版?|最新版?|终稿|定稿|新版|副本|- 副本))+$")

_HELD_LISTS = ("MATCH (d:Document) WHERE NOT d.kind IN ['sanding', 'amendment'] "
               "RETURN d.uid AS uid, d.path AS path, d.title AS title, d.kind AS kind, d.region AS region, "
               "coalesce(d.sheet_titles, []) AS sheet_titles ORDER BY uid")


def file_stem(path: str) -> str:
    """A file's name without its version mark, with its suffix: `清单_v2.xlsx` and `清单.xlsx` are one list's."""
    name = PurePath(path).name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    bare = _VERSION_MARK.sub("", stem) or stem
    return f"{bare}.{suffix.lower()}" if dot else bare


@dataclass(frozen=True)
class ListIdentity:
    """What makes two lists versions of one: their kind, region, and their title or else their file's name."""

    kind: str
    region: str
    title: str
    sheet_titles: tuple[str, ...]
    path: str

    def key(self) -> tuple[str, ...]:
        named = ("title", self.title, *sorted(self.sheet_titles)) if self.title else ("file", file_stem(self.path))
        return (self.kind, self.region, *named)


@dataclass(frozen=True)
class HeldList:
    uid: str
    identity: ListIdentity


def held_lists(store: Store) -> list[HeldList]:
    return [HeldList(row["uid"], ListIdentity(row["kind"] or "", row["region"] or "", row["title"] or "",
                                              tuple(title for title in row["sheet_titles"] if title),
                                              row["path"] or ""))
            for row in store.read(_HELD_LISTS)]


def earlier_versions(held: Sequence[HeldList], uid: str, identity: ListIdentity) -> list[HeldList]:
    """The loaded lists the list `uid` replaces: another document of its kind and region, with its title (or file
    name), or loaded from its path."""
    return [other for other in held if other.uid != uid and (
        other.identity.key() == identity.key()
        or (other.identity.path == identity.path and other.identity.kind == identity.kind
            and other.identity.region == identity.region))]
