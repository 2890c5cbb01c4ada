"""A dispatcher's day of complaints about work 云岭县 gave its townships (tests/fixtures/xiangzhen_fuquan and its
12345 file): one naming no township (YL003, 村口有人露天焚烧垃圾) is left for a person, who must find the township where
it happened, at the terminal, in the files and over HTTP alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.api.serving import ingested, serving
from tests.api.test_cli import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
COMPLAINTS = FIXTURES / "xiangzhen_fuquan_12345.csv"
REASON = "需确定事发地乡镇（街道）"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingested(tmp_path_factory, "given-dispatch-store", str(FIXTURES / "xiangzhen_fuquan"), "--region", "澄州市/云岭县")


@pytest.fixture(scope="module")
def client(county: Path) -> Iterator[TestClient]:
    yield from serving(county)


def test_the_terminal_and_the_workbook_say_a_township_must_be_found(county: Path, tmp_path: Path) -> None:
    shown = run("dispatch", str(COMPLAINTS), "--region", "澄州市/云岭县", store=county)
    assert shown.returncode == 0, shown.stderr
    [line] = [line for line in shown.stdout.splitlines() if "YL003" in line]
    assert REASON in line
    assert "共 6 条诉求：3 条已分派，3 条需人工确定" in shown.stderr
    written = tmp_path / "dispatch.xlsx"
    assert run("dispatch", str(COMPLAINTS), "--region", "澄州市/云岭县", "--format", "xlsx", "--output", str(written),
               store=county).returncode == 0
    workbook = load_workbook(written)
    rows = list(workbook["诉求分派"].iter_rows(values_only=True))
    column = rows[0].index(REASON)
    assert [(row[1], row[column]) for row in rows[1:]] == [("YL001", None), ("YL002", None), ("YL003", "是"),
                                                           ("YL004", None), ("YL005", None), ("YL006", None)]


def test_the_api_rows_say_it(client: TestClient) -> None:
    texts = ["村口有人露天焚烧垃圾", "青石镇有人露天焚烧垃圾"]
    answer = client.post("/api/dispatch", json={"complaints": [{"text": text} for text in texts],
                                                "region": "澄州市/云岭县"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [(row["department"], row["township_unnamed"], row["need_person_zh"]) for row in body["rows"]] == [
        ("云岭县综合行政执法局", True, REASON), ("青石镇人民政府", False, "")]
    assert body["need_person"] == 1
