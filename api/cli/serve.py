"""`dutygraph serve`: the HTTP API and the web page."""

from __future__ import annotations

import os
from typing import Annotated, Any

import typer

from api.cli.common import LogLevel, StoreOption, export_time, open_graph, out
from api.cli.ingest_summary import say_linked


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

    export_time()  # the files it serves record SOURCE_DATE_EPOCH's time: a malformed one refused before it starts
    with open_graph(store, serves=True) as graph:
        # Once, before the workers start: answers must come from today's terms and links, and two workers
        # must not both rewrite them.
        if not links_are_current(graph):
            out.print("图中词项或关联由另一版本生成，服务前先更新 / the graph's terms or links come from another "
                      "version: bringing them up to date before serving")
            say_linked(link(graph))
        elif unlinked := unlinked_duties(graph):
            out.print(f"有 {unlinked} 条职责尚未建立关联（载入曾中断），服务前先补上 / {unlinked} duties were loaded "
                      "but not linked (an ingest was stopped): linking them before serving")
            say_linked(link(graph))
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
