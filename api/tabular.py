"""Answers as JSON, CSV or XLSX: `?format=` or the Accept header, Chinese column titles in files. A page of rows, a
whole list (who_handles), or an answer of several tables (power_split, coordination_network): one sheet each. The
files' form of each answer (its tables, their sheets' titles and columns) is declared here once, for the API's files
and the CLI's (`dutygraph query … --format csv|xlsx`), so that both write the same file for the same answer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Query, Request
from fastapi.responses import JSONResponse, Response

from api.deps import get_store
from api.problems import Problem
from api.readings import readings_of
from api.schemas import (
    Ambiguity,
    Candidate,
    Counterpart,
    CounterpartDuty,
    DepartmentRow,
    DivisionChange,
    DocumentRow,
    DraftFunctionChange,
    DraftOverlap,
    DraftUndecomposed,
    DutyChange,
    DutyInForce,
    MatterRow,
    NetworkEdge,
    NetworkNode,
    OfficeChange,
    OfficeDutyChange,
    OrphanItem,
    OverlapCluster,
    OverlapMember,
    PlanOutside,
    PlanRetired,
    PlanServed,
    PlanUnplanned,
    PowerSplitCell,
    PowerSplitConflict,
    PowerSplitCounties,
    PowerSplitDifference,
    PowerSplitHolding,
    PowerSplitUnlisted,
    RegionRow,
    StaffingChange,
    StaffingRow,
    TenureListItem,
    TenureStaffing,
    UndecomposedRow,
    columns,
)
from queries.asked import Asked, asked, export_time, given_values, query_title
from queries.catalog import catalog, named
from queries.export import to_csv, to_xlsx
from queries.labels import column_label
from queries.profile_tables import PROFILE_COLUMNS, profile_tables
from queries.registry import ANALYSES
from queries.report import Report, Section, cell_text
from queries.sources import Cited, document_titles, with_readable_sources
from queries.transfers import SHOWN as TRANSFER_COLUMNS

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_LIMIT = 1000
# A page of a paged answer, as every paged route takes it.
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size", examples=[50])]
Offset = Annotated[int, Query(ge=0, description="rows to skip", examples=[0])]
DEFAULT_LIMIT = 50
Rows = list[dict[str, Any]]

# overlaps in a file: a row per member under its cluster's columns (a cell of nested members reads badly).
_MEMBER_COLUMNS = [c for c in columns(OverlapCluster) if c != "members"] + columns(OverlapMember)

# A list answer's file columns, from the model of its JSON rows: an empty answer's file keeps them too.
LIST_COLUMNS: dict[str, list[str]] = {
    "departments": columns(DepartmentRow), "regions": columns(RegionRow), "matters": columns(MatterRow),
    # A document's uid is for programs (JSON): its file names it by its title and path.
    "documents": [column for column in columns(DocumentRow) if column not in named("documents").json_only],
    "overlaps": _MEMBER_COLUMNS, "orphan_supervision_items": columns(OrphanItem),
    # 主办部门 as the report says it (host_label) for every matter; the raw `host` is for programs.
    "host_assist_ambiguities": [column for column in columns(Ambiguity)
                                if column not in ANALYSES["host_assist_ambiguities"].json_only],
    "undecomposed_duties": columns(UndecomposedRow),
    "staffing_load": columns(StaffingRow), "who_handles": columns(Candidate),
    "counterpart_duties": columns(CounterpartDuty),
    "duties_in_force": columns(DutyInForce),
    # Its uids and finding code are for programs: the file reads the names and the finding in words.
    "transferred_still_held": list(TRANSFER_COLUMNS),
    "township_duties": list(named("township_duties").shown),
    "list_changes": list(named("list_changes").shown),
    "power_item_review": list(named("power_item_review").shown),
    "city_departments": list(named("city_departments").shown),
    # A cell with no matters (生态环境 · 县级专有) still downloads its titles: the CSV was a bare BOM.
    "power_split_matters": columns(PowerSplitHolding),
}

# The answers of several tables: each table's sheet title (the key is the table's name in the JSON answer, and what
# `table=` / `--table` names) and its columns.
TABLE_TITLES: dict[str, dict[str, str]] = {
    "power_split": {"cells": "事权划分", "conflicts": "事权划分冲突", "unlisted": "县级权责清单未列",
                    "counties": "各县（区）对比", "differences": "县（区）间差异"},
    "coordination_network": {"nodes": "部门协同", "edges": "部门间共同事项", "counterparts": "上下对口"},
    # A department's profile: a table per part, named for what it holds (the JSON nests duties under their
    # category, an overlap's members under their cluster; `queries.profile_tables` flattens them).
    "department_profile": {
        "facts": "部门概况", "duties": "部门职责", "offices": "内设机构职责", "leads": "牵头事项",
        "assists": "配合事项", "power_items": "权责事项", "supervision_items": "认领的监管事项", "overlaps": "职责交叉",
        "ambiguities": "主办协办不清", "undecomposed": "职责分解", "network": "协同部门"},
    "stats": {"labels": "图谱规模：节点", "relationships": "图谱规模：关系"},
    # A draft 三定 checked (`dutygraph check-draft`, POST /api/drafts/check): queries.draft_check.SECTIONS.
    "check_draft": {"duties": "职责变化", "offices": "内设机构变化", "office_duties": "内设机构职责变化",
                    "staffing": "编制和领导职数",
                    "divisions": "职责分工变化", "overlaps": "与其他部门的职责交叉",
                    "undecomposed": "未分解到内设机构的职责", "changes": "职能转变核对"},
    # A yearly work plan checked (`dutygraph check-plan`, POST /api/plans/check): queries.plan_check.SECTIONS.
    "check_plan": {"summary": "审核摘要", "served": "目标对应的职责", "retired": "仍在承担已划出、取消或下放的职能",
                   "outside": "超出职能范围或未能对应职责的目标", "unplanned": "未纳入年度计划的职责"},
    # A department's duties over a leader's tenure (`dutygraph tenure`, GET /api/tenure): queries.tenure.SECTIONS.
    "tenure": {"summary": "任期职责情况说明", "changes": "任期职责变动", "duties": "任期职责清单",
               "staffing": "任期始末编制", "lists": "涉及本部门的清单事项"},
}
TABLE_COLUMNS: dict[str, dict[str, list[str]]] = {
    # A conflict's 出处 in a file is every row it rests on (`sources`, as the report cites them), where `source` was.
    "power_split": {"cells": columns(PowerSplitCell),
                    "conflicts": ["sources" if column == "source" else column
                                  for column in columns(PowerSplitConflict) if column != "sources"],
                    "unlisted": columns(PowerSplitUnlisted),
                    # `by_county` spreads into a column per county (`spread_counties`).
                    "counties": columns(PowerSplitCounties), "differences": columns(PowerSplitDifference)},
    "coordination_network": {"nodes": columns(NetworkNode), "edges": columns(NetworkEdge),
                             "counterparts": columns(Counterpart)},
    "department_profile": {**PROFILE_COLUMNS, "ambiguities": LIST_COLUMNS["host_assist_ambiguities"],
                           "undecomposed": columns(UndecomposedRow)},
    "stats": {"labels": ["label", "meaning", "count"], "relationships": ["type", "meaning", "count"]},
    "check_draft": {"duties": columns(DutyChange), "offices": columns(OfficeChange),
                    "office_duties": columns(OfficeDutyChange), "staffing": columns(StaffingChange),
                    "divisions": columns(DivisionChange),
                    "overlaps": columns(DraftOverlap),
                    "undecomposed": columns(DraftUndecomposed), "changes": columns(DraftFunctionChange)},
    "check_plan": {"summary": ["meaning", "count"], "served": columns(PlanServed),
                   "retired": columns(PlanRetired), "outside": columns(PlanOutside),
                   "unplanned": columns(PlanUnplanned)},
    "tenure": {"summary": ["item", "value"],
               "changes": ["date", "kind", "duty", "office", "other", "staff", "leader_posts", "source"],
               "duties": ["duty", "held_from", "held_to", "status_label", "offices", "sources"],
               "staffing": columns(TenureStaffing), "lists": columns(TenureListItem)},
}


# Each answer's name as people read it: the file's name (filename*) and the sheet of a single-table workbook.
ANSWER_TITLES: dict[str, str] = {
    "departments": "部门", "regions": "区划", "matters": "共同事项", "documents": "文件", "overlaps": "职责交叉",
    "orphan_supervision_items": "三不管事项", "host_assist_ambiguities": "主办协办不清",
    "undecomposed_duties": "职责分解", "staffing_load": "编制负荷", "who_handles": "谁来管",
    "power_split": "市县事权", "power_split_matters": "市县事权格子事项", "coordination_network": "部门协同网络",
    "department_profile": "部门画像",
    "stats": "图谱规模", "dispatch": "诉求分派", "counterpart_duties": "上下对口职责对照",
    "check_draft": "三定草案核对", "cypher": "只读 Cypher 查询",
    "tenure": "任期职责情况",
    "duties_in_force": "某日施行的职责",
    "transferred_still_held": "职责划转后仍在承担",
    "township_duties": "乡镇履行职责事项核对",
    "list_changes": "清单动态调整",
    "city_departments": "各市部门设置对照",
    "power_item_review": "权责清单合法性审查",
    "check_plan": "年度工作目标审核",
}


def answer_title(answer: str) -> str:
    """An answer's Chinese title: its file's (谁来管), or a named query's question (一个部门的基本情况)."""
    if answer in ANSWER_TITLES:
        return ANSWER_TITLES[answer]
    return query_title(answer, catalog()[answer].question) if answer in catalog() else answer


def asked_of(request: Request, answer: str, given: Sequence[tuple[str, object]] | None = None,
             leave_out: Sequence[str] = (), *, title: str | None = None,
             notes: Sequence[tuple[str, str]] = ()) -> Asked:
    """What the request asked, for its file's 查询条件: its path and query parameters as given (`given` instead,
    for a form or body), but the format and those in `leave_out` (a page's limit and offset: a file holds every
    row), each with its reading (a department by abbreviation, a region by its bare name). `title` and `notes`: an
    answer's own, where it has them (the report's title and its 依据文件)."""
    if given is None:
        given = [*request.path_params.items(),
                 *((key, value) for key, value in request.query_params.multi_items()
                   if key not in ("format", *leave_out))]
    at = export_time(request.app.state.settings.source_date_epoch)
    defaults = [(name, value) for name, value in _query_defaults(request) if name not in ("format", *leave_out)]
    return asked(get_store(request), answer, title or answer_title(answer),
                 given_values(given, readings_of(request), defaults), at, notes)


def _query_defaults(request: Request) -> list[tuple[str, object]]:
    """The query parameters the request's route takes, its dependencies' too (a region filter), each with the value
    it takes when not given: the 查询条件 says what the answer used (相似度阈值 0.5), not only what was typed."""
    dependant = getattr(request.scope.get("route"), "dependant", None)
    return _defaults_of(dependant) if dependant is not None else []


def _defaults_of(dependant: Any) -> list[tuple[str, object]]:
    own = [(field.alias, field.default) for field in dependant.query_params if not field.field_info.is_required()]
    return own + [pair for sub in dependant.dependencies for pair in _defaults_of(sub)]


def member_rows(clusters: Rows) -> Rows:
    """Overlap clusters as a file holds them: a row per member, under its cluster's columns."""
    return [{"cluster_id": c["cluster_id"], "score": c["score"], "settled": c["settled"], "lead": c["lead"],
             "matter": c["matter"], **m}
            for c in clusters for m in c["members"]]


def file_tables(answer: str, result: Mapping[str, Any]) -> dict[str, Rows]:
    """An answer of several tables as flat rows: a department's profile nests its duties in categories and
    offices, and its overlaps' members in clusters; a file has a row each."""
    return profile_tables(result) if answer == "department_profile" else dict(result)


def list_section(answer: str, rows: Rows, columns: Sequence[str] | None = None) -> Section:
    """A list answer as the one table of its file; `columns` for a list this module does not know (a named query's,
    from its header)."""
    if answer == "overlaps" and rows and "members" in rows[0]:
        rows = member_rows(rows)
    return Section(answer, ANSWER_TITLES.get(answer, answer), _columns(rows, LIST_COLUMNS.get(answer) or columns), rows)


def table_sections(answer: str, tables: Mapping[str, Rows], names: Sequence[str]) -> list[Section]:
    """The sheets of an answer of several tables, the named ones only. A table's key among its answer's
    (power_split.conflicts) picks its column titles: one key may mean two things in two tables of an answer
    (coordination_network's matters: a count of nodes, the names of edges)."""
    return [Section(PART_ANSWERS.get(answer, {}).get(name) or f"{answer}.{name}", TABLE_TITLES[answer][name],
                    *spread_counties(_columns(tables[name], TABLE_COLUMNS[answer].get(name)), tables[name]))
            for name in names]


def spread_counties(columns: list[str], rows: Rows) -> tuple[list[str], Rows]:
    """A table's `by_county` (power_split's counties side by side) as a column per county, titled by its name
    (河西区, not 示例市/河西区): one cell of `河西区 3；青山县 5` was what the analyst could not read at a glance (user
    test). Every row names every county; a table of no rows keeps the one column, 各县（区）事项数."""
    if "by_county" not in columns or not rows:
        return columns, rows
    names = {path: path.rsplit("/", 1)[-1] for path in rows[0]["by_county"]}
    at = columns.index("by_county")
    spread = [{**{key: value for key, value in row.items() if key != "by_county"},
               **{names[path]: count for path, count in row["by_county"].items()}} for row in rows]
    return [*columns[:at], *names.values(), *columns[at + 1:]], spread


# A part of an answer that is a catalog answer narrowed to one department reads with that answer's column titles:
# one field, one title (user test 5: the profile's 职责分解 sheet called 依据 what the 职责分解 download calls
# 仍在承担的事项).
PART_ANSWERS: dict[str, dict[str, str]] = {
    "department_profile": {"ambiguities": "host_assist_ambiguities", "undecomposed": "undecomposed_duties"}}


def file_name(answer: str, table: str | None) -> str:
    return f"{answer}-{table}" if table else answer


def readable_file_name(answer: str, table: str | None = None, subject: str | None = None) -> str:
    """The file's name as people read it: the view, the table chosen and, for a profile, whose it is
    (示例市水务局-部门画像-牵头事项): three departments' profiles no longer download under one name."""
    answer_title, table_title = ANSWER_TITLES.get(answer, answer), TABLE_TITLES.get(answer, {}).get(table or "", table)
    # A table titled after its answer (图谱规模：节点) names the file alone: not 图谱规模-图谱规模：节点.
    if table_title and table_title.startswith(answer_title):
        answer_title = ""
    return "-".join(part for part in (subject, answer_title, table_title) if part)


def disposition(ascii_name: str, name: str) -> str:
    """An attachment named `name` (RFC 6266/5987 `filename*`, UTF-8), with the English `ascii_name` as the plain
    `filename` for clients that read only that one (and for the API's programs, which read it as before)."""
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def file_bytes(chosen: str, sections: list[Section], name: str, *, readable: bool = True,
               asked: Asked | None = None) -> bytes:
    """The CSV (one section) or Excel file (a sheet each) of sections whose sources already read as titles;
    `readable` as in `queries.export.to_csv`. `asked`: what was asked, the Excel file's last sheet (查询条件); a CSV
    stays one plain table."""
    if chosen == "csv":
        (section,) = sections
        return to_csv(section, readable=readable)
    # The report's Excel writer (queries.export): the same cells, titles, widths and frozen header as `report`.
    return to_xlsx(Report(name, sections, asked=asked), readable=readable)


def media_type(chosen: str) -> str:
    """The Content-Type of a file of the format `chosen` (csv or xlsx)."""
    return f"{CSV}; charset=utf-8" if chosen == "csv" else XLSX


def one_table_per_csv(answer: str, names: Sequence[str], *, option: str, other: str) -> tuple[str, str]:
    """Why a CSV of several tables is refused, in English and Chinese: `option` spells how to choose a table
    (`table=` in a URL, `--table ` on the command line), `other` how to ask for Excel instead."""
    choices = " or ".join(f"{option}{name}" for name in names)
    choices_zh = "或 ".join(f"{option}{name} " for name in names)
    return (f"{answer} answers {len(names)} tables ({', '.join(names)}): ask for one of them with {choices}, "
            f"or for {other} (a sheet each)",
            f"{answer} 的结果有 {len(names)} 张表（{'、'.join(names)}）：请用 {choices_zh}选择其中一张，"
            f"或改用 {other}（每张表一个工作表）")


def wanted_format(request: Request, format: str | None) -> str:
    if format:
        return known_format(format, ("json", "csv", "xlsx"))
    return _preferred(request.headers.get("accept", ""))


def known_format(format: str, served: Sequence[str]) -> str:
    """`format=` as one of the formats an endpoint serves, any case (format=CSV is a CSV file: media types are
    case-insensitive, and so is their short name here); else the 400 `bad-format` every endpoint answers for it (the
    report and 任期 files answered a 422 invalid-request, the query endpoints a 400, user test)."""
    chosen = format.strip().lower()
    if chosen not in served:
        expected = f"{', '.join(served[:-1])} or {served[-1]}"
        raise Problem(400, "bad-format", "Unknown format", "不支持的格式", f"format={format}: expected {expected}",
                      f"format 应为 {'、'.join(served[:-1])} 或 {served[-1]}")
    return chosen


_MEDIA_FORMATS = {"application/json": "json", CSV: "csv", XLSX: "xlsx",
                  # A range admits the first of its type that is served: JSON for anything, CSV for any text.
                  "*/*": "json", "application/*": "json", "text/*": "csv"}


def _preferred(accept: str) -> str:
    """The format an Accept header prefers, by its q-values (`text/csv;q=0.5, application/json;q=0.9` is JSON);
    on a tie, the first listed. JSON when there is no header. A header that admits none of the three (`application/pdf`,
    or `application/json;q=0` alone) is refused with 406, naming what is served: answering JSON to a client that
    said it cannot read it would fail later and less clearly."""
    if not accept.strip():
        return "json"
    best, best_q = "", 0.0
    for part in accept.split(","):
        media, *params = [piece.strip() for piece in part.split(";")]
        chosen = _MEDIA_FORMATS.get(media.lower())
        if chosen is None:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > best_q:
            best, best_q = chosen, q
    if not best:
        raise Problem(406, "not-acceptable", "Not acceptable", "无法提供所要求的格式",
                      f"Accept: {accept}: this answer is served as application/json, text/csv or {XLSX}",
                      "本接口只提供 JSON、CSV 或 Excel（xlsx）格式，请修改 Accept 请求头或用 format 参数选择")
    return best


def page(request: Request, rows: Rows, *, limit: int, offset: int, format: str | None,
         answer: str = "dutygraph") -> Response:
    """One page of `rows` (total given), or all of them as a file when CSV or XLSX is asked for. `answer` is the
    analysis or list the rows answer: it picks their columns (`LIST_COLUMNS`) and titles (`column_label`) and names
    the file."""
    chosen = wanted_format(request, format)
    if chosen == "json":
        return JSONResponse({"total": len(rows), "limit": limit, "offset": offset,
                             "items": rows[offset:offset + limit]})
    return _file(request, chosen, [list_section(answer, rows)], answer, readable_file_name(answer),
                 asked_of(request, answer, leave_out=("limit", "offset")))


def whole(request: Request, rows: Rows, *, format: str | None, answer: str, subject: str | None = None,
          columns: Sequence[str] | None = None, given: Sequence[tuple[str, object]] | None = None) -> Response:
    """Every row, unpaged: JSON as a list (who_handles' ranking, a handful of rows), or a file (`columns`: its
    columns, when the rows' keys vary with the input, as a dispatched file's; `given`: the parameters of a body or
    form, which the request's query string does not hold)."""
    chosen = wanted_format(request, format)
    if chosen == "json":
        return JSONResponse(rows)
    return _file(request, chosen, [list_section(answer, rows, columns)], answer,
                 readable_file_name(answer, subject=subject), asked_of(request, answer, given))


def tables(request: Request, result: Mapping[str, Rows], *, format: str | None, table: str | None,
           answer: str, subject: str | None = None, given: Sequence[tuple[str, object]] | None = None) -> Response:
    """An answer of several tables (a key each in JSON, always all of them). Excel holds each on a sheet of its own
    (`TABLE_TITLES`), or only `table`; a CSV file holds one table, so it needs `table` (406 without it, naming the
    tables and the two ways to get them)."""
    chosen = wanted_format(request, format)
    if chosen == "json":
        return JSONResponse(dict(result))
    names = [table] if table else list(TABLE_TITLES[answer])
    if chosen == "csv" and len(names) > 1:
        detail, detail_zh = one_table_per_csv(answer, names, option="table=", other="format=xlsx")
        raise Problem(406, "one-table-per-csv", "A CSV file holds one table", "CSV 文件只能容纳一张表", detail,
                      detail_zh)
    return _file(request, chosen, table_sections(answer, file_tables(answer, result), names), file_name(answer, table),
                 readable_file_name(answer, table, subject), asked_of(request, answer, given))


def readable_tables(request: Request, result: Mapping[str, Rows], answer: str) -> list[dict[str, Any]]:
    """Every table of an answer as its file shows it, for a page to lay out: its name, title, column titles and
    cells (codes in Chinese, sources by their documents' titles, lists joined), from the code the files use."""
    titles = document_titles(get_store(request))
    sections = table_sections(answer, file_tables(answer, result), list(TABLE_TITLES[answer]))
    return [_readable(name, section, titles) for name, section in zip(TABLE_TITLES[answer], sections, strict=True)]


def readable_list(request: Request, rows: Rows, answer: str) -> dict[str, Any]:
    """A list answer as its file shows it (the one table of `readable_tables`' form), for a page to lay out."""
    return _readable(answer, list_section(answer, rows), document_titles(get_store(request)))


def _readable(name: str, section: Section, titles: Mapping[str, Cited]) -> dict[str, Any]:
    return {"name": name, "title": section.title,
            "columns": [column_label(column, section.key) for column in section.columns],
            "rows": [[cell_text(row, column, section.key) for column in section.columns]
                     for row in with_readable_sources(section.rows, titles)]}


def _columns(rows: Rows, columns: Sequence[str] | None) -> list[str]:
    return list(columns) if columns else list(rows[0]) if rows else []


def _file(request: Request, chosen: str, sections: list[Section], filename: str, readable_name: str,
          asked: Asked) -> Response:
    # People read files: a source names its document's title, not its uid (JSON keeps the uid, for programs).
    titles = document_titles(get_store(request))
    sections = [replace(section, rows=with_readable_sources(section.rows, titles)) for section in sections]
    return Response(file_bytes(chosen, sections, filename, asked=asked), media_type=media_type(chosen),
                    headers={"Content-Disposition": disposition(f"{filename}.{chosen}", f"{readable_name}.{chosen}")})
