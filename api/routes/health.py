"""Liveness and readiness."""

from __future__ import annotations

import logging

from fastapi import APIRouter

from api.deps import StoreDep
from api.problems import Problem, problem_responses
from graph.store import StoreError
from ingest.fields_version import notice_of, recorded_fields_versions

router = APIRouter(tags=["health"])
_log = logging.getLogger(__name__)


@router.get("/healthz", summary="Liveness: the process answers",
            responses={200: {"content": {"application/json": {"example": {"status": "ok"}}}}})
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: the graph store answers, and whether this version loaded its documents",
            responses={200: {"content": {"application/json": {"example": {
                "status": "ready", "store": "embedded:./data", "documents": 37, "fields": "current"}}}},
                       **problem_responses(503)})
def readyz(store: StoreDep) -> dict[str, str | int]:
    """`fields` is `current` when this dutygraph loaded every document of the graph; `older` when an earlier one
    loaded some (their nodes lack properties this version writes until they are ingested again), `newer` when a
    later one did, `mixed` for both; then `warning` and `warning_zh` say what to do. The service still answers."""
    try:
        # One read of the documents for both: a load balancer asks every few seconds (not a count of every node).
        versions = recorded_fields_versions(store)
    except StoreError as exc:
        _log.error("not ready: %s", exc)  # the log had the 503 alone, never why (user test)
        raise Problem(503, "store-unavailable", "Store unavailable", "图数据库不可用", str(exc),
                      f"图数据库不可用：{exc}") from exc
    notice = notice_of(versions)
    # `documents`: 0 is a graph nothing was loaded into, ready to answer that it found nothing.
    ready: dict[str, str | int] = {"status": "ready", "store": store.description,
                                   "documents": versions.documents if versions else 0, "fields": "current"}
    if notice is not None:  # a graph an earlier (or later) dutygraph loaded answers, but may miss properties
        ready |= {"fields": notice.state, "warning": notice.en, "warning_zh": notice.zh}
    return ready


# HEAD too: a load balancer's probe may ask with it (a 405 read as down, user test). Out of the OpenAPI page, where
# it would repeat the GET operation under the same id.
for _path, _probe in (("/healthz", healthz), ("/readyz", readyz)):
    router.add_api_route(_path, _probe, methods=["HEAD"], include_in_schema=False)
