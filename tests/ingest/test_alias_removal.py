"""A department's other names after a document goes: the names only it gave go with it (ingest.alias_sources).

Before, `dutygraph remove` left every alias a removed list had given: its 市市场监管局（市知识产权局） kept 市知识产权局 on
the 市场监督管理局, so a later list's 市知识产权局 read as two departments and was left unresolved, as before the
removal. The fixtures (tests/fixtures/alias_removal): kept/ two 三定 and a list naming 市市场监管局 and 市公安局;
removed/ a list that names the 市场监督管理局 with the 知识产权局's plate in brackets, and 市公安局 again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.store import Store
from ingest.alias_sources import rebuilt
from ingest.names import NameResolver
from ingest.pipeline import ingest, known_departments
from ingest.regions import Region
from ingest.removal import find_documents, remove
from tests.ingest.conftest import whole_graph

CITY = Region(("示例市",))
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "alias_removal"
_ALIASES = ("MATCH (d:Department) RETURN d.name AS name, d.aliases AS aliases, d.alias_sources AS sources, "
            "d.unresolved AS unresolved ORDER BY d.uid")


def _aliases(store: Store) -> list[dict[str, Any]]:
    return store.read(_ALIASES)


def _read_as(store: Store, mention: str) -> tuple[str, str, list[str]]:
    found = NameResolver(known_departments(store)).resolve(mention, CITY)
    return found.status, found.name, found.candidates


def test_removing_a_list_leaves_the_aliases_of_loading_the_others_alone(store: Store, other_store: Store) -> None:
    assert ingest([FIXTURES / "kept"], store, region=CITY).failed == []
    assert ingest([FIXTURES / "removed"], store, region=CITY).failed == []
    # The removed list's plate made 市知识产权局 a name of both bureaus: a mention of it read as neither.
    assert _read_as(store, "市知识产权局") == ("unresolved", "示例市知识产权局", ["示例市市场监督管理局", "示例市知识产权局"])
    remove(store, find_documents(store, ["bianjie_shangbiao.csv"]))
    assert ingest([FIXTURES / "kept"], other_store, region=CITY).failed == []
    [shipin] = [row["uid"] for row in store.read("MATCH (d:Document) WHERE d.path ENDS WITH 'bianjie_shipin.csv' "
                                                 "RETURN d.uid AS uid")]
    assert _aliases(store) == _aliases(other_store) == [
        {"name": "示例市公安局", "aliases": ["市公安局"], "sources": [f"{shipin}#市公安局"], "unresolved": True},
        {"name": "示例市市场监督管理局", "aliases": ["市市场监管局"], "sources": [f"{shipin}#市市场监管局"],
         "unresolved": False},
        {"name": "示例市知识产权局", "aliases": [], "sources": [], "unresolved": False}]
    assert _read_as(store, "市知识产权局") == ("resolved", "示例市知识产权局", [])
    assert whole_graph(store) == whole_graph(other_store)


def test_the_aliases_stand_in_one_order_whatever_the_load_order() -> None:
    """The aliases as loading the documents that stay makes them, in any order: the defining documents' names first,
    each in its order, then the other documents' sorted, a name where it first stands; a name no entry records (loaded
    before fields version 9) stays, first. Before, a name two documents gave stood where the later gave it."""
    sources = ["doc:a#市城管局", "doc:b#城管局", "doc:c#市城管局", "doc:b#县城管局"]
    assert rebuilt(["旧名", "城管局", "市城管局", "县城管局"], sources, {"doc:a", "doc:c"}, set()) == (
        ["旧名", "市城管局"], ["doc:a#市城管局", "doc:c#市城管局"])
    assert rebuilt(["城管局", "市城管局"], ["doc:b#城管局", "doc:a#城管局", "doc:a#市城管局"], {"doc:a", "doc:b"},
                   set()) == (["城管局", "市城管局"], ["doc:a#城管局", "doc:a#市城管局", "doc:b#城管局"])
    # A list's names joined in load order (one a merged party brought, last) and its 三定's plate: the plate first.
    for given in (["doc:l#市知识产权局", "doc:s#青禾市知识产权局", "doc:l#市市场监管局"],
                  ["doc:s#青禾市知识产权局", "doc:l#市市场监管局", "doc:l#市知识产权局"]):
        assert rebuilt([], given, {"doc:l", "doc:s"}, {"doc:s"}) == (
            ["青禾市知识产权局", "市市场监管局", "市知识产权局"],
            ["doc:s#青禾市知识产权局", "doc:l#市市场监管局", "doc:l#市知识产权局"])
