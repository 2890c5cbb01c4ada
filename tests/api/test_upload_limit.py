"""The request body's size limit (DUTYGRAPH_MAX_UPLOAD_MB): an upload of any size was taken whole onto the server
(ops user test); a larger one is refused with a 413 problem in English and Chinese, before its body is read when
its Content-Length says so, and as it streams in when it comes in chunks."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send

from api.app import LimitBody, create_app
from api.routes import documents_upload
from api.settings import Settings

KEY = "test-key-upload-limit"
AUTH = {"Authorization": f"Bearer {KEY}"}
MB = 2**20
REFUSED = {"type": "https://dutygraph.example/problems/too-large", "title": "Upload too large",
           "title_zh": "上传内容过大", "status": 413,
           "detail": "the request is larger than 1 MB, the most this service takes (DUTYGRAPH_MAX_UPLOAD_MB): send "
                     "fewer or smaller files",
           "detail_zh": "上传内容超过 1 MB 的上限：请分批上传或拆分文件（上限由服务器的 DUTYGRAPH_MAX_UPLOAD_MB 设置）"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("upload-limit")
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{folder}", DUTYGRAPH_API_KEYS=KEY, DUTYGRAPH_MAX_UPLOAD_MB=1)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _problem(answer: Any) -> dict[str, Any]:
    assert answer.headers["content-type"] == "application/problem+json", answer.text
    return {key: value for key, value in answer.json().items() if key != "instance"}


def test_the_limit_is_20_mb_unless_set() -> None:
    assert Settings().max_upload_mb == 20
    assert Settings(DUTYGRAPH_MAX_UPLOAD_MB="0.5").max_upload_mb == 0.5


def test_an_upload_over_the_limit_is_refused_and_nothing_is_loaded(client: TestClient,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("an upload over the limit reached the ingest")

    monkeypatch.setattr(documents_upload, "ingest", never)
    big = ("诉求内容\n" + "公司拖欠工资三个月\n" * 50_000).encode()  # 1.3 MB
    assert len(big) > MB
    answer = client.post("/api/documents", files=[("files", ("big.txt", big, "text/plain"))], headers=AUTH)
    assert answer.status_code == 413
    assert _problem(answer) == REFUSED
    assert answer.json()["instance"] == "/api/documents"
    # Two files of 0.6 MB: the limit is the upload's, all files together.
    half = big[: 6 * MB // 10]
    answer = client.post("/api/documents", files=[("files", ("a.txt", half, "text/plain")),
                                                  ("files", ("b.txt", half, "text/plain"))], headers=AUTH)
    assert (answer.status_code, _problem(answer)) == (413, REFUSED)
    answer = client.post("/api/dispatch/file", files=[("file", ("工单.csv", big, "text/csv"))])
    assert (answer.status_code, _problem(answer)) == (413, REFUSED)
    assert client.get("/api/documents").json()["total"] == 0


def test_a_chunked_body_is_refused_once_it_passes_the_limit(client: TestClient) -> None:
    """No Content-Length to refuse it by: counted as it comes; the route's own answer to the cut body (FastAPI's
    400 "error parsing the body") is replaced by the 413."""
    def pieces() -> Iterator[bytes]:
        yield b'{"complaints": [{"text": "'
        for _ in range(20):
            yield b"x" * (MB // 16)
        yield b'"}]}'

    answer = client.post("/api/dispatch", content=pieces(), headers={"Content-Type": "application/json"})
    assert (answer.status_code, _problem(answer)) == (413, REFUSED)


def test_an_upload_under_the_limit_is_read(client: TestClient) -> None:
    export = ("诉求内容\n" + ("公司拖欠工资三个月" * 7 + "\n") * 4000).encode()  # 0.76 MB
    assert MB * 7 // 10 < len(export) < MB
    answer = client.post("/api/dispatch/file", files=[("file", ("工单.csv", export, "text/csv"))])
    assert answer.status_code == 200, answer.text
    assert len(answer.json()["rows"]) == 4000


def test_a_body_declared_too_large_is_not_read_at_all(tmp_path: Path) -> None:
    """The app behind the limit is never called and the body never asked for: a 10 GB upload costs nothing."""
    called: list[str] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        called.append("app")

    async def receive() -> Message:
        called.append("receive")
        return {"type": "http.request", "body": b"", "more_body": False}

    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    settings = Settings(DUTYGRAPH_STORE=f"embedded:{tmp_path}", DUTYGRAPH_MAX_UPLOAD_MB=1)
    scope = {"type": "http", "method": "POST", "path": "/api/documents", "root_path": "", "query_string": b"",
             "headers": [(b"content-length", str(10 * 2**30).encode())]}
    asyncio.run(LimitBody(app, settings)(scope, receive, send))
    assert called == []
    assert [message["type"] for message in sent] == ["http.response.start", "http.response.body"]
    assert sent[0]["status"] == 413
