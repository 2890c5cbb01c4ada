"""A 三定 of a `区政府办公室` loaded with a city's region is refused, in Chinese too, for the reason the English gives:
the 区 is missing (user test: the Chinese said only 部门名称没有写明区划, though the name does say 区, and the
page's user reads the Chinese alone)."""

from __future__ import annotations

from pathlib import Path

from graph.store import Store
from ingest.pipeline import ingest
from ingest.regions import Region

SANDING = """区政府办公室职能配置、内设机构和人员编制规定
第一条 根据有关规定，制定本规定。
第二条 区政府办公室是区政府工作部门，为正科级。
第三条 区政府办公室主要职责是：
（一）负责区政府会议的组织筹备工作。
（二）负责区政府公文的审核把关工作。
（三）完成区委、区政府交办的其他任务。
"""


def test_a_district_office_under_a_city_is_refused_saying_the_district_is_missing(store: Store,
                                                                                 tmp_path: Path) -> None:
    path = tmp_path / "qu_bangongshi.txt"
    path.write_text(SANDING, encoding="utf-8")
    [outcome] = ingest([path], store, region=Region(("北湖市",))).outcomes
    assert not outcome.ok and outcome.failure is not None
    assert outcome.error == (
        f"{path}:1: expected a department name with its region, a 第一条 that cites the region's 机构改革方案, or "
        "--region (e.g. --region 示例市/青山县) (the department name 区政府办公室 is a 区's, and --region 北湖市 is no "
        "single 区: give the 区 (--region 北湖市/…区))")
    assert outcome.failure.message_zh(path.name) == (
        "qu_bangongshi.txt第 1 行：部门名称“区政府办公室”是区级部门，而所填区划 北湖市 不是一个区：请填写所在的区"
        "（如 北湖市/…区）后重新载入")
    assert store.read("MATCH (n) WHERE n:Document OR n:Department OR n:Region RETURN count(n) AS n") == [{"n": 0}]
