"""The app served over a loaded store, for a test module's HTTP client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings


def serving(store: Path) -> Iterator[TestClient]:
    """A client of the app over the embedded store at `store` (`yield from` it in a module-scoped fixture)."""
    with TestClient(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{store}"))) as client:
        yield client


def ingested(tmp_path_factory: pytest.TempPathFactory, name: str, *args: str) -> Path:
    """A new store named `name`, with `dutygraph ingest ARGS` run into it at the command line (every file loaded)."""
    from tests.api.test_cli import run

    store = tmp_path_factory.mktemp(name)
    loaded = run("ingest", *args, store=store)
    assert loaded.returncode == 0, loaded.stderr
    return store
