"""A province's 12345 (tests/fixtures/province/12345.txt over the 东海省 graph of tests/queries/test_province.py): a
complaint naming a place goes to that place's department, one naming none to the province's only where it holds the
work alone (高速公路超限运输许可), else it is flagged 需确定事发地（市、县）, at the terminal and over HTTP alike. Before,
every complaint went to one of the province's two departments, or to none."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from queries.dispatch import person_reason
from tests.api.serving import serving
from tests.api.test_cli import run
from tests.queries.test_province import _loaded

COMPLAINTS = Path(__file__).resolve().parents[1] / "fixtures" / "province" / "12345.txt"
UNNAMED = "需确定事发地（市、县）"


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("province-dispatch") / "store"
    _loaded(path, ("东海省",)).close()
    return path


@pytest.fixture(scope="module")
def client(province: Path) -> Iterator[TestClient]:
    yield from serving(province)


def test_the_cli_sends_each_complaint_to_its_place_or_flags_it(province: Path) -> None:
    shown = run("dispatch", str(COMPLAINTS), "--region", "东海省", "--format", "json", store=province)
    assert shown.returncode == 0, shown.stderr
    rows = json.loads(shown.stdout)
    assert [(row["line"], row["region"], row["department"], row["place_unnamed"], person_reason(row))
            for row in rows] == [
        (1, "东海省/示例市/河西区", "河西区城市管理和综合执法局", True,
         f"{UNNAMED}；未指定市，其他市的南屿市城市管理局也有相应职责：按相关度分派至示例市，请核实诉求所在市"),
        # 石桥县 holds no 城管: sent up to its city, as any county's complaint.
        (2, "东海省/南屿市", "南屿市城市管理局", False,
         "东海省/南屿市/石桥县 的部门无相应职责，按上级 东海省/南屿市 分派"),
        (3, "东海省/示例市/河西区", "河西区城市管理和综合执法局", False, ""),
        (4, "东海省/南屿市", "南屿市市场监督管理局", False, ""),
        (5, "东海省/南屿市", "南屿市市场监督管理局", True,
         f"难以区分；{UNNAMED}；未指定市，其他市的示例市市场监督管理局也有相应职责：按相关度分派至南屿市，请核实诉求所在市"),
        (6, "东海省", "东海省交通运输厅", False, "")]
    table = run("dispatch", str(COMPLAINTS), "--region", "东海省", store=province)
    assert "共 6 条诉求：3 条已分派，3 条需人工确定" in table.stderr


def test_who_handles_of_the_province_ranks_the_place_s_departments(client: TestClient) -> None:
    def asked(text: str) -> tuple[list[tuple[str, str, bool, bool]], str | None]:
        answer = client.get("/api/queries/who_handles", params={"text": text, "region": "东海省", "limit": 3})
        assert answer.status_code == 200, answer.text
        return ([(row["region"], row["department"], row["tie"], row["place_unnamed"]) for row in answer.json()],
                answer.headers.get("X-Dutygraph-Region-Note"))

    rows, note = asked("电梯坏了困人")
    assert rows == [("东海省/南屿市", "南屿市市场监督管理局", True, True), ("东海省/示例市", "示例市市场监督管理局", True, True),
                    ("东海省/示例市/青山县", "青山县市场监督管理局", True, True)]
    assert note is not None
    assert asked("南屿市小区电梯坏了困人") == ([("东海省/南屿市", "南屿市市场监督管理局", False, False)], None)
    assert asked("申请高速公路超限运输车辆行驶公路许可办理太慢") == ([("东海省", "东海省交通运输厅", False, False)], None)
