"""The page behind a reverse proxy that serves it under a prefix (nginx `location /dutygraph/ { proxy_pass
http://127.0.0.1:8000/; }` with `dutygraph serve --root-path /dutygraph`): it asked the proxy's root for its script
and data and drew nothing (user test). Here the app sees what uvicorn passes on behind such a proxy: the prefix as
`root_path`, and nothing outside the prefix reaches it."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator

import pytest
from starlette.types import ASGIApp, Receive, Scope, Send

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from tests.api.live_server import serve
from tests.api.test_browser import REPO, SHOTS, _open, _wait, browser  # noqa: F401  (fixtures)

PREFIX = "/dutygraph"


class BehindProxy:
    """Requests as uvicorn `--root-path /dutygraph` hands them on behind a proxy that strips the prefix."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            if not scope["path"].startswith(PREFIX + "/"):
                await send({"type": "http.response.start", "status": 404, "headers": []})
                await send({"type": "http.response.body", "body": b"not behind the proxy"})
                return
            scope = {**scope, "root_path": PREFIX}
        await self.app(scope, receive, send)


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("proxied-store")
    store = open_store(f"embedded:{data}")
    assert ingest([REPO / "examples" / "sanding"], store, region=Region(("示例市",))).failed == []
    store.close()
    with serve(BehindProxy(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{data}")))) as address:  # type: ignore[arg-type]
        yield address + PREFIX


def test_the_page_works_under_a_proxys_prefix(browser, proxied: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    _open(browser, proxied, "search")  # …/dutygraph/#search
    box = browser.find_element("id", "search-text")
    box.clear()
    box.send_keys("公司拖欠工资三个月")
    browser.find_element("css selector", "#search-form button").click()
    _wait(browser, "return document.querySelectorAll('#search-results .result').length > 0")
    assert browser.find_element("css selector", "#search-results .result h3").text.startswith(
        "1. 示例市人力资源和社会保障局")
    download = browser.find_element("link text", "下载 CSV").get_attribute("href")
    assert download.startswith(f"{proxied}/api/queries/who_handles?")
    with urllib.request.urlopen(download) as answer:
        assert answer.read().decode("utf-8-sig").startswith("名次,")
    browser.save_screenshot(str(SHOTS / "behind-proxy.png"))


def test_the_openapi_page_under_a_proxys_prefix(browser, proxied: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with urllib.request.urlopen(f"{proxied}/openapi.json") as answer:
        assert json.load(answer)["servers"] == [{"url": PREFIX}]  # Swagger's "Try it out" calls the prefix's API
    browser.get(f"{proxied}/docs")
    _wait(browser, "return document.querySelectorAll('.opblock').length > 10")
