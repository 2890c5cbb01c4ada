"""duties_in_force after a 调整 notice took work from a department, over HTTP (JSON, the page's readable form, a CSV
file) and at the command line; and the warning of two 三定 texts of one date."""

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
from tests.queries.test_duties_moved_out import _REISSUE, CITY_MANAGEMENT, FIXTURES

_2020 = "《临川市城市管理局职能配置、内设机构和人员编制规定》（2020年）"
_NOTICE = "《关于调整临川市城市管理局职责机构编制的通知》"


@pytest.fixture(scope="module")
def adjusted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 城市管理局's 2020 and 2024 三定, the 2022 notice that took work from it, the 住建局's 三定; and the 河道管理局's
    2019 三定 with a corrected reissue of the same 施行日期. Loaded by the command line."""
    texts = tmp_path_factory.mktemp("adjusted-texts")
    for path in FIXTURES.iterdir():
        (texts / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (texts / "river_2019.txt").write_text(_2019, encoding="utf-8")
    (texts / "river_reissue.txt").write_text(_REISSUE, encoding="utf-8")
    store = tmp_path_factory.mktemp("adjusted-store")
    loaded = run("ingest", str(texts), "--region", "临川市", store=store)
    assert loaded.returncode == 0, loaded.stderr
    return store


@pytest.fixture(scope="module")
def client(adjusted: Path) -> Iterator[TestClient]:
    yield from serving(adjusted)


def test_a_duty_the_notice_moved_out_over_http(client: TestClient) -> None:
    answer = client.get("/api/queries/duties_in_force", params={"department": "城管局", "date": "2022年7月1日"}).json()
    [lighting] = [row for row in answer["items"] if row["text"] == "负责城市照明设施的运行维护。" and not row["office"]]
    assert {key: lighting[key] for key in ("status", "change", "counterpart", "changed_on")} == {
        "status": "transferred", "change": "城市照明设施运行维护", "counterpart": "临川市住房和城乡建设局",
        "changed_on": "2022-06-01"}
    assert lighting["change_source"].endswith("#一、")
    assert [(d["kind"], d["in_force_from"]) for d in answer["documents"]] == [
        ("sanding", "2020-01-01"), ("amendment", "2022-06-01")]
    assert answer["warning_zh"] is None


def test_the_page_s_readable_answer(client: TestClient) -> None:
    answer = client.get("/api/queries/duties_in_force/readable",
                        params={"department": CITY_MANAGEMENT, "date": "2022-07-01"}).json()
    assert (answer["department"], answer["date"], answer["note_zh"]) == (CITY_MANAGEMENT, "2022-07-01", None)
    assert answer["documents"] == [
        {"kind": "三定规定", "title": _2020, "doc_number": "", "issued": "", "in_force_from": "2020-01-01"},
        {"kind": "调整职责机构编制通知", "title": _NOTICE, "doc_number": "", "issued": "2022-06-01",
         "in_force_from": "2022-06-01"}]
    table = answer["table"]
    assert (table["name"], table["title"]) == ("duties_in_force", "某日施行的职责")
    assert table["columns"] == ["部门", "内设机构", "序号", "职责类别", "职责内容", "承接的内设机构", "施行日期",
                                "出处（当时施行的文件）", "当日状态", "通知所述的职责", "划转的对方部门",
                                "变更依据（调整通知条款）", "变更施行日期"]
    assert table["rows"][3][4:] == ["负责城市照明设施的运行维护。", "照明科", "2020-01-01", f"{_2020}第三条(四)",
                                    "已划出", "城市照明设施运行维护", "临川市住房和城乡建设局", f"{_NOTICE}一、",
                                    "2022-06-01"]
    assert [row[8] for row in table["rows"][:5]] == ["现行", "已取消", "已下放", "已划出", "现行"]
    assert answer["statuses"][:5] == ["current", "cancelled", "devolved", "transferred", "current"]


def test_the_readable_answer_refuses_as_the_json_one(client: TestClient) -> None:
    refused = client.get("/api/queries/duties_in_force/readable", params={"department": CITY_MANAGEMENT,
                                                                          "date": "2022-02-30"})
    assert refused.status_code == 422
    assert refused.json()["detail_zh"] == "请求参数无效：日期 date 应写作 2021-06-30 或 2021年6月30日，而不是“2022-02-30”"
    empty = client.get("/api/queries/duties_in_force/readable", params={"department": CITY_MANAGEMENT,
                                                                        "date": "2019-12-31"}).json()
    assert (empty["note_zh"], empty["documents"], empty["table"]["rows"]) == (
        "无 2019-12-31 时施行的三定：图中该部门最早的三定自 2020-01-01 起施行", [], [])
    assert len(empty["table"]["columns"]) == 13
    assert client.get("/api/queries/duties_in_force/readable", params={"department": "没有这个局",
                                                                       "date": "2022-07-01"}).status_code == 404


def test_the_csv_file_says_why(client: TestClient) -> None:
    answer = client.get("/api/queries/duties_in_force", params={"department": CITY_MANAGEMENT, "date": "2022-07-01",
                                                                "format": "csv"})
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[2][8:] == ["已取消", "户外广告设置审批", "", f"{_NOTICE}二、", "2022-06-01"]


def test_two_texts_of_one_date_are_warned_of(client: TestClient, adjusted: Path) -> None:
    answer = client.get("/api/queries/duties_in_force", params={"department": "临川市河道管理局",
                                                                "date": "2021-06-30"}).json()
    warning = "2019-03-01 起施行的三定有 2 份不同文本：按印发日期最晚（2019-02-20）的一份作答，其余的印发日期为 未注明"
    assert answer["warning_zh"] == warning
    assert [d["issued"] for d in answer["documents"]] == ["2019-02-20"]
    said = run("query", "duties_in_force", "--param", "department=临川市河道管理局", "--param", "date=2021-06-30",
               "--format", "csv", store=adjusted)
    assert said.returncode == 0, said.stderr
    # What the rows rest on, one line each, as the page lists it above them.
    assert said.stderr.splitlines() == [
        "临川市河道管理局 2021-06-30 时施行的文件（职责 5 条）：",
        "  三定规定 《临川市河道管理局职能配置、内设机构和人员编制规定》（river_reissue.txt），2019-03-01 起施行",
        f"注意：{warning}"]
    assert "负责河道采砂的监督管理和行政执法。" in said.stdout and "负责河道采砂的监督管理。" not in said.stdout


def test_the_command_line_says_the_status(adjusted: Path) -> None:
    said = run("query", "duties_in_force", "--param", f"department={CITY_MANAGEMENT}", "--param", "date=2022-07-01",
               "--format", "csv", store=adjusted)
    assert said.returncode == 0, said.stderr
    rows = list(csv.reader(io.StringIO(said.stdout.lstrip("\ufeff"))))
    assert [row[8] for row in rows[1:6]] == ["现行", "已取消", "已下放", "已划出", "现行"]
    assert said.stderr.splitlines() == [f"{CITY_MANAGEMENT} 2022-07-01 时施行的文件（职责 {len(rows) - 1} 条）：",
                                        "  三定规定 《临川市城市管理局职能配置、内设机构和人员编制规定》（2020年），2020-01-01 起施行",
                                        f"  调整职责机构编制通知 {_NOTICE}，2022-06-01 起施行"]


def test_a_department_without_a_sanding_is_answered_from_the_notice(client: TestClient, adjusted: Path) -> None:
    """The 排水管理局 has no 三定 in the graph: the 水务局's notice moved work into it, which is answered, said to be
    only that (`note_zh` beside the rows; on stderr at the command line)."""
    note = ("无 2023-06-30 时施行的三定：图中没有该部门的三定；"
            "所列仅为其时已施行的调整职责机构编制通知所定的职责变动，不是该部门的全部职责")
    answer = client.get("/api/queries/duties_in_force", params={"department": "临川市排水管理局",
                                                                "date": "2023-06-30"}).json()
    assert [(r["text"], r["status"], r["counterpart"], r["changed_on"]) for r in answer["items"]] == [
        ("城市排水设施运行维护", "current", "临川市水务局", "2023-03-01")]
    assert (answer["note_zh"], [d["kind"] for d in answer["documents"]]) == (note, ["amendment"])
    said = run("query", "duties_in_force", "--param", "department=临川市排水管理局", "--param", "date=2023-06-30",
               "--format", "csv", store=adjusted)
    assert said.returncode == 0, said.stderr
    assert said.stderr.splitlines() == ["临川市排水管理局 2023-06-30 时施行的文件（职责 1 条）：",
                                        f"  调整职责机构编制通知 {_NOTICE.replace('城市管理局职责', '水务局职责')}，"
                                        "2023-03-01 起施行", f"注意：{note}"]


def test_today_s_duties_at_the_command_line(adjusted: Path) -> None:
    said = run("query", "department_duties", "--param", "department=临川市水务局", "--format", "csv", store=adjusted)
    assert said.returncode == 0, said.stderr
    rows = list(csv.reader(io.StringIO(said.stdout.lstrip("\ufeff"))))
    assert rows[0][7:10] == ["现状", "调整通知所述的职责", "划转的对方部门"]
    assert [row[7:10] for row in rows[1:3]] == [["部分划出", "城市排水设施运行维护", "临川市排水管理局"],
                                                ["已划出", "河道采砂监督管理", "临川市自然资源局"]]
