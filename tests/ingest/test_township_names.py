"""A township's government under every name documents give it: its own (城关镇人民政府, 河西街道办事处) and a county's
lists' (青山县城关镇, 示例市河西区河西街道, with or without 人民政府 or 办事处) are one body with one name, which the resolver
reads (ingest.names.NameResolver) and every lookup finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import Store
from ingest.names import KnownDepartment, NameResolver, township_body
from ingest.pipeline import ingest
from ingest.regions import Region
from queries.lookup import find_department, names_read_as

QINGSHAN, HEXI, HEDONG = Region(("示例市", "青山县")), Region(("示例市", "河西区")), Region(("示例市", "河东县"))


def _body(county: Region, township: str) -> KnownDepartment:
    region = Region((*county.names, township))
    base, name = township_body(region)
    return KnownDepartment(f"dept:{region.path}/{base}", name, base, region, {base, name, township})


def _resolver() -> NameResolver:
    # Two counties with a 城关镇 each (a common name), 青山县 with a 石桥镇 too, and 河西区 with 河西街道.
    return NameResolver([_body(QINGSHAN, "城关镇"), _body(QINGSHAN, "石桥镇"), _body(HEDONG, "城关镇"),
                         _body(HEXI, "河西街道")])


CHENGGUAN = ("dept:示例市/青山县/城关镇/人民政府", "城关镇人民政府")
HEXI_STREET = ("dept:示例市/河西区/河西街道/街道办事处", "河西街道办事处")


@pytest.mark.parametrize(("mention", "home", "expected"), [
    # A county's own documents, however they write it.
    ("城关镇", QINGSHAN, CHENGGUAN),
    ("城关镇人民政府", QINGSHAN, CHENGGUAN),
    ("城关镇政府", QINGSHAN, CHENGGUAN),
    ("县城关镇人民政府", QINGSHAN, CHENGGUAN),
    ("青山县城关镇", QINGSHAN, CHENGGUAN),
    ("青山县城关镇人民政府", QINGSHAN, CHENGGUAN),
    # A county's name places it wherever the document is from: the city's, another county's.
    ("示例市青山县城关镇", Region(("示例市",)), CHENGGUAN),
    ("河东县城关镇", QINGSHAN, ("dept:示例市/河东县/城关镇/人民政府", "城关镇人民政府")),
    ("青山县石桥镇", HEXI, ("dept:示例市/青山县/石桥镇/人民政府", "石桥镇人民政府")),
    # From the city, a bare name is the one township of that name the graph knows.
    ("石桥镇", Region(("示例市",)), ("dept:示例市/青山县/石桥镇/人民政府", "石桥镇人民政府")),
    # 街道: its 办事处, or 街道办 as people say it.
    ("河西街道", HEXI, HEXI_STREET),
    ("河西区河西街道", HEXI, HEXI_STREET),
    ("示例市河西区河西街道办事处", QINGSHAN, HEXI_STREET),
    ("河西街道办", HEXI, HEXI_STREET),
    # A township the graph does not know yet is still its government, in the county of the document.
    ("青山县新市镇", HEXI, ("dept:示例市/青山县/新市镇/人民政府", "新市镇人民政府")),
    # 市 inside a 街道's name is no level marker where no 桥街道 is known.
    ("市桥街道", HEXI, ("dept:示例市/河西区/市桥街道/街道办事处", "市桥街道办事处")),
])
def test_every_spelling_of_a_township_is_its_one_government(mention: str, home: Region,
                                                            expected: tuple[str, str]) -> None:
    result = _resolver().resolve(mention, home)
    assert (result.status, (result.uid, result.name), result.method) == ("resolved", expected, "township")


def test_a_bare_name_two_counties_bear_is_not_taken_for_either_from_the_city() -> None:
    result = _resolver().resolve("城关镇", Region(("示例市",)))
    assert (result.uid, result.region.path) == ("dept:示例市/城关镇/人民政府", "示例市/城关镇")


@pytest.mark.parametrize("mention", ["各乡镇人民政府", "乡镇人民政府", "城关镇财政所", "城关镇综治办"])
def test_what_is_not_one_township_s_government(mention: str) -> None:
    assert _resolver().resolve(mention, QINGSHAN).method != "township"


# Two lists of 青山县 written for this test: a 属地 list writes the township as the county writes it, a boundary list
# as the township writes itself.
_TERRITORIAL = """序号,属地管理事项,主体责任单位,配合责任单位,主体责任,配合责任,备注
1,集贸市场周边秩序管理,青山县城关镇,县市场监管局,组织日常巡查，劝导占道经营。,县市场监管局负责市场内经营秩序监管。,
"""
_BOUNDARY = """编号,管理事项,主责部门,协办部门,职责分工,法律依据,备注
1,河道岸线保洁,县水利局,城关镇人民政府、县城管局,县水利局负责河道管理范围内保洁的组织指导。,“三定”规定,
"""


def test_a_list_s_spelling_and_the_township_s_own_are_one_department(store: Store, tmp_path: Path) -> None:
    (tmp_path / "青山县乡镇属地管理事项责任清单.csv").write_text(_TERRITORIAL, encoding="utf-8")
    (tmp_path / "青山县部门职责边界清单.csv").write_text(_BOUNDARY, encoding="utf-8")
    report = ingest([tmp_path], store, region=QINGSHAN)
    assert [outcome.error for outcome in report.failed] == []
    rows = store.read("MATCH (d:Department) WHERE d.name CONTAINS '城关镇' "
                      "OPTIONAL MATCH (d)-[r:LEADS|ASSISTS]->(m:Matter) "
                      "RETURN d.uid AS uid, d.name AS name, d.kind AS kind, d.region AS region, "
                      "d.unresolved AS unresolved, type(r) AS role, m.name AS matter ORDER BY role")
    assert rows == [
        {"uid": "dept:示例市/青山县/城关镇/人民政府", "name": "城关镇人民政府", "kind": "乡镇（街道）",
         "region": "示例市/青山县/城关镇", "unresolved": False, "role": "ASSISTS", "matter": "河道岸线保洁"},
        {"uid": "dept:示例市/青山县/城关镇/人民政府", "name": "城关镇人民政府", "kind": "乡镇（街道）",
         "region": "示例市/青山县/城关镇", "unresolved": False, "role": "LEADS", "matter": "集贸市场周边秩序管理"}]
    # Found by every spelling, and said how it was read where the name is not one the graph holds for it.
    for typed in ("城关镇人民政府", "城关镇", "青山县城关镇", "青山县城关镇人民政府", "示例市青山县城关镇", "县城关镇"):
        assert find_department(store, typed)["uid"] == "dept:示例市/青山县/城关镇/人民政府", typed
    names, reading = names_read_as(store, "青山县城关镇人民政府")
    assert (names, reading.zh if reading else None) == ({"城关镇人民政府"}, "“青山县城关镇人民政府”读作：城关镇人民政府")
