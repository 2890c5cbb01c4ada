"""`dutygraph check-draft`: a draft 三定 checked against the graph without loading it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from api.cli.common import (
    DraftFormat,
    Format,
    OutputOption,
    StoreOption,
    TableOption,
    check_output,
    check_table,
    err,
    file_asked,
    misuse,
    open_graph,
    out,
    refuse,
    say_if_stale,
    say_reading,
)
from api.cli.output import answer_file, named_sections, print_result, write_json, write_output
from ingest.errors import IngestError
from queries.catalog import QueryError
from queries.lookup import UnknownDepartment
from queries.sources import document_titles, with_readable_sources

if TYPE_CHECKING:
    from queries.asked import Asked


def check_draft_command(
    file: Annotated[Path, typer.Argument(help="a draft 三定 (.txt, .docx, .html)")],
    department: Annotated[str | None, typer.Option(
        help="the department whose 三定 in force it revises (default: the one its title names)")] = None,
    store: StoreOption = None,
    format: Annotated[DraftFormat, typer.Option("--format")] = DraftFormat.table,
    table: TableOption = None,
    output: OutputOption = None,
) -> None:
    """Check a draft 三定 before it is issued, without loading it: what it changes against the department's 三定 in
    force (duties, offices, staffing, 职责分工), and the overlaps with other departments and the duties no office
    carries that it would make. The graph is left as it was."""
    from ingest.draft import read_draft
    from queries.draft_check import check_draft, draft_of

    check_output(format.value, output, "json, csv, xlsx or md")
    # md, like table, holds every table: what --table is checked against is the format of one file or of all.
    check_table("check_draft", Format(format.value) if format is not DraftFormat.md else Format.table, table,
                "check-draft")
    if not file.is_file():
        misuse(f"no such file: {file}", f"文件不存在：{file}")
    try:
        source, parsed = read_draft(file)
        with open_graph(store) as graph:
            say_if_stale(graph, store)
            try:
                draft = draft_of(graph, source, parsed, department)
            except UnknownDepartment as exc:
                refuse(exc)
            read_as = say_reading(graph, department, draft.department.uid)
            result = check_draft(graph, draft, file=file.name)
            titles = document_titles(graph)
            given = [("file", file.name), ("department", department), ("checked_department", draft.department.name),
                     ("table", table)]
            asked = file_asked(graph, "check_draft", given, {"department": read_as}) \
                if format in (DraftFormat.xlsx, DraftFormat.md) else None
    except IngestError as exc:
        refuse(QueryError(exc.message, exc.message_zh(str(file))))
    write_checked("check_draft", result, titles, _draft_heading(result, titles),
                  f"{result['draft']['department']} 三定草案核对", format=format, table=table, output=output,
                  asked=asked)


def write_checked(answer: str, result: dict[str, Any], titles: Mapping[str, Any], heading: str, title: str, *,
                  format: DraftFormat, table: str | None, output: Path | None, asked: Asked | None) -> None:
    """A file checked against the graph (a draft 三定, a yearly plan) written out: its notes on stderr, then the answer
    of several tables at the terminal under `heading`, or as JSON, Markdown, CSV or Excel."""
    from queries.export import to_markdown
    from queries.report import Report

    for note in result["notes"]:
        err.print(f"[yellow]note:[/yellow] {escape(note)}", highlight=False)
    if format is DraftFormat.json:
        write_json(result, output)
        return
    readable = with_readable_sources(result, titles)
    if format is DraftFormat.table:
        out.print(heading, highlight=False)  # in full: a rule's title is cut to one line
        print_result(readable, title=title, columns=[], answer=answer, table=table)
    elif format is DraftFormat.md:
        sections = [section for _name, section in named_sections(answer, readable, table)]
        write_output(to_markdown(Report(heading, sections, asked=asked)).encode(), output)
    else:
        write_output(answer_file(answer, readable, Format(format.value), table, asked=asked), output)


def _draft_heading(result: Mapping[str, Any], titles: Mapping[str, Any]) -> str:
    """What was compared with what: the draft, its department, and the 三定 in force by its title and date."""
    draft, in_force = result["draft"], result["in_force"]
    against = "图中无该部门的现行三定"
    if in_force is not None:
        cited = "、".join(titles[uid].cite("") if uid in titles else uid for uid in in_force["documents"])
        against = f"对照现行三定 {cited}（{in_force['issued']}）"
    return f"三定草案核对：{draft['file']}（{draft['department']}），{against}"
