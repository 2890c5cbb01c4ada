"""The synthetic corpus generator: distinct regions at every size, and the clauses it counts are the ones
ingest finds."""

from __future__ import annotations

from pathlib import Path

from bench.generate import SECTORS, _regions, generate
from graph.store import open_store
from ingest.pipeline import ingest


def test_regions_stay_distinct_up_to_the_largest_corpus() -> None:
    regions = _regions(1_000_000)
    assert len(regions) == 1_000_000 // (len(SECTORS) * 40)
    assert len(set(regions)) == len(regions)


def test_every_counted_clause_is_ingested(tmp_path: Path) -> None:
    manifest = generate(2_000, tmp_path / "corpus")
    assert len(list((tmp_path / "corpus" / "sanding").iterdir())) == len(_regions(2_000)) * len(SECTORS)
    store = open_store(f"embedded:{tmp_path / 'store'}")
    try:
        report = ingest([tmp_path / "corpus"], store)
        assert report.failed == []
        duties = store.read("MATCH (d:Duty) RETURN count(d) AS n")[0]["n"]
        assert duties == manifest["duty_clauses"]
    finally:
        store.close()
