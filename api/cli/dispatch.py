"""`dutygraph dispatch`: a file of 12345 complaints routed to the departments first in who_handles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.common import (
    FILE_FORMATS,
    Format,
    FormatOption,
    OutputOption,
    StoreOption,
    check_output,
    err,
    file_asked,
    open_graph,
    refuse,
    say_if_stale,
)
from api.cli.output import answer_file, print_rows, write_json, write_output
from api.cli.progress import routing_progress
from ingest.errors import IngestError
from queries.lookup import UnknownRegion, check_region
from queries.sources import document_titles, with_readable_sources


def dispatch_command(
    file: Annotated[Path, typer.Argument(help="complaints: a .txt with one a line, or a table (.csv, .tsv, .xlsx) "
                                              "with a column titled 诉求内容, 工单内容, text …")],
    store: StoreOption = None,
    region: Annotated[str | None, typer.Option(
        help="the region the complaints come from (default: the graph's one city); a row's own region column "
             "(所属区县) routes that row within its region")] = None,
    column: Annotated[str | None, typer.Option(help="the title of the complaint column, when not a usual one")] = None,
    region_column: Annotated[str | None, typer.Option(help="the title of the column of each complaint's region")
                             ] = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    """Route each complaint to the department first in who_handles; report those a person must settle. A table's
    other columns (工单编号 …) are kept in the answer."""
    from queries.complaint_files import read_complaints
    from queries.dispatch import columns_with, dispatch, dispatch_given, needs_person

    check_output(format.value, output, FILE_FORMATS)
    try:
        complaints = read_complaints(file, column=column, region_column=region_column)
    except (OSError, ValueError, IngestError) as exc:
        refuse(exc)
    with open_graph(store) as graph:
        say_if_stale(graph, store)
        typed_region = region
        try:
            region = check_region(graph, region)
        except UnknownRegion as exc:
            refuse(exc)
        with routing_progress(len(complaints.complaints)) as advance:
            result = dispatch(graph, complaints.complaints, region=region, progress=advance)
        rows = with_readable_sources(result.rows, document_titles(graph))
        given = [("file", file.name), *dispatch_given(len(rows), typed_region, result.default_region),
                 ("column", column), ("region_column", region_column)]
        asked = file_asked(graph, "dispatch", given, {"region": region} if region and region != typed_region else {}) \
            if format is Format.xlsx else None
    for warning in [*complaints.warnings, *result.warnings]:
        err.print(f"[yellow]warning:[/yellow] {file}: {warning}", highlight=False)
    columns = columns_with(complaints.columns)
    if format is Format.json:
        write_json(rows, output)
    elif format is Format.table:
        _print_dispatched(rows, complaints.columns)
    else:
        write_output(answer_file("dispatch", rows, format, columns=columns, asked=asked), output)
    unsure = sum(1 for row in rows if needs_person(row))
    err.print(f"{len(rows)} complaints read; {len(rows) - unsure} routed, {unsure} need a person "
              "(tie, weak match, a department with no duties in the graph, no match, given to the townships with none "
              "named, no place named to a province, sent up to the city, or empty)")
    err.print(f"共 {len(rows)} 条诉求：{len(rows) - unsure} 条已分派，{unsure} 条需人工确定"
              "（难以区分、依据不足、图中无其职责、无匹配、需确定事发地乡镇或市县、转上级或为空）")
    if region is None:
        said = result.default_region
        if said:
            err.print(f"[yellow]note:[/yellow] routed within {said}, the graph's one city (pass --region to choose); "
                      f"按图中唯一的市 {said} 分派（可用 --region 指定）", highlight=False)
        elif len({row["region"] for row in rows if row["region"]}) > 1:
            regions = sorted({row["region"] for row in rows if row["region"]})
            # Without a region each complaint goes to the best department of any region: a city's and a district's
            # in one file, which a dispatcher of one hotline does not mean (user test). Said, not guessed away.
            err.print(f"[yellow]note:[/yellow] without --region the departments are of {len(regions)} regions "
                      f"({', '.join(regions)}); pass --region to route within one")
            err.print(f"      未指定 --region，分派结果分属 {len(regions)} 个区划（{'、'.join(regions)}）；"
                      "请用 --region 指定诉求所在区划")


# A terminal shows what a dispatcher acts on; 依据, 出处, 次选部门 and the flags' own columns are in the files.
_TERMINAL_DISPATCH = ["line", "text_in", "department", "office", "score", "person", "matched"]


def _print_dispatched(rows: list[dict[str, Any]], own: list[str]) -> None:
    """dispatch's rows at a terminal: the file's first own column (工单编号) and the answer's essentials, the
    reasons a person must settle a row in one column (17 columns at 80 characters wide read a character a line)."""
    from queries.dispatch import input_key, person_reason

    columns = [*_TERMINAL_DISPATCH[:1], *[input_key(title) for title in own[:1]], *_TERMINAL_DISPATCH[1:]]
    print_rows([{**row, "person": person_reason(row)} for row in rows], columns, title="诉求分派 dispatch",
               answer="dispatch")
    _print_overlap_notes(rows)
    err.print("依据、出处、次选部门等完整各列 / every column (evidence, source, runner-up): --format xlsx|csv|json")


def _print_overlap_notes(rows: list[dict[str, Any]]) -> None:
    """Under the table, each row whose department and runner-up hold one overlaps cluster: the note names no
    department, so the line does (职责交叉 is no reason a person must settle the route, and the table has no room)."""
    from api.cli.output import out

    for row in rows:
        if row["overlap_note"]:
            out.print(f"第 {row['line']} 行：{row['department']}、{row['runner_up']}{row['overlap_note']}",
                      highlight=False, soft_wrap=True)
