"""`dutygraph tenure`: a department's duties, their changes and its staffing over a leader's tenure (经济责任审计)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from api.cli.common import (
    DocumentOutputOption,
    StoreOption,
    check_output,
    file_asked,
    open_graph,
    out,
    refuse,
    say_if_stale,
    say_reading,
)
from api.cli.output import print_rows, write_json, write_output
from queries.catalog import QueryError
from queries.lookup import UnknownDepartment


class TenureFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"
    xlsx = "xlsx"
    docx = "docx"


def tenure_command(
    department: Annotated[str, typer.Option(help="the department (its name, an alias or a short name)")],
    start: Annotated[str, typer.Option("--from", help="the first day of the tenure (任职), e.g. 2021-03-01")],
    end: Annotated[str, typer.Option("--to", help="the last day of the tenure (离任), e.g. 2024-06-30")],
    store: StoreOption = None,
    format: Annotated[TenureFormat, typer.Option("--format")] = TenureFormat.table,
    output: DocumentOutputOption = None,
) -> None:
    """What a department was responsible for over a leader's tenure, for a 领导干部经济责任审计: each change of its
    duties and posts in date order, every duty it held (from when to when, its status at the end), its 编制 and
    领导职数 at both ends, and the lists naming it in force then."""
    from api.tenure_files import tenure_file, tenure_report
    from queries.sources import document_titles
    from queries.tenure import tenure_duties

    check_output(format.value, output, "md, json, xlsx or docx")
    with open_graph(store) as graph:
        say_if_stale(graph, store)
        try:
            result = tenure_duties(graph, department, start, end)
        except (UnknownDepartment, QueryError) as exc:
            refuse(exc)
        read_as = say_reading(graph, department, result["department_uid"])
        titles = document_titles(graph)
        given = [("department", department), ("from", start), ("to", end)]
        asked = file_asked(graph, "tenure", given, {"department": read_as}) \
            if format in (TenureFormat.md, TenureFormat.xlsx, TenureFormat.docx) else None
    if format is TenureFormat.json:
        write_json(result, output)
        return
    report = tenure_report(result, titles, asked)
    if format is TenureFormat.table:
        out.rule(report.title)
        for section in report.sections:
            print_rows(section.rows, section.columns, title=section.title, answer=section.key)
        return
    write_output(tenure_file(report, format.value), output)
