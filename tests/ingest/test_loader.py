"""The loader: each document one atomic write, the version bumped while they load and once they all have,
and the node writes (update what exists, create what is missing) equal to a MERGE … SET."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest import loader as loader_module
from ingest.load import statements_for
from ingest.loader import DocumentLoader
from ingest.records import GraphRows
from queries.cache import graph_version


def _document(number: int, duty_text: str, last_stated: str = "2024-01-01") -> GraphRows:
    doc = f"doc:{number}"
    rows = GraphRows(document={"uid": doc, "title": f"文件{number}", "kind": "sanding", "issued": last_stated})
    rows.regions["region:示例市"] = {"name": "示例市", "level": "city", "path": "示例市"}
    rows.duties["duty:a"] = {"text": duty_text, "status": "current", "last_stated": last_stated, "source": f"{doc}#1"}
    rows.relate("FROM", "Duty", "Document", "duty:a", doc, f"{doc}#1")
    return rows


def _duty(store: Store) -> list[dict[str, object]]:
    rows = store.read("MATCH (u:Duty) OPTIONAL MATCH (u)-[:FROM]->(d:Document) "
                      "RETURN u.uid AS uid, u.text AS text, u.source AS source, u.status AS status, "
                      "collect(d.uid) AS documents")
    return [{**row, "documents": sorted(row["documents"])} for row in rows]


def test_a_node_written_again_is_updated_not_duplicated(store: Store) -> None:
    with DocumentLoader(store) as loader:
        loader.submit(Path("1.txt"), _document(1, "负责甲"), [])
        loader.submit(Path("2.txt"), _document(2, "负责乙", "2025-01-01"), [])  # a newer version restates it
        loader.submit(Path("3.txt"), _document(3, "负责丙", "2023-01-01"), [])  # an older one changes nothing
    assert not loader.failed
    assert _duty(store) == [{"uid": "duty:a", "text": "负责乙", "source": "doc:2#1", "status": "current",
                             "documents": ["doc:1", "doc:2", "doc:3"]}]
    assert store.read("MATCH (r:Region) RETURN r.uid AS uid, r.path AS path") == [
        {"uid": "region:示例市", "path": "示例市"}]


def test_the_version_moves_while_documents_load_and_once_they_all_have(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    before = graph_version(store)[1]
    monkeypatch.setattr(loader_module, "VERSION_BUMP_INTERVAL_S", 3600.0)
    with DocumentLoader(store) as loader:
        loader.submit(Path("1.txt"), _document(1, "负责甲"), [])
        loader.submit(Path("2.txt"), _document(2, "负责乙"), [])
        loader.wait()
        assert graph_version(store)[1] == before + 1  # the first document bumps; the next within the hour not
    assert graph_version(store)[1] == before + 2  # and the loader's end does


def test_node_rows_carry_only_the_schema_properties() -> None:
    rows = _document(1, "负责甲")
    rows.duties["duty:a"]["colour"] = "red"
    with pytest.raises(ValueError, match=r"duty:a: properties \['colour'\] are not in the Duty schema"):
        statements_for(rows)
