"""The commands that answer from the graph: stats, queries, query, cypher and report."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from api.cli.common import (
    EXIT_MISUSE,
    FILE_FORMATS,
    DocumentOutputOption,
    Format,
    FormatOption,
    OutputOption,
    ParamOption,
    ReportFormat,
    StoreOption,
    TableOption,
    check_output,
    check_table,
    err,
    file_asked,
    open_graph,
    out,
    parse_params,
    print_error,
    refuse,
    region_readings,
    say_if_stale,
    say_reading,
)
from api.cli.output import answer_file, columns_of, print_result, print_rows, write_json, write_output
from graph.store import ReadOnlyViolation
from queries import catalog
from queries.catalog import QueryError
from queries.lookup import UnknownDepartment, UnknownRegion, checked_filters
from queries.sources import document_titles, with_readable_sources

if TYPE_CHECKING:
    from queries.catalog import Param


def stats_command(store: StoreOption = None, format: FormatOption = Format.table, table: TableOption = None,
                  output: OutputOption = None) -> None:
    """Counts of nodes by label and of relationships by type (two tables: labels, relationships)."""
    from queries.report import stats

    check_output(format.value, output, FILE_FORMATS)
    check_table("stats", format, table)
    with open_graph(store) as graph:
        labels, relationships = stats(graph)
        asked = file_asked(graph, "stats", [("table", table)]) if format is Format.xlsx else None
    if format is Format.json:
        write_json({"labels": {r["label"]: r["count"] for r in labels},
                    "relationships": {r["type"]: r["count"] for r in relationships}}, output)
        return
    if format is not Format.table:
        write_output(answer_file("stats", {"labels": labels, "relationships": relationships}, format, table,
                            asked=asked), output)
        return
    if table in (None, "labels"):
        print_rows(labels, ["label", "meaning", "count"], title="节点 nodes", answer="stats.labels")
    if table in (None, "relationships"):
        print_rows(relationships, ["type", "meaning", "count"], title="关系 relationships",
                   answer="stats.relationships")


def queries_command(store: StoreOption = None) -> None:
    """List the analyses and the named Cypher queries, with their parameters (the same for every store:
    --store is accepted, as by every command, and not needed)."""
    del store
    from queries.registry import ANALYSES

    table = Table(title="查询目录 query catalog")
    for column in ("name", "question", "parameters"):
        table.add_column(column)
    for analysis in ANALYSES.values():
        table.add_row(analysis.name, analysis.question, _describe(analysis.params))
    for query in catalog.catalog().values():
        table.add_row(query.name, query.question, _describe(query.params))
    out.print(table)


def _describe(params: tuple[Param, ...]) -> str:
    # A parameter of a few allowed values names them (scope: departments | offices | levels).
    return ", ".join(f"{p.name}: {p.type}{'?' if p.optional else ''}{f' ({p.doc})' if '|' in p.doc else ''}"
                     for p in params)


def query_command(
    name: Annotated[str, typer.Argument(help="an analysis or a named query (see `dutygraph queries`)")],
    param: ParamOption = None,
    store: StoreOption = None,
    format: FormatOption = Format.table,
    table: TableOption = None,
    output: OutputOption = None,
) -> None:
    """Run an analysis of the catalog (overlaps, who_handles, …) or a named Cypher query. CSV and Excel files are
    those the API answers (Chinese column titles, readable cells, a BOM for Excel); JSON is for programs."""
    from queries.empty import empty_hint, region_needed
    from queries.in_force import in_force, said_beside
    from queries.registry import ANALYSES, run_analysis

    check_output(format.value, output, FILE_FORMATS)
    params = parse_params(param)
    try:
        if name in ANALYSES:
            ANALYSES[name].bind(params)
            declared = ANALYSES[name].params
        elif name in catalog.catalog():
            catalog.named(name).bind(params)
            declared = catalog.named(name).params
        else:
            raise QueryError(f"no analysis or named query {name!r}; analyses: {', '.join(ANALYSES)}; "
                             f"named queries: {', '.join(catalog.catalog())} (dutygraph queries lists them)",
                             f"没有名为 {name} 的分析或查询；分析：{'、'.join(ANALYSES)}；"
                             f"命名查询：{'、'.join(catalog.catalog())}（dutygraph queries 列出全部）")
    except QueryError as exc:
        refuse(exc)
    check_table(name, format, table)
    with open_graph(store) as graph:
        say_if_stale(graph, store)
        try:
            # Every parameter that names a department reads it as the API and the page do (市监局 answered in
            # similar_duties_around and nothing in `department`, user test), and says how where not as written.
            departments = [p.name for p in declared if p.is_department]
            typed = dict(params)
            params = checked_filters(graph, params, departments)
            readings = region_readings(typed, params)
            for key in departments:
                readings[key] = say_reading(graph, typed.get(key), params.get(key))
            # 某日职责's rows, and what they rest on (said beside them as the page says it), from one reading.
            answer = in_force(graph, **ANALYSES[name].bind(params)) if name == "duties_in_force" else None
            if answer is not None:
                result: Any = answer.duties
                title, columns = ANALYSES[name].question, list(ANALYSES[name].shown)
            elif name in ANALYSES:
                result = run_analysis(graph, name, params)
                title = ANALYSES[name].question
                hidden = ANALYSES[name].json_only
                columns: list[str] = list(ANALYSES[name].shown) or (
                    [column for column in columns_of(result) if column not in hidden] if hidden else [])
            else:
                query = catalog.named(name)
                result, title, columns = catalog.run(graph, name, params), query.question, list(query.shown)
            if format is not Format.json:  # a table is read by people: sources name their documents' titles
                result = with_readable_sources(result, document_titles(graph))
            # `(0 rows)` alone, untitled, read as a failure, or as none found where nothing was loaded (user test).
            # An answer of several tables is empty when each of them is (power_split of a county whose city's list
            # is not loaded printed three （无） and nothing on why, user test).
            empty = not (result if isinstance(result, list) else any(result.values()))
            hint = empty_hint(graph, name, ANALYSES[name].bind(params) if name in ANALYSES else params) \
                if format is Format.table and empty else ""
            asked = file_asked(graph, name, [*typed.items(), ("table", table)], readings,
                               defaults=[(p.name, p.default) for p in declared]) if format is Format.xlsx else None
            # The documents in force (the old body's 三定 its carried rows cite among them) and what to heed, said
            # beside a table or file; JSON is for programs, which read them from the API.
            beside = said_beside(answer, document_titles(graph)) if answer and format is not Format.json else []
            # who_handles asked of no region among several cities: said on stderr, whatever the format.
            if name == "who_handles" and (needed := region_needed(graph, params.get("region"), result)):
                beside.append(needed.split(" / ")[0])
        except (UnknownDepartment, UnknownRegion, ValueError) as exc:
            refuse(exc)
    for line in beside:
        err.print(line, markup=False, highlight=False, soft_wrap=True)  # one line each, to grep or copy
    if format is Format.json:  # every table of an answer of several, as the API's JSON
        write_json(result, output)
    elif format is Format.table:
        print_result(result, title=title, columns=columns, answer=name, table=table)
        if hint:
            err.print(hint)
    else:
        write_output(answer_file(name, result, format, table, columns, asked), output)


def cypher_command(
    text: Annotated[str, typer.Argument(help="a read-only Cypher query")],
    param: ParamOption = None,
    store: StoreOption = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    """Run an ad-hoc read-only Cypher query (parameters are strings); the engine refuses writes. CSV and Excel
    files keep the query's own column names and the values as the engine returned them."""
    check_output(format.value, output, FILE_FORMATS)
    params = parse_params(param)
    with open_graph(store) as graph:
        try:
            rows = graph.read(text, params)
        except ReadOnlyViolation as exc:
            print_error(exc, "refused")
            raise typer.Exit(EXIT_MISUSE) from exc
        if format is Format.xlsx:
            from queries.asked import cypher_given

            asked = file_asked(graph, "cypher", cypher_given(text, params))
    if format is Format.json:
        write_json(rows, output)
    elif format is Format.table:
        print_rows(rows, columns_of(rows), readable=False)
    else:
        # The columns are the analyst's own aliases and the values what they asked for: a column they named
        # `score` or a `type(r)` of LEADS must not be retitled or translated as a named answer's are.
        from api.tabular import file_bytes
        from queries.report import Section

        section = Section("cypher", "查询结果", columns_of(rows), rows)
        write_output(file_bytes(format.value, [section], "cypher", readable=False,
                          asked=asked if format is Format.xlsx else None), output)


def report_command(
    store: StoreOption = None,
    region: Annotated[str | None, typer.Option(help="limit to a region path, e.g. 示例市")] = None,
    department: Annotated[str | None, typer.Option(help="limit to one department (its name or alias)")] = None,
    format: Annotated[ReportFormat, typer.Option("--format")] = ReportFormat.table,
    output: DocumentOutputOption = None,
) -> None:
    """Every finding of the catalog in one document: the assessment an 编办 would write."""
    from queries.export import to_docx, to_markdown, to_xlsx
    from queries.report import REPORT_TITLE, build_report, report_notes

    check_output(format.value, output, "md, json, xlsx or docx")
    with open_graph(store) as graph:
        say_if_stale(graph, store)
        try:
            typed = {"region": region, "department": department}
            filters = checked_filters(graph, typed)
            readings = {**region_readings(typed, filters),
                        "department": say_reading(graph, department, filters["department"])}
            report = build_report(graph, region=filters["region"], department=filters["department"])
        except (UnknownDepartment, UnknownRegion, QueryError) as exc:
            refuse(exc)
        if format in (ReportFormat.md, ReportFormat.xlsx, ReportFormat.docx):
            report.asked = file_asked(graph, "report", list(typed.items()), readings, title=REPORT_TITLE,
                                      notes=report_notes(report))
    if format is ReportFormat.table:
        out.rule(report.title)
        for section in report.sections:
            # Titled as in the report's files: the staffing table's 职责数 is 不含共性职责 (user test: the terminal's
            # read as the departments table's, one duty more).
            print_rows(section.rows, section.columns, title=section.title, answer=section.key)
            if section.note:
                out.print(section.note)
        return
    if format is ReportFormat.json:
        data: bytes = json.dumps(report.as_json(), ensure_ascii=False, indent=2).encode()
    elif format is ReportFormat.md:
        data = to_markdown(report).encode()
    elif format is ReportFormat.xlsx:
        data = to_xlsx(report, as_report=True)
    else:
        data = to_docx(report)
    if output is None:
        sys.stdout.write(data.decode() + "\n")
    else:
        write_output(data, output)
