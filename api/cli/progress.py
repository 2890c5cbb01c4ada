"""Progress bars on stderr for long work at a terminal: a folder of files to ingest, a day's complaints."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from api.cli.common import err

PROGRESS_MIN_COMPLAINTS = 200
PROGRESS_MIN_FILES = 5


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
def file_progress(total: int) -> Iterator[Any]:
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
def routing_progress(total: int) -> Iterator[Callable[[int], None] | None]:
    """A bar on a terminal for a day's file of complaints (2,000 take some seconds; 20,000 a minute)."""
    with _bars(total, PROGRESS_MIN_COMPLAINTS, "诉求分派 routing") as bars:
        if bars is None:
            yield None
            return
        progress, (task,) = bars
        yield lambda done: progress.update(task, completed=done)
