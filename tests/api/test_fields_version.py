"""A graph whose documents an earlier dutygraph loaded lacks the properties this one writes: the commands that
read it, the service's startup log and /readyz say so and what to do; a freshly loaded graph says nothing."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import Statement, open_store
from ingest.fields_version import GRAPH_FIELDS_VERSION

REPO = Path(__file__).resolve().parents[2]
SANDING = REPO / "examples" / "sanding"
OLDER = "2 of the graph's 2 documents were loaded by an earlier dutygraph (fields version 0;"
OLDER_ZH = "图中 2 个文件有 2 个由较早版本的 dutygraph 载入"
NEWER = "the graph was written by a newer dutygraph"
EARLIER = "loaded by an earlier dutygraph"


def run(*args: str, store: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DUTYGRAPH_STORE": f"embedded:{store}", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "api.cli", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=300)


def _said(result: subprocess.CompletedProcess[str]) -> str:
    """stderr without the console's line breaks."""
    return " ".join(result.stderr.split())


def _set_fields_version(store: Path, version: int | None) -> None:
    """As a dutygraph of that fields version (None: one from before the record) would have left the documents."""
    graph = open_store(f"embedded:{store}")
    try:
        graph.write(Statement("UNWIND $rows AS r MATCH (d:Document) SET d.fields_version = r.version",
                              [{"version": version}]))
    finally:
        graph.close()


@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    store = tmp_path / "store"
    for name in ("shi_jiaotong.txt", "shi_zhujian.txt"):
        result = run("ingest", str(SANDING / name), "--region", "示例市", store=store)
        assert result.returncode == 0, result.stderr
        assert EARLIER not in _said(result)
    return store


def test_a_freshly_loaded_graph_gives_no_warning(loaded: Path) -> None:
    answer = run("query", "overlaps", store=loaded)
    # Its stderr holds only the empty answer's hint (two documents, no overlap), no word of the graph's version.
    assert answer.returncode == 0 and EARLIER not in answer.stderr and OLDER_ZH not in answer.stderr
    assert answer.stderr.startswith("范围 同级部门（departments）无职责交叉聚类")


def test_commands_on_a_graph_an_earlier_version_loaded_say_to_ingest_again(loaded: Path, tmp_path: Path) -> None:
    _set_fields_version(loaded, None)
    complaints = tmp_path / "complaints.txt"
    complaints.write_text("道路两侧违规设置户外广告\n", encoding="utf-8")
    for command in (["query", "overlaps"], ["report", "--format", "md"], ["dispatch", str(complaints)]):
        answer = run(*command, store=loaded)
        said = _said(answer)
        assert answer.returncode == 0 and OLDER in said and OLDER_ZH in said, answer.stderr
        assert "ingest the documents again, `dutygraph ingest <their files or folders>` (" in said
    # Loading one document again leaves the other one behind: ingest says so too.
    one = run("ingest", str(SANDING / "shi_jiaotong.txt"), "--region", "示例市", store=loaded)
    assert "1 of the graph's 2 documents were loaded by an earlier dutygraph" in _said(one)
    assert EARLIER not in _said(run("ingest", str(SANDING / "shi_zhujian.txt"), "--region", "示例市", store=loaded))
    again = run("query", "overlaps", store=loaded)
    assert again.returncode == 0 and EARLIER not in again.stderr and OLDER_ZH not in again.stderr


def test_a_graph_a_newer_version_loaded_says_so(loaded: Path) -> None:
    _set_fields_version(loaded, GRAPH_FIELDS_VERSION + 1)
    answer = run("query", "overlaps", store=loaded)
    said = _said(answer)
    assert answer.returncode == 0 and f"{NEWER} (fields version {GRAPH_FIELDS_VERSION + 1};" in said
    assert "图谱由较新版本的 dutygraph 写入" in said and OLDER not in said


def test_the_service_logs_it_at_startup_and_readyz_says_it(loaded: Path, caplog: pytest.LogCaptureFixture) -> None:
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{loaded}")
    with caplog.at_level(logging.WARNING, logger="api.app"), TestClient(create_app(settings)) as client:
        ready = client.get("/readyz").json()
    assert ready == {"status": "ready", "store": ready["store"], "documents": 2, "fields": "current"}
    assert _warnings(caplog) == []
    caplog.clear()
    _set_fields_version(loaded, None)
    with caplog.at_level(logging.WARNING, logger="api.app"), TestClient(create_app(settings)) as client:
        ready = client.get("/readyz").json()
    assert (ready["status"], ready["fields"]) == ("ready", "older")
    assert ready["warning"].startswith(OLDER) and ready["warning_zh"].startswith(OLDER_ZH)
    assert _warnings(caplog) == [f"{ready['warning']} / {ready['warning_zh']}"]


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The app's warnings (not the errors of its cache warming, which a client closed at once may cut short)."""
    return [record.getMessage() for record in caplog.records
            if record.name == "api.app" and record.levelno == logging.WARNING]


def test_an_empty_graph_is_ready_saying_it_holds_no_documents(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A service started on an empty graph answered every question with nothing, ready, without a word (user test):
    its log warns, and /readyz counts the documents."""
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{tmp_path}")
    with caplog.at_level(logging.INFO, logger="api.app"), TestClient(create_app(settings)) as client:
        ready = client.get("/readyz").json()
    assert ready == {"status": "ready", "store": f"embedded:{tmp_path}", "documents": 0, "fields": "current"}
    said = [record.getMessage() for record in caplog.records if record.name == "api.app"]
    assert said[:2] == [f"serving embedded:{tmp_path}: 0 documents",
                        f"embedded:{tmp_path} holds no documents yet: load them with `dutygraph ingest` or 上传文件 on "
                        "the page / 图谱中还没有文件：请用 dutygraph ingest 或页面的“上传文件”载入"]


def test_serve_refuses_a_store_folder_that_is_not_there(tmp_path: Path) -> None:
    """`serve --store embedded:/mistyped/path` served an empty graph it had just created (user test)."""
    missing = tmp_path / "nosuch" / "deeper"
    answer = run("serve", "--port", "1", store=missing)
    assert answer.returncode == 2 and not missing.exists()
    said = " ".join(answer.stderr.split())
    assert f"the folder {missing} does not exist" in said and f"create it: mkdir -p {missing}" in said
