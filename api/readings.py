"""How a department named in a request was read (lookup.Reading), said in the answer's X-Dutygraph-Read-As header.

A short name is read as one department (市监局 → 示例市市场监督管理局, the city's), which the caller may not have meant;
the CLI says so on stderr, and the API in this header, on JSON, CSV and Excel answers alike (a paged answer's shape
has no place for it; the profile's JSON carries it as `read_as_zh` too). HTTP headers are Latin-1, so the Chinese
sentence is percent-encoded UTF-8 (`decodeURIComponent` in a browser, `urllib.parse.unquote` in Python)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from queries.lookup import Reading

READ_AS_HEADER = "X-Dutygraph-Read-As"
# Why an answer is empty where the rows cannot say it (a county whose city's 三定 are not loaded has no clash across
# levels to find): the CLI's hint on stderr, in Chinese, percent-encoded as the reading is.
EMPTY_NOTE_HEADER = "X-Dutygraph-Empty-Note"
# An answer that reads differently than asked for (who_handles of no region in a graph of several cities: their
# departments ranked together), said beside it rather than refused: the ranking across cities is still an answer.
REGION_NOTE_HEADER = "X-Dutygraph-Region-Note"
_STATE_KEY = "read_as_zh"
_PARAMS_KEY = "read_as_params"


def say_reading(request: Request, said: Reading | None, parameter: str) -> None:
    """Keep the reading for the answer's header: a dependency (the `department` filter) cannot set a header on the
    Response a route builds itself, so it goes through the request's state to SayReading; and for the file's
    查询条件 (`parameter`: the query or path parameter that named the department)."""
    if said is not None:
        setattr(request.state, _STATE_KEY, said.zh)
        note_read_as(request, parameter, said.name)


def note_read_as(request: Request, parameter: str, read_as: str) -> None:
    """A parameter read as something other than it was typed (市监局, 河西区 read as 示例市/河西区), for the 查询条件 of
    the file the request answers (api.tabular)."""
    readings: dict[str, str] = getattr(request.state, _PARAMS_KEY, {})
    setattr(request.state, _PARAMS_KEY, {**readings, parameter: read_as})


def readings_of(request: Request) -> dict[str, str]:
    """Each parameter's reading noted while the request was answered (`note_read_as`)."""
    readings: dict[str, str] = getattr(request.state, _PARAMS_KEY, {})
    return readings


class SayReading:
    """Adds X-Dutygraph-Read-As to an answer whose request named a department read as another name (say_reading).
    Plain ASGI, as api.app's other middleware."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_reading(message: Message) -> None:
            said = scope.get("state", {}).get(_STATE_KEY)
            if message["type"] == "http.response.start" and said:
                message["headers"] = [*message.get("headers", []),
                                      (READ_AS_HEADER.lower().encode(), quote(said).encode("ascii"))]
            await send(message)

        await self.app(scope, receive, with_reading)
