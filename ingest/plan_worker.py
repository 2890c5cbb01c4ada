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

import os
import pickle
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from typing import IO, TYPE_CHECKING

from ingest import timing

if TYPE_CHECKING:
    from ingest.link import LinkPlan, _Duty

NICENESS = 19
WORKER_COMMAND = (sys.executable, "-m", "ingest.plan_worker")
Similar = list[tuple[str, str, float]]


class PlanWorkerError(RuntimeError):
    pass


def plan_in_worker(duties: list[_Duty], on_similar: Callable[[dict[str, bool], Similar], None]) -> LinkPlan:
    """`ingest.link.plan_links(duties, on_similar=…)`, computed by a worker process."""
    payload = pickle.dumps((duties, timing.enabled()), protocol=pickle.HIGHEST_PROTOCOL)
    with tempfile.TemporaryFile() as errors:
        worker = subprocess.Popen(WORKER_COMMAND, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors)
        assert worker.stdin is not None and worker.stdout is not None
        feeder = threading.Thread(target=_feed, args=(worker.stdin, payload), daemon=True)
        feeder.start()
        try:
            flags, similar = pickle.load(worker.stdout)
            on_similar(flags, similar)
            plan, stages = pickle.load(worker.stdout)
        except (EOFError, pickle.UnpicklingError) as exc:
            worker.wait()
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip().splitlines()
            raise PlanWorkerError(f"the link planning worker failed (exit {worker.returncode}): "
                                  f"{message[-1] if message else exc}") from exc
        finally:
            feeder.join()
        worker.wait()
    timing.add(stages)
    return plan


def _feed(pipe: IO[bytes], payload: bytes) -> None:
    try:
        pipe.write(payload)
        pipe.close()
    except BrokenPipeError:
        pass  # the worker died: its exit is reported by the reader


def main() -> None:
    from ingest.link import plan_links

    os.nice(NICENESS)
    duties, timed_run = pickle.load(sys.stdin.buffer)
    if timed_run:
        timing.enable()
    out = sys.stdout.buffer

    def send_similar(flags: dict[str, bool], similar: Similar) -> None:
        pickle.dump((flags, similar), out, protocol=pickle.HIGHEST_PROTOCOL)
        out.flush()

    plan = plan_links(duties, on_similar=send_similar)
    pickle.dump((plan, timing.totals()), out, protocol=pickle.HIGHEST_PROTOCOL)
    out.flush()


if __name__ == "__main__":
    main()
