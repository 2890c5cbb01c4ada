"""县乡事权划分清单 (县乡两级职责清单): which level answers for a matter, the county or its townships, read as a list of
its own and checked against the townships' 履行职责事项清单 (user test: a county 编办 wanted the townships' 基本履职
事项 that its division reserves to the county, and the reverse)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from graph.store import Store
from ingest.errors import RowErrors
from ingest.lists import parse_list
from ingest.model import CountyTownshipRecord
from ingest.pipeline import ingest
from ingest.sheets import read_workbook
from queries import catalog
from tests.conftest import REPO
from tests.ingest.test_township_county import ANPING, SANDING
from tests.ingest.test_township_lists import COUNTY, FIXTURES

DIVISION = REPO / "tests" / "fixtures" / "county_township" / "shiling_xianxiang.csv"


def test_a_division_reads_each_matter_s_level() -> None:
    parsed = parse_list(read_workbook(DIVISION))
    assert (parsed.kind, parsed.title) == ("county_township", "石岭县县乡两级事权划分清单")
    assert [(r.matter, r.share, r.county_text, r.township_text, r.where.row) for r in parsed.records
            if isinstance(r, CountyTownshipRecord)] == [
        ("违法用地查处", "county", "县自然资源局负责违法用地立案查处。", "发现违法用地及时报告。", 3),
        ("农村环境卫生日常保洁", "township", "", "组织开展村庄日常保洁。", 4),
        ("地质灾害隐患排查", "shared", "县自然资源局负责地质灾害防治。", "落实群测群防员。", 5),
        ("犬只登记管理", "township", "", "负责辖区犬只登记。", 6),
        ("辖区安全隐患日常巡查", "county", "县应急管理局负责生产经营单位安全检查。", "", 7)]


def test_without_a_level_column_the_texts_tell_it(tmp_path: Path) -> None:
    path = tmp_path / "xianxiang.csv"
    path.write_text("石岭县县乡职责清单\n序号,事项名称,县级职责,乡镇职责\n1,耕地保护,监督检查,日常巡查\n2,犬只登记,,登记\n"
                    "3,违法建设查处,立案查处,\n4,空白事项,,\n", encoding="utf-8")
    with pytest.raises(RowErrors) as raised:
        parse_list(read_workbook(path))
    assert [error.message for error in raised.value.errors] == [
        f"{path}:6: expected a 县级职责 or a 乡镇（街道）职责 (both cells are empty) "
        "(sheet xianxiang; columns C 县级职责 and D 乡镇职责)"]
    path.write_text(path.read_text(encoding="utf-8").replace("4,空白事项,,\n", ""), encoding="utf-8")
    assert [(r.matter, r.share) for r in parse_list(read_workbook(path)).records] == [
        ("耕地保护", "shared"), ("犬只登记", "township"), ("违法建设查处", "county")]


def _checked(store: Store, division: Path) -> tuple[list[dict[str, Any]], list[tuple[str, ...]]]:
    """安平镇's list checked against the division: its rows, and its reserved_to_county and reserved_to_township."""
    report = ingest([*SANDING, FIXTURES / "anping_lvzhi.csv", division], store, region=COUNTY)
    assert [outcome.error for outcome in report.failed] == []
    rows = catalog.run(store, "township_duties", {"township": ANPING})
    return rows, [(row["part"], row["matter"], row["finding"], row["holder"], row["evidence"],
                   row["evidence_source"].partition("#")[2]) for row in rows
                  if row["finding"] in {"reserved_to_county", "reserved_to_township"}]


def test_a_township_list_is_checked_against_the_division(store: Store) -> None:
    rows, reserved = _checked(store, DIVISION)
    assert reserved == [
        # 基本履职 work the division leaves to the county; 收回 work it leaves to the townships.
        ("basic", "辖区安全隐患日常巡查", "reserved_to_county", "石岭县", "县应急管理局负责生产经营单位安全检查。", "第7行"),
        ("reclaimed", "犬只登记管理", "reserved_to_township", "安平镇人民政府", "负责辖区犬只登记。", "第6行")]
    labels = {row["finding"]: row["finding_label"] for row in rows}
    assert (labels["reserved_to_county"], labels["reserved_to_township"]) == (
        "县乡事权划分清单列为县级事权：不应作为乡镇基本履职事项", "县乡事权划分清单列为乡镇事权，清单却列为县级部门收回：需核定由谁负责")
    # The row more stands right after the list row it is about.
    at = [(row["matter"], row["finding"]) for row in rows if row["part"] == "reclaimed"]
    assert at[-2:] == [("犬只登记管理", "not_held"), ("犬只登记管理", "reserved_to_township")]
    # Its matters are the county's, held by the county's region (no city's 市县事权 split reads them).
    assert store.read("MATCH (r:Region)-[h:HOLDS]->(m:Matter) WHERE h.tier = 'county_township' "
                      "RETURN r.path AS region, m.name AS matter, h.share AS share ORDER BY matter") == [
        {"region": "澄州市/石岭县", "matter": "农村环境卫生日常保洁", "share": "township"},
        {"region": "澄州市/石岭县", "matter": "地质灾害隐患排查", "share": "shared"},
        {"region": "澄州市/石岭县", "matter": "犬只登记管理", "share": "township"},
        {"region": "澄州市/石岭县", "matter": "辖区安全隐患日常巡查", "share": "county"},
        {"region": "澄州市/石岭县", "matter": "违法用地查处", "share": "county"}]


REWORDED = REPO / "tests" / "fixtures" / "county_township" / "shiling_xianxiang_2.csv"


def test_a_division_wording_a_matter_otherwise_still_meets_the_township_s_list(store: Store) -> None:
    # The same matters reworded (犬只登记和管理, 辖区生产安全隐患日常巡查: a word more, ratio 92 and 91), framed
    # (违法用地行为查处); 城镇环境卫生日常保洁 is another matter than the list's 农村环境卫生日常保洁 (ratio 80).
    rows, reserved = _checked(store, REWORDED)
    assert reserved == [
        ("basic", "辖区安全隐患日常巡查", "reserved_to_county", "石岭县",
         "辖区生产安全隐患日常巡查：县应急管理局负责生产经营单位安全检查。", "第6行"),
        ("reclaimed", "犬只登记管理", "reserved_to_township", "安平镇人民政府", "犬只登记和管理：负责辖区犬只登记。", "第5行")]
    assert [(row["matter"], row["finding"]) for row in rows if row["matter"] == "农村环境卫生日常保洁"] == [
        ("农村环境卫生日常保洁", "")]


TOWNSHIP_SUMMARY = [
    ("配合履职事项：牵头部门三定、权责清单未写有此项（其中无部门写有的为甩锅）", 2),
    ("上级部门收回事项：收回部门三定、权责清单未写有此项", 2),
    ("配合、收回事项：县级部门三定写有但已由调整通知划出、取消或下放", 0),
    ("上级部门收回事项：已收回仍在乡镇权责清单", 0),
    ("基本履职事项：县乡事权划分清单列为县级事权", 1),
    ("配合、收回事项：县乡事权划分清单列为乡镇事权", 1),
    ("配合、收回事项：图中没有县级部门的三定或权责清单，无法核对", 1),
    ("县赋予乡镇（街道）的执法事项：乡镇履职清单未列", 0),
    ("本县其他文件中没有的乡镇（街道）", 1)]


def test_the_report_s_summary_counts_every_township_finding(store: Store, tmp_path: Path) -> None:
    # 安平镇's list against the division (a 基本 matter the county's, a 收回 one the townships'), 民政局 with no 三定,
    # and 新村镇, whose list alone places it while the 属地 list places 安平镇 and 白沙乡.
    from queries.export import to_docx, to_markdown, to_xlsx
    from queries.report import build_report
    from tests.ingest.test_township_paragraphs import _territorial, _xincun

    assert ingest([*SANDING, _territorial(tmp_path), DIVISION], store, region=COUNTY).failed == []
    before = [row["finding"] for row in build_report(store, region="澄州市/石岭县").sections[0].rows]
    assert [finding for finding, _count in TOWNSHIP_SUMMARY if finding in before] == []  # no township list: no line
    assert ingest([_xincun(tmp_path), FIXTURES / "anping_lvzhi.csv"], store, region=COUNTY).failed == []
    report = build_report(store, region="澄州市/石岭县")
    summary = report.sections[0]
    assert (summary.key, summary.title) == ("summary", "摘要")
    mine = [(row["finding"], row["count"]) for row in summary.rows if row["finding"] not in before]
    assert mine == TOWNSHIP_SUMMARY
    assert {row["finding"]: row["action"] for row in summary.rows}["本县其他文件中没有的乡镇（街道）"] == \
        "核对乡镇（街道）名称，或是否已撤并"
    # The lines are in each of the report's forms, in the 摘要 table.
    markdown = to_markdown(report)
    assert all(f"| {finding} | {count} |" in markdown for finding, count in TOWNSHIP_SUMMARY)
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(report, as_report=True)))["摘要"]
    cells = [tuple(cell.value for cell in row[:2]) for row in sheet.iter_rows()]
    assert all(line in cells for line in TOWNSHIP_SUMMARY)
    table = docx.Document(io.BytesIO(to_docx(report))).tables[0]
    lines = [(row.cells[0].text, row.cells[1].text) for row in table.rows]
    assert all((finding, str(count)) in lines for finding, count in TOWNSHIP_SUMMARY)
