"""department_profile's facts at an 80-column terminal: a column a line (项目, 内容), not twenty columns folded two
characters wide (user review: every cell a tall stack of single characters)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from api.cli import output
from api.cli.common import out
from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.profile import department_profile

SANDING = Path(__file__).resolve().parents[2] / "examples" / "sanding" / "hexi_jiaotong.txt"


def test_profile_facts_fit_an_80_column_terminal(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    assert ingest([SANDING], store, region=Region(("示例市",))).failed == []
    result = department_profile(store, "河西区交通运输局")
    monkeypatch.setattr(out, "width", 80)
    with out.capture() as captured:
        output.print_result(result, title="一个部门的全部情况", columns=[], answer="department_profile", table="facts")
    lines = captured.get().splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    # Each fact on a line of its own, its value whole beside its title.
    assert [line.split("│")[2].strip() for line in lines if line.startswith("│ 名称")] == ["河西区交通运输局"]
    # 规格 and 主管部门, each followed by the clause it was read from (fields version 22), then 编制.
    assert [line.split("│")[1].strip() for line in lines if line.startswith("│")][:8] == [
        "名称", "区划", "类型", "规格", "规格所据条款", "主管部门", "主管部门所据条款", "编制"]
