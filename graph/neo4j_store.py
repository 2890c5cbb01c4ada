"""The Neo4j 5 backend, through the official driver: managed transactions, batched UNWIND writes."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import neo4j
from neo4j import GraphDatabase, unit_of_work
from neo4j.exceptions import ClientError, Neo4jError, ServiceUnavailable
from neo4j.graph import Node, Path, Relationship

from graph.engine_errors import explain
from graph.schema import NODE_LABELS
from graph.store import WRITE_BATCH, ReadOnlyViolation, Row, Statement, StoreError

# The driver logs each failure before it raises it ("Unable to retrieve routing information"): with no logging set
# up, Python printed that bare line on stderr ahead of dutygraph's own message of the same failure (ops user test),
# and in the service's log, unformatted, ahead of its "store unavailable" line. A handler of its own keeps the
# driver's records from that last resort; they still reach handlers an operator sets up on the root logger, and
# neo4j.debug.watch() still shows them.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

_CLEAR_BATCH = 10_000
CLEAR_STATEMENT = "MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS deleted"


class Neo4jStore:
    def __init__(self, url: str, user: str, password: str, *, database: str = "neo4j") -> None:
        self.description = f"{url}/{database}"
        self._database = database
        try:
            self._driver = GraphDatabase.driver(url, auth=(user, password))
            self._driver.verify_connectivity()
        except (Neo4jError, ServiceUnavailable, ValueError, OSError) as exc:
            raise StoreError(f"cannot reach Neo4j at {url}: {exc}", f"无法连接 Neo4j（{url}）：{exc}") from exc

    def read(self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
             ) -> list[Row]:
        @unit_of_work(timeout=timeout_ms / 1000 if timeout_ms else None)
        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            result = tx.run(cypher, dict(params or {}))
            return [dict(zip(record.keys(), (_plain(value) for value in record.values()), strict=True))
                    for record in result]

        try:
            # A read session: the server itself refuses any write inside it.
            with self._driver.session(database=self._database, default_access_mode=neo4j.READ_ACCESS) as session:
                return session.execute_read(work)
        except ClientError as exc:
            if exc.code and ("AccessMode" in exc.code or "ForbiddenDueToTransactionType" in exc.code
                             or "WriteOnReadOnlyAccessDatabase" in exc.code):
                raise ReadOnlyViolation("the query writes to the graph; only reads are allowed here") from exc
            raise StoreError(f"query failed: {exc.message}",
                             f"查询失败：{explain(f'{exc.code} {exc.message}')}") from exc
        except Neo4jError as exc:
            raise StoreError(f"query failed: {exc}", f"查询失败：{explain(f'{exc.code} {exc}')}") from exc

    def write(self, statement: Statement, *, batch_size: int = WRITE_BATCH) -> None:
        rows = list(statement.rows)
        for start in range(0, len(rows), batch_size):
            self.write_atomic([Statement(statement.cypher, rows[start:start + batch_size])])

    def write_atomic(self, statements: Sequence[Statement]) -> list[list[Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[list[Any]]:
            values: list[list[Any]] = []
            for statement in statements:
                if not statement.rows:
                    values.append([])
                elif statement.collect:
                    record = tx.run(write_cypher(statement), rows=list(statement.rows)).single()
                    values.append([_plain(value) for value in record["values"]] if record else [])
                else:
                    tx.run(write_cypher(statement), rows=list(statement.rows)).consume()
                    values.append([])
            return values

        try:
            with self._driver.session(database=self._database) as session:
                return session.execute_write(work)
        except Neo4jError as exc:
            raise StoreError(f"write failed: {exc}") from exc

    def apply_schema(self) -> None:
        with self._driver.session(database=self._database) as session:
            for cypher in schema_statements():
                session.run(cypher).consume()

    def clear(self) -> None:
        with self._driver.session(database=self._database) as session:
            while True:
                record = session.run(CLEAR_STATEMENT, batch=_CLEAR_BATCH).single()
                if not record or record["deleted"] == 0:
                    break

    def close(self) -> None:
        self._driver.close()


def write_cypher(statement: Statement) -> str:
    """What Neo4j runs for a write statement: its own Cypher, and for one that collects values, what the FalkorDB
    backend's subquery returns of it."""
    if statement.collect:
        return f"{statement.cypher} RETURN collect({statement.collect}) AS values"
    return statement.cypher


def schema_statements() -> list[str]:
    """The constraints and indexes of `graph.schema`, in Neo4j 5's syntax."""
    statements = []
    for node_label in NODE_LABELS:
        name = node_label.name.lower()
        # Labels and property names come from the schema module, never from input.
        statements.append(
            f"CREATE CONSTRAINT {name}_uid IF NOT EXISTS FOR (n:{node_label.name}) REQUIRE n.uid IS UNIQUE")
        statements += [f"CREATE INDEX {name}_{prop} IF NOT EXISTS FOR (n:{node_label.name}) ON (n.{prop})"
                       for prop in node_label.indexed]
    return statements


def _plain(value: Any) -> Any:
    """Driver values as JSON-ready Python values, shaped like the FalkorDB backend's."""
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [_plain(node) for node in value.nodes]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
