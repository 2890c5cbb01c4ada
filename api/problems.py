"""Errors as application/problem+json (RFC 9457), each with an English and a Chinese message."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.store import ReadOnlyViolation, StoreError
from queries.catalog import QueryError
from queries.lookup import UnknownDepartment

PROBLEM_TYPE = "application/problem+json"


class Problem(Exception):
    def __init__(self, status: int, slug: str, title: str, title_zh: str, detail: str = "", detail_zh: str = "",
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(detail or title)
        self.status, self.slug, self.title, self.title_zh = status, slug, title, title_zh
        self.detail, self.detail_zh, self.headers = detail, detail_zh, headers or {}

    def body(self, instance: str) -> dict[str, Any]:
        return {"type": f"https://dutygraph.example/problems/{self.slug}", "title": self.title,
                "title_zh": self.title_zh, "status": self.status, "detail": self.detail or self.title,
                "detail_zh": self.detail_zh or self.title_zh, "instance": instance}


def problem_response(problem: Problem, request: Request) -> JSONResponse:
    return JSONResponse(problem.body(request.url.path), status_code=problem.status, media_type=PROBLEM_TYPE,
                        headers=problem.headers)


PROBLEM_SCHEMA = {
    "description": "A problem (RFC 9457) with English and Chinese messages",
    "content": {PROBLEM_TYPE: {"example": {
        "type": "https://dutygraph.example/problems/not-found", "title": "Not found", "title_zh": "未找到",
        "status": 404, "detail": "no department named '示例市宇宙局'", "detail_zh": "未找到部门：示例市宇宙局",
        "instance": "/api/departments/示例市宇宙局"}}},
}


def install(app: FastAPI) -> None:
    """Every error the app can raise answers as a problem; never a bare 500 for the caller's mistakes."""

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc, request)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = "; ".join(f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors())
        return problem_response(Problem(422, "invalid-request", "Invalid request", "请求参数无效", details,
                                        f"请求参数无效：{details}"), request)

    @app.exception_handler(QueryError)
    async def _query(request: Request, exc: QueryError) -> JSONResponse:
        problem = Problem(400, "bad-query", "Bad query", "查询有误", str(exc), f"查询有误：{exc}")
        return problem_response(problem, request)

    @app.exception_handler(UnknownDepartment)
    async def _unknown(request: Request, exc: UnknownDepartment) -> JSONResponse:
        return problem_response(Problem(404, "not-found", "Not found", "未找到", str(exc), f"未找到：{exc}"), request)

    @app.exception_handler(ReadOnlyViolation)
    async def _read_only(request: Request, exc: ReadOnlyViolation) -> JSONResponse:
        return problem_response(Problem(403, "read-only", "Writes are refused", "只允许只读查询", str(exc),
                                        "该查询会修改图谱，只允许只读查询"), request)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        message = str(exc)
        if "timed out" in message.lower() or "timeout" in message.lower():
            return problem_response(Problem(408, "query-timeout", "Query took too long", "查询超时", message,
                                            "查询超过时间限制"), request)
        if request.url.path.endswith("/cypher"):
            return problem_response(Problem(400, "bad-query", "Bad query", "查询有误", message,
                                            f"查询有误：{message}"), request)
        return problem_response(Problem(503, "store-unavailable", "Store unavailable", "图数据库不可用", message,
                                        "图数据库暂不可用"), request)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {404: ("Not found", "未找到"), 405: ("Method not allowed", "不支持该方法")}
        title, title_zh = titles.get(exc.status_code, ("Error", "错误"))
        return problem_response(Problem(exc.status_code, "http-error", title, title_zh, str(exc.detail)), request)
