"""Typed dependencies of the routes: the store of the app, and the API-key check for writes."""

from __future__ import annotations

import hmac
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Header, Request

from api.problems import Problem
from api.settings import Settings
from graph.store import Store


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


def require_key(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    keys: set[str] = request.app.state.api_keys
    if not keys:
        raise Problem(403, "no-keys", "No API keys are configured", "未配置 API 密钥",
                      "set DUTYGRAPH_API_KEYS or DUTYGRAPH_API_KEYS_FILE to enable this endpoint",
                      "请设置 DUTYGRAPH_API_KEYS 或 DUTYGRAPH_API_KEYS_FILE 后再使用此接口")
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not any(hmac.compare_digest(token.strip(), key) for key in keys):
        raise Problem(401, "unauthorized", "A valid API key is required", "需要有效的 API 密钥",
                      "send Authorization: Bearer <key>", "请在请求头中提供 Authorization: Bearer <密钥>",
                      headers={"WWW-Authenticate": "Bearer"})


KeyDep = Depends(require_key)
