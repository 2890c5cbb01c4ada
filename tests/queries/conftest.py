"""A store loaded once with the whole sample corpus (三定 and lists), shared by the query tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store, open_store
from ingest.pipeline import ingest
from ingest.regions import Region

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(f"embedded:{tmp_path_factory.mktemp('corpus')}")
    report = ingest([EXAMPLES], store, region=Region(("示例市",)))
    assert report.failed == []
    yield store
    store.close()
