"""The app served by uvicorn in a thread on a free local port, for the browser tests: each module's site (the sample
corpus, an upload store with an API key, a corpus of markup) starts and stops the same way."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from graph.store import open_store
from ingest.pipeline import ingest
from ingest.regions import Region


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """The app's address while the block runs; the server is stopped (its thread joined) when it ends."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def serve_loaded(data: Path, files: list[Path], region: Region) -> Iterator[str]:
    """The app's address over a store in `data` holding `files`, loaded as documents of `region` (a browser test's
    own corpus), while the block runs."""
    from api.app import create_app
    from api.settings import Settings

    store = open_store(f"embedded:{data}")
    assert ingest(files, store, region=region).failed == []
    store.close()
    with serve(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{data}"))) as address:
        yield address


@contextmanager
def serve_corpus(data: Path, paths: list[Path], region: tuple[str, ...]) -> Iterator[str]:
    """`serve_loaded`, the region given as its names: a module's own corpus."""
    with serve_loaded(data, paths, Region(region)) as address:
        yield address
