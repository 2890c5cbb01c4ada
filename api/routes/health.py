"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.problems import Problem, problem_responses
from graph.store import StoreError

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness: the process answers",
            responses={200: {"content": {"application/json": {"example": {"status": "ok"}}}}})
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: the graph store answers",
            responses={200: {"content": {"application/json": {"example": {"status": "ready", "store": "embedded:./data"}}}},
                       **problem_responses(503)})
def readyz(store: StoreDep) -> dict[str, str]:
    try:
        store.read("RETURN 1 AS one")
    except StoreError as exc:
        raise Problem(503, "store-unavailable", "Store unavailable", "图数据库不可用", str(exc),
                      f"图数据库不可用：{exc}") from exc
    return {"status": "ready", "store": store.description}
