"""Typed dependencies of the routes: the store of the app, and the API-key check for writes."""

from __future__ import annotations

import hmac
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.problems import no_keys, unauthorized
from api.settings import Settings
from graph.store import Store
from queries.lookup import check_region, find_department


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


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
    token = credentials.credentials if credentials else ""
    if not any(hmac.compare_digest(token.strip(), key) for key in keys):
        raise unauthorized()


KeyDep = Depends(require_key)


def region_filter(store: StoreDep, region: Annotated[str | None, Query(
        description="区划路径 (region path), e.g. 示例市 or 示例市/青山县; empty means every region",
        examples=["示例市"])] = None) -> str | None:
    return check_region(store, region)


def city_filter(store: StoreDep, city: Annotated[str, Query(
        min_length=1, pattern=r"\S", description="a city's region path", examples=["示例市"])]) -> str:
    return check_region(store, city, city=True) or city


def department_filter(store: StoreDep, department: Annotated[str | None, Query(
        description="部门名称或别名 (a department's name or alias); empty means every department",
        examples=["示例市市场监督管理局"])] = None) -> str | None:
    """The department's full name, found as /api/departments/{name} finds it (an unknown one is a 404)."""
    if department is None or not department.strip():
        return None
    name: str = find_department(store, department.strip())["name"]
    return name


RegionFilter = Annotated[str | None, Depends(region_filter)]
CityFilter = Annotated[str, Depends(city_filter)]
DepartmentFilter = Annotated[str | None, Depends(department_filter)]
