"""What every command shares: the consoles, exit codes and options, opening the store, refusing misuse, and
saying what a file records (its 查询条件) or what the graph's state means for an answer."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from graph.store import StoreError, open_store, parse_store_uri
from ingest.fields_version import FieldsNotice, fields_notice
from queries.catalog import QueryError
from queries.lookup import department_reading

# The command line's modules import only light modules at their top: `dutygraph --help` and every command load
# them all. What one command needs (fastapi, networkx, numpy, jieba, openpyxl, the analyses, the ingest pipeline …)
# it imports itself, so that a command pays for its own work only (--help: 1.4 s before, when every module was
# loaded up front).
if TYPE_CHECKING:
    from datetime import datetime

    from graph.store import Store
    from queries.asked import Asked


# Piped output (make demo, a log file) gets wide tables instead of the 80-column default.
_PIPE_WIDTH = 160


out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else _PIPE_WIDTH)


err = Console(stderr=True, soft_wrap=True, width=None if sys.stderr.isatty() else _PIPE_WIDTH)


EXIT_OK, EXIT_FAILED, EXIT_MISUSE = 0, 1, 2


EXIT_INTERRUPTED = 130  # as a shell reports a command Ctrl-C stopped


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class LogLevel(StrEnum):
    critical = "critical"
    error = "error"
    warning = "warning"
    info = "info"
    debug = "debug"


class ReportFormat(StrEnum):
    table = "table"
    md = "md"
    json = "json"
    xlsx = "xlsx"
    docx = "docx"


class DraftFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"
    md = "md"


_STORE_HELP = ("embedded:DIR, falkordb://host:port or neo4j://user:pass@host:7687 "
               "(default: $DUTYGRAPH_STORE or embedded:./data)")


StoreOption = Annotated[str | None, typer.Option("--store", help=_STORE_HELP)]


ParamOption = Annotated[list[str] | None, typer.Option("--param", help="k=v, repeatable")]


FormatOption = Annotated[Format, typer.Option("--format", help="table for people at a terminal, json for programs, "
                                              "csv or xlsx for a file people open in Excel")]


OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="file to write (needed for xlsx)")]


# The report's and the tenure's files: Word as well as Excel cannot go to a terminal.
DocumentOutputOption = Annotated[Path | None, typer.Option("--output", "-o",
                                                          help="file to write (needed for xlsx, docx)")]


TableOption = Annotated[str | None, typer.Option(
    "--table", help="of an answer of several tables (stats, power_split, coordination_network, department_profile, "
                    "check-draft, check-plan): the one to print or write; a CSV file holds one table, so it needs one; "
                    "Excel holds each on a sheet")]


FILE_FORMATS = "json, csv or xlsx"


@contextmanager
def open_graph(uri: str | None, *, creates: bool = False, serves: bool = False) -> Iterator[Store]:
    """The store to work on. Only a command that `creates` a graph (ingest, reset) may start an embedded one in a
    folder that does not exist yet: a mistyped --store would answer an empty report that reads as "no problems".
    `serve` may serve an empty graph (documents are uploaded from the page), but from a folder that is there: a
    mistyped path served an empty graph that /readyz called ready (user test)."""
    from api.settings import settings

    config = settings()
    uri = uri or config.store
    try:
        spec = parse_store_uri(uri)
    except StoreError as exc:
        refuse(exc)
    if spec.scheme == "embedded" and not creates and spec.path is not None and not spec.path.is_dir():
        refuse(StoreError(
            f"no graph at {uri}: the folder {spec.path} does not exist (ingest documents into it first: "
            f"dutygraph ingest PATH --store {uri}" + (f"; or, to serve an empty graph and upload documents from the "
                                                      f"page, create it: mkdir -p {spec.path})" if serves else ")"),
            f"{uri} 没有图谱：文件夹 {spec.path} 不存在（请先载入文件：dutygraph ingest 路径 --store {uri}"
            + (f"；如要先启动空图谱、再在页面上传文件，请先创建该文件夹：mkdir -p {spec.path}）" if serves else "）")))
    try:
        store = open_store(uri, neo4j_user=config.neo4j_user, neo4j_password=config.neo4j_password)
    except StoreError as exc:
        print_error(exc)
        raise typer.Exit(EXIT_FAILED) from exc
    try:
        yield store
    except StoreError as exc:
        print_error(exc)
        raise typer.Exit(EXIT_FAILED) from exc
    finally:
        store.close()


def refuse(exc: Exception) -> NoReturn:
    """The user's mistake: its message on stderr, and exit status 2."""
    print_error(exc)
    raise typer.Exit(EXIT_MISUSE) from exc


def misuse(message: str, zh: str) -> NoReturn:
    """The user's mistake, in English and in Chinese, and exit status 2."""
    refuse(QueryError(message, zh))


def print_error(exc: Exception, label: str = "error") -> None:
    """The message, then its Chinese when the error carries one (QueryError, StoreError)."""
    err.print(f"[red]{label}:[/red] {escape(str(exc))}")
    zh = getattr(exc, "zh", "")
    if zh:
        err.print(f"{' ' * (len(label) + 2)}{escape(zh)}")


def parse_params(items: list[str] | None) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            misuse(f"--param {item!r}: expected k=v", f"--param {item}：应写成 参数名=值")
        if key.strip() in params:  # the last one silently won (user test); a query takes one value per parameter
            misuse(f"--param {key.strip()} is given twice ({params[key.strip()]!r}, {value!r}): give it once",
                   f"--param {key.strip()} 给了两次（“{params[key.strip()]}”“{value}”）：每个参数只能给一次")
        params[key.strip()] = value
    return params


# A file's name that says its format: written in another, it opens as garbage or not at all.
_SUFFIX_FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".md": "md", ".docx": "docx"}


def check_output(format: str, output: Path | None, file_formats: str) -> None:
    """Before any work is done: a binary file is not for the terminal, a terminal table is not for a file, and the
    file's folder must exist (a traceback after a long query would be the alternative)."""
    if format in {"xlsx", "docx"} and output is None:
        misuse(f"--format {format} writes a binary file, which a terminal cannot show: give --output FILE",
               f"--format {format} 生成二进制文件，终端无法显示：请用 --output 指定文件")
    if format == "table" and output is not None:
        in_chinese = file_formats.replace(", ", "、").replace(" or ", " 或 ")
        misuse(f"--format table prints to the terminal: for a file use {file_formats}",
               f"--format table 只在终端显示：要写入文件请用 {in_chinese}")
    named_for = _SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    if output is not None and named_for not in (None, format):  # Excel refuses, or misreads, a CSV named .xlsx
        misuse(f"--format {format} writes {format}, but {output.name} is named for {named_for}: name the file "
               f"{output.with_suffix('.' + format).name} or use --format {named_for}",
               f"--format {format} 生成 {format} 文件，而 {output.name} 的扩展名是 {named_for}："
               f"请把文件命名为 {output.with_suffix('.' + format).name}，或改用 --format {named_for}")
    if output is not None and output.is_dir():  # before the work, as a missing folder is
        misuse(f"cannot write {output}: it is a folder; give a file name",
               f"无法写入 {output}：这是一个文件夹，请给出文件名")
    if output is not None and not output.parent.is_dir():
        misuse(f"cannot write {output}: the folder {output.parent} does not exist",
               f"无法写入 {output}：文件夹 {output.parent} 不存在")
    if format in {"xlsx", "docx", "md"}:  # files that record their time (查询条件): its setting checked first
        export_time()


def check_table(answer: str, format: Format, table: str | None, command: str = "") -> None:
    """`--table` names one table of an answer of several; a CSV file of such an answer needs it (the API's 406).
    `command` is how the refusal names the answer where a command, not `query NAME`, gives it (check-draft, whose
    tables are keyed check_draft)."""
    if table is None and format is not Format.csv:
        return  # nothing to check: spares the table-answer declarations' import (fastapi) of a terminal's query
    if table is not None and format is Format.json:  # a program's JSON is the whole answer, as the API's is
        misuse(f"--table {table}: --format json gives every table of the answer; --table is for table, csv and xlsx",
               f"--table {table}：--format json 输出结果的全部表；--table 只用于 table、csv 和 xlsx 格式")
    from api.tabular import TABLE_TITLES, one_table_per_csv

    tables = list(TABLE_TITLES.get(answer, {}))
    shown = command or answer
    if table is not None and not tables:
        misuse(f"--table {table}: {shown} answers one table; --table chooses among the tables of an answer of "
               "several", f"--table {table}：{shown} 只有一张表；--table 用于在含多张表的结果中选择一张")
    if table is not None and table not in tables:
        misuse(f"--table {table}: {shown} has no such table; its tables are {', '.join(tables)}",
               f"--table {table}：{shown} 没有这张表；可选的表：{'、'.join(tables)}")
    if table is None and tables and format is Format.csv:
        refuse(QueryError(*one_table_per_csv(shown, tables, option="--table ", other="--format xlsx")))


def say_reading(graph: Store, typed: Any, uid: str | None) -> str:
    """A department name read as a department whose full name or alias it is not (an abbreviation, a close
    spelling: 市监局), said on stderr (lookup.Reading): the answer may not name the department, and a short name may
    be read as one not meant (user test). Returns the name it was read as ('' when taken as written), for a file's
    查询条件."""
    said = department_reading(graph, typed, uid) if isinstance(typed, str) and uid else None
    if said:
        err.print(f"{escape(said.zh)} / {escape(str(said))}")
    return said.name if said else ""


def region_readings(typed: Mapping[str, Any], checked: Mapping[str, Any]) -> dict[str, str]:
    """The region and city parameters written otherwise than the graph writes them (河西区: 示例市/河西区)."""
    return {key: str(checked[key]) for key in ("region", "city")
            if isinstance(typed.get(key), str) and checked.get(key) and checked[key] != typed[key]}


def export_time() -> datetime:
    """The time a file records: SOURCE_DATE_EPOCH's, else now; a malformed one is the user's to mend (exit 2)."""
    from api.settings import settings
    from queries.asked import export_time

    try:
        return export_time(settings().source_date_epoch)
    except QueryError as exc:
        refuse(exc)


def file_asked(graph: Store, answer: str, given: list[tuple[str, object]], readings: Mapping[str, str] | None = None,
               *, title: str | None = None, notes: tuple[tuple[str, str], ...] = (),
               defaults: list[tuple[str, object]] | None = None) -> Asked:
    """What was asked, for a file's 查询条件 (queries.asked), filled as the API fills it for the same answer: the
    parameters as typed, each with its reading, then the defaults of those not given (`defaults`: each parameter's
    name and default). A malformed SOURCE_DATE_EPOCH is the user's to mend (exit 2)."""
    from queries.asked import asked, given_values

    at = export_time()
    if title is None:
        from api.tabular import answer_title

        title = answer_title(answer)
    return asked(graph, answer, title, given_values(given, dict(readings or {}), defaults or ()), at, notes)


def say_if_stale(graph: Store, store: str | None) -> None:
    """A graph made by an earlier version answers from its old terms and links until they are redone, and from the
    properties its documents were loaded with until they are ingested again: say so, on stderr, rather than answer
    as if current (only `ingest`, `link` and `serve` write terms and links anew; only `ingest` the properties)."""
    from ingest.link import links_are_current
    from ingest.unlinked import unlinked_duties

    where = f" --store {store}" if store else ""
    unlinked = unlinked_duties(graph)
    if unlinked:
        err.print(f"[yellow]warning:[/yellow] {unlinked} duties were loaded but not linked (an ingest stopped before "
                  f"it finished, or one is running now), so overlaps, REFINES and who_handles miss them: run "
                  f"`dutygraph link{where}` / 有 {unlinked} 条职责已载入但未建立相似关联（载入中断或正在进行），"
                  f"职责交叉、职责分解和谁来管的结果不全：请运行 dutygraph link{where}")
    if not links_are_current(graph):
        err.print(f"[yellow]warning:[/yellow] the graph's terms or similarity links were made by another version of "
                  f"dutygraph, so overlaps, REFINES and who_handles may be out of date: run `dutygraph link{where}` / "
                  f"图中词项或相似关联由另一版本生成，职责交叉、职责分解和谁来管的结果可能过时："
                  f"请运行 dutygraph link{where}")
    # Unlike links, loaded properties cannot be redone from the graph: only ingesting the documents again adds them.
    say_fields(fields_notice(graph, store))


def say_fields(fields: FieldsNotice | None) -> None:
    if fields is not None:
        err.print(f"[yellow]warning:[/yellow] {escape(fields.en)} / {escape(fields.zh)}")
