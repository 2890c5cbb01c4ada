"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.problems import PROBLEM_SCHEMA, Problem
from graph.store import StoreError

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="Liveness: the process answers",
            responses={200: {"content": {"application/json": {"example": {"status": "ok"}}}}})
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: the graph store answers",
            responses={200: {"content": {"application/json": {"example": {"status": "ready", "store": "embedded:./data"}}}},
                       503: PROBLEM_SCHEMA})
def readyz(store: StoreDep) -> dict[str, str]:
    try:
        store.read("RETURN 1 AS one")
    except StoreError as exc:
        raise Problem(503, "not-ready", "Store not ready", "图数据库未就绪", str(exc), "图数据库未就绪") from exc
    return {"status": "ready", "store": store.description}
