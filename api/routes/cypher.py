"""POST /api/cypher: read-only ad-hoc Cypher for analysts (API key required); the engine refuses writes."""

from __future__ import annotations

from concurrent.futures import TimeoutError as FutureTimeout
from time import monotonic
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from api.deps import Format, KeyDep, StoreDep
from api.problems import Problem, problem_responses
from api.schemas import CypherAnswer
from api.tabular import CSV, XLSX, asked_of, disposition, file_bytes, media_type, wanted_format
from queries.asked import cypher_given
from queries.report import Section

router = APIRouter(prefix="/api", tags=["cypher"])
# How long past the limit a request waits for the engine's own timeout error, which says more than ours.
ENGINE_GRACE_S = 0.5


class CypherRequest(BaseModel):
    # A field it does not take (`{"query": …, "parmas": …}`) is refused, not ignored: the query would run unbound.
    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, max_length=20_000, examples=["MATCH (d:Department) RETURN d.name AS name LIMIT 5"])
    params: dict[str, Any] = Field(default_factory=dict, examples=[{"name": "示例市交通运输局"}])


@router.post("/cypher", dependencies=[KeyDep], summary="Run a read-only Cypher query (time and row limits)",
             response_model=CypherAnswer,
             responses={200: {"content": {"application/json": {
                 "example": {"columns": ["name"], "rows": [{"name": "示例市交通运输局"}], "truncated": False}},
                 CSV: {}, XLSX: {}}},
                 **problem_responses(400, 401, 403, 406, 408, 413, 422, 503)})
def run_cypher(request: Request, store: StoreDep, body: CypherRequest, format: Format = None) -> Response:
    """JSON by default; CSV or Excel for `format=` or an Accept header asking for one, with the query's own columns
    and values as `dutygraph cypher --format` writes them, and `X-Dutygraph-Truncated: true` when the row limit
    cut the answer."""
    settings, slots = request.app.state.settings, request.app.state.cypher_slots
    # The limit counts from the request's arrival: under load a request waits for a worker thread first, and an
    # engine limit of the full budget would answer that much later than promised. Waiting for the ad-hoc
    # queries ahead of it (one at a time by default, DUTYGRAPH_CYPHER_CONCURRENCY) is part of the limit too.
    if not slots.acquire(timeout=max(0, _budget_ms(request)) / 1000):
        raise _too_late(settings.cypher_timeout_ms)
    try:
        budget = _budget_ms(request)
        if budget <= 0:
            raise _too_late(settings.cypher_timeout_ms)
        # The engine enforces read-only (GRAPH.RO_QUERY on FalkorDB, a read session on Neo4j).
        running = request.app.state.cypher_runner.submit(store.read, body.query, body.params, timeout_ms=budget)
    except BaseException:
        slots.release()
        raise
    # The slot is the query's until the engine is done with it, whether this request still waits for it or not.
    running.add_done_callback(lambda _done: slots.release())
    try:
        # The engine's own limit answers first, as a rule; a query it cannot stop in time (FalkorDB checks its limit
        # between records, not while range() builds a list of millions) is left to finish without this request,
        # which answered 36 s late (user test).
        rows = running.result(timeout=max(0, _budget_ms(request)) / 1000 + ENGINE_GRACE_S)
    except FutureTimeout:
        raise _ran_too_long(settings.cypher_timeout_ms) from None
    limit = settings.cypher_row_limit
    columns, truncated = list(rows[0]) if rows else [], len(rows) > limit
    chosen = wanted_format(request, format)
    if chosen == "json":
        return JSONResponse({"columns": columns, "rows": rows[:limit], "truncated": truncated})
    # An ad-hoc query's columns are the analyst's own aliases: written as they are, as the CLI writes them.
    section = Section("cypher", "查询结果", columns, rows[:limit])
    headers = {"Content-Disposition": disposition(f"cypher.{chosen}", f"查询结果.{chosen}"),
               "X-Dutygraph-Truncated": str(truncated).lower()}
    given = cypher_given(body.query, body.params, limit if truncated else None)
    return Response(file_bytes(chosen, [section], "cypher", readable=False,
                               asked=asked_of(request, "cypher", given) if chosen == "xlsx" else None),
                    media_type=media_type(chosen), headers=headers)


def _budget_ms(request: Request) -> int:
    return remaining_ms(request.state.received, monotonic(), request.app.state.settings.cypher_timeout_ms)


def _too_late(limit_ms: int) -> Problem:
    return Problem(408, "query-timeout", "Query took too long", "查询超时",
                   f"the time limit ({limit_ms} ms) passed before the query could start",
                   f"查询尚未开始，已超过时间限制（{limit_ms} 毫秒）")


def _ran_too_long(limit_ms: int) -> Problem:
    return Problem(408, "query-timeout", "Query took too long", "查询超时",
                   f"the query ran past the time limit ({limit_ms} ms) and was left to the engine to finish; the next "
                   "ad-hoc query may wait for it",
                   f"查询超过时间限制（{limit_ms} 毫秒），已不再等待其结果；图数据库仍在完成它，下一个查询可能需等待")


def remaining_ms(received: float, now: float, limit_ms: int) -> int:
    """What is left of a limit of `limit_ms` that began at `received` (monotonic seconds)."""
    return limit_ms - int((now - received) * 1000)
