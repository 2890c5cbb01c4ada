"""The `dutygraph` command line: ingest, stats, query, cypher, report, dispatch, check-draft, link, serve, reset."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from api.usage_errors import BilingualGroup
from graph.os_reasons import os_reason_zh
from graph.store import ReadOnlyViolation, StoreError, open_store, parse_store_uri
from ingest.errors import IngestError
from ingest.fields_version import FieldsNotice, fields_notice
from ingest.kinds import KIND_TITLES, KINDS
from ingest.regions import RegionOptionError, parse_region_option
from queries import catalog
from queries.catalog import QueryError
from queries.labels import column_label
from queries.lookup import UnknownDepartment, UnknownRegion, check_region, checked_filters, department_reading
from queries.sources import document_titles, with_readable_sources

# Only light modules above: `dutygraph --help` and every command load these. What one command needs (fastapi,
# networkx, numpy, jieba, openpyxl, the analyses, the ingest pipeline …) it imports itself, so that a command
# pays for its own work only (--help: 1.4 s before, when every module was loaded up front).
if TYPE_CHECKING:
    from datetime import datetime

    from graph.store import Store
    from ingest.link import LinkReport
    from ingest.pipeline import IngestReport, SuccessionLine
    from queries.asked import Asked
    from queries.catalog import Param
    from queries.report import Section

app = typer.Typer(cls=BilingualGroup, add_completion=False, no_args_is_help=True,
                  help="dutygraph: a knowledge graph of departments' duties (职责), boundaries and responsibilities.")
# Piped output (make demo, a log file) gets wide tables instead of the 80-column default.
_PIPE_WIDTH = 160
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else _PIPE_WIDTH)
err = Console(stderr=True, soft_wrap=True, width=None if sys.stderr.isatty() else _PIPE_WIDTH)

EXIT_OK, EXIT_FAILED, EXIT_MISUSE = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a command Ctrl-C stopped
PROGRESS_MIN_COMPLAINTS = 200
PROGRESS_MIN_FILES = 5
LISTED_SHOWN = 20  # a 政务服务 export names hundreds of unresolved parties; the rest are one query away
WARNINGS_SHOWN = 20  # a corpus of truncated copies warns of each; every warning is kept on its Document


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
TableOption = Annotated[str | None, typer.Option(
    "--table", help="of an answer of several tables (power_split, coordination_network, department_profile): the one "
                    "to print or write; a CSV file holds one table, so it needs one; Excel holds each on a sheet")]
_FILE_FORMATS = "json, csv or xlsx"


def _version(wanted: bool) -> None:
    if wanted:
        from importlib.metadata import version

        out.print(f"dutygraph {version('dutygraph')}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _everywhere(store: StoreOption = None,
                _version_flag: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                            help="print the version and exit")] = False) -> None:
    """`dutygraph --store URI COMMAND` works as `dutygraph COMMAND --store URI` does."""
    if store:
        os.environ["DUTYGRAPH_STORE"] = store  # settings() reads it; a command's own --store still wins


@contextmanager
def _store(uri: str | None, *, creates: bool = False, serves: bool = False) -> Iterator[Store]:
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
        _refuse(exc)
    if spec.scheme == "embedded" and not creates and spec.path is not None and not spec.path.is_dir():
        _refuse(StoreError(
            f"no graph at {uri}: the folder {spec.path} does not exist (ingest documents into it first: "
            f"dutygraph ingest PATH --store {uri}" + (f"; or, to serve an empty graph and upload documents from the "
                                                      f"page, create it: mkdir -p {spec.path})" if serves else ")"),
            f"{uri} 没有图谱：文件夹 {spec.path} 不存在（请先载入文件：dutygraph ingest 路径 --store {uri}"
            + (f"；如要先启动空图谱、再在页面上传文件，请先创建该文件夹：mkdir -p {spec.path}）" if serves else "）")))
    try:
        store = open_store(uri, neo4j_user=config.neo4j_user, neo4j_password=config.neo4j_password)
    except StoreError as exc:
        _print_error(exc)
        raise typer.Exit(EXIT_FAILED) from exc
    try:
        yield store
    except StoreError as exc:
        _print_error(exc)
        raise typer.Exit(EXIT_FAILED) from exc
    finally:
        store.close()


# -- ingest ---------------------------------------------------------------------------------------

@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="files or folders (walked) to ingest")],
    store: StoreOption = None,
    region: Annotated[str | None, typer.Option(help="region of departments whose names carry none, "
                                               "e.g. 示例市/青山县")] = None,
    kind: Annotated[str, typer.Option(help="document kind: " + ", ".join(KINDS))] = "auto",
    aliases: Annotated[Path | None, typer.Option(help="your aliases file: tab-separated lines, a department's "
                                                 "full name then its other names (default $DUTYGRAPH_ALIASES)")] = None,
) -> None:
    """Ingest 三定 provisions (.txt .docx .html) and duty lists (.csv .xlsx); exit 0 when all loaded, 1 when
    some failed, 2 on misuse."""
    from api.settings import settings
    from ingest.pipeline import discover, ingest, read_aliases

    if kind not in KINDS:
        _misuse(f"--kind {kind}: expected one of {', '.join(KINDS)}",
                f"--kind {kind}：文件类型应为 {'、'.join(f'{k}（{title}）' for k, title in KIND_TITLES.items())} 之一")
    missing = [path for path in paths if not path.exists()]
    if missing:
        _misuse(f"no such file or folder: {', '.join(map(str, missing))}",
                f"文件或文件夹不存在：{'、'.join(map(str, missing))}")
    try:
        region_option = parse_region_option(region) if region else None
    except RegionOptionError as exc:  # the API's upload says it in the same words, and lists the graph's regions
        _misuse(f"--region: {exc}", f"--region {exc.zh}")
    alias_file = aliases or (Path(settings().aliases) if settings().aliases else None)
    try:
        alias_groups = read_aliases(alias_file) if alias_file else None
    except IngestError as exc:
        _misuse(f"--aliases: {exc.message}", f"--aliases {exc.message_zh(str(exc.path))}")
    files = discover(paths)
    if not files:
        _misuse("no .txt, .html, .docx, .csv or .xlsx files found under the paths given",
                "所给路径下没有 .txt、.html、.docx、.csv 或 .xlsx 文件")
    with _store(store, creates=True) as graph:
        try:
            with _progress(len(files)) as advance:
                report = ingest(files, graph, region=region_option, kind=kind, progress=advance,
                                aliases=alias_groups)
        except KeyboardInterrupt:  # Ctrl-C, or a SIGTERM (main): said, not a silent exit 130 (user test)
            where = f" --store {store}" if store else ""
            err.print(f"[yellow]interrupted:[/yellow] each file loads whole or not at all; those loaded before the "
                      f"stop are in the graph, but may not be linked yet: run the same ingest again (the files "
                      f"already loaded are recognised) or `dutygraph link{where}` / 已中断：每个文件要么完整载入，"
                      f"要么未载入；中断前载入的文件可能尚未建立相似关联，请重新运行同一载入命令（已载入的文件会被识别），"
                      f"或运行 dutygraph link{where}", highlight=False)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        in_graph = catalog.label_counts(graph)
        staff_in_graph = sum(row["staff_quota"] or 0 for row in catalog.run(graph, "departments"))
        fields = fields_notice(graph, store)  # documents an earlier version loaded that this run did not load again
    _print_ingest_summary(report, in_graph, staff_in_graph)
    _say_fields(fields)
    raise typer.Exit(EXIT_FAILED if report.failed else EXIT_OK)


@app.command("remove")
def remove_command(
    documents: Annotated[list[str], typer.Argument(help="the documents to take out: the file itself, the path it "
                                                   "was loaded from, its file name, its title or its uid "
                                                   "(dutygraph query documents lists them)")],
    store: StoreOption = None,
) -> None:
    """Take documents loaded by mistake out of the graph, with everything only they state; exit 2 when a name
    matches no document or several."""
    from ingest.removal import RemovalError, find_documents, remove

    with _store(store) as graph:
        try:
            removal = remove(graph, find_documents(graph, documents))
        except RemovalError as exc:
            _misuse(str(exc), exc.zh)
        in_graph = catalog.label_counts(graph)
    out.print(f"已移除 {len(removal.removed)} 个文件 / removed {len(removal.removed)} documents:")
    for document in removal.removed:
        out.print(f"  {document.label()}", markup=False, highlight=False)
    out.print("图中 in graph: " + ", ".join(f"{title} {in_graph.get(label_name, 0)}"
                                            for label_name, title in _ADDED_LABELS))
    _say_linked(removal.links)


@contextmanager
def _bars(total: int, minimum: int, *stages: str) -> Iterator[tuple[Any, list[Any]] | None]:
    """Progress bars on stderr, one per stage, when the work is long enough and stderr is a terminal; else None."""
    if total < minimum or not err.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        yield progress, [progress.add_task(stage, total=total) for stage in stages]


@contextmanager
def _progress(total: int) -> Iterator[Any]:
    with _bars(total, PROGRESS_MIN_FILES, "解析 parse", "写入 load ") as bars:
        if bars is None:
            yield None
            return
        progress, (parse_task, load_task) = bars

        def advance(stage: str, _path: Path) -> None:
            if stage in {"parse", "load"}:
                progress.advance(parse_task if stage == "parse" else load_task)

        yield advance


@contextmanager
def _routing_progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A bar on a terminal for a day's file of complaints (2,000 take some seconds; 20,000 a minute)."""
    with _bars(total, PROGRESS_MIN_COMPLAINTS, "诉求分派 routing") as bars:
        if bars is None:
            yield None
            return
        progress, (task,) = bars
        yield lambda done: progress.update(task, completed=done)


_ADDED_LABELS = (("Region", "区划 regions"), ("Department", "部门 departments"), ("Office", "内设机构 offices"),
                 ("Duty", "职责 duties"), ("Matter", "共同事项 matters"), ("PowerItem", "权责事项 power items"),
                 ("SupervisionItem", "监管事项 supervision items"), ("Document", "文件 documents"))


def _print_ingest_summary(report: IngestReport, in_graph: dict[str, int], staff_in_graph: int) -> None:
    loaded = [outcome for outcome in report.outcomes if outcome.ok]
    table = Table(title=f"已载入 {len(loaded)} 个文件 / loaded {len(loaded)} of {len(report.outcomes)} files")
    table.add_column("")
    table.add_column("新增 added", justify="right")
    table.add_column("图中 in graph", justify="right")
    # Added: what this ingest's writes created, so that another process writing meanwhile is not counted.
    for label_name, title in _ADDED_LABELS:
        table.add_row(title, str(report.created.get(label_name, 0)), str(in_graph.get(label_name, 0)))
    # The posts the files loaded now state (a file loaded again states its posts again) and the graph's total
    # over departments with a 三定.
    table.add_row("编制 staff posts (本次文件 these files / 图中 graph)", str(report.totals().get("staff posts", 0)),
                  str(staff_in_graph))
    out.print(table)
    _say_if_resegmented(report.resegmented)
    again = [str(outcome.path) for outcome in loaded if not any(outcome.created.values())]
    if again:  # loading a file twice printed 已载入 1 个文件 as if it were new (user test)
        _print_listed(f"已在图中的文件 already in the graph ({len(again)})：内容和区划与图中相同，重新载入后未新增 / "
                      "the same content for the same region: loaded again, nothing added", again)
    if report.replaced:  # a corrected list stood beside the old one, both counted (user test)
        _print_listed(f"替换的旧版本 replaced earlier versions ({len(report.replaced)})：同一清单的旧版本已移出图谱 / "
                      "the list loaded before is taken out",
                      [f"{path} 替换 replaces {earlier}（{why}）" for path, earlier, why in report.replaced])
    if report.beside:  # two 街道's lists both titled 职责边界清单 replaced each other (user test)
        _print_listed(f"同名清单并存 lists of the same name kept side by side ({len(report.beside)})：不是同一清单的"
                      "新旧版本，未替换 / not versions of one list: nothing replaced",
                      [f"{path} 与 beside {other}（{why}）" for path, other, why in report.beside])
    if report.older_skipped:
        _print_listed(f"未载入的旧版本 older versions not loaded ({len(report.older_skipped)})：本次载入中有同一清单"
                      "较新保存的文件 / a newer file of the same list is in this run",
                      [f"{path}（较新 newer：{newer}；{why}）" for path, newer, why in report.older_skipped])
    if report.kept_current:  # a 2022 list loaded after the 2024 one made 2022 the current one
        _print_listed(f"未载入的较早版本 earlier versions not loaded ({len(report.kept_current)})：图中已有同一清单"
                      "较晚的版本，现行清单不变 / the graph holds a later version of the same list, which stays "
                      "current", [_kept_current_line(*entry) for entry in report.kept_current])
    if report.links is not None:
        links = report.links
        out.print(f"相似职责关联 similarity linking: {links.new} new of {links.duties} duties compared, "
                  f"{links.boilerplate} boilerplate, {links.similar} similar pairs, {links.refines} office→department "
                  f"links, {links.counterparts} counterparts")
        _say_if_relinked(links)
    if report.unresolved:
        names = sorted({_unresolved_line(r.mention, r.name, r.candidates) for r in report.unresolved})
        _print_listed(f"未能确认的部门名称 unresolved department mentions ({len(names)})：图中没有其三定，"
                      "作为未确认的部门载入 / no 三定 of theirs in the graph: kept as unresolved parties", names,
                      rest="dutygraph query unresolved_departments --format csv")
    if report.successions:  # a renamed body left standing beside its successor was counted twice (user test)
        _print_listed(f"机构改革 successions ({len(report.successions)})：三定或调整通知所述更名、合并或划入的机构"
                      "不再计为现行部门 / bodies a 三定 or notice says it renamed or merged are no longer counted as "
                      "current",
                      [_succession_line(line) for line in report.successions])
    _say_warnings(report)
    if report.failed:
        failed = Table(title=f"失败 {len(report.failed)} 个文件 / failed files", show_lines=True)
        failed.add_column("文件 file", overflow="fold")
        failed.add_column("原因 reason", overflow="fold")
        for outcome in report.failed:
            # The message starts with the file (and line) it is about, as does each bad row's line of a list's
            # message; the table shows the file once.
            reason = outcome.error.replace(f"{outcome.path}:", "").strip()
            if outcome.failure:  # and in Chinese, as the upload's error_zh says it
                reason += "\n" + outcome.failure.message_zh("").strip().lstrip("：")
            failed.add_row(str(outcome.path), reason)
        err.print(failed)


def _say_warnings(report: IngestReport) -> None:
    """What a loaded file was read with that its user should check (a header cell merged over two columns, a
    copy cut short): said here, and kept as the notes of its Document."""
    # A warning about the file as a whole names it already (`path:line: …`); one about a line of it, not.
    warnings = [warning if warning.startswith(f"{outcome.path}:") else f"{outcome.path}: {warning}"
                for outcome in report.outcomes if outcome.ok for warning in outcome.warnings]
    if not warnings:
        return
    err.print(f"提示 warnings ({len(warnings)}): loaded, with these notes (kept on each Document as notes)")
    for warning in warnings[:WARNINGS_SHOWN]:
        err.print(f"  {warning}", markup=False, highlight=False, soft_wrap=True)  # one line, to grep or copy
    if len(warnings) > WARNINGS_SHOWN:
        err.print(f"  … 另有 {len(warnings) - WARNINGS_SHOWN} 条 / {len(warnings) - WARNINGS_SHOWN} more: dutygraph "
                  "cypher \"MATCH (d:Document) WHERE size(d.notes) > 0 RETURN d.path, d.notes\"", markup=False)


# -- stats, query, cypher -------------------------------------------------------------------------

@app.command("stats")
def stats_command(store: StoreOption = None, format: FormatOption = Format.table, table: TableOption = None,
                  output: OutputOption = None) -> None:
    """Counts of nodes by label and of relationships by type (two tables: labels, relationships)."""
    from queries.report import stats

    _check_output(format.value, output, _FILE_FORMATS)
    _check_table("stats", format, table)
    with _store(store) as graph:
        labels, relationships = stats(graph)
        asked = _asked(graph, "stats", [("table", table)]) if format is Format.xlsx else None
    if format is Format.json:
        _write_json({"labels": {r["label"]: r["count"] for r in labels},
                     "relationships": {r["type"]: r["count"] for r in relationships}}, output)
        return
    if format is not Format.table:
        _write(_answer_file("stats", {"labels": labels, "relationships": relationships}, format, table,
                            asked=asked), output)
        return
    if table in (None, "labels"):
        _print_rows(labels, ["label", "meaning", "count"], title="节点 nodes", answer="stats.labels")
    if table in (None, "relationships"):
        _print_rows(relationships, ["type", "meaning", "count"], title="关系 relationships",
                    answer="stats.relationships")


def _refuse(exc: Exception) -> NoReturn:
    """The user's mistake: its message on stderr, and exit status 2."""
    _print_error(exc)
    raise typer.Exit(EXIT_MISUSE) from exc


def _misuse(message: str, zh: str) -> NoReturn:
    """The user's mistake, in English and in Chinese, and exit status 2."""
    _refuse(QueryError(message, zh))


# A file's name that says its format: written in another, it opens as garbage or not at all.
_SUFFIX_FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".md": "md", ".docx": "docx"}


def _check_output(format: str, output: Path | None, file_formats: str) -> None:
    """Before any work is done: a binary file is not for the terminal, a terminal table is not for a file, and the
    file's folder must exist (a traceback after a long query would be the alternative)."""
    if format in {"xlsx", "docx"} and output is None:
        _misuse(f"--format {format} writes a binary file, which a terminal cannot show: give --output FILE",
                f"--format {format} 生成二进制文件，终端无法显示：请用 --output 指定文件")
    if format == "table" and output is not None:
        in_chinese = file_formats.replace(", ", "、").replace(" or ", " 或 ")
        _misuse(f"--format table prints to the terminal: for a file use {file_formats}",
                f"--format table 只在终端显示：要写入文件请用 {in_chinese}")
    named_for = _SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
    if output is not None and named_for not in (None, format):  # Excel refuses, or misreads, a CSV named .xlsx
        _misuse(f"--format {format} writes {format}, but {output.name} is named for {named_for}: name the file "
                f"{output.with_suffix('.' + format).name} or use --format {named_for}",
                f"--format {format} 生成 {format} 文件，而 {output.name} 的扩展名是 {named_for}："
                f"请把文件命名为 {output.with_suffix('.' + format).name}，或改用 --format {named_for}")
    if output is not None and output.is_dir():  # before the work, as a missing folder is
        _misuse(f"cannot write {output}: it is a folder; give a file name",
                f"无法写入 {output}：这是一个文件夹，请给出文件名")
    if output is not None and not output.parent.is_dir():
        _misuse(f"cannot write {output}: the folder {output.parent} does not exist",
                f"无法写入 {output}：文件夹 {output.parent} 不存在")
    if format in {"xlsx", "docx", "md"}:  # files that record their time (查询条件): its setting checked first
        _export_time()


def _check_table(answer: str, format: Format, table: str | None) -> None:
    """`--table` names one table of an answer of several; a CSV file of such an answer needs it (the API's 406)."""
    if table is None and format is not Format.csv:
        return  # nothing to check: spares the table-answer declarations' import (fastapi) of a terminal's query
    if table is not None and format is Format.json:  # a program's JSON is the whole answer, as the API's is
        _misuse(f"--table {table}: --format json gives every table of the answer; --table is for table, csv and xlsx",
                f"--table {table}：--format json 输出结果的全部表；--table 只用于 table、csv 和 xlsx 格式")
    from api.tabular import TABLE_TITLES, one_table_per_csv

    tables = list(TABLE_TITLES.get(answer, {}))
    if table is not None and not tables:
        _misuse(f"--table {table}: {answer} answers one table; --table chooses among the tables of an answer of "
                "several", f"--table {table}：{answer} 只有一张表；--table 用于在含多张表的结果中选择一张")
    if table is not None and table not in tables:
        _misuse(f"--table {table}: {answer} has no such table; its tables are {', '.join(tables)}",
                f"--table {table}：{answer} 没有这张表；可选的表：{'、'.join(tables)}")
    if table is None and tables and format is Format.csv:
        _refuse(QueryError(*one_table_per_csv(answer, tables, option="--table ", other="--format xlsx")))


def _answer_file(answer: str, result: Any, format: Format, table: str | None = None,
                 columns: list[str] | None = None, asked: Asked | None = None) -> bytes:
    """The CSV or Excel file the API answers for the same answer (api.tabular): the same tables, sheets, columns,
    Chinese titles and cells, and, in Excel, the same 查询条件 (`asked`). `result`'s sources must already read as
    titles."""
    from api.tabular import TABLE_TITLES, file_bytes, file_name, list_section

    if answer in TABLE_TITLES:
        sections = [section for _name, section in _named_sections(answer, result, table)]
    else:
        sections = [list_section(answer, result, columns)]
    return file_bytes(format.value, sections, file_name(answer, table), asked=asked)


def _named_sections(answer: str, result: Mapping[str, Any], table: str | None) -> list[tuple[str, Section]]:
    """An answer of several tables as its file's tables (all, or the one `table` names), each with its name."""
    from api.tabular import TABLE_TITLES, file_tables, table_sections  # loads FastAPI: not for a list answer

    names = [table] if table else list(TABLE_TITLES[answer])
    return list(zip(names, table_sections(answer, file_tables(answer, result), names), strict=True))


def _write(data: bytes, output: Path | None) -> None:
    """To the file, or as bytes to stdout (a CSV's BOM and line ends as the file has them)."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        _misuse(f"cannot write {output}: {exc.strerror}", f"无法写入 {output}：{os_reason_zh(exc)}")
    err.print(f"wrote {output}")


def _write_json(value: Any, output: Path | None) -> None:
    _write((json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode(), output)


def _print_error(exc: Exception, label: str = "error") -> None:
    """The message, then its Chinese when the error carries one (QueryError, StoreError)."""
    err.print(f"[red]{label}:[/red] {escape(str(exc))}")
    zh = getattr(exc, "zh", "")
    if zh:
        err.print(f"{' ' * (len(label) + 2)}{escape(zh)}")


@app.command("queries")
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


@app.command("query")
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
    from queries.empty import empty_hint
    from queries.registry import ANALYSES, run_analysis

    _check_output(format.value, output, _FILE_FORMATS)
    params = _parse_params(param)
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
        _refuse(exc)
    _check_table(name, format, table)
    with _store(store) as graph:
        _say_if_stale(graph, store)
        try:
            # Every parameter that names a department reads it as the API and the page do (市监局 answered in
            # similar_duties_around and nothing in `department`, user test), and says how where not as written.
            departments = [p.name for p in declared if p.is_department]
            typed = dict(params)
            params = checked_filters(graph, params, departments)
            readings = _region_readings(typed, params)
            for key in departments:
                readings[key] = _say_reading(graph, typed.get(key), params.get(key))
            if name in ANALYSES:
                result: Any = run_analysis(graph, name, params)
                title = ANALYSES[name].question
                columns: list[str] = list(ANALYSES[name].shown)
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
            asked = _asked(graph, name, [*typed.items(), ("table", table)], readings,
                           defaults=[(p.name, p.default) for p in declared]) if format is Format.xlsx else None
            # Two texts of the 三定 of one date: which one the rows are read from is said beside them.
            caution = _in_force_warning(graph, ANALYSES[name].bind(params)) \
                if name == "duties_in_force" and format is not Format.json else ""
        except (UnknownDepartment, UnknownRegion, ValueError) as exc:
            _refuse(exc)
    if caution:
        err.print(f"注意：{caution}")
    if format is Format.json:  # every table of an answer of several, as the API's JSON
        _write_json(result, output)
    elif format is Format.table:
        _print_result(result, title=title, columns=columns, answer=name, table=table)
        if hint:
            err.print(hint)
    else:
        _write(_answer_file(name, result, format, table, columns, asked), output)


def _in_force_warning(graph: Store, params: dict[str, Any]) -> str:
    from queries.in_force import in_force_warning

    return in_force_warning(graph, params["department"], params["date"])


def _print_result(result: Any, *, title: str, columns: list[str], answer: str, table: str | None) -> None:
    """An answer for people at a terminal: a list as one table; an answer of several tables as its file's tables
    (the same rows, columns and Chinese titles), each titled with the name `--table` takes, an empty one (无)."""
    if isinstance(result, list):
        if not result:
            out.print(title)
        if answer == "who_handles" and result:
            _print_ranking(result, title=title)
            return
        _print_rows(result, columns or _columns(result), title=title, answer=answer)
        return
    out.rule(title)
    for name, section in _named_sections(answer, result, table):
        if section.rows:
            _print_rows(section.rows, section.columns, title=f"{section.title} {name}", answer=section.key)
        else:
            out.print(f"{section.title} {name}：（无）")


def _print_ranking(rows: list[dict[str, Any]], *, title: str) -> None:
    """who_handles at a terminal: the ranking in one table, then each candidate's evidence a line each under it
    (user test: the evidence, wrapped in a column 25 characters wide, made the table unreadable)."""
    from queries.report import flat

    # A matter whose lead the documents leave unsettled is named in the table by its reason; what each document
    # says is listed under the candidate's evidence, as the evidence is.
    _print_rows([{key: flat(value["reason"]) if key == "lead_dispute" and value else value
                  for key, value in row.items() if key != "evidence"} for row in rows],
                [column for column in _columns(rows) if column != "evidence"], title=title, answer="who_handles")
    for row in rows:
        out.print(f"{row['rank']}. {row['department']} {column_label('evidence', 'who_handles')}：", highlight=False)
        for evidence in row["evidence"]:
            where = f"（{evidence['office']}）" if evidence.get("office") else ""
            out.print(f"   · {flat(evidence['kind'])}{where}：{evidence['text'].rstrip('。')}。"
                      f"{evidence['source']}；{column_label('score', 'who_handles')}：{evidence['score']}",
                      highlight=False, soft_wrap=True)
        if row.get("lead_dispute"):
            dispute = row["lead_dispute"]
            out.print(f"   {flat(dispute['reason'])}：{dispute['matter']}", highlight=False)
            for claim in dispute["claims"]:
                out.print(f"   · {claim['source']}：牵头 {'、'.join(claim['leads']) or '（无）'}"
                          + (f"；属地主体责任 {'、'.join(claim['territorial_leads'])}"
                             if claim.get("territorial_leads") else "")
                          + (f"；配合 {'、'.join(claim['assists'])}" if claim["assists"] else ""),
                          highlight=False, soft_wrap=True)


@app.command("cypher")
def cypher_command(
    text: Annotated[str, typer.Argument(help="a read-only Cypher query")],
    param: ParamOption = None,
    store: StoreOption = None,
    format: FormatOption = Format.table,
    output: OutputOption = None,
) -> None:
    """Run an ad-hoc read-only Cypher query (parameters are strings); the engine refuses writes. CSV and Excel
    files keep the query's own column names and the values as the engine returned them."""
    _check_output(format.value, output, _FILE_FORMATS)
    params = _parse_params(param)
    with _store(store) as graph:
        try:
            rows = graph.read(text, params)
        except ReadOnlyViolation as exc:
            _print_error(exc, "refused")
            raise typer.Exit(EXIT_MISUSE) from exc
        if format is Format.xlsx:
            from queries.asked import cypher_given

            asked = _asked(graph, "cypher", cypher_given(text, params))
    if format is Format.json:
        _write_json(rows, output)
    elif format is Format.table:
        _print_rows(rows, _columns(rows), readable=False)
    else:
        # The columns are the analyst's own aliases and the values what they asked for: a column they named
        # `score` or a `type(r)` of LEADS must not be retitled or translated as a named answer's are.
        from api.tabular import file_bytes
        from queries.report import Section

        section = Section("cypher", "查询结果", _columns(rows), rows)
        _write(file_bytes(format.value, [section], "cypher", readable=False,
                          asked=asked if format is Format.xlsx else None), output)


def _parse_params(items: list[str] | None) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            _misuse(f"--param {item!r}: expected k=v", f"--param {item}：应写成 参数名=值")
        if key.strip() in params:  # the last one silently won (user test); a query takes one value per parameter
            _misuse(f"--param {key.strip()} is given twice ({params[key.strip()]!r}, {value!r}): give it once",
                    f"--param {key.strip()} 给了两次（“{params[key.strip()]}”“{value}”）：每个参数只能给一次")
        params[key.strip()] = value
    return params


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    return list(rows[0]) if rows else []


def _print_rows(rows: list[dict[str, Any]], columns: list[str], *, title: str = "", answer: str = "",
                readable: bool = True) -> None:
    """A table for people at a terminal. `answer` names the query the rows answer, for the columns whose title
    depends on it (column_label); `readable=False` keeps an ad-hoc query's own columns and values, as its files do."""
    from queries.export import raw
    from queries.report import cell_text

    table = Table(title=title or None, show_lines=False)
    for column in columns:
        table.add_column(column_label(column, answer) if readable else column, overflow="fold")
    for row in rows:
        table.add_row(*(cell_text(row, column, answer) if readable else raw(row.get(column)) for column in columns))
    out.print(table)
    out.print(f"({len(rows)} rows)")


# -- report, dispatch, link ----------------------------------------------------------------------

@app.command("report")
def report_command(
    store: StoreOption = None,
    region: Annotated[str | None, typer.Option(help="limit to a region path, e.g. 示例市")] = None,
    department: Annotated[str | None, typer.Option(help="limit to one department (its name or alias)")] = None,
    format: Annotated[ReportFormat, typer.Option("--format")] = ReportFormat.table,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="file to write (needed for xlsx, docx)")] = None,
) -> None:
    """Every finding of the catalog in one document: the assessment an 编办 would write."""
    from queries.export import to_docx, to_markdown, to_xlsx
    from queries.report import REPORT_TITLE, build_report, report_notes

    _check_output(format.value, output, "md, json, xlsx or docx")
    with _store(store) as graph:
        _say_if_stale(graph, store)
        try:
            typed = {"region": region, "department": department}
            filters = checked_filters(graph, typed)
            readings = {**_region_readings(typed, filters),
                        "department": _say_reading(graph, department, filters["department"])}
            report = build_report(graph, region=filters["region"], department=filters["department"])
        except (UnknownDepartment, UnknownRegion, QueryError) as exc:
            _refuse(exc)
        if format in (ReportFormat.md, ReportFormat.xlsx, ReportFormat.docx):
            report.asked = _asked(graph, "report", list(typed.items()), readings, title=REPORT_TITLE,
                                  notes=report_notes(report))
    if format is ReportFormat.table:
        out.rule(report.title)
        for section in report.sections:
            # Titled as in the report's files: the staffing table's 职责数 is 不含共性职责 (user test: the terminal's
            # read as the departments table's, one duty more).
            _print_rows(section.rows, section.columns, title=section.title, answer=section.key)
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
        _write(data, output)


@app.command("dispatch")
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

    _check_output(format.value, output, _FILE_FORMATS)
    try:
        complaints = read_complaints(file, column=column, region_column=region_column)
    except (OSError, ValueError, IngestError) as exc:
        _refuse(exc)
    with _store(store) as graph:
        _say_if_stale(graph, store)
        typed_region = region
        try:
            region = check_region(graph, region)
        except UnknownRegion as exc:
            _refuse(exc)
        with _routing_progress(len(complaints.complaints)) as advance:
            result = dispatch(graph, complaints.complaints, region=region, progress=advance)
        rows = with_readable_sources(result.rows, document_titles(graph))
        given = [("file", file.name), *dispatch_given(len(rows), typed_region, result.default_region),
                 ("column", column), ("region_column", region_column)]
        asked = _asked(graph, "dispatch", given, {"region": region} if region and region != typed_region else {}) \
            if format is Format.xlsx else None
    for warning in [*complaints.warnings, *result.warnings]:
        err.print(f"[yellow]warning:[/yellow] {file}: {warning}", highlight=False)
    columns = columns_with(complaints.columns)
    if format is Format.json:
        _write_json(rows, output)
    elif format is Format.table:
        _print_dispatched(rows, complaints.columns)
    else:
        _write(_answer_file("dispatch", rows, format, columns=columns, asked=asked), output)
    unsure = sum(1 for row in rows if needs_person(row))
    err.print(f"{len(rows)} complaints read; {len(rows) - unsure} routed, {unsure} need a person "
              "(tie, weak match, a department with no duties in the graph, no match, sent up to the city, or empty)")
    err.print(f"共 {len(rows)} 条诉求：{len(rows) - unsure} 条已分派，{unsure} 条需人工确定"
              "（难以区分、依据不足、图中无其职责、无匹配、转上级或为空）")
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
    _print_rows([{**row, "person": person_reason(row)} for row in rows], columns, title="诉求分派 dispatch",
                answer="dispatch")
    err.print("依据、出处、次选部门等完整各列 / every column (evidence, source, runner-up): --format xlsx|csv|json")


@app.command("check-draft")
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
    from queries.export import to_markdown
    from queries.report import Report

    _check_output(format.value, output, "json, csv, xlsx or md")
    # md, like table, holds every table: what --table is checked against is the format of one file or of all.
    _check_table("check_draft", Format(format.value) if format is not DraftFormat.md else Format.table, table)
    if not file.is_file():
        _misuse(f"no such file: {file}", f"文件不存在：{file}")
    try:
        source, parsed = read_draft(file)
        with _store(store) as graph:
            _say_if_stale(graph, store)
            try:
                draft = draft_of(graph, source, parsed, department)
            except UnknownDepartment as exc:
                _refuse(exc)
            read_as = _say_reading(graph, department, draft.department.uid)
            result = check_draft(graph, draft, file=file.name)
            titles = document_titles(graph)
            given = [("file", file.name), ("department", department), ("checked_department", draft.department.name),
                     ("table", table)]
            asked = _asked(graph, "check_draft", given, {"department": read_as}) \
                if format in (DraftFormat.xlsx, DraftFormat.md) else None
    except IngestError as exc:
        _refuse(QueryError(exc.message, exc.message_zh(str(file))))
    for note in result["notes"]:
        err.print(f"[yellow]note:[/yellow] {escape(note)}", highlight=False)
    if format is DraftFormat.json:
        _write_json(result, output)
        return
    readable = with_readable_sources(result, titles)
    if format is DraftFormat.table:
        out.print(_draft_heading(result, titles), highlight=False)  # in full: a rule's title is cut to one line
        _print_result(readable, title=f"{result['draft']['department']} 三定草案核对", columns=[], answer="check_draft",
                      table=table)
    elif format is DraftFormat.md:
        sections = [section for _name, section in _named_sections("check_draft", readable, table)]
        _write(to_markdown(Report(_draft_heading(result, titles), sections, asked=asked)).encode(), output)
    else:
        _write(_answer_file("check_draft", readable, Format(format.value), table, asked=asked), output)


def _draft_heading(result: Mapping[str, Any], titles: Mapping[str, Any]) -> str:
    """What was compared with what: the draft, its department, and the 三定 in force by its title and date."""
    draft, in_force = result["draft"], result["in_force"]
    against = "图中无该部门的现行三定"
    if in_force is not None:
        cited = "、".join(titles[uid].cite("") if uid in titles else uid for uid in in_force["documents"])
        against = f"对照现行三定 {cited}（{in_force['issued']}）"
    return f"三定草案核对：{draft['file']}（{draft['department']}），{against}"


@app.command("link")
def link_command(store: StoreOption = None,
                 all: Annotated[bool, typer.Option("--all", help="re-link every duty, not only new ones")] = False
                 ) -> None:
    """Recompute the similarity links (ingest does this for new duties by itself)."""
    from ingest.link import link

    with _store(store) as graph:
        _say_linked(link(graph, relink_all=all))


def _say_linked(result: LinkReport) -> None:
    out.print(f"{result.new} of {result.duties} duties compared, {result.boilerplate} boilerplate, "
              f"{result.similar} similar pairs, {result.refines} office→department links, "
              f"{result.counterparts} counterparts")
    _say_if_resegmented(result.resegmented)
    _say_if_relinked(result)


def _kept_current_line(path: Path, current: str, why: str) -> str:
    from ingest.versions import reason_parts

    chinese, english = reason_parts(why)
    return (f"{path}：{chinese}；现行清单 {current}；如应以此版本为准，请先 dutygraph remove 现行清单再载入 / "
            f"{english}: {current}; to have this one instead, dutygraph remove that one first")


def _print_listed(heading: str, lines: list[str], rest: str = "") -> None:
    """A heading and its lines, the first LISTED_SHOWN of them, then how many more (and where they are)."""
    out.print(heading)
    for line in lines[:LISTED_SHOWN]:
        out.print(f"  {line}")
    if len(lines) > LISTED_SHOWN:
        more = len(lines) - LISTED_SHOWN
        out.print(f"  … 另有 {more} 个 / {more} more" + (f": {rest}" if rest else ""))


_SUCCESSION_WORDS = {"renamed": "更名为", "merged": "合并组建为", "absorbed": "职责划入"}


def _succession_line(line: SuccessionLine) -> str:
    dated = f"，{line.date}" if line.date else ""
    unloaded = "" if line.loaded else "；图中没有其三定，按名称保留 / no 三定 of its own in the graph: kept by name"
    verb = _SUCCESSION_WORDS.get(line.kind, "")
    return f"{line.predecessor} {verb} {line.successor}（{line.source}{dated}）{unloaded}"


def _unresolved_line(mention: str, name: str, candidates: list[str]) -> str:
    """A mention no department of the graph answers to, with the name it is kept under where that differs (市民政局
    read in 示例市) and the known names near it; in words, not an arrow (user test)."""
    read_as = f"（读作“{name}”）" if name != mention else ""
    # The resolver's near names carry their score (示例市城管局 (91)), which a reader has no use for.
    near = f"（相近的已知部门：{'、'.join(c.rsplit(' (', 1)[0] for c in candidates)}）" if candidates else ""
    return f"{mention}{read_as}{near}"


def _say_if_resegmented(count: int) -> None:
    if count:
        out.print(f"图中原有 {count} 条文本按当前词典重新分词 / {count} stored texts were segmented again: the "
                  "graph's terms came from other dictionaries")


def _say_if_relinked(links: LinkReport) -> None:
    if links.stale:
        out.print("原有关联由另一版本的相似度模型或分词生成，已全部重新计算 / the graph's links were made by another "
                  "version of the similarity model or from other terms: every duty was linked again")


def _say_reading(graph: Store, typed: Any, uid: str | None) -> str:
    """A department name read as a department whose full name or alias it is not (an abbreviation, a close
    spelling: 市监局), said on stderr (lookup.Reading): the answer may not name the department, and a short name may
    be read as one not meant (user test). Returns the name it was read as ('' when taken as written), for a file's
    查询条件."""
    said = department_reading(graph, typed, uid) if isinstance(typed, str) and uid else None
    if said:
        err.print(f"{escape(said.zh)} / {escape(str(said))}")
    return said.name if said else ""


def _region_readings(typed: Mapping[str, Any], checked: Mapping[str, Any]) -> dict[str, str]:
    """The region and city parameters written otherwise than the graph writes them (河西区: 示例市/河西区)."""
    return {key: str(checked[key]) for key in ("region", "city")
            if isinstance(typed.get(key), str) and checked.get(key) and checked[key] != typed[key]}


def _export_time() -> datetime:
    """The time a file records: SOURCE_DATE_EPOCH's, else now; a malformed one is the user's to mend (exit 2)."""
    from api.settings import settings
    from queries.asked import export_time

    try:
        return export_time(settings().source_date_epoch)
    except QueryError as exc:
        _refuse(exc)


def _asked(graph: Store, answer: str, given: list[tuple[str, object]], readings: Mapping[str, str] | None = None,
           *, title: str | None = None, notes: tuple[tuple[str, str], ...] = (),
           defaults: list[tuple[str, object]] | None = None) -> Asked:
    """What was asked, for a file's 查询条件 (queries.asked), filled as the API fills it for the same answer: the
    parameters as typed, each with its reading, then the defaults of those not given (`defaults`: each parameter's
    name and default). A malformed SOURCE_DATE_EPOCH is the user's to mend (exit 2)."""
    from queries.asked import asked, given_values

    at = _export_time()
    if title is None:
        from api.tabular import answer_title

        title = answer_title(answer)
    return asked(graph, answer, title, given_values(given, dict(readings or {}), defaults or ()), at, notes)


def _say_if_stale(graph: Store, store: str | None) -> None:
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
    _say_fields(fields_notice(graph, store))


def _say_fields(fields: FieldsNotice | None) -> None:
    if fields is not None:
        err.print(f"[yellow]warning:[/yellow] {escape(fields.en)} / {escape(fields.zh)}")


@app.command("serve")
def serve_command(
    store: StoreOption = None,
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(help="worker processes (they share the store)")] = 1,
    root_path: Annotated[str, typer.Option(
        envvar="DUTYGRAPH_ROOT_PATH", help="the prefix a reverse proxy serves the service under, stripped before it "
                                           "passes requests on (e.g. /dutygraph)")] = "",
    log_level: Annotated[LogLevel, typer.Option(envvar="DUTYGRAPH_LOG_LEVEL", help="the service log's level")
                         ] = LogLevel.info,
) -> None:
    """Serve the HTTP API and the web page (OpenAPI at /docs)."""
    import uvicorn

    from ingest.link import link, links_are_current
    from ingest.unlinked import unlinked_duties

    _export_time()  # the files it serves record SOURCE_DATE_EPOCH's time: a malformed one refused before it starts
    with _store(store, serves=True) as graph:
        # Once, before the workers start: answers must come from today's terms and links, and two workers
        # must not both rewrite them.
        if not links_are_current(graph):
            out.print("图中词项或关联由另一版本生成，服务前先更新 / the graph's terms or links come from another "
                      "version: bringing them up to date before serving")
            _say_linked(link(graph))
        elif unlinked := unlinked_duties(graph):
            out.print(f"有 {unlinked} 条职责尚未建立关联（载入曾中断），服务前先补上 / {unlinked} duties were loaded "
                      "but not linked (an ingest was stopped): linking them before serving")
            _say_linked(link(graph))
    if store:
        os.environ["DUTYGRAPH_STORE"] = store  # the workers read their settings from the environment
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level=log_level.value, log_config=_service_logging(log_level), root_path=root_path.rstrip("/"))


def _service_logging(level: LogLevel) -> dict[str, Any]:
    """uvicorn's logging, with dutygraph's own loggers on its handler: without them the service's startup line (the
    store, its documents) and its info went nowhere, its warnings to stderr unformatted."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    for name in ("api", "graph", "ingest", "queries"):
        config["loggers"][name] = {"handlers": ["default"], "level": level.value.upper(), "propagate": False}
    return config


@app.command("reset")
def reset_command(store: StoreOption = None,
                  yes: Annotated[bool, typer.Option("--yes", help="do not ask")] = False) -> None:
    """Delete everything in the store."""
    from api.settings import settings

    uri = store or settings().store
    if not yes:
        if not sys.stdin.isatty():
            _misuse("reset deletes the whole graph; pass --yes to confirm", "reset 会删除整个图谱；确认请加 --yes")
        typer.confirm(f"Delete every node and relationship in {uri}?", abort=True)
    with _store(uri, creates=True) as graph:  # an empty graph, where there was none or one
        graph.clear()
        graph.apply_schema()
    out.print(f"cleared {uri}")


def _terminated(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt  # a SIGTERM (kill, timeout, systemd stop) stops a command as Ctrl-C does


def main() -> None:
    # The store's `with` blocks then close it, and the last client's embedded server stops: a SIGTERM killed the
    # command at once and left the server running for good (user test). `serve` has uvicorn's own handler.
    signal.signal(signal.SIGTERM, _terminated)
    app()


if __name__ == "__main__":
    main()
