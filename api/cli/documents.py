"""The commands that change the graph: ingest, remove, link and reset."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from api.cli.common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, StoreOption, err, misuse, open_graph, out, say_fields
from api.cli.ingest_summary import ADDED_LABELS, print_ingest_summary, say_linked
from api.cli.progress import file_progress
from ingest.errors import IngestError
from ingest.fields_version import fields_notice
from ingest.kinds import KIND_TITLES, KINDS
from ingest.regions import RegionOptionError, parse_region_option
from queries import catalog


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
        misuse(f"--kind {kind}: expected one of {', '.join(KINDS)}",
               f"--kind {kind}：文件类型应为 {'、'.join(f'{k}（{title}）' for k, title in KIND_TITLES.items())} 之一")
    missing = [path for path in paths if not path.exists()]
    if missing:
        misuse(f"no such file or folder: {', '.join(map(str, missing))}",
               f"文件或文件夹不存在：{'、'.join(map(str, missing))}")
    try:
        region_option = parse_region_option(region) if region else None
    except RegionOptionError as exc:  # the API's upload says it in the same words, and lists the graph's regions
        misuse(f"--region: {exc}", f"--region {exc.zh}")
    alias_file = aliases or (Path(settings().aliases) if settings().aliases else None)
    try:
        alias_groups = read_aliases(alias_file) if alias_file else None
    except IngestError as exc:
        misuse(f"--aliases: {exc.message}", f"--aliases {exc.message_zh(str(exc.path))}")
    files = discover(paths)
    if not files:
        misuse("no .txt, .html, .docx, .csv or .xlsx files found under the paths given",
               "所给路径下没有 .txt、.html、.docx、.csv 或 .xlsx 文件")
    with open_graph(store, creates=True) as graph:
        try:
            with file_progress(len(files)) as advance:
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
    print_ingest_summary(report, in_graph, staff_in_graph)
    say_fields(fields)
    raise typer.Exit(EXIT_FAILED if report.failed else EXIT_OK)


def remove_command(
    documents: Annotated[list[str], typer.Argument(help="the documents to take out: the file itself, the path it "
                                                   "was loaded from, its file name, its title or its uid "
                                                   "(dutygraph query documents lists them)")],
    store: StoreOption = None,
) -> None:
    """Take documents loaded by mistake out of the graph, with everything only they state; exit 2 when a name
    matches no document or several."""
    from ingest.removal import RemovalError, find_documents, remove

    with open_graph(store) as graph:
        try:
            removal = remove(graph, find_documents(graph, documents))
        except RemovalError as exc:
            misuse(str(exc), exc.zh)
        in_graph = catalog.label_counts(graph)
    out.print(f"已移除 {len(removal.removed)} 个文件 / removed {len(removal.removed)} documents:")
    for document in removal.removed:
        out.print(f"  {document.label()}", markup=False, highlight=False)
    for document in removal.restored:  # the list's next-newest version is current again
        out.print(f"历史版本恢复为现行清单 the next-newest version is current again: {document.label()}", markup=False,
                  highlight=False)
    for document in removal.stranded:
        out.print(f"历史版本的文件已不存在、已改动或未能载入，未能恢复为现行清单，请重新载入 / its file is gone, "
                  f"changed or did not load: load it again: {document.said()}", markup=False, highlight=False)
    for document in removal.reread:  # read as a successor's by the reform removed: the old body's again
        out.print(f"调整通知已按原机构重新载入 read again as the body its title names: {document.label()}",
                  markup=False, highlight=False)
    for document in removal.not_reread:
        out.print(f"调整通知的文件已不存在、已改动或未能载入，未能重新载入，请重新载入 / its file is gone, changed "
                  f"or did not load: load it again: {document.said()}", markup=False, highlight=False)
    for document in removal.parties_reread:  # it named the removed 三定's department: read now without it
        out.print(f"清单已重新载入，其所称部门不再按已移除的三定解读 read again without the removed 三定: "
                  f"{document.label()}", markup=False, highlight=False)
    for document in removal.parties_not_reread:
        out.print(f"清单的文件已不存在、已改动或未能载入，未能重新载入，其所称部门仍按已移除的三定解读，请重新载入 / "
                  f"its file is gone, changed or did not load: its parties stay as the removed 三定 read them: load it "
                  f"again: {document.said()}", markup=False, highlight=False)
    for document in removal.unpaired:  # a removed 撤县设区 had paired the county's list with the district's
        out.print(f"撤县设区已移除，县、区两份清单已重新载入，各为现行清单 loaded again unpaired, the 撤县设区 gone: "
                  f"{document.label()}", markup=False, highlight=False)
    for document in removal.not_unpaired:
        out.print(f"撤县设区已移除，但清单的文件已不存在或已改动，县、区两份清单仍配对，请重新载入 / its file is gone "
                  f"or changed: the two lists stay paired: load them again: {document.said()}", markup=False,
                  highlight=False)
    out.print("图中 in graph: " + ", ".join(f"{title} {in_graph.get(label_name, 0)}"
                                          for label_name, title in ADDED_LABELS))
    say_linked(removal.links)


def link_command(store: StoreOption = None,
                 all: Annotated[bool, typer.Option("--all", help="re-link every duty, not only new ones")] = False
                 ) -> None:
    """Recompute the similarity links (ingest does this for new duties by itself)."""
    from ingest.link import link

    with open_graph(store) as graph:
        say_linked(link(graph, relink_all=all))


def reset_command(store: StoreOption = None,
                  yes: Annotated[bool, typer.Option("--yes", help="do not ask")] = False) -> None:
    """Delete everything in the store."""
    from api.settings import settings

    uri = store or settings().store
    if not yes:
        if not sys.stdin.isatty():
            misuse("reset deletes the whole graph; pass --yes to confirm", "reset 会删除整个图谱；确认请加 --yes")
        typer.confirm(f"Delete every node and relationship in {uri}?", abort=True)
    with open_graph(uri, creates=True) as graph:  # an empty graph, where there was none or one
        graph.clear()
        graph.apply_schema()
    out.print(f"cleared {uri}")
