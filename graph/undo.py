"""An undo point for a change of several writes (`dutygraph remove`: documents out, others loaded again, links):
the graph as it was, kept inside the graph itself until the change is done, so that the change takes effect whole or
not at all.

Each write of the change is atomic, the change is not, so before its first write what the change can touch is read
and stored as one `Meta` node (`UNDO_UID`), with the process making the change: the top-level regions (cities) it
stays inside where the caller can say so (`graph.undo_scope`; a removal, `ingest.removal_scope`), else the whole
graph. A failure in that process (the store refusing a write, a parser's error, Ctrl-C) puts the graph back at once;
a process killed outright (`kill -9`, the OOM killer) leaves the node, and the next `open_store` whose owner process
is gone puts the graph back from it. The graph is put back by one atomic write (everything in the scope deleted, then
created again as it was), so a failure while restoring leaves the undo point for the next run. Kept in the graph
rather than a file beside it: one place for every backend (a remote FalkorDB or Neo4j has no folder of ours),
written and gone with the graph it restores.
Not `GRAPH.COPY`: it forks the redis server, which clashed with its own append-only file's rewrite."""

from __future__ import annotations

import json
import os
import re
import socket
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

from graph.proc_stat import process_stat, stat_fields
from graph.schema import LABEL_NAMES, REL_NAMES
from graph.store import Row, Statement, Store, StoreError
from graph.undo_scope import ORPHAN_TERMS, has_unplaced, placed_nodes
from graph.write_count import write_count

UNDO_UID = "meta:undo"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props"
_EDGES = ("MATCH (a)-[e]->(b) RETURN labels(a)[0] AS a_label, a.uid AS a, type(e) AS type, labels(b)[0] AS b_label, "
          "b.uid AS b, properties(e) AS props")
# A scoped undo point's reads (graph.undo_scope): its labels are the schema's, checked, never input.
_HELD_NODES = "UNWIND $uids AS u MATCH (n:{label} {{uid: u}}) RETURN labels(n) AS labels, properties(n) AS props"
_EDGES_OUT = ("UNWIND $uids AS u MATCH (a:{label} {{uid: u}})-[e]->(b) RETURN labels(a)[0] AS a_label, a.uid AS a, "
              "type(e) AS type, labels(b)[0] AS b_label, b.uid AS b, properties(e) AS props")
_EDGES_IN = ("UNWIND $uids AS u MATCH (a)-[e]->(b:{label} {{uid: u}}) RETURN labels(a)[0] AS a_label, a.uid AS a, "
             "type(e) AS type, labels(b)[0] AS b_label, b.uid AS b, properties(e) AS props")
_TERMS = "UNWIND $uids AS u MATCH (t:Term {uid: u}) RETURN t.uid AS uid, properties(t) AS props"
_MENTIONED = "UNWIND $uids AS u MATCH (:{label} {{uid: u}})-[:MENTIONS]->(t:Term) RETURN DISTINCT t.uid AS term"
_MENTIONERS = "UNWIND $uids AS u MATCH (t:Term {uid: u})<-[:MENTIONS]-(n) RETURN t.uid AS term, n.uid AS by"
_PENDING = "MATCH (m:Meta {uid: $uid}) RETURN m.owner AS owner, m.undo AS undo"


@contextmanager
def all_or_nothing(store: Store, tops: Sequence[str] | None = None) -> Iterator[None]:
    """Run the block's writes as one change: on any exception the graph is put back as it was before the block
    (then the exception goes on); a process killed inside it is put back by the next `open_store`. `tops`: the
    top-level regions the block's writes stay inside (`take`)."""
    take(store, tops)
    try:
        yield
        # The change's last write: once the undo point is gone, the change stands.
        store.write_atomic([Statement("UNWIND $rows AS r MATCH (m:Meta {uid: r.uid}) DELETE m", [{"uid": UNDO_UID}])])
    except BaseException:
        # A store failing to restore too keeps the undo point, for the next run to restore.
        with suppress(Exception):
            restore(store)
        raise


def take(store: Store, tops: Sequence[str] | None = None) -> None:
    """Store the graph as it is now as the undo point: with `tops`, the top-level regions the change stays inside,
    only what lies in them (`graph.undo_scope`); without, or where the graph holds a node a scope cannot place, the
    whole graph. One left by a process that is gone is restored first; one a running process holds (a removal under
    way elsewhere) refuses: a StoreError."""
    if restore_abandoned(store) is False:
        raise StoreError("another process is changing the graph (a removal under way); try again when it is done",
                         "另一进程正在修改图谱（移除文件进行中），请待其完成后重试")
    if tops is not None and has_unplaced(store):
        tops = None
    undo = _whole(store) if tops is None else _scoped(store, sorted(set(tops)))
    if any(node["props"].get("uid") is None for node in undo["nodes"]):
        # Edges are restored between nodes found by uid: every node the loader writes has one.
        raise StoreError("the graph holds a node without a uid, which an undo point cannot restore",
                         "图中有没有 uid 的节点，无法建立撤销点")
    store.write_atomic([Statement("UNWIND $rows AS r CREATE (m:Meta {uid: r.uid, undo: r.undo, owner: r.owner})",
                                  [{"uid": UNDO_UID, "undo": json.dumps(undo, ensure_ascii=False),
                                    "owner": _this_process()}])])


def _whole(store: Store) -> dict[str, Any]:
    return {"tops": None, "nodes": [{"labels": sorted(row["labels"]), "props": row["props"]}
                                    for row in store.read(_NODES)],
            "edges": store.read(_EDGES)}


def _scoped(store: Store, tops: list[str]) -> dict[str, Any]:
    """The nodes `tops` holds, every edge touching them (each once), and the terms they mention or none does."""
    placed = placed_nodes(store, tops, undo_uid=UNDO_UID)
    held = {uid for uids in placed.values() for uid in uids}
    nodes: list[dict[str, Any]] = []
    edges: list[Row] = []
    for label, uids in sorted(placed.items()):
        name, given = _checked(label, LABEL_NAMES), {"uids": sorted(uids)}
        nodes += [{"labels": sorted(row["labels"]), "props": row["props"]}
                  for row in store.read(_HELD_NODES.format(label=name), given)]
        edges += store.read(_EDGES_OUT.format(label=name), given)
        # An edge between two held nodes is read once, as its start's.
        edges += [edge for edge in store.read(_EDGES_IN.format(label=name), given) if edge["a"] not in held]
    mentioned = sorted({edge["b"] for edge in edges if edge["b_label"] == "Term"})
    terms = {row["uid"]: row["props"] for row in store.read(_TERMS, {"uids": mentioned})}
    terms.update((row["uid"], row["props"]) for row in store.read(ORPHAN_TERMS))
    return {"tops": tops, "nodes": nodes, "edges": edges, "terms": [terms[uid] for uid in sorted(terms)]}


def restore(store: Store) -> bool:
    """Put the graph back as the undo point has it, in one atomic write that also drops the undo point; False where
    there is none."""
    rows = store.read(_PENDING, {"uid": UNDO_UID})
    if not rows:
        return False
    undo = json.loads(rows[0]["undo"])
    deleting = [Statement("UNWIND $rows AS r MATCH (n) DETACH DELETE n", [{}])] if undo.get("tops") is None \
        else _deleting_scope(store, undo)
    store.write_atomic([*deleting, *_restoring(undo, write_count(store))])
    return True


def _deleting_scope(store: Store, undo: dict[str, Any]) -> list[Statement]:
    """What a scoped undo point takes away before it creates its nodes again: the nodes its regions hold now (those
    the change created too) and those it held, the undo point, and the terms only the change's nodes mention. The
    terms it kept are merged back, not deleted: nodes outside the scope mention them too."""
    now = placed_nodes(store, undo["tops"], undo_uid=UNDO_UID)
    for node in undo["nodes"]:
        for label in node["labels"]:
            now.setdefault(label, set()).add(node["props"]["uid"])
    now.setdefault("Meta", set()).add(UNDO_UID)
    held = {uid for uids in now.values() for uid in uids}
    kept = {term["uid"] for term in undo["terms"]}
    mentioners: dict[str, set[str]] = {}
    for label, uids in now.items():
        for row in store.read(_MENTIONED.format(label=_checked(label, LABEL_NAMES)), {"uids": sorted(uids)}):
            if row["term"] not in kept:
                mentioners.setdefault(row["term"], set())
    for row in store.read(_MENTIONERS, {"uids": sorted(mentioners)}):
        mentioners[row["term"]].add(row["by"])
    now["Term"] = {term for term, by in mentioners.items() if by <= held}
    return [Statement(f"UNWIND $rows AS r MATCH (n:{label} {{uid: r.uid}}) DETACH DELETE n",
                      [{"uid": uid} for uid in sorted(uids)]) for label, uids in sorted(now.items())]


def restore_abandoned(store: Store) -> bool | None:
    """Restore an undo point whose process is gone (killed midway); None where there is none, False where its
    process still runs."""
    pending = _pending(store)
    if pending is None:
        return None
    if _alive(pending):
        return False
    return restore(store)


def _pending(store: Store) -> str | None:
    rows = store.read("MATCH (m:Meta {uid: $uid}) RETURN m.owner AS owner", {"uid": UNDO_UID})
    return str(rows[0]["owner"]) if rows else None


def _restoring(undo: dict[str, Any], version_now: int | None) -> list[Statement]:
    """Delete everything, create the nodes and edges again, and count a write past any the change counted: a cache
    keyed on the version (queries.cache) never answers from the state the change left."""
    by_labels: dict[tuple[str, ...], list[Row]] = {}
    for node in undo["nodes"]:
        props = node["props"]
        if props.get("uid") == "meta:version":
            props = {**props, "version": max(props.get("version") or 0, version_now or 0) + 1}
        by_labels.setdefault(tuple(_checked(name, LABEL_NAMES) for name in node["labels"]), []).append(
            {"props": props})
    by_type: dict[tuple[str, str, str], list[Row]] = {}
    for edge in undo["edges"]:
        key = (_checked(edge["a_label"], LABEL_NAMES), _checked(edge["type"], REL_NAMES),
               _checked(edge["b_label"], LABEL_NAMES))
        by_type.setdefault(key, []).append({"a": edge["a"], "b": edge["b"], "props": edge["props"]})
    # Labels and types cannot be parameters: they are checked against the schema's names above.
    terms = [{"props": props} for props in undo.get("terms", [])]
    return [
        Statement("UNWIND $rows AS r MERGE (t:Term {uid: r.props.uid}) SET t += r.props", terms),
        *(Statement(f"UNWIND $rows AS r CREATE (n:{':'.join(labels)}) SET n += r.props", rows)
          for labels, rows in sorted(by_labels.items())),
        *(Statement(f"UNWIND $rows AS r MATCH (a:{a_label} {{uid: r.a}}) MATCH (b:{b_label} {{uid: r.b}}) "
                    f"CREATE (a)-[e:{rel}]->(b) SET e += r.props", rows)
          for (a_label, rel, b_label), rows in sorted(by_type.items())),
    ]


def _checked(name: str, known: Sequence[str] | frozenset[str]) -> str:
    if name not in known or not _NAME.match(name):
        raise StoreError(f"the undo point names {name!r}, which is no label or relationship type of the schema",
                         f"撤销点中的 {name} 不是图谱模式中的标签或关系类型")
    return name


def _this_process() -> str:
    return json.dumps({"host": socket.gethostname(), "pid": os.getpid(), "started": _started(os.getpid())})


def _started(pid: int) -> str | None:
    """A process's start time (clock ticks since boot): a pid reused by another process does not own the point."""
    fields = stat_fields(process_stat(pid))
    return fields[19] if fields and len(fields) > 19 else None


def _alive(owner: str) -> bool:
    """Whether the process that took an undo point still runs. One on another host cannot be seen from here: taken
    to run (its own failure restores it; else remove the point by hand after checking)."""
    try:
        held = json.loads(owner)
    except ValueError:
        return False
    if held.get("host") != socket.gethostname():
        return True
    pid = int(held.get("pid") or 0)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process of that pid runs
    return _started(pid) == held.get("started")
