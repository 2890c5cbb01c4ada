"""The count of duties loaded but not linked: recorded with the graph's state, so that read commands do not scan
every duty, and counted again whenever the graph changed, a killed load included."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from graph.store import Statement, Store
from ingest.link import link
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.unlinked import unlinked_duties

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sanding" / "shi_jiaotong.txt"
SCAN = "coalesce(u.linked, false) = false"


def _scans(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The store's reads, from now on, that scan the duties for unlinked ones."""
    scans: list[str] = []
    read = store.read

    def recording(cypher: str, params: Mapping[str, Any] | None = None, **kwargs: Any) -> list[dict[str, Any]]:
        if SCAN in cypher:
            scans.append(cypher)
        return read(cypher, params, **kwargs)

    monkeypatch.setattr(store, "read", recording)
    return scans


def test_reads_take_the_count_an_ingest_recorded(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    assert ingest([EXAMPLE], store, region=Region(("示例市",))).failed == []
    scans = _scans(store, monkeypatch)
    assert [unlinked_duties(store) for _read in range(3)] == [0, 0, 0]
    assert scans == []  # the ingest counted as it ended


def test_a_load_killed_before_its_links_is_counted_again(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A load whose process was killed before it bumped the version still changed the number of duties: the record
    is stale, the duties are counted once more, and that count is recorded in its turn."""
    assert ingest([EXAMPLE], store, region=Region(("示例市",))).failed == []
    store.write(Statement("UNWIND $rows AS r MATCH (d:Department {name: r.department}) "
                          "CREATE (d)-[:HAS_DUTY]->(:Duty {uid: r.uid, text: r.text, status: 'current'})",
                          [{"department": "示例市交通运输局", "uid": "duty:killed-load", "text": "负责城市公共交通站亭的维护管理"}]))
    scans = _scans(store, monkeypatch)
    assert [unlinked_duties(store) for _read in range(3)] == [1, 1, 1]
    assert len(scans) == 1
    link(store)  # linking bumps the version: counted again, none left
    assert [unlinked_duties(store) for _read in range(2)] == [0, 0]
    assert len(scans) == 2
