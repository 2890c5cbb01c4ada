"""docs/api.md's endpoint table names every route the app serves, so that a route added without the docs fails here
(the OpenAPI at /docs describes each one; the reference is where a reader finds that it exists)."""

from __future__ import annotations

import re
from pathlib import Path

from api.app import create_app

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def _documented() -> set[tuple[str, str]]:
    """Each `METHOD /path` the docs write, a group `/api/queries/{a, b}` read as its members (a `{name}` alone is a
    path parameter)."""
    found = set()
    for method, path in re.findall(r"`(GET|POST|DELETE) (/[^`?]*)", DOCS.read_text(encoding="utf-8")):
        group = re.search(r"\{([^}]*, [^}]*)\}", path)
        members = [name.strip() for name in group.group(1).split(",")] if group else [None]
        for member in members:
            found.add((method, path if member is None else path[:group.start()] + member + path[group.end():]))
    return found


def test_every_route_is_in_the_api_reference(tmp_path: Path) -> None:
    spec = create_app(store_uri=f"embedded:{tmp_path}").openapi()
    served = {(method.upper(), path) for path, operations in spec["paths"].items() for method in operations}
    assert sorted(served - _documented()) == []
