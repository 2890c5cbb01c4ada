"""A list's own date and 文号, read from the title rows above its header: a row that is only a date (`印发日期：
2023年5月10日`, `（2023年12月更新）`, `发布时间:2019-03-25 15:52`) or only a 文号 (`示政办发〔2023〕12号`) dates the
list and is no part of its title; else a year in the title (`示例市2023年权责清单`) dates it to that year; else a date
in the file's name (`清单_2025.csv`, `边界清单2024-03.xlsx`): an office saving each year's list untitled names the file
by its year. Versions of one list are ordered by it (ingest.versions.version_keys), load order where it does not tell
them apart."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from ingest.numerals import DOC_NUMBER

_ACTS = "印发|发布|公布|更新|调整|修订|编制|制定|公开|生效|施行"
_DATE_ROW = re.compile(
    rf"^[（(]?\s*(?:(?:{_ACTS})(?:日期|时间)?\s*[:：]?\s*)?(\d{{4}})\s*[年\-/.]\s*(\d{{1,2}})\s*(?:月|[\-/.]|$)"
    rf"\s*(?:(\d{{1,2}})\s*日?)?\s*(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\s*(?:{_ACTS})?\s*[)）]?$")
_DOC_NUMBER_ROW = re.compile(rf"^[（(]?\s*({DOC_NUMBER.pattern})\s*[)）]?$")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
# A year in a file's name, with the month and day that may follow it (`2025`, `2025年度`, `2024_03`, `2024-03-01`);
# not inside a longer number, and a number past 12 after the year is no month (`目录_2025_30`: part 30).
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*(?:[\-_.]|年)\s*(0?[1-9]|1[0-2])(?!\d)\s*月?"
                        r"(?:\s*(?:[\-_.]|月)?\s*(0?[1-9]|[12]\d|3[01])(?!\d)\s*日?)?|\s*年(?:度|版)?)?(?!\d)")


@dataclass(frozen=True)
class TitleRows:
    title: str
    issued: str = ""  # the date row's date, ISO (`2023-05-10`, or `2023-05` where it gives no day)
    doc_number: str = ""


def row_date(line: str) -> str:
    """The date a row that is only a date gives, ISO (`2023-05-10`, or `2023-05` where it gives no day); ''."""
    date = _DATE_ROW.match(re.sub(r"\s+", " ", line).strip())
    if date is None:
        return ""
    year, month, day = date.groups()
    return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")


def row_doc_number(line: str) -> str:
    """The 文号 a row that is only a 文号 gives (`示政办发〔2023〕12号`); ''."""
    number = _DOC_NUMBER_ROW.match(re.sub(r"\s+", " ", line).strip())
    return number.group(1) if number else ""


def read_title_rows(lines: list[str]) -> TitleRows:
    """The title rows' title (the other rows joined), date and 文号."""
    kept: list[str] = []
    issued = doc_number = ""
    for line in lines:
        date, number = row_date(line), row_doc_number(line)
        if date and not issued:
            issued = date
        elif number and not doc_number:
            doc_number = number
        else:
            kept.append(line)
    return TitleRows(" ".join(kept), issued, doc_number)


@dataclass(frozen=True)
class ListDate:
    """What a list is dated by: `value` (ISO, or a bare year) and how it was read, '' for neither."""

    value: str = ""
    basis: str = ""  # "date row" (its title rows' 印发/更新 date) or "title year"

    @property
    def year(self) -> str:
        return self.value[:4]

    def said(self) -> str:
        """The date and how it was read, in Chinese and English, for the ingest summary."""
        if self.basis == "date row":
            return f"清单所署日期 {self.value} / the list's own date {self.value}"
        if self.basis == "title year":
            return f"标题中的年份 {self.value}年 / the year in its title {self.value}"
        if self.basis == "file name":
            return f"文件名中的日期 {self.value} / the date in its file's name {self.value}"
        return ""


def list_date(title: str, issued: str, path: str = "") -> ListDate:
    if issued:
        return ListDate(issued, "date row")
    years = _TITLE_YEAR.findall(title)
    if years:
        return ListDate(years[-1], "title year") if len(set(years)) == 1 else ListDate()
    return file_name_date(path)


_FILE_DATE_MARK = re.compile(rf"[\s_\-－—.]*(?:{_FILE_DATE.pattern})")  # with the separator before it


def version_date(version: Mapping[str, Any]) -> str:
    """A loaded list version's date as ingest ordered it (`list_date`), from its Document's or ListVersion's `title`,
    `issued` and `path`; '' for none. Its `issued` alone is its date row's: a version known by its title's year read
    as undated to the analyses of versions (tenure, list_changes)."""
    return list_date(version.get("title") or "", version.get("issued") or "", version.get("path") or "").value


def file_name_date(path: str) -> ListDate:
    """The one date a file's name carries (ISO, as far as it goes); none where it carries none or several."""
    found = {_iso(*match.groups()) for match in _FILE_DATE.finditer(PurePath(path).stem)}
    return ListDate(found.pop(), "file name") if len(found) == 1 else ListDate()


def without_file_date(stem: str) -> str:
    """A file's name without the date it carries: `清单_2025` and `清单_2026` name one list's yearly files."""
    return _FILE_DATE_MARK.sub("", stem) or stem


def _iso(year: str, month: str | None, day: str | None) -> str:
    return year + "".join(f"-{int(part):02d}" for part in (month, day) if part)
