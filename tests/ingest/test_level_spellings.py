"""One reading of a 行使层级 cell (ingest/levels.py): a 市县事权划分清单's column (`lists._split`) and a city
权责清单's (`level_splits`) give each spelling the same 市县 share. The two lists, tests/fixtures/level_split/
spellings_*.csv, are invented and write the same 25 spellings in the same rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.level_split import level_splits
from ingest.lists import parse_list
from ingest.model import PowerItemRecord, SplitRecord
from ingest.sheets import read_workbook

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "level_split"
CITY, COUNTY, SHARED = "exclusive_city", "exclusive_county", "shared"
# Each row's 行使层级 (as the fixtures write it) and the share it gives.
EXPECTED = [
    ("档案查阅指导", "市", CITY), ("档案鉴定审核", "市级", CITY), ("档案移交接收", "市本级", CITY),
    ("档案保管检查", "县", COUNTY), ("档案开放审查", "县级", COUNTY), ("档案信息化指导", "区", COUNTY),
    ("档案安全检查", "区级", COUNTY), ("档案数字化验收", "县区", COUNTY), ("档案编研指导", "区县", COUNTY),
    ("档案培训组织", "县(区)", COUNTY), ("档案征集管理", "县（区）级", COUNTY), ("档案寄存管理", "县(市)", COUNTY),
    ("档案统计调查", "县(市、区)", COUNTY), ("档案保密审查", "县（区、市）", COUNTY), ("档案执法检查", "市县", SHARED),
    ("档案违法处罚", "市县共有", SHARED), ("档案奖励评定", "市县两级", SHARED), ("档案出境审批", "市、县", SHARED),
    ("档案复制审批", "市,县", SHARED), ("档案登记备案", "市、区", SHARED), ("档案利用监督", "市、县(区)", SHARED),
    ("档案抢救指导", "市级、县级", SHARED), ("档案工作考核", "市、县（市、区）", SHARED), ("档案资料征集", "市 、 县", SHARED),
    # 乡镇 names no level of a city's: the cell is read by the level it does name.
    ("档案室建设指导", "市、乡镇", CITY),
]


def test_a_split_list_reads_each_level_spelling() -> None:
    document = parse_list(read_workbook(FIXTURES / "spellings_shixian.csv"))
    splits = [record for record in document.records if isinstance(record, SplitRecord)]
    assert [(split.matter, split.share) for split in splits] == [(matter, share) for matter, _level, share in EXPECTED]


def test_a_power_lists_levels_read_each_spelling_alike() -> None:
    document = parse_list(read_workbook(FIXTURES / "spellings_quanze.csv"))
    items = [record for record in document.records if isinstance(record, PowerItemRecord)]
    assert ["、".join(item.levels) for item in items[:3]] == ["市", "市级", "市本级"]
    assert [(split.matter, split.share) for split in level_splits(items)] == [
        (matter, share) for matter, _level, share in EXPECTED]


@pytest.mark.parametrize("level", ["省级", "乡镇", "乡镇(街道)、街道"])
def test_a_level_naming_no_city_or_county_is_refused_by_a_split_list(tmp_path: Path, level: str) -> None:
    path = tmp_path / "shixian.csv"
    path.write_text(f"序号,事项名称,行使层级,市级职责,县级职责\n1,档案馆审核,\"{level}\",,\n", encoding="utf-8")
    with pytest.raises(IngestError) as raised:
        parse_list(read_workbook(path))
    assert raised.value.message.splitlines() == [
        f"{path}:2: expected a 划分方式 of 市级专有, 县级专有, 市县共有 or 委托 (or a 行使层级 of 市, 县 or 市、县), "
        f"found {level!r} (sheet shixian; column C 行使层级)"]


def test_a_power_list_leaves_out_a_level_naming_no_city_or_county(tmp_path: Path) -> None:
    path = tmp_path / "quanze.csv"
    path.write_text("序号,事项名称,权力类型,行使层级,实施主体\n1,档案馆审核,行政检查,省级,青岩市档案局\n"
                    "2,乡镇档案指导,行政检查,乡镇(街道)、街道,青岩市档案局\n", encoding="utf-8")
    items = [record for record in parse_list(read_workbook(path)).records if isinstance(record, PowerItemRecord)]
    assert [item.name for item in items] == ["档案馆审核", "乡镇档案指导"]
    assert level_splits(items) == []
