"""Errors as application/problem+json (RFC 9457), each with an English and a Chinese message."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from annotated_types import Ge, Le
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic.fields import FieldInfo
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.store import ReadOnlyViolation, StoreError
from queries.catalog import QueryError
from queries.labels import SHARE_LABELS
from queries.lookup import UnknownDepartment, UnknownRegion
from queries.power_split import UnknownDomain

_log = logging.getLogger(__name__)

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


def no_keys() -> Problem:
    return Problem(403, "no-keys", "No API keys are configured", "未配置 API 密钥",
                   "set DUTYGRAPH_API_KEYS or DUTYGRAPH_API_KEYS_FILE to enable this endpoint",
                   "请设置 DUTYGRAPH_API_KEYS 或 DUTYGRAPH_API_KEYS_FILE 后再使用此接口")


def unauthorized(key_sent: bool = False) -> Problem:
    """No bearer key, or (`key_sent`) one the service does not hold: a caller that sent a key was told to send one
    (user test), and looked for a malformed header rather than a wrong key. RFC 6750 names the second invalid_token."""
    if key_sent:
        return Problem(401, "unauthorized", "A valid API key is required", "需要有效的 API 密钥",
                       "the API key sent is not one this service accepts (DUTYGRAPH_API_KEYS)",
                       "API 密钥不正确：请求头 Authorization: Bearer 所带的密钥不是本服务设置的密钥",
                       headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return Problem(401, "unauthorized", "A valid API key is required", "需要有效的 API 密钥",
                   "send Authorization: Bearer <key>", "请在请求头中提供 Authorization: Bearer <密钥>",
                   headers={"WWW-Authenticate": "Bearer"})


def too_large(megabytes: float) -> Problem:
    """A request body over the service's limit (DUTYGRAPH_MAX_UPLOAD_MB), named so that the uploader can split it
    and the operator knows which setting to raise."""
    limit = f"{megabytes:g} MB"
    return Problem(413, "too-large", "Upload too large", "上传内容过大",
                   f"the request is larger than {limit}, the most this service takes (DUTYGRAPH_MAX_UPLOAD_MB): "
                   "send fewer or smaller files",
                   f"上传内容超过 {limit} 的上限：请分批上传或拆分文件（上限由服务器的 DUTYGRAPH_MAX_UPLOAD_MB 设置）")


def unknown_parameters(unknown: list[str], known: list[str], meant: dict[str, str]) -> Problem:
    """Query parameters the endpoint does not take. They are refused because a misspelt filter, ignored, answers
    as if unfiltered. `meant` maps an unknown name to the known one it is closest to, where one is close."""
    english = "; ".join(f"unknown query parameter '{name}'" + (f" (did you mean '{meant[name]}'?)" if name in meant
                                                                else "") for name in unknown)
    chinese = "；".join(f"未知的查询参数 {name}" + (f"（是否应为 {meant[name]}？）" if name in meant else "")
                       for name in unknown)
    takes = f"this endpoint takes {', '.join(known)}" if known else "this endpoint takes no query parameters"
    takes_zh = f"此接口可用的查询参数：{'、'.join(known)}" if known else "此接口不接受查询参数"
    return Problem(422, "unknown-parameter", "Unknown query parameter", "未知的查询参数", f"{english}; {takes}",
                   f"请求参数无效：{chinese}；{takes_zh}")


def repeated_parameters(values: dict[str, list[str]]) -> Problem:
    """Query parameters given more than once (`values`: each one's values): the last silently won (user test)."""
    english = "; ".join(f"query parameter {name} is given {len(given)} times ({', '.join(given)}): give it once"
                        for name, given in values.items())
    chinese = "；".join(f"查询参数 {name} 给了 {len(given)} 次（{'、'.join(given)}），只能给一次"
                       for name, given in values.items())
    return Problem(422, "invalid-request", "Invalid request", "请求参数无效", english, f"请求参数无效：{chinese}")


# One example problem per status, each as the server answers it (tests/api/test_openapi_examples.py asks the server
# for each and compares): what the OpenAPI page shows for each error.
_EXAMPLES = {
    400: Problem(400, "bad-format", "Unknown format", "不支持的格式", "format=pdf: expected json, csv or xlsx",
                 "format 应为 json、csv 或 xlsx"),
    401: unauthorized(),
    403: no_keys(),
    404: Problem(404, "not-found", "Not found", "未找到", "no department named '示例市宇宙局'",
                 "未找到部门：示例市宇宙局"),
    406: Problem(406, "one-table-per-csv", "A CSV file holds one table", "CSV 文件只能容纳一张表",
                 "power_split answers 5 tables (cells, conflicts, unlisted, counties, differences): ask for one of "
                 "them with table=cells or table=conflicts or table=unlisted or table=counties or table=differences, "
                 "or for format=xlsx (a sheet each)",
                 "power_split 的结果有 5 张表（cells、conflicts、unlisted、counties、differences）：请用 "
                 "table=cells 或 table=conflicts 或 table=unlisted 或 table=counties 或 table=differences "
                 "选择其中一张，或改用 format=xlsx（每张表一个工作表）"),
    408: Problem(408, "query-timeout", "Query took too long", "查询超时", "query failed: Query timed out",
                 "查询失败：查询超过时间限制，已中止（图数据库原文：Query timed out）"),
    # DELETE /api/documents/{uid} of one 三定 of a department whose other one an earlier dutygraph loaded
    # (ingest.removal).
    409: Problem(409, "conflict", "The document cannot be removed alone", "不能单独移除该文件",
                 "the department these documents define has other 三定 or 调整 notices loaded by an earlier dutygraph "
                 "(临川市城市管理局: 《临川市城市管理局职能配置、内设机构和人员编制规定》 chengguan_2024.txt), "
                 "which do not record what they state: one version cannot be taken out alone until those are loaded "
                 "again (dutygraph ingest PATH), or remove them too, or reset the graph and load again",
                 "该部门还载入了由较早版本 dutygraph 载入的其他三定或调整通知（临川市城市管理局: "
                 "《临川市城市管理局职能配置、内设机构和人员编制规定》 chengguan_2024.txt），"
                 "其中未记录各版本所定的编制和日期：请先重新载入这些文件（dutygraph ingest 路径）再移除，"
                 "或一并移除，或清空图谱后重新载入"),
    413: too_large(20),
    422: Problem(422, "invalid-request", "Invalid request", "请求参数无效",
                 "query.limit: Input should be greater than or equal to 1",
                 "请求参数无效：查询参数 limit：应在 1 到 1000 之间，而不是 0"),
    503: Problem(503, "store-unavailable", "Store unavailable", "图数据库不可用",
                 "query failed: Error 111 connecting to localhost:6379. Connection refused.",
                 "查询失败：图数据库报错（原文：Error 111 connecting to localhost:6379. Connection refused.）"),
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI `responses` entries of the given error statuses, each with its own example and the schema of a
    problem document of that status (an example without a schema gave a client's mocks nothing to check)."""
    def schema(status: int) -> dict[str, Any]:
        text = {"type": "string"}
        fields = {"type": {**text, "description": "the kind of problem: a URI ending in its slug (bad-format…)"},
                  "title": text, "title_zh": text, "status": {"type": "integer", "const": status}, "detail": text,
                  "detail_zh": text, "instance": {**text, "description": "the path asked for"}}
        return {"type": "object", "title": "Problem", "required": list(fields), "properties": fields}

    return {status: {"description": f"{_EXAMPLES[status].title} (problem, RFC 9457, English and Chinese)",
                     "content": {PROBLEM_TYPE: {"schema": schema(status), "example": _EXAMPLES[status].body("/api/…")}}}
            for status in statuses}


_WHERE_ZH = {"query": "查询参数", "path": "路径参数", "header": "请求头", "body": "请求体"}
# pydantic's error types, each with the Chinese sentence a caller's operator can read; {…} are the error's context.
_RULES_ZH = {
    "missing": "缺少此项", "int_parsing": "应为整数", "int_from_float": "应为整数", "float_parsing": "应为数字",
    "bool_parsing": "应为 true 或 false", "literal_error": "应为以下之一：{expected}",
    # A bound said with the value given (user test: offset=-1 read 应不小于 0 alone, where a range says its value).
    "greater_than_equal": "应不小于 {ge}，而不是 {input}", "greater_than": "应大于 {gt}，而不是 {input}",
    "less_than_equal": "应不大于 {le}，而不是 {input}", "less_than": "应小于 {lt}，而不是 {input}",
    "enum": "应为以下之一：{expected}", "string_too_short": "至少 {min_length} 个字符",
    "string_too_long": "至多 {max_length} 个字符",
    # A list in a body (POST /api/dispatch's complaints): its bounds and the count sent (user test: pydantic's
    # English, List should have at least 1 item after validation, reached detail_zh).
    "too_short": "至少 {min_length} 项，而不是 {actual_length} 项",
    "too_long": "至多 {max_length} 项，而不是 {actual_length} 项",
    "list_type": "应为 JSON 数组", "int_type": "应为整数", "float_type": "应为数字", "bool_type": "应为 true 或 false",
    # The one pattern the API's parameters have, \S: a value of spaces only.
    "string_pattern_mismatch": "不能只有空白", "json_invalid": "不是有效的 JSON", "string_type": "应为字符串",
    "dict_type": "应为 JSON 对象", "model_attributes_type": "应为 JSON 对象", "extra_forbidden": "不是可用的字段",
}


def _with_label(code: str) -> str:
    """A code a parameter takes, with its Chinese name where people know it by that: `shared（市县共有）` (user
    test: `share=市县共有` was refused with the codes only)."""
    return f"{code}（{SHARE_LABELS[code]}）" if code in SHARE_LABELS else code


def validation_message_zh(error: dict[str, Any], declared: FieldInfo | None = None) -> str:
    """One validation error in Chinese: where (查询参数 limit, and the parameter's Chinese name where `declared` gives
    it a title: threshold（相似度阈值）), then the rule it broke, or pydantic's words. A number outside a range declared
    at both ends says the range and the value given (user test: `threshold=2` read 应不大于 1.0, naming one bound)."""
    where, *path = [str(part) for part in error["loc"]] or ["body"]
    if error["type"] == "json_invalid":
        path = []  # its loc ends in the character position, which read as a field named 0 (user test)
    title = declared.title if declared is not None and declared.title else ""
    place = f"{_WHERE_ZH.get(where, where)} {'.'.join(path)}{f'（{title}）' if title else ''}".strip()
    bounds = _bounds(declared)
    if error["type"] in _OUT_OF_RANGE and bounds is not None:
        return f"{place}：应在 {bounds[0]:g} 到 {bounds[1]:g} 之间，而不是 {error.get('input')}"
    rule = _RULES_ZH.get(error["type"])
    context = {"input": error.get("input"), **(error.get("ctx") or {})}
    if "expected" in context:  # pydantic's "'departments', 'offices' or 'levels'", English `or` and all
        codes = re.findall(r"'([^']*)'", str(context["expected"]))
        context["expected"] = "、".join(_with_label(code) for code in codes) or context["expected"]
    message = rule.format(**context) if rule else error["msg"]
    return f"{place}：{message}"


_OUT_OF_RANGE = frozenset({"greater_than_equal", "less_than_equal"})


def _bounds(declared: FieldInfo | None) -> tuple[float, float] | None:
    """The least and the greatest value a parameter declares (Query(ge=…, le=…)), when it declares both."""
    if declared is None:
        return None
    low = next((float(rule.ge) for rule in declared.metadata if isinstance(rule, Ge)), None)
    high = next((float(rule.le) for rule in declared.metadata if isinstance(rule, Le)), None)
    return (low, high) if low is not None and high is not None else None


def _declared(request: Request, error: dict[str, Any]) -> FieldInfo | None:
    """How the route the request reached declares the parameter an error is about (a query, path or header
    parameter, its own or a dependency's): its bounds and its title say the error in Chinese."""
    route = request.scope.get("route")
    where, *path = error["loc"] or ["body"]
    if not isinstance(route, APIRoute) or where not in _PARAMS_OF or len(path) != 1:
        return None
    pending = [route.dependant]
    while pending:
        dependant = pending.pop()
        for field in getattr(dependant, _PARAMS_OF[where]):
            if field.alias == path[0]:
                return field.field_info
        pending.extend(dependant.dependencies)
    return None


_PARAMS_OF = {"query": "query_params", "path": "path_params", "header": "header_params"}


def install(app: FastAPI) -> None:
    """Every error the app can raise answers as a problem; never a bare 500 for the caller's mistakes."""

    @app.middleware("http")
    async def _no_nul(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        # A NUL character cannot be a name, a region or a text; the graph store would fail on it as on an outage.
        if b"%00" in request.scope.get("query_string", b"") or b"%00" in request.scope.get("raw_path", b""):
            return problem_response(Problem(422, "invalid-request", "Invalid request", "请求参数无效",
                                            "the request contains a NUL character (%00)", "请求中含有空字符（%00）"),
                                    request)
        return await call_next(request)

    @app.exception_handler(Problem)
    async def _problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(exc, request)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = "; ".join(f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}" for error in exc.errors())
        details_zh = "；".join(validation_message_zh(error, _declared(request, error)) for error in exc.errors())
        return problem_response(Problem(422, "invalid-request", "Invalid request", "请求参数无效", details,
                                        f"请求参数无效：{details_zh}"), request)

    @app.exception_handler(QueryError)
    async def _query(request: Request, exc: QueryError) -> JSONResponse:
        problem = Problem(400, "bad-query", "Bad query", "查询有误", str(exc), f"查询有误：{exc.zh}")
        return problem_response(problem, request)

    @app.exception_handler(UnknownDepartment)
    async def _unknown(request: Request, exc: UnknownDepartment) -> JSONResponse:
        if exc.candidates and not exc.near:  # near names are suggestions: the name itself names none
            problem = Problem(404, "not-unique", "Not unique", "名称不唯一", str(exc), exc.zh)
        else:
            problem = Problem(404, "not-found", "Not found", "未找到", str(exc), exc.zh)
        return problem_response(problem, request)

    @app.exception_handler(UnknownRegion)
    async def _unknown_region(request: Request, exc: UnknownRegion) -> JSONResponse:
        return problem_response(Problem(404, "unknown-region", "Unknown region", "未找到区划", str(exc), exc.zh),
                                request)

    @app.exception_handler(UnknownDomain)
    async def _unknown_domain(request: Request, exc: UnknownDomain) -> JSONResponse:
        return problem_response(Problem(404, "unknown-domain", "Unknown domain", "未找到领域", str(exc), exc.zh),
                                request)

    @app.exception_handler(ReadOnlyViolation)
    async def _read_only(request: Request, exc: ReadOnlyViolation) -> JSONResponse:
        return problem_response(Problem(403, "read-only", "Writes are refused", "只允许只读查询", str(exc), exc.zh),
                                request)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        message = str(exc)
        if "timed out" in message.lower() or "timeout" in message.lower():
            return problem_response(Problem(408, "query-timeout", "Query took too long", "查询超时", message, exc.zh),
                                    request)
        if request.url.path.endswith("/cypher"):
            return problem_response(Problem(400, "bad-query", "Bad query", "查询有误", message, exc.zh), request)
        # The operator's to mend: said in the service's log too, which had only the request's 503 (user test).
        _log.error("store unavailable for %s %s: %s", request.method, request.url.path, message)
        return problem_response(Problem(503, "store-unavailable", "Store unavailable", "图数据库不可用", message,
                                        exc.zh), request)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # A fault of ours, not the caller's: still a problem document, so that clients parse every error alike.
        # Starlette logs the traceback after this answer is sent.
        problem = Problem(500, "internal-error", "Internal error", "服务器内部错误",
                          "the server failed to answer; its log has the cause", "服务器处理出错，详见服务日志")
        return problem_response(problem, request)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {404: ("Not found", "未找到"), 405: ("Method not allowed", "不支持该方法")}
        title, title_zh = titles.get(exc.status_code, ("Error", "错误"))
        # Starlette's own headers kept: a 405 says which methods the path takes (Allow), as RFC 9110 asks.
        return problem_response(Problem(exc.status_code, "http-error", title, title_zh, str(exc.detail),
                                        headers=dict(exc.headers or {})), request)
