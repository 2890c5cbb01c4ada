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


def test_a_copy_of_a_live_stores_folder_opens_as_a_store_of_its_own(tmp_path: Path) -> None:
    """A backup taken while the service runs (`cp -a`) holds the original's pid file, socket and client entries:
    the copy opened after a two-minute wait blaming the original's server (user test), which it could have killed."""
    original, copy = tmp_path / "prod", tmp_path / "backup"
    store = open_store(f"embedded:{original}")
    try:
        store.write(Statement(WRITE, [{"uid": "d1"}]))
        pid = _server_pid(original)
        subprocess.run(["cp", "-a", str(original), str(copy)], check=True)
        started = time.monotonic()
        backup = open_store(f"embedded:{copy}")
        try:
            assert time.monotonic() - started < 10
            assert backup.read("MATCH (n:Department) RETURN n.uid AS uid") == [{"uid": "d1"}]
            backup_pid = _server_pid(copy)
            assert backup_pid != pid
            assert sorted(p.name for p in (copy / "clients").iterdir()) == [str(os.getpid())]
        finally:
            backup.close()
        assert _stopped(copy, backup_pid)  # the copy's last client left: its server stops ...
        assert _process_alive(pid)  # ... and the original's was never touched
        assert store.read("MATCH (n:Department) RETURN n.uid AS uid") == [{"uid": "d1"}]
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


def test_an_index_made_meanwhile_by_another_first_ingest_is_no_failure(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Two first ingests into a new store both found no index; the second to create it failed with `Attribute 'uid'
    is already indexed` and lost its whole ingest (user test). Here the other ingest's indexes are there already
    when this one, having found none, creates them."""
    store = open_store(f"embedded:{tmp_path}")
    try:
        store.apply_schema()
        monkeypatch.setattr(type(store), "_existing_indexes", lambda _self: set())
        store.apply_schema()
        assert store.read("CALL db.indexes() YIELD label WHERE label = 'Duty' RETURN count(*) AS n")[0]["n"] == 1
    finally:
        store.close()


def test_a_server_that_died_is_started_again_by_the_next_read(tmp_path: Path) -> None:
    """Killed (by hand, by the kernel's OOM killer), the embedded server left the service answering 503 until it was
    restarted by hand (user test): the next read starts it again from its files, and answers."""
    store = open_store(f"embedded:{tmp_path}")
    try:
        store.write(Statement(WRITE, [{"uid": "d1"}]))
        pid = _server_pid(tmp_path)
        os.kill(pid, signal.SIGKILL)
        while _process_alive(pid):
            time.sleep(0.01)
        assert store.read("MATCH (n:Department) RETURN n.uid AS uid") == [{"uid": "d1"}]
        assert _server_pid(tmp_path) != pid
    finally:
        store.close()
