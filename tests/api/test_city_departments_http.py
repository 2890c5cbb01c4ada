"""GET /api/queries/city_departments and `dutygraph query city_departments` on two cities loaded into one graph
(tests/fixtures/two_cities' 南屿市 beside examples/' 示例市)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from tests.api.serving import serving
from tests.api.test_cli import run
from tests.api.test_http import CHECKED_ELSEWHERE, _conforms

ROOT = Path(__file__).resolve().parents[2]
TWO_CITIES = ROOT / "tests" / "fixtures" / "two_cities"
PATH = "/api/queries/city_departments"


@pytest.fixture(scope="module")
def two_cities(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("two_cities")
    for args in ([str(TWO_CITIES / "sanding"), str(TWO_CITIES / "lists" / "nanyu_shixian.csv")],
                 [str(ROOT / "examples"), "--region", "示例市"]):
        loaded = run("ingest", *args, store=store)
        assert loaded.returncode == 0, loaded.stderr
    return store


@pytest.fixture(scope="module")
def client(two_cities: Path) -> Iterator[TestClient]:
    yield from serving(two_cities)


def test_the_cities_departments_over_http(client: TestClient) -> None:
    answer = client.get(PATH, params={"limit": 2}).json()
    spec = client.get("/openapi.json").json()
    assert PATH in CHECKED_ELSEWHERE
    assert _conforms(spec, spec["paths"][PATH]["get"]["responses"]["200"]["content"]["application/json"]["schema"],
                     answer, PATH) == []
    assert (answer["total"], answer["items"]) == (10, [
        {"work": "文化广电旅游体育局", "city_departments": "南屿市：体育局、文化广电和旅游局；示例市：文化广电旅游体育局",
         "finding": "merged", "finding_label": "一市合并设置、另一市分设", "lacking": "", "merged_in": "示例市"},
        {"work": "人力资源和社会保障局", "city_departments": "示例市：人力资源和社会保障局", "finding": "lacking",
         "finding_label": "部分市图中没有（未设或未载入其三定）", "lacking": "南屿市", "merged_in": ""}])
    assert client.get(PATH, params={"region": "南屿市"}).json()["total"] == 0
    rows = list(csv.reader(io.StringIO(client.get(PATH, params={"format": "csv"}).content.decode("utf-8-sig"))))
    assert rows[0] == ["职能（部门）", "各市部门", "差异", "图中没有此类部门的市", "合并设置的市"]
    assert rows[-1] == ["城市管理和综合执法局", "南屿市：城市管理局；示例市：城市管理和综合执法局", "名称不同", "", ""]


def test_the_cities_departments_at_the_command_line(two_cities: Path) -> None:
    answer = run("query", "city_departments", "--format", "csv", store=two_cities)
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout.lstrip("\ufeff").splitlines()[1] == \
        "文化广电旅游体育局,南屿市：体育局、文化广电和旅游局；示例市：文化广电旅游体育局,一市合并设置、另一市分设,,示例市"


def test_who_handles_of_no_region_says_a_region_is_needed_among_several_cities(client: TestClient,
                                                                               two_cities: Path) -> None:
    said = ("图中有多个市（南屿市、示例市），未指定区划：各市同类部门一并排序，排在前面的未必是诉求所在市的部门，请指定区划")
    answer = client.get("/api/queries/who_handles", params={"text": "共享单车乱停乱放"})
    assert (answer.status_code, unquote(answer.headers["X-Dutygraph-Region-Note"])) == (200, said)
    assert "X-Dutygraph-Region-Note" not in client.get("/api/queries/who_handles",
                                                       params={"text": "共享单车乱停乱放", "region": "南屿市"}).headers
    asked = run("query", "who_handles", "--param", "text=共享单车乱停乱放", "--format", "json", store=two_cities)
    assert (asked.returncode, asked.stderr.strip()) == (0, said)
    asked = run("query", "who_handles", "--param", "text=共享单车乱停乱放", "--param", "region=南屿市", "--format", "json",
                store=two_cities)
    assert (asked.returncode, asked.stderr.strip()) == (0, "")
