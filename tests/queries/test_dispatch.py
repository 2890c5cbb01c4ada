"""A hotline's complaint files as dispatch reads them, and the region complaints are routed within."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import open_store
from ingest.errors import IngestError
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.complaint_files import read_complaints
from queries.dispatch import columns_with, dispatch, person_reason
from tests.queries.test_lookup import _sanding


def test_a_text_file_is_one_complaint_a_line(tmp_path: Path) -> None:
    path = tmp_path / "calls.txt"
    path.write_text("楼上漏水\n\n  电梯困人 \n", encoding="utf-8")
    read = read_complaints(path)
    assert [(c.line, c.text, c.region, c.fields) for c in read.complaints] == [(1, "楼上漏水", "", {}),
                                                                                (3, "电梯困人", "", {})]
    assert (read.columns, read.text_column, read.region_column, read.warnings) == ([], None, None, [])
    with pytest.raises(IngestError, match="a table"):
        read_complaints(path, column="内容")


@pytest.mark.parametrize(("name", "content"), [
    ("calls.tsv", "工单编号\t工单内容\t区县\nA1\t楼上漏水\t河西区\n"),
    ("calls.csv", "工单编号;工单内容;区县\nA1;楼上漏水;河西区\n"),  # a European Excel's `;`
    ("calls.csv", "工单编号|工单内容|区县\nA1|楼上漏水|河西区\n"),
    ("calls.csv", " 工单编号 , 工单内容 ,区县\nA1,楼上漏水,河西区\n"),  # titles read without their spaces
])
def test_a_tables_columns_are_found_by_their_titles(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    read = read_complaints(path)
    assert [(c.line, c.text, c.region, c.fields) for c in read.complaints] == [(2, "楼上漏水", "河西区", {"工单编号": "A1"})]
    assert (read.columns, read.text_column, read.region_column) == (["工单编号"], "工单内容", "区县")


def test_a_named_region_column_must_be_there(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_text("诉求,片区\n楼上漏水,河西区\n", encoding="utf-8")
    assert [c.region for c in read_complaints(path, region_column="片区").complaints] == ["河西区"]
    with pytest.raises(IngestError) as error:
        read_complaints(path, region_column="辖区")
    assert error.value.message == (f"{path}:1: expected a column titled 辖区 (or name it with --region-column) "
                                   "(the header has: 诉求, 片区)")
    assert error.value.zh == "表头应有名为“辖区”的列，或用 --region-column 指定；表头为：诉求, 片区"


def test_an_input_column_an_answer_column_bears_keeps_its_value_under_another_key() -> None:
    assert columns_with(["工单编号", "department"])[:4] == ["line", "工单编号", "department（原表）", "text_in"]


def test_complaints_of_a_graph_of_two_cities_are_routed_within_every_region(tmp_path: Path) -> None:
    """No one city to default to: each complaint goes to the best department of any region, as who_handles does."""
    store = open_store(f"embedded:{tmp_path / 'store'}")
    try:
        for city, work in (("徐州市", "户外广告设施"), ("南京市", "城市照明设施")):
            (tmp_path / f"{city}.txt").write_text(_sanding(city, work), encoding="utf-8")
            assert ingest([tmp_path / f"{city}.txt"], store, region=Region((city,))).failed == []
        path = tmp_path / "calls.txt"
        path.write_text("路灯不亮\n", encoding="utf-8")
        result = dispatch(store, read_complaints(path).complaints, region=None)
        assert result.default_region is None
        assert [(row["region"], row["department"]) for row in result.rows] == [("南京市/鼓楼区", "鼓楼区城市管理局")]
    finally:
        store.close()


@pytest.mark.parametrize(("flags", "said"), [
    ({}, ""),
    ({"tie": True, "weak": True}, "难以区分；依据不足"),
    ({"no_match": True}, "无匹配"),
    ({"weak": True, "township_unnamed": True}, "依据不足；需确定事发地乡镇（街道）"),
    ({"place_unnamed": True}, "需确定事发地（市、县）"),
    ({"holds_no_duties": True, "note": "示例市/青山县 的部门无相应职责，按上级 示例市 分派 / no department …"},
     "图中无其职责；示例市/青山县 的部门无相应职责，按上级 示例市 分派"),
    ({"text_in": "", "no_match": True, "note": "诉求为空 / the complaint is empty"}, "诉求为空"),
])
def test_the_reasons_a_person_must_settle_a_row(flags: dict[str, object], said: str) -> None:
    row = {"text_in": "楼上漏水", "tie": False, "weak": False, "holds_no_duties": False, "no_match": False,
           "township_unnamed": False, "place_unnamed": False, "note": ""}
    assert person_reason({**row, **flags}) == said
