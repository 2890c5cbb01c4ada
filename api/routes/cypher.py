"""POST /api/cypher: read-only ad-hoc Cypher for analysts (API key required); the engine refuses writes."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from api.deps import KeyDep, StoreDep
from api.problems import problem_responses

router = APIRouter(prefix="/api", tags=["cypher"])


class CypherRequest(BaseModel):
    query: str = Field(min_length=1, max_length=20_000, examples=["MATCH (d:Department) RETURN d.name AS name LIMIT 5"])
    params: dict[str, Any] = Field(default_factory=dict, examples=[{"name": "示例市交通运输局"}])


@router.post("/cypher", dependencies=[KeyDep], summary="Run a read-only Cypher query (time and row limits)",
             responses={200: {"content": {"application/json": {"example": {
                 "columns": ["name"], "rows": [{"name": "示例市交通运输局"}], "truncated": False}}}},
                 **problem_responses(400, 401, 403, 408, 422, 503)})
def run_cypher(request: Request, store: StoreDep, body: CypherRequest) -> dict[str, Any]:
    settings = request.app.state.settings
    # The engine enforces read-only (GRAPH.RO_QUERY on FalkorDB, a read session on Neo4j).
    rows = store.read(body.query, body.params, timeout_ms=settings.cypher_timeout_ms)
    limit = settings.cypher_row_limit
    return {"columns": list(rows[0]) if rows else [], "rows": rows[:limit], "truncated": len(rows) > limit}
