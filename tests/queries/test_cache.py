"""Derived values cached per graph version: answers are bounded, whole-graph indexes stay, old versions go."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store, open_store
from ingest.load import bump_version
from queries import cache
from queries.cache import cached


def test_whole_graph_indexes_outlive_many_answers(corpus: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    builds: list[int] = []
    index = cached(corpus, ("test-index",), lambda: builds.append(1) or object(), whole_graph=True)
    for number in range(10):
        assert cached(corpus, ("test-answer", number), lambda n=number: n * 2) == number * 2
    assert cached(corpus, ("test-index",), lambda: builds.append(1) or object(), whole_graph=True) is index
    assert builds == [1]
    answers = sorted(key[3] for key in cache._entries if key[2] == "test-answer")
    assert answers == [7, 8, 9]  # the least recently used were dropped


def test_values_of_an_older_graph_version_are_dropped(tmp_path: Path) -> None:
    store = open_store(f"embedded:{tmp_path}")
    try:
        store.write_atomic([bump_version()])
        first = cached(store, ("test-index",), object, whole_graph=True)
        assert cached(store, ("test-index",), object, whole_graph=True) is first
        store.write_atomic([bump_version()])
        second = cached(store, ("test-index",), object, whole_graph=True)
        assert second is not first
        kept = [key for table in (cache._entries, cache._whole_graph) for key in table
                if key[0] == store.description]
        assert kept == [(store.description, cache.graph_version(store), "test-index")]
    finally:
        store.close()
