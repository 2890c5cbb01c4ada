"""An exported file says what was asked (its 查询条件): a who_handles download, a department read by abbreviation, the
report's workbook, Word and Markdown files; and, with SOURCE_DATE_EPOCH, two exports of one answer are the same
bytes. The file must stand on its own, attached to a case file away from the product (user test: a 纪委监委
investigator's who_handles Excel recorded neither the text nor the region)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import docx
import openpyxl
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings
from graph.store import open_store
from queries import catalog
from tests.api.test_cli import loaded  # noqa: F401  (the examples, ingested by the command line)

REPO = Path(__file__).resolve().parents[2]
EPOCH = "1714521600"  # 2024-05-01 00:00:00 UTC
BEIJING = "Asia/Shanghai"
# The rows every file ends with: the graph the sample corpus makes, the time SOURCE_DATE_EPOCH gives (in 北京时间,
# the machine's zone here) and the tool.
HELD = ("图谱", "已载入文件 37 份，最新印发日期 2021-06-18")
AT = ("导出时间", "2024-05-01 08:00:00（UTC+08:00）")
TOOL = ("导出工具", f"dutygraph {version('dutygraph')}")


@pytest.fixture(scope="module")
def client(loaded: Path) -> Iterator[TestClient]:  # noqa: F811
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", BEIJING)
        time.tzset()
        settings = Settings(DUTYGRAPH_STORE=f"embedded:{loaded}", SOURCE_DATE_EPOCH=EPOCH)
        with TestClient(create_app(settings)) as test_client:
            yield test_client
    time.tzset()


def _cli(*args: str, store: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DUTYGRAPH_STORE": f"embedded:{store}", "SOURCE_DATE_EPOCH": EPOCH, "TZ": BEIJING}
    return subprocess.run([sys.executable, "-m", "api.cli", *args], capture_output=True, text=True, env=env, cwd=REPO,
                          timeout=300)


def _version(store: Path) -> tuple[str, str]:
    """The graph's write counter as the files give it (its epoch is drawn anew with each graph)."""
    graph = open_store(f"embedded:{store}")
    try:
        [state] = catalog.run(graph, "graph_state")
    finally:
        graph.close()
    return ("图谱版本", f"第 {state['version']} 次写入（图谱编号 {state['epoch'][:8]}）")


def _asked(content: bytes) -> tuple[list[str], list[tuple[object, ...]]]:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return workbook.sheetnames, list(workbook["查询条件"].iter_rows(values_only=True))


def test_a_who_handles_download_says_its_text_region_graph_and_time(client: TestClient,
                                                                     loaded: Path) -> None:  # noqa: F811
    answer = client.get("/api/queries/who_handles", params={"text": "公司拖欠工资三个月", "region": "河西区", "limit": 2,
                                                            "format": "xlsx"})
    sheets, asked = _asked(answer.content)
    # Last: a program reading the first sheet reads the ranking, its titles in row 1, as before.
    assert sheets == ["谁来管", "查询条件"]
    assert asked == [("项目", "内容"), ("查询", "谁来管（who_handles）"), ("诉求或事项文本", "公司拖欠工资三个月"),
                     ("区划", "河西区（读作：示例市/河西区）"), ("返回部门数", "2"), HELD, _version(loaded), AT, TOOL]
    first = openpyxl.load_workbook(io.BytesIO(answer.content)).active  # the sheet the file opens on
    assert first is not None and first.title == "谁来管"
    assert [cell.value for cell in first[1]][:2] == ["名次", "部门"]
    # The CSV of the same answer stays one plain table: titles in row 1, no question.
    csv = client.get("/api/queries/who_handles", params={"text": "公司拖欠工资三个月", "region": "河西区", "limit": 2,
                                                         "format": "csv"})
    assert "查询条件" not in csv.content.decode("utf-8-sig")
    assert csv.content.decode("utf-8-sig").splitlines()[0].startswith("名次,部门,区划")


def test_a_department_named_by_abbreviation_is_recorded_as_typed_and_as_read(client: TestClient,
                                                                             loaded: Path) -> None:  # noqa: F811
    # A page's limit and offset are not the question: the file holds every row.
    answer = client.get("/api/queries/undecomposed_duties", params={"department": "市监局", "limit": 3,
                                                                    "format": "xlsx"})
    assert _asked(answer.content) == (["职责分解", "查询条件"], [
        ("项目", "内容"), ("查询", "职责分解（undecomposed_duties）"), ("部门", "市监局（读作：示例市市场监督管理局）"),
        ("相似度阈值", "0.5（默认）"), HELD, _version(loaded), AT, TOOL])


def test_a_named_query_from_the_command_line_records_its_reading(loaded: Path, tmp_path: Path) -> None:  # noqa: F811
    workbook = tmp_path / "duties.xlsx"
    written = _cli("query", "department_duties", "--param", "department=市监局", "--format", "xlsx", "-o",
                   str(workbook), store=loaded)
    assert written.returncode == 0, written.stderr
    assert _asked(workbook.read_bytes()) == (["department_duties", "查询条件"], [
        ("项目", "内容"), ("查询", "一个部门及其内设机构的现行职责（department_duties）"),
        ("部门", "市监局（读作：示例市市场监督管理局）"), HELD, _version(loaded), AT, TOOL])


REPORT_ASKED = [("项目", "内容"), ("查询", "职责图谱评估报告（report）"), ("部门", "青山县市监局（读作：青山县市场监督管理局）"),
                ("依据文件", "8 份，见“依据文件”一节")]  # its 权责清单 among them, whose items it lists


def test_the_report_s_files_say_what_they_answer(loaded: Path, tmp_path: Path) -> None:  # noqa: F811
    workbook, word = tmp_path / "r.xlsx", tmp_path / "r.docx"
    for path in (workbook, word):
        written = _cli("report", "--department", "青山县市监局", "--format", path.suffix[1:], "-o", str(path),
                       store=loaded)
        assert written.returncode == 0, written.stderr
    sheets, asked = _asked(workbook.read_bytes())
    assert (sheets[0], sheets[-2:]) == ("摘要", ["依据文件", "查询条件"])
    assert asked == [*REPORT_ASKED, HELD, _version(loaded), AT, TOOL]
    # Word: under the title, before the contents, as a 编办's report states its scope on its first page.
    document = docx.Document(str(word))
    assert [paragraph.text for paragraph in document.paragraphs[:4]] == [
        "职责图谱评估报告（青山县市场监督管理局）", "查询条件", "", "目录"]
    assert [tuple(cell.text for cell in row.cells) for row in document.tables[0].rows] == \
        [*REPORT_ASKED, HELD, _version(loaded), AT, TOOL]
    assert document.core_properties.created.isoformat() == "2024-05-01T00:00:00+00:00"
    markdown = _cli("report", "--department", "青山县市监局", "--format", "md", store=loaded).stdout.splitlines()
    assert markdown[:7] == ["# 职责图谱评估报告（青山县市场监督管理局）", "", "## 查询条件", "", "| 项目 | 内容 |", "|---|---|",
                            "| 查询 | 职责图谱评估报告（report） |"]
    assert markdown[9:14] == [f"| {HELD[0]} | {HELD[1]} |", "| {} | {} |".format(*_version(loaded)),
                              f"| {AT[0]} | {AT[1]} |", f"| {TOOL[0]} | {TOOL[1]} |", ""]


def test_with_source_date_epoch_two_exports_are_the_same_bytes(client: TestClient, loaded: Path,  # noqa: F811
                                                               tmp_path: Path) -> None:
    params = {"text": "公司拖欠工资三个月", "region": "示例市", "format": "xlsx"}
    first = client.get("/api/queries/who_handles", params=params).content
    time.sleep(2)  # a zip entry's time counts in 2 seconds: the second file is written in another
    assert client.get("/api/queries/who_handles", params=params).content == first
    # Every entry of the zip, and the file's 创建 and 修改 times, are SOURCE_DATE_EPOCH's.
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2024, 5, 1, 0, 0, 0)}
    properties = openpyxl.load_workbook(io.BytesIO(first)).properties
    assert (properties.created.isoformat(), properties.modified.isoformat()) == ("2024-05-01T00:00:00",) * 2
    words = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for path in words:
        assert _cli("report", "--region", "示例市/青山县", "--format", "docx", "-o", str(path),
                    store=loaded).returncode == 0
    assert words[0].read_bytes() == words[1].read_bytes()


def test_a_malformed_source_date_epoch_is_refused_before_any_work(loaded: Path, tmp_path: Path) -> None:  # noqa: F811
    env = {**os.environ, "DUTYGRAPH_STORE": f"embedded:{loaded}", "SOURCE_DATE_EPOCH": "2024-05-01"}
    refused = subprocess.run([sys.executable, "-m", "api.cli", "report", "--format", "xlsx", "-o",
                              str(tmp_path / "r.xlsx")], capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    assert (refused.returncode, refused.stderr.splitlines()) == (2, [
        "error: SOURCE_DATE_EPOCH='2024-05-01': expected whole seconds since 1970-01-01 UTC (e.g. 1714521600), or "
        "leave it unset for the current time",
        "       环境变量 SOURCE_DATE_EPOCH=2024-05-01：应为自 1970-01-01（UTC）起的整数秒数（如 1714521600），或不设置（取当前时间）"])
    assert not (tmp_path / "r.xlsx").exists()


def test_the_defaults_an_answer_used_are_listed_marked_as_defaults(client: TestClient,
                                                                   loaded: Path) -> None:  # noqa: F811
    # Given nothing, overlaps still answered for a 相似度阈值 and a 范围: the file says which, marked 默认.
    assert _asked(client.get("/api/queries/overlaps", params={"format": "xlsx"}).content)[1] == [
        ("项目", "内容"), ("查询", "职责交叉（overlaps）"), ("相似度阈值", "0.5（默认）"),
        ("范围", "departments（同级部门）（默认）"), HELD, _version(loaded), AT, TOOL]
    # A parameter given is listed as given, the others' defaults after it; a default of none (every region) is no
    # value the answer used, and a page's size is no question.
    given = client.get("/api/queries/overlaps", params={"threshold": "0.8", "limit": 3, "format": "xlsx"}).content
    assert _asked(given)[1][1:4] == [("查询", "职责交叉（overlaps）"), ("相似度阈值", "0.8"),
                                     ("范围", "departments（同级部门）（默认）")]
    # who_handles' 返回部门数 is part of the question, its default too; a switch reads 否.
    assert _asked(client.get("/api/queries/who_handles", params={"text": "公司拖欠工资三个月",
                                                                 "format": "xlsx"}).content)[1][1:4] == [
        ("查询", "谁来管（who_handles）"), ("诉求或事项文本", "公司拖欠工资三个月"), ("返回部门数", "5（默认）")]
    assert _asked(client.get("/api/departments", params={"format": "xlsx"}).content)[1][1:3] == [
        ("查询", "部门（departments）"), ("含仅见于清单或分工条款的部门", "否（默认）")]
    # An answer that takes no parameter with a default still says none was given.
    assert _asked(client.get("/api/stats", params={"format": "xlsx"}).content)[1][1:3] == [
        ("查询", "图谱规模（stats）"), ("参数", "未指定（按默认）")]


def test_the_command_line_lists_the_defaults_as_the_api_does(client: TestClient, loaded: Path,  # noqa: F811
                                                             tmp_path: Path) -> None:
    workbook = tmp_path / "overlaps.xlsx"
    written = _cli("query", "overlaps", "--param", "threshold=0.8", "--format", "xlsx", "-o", str(workbook),
                   store=loaded)
    assert written.returncode == 0, written.stderr
    over_http = client.get("/api/queries/overlaps", params={"threshold": "0.8", "format": "xlsx"}).content
    assert _asked(workbook.read_bytes())[1] == _asked(over_http)[1] == [
        ("项目", "内容"), ("查询", "职责交叉（overlaps）"), ("相似度阈值", "0.8"), ("范围", "departments（同级部门）（默认）"),
        HELD, _version(loaded), AT, TOOL]
