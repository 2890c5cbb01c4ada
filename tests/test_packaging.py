"""Our top-level packages are ours: no installed dependency shadows graph, ingest, queries or api."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("package", ["graph", "ingest", "queries", "api"])
def test_top_level_package_imports_from_this_repository(package: str) -> None:
    module = importlib.import_module(package)
    assert module.__file__ is not None
    assert Path(module.__file__).resolve().parent == REPO / package


def test_no_installed_distribution_ships_our_package_names() -> None:
    from importlib.metadata import distributions

    clashes = []
    for dist in distributions():
        if dist.metadata["Name"] == "dutygraph":
            continue
        top_level = (dist.read_text("top_level.txt") or "").split()
        files = [str(f) for f in (dist.files or [])]
        for name in ("graph", "ingest", "queries", "api"):
            if name in top_level or any(f.startswith(f"{name}/") for f in files):
                clashes.append(f"{dist.metadata['Name']} ships {name}")
    assert clashes == []


def test_the_pages_vendored_files_are_installed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """What `make install` and the image's build check before they are done: ECharts and Swagger UI's files."""
    from api.routes import pages

    assert pages.missing_files() == []
    monkeypatch.setattr(pages, "SWAGGER", tmp_path)
    assert pages.missing_files() == [str(tmp_path / "swagger-ui-bundle.js"), str(tmp_path / "swagger-ui.css")]
