"""`dutygraph check-plan`: a department's 年度工作目标 checked against its duties, without loading it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.common import (
    DraftFormat,
    Format,
    OutputOption,
    StoreOption,
    TableOption,
    check_output,
    check_table,
    file_asked,
    misuse,
    open_graph,
    refuse,
    say_if_stale,
    say_reading,
)
from api.cli.drafts import write_checked
from ingest.errors import IngestError
from queries.catalog import QueryError
from queries.lookup import UnknownDepartment
from queries.sources import document_titles


def check_plan_command(
    file: Annotated[Path, typer.Argument(help="a yearly work plan: numbered goals (.txt, .docx) or a table with a "
                                              "工作目标 column (.csv, .xlsx)")],
    department: Annotated[str | None, typer.Option(
        help="the department whose plan it is (default: the one its title names)")] = None,
    year: Annotated[int | None, typer.Option(
        help="the plan's year: its duties are those in force on 12-31 (default: the title's year, else today's)",
        min=1949, max=2100)] = None,
    store: StoreOption = None,
    format: Annotated[DraftFormat, typer.Option("--format")] = DraftFormat.table,
    table: TableOption = None,
    output: OutputOption = None,
) -> None:
    """Check a department's 年度工作目标 against its duties in force, without loading it: the duties each goal
    serves, goals still doing work moved out, cancelled or devolved, goals beyond its duties (another department's,
    or no one's), and duties no goal serves (阶段性 ones marked). The graph is left as it was."""
    from ingest.plan import read_plan
    from queries.plan_check import check_plan, plan_department

    check_output(format.value, output, "json, csv, xlsx or md")
    check_table("check_plan", Format(format.value) if format is not DraftFormat.md else Format.table, table,
                "check-plan")
    if not file.is_file():
        misuse(f"no such file: {file}", f"文件不存在：{file}")
    try:
        plan = read_plan(file)
        with open_graph(store) as graph:
            say_if_stale(graph, store)
            try:
                found = plan_department(graph, plan, department)
            except UnknownDepartment as exc:
                refuse(exc)
            read_as = say_reading(graph, department or plan.department, found["uid"])
            result = check_plan(graph, plan, found, file=file.name, year=year)
            titles = document_titles(graph)
            given = [("file", file.name), ("department", department), ("checked_department", found["name"]),
                     ("year", year), ("table", table)]
            asked = file_asked(graph, "check_plan", given, {"department": read_as}) \
                if format in (DraftFormat.xlsx, DraftFormat.md) else None
    except IngestError as exc:
        refuse(QueryError(exc.message, exc.message_zh(str(file))))
    title = f"{result['plan']['department']} 年度工作目标审核"
    write_checked("check_plan", result, titles, plan_heading(result), title, format=format, table=table,
                  output=output, asked=asked)


def plan_heading(result: Mapping[str, Any]) -> str:
    """What was checked against what: the plan, its department and the date its duties are read for."""
    plan = result["plan"]
    when = f"{plan['in_force_on']} 施行的职责" if plan["in_force_on"] else "现行职责"
    return f"年度工作目标审核：{plan['file']}（{plan['department']}），对照{when}"
