"""The `dutygraph` command line: ingest, remove, stats, queries, query, cypher, report, dispatch, check-draft,
check-plan, tenure,
link, serve, reset. Each command lives in the module of its kind (documents, answers, dispatch, drafts,
plans, serve); this one makes the application and registers them, in the order `dutygraph --help` lists them."""

from __future__ import annotations

import os
import signal
from typing import Annotated

import typer

from api.cli.answers import cypher_command, queries_command, query_command, report_command, stats_command
from api.cli.common import EXIT_OK, StoreOption, out
from api.cli.dispatch import dispatch_command
from api.cli.documents import ingest_command, link_command, remove_command, reset_command
from api.cli.drafts import check_draft_command
from api.cli.plans import check_plan_command
from api.cli.serve import serve_command
from api.cli.tenure import tenure_command
from api.usage_errors import BilingualGroup

app = typer.Typer(cls=BilingualGroup, add_completion=False, no_args_is_help=True,
                  help="dutygraph: a knowledge graph of departments' duties (职责), boundaries and responsibilities.")
for _name, _command in (("ingest", ingest_command), ("remove", remove_command), ("stats", stats_command),
                        ("queries", queries_command), ("query", query_command), ("cypher", cypher_command),
                        ("report", report_command), ("dispatch", dispatch_command),
                        ("check-draft", check_draft_command), ("check-plan", check_plan_command),
                        ("tenure", tenure_command),
                        ("link", link_command), ("serve", serve_command),
                        ("reset", reset_command)):
    app.command(_name)(_command)


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


def _terminated(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt  # a SIGTERM (kill, timeout, systemd stop) stops a command as Ctrl-C does


def main() -> None:
    # The store's `with` blocks then close it, and the last client's embedded server stops: a SIGTERM killed the
    # command at once and left the server running for good (user test). `serve` has uvicorn's own handler.
    signal.signal(signal.SIGTERM, _terminated)
    app()
