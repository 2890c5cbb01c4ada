"""The embedded server's life: start, reuse by a second process, persistence, stale files, shutdown."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import embedded
from graph.embedded import EmbeddedServer, _process_alive
from graph.store import Statement, open_store

WRITE = "UNWIND $rows AS r MERGE (n:Department {uid: r.uid})"


def _server_pid(data: Path) -> int:
    return int((data / "falkordb.pid").read_text())


def _stopped(data: Path, pid: int) -> bool:
    """The server finished its shutdown, and its process then exits."""
    EmbeddedServer(data).wait_stopped()
    deadline = time.monotonic() + 30
    while _process_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    return not _process_alive(pid) and not (data / "falkordb.pid").exists()


def test_data_persists_after_the_server_stops(tmp_path: Path) -> None:
    store = open_store(f"embedded:{tmp_path}")
    store.write(Statement(WRITE, [{"uid": "d1"}]))
    pid = _server_pid(tmp_path)
    store.close()
    assert _stopped(tmp_path, pid)
    reopened = open_store(f"embedded:{tmp_path}")
    try:
        assert reopened.read("MATCH (n:Department) RETURN n.uid AS uid") == [{"uid": "d1"}]
    finally:
        reopened.close()


def test_a_second_process_reuses_the_running_server(tmp_path: Path) -> None:
    store = open_store(f"embedded:{tmp_path}")
    try:
        pid = _server_pid(tmp_path)
        code = (
            "import sys; from graph.store import open_store, Statement\n"
            f"s = open_store('embedded:{tmp_path}')\n"
            "s.write(Statement('UNWIND $rows AS r MERGE (n:Department {uid: r.uid})', [{'uid': 'from-child'}]))\n"
            f"print(open('{tmp_path}/falkordb.pid').read().strip())\n"
            "s.close()\n"
        )
        child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert int(child.stdout.strip()) == pid
        # The child left, but this process still uses the server: it must still run.
        assert _process_alive(pid)
        assert store.read("MATCH (n:Department) RETURN n.uid AS uid") == [{"uid": "from-child"}]
    finally:
        store.close()
    assert _stopped(tmp_path, pid)


def test_stale_pid_and_socket_files_are_recovered_from(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path)
    tmp_path.mkdir(exist_ok=True)
    # A crash leaves a pid file naming a dead process, a socket file and a client entry of a dead pid.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (tmp_path / "falkordb.pid").write_text(dead.stdout.strip())
    server.socket_path.write_text("")
    (tmp_path / "clients").mkdir()
    (tmp_path / "clients" / dead.stdout.strip()).write_text("")
    store = open_store(f"embedded:{tmp_path}")
    try:
        assert store.read("MATCH (n) RETURN count(n) AS c") == [{"c": 0}]
        assert sorted(p.name for p in (tmp_path / "clients").iterdir()) == [str(os.getpid())]
    finally:
        store.close()


def test_a_killed_client_does_not_keep_the_server_forever(tmp_path: Path) -> None:
    code = (
        "import os, time; from graph.store import open_store\n"
        f"s = open_store('embedded:{tmp_path}')\n"
        "print('ready', flush=True); time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    pid = _server_pid(tmp_path)
    child.kill()
    child.wait()
    assert _process_alive(pid)  # the server outlives a killed client ...
    store = open_store(f"embedded:{tmp_path}")
    assert _server_pid(tmp_path) == pid  # ... is reused by the next one ...
    store.close()
    assert _stopped(tmp_path, pid)  # ... and stopped when the last live client leaves


def test_graphs_are_kept_in_one_key(tmp_path: Path) -> None:
    """FalkorDB 4.16 crashes reloading a snapshot split into virtual keys (over 100,000 entities by default)."""
    from graph.embedded import VKEY_MAX_ENTITY_COUNT

    store = open_store(f"embedded:{tmp_path}")
    try:
        connection = store._db.connection  # type: ignore[attr-defined]
        assert connection.execute_command("GRAPH.CONFIG", "GET", "VKEY_MAX_ENTITY_COUNT") == [
            "VKEY_MAX_ENTITY_COUNT", VKEY_MAX_ENTITY_COUNT]
    finally:
        store.close()


def test_a_hung_server_is_killed_and_started_again_without_losing_data(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that neither answers nor uses the CPU (FalkorDB 4.16.3 has deadlocked so while loading; here the
    process is stopped with SIGSTOP) is killed and started again; what it had written is still there."""
    monkeypatch.setattr(embedded, "HUNG_AFTER_S", 1.0)
    monkeypatch.setattr(embedded, "ANSWER_TIMEOUT_S", 0.5)
    store = open_store(f"embedded:{tmp_path}")
    store.write(Statement(WRITE, [{"uid": "d1"}]))
    hung = _server_pid(tmp_path)
    os.kill(hung, signal.SIGSTOP)
    try:
        reopened = open_store(f"embedded:{tmp_path}")
        try:
            assert not _process_alive(hung)
            assert _server_pid(tmp_path) != hung
            assert reopened.read("MATCH (n:Department) RETURN n.uid AS uid") == [{"uid": "d1"}]
        finally:
            reopened.close()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(hung, signal.SIGKILL)
        store.close()
