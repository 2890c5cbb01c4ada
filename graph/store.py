"""The store protocol every backend implements, and `open_store` which picks a backend from a URI."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit

Row = dict[str, Any]

DEFAULT_STORE = "embedded:./data"
WRITE_BATCH = 2000


class StoreError(RuntimeError):
    """A store could not be opened or a query failed; the message is meant for the user, and `zh` says it in
    Chinese (a failed query's kind by `graph.engine_errors.explain`, with the engine's own words)."""

    def __init__(self, message: str, zh: str = "") -> None:
        super().__init__(message)
        self.zh = zh or f"图数据库出错（原文：{message}）"


class ReadOnlyViolation(StoreError):
    """The engine refused a write inside a read-only query."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "该查询会修改图谱，只允许只读查询")


@dataclass(frozen=True)
class Statement:
    """One batched write: `cypher` starts with `UNWIND $rows AS r` and returns nothing. `collect`, when given,
    is an expression over the rows the statement ends with (`r.uid` after a CREATE: the uids it created) that
    `write_atomic` collects and returns: what the write itself did, whatever else writes to the graph."""

    cypher: str
    rows: Sequence[Mapping[str, Any]] = field(default_factory=list)
    collect: str = ""


class Store(Protocol):
    """What the rest of the program may ask of a graph database."""

    description: str

    def read(self, cypher: str, params: Mapping[str, Any] | None = None, *, timeout_ms: int | None = None
             ) -> list[Row]:
        """Run a read-only query; the engine itself refuses writes."""
        ...

    def write(self, statement: Statement, *, batch_size: int = WRITE_BATCH) -> None:
        """Run one `UNWIND $rows` write in batches (each batch atomic, the whole not)."""
        ...

    def write_atomic(self, statements: Sequence[Statement]) -> list[list[Any]]:
        """Run several writes so that either all of them take effect or none does. Returns, for each statement
        in order, the values of its `collect` expression ([] for a statement without one or without rows)."""
        ...

    def apply_schema(self) -> None:
        """Create the unique `uid` constraints and the indexes the schema declares (idempotent)."""
        ...

    def clear(self) -> None:
        """Delete every node and relationship."""
        ...

    def close(self) -> None:
        ...


@dataclass(frozen=True)
class StoreUri:
    scheme: str  # embedded | falkordb | neo4j
    path: Path | None = None
    host: str = "localhost"
    port: int | None = None
    user: str | None = None
    password: str | None = None
    url: str = ""
    graph: str = "dutygraph"


def parse_store_uri(uri: str) -> StoreUri:
    """`embedded:./data`, `falkordb://[:pass@]host:port[/graph]`, `neo4j://user:pass@host:7687`, `bolt://…`."""
    if uri.startswith("embedded:"):
        raw = uri.removeprefix("embedded:").removeprefix("//")
        if not raw:
            raise StoreError(f"store URI {uri!r}: expected a data directory after 'embedded:'")
        return StoreUri("embedded", path=Path(raw).expanduser())
    parts = urlsplit(uri)
    if parts.scheme == "falkordb":
        graph = parts.path.strip("/") or "dutygraph"
        return StoreUri("falkordb", host=parts.hostname or "localhost", port=parts.port or 6379,
                        password=unquote(parts.password) if parts.password else None, graph=graph)
    if parts.scheme in {"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}:
        netloc = parts.hostname or "localhost"
        if parts.port:
            netloc = f"{netloc}:{parts.port}"
        return StoreUri(
            "neo4j",
            host=parts.hostname or "localhost",
            port=parts.port or 7687,
            user=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            url=f"{parts.scheme}://{netloc}",
            graph=parts.path.strip("/") or "neo4j",
        )
    raise StoreError(
        f"store URI {uri!r} not understood: expected embedded:DIR, falkordb://host:port or neo4j://user:pass@host:port",
        f"无法识别图数据库地址 {uri}：应为 embedded:文件夹、falkordb://主机:端口 或 neo4j://用户:密码@主机:端口")


def open_store(uri: str, *, neo4j_user: str | None = None, neo4j_password: str | None = None) -> Store:
    """Open the store a URI names; the embedded one starts (or reuses) its server. A change a killed process left
    half done is undone first (`graph.undo`)."""
    from graph.undo import restore_abandoned

    store = _opened_store(uri, neo4j_user=neo4j_user, neo4j_password=neo4j_password)
    try:
        restore_abandoned(store)
    except BaseException:
        store.close()
        raise
    return store


def _opened_store(uri: str, *, neo4j_user: str | None, neo4j_password: str | None) -> Store:
    spec = parse_store_uri(uri)
    if spec.scheme == "neo4j":
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(spec.url, spec.user or neo4j_user or "neo4j", spec.password or neo4j_password or "",
                          database=spec.graph)
    from graph.falkor_store import FalkorStore

    if spec.scheme == "embedded":
        assert spec.path is not None
        return FalkorStore.embedded(spec.path)
    return FalkorStore.remote(spec.host, spec.port or 6379, spec.password, graph=spec.graph)


@contextmanager
def opened(uri: str, **kwargs: Any) -> Iterator[Store]:
    store = open_store(uri, **kwargs)
    try:
        yield store
    finally:
        store.close()
