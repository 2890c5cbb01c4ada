"""The FastAPI application: one store for the app's life, routes per resource, problems for errors."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import api.routes.city_departments as city_departments
import api.routes.list_history as list_history
import api.routes.plans as plans
import api.routes.power_review as power_review
import api.routes.report as report_route
import api.routes.tenure as tenure_route
from api import problems
from api.deps import KnownParametersOnly, api_keys
from api.readings import EMPTY_NOTE_HEADER, READ_AS_HEADER, SayReading
from api.routes import catalog_routes, cypher, dispatch, documents_upload, drafts, health, pages, townships
from api.settings import Settings
from graph.store import Store, StoreError, open_store
from ingest.fields_version import notice_of, recorded_fields_versions
from queries.asked import export_time
from queries.registry import warm_caches

DESCRIPTION = """部门职责图谱 API — departments' duties, boundaries and responsibilities.

JSON rows with stable English field names; list endpoints are paged (`limit`, `offset`, `total`) and answer
CSV or XLSX with Chinese column titles (`?format=csv|xlsx` or the Accept header). Errors are
`application/problem+json` with an English and a Chinese message. Writes and ad-hoc Cypher need
`Authorization: Bearer <key>` (keys from `DUTYGRAPH_API_KEYS` or `DUTYGRAPH_API_KEYS_FILE`)."""


# How long a stopping service waits for the cache warming still running before it closes the store under it.
WARM_WAIT_AT_STOP_S = 10.0


def _warm(store: Store, stopping: threading.Event) -> None:
    try:
        warm_caches(store)
    except Exception:
        # A warming the service's stop cut short (its store closed under it) is no failure: logged as one, it landed
        # in whatever ran next (a test's log, seen under load).
        if not stopping.is_set():
            logging.getLogger(__name__).exception("warming the analysis caches failed")


def _log_startup(store: Store) -> None:
    """What the service answers from, once at startup (/readyz says it on every call): the store and how many
    documents it holds, none said as a warning (a graph an operator forgot to load reads as "no problems"); and a
    graph whose documents another version loaded (the service cannot reload them itself)."""
    log = logging.getLogger(__name__)
    try:
        versions = recorded_fields_versions(store)
    except StoreError:
        return  # the store is down: /readyz answers 503 and says why
    documents, notice = versions.documents if versions else 0, notice_of(versions)
    log.info("serving %s: %d documents", store.description, documents)
    if documents == 0:
        log.warning("%s holds no documents yet: load them with `dutygraph ingest` or 上传文件 on the page / "
                    "图谱中还没有文件：请用 dutygraph ingest 或页面的“上传文件”载入", store.description)
    if notice is not None:
        log.warning("%s / %s", notice.en, notice.zh)


class StampArrival:
    """Records when each request arrived (`request.state.received`), where a route's time limit begins
    (api.routes.cypher). A plain ASGI middleware: Starlette's `@app.middleware("http")` wraps every request and
    response in extra tasks and streams, a measurable share of a cached answer's time under load."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope.setdefault("state", {})["received"] = time.monotonic()
        await self.app(scope, receive, send)


class VaryOnAccept:
    """`Vary: Accept` on the API's answers: the Accept header chooses JSON, CSV or Excel for one URL, and a cache
    between the API and its callers must not hand one caller's Excel to another's JSON request (user test). Plain
    ASGI, as StampArrival."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return

        async def with_vary(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"vary", b"Accept")]
            await send(message)

        await self.app(scope, receive, with_vary)


class LimitBody:
    """Refuses a request body over `max_upload_mb` with a 413 problem: at once when its Content-Length says so
    (nothing of it is read, so a huge upload costs no disk: Starlette spools a form's files to disk as they come,
    before a route runs), else (a chunked body) once the bytes received pass the limit. The limit is read from the
    settings at each request. Plain ASGI, as StampArrival."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        megabytes = self.settings.max_upload_mb
        limit = int(megabytes * 2**20)
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await self._refuse(scope, receive, send, megabytes)
            return
        received, over, started = 0, False, False

        # Past the limit, the app is told the client went away, and whatever it answers to that is replaced by the
        # 413. Raising instead did not reach the caller: FastAPI makes a 400 of any error but its own while it
        # reads a body, and Starlette's http middleware wraps the error in an exception group.
        async def counted() -> Message:
            nonlocal received, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    over = True
                    return {"type": "http.disconnect"}
            return message

        async def unless_over(message: Message) -> None:
            nonlocal started
            if over and not started:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, unless_over)
        except Exception:
            if not over or started:
                raise
        if over and not started:
            await self._refuse(scope, receive, send, megabytes)

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send, megabytes: float) -> None:
        await problems.problem_response(problems.too_large(megabytes), Request(scope))(scope, receive, send)


def create_app(settings: Settings | None = None, *, store_uri: str | None = None) -> FastAPI:
    config = settings or Settings()
    export_time(config.source_date_epoch)  # a malformed SOURCE_DATE_EPOCH refused at start, not at each download

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.store = open_store(store_uri or config.store, neo4j_user=config.neo4j_user,
                                     neo4j_password=config.neo4j_password)
        _log_startup(app.state.store)
        # The whole-graph indexes the analyses share are built in the background, not by the first request.
        stopping = threading.Event()
        warming = threading.Thread(target=_warm, args=(app.state.store, stopping), name="warm-caches", daemon=True)
        warming.start()
        try:
            yield
        finally:
            stopping.set()
            warming.join(timeout=WARM_WAIT_AT_STOP_S)
            app.state.store.close()

    # /docs is served by `pages` from Swagger UI's own files; FastAPI's pages would load them (and ReDoc) from a CDN.
    app = FastAPI(title="dutygraph", version=version("dutygraph"), description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.settings = config
    app.state.cypher_slots = threading.BoundedSemaphore(config.cypher_concurrency)
    # Where ad-hoc queries run, so that a request can stop waiting at its time limit (api.routes.cypher).
    app.state.cypher_runner = ThreadPoolExecutor(config.cypher_concurrency, thread_name_prefix="cypher")
    app.state.upload_lock = threading.Lock()  # one upload at a time: api.routes.documents_upload
    app.state.api_keys = api_keys(config)
    problems.install(app)

    app.add_middleware(StampArrival)
    app.add_middleware(VaryOnAccept)
    app.add_middleware(SayReading)
    # Inside CORS, so that another origin's page reads the refusal too.
    app.add_middleware(LimitBody, settings=config)
    origins = [origin.strip() for origin in (config.cors_origins or "").split(",") if origin.strip()]
    if origins:
        # Other government systems' pages calling the API from their own origin: the browser asks first (OPTIONS)
        # and needs these headers (user test: a 405 and none). Off unless named: the API takes keys. DELETE too:
        # a document uploaded by mistake is taken out again (api.routes.documents_upload).
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "HEAD", "POST", "DELETE"],
                           allow_headers=["Authorization", "Content-Type", "Accept"],
                           expose_headers=["Content-Disposition", READ_AS_HEADER, EMPTY_NOTE_HEADER])

    # The API refuses query parameters it does not take; the page's routes (/, /docs) are for browsers, which may
    # add their own.
    for module in (health, catalog_routes, documents_upload, cypher, dispatch, drafts, townships, plans):
        app.include_router(module.router, dependencies=[KnownParametersOnly])
    app.include_router(list_history.router, dependencies=[KnownParametersOnly])
    app.include_router(city_departments.router, dependencies=[KnownParametersOnly])
    app.include_router(power_review.router, dependencies=[KnownParametersOnly])
    app.include_router(report_route.router, dependencies=[KnownParametersOnly])
    app.include_router(tenure_route.router, dependencies=[KnownParametersOnly])
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=pages.WEB / "static"), name="static")
    return app
