"""dispatch carries who_handles' 职责交叉 on the row it routes (queries/overlap_rows.py): a dispatcher sent 小区自来水
发黄有异味 to 示例市水务局, 住建局 the runner-up, was not told that their 三定 clauses on 城市供水 form an overlaps cluster
no list or clause settles, which `dutygraph query who_handles` and the page's 谁来管 said. Now POST /api/dispatch, its
file form and `dutygraph dispatch` (table, CSV) say it; a complaint whose two candidates are in no cluster says
nothing. The examples/ corpus, tests/fixtures/overlap_12345.csv."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from tests.api.test_cli import run

REPO = Path(__file__).resolve().parents[2]
TICKETS = REPO / "tests" / "fixtures" / "overlap_12345.csv"
WATER, SMOKE = "小区自来水发黄有异味", "小区楼下烧烤摊油烟太大，晚上窗户都不敢开"
CLUSTER = "C095709c6"
NOTE = f"两部门三定职责交叉且未明确牵头（编号{CLUSTER}）"
# Each ticket: its department, the runner-up, the cluster and the note.
ROUTED = [("示例市水务局", "示例市住房和城乡建设局", CLUSTER, NOTE), ("示例市生态环境局", "示例市住房和城乡建设局", "", "")]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("dispatch-overlap-store")
    store = open_store(f"embedded:{data}")
    assert ingest([REPO / "examples"], store, region=Region(("示例市",))).failed == []
    store.close()
    return data


@pytest.fixture(scope="module")
def client(store_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{store_path}"))) as test_client:
        yield test_client


def _routed(rows: list[dict]) -> list[tuple[str, str, str, str]]:  # type: ignore[type-arg]
    return [(row["department"], row["runner_up"], row["overlap_cluster"], row["overlap_note"]) for row in rows]


def test_the_api_s_rows_carry_the_cluster_of_the_department_and_the_runner_up(client: TestClient) -> None:
    answer = client.post("/api/dispatch", json={"complaints": [{"text": WATER, "id": "WS001"}, {"text": SMOKE}]})
    assert answer.status_code == 200, answer.text
    rows = answer.json()["rows"]
    assert _routed(rows) == ROUTED
    # Beside the other notes on the department routed to, before why a person must settle the row; no such reason.
    assert list(rows[0])[-4:] == ["no_sanding", "overlap_cluster", "overlap_note", "need_person_zh"]
    assert [row["need_person_zh"] for row in rows] == ["", ""]
    # As who_handles says it on the same two departments.
    asked = client.get("/api/queries/who_handles", params={"text": WATER, "limit": 2}).json()
    assert [(row["department"], row["overlap_cluster"], row["overlap_note"]) for row in asked] == [
        ("示例市水务局", CLUSTER, NOTE), ("示例市住房和城乡建设局", CLUSTER, NOTE)]


def test_a_routed_file_carries_them_as_json_and_under_chinese_titles(client: TestClient) -> None:
    upload = {"file": ("工单.csv", TICKETS.read_bytes())}
    body = client.post("/api/dispatch/file", files=upload).json()
    assert body["columns"][-3:] == ["overlap_cluster", "overlap_note", "need_person_zh"]
    assert _routed(body["rows"]) == ROUTED
    table = client.post("/api/dispatch/file", params={"format": "csv"}, files=upload)
    rows = list(csv.reader(io.StringIO(table.text.lstrip("\ufeff"))))
    assert rows[0][-3:] == ["图中无其三定", "职责交叉编号", "职责交叉说明"]
    assert [(row[1], row[-2], row[-1]) for row in rows[1:]] == [("WS001", CLUSTER, NOTE), ("WS002", "", "")]


def test_the_cli_says_the_cluster_under_its_table_and_in_its_files(store_path: Path, tmp_path: Path) -> None:
    shown = run("dispatch", str(TICKETS), store=store_path)
    assert shown.returncode == 0, shown.stderr
    # The table has no room for it: a line under it names the two departments, as the files' rows do.
    below = shown.stdout.split("(2 rows)\n", 1)[1]
    assert below.splitlines() == [f"第 2 行：示例市水务局、示例市住房和城乡建设局{NOTE}"]
    written = tmp_path / "routed.csv"
    assert run("dispatch", str(TICKETS), "--format", "csv", "--output", str(written), store=store_path).returncode == 0
    rows = list(csv.reader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    assert rows[0][-2:] == ["职责交叉编号", "职责交叉说明"]
    assert [(row[1], row[4], row[-2], row[-1]) for row in rows[1:]] == [
        ("WS001", "示例市水务局", CLUSTER, NOTE), ("WS002", "示例市生态环境局", "", "")]
