"""`dutygraph check-draft` and `dutygraph query counterpart_duties` as a drafter runs them: the tables, the files,
the refusals (exit 2) and a graph left byte for byte as it was."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl

from tests.api.test_cli import loaded, run, run_bytes  # noqa: F401  (the examples, ingested by the command line)

DRAFT = Path(__file__).resolve().parents[1] / "fixtures" / "drafts" / "qingshan_shichangjianguan_draft.txt"


def test_a_draft_checked_at_the_terminal_leaves_the_graph_as_it_was(loaded: Path) -> None:  # noqa: F811
    before = run_bytes("stats", "--format", "json", store=loaded).stdout
    checked = run("check-draft", str(DRAFT), store=loaded)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines()[0] == (
        "三定草案核对：qingshan_shichangjianguan_draft.txt（青山县市场监督管理局），对照现行三定 《青山县市场监督管理局职能"
        "配置、内设机构和人员编制规定》（2019-03-22）")
    titles = [line.removesuffix("：（无）") for line in checked.stdout.splitlines()
              if line.removesuffix("：（无）").endswith(("duties", "offices", "office_duties", "staffing", "divisions", "overlaps",
                                                        "undecomposed", "changes"))]
    assert titles == ["职责变化 duties", "内设机构变化 offices", "内设机构职责变化 office_duties", "编制和领导职数 staffing", "职责分工变化 divisions",
                      "与其他部门的职责交叉 overlaps", "未分解到内设机构的职责 undecomposed", "职能转变核对 changes"]
    assert all(word in checked.stdout for word in ("删除", "改写", "新增", "更名", "信用监督管理股", "增加", "调整"))
    assert run_bytes("stats", "--format", "json", store=loaded).stdout == before


def test_a_checked_draft_as_json_csv_excel_and_markdown(loaded: Path, tmp_path: Path) -> None:  # noqa: F811
    answer = json.loads(run("check-draft", str(DRAFT), "--format", "json", store=loaded).stdout)
    assert [len(answer[key]) for key in ("duties", "offices", "office_duties", "staffing", "divisions", "overlaps",
                                         "undecomposed", "changes")] == [3, 1, 2, 5, 1, 2, 2, 0]
    assert answer["duties"][1]["source"].endswith("#第三条(八)")  # JSON keeps the uid, for programs
    one_table = run("check-draft", str(DRAFT), "--format", "csv", store=loaded)
    assert one_table.returncode == 2 and "--table duties" in one_table.stderr
    # Named as the command typed, not by the key its tables are declared under (check_draft).
    assert one_table.stderr.startswith("error: check-draft answers 8 tables (duties, offices, office_duties, ")
    offices = run_bytes("check-draft", str(DRAFT), "--format", "csv", "--table", "offices", store=loaded).stdout
    assert offices.decode("utf-8-sig").splitlines() == [
        "变化,现行名称,草案名称,相似度,现行出处,草案条款",
        "更名,信用监管股,信用监督管理股,0.98,《青山县市场监督管理局职能配置、内设机构和人员编制规定》第四条(三),第四条(三)"]
    workbook = tmp_path / "草案核对.xlsx"
    assert run("check-draft", str(DRAFT), "--format", "xlsx", "-o", str(workbook), store=loaded).returncode == 0
    sheets = openpyxl.load_workbook(io.BytesIO(workbook.read_bytes()))
    assert sheets.sheetnames == ["职责变化", "内设机构变化", "内设机构职责变化", "编制和领导职数", "职责分工变化",
                                 "与其他部门的职责交叉", "未分解到内设机构的职责", "职能转变核对", "查询条件"]
    markdown = run("check-draft", str(DRAFT), "--format", "md", store=loaded).stdout
    assert markdown.startswith("# 三定草案核对：qingshan_shichangjianguan_draft.txt（青山县市场监督管理局）")
    assert "| 行政编制 | 24 | 26 | 增加 | 2 |" in markdown and "## 职责分工变化" in markdown


def test_what_cannot_be_checked_exits_2_saying_why(loaded: Path, tmp_path: Path) -> None:  # noqa: F811
    listed = tmp_path / "清单.csv"
    listed.write_text("事项,牵头部门\n占道经营,县城市管理局\n", encoding="utf-8")
    refused = run("check-draft", str(listed), store=loaded)
    assert refused.returncode == 2
    assert f"{listed}：三定草案应为 .txt、.html 或 .docx 文件；.csv、.xlsx 是清单，不是三定" in refused.stderr
    missing = run("check-draft", str(tmp_path / "无此文件.txt"), store=loaded)
    assert (missing.returncode, "文件不存在" in missing.stderr) == (2, True)
    unknown = run("check-draft", str(DRAFT), "--department", "青山县宇宙局", store=loaded)
    assert (unknown.returncode, "未找到部门：青山县宇宙局" in unknown.stderr) == (2, True)


def test_a_new_department_s_draft_is_all_added_with_a_note(loaded: Path, tmp_path: Path) -> None:  # noqa: F811
    draft = tmp_path / "wenlv.txt"
    draft.write_text(DRAFT.read_text(encoding="utf-8").replace("市场监督管理局", "文化和旅游局"), encoding="utf-8")
    checked = run("check-draft", str(draft), "--format", "json", store=loaded)
    assert checked.returncode == 0
    assert "图中没有青山县文化和旅游局的现行三定：草案各部分均列为新增" in checked.stderr
    assert {row["change"] for row in json.loads(checked.stdout)["duties"]} == {"added"}


def test_counterpart_duties_is_in_the_catalog_and_its_files(loaded: Path) -> None:  # noqa: F811
    assert "counterpart_duties" in run("queries", store=loaded).stdout
    table = run_bytes("query", "counterpart_duties", "--param", "department=青山县水利局", "--format", "csv",
                      store=loaded).stdout.decode("utf-8-sig").splitlines()
    assert table[0] == ("县（区）部门,县（区）,市级对口部门,对照结果,县（区）职责序号,县（区）职责,市级职责序号,市级职责,相似度,"
                        "县（区）职责出处,市级职责出处")
    assert table[2].startswith("青山县水利局,示例市/青山县,示例市水务局,与市级对应,2,负责全县水资源的统一管理和保护")
    none = run("query", "counterpart_duties", "--param", "department=示例市公安局", store=loaded)
    assert none.returncode == 0 and "该部门没有上下对口部门" in none.stderr
