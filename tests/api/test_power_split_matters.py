"""GET /api/queries/power_split/matters on the sample corpus: a cell's matters with who holds each (region,
department, the list row that says so), and only a chosen county's when one is asked for (user test 5, finding 1:
the page listed 河西区's 门店招牌设置备案 as if 青山县 held it, and named no holder)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import openpyxl
from fastapi.testclient import TestClient

from api.tabular import XLSX
from tests.api.test_http import client  # noqa: F401  (the examples, ingested under 示例市, behind the API)


def _readable(client: TestClient, rows: list[dict[str, Any]]) -> list[tuple[str, ...]]:  # noqa: F811
    """Rows with each source as its file and place (a document's uid is a hash, its path is what a reader knows)."""
    paths = {d["uid"]: Path(d["path"]).name for d in client.get("/api/documents", params={"limit": 1000}).json()["items"]}

    def place(source: str) -> str:
        uid, _, where = source.partition("#")
        return f"{paths[uid]}#{where}" if source else ""
    return [(r["matter"], r["region"], r["share"], r["role"], r["text"], place(r["source"]), r["department"],
             r["department_basis"], r["item"], place(r["item_source"])) for r in rows]


def test_a_cell_names_who_holds_each_matter(client: TestClient) -> None:  # noqa: F811
    cell = client.get("/api/queries/power_split/matters",
                      params={"city": "示例市", "domain": "交通运输", "share": "county_exclusive"}).json()
    assert (cell["domain"], cell["share"], cell["region"]) == ("交通运输", "county_exclusive", None)
    assert cell["matters"] == ["机动车维修经营备案", "道路普通货物运输经营许可"]  # as before, names only
    assert _readable(client, cell["holdings"]) == [
        ("机动车维修经营备案", "示例市/河西区", "exclusive", "holder", "", "shixian_shiquan.csv#第4行",
         "河西区交通运输局", "domain", "", ""),
        ("机动车维修经营备案", "示例市/青山县", "exclusive", "holder", "", "shixian_shiquan.csv#第4行",
         "青山县交通运输局", "domain", "", ""),
        ("道路普通货物运输经营许可", "示例市/河西区", "exclusive", "holder", "负责本行政区域内道路普通货物运输经营许可",
         "shixian_shiquan.xlsx#市场监管和城乡建设!8", "河西区交通运输局", "domain", "", ""),
        ("道路普通货物运输经营许可", "示例市/青山县", "exclusive", "holder", "负责本行政区域内道路普通货物运输经营许可",
         "shixian_shiquan.xlsx#市场监管和城乡建设!8", "青山县交通运输局", "power_item", "道路普通货物运输经营许可",
         "quanze_qingshan.csv#第18行"),
    ]


def test_a_cell_follows_the_county_asked_for(client: TestClient) -> None:  # noqa: F811
    def cell(domain: str, share: str, region: str) -> dict[str, Any]:
        answer = client.get("/api/queries/power_split/matters",
                            params={"city": "示例市", "domain": domain, "share": share, "region": region})
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    # 门店招牌设置备案 is 河西区's alone: 青山县's 城市管理 × 县级专有 cell is empty, 河西区's holds it.
    assert cell("城市管理", "county_exclusive", "示例市/青山县")["matters"] == []
    hexi = cell("城市管理", "county_exclusive", "河西区")
    assert hexi["region"] == "示例市/河西区" and hexi["matters"] == ["门店招牌设置备案"]
    assert _readable(client, hexi["holdings"]) == [
        ("门店招牌设置备案", "示例市/河西区", "exclusive", "holder", "由区城市管理和综合执法局下放至街道办事处实施",
         "shixian_shiquan.xlsx#市场监管和城乡建设!18", "河西区城市管理和综合执法局", "domain", "", "")]
    # A delegated matter: the city as principal is not 青山县's row; 青山县 is the agent.
    assert _readable(client, cell("应急管理", "delegated", "示例市/青山县")["holdings"]) == [
        ("地震监测设施和观测环境保护", "示例市/青山县", "delegated", "agent", "", "shixian_shiquan.csv#第14行",
         "青山县应急管理局", "domain", "", "")]
    # No department of 示例市 is named for 水利 (its is 水务局) and none exercises 取水许可: said as empty, not guessed.
    assert [(h["region"], h["department"], h["department_basis"])
            for h in cell("水利", "shared", "")["holdings"]] == [
        ("示例市", "", ""), ("示例市/河西区", "", ""), ("示例市/青山县", "青山县水利局", "power_item")]
    unknown = client.get("/api/queries/power_split/matters",
                         params={"city": "示例市", "domain": "交通运输", "share": "shared", "region": "火星县"})
    assert unknown.status_code == 404


def test_an_unknown_domain_is_said_not_answered_empty(client: TestClient) -> None:  # noqa: F811
    # 水力 for 水利: before, 200 and no matters, which reads as "the city has none there".
    answer = client.get("/api/queries/power_split/matters", params={"city": "示例市", "domain": "水力", "share": "shared"})
    assert answer.status_code == 404
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert (problem["title"], problem["title_zh"]) == ("Unknown domain", "未找到领域")
    assert problem["detail_zh"] == ("示例市的市县事权划分中没有领域“水力”；已有：交通运输、住房城乡建设、农业农村、卫生健康、"
                                    "城市管理、市场监管、应急管理、教育、水利、生态环境")
    # An empty domain is a malformed request (422), as an empty city is, not a domain the split lacks (404).
    for blank in ("", " "):
        malformed = client.get("/api/queries/power_split/matters", params={"city": "示例市", "domain": blank,
                                                                           "share": "shared"})
        assert malformed.status_code == 422
    assert malformed.json()["detail_zh"] == "请求参数无效：查询参数 domain：不能只有空白"
    # A share as people name it is refused naming each code with its name (user test: codes only).
    named = client.get("/api/queries/power_split/matters", params={"city": "示例市", "domain": "水利", "share": "市县共有"})
    assert (named.status_code, named.json()["detail_zh"]) == (
        422, "请求参数无效：查询参数 share：应为以下之一：city_exclusive（市级专有）、county_exclusive（县级专有）、"
             "shared（市县共有）、delegated（委托）")
    # A known domain without matters of that share is an empty cell, not an error.
    empty = client.get("/api/queries/power_split/matters", params={"city": "示例市", "domain": "水利", "share": "delegated"})
    assert (empty.status_code, empty.json()["matters"]) == (200, [])


def test_a_cell_downloads_as_csv_and_excel(client: TestClient) -> None:  # noqa: F811
    """The cell's holdings are the table an analyst downloads (user test: the endpoint answered JSON only)."""
    params = {"city": "示例市", "domain": "交通运输", "share": "county_exclusive", "region": "示例市/青山县"}
    answer = client.get("/api/queries/power_split/matters", params={**params, "format": "csv"})
    assert answer.status_code == 200, answer.text
    assert answer.content.decode("utf-8-sig").splitlines() == [
        "事项,区划,层级,划分方式,角色,本级职责,出处,部门,部门依据,实施的权责事项,权责事项出处",
        "机动车维修经营备案,示例市/青山县,县（区）,县级专有,持有,,市县事权划分清单（shixian_shiquan.csv）编号3（第4行）,青山县交通运输局,"
        "按领域推定（无对应权责事项）,,",
        "道路普通货物运输经营许可,示例市/青山县,县（区）,县级专有,持有,负责本行政区域内道路普通货物运输经营许可,"
        "市县事权划分清单（shixian_shiquan.xlsx）工作表“市场监管和城乡建设”序号7（第8行）,青山县交通运输局,实施同名权责事项,道路普通货物运输经营许可,"
        "权责清单（quanze_qingshan.csv）序号17（第18行）"]
    excel = client.get("/api/queries/power_split/matters", params=params, headers={"Accept": XLSX})
    assert excel.headers["content-type"] == XLSX


def test_a_county_s_files_hold_its_matters_and_name_it(client: TestClient) -> None:  # noqa: F811
    """The page's downloads with a county chosen: the county's matters (user test: the whole city's), in files
    named for the county, and the cell's for the cell."""
    whole = client.get("/api/queries/power_split", params={"city": "示例市"}).json()
    county = client.get("/api/queries/power_split", params={"city": "示例市", "region": "青山县"}).json()
    assert [(c["domain"], c["share"], c["matters"]) for c in county["cells"]] == [
        (c["domain"], c["share"], c["by_region"]["示例市/青山县"]) for c in whole["cells"] if "示例市/青山县" in c["by_region"]]
    split = client.get("/api/queries/power_split", params={"city": "示例市", "region": "青山县", "format": "csv",
                                                           "table": "cells"})
    assert unquote(split.headers["content-disposition"].split("''")[1]) == "青山县-市县事权-事权划分.csv"
    assert split.content.decode("utf-8-sig").splitlines()[1] == (
        "交通运输,县级专有,2,示例市/青山县 2,机动车维修经营备案；道路普通货物运输经营许可")
    cell = client.get("/api/queries/power_split/matters", params={"city": "示例市", "domain": "交通运输",
                                                                  "share": "shared", "format": "xlsx"})
    assert unquote(cell.headers["content-disposition"].split("''")[1]) == "示例市-交通运输-市县共有-市县事权格子事项.xlsx"


def test_an_empty_cell_downloads_its_titles_and_says_none(client: TestClient) -> None:  # noqa: F811
    """生态环境 · 县级专有 holds nothing in 示例市 (user test: its CSV was a bare BOM and its Excel sheet had no titles,
    a blank file Excel opens as nothing)."""
    params = {"city": "示例市", "domain": "生态环境", "share": "county_exclusive"}
    csv_file = client.get("/api/queries/power_split/matters", params={**params, "format": "csv"})
    assert csv_file.content.decode("utf-8-sig").splitlines() == [
        "事项,区划,层级,划分方式,角色,本级职责,出处,部门,部门依据,实施的权责事项,权责事项出处"]
    excel = client.get("/api/queries/power_split/matters", params={**params, "format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(excel.content)).worksheets[0]
    assert [[cell for cell in row if cell is not None] for row in sheet.iter_rows(values_only=True)] == [
        ["事项", "区划", "层级", "划分方式", "角色", "本级职责", "出处", "部门", "部门依据", "实施的权责事项", "权责事项出处"],
        ["（无）"]]


def test_the_counties_side_by_side_and_where_one_differs(client: TestClient) -> None:  # noqa: F811
    """The split's counties table and differences, as JSON and as the files the page downloads: a column per county
    by its name (user test: one county at a time on the page, paths in one cell of the CLI's table)."""
    split = client.get("/api/queries/power_split", params={"city": "示例市"}).json()
    housing = next(row for row in split["counties"] if (row["domain"], row["share"]) == ("住房城乡建设", "shared"))
    assert housing == {"domain": "住房城乡建设", "share": "shared",
                       "by_county": {"示例市/河西区": 3, "示例市/青山县": 5}, "differs": True}
    assert [(row["region"], row["kind"], row["matter"]) for row in split["differences"]][:3] == [
        ("示例市/河西区", "held_alone", "门店招牌设置备案"), ("示例市/青山县", "held_alone", "商品房预售许可"),
        ("示例市/青山县", "held_alone", "燃气经营许可")]
    side = client.get("/api/queries/power_split", params={"city": "示例市", "table": "counties", "format": "csv"})
    assert unquote(side.headers["content-disposition"].split("''")[1]) == "示例市-市县事权-各县（区）对比.csv"
    lines = side.content.decode("utf-8-sig").splitlines()
    assert (lines[0], len(lines)) == ("领域,划分方式,河西区,青山县,各县（区）不同", 1 + 19)
    assert lines[1:5] == ["交通运输,县级专有,2,2,", "交通运输,市县共有,3,3,", "住房城乡建设,县级专有,1,1,",
                          "住房城乡建设,市县共有,3,5,是"]
    # A county chosen: every county still side by side, its own differences only.
    county = client.get("/api/queries/power_split", params={"city": "示例市", "region": "河西区"}).json()
    assert county["counties"] == split["counties"]
    differences = client.get("/api/queries/power_split", params={"city": "示例市", "region": "河西区",
                                                                 "table": "differences", "format": "csv"})
    assert differences.content.decode("utf-8-sig").splitlines() == [
        "县（区）,差异,领域,划分方式,事项,出处",
        "示例市/河西区,仅此县（区）持有,城市管理,县级专有,门店招牌设置备案,"
        "市县事权划分清单（shixian_shiquan.xlsx）工作表“市场监管和城乡建设”序号17（第18行）"]
    # The cell behind a number: 青山县's 5 住建 shared matters, as the page's click asks for them.
    cell = client.get("/api/queries/power_split/matters", params={"city": "示例市", "domain": "住房城乡建设",
                                                                  "share": "shared", "region": "示例市/青山县"}).json()
    assert len(cell["matters"]) == 5
