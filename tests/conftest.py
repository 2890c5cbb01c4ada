"""Shared fixtures: the store suite runs on the embedded FalkorDB always, and on Neo4j when NEO4J_URI is set."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from api.settings import Settings
from graph.store import Store, open_store

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
REAL = REPO.parent / "shared" / "real"


def _neo4j_uri() -> str | None:
    return Settings().neo4j_uri


def store_params() -> list[object]:
    params: list[object] = [pytest.param("embedded", id="embedded")]
    if _neo4j_uri():
        params.append(pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j))
    return params


@pytest.fixture(scope="session")
def embedded_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(f"embedded:{tmp_path_factory.mktemp('store')}")
    yield store
    store.close()


@pytest.fixture(scope="session")
def neo4j_store() -> Iterator[Store | None]:
    settings = Settings()
    if not settings.neo4j_uri:
        yield None
        return
    store = open_store(settings.neo4j_uri, neo4j_user=settings.neo4j_user, neo4j_password=settings.neo4j_password)
    yield store
    store.close()


@pytest.fixture(params=store_params())
def store(request: pytest.FixtureRequest, embedded_store: Store, neo4j_store: Store | None) -> Store:
    """An empty store with the schema applied, on each engine the run has."""
    chosen = embedded_store if request.param == "embedded" else neo4j_store
    assert chosen is not None
    chosen.clear()
    chosen.apply_schema()
    return chosen


def real_document(name: str) -> Path:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"real document {name} is not present at {REAL}")
    return path


def one_sheet_workbook(tmp_path: Path, rows: list[list[object]], merged: Sequence[str] = (),
                       name: str = "list.xlsx") -> Path:
    """A one-sheet workbook (sheet 清单) of `rows`, with the cells `merged` names merged, as a government office
    writes it: the list-parsing tests build their headers with it."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "清单"
    for row in rows:
        sheet.append(row)
    for cells in merged:
        sheet.merge_cells(cells)
    path = tmp_path / name
    workbook.save(path)
    return path


def ingested(store: Store, folder: Path, files: dict[str, str], region: tuple[str, ...]) -> Store:
    """`store` with `files` (name → UTF-8 text, lists as CSV) written to `folder` and ingested for `region`, every one
    loaded: the query tests' own small corpora."""
    from ingest.pipeline import ingest
    from ingest.regions import Region

    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = ingest([folder], store, region=Region(region))
    assert [outcome.error for outcome in report.failed] == []
    return store


def corpus_store(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Iterator[Store]:
    """A store of its own with a fixture corpus (a folder under tests/fixtures) ingested, every file loaded: a user
    test's county, for a module's tests (`yield from` it in a module-scoped fixture)."""
    from ingest.pipeline import ingest

    store = open_store(f"embedded:{tmp_path_factory.mktemp(corpus.parent.name + '-store')}")
    assert [outcome.error for outcome in ingest([corpus], store).failed] == []
    yield store
    store.close()
