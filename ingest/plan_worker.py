"""Planning the links in another interpreter, while this one still loads documents.

Ingest into an empty graph computes the links from the built rows as the last documents load. Done in the
loading process, the planning (pure Python) would keep the loader thread from the interpreter lock, and the
store's server would wait for its next document; and forking workers from a process with a running thread
is unsafe. So the plan is made by `python -m ingest.plan_worker`, a single-threaded process (free to fork
its own scoring workers) at the lowest priority, so that the server keeps its core. It reads the pickled
duties on stdin and writes two pickles on stdout: the boilerplate flags and SIMILAR pairs as soon as they
are known (the caller writes them while REFINES is computed), then the whole plan with its stage timings.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable
from typing import TYPE_CHECKING

from ingest import timing

if TYPE_CHECKING:
    from ingest.link import LinkDuty, LinkPlan

NICENESS = 19
WORKER_COMMAND = (sys.executable, "-m", "ingest.plan_worker")
Similar = list[tuple[str, str, float]]


class PlanWorkerError(RuntimeError):
    pass


class PlanWorker:
    """A worker process planning the links of the duties it was started with. Starting it streams them to
    the process and keeps nothing, so the caller can let go of them while the plan is made."""

    def __init__(self, duties: list[LinkDuty], *, parallel: bool = True) -> None:
        # Outlives this call: closed by result(), once the worker's last words have been read from it.
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115
        self._process = subprocess.Popen(WORKER_COMMAND, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=self._errors)
        assert self._process.stdin is not None
        # The worker reads all of its input before it writes anything, so this cannot deadlock.
        # If the worker dies, result() says how.
        with contextlib.suppress(BrokenPipeError), self._process.stdin as pipe:
            pickle.dump((duties, parallel, timing.enabled()), pipe, protocol=pickle.HIGHEST_PROTOCOL)

    def result(self, on_similar: Callable[[dict[str, bool], Similar], None]) -> LinkPlan:
        """The plan; `on_similar` gets the boilerplate flags and SIMILAR pairs as soon as they are known."""
        assert self._process.stdout is not None
        try:
            flags, similar = pickle.load(self._process.stdout)
            on_similar(flags, similar)
            plan, stages = pickle.load(self._process.stdout)
        except (EOFError, pickle.UnpicklingError) as exc:
            self._process.wait()
            self._errors.seek(0)
            message = self._errors.read().decode(errors="replace").strip().splitlines()
            raise PlanWorkerError(f"the link planning worker failed (exit {self._process.returncode}): "
                                  f"{message[-1] if message else exc}") from exc
        finally:
            self._process.stdout.close()
            self._errors.close()
        self._process.wait()
        timing.add(stages)
        return plan


def main() -> None:
    from ingest.link import plan_links

    os.nice(NICENESS)
    duties, parallel, timed_run = pickle.load(sys.stdin.buffer)
    if timed_run:
        timing.enable()
    out = sys.stdout.buffer

    def send_similar(flags: dict[str, bool], similar: Similar) -> None:
        pickle.dump((flags, similar), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    plan = plan_links(duties, parallel=parallel, on_similar=send_similar)
    pickle.dump((plan, timing.totals()), out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()


if __name__ == "__main__":
    main()
