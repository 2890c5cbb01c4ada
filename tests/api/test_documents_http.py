"""What the API says about documents: both dates in the documents CSV, the path an uploaded copy keeps, how a list
without a title is cited."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import Store, open_store
from ingest.pipeline import ingest
from ingest.regions import Region
from tests.conftest import one_sheet_workbook
from tests.ingest.test_region_notice import COUNTY_LIST, DISTRICT_LIST, FIXTURES

KEY = "test-key-docfacts"
AUTH = {"Authorization": f"Bearer {KEY}"}

_SANDING = """发布时间: 2019-02-26
临川市河道管理局职能配置、内设机构和人员编制规定
第一条 根据《临川市机构改革方案》，制定本规定。
第二条 临川市河道管理局是市政府工作部门，为正处级。
第三条 临川市河道管理局负责全市河道管理工作。主要职责是：
（一）负责河道堤防的日常管理和维护。
第四条 临川市河道管理局设下列内设机构：
（一）办公室。负责机关日常运转。
第五条 临川市河道管理局机关行政编制12名。
第六条 本规定自2019年3月1日起施行。
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("docfacts-store")


@pytest.fixture
def graph(folder: Path) -> Iterator[Store]:
    store = open_store(f"embedded:{folder}")
    store.clear()
    store.apply_schema()
    yield store
    store.close()


@pytest.fixture
def client(folder: Path, graph: Store) -> Iterator[TestClient]:
    settings = Settings(DUTYGRAPH_STORE=f"embedded:{folder}", DUTYGRAPH_API_KEYS=KEY)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_the_documents_csv_titles_issue_and_effective_dates(client: TestClient, graph: Store, tmp_path: Path) -> None:
    path = tmp_path / "hedao.txt"
    path.write_text(_SANDING, encoding="utf-8")
    assert ingest([path], graph).failed == []
    lines = client.get("/api/documents", params={"format": "csv"}).content.decode("utf-8-sig").splitlines()
    # Its uid is for programs (JSON): people read the document by its title and path.
    assert lines[0] == "标题,文件类型,区划,印发日期,施行日期,文号,文件路径,文本不完整,说明条数,自有标题的工作表,工作表标题"
    assert lines[1].split(",")[:7] == ["临川市河道管理局职能配置、内设机构和人员编制规定", "三定规定", "临川市",
                                        "2019-02-26", "2019-03-01", "", str(path)]
    # JSON keeps the code a program matches on; the file, read by people, says it in Chinese (user test).
    assert client.get("/api/documents").json()["items"][0]["kind"] == "sanding"
    regions = client.get("/api/regions", params={"format": "csv"}).content.decode("utf-8-sig").splitlines()
    assert regions == ["区划路径,名称,层级,上级区划,有三定的部门数,区划状态", "临川市,临川市,市,,1,"]


def _paths(graph: Store) -> list[str]:
    return [row["path"] for row in graph.read("MATCH (d:Document) RETURN d.path AS path ORDER BY path")]


def test_an_uploaded_copy_keeps_the_path_its_document_was_loaded_from(client: TestClient, graph: Store,
                                                                        tmp_path: Path) -> None:
    path = tmp_path / "hedao.txt"
    path.write_text(_SANDING, encoding="utf-8")
    assert ingest([path], graph).failed == []
    copy = [("files", ("河道局三定.txt", _SANDING.encode(), "text/plain"))]
    answer = client.post("/api/documents", files=copy, headers=AUTH).json()
    assert [added["file"] for added in answer["added"]] == ["河道局三定.txt"]
    assert answer["new_in_graph"]["documents"] == 0
    assert _paths(graph) == [str(path)]
    # A file the graph never held records the name it was uploaded as.
    other = _SANDING.replace("河道堤防的日常管理和维护", "河道采砂的监督管理")
    new = client.post("/api/documents", files=[("files", ("caisha.txt", other.encode(), "text/plain"))], headers=AUTH)
    assert new.json()["new_in_graph"]["documents"] == 1
    assert _paths(graph) == sorted([str(path), "caisha.txt"])


def test_an_upload_names_every_bad_row_of_a_list_and_loads_none_of_it(client: TestClient, graph: Store) -> None:
    """User test 5: an uploaded list with two bad rows named only the first; and a row's second bad cell was named
    only once its first was fixed."""
    rows = ("编号,事项名称,领域,划分方式,适用区县\n1,户外广告设置审批,城市管理,市县分担,全部\n"
            "2,门店招牌设置备案,城市管理,县级专有,全部\n3,,城市管理,县分担,全部\n")
    files = [("files", ("shixian_bad.csv", rows.encode("utf-8-sig"), "text/csv"))]
    answer = client.post("/api/documents", files=files, data={"region": "临川市"}, headers=AUTH).json()
    assert answer["added"] == []
    assert answer["failed"] == [{
        "file": "shixian_bad.csv",
        "error": "shixian_bad.csv: expected every row of the list to be readable (2 rows are not)\n"
                 "shixian_bad.csv:2: expected a 划分方式 of 市级专有, 县级专有, 市县共有 or 委托 (or a 行使层级 of 市, 县 or "
                 "市、县), found '市县分担' (sheet shixian_bad; column D 划分方式)\n"
                 "shixian_bad.csv:4: expected every cell of the row to be readable (sheet shixian_bad; 2 cells are not)\n"
                 "  column B 事项名称: expected a 事项名称 (the cell is empty)\n"
                 "  column D 划分方式: expected a 划分方式 of 市级专有, 县级专有, 市县共有 or 委托 (or a 行使层级 of 市, 县 or "
                 "市、县), found '县分担'",
        "error_zh": "shixian_bad.csv：清单有 2 行无法读取，逐行如下（改正后重新导入整个文件）\n"
                    "shixian_bad.csv第 2 行 D 列“划分方式”：划分方式应为 市级专有、县级专有、市县共有 或 委托"
                    "（或行使层级为“市”“县”或“市、县”），实为“市县分担”\n"
                    "shixian_bad.csv第 4 行有 2 处无法读取：\n"
                    "  B 列“事项名称”：事项名称为空\n"
                    "  D 列“划分方式”：划分方式应为 市级专有、县级专有、市县共有 或 委托（或行使层级为“市”“县”或“市、县”），"
                    "实为“县分担”"}]
    assert graph.read("MATCH (n) WHERE NOT n:Meta RETURN count(n) AS n") == [{"n": 0}]


def test_an_upload_s_bad_row_in_a_workbook_names_its_sheet(client: TestClient, graph: Store, tmp_path: Path) -> None:
    path = one_sheet_workbook(tmp_path, [["序号", "事项名称", "权力类型", "实施主体"], [1, "取水许可", "", "临川市水利局"]])
    files = [("files", ("quanze.xlsx", path.read_bytes(), "application/octet-stream"))]
    failed = client.post("/api/documents", files=files, headers=AUTH).json()["failed"]
    assert [(f["error"], f["error_zh"]) for f in failed] == [
        ("quanze.xlsx:2: expected a 权力类型 (the cell is empty) (sheet 清单; column C 权力类型)",
         "quanze.xlsx工作表“清单”第 2 行 C 列“权力类型”：权力类型为空")]


def test_an_upload_for_a_region_one_character_off_a_known_one_says_so(client: TestClient, graph: Store,
                                                                         tmp_path: Path) -> None:
    # 临州市 for 临川市 made a second city holding the upload, without a word (user test). The warning names the file
    # as uploaded, not the server's temporary copy, and the form's field, not the command line's flag.
    path = tmp_path / "hedao.txt"
    path.write_text(_SANDING, encoding="utf-8")
    assert ingest([path], graph).failed == []
    bianjie = "序号,事项名称,牵头部门,配合部门\n1,河道采砂管理,市河道管理局,市公安局\n".encode()
    files = [("files", ("bianjie.csv", bianjie, "text/csv"))]
    # A region the graph does not hold is refused, naming those it holds, unless it is to be created (user test:
    # 火星市 was created with a county and departments, and nothing takes a region away).
    refused = client.post("/api/documents", files=files, data={"region": "临州市"}, headers=AUTH)
    # The English names the field, for programs; the Chinese, which the page shows, the page's box (user test:
    # `new_region=true` reached the page).
    assert (refused.status_code, refused.json()["type"], refused.json()["detail"], refused.json()["detail_zh"]) == (
        422, "https://dutygraph.example/problems/unknown-region",
        "no region '临州市' in the graph; it has: 临川市; to create it, send new_region=true with it",
        "图中没有区划“临州市”；已有：临川市；如确为新的区划，请勾选“新建区划”后重新上传")
    assert graph.read("MATCH (r:Region {path: '临州市'}) RETURN count(r) AS n") == [{"n": 0}]
    answer = client.post("/api/documents", files=files, data={"region": "临州市", "new_region": "true"},
                         headers=AUTH).json()
    # The page cannot clear the graph (it told its user to): the file is taken out (its new region with it), then
    # uploaded under the region the graph has.
    chinese = ("区划 临州市 在图中不存在，与已有的 临川市 只差一个字：已作为新区划载入；若应为 临川市，请在本页“已载入的文件”中"
               "移除该文件，之后在“区划”中选择已有的 临川市 重新上传")
    assert answer["added"][0]["warnings"] == [
        "bianjie.csv: the region field 临州市 is new to the graph, which has 临川市: loaded into a new region 临州市; if 临川市 "
        f"was meant, take the file out (DELETE /api/documents/{{uid}}), then upload again with region 临川市; {chinese}"]
    assert answer["added"][0]["warnings_zh"] == [chinese]
    # The region as the graph has it, or one apart from every known one, says nothing.
    for region in ("临川市", "示例市"):
        again = client.post("/api/documents", files=files, data={"region": region, "new_region": "true"},
                            headers=AUTH).json()
        assert again["added"][0]["warnings"] == []
    # A bare name is the graph's region that bears it, not a new one beside it.
    county = [("files", ("bianjie_sm.csv", "序号,事项名称,牵头部门,配合部门\n1,山塘巡查,县水利局,县应急管理局\n".encode(),
                         "text/csv"))]
    assert client.post("/api/documents", files=county, data={"region": "临川市/石门县", "new_region": "true"},
                       headers=AUTH).status_code == 200
    bare = client.post("/api/documents", files=[("files", ("bianjie_sm2.csv", "序号,事项名称,牵头部门,配合部门\n"
                                                          "1,山塘除险,县水利局,县应急管理局\n".encode(), "text/csv"))],
                       data={"region": "石门县"}, headers=AUTH)
    assert bare.status_code == 200, bare.text
    assert sorted(row["path"] for row in graph.read("MATCH (r:Region) RETURN r.path AS path")) == [
        "临川市", "临川市/石门县", "临州市", "示例市"]
    assert graph.read("MATCH (m:Matter {name: '山塘除险'}) RETURN m.region AS region") == [{"region": "临川市/石门县"}]


def test_an_uploaded_corrected_list_says_what_it_replaced(client: TestClient, graph: Store) -> None:
    """User test of a data steward: a corrected list uploaded as …_v2 stood beside the old one, both counted."""
    first = "序号,边界事项,牵头部门,配合部门\n1,河道采砂管理,市河道管理局,市公安局\n"
    corrected = "序号,边界事项,牵头部门,配合部门\n1,河道采砂管理,市公安局,市河道管理局\n"
    upload = [("files", ("采砂清单.csv", first.encode(), "text/csv"))]
    assert client.post("/api/documents", files=upload, data={"region": "临川市"}, headers=AUTH).status_code == 200
    upload = [("files", ("采砂清单_v2.csv", corrected.encode(), "text/csv"))]
    answer = client.post("/api/documents", files=upload, data={"region": "临川市"}, headers=AUTH).json()
    assert [(added["file"], added["replaced"]) for added in answer["added"]] == [("采砂清单_v2.csv", ["采砂清单.csv"])]
    assert _paths(graph) == ["采砂清单_v2.csv"]
    # Both uploaded at once: the later given loads, the other is said not to.
    both = [("files", ("采砂清单.csv", first.encode(), "text/csv")),
            ("files", ("采砂清单（修订）.csv", corrected.encode(), "text/csv"))]
    answer = client.post("/api/documents", files=both, data={"region": "临川市"}, headers=AUTH).json()
    assert answer["failed"] == [{"file": "采砂清单.csv",
                                 "error": "采砂清单.csv: kept as history, not loaded as current: 采砂清单（修订）.csv, "
                                          "uploaded with it, is a newer version of the same list (by the order they were read (no date "
                                          "tells them apart: the one read later is the newer))",
                                 "error_zh": "采砂清单.csv：已作为历史版本保存，未作为现行清单载入：同时上传的 采砂清单（修订）.csv 是同一清单较新的版本"
                                             "（按读入顺序（各版本的日期未能区分，后读入的为较新版本））"}]
    assert _paths(graph) == ["采砂清单_v2.csv"]


def test_an_uploaded_earlier_version_of_a_list_leaves_the_current_one(client: TestClient, graph: Store) -> None:
    """The 2022 权责清单 uploaded under the name of the 2024 one, already loaded: not loaded, and said why."""
    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "list_versions"
    for year in ("2024", "2022"):
        upload = [("files", ("权责清单.csv", (fixtures / f"quanze_{year}.csv").read_bytes(), "text/csv"))]
        answer = client.post("/api/documents", files=upload, data={"region": "示例市"}, headers=AUTH).json()
    assert (answer["added"], answer["failed"]) == ([], [{
        "file": "权责清单.csv",
        "error": "权责清单.csv: kept as history, not loaded as current: an earlier version: the current list stays (by the lists' own dates, "
                 "2024-05-10 after 2022-03-01): 《示例市市级权责清单》 权责清单.csv; to have this one instead, the graph's "
                 "administrator removes the current one first",
        "error_zh": "权责清单.csv：已作为历史版本保存，未作为现行清单载入：较早版本，未替换现行清单（2024年5月10日）：按清单所署日期（2024-05-10 晚于 "
                    "2022-03-01）：《示例市市级权责清单》 权责清单.csv；如应以此版本为准，请联系管理员先移除现行清单，再上传"}])
    assert graph.read("MATCH (d:Document) RETURN d.issued AS issued") == [{"issued": "2024-05-10"}]


# -- the lists a 撤县设区 pairs or unpairs, named in the upload's and DELETE's answers as `dutygraph ingest` (按撤县设区
# 重新载入的区清单) and `dutygraph remove` (撤县设区已移除) name them: over HTTP neither was said -------------------------

CITY = Region(("示例市",))
DISTRICT = Region(("示例市", "青山区"))


def _uid(graph: Store, name: str) -> str:
    rows = graph.read("MATCH (d) WHERE (d:Document OR d:ListVersion) AND d.path ENDS WITH $name RETURN d.uid AS uid",
                      {"name": name})
    assert len(rows) == 1, rows
    return str(rows[0]["uid"])


def _upload_pifu(client: TestClient) -> dict[str, object]:
    files = [("files", ("pifu.txt", (FIXTURES / "pifu.txt").read_bytes(), "text/plain"))]
    answer = client.post("/api/documents", files=files, data={"region": "示例市"}, headers=AUTH)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_the_district_list_an_uploaded_rename_pairs_is_named(client: TestClient, graph: Store) -> None:
    assert ingest(COUNTY_LIST, graph, region=CITY).failed == []
    assert ingest([DISTRICT_LIST], graph, region=DISTRICT).failed == []
    answer = _upload_pifu(client)
    district = _uid(graph, DISTRICT_LIST.name)
    # The csv's have no title: the label is the path, region and uid.
    assert (answer["relisted"], answer["not_relisted"]) == ([f"{DISTRICT_LIST} (示例市/青山区, {district})"], [])


def test_the_lists_a_removed_rename_unpairs_are_named(client: TestClient, graph: Store) -> None:
    assert ingest(COUNTY_LIST, graph, region=CITY).failed == []
    assert ingest([FIXTURES / "pifu.txt"], graph, region=CITY).failed == []
    assert ingest([DISTRICT_LIST], graph, region=DISTRICT).failed == []
    answer = client.delete(f"/api/documents/{_uid(graph, 'pifu.txt')}", headers=AUTH)
    assert answer.status_code == 200, answer.text
    county_list = COUNTY_LIST[-1]
    assert (answer.json()["unpaired"], answer.json()["not_unpaired"]) == ([
        {"uid": _uid(graph, county_list.name), "path": str(county_list), "title": "",
         "kind": "boundary", "region": "示例市/青山县"},
        {"uid": _uid(graph, DISTRICT_LIST.name), "path": str(DISTRICT_LIST), "title": "",
         "kind": "boundary", "region": "示例市/青山区"}], [])


def test_a_pair_whose_file_changed_is_named_as_still_paired(client: TestClient, graph: Store, tmp_path: Path) -> None:
    district = tmp_path / DISTRICT_LIST.name
    shutil.copy(DISTRICT_LIST, district)
    assert ingest(COUNTY_LIST, graph, region=CITY).failed == []
    assert ingest([FIXTURES / "pifu.txt"], graph, region=CITY).failed == []
    assert ingest([district], graph, region=DISTRICT).failed == []
    district.write_text(district.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    answer = client.delete(f"/api/documents/{_uid(graph, 'pifu.txt')}", headers=AUTH).json()
    assert answer["unpaired"] == []
    assert [(Path(row["path"]).name, row["region"], row["history"], row["failure"]) for row in answer["not_unpaired"]] \
        == [("bianjie_qingshan.csv", "示例市/青山县", True, ""), ("bianjie_qingshanqu_2022.csv", "示例市/青山区", False, "")]


# -- a removed current list's history version, current again: named as `dutygraph remove` names it (历史版本恢复为现行
# 清单); over HTTP it went unsaid ---------------------------------------------------------------------------------------

HISTORY = Path(__file__).resolve().parents[1] / "fixtures" / "list_history"
LINJIANG = Region(("临江市",))


def _two_versions(graph: Store, tmp_path: Path) -> tuple[Path, Path]:
    """临江市's boundary list of March, then its September version (current), loaded from copies in `tmp_path`."""
    march, september = tmp_path / "bianjie_2024_03.csv", tmp_path / "bianjie_2024_09.xlsx"
    shutil.copy(HISTORY / march.name, march)
    shutil.copy(HISTORY / september.name, september)
    assert ingest([march, september], graph, region=LINJIANG).failed == []
    return march, september


def test_the_list_version_a_removal_makes_current_again_is_named(client: TestClient, graph: Store,
                                                                  tmp_path: Path) -> None:
    march, september = _two_versions(graph, tmp_path)
    answer = client.delete(f"/api/documents/{_uid(graph, september.name)}", headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert (answer.json()["restored"], answer.json()["stranded"]) == ([
        {"uid": _uid(graph, march.name), "path": str(march), "title": "临江市部门职责边界清单", "kind": "boundary",
         "region": "临江市"}], [])


def test_a_history_version_whose_file_is_gone_is_named_as_not_restored(client: TestClient, graph: Store,
                                                                       tmp_path: Path) -> None:
    march, september = _two_versions(graph, tmp_path)
    march_uid = _uid(graph, march.name)
    march.unlink()
    answer = client.delete(f"/api/documents/{_uid(graph, september.name)}", headers=AUTH).json()
    assert (answer["restored"], answer["stranded"]) == ([], [
        {"uid": march_uid, "path": str(march), "title": "临江市部门职责边界清单", "kind": "boundary", "region": "临江市",
         "history": True, "failure": "", "failure_zh": ""}])
