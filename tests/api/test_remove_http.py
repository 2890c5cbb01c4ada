"""DELETE /api/documents/{uid}: a document uploaded by mistake taken out again over HTTP, as `dutygraph remove` takes
it out at the terminal (data steward user test: the API could add documents and never take one out)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import Statement
from tests.api.test_cli import EXAMPLES

KEY = "test-key-remove"
AUTH = {"Authorization": f"Bearer {KEY}"}
GONGAN = EXAMPLES / "sanding" / "shi_gongan.txt"
JIAOTONG = EXAMPLES / "sanding" / "shi_jiaotong.txt"


def empty_client(folder: Path) -> TestClient:
    """A service over an empty store in `folder` that takes this file's key (use it as a context manager)."""
    return TestClient(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{folder}", DUTYGRAPH_API_KEYS=KEY)))


@pytest.fixture()
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with empty_client(tmp_path_factory.mktemp("remove-http")) as test_client:
        yield test_client


def _upload(client: TestClient, *paths: Any) -> None:
    files = [("files", (path.name, path.read_bytes(), "text/plain")) for path in paths]
    answer = client.post("/api/documents", files=files, data={"region": "示例市", "new_region": "true"}, headers=AUTH)
    assert answer.status_code == 200, answer.text


def _documents(client: TestClient) -> list[tuple[str, str]]:
    return [(row["uid"], row["path"]) for row in client.get("/api/documents").json()["items"]]


def _problem(answer: Any) -> tuple[int, str, str]:
    assert answer.headers["content-type"] == "application/problem+json", answer.text
    body = answer.json()
    return body["status"], body["title_zh"], body["detail_zh"]


def test_a_document_uploaded_by_mistake_is_taken_out(client: TestClient) -> None:
    _upload(client, JIAOTONG, GONGAN)
    documents = dict((path, uid) for uid, path in _documents(client))
    assert sorted(documents) == ["shi_gongan.txt", "shi_jiaotong.txt"]
    answer = client.delete(f"/api/documents/{documents['shi_gongan.txt']}", headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "removed": [{"uid": documents["shi_gongan.txt"], "path": "shi_gongan.txt",
                     "title": "示例市公安局职能配置、内设机构和人员编制规定", "kind": "sanding", "region": "示例市"}],
        # What 交通运输局's 三定 alone loads: itself and the two parties of its 职责分工 clause (公安局 a party again,
        # not a department with a 三定), its 7 offices, their duties and its own (35), the clause's matter.
        "in_graph": {"regions": 1, "departments": 3, "offices": 7, "duties": 35, "matters": 1, "power_items": 0,
                     "supervision_items": 0, "documents": 1},
        # No list version restored, no 撤县设区 removed: no district list goes back to its county's.
        "restored": [], "stranded": [], "unpaired": [], "not_unpaired": [],
        # No reform removed: no 调整 notice read again as the old body's.
        "reread": [], "not_reread": [],
        # No list names 公安局 (交通运输局's 三定 does, but it defines its own department: not read again).
        "parties_reread": [], "parties_not_reread": []}
    assert [path for _uid, path in _documents(client)] == ["shi_jiaotong.txt"]
    assert [(row["department"], row["issued"]) for row in client.get(
        "/api/departments", params={"parties": "true"}).json()["items"]] == [
        ("示例市交通运输局", "2019-02-26"), ("示例市公安局", None), ("示例市城市管理和综合执法局", None)]
    # Gone: asked again, it is no document of the graph.
    again = client.delete(f"/api/documents/{documents['shi_gongan.txt']}", headers=AUTH)
    assert _problem(again)[:2] == (404, "没有这个文件")


def test_a_removal_needs_a_key_and_a_uid(client: TestClient) -> None:
    _upload(client, JIAOTONG)
    (uid, _path), = _documents(client)
    assert client.delete(f"/api/documents/{uid}").status_code == 401
    assert _problem(client.delete("/api/documents/shi_jiaotong.txt", headers=AUTH)) == (
        422, "请求参数无效", "shi_jiaotong.txt：应为文件的 uid，即 doc: 加 16 位十六进制数字（GET /api/documents 列出全部）")
    assert _problem(client.delete("/api/documents/doc:0000000000000000", headers=AUTH))[:2] == (404, "没有这个文件")
    assert _documents(client) == [(uid, "shi_jiaotong.txt")]


VERSIONS = EXAMPLES.parent / "tests" / "fixtures" / "in_force"


def refused_removal(client: TestClient) -> tuple[Any, list[tuple[str, str]]]:
    """The two 三定 of 临川市城市管理局 uploaded, as a dutygraph before fields version 8 loaded them (their FROM edges
    without what each states), then the older one's removal asked for: the answer, and the documents the graph held
    before it."""
    _upload(client, VERSIONS / "chengguan_2020.txt", VERSIONS / "chengguan_2024.txt")
    client.app.state.store.write(Statement("UNWIND $rows AS r MATCH (:Department)-[f:FROM]->() SET f.issued = null",
                                           [{}]))  # type: ignore[attr-defined]
    before = _documents(client)
    uid = next(uid for uid, path in before if path == "chengguan_2020.txt")
    return client.delete(f"/api/documents/{uid}", headers=AUTH), before


def test_one_version_of_a_department_s_three_ding_comes_out_alone(client: TestClient) -> None:
    """The department is restated from the version that stays (ingest.restate): its 2020 staffing again."""
    _upload(client, VERSIONS / "chengguan_2020.txt", VERSIONS / "chengguan_2024.txt")
    uid = next(uid for uid, path in _documents(client) if path == "chengguan_2024.txt")
    answer = client.delete(f"/api/documents/{uid}", headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert [path for _uid, path in _documents(client)] == ["chengguan_2020.txt"]


def test_a_version_loaded_by_an_earlier_dutygraph_is_not_removed_alone(client: TestClient) -> None:
    """Versions whose FROM edges do not say what they state (fields version 7 and before): the department cannot be
    restated, so the removal is refused (409) and nothing changes."""
    answer, before = refused_removal(client)
    status, title, detail = _problem(answer)
    assert (status, title) == (409, "不能单独移除该文件")
    assert detail == ("该部门还载入了由较早版本 dutygraph 载入的其他三定或调整通知（临川市城市管理局: "
                      "《临川市城市管理局职能配置、内设机构和人员编制规定》 chengguan_2024.txt），其中未记录各版本所定的编制和"
                      "日期：请先重新载入这些文件（dutygraph ingest 路径）再移除，或一并移除，或清空图谱后重新载入")
    assert _documents(client) == before
