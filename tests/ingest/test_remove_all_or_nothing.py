"""`dutygraph remove` is all or nothing: the store failing at any of its writes, or the process killed midway, leaves
the graph exactly as it was (`graph.undo`), and a removal that succeeds gives the graph it always gave."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from graph.store import Statement, Store, StoreError, opened
from graph.undo import UNDO_UID, all_or_nothing, restore_abandoned
from ingest import pipeline
from ingest.pipeline import ingest
from ingest.removal import RemovalError, find_documents, remove
from tests.ingest.conftest import REPO, whole_graph
from tests.ingest.test_remove_atomic import _files, _load
from tests.ingest.test_succession_notice import CITY as NOTICE_CITY
from tests.ingest.test_succession_notice import OLD_NAME_NOTICE, RENAME, WENLV


class Failing(StoreError):
    """The store refusing a write."""


class FailingStore:
    """The store, but its `fail_at`-th write (of either kind, counting from 1) raises; 0: none does. Counts them."""

    def __init__(self, store: Store, fail_at: int = 0) -> None:
        self.store, self.fail_at, self.writes = store, fail_at, 0

    def _count(self) -> None:
        self.writes += 1
        if self.writes == self.fail_at:
            raise Failing(f"write {self.writes} failed")

    def write(self, statement: Statement, **kwargs: Any) -> None:
        self._count()
        self.store.write(statement, **kwargs)

    def write_atomic(self, statements: Sequence[Statement]) -> list[list[Any]]:
        self._count()
        return self.store.write_atomic(statements)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def _dump(store: Store) -> tuple[list[str], list[str]]:
    """`whole_graph`, each node and edge in full and in one order (its ORDER BY leaves two edges of one pair and
    source, a 牵头 and a 配合 of one clause, in the order the engine holds them, which a restore may change)."""
    nodes, edges = whole_graph(store)
    return (sorted(json.dumps(node, ensure_ascii=False, sort_keys=True) for node in nodes),
            sorted(json.dumps(edge, ensure_ascii=False, sort_keys=True) for edge in edges))


def _undo_points(store: Store) -> list[dict[str, Any]]:
    return store.read("MATCH (m:Meta {uid: $uid}) RETURN m.uid AS uid", {"uid": UNDO_UID})


def _history_graph(store: Store, folder: Path) -> str:
    """A list's two versions, the September one current: removing it loads March's again. The name to remove."""
    march, sept = _files(folder)
    _load(store, march, sept)
    return str(sept)


def _renamed_graph(store: Store, folder: Path) -> str:
    """A reform's 三定 and a 调整 notice titled with the old name: removing the reform reads the notice again."""
    notice = folder / OLD_NAME_NOTICE.name
    notice.write_bytes(OLD_NAME_NOTICE.read_bytes())
    for path in (WENLV, RENAME, notice):
        assert ingest([path], store, region=NOTICE_CITY).failed == []
    return str(RENAME)


@pytest.mark.parametrize("build", [_history_graph, _renamed_graph])
def test_a_failure_at_any_write_leaves_the_graph_exactly_as_it_was(store: Store, tmp_path: Path,
                                                                   build: Callable[[Store, Path], str]) -> None:
    name = build(store, tmp_path)
    before = _dump(store)
    counted = FailingStore(store)
    removal = remove(counted, find_documents(store, [name]))  # type: ignore[arg-type]
    assert (removal.restored or removal.reread) and _undo_points(store) == []
    removed = _dump(store)
    assert removed != before
    # The undo point, the documents out, pruned, the history version or the notice loaded again, the links, the
    # undo point dropped: a failure at each of them in turn.
    assert counted.writes > 10
    absorbed: list[int] = []
    for fail_at in range(1, counted.writes + 1):
        store.clear()
        store.apply_schema()
        build(store, tmp_path)
        assert _dump(store) == before
        try:
            remove(FailingStore(store, fail_at), find_documents(store, [name]))  # type: ignore[arg-type]
        except (Failing, RemovalError) as failed:
            assert f"write {fail_at} failed" in str(failed)
            assert (fail_at, _dump(store)) == (fail_at, before)
        else:
            # The SIMILAR edges a reload's worker writes (the removal links the graph itself afterwards) and the
            # count of unlinked duties kept for the read commands: failures the removal survives, whole.
            absorbed.append(fail_at)
            assert (fail_at, _dump(store)) == (fail_at, removed)
        assert _undo_points(store) == []
    assert len(absorbed) <= 4
    # Once the store answers again, the same removal gives the same graph as before.
    remove(store, find_documents(store, [name]))
    assert _dump(store) == removed


def test_a_removal_gives_the_graph_loading_what_stays_gives(store: Store, other_store: Store, tmp_path: Path) -> None:
    """Exactly the rows of a fresh load of the version that stays, and no undo point left behind."""
    march = _files(tmp_path)[0]
    remove(store, find_documents(store, [_history_graph(store, tmp_path)]))
    _load(other_store, march)
    assert whole_graph(store) == whole_graph(other_store)
    assert _undo_points(store) == []
    assert store.read("MATCH (m:Meta) RETURN m.uid AS uid ORDER BY uid") == [
        {"uid": "meta:links"}, {"uid": "meta:segmentation"}, {"uid": "meta:unlinked"}, {"uid": "meta:version"}]


def test_the_files_loaded_again_are_read_once(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = _history_graph(store, tmp_path)
    parsed: list[str] = []
    parse_one = pipeline._parse_one

    def counted(path: Path, *args: Any) -> None:
        parsed.append(path.name)
        parse_one(path, *args)

    monkeypatch.setattr(pipeline, "_parse_one", counted)
    remove(store, find_documents(store, [name]))
    assert parsed == ["bianjie_03.csv"]


def test_a_failure_restores_the_write_counter_past_the_changes(store: Store, tmp_path: Path) -> None:
    """A cache keyed on the write counter (queries.cache) never answers from the state the failed change left."""
    _history_graph(store, tmp_path)
    [before] = store.read("MATCH (m:Meta {uid: 'meta:version'}) RETURN m.version AS version, m.epoch AS epoch")
    with pytest.raises(Failing), all_or_nothing(store):
        store.write_atomic([Statement("UNWIND $rows AS r MATCH (m:Meta {uid: 'meta:version'}) "
                                      "SET m.version = m.version + 5", [{}])])
        raise Failing("midway")
    assert store.read("MATCH (m:Meta {uid: 'meta:version'}) RETURN m.version AS version, m.epoch AS epoch") == [
        {"version": before["version"] + 6, "epoch": before["epoch"]}]


def test_an_undo_point_a_running_process_holds_is_left_alone(store: Store, tmp_path: Path) -> None:
    """Another process's removal under way: not undone under it, and a second removal refuses."""
    _history_graph(store, tmp_path)
    owner = json.dumps({"host": os.uname().nodename, "pid": os.getppid(), "started": _started(os.getppid())})
    store.write_atomic([Statement("UNWIND $rows AS r CREATE (m:Meta {uid: r.uid, undo: r.undo, owner: r.owner})",
                                  [{"uid": UNDO_UID, "undo": json.dumps({"nodes": [], "edges": []}),
                                    "owner": owner}])])
    before = _dump(store)
    assert restore_abandoned(store) is False
    with pytest.raises(StoreError, match="another process is changing the graph"):
        remove(store, find_documents(store, [str(tmp_path / "bianjie_09.csv")]))
    assert _dump(store) == before


def _started(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[19]


# Run by the killed process: the removal, with the process killed outright (SIGKILL) at its Nth write.
_KILLED = """
import os, signal, sys
from graph.falkor_store import FalkorStore
from graph.store import opened
from ingest.removal import RemovalError, find_documents, remove

fail_at, writes = int(sys.argv[2]), [0]
for name in ("write", "write_atomic"):
    def counted(self, *args, _write=getattr(FalkorStore, name), **kwargs):
        writes[0] += 1
        if writes[0] == fail_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return _write(self, *args, **kwargs)
    setattr(FalkorStore, name, counted)
with opened(f"embedded:{sys.argv[1]}") as store:
    remove(store, find_documents(store, [sys.argv[3]]))
"""


@pytest.mark.parametrize("fail_at", [3, 12])
def test_a_process_killed_midway_is_undone_by_the_next_to_open_the_store(tmp_path: Path, fail_at: int) -> None:
    folder = tmp_path / "store"
    with opened(f"embedded:{folder}") as store:
        store.apply_schema()
        name = _history_graph(store, tmp_path)
        before = _dump(store)
    killed = subprocess.run([sys.executable, "-c", _KILLED, str(folder), str(fail_at), name], cwd=REPO,
                            env=_env(), capture_output=True, text=True, timeout=300)
    assert killed.returncode == -9, killed.stderr
    with opened(f"embedded:{folder}") as store:
        assert _undo_points(store) == []
        assert _dump(store) == before
        assert store.read("MATCH (d:Document) RETURN d.path AS path") == [{"path": name}]


def _env() -> Mapping[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


class Peeking(FailingStore):
    """The store, failing at its second write, the first after the undo point: what that point holds is kept."""

    def _count(self) -> None:
        if self.writes == 1:
            [row] = self.store.read("MATCH (m:Meta {uid: $uid}) RETURN m.undo AS undo", {"uid": UNDO_UID})
            self.undo = json.loads(row["undo"])
        super()._count()


def test_the_undo_point_holds_only_the_regions_the_removal_changes(store: Store, tmp_path: Path) -> None:
    """A list of 临水市 taken out while the graph also holds 示例市's 三定 and notice: the undo point keeps 临水市 (and
    the Meta nodes) alone, and a failure still leaves the whole graph as it was."""
    name = _history_graph(store, tmp_path)
    _renamed_graph(store, tmp_path)
    other = {row["uid"] for row in store.read(
        "MATCH (n) WHERE n.region STARTS WITH '示例市' OR n.path STARTS WITH '示例市' "
        "OR n.holder STARTS WITH 'dept:示例市/' OR n.holder STARTS WITH 'office:示例市/' "
        "OR n.department STARTS WITH 'dept:示例市/' RETURN n.uid AS uid")}
    assert len(other) == 20  # its region and county, 3 departments, 3 offices, 9 duties, 3 documents
    before = _dump(store)
    peeking = Peeking(store, fail_at=2)
    with pytest.raises(Failing):
        remove(peeking, find_documents(store, [name]))  # type: ignore[arg-type]
    held = {node["props"]["uid"] for node in peeking.undo["nodes"]}
    assert peeking.undo["tops"] == ["临水市"]
    assert held & other == set()
    assert {uid for uid in held if uid.startswith("meta:")} == {
        "meta:links", "meta:segmentation", "meta:unlinked", "meta:version"}
    # The list's current version and the history version loaded again in its place.
    assert {uid for uid in held if uid.startswith("doc:")} == {row["uid"] for row in store.read(
        "MATCH (d:Document {region: '临水市'}) RETURN d.uid AS uid UNION "
        "MATCH (d:ListVersion {region: '临水市'}) RETURN d.uid AS uid")}
    assert _dump(store) == before
    assert _undo_points(store) == []
