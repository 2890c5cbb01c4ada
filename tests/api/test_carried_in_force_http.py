"""duties_in_force over HTTP and at the command line for a successor carrying a merged body's duties: the documents
the answer lists include the old body's 三定 its carried rows cite (tests/fixtures/carried_moved_out,
`tests.queries.test_carried_in_force`)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api.serving import ingested, serving
from tests.api.test_cli import run
from tests.queries.test_carried_moved_out import CHENGGUAN, MERGE, MOVE, SUCCESSOR, ZHIFA, ZHUJIAN


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ingested(tmp_path_factory, "carried-store", *(str(path) for path in (CHENGGUAN, ZHIFA, ZHUJIAN, MERGE, MOVE)),
                    "--region", "示例市")


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[TestClient]:
    yield from serving(store)


def test_the_documents_list_the_merged_body_s_sanding(client: TestClient) -> None:
    """Before, the list gave 执法局's own 三定 and notices only, while four rows cited 城管局's 三定."""
    answer = client.get("/api/queries/duties_in_force/readable",
                        params={"department": SUCCESSOR, "date": "2024-07-01"}).json()
    assert [(d["kind"], d["title"], d["issued"], d["in_force_from"]) for d in answer["documents"]] == [
        ("三定规定", "《白河县综合行政执法局职能配置、内设机构和人员编制规定》", "2019-03-25", "2019-04-01"),
        ("三定规定", "《白河县城市管理局职能配置、内设机构和人员编制规定》", "2019-03-25", "2019-04-01"),
        ("调整职责机构编制通知", "《关于调整白河县综合行政执法局职责机构编制的通知》", "2023-03-01", "2023-03-01"),
        ("调整职责机构编制通知", "《关于调整白河县综合行政执法局职责的通知》", "2024-07-01", "2024-07-01"),
    ]
    programs = client.get("/api/queries/duties_in_force", params={"department": SUCCESSOR, "date": "2023-02-28"})
    assert [d["title"] for d in programs.json()["documents"]] == ["白河县综合行政执法局职能配置、内设机构和人员编制规定"]


def test_the_command_line_lists_the_documents_the_rows_rest_on(store: Path) -> None:
    """As the page lists them above the rows, one line each on stderr beside the table or file (the file itself
    unchanged); JSON, for programs, is the rows alone. Before, nothing was said: 城管局's 三定, which four rows cite,
    was listed over HTTP only."""
    asked = ("query", "duties_in_force", "--param", f"department={SUCCESSOR}", "--param", "date=2024-07-01")
    said = run(*asked, "--format", "csv", store=store)
    assert said.returncode == 0, said.stderr
    assert said.stderr.splitlines() == [
        f"{SUCCESSOR} 2024-07-01 时施行的文件（职责 9 条）：",
        "  三定规定 《白河县综合行政执法局职能配置、内设机构和人员编制规定》，2019-04-01 起施行",
        "  三定规定 《白河县城市管理局职能配置、内设机构和人员编制规定》，2019-04-01 起施行",
        "  调整职责机构编制通知 《关于调整白河县综合行政执法局职责机构编制的通知》，2023-03-01 起施行",
        "  调整职责机构编制通知 《关于调整白河县综合行政执法局职责的通知》，2024-07-01 起施行",
    ]
    rows = list(csv.reader(io.StringIO(said.stdout.lstrip("\ufeff"))))
    assert [len(row) for row in rows] == [13] * 10
    table = run(*asked, store=store)
    assert table.returncode == 0 and table.stderr == said.stderr and "(9 rows)" in table.stdout
    programs = run(*asked, "--format", "json", store=store)
    assert (programs.returncode, programs.stderr, len(json.loads(programs.stdout))) == (0, "", 9)
