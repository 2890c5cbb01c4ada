"""Typed dependencies of the routes: the store of the app, the API-key check for writes, the filters, and the
refusal of query parameters an endpoint does not take."""

from __future__ import annotations

import difflib
import hmac
from collections import Counter
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.problems import no_keys, repeated_parameters, unauthorized, unknown_parameters
from api.readings import note_read_as, say_reading
from api.settings import Settings
from graph.store import Store
from queries.lookup import check_region, find_department, reading
from queries.power_split import split_city


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]
# Every answer's file format: a query parameter, or the Accept header (api.tabular.wanted_format).
Format = Annotated[str | None, Query(description="json (default), csv or xlsx; or send Accept", examples=["csv"])]


def api_keys(settings: Settings) -> set[str]:
    """Keys from DUTYGRAPH_API_KEYS (comma-separated) and DUTYGRAPH_API_KEYS_FILE (one a line)."""
    keys = {key.strip() for key in (settings.api_keys or "").split(",") if key.strip()}
    if settings.api_keys_file:
        path = Path(settings.api_keys_file)
        keys |= {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")}
    return keys


# Declared as HTTP bearer, so that the OpenAPI page offers "Authorize" and the writes show their lock; the check
# itself is ours (auto_error=False), to answer with a problem document rather than FastAPI's plain 403.
_BEARER = HTTPBearer(auto_error=False, description="an API key from DUTYGRAPH_API_KEYS or DUTYGRAPH_API_KEYS_FILE")


def require_key(request: Request,
                credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)] = None) -> None:
    keys: set[str] = request.app.state.api_keys
    if not keys:
        raise no_keys()
    token = (credentials.credentials if credentials else "").strip()
    if not any(hmac.compare_digest(token, key) for key in keys):
        raise unauthorized(key_sent=bool(token))


KeyDep = Depends(require_key)


def region_filter(request: Request, store: StoreDep, region: Annotated[str | None, Query(
        description="区划路径 (region path), e.g. 示例市 or 示例市/青山县; empty means every region",
        examples=["示例市"])] = None) -> str | None:
    checked = check_region(store, region)
    if checked and checked != region:  # 河西区 is 示例市/河西区: a file's 查询条件 says so
        note_read_as(request, "region", checked)
    return checked


def city_filter(request: Request, store: StoreDep, city: Annotated[str | None, Query(
        min_length=1, pattern=r"\S", description="a city's region path; omitted, the city `region` lies in",
        examples=["示例市"])] = None) -> str:
    if city is None:
        # A county asks of its city's split by naming itself, as at the command line (`--param region=青山县`; user
        # test of two cities: over HTTP the same question was a 422, city required).
        region = request.query_params.get("region")
        return split_city(store, check_region(store, region) if region else None)
    checked = check_region(store, city, city=True) or city
    if checked != city:
        note_read_as(request, "city", checked)
    return checked


def department_filter(request: Request, store: StoreDep, department: Annotated[str | None, Query(
        description="部门名称、别名或简称 (a department's name, alias or short name: 市场监管局, 青山县住建局); "
                    "empty means every department",
        examples=["示例市市场监督管理局"])] = None) -> str | None:
    """The department's uid, found as /api/departments/{name} finds it (an unknown one is a 404). A short name
    borne in every region (住建局) means the one of the region the request filters on, as in the CLI."""
    region = request.query_params.get("region")
    return department_uid(request, store, department, check_region(store, region) if region else None, "department")


def department_uid(request: Request, store: Store, name: str | None, region: str | None, parameter: str) -> str | None:
    """The uid of the department (or township government) a query parameter names, None when it names none; an
    unknown one is a 404, and one read otherwise than written is said in the answer's header (市监局 is the city's).
    The uid, not the name: a name two cities' departments bear (鼓楼区城市管理局) would filter on both."""
    if name is None or not name.strip():
        return None
    found = find_department(store, name.strip(), region=region)
    say_reading(request, reading(name, found), parameter)
    uid: str = found["uid"]
    return uid


RegionFilter = Annotated[str | None, Depends(region_filter)]
CityFilter = Annotated[str, Depends(city_filter)]
DepartmentFilter = Annotated[str | None, Depends(department_filter)]


def known_parameters_only(request: Request) -> None:
    """Refuse (422) a query parameter the matched endpoint does not declare, naming the one meant where one is
    close: `?regoin=示例市` ignored answered as if unfiltered. One dependency for every API route (api.app), so
    the declared parameters, those of the route's dependencies (region, city, department) included, are the list."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = declared_query_parameters(route)
    unknown = [name for name in dict.fromkeys(request.query_params.keys()) if name not in known]
    if unknown:
        meant = {name: close[0] for name in unknown
                 if (close := difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.6))}
        raise unknown_parameters(unknown, list(known), meant)
    # No parameter takes several values: the last of two silently won (user test), as if the first were not there.
    repeated = [name for name, count in Counter(name for name, _ in request.query_params.multi_items()).items()
                if count > 1]
    if repeated:
        raise repeated_parameters({name: request.query_params.getlist(name) for name in repeated})


def declared_query_parameters(route: APIRoute) -> tuple[str, ...]:
    """The query parameters of a route and of every dependency it has, the filters first (a walk of a
    few nodes per request; routes are unhashable, so not memoised)."""
    return tuple(dict.fromkeys(_query_names(route.dependant)))


def _query_names(dependant: Dependant) -> list[str]:
    # The filters (dependencies) first: they come first in the routes' signatures, and so in the OpenAPI page.
    names = [name for sub in dependant.dependencies for name in _query_names(sub)]
    return names + [param.alias for param in dependant.query_params]


KnownParametersOnly = Depends(known_parameters_only)
