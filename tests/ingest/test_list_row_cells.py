"""A list row's every bad cell is named at once, each by its column as the file writes it, in English and Chinese;
and every error ingest can raise carries its own Chinese text (no English is matched to find it)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from graph.store import Store
from ingest.errors import IngestError
from ingest.lists import parse_list
from ingest.pipeline import ingest
from ingest.regions import Region
from ingest.sheets import read_workbook
from tests.conftest import one_sheet_workbook

ROOT = Path(__file__).resolve().parents[2]

# A 事权划分清单 whose row 3 has an empty 事项名称 and an unknown 划分方式, and row 4 an unknown 划分方式 alone.
SPLIT_CSV = ("序号,事项名称,领域,划分方式,适用区县\n1,户外广告设置审批,城市管理,县级专有,全部\n"
             "2,,城市管理,市县分担,全部\n3,门店招牌设置备案,城市管理,县管,全部\n")


def _refused(path: Path) -> IngestError:
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    return raised.value


def test_a_csv_row_names_each_of_its_bad_cells(tmp_path: Path) -> None:
    path = tmp_path / "shixian.csv"
    path.write_text(SPLIT_CSV, encoding="utf-8")
    error = _refused(path)
    assert error.message.splitlines() == [
        f"{path}: expected every row of the list to be readable (2 rows are not)",
        f"{path}:3: expected every cell of the row to be readable (sheet shixian; 2 cells are not)",
        "  column B 事项名称: expected a 事项名称 (the cell is empty)",
        "  column D 划分方式: expected a 划分方式 of 市级专有, 县级专有, 市县共有 or 委托 (or a 行使层级 of 市, 县 or 市、县), "
        "found '市县分担'",
        f"{path}:4: expected a 划分方式 of 市级专有, 县级专有, 市县共有 or 委托 (or a 行使层级 of 市, 县 or 市、县), "
        "found '县管' (sheet shixian; column D 划分方式)",
    ]
    assert error.message_zh("shixian.csv").splitlines() == [
        "shixian.csv：清单有 2 行无法读取，逐行如下（改正后重新导入整个文件）",
        "shixian.csv第 3 行有 2 处无法读取：",
        "  B 列“事项名称”：事项名称为空",
        "  D 列“划分方式”：划分方式应为 市级专有、县级专有、市县共有 或 委托（或行使层级为“市”“县”或“市、县”），实为“市县分担”",
        "shixian.csv第 4 行 D 列“划分方式”：划分方式应为 市级专有、县级专有、市县共有 或 委托（或行使层级为“市”“县”或“市、县”），"
        "实为“县管”",
    ]


def test_an_xlsx_row_names_each_bad_cell_by_its_own_header_and_sheet(tmp_path: Path) -> None:
    # The columns are written 项目名称 and 职权类型: each cell is named as the file names it, not by the field.
    path = one_sheet_workbook(tmp_path, [["临川市水利局权责清单"], ["序号", "项目名称", "职权类型", "实施主体"],
                                         [1, None, "审批类", "临川市水利局"],
                                         [2, "取水许可", "行政许可", "临川市水利局"],
                                         [3, "河道采砂许可", "许可类", "临川市水利局"]])
    error = _refused(path)
    assert error.message.splitlines() == [
        f"{path}: expected every row of the list to be readable (2 rows are not)",
        f"{path}:3: expected every cell of the row to be readable (sheet 清单; 2 cells are not)",
        "  column B 项目名称: expected a 项目名称 (the cell is empty)",
        "  column C 职权类型: expected a 权力类型 such as 行政许可, 行政处罚 or 其他行政权力, found '审批类'",
        f"{path}:5: expected a 权力类型 such as 行政许可, 行政处罚 or 其他行政权力, found '许可类' "
        "(sheet 清单; column C 职权类型)",
    ]
    assert error.message_zh("quanze.xlsx").splitlines() == [
        "quanze.xlsx：清单有 2 行无法读取，逐行如下（改正后重新导入整个文件）",
        "quanze.xlsx工作表“清单”第 3 行有 2 处无法读取：",
        "  B 列“项目名称”：项目名称为空",
        "  C 列“职权类型”：权力类型应为 行政许可、行政处罚、其他行政权力 等，实为“审批类”",
        "quanze.xlsx工作表“清单”第 5 行 C 列“职权类型”：权力类型应为 行政许可、行政处罚、其他行政权力 等，实为“许可类”",
    ]


def test_an_empty_cell_is_said_in_the_words_of_its_header(tmp_path: Path) -> None:
    # A boundary list's matter column titled 事项名称: its empty cell was called 管理事项为空 (user test).
    path = tmp_path / "bianjie.csv"
    path.write_text("序号,事项名称,牵头部门,配合部门\n1,,示例市城市管理局,示例市公安局\n"
                    "2,共享单车停放管理,示例市交通运输局,示例市公安局\n", encoding="utf-8")
    error = _refused(path)
    assert error.message == f"{path}:2: expected a 事项名称 (the cell is empty) (sheet bianjie; column B 事项名称)"
    assert error.message_zh("bianjie.csv") == "bianjie.csv第 2 行 B 列“事项名称”：事项名称为空"
    # Under a row with a matter, a row with a 序号 of its own is its own matter: left empty, its name was taken from
    # the row above, and its lead became a second lead of that matter (user test). A row without a 序号 is the
    # matter above, one department's part of it (as cells merged over the rows export to CSV).
    path.write_text("序号,事项名称,牵头部门,配合部门\n1,建筑施工噪声污染防治,示例市生态环境局,示例市住房和城乡建设局\n"
                    ",,,示例市公安局\n2,,示例市城市管理和综合执法局,\n", encoding="utf-8")
    assert _refused(path).message_zh("bianjie.csv") == "bianjie.csv第 4 行 B 列“事项名称”：事项名称为空"
    path.write_text(path.read_text(encoding="utf-8").replace("2,,", "2,夜间施工审批,"), encoding="utf-8")
    assert [(record.matter, record.leads, record.assists) for record in parse_list(read_workbook(path)).records] == [
        ("建筑施工噪声污染防治", ["示例市生态环境局"], ["示例市住房和城乡建设局"]),
        ("建筑施工噪声污染防治", [], ["示例市公安局"]), ("夜间施工审批", ["示例市城市管理和综合执法局"], [])]


def test_a_csv_row_split_by_an_unquoted_comma_is_refused_not_read_shifted(tmp_path: Path) -> None:
    # Row 3's matter holds a comma outside quotes: its cells moved one column right, and the row was read with a
    # department named 投诉) and an assisting 示例市生态环境局 (user test). Trailing commas on every row are no error.
    path = tmp_path / "bianjie.csv"
    path.write_text("序号,事项名称,牵头部门,配合部门,备注\n1,建筑施工噪声管理,示例市生态环境局,示例市住房和城乡建设局,\n"
                    "2,城区噪声管理(含点击,投诉),示例市生态环境局,示例市公安局,\n"
                    "3,社会生活噪声管理,示例市公安局,示例市生态环境局,\n", encoding="utf-8")
    error = _refused(path)
    assert error.message == (
        f"{path}:3: expected at most 5 cells, as the header has, found 6 (sheet bianjie; column F; a comma inside a "
        "cell that is not in double quotes splits the cell in two and moves every cell after it one column right: "
        "put such a cell in double quotes)")
    assert error.message_zh("bianjie.csv") == (
        "bianjie.csv第 3 行 F 列（表头之外）：该行有 6 个单元格，表头只有 5 列：很可能某个单元格内的逗号没有加英文双引号，"
        "把该格拆成了两格，其后各格因此错位（请用英文双引号括起含逗号的单元格）")
    quoted = path.read_text(encoding="utf-8").replace("城区噪声管理(含点击,投诉)", '"城区噪声管理(含点击,投诉)"')
    path.write_text(quoted.replace("\n", ",\n").replace("备注,\n", "备注\n"), encoding="utf-8")
    assert [(record.matter, record.leads) for record in parse_list(read_workbook(path)).records] == [
        ("建筑施工噪声管理", ["示例市生态环境局"]), ("城区噪声管理(含点击,投诉)", ["示例市生态环境局"]),
        ("社会生活噪声管理", ["示例市公安局"])]


def test_a_row_s_two_party_columns_are_one_cell_error(tmp_path: Path) -> None:
    # An empty 管理事项 and no party: two errors, the second naming both party columns. (An empty cell under a row
    # that has a value carries that value down, so a row's empty cell is an error on a list's first row only.)
    path = tmp_path / "bianjie.csv"
    path.write_text("序号,管理事项,牵头部门,配合部门,职责分工\n1,,,,负责审批\n2,占道经营管理,,市市场监管局,负责查处\n",
                    encoding="utf-8")
    assert _refused(path).message.splitlines() == [
        f"{path}:2: expected every cell of the row to be readable (sheet bianjie; 2 cells are not)",
        "  column B 管理事项: expected a 管理事项 (the cell is empty)",
        "  columns C 牵头部门 and D 配合部门: expected a 牵头部门 or 配合部门 (both cells are empty)",
    ]


def test_a_list_with_bad_cells_leaves_the_store_as_it_was(store: Store, tmp_path: Path) -> None:
    good = tmp_path / "good" / "shixian_good.csv"
    good.parent.mkdir()
    good.write_text("序号,事项名称,领域,划分方式,适用区县\n1,户外广告设置审批,城市管理,县级专有,全部\n", encoding="utf-8")
    assert ingest([good], store, region=Region(("示例市",))).failed == []
    before = store.read("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n ORDER BY label")
    bad = tmp_path / "shixian.csv"
    bad.write_text(SPLIT_CSV, encoding="utf-8")
    report = ingest([bad], store, region=Region(("示例市",)))
    assert [(outcome.path, outcome.error.splitlines()[1]) for outcome in report.failed] == [
        (bad, f"{bad}:3: expected every cell of the row to be readable (sheet shixian; 2 cells are not)")]
    assert store.read("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n ORDER BY label") == before


# -- every error carries its own Chinese ------------------------------------------------------------------------

_HAN = re.compile(r"[\u4e00-\u9fff]")
# The calls that must carry Chinese: an IngestError and the pipeline's _fail making one (zh=), a list cell's
# CellError and a reader's _Problem (their third argument, or zh=).
_CARRIERS = {"IngestError": None, "_fail": None, "CellError": 2, "_Problem": 2}


def _constructions() -> list[tuple[str, str, ast.expr | None]]:
    """Every place the code builds an error, found by reading the source (not a list of known errors): where, the
    class, and the expression given as its Chinese (None when none is)."""
    found = []
    for path in sorted([*(ROOT / "ingest").rglob("*.py"), *(ROOT / "api").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _CARRIERS):
                continue
            position = _CARRIERS[node.func.id]
            zh = next((keyword.value for keyword in node.keywords if keyword.arg == "zh"), None)
            if zh is None and position is not None and len(node.args) > position:
                zh = node.args[position]
            found.append((f"{path.relative_to(ROOT)}:{node.lineno}", node.func.id, zh))
    return found


def test_every_error_ingest_raises_carries_its_own_chinese() -> None:
    built = _constructions()
    # The list readers' errors are among them (a refactor that hid them from this reading would fail here).
    assert {kind for where, kind, _zh in built if where.startswith("ingest/lists.py")} == {
        "IngestError", "CellError", "_Problem"}
    missing = [where for where, _kind, zh in built if zh is None]
    assert missing == []
    # A literal or an f-string with Chinese words in it, or a name or attribute bound to one (a _Problem's zh, which
    # the line above checks where the _Problem is made).
    english = [where for where, _kind, zh in built
               if not (isinstance(zh, ast.Name | ast.Attribute) or _HAN.search(ast.unparse(zh or ast.Constant(""))))]
    assert english == []


def test_a_list_error_s_chinese_is_its_own_not_a_fallback(tmp_path: Path) -> None:
    # Errors before the rows (a header naming no list, a missing column) speak Chinese too.
    unknown = tmp_path / "huiyi.csv"
    unknown.write_text("会议名称,时间\n安全生产会议,周一\n", encoding="utf-8")
    assert _refused(unknown).message_zh("huiyi.csv") == (
        "huiyi.csv第 1 行：清单没有可识别的表头行（表头应有一列说明清单类别：权力类型、牵头部门或配合部门、监管事项名称、"
        "划分方式、主体责任单位 等）")
    no_claimant = tmp_path / "jianguan.csv"
    no_claimant.write_text("序号,监管事项名称,监管对象\n1,对农贸市场的监督检查,市场开办者\n", encoding="utf-8")
    assert _refused(no_claimant).message_zh("jianguan.csv") == (
        "jianguan.csv第 1 行：监管事项目录的表头应有“认领部门”列，却没有")
