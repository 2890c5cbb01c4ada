"""An ingest stopped midway (a SIGTERM from `kill`, `timeout` or systemd, as Ctrl-C): it says so and exits 130, its
embedded server stops with it, and the graph it leaves says which duties are loaded but not linked until
`dutygraph link` links them (user test: exit 130 without a word, a server running for good, and a graph that
answered "no overlaps")."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from graph.embedded import _process_alive
from graph.store import open_store

REPO = Path(__file__).resolve().parents[2]
UNLINKED = "duties were loaded but not linked (an ingest stopped before it finished, or one is running now)"


def _command(*args: str, store: Path) -> list[str]:
    return [sys.executable, "-m", "api.cli", *args, "--store", f"embedded:{store}"]


def _run(*args: str, store: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(_command(*args, store=store), capture_output=True, text=True, cwd=REPO, timeout=600,
                          env={**os.environ, "COLUMNS": "200"})


def _documents(store: Path) -> int:
    graph = open_store(f"embedded:{store}")
    try:
        return int(graph.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"])
    finally:
        graph.close()


def test_a_stopped_ingest_says_so_stops_its_server_and_leaves_its_duties_to_link(tmp_path: Path) -> None:
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    subprocess.run([sys.executable, "-m", "bench.generate", "--duties", "20000", "--out", str(corpus)], cwd=REPO,
                   check=True, capture_output=True, timeout=300)
    ingest = subprocess.Popen(_command("ingest", str(corpus / "sanding"), store=store), cwd=REPO, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not (store / "falkordb.pid").exists() or _documents(store) == 0:  # loading has begun
        assert time.monotonic() < deadline and ingest.poll() is None
        time.sleep(0.2)
    server = int((store / "falkordb.pid").read_text())
    ingest.send_signal(signal.SIGTERM)
    _out, said = ingest.communicate(timeout=120)
    assert ingest.returncode == 130, said
    assert "interrupted: each file loads whole or not at all" in " ".join(said.split())
    deadline = time.monotonic() + 60
    while _process_alive(server):  # its last client gone, the server stops
        assert time.monotonic() < deadline, "the embedded server outlived the stopped ingest"
        time.sleep(0.1)

    answer = _run("query", "overlaps", store=store)
    assert answer.returncode == 0 and UNLINKED in " ".join(answer.stderr.split())
    assert _run("link", store=store).returncode == 0
    answer = _run("query", "overlaps", store=store)
    assert answer.returncode == 0 and UNLINKED not in " ".join(answer.stderr.split())
