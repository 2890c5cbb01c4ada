"""The FalkorDB backend: the embedded server (default) or an external FalkorDB, with one code path."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import redis
from falkordb import Edge, FalkorDB, Node, QueryResult
from falkordb import Path as FalkorPath

from graph.embedded import GRAPH_NAME, EmbeddedServer
from graph.engine_errors import english_hint, explain
from graph.schema import NODE_LABELS
from graph.store import WRITE_BATCH, ReadOnlyViolation, Row, Statement, StoreError

_ROWS_PARAM = re.compile(r"\$rows\b")
_SCALARS = frozenset((str, int, float, bool, type(None)))


class FalkorStore:
    def __init__(self, db: FalkorDB, graph: str, description: str, server: EmbeddedServer | None = None) -> None:
        self._db = db
        self._graph_name = graph
        self._graph = db.select_graph(graph)
        self._server = server
        self._reviving = threading.Lock()  # the API's threads share a store: one of them starts the server again
        self.description = description

    @classmethod
    def embedded(cls, data_dir: Path) -> FalkorStore:
        server = EmbeddedServer(data_dir)
        socket = server.acquire()
        try:
            db = FalkorDB(unix_socket_path=str(socket))
        except (redis.RedisError, OSError) as exc:
            server.release()
            raise StoreError(f"cannot connect to the embedded FalkorDB at {socket}: {exc}",
                             f"无法连接内嵌的 FalkorDB（{socket}）：{exc}") from exc
        return cls(db, GRAPH_NAME, f"embedded:{data_dir}", server)

    @classmethod
    def remote(cls, host: str, port: int, password: str | None, *, graph: str = "dutygraph") -> FalkorStore:
        try:
            db = FalkorDB(host=host, port=port, password=password)
            db.connection.ping()
        except (redis.RedisError, OSError) as exc:
            raise StoreError(f"cannot reach FalkorDB at {host}:{port}: {exc}",
                             f"无法连接 FalkorDB（{host}:{port}）：{exc}") from exc
        return cls(db, graph, f"falkordb://{host}:{port}/{graph}")

    # -- reads -------------------------------------------------------------------------------------
    def read(self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
             ) -> list[Row]:
        try:
            try:
                with self._querying():
                    result = self._graph.ro_query(cypher, dict(params or {}), timeout=timeout_ms)
            except redis.ConnectionError:
                if not self._revived():
                    raise
                with self._querying():
                    result = self._graph.ro_query(cypher, dict(params or {}), timeout=timeout_ms)
        except redis.ResponseError as exc:
            message = str(exc)
            if "empty key" in message:
                # The graph has never been written to: create it empty so every query answers as on Neo4j.
                self._query("RETURN 0", {})
                return self.read(cypher, params, timeout_ms=timeout_ms)
            if "read-only" in message:
                raise ReadOnlyViolation("the query writes to the graph; only reads are allowed here") from exc
            raise StoreError(f"query failed: {message}{english_hint(message)}",
                             f"查询失败：{explain(message)}") from exc
        except redis.RedisError as exc:
            raise StoreError(f"query failed: {exc}", f"查询失败：{explain(str(exc))}") from exc
        columns = [name for _kind, name in result.header]
        return [dict(zip(columns, (_plain(value) for value in row), strict=True)) for row in result.result_set]

    # -- writes ------------------------------------------------------------------------------------
    def write(self, statement: Statement, *, batch_size: int = WRITE_BATCH) -> None:
        rows = list(statement.rows)
        for start in range(0, len(rows), batch_size):
            self._query(statement.cypher, {"rows": rows[start:start + batch_size]})

    def write_atomic(self, statements: Sequence[Statement]) -> list[list[Any]]:
        # One GRAPH.QUERY is atomic on FalkorDB while MULTI/EXEC is not (DESIGN.md), so the statements are
        # chained into a single query, each in a CALL subquery: an aggregating subquery answers exactly one row
        # whatever its statement matched, so the next one runs once and the values collected so far survive to
        # the final RETURN (`WITH count(*)` between parts gave one row too, but dropped every earlier value).
        parts: list[str] = []
        params: dict[str, Any] = {}
        collected: list[int] = []
        for index, statement in enumerate(statements):
            if not statement.rows:
                continue
            name = f"rows_{index}"
            body = _ROWS_PARAM.sub(f"${name}", statement.cypher.strip())
            value = f"collect({statement.collect})" if statement.collect else "count(*)"
            parts.append(f"CALL {{ {body} RETURN {value} AS _part_{index} }}")
            params[name] = list(statement.rows)
            if statement.collect:
                collected.append(index)
        values: list[list[Any]] = [[] for _ in statements]
        if not parts:
            return values
        returned = ", ".join(f"_part_{index}" for index in collected) or "0 AS done"
        result = self._query("\n".join([*parts, f"RETURN {returned}"]), params)
        if collected:
            for index, value in zip(collected, result.result_set[0], strict=True):
                values[index] = [_plain(item) for item in value]
        return values

    def _query(self, cypher: str, params: dict[str, Any]) -> QueryResult:
        try:
            with self._querying():
                result = self._graph.query(cypher, params)
        except redis.ConnectionError as exc:
            # Not tried again: whether the write was applied before the server went is unknown. The next one finds
            # the server started again.
            self._revived()
            raise StoreError(f"write failed: {exc}") from exc
        except redis.RedisError as exc:
            raise StoreError(f"write failed: {exc}") from exc
        if self._server is not None:
            self._server.compact_if_grown()
        return result

    def _querying(self) -> contextlib.AbstractContextManager[None]:
        """The embedded server's queries lock, held shared while a query runs (graph.embedded: its log is
        rewritten only while no query runs)."""
        return self._server.querying() if self._server is not None else contextlib.nullcontext()

    def _revived(self) -> bool:
        """After a lost connection: the embedded server, if it died (killed, out of memory), started again from its
        files; True when it answers again. The service answered 503 until restarted by hand (user test). An
        external server is its operator's to restart (the client reconnects once it is back)."""
        if self._server is None:
            return False
        with self._reviving:
            try:
                self._server.acquire()
            except StoreError:
                return False
        return True

    # -- schema ------------------------------------------------------------------------------------
    def apply_schema(self) -> None:
        with self._querying():
            self._apply_schema()

    def _apply_schema(self) -> None:
        existing = self._existing_indexes()
        for node_label in NODE_LABELS:
            for prop in ("uid", *node_label.indexed):
                if (node_label.name, prop) not in existing:
                    self._create_index(node_label.name, prop)
        constrained = self._existing_constraints()
        for node_label in NODE_LABELS:
            if node_label.name in constrained:
                continue
            try:
                self._db.connection.execute_command(
                    "GRAPH.CONSTRAINT", "CREATE", self._graph_name, "UNIQUE", "NODE", node_label.name,
                    "PROPERTIES", "1", "uid",
                )
            except redis.ResponseError as exc:
                if "already exists" not in str(exc):
                    raise StoreError(f"cannot create the uid constraint on {node_label.name}: {exc}") from exc

    def _create_index(self, label: str, prop: str) -> None:
        try:
            # Labels and property names come from the schema module, never from input.
            self._graph.query(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})")
        except redis.ResponseError as exc:
            # Two first ingests into a new store both found no index and both made it: the second one's failure
            # lost its whole ingest (user test). The index is there, which is all that was wanted.
            if "already indexed" not in str(exc):
                raise StoreError(f"cannot create the index on {label}.{prop}: {exc}") from exc
        except redis.RedisError as exc:
            raise StoreError(f"write failed: {exc}") from exc

    def _existing_indexes(self) -> set[tuple[str, str]]:
        try:
            result = self._graph.ro_query("CALL db.indexes() YIELD label, properties RETURN label, properties")
        except redis.ResponseError:
            return set()  # an empty graph has no key yet
        return {(row[0], prop) for row in result.result_set for prop in row[1]}

    def _existing_constraints(self) -> set[str]:
        try:
            result = self._graph.ro_query("CALL db.constraints() YIELD label, properties RETURN label, properties")
        except redis.ResponseError:
            return set()
        return {row[0] for row in result.result_set if list(row[1]) == ["uid"]}

    def clear(self) -> None:
        try:
            with self._querying():
                self._graph.delete()
        except redis.ResponseError as exc:
            if "empty key" not in str(exc) and "Invalid graph operation" not in str(exc):
                raise StoreError(f"cannot clear the graph: {exc}") from exc
        except redis.RedisError as exc:
            raise StoreError(f"cannot clear the graph: {exc}") from exc
        self._graph = self._db.select_graph(self._graph_name)

    def close(self) -> None:
        try:
            self._db.connection.close()
        finally:
            if self._server is not None:
                self._server.release()
                self._server = None


def _plain(value: Any) -> Any:
    """FalkorDB result values as JSON-ready Python values (nodes and edges become property maps)."""
    if type(value) in _SCALARS:  # nearly every value: checked first, it is most of a large read's cost
        return value
    if isinstance(value, Node):
        return {"_labels": list(value.labels or []), **{k: _plain(v) for k, v in value.properties.items()}}
    if isinstance(value, Edge):
        return {"_type": value.relation, **{k: _plain(v) for k, v in value.properties.items()}}
    if isinstance(value, FalkorPath):
        return [_plain(node) for node in value.nodes()]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
