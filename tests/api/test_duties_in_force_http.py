"""GET /api/queries/duties_in_force and `dutygraph query duties_in_force` on a department whose 三定 was revised: the
duties of the 三定 in force on a date, as JSON and as files, and the refusal of a date that is none."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.api.serving import serving
from tests.api.test_cli import run
from tests.ingest.test_revised_sanding import _2019
from tests.queries.test_duties_in_force import _NEW, _OLD, _2024


@pytest.fixture(scope="module")
def revised(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the 2019 三定 and its 2024 revision, loaded by the command line."""
    texts = tmp_path_factory.mktemp("revised-texts")
    for name, text in (("2024.txt", _2024), ("2019.txt", _2019)):
        (texts / name).write_text(text, encoding="utf-8")
    store = tmp_path_factory.mktemp("revised-store")
    assert run("ingest", str(texts), "--region", "临川市", store=store).returncode == 0
    return store


@pytest.fixture(scope="module")
def client(revised: Path) -> Iterator[TestClient]:
    yield from serving(revised)


def _get(client: TestClient, date: str, **params: str) -> object:
    return client.get("/api/queries/duties_in_force", params={"department": "临川市河道管理局", "date": date, **params})


def test_the_duties_in_force_on_a_date_over_http(client: TestClient) -> None:
    before = _get(client, "2021年6月30日").json()
    assert (before["total"], before["date"], before["note_zh"]) == (5, "2021-06-30", None)
    assert [(d["kind"], d["in_force_from"], d["offices"]) for d in before["documents"]] == [
        ("sanding", "2019-03-01", ["办公室", "堤防科"])]
    assert [(r["office"], r["text"], r["carried_by"]) for r in before["items"][:2]] == [
        ("", "负责河道堤防的日常管理和维护。", ["堤防科"]), ("", "负责河道采砂的监督管理。", [])]
    after = _get(client, "2024-06-30", limit="1").json()
    assert (after["total"], [d["in_force_from"] for d in after["documents"]]) == (6, ["2024-03-01"])
    assert [(r["text"], r["carried_by"]) for r in after["items"]] == [("负责河道保洁的监督管理。", ["河道保洁科"])]


def test_a_date_before_the_first_sanding_answers_empty_with_a_note(client: TestClient) -> None:
    assert _get(client, "2018-12-31").json() == {
        "total": 0, "limit": 50, "offset": 0, "items": [], "date": "2018-12-31", "documents": [],
        "note_zh": "无 2018-12-31 时施行的三定：图中该部门最早的三定自 2019-03-01 起施行", "warning_zh": None}


def test_a_date_that_is_none_is_a_422(client: TestClient) -> None:
    refused = _get(client, "2021-02-30")
    assert refused.status_code == 422
    assert refused.json()["detail_zh"] == "请求参数无效：日期 date 应写作 2021-06-30 或 2021年6月30日，而不是“2021-02-30”"
    assert _get(client, "").status_code == 422


def test_the_duties_in_force_as_a_csv_file(client: TestClient) -> None:
    answer = _get(client, "2021-06-30", format="csv")
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0] == ["部门", "内设机构", "序号", "职责类别", "职责内容", "承接的内设机构", "施行日期",
                       "出处（当时施行的文件）", "当日状态", "通知所述的职责", "划转的对方部门",
                       "变更依据（调整通知条款）", "变更施行日期"]
    assert rows[2] == ["临川市河道管理局", "", "2", "监督检查", "负责河道采砂的监督管理。", "", "2019-03-01",
                       f"{_OLD}第三条(二)", "现行", "", "", "", ""]


def test_the_command_line_before_and_after_the_revision(revised: Path) -> None:
    said = run("query", "duties_in_force", "--param", "department=河道管理局", "--param", "date=2024-06-30",
               "--format", "csv", store=revised)
    assert said.returncode == 0, said.stderr
    assert f"{_NEW}第三条(一)" in said.stdout and "堤防管理科" in said.stdout and "采砂" not in said.stdout
    before = run("query", "duties_in_force", "--param", "department=临川市河道管理局", "--param", "date=2018-12-31",
                 store=revised)
    assert before.returncode == 0
    assert "无 2018-12-31 时施行的三定：图中该部门最早的三定自 2019-03-01 起施行" in " ".join(before.stderr.split())
    wrong = run("query", "duties_in_force", "--param", "department=临川市河道管理局", "--param", "date=昨天",
                store=revised)
    assert wrong.returncode == 2 and "参数 date 应为日期" in wrong.stderr
