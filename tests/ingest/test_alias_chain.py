"""A short form's alias is recorded on the body the mention named, whatever the load order (ingest.records.note_party).

A list naming 青山县城市管理局 by its short form 青山县城管局 (tests/fixtures/alias_chain), loaded before the reform
renaming the bureau, resolves to the old bureau; loaded after, the short form reads as both bureaus and resolves to the
successor, having named the old one (`Resolution.formerly`). Before, the alias went on whichever body the mention
resolved to, so the graph's aliases depended on the order. Now it is the old bureau's in both, and the successor's
profile lists it through the chain (`chain_end`), marked as the old bureau's name. The reform is the 调整 notice
renaming it (no 三定 of the successor) or the successor's own 三定."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.removal import find_documents, remove
from queries.profile import department_profile
from tests.ingest.conftest import whole_graph, whole_graph_but_contains_source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
OLD = FIXTURES / "succession" / "qingshan_chengguan_2019.txt"
NOTICE = FIXTURES / "succession" / "qingshan_zhifa_notice_2024.txt"
SANDING = FIXTURES / "succession" / "qingshan_chengguan_zhifa_2024.txt"
SHORT_FORM_LIST = FIXTURES / "alias_chain" / "qingshan_bianjie_chengguan.csv"
CITY = Region(("示例市",))
OLD_NAME = "青山县城市管理局"
NEW_NAME = "青山县城市管理和综合执法局"
_ALIASES = ("MATCH (d:Department) WHERE d.name IN $names RETURN d.name AS name, d.aliases AS aliases, "
            "[a IN d.alias_sources | split(a, '#')[1]] AS given ORDER BY d.uid")


def _load(store: Store, *paths: Path) -> None:
    for path in paths:
        assert ingest([path], store, region=CITY).failed == []


def _aliases(store: Store) -> list[dict[str, Any]]:
    return store.read(_ALIASES, {"names": [OLD_NAME, NEW_NAME]})


def _profile_aliases(store: Store) -> tuple[str, list[str]]:
    found = department_profile(store, NEW_NAME)["department"]
    return found["name"], found["aliases"]


@pytest.mark.parametrize("reform", [NOTICE, SANDING], ids=["notice", "sanding"])
def test_the_short_form_is_the_old_body_s_alias_in_either_order(store: Store, other_store: Store,
                                                                reform: Path) -> None:
    _load(store, OLD, SHORT_FORM_LIST, reform)
    _load(other_store, OLD, reform, SHORT_FORM_LIST)
    assert whole_graph(store) == whole_graph(other_store)
    assert _aliases(store) == _aliases(other_store) == [
        {"name": NEW_NAME, "aliases": [], "given": []},
        {"name": OLD_NAME, "aliases": ["青山县城管局"], "given": ["青山县城管局"]}]
    assert _profile_aliases(store) == _profile_aliases(other_store) == (NEW_NAME, ["青山县城管局（原青山县城市管理局）"])
    # The short form still opens the body there now.
    assert department_profile(other_store, "青山县城管局")["department"]["name"] == NEW_NAME


def test_taking_the_notice_out_leaves_the_graph_loaded_without_it(store: Store, other_store: Store) -> None:
    _load(store, OLD, NOTICE, SHORT_FORM_LIST)
    remove(store, find_documents(store, [str(NOTICE)]))
    _load(other_store, OLD, SHORT_FORM_LIST)
    assert whole_graph_but_contains_source(store) == whole_graph_but_contains_source(other_store)
    assert _aliases(store) == [{"name": OLD_NAME, "aliases": ["青山县城管局"], "given": ["青山县城管局"]}]


TWO_NAMES_LIST = FIXTURES / "alias_chain" / "qingshan_bianjie_two_names.csv"


def test_every_name_a_list_writes_a_party_by_is_kept_in_either_order(store: Store, other_store: Store) -> None:
    # The list names the old bureau 青山县城管局 in one row and 县城管局 in the next; before, the later replaced the
    # earlier, whichever side of the reform the list was read on.
    _load(store, OLD, TWO_NAMES_LIST, NOTICE)
    _load(other_store, OLD, NOTICE, TWO_NAMES_LIST)
    # Read after the reform, a row's mention places the body it named, not its successor: before, the two bureaus'
    # HAS_DEPARTMENT edges cited the list's row and the notice's clauses the other way round in the two orders.
    assert whole_graph(store) == whole_graph(other_store)
    assert _aliases(store) == _aliases(other_store) == [
        {"name": NEW_NAME, "aliases": [], "given": []},
        # A list's names in order of their entries (ingest.alias_sources.rebuilt), not of its rows: one of its
        # parties merged into the bureau brought its names last, in the order the documents loaded in.
        {"name": OLD_NAME, "aliases": ["县城管局", "青山县城管局"], "given": ["县城管局", "青山县城管局"]}]
