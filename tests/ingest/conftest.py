"""Helpers for parser tests: parse a real fragment (skipped when shared/real is absent) or an example."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from graph.store import Store, open_store
from ingest.model import SandingDocument
from ingest.readers import read_source
from ingest.sanding import parse_sanding

REPO = Path(__file__).resolve().parents[2]
REAL = REPO.parent / "shared" / "real"
EXAMPLES = REPO / "examples" / "sanding"


@pytest.fixture
def real() -> Callable[[str], SandingDocument]:
    def parse(name: str) -> SandingDocument:
        path = REAL / name
        if not path.exists():
            pytest.skip(f"real document {name} is not present at {REAL}")
        return parse_sanding(read_source(path))

    return parse


@pytest.fixture
def example() -> Callable[[str], SandingDocument]:
    def parse(name: str) -> SandingDocument:
        return parse_sanding(read_source(EXAMPLES / name))

    return parse


@pytest.fixture
def other_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A second embedded store of its own, beside `store`: two load orders, or two ways of merging, side by side."""
    store = open_store(f"embedded:{tmp_path_factory.mktemp('other_store')}")
    store.apply_schema()
    yield store
    store.close()


def whole_graph(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every node but the bookkeeping ones (Meta: a write counter and its random epoch), and every relationship. A
    document's `loaded` stamp is bookkeeping too: the write count when it was loaded, which two load orders differ by."""
    nodes = [{**node, "props": unstamped(node["props"])} for node in store.read(
        "MATCH (n) WHERE NOT n:Meta RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.uid")]
    edges = store.read("MATCH (a)-[e]->(b) RETURN a.uid AS a, type(e) AS type, b.uid AS b, properties(e) AS props "
                       "ORDER BY a, type, b, e.source")
    return nodes, edges


def unstamped(props: dict[str, Any]) -> dict[str, Any]:
    """A node's properties without a document's `loaded` stamp (ingest.load.load_stamp)."""
    return {key: value for key, value in props.items() if key != "loaded"}


def whole_graph_but_contains_source(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """`whole_graph` but a region's CONTAINS source: a removal leaves the removed document's clause there where it was
    the least, whatever the document says."""
    nodes, edges = whole_graph(store)
    return nodes, [{**edge, "props": {}} if edge["type"] == "CONTAINS" else edge for edge in edges]
