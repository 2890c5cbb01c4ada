"""DELETE /api/documents/{uid} says what `dutygraph remove` prints: the 调整 notices a removed reform had read as its
successor's, loaded again as the old body's (调整通知已按原机构重新载入), or not; a document that did not load again
in Chinese as well as in the load's English; and a removal refused because a document to load again in its place does
not load is a 409 in Chinese, the graph as it was (it was a 500)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from graph.store import Statement, Store
from ingest.pipeline import ingest
from tests.api.test_documents_http import AUTH, _two_versions, _uid, client, folder, graph  # noqa: F401  (fixtures)
from tests.ingest.conftest import whole_graph
from tests.ingest.test_explained_parties import CITY as EXPLAINED_CITY
from tests.ingest.test_explained_parties import LIST as EXPLAINED_LIST
from tests.ingest.test_explained_parties import SANDING as EXPLAINED_SANDING
from tests.ingest.test_succession_notice import CITY, OLD_NAME_NOTICE, RENAME, WENLV

NOTICE_TITLE = "关于调整白河县文化和旅游局职责的通知"


def _load(store: Store, *paths: Path) -> None:
    for path in paths:
        assert ingest([path], store, region=CITY).failed == []


def test_a_notice_the_removed_reform_had_read_as_its_successor_s_is_named(client: TestClient, graph: Store) -> None:  # noqa: F811
    _load(graph, WENLV, OLD_NAME_NOTICE, RENAME)  # the notice, loaded before the rename, read again as 文化广电和旅游局's
    answer = client.delete(f"/api/documents/{_uid(graph, RENAME.name)}", headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert (answer.json()["reread"], answer.json()["not_reread"]) == ([
        {"uid": _uid(graph, OLD_NAME_NOTICE.name), "path": str(OLD_NAME_NOTICE), "title": NOTICE_TITLE,
         "kind": "amendment", "region": "示例市/白河县"}], [])


def test_a_notice_that_no_longer_loads_is_said_in_chinese(client: TestClient, graph: Store, tmp_path: Path) -> None:  # noqa: F811
    notice = tmp_path / OLD_NAME_NOTICE.name
    shutil.copy(OLD_NAME_NOTICE, notice)
    _load(graph, WENLV, RENAME, notice)
    uid = _uid(graph, notice.name)
    # Its file as a parser changed since reads it: no notice any more (the graph's digest its own, so that only the
    # reading differs).
    notice.write_text("白河县文化和旅游局\n（无正文）\n", encoding="utf-8")
    graph.write_atomic([Statement("UNWIND $rows AS r MATCH (d:Document {path: r.path}) SET d.sha256 = r.sha256",
                                  [{"path": str(notice), "sha256": hashlib.sha256(notice.read_bytes()).hexdigest()}])])
    answer = client.delete(f"/api/documents/{_uid(graph, RENAME.name)}", headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert (answer.json()["reread"], answer.json()["not_reread"]) == ([], [
        {"uid": uid, "path": str(notice), "title": NOTICE_TITLE, "kind": "amendment", "region": "示例市/白河县",
         "history": False,
         "failure": f"{notice}: expected a 三定 provision (…职能配置、内设机构和人员编制规定) (no department name found in a "
                    "title or a sentence)",
         # The English was all the page could show: the same said in Chinese, naming the document and its file.
         "failure_zh": f"《{NOTICE_TITLE}》未能从原文件重新载入：{notice}：不是三定规定（…职能配置、内设机构和人员编制规定）："
                       "标题和正文都没有写明部门名称"}])


def test_a_list_that_named_the_removed_sanding_s_department_is_read_again(
        client: TestClient, graph: Store, tmp_path: Path) -> None:  # noqa: F811
    """The list named the bureau by its plate: read again without the 三定 (`parties_reread`); a copy of it whose
    file changed since is named in `parties_not_reread`, left as loaded."""
    changed = tmp_path / "qinghe_zhishichanquan.csv"  # another list (its own title) naming the plate too
    changed.write_text(EXPLAINED_LIST.read_text(encoding="utf-8").replace("知识产权和信用监管", "知识产权"),
                       encoding="utf-8")
    assert ingest([EXPLAINED_SANDING, EXPLAINED_LIST, changed], graph, region=EXPLAINED_CITY).failed == []
    changed.write_text(changed.read_text(encoding="utf-8") + "4,广告监测,市知识产权局,,新增的一行。\n", encoding="utf-8")
    answer = client.delete(f"/api/documents/{_uid(graph, EXPLAINED_SANDING.name)}", headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert (answer.json()["parties_reread"], answer.json()["parties_not_reread"]) == ([
        {"uid": _uid(graph, EXPLAINED_LIST.name), "path": str(EXPLAINED_LIST),
         "title": "青禾市部门职责边界清单（知识产权和信用监管）", "kind": "boundary", "region": "青禾市"}], [
        {"uid": _uid(graph, changed.name), "path": str(changed), "title": "青禾市部门职责边界清单（知识产权）",
         "kind": "boundary", "region": "青禾市", "history": False, "failure": "", "failure_zh": ""}])


def test_a_removal_whose_history_version_does_not_load_is_refused_in_chinese(
        client: TestClient, graph: Store, tmp_path: Path) -> None:  # noqa: F811
    march, september = _two_versions(graph, tmp_path)
    # The history version as a dutygraph that read it otherwise recorded it: its file, unchanged, now reads as no
    # 市县事权划分清单, so loading it again in the removed version's place fails.
    graph.write_atomic([Statement("UNWIND $rows AS r MATCH (v:ListVersion {path: r.path}) SET v.kind = 'split'",
                                  [{"path": str(march)}])])
    before = whole_graph(graph)
    answer = client.delete(f"/api/documents/{_uid(graph, september.name)}", headers=AUTH)
    assert answer.headers["content-type"] == "application/problem+json", answer.text
    body = answer.json()
    assert (body["status"], body["title_zh"], body["detail_zh"]) == (
        409, "未能移除该文件", f"未移除任何文件，图谱保持原样：移除这些文件需要从原文件重新载入 《临江市部门职责边界清单》 {march} "
        f"(临江市, {_uid(graph, march.name)}，历史版本 history)，但该文件无法载入：{march}第 3 行：市县事权划分清单的表头应有“划分方式”"
        "或“行使层级”列，却没有；请修复或恢复该文件，或将其一并移除")
    assert whole_graph(graph) == before
