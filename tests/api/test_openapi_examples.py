"""/openapi.json's examples hold to the API: each response example validates against its own response schema (an
API consumer's mocks and contract tests, built from them, failed: rows lacked required fields), each problem example
is one the server really answers, and each status an endpoint answers is one its responses list (user test)."""

from __future__ import annotations

import logging
import re
import socket
from pathlib import Path
from typing import Any

import pytest
import redis
from falkordb import Graph
from fastapi.testclient import TestClient

from graph.falkor_store import FalkorStore
from tests.api.test_http import _READ_ENDPOINTS, AUTH, client  # noqa: F401  (the examples, ingested under 示例市)
from tests.api.test_remove_http import empty_client, refused_removal

JSON_MEDIA = ("application/json", "application/problem+json")
_DRAFT = Path(__file__).resolve().parents[1] / "fixtures" / "drafts" / "qingshan_shichangjianguan_draft.txt"
# A body over the default limit (DUTYGRAPH_MAX_UPLOAD_MB, 20 MB): a 413 at any endpoint that takes one.
_OVER_THE_LIMIT = b"x" * (20 * 2**20 + 1)
_TYPES: dict[str, type | tuple[type, ...]] = {
    "string": str, "integer": int, "number": (int, float), "boolean": bool, "array": list, "object": dict,
    "null": type(None)}


def _resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        *_, section, name = schema["$ref"].split("/")
        schema = spec["components"][section][name]
    return schema


def _is(value: object, kind: str) -> bool:
    if kind in {"integer", "number"} and isinstance(value, bool):
        return False
    if kind == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _TYPES[kind])


def _kinds(schema: dict[str, Any]) -> list[str]:
    kind = schema.get("type")
    return [] if kind is None else [kind] if isinstance(kind, str) else list(kind)


def gaps(spec: dict[str, Any], schema: dict[str, Any], value: object, where: str) -> list[str]:
    """Where `value` fails the JSON Schema `schema` (the subset OpenAPI's models use: $ref, anyOf/oneOf/allOf, type,
    enum, const, required, properties, additionalProperties, items, bounds, lengths, pattern), each as `path: why`.
    A field the schema does not name is a gap too, unless additionalProperties allows it: the API answers only the
    fields its models name, so an example with another misleads. Empty when `value` conforms."""
    schema = _resolve(spec, schema)
    found: list[str] = []
    for part in schema.get("allOf", []):
        found += gaps(spec, part, value, where)
    options = schema.get("anyOf") or schema.get("oneOf")
    if options:
        tries = [gaps(spec, option, value, where) for option in options]
        if all(tries):
            # The option of the value's own type says most (a row lacking a field, not "is not null").
            typed = [t for option, t in zip(options, tries, strict=True)
                     if any(_is(value, kind) for kind in _kinds(_resolve(spec, option)))]
            named = [kind for option in options for kind in _kinds(_resolve(spec, option))]
            found += min(typed, key=len) if typed else [f"{where}: {value!r} is not of type {' or '.join(named)}"]
    kinds = _kinds(schema)
    if kinds and not any(_is(value, kind) for kind in kinds):
        return [*found, f"{where}: {value!r} is not of type {' or '.join(kinds)}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{where}: {value!r} is not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        found.append(f"{where}: {value!r} is not {schema['const']!r}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", len(value)):
            found.append(f"{where}: {value!r} has a length outside [{schema.get('minLength', 0)}, "
                         f"{schema.get('maxLength', '∞')}]")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{where}: {value!r} does not match {schema['pattern']!r}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        for bound, broken in (("minimum", value < schema.get("minimum", value)),
                              ("maximum", value > schema.get("maximum", value)),
                              ("exclusiveMinimum", "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]),
                              ("exclusiveMaximum", "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"])):
            if broken:
                found.append(f"{where}: {value!r} breaks {bound} {schema[bound]}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            found += gaps(spec, schema["items"], item, f"{where}[{index}]")
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        found += [f"{where}: lacks required field {name!r}" for name in schema.get("required", [])
                  if name not in value]
        extra = schema.get("additionalProperties", not properties)
        for key, item in value.items():
            if key in properties:
                found += gaps(spec, properties[key], item, f"{where}.{key}")
            elif isinstance(extra, dict):
                found += gaps(spec, extra, item, f"{where}.{key}")
            elif extra is False or (properties and "additionalProperties" not in schema):
                found.append(f"{where}: field {key!r} is not in the schema")
    return found


def _examples(spec: dict[str, Any]) -> list[tuple[str, str, str, dict[str, Any], object]]:
    """Every JSON response example: (operation, status, media type, schema or {}, example)."""
    found = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                for media, content in response.get("content", {}).items():
                    if media not in JSON_MEDIA:
                        continue
                    named = [(f"examples.{name}", example.get("value"))
                             for name, example in content.get("examples", {}).items()]
                    for label, example in ([("example", content["example"])] if "example" in content else []) + named:
                        found.append((f"{method.upper()} {path}", status, f"{media} {label}",
                                      content.get("schema", {}), example))
    return found


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:  # noqa: F811
    return client.get("/openapi.json").json()  # type: ignore[no-any-return]


def test_every_response_example_validates_against_its_schema(spec: dict[str, Any]) -> None:
    """Note that /openapi.json drops an example's nulls (FastAPI writes the document without None values): a
    nullable field must be shown with a value, or the example lacks it."""
    examples = _examples(spec)
    assert len(examples) > 40  # each endpoint's answer and problems
    bad = []
    for operation, status, media, schema, example in examples:
        where = f"{operation} {status} {media}"
        if not _resolve(spec, schema) or _resolve(spec, schema) == {"type": "object", "additionalProperties": True}:
            bad.append(f"{where}: has no schema to hold the example to")
        bad += [f"{where}: {gap}" for gap in gaps(spec, schema, example, "$")]
    assert not bad, f"{len(bad)} examples stray from their schemas:\n" + "\n".join(bad)


def test_the_validator_sees_what_it_checks(spec: dict[str, Any]) -> None:
    """The checker itself: a missing field, a stray one, a wrong type, an enumeration, null where allowed."""
    row = {"$ref": "#/components/schemas/StaffingRow"}
    good = {"region": "示例市", "department": "示例市水务局", "staff_quota": 20, "other_staff": None, "leader_posts": 4,
            "leader_posts_detail": None, "offices": 6, "duties": 12, "power_items": 0, "duties_per_post": 0.6,
            "robust_z": None, "outlier": "", "too_few": False, "counterpart": "", "checks": []}
    assert gaps(spec, row, good, "$") == []
    wrong = {**{k: v for k, v in good.items() if k != "region"}, "staff_quota": "20", "outlier": "odd", "x": 1}
    assert gaps(spec, row, wrong, "$") == [
        "$: lacks required field 'region'", "$.staff_quota: '20' is not of type integer or null",
        "$.outlier: 'odd' is not one of ['understaffed', 'overstaffed', '']", "$: field 'x' is not in the schema"]
    page = {"$ref": "#/components/schemas/Page_StaffingRow_"}
    assert gaps(spec, page, {"total": 1, "limit": 50, "offset": 0, "items": [{**good, "too_few": None}]}, "$") == [
        "$.items[0].too_few: None is not of type boolean"]


def _problem(answer: Any) -> dict[str, Any]:
    assert answer.headers["content-type"] == "application/problem+json", answer.text
    return {key: value for key, value in answer.json().items() if key != "instance"}


class _Down(redis.Redis):
    """A FalkorDB connection to a server that is not (or no longer) there: its queries fail as a stopped one's do."""

    def select_graph(self, name: str) -> Graph:
        return Graph(self, name)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_store_that_went_away_is_said_in_the_services_log(client: TestClient,  # noqa: F811
                                                             caplog: pytest.LogCaptureFixture) -> None:
    """The log had only `"GET /readyz HTTP/1.1" 503`, never why (user test)."""
    port = _free_port()
    state = client.app.state
    store, state.store = state.store, FalkorStore(_Down(host="localhost", port=port), "dutygraph",
                                                  f"falkordb://localhost:{port}/dutygraph")
    try:
        with caplog.at_level(logging.ERROR, logger="api.problems"):
            answer = client.get("/api/departments")
    finally:
        state.store = store
    assert answer.status_code == 503
    assert [record.getMessage() for record in caplog.records if record.name == "api.problems"] == [
        f"store unavailable for GET /api/departments: {answer.json()['detail']}"]


def _real_problems(client: TestClient, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
                   folder: Path) -> dict[str, dict[str, Any]]:
    """A problem of each kind the examples show, as the server answers it, by `status type` (`folder`: an empty one,
    for the store of a removal refused, which the sample corpus has no department for)."""
    answers = [
        client.get("/api/departments", params={"format": "pdf"}),
        client.post("/api/cypher", json={"query": "RETURN 1 AS one"}),
        client.get("/api/departments/示例市宇宙局"),
        client.get("/api/queries/power_split", params={"city": "示例市", "format": "csv"}),
        client.get("/api/departments", params={"limit": 0}),
        client.post("/api/cypher", json={"query": "MATCH (r RETURN r"}, headers=AUTH),
        client.post("/api/cypher", json={"query": "CREATE (:Region {uid: 'x'})"}, headers=AUTH),
        client.post("/api/documents", files=[("files", ("big.txt", _OVER_THE_LIMIT, "text/plain"))], headers=AUTH),
    ]
    # The engine's own time limit: every triple of nodes (billions), cut off after 300 ms.
    with monkeypatch.context() as patch:
        patch.setattr(client.app.state.settings, "cypher_timeout_ms", 300)
        answers.append(client.post("/api/cypher", json={"query": "MATCH (a), (b), (c) RETURN count(*) AS n"},
                                   headers=AUTH))
    # (Starlette's State is patched by hand: monkeypatch deletes what it set there rather than restore it.)
    state = client.app.state
    keys, state.api_keys = state.api_keys, set()
    try:
        answers.append(client.post("/api/cypher", json={"query": "RETURN 1 AS one"}, headers=AUTH))
    finally:
        state.api_keys = keys
    # A FalkorDB server that went away (at localhost:6379, its default address, in the example).
    port = _free_port()
    store, state.store = state.store, FalkorStore(_Down(host="localhost", port=port), "dutygraph",
                                                  f"falkordb://localhost:{port}/dutygraph")
    try:
        down = client.get("/api/departments")
    finally:
        state.store = store
    with empty_client(folder) as versions:
        answers.append(refused_removal(versions)[0])
    problems = {}
    for answer in answers:
        problem = _problem(answer)
        problems[f"{problem['status']} {problem['type']}"] = problem
    problem = {key: str(value).replace(f"localhost:{port}", "localhost:6379") if key != "status" else value
               for key, value in _problem(down).items()}
    problems[f"{problem['status']} {problem['type']}"] = problem
    return problems


def test_each_problem_example_is_one_the_server_answers(client: TestClient, spec: dict[str, Any],  # noqa: F811
                                                        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The 400 example said `parameter limit: expected int, got 'ten'`, which `?limit=ten` answers as a 422, and the
    422 one `query parameter limit: ge 1`, in words the server does not use."""
    shown = {}
    for operation, status, media, _schema, example in _examples(spec):
        if media.startswith("application/problem+json"):
            assert example["status"] == int(status), f"{operation} {status}: a problem of status {example['status']}"
            shown[f"{example['status']} {example['type']}"] = {k: v for k, v in example.items() if k != "instance"}
    real = _real_problems(client, monkeypatch, tmp_path)
    strays = {kind: (example, real.get(kind)) for kind, example in shown.items() if real.get(kind) != example}
    assert not strays, "problem examples the server does not answer (example, then the server's):\n" + "\n".join(
        f"{kind}:\n  {example}\n  {answer}" for kind, (example, answer) in strays.items())


def _variants(spec: dict[str, Any], path: str, params: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The requests that make a read endpoint answer each way it can: its answer as JSON and as files, a format it
    does not know, a parameter it does not take, and each filter naming what the graph does not hold."""
    names = {p["name"] for p in spec["paths"][path]["get"].get("parameters", [])}
    url = path.replace("{name}", "示例市交通运输局")
    found = [(url, params), (url, {**params, "format": "csv"}), (url, {**params, "format": "xlsx"}),
             (url, {**params, "format": "pdf"}), (url, {**params, "regoin": "示例市"})]
    found += [(url, {**params, name: value}) for name, value in (("region", "火星市"), ("city", "火星市"),
                                                                 ("department", "示例市宇宙局"), ("domain", "宇宙"),
                                                                 ("limit", 0)) if name in names]
    if "{name}" in path:
        found.append((path.replace("{name}", "示例市宇宙局"), params))
    return found


# The read endpoints whose answers other modules check (test_http.CHECKED_ELSEWHERE), asked here for their statuses
# only: list_changes, city_departments and power_item_review answered an unknown region's 404 they did not list
# (user test).
_CHECKED_ELSEWHERE_ASKED = {
    "/api/queries/transferred_still_held": {}, "/api/queries/township_duties": {}, "/api/queries/list_changes": {},
    "/api/queries/power_item_review": {}, "/api/queries/city_departments": {}, "/api/report": {"format": "md"},
    "/api/tenure": {"department": "示例市水务局", "from": "2020-01-01", "to": "2024-06-30"},
    "/api/tenure/readable": {"department": "示例市水务局", "from": "2020-01-01", "to": "2024-06-30"}}


def test_each_status_an_endpoint_answers_is_documented(client: TestClient, spec: dict[str, Any]) -> None:  # noqa: F811
    """`/api/queries/power_split/matters?…&format=pdf` answered a 400, and its CSV, that its responses did not list."""
    undocumented = []
    requests = [("GET", url, query, None) for path, params in (_READ_ENDPOINTS | _CHECKED_ELSEWHERE_ASKED).items()
                for url, query in _variants(spec, path, params)]
    requests += [("POST", "/api/cypher", {}, {"query": "RETURN 1 AS one"}),
                 ("POST", "/api/cypher", {"format": "csv"}, {"query": "RETURN 1 AS one"}),
                 ("POST", "/api/cypher", {"format": "pdf"}, {"query": "RETURN 1 AS one"}),
                 ("POST", "/api/cypher", {}, {"query": "MATCH (r RETURN r"}),
                 ("POST", "/api/cypher", {}, {"query": "CREATE (:Region {uid: 'x'})"}),
                 ("POST", "/api/cypher", {}, {"query": ""}),
                 *[("POST", "/api/dispatch", query, body) for query, body in (
                     ({}, {"complaints": [{"text": "公司拖欠工资三个月"}]}),
                     ({"format": "xlsx"}, {"complaints": [{"text": "公司拖欠工资三个月"}]}),
                     ({"format": "pdf"}, {"complaints": [{"text": "公司拖欠工资三个月"}]}),
                     ({}, {"complaints": [{"text": "x"}], "region": "火星市"}), ({}, {"complaints": []}),
                     ({}, {"complaints": [{"text": _OVER_THE_LIMIT.decode()}]}))],
                 ("POST", "/api/cypher", {}, {"query": "RETURN 1 AS one", "params": {"x": _OVER_THE_LIMIT.decode()}})]
    # The page's file of complaints: a file and form fields, not JSON.
    export = [("file", ("工单.csv", "诉求内容\n公司拖欠工资三个月\n".encode(), "text/csv"))]
    uploads = [("POST", "/api/dispatch/file", query, {"files": upload or None, "data": form}) for query, upload, form in (
        ({}, export, {}), ({"format": "xlsx"}, export, {}), ({"format": "pdf"}, export, {}),
        ({}, export, {"region": "火星市"}), ({}, [("file", ("a.csv", b"x,y\n1,2\n", "text/csv"))], {}), ({}, [], {}),
        ({}, [("file", ("工单.csv", _OVER_THE_LIMIT, "text/csv"))], {}))]
    uploads += [("POST", "/api/documents", {}, {"files": [("files", ("a.txt", data, "text/plain"))], "data": {}})
                for data in (b"", _OVER_THE_LIMIT)]
    # A draft 三定 checked: its answer and files, a format it cannot give, a file that is no 三定, an unknown department.
    draft = [("file", ("草案.txt", _DRAFT.read_bytes(), "text/plain"))]
    uploads += [("POST", "/api/drafts/check", query, {"files": upload or None, "data": form}) for query, upload, form in (
        ({}, draft, {}), ({"format": "xlsx"}, draft, {}), ({"format": "csv"}, draft, {}), ({"format": "pdf"}, draft, {}),
        ({}, [("file", ("a.csv", b"x,y\n1,2\n", "text/csv"))], {}), ({}, draft, {"department": "示例市宇宙局"}),
        ({}, [], {}), ({}, [("file", ("草案.txt", _OVER_THE_LIMIT, "text/plain"))], {}))]
    for method, url, query, sent in [*((m, u, q, {"json": body}) for m, u, q, body in requests), *uploads]:
        answer = client.request(method, url, params=query, headers=AUTH if method == "POST" else {}, **sent)
        template = next(path for path in spec["paths"] if re.fullmatch(re.sub(r"\{\w+\}", "[^/]+", path), url))
        responses = spec["paths"][template][method.lower()]["responses"]
        media = answer.headers["content-type"].split(";")[0]
        documented = responses.get(str(answer.status_code), {}).get("content", {})
        if media not in documented:
            undocumented.append(f"{method} {template} {query or ''}: answered {answer.status_code} {media}; "
                                f"documented: {sorted(responses)}")
    unauthorized = client.post("/api/documents", files=[("files", ("a.txt", b"x", "text/plain"))])
    assert "401" in spec["paths"]["/api/documents"]["post"]["responses"] and unauthorized.status_code == 401
    assert not undocumented, "answers the responses do not list:\n" + "\n".join(undocumented)
