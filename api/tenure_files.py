"""A department's duties over a leader's tenure (queries.tenure) as the files an auditor keeps: the same tables in
Markdown, Excel (a sheet each, Chinese titles) and Word (a short 任期职责情况说明 to attach to a 经济责任审计's
working papers), for `dutygraph tenure` and GET /api/tenure alike."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from api.tabular import TABLE_TITLES, file_tables, table_sections
from queries.asked import Asked
from queries.report import Report
from queries.sources import Cited, with_readable_sources

# What each table holds, said under its title in the files (an auditor reads them apart from this program).
NOTES = {
    "summary": "本说明据图中载入的三定和调整职责机构编制通知生成，供经济责任审计确定任职期间部门职责范围之用；"
               "请核对原件。",
    "changes": "任职期间施行的新三定（与前一日所承担职责相比的新增、删除、改写）和调整通知（划入、划出、取消、下放，"
               "编制划转、核减、下放，领导职数调整）以及机构改革承继的原部门职责，按施行日期排列，各注依据条款。",
    "duties": "任职期间任一日承担过的部门职责，每段承担期一行（划出后又划回的职责分段列出）：承担起止日期（全程承担的"
              "为任职、离任日期）、承担截止时状态、承担的内设机构和出处。",
    "staffing": "任职、离任之日的行政编制和领导职数：所据文件核定之数，加上其后至该日施行的调整通知划转、核减之数。",
    "lists": "任职期间施行过的权责清单、职责边界清单、监管事项目录等各版本列有本部门的事项（离任日之后印发的版本"
             "不列）：已被新版本替代的注明施行至新版本印发前一日，现行版本注明“现行”；任期内印发的标明“是”。",
}
TITLE = "任期职责情况说明"


def tenure_title(result: Mapping[str, Any]) -> str:
    return f"{result['department']}{TITLE}（{result['from']} 至 {result['to']}）"


def tenure_report(result: Mapping[str, Any], titles: Mapping[str, Cited], asked: Asked | None = None) -> Report:
    """The answer as a report of its tables, sources by their documents' titles; the 说明's note says `note_zh`."""
    names = list(TABLE_TITLES["tenure"])
    readable = with_readable_sources(file_tables("tenure", {name: result[name] for name in names}), titles)
    sections = [replace(section, note=NOTES[name] + (f"注意：{result['note_zh']}" if name == "summary" and
                                                     result["note_zh"] else ""))
                for name, section in zip(names, table_sections("tenure", readable, names), strict=True)]
    return Report(tenure_title(result), sections, asked=asked)


def tenure_file(report: Report, format: str) -> bytes:
    """The report as `format`: md, xlsx or docx."""
    from queries.export import to_docx, to_markdown, to_xlsx

    if format == "md":
        return to_markdown(report).encode()
    if format == "xlsx":
        return to_xlsx(report, as_report=True)
    return to_docx(report)
