"""The HTTP API on the sample corpus: every endpoint, pagination edges, CSV and XLSX, auth, read-only Cypher."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import openpyxl
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.routes import cypher as cypher_route
from api.routes import documents_upload
from api.routes.cypher import ENGINE_GRACE_S, remaining_ms
from api.settings import Settings
from graph.engine_errors import explain
from graph.store import StoreError
from queries import lookup

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
KEY = "test-key-7f3a"
AUTH = {"Authorization": f"Bearer {KEY}"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from graph.store import open_store
    from ingest.pipeline import ingest
    from ingest.regions import Region

    data = tmp_path_factory.mktemp("api-store")
    store = open_store(f"embedded:{data}")
    assert ingest([EXAMPLES], store, region=Region(("示例市",))).failed == []
    store.close()
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{data}", DUTYGRAPH_API_KEYS=KEY, DUTYGRAPH_CYPHER_ROW_LIMIT=5)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    # A load balancer's probe may ask with HEAD; a method a path does not take is a 405 naming those it does.
    assert [client.head(path).status_code for path in ("/healthz", "/readyz")] == [200, 200]
    refused = client.delete("/healthz")
    assert (refused.status_code, refused.headers["allow"], refused.json()["title_zh"]) == (405, "GET", "不支持该方法")
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready"


def test_departments_paged_filtered_and_searched(client: TestClient) -> None:
    body = client.get("/api/departments", params={"limit": 5, "offset": 24}).json()
    assert (body["total"], body["limit"], body["offset"], len(body["items"])) == (26, 5, 24, 2)
    assert client.get("/api/departments", params={"offset": 26}).json()["items"] == []
    county = client.get("/api/departments", params={"region": "示例市/青山县"}).json()
    assert county["total"] == 7
    search = client.get("/api/departments", params={"q": "交通"}).json()
    assert [d["department"] for d in search["items"]] == ["示例市交通运输局", "河西区交通运输局", "青山县交通运输局"]

    def found(**params: str) -> list[str]:
        return [d["department"] for d in client.get("/api/departments", params=params).json()["items"]]

    # A name a department is known by finds it, as /api/departments/{name} does (user test: q=市监局 found none);
    # a short name every county's department bears finds the region's.
    assert found(q="市监局") == ["示例市市场监督管理局"]
    assert found(q="市场监管局", region="示例市/青山县") == ["青山县市场监督管理局"]
    # The parties of lists and clauses with no 三定 (who_handles may name them) only when asked for.
    parties = client.get("/api/departments", params={"parties": "true", "limit": 1000}).json()["items"]
    assert [(d["region"], d["department"]) for d in parties if d["issued"] is None] == [
        ("示例市", "示例市数据资源局"), ("示例市", "示例市民政局"), ("示例市/河西区", "河西区人力资源和社会保障局"),
        ("示例市/河西区", "河西区委编办"), ("示例市/河西区/河西街道", "河西街道办事处"),
        ("示例市/河西区/滨江街道", "滨江街道办事处"), ("示例市/青山县/城关镇", "城关镇人民政府"),
        ("示例市/青山县/石桥镇", "石桥镇人民政府")]
    assert len(parties) == 26 + 8 and parties == sorted(parties, key=lambda d: (d["region"], d["department"]))
    named = {c["department"] for text in ("小区电梯坏了没人修", "数据共享", "街道办不管事")
             for c in client.get("/api/queries/who_handles", params={"text": text, "limit": 10}).json()}
    assert named <= {d["department"] for d in parties}


@pytest.mark.parametrize(("params", "detail_zh"), [
    ({"limit": 0}, "请求参数无效：查询参数 limit：应在 1 到 1000 之间，而不是 0"),
    ({"limit": 1001}, "请求参数无效：查询参数 limit：应在 1 到 1000 之间，而不是 1001"),
    ({"offset": -1}, "请求参数无效：查询参数 offset：应不小于 0，而不是 -1"),
    ({"limit": "many"}, "请求参数无效：查询参数 limit：应为整数"),
])
def test_pagination_edges_are_problems(client: TestClient, params: dict, detail_zh: str) -> None:  # type: ignore[type-arg]
    response = client.get("/api/departments", params=params)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["title_zh"] == "请求参数无效" and problem["status"] == 422 and problem["detail"]
    assert problem["detail_zh"] == detail_zh


@pytest.mark.parametrize(("threshold", "detail_zh"), [
    ("2", "请求参数无效：查询参数 threshold（相似度阈值）：应在 0 到 1 之间，而不是 2"),
    ("-0.5", "请求参数无效：查询参数 threshold（相似度阈值）：应在 0 到 1 之间，而不是 -0.5"),
    ("高", "请求参数无效：查询参数 threshold（相似度阈值）：应为数字"),
])
def test_a_threshold_out_of_range_says_the_range_in_chinese(client: TestClient, threshold: str,
                                                            detail_zh: str) -> None:
    """User test: `threshold=2` read 应不大于 1.0, one bound, with the parameter's name alone. The field keeps its name
    for programs, and its Chinese name and whole range are said beside it."""
    problem = client.get("/api/queries/overlaps", params={"threshold": threshold}).json()
    assert (problem["status"], problem["detail_zh"]) == (422, detail_zh)
    assert problem["detail"].startswith("query.threshold: Input should be ")


def test_csv_and_xlsx_with_chinese_titles(client: TestClient) -> None:
    csv_response = client.get("/api/departments", params={"region": "示例市/河西区", "format": "csv"})
    assert csv_response.headers["content-type"].startswith("text/csv")
    lines = csv_response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == ("区划,部门,别名（牌子）,类型,规格,编制,核定编制（未计通知划转）,领导职数,内设机构领导职数,内设机构数,"
                        "内设机构未逐一列出（为核定数）,职责数,三定日期,机构改革日期（无本部门三定）")
    assert len(lines) == 7
    accept = client.get("/api/matters", headers={"Accept": "text/csv"})
    assert accept.content.decode("utf-8-sig").splitlines()[0].startswith("事项,区划,领域,牵头部门,配合部门")
    # By q-value: JSON preferred over CSV is JSON (it was CSV whenever text/csv appeared at all).
    preferred = client.get("/api/matters", headers={"Accept": "text/csv;q=0.5, application/json;q=0.9"})
    assert preferred.headers["content-type"] == "application/json" and "items" in preferred.json()
    xlsx = client.get("/api/queries/staffing_load", params={"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("区划", "部门", "编制")
    assert len(rows) == 27
    assert client.get("/api/departments", params={"format": "pdf"}).status_code == 400


def test_an_accept_header_that_admits_no_served_format_is_refused(client: TestClient) -> None:
    """`Accept: application/pdf` was answered JSON, which the client had said it cannot read."""
    refused = client.get("/api/departments", headers={"Accept": "application/pdf"})
    assert refused.status_code == 406
    assert refused.headers["content-type"] == "application/problem+json"
    assert {key: refused.json()[key] for key in ("type", "detail", "detail_zh")} == {
        "type": "https://dutygraph.example/problems/not-acceptable",
        "detail": "Accept: application/pdf: this answer is served as application/json, text/csv or "
                  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "detail_zh": "本接口只提供 JSON、CSV 或 Excel（xlsx）格式，请修改 Accept 请求头或用 format 参数选择"}
    assert client.get("/api/departments", headers={"Accept": "application/json;q=0"}).status_code == 406
    assert "406" in client.get("/openapi.json").json()["paths"]["/api/departments"]["get"]["responses"]
    # Ranges admit the first served type of their kind; a browser's header ends in */* and gets JSON.
    assert client.get("/api/matters", headers={"Accept": "text/*"}).headers["content-type"].startswith("text/csv")
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get("/api/matters", headers={"Accept": browser}).headers["content-type"] == "application/json"
    # format= wins over the header, as before.
    assert client.get("/api/matters", params={"format": "csv"},
                      headers={"Accept": "application/pdf"}).headers["content-type"].startswith("text/csv")
    # The short name is as case-blind as the media type it stands for (format=CSV was a 400, user test).
    upper = client.get("/api/departments", params={"format": "CSV"})
    assert upper.headers["content-type"] == "text/csv; charset=utf-8"
    assert upper.content.decode("utf-8-sig").splitlines()[0].startswith("区划,部门,别名（牌子）,类型")


def test_every_analysis_endpoint(client: TestClient) -> None:
    overlaps = client.get("/api/queries/overlaps", params={"limit": 2}).json()
    assert overlaps["total"] >= 5 and len(overlaps["items"]) == 2
    assert set(overlaps["items"][0]) == {"cluster_id", "score", "settled", "lead", "matter", "members"}
    flat = client.get("/api/queries/overlaps", params={"format": "csv"}).content.decode("utf-8-sig").splitlines()
    assert flat[0].startswith("编号,相似度,已明确牵头,牵头部门,事项,部门,内设机构,职责,出处,承继自（机构改革前部门）")
    # A settled cluster names its lead (boundary-dispute user test: the page and the files said only 已明确).
    assert sorted({tuple(row[:5]) for row in csv.reader(flat[1:]) if row[0] in ("Cdeabcb67", "C624f4ab2")}) == [
        ("C624f4ab2", "0.841", "", "", "互联网租赁自行车停放管理"),
        ("Cdeabcb67", "0.92", "是", "示例市市场监督管理局", "食用农产品进入批发、零售市场后的质量安全监管")]
    # No cluster at all: the file still says what its columns are (it was an empty file).
    none = client.get("/api/queries/overlaps", params={"threshold": 1, "format": "csv"})
    assert none.content == "\ufeff编号,相似度,已明确牵头,牵头部门,事项,部门,内设机构,职责,出处,承继自（机构改革前部门）\r\n".encode()
    # A file is read by people: its sources name the document's title where the JSON keeps the uid for programs.
    member = client.get("/api/queries/overlaps", params={"limit": 1}).json()["items"][0]["members"][0]
    uid, place = member["source"].split("#")
    titles = {d["uid"]: d["title"] for d in client.get("/api/documents", params={"limit": 1000}).json()["items"]}
    assert uid.startswith("doc:") and place.startswith("第三条(")
    assert flat[1].endswith(f",《{titles[uid]}》{place},") and titles[uid].endswith("职能配置、内设机构和人员编制规定")
    # By department (or alias), as the CLI filters: the clusters with a duty of its own or of one of its offices.
    every = client.get("/api/queries/overlaps", params={"limit": 1000}).json()["items"]
    chengguan = client.get("/api/queries/overlaps", params={"department": "市城管局", "limit": 1000}).json()["items"]
    assert chengguan == [c for c in every if any(m["department"] == "示例市城市管理和综合执法局" for m in c["members"])]
    assert [c["matter"] for c in chengguan] == ["互联网租赁自行车停放管理", "建筑垃圾处置监督管理"]
    # A region that does not hold the department is refused: an answer would read as if it had filtered.
    conflict = client.get("/api/queries/overlaps", params={"department": "示例市水务局", "region": "示例市/青山县"})
    assert conflict.status_code == 400 and "示例市水务局 属于 示例市，不在 示例市/青山县" in conflict.json()["detail_zh"]
    orphans = client.get("/api/queries/orphan_supervision_items").json()
    assert [o["code"] for o in orphans["items"]] == ["JG370000701", "JG370201500"]
    ambiguities = client.get("/api/queries/host_assist_ambiguities").json()
    assert ambiguities["total"] == 9  # not 防汛抗旱: a township's 属地 主体责任 is no second lead
    undecomposed = client.get("/api/queries/undecomposed_duties", params={"department": "示例市城市管理和综合执法局"}).json()
    assert {r["kind"] for r in undecomposed["items"]} == {"duty_without_office", "office_without_duty"}
    split = client.get("/api/queries/power_split", params={"city": "示例市"}).json()
    assert {"cells", "conflicts", "unlisted", "counties", "differences"} == set(split)
    cell = client.get("/api/queries/power_split/matters",
                      params={"city": "示例市", "domain": "交通运输", "share": "county_exclusive"}).json()
    assert cell["matters"] == ["机动车维修经营备案", "道路普通货物运输经营许可"]
    who = client.get("/api/queries/who_handles", params={"text": "公司拖欠工资三个月", "region": "示例市", "limit": 1}).json()
    assert who[0]["department"] == "示例市人力资源和社会保障局"
    no_text = client.get("/api/queries/who_handles")
    assert no_text.status_code == 422 and no_text.json()["detail_zh"] == "请求参数无效：查询参数 text：缺少此项"
    network = client.get("/api/queries/coordination_network", params={"region": "示例市"}).json()
    assert len(network["counterparts"]) == 12
    assert client.get("/api/queries/overlaps", params={"scope": "planets"}).status_code == 422


def test_department_profile_regions_matters_documents_stats(client: TestClient) -> None:
    profile = client.get("/api/departments/市城管局").json()
    assert profile["department"]["name"] == "示例市城市管理和综合执法局"
    missing = client.get("/api/departments/示例市宇宙局")
    assert missing.status_code == 404 and missing.json()["title_zh"] == "未找到"
    assert missing.json()["detail_zh"] == "未找到部门：示例市宇宙局"
    near = client.get("/api/departments/示例市交通局运输").json()  # a suggestion; the name names none
    assert (near["title_zh"], near["detail_zh"]) == ("未找到", "未找到部门：示例市交通局运输；是否指：示例市交通运输局？")
    vague = client.get("/api/departments/有关部门")  # a party the lists name, no department to profile
    assert vague.status_code == 404 and vague.json()["detail_zh"].startswith("“有关部门”是清单中的模糊主体，不是一个部门")
    regions = client.get("/api/regions").json()
    assert [r["path"] for r in regions["items"]][:3] == ["示例市", "示例市/河西区", "示例市/河西区/河西街道"]
    matters = client.get("/api/matters", params={"region": "示例市"}).json()
    bikes = next(m for m in matters["items"] if m["matter"] == "互联网租赁自行车停放管理")
    assert bikes["leads"] == ["示例市交通运输局", "示例市城市管理和综合执法局"]  # one lead a document: by name
    # Two leads in one list: in its order, the host (listed first) before the name order's first (user test).
    farming = next(m for m in matters["items"] if m["matter"] == "农业面源污染防治")
    assert (farming["leads"], farming["assists"]) == (["示例市生态环境局", "示例市农业农村局"],
                                                      ["示例市水务局", "示例市自然资源和规划局"])
    assert client.get("/api/documents").json()["total"] == 37
    # What a page cites a list's rows by: the 职责边界清单's rows by 序号 (its row 4 is row 3's matter, merged).
    numbered = client.get("/api/documents/row_numbers", params={"limit": 1000}).json()
    assert numbered["total"] == 11
    boundary = next(item for item in numbered["items"] if item["places"][0] == "职责边界清单!3")
    assert (boundary["places"][:3], boundary["numbers"][:3], len(boundary["numbers"])) == (
        ["职责边界清单!3", "职责边界清单!5", "职责边界清单!6"], ["序号1", "序号2", "序号3"], 14)
    # The page asks for the documents an answer cites, by uid.
    two = [*sorted(item["uid"] for item in numbered["items"])[:2], "doc:none"]
    assert client.get("/api/documents/row_numbers", params={"uid": ",".join(two)}).json() == {
        "total": 2, "limit": 50, "offset": 0, "items": sorted((item for item in numbered["items"] if item["uid"] in two),
                                                              key=lambda item: item["uid"])}
    assert client.get("/api/stats").json()["labels"]["Document"] == 37
    # As Excel, the CLI's two tables, each label and type with its meaning.
    workbook = openpyxl.load_workbook(io.BytesIO(client.get("/api/stats", params={"format": "xlsx"}).content))
    assert workbook.sheetnames == ["图谱规模：节点", "图谱规模：关系", "查询条件"]
    # A table titled after its answer names the file alone (it was 图谱规模-图谱规模：节点.csv, user test).
    nodes = client.get("/api/stats", params={"format": "csv", "table": "labels"})
    assert nodes.headers["content-disposition"] == (
        "attachment; filename=\"stats-labels.csv\"; filename*=UTF-8''" + quote("图谱规模：节点.csv", safe=""))
    assert [cell.value for cell in workbook["图谱规模：节点"][1]] == ["节点类型", "含义", "数量"]
    # A type is written as Cypher spells it, whether or not an answer's code of the same spelling reads in Chinese.
    types = {row[0]: row[1] for row in workbook["图谱规模：关系"].iter_rows(min_row=2, values_only=True)}
    assert (types["ASSISTS"], types["LEADS"], types["FROM"]) == ("配合/协办", "牵头/主办", "出处")
    assert client.get("/api/nowhere").json()["status"] == 404


def test_validation_errors_say_their_choices_and_places_in_chinese(client: TestClient) -> None:
    # pydantic lists a Literal's values with an English `or`, and a body that is no JSON at a character position
    # read as a field named 0 (user test).
    scope = client.get("/api/queries/overlaps", params={"scope": "planets"}).json()
    assert scope["detail_zh"] == "请求参数无效：查询参数 scope：应为以下之一：departments、offices、levels"
    body = client.post("/api/cypher", content=b"not json", headers={**AUTH, "Content-Type": "application/json"}).json()
    assert body["detail_zh"] == "请求参数无效：请求体：不是有效的 JSON"


@pytest.mark.parametrize(("body", "detail_zh"), [
    ({"complaints": []}, "请求参数无效：请求体 complaints：至少 1 项，而不是 0 项"),
    ({"complaints": [{"text": "电梯坏了"}] * 1001}, "请求参数无效：请求体 complaints：至多 1000 项，而不是 1001 项"),
    ({"complaints": "电梯坏了"}, "请求参数无效：请求体 complaints：应为 JSON 数组"),
    # A complaint's misspelt region was dropped, and the complaint routed within the request's region.
    ({"complaints": [{"text": "电梯坏了"}, {"text": "公司拖欠工资", "regoin": "河西区"}]},
     "请求参数无效：请求体 complaints.1.regoin：不是可用的字段"),
])
def test_a_dispatch_body_s_list_is_refused_in_chinese(client: TestClient, body: dict, detail_zh: str) -> None:  # type: ignore[type-arg]
    """User test: a hotline's system that sent no complaint, or too many, read pydantic's English in detail_zh."""
    problem = client.post("/api/dispatch", json=body).json()
    assert (problem["status"], problem["detail_zh"]) == (422, detail_zh)


def test_cypher_needs_a_key_and_refuses_writes(client: TestClient) -> None:
    query = {"query": "MATCH (r:Region) RETURN r.path AS path ORDER BY path"}
    missing = client.post("/api/cypher", json=query)
    assert (missing.status_code, missing.headers["www-authenticate"], missing.json()["detail_zh"]) == (
        401, "Bearer", "请在请求头中提供 Authorization: Bearer <密钥>")
    # A key sent and refused is said to be wrong (user test: it was told to send a key, as if it had sent none).
    wrong = client.post("/api/cypher", json=query, headers={"Authorization": "Bearer wrong"})
    assert (wrong.status_code, wrong.headers["www-authenticate"], wrong.json()["detail"], wrong.json()["detail_zh"]) == (
        401, 'Bearer error="invalid_token"', "the API key sent is not one this service accepts (DUTYGRAPH_API_KEYS)",
        "API 密钥不正确：请求头 Authorization: Bearer 所带的密钥不是本服务设置的密钥")
    answer = client.post("/api/cypher", json=query, headers=AUTH).json()
    assert answer["columns"] == ["path"] and answer["truncated"] is True and len(answer["rows"]) == 5
    write = client.post("/api/cypher", json={"query": "MATCH (r:Region) DETACH DELETE r"}, headers=AUTH)
    assert write.status_code == 403 and write.json()["title_zh"] == "只允许只读查询"
    create = client.post("/api/cypher", json={"query": "CREATE (:Region {uid: 'x'})"}, headers=AUTH)
    assert create.status_code == 403
    bad = client.post("/api/cypher", json={"query": "MATCH (r RETURN r"}, headers=AUTH)
    assert bad.status_code == 400 and bad.json()["detail_zh"].startswith("查询失败：Cypher 语法有误（第 1 行第 10 列附近）")
    params = client.post("/api/cypher", json={"query": "MATCH (d:Department {name: $n}) RETURN d.rank AS rank",
                                              "params": {"n": "示例市公安局"}}, headers=AUTH).json()
    assert params["rows"] == [{"rank": "正处级"}]
    assert client.get("/api/stats").json()["labels"]["Region"] == 7


def test_cypher_answers_csv_and_excel_when_asked(client: TestClient) -> None:
    # Accept: text/csv was answered JSON (user test). A file keeps the query's own aliases and values, and says in a
    # header when the row limit (5 in these tests) cut it.
    query = {"query": "MATCH (r:Region) RETURN r.path AS path, r.level AS level ORDER BY path"}
    csv = client.post("/api/cypher", json=query, headers={**AUTH, "Accept": "text/csv"})
    assert csv.headers["content-type"] == "text/csv; charset=utf-8"
    assert csv.headers["x-dutygraph-truncated"] == "true"
    assert csv.content.decode("utf-8-sig").splitlines() == [
        "path,level", "示例市,city", "示例市/河西区,county", "示例市/河西区/河西街道,township",
        "示例市/河西区/滨江街道,township", "示例市/青山县,county"]
    one = {"query": "MATCH (d:Department {name: $n}) RETURN d.name AS name, d.staff_quota AS quota",
           "params": {"n": "示例市公安局"}}
    xlsx = client.post("/api/cypher", json=one, params={"format": "xlsx"}, headers=AUTH)
    assert xlsx.headers["x-dutygraph-truncated"] == "false"
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    assert list(sheet.iter_rows(values_only=True)) == [("name", "quota"), ("示例市公安局", 40)]


def test_upload_documents(client: TestClient, tmp_path: Path) -> None:
    good = (EXAMPLES / "sanding" / "hexi_jiaotong.txt").read_bytes()
    files = [("files", ("hexi_jiaotong.txt", good, "text/plain")), ("files", ("empty.txt", b"", "text/plain"))]
    assert client.post("/api/documents", files=files).status_code == 401
    answer = client.post("/api/documents", files=files, data={"region": "示例市"}, headers=AUTH).json()
    assert [a["file"] for a in answer["added"]] == ["hexi_jiaotong.txt"]
    assert answer["failed"] == [{"file": "empty.txt",
                                 "error": "empty.txt: expected a document with text (the file is empty)",
                                 "error_zh": "empty.txt：文件没有正文"}]
    # The file was in the graph already: read again, it adds nothing, and its Document keeps the path it was loaded
    # from (the upload's name would read as a path and say nothing of where the file is).
    assert answer["new_in_graph"] == {"regions": 0, "departments": 0, "offices": 0, "duties": 0, "matters": 0,
                                      "power_items": 0, "supervision_items": 0, "documents": 0}
    assert answer["added"][0]["already_in_graph"] is True
    assert answer["added"][0]["warnings"] == answer["added"][0]["warnings_zh"] == []
    assert answer["added"][0]["counts"]["departments"] == 1 and "power items" not in answer["added"][0]["counts"]
    paths = client.post("/api/cypher", headers=AUTH, json={
        "query": "MATCH (d:Document) WHERE d.title CONTAINS $name RETURN d.path AS path", "params": {"name": "河西区交通运输局"}})
    assert paths.json()["rows"] == [{"path": str(EXAMPLES / "sanding" / "hexi_jiaotong.txt")}]
    assert client.post("/api/documents", files=files, data={"region": "示例市"}, headers=AUTH).status_code == 200
    # No file loaded: a 422, not a 200 a program would take for a load, with the same body, each file's error in it.
    broken = client.post("/api/documents", files=[("files", ("broken.txt", b"\xff\xfeA", "text/plain"))], headers=AUTH)
    assert (broken.status_code, broken.json()["added"], broken.json()["new_in_graph"]["documents"]) == (422, [], 0)
    assert broken.json()["failed"] == [{"file": "broken.txt", "error": "broken.txt: expected UTF-16 text, as its "
                                        "byte-order mark says (undecodable bytes at offset 2)",
                                        "error_zh": "broken.txt：文件开头的字节序标记表明为 UTF-16 编码，但内容无法按 UTF-16 解码"}]
    # A region that is no region's name: why, and the regions to pick from, in both languages (user test: the
    # Chinese, which the page shows, said neither).
    bad_region = client.post("/api/documents", files=files, data={"region": "火星市/x"}, headers=AUTH)
    assert bad_region.status_code == 422
    assert {key: bad_region.json()[key] for key in ("type", "title_zh", "detail", "detail_zh")} == {
        "type": "https://dutygraph.example/problems/invalid-request", "title_zh": "区划无效",
        "detail": "region '火星市/x': expected names such as 示例市/青山县 ('x' is not the name of a region: 省, 市, 州, 盟, "
                  "地区, 县, 区, 旗, 乡, 镇 or 街道); the graph's regions: 示例市, 示例市/河西区, 示例市/青山县",
        "detail_zh": "区划“火星市/x”无效：“x”不是区划名称（区划名称以省、市、州、盟、地区、县、区、旗、乡、镇或街道结尾，"
                     "如 示例市/青山县）；图中已有的区划：示例市、示例市/河西区、示例市/青山县"}


def test_an_invalid_upload_region_lists_ten_of_the_graph_s_regions(client: TestClient,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A province's graph holds a hundred regions: the message names the first ten (townships left out) and how many
    there are, not a page of names."""
    counties = {f"示例市/第{n:02d}县": "county" for n in range(1, 13)}
    monkeypatch.setattr(documents_upload, "region_levels",
                        lambda _store: {"示例市": "city", **counties, "示例市/第01县/某镇": "township"})
    files = [("files", ("empty.txt", b"", "text/plain"))]
    refused = client.post("/api/documents", files=files, data={"region": "第一"}, headers=AUTH).json()
    assert refused["detail"].endswith("; the graph's regions: 示例市, 示例市/第01县, 示例市/第02县, 示例市/第03县, "
                                      "示例市/第04县, 示例市/第05县, 示例市/第06县, 示例市/第07县, 示例市/第08县, "
                                      "示例市/第09县 and 3 more")
    assert refused["detail_zh"] == (
        "区划“第一”无效：“第一”不是区划名称（区划名称以省、市、州、盟、地区、县、区、旗、乡、镇或街道结尾，如 示例市/青山县）；"
        "图中已有的区划：示例市、示例市/第01县、示例市/第02县、示例市/第03县、示例市/第04县、示例市/第05县、示例市/第06县、"
        "示例市/第07县、示例市/第08县、示例市/第09县 等 13 个")


def test_an_unknown_region_lists_ten_of_the_graph_s_regions_wherever_it_is_named(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every region filter's message, and an upload's region the graph does not hold, list the regions as the
    upload's invalid region does: the first ten (townships left out) and how many there are (one cap, in
    queries.lookup; the filters listed every region of a province's graph)."""
    counties = {f"示例市/第{n:02d}县": "county" for n in range(1, 13)}
    monkeypatch.setattr(lookup, "region_levels",
                        lambda _store: {"示例市": "city", **counties, "示例市/第01县/某镇": "township"})
    english = ("示例市, 示例市/第01县, 示例市/第02县, 示例市/第03县, 示例市/第04县, 示例市/第05县, 示例市/第06县, "
               "示例市/第07县, 示例市/第08县, 示例市/第09县 and 3 more")
    chinese = ("示例市、示例市/第01县、示例市/第02县、示例市/第03县、示例市/第04县、示例市/第05县、示例市/第06县、"
               "示例市/第07县、示例市/第08县、示例市/第09县 等 13 个")
    refused = client.get("/api/queries/orphan_supervision_items", params={"region": "火星市"}).json()
    assert (refused["status"], refused["detail"], refused["detail_zh"]) == (
        404, f"no region '火星市' in the graph; it has: {english}, and their townships",
        f"图中没有区划“火星市”；已有：{chinese}，及其下的乡镇（街道）")
    files = [("files", ("empty.txt", b"", "text/plain"))]
    upload = client.post("/api/documents", files=files, data={"region": "火星市"}, headers=AUTH).json()
    assert (upload["status"], upload["detail"], upload["detail_zh"]) == (
        422, f"no region '火星市' in the graph; it has: {english}, and their townships; to create it, send "
             "new_region=true with it",
        f"图中没有区划“火星市”；已有：{chinese}，及其下的乡镇（街道）；如确为新的区划，请勾选“新建区划”后重新上传")


def test_an_upload_s_errors_are_in_chinese_too_and_name_the_region_field(client: TestClient) -> None:
    """User test 5: per-file errors were English only, and told an API user to pass the CLI's --region."""
    header = "编号,事项名称,领域,划分方式,行使层级,适用区县\n"
    no_region = (header + "1,农贸市场摊位登记,市场监管,县级专有,县,全部\n").encode("utf-8-sig")
    bad_share = (header + "1,沿街晾晒管理,城市管理,市县分摊,市、县,全部\n").encode("utf-8-sig")
    files = [("files", ("shixian_x.csv", no_region, "text/csv")), ("files", ("shixian_y.csv", bad_share, "text/csv"))]
    failed = client.post("/api/documents", files=files, headers=AUTH).json()["failed"]
    assert failed[0] == {
        "file": "shixian_x.csv",
        "error": "shixian_x.csv:1: expected a list whose title or department names carry a region (a 事权划分清单: whose "
                 "适用区县 lie in one city of the graph), or the region field (neither the title nor any department name "
                 "in the list names a region, and its 适用区县 name no county (全部 or empty))",
        "error_zh": "shixian_x.csv第 1 行：清单的标题和部门名称都没有写明区划（市县事权划分清单的适用区县也未指向图中唯一的市）："
                    "请填写区划（如 示例市/青山县）后重新载入"}
    failed = client.post("/api/documents", files=files[1:], data={"region": "示例市"}, headers=AUTH).json()["failed"]
    assert failed[0]["error_zh"] == ("shixian_y.csv第 2 行 D 列“划分方式”：划分方式应为 市级专有、县级专有、市县共有 或 委托"
                                     "（或行使层级为“市”“县”或“市、县”），实为“市县分摊”")
    assert "--region" not in str(failed)


def test_the_cypher_time_limit_counts_from_the_request_s_arrival(client: TestClient,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert remaining_ms(100.0, 101.25, 5000) == 3750  # 1.25 s spent waiting for a worker thread
    # A request that waited past its whole limit (the clock read in the route is 10 s on) is not run at all.
    monkeypatch.setattr(cypher_route, "monotonic", lambda: time.monotonic() + 10)
    late = client.post("/api/cypher", json={"query": "RETURN 1 AS one"}, headers=AUTH)
    assert late.status_code == 408
    assert late.json()["detail_zh"] == "查询尚未开始，已超过时间限制（5000 毫秒）"


def test_ad_hoc_queries_run_one_at_a_time_and_wait_within_their_limit(client: TestClient,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # Two slow ad-hoc queries at once held both of FalkorDB's read threads and stalled every other endpoint;
    # one at a time leaves the others a thread. A query that waits its whole limit for its turn answers 408.
    monkeypatch.setattr(client.app.state.settings, "cypher_timeout_ms", 300)
    slots = client.app.state.cypher_slots
    assert slots.acquire(timeout=1)  # as a slow query ahead of it would
    try:
        waited = client.post("/api/cypher", json={"query": "RETURN 1 AS one"}, headers=AUTH)
        assert waited.status_code == 408
        assert waited.json()["detail_zh"] == "查询尚未开始，已超过时间限制（300 毫秒）"
        assert client.get("/api/departments", params={"limit": 1}).status_code == 200
    finally:
        slots.release()
    assert client.post("/api/cypher", json={"query": "RETURN 1 AS one"}, headers=AUTH).json()["rows"] == [{"one": 1}]


def test_a_query_the_engine_cannot_stop_in_time_answers_at_its_limit(client: TestClient,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """FalkorDB checks its limit between records, not while range() builds its list: such a query answered long
    after its limit (user test: 36 s for 5). The request answers at its limit; the engine finishes the query
    meanwhile, holding its slot, and the next ad-hoc query runs once it is done."""
    monkeypatch.setattr(client.app.state.settings, "cypher_timeout_ms", 300)
    started = time.monotonic()
    slow = client.post("/api/cypher", headers=AUTH,
                       json={"query": "UNWIND range(1, 40000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n"})
    answered = time.monotonic() - started
    assert slow.status_code == 408 and answered < 0.3 + ENGINE_GRACE_S + 0.5
    assert slow.json()["detail_zh"] == "查询超过时间限制（300 毫秒），已不再等待其结果；图数据库仍在完成它，下一个查询可能需等待"
    monkeypatch.setattr(client.app.state.settings, "cypher_timeout_ms", 60_000)
    assert client.post("/api/cypher", json={"query": "RETURN 1 AS one"}, headers=AUTH).json()["rows"] == [{"one": 1}]


def test_a_query_past_the_engine_s_memory_cap_is_refused_in_words(client: TestClient) -> None:
    """The embedded engine caps what one query may allocate (graph.embedded.QUERY_MEM_CAPACITY_BYTES): a list of
    300 million numbers is refused, not built into gigabytes of the server's memory."""
    with pytest.raises(StoreError) as refused:
        client.app.state.store.read("UNWIND range(1, 300000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n")
    assert "mem consumption exceeded capacity" in str(refused.value)
    assert explain(str(refused.value)).startswith("查询所需内存超过图数据库的限制")


def test_a_cypher_body_field_it_does_not_take_is_refused(client: TestClient) -> None:
    """`parmas` for `params` ran the query unbound (user test: extra fields were accepted)."""
    misspelt = client.post("/api/cypher", json={"query": "RETURN $x AS x", "parmas": {"x": 1}}, headers=AUTH)
    assert (misspelt.status_code, misspelt.json()["detail_zh"]) == (422, "请求参数无效：请求体 parmas：不是可用的字段")


def test_dispatch_routes_a_batch_as_the_cli_routes_a_file(client: TestClient) -> None:
    """Another system's 12345 platform sends its tickets in one request (user test: one who_handles call each)."""
    batch = {"complaints": [{"text": "公司拖欠工资三个月", "id": "G1"}, {"text": "派出所报警了不管", "region": "青山县"},
                            {"text": "  "}, {"text": "公司拖欠工资三个月", "region": "火星区"}]}
    answer = client.post("/api/dispatch", json=batch)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    spec = client.get("/openapi.json").json()
    schema = spec["paths"]["/api/dispatch"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert _conforms(spec, schema, body, "dispatch") == []
    assert [(r["line"], r["id"], r["region"], r["department"], r["note"][:14]) for r in body["rows"]] == [
        (1, "G1", "示例市", "示例市人力资源和社会保障局", ""),
        (2, None, "示例市", "示例市公安局", "示例市/青山县 的部门无相应"),
        (3, None, "示例市", "", "诉求为空 / the com"),
        (4, None, "示例市", "示例市人力资源和社会保障局", "区划“火星区”不在图中，按示"),  # a guess a person checks
    ]
    assert (body["need_person"], body["routed_within"]) == (3, "示例市")
    # Why a person must settle each, as the CLI's and the page's 需人工确定 say it (the page built it itself).
    assert [r["need_person_zh"] for r in body["rows"]] == [
        "", "示例市/青山县 的部门无相应职责，按上级 示例市 分派", "诉求为空", "区划“火星区”不在图中，按示例市分派"]
    assert body["warnings"] == ["line 4: region 火星区 is not in the graph; routed within 示例市; "
                                "第 4 行区划“火星区”不在图中，按示例市分派"]
    table = client.post("/api/dispatch", params={"format": "csv"}, json=batch)
    assert table.text.lstrip("\ufeff").splitlines()[0].startswith("行号,编号,诉求,分派区划,部门,")
    assert client.post("/api/dispatch", json={"complaints": [{"text": "x"}] * 1001}).status_code == 422
    unknown = client.post("/api/dispatch", json={"complaints": [{"text": "x"}], "region": "火星市"})
    assert (unknown.status_code, unknown.json()["type"].rsplit("/", 1)[-1]) == (404, "unknown-region")


def test_dispatch_a_hotline_file(client: TestClient) -> None:
    """The page's 批量分派: a hotline's export as it is, its own columns kept beside each answer."""
    export = "工单编号;诉求内容;所属区县\nG1;公司拖欠工资三个月;\nG2;;青山县\nG3;派出所报警了不管;青山县\n"
    answer = client.post("/api/dispatch/file", files={"file": ("工单.csv", export.encode("gbk"), "text/csv")})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    spec = client.get("/openapi.json").json()
    schema = spec["paths"]["/api/dispatch/file"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert _conforms(spec, schema, body, "dispatch/file") == []
    assert (body["file"], body["columns"][:3], body["need_person"], body["routed_within"]) == (
        "工单.csv", ["line", "工单编号", "text_in"], 2, "示例市")
    assert [(r["line"], r["工单编号"], r["region"], r["department"], r["note"][:14]) for r in body["rows"]] == [
        (2, "G1", "示例市", "示例市人力资源和社会保障局", ""),
        (3, "G2", "示例市/青山县", "", "诉求为空 / the com"),
        (4, "G3", "示例市", "示例市公安局", "示例市/青山县 的部门无相应"),
    ]
    assert [r["need_person_zh"] for r in body["rows"]] == ["", "诉求为空", "示例市/青山县 的部门无相应职责，按上级 示例市 分派"]
    assert body["columns"][-11:] == ["note", "power_split", "devolved", "sector_safety", "sector_rule",
                                     "sector_rule_source", "sector_rule_kind", "no_sanding", "overlap_cluster",
                                     "overlap_note", "need_person_zh"]
    assert body["warnings"] == ["line 3: the 诉求内容 cell is empty; not routed; 第 3 行“诉求内容”为空，未分派"]
    table = client.post("/api/dispatch/file", params={"format": "csv"}, files={"file": ("工单.csv", export.encode())})
    assert table.text.lstrip("\ufeff").splitlines()[0].startswith("行号,工单编号,诉求,分派区划,部门,")
    # The file's 说明 is read by people: its notes in Chinese only, where the JSON's keep the English for programs.
    file_rows = list(csv.reader(io.StringIO(table.text.lstrip("\ufeff"))))
    said = file_rows[0].index("说明")  # who_handles' notes (乡镇赋权说明 …) follow it
    assert [row[said] for row in file_rows] == [
        "说明", "", "诉求为空", "示例市/青山县 的部门无相应职责，按上级 示例市 分派"]
    assert "filename*=UTF-8''%E5%B7%A5%E5%8D%95-" in table.headers["content-disposition"]  # 工单-诉求分派.csv
    refused = client.post("/api/dispatch/file", files={"file": ("a.csv", "编号,摘要\n1,x\n".encode())}).json()
    assert (refused["status"], refused["type"].rsplit("/", 1)[-1]) == (422, "bad-complaint-file")
    assert refused["detail"].startswith("a.csv:1: expected a complaint column titled one of text, 诉求内容,")
    assert refused["detail"].endswith("(or name it with column) (the header has: 编号, 摘要)")
    # The Chinese, which the page shows, names the field by its title on the page (诉求列名), not as `column`.
    assert refused["detail_zh"].endswith("之一），或用“诉求列名”指定；表头为：编号, 摘要")
    not_a_table = client.post("/api/dispatch/file", data={"column": "摘要"},
                              files={"file": ("a.txt", "公司拖欠工资三个月\n".encode())}).json()
    assert not_a_table["detail_zh"] == ("a.txt：指定“诉求列名”或“区划列名”时文件应为表格（.csv、.tsv、.xlsx）；"
                                        "其他文件按每行一条诉求读取")
    named = client.post("/api/dispatch/file", data={"column": "摘要", "region": "河西区"},
                        files={"file": ("a.csv", "编号,摘要\n1,公司拖欠工资三个月\n".encode())}).json()
    # 河西区 has no 人社局: its city's takes it, said in the note.
    assert [(r["编号"], r["region"], r["department"], r["note"][:7]) for r in named["rows"]] == [
        ("1", "示例市", "示例市人力资源和社会保障局", "示例市/河西区")]
    # A hotline writes its county as 示例市河西区 (read as 示例市/河西区) or 青山 (not a region of the graph: routed
    # within the city, and said in the row, so that 需人工确定 finds it).
    regions = "诉求内容,所属区县\n派出所报警了不管,示例市青山县\n公司拖欠工资三个月,青山\n".encode()
    rows = client.post("/api/dispatch/file", files={"file": ("b.csv", regions)}).json()["rows"]
    assert [(r["department"], r["note"].split(" / ")[0]) for r in rows] == [
        ("示例市公安局", "示例市/青山县 的部门无相应职责，按上级 示例市 分派"),
        ("示例市人力资源和社会保障局", "区划“青山”不在图中，按示例市分派")]
    many = "\n".join(["诉求内容"] + ["公司拖欠工资"] * 5001).encode()
    too_many = client.post("/api/dispatch/file", files={"file": ("many.csv", many)}).json()
    assert too_many["detail"] == "many.csv: 5001 complaints; send at most 5000 a file"


def test_keys_not_configured_means_refused(tmp_path: Path) -> None:
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{tmp_path}")
    with TestClient(create_app(settings)) as bare:
        refused = bare.post("/api/cypher", json={"query": "RETURN 1 AS one"}, headers=AUTH)
        assert refused.status_code == 403 and refused.json()["title_zh"] == "未配置 API 密钥"


def test_keys_from_a_file(tmp_path: Path) -> None:
    keys = tmp_path / "keys.txt"
    keys.write_text("# analysts\nfile-key-1\n", encoding="utf-8")
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{tmp_path / 'data'}", DUTYGRAPH_API_KEYS_FILE=str(keys))
    with TestClient(create_app(settings)) as keyed:
        ok = keyed.post("/api/cypher", json={"query": "RETURN 1 AS one"}, headers={"Authorization": "Bearer file-key-1"})
        assert ok.json()["rows"] == [{"one": 1}]


def test_openapi_documents_every_endpoint_with_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            content = operation["responses"]["200"].get("content", {})
            examples = [media.get("example") for media in content.values() if media.get("example") is not None]
            assert examples, f"{method.upper()} {path} has no example"
            errors = {status: response for status, response in operation["responses"].items() if status[0] in "45"}
            # Each error status shows a problem of its own status, not one 404 for all (FastAPI adds its own 422).
            for status, response in errors.items():
                problem = response.get("content", {}).get("application/problem+json")
                assert problem or status == "422", f"{method.upper()} {path} {status} has no problem example"
                assert problem is None or problem["example"]["status"] == int(status)
    # The writes declare their bearer key, so the page offers "Authorize".
    assert spec["components"]["securitySchemes"] == {"HTTPBearer": {
        "type": "http", "scheme": "bearer",
        "description": "an API key from DUTYGRAPH_API_KEYS or DUTYGRAPH_API_KEYS_FILE"}}
    assert spec["paths"]["/api/cypher"]["post"]["security"] == [{"HTTPBearer": []}]
    assert "security" not in spec["paths"]["/api/departments"]["get"]


def test_web_page_and_assets(client: TestClient, tmp_path: Path) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "部门职责图谱" in page.text
    assert client.get("/static/app.js").status_code == 200
    vendor = client.get("/static/vendor/echarts.min.js")
    assert vendor.status_code == 200 and len(vendor.content) > 500_000


def test_the_openapi_page_needs_no_internet(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    # Relative to the page, so that a proxy's prefix carries over (tests/api/test_browser_proxy.py).
    assert '"static/vendor/swagger/swagger-ui-bundle.js"' in docs.text and "http" not in docs.text.replace(
        "https://dutygraph.example", "")  # every asset from the app itself, none from a CDN
    script = client.get("/static/vendor/swagger/swagger-ui-bundle.js")
    assert script.status_code == 200 and script.headers["content-type"].startswith("text/javascript")
    assert client.get("/static/vendor/swagger/swagger-ui.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/vendor/swagger/package.json").json()["type"].endswith("/not-found")
    assert client.get("/redoc").status_code == 404


def test_an_unexpected_fault_is_still_a_problem_document(client: TestClient) -> None:
    def fail() -> None:
        raise RuntimeError("a fault of the server's own")

    client.app.add_api_route("/api/test-fault", fail, include_in_schema=False)  # type: ignore[attr-defined]
    answer = TestClient(client.app, raise_server_exceptions=False).get("/api/test-fault")
    assert answer.status_code == 500 and answer.headers["content-type"] == "application/problem+json"
    assert answer.json() == {"type": "https://dutygraph.example/problems/internal-error", "title": "Internal error",
                             "title_zh": "服务器内部错误", "status": 500,
                             "detail": "the server failed to answer; its log has the cause",
                             "detail_zh": "服务器处理出错，详见服务日志", "instance": "/api/test-fault"}


def test_filters_name_what_the_graph_holds(client: TestClient) -> None:
    """A mistyped filter is a 404 naming what is there, never an empty answer that reads as 'nothing found'."""
    unknown = client.get("/api/queries/orphan_supervision_items", params={"region": "火星市"})
    assert unknown.status_code == 404
    assert unknown.json()["detail_zh"] == "图中没有区划“火星市”；已有：示例市、示例市/河西区、示例市/青山县，及其下的乡镇（街道）"
    assert client.get("/api/queries/who_handles", params={"text": "拖欠工资", "region": "火星市"}).status_code == 404
    # A county for the city the split is asked of says so, and names its city (user test: 青山县 was "no city").
    for county_name in ("示例市/青山县", "青山县"):
        county = client.get("/api/queries/power_split", params={"city": county_name})
        assert county.status_code == 404 and (county.json()["detail"], county.json()["detail_zh"]) == (
            "'示例市/青山县' is a county, not a city: ask for its city, 示例市",
            "“示例市/青山县”是县（区），不是市；请查询其所属的市：示例市")
    assert client.get("/api/queries/power_split", params={"city": "火星市"}).json()["detail_zh"] == \
        "图中没有市“火星市”；已有：示例市"
    # A county asks of its city's split by naming itself, as at the command line (it was a 422, city required);
    # naming neither is a 400 saying what to give.
    assert client.get("/api/queries/power_split", params={"region": "青山县"}).json() == \
        client.get("/api/queries/power_split", params={"city": "示例市", "region": "示例市/青山县"}).json()
    assert client.get("/api/queries/power_split").json()["detail_zh"] == (
        "查询有误：查询 power_split 缺少参数 city（如 示例市），或给出所在市的区划 region（如 青山县）")
    # A bare name is the one region of the graph that bears it.
    bare = client.get("/api/queries/host_assist_ambiguities", params={"region": "青山县"})
    assert bare.status_code == 200 and bare.json()["total"] > 0 and bare.json() == \
        client.get("/api/queries/host_assist_ambiguities", params={"region": "示例市/青山县"}).json()
    # An empty filter is no filter, as forms send it.
    assert client.get("/api/departments", params={"region": ""}).json()["total"] == 26
    assert client.get("/api/queries/undecomposed_duties", params={"department": ""}).json()["total"] == \
        client.get("/api/queries/undecomposed_duties").json()["total"]
    # A department filter is found as /api/departments/{name} finds it: by alias too, and a typo is a 404.
    by_alias = client.get("/api/queries/undecomposed_duties", params={"department": "市城管局"}).json()
    assert {row["department"] for row in by_alias["items"]} == {"示例市城市管理和综合执法局"}
    assert client.get("/api/queries/undecomposed_duties", params={"department": "示例市宇宙局"}).status_code == 404
    share = client.get("/api/queries/power_split/matters", params={"city": "示例市", "domain": "交通运输", "share": "x"})
    assert share.status_code == 422
    assert client.get("/api/queries/who_handles", params={"text": " \u3000"}).status_code == 422
    nul = client.get("/api/departments", params={"region": "示例市\x00"})
    assert nul.status_code == 422 and nul.json()["detail_zh"] == "请求中含有空字符（%00）"


def test_a_bare_name_borne_by_several_departments_lists_them(client: TestClient) -> None:
    several = client.get("/api/departments/市场监督管理局")
    assert several.status_code == 404
    assert several.json()["detail_zh"] == ("“市场监督管理局”对应 3 个部门：河西区市场监督管理局、示例市市场监督管理局、"
                                           "青山县市场监督管理局，请写全称")
    assert client.get("/api/departments/应急管理局").status_code == 404
    assert client.get("/api/departments/自然资源和规划局").json()["department"]["name"] == "示例市自然资源和规划局"


@pytest.mark.parametrize(("typed", "name"), [
    ("青山县市场监管局", "青山县市场监督管理局"), ("示例市市场监管局", "示例市市场监督管理局"),
    ("市监局", "示例市市场监督管理局"), ("示例市城管局", "示例市城市管理和综合执法局")])
def test_a_short_name_is_read_as_the_ingest_reads_it(client: TestClient, typed: str, name: str) -> None:
    """User test 5: the page's 部门 box took 市市场监管局 (an alias) but not 青山县市场监管局 or 市监局."""
    assert client.get(f"/api/departments/{typed}").json()["department"]["name"] == name
    undecomposed = client.get("/api/queries/undecomposed_duties", params={"department": typed, "limit": 1000})
    assert undecomposed.status_code == 200
    assert {row["department"] for row in undecomposed.json()["items"]} <= {name}


def _read_as(answer: Any) -> str | None:
    header = answer.headers.get("x-dutygraph-read-as")
    return None if header is None else unquote(header)


def test_a_reading_is_said_in_the_profile_and_in_a_header_of_every_answer(client: TestClient) -> None:
    """The user is told how a name that is not the department's own was read (市监局 is the city's, which a county's
    staff may not have meant), as the CLI says it on stderr: in the profile's read_as_zh, and on JSON, CSV and
    Excel answers alike in X-Dutygraph-Read-As (percent-encoded: headers are Latin-1)."""
    county = client.get("/api/departments/青山县市监局")
    assert county.status_code == 200 and county.json()["department"]["name"] == "青山县市场监督管理局"
    assert county.json()["read_as_zh"] == _read_as(county) == "“青山县市监局”读作：青山县市场监督管理局"
    assert county.headers["x-dutygraph-read-as"] == quote("“青山县市监局”读作：青山县市场监督管理局")
    city = client.get("/api/departments/市监局", params={"format": "csv", "table": "facts"})
    assert city.status_code == 200 and _read_as(city) == "“市监局”读作：示例市市场监督管理局"
    # The full name and an alias (a plate its 三定 lists, a name a list wrote) are taken as written: nothing said.
    for name in ("示例市市场监督管理局", "市知识产权局", "县市场监管局"):
        asked = client.get(f"/api/departments/{name}")
        assert (asked.json()["read_as_zh"], _read_as(asked)) == (None, None), name
    # A department filter, and a search that reads the text as one department.
    overlaps = client.get("/api/queries/overlaps", params={"department": "市监局", "limit": 1000})
    assert _read_as(overlaps) == "“市监局”读作：示例市市场监督管理局"
    assert overlaps.json() == client.get("/api/queries/overlaps", params={"department": "示例市市场监督管理局",
                                                                         "limit": 1000}).json()
    undecomposed = client.get("/api/queries/undecomposed_duties", params={"department": "青山县市监局", "format": "xlsx"})
    assert undecomposed.status_code == 200 and _read_as(undecomposed) == "“青山县市监局”读作：青山县市场监督管理局"
    search = client.get("/api/departments", params={"q": "青山县市监局"})
    assert [row["department"] for row in search.json()["items"]] == ["青山县市场监督管理局"]
    assert _read_as(search) == "“青山县市监局”读作：青山县市场监督管理局"
    # Text in names, or a name several departments bear, is no reading of one: nothing said.
    for q in ("交通", "市场监管局"):
        assert _read_as(client.get("/api/departments", params={"q": q})) is None, q
    several = client.get("/api/departments/市场监管局")
    assert several.status_code == 404 and _read_as(several) is None


@pytest.mark.parametrize(("path", "name"), [
    ("/api/queries/overlaps", "职责交叉"), ("/api/queries/host_assist_ambiguities", "主办协办不清"),
    ("/api/queries/undecomposed_duties", "职责分解"), ("/api/queries/staffing_load", "编制负荷"),
    ("/api/queries/orphan_supervision_items", "三不管事项")])
def test_a_single_table_workbook_has_a_chinese_file_and_sheet_name(client: TestClient, path: str, name: str) -> None:
    """User test 5: overlaps.xlsx with a sheet called overlaps."""
    answer = client.get(path, params={"format": "xlsx"})
    assert unquote(answer.headers["content-disposition"].split("''")[1]) == f"{name}.xlsx"
    assert list(_sheets(answer.content)) == [name, "查询条件"]


def test_a_short_name_of_every_region_lists_them_or_takes_the_region_filtered_on(client: TestClient) -> None:
    several = client.get("/api/queries/overlaps", params={"department": "住建局"})
    assert several.status_code == 404 and several.json()["detail_zh"] == (
        "“住建局”对应 3 个部门：河西区住房和城乡建设局、示例市住房和城乡建设局、青山县住房和城乡建设局，请写全称")
    county = client.get("/api/queries/overlaps", params={"department": "市场监管局", "region": "示例市/青山县",
                                                         "scope": "levels", "limit": 1000}).json()["items"]
    assert county and all("青山县市场监督管理局" in {m["department"] for m in c["members"]} for c in county)


def test_a_query_parameter_given_twice_is_refused(client: TestClient) -> None:
    """The last of two values silently won (user test); and the answers say that Accept chooses their form."""
    twice = client.get("/api/departments", params=[("limit", "1"), ("limit", "2")])
    assert (twice.status_code, twice.json()["detail_zh"]) == (422, "请求参数无效：查询参数 limit 给了 2 次（1、2），只能给一次")
    assert client.get("/api/departments", params={"limit": 1}).headers["vary"] == "Accept"


def test_an_unknown_query_parameter_is_refused_naming_the_one_meant(client: TestClient) -> None:
    """A misspelt filter was ignored: ?regoin=示例市 answered every region's overlaps, as if unfiltered."""
    misspelt = client.get("/api/queries/overlaps", params={"regoin": "示例市"})
    assert misspelt.status_code == 422 and misspelt.headers["content-type"] == "application/problem+json"
    assert misspelt.json() == {
        "type": "https://dutygraph.example/problems/unknown-parameter", "title": "Unknown query parameter",
        "title_zh": "未知的查询参数", "status": 422,
        "detail": "unknown query parameter 'regoin' (did you mean 'region'?); "
                  "this endpoint takes region, department, threshold, scope, settled, limit, offset, format",
        "detail_zh": "请求参数无效：未知的查询参数 regoin（是否应为 region？）；"
                     "此接口可用的查询参数：region、department、threshold、scope、settled、limit、offset、format",
        "instance": "/api/queries/overlaps"}
    # Every endpoint alike, the parameters of its dependencies (city) counted as its own; nothing close, no guess.
    split = client.get("/api/queries/power_split", params={"city": "示例市", "planet": "火星"}).json()
    assert split["detail_zh"] == "请求参数无效：未知的查询参数 planet；此接口可用的查询参数：city、region、format、table"
    assert client.get("/api/stats", params={"limit": "5"}).json()["detail_zh"] == \
        "请求参数无效：未知的查询参数 limit；此接口可用的查询参数：format、table"
    assert client.get("/api/regions", params={"Limit": "5"}).json()["detail_zh"] == \
        "请求参数无效：未知的查询参数 Limit（是否应为 limit？）；此接口可用的查询参数：limit、offset、format"
    both = client.get("/api/departments", params={"regoin": "示例市", "ofset": "2"}).json()
    assert both["detail"] == ("unknown query parameter 'regoin' (did you mean 'region'?); unknown query parameter "
                              "'ofset' (did you mean 'offset'?); this endpoint takes region, q, parties, limit, offset, format")
    healthz = client.get("/healthz", params={"verbose": "1"})
    assert healthz.status_code == 422
    assert healthz.json()["detail_zh"] == "请求参数无效：未知的查询参数 verbose；此接口不接受查询参数"
    keyed = client.post("/api/cypher", params={"timeout": "9"}, json={"query": "RETURN 1 AS one"}, headers=AUTH)
    assert keyed.json()["detail_zh"] == "请求参数无效：未知的查询参数 timeout；此接口可用的查询参数：format"
    # What the web page sends still answers (api/web/static/app.js): its forms' fields, empty ones included.
    for path, params in [("/api/queries/overlaps", {"region": "", "threshold": "0.6", "scope": "departments",
                                                    "limit": "1000"}),
                         ("/api/queries/who_handles", {"text": "拖欠工资", "region": "", "limit": "5"}),
                         ("/api/queries/power_split/matters", {"city": "示例市", "domain": "交通运输",
                                                               "share": "shared"}),
                         ("/api/regions", {"limit": "1000"}), ("/api/departments", {"limit": "1000"})]:
        assert client.get(path, params=params).status_code == 200, path
    assert client.get("/", params={"from": "bookmark"}).status_code == 200  # the page itself is a browser's


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _sheets(content: bytes) -> dict[str, list[tuple[object, ...]]]:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def test_who_handles_power_split_and_the_network_export_as_the_other_analyses_do(client: TestClient) -> None:
    """format=csv|xlsx and the Accept header were ignored there: JSON came back whatever was asked for."""
    who = client.get("/api/queries/who_handles", params={"text": "公司拖欠工资三个月", "region": "示例市", "limit": 2,
                                                         "format": "csv"})
    assert who.headers["content-type"] == "text/csv; charset=utf-8"
    # The English name stays the plain filename (programs read it as before); filename* names the view in Chinese.
    assert who.headers["content-disposition"] == (
        "attachment; filename=\"who_handles.csv\"; filename*=UTF-8''%E8%B0%81%E6%9D%A5%E7%AE%A1.csv")
    assert unquote(who.headers["content-disposition"].split("''")[1]) == "谁来管.csv"
    lines = who.content.decode("utf-8-sig").splitlines()
    assert lines[0] == ("名次,部门,区划,内设机构,相关度,难以区分,依据不足,图中无其职责,配合（职责分工）,牵头未定,"
                        "行业主管（管行业必须管安全）,管行业必须管安全条款,条款出处,条款来源类别,乡镇赋权说明,"
                        "需确定事发地乡镇（街道）,图中无其三定,需确定事发地（市、县）,市县事权划分说明,职责交叉编号,"
                        "职责交叉说明,依据")
    # The evidence, a list of objects, flattened as the CLI's tables and the report flatten it.
    assert lines[1].startswith("1,示例市人力资源和社会保障局,示例市,劳动关系与监察科（劳动人事争议仲裁院）,47.766,,,,,,,,,,,,,,,,,"
                               "（类型：内设机构职责；职责内容：负责劳动保障监察和拖欠农民工工资违法行为查处；"
                               "内设机构：劳动关系与监察科（劳动人事争议仲裁院）；")
    assert len(lines) == 3
    by_accept = client.get("/api/queries/who_handles", params={"text": "公司拖欠工资三个月", "region": "示例市"},
                           headers={"Accept": XLSX})
    assert [row[:2] for row in _sheets(by_accept.content)["谁来管"][:2]] == [("名次", "部门"),
                                                                                  (1, "示例市人力资源和社会保障局")]

    # Two tables: Excel holds a sheet each, with Chinese names and titles; a CSV holds the one named.
    split = _sheets(client.get("/api/queries/power_split", params={"city": "示例市", "format": "xlsx"}).content)
    assert list(split) == ["事权划分", "事权划分冲突", "县级权责清单未列", "各县（区）对比", "县（区）间差异", "查询条件"]
    assert split["县级权责清单未列"][:2] == [
        ("事项", "划分方式", "区划", "部门", "其权责清单所列事项数", "出处"),
        ("农村公路建设养护管理", "市县共有", "示例市/青山县", "青山县交通运输局", 4,
         "市县事权划分清单（shixian_shiquan.xlsx）工作表“市场监管和城乡建设”序号10（第11行）")]
    assert split["事权划分"][:2] == [("领域", "划分方式", "事项数", "各区划事项数", "事项"),
                                 ("交通运输", "市级专有", 2, "示例市 2", "港口经营许可；网络预约出租汽车经营许可")]
    assert len(split["事权划分"]) == 1 + len(client.get("/api/queries/power_split", params={"city": "示例市"})
                                            .json()["cells"])
    conflicts = client.get("/api/queries/power_split", params={"city": "示例市", "format": "csv", "table": "conflicts"})
    assert conflicts.headers["content-disposition"].startswith('attachment; filename="power_split-conflicts.csv"; ')
    assert unquote(conflicts.headers["content-disposition"].split("''")[1]) == "示例市-市县事权-事权划分冲突.csv"
    assert conflicts.content.decode("utf-8-sig").splitlines()[:2] == [
        "事项,冲突类型,部门,出处,持有区划,涉及部门",
        # 出处: the split list's row that gives the matter to the counties, then the city's power list's row.
        "道路普通货物运输经营许可,县级专有事项仍列入市级部门权责清单,示例市交通运输局,"
        "市县事权划分清单（shixian_shiquan.xlsx）工作表“市场监管和城乡建设”序号7（第8行）、"
        "权责清单（quanze_shi_multi.xlsx）工作表“市交通运输局”编号1（第2行）,"
        "示例市/河西区、示例市/青山县,河西区交通运输局、示例市交通运输局、青山县交通运输局"]
    network = _sheets(client.get("/api/queries/coordination_network", params={"region": "示例市"},
                                 headers={"Accept": XLSX}).content)
    assert {name: rows[0] for name, rows in network.items()} == {
        "部门协同": ("部门", "关联部门数", "中介中心度", "事项数"),
        "部门间共同事项": ("部门甲", "部门乙", "共同事项数", "共同事项"),  # names here, where nodes count them
        "上下对口": ("县（区）部门", "县（区）", "市级对口部门", "一对多"), "查询条件": ("项目", "内容")}
    assert len(network["上下对口"]) == 13
    counterparts = client.get("/api/queries/coordination_network", params={"format": "xlsx", "table": "counterparts"})
    assert list(_sheets(counterparts.content)) == ["上下对口", "查询条件"]
    # A CSV of an answer of several tables without choosing one: refused, saying how to get it.
    several = client.get("/api/queries/coordination_network", headers={"Accept": "text/csv"})
    assert several.status_code == 406 and several.headers["content-type"] == "application/problem+json"
    assert several.json()["detail_zh"] == ("coordination_network 的结果有 3 张表（nodes、edges、counterparts）：请用 "
                                           "table=nodes 或 table=edges 或 table=counterparts 选择其中一张，"
                                           "或改用 format=xlsx（每张表一个工作表）")
    # JSON answers every table, as before.
    assert set(client.get("/api/queries/power_split", params={"city": "示例市", "table": "cells"}).json()) == \
        {"cells", "conflicts", "unlisted", "counties", "differences"}
    assert client.get("/api/queries/power_split", params={"city": "示例市", "table": "x"}).status_code == 422


# Every read endpoint the API documents, with parameters that make its answer hold each kind of row on the sample
# corpus (a list that came back empty would check nothing: the test insists on at least one row of each list).
# Read endpoints the sample corpus answers nothing for, held to their schema on a corpus of their own (the module named).
CHECKED_ELSEWHERE = {"/api/queries/transferred_still_held",  # tests/api/test_transfers_http.py
                     "/api/queries/township_duties",  # tests/api/test_township_http.py
                     "/api/queries/list_changes",  # tests/api/test_list_changes_http.py
                     "/api/queries/power_item_review",  # tests/api/test_power_review_http.py
                     "/api/queries/city_departments",  # tests/api/test_city_departments_http.py
                     "/api/report",  # tests/api/test_report_http.py (files only: Word, Excel, Markdown)
                     "/api/tenure", "/api/tenure/readable"}  # tests/api/test_tenure.py
_READ_ENDPOINTS = {
    "/api/stats": {}, "/api/departments": {"limit": 1000}, "/api/regions": {}, "/api/matters": {"limit": 1000},
    "/api/regions/counts": {"region": "青山县"},
    "/api/documents": {"limit": 1000}, "/api/documents/row_numbers": {"limit": 1000}, "/api/departments/{name}": {},
    "/api/queries/overlaps": {"limit": 1000}, "/api/queries/orphan_supervision_items": {},
    "/api/queries/host_assist_ambiguities": {"limit": 1000}, "/api/queries/undecomposed_duties": {"limit": 1000},
    "/api/queries/staffing_load": {"limit": 1000},
    "/api/queries/who_handles": {"text": "公司拖欠工资三个月", "limit": 3},
    "/api/queries/power_split": {"city": "示例市"}, "/api/queries/coordination_network": {},
    "/api/queries/power_split/matters": {"city": "示例市", "domain": "交通运输", "share": "shared"},
    "/api/queries/counterpart_duties": {"department": "青山县市场监督管理局", "limit": 1000},
    "/api/queries/duties_in_force": {"department": "示例市交通运输局", "date": "2021-06-30", "limit": 1000},
    "/api/queries/duties_in_force/readable": {"department": "示例市交通运输局", "date": "2021-06-30"},
}
_JSON_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "array": list,
               "object": dict, "null": type(None)}


def _resolve(spec: dict, schema: dict) -> dict:  # type: ignore[type-arg]
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _conforms(spec: dict, schema: dict, value: object, where: str) -> list[str]:  # type: ignore[type-arg]
    """Where `value` strays from the documented `schema`: a field either has and the other lacks (in order), or a
    value of another type or outside an enumeration. Empty when it conforms."""
    schema = _resolve(spec, schema)
    if "anyOf" in schema:
        tries = [_conforms(spec, option, value, where) for option in schema["anyOf"]]
        return [] if any(not found for found in tries) else min(tries, key=len)
    kind = schema.get("type")
    if kind is not None and (not isinstance(value, _JSON_TYPES[kind])
                             or (kind in {"integer", "number"} and isinstance(value, bool))):
        return [f"{where}: {value!r} is no {kind}"]
    if ("enum" in schema and value not in schema["enum"]) or ("const" in schema and value != schema["const"]):
        return [f"{where}: {value!r} is not one of {schema.get('enum', [schema.get('const')])}"]
    if isinstance(value, list):
        return [gap for index, item in enumerate(value) for gap in _conforms(spec, schema["items"], item,
                                                                             f"{where}[{index}]")]
    if isinstance(value, dict) and "properties" in schema:
        documented = list(schema["properties"])
        if list(value) != documented:
            return [f"{where}: answered {list(value)}, documented {documented}"]
        return [gap for key, item in value.items()
                for gap in _conforms(spec, schema["properties"][key], item, f"{where}.{key}")]
    if isinstance(value, dict):
        return [gap for key, item in value.items()
                for gap in _conforms(spec, schema["additionalProperties"], item, f"{where}.{key}")]
    return []


def test_openapi_documents_the_rows_each_read_endpoint_answers(client: TestClient) -> None:
    """The query endpoints were documented as untyped objects; now each has the schema of its rows, held here to the
    live answers, field by field and in order (a CSV's columns), so that the documents and the answers cannot drift."""
    spec = client.get("/openapi.json").json()
    reads = {path for path, operations in spec["paths"].items() if "get" in operations and path.startswith("/api/")}
    assert reads == set(_READ_ENDPOINTS) | CHECKED_ELSEWHERE
    for path, params in _READ_ENDPOINTS.items():
        schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        answer = client.get(path.replace("{name}", "示例市交通运输局"), params=params).json()
        assert _resolve(spec, schema).get("type") in {"object", "array"}, path
        assert _conforms(spec, schema, answer, path) == []
        lists = {key: rows for key, rows in (answer.items() if isinstance(answer, dict) else [("", answer)])
                 if isinstance(rows, list)}
        assert all(lists.values()), f"{path}: an empty list checks nothing: {[k for k, v in lists.items() if not v]}"
    # The checker does see a stray or missing field, a wrong type and a code outside the documented ones.
    rows = spec["paths"]["/api/queries/staffing_load"]["get"]["responses"]["200"]["content"]["application/json"]
    row = client.get("/api/queries/staffing_load", params={"limit": 1}).json()
    assert _conforms(spec, rows["schema"], {**row, "extra": 1}, "p") != []
    assert _conforms(spec, rows["schema"], {**row, "items": [{**row["items"][0], "outlier": "odd"}]}, "p") == [
        "p.items[0].outlier: 'odd' is not one of ['understaffed', 'overstaffed', '']"]
    assert _conforms(spec, rows["schema"], {**row, "total": "26"}, "p") == ["p.total: '26' is no integer"]
    # The models give an empty answer's file its columns: a header, where there was an empty file.
    none = client.get("/api/queries/orphan_supervision_items", params={"region": "示例市/青山县", "format": "csv"})
    assert none.content.decode("utf-8-sig") == "区划,编码,事项,监管对象,依据,出处,建议责任部门\r\n"


def _upload_example(client: TestClient, name: str) -> dict[str, int]:
    """Upload one bundled 三定 under 示例市; its new_in_graph."""
    files = [("files", (name, (EXAMPLES / "sanding" / name).read_bytes(), "text/plain"))]
    answer = client.post("/api/documents", files=files, data={"region": "示例市"}, headers=AUTH)
    assert answer.status_code == 200 and [a["file"] for a in answer.json()["added"]] == [name]
    return answer.json()["new_in_graph"]  # type: ignore[no-any-return]


def test_two_uploads_at_once_each_count_only_what_they_added(tmp_path: Path) -> None:
    """new_in_graph was the whole graph's growth over an upload, so with two at once each reported the other's
    nodes as well (the second to finish: two documents). Now the two reports add up to the graph's growth."""
    from concurrent.futures import ThreadPoolExecutor

    settings = Settings(DUTYGRAPH_STORE=f"embedded:{tmp_path / 'data'}", DUTYGRAPH_API_KEYS=KEY)
    with TestClient(create_app(settings)) as fresh:
        def upload(name: str) -> dict[str, int]:
            return _upload_example(fresh, name)

        base = upload("hexi_zhujian.txt")  # the regions and what the two share, before they run at once
        assert base["documents"] == 1 and base["regions"] == 2
        before = fresh.get("/api/stats").json()["labels"]
        with ThreadPoolExecutor(2) as pool:
            first, second = pool.map(upload, ["hexi_jiaotong.txt", "hexi_jiaoyu.txt"])
        after = fresh.get("/api/stats").json()["labels"]
    assert first["documents"] == second["documents"] == 1
    assert first["departments"] >= 1 and second["departments"] >= 1 and first["duties"] and second["duties"]
    labels = {"regions": "Region", "departments": "Department", "offices": "Office", "duties": "Duty",
              "matters": "Matter", "power_items": "PowerItem", "supervision_items": "SupervisionItem",
              "documents": "Document"}
    assert {key: first[key] + second[key] for key in labels} == \
        {key: after.get(label, 0) - before.get(label, 0) for key, label in labels.items()}


WENLV = "示例市文化广电旅游体育局"
WENLV_SANDING = "《示例市文化广电旅游体育局职能配置、内设机构和人员编制规定》"


def test_a_department_profile_downloads_a_sheet_per_part_and_a_csv_per_table(client: TestClient) -> None:
    """The 部门 view had no download: its profile answered JSON whatever was asked for."""
    path = f"/api/departments/{WENLV}"
    answer = client.get(path, params={"format": "xlsx"})
    assert answer.headers["content-type"] == XLSX
    # Each department's profile downloads under its own name.
    assert answer.headers["content-disposition"].startswith('attachment; filename="department_profile.xlsx"; ')
    assert unquote(answer.headers["content-disposition"].split("''")[1]) == f"{WENLV}-部门画像.xlsx"
    sheets = _sheets(answer.content)
    assert {name: rows[0] for name, rows in sheets.items()} == {
        # Each fact an 编办 checks followed by the clause it was read from (fields version 22).
        "部门概况": ("名称", "区划", "类型", "规格", "规格所据条款", "主管部门", "主管部门所据条款", "编制",
                 "核定编制（未计通知划转）", "调整通知划转编制", "实有人数", "实有人数统计时点", "领导职数", "调整通知增减领导职数",
                 "调整通知增减领导职数（按级别）", "领导职数明细", "内设机构领导职数", "编制数所据条款", "内设机构数（三定所列）",
                 "内设机构数所据条款", "内设机构所据条款", "别名（牌子）", "三定日期", "机构改革日期（无本部门三定）", "机构沿革",
                 "编制数据来源"),
        # What a 调整 notice since the 三定 made of each clause (all 现行 here: no notice is loaded).
        # and, for a duty carried from a body a 机构改革 replaced, which body and the notice's clause.
        "部门职责": ("职责类别", "序号", "职责内容", "承接的内设机构", "现状", "调整通知所述的职责", "划转的对方部门",
                 "出处", "承继自（机构改革前部门）", "承继依据（调整通知条款）"),
        "内设机构职责": ("内设机构", "序号", "职责内容", "现状", "调整通知所述的职责", "划转的对方部门", "出处",
                   "承继自（机构改革前部门）", "承继依据（调整通知条款）"),
        "牵头事项": ("事项", "依据", "出处"),
        "配合事项": ("事项", "依据", "出处"),
        "权责事项": ("事项", "类型", "编码", "承办科室", "设定依据（实施依据）", "责任事项", "追责情形", "出处"),
        "认领的监管事项": ("事项", "监管对象", "编码", "设定依据", "出处"),
        "职责交叉": ("范围", "组", "相似度", "已明确牵头", "事项", "部门", "内设机构", "职责", "出处", "承继自（机构改革前部门）"),
        "主办协办不清": ("事项", "区划", "牵头部门", "配合部门", "主办部门", "出处", "有相应职责的部门（依据）", "各出处所列部门",
                   "机构改革前名称", "图中无其三定", "较新文件所定牵头", "文件先后", "问题"),
        "职责分解": ("部门", "区划", "类型", "内设机构", "职责内容", "序号", "出处", "仍在承担的事项", "承继自（机构改革前部门）"),
        "协同部门": ("部门", "事项"),
        "查询条件": ("项目", "内容"),  # the question: the profile of which department, when
    }
    # No 实名制统计表 is loaded (实有人数 empty), and no notice moved 领导职数 (by rank: empty). The 三定 names no
    # supervisor and sets no number of offices (设下列内设机构); its 规格, 编制 and offices cite their articles.
    assert sheets["部门概况"][1:] == [(WENLV, "示例市", "政府工作部门", "正处级", f"{WENLV_SANDING}第二条", None, None, 9, 9,
                                   None, None, None, 3, None, None, "局长 1、副局长 2", 6, f"{WENLV_SANDING}第五条", None,
                                   None, f"{WENLV_SANDING}第四条", "市文物局、市文化广电旅游体育局", "2019-03-01", None,
                                   None, None)]
    # A row per duty, under its category (in the order of the JSON's categories), with the offices that carry it
    # out (未分解: none does), its source by the 三定's title.
    assert len(sheets["部门职责"]) == 1 + 17
    assert sheets["部门职责"][1] == ("组织实施", 1, "贯彻执行文化、广播电视、旅游、体育和文物方面的法律法规和政策，起草有关"
                                 "地方性法规、规章草案，拟订全市文化旅游体育事业发展规划并组织实施。",
                                     "政策法规与产业发展科（行政审批科）", "现行", None, None,
                                 f"{WENLV_SANDING}第三条(一)", None, None)
    assert [row[:2] + row[3:4] for row in sheets["部门职责"][13:]] == [
        ("监督检查", 10, "旅游发展与市场管理科"), ("监督检查", 11, "未分解"),
        ("服务保障", 12, "政策法规与产业发展科（行政审批科）、旅游发展与市场管理科"),
        ("服务保障", 16, "办公室、政策法规与产业发展科（行政审批科）"),
        ("其他", 17, "未分解")]
    # A row per office duty.
    assert len(sheets["内设机构职责"]) == 1 + 16
    assert sheets["内设机构职责"][1] == ("体育科", 1, "负责全民健身、竞技体育和青少年体育工作，指导公共体育设施和社会体育"
                                   "指导员队伍建设", "现行", None, None, f"{WENLV_SANDING}第四条(六)", None, None)
    assert sheets["牵头事项"][1:] == [("旅游市场综合监管", "示例市文化广电旅游体育局职能配置、内设机构和人员编制规定",
                                   f"{WENLV_SANDING}第六条(一)")]
    for empty in ("配合事项", "权责事项", "职责交叉", "协同部门"):  # an empty part says so under its titles
        assert sheets[empty][1:] == [("（无）",) + (None,) * (len(sheets[empty][0]) - 1)], empty
    assert sheets["认领的监管事项"][1:] == [("对旅行社经营活动的监督检查", "旅行社", "JG370001000", "《旅行社条例》第四十一条",
                                      "监管事项目录（jianguan_shi.csv）编码JG370001000（第17行）")]
    # 主办部门 as the report says it (the one lead hosts), not the raw `host` (set only where several lead).
    assert sheets["主办协办不清"][1:] == [("旅游市场综合监管", "示例市", WENLV, "有关部门", WENLV,
                                     f"{WENLV_SANDING}第六条(一)", None,
                                     f"（出处：{WENLV_SANDING}第六条(一)；牵头部门：{WENLV}；配合部门：有关部门）", None, None,
                                     None, None, "责任主体模糊（有关部门）")]
    assert sheets["职责分解"][1:] == [(WENLV, "示例市", "未分解到内设机构的职责", None, "负责旅游安全监督管理。组织指导A级"
                                   "旅游景区、旅行社的安全检查和假日旅游安全保障工作。", 11,
                                   f"{WENLV_SANDING}第三条(十一)", None, None)]

    # One field, one title: the profile's parts that are a catalog answer for one department title their columns as
    # that answer's download does (user test 5: 职责分解 called 依据 what the 职责分解 download calls 仍在承担的事项).
    for part, answer_path in (("职责分解", "undecomposed_duties"), ("主办协办不清", "host_assist_ambiguities")):
        download = _sheets(client.get(f"/api/queries/{answer_path}", params={"format": "xlsx"}).content)
        assert next(iter(download.values()))[0] == sheets[part][0]

    # A CSV holds the one table named, by its full name or an alias; an empty table still has its header.
    leads = client.get("/api/departments/市文物局", params={"format": "csv", "table": "leads"})
    assert leads.headers["content-type"] == "text/csv; charset=utf-8"
    assert leads.headers["content-disposition"].startswith('attachment; filename="department_profile-leads.csv"; ')
    assert unquote(leads.headers["content-disposition"].split("''")[1]) == "示例市文化广电旅游体育局-部门画像-牵头事项.csv"
    assert leads.content.decode("utf-8-sig") == (
        "事项,依据,出处\r\n"
        f"旅游市场综合监管,示例市文化广电旅游体育局职能配置、内设机构和人员编制规定,{WENLV_SANDING}第六条(一)\r\n")
    network = client.get(path, params={"table": "network"}, headers={"Accept": "text/csv"})
    assert network.content.decode("utf-8-sig") == "部门,事项\r\n"
    # Shared matters and overlap members: a row each, so that a spreadsheet filters them.
    jiaotong = client.get("/api/departments/示例市交通运输局", params={"format": "csv", "table": "network"})
    assert jiaotong.content.decode("utf-8-sig").splitlines()[:3] == [
        "部门,事项", "示例市人力资源和社会保障局,根治拖欠农民工工资", "示例市住房和城乡建设局,全市安全生产大检查和专项整治"]
    # Each member under its group's scope and number (the cluster's id stays in JSON): the profile's one table
    # holds 同级部门, 内设机构 and 上下级 groups, which read alike without it (user test).
    members = client.get("/api/departments/示例市交通运输局", params={"format": "csv", "table": "overlaps"})
    assert [line.split(",")[:7] for line in members.content.decode("utf-8-sig").splitlines()] == [
        ["范围", "组", "相似度", "已明确牵头", "事项", "部门", "内设机构"],
        ["同级部门", "1", "0.841", "", "互联网租赁自行车停放管理", "示例市交通运输局", ""],
        ["同级部门", "1", "0.841", "", "互联网租赁自行车停放管理", "示例市城市管理和综合执法局", ""],
        ["同级部门", "2", "0.552", "是", "全市安全生产大检查和专项整治", "示例市交通运输局", ""],
        ["同级部门", "2", "0.552", "是", "全市安全生产大检查和专项整治", "示例市应急管理局", ""],
        ["内设机构", "3", "0.601", "", "互联网租赁自行车停放管理", "示例市交通运输局", "城市客运管理科"],
        ["内设机构", "3", "0.601", "", "互联网租赁自行车停放管理", "示例市城市管理和综合执法局", "市政设施管理科"]]
    clusters = client.get("/api/departments/示例市交通运输局").json()["overlaps"]
    assert [(c["cluster_id"], c["scope"]) for c in clusters] == [
        ("C624f4ab2", "departments"), ("C1e299806", "departments"), ("C7a99cebf", "offices")]
    one_sheet = client.get(path, params={"format": "xlsx", "table": "supervision_items"})
    assert list(_sheets(one_sheet.content)) == ["认领的监管事项", "查询条件"]

    # A CSV without a table is refused, naming the tables; JSON is the profile as before, whatever `table` says.
    several = client.get(path, params={"format": "csv"})
    assert several.status_code == 406 and several.headers["content-type"] == "application/problem+json"
    assert several.json()["detail_zh"].startswith(
        "department_profile 的结果有 11 张表（facts、duties、offices、leads、assists、power_items、supervision_items、"
        "overlaps、ambiguities、undecomposed、network）：请用 table=facts 或 table=duties 或 ")
    assert client.get(path, params={"table": "leads"}).json() == client.get(path).json()
    assert client.get(path, params={"format": "csv", "table": "x"}).status_code == 422
    assert client.get(path, params={"format": "pdf"}).status_code == 400
    unknown = client.get("/api/departments/示例市宇宙局", params={"format": "xlsx"})
    assert unknown.status_code == 404 and unknown.json()["detail_zh"] == "未找到部门：示例市宇宙局"
    # OpenAPI documents the files, the tables to choose from and the 406.
    operation = client.get("/openapi.json").json()["paths"]["/api/departments/{name}"]["get"]
    assert set(operation["responses"]["200"]["content"]) == {"application/json", "text/csv", XLSX}
    assert operation["responses"]["406"]["content"]["application/problem+json"]["example"]["status"] == 406
    table = next(p for p in operation["parameters"] if p["name"] == "table")
    assert table["schema"]["anyOf"][0]["enum"] == ["facts", "duties", "offices", "leads", "assists", "power_items",
                                                   "supervision_items", "overlaps", "ambiguities", "undecomposed",
                                                   "network"]
    assert [p["name"] for p in operation["parameters"]] == ["name", "format", "table"]


def test_new_in_graph_leaves_out_what_another_writer_adds_meanwhile(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process's writes (a CLI ingest, a second worker) were counted as the upload's when new_in_graph was
    the graph's growth. Here a real ingest of another file runs on the same store just as the upload's starts."""
    from api.routes import documents_upload
    from graph.store import Store
    from ingest.pipeline import ingest
    from ingest.regions import Region
    from queries.catalog import label_counts

    beside: list[dict[str, int]] = []

    def ingest_with_a_writer_beside(paths: list[Path], store: Store, **options: object) -> object:
        start = label_counts(store)
        ingest([EXAMPLES / "sanding" / "hexi_jiaoyu.txt"], store, region=Region(("示例市",)))
        beside.append({label: count - start.get(label, 0) for label, count in label_counts(store).items()})
        return ingest(paths, store, **options)  # type: ignore[arg-type]

    settings = Settings(DUTYGRAPH_STORE=f"embedded:{tmp_path / 'data'}", DUTYGRAPH_API_KEYS=KEY)
    with TestClient(create_app(settings)) as fresh:
        def upload(name: str) -> dict[str, int]:
            return _upload_example(fresh, name)

        upload("hexi_zhujian.txt")
        before = fresh.get("/api/stats").json()["labels"]
        monkeypatch.setattr(documents_upload, "ingest", ingest_with_a_writer_beside)
        added = upload("hexi_jiaotong.txt")
        after = fresh.get("/api/stats").json()["labels"]
    # The writer beside: the education bureau, the two parties it names, its matter; the upload: its own bureau.
    assert {key: value for key, value in beside[0].items() if key not in {"Term", "Meta"}} == {
        "Department": 3, "Document": 1, "Duty": 21, "Matter": 1, "Office": 8, "Region": 0}
    assert added == {"regions": 0, "departments": 1, "offices": 5, "duties": 22, "matters": 0, "power_items": 0,
                     "supervision_items": 0, "documents": 1}
    labels = {"regions": "Region", "departments": "Department", "offices": "Office", "duties": "Duty",
              "matters": "Matter", "documents": "Document"}
    assert {key: added[key] + beside[0].get(label, 0) for key, label in labels.items()} == \
        {key: after.get(label, 0) - before.get(label, 0) for key, label in labels.items()}


def test_cors_only_for_the_origins_named(tmp_path: Path) -> None:
    """Another government system's page calling the API from its own origin (ops user test: a 405 and no headers)."""
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{tmp_path}", DUTYGRAPH_CORS_ORIGINS="https://a.gov.cn, https://b.gov.cn")
    with TestClient(create_app(settings)) as cors:
        asked = cors.options("/api/stats", headers={"Origin": "https://b.gov.cn", "Access-Control-Request-Method": "GET"})
        assert (asked.status_code, asked.headers["access-control-allow-origin"]) == (200, "https://b.gov.cn")
        # The system that uploaded a document by mistake takes it out again from its page.
        removal = cors.options("/api/documents/doc:0123456789abcdef",
                               headers={"Origin": "https://a.gov.cn", "Access-Control-Request-Method": "DELETE",
                                        "Access-Control-Request-Headers": "Authorization"})
        assert (removal.status_code, removal.headers["access-control-allow-methods"]) == (
            200, "GET, HEAD, POST, DELETE")
        answer = cors.get("/api/stats", headers={"Origin": "https://a.gov.cn"})
        assert answer.headers["access-control-allow-origin"] == "https://a.gov.cn"
        # A file's name, how a department named was read (市监局 → the city's) and why an empty answer is empty:
        # another origin's page reads them all.
        assert answer.headers["access-control-expose-headers"] == (
            "Content-Disposition, X-Dutygraph-Read-As, X-Dutygraph-Empty-Note")
        assert "access-control-allow-origin" not in cors.get("/api/stats", headers={"Origin": "https://c.gov.cn"}).headers
    with TestClient(create_app(Settings(DUTYGRAPH_STORE=f"embedded:{tmp_path}"))) as plain:
        assert "access-control-allow-origin" not in plain.get("/api/stats", headers={"Origin": "https://a.gov.cn"}).headers


def test_a_region_s_counts_are_its_own_and_those_below_it(client: TestClient) -> None:
    """The page's 概览 for one 区划 (county user test: it counted the whole graph): a county's nodes with its
    townships', 0 for a label it holds none of; without a region, the whole graph's, as /api/stats counts them."""
    county = client.get("/api/regions/counts", params={"region": "青山县"})
    assert county.json() == {"region": "示例市/青山县", "labels": {
        # Department: the 原县农业局 the 水利局's 三定 names is one of them (a body the reform abolished).
        "Region": 3, "Department": 10, "Office": 43, "Duty": 161, "Matter": 26, "PowerItem": 26, "SupervisionItem": 0,
        "Document": 10}}
    whole = client.get("/api/regions/counts").json()
    stats = client.get("/api/stats").json()["labels"]
    assert whole == {"region": None, "labels": {label: stats[label] for label in whole["labels"]}}
    assert client.get("/api/regions/counts", params={"region": "示例市"}).json()["labels"] == whole["labels"]
    assert client.get("/api/regions/counts", params={"region": "火星"}).status_code == 404
